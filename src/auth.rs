//! Signing in for real: OpenID Connect's authorization code flow with PKCE,
//! from the browser, at the issuer `config.json` names (the protocol's
//! rules are `domain::oidc`; here the browser's part). Tokens stay in this
//! tab (`sessionStorage`, never `localStorage`), are renewed a minute before
//! they expire, and go only to the configured backend and the issuer's
//! token endpoint. The redirect comes back to the root page of the build
//! that started it, which finishes the sign-in and puts the address the
//! user was on (an invitation link, a draft) back in place.
//!
//! Why no OAuth crate here: `oauth2` and `openidconnect` need `url` (with
//! `idna`'s Unicode tables) and their own HTTP and random stacks, tens of
//! KiB on a customer's first page (issue 12's budget); the flow is a URL, a
//! form POST and four checks, written once in `domain::oidc` against the
//! RFCs and tested natively, with WebCrypto doing SHA-256 and randomness.

use crate::api::error::ApiError;
use crate::api::http::HttpTransport;
use crate::api::ApiRequest;
use crate::config::SignInSettings;
use crate::domain::oidc::{self, Callback, Discovery, PendingSignIn, TokenResponse};
use crate::routes::Site;
use serde::Deserialize;

/// What sign-in keeps in `sessionStorage`, under this prefix.
const KEY: &str = "reseller-invitations.oidc.";

/// Which of the two sessions (a partner's, a customer's) a build signs in.
pub fn kind_of(site: Site) -> &'static str {
    match site {
        Site::Partner => "partner",
        Site::Portal | Site::Customer => "customer",
    }
}

/// A signed-in user's tokens, as kept in this tab.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tokens {
    /// Bearer token for the backend.
    pub access_token: String,
    /// For renewing, if the issuer gave one.
    pub refresh_token: Option<String>,
    /// When the access token expires (milliseconds since the epoch).
    pub expires_at_ms: i64,
}

impl Tokens {
    /// As kept: expiry, access token, refresh token, a line each (a JSON
    /// codec would cost the customer's first page more than this).
    fn to_lines(&self) -> String {
        format!(
            "{}\n{}\n{}",
            self.expires_at_ms,
            self.access_token,
            self.refresh_token.as_deref().unwrap_or_default()
        )
    }

    fn from_lines(text: &str) -> Option<Self> {
        let mut l = text.split('\n');
        let expires_at_ms = l.next()?.parse().ok()?;
        let access_token = l.next()?.to_string();
        let refresh_token = l.next().filter(|r| !r.is_empty()).map(str::to_string);
        (!access_token.is_empty()).then_some(Self {
            access_token,
            refresh_token,
            expires_at_ms,
        })
    }
}

/// Why signing in did not work.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SignInError {
    /// The issuer could not be reached or answered nonsense.
    Issuer(String),
    /// The provider refused (the user cancelled...).
    Refused(String),
    /// The answer did not pass the checks (state, nonce, issuer, audience).
    Problem(oidc::SignInProblem),
    /// This tab cannot keep what the answer is checked against (the
    /// browser blocks this site's storage, or it is full): found before the
    /// browser leaves for the provider, not after it comes back refused.
    NoTabStorage,
}

fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

/// Keeps `value` in this tab; whether it was kept.
fn keep(name: &str, value: &str) -> bool {
    session().is_some_and(|s| s.set_item(&format!("{KEY}{name}"), value).is_ok())
}

fn kept(name: &str) -> Option<String> {
    session()?.get_item(&format!("{KEY}{name}")).ok()?
}

fn forget(name: &str) {
    if let Some(s) = session() {
        let _ = s.remove_item(&format!("{KEY}{name}"));
    }
}

/// `n` random bytes from the browser's cryptographic generator, base64url.
fn random(n: usize) -> Option<String> {
    let mut bytes = vec![0u8; n];
    web_sys::window()?
        .crypto()
        .ok()?
        .get_random_values_with_u8_array(&mut bytes)
        .ok()?;
    Some(oidc::base64url_encode(&bytes))
}

/// SHA-256 by WebCrypto.
async fn sha256(text: &str) -> Option<Vec<u8>> {
    let subtle = web_sys::window()?.crypto().ok()?.subtle();
    let data = text.as_bytes().to_vec();
    let promise = subtle.digest_with_str_and_u8_array("SHA-256", &data).ok()?;
    let buffer = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Sign-in at one issuer, for one build.
#[derive(Clone, Debug)]
pub struct Auth {
    settings: SignInSettings,
    /// The root URL of this build (`<origin><base>/`, `…/partner/`).
    root: String,
    timeout_ms: u32,
    /// `partner` or `customer`.
    kind: &'static str,
}

impl Auth {
    /// Sign-in for the build `site` whose root page is `root`.
    pub fn new(settings: SignInSettings, root: String, timeout_ms: u32, site: Site) -> Self {
        Self {
            settings,
            root,
            timeout_ms,
            kind: kind_of(site),
        }
    }

    fn redirect_uri(&self) -> String {
        format!("{}{}", self.root, self.settings.redirect_path)
    }

    async fn fetch(&self, req: ApiRequest) -> Result<String, SignInError> {
        let transport = HttpTransport {
            base_url: String::new(),
            timeout_ms: self.timeout_ms,
        };
        let what = req.path.clone();
        let answer = transport
            .send(&req)
            .await
            .map_err(|e: ApiError| SignInError::Issuer(e.description))?;
        if !(200..300).contains(&answer.status) {
            let why = crate::domain::json::from_str::<OAuthError>(&answer.body)
                .map(|e| format!("{}: {}", e.error, e.error_description))
                .unwrap_or_else(|_| format!("HTTP {}", answer.status));
            return Err(SignInError::Issuer(format!("{what} answered {why}")));
        }
        Ok(answer.body)
    }

    /// The issuer's discovery document (read once per tab).
    async fn discovery(&self) -> Result<Discovery, SignInError> {
        if let Some(d) = kept("discovery").and_then(|d| crate::domain::json::from_str(&d).ok()) {
            return Ok(d);
        }
        let url = format!("{}/.well-known/openid-configuration", self.settings.issuer);
        let body = self.fetch(ApiRequest::new("GET", url)).await?;
        let d: Discovery = crate::domain::json::from_str(&body).map_err(|e| {
            SignInError::Issuer(format!("its discovery document cannot be read: {e}"))
        })?;
        // The document must be the configured issuer's own.
        if oidc::origin_of(&d.issuer) != oidc::origin_of(&self.settings.issuer) {
            return Err(SignInError::Problem(oidc::SignInProblem::WrongIssuer(
                d.issuer,
            )));
        }
        keep("discovery", &body);
        Ok(d)
    }

    /// Sends the browser to the issuer to sign in; `return_to` is where it
    /// comes back to once signed in (the address the user is on).
    pub async fn start(&self, return_to: String, ui_locale: &str) -> Result<(), SignInError> {
        let d = self.discovery().await?;
        let fail = || SignInError::Issuer("the browser's cryptography is not available".into());
        let (verifier, state, nonce) = (
            random(32).ok_or_else(fail)?,
            random(16).ok_or_else(fail)?,
            random(16).ok_or_else(fail)?,
        );
        let challenge = oidc::code_challenge(&sha256(&verifier).await.ok_or_else(fail)?);
        let pending = PendingSignIn {
            state,
            nonce,
            verifier,
            redirect_uri: self.redirect_uri(),
            return_to,
        };
        let url = oidc::AuthorizationRequest {
            endpoint: &d.authorization_endpoint,
            client_id: &self.settings.client_id,
            redirect_uri: &pending.redirect_uri,
            scopes: &self.settings.scopes,
            state: &pending.state,
            nonce: &pending.nonce,
            code_challenge: &challenge,
            ui_locale,
        }
        .url();
        // RFC 6749 §10.12 and RFC 7636 §4.1: the answer is checked against
        // the state and verifier this tab keeps; leaving without them would
        // only come back to a refusal.
        if !keep(&format!("pending.{}", self.kind), &pending.to_lines()) {
            return Err(SignInError::NoTabStorage);
        }
        crate::platform::go_to(&url);
        Ok(())
    }

    /// Finishes a sign-in when the issuer sent the browser back here: the
    /// code is exchanged and checked, the tokens kept, and the address the
    /// user started from put back. `Ok(None)`: this is no sign-in answer.
    pub async fn finish(&self, query: &str) -> Result<Option<Tokens>, SignInError> {
        let answer = oidc::callback(query);
        if answer == Callback::None {
            return Ok(None);
        }
        let pending_key = format!("pending.{}", self.kind);
        let pending = kept(&pending_key).and_then(|p| PendingSignIn::from_lines(&p));
        forget(&pending_key);
        let Some(pending) = pending else {
            // An answer with no request of this tab's: not ours to use.
            return Err(SignInError::Problem(oidc::SignInProblem::StateMismatch));
        };
        // Back to where the user was, whatever the outcome.
        crate::platform::replace_address(&pending.return_to);
        let code = match answer {
            Callback::Code { code, state } if state == pending.state => code,
            Callback::Code { .. } | Callback::None => {
                return Err(SignInError::Problem(oidc::SignInProblem::StateMismatch))
            }
            Callback::Error { error, description } => {
                return Err(SignInError::Refused(format!("{error}: {description}")))
            }
        };
        let d = self.discovery().await?;
        let tokens = self
            .token_request(
                &d,
                oidc::code_token_request(&self.settings.client_id, &code, &pending),
            )
            .await?;
        let id_token = tokens
            .id_token
            .as_deref()
            .ok_or(SignInError::Problem(oidc::SignInProblem::NoIdToken))?;
        oidc::check_id_token(
            id_token,
            &d.issuer,
            &self.settings.client_id,
            &pending.nonce,
            crate::api::now_ms() / 1000,
        )
        .map_err(SignInError::Problem)?;
        let tokens = self.keep_tokens(tokens, None);
        Ok(Some(tokens))
    }

    async fn token_request(
        &self,
        d: &Discovery,
        form: String,
    ) -> Result<TokenResponse, SignInError> {
        let mut req = ApiRequest::new("POST", d.token_endpoint.clone())
            .header("content-type", "application/x-www-form-urlencoded");
        req.body = form;
        let body = self.fetch(req).await?;
        crate::domain::json::from_str(&body)
            .map_err(|e| SignInError::Issuer(format!("its token answer cannot be read: {e}")))
    }

    fn keep_tokens(&self, t: TokenResponse, previous_refresh: Option<String>) -> Tokens {
        let tokens = Tokens {
            access_token: t.access_token,
            refresh_token: t.refresh_token.or(previous_refresh),
            expires_at_ms: crate::api::now_ms() + t.expires_in.max(0) * 1000,
        };
        keep(self.kind, &tokens.to_lines());
        tokens
    }

    /// The tokens this tab holds for this build's kind of user, unless expired.
    pub fn stored(&self) -> Option<Tokens> {
        self.kept_tokens()
            .filter(|t| t.expires_at_ms > crate::api::now_ms())
    }

    /// The tokens this tab holds, expired or not (a refresh token may still work).
    pub fn kept_tokens(&self) -> Option<Tokens> {
        Tokens::from_lines(&kept(self.kind)?)
    }

    /// `partner` or `customer`: whose session this build signs in.
    pub fn kind(&self) -> &'static str {
        self.kind
    }

    /// Renews the tokens with the refresh token (RFC 6749 §6).
    pub async fn renew(&self, tokens: &Tokens) -> Result<Tokens, SignInError> {
        let refresh = tokens
            .refresh_token
            .clone()
            .ok_or_else(|| SignInError::Refused("no refresh token".into()))?;
        let d = self.discovery().await?;
        let form =
            oidc::refresh_token_request(&self.settings.client_id, &refresh, &self.settings.scopes);
        let t = self.token_request(&d, form).await?;
        Ok(self.keep_tokens(t, Some(refresh)))
    }

    /// Forgets this tab's tokens; the issuer's sign-out page, if it has one,
    /// to go to after (back to `back_to`).
    pub async fn sign_out(&self, back_to: &str) -> Option<String> {
        for name in ["partner", "customer", "pending.partner", "pending.customer"] {
            forget(name);
        }
        let end = self.discovery().await.ok()?.end_session_endpoint?;
        Some(format!(
            "{end}{}{}",
            if end.contains('?') { '&' } else { '?' },
            oidc::form(&[
                ("post_logout_redirect_uri", back_to),
                ("client_id", &self.settings.client_id)
            ])
        ))
    }
}

/// An OAuth error answer (RFC 6749 §5.2).
#[derive(Deserialize)]
struct OAuthError {
    error: String,
    #[serde(default)]
    error_description: String,
}

/// Milliseconds until `tokens` should be renewed.
pub fn renew_in_ms(tokens: &Tokens) -> i64 {
    (tokens.expires_at_ms - oidc::RENEW_BEFORE_S * 1000 - crate::api::now_ms()).max(1_000)
}

/// Whether the page's address is a sign-in answer.
pub fn is_callback(query: &str) -> bool {
    oidc::callback(query) != Callback::None
}
