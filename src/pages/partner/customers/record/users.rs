//! The Users and licenses tab: each user's licenses, assigned or removed
//! within the seats bought.

use super::what;
use super::NeedsAdmin;
use crate::api::error::ApiError;
use crate::api::error::ErrorCode;
use crate::api::wire::{Customer, LicenseUpdate};
use crate::api::{client, op};
use crate::components::{ErrorBanner, Fetched};
use crate::context::{ctx, tr, trf};
use crate::domain::ids::TenantId;
use crate::domain::relationship::DelegatedAdmin;
use crate::i18n::{self, Key};
use leptos::prelude::*;

/// The request page with GDAP on, the Licensing template chosen and the
/// customer's name filled in (`NewInvitationForm` reads them).
fn request_roles(customer: &str) -> String {
    format!(
        "{}?gdapTemplate=licensing&customerName={}",
        crate::context::href(crate::routes::AppRoute::NewInvitation),
        crate::api::encode_query(customer)
    )
}

#[component]
pub(super) fn UsersTab(
    customer: Customer,
    /// Opens the Admin relationships tab (to ask for the missing role).
    to_admin: Callback<()>,
) -> impl IntoView {
    let c = ctx();
    // Without DAP, or an active GDAP role granting it to one of the agent's
    // groups, the customer's users are out of reach: the tab says which
    // roles would allow it instead of failing (the backend decides, see
    // `domain::gdap::Right`).
    let data = super::customer_read(&customer, |api, customer| async move {
        let detail = api.call(op::GetCustomer { customer }).await?;
        let users = match api.call(op::ListCustomerUsers { customer }).await {
            Err(e) if e.code == ErrorCode::DelegatedAdminRequired => {
                // A relationship in force may grant a role already: then
                // what is missing is a security group of the agent's on
                // it, not a new request.
                // Unread (a fault, a refusal): the request is offered, as before.
                let granted = api
                    .admin_relationships(Some(customer))
                    .await
                    .unwrap_or_default()
                    .iter()
                    .any(|r| {
                        r.status.in_force()
                            && r.access_details
                                .ids()
                                .iter()
                                .any(|id| e.data.iter().any(|n| n.eq_ignore_ascii_case(id)))
                    });
                return Ok::<_, ApiError>(Err((detail, e.data, granted)));
            }
            other => other?,
        };
        let skus = api.call(op::ListSubscribedSkus { customer }).await?;
        Ok(Ok((users.items, skus.items)))
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
        <Fetched resource=data what=what(Key::TabUsers) let:value>
            {
                let (users, skus) = match value {
                    Ok(found) => found,
                    Err((detail, roles, granted)) => {
                        let name = detail.company_profile.company_name.clone();
                        let offer = request_roles(&name);
                        let dap_removed = detail.delegated_admin == Some(DelegatedAdmin::Removed);
                        return view! {
                            {dap_removed.then(|| view! { <NeedsAdmin customer=detail.clone()/> })}
                            <p class="notice needs-role" role="note">{move || {
                                let lang = c.lang.get();
                                let names: Vec<String> = roles.iter().filter(|r| r.as_str() != crate::domain::gdap::GLOBAL_ADMINISTRATOR).map(|r| i18n::role_name(lang, r)).collect();
                                i18n::format(lang, Key::NeedsRole, &[&name, &names.join(", ")])
                            }}</p>
                            {granted.then(|| view! { <p class="notice" role="note">{tr(Key::RoleNeedsGroup)}</p> })}
                            <div class="actions">
                                // The offer: the request page with the Licensing template chosen
                                // (not when a role is granted already: a group is missing).
                                {(!granted).then(|| view! { <a class="button primary" href=offer>{tr(Key::RequestRoles)}</a> })}
                                <button type="button" class:primary=granted on:click=move |_| to_admin.run(())>{tr(Key::OpenAdminRelationships)}</button>
                            </div>
                        }.into_any()
                    }
                };
                {
                let update = update.clone();
                view! {
                    <h3>{tr(Key::Licenses)}</h3>
                    <ul class="plain">
                        {skus.iter().map(|k| { let (n, a, t) = (k.name.clone(), k.consumed_units, k.active_units); view! { <li>{move || { let lang = c.lang.get(); crate::intl::count(lang, i18n::Counted::SeatsAssigned, t.into(), &[&n, &crate::intl::number(lang, a.into())]) }}</li> } }).collect_view()}
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
                                                        }>{move || if has { tr(Key::Remove)() } else { tr(Key::Assign)() }}</button>
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
            }
        </Fetched>
    }
}
