//! The partner's Customers page: search, sort and filter kept in the URL, a
//! windowed list that fetches pages as it scrolls (50,000 customers stay
//! smooth), and expandable records to manage account, services, users and
//! licenses.

mod record;

use super::PartnerFrame;
use crate::api::encode_query;
use crate::api::op;
use crate::api::query::{CustomerSort, QueryValue, RelationshipFilter, SortOrder};
use crate::api::wire::Customer;
use crate::components::ErrorBanner;
use crate::context::{ctx, href, tr, trf};
use crate::domain::relationship::DelegatedAdmin;
use crate::domain::validate;
use crate::i18n::{self, Key};
use crate::platform;
use crate::routes::AppRoute;
use crate::window::RowHeights;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use std::collections::{BTreeSet, HashMap};

/// Customers per backend page: a window's worth (a search's first answer
/// is parsed and shown on every keystroke; 40 rather than 100 took the
/// 95th percentile from 118 to 91 ms at 4× CPU, issue 12).
pub const PAGE: usize = 40;
/// Rows rendered beyond the visible ones, above and below.
const OVERSCAN: usize = 6;
/// A row's height before any row has been measured (one line of text at
/// the default size; the first rows on screen correct it).
const ROW_ESTIMATE: f64 = 56.0;

/// The list's query: search, sort, order, filter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListQuery {
    /// Search text.
    pub q: String,
    /// Sort column.
    pub sort: CustomerSort,
    /// Direction.
    pub order: SortOrder,
    /// Relationship filter.
    pub filter: RelationshipFilter,
}

impl ListQuery {
    /// The page's URL query (what differs from the defaults, so a shared
    /// link stays short).
    pub fn to_query(&self) -> String {
        let mut parts = Vec::new();
        if !self.q.is_empty() {
            parts.push(format!("q={}", encode_query(&self.q)));
        }
        if self.sort != CustomerSort::default() {
            parts.push(format!("sort={}", self.sort.as_str()));
        }
        if self.order != SortOrder::default() {
            parts.push(format!("order={}", self.order.as_str()));
        }
        if self.filter != RelationshipFilter::default() {
            parts.push(format!("filter={}", self.filter.as_str()));
        }
        parts.join("&")
    }

    /// The backend operation for the page of `size` rows at `offset`.
    pub fn page(&self, offset: u64, size: u32) -> op::ListCustomers {
        op::ListCustomers {
            size,
            offset,
            q: self.q.clone(),
            sort: self.sort,
            order: self.order,
            filter: self.filter,
        }
    }
}

/// `/partner/customers`.
#[component]
pub fn CustomersPage() -> impl IntoView {
    view! { <PartnerFrame current=AppRoute::Customers><CustomersView/></PartnerFrame> }
}

/// The page's content (needs a signed-in partner).
#[component]
pub fn CustomersView() -> impl IntoView {
    let c = ctx();
    let url = use_query_map().get_untracked();
    fn pick<T: QueryValue + Default>(url: &leptos_router::params::ParamsMap, name: &str) -> T {
        url.get(name).and_then(|v| T::parse(&v)).unwrap_or_default()
    }
    let q = RwSignal::new(url.get("q").unwrap_or_default());
    let sort = RwSignal::new(pick::<CustomerSort>(&url, "sort"));
    let order = RwSignal::new(pick::<SortOrder>(&url, "order"));
    let filter = RwSignal::new(pick::<RelationshipFilter>(&url, "filter"));
    // A search longer than the backend takes (Partner Center's API has no
    // documented limit; this contract's is `validate::MAX_TEXT`) is said
    // next to the field and not sent: the rows of the last one stay.
    let q_problem =
        Memo::new(move |_| q.with(|q| validate::optional_text(q, validate::MAX_TEXT).err()));
    let query = Memo::new(move |before: Option<&ListQuery>| ListQuery {
        q: match q_problem.get() {
            None => q.get(),
            Some(_) => before.map(|b| b.q.clone()).unwrap_or_default(),
        },
        sort: sort.get(),
        order: order.get(),
        filter: filter.get(),
    });
    Effect::new(move |_| {
        let query = query.get().to_query();
        let path = href(AppRoute::Customers);
        // Just after this task, so a keystroke's search goes out first:
        // history.replaceState waits on the browser (2–3 ms at full speed,
        // about 10 at 4× CPU, on every keystroke; issue 12). Still within
        // milliseconds, so a reload keeps what was typed.
        set_timeout(
            move || platform::replace_query(&path, &query),
            std::time::Duration::ZERO,
        );
    });

    let pages: Pages = RwSignal::new(HashMap::new());
    let total = RwSignal::new(None::<usize>);
    // A new query's first answer is awaited with the previous rows on screen
    // (marked busy), so typing swaps the rows once instead of emptying the
    // list and filling it again.
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<crate::api::error::ApiError>);
    let in_flight: StoredValue<BTreeSet<usize>> = StoredValue::new(BTreeSet::new());
    let generation = StoredValue::new(0u64);
    let expanded: RwSignal<Vec<(usize, String)>> = RwSignal::new(Vec::new());
    let scroll_top = RwSignal::new(0.0f64);
    let viewport_h = RwSignal::new(560.0f64);
    let viewport = NodeRef::<leptos::html::Div>::new();
    let started = crate::api::now_ms();
    // Rows are measured on screen (cards at a narrow width, larger text, an
    // open record); `layout` says their positions changed.
    let heights = StoredValue::new_local(RowHeights::new(0, ROW_ESTIMATE));
    let layout = RwSignal::new(0u64);

    // The customer whose row holds keyboard focus when the loaded pages are
    // read again: if the new data moves it (a customer added in another
    // tab, a sort by a value that changed), focus moves with it rather than
    // staying on the position, now someone else's.
    let follow: StoredValue<Option<String>> = StoredValue::new(None);

    let scope = crate::task::Scope::new();
    // `fresh`: the first page of a new query, which replaces what is shown.
    let fetch_page = move |page: usize, fresh: bool| {
        if in_flight.with_value(|f| f.contains(&page)) {
            return;
        }
        in_flight.update_value(|f| {
            f.insert(page);
        });
        let mine = generation.get_value();
        let api = c.partner_api();
        let operation = query
            .get_untracked()
            .page((page * PAGE) as u64, PAGE as u32);
        scope.spawn(async move {
            let result = api.call(operation).await;
            if generation.get_value() != mine {
                return;
            }
            in_flight.update_value(|f| {
                f.remove(&page);
            });
            match result {
                Ok(col) => {
                    let count = col.total_count as usize;
                    error.set(None);
                    heights.update_value(|h| {
                        if fresh {
                            h.reset(count)
                        } else if h.len() != count {
                            h.resize(count)
                        }
                    });
                    if fresh {
                        expanded.set(Vec::new());
                        if let Some(v) = viewport.get_untracked() {
                            v.set_scroll_top(0);
                        }
                        scroll_top.set(0.0);
                        pages.set(HashMap::from([(page, col.items)]));
                        busy.set(false);
                    } else {
                        let moved_to = follow.with_value(|id| {
                            let id = id.as_deref()?;
                            let at = col.items.iter().position(|c| c.id == id)?;
                            Some(page * PAGE + at)
                        });
                        pages.update(|p| {
                            p.insert(page, col.items);
                        });
                        if let Some(j) = moved_to {
                            follow.set_value(None);
                            // Once the rows show the new data. A customer moved
                            // out of the rendered window is not scrolled to:
                            // focus stays where it was.
                            request_animation_frame(move || {
                                if focused_row() != Some(j) {
                                    platform::focus_first(&format!(
                                        ".crow-wrap[data-index=\"{j}\"] button.expand"
                                    ));
                                }
                            });
                        }
                    }
                    total.set(Some(count));
                    layout.update(|v| *v += 1);
                }
                Err(e) => {
                    busy.set(false);
                    error.set(Some(e))
                }
            }
            // Only while the pages read again are in: a page read later
            // for scrolling does not take focus.
            if in_flight.with_value(BTreeSet::is_empty) {
                follow.set_value(None);
            }
        });
    };
    // With a real backend nothing tells this tab about new customers: look
    // again every 20 seconds while the page is open (the in-browser mock
    // hears other tabs through the `storage` event instead).
    let poll = RwSignal::new(0u64);
    if !c.is_mock() {
        crate::task::Scope::new().spawn(async move {
            loop {
                crate::api::sleep_ms(20_000).await;
                poll.update(|p| *p += 1);
            }
        });
    }
    // A new query starts over from the first page; changed data (here or in
    // another tab) refetches the loaded pages in place, so open records stay open.
    Effect::new(move |prev: Option<ListQuery>| {
        let current = query.get();
        c.revision.get();
        poll.get();
        generation.update_value(|g| *g += 1);
        in_flight.update_value(|f| f.clear());
        if prev.as_ref() != Some(&current) {
            follow.set_value(None);
            busy.set(true);
            fetch_page(0, true);
        } else {
            follow.set_value(
                focused_row().and_then(|i| untrack(|| customer_at(pages, i, &|c| c.id.clone()))),
            );
            let loaded: Vec<usize> = pages.with_untracked(|p| p.keys().copied().collect());
            for page in loaded {
                fetch_page(page, false);
            }
        }
        current
    });
    let visible = Memo::new(move |_| {
        let total = total.get().unwrap_or(0);
        layout.track();
        if total == 0 {
            return Vec::new();
        }
        let top = scroll_top.get();
        let bottom = top + viewport_h.get();
        heights.with_value(|h| {
            let first = h.row_at(top).saturating_sub(OVERSCAN);
            let last = (h.row_at(bottom) + OVERSCAN).min(total - 1);
            (first..=last).collect::<Vec<usize>>()
        })
    });
    // Fetch the pages the visible rows need.
    Effect::new(move |_| {
        if busy.get() {
            return;
        }
        let have = pages.with(|p| p.keys().copied().collect::<BTreeSet<_>>());
        let needed: BTreeSet<usize> = visible.get().iter().map(|i| i / PAGE).collect();
        for page in needed.difference(&have) {
            fetch_page(*page, false);
        }
    });
    let is_expanded = move |i: usize| expanded.with_untracked(|e| e.iter().any(|(x, _)| *x == i));
    // Measured heights move the rows below them; the first row on screen
    // stays where the reader sees it (the browser's own scroll anchoring is
    // off for the viewport: it cannot see absolutely placed rows move).
    let watcher = StoredValue::new_local(platform::HeightWatcher::new(move |measured| {
        let Some(v) = viewport.get_untracked() else {
            return;
        };
        let top = v.scroll_top() as f64;
        let moved = heights.try_update_value(|h| {
            let first = h.row_at(top);
            let offset = top - h.top(first);
            let mut moved = false;
            for (i, height) in measured {
                moved |= h.measure(i, height, !is_expanded(i));
            }
            moved.then(|| (h.top(first) + offset).round())
        });
        if let Some(Some(anchored)) = moved {
            if (anchored - top).abs() >= 1.0 {
                v.set_scroll_top(anchored as i32);
                scroll_top.set(anchored);
            }
            layout.update(|l| *l += 1);
        }
    }));
    let height = move || {
        layout.track();
        total.track();
        // Whole pixels: formatting an f64 would add ~9 KiB of float code.
        format!("{}px", heights.with_value(|h| h.total()).round() as i64)
    };
    // The viewport grows with its rows up to most of the window
    // (`max-height: max(320px, 70vh)`), so it may be short before the rows
    // arrive: window as many rows as its largest height holds. Worked out
    // from the window, not read off the viewport: reading its height made
    // the browser lay out the page with the new rows at once (25 ms of the
    // first rows at 4× CPU).
    let measure = move || platform::window_height().max(320.0);
    let on_scroll = move |_| {
        if let Some(v) = viewport.get_untracked() {
            scroll_top.set(v.scroll_top() as f64);
            viewport_h.set(measure());
        }
    };
    Effect::new(move |_| {
        if viewport.get().is_some() {
            viewport_h.set(measure());
        }
    });
    let toggle = move |i: usize, id: String| {
        expanded.update(|e| {
            if let Some(pos) = e.iter().position(|(_, x)| *x == id) {
                e.remove(pos);
            } else {
                e.push((i, id));
            }
        });
    };
    let may_invite = move || c.may_invite();
    let role_name = move || c.partner_role_name();
    let sort_button = move |column: CustomerSort, label: Key| {
        let state = move || {
            if sort.get() == column {
                if order.get() == SortOrder::Asc {
                    "ascending"
                } else {
                    "descending"
                }
            } else {
                "none"
            }
        };
        view! {
            <div class=format!("col col-{}", column.as_str()) data-sort=state>
                <button type="button" class="sort" aria-pressed=move || (sort.get() == column).to_string()
                    aria-label=move || trf(Key::SortBy, &[tr(label)()]) on:click=move |_| {
                    if sort.get_untracked() == column {
                        order.set(if order.get_untracked() == SortOrder::Asc { SortOrder::Desc } else { SortOrder::Asc });
                    } else {
                        sort.set(column);
                        order.set(SortOrder::Asc);
                    }
                }>
                    {tr(label)}
                    <span aria-hidden="true" class="arrow">{move || if sort.get() == column { if order.get() == SortOrder::Asc { " ▲" } else { " ▼" } } else { "" }}</span>
                </button>
            </div>
        }
    };
    view! {
        <div class="page wide">
            <div class="page-head">
                <h1>{tr(Key::CustomersTitle)}</h1>
                {move || if may_invite() {
                    view! { <a class="button primary" href=href(AppRoute::NewInvitation)>{tr(Key::RequestRelationship)}</a> }.into_any()
                } else {
                    view! { <p class="notice" role="note">{trf(Key::CannotInvite, &[role_name()])}</p> }.into_any()
                }}
            </div>
            <div class="controls" role="search">
                <div class="field inline">
                    <label for="customer-search">{tr(Key::Search)}</label>
                    <input id="customer-search" type="search" autocomplete="off" prop:value=move || q.get() on:input=move |ev| q.set(event_target_value(&ev))
                        aria-invalid=move || q_problem.get().is_some().then_some("true") aria-describedby=move || q_problem.get().is_some().then_some("customer-search-error")/>
                    // A region that stays, so a long paste's refusal is heard.
                    <div role="status">{move || q_problem.get().map(|p| view! { <p id="customer-search-error" class="field-error">{move || i18n::problem(c.lang.get(), p)}</p> })}</div>
                </div>
                <div class="field inline">
                    <label for="customer-filter">{tr(Key::FilterLabel)}</label>
                    <select id="customer-filter" prop:value=move || filter.get().as_str() on:change=move |ev| filter.set(RelationshipFilter::parse(&event_target_value(&ev)).unwrap_or_default())>
                        <option value="all">{tr(Key::FilterAll)}</option>
                        <option value="reseller">{tr(Key::RelReseller)}</option>
                        <option value="delegated">{tr(Key::RelDelegated)}</option>
                        <option value="adminRemoved">{tr(Key::RelAdminRemoved)}</option>
                    </select>
                </div>
                <p class="count" role="status">{move || total.get().map(|t| crate::intl::count(c.lang.get(), crate::i18n::Counted::Customers, t as u64, &[]))}</p>
            </div>
            {move || error.get().map(|e| view! {
                <ErrorBanner what=Signal::derive(move || tr(Key::CustomersTitle)().to_string()) error=e on_retry=Callback::new(move |_| c.changed())/>
            })}
            <div class="customers" aria-busy=move || busy.get().to_string()>
                <div class="chead">
                    <div class="crow head">
                        {sort_button(CustomerSort::Name, Key::ColCompany)}
                        {sort_button(CustomerSort::Domain, Key::ColDomain)}
                        {sort_button(CustomerSort::Country, Key::ColCountry)}
                        {sort_button(CustomerSort::Relationship, Key::ColRelationship)}
                        {sort_button(CustomerSort::Mca, Key::ColMca)}
                        {sort_button(CustomerSort::Since, Key::ColSince)}
                    </div>
                </div>
                <div class="viewport" node_ref=viewport on:scroll=on_scroll>
                    <Show when=move || total.get() == Some(0)>
                        <p class="empty">{move || if query.get().to_query().is_empty() { tr(Key::NoCustomers)() } else { tr(Key::NoMatches)() }}</p>
                    </Show>
                    <div class="canvas" style:height=height role="list" aria-label=tr(Key::Rows)>
                        // Keyed by position: when a search changes who is at a
                        // position, the row there keeps its elements and only its
                        // values change, instead of a screenful of rows removed
                        // and made again on every keystroke (15 ms at full speed;
                        // issue 12).
                        <For each=move || visible.get() key=|i| *i let:i>
                            {
                                let id = Memo::new(move |_| customer_at(pages, i, &|c| c.id.clone()));
                                let loaded = Memo::new(move |_| id.with(Option::is_some));
                                let top = move || {
                                    layout.track();
                                    format!("{}px", heights.with_value(|h| h.top(i)).round() as i64)
                                };
                                let wrap = NodeRef::<leptos::html::Div>::new();
                                // Measured once its customer is in: a placeholder's
                                // height is not the row's, and a row's first
                                // measure shapes the estimate for all the others.
                                Effect::new(move |_| {
                                    if let (Some(el), true) = (wrap.get(), loaded.get()) {
                                        watcher.with_value(|w| w.watch(&el));
                                        on_cleanup(move || watcher.try_with_value(|w| w.unwatch(&el)).unwrap_or(()));
                                    }
                                });
                                let is_open = Signal::derive(move || id.with(|id| id.as_ref().is_some_and(|id| expanded.with(|e| e.iter().any(|(_, x)| x == id)))));
                                let on_toggle = Callback::new(move |_| {
                                    if let Some(id) = id.get_untracked() {
                                        toggle(i, id)
                                    }
                                });
                                view! {
                                    <div class="crow-wrap" node_ref=wrap data-index=i role="listitem" aria-posinset=i + 1 aria-setsize=move || total.get().unwrap_or(0) style:top=top>
                                        // The row's elements follow the language here, not
                                        // the list's key, so an open record below is kept.
                                        {move || {
                                            let lang = c.lang.get();
                                            match loaded.get() {
                                                false => view! { <div class="crow placeholder" data-index=i><div class="col col-name">{i18n::text(lang, Key::Loading)}</div></div> }.into_any(),
                                                true => customer_row(pages, lang, i, is_open, started, on_toggle).into_any(),
                                            }
                                        }}
                                        // Another customer here is a new record (its own
                                        // tabs and reads); an open record stays as it is
                                        // when its customer's data is read again, and a
                                        // record opened later starts from the latest.
                                        {move || id.get().map(|_| view! {
                                            <Show when=move || is_open.get()>
                                                <record::Record customer=untrack(|| customer_at(pages, i, &Customer::clone)).unwrap_or_default()/>
                                            </Show>
                                        })}
                                    </div>
                                }
                            }
                        </For>
                    </div>
                </div>
            </div>
        </div>
    }
}

/// The relationship's label key.
pub fn relationship_key(dap: Option<DelegatedAdmin>) -> Key {
    match dap {
        Some(DelegatedAdmin::Active) => Key::RelDelegated,
        Some(DelegatedAdmin::Removed) => Key::RelAdminRemoved,
        _ => Key::RelReseller,
    }
}

/// The position of the row that holds keyboard focus (its button or
/// anything in its open record), if any.
fn focused_row() -> Option<usize> {
    platform::focused_in(".crow-wrap")?
        .get_attribute("data-index")?
        .parse()
        .ok()
}

/// The loaded pages of the list, by page number.
type Pages = RwSignal<HashMap<usize, Vec<Customer>>>;

/// What `f` reads of the customer at position `i`, once its page is loaded.
fn customer_at<T>(pages: Pages, i: usize, f: &dyn Fn(&Customer) -> T) -> Option<T> {
    pages.with(|p| {
        p.get(&(i / PAGE))
            .and_then(|items| items.get(i % PAGE))
            .map(f)
    })
}

/// The row of whoever is at `index`: its elements are made once for the
/// position and language, and each value reads the loaded pages, so another
/// customer at this position changes texts, not elements (a cell whose text
/// is the same is not written again). Each value carries its column's name:
/// read aloud in the list, shown on the cards that narrow windows lay the
/// rows out as (issue 13).
fn customer_row(
    pages: Pages,
    lang: i18n::Lang,
    index: usize,
    is_open: Signal<bool>,
    started: i64,
    on_toggle: Callback<()>,
) -> impl IntoView {
    let t = move |key| i18n::text(lang, key);
    // This row's customer's value (nothing while it has none). One closure
    // type for every cell: each use of a generic one would be its own copy
    // of the rendering code.
    let value = move |f: fn(&Customer, i18n::Lang) -> String| {
        move || customer_at(pages, index, &|c| f(c, lang)).unwrap_or_default()
    };
    let is_new = Memo::new(move |_| {
        customer_at(pages, index, &|c| {
            c.relationship_since
                .as_deref()
                .and_then(crate::domain::time::parse_rfc3339)
                .is_some_and(|since| since >= started - crate::domain::time::DAY)
        })
        .unwrap_or(false)
    });
    view! {
        <div class="crow" data-index=index>
            <div class="col col-name">
                <button type="button" class="expand" aria-expanded=move || is_open.get().to_string()
                    aria-controls=value(|c, _| format!("record-{}", c.id))
                    aria-label=value(|c, lang| i18n::format(lang, Key::ExpandRecord, &[&c.company_profile.company_name]))
                    on:click=move |_| on_toggle.run(())>
                    <span class="chevron" aria-hidden="true"></span>
                </button>
                <span class="col-label">{t(Key::ColCompany)}</span>
                <span class="name">{value(|c, _| c.company_profile.company_name.clone())}</span>
                {move || is_new.get().then(|| view! { <span class="badge new">{t(Key::New)}</span> })}
            </div>
            <div class="col col-domain"><span class="col-label">{t(Key::ColDomain)}</span><span class="value">{value(|c, _| c.company_profile.domain.clone())}</span></div>
            <div class="col col-country"><span class="col-label">{t(Key::ColCountry)}</span><span class="value">{value(|c, lang| c.company_profile.address.as_ref().map(|a| i18n::country(lang, &a.country)).unwrap_or_default())}</span></div>
            <div class="col col-relationship"><span class="col-label">{t(Key::ColRelationship)}</span><span class=value(|c, _| match c.delegated_admin {
                Some(DelegatedAdmin::Active) => "badge rel-delegated",
                Some(DelegatedAdmin::Removed) => "badge rel-admin-removed",
                _ => "badge rel-reseller",
            }.to_string())>{value(|c, lang| i18n::text(lang, relationship_key(c.delegated_admin)).to_string())}</span></div>
            <div class="col col-mca"><span class="col-label">{t(Key::ColMca)}</span><span class="value">{value(|c, lang| i18n::text(lang, if c.mca_accepted.unwrap_or(false) { Key::McaAccepted } else { Key::McaNotAccepted }).to_string())}</span></div>
            <div class="col col-since"><span class="col-label">{t(Key::ColSince)}</span><span class="value">{value(|c, lang| c.relationship_since.as_deref().map(|s| crate::intl::date(lang, s)).unwrap_or_default())}</span></div>
        </div>
    }
}
