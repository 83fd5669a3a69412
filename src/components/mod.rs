//! Shared UI pieces: header, notifications, error banner, form fields, copy
//! button, inline confirmation, loading indicator.

use crate::api::error::ApiError;
use crate::api::op;
use crate::app::{ctx, href, tr, trf};
use crate::domain::email::Lang;
use crate::domain::validate::FieldProblem;
use crate::i18n::{self, Key};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// The header: app name, workspace switch, language switch, demo notice.
#[component]
pub fn Header() -> impl IntoView {
    let c = ctx();
    let location = use_location();
    let area = move || {
        let path = location.pathname.get();
        let rest = path.strip_prefix(&href("")).unwrap_or(&path).to_string();
        if rest.starts_with("/partner") {
            "partner"
        } else if rest.starts_with("/customer") {
            "customer"
        } else {
            ""
        }
    };
    let on_lang = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        if let Some(lang) = Lang::from_tag(&value) {
            c.lang.set(lang);
        }
    };
    let reset = move |_| {
        leptos::task::spawn_local(async move {
            if c.anon_api().call(op::ResetDemo {}).await.is_ok() {
                c.set_partner(None);
                c.set_customer(None);
                c.changed();
                c.toast(i18n::text(c.lang.get_untracked(), Key::ResetDone).into());
            }
        });
    };
    view! {
        <header>
          <div class="app-header">
            <a class="brand" href=href("/")>{tr(Key::AppName)}</a>
            <nav aria-label=tr(Key::MainNavigation)>
                <ul class="switch">
                    <li>
                        <a href=href("/partner/customers") aria-current=move || (area() == "partner").then_some("page")>
                            {tr(Key::PartnerWorkspace)}
                        </a>
                    </li>
                    <li>
                        <a href=href("/customer") aria-current=move || (area() == "customer").then_some("page")>
                            {tr(Key::CustomerPortal)}
                        </a>
                    </li>
                </ul>
            </nav>
            <label class="lang">
                <span>{tr(Key::Language)}</span>
                <select on:change=on_lang prop:value=move || c.lang.get().tag()>
                    {Lang::ALL.iter().map(|l| view! { <option value=l.tag() lang=l.tag()>{l.endonym()}</option> }).collect_view()}
                </select>
            </label>
          </div>
          <StorageBanners/>
          <Show when=move || c.is_mock>
            <div class="demo-banner">
                <span>{tr(Key::MockNotice)}</span>
                " "
                <button type="button" class="link" on:click=reset>{tr(Key::ResetDemo)}</button>
            </div>
          </Show>
        </header>
    }
}

/// Persistent banners about this browser's storage: writes refused (full or
/// turned off), storage off from the start, unreadable data set aside or
/// left in place (with a download of it). They stay until dismissed.
#[component]
pub fn StorageBanners() -> impl IntoView {
    use crate::app::StorageBanner;
    let c = ctx();
    view! {
        <Show when=move || !c.storage.with(Vec::is_empty)>
        <div class="storage-banners" role="region" aria-label=tr(Key::StorageNotices)>
            {move || c.storage.get().into_iter().map(|notice| {
                let dismiss_notice = notice.clone();
                let dismiss = move |_| {
                    let n = dismiss_notice.clone();
                    c.storage.update(|list| list.retain(|x| *x != n));
                };
                let why = |newer: bool| if newer { tr(Key::UnreadableNewer)() } else { tr(Key::UnreadableInvalid)() };
                let (message, raw) = match &notice {
                    StorageBanner::Refused => (tr(Key::StorageRefused)().to_string(), None),
                    StorageBanner::Off => (tr(Key::StorageOff)().to_string(), None),
                    StorageBanner::Unreadable { newer, kept_in_place: false, raw } => (trf(Key::StorageSetAside, &[why(*newer)]), Some(raw.clone())),
                    StorageBanner::Unreadable { newer, kept_in_place: true, raw } => (trf(Key::StorageKeptInPlace, &[why(*newer)]), Some(raw.clone())),
                };
                view! {
                    <div class="storage-banner" role="alert">
                        <p>{message}</p>
                        {raw.map(|raw| view! {
                            <button type="button" on:click=move |_| crate::platform::download("reseller-invitations-demo-data.json", &raw)>
                                {tr(Key::DownloadSetAside)}
                            </button>
                        })}
                        " "
                        <button type="button" class="link" on:click=dismiss>{tr(Key::Dismiss)}</button>
                    </div>
                }
            }).collect_view()}
        </div>
        </Show>
    }
}

/// Notifications, announced politely to screen readers.
#[component]
pub fn Toasts() -> impl IntoView {
    let c = ctx();
    view! {
        <section class="toasts" aria-label=tr(Key::Notifications)>
            <div role="status" aria-live="polite">
                <For each=move || c.toasts.get() key=|(id, _)| *id let:toast>
                    <div class="toast">
                        <span>{toast.1.clone()}</span>
                        <button type="button" class="link" on:click=move |_| c.toasts.update(|t| t.retain(|(i, _)| *i != toast.0))>
                            {tr(Key::Dismiss)}
                        </button>
                    </div>
                </For>
            </div>
        </section>
    }
}

/// A failed call: what failed, the server's words, its code, and a retry.
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
    view! {
        <div class="error-banner" role="alert">
            <p class="error-title"><strong>{tr(Key::ErrorTitle)}</strong></p>
            <p>{move || trf(Key::ErrorWhat, &[&what.get()])}</p>
            <p class="error-description">{error.description.clone()}</p>
            {(code != 0).then(|| view! { <p class="muted">{move || trf(Key::ErrorCodeLabel, &[&code.to_string()])}</p> })}
            {on_retry.map(|retry| view! {
                <button type="button" on:click=move |_| retry.run(())>{tr(Key::Retry)}</button>
            })}
        </div>
    }
}

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

/// "Loading…" with a busy state for assistive technology.
#[component]
pub fn Loading() -> impl IntoView {
    view! { <p class="loading" role="status" aria-busy="true">{tr(Key::Loading)}</p> }
}

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
    let c = ctx();
    let fallback_id = format!("{id}-fallback");
    let focus_id = fallback_id.clone();
    let fallback = RwSignal::new(false);
    let copied = RwSignal::new(false);
    let scope = crate::task::Scope::new();
    let copy = move |_| {
        let value = text.get_untracked();
        let focus_id = focus_id.clone();
        scope.spawn(async move {
            match crate::platform::copy_text(&value).await {
                Ok(()) => {
                    fallback.set(false);
                    copied.set(true);
                    c.toast(i18n::text(c.lang.get_untracked(), Key::Copied).into());
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
        <Show when=move || copied.get()>
            <span class="ok" role="status">{tr(Key::Copied)}</span>
        </Show>
        <Show when=move || fallback.get()>
            <div class="copy-fallback">
                <p role="alert">{tr(Key::CopyFallback)}</p>
                <label for=fallback_id.clone()>{tr(Key::TextToCopy)}</label>
                <textarea id=fallback_id.clone() readonly rows="8" prop:value=move || text.get() on:focus=move |ev| {
                    use wasm_bindgen::JsCast;
                    if let Some(t) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) { t.select(); }
                }></textarea>
            </div>
        </Show>
    }
}

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

/// The demo identities and a sign-in action; `on_session` receives the session.
#[allow(clippy::type_complexity)]
pub fn demo_sign_in(
    on_session: impl Fn(crate::api::wire::Session) + 'static,
) -> (
    LocalResource<Result<crate::api::wire::DemoIdentities, ApiError>>,
    Action<String, Result<crate::api::wire::Session, ApiError>>,
) {
    let c = ctx();
    let identities = LocalResource::new(move || {
        c.revision.get();
        let api = c.anon_api();
        async move { api.call(op::ListDemoIdentities {}).await }
    });
    let sign_in = Action::new_local(move |user_id: &String| {
        let api = c.anon_api();
        let body = crate::api::wire::SignInRequest {
            user_id: user_id.clone(),
        };
        async move { api.call(op::DemoSignIn { body }).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(session)) = sign_in.value().get() {
            on_session(session);
        }
    });
    (identities, sign_in)
}
