//! Customer sign-in with the mock: a demo organization's user, or a new
//! organization with its administrator.

#[cfg(feature = "demo")]
use crate::components::{ErrorBanner, Fetched};
use crate::context::{ctx, tr, trf};
use crate::i18n::{self, Key};
use leptos::prelude::*;

/// The signed-in customer user's role (a user without admin rights when
/// none is known), read reactively.
pub fn signed_in_role() -> crate::domain::relationship::CustomerRole {
    ctx()
        .customer
        .get()
        .and_then(|s| s.me.user.customer_role)
        .unwrap_or(crate::domain::relationship::CustomerRole::User)
}

/// That role's name in the UI language.
pub fn signed_in_role_name() -> String {
    i18n::customer_role(ctx().lang.get(), signed_in_role()).to_string()
}

/// Who is signed in to the customer side, with "switch user".
#[component]
pub fn CustomerIdentity() -> impl IntoView {
    let c = ctx();
    let text = move || {
        c.customer.get().map(|s| {
            let role =
                s.me.user
                    .customer_role
                    .map(|r| i18n::customer_role(c.lang.get(), r))
                    .unwrap_or_default();
            trf(
                Key::SignedInAs,
                &[&s.me.user.display_name, role, &s.me.company_name],
            )
        })
    };
    view! {
        <div class="identity">
            <span>{text}</span>
            {c.is_mock().then(|| view! { <button type="button" class="link" on:click=move |_| c.set_customer(None)>{tr(Key::SwitchUser)}</button> })}
            <button type="button" class="link" on:click=move |_| c.sign_out()>{tr(Key::SignOut)}</button>
        </div>
    }
}

/// Sign-in for a customer: the deployment's identity provider (coming back
/// to the same invitation), or, in the demo, its organizations' users.
#[component]
pub fn CustomerSignIn(
    /// The cloud a new organization is created in.
    #[prop(optional)]
    cloud: Option<crate::domain::cloud::Cloud>,
) -> impl IntoView {
    if ctx().auth().is_some() {
        return view! { <crate::components::IssuerSignIn intro=Key::RealSignInCustomer/> }
            .into_any();
    }
    demo_customer_sign_in(cloud).into_any()
}

/// The production build carries no demo chooser.
#[cfg(not(feature = "demo"))]
fn demo_customer_sign_in(cloud: Option<crate::domain::cloud::Cloud>) -> impl IntoView {
    let _ = cloud;
}

/// Sign in as a demo organization's user or create an organization.
#[cfg(feature = "demo")]
fn demo_customer_sign_in(cloud: Option<crate::domain::cloud::Cloud>) -> impl IntoView {
    let c = ctx();
    let (identities, sign_in) =
        crate::components::demo_sign_in(move |session| c.set_customer(Some(session)));

    view! {
        <section class="card" aria-labelledby="customer-sign-in">
            <h2 id="customer-sign-in">{tr(Key::CustomerSignInTitle)}</h2>
            <p class="notice demo-sign-in">{tr(Key::DemoSignInNotice)}</p>
            <p>{tr(if cfg!(feature = "demo") { Key::CustomerSignInIntro } else { Key::CustomerSignInIntroExisting })}</p>
            {move || sign_in.value().get().and_then(Result::err).map(|e| view! { <ErrorBanner what=Signal::derive(move || tr(Key::StepSignIn)().to_string()) error=e/> })}
            <h3>{tr(Key::ExistingOrgs)}</h3>
            <Fetched resource=identities what=Signal::derive(move || tr(Key::StepSignIn)().to_string()) let:value>
                {
                    let ids = value;
                    // The invitation and its first action (sign in) are on screen.
                    Effect::new(|_| crate::platform::app_ready());
                    view! {
                    <ul class="orgs plain">
                        {ids.customers.into_iter().map(|t| {
                            let cloud = t.cloud;
                            let code = t.country.clone();
                            let mca = t.mca_accepted;
                            view! {
                                <li class="org">
                                    <p><strong>{t.company_name.clone()}</strong> " · " {t.domain.clone()} " · "
                                        {move || i18n::country(c.lang.get(), &code)} " · " {move || i18n::cloud(c.lang.get(), cloud)} " · "
                                        {move || if mca { tr(Key::McaYes)() } else { tr(Key::McaNo)() }}</p>
                                    <div class="row">
                                        {t.users.into_iter().map(|u| {
                                            let id = u.id.clone();
                                            let name = u.display_name.clone();
                                            let role = u.customer_role;
                                            view! {
                                                <button type="button" disabled=move || sign_in.pending().get() on:click=move |_| { sign_in.dispatch(id.clone()); }>
                                                    {move || trf(Key::SignInAs, &[&name, role.map(|r| i18n::customer_role(c.lang.get(), r)).unwrap_or_default()])}
                                                </button>
                                            }
                                        }).collect_view()}
                                    </div>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
                }
            </Fetched>
            <NewOrg cloud=cloud/>
        </section>
    }
}

/// "Create a new organization" with its administrator: the demo's stand-in
/// for a customer tenant that does not exist yet (the test backend's
/// `POST /v1/demo/tenants`). A real customer's tenant is made in Microsoft's
/// portals, so the production build has no such form (and its customers'
/// first page carries none of its code).
#[cfg(feature = "demo")]
#[component]
fn NewOrg(cloud: Option<crate::domain::cloud::Cloud>) -> impl IntoView {
    use crate::api::wire::NewTenant;
    use crate::components::{shown_after, TextField};
    use crate::domain::{country, validate};
    let c = ctx();
    let company = RwSignal::new(String::new());
    let domain = RwSignal::new(String::new());
    let country_code = RwSignal::new(String::new());
    let admin_name = RwSignal::new(String::new());
    let admin_email = RwSignal::new(String::new());
    let tried = RwSignal::new(false);
    let company_error = shown_after(tried, move || {
        validate::required_text(&company.get(), validate::MAX_TEXT)
    });
    let domain_error = shown_after(tried, move || validate::domain(&domain.get()));
    let country_error = shown_after(tried, move || validate::country(&country_code.get()));
    let admin_error = shown_after(tried, move || {
        validate::required_text(&admin_name.get(), validate::MAX_TEXT)
    });
    let email_error = shown_after(tried, move || validate::email(&admin_email.get()));
    let create = crate::task::Write::new(move |body: &NewTenant| {
        let api = c.anon_api();
        let body = body.clone();
        async move { api.call(crate::api::op::CreateDemoTenant { body }).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(s)) = create.value().get() {
            c.set_customer(Some(s))
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        for (id, bad) in [
            ("org-company", company_error.get_untracked().is_some()),
            ("org-domain", domain_error.get_untracked().is_some()),
            ("org-country", country_error.get_untracked().is_some()),
            ("org-admin", admin_error.get_untracked().is_some()),
            ("org-email", email_error.get_untracked().is_some()),
        ] {
            if bad {
                crate::platform::focus(id);
                return;
            }
        }
        create.dispatch(NewTenant {
            company_name: company.get_untracked(),
            domain: domain.get_untracked(),
            country: country_code.get_untracked(),
            cloud,
            admin_name: admin_name.get_untracked(),
            admin_email: admin_email.get_untracked(),
        });
    };
    let mut countries: Vec<_> = country::all().collect();
    let lang = c.lang.get_untracked();
    let mut named: Vec<(String, &'static str)> = countries
        .drain(..)
        .map(|k| (i18n::country(lang, k.code), k.code))
        .collect();
    named.sort_by(|a, b| country::alphabetical(&a.0, &b.0));
    view! {
        <>
        <h3>{tr(Key::NewOrg)}</h3>
        <form class="new-org" novalidate on:submit=submit>
            <TextField id="org-company" label=Key::CompanyName value=company error=company_error required=true autocomplete="organization"/>
            <TextField id="org-domain" label=Key::Domain value=domain error=domain_error required=true/>
            <div class="field" class:invalid=move || country_error.get().is_some()>
                <label for="org-country">{tr(Key::Country)}</label>
                <select id="org-country" aria-invalid=move || country_error.get().is_some().to_string()
                    aria-describedby=move || country_error.get().is_some().then_some("org-country-error")
                    prop:value=move || country_code.get() on:change=move |ev| country_code.set(event_target_value(&ev))>
                    <option value="">{tr(Key::ChooseCountry)}</option>
                    {named.into_iter().map(|(name, code)| view! { <option value=code>{name}</option> }).collect_view()}
                </select>
                <Show when=move || country_error.get().is_some()><p class="field-error" id="org-country-error">{move || country_error.get()}</p></Show>
            </div>
            <TextField id="org-admin" label=Key::AdminName value=admin_name error=admin_error required=true autocomplete="name"/>
            <TextField id="org-email" label=Key::AdminEmail value=admin_email error=email_error required=true input_type="email" autocomplete="email"/>
            {move || create.value().get().and_then(Result::err).map(|e| view! { <ErrorBanner what=Signal::derive(move || tr(Key::NewOrg)().to_string()) error=e/> })}
            <button type="submit" disabled=move || create.pending().get()>{tr(Key::CreateOrg)}</button>
        </form>
        </>
    }
}
