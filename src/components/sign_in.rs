//! Signing in with the deployment's identity provider: one button that goes
//! to the issuer and comes back to the same address, with what went wrong
//! the last time, if anything did.

use crate::components::Outcome;
use crate::context::{ctx, tr};
use crate::i18n::Key;
use leptos::prelude::*;

/// "Sign in with your work account": the issuer's sign-in.
#[component]
pub fn IssuerSignIn(
    /// Who signs in here and what happens next, in a sentence.
    intro: Key,
) -> impl IntoView {
    let c = ctx();
    let going = RwSignal::new(false);
    Effect::new(|_| {
        crate::platform::app_ready();
        // The portal's first page prefetches what the sign-in comes back
        // to once this is on screen (its bootstrap, .ci/postbuild.mjs).
        crate::platform::mark("sign-in-offered");
    });
    // The button works again once the sign-in did not leave (its problem
    // says "Try again"), and when the browser's Back returns from the
    // provider to this page as it was left (the back/forward cache).
    Effect::new(move |_| {
        if c.sign_in_problem.with(Option::is_some) {
            going.set(false);
        }
    });
    let back = window_event_listener(leptos::ev::pageshow, move |e| {
        if e.persisted() {
            going.set(false);
        }
    });
    on_cleanup(move || back.remove());
    view! {
        <section class="card sign-in" aria-labelledby="issuer-sign-in">
            <h2 id="issuer-sign-in">{tr(Key::RealSignInTitle)}</h2>
            <p>{tr(intro)}</p>
            {move || c.sign_in_problem.get().map(|p| view! { <Outcome class="problem" urgent=true text=Signal::derive(move || p.clone())/> })}
            <button type="button" class="primary" aria-disabled=move || going.get().to_string() on:click=move |_| {
                if !going.get_untracked() {
                    going.set(true);
                    c.sign_in_problem.set(None);
                    c.sign_in();
                }
            }>
                {move || if going.get() { tr(Key::SigningIn)() } else { tr(Key::SignInButton)() }}
            </button>
        </section>
    }
}
