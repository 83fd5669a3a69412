//! The demo's identity chooser: its identities and a sign-in action.

use crate::api::error::ApiError;
use crate::api::op;
use crate::context::ctx;
use leptos::prelude::*;

/// The demo identities, read from the backend (again when data changes).
pub type IdentitiesResource = crate::task::Read<Result<crate::api::wire::DemoIdentities, ApiError>>;

/// Identities already being read, provided by a page that knows it will ask
/// for a sign-in (the acceptance portal reads them alongside the invitation
/// rather than after it: one round trip less before the page is ready).
#[derive(Clone, Copy)]
pub struct PrefetchedIdentities(pub IdentitiesResource);

/// Starts reading the demo identities.
pub fn read_identities() -> IdentitiesResource {
    let c = ctx();
    crate::task::Read::new(move || {
        c.revision.get();
        let api = c.anon_api();
        async move { api.call(op::ListDemoIdentities {}).await }
    })
}

/// The demo identities (those a page prefetched, if any) and a sign-in
/// action; `on_session` receives the session.
#[allow(clippy::type_complexity)]
pub fn demo_sign_in(
    on_session: impl Fn(crate::api::wire::Session) + 'static,
) -> (
    IdentitiesResource,
    crate::task::Write<String, Result<crate::api::wire::Session, ApiError>>,
) {
    let c = ctx();
    let identities = use_context::<PrefetchedIdentities>()
        .map(|p| p.0)
        .unwrap_or_else(read_identities);
    let sign_in = crate::task::Write::new(move |user_id: &String| {
        let api = c.anon_api();
        let body = crate::api::wire::SignInRequest {
            user_id: user_id.clone(),
        };
        async move { api.call(op::DemoSignIn { body }).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(session)) = sign_in.value().get() {
            on_session(session);
        }
    });
    (identities, sign_in)
}
