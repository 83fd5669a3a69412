//! An expanded customer record: a tab list (account, services, users and
//! licenses, admin portals; one file each) and the next steps under it.

mod account;
mod admin;
mod next_steps;
mod portals;
mod services;
mod users;

use crate::api::client::{self, Client};
use crate::api::error::ApiError;
use crate::api::wire::Customer;
use crate::context::{ctx, tr, trf};
use crate::domain::ids::TenantId;
use crate::domain::relationship::DelegatedAdmin;
use crate::i18n::Key;
use account::AccountTab;
use admin::AdminTab;
use leptos::prelude::*;
use next_steps::NextSteps;
use portals::PortalsTab;
use services::ServicesTab;
use std::future::Future;
use users::UsersTab;

/// A tab of the record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RecordTab {
    Account,
    Services,
    Users,
    Admin,
    Portals,
}

impl RecordTab {
    const ALL: [RecordTab; 5] = [
        RecordTab::Account,
        RecordTab::Services,
        RecordTab::Users,
        RecordTab::Admin,
        RecordTab::Portals,
    ];
    /// The id fragment of the tab and its panel.
    fn slug(self) -> &'static str {
        match self {
            RecordTab::Account => "account",
            RecordTab::Services => "services",
            RecordTab::Users => "users",
            RecordTab::Admin => "admin",
            RecordTab::Portals => "portals",
        }
    }
    fn label(self) -> Key {
        match self {
            RecordTab::Account => Key::TabAccount,
            RecordTab::Services => Key::TabServices,
            RecordTab::Users => Key::TabUsers,
            RecordTab::Admin => Key::AdminRelationships,
            RecordTab::Portals => Key::TabPortals,
        }
    }
}

/// The record panel under a customer's row.
#[component]
pub fn Record(customer: Customer) -> impl IntoView {
    let c = ctx();
    let id = customer.id.clone();
    let tab = RwSignal::new(RecordTab::Account);
    let panel_id = format!("record-{id}");
    let tab_id = move |t: RecordTab| format!("{id}-tab-{}", t.slug());
    let tab_id2 = tab_id.clone();
    let all = RecordTab::ALL;
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let i = all
            .iter()
            .position(|t| *t == tab.get_untracked())
            .unwrap_or(0);
        let next = match ev.key().as_str() {
            "ArrowRight" => (i + 1) % all.len(),
            "ArrowLeft" => (i + all.len() - 1) % all.len(),
            "Home" => 0,
            "End" => all.len() - 1,
            _ => return,
        };
        ev.prevent_default();
        tab.set(all[next]);
        crate::platform::focus(&tab_id2(all[next]));
    };
    let tab_id3 = tab_id.clone();
    let to_agreement = Callback::new(move |_| {
        tab.set(RecordTab::Account);
        crate::platform::focus(&tab_id3(RecordTab::Account));
    });
    let tab_id4 = tab_id.clone();
    let to_admin = Callback::new(move |_| {
        tab.set(RecordTab::Admin);
        crate::platform::focus(&tab_id4(RecordTab::Admin));
    });
    let cust = StoredValue::new(customer.clone());
    let name = customer.company_profile.company_name.clone();
    let section_label = name.clone();
    let heading = name.clone();
    view! {
        <section class="record" id=panel_id aria-label=section_label>
            <h2 class="visually-hidden">{heading}</h2>
            <div role="tablist" class="tablist" aria-label=name on:keydown=on_key>
                {RecordTab::ALL.into_iter().map(|t| {
                    view! {
                        <button type="button" role="tab" id=tab_id(t) aria-selected=move || (tab.get() == t).to_string()
                            aria-controls=format!("{}-panel-{}", customer.id, t.slug()) tabindex=move || if tab.get() == t { "0" } else { "-1" }
                            on:click=move |_| tab.set(t)>{tr(t.label())}</button>
                    }
                }).collect_view()}
            </div>
            <div role="tabpanel" class="tabpanel" id=move || format!("{}-panel-{}", cust.with_value(|c| c.id.clone()), tab.get().slug())
                aria-labelledby=move || tab_id(tab.get()) tabindex="0">
                {move || {
                    let customer = cust.get_value();
                    match tab.get() {
                        RecordTab::Account => view! { <AccountTab customer=customer/> }.into_any(),
                        RecordTab::Services => view! { <ServicesTab customer=customer to_agreement=to_agreement/> }.into_any(),
                        RecordTab::Users => view! { <UsersTab customer=customer to_admin=to_admin/> }.into_any(),
                        RecordTab::Admin => view! { <AdminTab customer=customer/> }.into_any(),
                        RecordTab::Portals => view! { <PortalsTab customer=customer/> }.into_any(),
                    }
                }}
                <NextSteps customer=cust.get_value()/>
            </div>
        </section>
        {move || { c.lang.get(); }}
    }
}

/// Why the partner cannot manage the customer's users, licenses or admin
/// portals (no admin privileges, never granted or removed) and what it still
/// may do; the way to ask for them is under the record (`NextSteps`).
#[component]
fn NeedsAdmin(customer: Customer) -> impl IntoView {
    let name = customer.company_profile.company_name.clone();
    let removed = customer.delegated_admin == Some(DelegatedAdmin::Removed);
    view! {
        <p class="notice needs-admin" role="note">{move || trf(if removed { Key::DapRemovedLimits } else { Key::NoDapLimits }, &[&name])}</p>
    }
}

/// What a tab was doing, for its error banner.
pub(super) fn what(key: Key) -> Signal<String> {
    Signal::derive(move || tr(key)().to_string())
}

/// A tab's read of one customer's data, as the partner: the customer's id
/// typed once, refetched whenever data changes (here or in another tab).
pub(super) fn customer_read<T, F, Fut>(
    customer: &Customer,
    read: F,
) -> crate::task::Read<Result<T, ApiError>>
where
    T: Clone + 'static,
    F: Fn(Client, TenantId) -> Fut + 'static,
    Fut: Future<Output = Result<T, ApiError>> + 'static,
{
    let c = ctx();
    let id = customer.id.clone();
    crate::task::Read::new(move || {
        c.revision.get();
        let reading = client::id::<TenantId>(&id).map(|customer| read(c.partner_api(), customer));
        async move { reading?.await }
    })
}
