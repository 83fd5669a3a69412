//! The portal build (root `index.html`): the home page and the acceptance
//! portal a customer opens from an invitation link. In the production site
//! a visitor opening an invitation signed out starts the `landing` build
//! instead (index.html's bootstrap picks, `.ci/postbuild.mjs`).
//! Natively this binary does nothing; the mock server is `mock-server`.

#[cfg(target_arch = "wasm32")]
fn main() {
    use leptos::prelude::IntoAny;
    use reseller_invitations::app::PortalApp;
    use reseller_invitations::routes::Site;
    reseller_invitations::boot::start(reseller_invitations::boot::Build {
        site: Site::Portal,
        app: |ctx| leptos::view! { <PortalApp ctx=ctx/> }.into_any(),
        early: reseller_invitations::pages::customer::accept::read_early,
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This is the browser app; build it with `.ci/build`. The local server is `cargo run -p reseller-mock --bin mock-server`.");
}
