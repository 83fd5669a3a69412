//! An inline confirmation (alertdialog): the question, Confirm and Cancel.

use crate::context::tr;
use crate::i18n::Key;
use leptos::prelude::*;

/// An inline confirmation: the question and Confirm / Cancel, focus on Confirm.
#[component]
pub fn Confirm(
    /// The question.
    #[prop(into)]
    question: Signal<String>,
    /// Confirm.
    on_confirm: Callback<()>,
    /// Cancel.
    on_cancel: Callback<()>,
    /// Element id prefix.
    id: String,
) -> impl IntoView {
    let confirm_id = format!("{id}-confirm");
    let focus_id = confirm_id.clone();
    request_animation_frame(move || crate::platform::focus(&focus_id));
    view! {
        <div class="confirm" role="alertdialog" aria-labelledby=format!("{id}-question")>
            <p id=format!("{id}-question")>{move || question.get()}</p>
            <button type="button" class="danger" id=confirm_id on:click=move |_| on_confirm.run(())>{tr(Key::Confirm)}</button>
            " "
            <button type="button" on:click=move |_| on_cancel.run(()) on:keydown=move |_| ()>{tr(Key::Cancel)}</button>
        </div>
    }
}
