//! The partner's granular admin relationships (GDAP) with every customer,
//! what needs the partner first (`gdap::Attention`): auto-extend turned on
//! for one or many at once, with progress and what failed kept to try
//! again; an expired one requested again; each leading to its customer.

use super::PartnerFrame;
use crate::api::error::{ApiError, ErrorCode};
use crate::api::graph::{AdminRelationshipPatch, DelegatedAdminRelationship};
use crate::api::op;
use crate::components::Fetched;
use crate::context::{ctx, href, tr, trf};
use crate::domain::gdap::{self, AdminRelationshipStatus as Status, Attention};
use crate::domain::time::{parse_rfc3339, Millis};
use crate::i18n::{self, Counted, Key};
use crate::routes::AppRoute;
use leptos::prelude::*;

/// `/partner/admin-relationships`.
#[component]
pub fn AdminRelationshipsPage() -> impl IntoView {
    view! { <PartnerFrame current=AppRoute::AdminRelationships><AdminRelationshipsList/></PartnerFrame> }
}

/// Which relationships the list shows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum View {
    Attention,
    Ending,
    Pending,
    Expired,
    All,
}

impl View {
    const ALL: [(View, &'static str, Key); 5] = [
        (View::Attention, "attention", Key::ShowAttention),
        (View::Ending, "ending", Key::ShowEnding),
        (View::Pending, "pending", Key::ShowPending),
        (View::Expired, "expired", Key::ShowExpired),
        (View::All, "all", Key::ShowAll),
    ];
    /// The view a slug of the address or the select names.
    fn from_slug(slug: &str) -> Option<View> {
        View::ALL
            .iter()
            .find(|(_, s, _)| *s == slug)
            .map(|(v, _, _)| *v)
    }
    /// Its slug.
    fn slug(self) -> &'static str {
        View::ALL
            .iter()
            .find(|(v, _, _)| *v == self)
            .map_or("", |(_, s, _)| s)
    }
    fn shows(self, a: Attention) -> bool {
        match self {
            View::Attention => a.needed(),
            View::Ending => matches!(a, Attention::EndingSoon { .. }),
            View::Pending => matches!(a, Attention::AwaitingApproval { .. }),
            View::Expired => matches!(a, Attention::Expired { .. }),
            View::All => true,
        }
    }
}

/// One relationship as the list shows it.
#[derive(Clone)]
struct Row {
    id: String,
    /// The version read (`@odata.etag`), which a change names.
    etag: Option<String>,
    name: String,
    customer: String,
    status: Status,
    attention: Attention,
    ends: Option<String>,
    ends_ms: Option<Millis>,
    auto: bool,
    ga: bool,
    extendable: bool,
    /// Its roles and days, to request them again.
    roles: Vec<String>,
    days: Option<i64>,
    /// An approval request that lapsed: it never gave any role.
    lapsed: bool,
}

impl Row {
    /// `live`: each relationship in force or waiting for approval, as its
    /// customer's tenant id and its roles.
    fn of(r: DelegatedAdminRelationship, now: Millis, live: &[(String, Vec<String>)]) -> Row {
        let roles = r.access_details.ids();
        let auto = r.auto_extend_duration == gdap::auto_extend_iso(true);
        let ends_ms = r.end_date_time.as_deref().and_then(parse_rfc3339);
        let requested = r
            .last_modified_date_time
            .as_deref()
            .or(Some(&r.created_date_time))
            .and_then(parse_rfc3339)
            .unwrap_or(now);
        // Requested again: another of its customer's relationships, in force
        // or waiting, holds every role it held. An expired request no
        // customer ever bound has nobody to ask again.
        let renewed = r.customer.as_ref().is_none_or(|c| {
            live.iter().any(|(tenant, theirs)| {
                *tenant == c.tenant_id
                    && roles
                        .iter()
                        .all(|x| theirs.iter().any(|y| y.eq_ignore_ascii_case(x)))
            })
        });
        let days = gdap::check_duration(&r.duration, requested).ok();
        Row {
            attention: Attention::of(r.status, ends_ms, requested, auto, now)
                .unless_renewed(renewed),
            extendable: gdap::may_turn_on_auto_extend(r.status, auto, &roles),
            ga: gdap::includes_global_admin(&roles),
            customer: r.customer.map(|c| c.display_name).unwrap_or_default(),
            id: r.id,
            etag: r.etag,
            name: r.display_name,
            status: r.status,
            ends: r.end_date_time,
            ends_ms,
            auto,
            lapsed: r.activated_date_time.is_none(),
            roles,
            days,
        }
    }
}

/// Auto-extend turned on for one relationship, at the version `etag` the
/// page read. One changed meanwhile (412: in another tab, or by another
/// agent) is read again: already auto-extending, it counts as done; still
/// one that can, it is asked again at its new version; anything else is
/// refused, with why.
async fn turn_on_one(
    api: &crate::api::client::Client,
    id: &str,
    etag: Option<String>,
) -> Result<(), ApiError> {
    let relationship: crate::domain::ids::AdminRelationshipId = crate::api::client::id(id)?;
    let body = AdminRelationshipPatch {
        auto_extend_duration: Some(gdap::auto_extend_iso(true).into()),
        ..Default::default()
    };
    let patch = |if_match| op::UpdateAdminRelationship {
        relationship: relationship.clone(),
        if_match,
        body: body.clone(),
    };
    let changed = match etag {
        Some(etag) => match api.call(patch(etag)).await {
            Err(e) if e.code == ErrorCode::Changed => e,
            other => return other.map(|_| ()),
        },
        None => ApiError {
            code: ErrorCode::Changed,
            status: 412,
            description: String::new(),
            data: Vec::new(),
        },
    };
    let now = api
        .call(op::GetAdminRelationship {
            relationship: relationship.clone(),
        })
        .await?;
    if body.holds_for(&now) && now.status.in_force() {
        return Ok(());
    }
    let auto = now.auto_extend_duration == gdap::auto_extend_iso(true);
    if !gdap::may_turn_on_auto_extend(now.status, auto, &now.access_details.ids()) {
        return Err(changed);
    }
    api.call(patch(now.etag.unwrap_or_default()))
        .await
        .map(|_| ())
}

/// The list (needs a signed-in partner).
#[component]
fn AdminRelationshipsList() -> impl IntoView {
    let c = ctx();
    let list = crate::task::Read::new(move || {
        c.revision.get();
        c.partner.get();
        let api = c.partner_api();
        async move {
            let list = api.admin_relationships(None).await?;
            let now = c.backend_now();
            let live: Vec<(String, Vec<String>)> = list
                .iter()
                .filter(|r| r.status.in_force() || r.status == Status::ApprovalPending)
                .filter_map(|r| {
                    r.customer
                        .as_ref()
                        .map(|c| (c.tenant_id.clone(), r.access_details.ids()))
                })
                .collect();
            let mut rows: Vec<Row> = list.into_iter().map(|r| Row::of(r, now, &live)).collect();
            rows.sort_by_key(|r| (r.attention.urgency(), r.ends_ms));
            Ok::<Vec<Row>, ApiError>(rows)
        }
    });
    // The choice is kept in the address (`?show=expired`), so a reload or a
    // link shows the same list.
    let start = leptos_router::hooks::use_query_map()
        .get_untracked()
        .get("show")
        .and_then(|v| View::from_slug(&v))
        .unwrap_or(View::Attention);
    let shown = RwSignal::new(start);
    Effect::new(move |first: Option<()>| {
        let view = shown.get();
        if first.is_some() || view != start {
            let query = if view == View::Attention {
                String::new()
            } else {
                format!("show={}", view.slug())
            };
            crate::platform::replace_query(&href(AppRoute::AdminRelationships), &query);
        }
    });
    let chosen = RwSignal::new(Vec::<String>::new());
    let may_manage = move || {
        c.partner
            .get()
            .and_then(|s| s.me.user.partner_role)
            .is_some_and(|r| r.may_manage())
    };
    // Auto-extend on for each chosen relationship, one request after the
    // other (Graph throttles a tenant's bursts); each answer counts, so a
    // failure stops nothing (but throttling, below) and is kept, with its
    // reason, to try again.
    let progress = RwSignal::new((0usize, 0usize));
    let failed = RwSignal::new((0usize, Vec::<(String, String, ApiError)>::new()));
    // After a run the list is read again and drawn anew: the focus, if it
    // was in what went, goes on to the content.
    let refocus = RwSignal::new(false);
    let turn_on =
        crate::task::Write::new(move |targets: &Vec<(String, String, Option<String>)>| {
            let api = c.partner_api();
            let targets = targets.clone();
            async move {
                let total = targets.len();
                progress.try_set((0, total));
                let (mut done, mut refused) = (Vec::new(), Vec::new());
                let mut throttled: Option<ApiError> = None;
                for (n, (id, name, etag)) in targets.into_iter().enumerate() {
                    // Throttled for longer than the client waits: the rest
                    // are not sent into the limit ("all requests accrue
                    // against your usage limits",
                    // https://learn.microsoft.com/graph/throttling); each is
                    // kept, with that reason, to try again later.
                    let answer = match &throttled {
                        Some(e) => Err(e.clone()),
                        None => turn_on_one(&api, &id, etag).await,
                    };
                    match answer {
                        Ok(()) => done.push(id),
                        Err(e) => {
                            if e.code == ErrorCode::Throttled {
                                throttled = Some(e.clone());
                            }
                            refused.push((id, name, e));
                        }
                    }
                    progress.try_set((n + 1, total));
                }
                (done, refused)
            }
        });
    Effect::new(move |_| {
        if let Some((done, refused)) = turn_on.value().get() {
            chosen.update(|s| s.retain(|id| !done.contains(id)));
            failed.set((done.len(), refused));
            refocus.set(true);
            if !done.is_empty() {
                c.toast(crate::intl::count(
                    c.lang.get_untracked(),
                    Counted::TurnedOn,
                    done.len() as u64,
                    &[],
                ));
            }
            c.changed();
        }
    });
    Effect::new(move |_| {
        if list.get().is_some() && refocus.get_untracked() {
            refocus.set(false);
            request_animation_frame(|| {
                if crate::platform::focused().is_none() {
                    crate::platform::focus("main");
                }
            });
        }
    });
    let busy = turn_on.pending();
    let run = move |targets: Vec<(String, String)>| {
        if !busy.get_untracked() && !targets.is_empty() {
            // Each at the version the list read last: a retry after the
            // list was read again names the new one.
            let rows = list
                .get_untracked()
                .and_then(Result::ok)
                .unwrap_or_default();
            let version = |id: &str| {
                rows.iter()
                    .find(|r| r.id == id)
                    .and_then(|r| r.etag.clone())
            };
            turn_on.dispatch(
                targets
                    .into_iter()
                    .map(|(id, name)| {
                        let etag = version(&id);
                        (id, name, etag)
                    })
                    .collect(),
            );
        }
    };
    view! {
        <div class="page">
            <div class="page-head">
                <h1>{tr(Key::AdminRelationshipsTitle)}</h1>
            </div>
            <p class="lead">{tr(Key::AdminRelationshipsIntro)}</p>
            // Said once when a run starts; its count moves on beside it,
            // outside the live region, so a reader is not told each step.
            <div class=move || if busy.get() { "notice" } else { "" }>
                <span role="status">{move || busy.get().then(|| tr(Key::TurningOnChosen)())}</span>
                " "
                <span>{move || busy.get().then(|| { let (n, total) = progress.get(); trf(Key::NOfTotal, &[&n.to_string(), &total.to_string()]) })}</span>
            </div>
            {move || {
                let (done, f) = failed.get();
                (!f.is_empty()).then(|| {
                    let retry: Vec<(String, String)> = f.iter().map(|(id, name, _)| (id.clone(), name.clone())).collect();
                    let key = if done == 0 { Key::TurnOnFailedAll } else { Key::TurnOnFailed };
                    view! {
                        <div class="error-banner">
                            <crate::components::Announced urgent=true>
                                <p>{tr(key)}</p>
                                <ul>
                                    {f.iter().map(|(_, name, e)| { let (name, e) = (name.clone(), e.clone()); view! { <li>{move || format!("{name}: {}", i18n::api_error(c.lang.get(), &e))}</li> } }).collect_view()}
                                </ul>
                            </crate::components::Announced>
                            <button type="button" disabled=move || busy.get() on:click={ let retry = retry.clone(); move |_| run(retry.clone()) }>{tr(Key::TryAgainForThese)}</button>
                        </div>
                    }
                })
            }}
            <Fetched resource=list what=Signal::derive(move || tr(Key::AdminRelationships)().to_string()) let:value>
                {
                    let rows = StoredValue::new(value);
                    let count = move |a: fn(Attention) -> bool| rows.with_value(|r| r.iter().filter(|x| a(x.attention)).count() as u64);
                    let visible = move || rows.with_value(|r| r.iter().filter(|x| shown.get().shows(x.attention)).cloned().collect::<Vec<_>>());
                    let targets = move || visible().into_iter().filter(|r| r.extendable && chosen.with(|s| s.contains(&r.id))).map(|r| (r.id, r.name)).collect::<Vec<_>>();
                    let extendable = move || visible().into_iter().filter(|r| r.extendable).map(|r| r.id).collect::<Vec<_>>();
                    let manage = may_manage();
                    if rows.with_value(Vec::is_empty) {
                        return view! { <p class="empty">{tr(Key::NoAdminRelationships)}</p> }.into_any();
                    }
                    view! {
                        <p class="summary">{move || {
                            let lang = c.lang.get();
                            let all = crate::intl::count(lang, Counted::Relationships, count(|_| true), &[]);
                            trf(Key::AdminSummary, &[
                                &all,
                                &crate::intl::number(lang, count(|a| matches!(a, Attention::EndingSoon { .. }))),
                                &crate::intl::number(lang, count(|a| matches!(a, Attention::AwaitingApproval { .. }))),
                                &crate::intl::number(lang, count(|a| matches!(a, Attention::Expired { .. }) && a.needed())),
                            ])
                        }}</p>
                        <div class="controls">
                            <div class="field">
                                <label for="admin-view">{tr(Key::ShowLabel)}</label>
                                <select id="admin-view" on:change=move |ev| {
                                    if let Some(view) = View::from_slug(&event_target_value(&ev)) {
                                        shown.set(view);
                                    }
                                }>
                                    {View::ALL.iter().map(|(view, slug, key)| { let view = *view; view! { <option value=*slug selected=move || shown.get() == view>{tr(*key)}</option> } }).collect_view()}
                                </select>
                            </div>
                            {if !manage { view! { <p class="help">{tr(Key::OnlyAdminAgentsChange)}</p> }.into_any() } else { view! {
                                <div class="row">
                                    <button type="button" disabled=move || busy.get() || extendable().is_empty() on:click=move |_| chosen.update(|s| { let more: Vec<String> = extendable().into_iter().filter(|id| !s.contains(id)).collect(); s.extend(more); })>
                                        {move || crate::intl::count(c.lang.get(), Counted::ChooseExtendable, extendable().len() as u64, &[])}
                                    </button>
                                    <button type="button" disabled=move || busy.get() || chosen.with(Vec::is_empty) on:click=move |_| chosen.set(Vec::new())>{tr(Key::ClearChoice)}</button>
                                    <button type="button" class="primary" disabled=move || busy.get() || targets().is_empty() on:click=move |_| run(targets())>
                                        {move || crate::intl::count(c.lang.get(), Counted::TurnOnChosen, targets().len() as u64, &[])}
                                    </button>
                                </div>
                            }.into_any() }}
                        </div>
                        {move || {
                            let rows = visible();
                            if rows.is_empty() {
                                let key = if shown.get() == View::Attention { Key::NothingNeedsAttention } else { Key::NoneInView };
                                return view! { <p class="empty">{tr(key)}</p> }.into_any();
                            }
                            view! {
                                // Wider than a narrow window: it scrolls inside its own
                                // labelled, focusable region, never the page (WCAG 1.4.10).
                                <div class="table-scroll" role="region" tabindex="0" aria-label=tr(Key::AdminRelationshipsTitle)>
                                <table class="data">
                                    <caption class="visually-hidden">{tr(Key::AdminRelationshipsTitle)}</caption>
                                    <thead><tr>
                                        {manage.then(|| view! { <th scope="col"><span class="visually-hidden">{tr(Key::Choose)}</span></th> })}
                                        <th scope="col">{tr(Key::ColCustomer)}</th>
                                        <th scope="col">{tr(Key::ColEnds)}</th>
                                        <th scope="col">{tr(Key::ColStatus)}</th>
                                        <th scope="col">{tr(Key::ColRelationship)}</th>
                                        <th scope="col">{tr(Key::ColAutoExtend)}</th>
                                    </tr></thead>
                                    <tbody>
                                        {rows.into_iter().map(|r| view! { <RelationshipRow r=r chosen=chosen may_manage=manage busy=busy/> }).collect_view()}
                                    </tbody>
                                </table>
                                </div>
                            }.into_any()
                        }}
                    }.into_any()
                }
            </Fetched>
        </div>
    }
}

#[component]
fn RelationshipRow(
    r: Row,
    chosen: RwSignal<Vec<String>>,
    may_manage: bool,
    busy: Signal<bool>,
) -> impl IntoView {
    let c = ctx();
    let Row {
        id,
        name,
        customer,
        status,
        attention,
        ends,
        auto,
        ga,
        extendable,
        roles,
        days,
        lapsed,
        ..
    } = r;
    let check_id = format!("choose-{id}");
    let label = name.clone();
    let customer_link = format!(
        "{}?q={}",
        href(AppRoute::Customers),
        crate::api::encode_query(&customer)
    );
    // Requested again as it was: the same customer, roles and days.
    let again =
        (matches!(attention, Attention::Expired { .. }) && !customer.is_empty()).then(|| {
            let mut url = format!(
                "{}?customerName={}&gdapRoles={}",
                href(AppRoute::NewInvitation),
                crate::api::encode_query(&customer),
                roles.join(",")
            );
            if let Some(d) = days {
                url.push_str(&format!("&gdapDays={d}"));
            }
            url
        });
    let (n1, n2) = (name.clone(), name.clone());
    view! {
        <tr>
            {may_manage.then(|| view! {
                <td>{extendable.then(|| { let (id1, id2) = (id.clone(), id.clone()); let label = label.clone(); view! {
                    <input type="checkbox" id=check_id.clone() aria-label=move || trf(Key::ChooseRelationship, &[&label]) disabled=move || busy.get()
                        prop:checked=move || chosen.with(|s| s.contains(&id1))
                        on:change=move |ev| { let on = event_target_checked(&ev); chosen.update(|s| { s.retain(|x| *x != id2); if on { s.push(id2.clone()); } }); }/>
                }})}</td>
            })}
            <td>{if customer.is_empty() { view! { <span class="muted">{tr(Key::NotNamed)}</span> }.into_any() } else { view! { <a href=customer_link>{customer.clone()}</a> }.into_any() }}</td>
            <td>
                {ends.clone().map(|e| view! { <span>{move || crate::intl::date(c.lang.get(), &e)}</span><br/> })}
                <span class=match attention { Attention::Expired { .. } => "status status-expired", Attention::None => "muted", _ => "status status-pending" }>{move || {
                    let lang = c.lang.get();
                    match attention {
                        Attention::EndingSoon { days } => crate::intl::count(lang, Counted::EndsIn, days as u64, &[]),
                        Attention::AwaitingApproval { days } => crate::intl::count(lang, Counted::ApprovalLeft, days as u64, &[]),
                        Attention::Expired { .. } => i18n::text(lang, if lapsed { Key::RequestLapsed } else { Key::ExpiredRolesGone }).to_string(),
                        Attention::None => String::new(),
                    }
                }}</span>
                {again.filter(|_| may_manage).map(|url| view! { <br/><a href=url>{move || trf(Key::RequestAgainFor, &[&n2])}</a> })}
            </td>
            <td><span class="status">{move || i18n::admin_status(c.lang.get(), status)}</span></td>
            <td>{n1}</td>
            <td>{move || {
                let lang = c.lang.get();
                if auto {
                    i18n::text(lang, Key::Yes)
                } else if ga && matches!(attention, Attention::EndingSoon { .. }) {
                    i18n::text(lang, Key::GaCannotExtend)
                } else if ga && status.in_force() {
                    i18n::text(lang, Key::NotWithGa)
                } else {
                    i18n::text(lang, Key::No)
                }
            }}</td>
        </tr>
    }
}
