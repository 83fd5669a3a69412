//! Form fields with their problems shown next to them, and the Microsoft
//! Customer Agreement signer's fields.

use crate::context::{ctx, tr};
use crate::domain::validate::FieldProblem;
use crate::i18n::{self, Key};
use leptos::prelude::*;

/// The message for a field problem in the current language.
pub fn problem_text(p: FieldProblem) -> String {
    i18n::problem(ctx().lang.get(), p)
}

/// A field's problem, shown once the user has tried to submit.
pub fn shown_after(
    tried: RwSignal<bool>,
    check: impl Fn() -> Result<(), FieldProblem> + Send + Sync + 'static,
) -> Signal<Option<String>> {
    Signal::derive(move || {
        if tried.get() {
            check().err().map(problem_text)
        } else {
            None
        }
    })
}

/// A labelled text input with its error message (kept next to it and tied by
/// `aria-describedby`).
#[component]
pub fn TextField(
    /// Element id.
    #[prop(into)]
    id: String,
    /// Label key.
    label: Key,
    /// The value.
    value: RwSignal<String>,
    /// The problem to show, if any.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// `type` attribute.
    #[prop(default = "text")]
    input_type: &'static str,
    /// `autocomplete` attribute.
    #[prop(default = "off")]
    autocomplete: &'static str,
    /// Mark the label "optional".
    #[prop(optional)]
    optional: bool,
    /// Required field.
    #[prop(optional)]
    required: bool,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let described = error_id.clone();
    view! {
        <div class="field" class:invalid=move || error.get().is_some()>
            <label for=id.clone()>
                {tr(label)}
                {optional.then(|| view! { " " <span class="muted">"(" {tr(Key::Optional)} ")"</span> })}
            </label>
            <input
                id=id
                type=input_type
                autocomplete=autocomplete
                required=required
                aria-invalid=move || error.get().is_some().to_string()
                aria-describedby=move || error.get().is_some().then(|| described.clone())
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
            <Show when=move || error.get().is_some()>
                <p class="field-error" id=error_id.clone()>{move || error.get().unwrap_or_default()}</p>
            </Show>
        </div>
    }
}

/// The Microsoft Customer Agreement signer's fields and their checks.
#[derive(Clone, Copy)]
pub struct SignerForm {
    /// First name.
    pub first: RwSignal<String>,
    /// Last name.
    pub last: RwSignal<String>,
    /// Email.
    pub email: RwSignal<String>,
    /// Phone (optional).
    pub phone: RwSignal<String>,
    /// Set on the first submit: problems show from then on.
    pub tried: RwSignal<bool>,
}

impl SignerForm {
    /// A form prefilled with a name and email.
    pub fn new(first: String, last: String, email: String) -> Self {
        Self {
            first: RwSignal::new(first),
            last: RwSignal::new(last),
            email: RwSignal::new(email),
            phone: RwSignal::new(String::new()),
            tried: RwSignal::new(false),
        }
    }

    /// The signer as typed.
    pub fn signer(&self) -> crate::domain::relationship::McaSigner {
        crate::domain::relationship::McaSigner {
            first_name: self.first.get(),
            last_name: self.last.get(),
            email: self.email.get(),
            phone_number: self.phone.get(),
        }
    }

    /// The message for `field` (wire name), once the user tried to submit.
    pub fn error(self, field: &'static str) -> Signal<Option<String>> {
        Signal::derive(move || {
            if !self.tried.get() {
                return None;
            }
            self.signer()
                .problems()
                .into_iter()
                .find(|(f, _)| *f == field)
                .map(|(_, p)| problem_text(p))
        })
    }
}

/// The four signer fields.
#[component]
pub fn SignerFields(
    /// The form's state.
    form: SignerForm,
    /// Element id prefix.
    #[prop(into)]
    prefix: String,
) -> impl IntoView {
    view! {
        <TextField id=format!("{prefix}-first") label=Key::FirstName value=form.first error=form.error("firstName") required=true autocomplete="given-name"/>
        <TextField id=format!("{prefix}-last") label=Key::LastName value=form.last error=form.error("lastName") required=true autocomplete="family-name"/>
        <TextField id=format!("{prefix}-email") label=Key::Email value=form.email error=form.error("email") required=true input_type="email" autocomplete="email"/>
        <TextField id=format!("{prefix}-phone") label=Key::Phone value=form.phone error=form.error("phoneNumber") optional=true input_type="tel" autocomplete="tel"/>
    }
}
