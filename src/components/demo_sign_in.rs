//! The demo's identity chooser: its identities and a sign-in action.

use crate::api::error::ApiError;
use crate::api::op;
use crate::context::ctx;
use leptos::prelude::*;

/// The demo identities and a sign-in action; `on_session` receives the session.
#[allow(clippy::type_complexity)]
pub fn demo_sign_in(
    on_session: impl Fn(crate::api::wire::Session) + 'static,
) -> (
    LocalResource<Result<crate::api::wire::DemoIdentities, ApiError>>,
    Action<String, Result<crate::api::wire::Session, ApiError>>,
) {
    let c = ctx();
    let identities = LocalResource::new(move || {
        c.revision.get();
        let api = c.anon_api();
        async move { api.call(op::ListDemoIdentities {}).await }
    });
    let sign_in = Action::new_local(move |user_id: &String| {
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
