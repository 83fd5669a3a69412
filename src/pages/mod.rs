//! Screens. Pages own their resources and actions; inner components take props.

pub mod customer;
pub mod partner;

use crate::app::{href, tr};
use crate::domain::link::looks_like_invitation;
use crate::i18n::Key;
use leptos::prelude::*;

/// `/`: the acceptance portal when the URL carries an invitation, else the home page.
#[component]
pub fn Home() -> impl IntoView {
    if looks_like_invitation(&crate::platform::search()) {
        return view! { <customer::accept::AcceptPortal/> }.into_any();
    }
    view! {
        <div class="page home">
            <h1>{tr(Key::HomeTitle)}</h1>
            <p class="lead">{tr(Key::HomeIntro)}</p>
            <div class="cards">
                <section class="card" aria-labelledby="home-partner">
                    <h2 id="home-partner">{tr(Key::PartnerWorkspace)}</h2>
                    <p>{tr(Key::HomePartner)}</p>
                    <a class="button" href=href("/partner/customers")>{tr(Key::OpenPartner)}</a>
                </section>
                <section class="card" aria-labelledby="home-customer">
                    <h2 id="home-customer">{tr(Key::CustomerPortal)}</h2>
                    <p>{tr(Key::HomeCustomer)}</p>
                    <a class="button" href=href("/customer")>{tr(Key::OpenCustomer)}</a>
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
            <a class="button" href=href("/")>{tr(Key::GoHome)}</a>
        </div>
    }
}
