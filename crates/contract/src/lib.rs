//! The backend contract: what travels between the app and any backend (the
//! in-browser mock, the mock server, a real one). Wire types shaped after the
//! Partner Center REST API, the one error table, the route table, and the
//! HTTP-shaped request and response every implementation speaks.

pub mod error;
pub mod graph;
#[cfg(not(target_arch = "wasm32"))]
pub mod openapi;
pub mod operation;
pub mod query;
pub mod wire;

pub use operation::*;

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
            (reseller_domain::link::percent_decode(k) == name)
                .then(|| reseller_domain::link::percent_decode(v))
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
    /// How many seconds the backend asked to wait before trying again: its
    /// `Retry-After` header, on a 429 or a 503 (see
    /// [`error::retry_after_seconds`]).
    pub retry_after_s: Option<u32>,
}

impl ApiResponse {
    /// An answer without `Retry-After`.
    pub fn new(status: u16, body: String) -> Self {
        Self {
            status,
            body,
            retry_after_s: None,
        }
    }
}

/// Percent-encodes a query value (RFC 3986's unreserved characters stay).
pub use reseller_domain::oidc::percent_encode as encode_query;

/// A stable hash of a request (method, path with query, body): FNV-1a 64 in
/// both directions, as 32 hex digits. Stable across builds and platforms, so
/// the client (one idempotency key per open intention) and every backend
/// (replays) agree on what "the same request" is.
pub fn request_hash(method: &str, path: &str, body: &str) -> String {
    let mut forward: u64 = 0xcbf2_9ce4_8422_2325;
    let mut backward: u64 = 0x8422_2325_cbf2_9ce4;
    let parts = [
        method.as_bytes(),
        b"\0",
        path.as_bytes(),
        b"\0",
        body.as_bytes(),
    ];
    for b in parts.iter().flat_map(|p| p.iter()) {
        forward ^= u64::from(*b);
        forward = forward.wrapping_mul(0x0100_0000_01b3);
    }
    for b in parts.iter().rev().flat_map(|p| p.iter().rev()) {
        backward ^= u64::from(*b);
        backward = backward.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{forward:016x}{backward:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_tells_requests_apart() {
        assert_ne!(
            request_hash("PUT", "/a", "b"),
            request_hash("PUT", "/ab", "")
        );
        assert_ne!(
            request_hash("PUT", "/a", "b"),
            request_hash("POST", "/a", "b")
        );
        assert_eq!(request_hash("PUT", "/a", "b").len(), 32);
    }
}
