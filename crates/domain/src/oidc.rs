//! Signing in with OpenID Connect from the browser: the authorization code
//! flow with PKCE (RFC 7636), as a public client (no secret). Here are the
//! protocol's rules, with no browser types: the authorization request, what
//! the redirect back carries, the token request, and the checks an ID token
//! must pass. The browser side (`src/auth.rs`) supplies randomness, SHA-256
//! (WebCrypto) and HTTP.
//!
//! Sources: OpenID Connect Core 1.0 §3.1 (the code flow; §3.1.3.7, ID token
//! validation: a client that receives the ID token straight from the token
//! endpoint over TLS may rely on TLS instead of checking its signature; the
//! backend checks the access token's signature on every call); RFC 7636
//! (PKCE, `S256`); RFC 6749 §4.1 (authorization code grant) and §6
//! (refreshing); Microsoft identity platform, "OpenID Connect on the
//! Microsoft identity platform" and "Microsoft identity platform and OAuth
//! 2.0 authorization code flow" (<https://learn.microsoft.com/entra/identity-platform/v2-protocols-oidc>,
//! <https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow>):
//! a multi-tenant app signs in at the `organizations` authority, whose
//! discovery document names its issuer as
//! `https://login.microsoftonline.com/{tenantid}/v2.0`, and each token's
//! `iss` names the user's own tenant (its `tid`).

use serde::Deserialize;

/// The placeholder Microsoft Entra's multi-tenant discovery documents put in
/// their issuer, for the tenant of each token.
pub const TENANT_PLACEHOLDER: &str = "{tenantid}";

/// Seconds before a token's expiry at which the app renews it.
pub const RENEW_BEFORE_S: i64 = 60;

/// The parts of an issuer's discovery document the browser uses
/// (`/.well-known/openid-configuration`).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct Discovery {
    /// The issuer, possibly with [`TENANT_PLACEHOLDER`].
    pub issuer: String,
    /// Where the browser is sent to sign in.
    pub authorization_endpoint: String,
    /// Where the code is exchanged for tokens.
    pub token_endpoint: String,
    /// Where the browser is sent to sign out at the provider, if it has one.
    #[serde(default)]
    pub end_session_endpoint: Option<String>,
}

/// What the app keeps (in `sessionStorage`) between sending the browser to
/// the provider and its coming back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PendingSignIn {
    /// Ties the answer to this request (CSRF).
    pub state: String,
    /// Ties the ID token to this request (replay).
    pub nonce: String,
    /// The PKCE secret whose SHA-256 the request carried.
    pub verifier: String,
    /// The redirect URI the request named (the token request repeats it).
    pub redirect_uri: String,
    /// Where the user was, to return to (an invitation link with its parameters, a draft).
    pub return_to: String,
}

impl PendingSignIn {
    /// As kept: one field a line (none holds a line break: they are
    /// base64url, or addresses the browser gave).
    pub fn to_lines(&self) -> String {
        [
            &self.state,
            &self.nonce,
            &self.verifier,
            &self.redirect_uri,
            &self.return_to,
        ]
        .map(|f| f.replace(['\r', '\n'], ""))
        .join("\n")
    }

    /// Read back; `None` for anything else.
    pub fn from_lines(text: &str) -> Option<Self> {
        let mut l = text.split('\n').map(str::to_string);
        let p = Self {
            state: l.next()?,
            nonce: l.next()?,
            verifier: l.next()?,
            redirect_uri: l.next()?,
            return_to: l.next()?,
        };
        (l.next().is_none() && !p.state.is_empty()).then_some(p)
    }
}

/// The authorization request (OpenID Connect Core §3.1.2.1, RFC 7636 §4.3).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuthorizationRequest<'a> {
    /// The provider's authorization endpoint.
    pub endpoint: &'a str,
    /// The app's client id.
    pub client_id: &'a str,
    /// Where the provider sends the browser back.
    pub redirect_uri: &'a str,
    /// Space-separated scopes (`openid` is added when missing).
    pub scopes: &'a str,
    /// The request's state.
    pub state: &'a str,
    /// The request's nonce.
    pub nonce: &'a str,
    /// `BASE64URL(SHA-256(verifier))`.
    pub code_challenge: &'a str,
    /// The UI language (`ui_locales`), so the provider's page speaks it too.
    pub ui_locale: &'a str,
}

impl AuthorizationRequest<'_> {
    /// The address to send the browser to.
    pub fn url(&self) -> String {
        let scopes = if self.scopes.split_whitespace().any(|s| s == "openid") {
            self.scopes.split_whitespace().collect::<Vec<_>>().join(" ")
        } else {
            std::iter::once("openid")
                .chain(self.scopes.split_whitespace())
                .collect::<Vec<_>>()
                .join(" ")
        };
        let params = [
            ("client_id", self.client_id),
            ("response_type", "code"),
            ("redirect_uri", self.redirect_uri),
            ("response_mode", "query"),
            ("scope", &scopes),
            ("state", self.state),
            ("nonce", self.nonce),
            ("code_challenge", self.code_challenge),
            ("code_challenge_method", "S256"),
            ("ui_locales", self.ui_locale),
        ];
        let sep = if self.endpoint.contains('?') {
            '&'
        } else {
            '?'
        };
        format!("{}{sep}{}", self.endpoint, form(&params))
    }
}

/// The origin (`scheme://host[:port]`) of an absolute URL.
pub fn origin_of(url: &str) -> &str {
    let after_scheme = url.find("://").map_or(0, |i| i + 3);
    let end = url[after_scheme..]
        .find(['/', '?', '#'])
        .map_or(url.len(), |i| after_scheme + i);
    &url[..end]
}

/// `application/x-www-form-urlencoded` pairs (also a URL's query).
pub fn form(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", percent_encode(k), percent_encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// Percent-encodes everything but RFC 3986's unreserved characters.
pub fn percent_encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            const HEX: &[u8; 16] = b"0123456789ABCDEF";
            out.push('%');
            out.push(HEX[(b >> 4) as usize] as char);
            out.push(HEX[(b & 15) as usize] as char);
        }
    }
    out
}

/// The token request for a code (RFC 6749 §4.1.3 with RFC 7636 §4.5): the
/// form body to POST to the token endpoint.
pub fn code_token_request(client_id: &str, code: &str, pending: &PendingSignIn) -> String {
    form(&[
        ("grant_type", "authorization_code"),
        ("client_id", client_id),
        ("code", code),
        ("redirect_uri", &pending.redirect_uri),
        ("code_verifier", &pending.verifier),
    ])
}

/// The token request that renews tokens (RFC 6749 §6).
pub fn refresh_token_request(client_id: &str, refresh_token: &str, scopes: &str) -> String {
    form(&[
        ("grant_type", "refresh_token"),
        ("client_id", client_id),
        ("refresh_token", refresh_token),
        ("scope", scopes),
    ])
}

/// What the provider sent the browser back with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Callback {
    /// Not a sign-in answer (no `code`, `state` or `error` in the query).
    None,
    /// A code for the request with `state`.
    Code {
        /// The authorization code.
        code: String,
        /// The state it answers.
        state: String,
    },
    /// The provider refused (the user cancelled, consent was denied...).
    Error {
        /// OAuth's error code (`access_denied`...).
        error: String,
        /// The provider's words, if any.
        description: String,
    },
}

/// Reads the redirect back (the page address's query).
pub fn callback(query: &str) -> Callback {
    let mut code = None;
    let mut state = None;
    let mut error = None;
    let mut description = String::new();
    for pair in query.trim_start_matches('?').split('&') {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let v = crate::link::percent_decode(&v.replace('+', " "));
        match k {
            "code" => code = Some(v),
            "state" => state = Some(v),
            "error" => error = Some(v),
            "error_description" => description = v,
            _ => {}
        }
    }
    match (error, code, state) {
        (Some(error), _, _) => Callback::Error { error, description },
        (None, Some(code), Some(state)) => Callback::Code { code, state },
        _ => Callback::None,
    }
}

/// The token endpoint's answer (RFC 6749 §5.1, OpenID Connect Core §3.1.3.3).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct TokenResponse {
    /// The bearer token for the backend.
    pub access_token: String,
    /// Seconds it is valid for.
    pub expires_in: i64,
    /// The ID token (only with `openid`; absent when refreshing may omit it).
    #[serde(default)]
    pub id_token: Option<String>,
    /// For renewing without the user, if the provider gives one.
    #[serde(default)]
    pub refresh_token: Option<String>,
}

/// The claims of an ID token the app reads (Microsoft Entra's names).
#[derive(Debug, Deserialize)]
pub struct IdClaims {
    /// Issuer.
    pub iss: String,
    /// Audience: this app's client id (a string, or an array of them).
    pub aud: Audience,
    /// Expiry (seconds since the epoch).
    pub exp: i64,
    /// The request's nonce.
    #[serde(default)]
    pub nonce: Option<String>,
    /// The user's tenant.
    #[serde(default)]
    pub tid: Option<String>,
    /// The user's object id.
    #[serde(default)]
    pub oid: Option<String>,
    /// The user's name.
    #[serde(default)]
    pub name: Option<String>,
}

/// An ID token's `aud`: one audience as a string, or several as an array
/// of strings (RFC 7519 section 4.1.3). Read by hand: serde's untagged
/// enums carry a whole buffering deserializer into the wasm (issue 12).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Audience(pub Vec<String>);

impl<'de> Deserialize<'de> for Audience {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Either;
        impl<'de> serde::de::Visitor<'de> for Either {
            type Value = Audience;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string or an array of strings")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Audience, E> {
                Ok(Audience(vec![v.to_string()]))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut a: A,
            ) -> Result<Audience, A::Error> {
                let mut all = Vec::new();
                while let Some(one) = a.next_element::<String>()? {
                    all.push(one);
                }
                Ok(Audience(all))
            }
        }
        d.deserialize_any(Either)
    }
}

/// Why an ID token (or an answer) is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SignInProblem {
    /// The answer's state is not the request's (or there was no request).
    StateMismatch,
    /// The ID token cannot be read.
    Unreadable,
    /// Another issuer than the configured one.
    WrongIssuer(String),
    /// Meant for another app.
    WrongAudience,
    /// Expired already.
    Expired,
    /// Not the request's nonce.
    NonceMismatch,
    /// No ID token in the answer.
    NoIdToken,
}

/// Whether `iss` is the configured issuer: equal, or the discovery
/// issuer's [`TENANT_PLACEHOLDER`] filled with the token's own tenant.
pub fn issuer_matches(expected: &str, iss: &str, tid: Option<&str>) -> bool {
    let trim = |s: &str| s.trim_end_matches('/').to_string();
    if trim(expected) == trim(iss) {
        return true;
    }
    match (expected.contains(TENANT_PLACEHOLDER), tid) {
        (true, Some(tid)) if !tid.is_empty() => {
            trim(&expected.replace(TENANT_PLACEHOLDER, tid)) == trim(iss)
        }
        _ => false,
    }
}

/// Reads a JWT's claims (its middle part) without checking its signature
/// (see the module's sources for why the browser may).
pub fn jwt_claims<T: serde::de::DeserializeOwned>(jwt: &str) -> Option<T> {
    let mut parts = jwt.split('.');
    let (_, payload, _) = (parts.next()?, parts.next()?, parts.next()?);
    let bytes = base64url_decode(payload)?;
    // From text, as every other answer is read (crate::json).
    crate::json::from_str(std::str::from_utf8(&bytes).ok()?).ok()
}

/// Checks an ID token against its request (OpenID Connect Core §3.1.3.7):
/// issuer, audience, expiry, nonce. `now_s` in seconds since the epoch.
pub fn check_id_token(
    id_token: &str,
    issuer: &str,
    client_id: &str,
    nonce: &str,
    now_s: i64,
) -> Result<IdClaims, SignInProblem> {
    let claims: IdClaims = jwt_claims(id_token).ok_or(SignInProblem::Unreadable)?;
    if !issuer_matches(issuer, &claims.iss, claims.tid.as_deref()) {
        return Err(SignInProblem::WrongIssuer(claims.iss));
    }
    if !claims.aud.0.iter().any(|a| a == client_id) {
        return Err(SignInProblem::WrongAudience);
    }
    // A minute's grace for clocks that differ.
    if claims.exp + 60 < now_s {
        return Err(SignInProblem::Expired);
    }
    if claims.nonce.as_deref() != Some(nonce) {
        return Err(SignInProblem::NonceMismatch);
    }
    Ok(claims)
}

/// Base64url without padding (RFC 4648 §5), as JWTs and PKCE write it.
pub fn base64url_encode(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = (chunk[0] as u32) << 16
            | (*chunk.get(1).unwrap_or(&0) as u32) << 8
            | *chunk.get(2).unwrap_or(&0) as u32;
        for i in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

/// Decodes base64url, padded or not; `None` for anything else.
pub fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let text = text.trim_end_matches('=');
    if text.len() % 4 == 1 {
        return None;
    }
    let value = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' => 62,
            b'_' => 63,
            _ => return None,
        } as u32)
    };
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    for chunk in text.as_bytes().chunks(4) {
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            n |= value(c)? << (18 - 6 * i);
        }
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&bytes[..chunk.len() - 1]);
    }
    Some(out)
}

/// The PKCE `S256` challenge of a verifier, given its SHA-256.
pub fn code_challenge(verifier_sha256: &[u8]) -> String {
    base64url_encode(verifier_sha256)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pkce_follows_rfc_7636_appendix_b() {
        // The RFC's verifier and the SHA-256 of it; the challenge is the RFC's.
        let verifier_sha256 = [
            19, 211, 30, 150, 26, 26, 216, 236, 47, 22, 177, 12, 76, 152, 46, 8, 118, 168, 120,
            173, 109, 241, 68, 86, 110, 225, 137, 74, 203, 112, 249, 195,
        ];
        assert_eq!(
            code_challenge(&verifier_sha256),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        );
        assert_eq!(
            base64url_decode("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM").unwrap(),
            verifier_sha256
        );
    }

    #[test]
    fn base64url_round_trips_and_refuses_other_alphabets() {
        for len in 0..40 {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + 11) as u8).collect();
            assert_eq!(base64url_decode(&base64url_encode(&bytes)).unwrap(), bytes);
        }
        assert_eq!(base64url_encode(b"\xfb\xff"), "-_8");
        assert_eq!(base64url_decode("+/8="), None, "standard base64 is refused");
        assert_eq!(base64url_decode("A"), None, "one character is no byte");
        assert_eq!(
            base64url_decode("TWE=").unwrap(),
            b"Ma",
            "padding is allowed"
        );
    }

    #[test]
    fn the_authorization_request_carries_pkce_state_nonce_and_openid() {
        let url = AuthorizationRequest {
            endpoint: "https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize",
            client_id: "c0ffee00-0000-4000-8000-000000000001",
            redirect_uri: "https://app.example/reseller/partner/",
            scopes: "api://reseller/access offline_access",
            state: "s t",
            nonce: "n&1",
            code_challenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
            ui_locale: "pt-BR",
        }
        .url();
        assert_eq!(
            url,
            "https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize?client_id=c0ffee00-0000-4000-8000-000000000001&response_type=code&redirect_uri=https%3A%2F%2Fapp.example%2Freseller%2Fpartner%2F&response_mode=query&scope=openid%20api%3A%2F%2Freseller%2Faccess%20offline_access&state=s%20t&nonce=n%261&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256&ui_locales=pt-BR"
        );
    }

    #[test]
    fn the_redirect_back_is_a_code_an_error_or_nothing() {
        assert_eq!(
            callback("?code=abc%2Fd&state=xyz&session_state=1"),
            Callback::Code {
                code: "abc/d".into(),
                state: "xyz".into()
            }
        );
        assert_eq!(
            callback("?error=access_denied&error_description=The+user+cancelled&state=xyz"),
            Callback::Error {
                error: "access_denied".into(),
                description: "The user cancelled".into()
            }
        );
        assert_eq!(
            callback("?invType=ResellerRelationship&partnerId=x"),
            Callback::None
        );
        assert_eq!(callback(""), Callback::None);
    }

    #[test]
    fn the_issuer_may_name_the_users_tenant() {
        let entra = "https://login.microsoftonline.com/{tenantid}/v2.0";
        let tid = "72f988bf-86f1-41af-91ab-2d7cd011db47";
        let iss = format!("https://login.microsoftonline.com/{tid}/v2.0");
        assert!(issuer_matches(entra, &iss, Some(tid)));
        assert!(
            !issuer_matches(entra, &iss, Some("another")),
            "the token's own tenant"
        );
        assert!(!issuer_matches(entra, &iss, None));
        assert!(!issuer_matches(
            entra,
            "https://evil.example/x/v2.0",
            Some("x")
        ));
        assert!(issuer_matches(
            "https://id.example/",
            "https://id.example",
            None
        ));
        assert!(!issuer_matches(
            "https://id.example",
            "https://id.example.evil",
            None
        ));
    }

    fn jwt(claims: &str) -> String {
        format!(
            "{}.{}.sig",
            base64url_encode(br#"{"alg":"RS256"}"#),
            base64url_encode(claims.as_bytes())
        )
    }

    #[test]
    fn an_id_token_must_be_for_this_request_app_and_time() {
        let issuer = "https://id.example/{tenantid}/v2.0";
        let good = jwt(
            r#"{"iss":"https://id.example/t1/v2.0","aud":"app","exp":2000,"nonce":"n","tid":"t1","oid":"u1","name":"Ana Souza"}"#,
        );
        let claims = check_id_token(&good, issuer, "app", "n", 1000).unwrap();
        assert_eq!(claims.name.as_deref(), Some("Ana Souza"));
        let problem = |token: &str, issuer: &str, app: &str, nonce: &str, now: i64| {
            check_id_token(token, issuer, app, nonce, now).err()
        };
        assert_eq!(
            problem(&good, issuer, "app", "other", 1000),
            Some(SignInProblem::NonceMismatch)
        );
        assert_eq!(
            problem(&good, issuer, "other-app", "n", 1000),
            Some(SignInProblem::WrongAudience)
        );
        assert_eq!(
            problem(&good, issuer, "app", "n", 3000),
            Some(SignInProblem::Expired)
        );
        assert!(matches!(
            problem(&good, "https://other.example", "app", "n", 1000),
            Some(SignInProblem::WrongIssuer(_))
        ));
        let many = jwt(
            r#"{"iss":"https://id.example/t1/v2.0","aud":["x","app"],"exp":2000,"nonce":"n","tid":"t1"}"#,
        );
        assert!(check_id_token(&many, issuer, "app", "n", 1000).is_ok());
        let others = jwt(
            r#"{"iss":"https://id.example/t1/v2.0","aud":["x","y"],"exp":2000,"nonce":"n","tid":"t1"}"#,
        );
        assert_eq!(
            problem(&others, issuer, "app", "n", 1000),
            Some(SignInProblem::WrongAudience)
        );
        assert_eq!(
            problem("not a jwt", issuer, "app", "n", 1000),
            Some(SignInProblem::Unreadable)
        );
    }

    #[test]
    fn token_requests_repeat_the_redirect_and_the_verifier() {
        let pending = PendingSignIn {
            state: "s".into(),
            nonce: "n".into(),
            verifier: "v~1".into(),
            redirect_uri: "https://app.example/".into(),
            return_to: "https://app.example/?invType=x".into(),
        };
        assert_eq!(
            code_token_request("app", "c/1", &pending),
            "grant_type=authorization_code&client_id=app&code=c%2F1&redirect_uri=https%3A%2F%2Fapp.example%2F&code_verifier=v~1"
        );
        assert_eq!(
            refresh_token_request("app", "r", "openid offline_access"),
            "grant_type=refresh_token&client_id=app&refresh_token=r&scope=openid%20offline_access"
        );
        assert_eq!(
            PendingSignIn::from_lines(&pending.to_lines()),
            Some(pending)
        );
        assert_eq!(PendingSignIn::from_lines("only\nthree\nlines"), None);
    }
}
