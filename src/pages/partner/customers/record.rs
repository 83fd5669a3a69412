//! An expanded customer record: tabs for account, services, users and
//! licenses, admin portals, and the next steps (support contact, admin
//! privileges again, remove the relationship).

use crate::api::error::{ApiError, ErrorCode};
use crate::api::wire::{
    Agreement, Customer, LicenseUpdate, NewSubscription, SubscriptionPatch, SubscriptionStatus,
    SupportContactRequest,
};
use crate::api::{client, op};
use crate::app::{ctx, href, tr, trf};
use crate::components::{Confirm, ErrorBanner, Loading, SignerFields, SignerForm};
use crate::domain::ids::TenantId;
use crate::domain::relationship::DelegatedAdmin;
use crate::i18n::{self, Key};
use leptos::prelude::*;

const TABS: [(&str, Key); 4] = [
    ("account", Key::TabAccount),
    ("services", Key::TabServices),
    ("users", Key::TabUsers),
    ("portals", Key::TabPortals),
];

/// The record panel under a customer's row.
#[component]
pub fn Record(customer: Customer) -> impl IntoView {
    let c = ctx();
    let id = customer.id.clone();
    let tab = RwSignal::new("account");
    let panel_id = format!("record-{id}");
    let tab_id = move |t: &str| format!("{id}-tab-{t}");
    let tab_id2 = tab_id.clone();
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let i = TABS
            .iter()
            .position(|(t, _)| *t == tab.get_untracked())
            .unwrap_or(0);
        let next = match ev.key().as_str() {
            "ArrowRight" => (i + 1) % TABS.len(),
            "ArrowLeft" => (i + TABS.len() - 1) % TABS.len(),
            "Home" => 0,
            "End" => TABS.len() - 1,
            _ => return,
        };
        ev.prevent_default();
        tab.set(TABS[next].0);
        crate::platform::focus(&tab_id2(TABS[next].0));
    };
    let cust = StoredValue::new(customer.clone());
    let name = customer.company_profile.company_name.clone();
    let section_label = name.clone();
    let heading = name.clone();
    view! {
        <section class="record" id=panel_id aria-label=section_label>
            <h2 class="visually-hidden">{heading}</h2>
            <div role="tablist" class="tablist" aria-label=name on:keydown=on_key>
                {TABS.iter().map(|(t, label)| {
                    let t = *t;
                    view! {
                        <button type="button" role="tab" id=tab_id(t) aria-selected=move || (tab.get() == t).to_string()
                            aria-controls=format!("{}-panel-{t}", customer.id) tabindex=move || if tab.get() == t { "0" } else { "-1" }
                            on:click=move |_| tab.set(t)>{tr(*label)}</button>
                    }
                }).collect_view()}
            </div>
            <div role="tabpanel" class="tabpanel" id=move || format!("{}-panel-{}", cust.with_value(|c| c.id.clone()), tab.get())
                aria-labelledby=move || tab_id(tab.get()) tabindex="0">
                {move || {
                    let customer = cust.get_value();
                    match tab.get() {
                        "account" => view! { <AccountTab customer=customer/> }.into_any(),
                        "services" => view! { <ServicesTab customer=customer/> }.into_any(),
                        "users" => view! { <UsersTab customer=customer/> }.into_any(),
                        _ => view! { <PortalsTab customer=customer/> }.into_any(),
                    }
                }}
                <NextSteps customer=cust.get_value()/>
            </div>
        </section>
        {move || { c.lang.get(); }}
    }
}

fn what(key: Key) -> Signal<String> {
    Signal::derive(move || tr(key)().to_string())
}

#[component]
fn AccountTab(customer: Customer) -> impl IntoView {
    let c = ctx();
    let attest = SignerForm::new(String::new(), String::new(), String::new());
    let id = customer.id.clone();
    let data = LocalResource::new(move || {
        c.revision.get();
        let api = c.partner_api();
        let id = id.clone();
        async move {
            let customer = client::id(&id)?;
            let detail = api.call(op::GetCustomer { customer }).await?;
            let agreements = api.call(op::ListCustomerAgreements { customer }).await?;
            Ok::<_, ApiError>((detail, agreements.items))
        }
    });
    view! {
        {move || match data.get() {
            None => view! { <Loading/> }.into_any(),
            Some(Err(e)) => view! { <ErrorBanner what=what(Key::TabAccount) error=e on_retry=Callback::new(move |_| data.refetch())/> }.into_any(),
            Some(Ok((d, agreements))) => {
                let billing = d.billing_profile.clone().unwrap_or_default();
                let country = d.company_profile.address.as_ref().map(|a| a.country.clone()).unwrap_or_default();
                let agreement = agreements.first().cloned();
                view! {
                    <div class="two-col">
                        <section>
                            <h3>{tr(Key::CompanyProfile)}</h3>
                            <dl>
                                <dt>{tr(Key::ColCompany)}</dt><dd>{d.company_profile.company_name.clone()}</dd>
                                <dt>{tr(Key::ColDomain)}</dt><dd>{d.company_profile.domain.clone()}</dd>
                                <dt>{tr(Key::ColCountry)}</dt><dd>{move || crate::platform::country_name(&country, c.lang.get().tag())}</dd>
                                <dt>{tr(Key::TenantIdLabel)}</dt><dd><code>{d.id.clone()}</code></dd>
                            </dl>
                        </section>
                        <section>
                            <h3>{tr(Key::BillingProfile)}</h3>
                            <dl>
                                <dt>{tr(Key::Contact)}</dt><dd>{format!("{} {}", billing.first_name, billing.last_name)}</dd>
                                <dt>{tr(Key::Email)}</dt><dd>{billing.email.clone()}</dd>
                                <dt>{tr(Key::Language)}</dt><dd>{billing.culture.clone()}</dd>
                            </dl>
                        </section>
                    </div>
                    <section>
                        <h3>{tr(Key::McaTitle)}</h3>
                        {match agreement {
                            Some(a) => view! { <p>{move || trf(Key::McaStatusAccepted, &[a.date_agreed.get(..10).unwrap_or_default(), &format!("{} {}", a.primary_contact.first_name, a.primary_contact.last_name)])}</p> }.into_any(),
                            None => view! { <p>{tr(Key::McaStatusMissing)}</p><AttestForm customer_id=d.id.clone() form=attest/> }.into_any(),
                        }}
                    </section>
                }.into_any()
            }
        }}
    }
}

/// The partner's attestation of the customer's agreement. `form` belongs to
/// the tab, so a refetch (a change in another tab) keeps what was typed.
#[component]
fn AttestForm(customer_id: String, form: SignerForm) -> impl IntoView {
    let c = ctx();
    let tried = form.tried;
    let signer = move || form.signer();
    let prefix = customer_id.clone();
    let save = Action::new_local(move |_: &()| {
        let api = c.partner_api();
        let body = Agreement {
            user_id: None,
            primary_contact: signer(),
            template_id: crate::api::wire::MCA_TEMPLATE_ID.into(),
            date_agreed: crate::domain::time::to_rfc3339(crate::api::now_ms()),
            agreement_type: "MicrosoftCustomerAgreement".into(),
        };
        let customer = client::id(&customer_id);
        async move {
            api.call(op::AttestAgreement {
                customer: customer?,
                body,
            })
            .await
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(_)) = save.value().get() {
            c.changed();
            c.toast(i18n::text(c.lang.get_untracked(), Key::McaRecorded).into());
        }
    });
    view! {
        <form class="attest" novalidate on:submit=move |ev| {
            ev.prevent_default();
            tried.set(true);
            if signer().problems().is_empty() { save.dispatch(()); }
        }>
            <SignerFields form=form prefix=format!("attest-{prefix}")/>
            {move || save.value().get().and_then(Result::err).map(|e| view! { <ErrorBanner what=what(Key::AttestMca) error=e/> })}
            <button type="submit" disabled=move || save.pending().get()>{tr(Key::AttestMca)}</button>
        </form>
    }
}

#[component]
fn ServicesTab(customer: Customer) -> impl IntoView {
    let c = ctx();
    let id = customer.id.clone();
    let data = LocalResource::new(move || {
        c.revision.get();
        let api = c.partner_api();
        let id = id.clone();
        async move {
            let customer = client::id(&id)?;
            let subs = api.call(op::ListSubscriptions { customer }).await?;
            let offers = api.call(op::ListOffers {}).await?;
            let profile = api.call(op::GetPartnerProfile {}).await?;
            let mut eligible = vec![(
                profile.tenant_id.clone(),
                format!("{} (MPN {})", profile.company_name, profile.mpn_id),
            )];
            if profile.indirect_provider {
                let resellers = api.call(op::ListIndirectResellers).await?;
                eligible.extend(
                    resellers
                        .items
                        .into_iter()
                        .map(|r| (r.id, format!("{} (MPN {})", r.name, r.mpn_id))),
                );
            }
            Ok::<_, ApiError>((subs.items, offers.items, eligible))
        }
    });
    let cid = customer.id.clone();
    let offer = RwSignal::new(String::new());
    let seats = RwSignal::new("5".to_string());
    let action_error = RwSignal::new(None::<(Key, ApiError)>);
    let scope = crate::task::Scope::new();
    let run = move |key: Key,
                    fut: std::pin::Pin<
        Box<dyn std::future::Future<Output = Result<(), ApiError>>>,
    >| {
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
            let qty: u32 = seats.get_untracked().trim().parse().unwrap_or(0);
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
        {move || match data.get() {
            None => view! { <Loading/> }.into_any(),
            Some(Err(e)) => view! { <ErrorBanner what=what(Key::TabServices) error=e on_retry=Callback::new(move |_| data.refetch())/> }.into_any(),
            Some(Ok((subs, offers, eligible))) => {
                if offer.get_untracked().is_empty() {
                    if let Some(o) = offers.first() { offer.set(o.id.clone()); }
                }
                let cid = cid.clone();
                view! {
                    {if subs.is_empty() { Some(view! { <p class="muted">{tr(Key::NoSubscriptions)}</p> }) } else { None }}
                    <ul class="subs plain">
                        {subs.into_iter().map(|s| {
                            let active = s.status == SubscriptionStatus::Active;
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
                                        <button type="button" on:click={
                                            move |_| {
                                                let api = c.partner_api();
                                                let body = SubscriptionPatch { status: Some(if active { SubscriptionStatus::Suspended } else { SubscriptionStatus::Active }), quantity: None };
                                                let target = target.clone();
                                                run(Key::SubscriptionUpdated, Box::pin(async move { let (customer, subscription) = target?; api.call(op::UpdateSubscription { customer, subscription, body }).await.map(|_| ()) }));
                                            }
                                        }>{move || if active { tr(Key::Suspend)() } else { tr(Key::Reactivate)() }}</button>
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
                    <form class="row provision" on:submit=provision.clone()>
                        <div class="field inline">
                            <label for=format!("offer-{cid}")>{tr(Key::Offer)}</label>
                            <select id=format!("offer-{cid}") prop:value=move || offer.get() on:change=move |ev| offer.set(event_target_value(&ev))>
                                {offers.iter().map(|o| view! { <option value=o.id.clone()>{o.name.clone()}</option> }).collect_view()}
                            </select>
                        </div>
                        <div class="field inline">
                            <label for=format!("seats-{cid}")>{tr(Key::Seats)}</label>
                            <input id=format!("seats-{cid}") type="number" min="1" max="10000" prop:value=move || seats.get() on:input=move |ev| seats.set(event_target_value(&ev))/>
                        </div>
                        <button type="submit">{tr(Key::Provision)}</button>
                    </form>
                }.into_any()
            }
        }}
    }
}

#[component]
fn UsersTab(customer: Customer) -> impl IntoView {
    let c = ctx();
    let id = customer.id.clone();
    let data = LocalResource::new(move || {
        c.revision.get();
        let api = c.partner_api();
        let id = id.clone();
        async move {
            let customer = client::id(&id)?;
            let users = api.call(op::ListCustomerUsers { customer }).await?;
            let skus = api.call(op::ListSubscribedSkus { customer }).await?;
            Ok::<_, ApiError>((users.items, skus.items))
        }
    });
    let action_error = RwSignal::new(None::<ApiError>);
    let cid = customer.id.clone();
    let scope = crate::task::Scope::new();
    let update = move |user: String, update: LicenseUpdate| {
        let api = c.partner_api();
        let target = client::id::<TenantId>(&cid).and_then(|c| Ok((c, client::id(&user)?)));
        scope.spawn(async move {
            let result = match target {
                Ok((customer, user)) => {
                    api.call(op::UpdateLicenses {
                        customer,
                        user,
                        body: update,
                    })
                    .await
                }
                Err(e) => Err(e),
            };
            match result {
                Ok(_) => {
                    action_error.set(None);
                    c.changed();
                    c.toast(i18n::text(c.lang.get_untracked(), Key::LicensesUpdated).into());
                }
                Err(e) => action_error.set(Some(e)),
            }
        });
    };
    view! {
        {move || action_error.get().map(|e| view! { <ErrorBanner what=what(Key::TabUsers) error=e/> })}
        {move || match data.get() {
            None => view! { <Loading/> }.into_any(),
            Some(Err(e)) => view! { <ErrorBanner what=what(Key::TabUsers) error=e on_retry=Callback::new(move |_| data.refetch())/> }.into_any(),
            Some(Ok((users, skus))) => {
                let update = update.clone();
                view! {
                    <h3>{tr(Key::Licenses)}</h3>
                    <ul class="plain">
                        {skus.iter().map(|k| { let (n, a, t) = (k.name.clone(), k.consumed_units.to_string(), k.active_units.to_string()); view! { <li>{move || trf(Key::AvailableSeats, &[&n, &a, &t])}</li> } }).collect_view()}
                    </ul>
                    <h3>{tr(Key::Users)}</h3>
                    <table class="data compact">
                        <thead><tr><th scope="col">{tr(Key::Users)}</th><th scope="col">{tr(Key::Licenses)}</th></tr></thead>
                        <tbody>
                            {users.into_iter().map(|u| {
                                let skus = skus.clone();
                                let update = update.clone();
                                view! {
                                    <tr>
                                        <td>{u.display_name.clone()}<br/><span class="muted">{u.user_principal_name.clone()}</span></td>
                                        <td>
                                            {skus.into_iter().map(|k| {
                                                let has = u.licenses.contains(&k.sku_id);
                                                let free = k.active_units > k.consumed_units;
                                                let (sku, user, uname, kname) = (k.sku_id.clone(), u.id.clone(), u.display_name.clone(), k.name.clone());
                                                let update = update.clone();
                                                let label = { let (kname, uname) = (kname.clone(), uname.clone()); move || trf(if has { Key::RemoveLicense } else { Key::AssignLicense }, &[&kname, &uname]) };
                                                view! {
                                                    <div class="license">
                                                        <span>{k.name.clone()}{(!has && !free).then(|| view! { " (" {tr(Key::NoFreeSeat)} ")" })}</span>
                                                        " "
                                                        <button type="button" class="small" aria-label=label disabled=!has && !free on:click=move |_| {
                                                            let change = if has { LicenseUpdate { licenses_to_assign: vec![], licenses_to_remove: vec![sku.clone()] } } else { LicenseUpdate { licenses_to_assign: vec![sku.clone()], licenses_to_remove: vec![] } };
                                                            update(user.clone(), change);
                                                        }>{move || if has { tr(Key::RemoveLicense)().replace("{0}", "").replace(" de {1}", "").replace(" from {1}", "").trim().to_string() } else { tr(Key::Assign)().to_string() }}</button>
                                                    </div>
                                                }
                                            }).collect_view()}
                                        </td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }
        }}
    }
}

#[component]
fn PortalsTab(customer: Customer) -> impl IntoView {
    let c = ctx();
    let active = customer.delegated_admin == Some(DelegatedAdmin::Active);
    let domain = customer.company_profile.domain.clone();
    let name = customer.company_profile.company_name.clone();
    let portals = [
        ("Microsoft 365 admin center", "https://admin.microsoft.com"),
        (
            "Exchange admin center",
            "https://admin.exchange.microsoft.com",
        ),
        (
            "Microsoft Teams admin center",
            "https://admin.teams.microsoft.com",
        ),
        ("Azure portal", "https://portal.azure.com"),
    ];
    view! {
        {if active {
            view! {
                <ul class="plain">
                    {portals.iter().map(|(label, url)| {
                        let (label, name) = (*label, name.clone());
                        view! { <li><a href=format!("{url}/?tenant={domain}") target="_blank" rel="noopener noreferrer">{move || trf(Key::OpenPortal, &[label, &name])}</a></li> }
                    }).collect_view()}
                </ul>
            }.into_any()
        } else {
            view! { <p class="notice">{tr(Key::PortalsNeedDap)}</p> }.into_any()
        }}
        {move || { c.lang.get(); }}
    }
}

#[component]
fn NextSteps(customer: Customer) -> impl IntoView {
    let c = ctx();
    let removed = customer.delegated_admin == Some(DelegatedAdmin::Removed);
    let name = customer.company_profile.company_name.clone();
    let id = customer.id.clone();
    let confirming = RwSignal::new(false);
    let remove = Action::new_local(move |_: &()| {
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
            <div class="row">
                {removed.then(|| view! { <a class="button" href=href("/partner/invitations/new?dap=true")>{tr(Key::RequestDapAgain)}</a> })}
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
                    view! { <div class="error-banner" role="alert"><p>{move || trf(Key::RemoveBlocked, &[&list])}</p></div> }.into_any()
                } else {
                    view! { <ErrorBanner what=what(Key::RemoveRelationship) error=e on_retry=Callback::new(move |_| { remove.dispatch(()); })/> }.into_any()
                }
            })}
        </section>
    }
}
