//! The Admin portals tab: the portals of the customer's services, open only
//! with delegated admin privileges; the Azure portal also without them for
//! the Azure plans the partner provisioned (see `may_manage_subscription`).

use super::{what, NeedsAdmin};
use crate::api::error::ApiError;
use crate::api::op;
use crate::api::wire::Customer;
use crate::components::Fetched;
use crate::context::{ctx, trf};
use crate::domain::relationship::{may_administer, DelegatedAdmin};
use crate::i18n::{Key, Lang};
use leptos::prelude::*;

/// The Azure portal (where the partner manages the Azure plans it provisioned).
const AZURE_PORTAL: &str = "https://portal.azure.com";

/// A portal's name in the UI language (the product's localized name).
fn portal_name(lang: Lang, url: &str) -> &'static str {
    match (lang, url) {
        (Lang::En, "https://admin.microsoft.com") => "Microsoft 365 admin center",
        (Lang::PtBr, "https://admin.microsoft.com") => "Centro de administração do Microsoft 365",
        (Lang::En, "https://admin.exchange.microsoft.com") => "Exchange admin center",
        (Lang::PtBr, "https://admin.exchange.microsoft.com") => {
            "Centro de administração do Exchange"
        }
        (Lang::En, "https://admin.teams.microsoft.com") => "Microsoft Teams admin center",
        (Lang::PtBr, "https://admin.teams.microsoft.com") => {
            "Centro de administração do Microsoft Teams"
        }
        (Lang::En, _) => "Azure portal",
        (Lang::PtBr, _) => "Portal do Azure",
    }
}

#[component]
pub(super) fn PortalsTab(customer: Customer) -> impl IntoView {
    let c = ctx();
    let data = super::customer_read(&customer, |api, customer| async move {
        let detail = api.call(op::GetCustomer { customer }).await?;
        let subs = api.call(op::ListSubscriptions { customer }).await?;
        let offers = api.call(op::ListOffers {}).await?;
        let azure_plan = subs
            .items
            .iter()
            .any(|s| offers.items.iter().any(|o| o.id == s.offer_id && o.azure));
        Ok::<_, ApiError>((detail, azure_plan))
    });
    let domain = customer.company_profile.domain.clone();
    let name = customer.company_profile.company_name.clone();
    view! {
        <Fetched resource=data what=what(Key::TabPortals) let:value>
            {
                let (detail, azure_plan) = value;
                let admin = may_administer(detail.delegated_admin.unwrap_or(DelegatedAdmin::None));
                let urls: Vec<&'static str> = if admin {
                    vec!["https://admin.microsoft.com", "https://admin.exchange.microsoft.com", "https://admin.teams.microsoft.com", AZURE_PORTAL]
                } else if azure_plan {
                    vec![AZURE_PORTAL]
                } else {
                    Vec::new()
                };
                let (domain, name) = (domain.clone(), name.clone());
                view! {
                    {(!admin).then(|| view! { <NeedsAdmin customer=detail.clone()/> })}
                    {(!urls.is_empty()).then(|| view! {
                        <ul class="plain">
                            {urls.into_iter().map(|url| {
                                let name = name.clone();
                                view! { <li><a href=format!("{url}/?tenant={domain}") target="_blank" rel="noopener noreferrer">{move || trf(Key::OpenPortal, &[portal_name(c.lang.get(), url), &name])}</a></li> }
                            }).collect_view()}
                        </ul>
                    })}
                }
            }
        </Fetched>
    }
}
