//! The Admin relationships tab: the customer's granular admin relationships
//! (status, roles, dates, auto-extend), security groups assigned to their
//! approved roles, auto-extend on or off where allowed, Global Administrator
//! removed, termination.

use super::what;
use crate::api::error::ApiError;
use crate::api::graph::{
    AccessAssignment, AccessContainer, AccessDetails, AdminRelationshipPatch,
    DelegatedAdminRelationship, Group, NewAccessAssignment, NewRelationshipRequest, RequestAction,
};
use crate::api::op;
use crate::api::wire::Customer;
use crate::components::{ErrorBanner, Fetched};
use crate::context::{ctx, tr, trf};
use crate::domain::gdap::{self, AdminRelationshipStatus as Status};
use crate::i18n::{self, Key};
use leptos::prelude::*;

/// What the tab reads: the relationships with their assignments, and the
/// partner's groups.
type Data = (
    Vec<(DelegatedAdminRelationship, Vec<AccessAssignment>)>,
    Vec<Group>,
);

/// One change the tab makes.
#[derive(Clone)]
enum Action {
    /// The relationship, the version read (`@odata.etag`) and the change.
    Patch(String, String, AdminRelationshipPatch),
    Terminate(String),
    Assign(String, NewAccessAssignment),
}

#[component]
pub(super) fn AdminTab(customer: Customer) -> impl IntoView {
    let c = ctx();
    let data = super::customer_read(&customer, |api, customer| async move {
        let list = api.admin_relationships(Some(customer)).await?;
        let mut out = Vec::new();
        for r in list {
            let assignments = if r.status.in_force() {
                let id = crate::api::client::id(&r.id)?;
                api.call(op::ListAccessAssignments { relationship: id })
                    .await?
                    .value
            } else {
                Vec::new()
            };
            out.push((r, assignments));
        }
        let groups = api.call(op::ListSecurityGroups {}).await?.value;
        Ok::<Data, ApiError>((out, groups))
    });
    let act = crate::task::Write::new(move |action: &Action| {
        let api = c.partner_api();
        let action = action.clone();
        async move {
            let key = match &action {
                Action::Patch(id, etag, body) => {
                    let relationship: crate::domain::ids::AdminRelationshipId =
                        crate::api::client::id(id)?;
                    let sent = api
                        .call(op::UpdateAdminRelationship {
                            relationship: relationship.clone(),
                            if_match: etag.clone(),
                            body: body.clone(),
                        })
                        .await;
                    match sent {
                        // Changed meanwhile (412): done if it already holds
                        // what was asked; else said, and shown as it is.
                        Err(e) if e.code == crate::api::error::ErrorCode::Changed => {
                            let now = api.call(op::GetAdminRelationship { relationship }).await?;
                            if !body.holds_for(&now) {
                                return Err(e);
                            }
                        }
                        other => {
                            other?;
                        }
                    }
                    Key::RelationshipUpdated
                }
                Action::Terminate(id) => {
                    let relationship = crate::api::client::id(id)?;
                    api.call(op::CreateRelationshipRequest {
                        relationship,
                        body: NewRelationshipRequest {
                            action: RequestAction::Terminate,
                        },
                    })
                    .await?;
                    Key::RelationshipEnded
                }
                Action::Assign(id, body) => {
                    let relationship = crate::api::client::id(id)?;
                    api.call(op::CreateAccessAssignment {
                        relationship,
                        body: body.clone(),
                    })
                    .await?;
                    Key::GroupAssigned
                }
            };
            Ok::<Key, ApiError>(key)
        }
    });
    Effect::new(move |_| match act.value().get() {
        Some(Ok(key)) => {
            c.changed();
            c.toast(i18n::text(c.lang.get_untracked(), key).into());
        }
        // Changed meanwhile (412): shown again as it is now, which the
        // banner says.
        Some(Err(e)) if e.code == crate::api::error::ErrorCode::Changed => c.changed(),
        _ => {}
    });
    let may_manage = move || {
        c.partner
            .get()
            .and_then(|s| s.me.user.partner_role)
            .is_some_and(|r| r.may_manage())
    };
    view! {
        {move || act.value().get().and_then(Result::err).map(|e| view! { <ErrorBanner what=what(Key::AdminRelationships) error=e/> })}
        <Fetched resource=data what=what(Key::AdminRelationships) let:value>
            {
                let (relationships, groups) = value;
                if relationships.is_empty() {
                    return view! { <p class="empty">{tr(Key::NoAdminRelationships)}</p> }.into_any();
                }
                view! {
                    <ul class="plain admin-relationships">
                        {relationships.into_iter().map(|(r, assignments)| {
                            view! { <RelationshipCard r=r assignments=assignments groups=groups.clone() act=act may_manage=Signal::derive(may_manage)/> }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }
        </Fetched>
    }
}

#[component]
fn RelationshipCard(
    r: DelegatedAdminRelationship,
    assignments: Vec<AccessAssignment>,
    groups: Vec<Group>,
    act: crate::task::Write<Action, Result<Key, ApiError>>,
    may_manage: Signal<bool>,
) -> impl IntoView {
    let c = ctx();
    let roles = r.access_details.ids();
    let ga = gdap::includes_global_admin(&roles);
    let status = r.status;
    let auto = r.auto_extend_duration == "P180D";
    let id = r.id.clone();
    let name = r.display_name.clone();
    let slug = id.clone();
    let group_name = {
        let groups = groups.clone();
        move |gid: &str| {
            groups
                .iter()
                .find(|g| g.id == gid)
                .map(|g| g.display_name.clone())
                .unwrap_or_else(|| gid.to_string())
        }
    };
    let chosen_group = RwSignal::new(groups.first().map(|g| g.id.clone()).unwrap_or_default());
    let chosen_roles = RwSignal::new(Vec::<String>::new());
    let busy = move || act.pending().get();
    let dates = {
        let (created, ends) = (r.created_date_time.clone(), r.end_date_time.clone());
        move || {
            let lang = c.lang.get();
            let mut out = crate::intl::date(lang, &created);
            if let Some(e) = &ends {
                out.push_str(" → ");
                out.push_str(&crate::intl::date(lang, e));
            }
            out
        }
    };
    let (n1, n2, n3, n4) = (name.clone(), name.clone(), name.clone(), name.clone());
    let (i1, i2, i3, i4) = (id.clone(), id.clone(), id.clone(), id.clone());
    let without_ga: Vec<String> = roles
        .iter()
        .filter(|x| !x.eq_ignore_ascii_case(gdap::GLOBAL_ADMINISTRATOR))
        .cloned()
        .collect();
    let version = r.etag.clone().unwrap_or_default();
    let link = r
        .approval_link
        .clone()
        .filter(|_| status == Status::ApprovalPending);
    view! {
        <li class="card admin-relationship" id=format!("admin-{slug}")>
            <h3>{name.clone()}</h3>
            <dl class="facts">
                <dt>{tr(Key::ColStatus)}</dt><dd class="status">{move || i18n::admin_status(c.lang.get(), status)}</dd>
                <dt>{tr(Key::ColRoles)}</dt><dd>{ let roles = roles.clone(); move || { let lang = c.lang.get(); roles.iter().map(|x| i18n::role_name(lang, x)).collect::<Vec<_>>().join(", ") } }</dd>
                <dt>{tr(Key::ColSince)}</dt><dd>{dates}</dd>
                <dt>{tr(Key::GdapAutoExtend)}</dt><dd>{move || trf(Key::AutoExtendState, &[tr(if auto { Key::Yes } else { Key::No })()])}</dd>
                {link.map(|l| view! { <dt>{tr(Key::ApprovalLink)}</dt><dd><code class="link-text">{l}</code></dd> })}
                <dt>{tr(Key::AssignedGroups)}</dt>
                <dd class="assigned">{
                    let text = assignments.iter().map(|a| {
                        let g = group_name(&a.access_container.access_container_id);
                        (g, a.access_details.ids())
                    }).collect::<Vec<_>>();
                    move || {
                        let lang = c.lang.get();
                        if text.is_empty() { return "—".to_string(); }
                        text.iter().map(|(g, roles)| format!("{g}: {}", roles.iter().map(|x| i18n::role_name(lang, x)).collect::<Vec<_>>().join(", "))).collect::<Vec<_>>().join("; ")
                    }
                }</dd>
            </dl>
            <Show when=move || may_manage.get()>
                <div class="actions">
                    {(status.in_force() && !ga).then(|| { let (i, n, version) = (i1.clone(), n1.clone(), version.clone()); view! {
                        <button type="button" disabled=busy on:click=move |_| act.dispatch(Action::Patch(i.clone(), version.clone(), AdminRelationshipPatch { auto_extend_duration: Some(gdap::auto_extend_iso(!auto).into()), ..Default::default() }))>
                            {move || trf(if auto { Key::TurnAutoExtendOff } else { Key::TurnAutoExtendOn }, &[&n])}
                        </button>
                    }})}
                    {(status.in_force() && ga).then(|| { let (i, n, rest, version) = (i2.clone(), n2.clone(), without_ga.clone(), version.clone()); view! {
                        <button type="button" disabled=busy on:click=move |_| act.dispatch(Action::Patch(i.clone(), version.clone(), AdminRelationshipPatch { access_details: Some(AccessDetails::of(&rest)), ..Default::default() }))>
                            {move || trf(Key::RemoveGa, &[&n])}
                        </button>
                    }})}
                    {status.may_terminate().then(|| { let (i, n) = (i3.clone(), n3.clone()); view! {
                        <button type="button" class="danger" disabled=busy on:click=move |_| act.dispatch(Action::Terminate(i.clone()))>{move || trf(Key::EndRelationship, &[&n])}</button>
                    }})}
                </div>
                {if status.in_force() {
                    let (i, n) = (i4.clone(), n4.clone());
                    let groups = groups.clone();
                    let roles = roles.clone();
                    let form_id = format!("assign-{}", i);
                    view! {
                        <form class="assign" id=form_id.clone() on:submit=move |ev: leptos::ev::SubmitEvent| {
                            ev.prevent_default();
                            if chosen_roles.get_untracked().is_empty() { return; }
                            act.dispatch(Action::Assign(i.clone(), NewAccessAssignment {
                                access_container: AccessContainer { access_container_id: chosen_group.get_untracked(), access_container_type: "securityGroup".into() },
                                access_details: AccessDetails::of(&chosen_roles.get_untracked()),
                            }));
                        }>
                            <fieldset>
                                <legend>{move || trf(Key::AssignGroupLegend, &[&n])}</legend>
                                <div class="field">
                                    <label for=format!("{form_id}-group")>{tr(Key::SecurityGroup)}</label>
                                    <select id=format!("{form_id}-group") prop:value=move || chosen_group.get() on:change=move |ev| chosen_group.set(event_target_value(&ev))>
                                        {groups.iter().map(|g| view! { <option value=g.id.clone()>{g.display_name.clone()}</option> }).collect_view()}
                                    </select>
                                </div>
                                {roles.into_iter().map(|x| {
                                    let cid = format!("{form_id}-{x}");
                                    let (x1, x2) = (x.clone(), x.clone());
                                    view! {
                                        <div class="field checkbox">
                                            <input type="checkbox" id=cid.clone() prop:checked=move || chosen_roles.with(|v| v.contains(&x1))
                                                on:change=move |ev| { let on = event_target_checked(&ev); chosen_roles.update(|v| { v.retain(|y| *y != x2); if on { v.push(x2.clone()); } }); }/>
                                            <label for=cid>{move || i18n::role_name(c.lang.get(), &x)}</label>
                                        </div>
                                    }
                                }).collect_view()}
                                <button type="submit" disabled=move || busy() || chosen_roles.with(Vec::is_empty)>{tr(Key::AssignGroup)}</button>
                            </fieldset>
                        </form>
                    }.into_any()
                } else {
                    view! { <p class="help">{tr(Key::AssignAfterApproval)}</p> }.into_any()
                }}
            </Show>
        </li>
    }
}
