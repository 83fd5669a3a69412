//! An inline confirmation (alertdialog): the question, Confirm and Cancel.

use crate::context::tr;
use crate::i18n::Key;
use leptos::prelude::*;

/// An inline confirmation: the question and Confirm / Cancel. The focus goes
/// on Cancel, the less destructive answer, so a second Enter does not
/// confirm what a first one only asked (WAI-ARIA's alertdialog pattern:
/// <https://www.w3.org/WAI/ARIA/apg/patterns/alertdialog/>); Escape cancels,
/// and a cancel gives the focus back to the control that asked.
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
    let cancel_id = format!("{id}-cancel");
    let focus_id = cancel_id.clone();
    let opener = StoredValue::new_local(crate::platform::focused());
    request_animation_frame(move || crate::platform::focus(&focus_id));
    let cancel = move || {
        // Read before the cancel disposes this component.
        let opener = opener.try_get_value().flatten();
        on_cancel.run(());
        request_animation_frame(move || crate::platform::focus_back(opener));
    };
    view! {
        <div class="confirm" role="alertdialog" aria-labelledby=format!("{id}-question")
            on:keydown=move |ev| if ev.key() == "Escape" { ev.prevent_default(); cancel() }>
            <p id=format!("{id}-question")>{move || question.get()}</p>
            <button type="button" class="danger" on:click=move |_| on_confirm.run(())>{tr(Key::Confirm)}</button>
            " "
            <button type="button" id=cancel_id on:click=move |_| cancel()>{tr(Key::Cancel)}</button>
        </div>
    }
}
