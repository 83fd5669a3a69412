//! The end of the flow: what accepting did, or that the invitation was
//! already accepted (by this organization, when; or by another).

use crate::api::wire::{AcceptResponse, InvitationView};
use crate::components::Outcome;
use crate::context::{ctx, href, tr, trf};
use crate::domain::relationship::AcceptOutcome;
use crate::i18n::Key;
use crate::pages::customer::sign_in::CustomerSignIn;
use crate::routes::AppRoute;
use leptos::prelude::*;

/// The invitation was accepted already: by this organization (when), by
/// another one, or (before sign-in) by someone.
#[component]
pub(super) fn AcceptedNotice(view: InvitationView) -> impl IntoView {
    let c = ctx();
    let at = view.accepted_at.clone().unwrap_or_default();
    let date = move || crate::intl::date(c.lang.get(), &at);
    match view.accepted_by_you {
        Some(true) => view! {
            <section class="done" aria-labelledby="accepted-heading">
                <h2 id="accepted-heading">{tr(Key::AlreadyAcceptedTitle)}</h2>
                <Outcome text=Signal::derive(move || trf(Key::YouAcceptedOn, &[&date()]))/>
                <a class="button primary" href=href(AppRoute::CustomerPartners)>{tr(Key::DoneNext)}</a>
            </section>
        }
        .into_any(),
        Some(false) => view! { <Outcome class="problem" urgent=true text=Signal::derive(move || tr(Key::LinkTaken)().to_string())/> }.into_any(),
        None => view! {
            <Outcome class="notice" text=Signal::derive(move || trf(Key::AcceptedAnonymously, &[&date()]))/>
            {move || c.customer.get().is_none().then(|| view! { <CustomerSignIn cloud=view.cloud/> })}
        }
        .into_any(),
    }
}

#[component]
pub(super) fn AlreadyAccepted(view: InvitationView) -> impl IntoView {
    Effect::new(|_| crate::platform::app_ready());
    view! { <AcceptedNotice view=view/> }
}

#[component]
pub(super) fn DoneView(response: AcceptResponse) -> impl IntoView {
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
    let (p1, p2, p3, p4) = (
        partner.clone(),
        partner.clone(),
        partner.clone(),
        partner.clone(),
    );
    let provider = response
        .provider_relationship
        .as_ref()
        .map(|p| p.partner_name.clone());
    view! {
        <section class="done" aria-labelledby="done-heading">
            <h2 id="done-heading">{move || if outcome == AcceptOutcome::AlreadyAccepted { tr(Key::AlreadyAcceptedTitle)().to_string() } else { trf(Key::DoneTitle, &[&p1]) }}</h2>
            <Outcome text=Signal::derive(move || match outcome {
                AcceptOutcome::Created => trf(Key::DoneCreated, &[&company, &p2]),
                AcceptOutcome::DapRestored | AcceptOutcome::DapGranted => trf(Key::DoneRestored, &[&p2]),
                AcceptOutcome::AlreadyExists => trf(Key::DoneExisting, &[&p2]),
                AcceptOutcome::AlreadyAccepted => trf(Key::YouAcceptedOn, &[&crate::intl::date(c.lang.get(), &accepted_on)]),
            })/>
            {(dap && outcome == AcceptOutcome::Created).then(|| view! { <p>{move || trf(Key::DoneDap, &[&p3])}</p> })}
            {provider.map(|p| { let r = p4.clone(); view! { <p>{move || trf(Key::DoneProvider, &[&p, &r])}</p> } })}
            {match response.admin_approval_link.clone() {
                // The admin roles asked with the invitation: the next step.
                Some(link) => { let p5 = partner.clone(); view! {
                    <p>{move || trf(Key::DoneAdminRoles, &[&p5])}</p>
                    <div class="actions">
                        <a class="button primary" id="review-admin-roles" href=link>{tr(Key::ReviewAdminRoles)}</a>
                        <a class="button" href=href(AppRoute::CustomerPartners)>{tr(Key::DoneNext)}</a>
                    </div>
                }.into_any() }
                None => view! { <a class="button primary" href=href(AppRoute::CustomerPartners)>{tr(Key::DoneNext)}</a> }.into_any(),
            }}
        </section>
    }
}
