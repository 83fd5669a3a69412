//! The Admin portals tab: the portals of the customer's services, open
//! only with delegated admin privileges.

use crate::api::wire::Customer;
use crate::context::{ctx, tr, trf};
use crate::domain::relationship::DelegatedAdmin;
use crate::i18n::Key;
use leptos::prelude::*;

#[component]
pub(super) fn PortalsTab(customer: Customer) -> impl IntoView {
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
