//! The partner's screens, inside a frame that requires a signed-in partner
//! user and always shows who it is.

pub mod admin_relationships;
pub mod customers;
pub mod draft;
pub mod gdap;
pub mod invitations;
pub mod new_invitation;

#[cfg(feature = "demo")]
use crate::components::{ErrorBanner, Fetched};
use crate::context::{ctx, href, tr, trf};
use crate::i18n::{self, Key};
use crate::routes::AppRoute;
use leptos::prelude::*;

/// Wraps a partner page: sign-in when nobody is signed in; identity bar and
/// the workspace's navigation otherwise.
#[component]
pub fn PartnerFrame(
    /// Which screen of the workspace is current.
    current: AppRoute,
    /// The page.
    children: ChildrenFn,
) -> impl IntoView {
    let c = ctx();
    let children = StoredValue::new(children);
    view! {
        <Show when=move || c.partner.get().is_some() fallback=|| view! { <PartnerSignIn/> }>
            <IdentityBar/>
            <nav class="tabs-nav" aria-label=tr(Key::PartnerWorkspace)>
                <a href=href(AppRoute::Customers) aria-current=(current == AppRoute::Customers).then_some("page")>{tr(Key::Customers)}</a>
                <a href=href(AppRoute::Invitations) aria-current=(current == AppRoute::Invitations).then_some("page")>{tr(Key::Invitations)}</a>
                <a href=href(AppRoute::AdminRelationships) aria-current=(current == AppRoute::AdminRelationships).then_some("page")>{tr(Key::AdminRelationships)}</a>
            </nav>
            {children.read_value()()}
        </Show>
    }
}

/// Who is signed in, for which partner and cloud; switch in one click.
#[component]
fn IdentityBar() -> impl IntoView {
    let c = ctx();
    let text = move || {
        c.partner.get().map(|s| {
            let lang = c.lang.get();
            let role =
                s.me.user
                    .partner_role
                    .map(|r| i18n::partner_role(lang, r))
                    .unwrap_or_default();
            format!(
                "{} — {}",
                trf(
                    Key::SignedInAs,
                    &[&s.me.user.display_name, role, &s.me.company_name]
                ),
                i18n::cloud(lang, s.me.cloud)
            )
        })
    };
    view! {
        <div class="identity">
            <span>{text}</span>
            {c.is_mock().then(|| view! { <button type="button" class="link" on:click=move |_| c.set_partner(None)>{tr(Key::SwitchUser)}</button> })}
            <button type="button" class="link" on:click=move |_| c.sign_out()>{tr(Key::SignOut)}</button>
        </div>
    }
}

/// Sign-in to the workspace: the deployment's identity provider, or, in the
/// demo, its chooser of demo users.
#[component]
pub fn PartnerSignIn() -> impl IntoView {
    let c = ctx();
    if c.auth().is_some() {
        return view! {
            <div class="page narrow">
                <h1>{tr(Key::SignInTitle)}</h1>
                <crate::components::IssuerSignIn intro=Key::RealSignInPartner/>
            </div>
        }
        .into_any();
    }
    demo_sign_in_page().into_any()
}

/// Demo sign-in: partners and their users, one button per user.
#[cfg(not(feature = "demo"))]
fn demo_sign_in_page() -> impl IntoView {}

/// Demo sign-in: partners and their users, one button per user.
#[cfg(feature = "demo")]
fn demo_sign_in_page() -> impl IntoView {
    let c = ctx();
    let (identities, sign_in) =
        crate::components::demo_sign_in(move |session| c.set_partner(Some(session)));
    view! {
        <div class="page">
            <h1>{tr(Key::SignInTitle)}</h1>
            <p class="notice demo-sign-in">{tr(Key::DemoSignInNotice)}</p>
            <p>{tr(Key::SignInIntro)}</p>
            {move || sign_in.value().get().and_then(Result::err).map(|e| view! {
                <ErrorBanner what=Signal::derive(move || tr(Key::SignInTitle)().to_string()) error=e/>
            })}
            <Fetched resource=identities what=Signal::derive(move || tr(Key::SignInTitle)().to_string()) let:value>
                {
                    let ids = value;
                    view! {
                    <div class="identity-list">
                        {ids.partners.into_iter().map(|p| {
                            let heading = format!("partner-{}", p.tenant_id);
                            let labelled_by = heading.clone();
                            let cloud = p.cloud;
                            let country = p.country.clone();
                            let count = p.customer_count;
                            view! {
                                <section class="card" aria-labelledby=labelled_by>
                                    <h2 id=heading>{p.company_name.clone()}</h2>
                                    <p class="muted">
                                        {move || i18n::cloud(c.lang.get(), cloud)} " · " {country.clone()} " · "
                                        {move || crate::intl::count(c.lang.get(), i18n::Counted::Customers, count, &[])}
                                    </p>
                                    <ul class="plain">
                                        {p.users.into_iter().map(|u| {
                                            let id = u.id.clone();
                                            let name = u.display_name.clone();
                                            let role = u.partner_role;
                                            let label = move || trf(Key::SignInAs, &[&name, role.map(|r| i18n::partner_role(c.lang.get(), r)).unwrap_or_default()]);
                                            view! {
                                                <li>
                                                    <button type="button" disabled=move || sign_in.pending().get() on:click=move |_| { sign_in.dispatch(id.clone()); }>
                                                        {label}
                                                    </button>
                                                </li>
                                            }
                                        }).collect_view()}
                                    </ul>
                                </section>
                            }
                        }).collect_view()}
                    </div>
                }.into_any()
                }
            </Fetched>
        </div>
    }
}
