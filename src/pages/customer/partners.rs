//! Customer side: the tenant's partners, their type, and "Remove admin
//! permissions" (the partner stays the reseller).

use super::sign_in::{signed_in_role, signed_in_role_name, CustomerIdentity, CustomerSignIn};
use crate::api::error::ApiError;
use crate::api::op;
use crate::components::{Confirm, ErrorBanner, Fetched};
use crate::context::{ctx, tr, trf};
use crate::domain::relationship::DelegatedAdmin;
use crate::i18n::{self, Key};
use crate::pages::partner::customers::relationship_key;
use leptos::prelude::*;

/// `/customer`.
#[component]
pub fn PartnersPage() -> impl IntoView {
    let c = ctx();
    view! {
        <div class="page">
            <h1>{tr(Key::PartnersTitle)}</h1>
            <Show when=move || c.customer.get().is_some() fallback=|| view! { <p>{tr(Key::CustomerSignInFirst)}</p><CustomerSignIn/> }>
                <CustomerIdentity/>
                <PartnersList/>
                <super::approve::AdminRelationshipsList/>
            </Show>
        </div>
    }
}

/// The tenant's partners (needs a signed-in customer).
#[component]
pub fn PartnersList() -> impl IntoView {
    let c = ctx();
    let list = crate::task::Read::new(move || {
        c.revision.get();
        c.customer.get();
        let api = c.customer_api();
        async move { api.call(op::ListPartners {}).await }
    });
    let confirming = RwSignal::new(None::<String>);
    let action_error = RwSignal::new(None::<ApiError>);
    let remove = crate::task::Write::new(move |(id, name): &(String, String)| {
        let api = c.customer_api();
        let id = id.clone();
        let name = name.clone();
        async move {
            let partner = crate::api::client::id(&id)?;
            api.call(op::RemoveAdminPermissions { partner })
                .await
                .map(|_| name)
        }
    });
    Effect::new(move |_| match remove.value().get() {
        Some(Ok(name)) => {
            confirming.set(None);
            action_error.set(None);
            c.changed();
            c.toast(i18n::format(
                c.lang.get_untracked(),
                Key::AdminRemoved,
                &[&name],
            ));
        }
        Some(Err(e)) => action_error.set(Some(e)),
        None => {}
    });
    let may_remove = move || signed_in_role().may_remove_admin();
    let role_name = signed_in_role_name;
    view! {
        <p>{tr(Key::PartnersIntro)}</p>
        <Show when=move || !may_remove()>
            <p class="notice" role="note">{move || trf(Key::RemoveAdminGlobalOnly, &[&role_name()])}</p>
        </Show>
        {move || action_error.get().map(|e| view! { <ErrorBanner what=Signal::derive(move || tr(Key::RemoveAdmin)().to_string()) error=e/> })}
        <Fetched resource=list what=Signal::derive(move || tr(Key::PartnersTitle)().to_string()) let:value>
            {match value {
                list if list.items.is_empty() => view! { <p class="empty">{tr(Key::NoPartners)}</p> }.into_any(),
            list => view! {
                // Scrolls inside its own labelled region at narrow widths.
                <div class="table-scroll" role="region" tabindex="0" aria-label=tr(Key::PartnersTitle)>
                <table class="data">
                    <caption class="visually-hidden">{tr(Key::PartnersTitle)}</caption>
                    <thead><tr>
                        <th scope="col">{tr(Key::PartnerLabel)}</th>
                        <th scope="col">{tr(Key::ColRelationship)}</th>
                        <th scope="col">{tr(Key::ColSince)}</th>
                        <th scope="col">{tr(Key::ColActions)}</th>
                    </tr></thead>
                    <tbody>
                        {list.items.into_iter().map(|p| {
                            let key = relationship_key(Some(p.delegated_admin));
                            let active = p.delegated_admin == DelegatedAdmin::Active;
                            let (id, name) = (p.partner_id.clone(), p.partner_name.clone());
                            let (id2, id3, name2, name3) = (id.clone(), id.clone(), name.clone(), name.clone());
                            view! {
                                <tr>
                                    <td>{p.partner_name.clone()}<br/><span class="muted">{p.partner_country.clone()}</span>
                                        {p.indirect_reseller_name.clone().map(|r| view! { <br/><span class="muted">{move || trf(Key::ProviderOf, &[&r])}</span> })}
                                    </td>
                                    <td>{tr(key)}</td>
                                    <td>{let since = p.since.clone(); move || crate::intl::date(c.lang.get(), &since)}</td>
                                    <td>
                                        {(active && may_remove()).then(|| view! {
                                            <button type="button" class="danger" on:click=move |_| confirming.set(Some(id.clone()))>{tr(Key::RemoveAdmin)}</button>
                                            <Show when=move || confirming.get().as_deref() == Some(id2.as_str())>
                                                {
                                                    let (id3, name2, name3) = (id3.clone(), name2.clone(), name3.clone());
                                                    view! {
                                                        <Confirm id=format!("remove-admin-{id3}") question=Signal::derive(move || trf(Key::RemoveAdminConfirm, &[&name2]))
                                                            on_confirm=Callback::new(move |_| { remove.dispatch((id3.clone(), name3.clone())); })
                                                            on_cancel=Callback::new(move |_| confirming.set(None))/>
                                                    }
                                                }
                                            </Show>
                                        })}
                                        {let _ = &name; }
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
                </div>
            }.into_any(),
            }}
        </Fetched>
    }
}
