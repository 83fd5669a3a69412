//! Options page: what the invitation asks for, the optional customer details,
//! the email's language and, for indirect providers, the indirect reseller.

use super::PartnerFrame;
use crate::api::op;
use crate::api::query::IndirectRelationshipType;
use crate::api::wire::InvitationRequest;
use crate::components::{problem_text, ErrorBanner, Loading, TextField};
use crate::context::{ctx, go, tr, trf};
use crate::domain::email::Lang;
use crate::domain::validate;
use crate::i18n::{self, Key};
use crate::routes::AppRoute;
use leptos::prelude::*;

/// What the form holds, kept in this browser as it is typed (under the
/// user's id; forgotten once the invitation is created, and at sign-out
/// with the rest of the user's data), so a reload or a closed tab loses
/// nothing typed.
#[derive(serde::Serialize, serde::Deserialize)]
struct Typed {
    dap: bool,
    name: String,
    email: String,
    lang: String,
    reseller: String,
    provider: String,
    gdap: bool,
    gdap_name: String,
    preset: u32,
    days: String,
    roles: Vec<String>,
    auto_extend: bool,
}

/// The relationship name a customer's name suggests: trimmed, and cut to
/// the longest a name may be.
fn gdap_name_for(customer: &str) -> String {
    customer
        .trim()
        .chars()
        .take(crate::domain::gdap::MAX_NAME)
        .collect()
}

/// `/partner/invitations/new`.
#[component]
pub fn NewInvitationPage() -> impl IntoView {
    view! { <PartnerFrame current=AppRoute::Invitations><NewInvitationForm/></PartnerFrame> }
}

/// The options form (needs a signed-in partner).
#[component]
pub fn NewInvitationForm() -> impl IntoView {
    let c = ctx();
    let profile = crate::task::Read::new(move || {
        let api = c.partner_api();
        c.partner.get();
        async move {
            let profile = api.call(op::GetPartnerProfile {}).await?;
            let list = |relationship_type| {
                let api = api.clone();
                async move {
                    api.call(op::ListIndirectPartners { relationship_type })
                        .await
                        .map(|c| c.items)
                }
            };
            let resellers = if profile.indirect_provider {
                list(IndirectRelationshipType::IsIndirectCloudSolutionProviderOf).await?
            } else {
                Vec::new()
            };
            let providers = if profile.indirect_reseller {
                list(IndirectRelationshipType::IsIndirectResellerOf).await?
            } else {
                Vec::new()
            };
            Ok::<_, crate::api::error::ApiError>((profile, resellers, providers))
        }
    });
    let role = move || c.partner.get().and_then(|s| s.me.user.partner_role);
    let dap = RwSignal::new(crate::domain::relationship::DAP_REQUESTED_BY_DEFAULT);
    let name = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let email_lang = RwSignal::new(c.lang.get_untracked());
    let reseller = RwSignal::new(String::new());
    let provider = RwSignal::new(String::new());
    let submitted = RwSignal::new(false);
    let gdap = super::gdap::GdapForm::new();
    // What was typed here before a reload or a closed tab, this user's.
    let kept_key = c
        .partner
        .get_untracked()
        .map(|s| format!("new-invitation.{}", s.me.user.id))
        .unwrap_or_default();
    // Opened from a customer's record (it names the customer): a request
    // for that customer, so what was typed for another one (its email, its
    // reseller) is not restored into it; what was typed for this one is
    // (a reload).
    let query = crate::platform::search();
    let param = |name: &str| {
        query.trim_start_matches('?').split('&').find_map(|pair| {
            pair.strip_prefix(name)?
                .strip_prefix('=')
                .map(crate::domain::link::percent_decode)
        })
    };
    let prefilled = param("customerName").is_some()
        || param("gdapTemplate").is_some()
        || param("gdapRoles").is_some();
    let kept = crate::platform::load(&kept_key)
        .and_then(|t| crate::domain::json::from_str::<Typed>(&t).ok())
        .filter(|t| !prefilled || param("customerName").as_deref() == Some(t.name.as_str()));
    let restored = kept.is_some();
    if let Some(t) = kept {
        dap.set(t.dap);
        name.set(t.name);
        email.set(t.email);
        if let Some(l) = Lang::from_tag(&t.lang) {
            email_lang.set(l);
        }
        reseller.set(t.reseller);
        provider.set(t.provider);
        gdap.on.set(t.gdap);
        gdap.name.set(t.gdap_name);
        gdap.preset.set(t.preset);
        gdap.days.set(t.days);
        gdap.roles.set(t.roles);
        gdap.auto_extend.set(t.auto_extend);
    }
    {
        let key = kept_key.clone();
        Effect::new(move |prev: Option<()>| {
            let typed = Typed {
                dap: dap.get(),
                name: name.get(),
                email: email.get(),
                lang: email_lang.get().tag().to_string(),
                reseller: reseller.get(),
                provider: provider.get(),
                gdap: gdap.on.get(),
                gdap_name: gdap.name.get(),
                preset: gdap.preset.get(),
                days: gdap.days.get(),
                roles: gdap.roles.get(),
                auto_extend: gdap.auto_extend.get(),
            };
            if prev.is_some() {
                c.save_local(&key, &serde_json::to_string(&typed).unwrap_or_default());
            }
        });
    }
    // Offered from a record ("Request License Administrator and User
    // Administrator"): GDAP on, the template chosen, the customer named.
    if prefilled && !restored {
        if let Some(customer) = param("customerName") {
            name.set(customer);
        }
        if let Some(t) = param("gdapTemplate").and_then(|slug| {
            crate::domain::gdap::TEMPLATES
                .iter()
                .find(|t| t.slug == slug)
        }) {
            gdap.on.set(true);
            dap.set(false);
            gdap.roles
                .set(t.roles.iter().map(|r| r.to_string()).collect());
            gdap.name.set(name.with_untracked(|n| gdap_name_for(n)));
        }
        // Requested again from the Admin relationships page: the roles and
        // the days it had (unknown roles and days out of range are left out).
        if let Some(roles) = param("gdapRoles") {
            let roles: Vec<String> = roles
                .split(',')
                .filter_map(crate::domain::gdap::role)
                .map(|r| r.id.to_string())
                .collect();
            if !roles.is_empty() {
                gdap.on.set(true);
                dap.set(false);
                gdap.roles.set(roles);
                gdap.name.set(name.with_untracked(|n| gdap_name_for(n)));
            }
        }
        if let Some(days) = param("gdapDays").and_then(|d| d.parse::<u32>().ok()) {
            if (1..=730).contains(&days) {
                let preset = super::gdap::PRESETS.iter().find(|(d, _)| *d == days);
                gdap.preset.set(preset.map_or(0, |(d, _)| *d));
                if preset.is_none() {
                    gdap.days.set(days.to_string());
                }
            }
        }
    }
    // The relationship's name follows the customer's as it is typed, until
    // the partner writes a name of its own (README: prefilled with the
    // customer's), whichever field is filled first.
    Effect::new(move |before: Option<String>| {
        let now = name.with(|n| gdap_name_for(n));
        if before.is_some_and(|b| gdap.name.with_untracked(|g| g.trim() == b)) {
            gdap.name.set(now.clone());
        }
        now
    });
    let name_error = Signal::derive(move || {
        validate::optional_text(&name.get(), validate::MAX_TEXT)
            .err()
            .map(problem_text)
    });
    let email_error = Signal::derive(move || {
        if submitted.get() {
            validate::optional_email(&email.get())
                .err()
                .map(problem_text)
        } else {
            None
        }
    });
    // The last attempt's body and idempotency key, kept across a reload:
    // an attempt whose answer was lost, sent again after a reload with the
    // same body, is the same request and never creates a second invitation.
    let attempt_key = format!("{kept_key}.attempt");
    let kept_attempt = attempt_key.clone();
    let last_attempt: StoredValue<Option<(String, String)>> =
        StoredValue::new(crate::platform::load(&attempt_key).and_then(|kept| {
            let (key, json) = kept.split_once('\n')?;
            Some((json.to_string(), key.to_string()))
        }));
    let last_body: StoredValue<Option<InvitationRequest>> = StoredValue::new(None);
    let create = crate::task::Write::new(move |body: &InvitationRequest| {
        let body = body.clone();
        last_body.set_value(Some(body.clone()));
        let json = serde_json::to_string(&body).unwrap_or_default();
        // Same body as the failed attempt → same idempotency key, so a retry never creates two.
        let key = match last_attempt.get_value() {
            Some((previous, key)) if previous == json => key,
            _ => uuid::Uuid::new_v4().to_string(),
        };
        crate::platform::save(&attempt_key, &format!("{key}\n{json}"));
        last_attempt.set_value(Some((json, key.clone())));
        let api = c.partner_api();
        async move {
            api.call_keyed(op::CreateInvitation { body }, Some(&key))
                .await
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(inv)) = create.value().get() {
            // Created: what was typed is the invitation's now.
            crate::platform::remove(&kept_key);
            crate::platform::remove(&kept_attempt);
            c.changed();
            c.toast(crate::i18n::text(c.lang.get_untracked(), Key::InvitationCreated).into());
            go(AppRoute::Draft(inv.id.clone()));
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submitted.set(true);
        if name_error.get_untracked().is_some()
            || validate::optional_email(&email.get_untracked()).is_err()
        {
            crate::platform::focus(if name_error.get_untracked().is_some() {
                "customer-name"
            } else {
                "customer-email"
            });
            return;
        }
        let forced = profile
            .get_untracked()
            .and_then(Result::ok)
            .is_some_and(|(p, _, _)| p.cloud.requires_delegated_admin());
        let gdap_request = if gdap.on.get_untracked() && !forced {
            match untrack(|| gdap.request()) {
                Ok(r) => Some(r),
                Err(field) => {
                    crate::platform::focus(field);
                    return;
                }
            }
        } else {
            None
        };
        create.dispatch(InvitationRequest {
            gdap: gdap_request,
            dap: (dap.get_untracked() && !gdap.on.get_untracked()) || forced,
            customer_name: name.get_untracked().trim().to_string(),
            customer_email: email.get_untracked().trim().to_string(),
            email_language: email_lang.get_untracked(),
            indirect_reseller_id: Some(reseller.get_untracked()).filter(|r| !r.is_empty()),
            indirect_provider_id: Some(provider.get_untracked()).filter(|p| !p.is_empty()),
            app_base: c.app_root_url(),
        });
    };
    view! {
        <div class="page narrow">
            <h1>{tr(Key::OptionsTitle)}</h1>
            {move || match (role(), profile.get()) {
                (Some(r), _) if !r.may_invite() => view! {
                    <p class="notice" role="note">{trf(Key::CannotInvite, &[i18n::partner_role(c.lang.get(), r)])}</p>
                }.into_any(),
                (_, None) => view! { <Loading/> }.into_any(),
                (_, Some(Err(e))) => view! {
                    <ErrorBanner what=Signal::derive(move || tr(Key::OptionsTitle)().to_string()) error=e on_retry=Callback::new(move |_| profile.refetch())/>
                }.into_any(),
                (_, Some(Ok((p, resellers, providers)))) => {
                    let forced = p.cloud.requires_delegated_admin();
                    let cloud = p.cloud;
                    let has_resellers = !resellers.is_empty();
                    let has_providers = !providers.is_empty();
                    // A reseller always names one: the first is chosen until it picks.
                    if provider.get_untracked().is_empty() {
                        if let Some(first) = providers.first() { provider.set(first.id.clone()); }
                    }
                    view! {
                        <p>{tr(Key::OptionsIntro)}</p>
                        <form on:submit=submit novalidate>
                            <div class="field checkbox">
                                <input type="checkbox" id="dap" aria-describedby="dap-help"
                                    prop:checked=move || forced || dap.get() disabled=forced
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        dap.set(on);
                                        // DAP grants Global Administrator anyway: one or the other.
                                        if on { gdap.on.set(false); }
                                    }/>
                                <label for="dap">{tr(Key::DapLabel)}</label>
                                <p id="dap-help" class="help">
                                    {tr(Key::DapHelp)}
                                    {forced.then(|| view! { " " <strong class="forced-reason">{move || trf(Key::DapForced, &[i18n::cloud(c.lang.get(), cloud)])}</strong> })}
                                </p>
                            </div>
                            {
                                let admin = role().is_some_and(|r| r.may_manage());
                                let role_name = move || role().map(|r| i18n::partner_role(c.lang.get(), r)).unwrap_or_default();
                                let why = if forced { Some("gdap-forced") } else if !admin { Some("gdap-admin-only") } else { None };
                                view! {
                                    <div class="field checkbox">
                                        <input type="checkbox" id="gdap" aria-describedby=why.unwrap_or("gdap-help") disabled=why.is_some()
                                            prop:checked=move || gdap.on.get() && why.is_none()
                                            on:change=move |ev| {
                                                let on = event_target_checked(&ev);
                                                gdap.on.set(on);
                                                if on {
                                                    dap.set(false);
                                                    if gdap.name.get_untracked().trim().is_empty() {
                                                        gdap.name.set(name.with_untracked(|n| gdap_name_for(n)));
                                                    }
                                                }
                                            }/>
                                        <label for="gdap">{tr(Key::GdapLabel)}</label>
                                        // Where GDAP is not offered, only why (not how turning it on would work).
                                        {(!forced).then(|| view! { <p id="gdap-help" class="help">{tr(Key::GdapHelp)}</p> })}
                                        {forced.then(|| view! { <p id="gdap-forced" class="help forced-reason">{move || trf(Key::GdapNotInCloud, &[i18n::cloud(c.lang.get(), cloud)])}</p> })}
                                        {(!forced && !admin).then(|| view! { <p id="gdap-admin-only" class="help forced-reason">{move || trf(Key::GdapAdminOnly, &[role_name()])}</p> })}
                                    </div>
                                    <Show when=move || gdap.on.get() && why.is_none()>
                                        <super::gdap::GdapFields form=gdap/>
                                    </Show>
                                }
                            }
                            <fieldset>
                                <legend>{tr(Key::CustomerDetails)}</legend>
                                <p class="help">{tr(Key::CustomerDetailsHelp)}</p>
                                <TextField id="customer-name" label=Key::CustomerName value=name error=name_error optional=true autocomplete="organization"/>
                                <TextField id="customer-email" label=Key::CustomerEmail value=email error=email_error optional=true input_type="email" autocomplete="email"/>
                            </fieldset>
                            <div class="field">
                                <label for="email-language">{tr(Key::EmailLanguage)}</label>
                                <select id="email-language" prop:value=move || email_lang.get().tag()
                                    on:change=move |ev| if let Some(l) = Lang::from_tag(&event_target_value(&ev)) { email_lang.set(l) }>
                                    {Lang::ALL.iter().map(|l| view! { <option value=l.tag()>{l.endonym()}</option> }).collect_view()}
                                </select>
                            </div>
                            {has_providers.then(|| view! {
                                <div class="field">
                                    <label for="indirect-provider">{tr(Key::ChooseProvider)}</label>
                                    <select id="indirect-provider" aria-describedby="indirect-provider-help" prop:value=move || provider.get() on:change=move |ev| provider.set(event_target_value(&ev))>
                                        {providers.iter().map(|p| view! { <option value=p.id.clone()>{format!("{} (MPN {})", p.name, p.mpn_id)}</option> }).collect_view()}
                                    </select>
                                    <p id="indirect-provider-help" class="help">{tr(Key::ChooseProviderHelp)}</p>
                                </div>
                            })}
                            {has_resellers.then(|| view! {
                                <div class="field">
                                    <label for="indirect-reseller">{tr(Key::IndirectReseller)}</label>
                                    <select id="indirect-reseller" prop:value=move || reseller.get() on:change=move |ev| reseller.set(event_target_value(&ev))>
                                        <option value="">{tr(Key::NoIndirectReseller)}</option>
                                        {resellers.iter().map(|r| view! { <option value=r.id.clone()>{format!("{} (MPN {})", r.name, r.mpn_id)}</option> }).collect_view()}
                                    </select>
                                </div>
                            })}
                            {move || create.value().get().and_then(Result::err).map(|e| view! {
                                <ErrorBanner what=Signal::derive(move || tr(Key::CreateInvitation)().to_string()) error=e
                                    on_retry=Callback::new(move |_| {
                                        // The same request again, with the same idempotency key.
                                        if let Some(body) = last_body.get_value() { create.dispatch(body); }
                                    })/>
                            })}
                            <button type="submit" class="primary" disabled=move || create.pending().get() aria-disabled=move || create.pending().get().to_string()>
                                {move || if create.pending().get() { tr(Key::Creating)() } else { tr(Key::CreateInvitation)() }}
                            </button>
                        </form>
                    }.into_any()
                }
            }}
        </div>
    }
}
