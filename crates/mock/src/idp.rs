//! The mock server as an OpenID Connect provider, shaped like Microsoft
//! Entra ID's multi-tenant `organizations` authority, so the whole sign-in
//! is tested without the internet (native only: nothing of it reaches the
//! browser). Discovery, an authorize page (English and Portuguese) where a
//! demo user of the seed is chosen, a token endpoint that checks PKCE, JWKS
//! with an RSA key generated at start, and the check of every bearer token
//! (signature, issuer, audience, expiry) with `jsonwebtoken`. The identity it
//! hands to the mock is a [`VerifiedUser`]; the tenant and role rules stay
//! in the mock, shared with the in-browser demo (which carries none of this).
//!
//! Shapes followed: "Microsoft identity platform access tokens" and "ID
//! token claims reference" (<https://learn.microsoft.com/entra/identity-platform/access-token-claims-reference>,
//! <https://learn.microsoft.com/entra/identity-platform/id-token-claims-reference>):
//! `iss` is `https://login.microsoftonline.com/{tid}/v2.0`, with `tid`,
//! `oid`, `sub`, `name`, `preferred_username`, `roles` (app roles), `scp`,
//! `ver: "2.0"`; the `organizations` discovery document names its issuer
//! with the `{tenantid}` placeholder ("OpenID Connect on the Microsoft
//! identity platform"). PKCE per RFC 7636 (`S256` only, as Entra requires
//! for single-page apps).

use crate::backend::VerifiedUser;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use reseller_contract::wire::{DemoIdentities, DemoTenant};
use reseller_domain::ids::{TenantId, UserId};
use reseller_domain::oidc::{base64url_encode, percent_encode, TENANT_PLACEHOLDER};
use reseller_domain::relationship::{CustomerRole, PartnerRole};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The app's client id (a public client: no secret).
pub const CLIENT_ID: &str = "reseller-invitations";
/// The backend API's audience (`aud` of access tokens).
pub const API_AUDIENCE: &str = "api://reseller-invitations";
/// The scopes the app asks for: the API, and refresh tokens.
pub const SCOPES: &str = "api://reseller-invitations/access offline_access";
/// How long an access token lives, by default (Entra: 60–90 minutes).
pub const TOKEN_LIFETIME_S: i64 = 3600;
/// How long an authorization code may wait (Entra: about 10 minutes).
const CODE_LIFETIME_S: i64 = 600;
/// The authority's path (`{origin}{AUTHORITY}` is the configured issuer).
pub const AUTHORITY: &str = "/organizations/v2.0";
/// The authorize endpoint's path.
pub const AUTHORIZE_PATH: &str = "/organizations/oauth2/v2.0/authorize";
/// The token endpoint's path.
pub const TOKEN_PATH: &str = "/organizations/oauth2/v2.0/token";
/// The sign-out endpoint's path.
pub const LOGOUT_PATH: &str = "/organizations/oauth2/v2.0/logout";
/// The JWKS path.
pub const KEYS_PATH: &str = "/discovery/v2.0/keys";

/// An answer of the provider, for the server to send.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IdpReply {
    /// HTTP status.
    pub status: u16,
    /// Content type of the body.
    pub content_type: &'static str,
    /// Where a 302 sends the browser.
    pub location: Option<String>,
    /// The body.
    pub body: String,
}

impl IdpReply {
    fn json(status: u16, body: String) -> Self {
        Self {
            status,
            content_type: "application/json",
            location: None,
            body,
        }
    }
    fn html(status: u16, body: String) -> Self {
        Self {
            status,
            content_type: "text/html; charset=utf-8",
            location: None,
            body,
        }
    }
    fn redirect(to: String) -> Self {
        Self {
            status: 302,
            content_type: "text/plain; charset=utf-8",
            location: Some(to),
            body: String::new(),
        }
    }
    /// An OAuth error at the token endpoint (RFC 6749 §5.2).
    fn oauth_error(error: &str, description: &str) -> Self {
        Self::json(
            400,
            serde_json::json!({ "error": error, "error_description": description }).to_string(),
        )
    }
}

/// Why a bearer token is refused (the server answers 401 with it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TokenRefusal {
    /// Not a JWT this provider signed (malformed, another key, a bad signature).
    BadSignature,
    /// Expired.
    Expired,
    /// For another audience than the API.
    WrongAudience,
    /// Another issuer, or one that does not name the token's own tenant.
    WrongIssuer,
    /// Issued before the provider revoked every session (a test hook).
    Revoked,
    /// Its claims do not name a user and tenant with a role.
    Unusable,
}

impl std::fmt::Display for TokenRefusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            TokenRefusal::BadSignature => "its signature is not this provider's",
            TokenRefusal::Expired => "it expired",
            TokenRefusal::WrongAudience => "it is for another audience",
            TokenRefusal::WrongIssuer => "its issuer is not this provider for its tenant",
            TokenRefusal::Revoked => "its session was ended",
            TokenRefusal::Unusable => "its claims name no user of this service",
        })
    }
}

/// The claims of the tokens this provider issues (Entra's names).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claims {
    /// Issuer: `{origin}/{tid}/v2.0`.
    pub iss: String,
    /// Audience: the API (access tokens) or the client (ID tokens).
    pub aud: String,
    /// Issued at (seconds).
    pub iat: i64,
    /// Not before (seconds).
    pub nbf: i64,
    /// Expiry (seconds).
    pub exp: i64,
    /// The user's tenant.
    pub tid: String,
    /// The user's object id.
    pub oid: String,
    /// The subject (the user's object id here).
    pub sub: String,
    /// Display name.
    pub name: String,
    /// Sign-in name.
    pub preferred_username: String,
    /// App roles: `AdminAgent`, `SalesAgent`, `HelpdeskAgent`,
    /// `GlobalAdministrator`, `BillingAdministrator`, `User`.
    #[serde(default)]
    pub roles: Vec<String>,
    /// Scopes (access tokens).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scp: Option<String>,
    /// The request's nonce (ID tokens).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nonce: Option<String>,
    /// Token version.
    pub ver: String,
}

/// A partner role's app-role name.
pub fn partner_role_name(role: PartnerRole) -> &'static str {
    match role {
        PartnerRole::AdminAgent => "AdminAgent",
        PartnerRole::SalesAgent => "SalesAgent",
        PartnerRole::HelpdeskAgent => "HelpdeskAgent",
    }
}

/// A customer role's app-role name.
pub fn customer_role_name(role: CustomerRole) -> &'static str {
    match role {
        CustomerRole::GlobalAdmin => "GlobalAdministrator",
        CustomerRole::BillingAdmin => "BillingAdministrator",
        CustomerRole::User => "User",
    }
}

/// A user as the provider signs them in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Account {
    /// Object id.
    pub user: String,
    /// Tenant id.
    pub tenant: String,
    /// Display name.
    pub name: String,
    /// Sign-in name.
    pub email: String,
    /// App roles.
    pub roles: Vec<String>,
}

/// The accounts of the demo's identities.
pub fn accounts(ids: &DemoIdentities) -> Vec<Account> {
    fn of(t: &DemoTenant) -> impl Iterator<Item = Account> + '_ {
        t.users.iter().map(|u| Account {
            user: u.id.clone(),
            tenant: t.tenant_id.clone(),
            name: u.display_name.clone(),
            email: u.email.clone(),
            roles: u
                .partner_role
                .map(partner_role_name)
                .into_iter()
                .chain(u.customer_role.map(customer_role_name))
                .map(str::to_string)
                .collect(),
        })
    }
    ids.partners
        .iter()
        .chain(&ids.customers)
        .flat_map(of)
        .collect()
}

/// An authorization code waiting to be exchanged.
#[derive(Clone, Debug)]
struct Grant {
    account: Account,
    client_id: String,
    redirect_uri: String,
    challenge: String,
    nonce: Option<String>,
    expires: i64,
}

/// A refresh token's session.
#[derive(Clone, Debug)]
struct Session {
    account: Account,
    issued: i64,
}

/// The authorization request's parameters, as the authorize page receives
/// and resends them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AuthorizeParams {
    /// `client_id`.
    pub client_id: String,
    /// `redirect_uri`.
    pub redirect_uri: String,
    /// `response_type`.
    pub response_type: String,
    /// `scope`.
    pub scope: String,
    /// `state`.
    pub state: String,
    /// `nonce`.
    pub nonce: String,
    /// `code_challenge`.
    pub code_challenge: String,
    /// `code_challenge_method`.
    pub code_challenge_method: String,
    /// `ui_locales`.
    pub ui_locales: String,
}

impl AuthorizeParams {
    /// Reads them from form or query pairs.
    pub fn from_pairs(pairs: &HashMap<String, String>) -> Self {
        let get = |k: &str| pairs.get(k).cloned().unwrap_or_default();
        Self {
            client_id: get("client_id"),
            redirect_uri: get("redirect_uri"),
            response_type: get("response_type"),
            scope: get("scope"),
            state: get("state"),
            nonce: get("nonce"),
            code_challenge: get("code_challenge"),
            code_challenge_method: get("code_challenge_method"),
            ui_locales: get("ui_locales"),
        }
    }

    fn pairs(&self) -> [(&'static str, &str); 9] {
        [
            ("client_id", &self.client_id),
            ("redirect_uri", &self.redirect_uri),
            ("response_type", &self.response_type),
            ("scope", &self.scope),
            ("state", &self.state),
            ("nonce", &self.nonce),
            ("code_challenge", &self.code_challenge),
            ("code_challenge_method", &self.code_challenge_method),
            ("ui_locales", &self.ui_locales),
        ]
    }

    fn portuguese(&self) -> bool {
        self.ui_locales.to_ascii_lowercase().starts_with("pt")
    }
}

/// Reads `application/x-www-form-urlencoded` text (a body or a query).
pub fn form_pairs(text: &str) -> HashMap<String, String> {
    text.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            let decode = |s: &str| reseller_domain::link::percent_decode(&s.replace('+', " "));
            (decode(k), decode(v))
        })
        .collect()
}

/// The provider: its key, the codes and sessions it handed out.
pub struct Idp {
    /// The issuer's origin (`http://127.0.0.1:<port>`): stable whatever
    /// name the browser used.
    issuer_origin: String,
    kid: String,
    encoding: EncodingKey,
    decoding: DecodingKey,
    /// The public key's modulus and exponent, base64url (JWKS).
    n: String,
    e: String,
    grants: HashMap<String, Grant>,
    sessions: HashMap<String, Session>,
    /// Tokens issued before this (seconds) are refused.
    revoked_before: i64,
    /// Access tokens' lifetime.
    pub lifetime_s: i64,
    /// Origins whose pages may be redirected to (the app's).
    allowed_redirect_origins: Vec<String>,
}

impl Idp {
    /// A provider for the server at `issuer_origin`, with a fresh RSA key,
    /// sending browsers back only to `allowed_redirect_origins`.
    pub fn new(issuer_origin: &str, allowed_redirect_origins: Vec<String>) -> Self {
        use rsa::pkcs1::EncodeRsaPrivateKey;
        use rsa::traits::PublicKeyParts;
        let key = rsa::RsaPrivateKey::new(&mut rand::thread_rng(), 2048).expect("an RSA key");
        let der = key.to_pkcs1_der().expect("the key as DER");
        let n = base64url_encode(&key.n().to_bytes_be());
        let e = base64url_encode(&key.e().to_bytes_be());
        let kid = base64url_encode(&random_bytes(9));
        Self {
            issuer_origin: issuer_origin.trim_end_matches('/').to_string(),
            kid,
            encoding: EncodingKey::from_rsa_der(der.as_bytes()),
            decoding: DecodingKey::from_rsa_components(&n, &e).expect("the public key"),
            n,
            e,
            grants: HashMap::new(),
            sessions: HashMap::new(),
            revoked_before: 0,
            lifetime_s: TOKEN_LIFETIME_S,
            allowed_redirect_origins,
        }
    }

    /// The issuer of `tenant`'s tokens.
    pub fn issuer(&self, tenant: &str) -> String {
        format!("{}/{tenant}/v2.0", self.issuer_origin)
    }

    /// The discovery document, its endpoints on `origin` (the name the
    /// browser used).
    pub fn discovery(&self, origin: &str) -> IdpReply {
        IdpReply::json(
            200,
            serde_json::json!({
                "issuer": self.issuer(TENANT_PLACEHOLDER),
                "authorization_endpoint": format!("{origin}{AUTHORIZE_PATH}"),
                "token_endpoint": format!("{origin}{TOKEN_PATH}"),
                "end_session_endpoint": format!("{origin}{LOGOUT_PATH}"),
                "jwks_uri": format!("{origin}{KEYS_PATH}"),
                "response_types_supported": ["code"],
                "response_modes_supported": ["query"],
                "subject_types_supported": ["pairwise"],
                "id_token_signing_alg_values_supported": ["RS256"],
                "code_challenge_methods_supported": ["S256"],
                "scopes_supported": ["openid", "profile", "email", "offline_access"],
                "claims_supported": ["sub", "iss", "aud", "exp", "iat", "nonce", "name", "tid", "oid", "preferred_username", "roles", "ver"],
                "tenant_region_scope": null
            })
            .to_string(),
        )
    }

    /// The signing key (JWKS).
    pub fn keys(&self) -> IdpReply {
        IdpReply::json(
            200,
            serde_json::json!({ "keys": [{ "kty": "RSA", "use": "sig", "alg": "RS256", "kid": self.kid, "n": self.n, "e": self.e }] }).to_string(),
        )
    }

    /// Why an authorization request cannot be served, if it cannot.
    fn refuse(&self, p: &AuthorizeParams) -> Option<String> {
        if p.client_id != CLIENT_ID {
            return Some(format!(
                "client_id “{}” is not an application of this provider",
                p.client_id
            ));
        }
        let origin = reseller_domain::oidc::origin_of(&p.redirect_uri);
        if !self
            .allowed_redirect_origins
            .iter()
            .any(|o| o.eq_ignore_ascii_case(origin))
        {
            return Some(format!(
                "redirect_uri “{}” is not registered for the application",
                p.redirect_uri
            ));
        }
        if p.response_type != "code" {
            return Some("response_type must be code (the authorization code flow)".into());
        }
        if p.code_challenge_method != "S256" || p.code_challenge.len() < 43 {
            return Some("PKCE is required: code_challenge with code_challenge_method S256".into());
        }
        if p.state.is_empty() {
            return Some("state is required".into());
        }
        if !p.scope.split_whitespace().any(|s| s == "openid") {
            return Some("scope must include openid".into());
        }
        None
    }

    /// The authorize page: who signs in (a demo user of the seed: partner
    /// agents, customer administrators), in the request's language.
    pub fn authorize_page(&self, p: &AuthorizeParams, ids: &DemoIdentities) -> IdpReply {
        let pt = p.portuguese();
        let t = |en: &'static str, pt_br: &'static str| if pt { pt_br } else { en };
        if let Some(problem) = self.refuse(p) {
            return refusal(pt, &problem);
        }
        let hidden: String = p
            .pairs()
            .iter()
            .map(|(k, v)| {
                format!(
                    "<input type=\"hidden\" name=\"{k}\" value=\"{}\">",
                    escape(v)
                )
            })
            .collect();
        let role = |roles: &[String]| -> String {
            roles
                .iter()
                .map(|r| match (r.as_str(), pt) {
                    ("AdminAgent", false) => "Admin agent",
                    ("AdminAgent", true) => "Agente administrador",
                    ("SalesAgent", false) => "Sales agent",
                    ("SalesAgent", true) => "Agente de vendas",
                    ("HelpdeskAgent", false) => "Helpdesk agent",
                    ("HelpdeskAgent", true) => "Agente de suporte técnico",
                    ("GlobalAdministrator", false) => "Global administrator",
                    ("GlobalAdministrator", true) => "Administrador global",
                    ("BillingAdministrator", false) => "Billing administrator",
                    ("BillingAdministrator", true) => "Administrador de cobrança",
                    (_, false) => "User",
                    (_, true) => "Usuário",
                })
                .collect::<Vec<_>>()
                .join(", ")
        };
        let section = |title: &str, tenants: &[DemoTenant], admins_only: bool| -> String {
            let mut out = format!("<h2>{title}</h2>");
            for tenant in tenants {
                let accounts: Vec<Account> = accounts(&DemoIdentities {
                    partners: vec![tenant.clone()],
                    customers: vec![],
                })
                .into_iter()
                .filter(|a| !admins_only || a.roles.iter().any(|r| r.ends_with("Administrator")))
                .collect();
                if accounts.is_empty() {
                    continue;
                }
                out.push_str(&format!(
                    "<section><h3>{}</h3><ul>",
                    escape(&tenant.company_name)
                ));
                for a in accounts {
                    out.push_str(&format!(
                        "<li><button type=\"submit\" name=\"user\" value=\"{}\">{} {}, {}</button> <span>{}</span></li>",
                        escape(&a.user),
                        t("Sign in as", "Entrar como"),
                        escape(&a.name),
                        role(&a.roles),
                        escape(&a.email)
                    ));
                }
                out.push_str("</ul></section>");
            }
            out
        };
        let body = format!(
            "<p>{}</p><form method=\"post\" action=\"{AUTHORIZE_PATH}\">{hidden}{}{}</form>\
             <h2>{}</h2><form method=\"post\" action=\"{AUTHORIZE_PATH}\">{hidden}<input type=\"hidden\" name=\"new_org\" value=\"1\">\
             <p><label>{} <input name=\"companyName\" required></label></p><p><label>{} <input name=\"domain\" required></label></p>\
             <p><label>{} <input name=\"country\" required maxlength=\"2\"></label></p><p><label>{} <input name=\"adminName\" required></label></p>\
             <p><label>{} <input name=\"adminEmail\" type=\"email\" required></label></p>\
             <p><button type=\"submit\">{}</button></p></form>",
            t(
                "Demo identity provider: choose who signs in. A real deployment signs in with Microsoft Entra ID.",
                "Provedor de identidade de demonstração: escolha quem entra. Uma implantação real entra com o Microsoft Entra ID."
            ),
            section(t("Partners", "Parceiros"), &ids.partners, false),
            section(t("Customers", "Clientes"), &ids.customers, true),
            t("A new organization", "Uma nova organização"),
            t("Company name", "Nome da empresa"),
            t("Domain", "Domínio"),
            t("Country (ISO code)", "País (código ISO)"),
            t("Administrator's name", "Nome do administrador"),
            t("Administrator's email", "Email do administrador"),
            t("Create the organization and sign in", "Criar a organização e entrar"),
        );
        IdpReply::html(200, page(pt, t("Sign in", "Entrar"), &body))
    }

    /// The user chose an account: a code for it, back to the app.
    pub fn authorize(&mut self, p: &AuthorizeParams, account: Account, now_s: i64) -> IdpReply {
        if let Some(problem) = self.refuse(p) {
            return refusal(p.portuguese(), &problem);
        }
        let code = base64url_encode(&random_bytes(32));
        self.grants.retain(|_, g| g.expires > now_s);
        self.grants.insert(
            code.clone(),
            Grant {
                account,
                client_id: p.client_id.clone(),
                redirect_uri: p.redirect_uri.clone(),
                challenge: p.code_challenge.clone(),
                nonce: (!p.nonce.is_empty()).then(|| p.nonce.clone()),
                expires: now_s + CODE_LIFETIME_S,
            },
        );
        let sep = if p.redirect_uri.contains('?') {
            '&'
        } else {
            '?'
        };
        IdpReply::redirect(format!(
            "{}{sep}code={}&state={}",
            p.redirect_uri,
            percent_encode(&code),
            percent_encode(&p.state)
        ))
    }

    /// Sends the browser back to the app, refused (the user cancelled).
    pub fn deny(&self, p: &AuthorizeParams) -> IdpReply {
        match self.refuse(p) {
            Some(problem) => refusal(p.portuguese(), &problem),
            None => IdpReply::redirect(format!(
                "{}?error=access_denied&error_description={}&state={}",
                p.redirect_uri,
                percent_encode("The user cancelled the sign-in"),
                percent_encode(&p.state)
            )),
        }
    }

    /// The token endpoint (RFC 6749 §4.1.3, §6; RFC 7636 §4.6).
    pub fn token(&mut self, form: &HashMap<String, String>, now_s: i64) -> IdpReply {
        let get = |k: &str| form.get(k).map(String::as_str).unwrap_or_default();
        if get("client_id") != CLIENT_ID {
            return IdpReply::oauth_error("invalid_client", "Unknown client_id");
        }
        match get("grant_type") {
            "authorization_code" => {
                let Some(grant) = self.grants.remove(get("code")) else {
                    return IdpReply::oauth_error(
                        "invalid_grant",
                        "The code is unknown or was used already",
                    );
                };
                if grant.expires < now_s {
                    return IdpReply::oauth_error("invalid_grant", "The code expired");
                }
                if grant.client_id != get("client_id") || grant.redirect_uri != get("redirect_uri")
                {
                    return IdpReply::oauth_error(
                        "invalid_grant",
                        "The code was issued to another client or redirect_uri",
                    );
                }
                use sha2::Digest;
                let challenge =
                    base64url_encode(&sha2::Sha256::digest(get("code_verifier").as_bytes()));
                if get("code_verifier").len() < 43 || challenge != grant.challenge {
                    return IdpReply::oauth_error(
                        "invalid_grant",
                        "The code_verifier does not match the code_challenge (PKCE)",
                    );
                }
                self.tokens(grant.account, grant.nonce, now_s)
            }
            "refresh_token" => {
                let Some(session) = self.sessions.remove(get("refresh_token")) else {
                    return IdpReply::oauth_error(
                        "invalid_grant",
                        "The refresh token is unknown or was used already",
                    );
                };
                if session.issued < self.revoked_before {
                    return IdpReply::oauth_error(
                        "invalid_grant",
                        "The session was ended; sign in again",
                    );
                }
                self.tokens(session.account, None, now_s)
            }
            other => IdpReply::oauth_error(
                "unsupported_grant_type",
                &format!("grant_type “{other}” is not supported"),
            ),
        }
    }

    fn sign(&self, claims: &Claims) -> String {
        let mut header = Header::new(Algorithm::RS256);
        header.kid = Some(self.kid.clone());
        jsonwebtoken::encode(&header, claims, &self.encoding).expect("a signed token")
    }

    /// An access token for `account` (tests mint them too).
    pub fn access_token(&self, account: &Account, now_s: i64) -> String {
        self.sign(&self.claims(account, API_AUDIENCE, now_s, Some("access".into()), None))
    }

    fn claims(
        &self,
        a: &Account,
        aud: &str,
        now_s: i64,
        scp: Option<String>,
        nonce: Option<String>,
    ) -> Claims {
        Claims {
            iss: self.issuer(&a.tenant),
            aud: aud.into(),
            iat: now_s,
            nbf: now_s,
            exp: now_s + self.lifetime_s,
            tid: a.tenant.clone(),
            oid: a.user.clone(),
            sub: a.user.clone(),
            name: a.name.clone(),
            preferred_username: a.email.clone(),
            roles: a.roles.clone(),
            scp,
            nonce,
            ver: "2.0".into(),
        }
    }

    fn tokens(&mut self, account: Account, nonce: Option<String>, now_s: i64) -> IdpReply {
        let refresh = base64url_encode(&random_bytes(32));
        let access = self.access_token(&account, now_s);
        let id = self.sign(&self.claims(&account, CLIENT_ID, now_s, None, nonce));
        self.sessions.insert(
            refresh.clone(),
            Session {
                account,
                issued: now_s,
            },
        );
        IdpReply::json(
            200,
            serde_json::json!({
                "token_type": "Bearer",
                "scope": SCOPES,
                "expires_in": self.lifetime_s,
                "access_token": access,
                "id_token": id,
                "refresh_token": refresh,
            })
            .to_string(),
        )
    }

    /// Ends every session: tokens and refresh tokens issued until now are
    /// refused (a test hook: "the session expired").
    pub fn revoke_all(&mut self, now_s: i64) {
        self.revoked_before = now_s + 1;
        self.sessions.clear();
    }

    /// Checks a bearer token: signature, issuer (naming its own tenant),
    /// audience, expiry; then who it names.
    pub fn verify(&self, token: &str, now_s: i64) -> Result<VerifiedUser, TokenRefusal> {
        use jsonwebtoken::errors::ErrorKind;
        let mut validation = Validation::new(Algorithm::RS256);
        validation.set_audience(&[API_AUDIENCE]);
        // Times are checked below against the mock's clock (which tests and
        // the demo may move), not the system's.
        validation.validate_exp = false;
        validation.validate_nbf = false;
        validation.set_required_spec_claims(&["exp", "aud", "iss", "nbf"]);
        let data = jsonwebtoken::decode::<Claims>(token, &self.decoding, &validation).map_err(
            |e| match e.kind() {
                ErrorKind::ExpiredSignature => TokenRefusal::Expired,
                ErrorKind::InvalidAudience => TokenRefusal::WrongAudience,
                _ => TokenRefusal::BadSignature,
            },
        )?;
        let c = data.claims;
        if c.exp <= now_s {
            return Err(TokenRefusal::Expired);
        }
        if c.nbf > now_s + 60 {
            return Err(TokenRefusal::Unusable);
        }
        if c.iss != self.issuer(&c.tid) {
            return Err(TokenRefusal::WrongIssuer);
        }
        if c.iat < self.revoked_before {
            return Err(TokenRefusal::Revoked);
        }
        let user: UserId = c.oid.parse().map_err(|_| TokenRefusal::Unusable)?;
        let tenant: TenantId = c.tid.parse().map_err(|_| TokenRefusal::Unusable)?;
        let partner_role = c.roles.iter().find_map(|r| match r.as_str() {
            "AdminAgent" => Some(PartnerRole::AdminAgent),
            "SalesAgent" => Some(PartnerRole::SalesAgent),
            "HelpdeskAgent" => Some(PartnerRole::HelpdeskAgent),
            _ => None,
        });
        let customer_role = c.roles.iter().find_map(|r| match r.as_str() {
            "GlobalAdministrator" => Some(CustomerRole::GlobalAdmin),
            "BillingAdministrator" => Some(CustomerRole::BillingAdmin),
            "User" => Some(CustomerRole::User),
            _ => None,
        });
        if partner_role.is_none() && customer_role.is_none() {
            return Err(TokenRefusal::Unusable);
        }
        Ok(VerifiedUser {
            user,
            tenant,
            partner_role,
            customer_role,
        })
    }

    /// Signs out: back to the app if its address is registered.
    pub fn logout(&self, query: &HashMap<String, String>) -> IdpReply {
        match query.get("post_logout_redirect_uri") {
            Some(to)
                if self
                    .allowed_redirect_origins
                    .iter()
                    .any(|o| o.eq_ignore_ascii_case(reseller_domain::oidc::origin_of(to))) =>
            {
                IdpReply::redirect(to.clone())
            }
            _ => IdpReply::html(
                200,
                page(
                    false,
                    "Signed out",
                    "<p>You are signed out. / Você saiu.</p>",
                ),
            ),
        }
    }
}

/// A page saying why a sign-in cannot be served (400).
pub fn refusal(pt: bool, problem: &str) -> IdpReply {
    let title = if pt {
        "O pedido de entrada não pode ser atendido"
    } else {
        "The sign-in request cannot be served"
    };
    IdpReply::html(
        400,
        page(
            pt,
            title,
            &format!("<p role=\"alert\">{}</p>", escape(problem)),
        ),
    )
}

fn random_bytes(n: usize) -> Vec<u8> {
    use rand::RngCore;
    let mut bytes = vec![0u8; n];
    rand::thread_rng().fill_bytes(&mut bytes);
    bytes
}

/// Text as HTML text or attribute value.
pub fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

fn page(pt: bool, title: &str, body: &str) -> String {
    format!(
        "<!doctype html><html lang=\"{}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}</title><link rel=\"icon\" href=\"data:,\"></head><body><main><h1>{title}</h1>{body}</main></body></html>",
        if pt { "pt-BR" } else { "en" }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn account() -> Account {
        Account {
            user: "0de00000-0000-4001-8000-00000000a001".into(),
            tenant: "0de00000-0000-4001-8000-000000000001".into(),
            name: "Ana Souza".into(),
            email: "ana@fabrikam.example".into(),
            roles: vec!["AdminAgent".into()],
        }
    }

    fn params() -> AuthorizeParams {
        AuthorizeParams {
            client_id: CLIENT_ID.into(),
            redirect_uri: "http://127.0.0.1:9/partner/".into(),
            response_type: "code".into(),
            scope: format!("openid {SCOPES}"),
            state: "st".into(),
            nonce: "no".into(),
            // The RFC 7636 appendix B pair.
            code_challenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM".into(),
            code_challenge_method: "S256".into(),
            ui_locales: "en".into(),
        }
    }

    fn idp() -> Idp {
        Idp::new("http://127.0.0.1:9", vec!["http://127.0.0.1:9".into()])
    }

    #[test]
    fn a_code_is_exchanged_once_with_its_verifier() {
        let mut idp = idp();
        let reply = idp.authorize(&params(), account(), 1_000);
        let to = reply.location.unwrap();
        assert!(to.starts_with("http://127.0.0.1:9/partner/?code="), "{to}");
        let code = form_pairs(to.split_once('?').unwrap().1)["code"].clone();
        let mut form = HashMap::from([
            ("grant_type".to_string(), "authorization_code".to_string()),
            ("client_id".into(), CLIENT_ID.into()),
            ("code".into(), code.clone()),
            ("redirect_uri".into(), "http://127.0.0.1:9/partner/".into()),
            (
                "code_verifier".into(),
                "not the verifier, but long enough to be one of them".into(),
            ),
        ]);
        assert_eq!(idp.token(&form, 1_001).status, 400, "a wrong verifier");
        // The code went with the failed attempt: a stolen code is worth one try.
        form.insert(
            "code_verifier".into(),
            "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk".into(),
        );
        assert_eq!(idp.token(&form, 1_001).status, 400, "used already");
        let to = idp.authorize(&params(), account(), 1_000).location.unwrap();
        form.insert(
            "code".into(),
            form_pairs(to.split_once('?').unwrap().1)["code"].clone(),
        );
        let ok = idp.token(&form, 1_001);
        assert_eq!(ok.status, 200, "{}", ok.body);
        let tokens: serde_json::Value = serde_json::from_str(&ok.body).unwrap();
        let access = tokens["access_token"].as_str().unwrap();
        let who = idp.verify(access, 1_002).unwrap();
        assert_eq!(who.partner_role, Some(PartnerRole::AdminAgent));
        let id: Claims =
            reseller_domain::oidc::jwt_claims(tokens["id_token"].as_str().unwrap()).unwrap();
        assert_eq!(
            (id.aud.as_str(), id.nonce.as_deref()),
            (CLIENT_ID, Some("no"))
        );
        assert_eq!(
            id.iss,
            "http://127.0.0.1:9/0de00000-0000-4001-8000-000000000001/v2.0"
        );
        // Renewed with the refresh token, which then is spent.
        let refresh = HashMap::from([
            ("grant_type".to_string(), "refresh_token".to_string()),
            ("client_id".into(), CLIENT_ID.into()),
            (
                "refresh_token".into(),
                tokens["refresh_token"].as_str().unwrap().to_string(),
            ),
        ]);
        assert_eq!(idp.token(&refresh, 2_000).status, 200);
        assert_eq!(idp.token(&refresh, 2_000).status, 400);
    }

    #[test]
    fn bad_tokens_are_refused_each_for_its_reason() {
        let idp = idp();
        let token = idp.access_token(&account(), 1_000);
        assert!(idp.verify(&token, 1_000).is_ok());
        assert_eq!(
            idp.verify(&token, 1_000 + TOKEN_LIFETIME_S),
            Err(TokenRefusal::Expired)
        );
        // Another provider's key.
        let other = super::Idp::new("http://127.0.0.1:9", vec![]);
        assert_eq!(
            idp.verify(&other.access_token(&account(), 1_000), 1_000),
            Err(TokenRefusal::BadSignature)
        );
        // A changed claim breaks the signature.
        let mut parts: Vec<String> = token.split('.').map(str::to_string).collect();
        let mut claims: Claims = reseller_domain::oidc::jwt_claims(&token).unwrap();
        claims.roles = vec!["GlobalAdministrator".into()];
        parts[1] = base64url_encode(serde_json::to_string(&claims).unwrap().as_bytes());
        assert_eq!(
            idp.verify(&parts.join("."), 1_000),
            Err(TokenRefusal::BadSignature)
        );
        // An ID token is not an access token.
        let id = idp.sign(&idp.claims(&account(), CLIENT_ID, 1_000, None, None));
        assert_eq!(idp.verify(&id, 1_000), Err(TokenRefusal::WrongAudience));
        // An issuer that does not name the token's tenant.
        let mut wrong = idp.claims(&account(), API_AUDIENCE, 1_000, None, None);
        wrong.iss = idp.issuer("0de00000-0000-4002-8000-000000000002");
        assert_eq!(
            idp.verify(&idp.sign(&wrong), 1_000),
            Err(TokenRefusal::WrongIssuer)
        );
        assert_eq!(
            idp.verify("not.a.jwt", 1_000),
            Err(TokenRefusal::BadSignature)
        );
    }

    #[test]
    fn the_authorize_page_refuses_what_entra_would() {
        let idp = idp();
        let ids = DemoIdentities {
            partners: vec![],
            customers: vec![],
        };
        assert_eq!(idp.authorize_page(&params(), &ids).status, 200);
        for broken in [
            AuthorizeParams {
                code_challenge_method: "plain".into(),
                ..params()
            },
            AuthorizeParams {
                code_challenge: String::new(),
                ..params()
            },
            AuthorizeParams {
                redirect_uri: "https://evil.example/".into(),
                ..params()
            },
            AuthorizeParams {
                client_id: "another".into(),
                ..params()
            },
            AuthorizeParams {
                state: String::new(),
                ..params()
            },
        ] {
            assert_eq!(idp.authorize_page(&broken, &ids).status, 400, "{broken:?}");
        }
        let pt = idp.authorize_page(
            &AuthorizeParams {
                ui_locales: "pt-BR".into(),
                ..params()
            },
            &ids,
        );
        assert!(pt.body.contains("lang=\"pt-BR\"") && pt.body.contains("Entrar"));
    }
}
