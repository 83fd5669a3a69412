//! The Account tab: company and billing profiles, the Microsoft Customer
//! Agreement, and the partner's attestation of it.

use super::what;
use crate::api::error::ApiError;
use crate::api::wire::{Agreement, Customer};
use crate::api::{client, op};
use crate::components::{ErrorBanner, Fetched, SignerFields, SignerForm};
use crate::context::{ctx, tr, trf};
use crate::i18n::{self, Key};
use leptos::prelude::*;

#[component]
pub(super) fn AccountTab(customer: Customer) -> impl IntoView {
    let c = ctx();
    let attest = SignerForm::new(String::new(), String::new(), String::new());
    let data = super::customer_read(&customer, |api, customer| async move {
        let detail = api.call(op::GetCustomer { customer }).await?;
        let agreements = api.call(op::ListCustomerAgreements { customer }).await?;
        Ok::<_, ApiError>((detail, agreements.items))
    });
    view! {
        <Fetched resource=data what=what(Key::TabAccount) let:value>
            {
                let (d, agreements) = value;
                {
                let billing = d.billing_profile.clone().unwrap_or_default();
                let country = d.company_profile.address.as_ref().map(|a| a.country.clone()).unwrap_or_default();
                let agreement = agreements.first().cloned();
                view! {
                    <div class="two-col">
                        <section>
                            <h3>{tr(Key::CompanyProfile)}</h3>
                            <dl>
                                <dt>{tr(Key::ColCompany)}</dt><dd>{d.company_profile.company_name.clone()}</dd>
                                <dt>{tr(Key::ColDomain)}</dt><dd>{d.company_profile.domain.clone()}</dd>
                                <dt>{tr(Key::ColCountry)}</dt><dd>{move || crate::i18n::country(c.lang.get(), &country)}</dd>
                                <dt>{tr(Key::TenantIdLabel)}</dt><dd><code>{d.id.clone()}</code></dd>
                                {d.indirect_reseller_name.clone().map(|r| view! { <dt>{tr(Key::IndirectResellerLabel)}</dt><dd>{r}</dd> })}
                                {d.indirect_provider_name.clone().map(|p| view! { <dt>{tr(Key::IndirectProviderLabel)}</dt><dd>{p}</dd> })}
                            </dl>
                        </section>
                        <section>
                            <h3>{tr(Key::BillingProfile)}</h3>
                            <dl>
                                <dt>{tr(Key::Contact)}</dt><dd>{format!("{} {}", billing.first_name, billing.last_name)}</dd>
                                <dt>{tr(Key::Email)}</dt><dd>{billing.email.clone()}</dd>
                                <dt>{tr(Key::Language)}</dt><dd>{let culture = billing.culture.clone(); move || crate::intl::language(c.lang.get(), &culture)}</dd>
                            </dl>
                        </section>
                    </div>
                    <section>
                        <h3>{tr(Key::McaTitle)}</h3>
                        {match agreement {
                            Some(a) => view! { <p>{move || trf(Key::McaStatusAccepted, &[&crate::intl::date(c.lang.get(), &a.date_agreed), &format!("{} {}", a.primary_contact.first_name, a.primary_contact.last_name)])}</p> }.into_any(),
                            None => view! { <p>{tr(Key::McaStatusMissing)}</p><AttestForm customer_id=d.id.clone() form=attest/> }.into_any(),
                        }}
                    </section>
                }.into_any()
            }
            }
        </Fetched>
    }
}

/// The partner's attestation of the customer's agreement. `form` belongs to
/// the tab, so a refetch (a change in another tab) keeps what was typed.
#[component]
pub(super) fn AttestForm(customer_id: String, form: SignerForm) -> impl IntoView {
    let c = ctx();
    let tried = form.tried;
    let signer = move || form.signer();
    let prefix = customer_id.clone();
    let save = crate::task::Write::new(move |_: &()| {
        let api = c.partner_api();
        let body = Agreement {
            user_id: None,
            primary_contact: signer(),
            template_id: crate::api::wire::MCA_TEMPLATE_ID.into(),
            date_agreed: crate::domain::time::to_rfc3339(crate::api::now_ms()),
            agreement_type: "MicrosoftCustomerAgreement".into(),
        };
        let customer = client::id(&customer_id);
        async move {
            api.call(op::AttestAgreement {
                customer: customer?,
                body,
            })
            .await
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(_)) = save.value().get() {
            c.changed();
            c.toast(i18n::text(c.lang.get_untracked(), Key::McaRecorded).into());
        }
    });
    view! {
        <form class="attest" novalidate on:submit=move |ev| {
            ev.prevent_default();
            tried.set(true);
            if signer().problems().is_empty() { save.dispatch(()); }
        }>
            <SignerFields form=form prefix=format!("attest-{prefix}")/>
            {move || save.value().get().and_then(Result::err).map(|e| view! { <ErrorBanner what=what(Key::AttestMca) error=e/> })}
            <button type="submit" disabled=move || save.pending().get()>{tr(Key::AttestMca)}</button>
        </form>
    }
}
