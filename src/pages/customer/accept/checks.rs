//! The checks a customer's organization must pass, each naming its facts,
//! and the partner's facts shown above them.

use crate::api::wire::{InvitationView, Me};
use crate::components::Outcome;
use crate::context::{ctx, tr, trf};
use crate::domain::country;
use crate::domain::ids::TenantId;
use crate::domain::relationship::CustomerRole;
use crate::i18n::{self, Key};
use leptos::prelude::*;

#[component]
pub(super) fn PartnerFacts(view: InvitationView) -> impl IntoView {
    let c = ctx();
    let code = view.partner_country.clone();
    view! {
        <dl class="facts">
            <dt>{tr(Key::PartnerLabel)}</dt><dd>{view.partner_name.clone()}</dd>
            <dt>{tr(Key::PartnerLocation)}</dt>
            <dd>{move || i18n::place(c.lang.get(), &code)}</dd>
            <dt>{tr(Key::PartnerIdLabel)}</dt><dd>{view.partner_mpn_id.clone()}</dd>
            {view.indirect_provider.clone().map(|p| view! { <dt>{tr(Key::IndirectProviderLabel)}</dt><dd>{format!("{} (MPN {})", p.name, p.mpn_id)}</dd> })}
        </dl>
    }
}

/// Each check: its label, whether it passed, and the message naming the facts.
pub(super) fn checks(v: &InvitationView, me: &Me) -> Vec<(Key, bool, String)> {
    let lang = ctx().lang.get();
    let role = me.user.customer_role.unwrap_or(CustomerRole::User);
    let role_name = i18n::customer_role(lang, role);
    let role_ok = role.may_accept();
    let role_msg = if role_ok {
        i18n::text(lang, Key::RoleOk).to_string()
    } else {
        i18n::format(lang, Key::RoleBad, &[role_name])
    };
    let cloud_ok = me.cloud == v.cloud;
    let cloud_msg = if cloud_ok {
        i18n::format(lang, Key::CloudOk, &[i18n::cloud(lang, v.cloud)])
    } else {
        i18n::format(
            lang,
            Key::CloudBad,
            &[i18n::cloud(lang, v.cloud), i18n::cloud(lang, me.cloud)],
        )
    };
    let region_ok = country::within_partner_market(&v.partner_country, &me.country);
    let region_msg = if region_ok {
        i18n::format(lang, Key::RegionOk, &[&i18n::place(lang, &me.country)])
    } else {
        i18n::format(
            lang,
            Key::RegionBad,
            &[
                i18n::market(lang, country::market_of(&v.partner_country)),
                &i18n::place(lang, &me.country),
            ],
        )
    };
    let own = me.tenant_id.parse::<TenantId>().ok() == v.partner_id.parse::<TenantId>().ok();
    let tenant_msg = if own {
        i18n::text(lang, Key::TenantBad).to_string()
    } else {
        i18n::format(lang, Key::TenantOk, &[&me.company_name])
    };
    vec![
        (Key::CheckTenant, !own, tenant_msg),
        (Key::CheckCloud, cloud_ok, cloud_msg),
        (Key::CheckRegion, region_ok, region_msg),
        (Key::CheckRole, role_ok, role_msg),
    ]
}

#[component]
pub(super) fn ChecksView(list: Vec<(Key, bool, String)>, name: String) -> impl IntoView {
    let all_ok = list.iter().all(|(_, ok, _)| *ok);
    view! {
        <section aria-labelledby="checks-heading">
            <h2 id="checks-heading">{tr(Key::ChecksTitle)}</h2>
            <ul class="checks plain">
                {list.into_iter().map(|(key, ok, msg)| view! {
                    <li class=if ok { "check check-ok" } else { "check check-bad" }>
                        <strong>{tr(key)} ": " {move || if ok { tr(Key::CheckPassed)() } else { tr(Key::CheckFailed)() }}</strong>
                        <span>" " {msg}</span>
                    </li>
                }).collect_view()}
            </ul>
            {(!all_ok).then(|| view! { <Outcome class="notice" urgent=true text=Signal::derive(move || trf(Key::ChecksFailedNote, &[&name]))/> })}
        </section>
    }
}
