//! The Services tab: subscriptions (provision, suspend or reactivate) and
//! their support contact.

use super::what;
use crate::api::error::ApiError;
use crate::api::query::IndirectRelationshipType;
use crate::api::wire::{
    Customer, NewSubscription, SubscriptionPatch, SubscriptionStatus, SupportContactRequest,
};
use crate::api::{client, op};
use crate::components::{ErrorBanner, Fetched};
use crate::context::{ctx, tr, trf};
use crate::domain::ids::TenantId;
use crate::domain::relationship::{may_administer, may_manage_subscription, DelegatedAdmin};
use crate::domain::validate::{self, FieldProblem};
use crate::i18n::{self, Key};
use leptos::prelude::*;

#[component]
pub(super) fn ServicesTab(
    customer: Customer,
    /// Opens the Account tab, where the agreement is attested.
    to_agreement: Callback<()>,
) -> impl IntoView {
    let c = ctx();
    let data = super::customer_read(&customer, |api, customer| async move {
        let detail = api.call(op::GetCustomer { customer }).await?;
        let subs = api.call(op::ListSubscriptions { customer }).await?;
        let offers = api.call(op::ListOffers {}).await?;
        let profile = api.call(op::GetPartnerProfile {}).await?;
        let mut eligible = vec![(
            profile.tenant_id.clone(),
            format!("{} (MPN {})", profile.company_name, profile.mpn_id),
        )];
        if profile.indirect_provider {
            let resellers = api
                .call(op::ListIndirectPartners {
                    relationship_type: IndirectRelationshipType::IsIndirectCloudSolutionProviderOf,
                })
                .await?;
            eligible.extend(
                resellers
                    .items
                    .into_iter()
                    .map(|r| (r.id, format!("{} (MPN {})", r.name, r.mpn_id))),
            );
        }
        Ok::<_, ApiError>((subs.items, offers.items, eligible, detail))
    });
    let cid = customer.id.clone();
    let offer = RwSignal::new(String::new());
    let seats = RwSignal::new("5".to_string());
    // The seat count's problem shows from the first Provision on.
    let tried = RwSignal::new(false);
    let seats_error = Signal::derive(move || {
        (tried.get() && validate::seats(&seats.get()).is_err())
            .then(|| crate::components::problem_text(FieldProblem::NotASeatCount))
    });
    let action_error = RwSignal::new(None::<(Key, ApiError)>);
    let scope = crate::task::Scope::new();
    let run = move |key: Key,
                    fut: std::pin::Pin<
        Box<dyn std::future::Future<Output = Result<(), ApiError>>>,
    >| {
        // A new attempt's outcome replaces the last one's error.
        action_error.set(None);
        scope.spawn(async move {
            match fut.await {
                Ok(()) => {
                    action_error.set(None);
                    c.changed();
                    c.toast(i18n::text(c.lang.get_untracked(), key).into());
                }
                Err(e) => action_error.set(Some((key, e))),
            }
        });
    };
    let provision = {
        let cid = cid.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            tried.set(true);
            let Ok(qty) = validate::seats(&seats.get_untracked()) else {
                crate::platform::focus(&format!("seats-{cid}"));
                return;
            };
            let body = NewSubscription {
                offer_id: offer.get_untracked(),
                quantity: qty,
            };
            let api = c.partner_api();
            let customer = client::id(&cid);
            run(
                Key::Provisioned,
                Box::pin(async move {
                    api.call(op::CreateSubscription {
                        customer: customer?,
                        body,
                    })
                    .await
                    .map(|_| ())
                }),
            );
        }
    };
    view! {
        <h3>{tr(Key::Subscriptions)}</h3>
        {move || action_error.get().map(|(_, e)| view! { <ErrorBanner what=what(Key::TabServices) error=e/> })}
        <Fetched resource=data what=what(Key::TabServices) let:value>
            {
                let (subs, mut offers, eligible, detail) = value;
                {
                let dap = detail.delegated_admin.unwrap_or(DelegatedAdmin::None);
                let admin = may_administer(dap);
                let mca = detail.mca_accepted.unwrap_or(false);
                let azure_offers: Vec<String> = offers.iter().filter(|o| o.azure).map(|o| o.id.clone()).collect();
                offers.retain(|o| may_manage_subscription(dap, o.azure));
                if !offers.iter().any(|o| o.id == offer.get_untracked()) {
                    offer.set(offers.first().map(|o| o.id.clone()).unwrap_or_default());
                }
                let customer_name = detail.company_profile.company_name.clone();
                let cid = cid.clone();
                view! {
                    {if subs.is_empty() { Some(view! { <p class="muted">{tr(Key::NoSubscriptions)}</p> }) } else { None }}
                    <ul class="subs plain">
                        {subs.into_iter().map(|s| {
                            let active = s.status == SubscriptionStatus::Active;
                            let manageable = may_manage_subscription(dap, azure_offers.contains(&s.offer_id));
                            let target = client::id::<TenantId>(&cid).and_then(|c| Ok((c, client::id::<uuid::Uuid>(&s.id)?)));
                            let target2 = target.clone();
                            let chosen = RwSignal::new(s.support_contact.as_ref().map(|x| x.support_tenant_id.clone()).unwrap_or_else(|| eligible.first().map(|e| e.0.clone()).unwrap_or_default()));
                            let select_id = format!("support-{}", s.id);
                            let contact = s.support_contact.as_ref().map(|x| x.name.clone());
                            view! {
                                <li class="sub">
                                    <p>
                                        <strong>{s.offer_name.clone()}</strong> " · " {tr(Key::Seats)} ": " {s.quantity} " · "
                                        <span class=if active { "badge ok" } else { "badge warn" }>{move || if active { tr(Key::Active)() } else { tr(Key::Suspended)() }}</span>
                                        " · " {tr(Key::SupportContact)} ": " {contact.clone().unwrap_or_else(|| tr(Key::NoneYet)().to_string())}
                                    </p>
                                    <div class="row">
                                        <button type="button" disabled=!manageable on:click={
                                            move |_| {
                                                let api = c.partner_api();
                                                let body = SubscriptionPatch { status: Some(if active { SubscriptionStatus::Suspended } else { SubscriptionStatus::Active }), quantity: None };
                                                let target = target.clone();
                                                run(Key::SubscriptionUpdated, Box::pin(async move { let (customer, subscription) = target?; api.call(op::UpdateSubscription { customer, subscription, body }).await.map(|_| ()) }));
                                            }
                                        }>{move || if active { tr(Key::Suspend)() } else { tr(Key::Reactivate)() }}</button>
                                        {(!manageable).then(|| view! { <span class="muted">"(" {tr(Key::NeedsDap)} ")"</span> })}
                                        <label for=select_id.clone()>{tr(Key::AssignSupport)}</label>
                                        <select id=select_id prop:value=move || chosen.get() on:change=move |ev| chosen.set(event_target_value(&ev))>
                                            {eligible.iter().map(|(id, label)| view! { <option value=id.clone()>{label.clone()}</option> }).collect_view()}
                                        </select>
                                        <button type="button" on:click=move |_| {
                                            let api = c.partner_api();
                                            let body = SupportContactRequest { support_tenant_id: chosen.get_untracked() };
                                            let target = target2.clone();
                                            run(Key::SupportAssigned, Box::pin(async move { let (customer, subscription) = target?; api.call(op::SetSupportContact { customer, subscription, body }).await.map(|_| ()) }));
                                        }>{tr(Key::Assign)}</button>
                                    </div>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                    {(!mca).then(|| { let customer_name = customer_name.clone(); view! {
                        <div class="notice mca-needed" role="note">
                            <p>{move || trf(Key::McaNeeded, &[&customer_name])}</p>
                            <button type="button" on:click=move |_| to_agreement.run(())>{tr(Key::GoToAgreement)}</button>
                        </div>
                    } })}
                    {(!admin && mca).then(|| view! { <p class="help">{tr(Key::AzureOnly)}</p> })}
                    <form class="row provision" novalidate class:hidden=!mca on:submit=provision.clone()>
                        <div class="field inline">
                            <label for=format!("offer-{cid}")>{tr(Key::Offer)}</label>
                            <select id=format!("offer-{cid}") prop:value=move || offer.get() on:change=move |ev| offer.set(event_target_value(&ev))>
                                {offers.iter().map(|o| view! { <option value=o.id.clone()>{o.name.clone()}</option> }).collect_view()}
                            </select>
                        </div>
                        <div class="field inline" class:invalid=move || seats_error.get().is_some()>
                            <label for=format!("seats-{cid}")>{tr(Key::Seats)}</label>
                            <input id=format!("seats-{cid}") type="number" min="1" max="10000" inputmode="numeric" prop:value=move || seats.get()
                                aria-invalid=move || seats_error.get().is_some().to_string()
                                aria-describedby={ let id = format!("seats-{cid}-error"); move || seats_error.get().is_some().then(|| id.clone()) }
                                on:input=move |ev| seats.set(event_target_value(&ev))/>
                            {let id = format!("seats-{cid}-error"); move || seats_error.get().map(|e| view! { <p class="field-error" id=id.clone()>{e}</p> })}
                        </div>
                        <button type="submit">{tr(Key::Provision)}</button>
                    </form>
                }.into_any()
            }
            }
        </Fetched>
    }
}
