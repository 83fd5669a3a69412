//! The acceptance portal: opened from the invitation link on the app's root
//! page, in the portal of the partner's cloud. Sign in, checks, review (with
//! the Microsoft Customer Agreement when needed), accept, done.

use super::sign_in::{CustomerIdentity, CustomerSignIn};
use crate::api::error::{ApiError, ErrorCode};
use crate::api::op;
use crate::api::wire::{AcceptRequest, AcceptResponse, Agreement, InvitationView, Me};
use crate::app::{ctx, href, tr, trf};
use crate::components::{ErrorBanner, Loading, SignerFields, SignerForm};
use crate::domain::cloud::Portal;
use crate::domain::country;
use crate::domain::ids::TenantId;
use crate::domain::link::LinkError;
use crate::domain::relationship::{AcceptOutcome, CustomerRole, InvitationStatus};
use crate::i18n::{self, Key};
use leptos::prelude::*;

/// A link on the root page that carries invitation parameters but cannot be
/// used: what is wrong with it, and what to do.
#[component]
pub fn DamagedLink(error: LinkError) -> impl IntoView {
    let reason = error.to_string();
    view! { <LinkProblem message=Signal::derive(move || trf(Key::LinkMalformed, &[&reason]))/> }
}

/// The portal for the link in the address bar. The invitation's public view
/// is read with the link alone (and with the customer's token once signed
/// in, to tell "you accepted this" from "another organization did").
#[component]
pub fn AcceptPortal() -> impl IntoView {
    let c = ctx();
    let link = crate::platform::href();
    let view_res = LocalResource::new({
        let link = link.clone();
        move || {
            c.customer.track();
            let api = c.customer_api();
            let link = link.clone();
            async move { api.call(op::ViewInvitation { link }).await }
        }
    });
    let recheck = Callback::new(move |_| view_res.refetch());
    view! {
        {move || match view_res.get() {
            None => view! { <div class="page"><p role="status">{tr(Key::PortalLoading)}</p></div> }.into_any(),
            Some(Err(e)) => match problem_key(&e) {
                Some(key) => view! { <LinkProblem message=Signal::derive(move || tr(key)().to_string())/> }.into_any(),
                None => view! { <div class="page"><ErrorBanner what=Signal::derive(move || tr(Key::PortalLoading)().to_string()) error=e on_retry=Callback::new(move |_| view_res.refetch())/></div> }.into_any(),
            },
            Some(Ok(v)) => view! { <Portal view=v link=link.clone() recheck=recheck/> }.into_any(),
        }}
    }
    .into_any()
}

/// The dedicated message for errors that mean "this link cannot be used".
pub fn problem_key(e: &ApiError) -> Option<Key> {
    match e.code {
        ErrorCode::MalformedLink => Some(Key::LinkUnknown),
        ErrorCode::InvitationNotFound => Some(Key::LinkUnknown),
        ErrorCode::LinkAltered => Some(Key::LinkAltered),
        ErrorCode::Revoked => Some(Key::LinkRevoked),
        ErrorCode::Expired => Some(Key::LinkExpired),
        ErrorCode::AcceptedByAnother => Some(Key::LinkTaken),
        _ => None,
    }
}

/// "This invitation link cannot be used": what is wrong and what to do.
#[component]
pub fn LinkProblem(message: Signal<String>) -> impl IntoView {
    view! {
        <div class="page narrow link-problem">
            <h1>{tr(Key::LinkProblemTitle)}</h1>
            <p class="problem" role="alert">{move || message.get()}</p>
            <a class="button" href=href("/")>{tr(Key::GoHome)}</a>
        </div>
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Step {
    SignIn,
    Check,
    Review,
    Done,
}

#[component]
fn Portal(view: InvitationView, link: String, recheck: Callback<()>) -> impl IntoView {
    let c = ctx();
    let portal = view.cloud.portal();
    let portal_class = match portal {
        Portal::Microsoft365AdminCenter => "portal portal-m365",
        Portal::OfficeAdminPortal => "portal portal-office",
    };
    // Read once per sign-in: a change in another tab must not rebuild the
    // review under the user's hands (what was typed, a pending acceptance).
    let me = LocalResource::new(move || {
        let session = c.customer.get();
        let api = c.customer_api();
        async move {
            match session {
                None => Ok(None),
                Some(_) => api.call(op::GetMe {}).await.map(Some),
            }
        }
    });
    let result = RwSignal::new(None::<AcceptResponse>);
    let v = StoredValue::new(view.clone());
    let step = move || {
        if result.get().is_some() {
            return Step::Done;
        }
        if c.customer.get().is_none() {
            return Step::SignIn;
        }
        match me.get() {
            Some(Ok(Some(m))) if checks(&v.get_value(), &m).iter().all(|(_, ok, _)| *ok) => {
                Step::Review
            }
            _ => Step::Check,
        }
    };
    let partner_name = view.partner_name.clone();
    let title_name = partner_name.clone();
    let accepted = view.status == Some(InvitationStatus::Accepted);
    view! {
        <div class=portal_class>
            <div class="portal-bar"><span class="portal-name">{portal.name()}</span></div>
            <div class="page narrow">
                <h1>{move || trf(Key::InvitationFrom, &[&title_name])}</h1>
                <p>{tr(Key::PortalIntro)}</p>
                <Stepper current=Signal::derive(step)/>
                <PartnerFacts view=view.clone()/>
                {move || match step() {
                    // Already accepted: said before anything is pressed.
                    Step::SignIn | Step::Check | Step::Review if accepted => {
                        view! { <AlreadyAccepted view=v.get_value()/> }.into_any()
                    }
                    Step::SignIn => view! { <CustomerSignIn cloud=v.get_value().cloud/> }.into_any(),
                    Step::Done => {
                        let r = result.get().expect("done has a result");
                        view! { <DoneView response=r/> }.into_any()
                    }
                    Step::Check | Step::Review => match me.get() {
                        None => view! { <Loading/> }.into_any(),
                        Some(Err(e)) => view! { <ErrorBanner what=Signal::derive(move || tr(Key::StepSignIn)().to_string()) error=e on_retry=Callback::new(move |_| me.refetch())/> }.into_any(),
                        Some(Ok(None)) => view! { <Loading/> }.into_any(),
                        Some(Ok(Some(m))) => {
                            let list = checks(&v.get_value(), &m);
                            let all_ok = list.iter().all(|(_, ok, _)| *ok);
                            view! {
                                <CustomerIdentity/>
                                <ChecksView list=list name=m.user.display_name.clone()/>
                                {all_ok.then(|| view! { <Review view=v.get_value() me=m.clone() link=link.clone() result=result recheck=recheck/> })}
                            }.into_any()
                        }
                    },
                }}
            </div>
        </div>
    }
}

#[component]
fn Stepper(current: Signal<Step>) -> impl IntoView {
    let steps = [
        (Step::SignIn, Key::StepSignIn),
        (Step::Check, Key::StepCheck),
        (Step::Review, Key::StepReview),
        (Step::Done, Key::StepDone),
    ];
    view! {
        <ol class="stepper" aria-label=tr(Key::Progress)>
            {steps.into_iter().map(|(s, key)| view! {
                <li class:current=move || current.get() == s aria-current=move || (current.get() == s).then_some("step")>{tr(key)}</li>
            }).collect_view()}
        </ol>
    }
}

#[component]
fn PartnerFacts(view: InvitationView) -> impl IntoView {
    let c = ctx();
    let code = view.partner_country.clone();
    let region = country::find(&code).map(|k| k.region);
    view! {
        <dl class="facts">
            <dt>{tr(Key::PartnerLabel)}</dt><dd>{view.partner_name.clone()}</dd>
            <dt>{tr(Key::PartnerLocation)}</dt>
            <dd>{move || format!("{} ({})", crate::platform::country_name(&code, c.lang.get().tag()), region.map(|r| i18n::region(c.lang.get(), r)).unwrap_or_default())}</dd>
            <dt>{tr(Key::PartnerIdLabel)}</dt><dd>{view.partner_mpn_id.clone()}</dd>
            {view.indirect_reseller_name.clone().map(|r| view! { <dt>{tr(Key::IndirectReseller)}</dt><dd>{r}</dd> })}
        </dl>
    }
}

/// Each check: its label, whether it passed, and the message naming the facts.
fn checks(v: &InvitationView, me: &Me) -> Vec<(Key, bool, String)> {
    let lang = ctx().lang.get();
    let role = me.user.customer_role.unwrap_or(CustomerRole::User);
    let role_name = i18n::customer_role(lang, role);
    let role_ok = role.may_accept(v.dap);
    let role_msg = match (role_ok, v.dap) {
        (true, true) => i18n::text(lang, Key::RoleOkDap).to_string(),
        (true, false) => i18n::format(lang, Key::RoleOk, &[role_name]),
        (false, true) => i18n::format(lang, Key::RoleBadDap, &[role_name]),
        (false, false) => i18n::format(lang, Key::RoleBad, &[role_name]),
    };
    let cloud_ok = me.cloud == v.cloud;
    let cloud_msg = if cloud_ok {
        i18n::format(lang, Key::CloudOk, &[i18n::cloud(lang, v.cloud)])
    } else {
        i18n::format(
            lang,
            Key::CloudBad,
            &[i18n::cloud(lang, v.cloud), i18n::cloud(lang, me.cloud)],
        )
    };
    let region_ok = country::within_partner_market(&v.partner_country, &me.country);
    let name = |code: &str| crate::platform::country_name(code, lang.tag());
    let region_of = |code: &str| {
        country::find(code)
            .map(|k| i18n::region(lang, k.region))
            .unwrap_or_default()
    };
    let region_msg = if region_ok {
        i18n::format(
            lang,
            Key::RegionOk,
            &[&name(&me.country), region_of(&v.partner_country)],
        )
    } else {
        i18n::format(
            lang,
            Key::RegionBad,
            &[
                &name(&v.partner_country),
                region_of(&v.partner_country),
                &name(&me.country),
                region_of(&me.country),
            ],
        )
    };
    let own = me.tenant_id.parse::<TenantId>().ok() == v.partner_id.parse::<TenantId>().ok();
    let tenant_msg = if own {
        i18n::text(lang, Key::TenantBad).to_string()
    } else {
        i18n::format(lang, Key::TenantOk, &[&me.company_name])
    };
    vec![
        (Key::CheckTenant, !own, tenant_msg),
        (Key::CheckCloud, cloud_ok, cloud_msg),
        (Key::CheckRegion, region_ok, region_msg),
        (Key::CheckRole, role_ok, role_msg),
    ]
}

#[component]
fn ChecksView(list: Vec<(Key, bool, String)>, name: String) -> impl IntoView {
    let all_ok = list.iter().all(|(_, ok, _)| *ok);
    view! {
        <section aria-labelledby="checks-heading">
            <h2 id="checks-heading">{tr(Key::ChecksTitle)}</h2>
            <ul class="checks plain">
                {list.into_iter().map(|(key, ok, msg)| view! {
                    <li class=if ok { "check check-ok" } else { "check check-bad" }>
                        <strong>{tr(key)} ": " {move || if ok { tr(Key::CheckPassed)() } else { tr(Key::CheckFailed)() }}</strong>
                        <span>" " {msg}</span>
                    </li>
                }).collect_view()}
            </ul>
            {(!all_ok).then(|| view! { <p class="notice" role="alert">{move || trf(Key::ChecksFailedNote, &[&name])}</p> })}
        </section>
    }
}

/// The invitation was accepted already: by this organization (when), by
/// another one, or (before sign-in) by someone.
#[component]
fn AcceptedNotice(view: InvitationView) -> impl IntoView {
    let c = ctx();
    let date = view
        .accepted_at
        .as_deref()
        .and_then(|d| d.get(..10))
        .unwrap_or_default()
        .to_string();
    match view.accepted_by_you {
        Some(true) => view! {
            <section class="done" aria-labelledby="accepted-heading">
                <h2 id="accepted-heading">{tr(Key::AlreadyAcceptedTitle)}</h2>
                <p role="status">{move || trf(Key::YouAcceptedOn, &[&date])}</p>
                <a class="button primary" href=href("/customer")>{tr(Key::DoneNext)}</a>
            </section>
        }
        .into_any(),
        Some(false) => view! { <p class="problem" role="alert">{tr(Key::LinkTaken)}</p> }.into_any(),
        None => view! {
            <p class="notice" role="status">{move || trf(Key::AcceptedAnonymously, &[&date])}</p>
            {move || c.customer.get().is_none().then(|| view! { <CustomerSignIn cloud=view.cloud/> })}
        }
        .into_any(),
    }
}

#[component]
fn AlreadyAccepted(view: InvitationView) -> impl IntoView {
    view! { <AcceptedNotice view=view/> }
}

#[component]
fn Review(
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
    let accept = Action::new_local(move |_: &()| {
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
    view! {
        <form class="review" novalidate on:submit=submit>
            <section aria-labelledby="grant-heading">
                <h2 id="grant-heading">{tr(Key::YouGrant)}</h2>
                <ul>
                    <li>{move || trf(Key::GrantReseller, &[&partner])}</li>
                    {view.dap.then(|| view! { <li><strong>{move || trf(Key::GrantDap, &[&partner2])}</strong></li> })}
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
                    <p class="muted">{move || trf(Key::McaDate, &[&shown_date])}</p>
                </fieldset>
            })}
            {move || accept.value().get().and_then(Result::err).map(|e| match problem_key(&e) {
                Some(k) => view! { <p class="problem" role="alert">{tr(k)}</p> }.into_any(),
                None => view! { <ErrorBanner what=Signal::derive(move || tr(Key::AcceptAuthorize)().to_string()) error=e on_retry=Callback::new(move |_| { accept.dispatch(()); })/> }.into_any(),
            })}
            <button type="submit" class="primary" id="accept-button" aria-disabled=move || accept.pending().get().to_string()
                on:click=move |ev| if accept.pending().get_untracked() { ev.prevent_default() }>
                {move || if accept.pending().get() { tr(Key::Accepting)() } else { tr(Key::AcceptAuthorize)() }}
            </button>
        </form>
    }
}

#[component]
fn DoneView(response: AcceptResponse) -> impl IntoView {
    let c = ctx();
    let partner = response.relationship.partner_name.clone();
    let company = c
        .customer
        .get_untracked()
        .map(|s| s.me.company_name)
        .unwrap_or_default();
    let dap = response.relationship.delegated_admin
        == crate::domain::relationship::DelegatedAdmin::Active;
    let outcome = response.outcome;
    let accepted_on = response.accepted_at.clone().unwrap_or_default();
    let (p1, p2, p3) = (partner.clone(), partner.clone(), partner.clone());
    view! {
        <section class="done" aria-labelledby="done-heading">
            <h2 id="done-heading">{move || if outcome == AcceptOutcome::AlreadyAccepted { tr(Key::AlreadyAcceptedTitle)().to_string() } else { trf(Key::DoneTitle, &[&p1]) }}</h2>
            <p role="status">{move || match outcome {
                AcceptOutcome::Created => trf(Key::DoneCreated, &[&company, &p2]),
                AcceptOutcome::DapRestored | AcceptOutcome::DapGranted => trf(Key::DoneRestored, &[&p2]),
                AcceptOutcome::AlreadyExists => trf(Key::DoneExisting, &[&p2]),
                AcceptOutcome::AlreadyAccepted => trf(Key::YouAcceptedOn, &[accepted_on.get(..10).unwrap_or_default()]),
            }}</p>
            {(dap && outcome == AcceptOutcome::Created).then(|| view! { <p>{move || trf(Key::DoneDap, &[&p3])}</p> })}
            <a class="button primary" href=href("/customer")>{tr(Key::DoneNext)}</a>
        </section>
    }
}
