//! The partner workspace build (`partner/index.html`).
//! Natively this binary does nothing; the mock server is `mock-server`.

#[cfg(target_arch = "wasm32")]
fn main() {
    use leptos::prelude::IntoAny;
    use reseller_invitations::app::PartnerApp;
    use reseller_invitations::routes::Site;
    reseller_invitations::boot::start(reseller_invitations::boot::Build {
        site: Site::Partner,
        app: |ctx| leptos::view! { <PartnerApp ctx=ctx/> }.into_any(),
        early: |_| {},
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This is the browser app; build it with `.ci/build`. The local server is `cargo run -p reseller-mock --bin mock-server`.");
}
