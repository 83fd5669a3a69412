//! A copy button with the Clipboard API, and a selectable fallback when the
//! browser refuses.

use crate::components::Outcome;
use crate::context::tr;
use crate::i18n::Key;
use leptos::prelude::*;

/// A copy button with the Clipboard API and a selectable fallback.
#[component]
pub fn CopyButton(
    /// The text to copy.
    #[prop(into)]
    text: Signal<String>,
    /// Button label.
    label: Key,
    /// Disable the button (e.g. the draft is invalid).
    #[prop(optional, into)]
    disabled: Signal<bool>,
    /// Element id prefix.
    #[prop(into)]
    id: String,
) -> impl IntoView {
    let fallback_id = format!("{id}-fallback");
    let focus_id = fallback_id.clone();
    let fallback = RwSignal::new(false);
    let copied = RwSignal::new(false);
    // Each copy is announced: a new region each time, so the same words
    // are heard again.
    let copies = RwSignal::new(0u32);
    let scope = crate::task::Scope::new();
    let copy = move |_| {
        let value = text.get_untracked();
        let focus_id = focus_id.clone();
        scope.spawn(async move {
            match crate::platform::copy_text(&value).await {
                Ok(()) => {
                    fallback.set(false);
                    copied.set(true);
                    copies.update(|n| *n += 1);
                }
                Err(()) => {
                    copied.set(false);
                    fallback.set(true);
                    request_animation_frame(move || crate::platform::focus(&focus_id));
                }
            }
        });
    };
    view! {
        <button type="button" id=format!("{id}-button") on:click=copy disabled=move || disabled.get()>{tr(label)}</button>
        {move || (copied.get() && copies.get() > 0).then(|| view! {
            <Outcome class="ok" text=Signal::derive(move || tr(Key::Copied)().to_string())/>
        })}
        <Show when=move || fallback.get()>
            <div class="copy-fallback">
                <Outcome urgent=true text=Signal::derive(move || tr(Key::CopyFallback)().to_string())/>
                <label for=fallback_id.clone()>{tr(Key::TextToCopy)}</label>
                <textarea id=fallback_id.clone() readonly rows="8" prop:value=move || text.get() on:focus=move |ev| {
                    use wasm_bindgen::JsCast;
                    if let Some(t) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) { t.select(); }
                }></textarea>
            </div>
        </Show>
    }
}
