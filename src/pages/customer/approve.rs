//! The customer's approval of a partner's granular admin roles (GDAP,
//! `/customer/?adminRelationship={id}`): the partner, every role in plain
//! words, the duration and the end date; "Approve all" (Global
//! administrators only: the customer cannot edit the roles); the result.
//! Also the customer's list of admin relationships, with "End".

use super::sign_in::{signed_in_role, signed_in_role_name, CustomerIdentity, CustomerSignIn};
use crate::api::error::ApiError;
use crate::api::graph::DelegatedAdminRelationship;
use crate::api::op;
use crate::components::{Confirm, ErrorBanner, Fetched, Outcome};
use crate::context::{ctx, href, tr, trf};
use crate::domain::gdap::AdminRelationshipStatus as Status;
use crate::domain::relationship::CustomerRole;
use crate::domain::time;
use crate::i18n::{self, Key};
use crate::routes::AppRoute;
use leptos::prelude::*;

fn partner_name(r: &DelegatedAdminRelationship) -> String {
    r.partner
        .as_ref()
        .map(|p| p.display_name.clone())
        .unwrap_or_default()
}

/// The roles, each with its one line.
#[component]
fn RoleList(roles: Vec<String>) -> impl IntoView {
    let c = ctx();
    view! {
        <ul class="roles">
            {roles.into_iter().map(|id| {
                let role = crate::domain::gdap::role(&id);
                let id2 = id.clone();
                view! {
                    <li>
                        <strong>{move || i18n::role_name(c.lang.get(), &id2)}</strong>
                        {role.map(|r| view! { " — " <span>{move || i18n::role_about(c.lang.get(), r)}</span> })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

/// `/customer/?adminRelationship={id}`.
#[component]
pub fn ApprovalPage(id: String) -> impl IntoView {
    let c = ctx();
    view! {
        <div class="page narrow">
            <h1>{tr(Key::ApproveTitle)}</h1>
            <Show when=move || c.customer.get().is_some() fallback=|| view! { <p>{tr(Key::CustomerSignInFirst)}</p><CustomerSignIn/> }>
                <CustomerIdentity/>
                <ApprovalReview id=id.clone()/>
            </Show>
        </div>
    }
}

/// The request and its approval (needs a signed-in customer).
#[component]
fn ApprovalReview(id: String) -> impl IntoView {
    let c = ctx();
    let target = StoredValue::new(id);
    let read = crate::task::Read::new(move || {
        c.revision.get();
        let api = c.customer_api();
        let id = crate::api::client::id(&target.get_value());
        async move {
            api.call(op::GetTenantAdminRelationship { relationship: id? })
                .await
        }
    });
    let approve = crate::task::Write::new(move |_: &()| {
        let api = c.customer_api();
        let id = crate::api::client::id(&target.get_value());
        async move {
            api.call(op::ApproveAdminRelationship { relationship: id? })
                .await
        }
    });
    let is_global_admin = move || signed_in_role().may_accept();
    let role_name = signed_in_role_name;
    view! {
        {move || match approve.value().get() {
            Some(Ok(done)) => {
                let partner = partner_name(&done);
                let end = done.end_date_time.clone().unwrap_or_default();
                view! {
                    <section class="done" aria-labelledby="approved-heading">
                        <h2 id="approved-heading">{tr(Key::ApprovedTitle)}</h2>
                        <Outcome text=Signal::derive(move || trf(Key::ApprovedUntil, &[&partner, &crate::intl::date(c.lang.get(), &end)]))/>
                        <RoleList roles=done.access_details.ids()/>
                        <a class="button primary" href=href(AppRoute::CustomerPartners)>{tr(Key::DoneNext)}</a>
                    </section>
                }.into_any()
            }
            _ => view! {
                <Fetched resource=read what=Signal::derive(move || tr(Key::ApproveTitle)().to_string()) let:r>
                    {
                        let partner = partner_name(&r);
                        let (p1, p2, p3) = (partner.clone(), partner.clone(), partner.clone());
                        let days = crate::domain::time::duration_days(&r.duration, time::now_ms()).unwrap_or(0);
                        let status = r.status;
                        let end_if_today = time::to_rfc3339(time::now_ms() + days * time::DAY);
                        let end = r.end_date_time.clone().unwrap_or_default();
                        view! {
                            <p>{move || trf(Key::ApproveIntro, &[&p1])}</p>
                            <RoleList roles=r.access_details.ids()/>
                            {match status {
                                Status::ApprovalPending => view! {
                                    <p>{move || trf(Key::ApproveDuration, &[&days.to_string(), &crate::intl::date(c.lang.get(), &end_if_today)])}</p>
                                    <p class="help">{tr(Key::ApproveCannotEdit)}</p>
                                    {move || approve.value().get().and_then(Result::err).map(|e| view! {
                                        <ErrorBanner what=Signal::derive(move || tr(Key::ApproveAll)().to_string()) error=e on_retry=Callback::new(move |_| { approve.dispatch(()); })/>
                                    })}
                                    {move || if is_global_admin() {
                                        view! {
                                            <button type="button" class="primary" id="approve-all" disabled=move || approve.pending().get()
                                                on:click=move |_| { approve.dispatch(()); }>
                                                {move || if approve.pending().get() { tr(Key::Approving)() } else { tr(Key::ApproveAll)() }}
                                            </button>
                                        }.into_any()
                                    } else {
                                        view! { <Outcome class="problem" urgent=true text=Signal::derive(move || trf(Key::ApproveGaOnly, &[&role_name()]))/> }.into_any()
                                    }}
                                }.into_any(),
                                Status::Active | Status::Expiring => view! {
                                    <Outcome text=Signal::derive(move || trf(Key::ApprovedDone, &[&p2, &crate::intl::date(c.lang.get(), &end)]))/>
                                }.into_any(),
                                Status::Expired => view! {
                                    <Outcome class="problem" urgent=true text=Signal::derive(move || trf(Key::ApprovalExpired, &[&p3]))/>
                                }.into_any(),
                                other => view! {
                                    <Outcome class="problem" urgent=true text=Signal::derive(move || trf(Key::ApprovalClosed, &[i18n::admin_status(c.lang.get(), other)]))/>
                                }.into_any(),
                            }}
                        }
                    }
                </Fetched>
            }.into_any(),
        }}
    }
}

/// The organization's admin relationships with its partners: roles, status,
/// end date, and "End" for a Global administrator.
#[component]
pub fn AdminRelationshipsList() -> impl IntoView {
    let c = ctx();
    let list = crate::task::Read::new(move || {
        c.revision.get();
        c.customer.get();
        let api = c.customer_api();
        async move { api.call(op::ListTenantAdminRelationships {}).await }
    });
    let confirming = RwSignal::new(None::<String>);
    let end = crate::task::Write::new(move |id: &String| {
        let api = c.customer_api();
        let id = crate::api::client::id(id);
        async move {
            api.call(op::TerminateTenantAdminRelationship { relationship: id? })
                .await
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(_)) = end.value().get() {
            confirming.set(None);
            c.changed();
            c.toast(i18n::text(c.lang.get_untracked(), Key::RelationshipEnded).into());
        }
    });
    let may_end = move || {
        c.customer
            .get()
            .and_then(|s| s.me.user.customer_role)
            .is_some_and(CustomerRole::may_remove_admin)
    };
    view! {
        <h2>{tr(Key::AdminRelationships)}</h2>
        {move || end.value().get().and_then(Result::err).map(|e: ApiError| view! { <ErrorBanner what=Signal::derive(move || tr(Key::AdminRelationships)().to_string()) error=e/> })}
        <Fetched resource=list what=Signal::derive(move || tr(Key::AdminRelationships)().to_string()) let:value>
            {if value.value.is_empty() {
                view! { <p class="empty">{tr(Key::NoAdminRelationships)}</p> }.into_any()
            } else {
                view! {
                    <ul class="plain admin-relationships">
                        {value.value.into_iter().map(|r| {
                            let id = r.id.clone();
                            let (id2, id3) = (id.clone(), id.clone());
                            let name = r.display_name.clone();
                            let (n1, n2) = (name.clone(), name.clone());
                            let partner = partner_name(&r);
                            let status = r.status;
                            let ends = r.end_date_time.clone();
                            view! {
                                <li class="card">
                                    <h3>{name.clone()}</h3>
                                    <p>{partner} " · " {move || i18n::admin_status(c.lang.get(), status)}
                                        {ends.map(|e| view! { " · " {tr(Key::ColEnds)} " " {move || crate::intl::date(c.lang.get(), &e)} })}</p>
                                    <RoleList roles=r.access_details.ids()/>
                                    // Waiting for this organization: the way to its approval
                                    // (also when the email's second link is lost).
                                    {(status == Status::ApprovalPending).then(|| view! {
                                        <a class="button primary" href=crate::domain::gdap::approval_link(&c.base(), &r.id)>{tr(Key::ReviewAdminRoles)}</a>
                                    })}
                                    {(status.in_force() && may_end()).then(|| view! {
                                        <button type="button" class="danger" on:click=move |_| confirming.set(Some(id.clone()))>{move || trf(Key::EndRelationship, &[&n1])}</button>
                                        <Show when=move || confirming.get().as_deref() == Some(id2.as_str())>
                                            {
                                                let (id3, n2) = (id3.clone(), n2.clone());
                                                view! {
                                                    <Confirm id=format!("end-admin-{id3}") question=Signal::derive(move || trf(Key::EndRelationshipConfirm, &[&n2]))
                                                        on_confirm=Callback::new(move |_| { end.dispatch(id3.clone()); })
                                                        on_cancel=Callback::new(move |_| confirming.set(None))/>
                                                }
                                            }
                                        </Show>
                                    })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </Fetched>
    }
}
