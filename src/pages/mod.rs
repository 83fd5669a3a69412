//! Screens. Pages own their resources and actions; inner components take props.

pub mod customer;
pub mod partner;

use crate::context::{href, rel, tr};
use crate::domain::link::{recognise, RootLink};
use crate::i18n::Key;
use crate::routes::AppRoute;
use leptos::prelude::*;

/// `/`: the acceptance portal when the URL carries an invitation (its own
/// page when the link is damaged), else the home page.
#[component]
pub fn Home() -> impl IntoView {
    match recognise(&crate::platform::href()) {
        RootLink::NotAnInvitation => {}
        RootLink::Damaged(e) => {
            return view! { <customer::accept::DamagedLink error=e/> }.into_any()
        }
        RootLink::Invitation(_) => return view! { <customer::accept::AcceptPortal/> }.into_any(),
    }
    view! {
        <div class="page home">
            <h1>{tr(Key::HomeTitle)}</h1>
            <p class="lead">{tr(Key::HomeIntro)}</p>
            <div class="cards">
                <section class="card" aria-labelledby="home-partner">
                    <h2 id="home-partner">{tr(Key::PartnerWorkspace)}</h2>
                    <p>{tr(Key::HomePartner)}</p>
                    <a class="button" href=href(AppRoute::Customers) rel=rel(&AppRoute::Customers)>{tr(Key::OpenPartner)}</a>
                </section>
                <section class="card" aria-labelledby="home-customer">
                    <h2 id="home-customer">{tr(Key::CustomerPortal)}</h2>
                    <p>{tr(Key::HomeCustomer)}</p>
                    <a class="button" href=href(AppRoute::CustomerPartners) rel=rel(&AppRoute::CustomerPartners)>{tr(Key::OpenCustomer)}</a>
                </section>
            </div>
        </div>
    }
    .into_any()
}

/// Any unknown path.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <div class="page">
            <h1>{tr(Key::NotFoundTitle)}</h1>
            <p>{tr(Key::NotFoundText)}</p>
            <a class="button" href=href(AppRoute::Home) rel=rel(&AppRoute::Home)>{tr(Key::GoHome)}</a>
        </div>
    }
}

/// Shown instead of the app when `config.json` is present but cannot be used:
/// the file, the problem, and what to do. (No app state exists yet, so the
/// language comes from the stored choice or the browser.)
#[component]
pub fn ConfigErrorPage(error: crate::config::ConfigError) -> impl IntoView {
    use crate::i18n::{format, text, Lang};
    let lang = crate::platform::load("lang")
        .and_then(|l| Lang::from_tag(&l))
        .or_else(|| Lang::from_tag(&crate::platform::browser_language()))
        .unwrap_or(Lang::En);
    crate::platform::set_document_lang(lang.tag());
    crate::platform::set_title(text(lang, Key::ConfigErrorTitle));
    view! {
        <main id="main" class="page narrow config-error">
            <h1>{text(lang, Key::ConfigErrorTitle)}</h1>
            <p role="alert">{format(lang, Key::ConfigErrorIntro, &[&error.url])}</p>
            <p><strong>{text(lang, Key::ConfigErrorProblem)}</strong> " " <code>{error.problem.clone()}</code></p>
            <p>{text(lang, Key::ConfigErrorFix)}</p>
        </main>
    }
}
