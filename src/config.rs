//! The deployment's runtime configuration (`config.json` at the app's base):
//! its fields and the checks that turn it into a backend choice, or into an
//! error that names the problem. No browser types: tested natively.

/// The shortest and longest HTTP timeouts a configuration may set, in milliseconds.
pub const TIMEOUT_RANGE_MS: std::ops::RangeInclusive<u32> = 1_000..=120_000;

/// Runtime configuration from `config.json` at the app's base. Unknown
/// fields are refused, so a typo (`baseURL`) is an error, not a silent default.
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Config {
    /// `"mock"` (the default) or `"http"`.
    #[serde(default)]
    pub backend: Option<String>,
    /// The HTTP backend's base URL (required with `"http"`).
    #[serde(default)]
    pub base_url: Option<String>,
    /// HTTP timeout in milliseconds, 1,000 to 120,000 (default 15,000).
    #[serde(default)]
    pub timeout_ms: Option<u32>,
    /// The OpenID Connect issuer users sign in at (required with `"http"`;
    /// for Microsoft Entra ID's multi-tenant apps
    /// `https://login.microsoftonline.com/organizations/v2.0`).
    #[serde(default)]
    pub issuer: Option<String>,
    /// The app's client id at the issuer (a public client: no secret).
    #[serde(default)]
    pub client_id: Option<String>,
    /// The scopes asked for, space-separated (`openid` is always added).
    #[serde(default)]
    pub scopes: Option<String>,
    /// Where the issuer sends the browser back, under each build's root page
    /// (default: the root page itself, so no host needs a rewrite rule).
    #[serde(default)]
    pub redirect_path: Option<String>,
    /// Secrets this public file must never hold: present, the file is refused.
    #[serde(default, rename = "accessToken")]
    access_token: Option<serde::de::IgnoredAny>,
    #[serde(default, rename = "refreshToken")]
    refresh_token: Option<serde::de::IgnoredAny>,
    #[serde(default, rename = "idToken")]
    id_token: Option<serde::de::IgnoredAny>,
    #[serde(default)]
    token: Option<serde::de::IgnoredAny>,
    #[serde(default, rename = "clientSecret")]
    client_secret: Option<serde::de::IgnoredAny>,
    #[serde(default)]
    secret: Option<serde::de::IgnoredAny>,
    #[serde(default)]
    password: Option<serde::de::IgnoredAny>,
    /// Mock fault injection (read by the demo build only; the production
    /// build skips it unread, so its float rates cost it no code).
    #[serde(default)]
    pub faults: Option<FaultsField>,
}

/// `faults` as this build reads it.
#[cfg(feature = "demo")]
pub type FaultsField = crate::api::wire::Faults;
/// `faults` as this build reads it.
#[cfg(not(feature = "demo"))]
pub type FaultsField = serde::de::IgnoredAny;

/// What the configuration asks for.
#[derive(Clone, Debug)]
pub enum BackendChoice {
    /// The in-browser mock (no `config.json`, or `"backend": "mock"`).
    Mock {
        /// Fault injection for the demo.
        faults: Option<crate::api::wire::Faults>,
    },
    /// A backend over HTTP, users signing in at an OpenID Connect issuer.
    Http {
        /// Its base URL.
        base_url: String,
        /// The timeout of each wait.
        timeout_ms: u32,
        /// Where and how users sign in.
        sign_in: SignInSettings,
    },
}

/// How users sign in (OpenID Connect, authorization code with PKCE).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignInSettings {
    /// The issuer (authority) URL, without a trailing slash.
    pub issuer: String,
    /// The app's client id.
    pub client_id: String,
    /// Scopes, space-separated.
    pub scopes: String,
    /// Under each build's root page (`""`: the root page).
    pub redirect_path: String,
}

/// A `config.json` that is present but cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    /// The file's address.
    pub url: String,
    /// What is wrong, in the file's own terms (field names, values).
    pub problem: String,
}

/// The origins a build may call, given when it is built (`BACKEND_ORIGIN`,
/// space-separated, the same variable that writes them into the CSP).
pub fn built_for_origins() -> Vec<&'static str> {
    option_env!("BACKEND_ORIGIN")
        .unwrap_or_default()
        .split_whitespace()
        .collect()
}

pub use crate::domain::oidc::origin_of;

/// A backend on another origin than the page must be one the build (and
/// its Content-Security-Policy) names; the browser would refuse it anyway,
/// so say which origin and how to build for it.
pub fn check_backend_origin(
    base_url: &str,
    page_origin: &str,
    allowed: &[&str],
) -> Result<(), String> {
    let origin = origin_of(base_url);
    if origin.eq_ignore_ascii_case(page_origin)
        || allowed.iter().any(|a| a.eq_ignore_ascii_case(origin))
    {
        return Ok(());
    }
    Err(format!(
        "\"baseUrl\" is on {origin}, which this build does not name (it may call {}); build it with BACKEND_ORIGIN={origin}",
        std::iter::once(page_origin).chain(allowed.iter().copied()).collect::<Vec<_>>().join(", ")
    ))
}

/// Checks a `config.json` text; says what is wrong in the file's terms.
pub fn parse_config(text: &str) -> Result<BackendChoice, String> {
    let config: Config =
        crate::domain::json::from_str(text).map_err(|e| format!("it is not valid: {e}"))?;
    // config.json is served to every visitor: no token, no secret in it.
    for (present, name) in [
        (config.access_token.is_some(), "accessToken"),
        (config.refresh_token.is_some(), "refreshToken"),
        (config.id_token.is_some(), "idToken"),
        (config.token.is_some(), "token"),
        (config.client_secret.is_some(), "clientSecret"),
        (config.secret.is_some(), "secret"),
        (config.password.is_some(), "password"),
    ] {
        if present {
            return Err(format!(
                "it holds \"{name}\": config.json is served to every visitor of the site, so it must hold no token or secret. Remove it; users sign in themselves at the \"issuer\" with the app's \"clientId\" (a public client needs no secret)"
            ));
        }
    }
    match config.backend.as_deref().unwrap_or("mock") {
        #[cfg(feature = "demo")]
        "mock" => Ok(BackendChoice::Mock {
            faults: config.faults,
        }),
        #[cfg(not(feature = "demo"))]
        "mock" => Ok(BackendChoice::Mock { faults: None }),
        "http" => {
            let base_url = config
                .base_url
                .map(|u| u.trim().trim_end_matches('/').to_string())
                .filter(|u| !u.is_empty())
                .ok_or("\"backend\": \"http\" needs \"baseUrl\", the backend's address (for example https://api.contoso.example)")?;
            if !(base_url.starts_with("https://") || base_url.starts_with("http://"))
                || base_url.contains(['?', '#', ' '])
            {
                return Err(format!(
                    "\"baseUrl\" must be an http(s) address without query or fragment, not \"{}\"",
                    base_url.chars().take(100).collect::<String>()
                ));
            }
            let timeout_ms = config.timeout_ms.unwrap_or(15_000);
            if !TIMEOUT_RANGE_MS.contains(&timeout_ms) {
                return Err(format!(
                    "\"timeoutMs\" must be from 1000 to 120000 (1 to 120 seconds), not {timeout_ms}"
                ));
            }
            let issuer = config
                .issuer
                .map(|u| u.trim().trim_end_matches('/').to_string())
                .filter(|u| !u.is_empty())
                .ok_or("\"backend\": \"http\" needs \"issuer\", the OpenID Connect issuer users sign in at (for Microsoft Entra ID: https://login.microsoftonline.com/organizations/v2.0), and \"clientId\"")?;
            if !(issuer.starts_with("https://") || issuer.starts_with("http://"))
                || issuer.contains(['?', '#', ' '])
            {
                return Err(format!(
                    "\"issuer\" must be an http(s) address without query or fragment, not \"{}\"",
                    issuer.chars().take(100).collect::<String>()
                ));
            }
            let client_id = config
                .client_id
                .map(|c| c.trim().to_string())
                .filter(|c| !c.is_empty())
                .ok_or("\"backend\": \"http\" needs \"clientId\", the app's id at the issuer")?;
            let redirect_path = config
                .redirect_path
                .unwrap_or_default()
                .trim()
                .trim_start_matches('/')
                .to_string();
            if redirect_path.contains("..")
                || redirect_path.contains("://")
                || redirect_path.contains(['?', '#', '\\'])
            {
                return Err(format!(
                    "\"redirectPath\" must be a path under the app's pages, like \"\" or \"signed-in\", not \"{}\"",
                    redirect_path.chars().take(100).collect::<String>()
                ));
            }
            Ok(BackendChoice::Http {
                base_url,
                timeout_ms,
                sign_in: SignInSettings {
                    issuer,
                    client_id,
                    scopes: config
                        .scopes
                        .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
                        .unwrap_or_else(|| "openid profile offline_access".into()),
                    redirect_path,
                },
            })
        }
        other => Err(format!(
            "\"backend\" must be \"mock\" or \"http\", not \"{}\"",
            other.chars().take(40).collect::<String>()
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_unusable_config_says_what_is_wrong() {
        let problem = |text: &str| parse_config(text).unwrap_err();
        assert!(problem("{").contains("not valid"));
        assert!(problem(r#"{"backend":"ftp"}"#)
            .contains(r#""backend" must be "mock" or "http", not "ftp""#));
        assert!(problem(r#"{"backend":"http"}"#).contains(r#"needs "baseUrl""#));
        assert!(
            problem(r#"{"backend":"http","baseUrl":"api.example"}"#).contains("http(s) address")
        );
        assert!(
            problem(r#"{"backend":"http","baseUrl":"https://a.example","timeoutMs":500}"#)
                .contains("1000 to 120000")
        );
        assert!(
            problem(r#"{"backend":"http","baseUrl":"https://a.example","timeoutMs":120001}"#)
                .contains("not 120001")
        );
        assert!(problem(r#"{"backend":"http","baseURL":"https://a.example"}"#).contains("baseURL"));
        // A value of the wrong kind: the member to fix is named.
        assert_eq!(
            problem(r#"{"backend":"http","baseUrl":"https://a.example","timeoutMs":"15000"}"#),
            "it is not valid: invalid type: string \"15000\", expected u32, at `timeoutMs`"
        );
        // Sign-in: an issuer and a client id, never a token or a secret.
        assert!(
            problem(r#"{"backend":"http","baseUrl":"https://a.example"}"#)
                .contains(r#"needs "issuer""#)
        );
        assert!(problem(
            r#"{"backend":"http","baseUrl":"https://a.example","issuer":"https://id.example"}"#
        )
        .contains(r#"needs "clientId""#));
        assert!(problem(r#"{"backend":"http","baseUrl":"https://a.example","issuer":"id.example","clientId":"x"}"#).contains(r#""issuer" must be an http(s) address"#));
        for secret in [
            "accessToken",
            "clientSecret",
            "refreshToken",
            "token",
            "password",
        ] {
            let text = format!(
                r#"{{"backend":"http","baseUrl":"https://a.example","issuer":"https://id.example","clientId":"x","{secret}":"s3cr3t"}}"#
            );
            let p = problem(&text);
            assert!(
                p.contains(secret) && p.contains("no token or secret"),
                "{p}"
            );
        }
        assert!(
            problem(r#"{"accessToken":"t"}"#).contains("no token or secret"),
            "even for the mock"
        );
        assert!(problem(r#"{"backend":"http","baseUrl":"https://a.example","issuer":"https://id.example","clientId":"x","redirectPath":"../elsewhere"}"#).contains("redirectPath"));
    }

    #[test]
    fn a_backend_elsewhere_must_be_named_at_build_time() {
        assert_eq!(
            origin_of("https://api.example:8443/v1?x#y"),
            "https://api.example:8443"
        );
        assert!(
            check_backend_origin("https://app.example/api", "https://app.example", &[]).is_ok()
        );
        assert!(check_backend_origin(
            "https://api.example",
            "https://app.example",
            &["https://api.example"]
        )
        .is_ok());
        let e = check_backend_origin(
            "https://evil.example/v1",
            "https://app.example",
            &["https://api.example"],
        )
        .unwrap_err();
        assert!(
            e.contains("https://evil.example") && e.contains("BACKEND_ORIGIN=https://evil.example"),
            "{e}"
        );
    }

    #[test]
    fn usable_configs_choose_their_backend() {
        assert!(matches!(parse_config("{}"), Ok(BackendChoice::Mock { .. })));
        assert!(matches!(
            parse_config(r#"{"backend":"mock"}"#),
            Ok(BackendChoice::Mock { .. })
        ));
        match parse_config(
            r#"{"backend":"http","baseUrl":"https://api.example/","timeoutMs":1000,"issuer":"https://login.microsoftonline.com/organizations/v2.0/","clientId":"c0ffee","scopes":"api://x/access  offline_access"}"#,
        ) {
            Ok(BackendChoice::Http {
                base_url,
                timeout_ms,
                sign_in,
            }) => {
                assert_eq!(base_url, "https://api.example");
                assert_eq!(timeout_ms, 1000);
                assert_eq!(
                    sign_in,
                    SignInSettings {
                        issuer: "https://login.microsoftonline.com/organizations/v2.0".into(),
                        client_id: "c0ffee".into(),
                        scopes: "api://x/access offline_access".into(),
                        redirect_path: String::new(),
                    }
                );
            }
            other => panic!("{other:?}"),
        }
    }
}
