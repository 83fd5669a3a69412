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
    /// With a real backend: the access token of the configured identity.
    #[serde(default)]
    pub access_token: Option<String>,
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
    /// A backend over HTTP.
    Http {
        /// Its base URL.
        base_url: String,
        /// The timeout of each wait.
        timeout_ms: u32,
        /// The configured identity's token.
        access_token: Option<String>,
    },
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
    let config: Config = serde_json::from_str(text).map_err(|e| format!("it is not valid: {e}"))?;
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
            Ok(BackendChoice::Http {
                base_url,
                timeout_ms,
                access_token: config.access_token,
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
            r#"{"backend":"http","baseUrl":"https://api.example/","timeoutMs":1000}"#,
        ) {
            Ok(BackendChoice::Http {
                base_url,
                timeout_ms,
                ..
            }) => {
                assert_eq!(base_url, "https://api.example");
                assert_eq!(timeout_ms, 1000);
            }
            other => panic!("{other:?}"),
        }
    }
}
