//! Invitations list: every invitation with its state; copy the link, reopen
//! the draft, revoke with confirmation; an empty state leading to the first.

use super::PartnerFrame;
use crate::api::error::ApiError;
use crate::api::op;
use crate::components::{Confirm, CopyButton, ErrorBanner, Fetched};
use crate::context::{ctx, href, tr, trf};
use crate::domain::relationship::InvitationStatus;
use crate::i18n::{self, Key};
use crate::routes::AppRoute;
use leptos::prelude::*;

/// `/partner/invitations`.
#[component]
pub fn InvitationsPage() -> impl IntoView {
    view! { <PartnerFrame current=AppRoute::Invitations><InvitationsList/></PartnerFrame> }
}

/// The list (needs a signed-in partner).
#[component]
pub fn InvitationsList() -> impl IntoView {
    let c = ctx();
    let list = crate::task::Read::new(move || {
        c.revision.get();
        c.partner.get();
        let api = c.partner_api();
        async move { api.call(op::ListInvitations {}).await }
    });
    let may_invite = move || c.may_invite();
    let confirming = RwSignal::new(None::<String>);
    let revoke_error = RwSignal::new(None::<ApiError>);
    let revoke = crate::task::Write::new(move |id: &String| {
        let api = c.partner_api();
        let id = id.clone();
        async move {
            let invitation = crate::api::client::id(&id)?;
            api.call(op::RevokeInvitation { invitation })
                .await
                .map(|_| ())
        }
    });
    Effect::new(move |_| match revoke.value().get() {
        Some(Ok(())) => {
            revoke_error.set(None);
            confirming.set(None);
            c.changed();
            c.toast(i18n::text(c.lang.get_untracked(), Key::Revoked).into());
        }
        Some(Err(e)) => revoke_error.set(Some(e)),
        None => {}
    });
    view! {
        <div class="page">
            <div class="page-head">
                <h1>{tr(Key::InvitationsTitle)}</h1>
                <Show when=may_invite>
                    <a class="button primary" href=href(AppRoute::NewInvitation)>{tr(Key::RequestRelationship)}</a>
                </Show>
            </div>
            {move || revoke_error.get().map(|e| view! { <ErrorBanner what=Signal::derive(move || tr(Key::Revoke)().to_string()) error=e/> })}
            <Fetched resource=list what=Signal::derive(move || tr(Key::InvitationsTitle)().to_string()) let:value>
                {match value {
                    list if list.items.is_empty() => view! {
                    <div class="empty">
                        <p>{tr(Key::NoInvitations)}</p>
                        <Show when=may_invite><a class="button primary" href=href(AppRoute::NewInvitation)>{tr(Key::RequestRelationship)}</a></Show>
                    </div>
                }.into_any(),
                list => view! {
                    // Wider than a narrow window: it scrolls inside its own
                    // labelled, focusable region, never the page (WCAG 1.4.10).
                    <div class="table-scroll" role="region" tabindex="0" aria-label=tr(Key::InvitationsTitle)>
                    <table class="data">
                        <caption class="visually-hidden">{tr(Key::InvitationsTitle)}</caption>
                        <thead><tr>
                            <th scope="col">{tr(Key::ColCreated)}</th>
                            <th scope="col">{tr(Key::ColCustomer)}</th>
                            <th scope="col">{tr(Key::ColLanguage)}</th>
                            <th scope="col">{tr(Key::ColAdmin)}</th>
                            <th scope="col">{tr(Key::ColStatus)}</th>
                            <th scope="col">{tr(Key::ColActions)}</th>
                        </tr></thead>
                        <tbody>
                            {list.items.into_iter().map(|inv| {
                                let id = inv.id.clone();
                                let id_confirm = id.clone();
                                let pending = inv.status == InvitationStatus::Pending;
                                let customer = if inv.customer_name.is_empty() { None } else { Some(inv.customer_name.clone()) };
                                let customer_email = inv.customer_email.clone();
                                let status = inv.status;
                                let accepted = inv.accepted_by.clone();
                                let revoked_at = inv.revoked_at.clone();
                                let link = inv.link.clone();
                                let dap = inv.dap;
                                // The roles asked for instead of (or with) lasting admin rights.
                                let granular = inv.admin_relationship.as_ref().map(|r| r.access_details.unified_roles.len().to_string());
                                let lang = inv.email_language;
                                let me = c.partner.get_untracked().map(|s| s.me.company_name).unwrap_or_default();
                                // As the reseller: through which provider; as the provider: on behalf of whom.
                                let two_tier = match (inv.indirect_reseller_name.clone(), inv.indirect_provider_name.clone()) {
                                    (Some(r), Some(p)) if r == me => Some((Key::ThroughProvider, p)),
                                    (Some(r), _) => Some((Key::OnBehalfOf, r)),
                                    _ => None,
                                };
                                view! {
                                    <tr>
                                        <td>{let created = inv.created_at.clone(); move || crate::intl::date(c.lang.get(), &created)}</td>
                                        <td>
                                            {match customer.clone() { Some(n) => view! { <span>{n}</span> }.into_any(), None => view! { <span class="muted">{tr(Key::NotNamed)}</span> }.into_any() }}
                                            {(!customer_email.is_empty()).then(|| view! { <br/><span class="muted">{customer_email.clone()}</span> })}
                                            {two_tier.map(|(key, name)| view! { <br/><span class="muted">{move || trf(key, &[&name])}</span> })}
                                        </td>
                                        <td>{lang.endonym()}</td>
                                        <td>{move || match (&granular, dap) {
                                            (Some(n), _) => trf(Key::AdminGranular, &[n]),
                                            (None, true) => tr(Key::Yes)().to_string(),
                                            (None, false) => tr(Key::No)().to_string(),
                                        }}</td>
                                        <td>
                                            <span class=match status {
                                                InvitationStatus::Pending => "status status-pending",
                                                InvitationStatus::Accepted => "status status-accepted",
                                                InvitationStatus::Revoked => "status status-revoked",
                                                InvitationStatus::Expired => "status status-expired",
                                            }>
                                                {move || match status {
                                                    InvitationStatus::Pending => tr(Key::StatusPending)().to_string(),
                                                    InvitationStatus::Accepted => accepted.as_ref().map(|a| trf(Key::StatusAccepted, &[&a.company_name, &crate::intl::date(c.lang.get(), &a.at)])).unwrap_or_default(),
                                                    InvitationStatus::Revoked => trf(Key::StatusRevoked, &[&revoked_at.as_deref().map(|r| crate::intl::date(c.lang.get(), r)).unwrap_or_default()]),
                                                    InvitationStatus::Expired => tr(Key::StatusExpired)().to_string(),
                                                }}
                                            </span>
                                        </td>
                                        <td class="actions"><div class="row">
                                            <CopyButton id=format!("copy-{id}") text=Signal::derive(move || link.clone()) label=Key::CopyLink/>
                                            <Show when=move || pending>
                                                <a class="button" href=href(AppRoute::Draft(id.clone()))>{tr(Key::ReopenDraft)}</a>
                                            </Show>
                                            <Show when=move || pending && may_invite()>
                                                {
                                                    let id_a = id_confirm.clone();
                                                    let id_b = id_confirm.clone();
                                                    let id_c = id_confirm.clone();
                                                    view! {
                                                        <button type="button" class="danger" on:click=move |_| confirming.set(Some(id_a.clone()))>{tr(Key::Revoke)}</button>
                                                        <Show when=move || confirming.get().as_deref() == Some(id_b.as_str())>
                                                            <Confirm id=format!("revoke-{id_c}") question=Signal::derive(move || tr(Key::RevokeConfirm)().to_string())
                                                                on_confirm={ let id = id_c.clone(); Callback::new(move |_| { revoke.dispatch(id.clone()); }) }
                                                                on_cancel=Callback::new(move |_| confirming.set(None))/>
                                                        </Show>
                                                    }
                                                }
                                            </Show>
                                        </div></td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                    </div>
                }.into_any(),
                }}
            </Fetched>
        </div>
    }
}
