//! The backend contract: wire types, errors, the client the UI calls, and the
//! mock backend that serves the contract in the browser and natively.
//!
//! Requests and responses are plain HTTP-shaped values ([`ApiRequest`],
//! [`ApiResponse`]) so that the in-browser mock, the mock server and a real
//! backend are interchangeable behind [`client::Client`].

pub mod client;
pub mod error;
pub mod mock;
pub mod routes;
pub mod wire;

#[cfg(target_arch = "wasm32")]
pub mod http;

use std::collections::BTreeMap;

/// An HTTP request, as the contract sees it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ApiRequest {
    /// `GET`, `POST`, `PUT`, `PATCH` or `DELETE`.
    pub method: String,
    /// Path and query, e.g. `/v1/customers?size=50`.
    pub path: String,
    /// Header names in lower case.
    pub headers: BTreeMap<String, String>,
    /// The raw body (JSON), empty when none.
    pub body: String,
}

impl ApiRequest {
    /// A request without headers or body.
    pub fn new(method: &str, path: impl Into<String>) -> Self {
        Self {
            method: method.to_string(),
            path: path.into(),
            ..Self::default()
        }
    }
    /// Adds a header (name lower-cased).
    pub fn header(mut self, name: &str, value: impl Into<String>) -> Self {
        self.headers.insert(name.to_ascii_lowercase(), value.into());
        self
    }
    /// Sets a JSON body.
    pub fn json<T: serde::Serialize>(mut self, body: &T) -> Self {
        self.body = serde_json::to_string(body).unwrap_or_default();
        self
    }
    /// The path without its query.
    pub fn route_path(&self) -> &str {
        self.path.split('?').next().unwrap_or_default()
    }
    /// A decoded query parameter.
    pub fn query(&self, name: &str) -> Option<String> {
        let query = self.path.split_once('?')?.1;
        query.split('&').find_map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (crate::domain::link::percent_decode(k) == name)
                .then(|| crate::domain::link::percent_decode(v))
        })
    }
}

/// An HTTP response.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiResponse {
    /// Status code.
    pub status: u16,
    /// The JSON body, empty for 204.
    pub body: String,
}

/// Milliseconds since the Unix epoch, from the platform clock.
pub fn now_ms() -> i64 {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Date::now() as i64
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_millis() as i64)
    }
}

/// Waits `ms` milliseconds (a browser timer); natively it returns at once so
/// native tests of retries and latency do not wait.
pub async fn sleep_ms(ms: u32) {
    #[cfg(target_arch = "wasm32")]
    {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            if let Some(w) = web_sys::window() {
                let _ =
                    w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms as i32);
            }
        });
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = ms;
    }
}

/// Percent-encodes a query value.
pub fn encode_query(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
