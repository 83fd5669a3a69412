//! The review: what the customer grants, the Microsoft Customer Agreement
//! when its organization has not accepted it, and Accept (one key per page).

use crate::api::error::ErrorCode;
use crate::api::op;
use crate::api::wire::{AcceptRequest, AcceptResponse, Agreement, InvitationView, Me};
use crate::components::{ErrorBanner, Outcome, SignerFields, SignerForm};
use crate::context::{ctx, tr, trf};
use crate::i18n::Key;
use leptos::prelude::*;

use super::problem_key;

#[component]
pub(super) fn Review(
    view: InvitationView,
    me: Me,
    link: String,
    result: RwSignal<Option<AcceptResponse>>,
    /// Reads the invitation again (another tab may have accepted it).
    recheck: Callback<()>,
) -> impl IntoView {
    let c = ctx();
    let needs_mca = !me.mca_accepted;
    let (first0, last0) = me
        .user
        .display_name
        .split_once(' ')
        .map(|(f, l)| (f.to_string(), l.to_string()))
        .unwrap_or((me.user.display_name.clone(), String::new()));
    let form = SignerForm::new(first0, last0, me.user.email.clone());
    let agreed = RwSignal::new(false);
    let tried = form.tried;
    let signer = move || form.signer();
    let now = crate::domain::time::to_rfc3339(crate::api::now_ms());
    let shown_date = now.clone();
    // One key for this acceptance: double presses and retries replay it.
    let key = uuid::Uuid::new_v4().to_string();
    let accept = crate::task::Write::new(move |_: &()| {
        let agreement = needs_mca.then(|| Agreement {
            user_id: None,
            primary_contact: signer(),
            template_id: crate::api::wire::MCA_TEMPLATE_ID.into(),
            date_agreed: now.clone(),
            agreement_type: "MicrosoftCustomerAgreement".into(),
        });
        let body = AcceptRequest {
            link: link.clone(),
            agreement,
        };
        let api = c.customer_api();
        let key = key.clone();
        async move {
            api.call_keyed(op::AcceptInvitation { body }, Some(&key))
                .await
        }
    });
    Effect::new(move |_| match accept.value().get() {
        Some(Ok(r)) => {
            c.changed();
            result.set(Some(r));
            crate::platform::focus("main");
        }
        // The invitation changed under this page (accepted in another tab,
        // revoked, expired): show its page, as if just opened.
        Some(Err(e))
            if matches!(
                e.code,
                ErrorCode::AcceptedByAnother | ErrorCode::Revoked | ErrorCode::Expired
            ) =>
        {
            recheck.run(());
        }
        _ => {}
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        if needs_mca && !signer().problems().is_empty() {
            return;
        }
        if needs_mca && !agreed.get_untracked() {
            crate::platform::focus("mca-accept");
            return;
        }
        accept.dispatch(());
    };
    let partner = view.partner_name.clone();
    let partner2 = partner.clone();
    let provider = view
        .indirect_provider
        .clone()
        .map(|p| (p.name, partner.clone()));
    view! {
        <form class="review" novalidate on:submit=submit>
            <section aria-labelledby="grant-heading">
                <h2 id="grant-heading">{tr(Key::YouGrant)}</h2>
                <ul>
                    <li>{move || trf(Key::GrantReseller, &[&partner])}</li>
                    {view.dap.then(|| view! { <li><strong>{move || trf(Key::GrantDap, &[&partner2])}</strong></li> })}
                    {provider.map(|(p, r)| view! { <li class="grant-provider">{move || trf(Key::GrantProvider, &[&p, &r])}</li> })}
                </ul>
            </section>
            {needs_mca.then(|| view! {
                <fieldset class="mca">
                    <legend>{tr(Key::McaTitle)}</legend>
                    <p>{tr(Key::McaIntro)}</p>
                    <p><a href="https://aka.ms/customeragreement" target="_blank" rel="noopener noreferrer">{tr(Key::McaRead)}</a></p>
                    <SignerFields form=form prefix="mca"/>
                    <div class="field checkbox" class:invalid=move || tried.get() && !agreed.get()>
                        <input type="checkbox" id="mca-accept" prop:checked=move || agreed.get() on:change=move |ev| agreed.set(event_target_checked(&ev))
                            aria-invalid=move || (tried.get() && !agreed.get()).to_string() aria-describedby=move || (tried.get() && !agreed.get()).then_some("mca-accept-error")/>
                        <label for="mca-accept">{tr(Key::McaAcceptBox)}</label>
                        <Show when=move || tried.get() && !agreed.get()><p class="field-error" id="mca-accept-error">{tr(Key::McaAcceptRequired)}</p></Show>
                    </div>
                    <p class="muted">{move || trf(Key::McaDate, &[&crate::intl::date_time_utc(ctx().lang.get(), &shown_date)])}</p>
                </fieldset>
            })}
            {move || accept.value().get().and_then(Result::err).map(|e| match problem_key(&e) {
                Some(k) => view! { <Outcome class="problem" urgent=true text=Signal::derive(move || tr(k)().to_string())/> }.into_any(),
                None => view! { <ErrorBanner what=Signal::derive(move || tr(Key::AcceptAuthorize)().to_string()) error=e on_retry=Callback::new(move |_| { accept.dispatch(()); })/> }.into_any(),
            })}
            <button type="submit" class="primary" id="accept-button" aria-disabled=move || accept.pending().get().to_string()
                on:click=move |ev| if accept.pending().get_untracked() { ev.prevent_default() }>
                {move || if accept.pending().get() { tr(Key::Accepting)() } else { tr(Key::AcceptAuthorize)() }}
            </button>
        </form>
    }
}
