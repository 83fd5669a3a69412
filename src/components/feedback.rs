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
    let c = ctx();
    let code = error.code.number();
    // "Try again" pressed: said on screen and aloud until the outcome
    // replaces this banner.
    let retrying = RwSignal::new(false);
    // An error the user can act on is on screen: the page is ready.
    Effect::new(|_| crate::platform::app_ready());
    view! {
        <div class="error-banner">
            <Announced urgent=true>
                <p class="error-title"><strong>{tr(Key::ErrorTitle)}</strong></p>
                <p>{move || trf(Key::ErrorWhat, &[&what.get()])}</p>
                <p class="error-description">{let error = error.clone(); move || crate::i18n::api_error(c.lang.get(), &error)}</p>
                {(code != 0).then(|| view! { <p class="muted">{move || trf(Key::ErrorCodeLabel, &[&code.to_string()])}</p> })}
            </Announced>
            {on_retry.map(|retry| view! {
                <button type="button" disabled=move || retrying.get() on:click=move |_| {
                    retrying.set(true);
                    retry.run(())
                }>{tr(Key::Retry)}</button>
                <Show when=move || retrying.get()>
                    <Outcome class="retrying" text=Signal::derive(move || tr(Key::Retrying)().to_string())/>
                </Show>
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
    let retry = Callback::new(move |_| resource.refetch());
    move || match resource.get() {
        Some(Ok(value)) => children(value).into_any(),
        Some(Err(e)) => not_fetched(Some(e), what, retry),
        None => not_fetched(None, what, retry),
    }
}

/// Loading, or the error with "Try again": written once, not in every
/// [`Fetched`] instance (issue 12).
fn not_fetched(error: Option<ApiError>, what: Signal<String>, retry: Callback<()>) -> AnyView {
    match error {
        None => view! { <Loading/> }.into_any(),
        Some(e) => view! { <ErrorBanner what=what error=e on_retry=retry/> }.into_any(),
    }
}

/// How long a new live region stays empty before its words arrive: it
/// must be in the browser's accessibility tree first, or a screen reader
/// may not hear it.
const ANNOUNCE_AFTER_MS: u32 = 50;

/// Reports an asynchronous outcome (saved, created, copied, accepted,
/// refused, an error, trying again): what it holds is shown, and announced
/// once in the same words by a live region of its own, put on the page
/// empty a moment before its words (WCAG 4.1.3). Nothing else repeats them
/// to screen readers. The words follow a later language switch.
#[component]
pub fn Announced(
    /// Said at once (an error, a refusal) rather than when the reader is idle.
    #[prop(optional)]
    urgent: bool,
    /// The region's class.
    #[prop(optional)]
    class: &'static str,
    /// What is shown and said.
    children: ChildrenFn,
) -> impl IntoView {
    let shown = RwSignal::new(false);
    crate::task::Scope::new().spawn(async move {
        crate::api::sleep_ms(ANNOUNCE_AFTER_MS).await;
        shown.set(true);
    });
    view! {
        <div class=class role=if urgent { "alert" } else { "status" }>
            {move || shown.get().then(|| children())}
        </div>
    }
}

/// One paragraph of [`Announced`] words.
#[component]
pub fn Outcome(
    /// The words.
    #[prop(into)]
    text: Signal<String>,
    /// Said at once (a refusal, a problem).
    #[prop(optional)]
    urgent: bool,
    /// The paragraph's class.
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    view! { <Announced urgent=urgent><p class=class>{move || text.get()}</p></Announced> }
}
