//! The signed-in session over the page's life, with real sign-in: resumed
//! at start (the issuer's answer, or the tab's kept tokens), renewed a
//! minute before the access token expires, and, when the backend refuses
//! the token and it cannot be renewed, ended: the frame then asks to sign
//! in again, and nothing on the page is lost (a draft is kept in this
//! browser at every keystroke; the sign-in comes back to the same address).

use crate::api::op;
use crate::api::wire::Session;
use crate::auth::{renew_in_ms, Auth, Tokens};
use crate::context::Ctx;
use leptos::prelude::*;
use std::cell::Cell;
use std::rc::Rc;

thread_local! {
    /// A renewal is under way (a burst of refused calls renews once).
    static RENEWING: Cell<bool> = const { Cell::new(false) };
}

/// Resumes the session at start; wires the backend's refusals to renewal.
pub async fn resume(ctx: Ctx, auth: &Auth) {
    let lang = ctx.lang.get_untracked();
    let tokens = match auth.finish(&crate::platform::search()).await {
        Ok(Some(tokens)) => Some(tokens),
        Ok(None) => auth.stored(),
        Err(e) => {
            ctx.sign_in_problem
                .set(Some(crate::i18n::sign_in_problem(lang, &e)));
            None
        }
    };
    if let Some(tokens) = tokens {
        establish(ctx, auth.clone(), tokens).await;
    }
    let refused_auth = auth.clone();
    // The backend refused a token: renew it, or say the session ended.
    ctx.client().on_token_refused(Rc::new(move || {
        let auth = refused_auth.clone();
        wasm_bindgen_futures::spawn_local(async move {
            renew(ctx, &auth).await;
        });
    }));
}

/// Reads who the tokens name and makes them the session.
async fn establish(ctx: Ctx, auth: Auth, tokens: Tokens) {
    let api = ctx.client().with_token(Some(tokens.access_token.clone()));
    match api.call(op::GetMe {}).await {
        Ok(me) => {
            let session = Session {
                access_token: tokens.access_token.clone(),
                me,
            };
            if auth.kind() == "partner" {
                ctx.set_partner(Some(session));
            } else {
                ctx.set_customer(Some(session));
            }
            schedule_renewal(ctx, auth, tokens);
        }
        Err(e) => ctx
            .sign_in_problem
            .set(Some(crate::i18n::api_error(ctx.lang.get_untracked(), &e))),
    }
}

/// The session's token, replaced by a renewed one.
fn set_token(ctx: Ctx, kind: &str, token: &str) {
    let signal = if kind == "partner" {
        ctx.partner
    } else {
        ctx.customer
    };
    signal.try_update(|s| {
        if let Some(s) = s {
            s.access_token = token.to_string();
        }
    });
}

fn schedule_renewal(ctx: Ctx, auth: Auth, tokens: Tokens) {
    wasm_bindgen_futures::spawn_local(async move {
        crate::api::sleep_ms(renew_in_ms(&tokens).min(u32::MAX as i64) as u32).await;
        // Renewed meanwhile (after a refusal), or signed out: not this timer's.
        if auth.kept_tokens().as_ref() != Some(&tokens) {
            return;
        }
        renew(ctx, &auth).await;
    });
}

/// Renews the tokens; the session ends when that fails.
async fn renew(ctx: Ctx, auth: &Auth) {
    if RENEWING.with(|r| r.replace(true)) {
        return;
    }
    let renewed = match auth.kept_tokens() {
        Some(tokens) => auth.renew(&tokens).await.ok(),
        None => None,
    };
    RENEWING.with(|r| r.set(false));
    match renewed {
        Some(tokens) => {
            set_token(ctx, auth.kind(), &tokens.access_token);
            schedule_renewal(ctx, auth.clone(), tokens);
        }
        None => {
            ctx.session_ended.try_set(true);
        }
    }
}
