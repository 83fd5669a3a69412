//! The portal's first page for a visitor who opens an invitation link and
//! is not signed in (issue 12): the acceptance portal up to "Sign in",
//! without the steps after it and without resuming a session, so the
//! customer's first download is as small as it can be. The root
//! `index.html` starts this build or the whole portal (`portal`), as its
//! bootstrap finds the visitor (`.ci/postbuild.mjs`); `.ci/build` builds it
//! for the production site only (the demo signs in inside the page).
//! Natively this binary does nothing; the mock server is `mock-server`.

#[cfg(target_arch = "wasm32")]
fn main() {
    use leptos::prelude::IntoAny;
    use reseller_invitations::app::LandingApp;
    use reseller_invitations::routes::Site;
    reseller_invitations::boot::start_signed_out(reseller_invitations::boot::Build {
        site: Site::Portal,
        app: |ctx| leptos::view! { <LandingApp ctx=ctx/> }.into_any(),
        early: reseller_invitations::pages::customer::accept::read_early,
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This is the browser app; build it with `.ci/build`. The local server is `cargo run -p reseller-mock --bin mock-server`.");
}
