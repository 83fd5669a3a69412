//! The next steps under a record: asking for admin privileges (again), support contacts,
//! removing the relationship.

use super::what;
use crate::api::error::ErrorCode;
use crate::api::wire::Customer;
use crate::api::{client, op};
use crate::components::{Confirm, ErrorBanner, Outcome};
use crate::context::{ctx, href, tr, trf};
use crate::domain::relationship::DelegatedAdmin;
use crate::i18n::{self, Key};
use crate::routes::AppRoute;
use leptos::prelude::*;

/// The customer removed the partner's admin permissions: what the partner
/// still owes it. Partner Center's article (pt-BR, 2020-06-05, the version
/// this product follows; MicrosoftDocs/partner-center-pr.pt-br,
/// `request-a-relationship-with-a-customer.md`, and the English 2019 text at
/// <https://docs.microsoft.com/partner-center/request-a-relationship-with-a-customer>):
/// "you continue to be responsible for providing customer support ... even
/// after a customer reassigns or removes administrator permissions. In this
/// situation, if the customer requires help, you can call Microsoft support
/// to open a service request on behalf of the customer." (The 2023 English
/// revision says a service request waits until the relationship is
/// re-established; the article the product was reviewed against is
/// followed.)
#[component]
pub(super) fn NextSteps(customer: Customer) -> impl IntoView {
    let c = ctx();
    let removed = customer.delegated_admin == Some(DelegatedAdmin::Removed);
    // The tabs that need admin privileges send the partner here for them
    // (`NeedsAdmin`): never granted, or removed.
    let request =
        (customer.delegated_admin != Some(DelegatedAdmin::Active)).then_some(if removed {
            Key::RequestDapAgain
        } else {
            Key::RequestDap
        });
    let name = customer.company_profile.company_name.clone();
    let id = customer.id.clone();
    let confirming = RwSignal::new(false);
    let remove = crate::task::Write::new(move |_: &()| {
        let api = c.partner_api();
        let customer = client::id(&id);
        async move {
            api.call(op::RemoveRelationship {
                customer: customer?,
            })
            .await
            .map(|_| ())
        }
    });
    let done_name = name.clone();
    Effect::new(move |_| {
        if let Some(Ok(())) = remove.value().get() {
            confirming.set(false);
            c.toast(i18n::format(
                c.lang.get_untracked(),
                Key::RelationshipRemoved,
                &[&done_name],
            ));
            c.changed();
        }
    });
    let manager = move || {
        c.partner
            .get()
            .and_then(|s| s.me.user.partner_role)
            .is_some_and(|r| r.may_manage())
    };
    let q_name = name.clone();
    view! {
        <section class="next-steps">
            <h3>{tr(Key::NextSteps)}</h3>
            {removed.then(|| { let name = name.clone(); view! { <p class="notice removed-support">{move || trf(Key::RemovedSupport, &[&name])}</p> } })}
            <div class="row">
                {request.map(|key| view! { <a class="button" href=format!("{}?customerName={}", href(AppRoute::NewInvitation), crate::api::encode_query(&name))>{tr(key)}</a> })}
                <button type="button" class="danger" disabled=move || !manager() on:click=move |_| confirming.set(true)>{tr(Key::RemoveRelationship)}</button>
            </div>
            <Show when=move || !manager()><p class="muted">{tr(Key::ManagerOnly)}</p></Show>
            <Show when=move || confirming.get()>
                {
                    let q_name = q_name.clone();
                    view! {
                        <Confirm id=format!("remove-{}", customer.id) question=Signal::derive(move || trf(Key::RemoveConfirm, &[&q_name]))
                            on_confirm=Callback::new(move |_| { remove.dispatch(()); }) on_cancel=Callback::new(move |_| confirming.set(false))/>
                    }
                }
            </Show>
            {move || remove.value().get().and_then(Result::err).map(|e| {
                if e.code == ErrorCode::ActiveSubscriptions {
                    let list = e.data.join(", ");
                    view! { <div class="error-banner"><Outcome urgent=true text=Signal::derive(move || trf(Key::RemoveBlocked, &[&list]))/></div> }.into_any()
                } else {
                    view! { <ErrorBanner what=what(Key::RemoveRelationship) error=e on_retry=Callback::new(move |_| { remove.dispatch(()); })/> }.into_any()
                }
            })}
        </section>
    }
}
