//! How a screen says it is busy or that something failed (with a retry).

use crate::api::error::ApiError;
use crate::context::{ctx, tr, trf};
use crate::i18n::Key;
use leptos::prelude::*;

/// A failed call: what failed, what the error means (worded from its code in
/// the UI language; the backend's own text is never shown), its code, and a
/// retry.
#[component]
pub fn ErrorBanner(
    /// What the app was doing, in the user's words.
    #[prop(into)]
    what: Signal<String>,
    /// The error.
    error: ApiError,
    /// Called by "Try again"; no button without it.
    #[prop(optional)]
    on_retry: Option<Callback<()>>,
) -> impl IntoView {
    let code = error.code.number();
    // An error the user can act on is on screen: the page is ready.
    Effect::new(|_| crate::platform::app_ready());
    view! {
        <div class="error-banner" role="alert">
            <p class="error-title"><strong>{tr(Key::ErrorTitle)}</strong></p>
            <p>{move || trf(Key::ErrorWhat, &[&what.get()])}</p>
            <p class="error-description">{move || crate::i18n::api_error(ctx().lang.get(), &error)}</p>
            {(code != 0).then(|| view! { <p class="muted">{move || trf(Key::ErrorCodeLabel, &[&code.to_string()])}</p> })}
            {on_retry.map(|retry| view! {
                <button type="button" on:click=move |_| retry.run(())>{tr(Key::Retry)}</button>
            })}
        </div>
    }
}

/// "Loading…" with a busy state for assistive technology.
#[component]
pub fn Loading() -> impl IntoView {
    view! { <p class="loading" role="status" aria-busy="true">{tr(Key::Loading)}</p> }
}

/// A read's three states in one place: loading, its error with "Try again",
/// or the content for its value (`let:value`).
#[component]
pub fn Fetched<T, V, F>(
    /// The read.
    resource: crate::task::Read<Result<T, ApiError>>,
    /// What was being read, in the user's words (for the error).
    #[prop(into)]
    what: Signal<String>,
    /// The content for the value.
    children: F,
) -> impl IntoView
where
    T: Clone + 'static,
    V: IntoView + 'static,
    F: Fn(T) -> V + Send + Sync + 'static,
{
    move || match resource.get() {
        None => view! { <Loading/> }.into_any(),
        Some(Err(e)) => view! {
            <ErrorBanner what=what error=e on_retry=Callback::new(move |_| resource.refetch())/>
        }
        .into_any(),
        Some(Ok(value)) => children(value).into_any(),
    }
}
