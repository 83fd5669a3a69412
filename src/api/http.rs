//! The HTTP transport (gloo-net): base URL from `config.json`, timeouts via
//! `AbortController`. Status mapping is left to [`super::error::check`].
//!
//! Two waits, each bounded by the configured timeout: for the response
//! headers, then for the body (for a read the page's bootstrap sent
//! already, `platform::early_fetch`, by the bootstrap's own timeout from
//! when it sent it). A write whose success status arrived but
//! whose body did not is reported as [`ErrorCode::Unconfirmed`] ("the change
//! may have been applied"): the client then asks again with the same
//! `MS-RequestId`, which returns the first answer without applying it twice.

use super::error::{ApiError, ErrorCode};
use super::{ApiRequest, ApiResponse};
use gloo_net::http::{Method, RequestBuilder};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Sends contract requests to a base URL.
#[derive(Clone, Debug)]
pub struct HttpTransport {
    /// Base URL without a trailing slash, e.g. `https://api.contoso.example`.
    pub base_url: String,
    /// Abort a wait (for headers, then for the body) after this many milliseconds.
    pub timeout_ms: u32,
}

/// Aborts `controller` after `ms` unless dropped first.
struct Deadline {
    handle: i32,
    _abort: Closure<dyn FnMut()>,
}

impl Deadline {
    fn start(controller: &web_sys::AbortController, ms: u32) -> Option<Self> {
        let c = controller.clone();
        let abort = Closure::once(move || c.abort());
        let handle = web_sys::window()?
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                abort.as_ref().unchecked_ref(),
                ms as i32,
            )
            .ok()?;
        Some(Self {
            handle,
            _abort: abort,
        })
    }
}

impl Drop for Deadline {
    fn drop(&mut self) {
        if let Some(w) = web_sys::window() {
            w.clear_timeout_with_handle(self.handle);
        }
    }
}

impl HttpTransport {
    /// Sends one request.
    pub async fn send(&self, req: &ApiRequest) -> Result<ApiResponse, ApiError> {
        let method = match req.method.as_str() {
            "GET" => Method::GET,
            "POST" => Method::POST,
            "PUT" => Method::PUT,
            "PATCH" => Method::PATCH,
            "DELETE" => Method::DELETE,
            other => return Err(ApiError::network(format!("unsupported method {other}"))),
        };
        let url = format!("{}{}", self.base_url.trim_end_matches('/'), req.path);
        let controller = web_sys::AbortController::new()
            .map_err(|_| ApiError::network("the browser cannot abort requests"))?;
        let mut builder = RequestBuilder::new(&url)
            .method(method)
            .abort_signal(Some(&controller.signal()));
        for (name, value) in &req.headers {
            builder = builder.header(name, value);
        }
        let request = if req.body.is_empty() {
            builder.build()
        } else if req.headers.contains_key("content-type") {
            // A form (the identity provider's token endpoint).
            builder.body(req.body.clone())
        } else {
            builder
                .header("content-type", "application/json")
                .body(req.body.clone())
        }
        .map_err(|e| ApiError::network(format!("the request could not be built: {e}")))?;
        // A read with no header of its own may have been asked for by the
        // page's bootstrap already (the invitation's public view).
        let early = if req.method == "GET" && req.headers.is_empty() {
            crate::platform::early_fetch(&url).await
        } else {
            None
        };
        let waiting = Deadline::start(&controller, self.timeout_ms);
        let sent = match early {
            Some(Ok(response)) => Ok(response),
            // Failed or timed out: this read's first attempt (the client
            // retries it as any other), not a second full wait.
            Some(Err(())) => {
                return Err(ApiError::network(format!(
                    "{} could not be reached (network error, or no answer within {} ms)",
                    self.base_url, self.timeout_ms
                )))
            }
            None => request.send().await,
        };
        let response = match sent {
            Ok(response) => response,
            // A write sent and not answered in time may have been applied.
            Err(e) if controller.signal().aborted() && req.method != "GET" => {
                return Err(ApiError {
                    code: ErrorCode::Unconfirmed,
                    status: 0,
                    description: format!(
                        "{} did not answer within {} ms: the change may have been applied ({e})",
                        self.base_url, self.timeout_ms
                    ),
                    data: Vec::new(),
                })
            }
            Err(e) => {
                return Err(ApiError::network(format!(
                    "{} could not be reached (network error, or no answer within {} ms): {e}",
                    self.base_url, self.timeout_ms
                )))
            }
        };
        drop(waiting);
        let status = response.status();
        // On another origin, readable only where the backend exposes it
        // (Access-Control-Expose-Headers): else the client backs off alone.
        let retry_after_s = response
            .headers()
            .get("retry-after")
            .and_then(|v| super::error::retry_after_seconds(&v));
        let reading = Deadline::start(&controller, self.timeout_ms);
        let body = response.text().await;
        drop(reading);
        match body {
            Ok(body) => Ok(ApiResponse {
                status,
                body,
                retry_after_s,
            }),
            Err(e) if req.method != "GET" && (200..300).contains(&status) => Err(ApiError {
                code: ErrorCode::Unconfirmed,
                status: 0,
                description: format!(
                    "The server accepted the change (HTTP {status}) but its answer did not arrive: the change may have been applied ({e})"
                ),
                data: Vec::new(),
            }),
            Err(e) => Err(ApiError::network(format!(
                "the answer of {} did not arrive (HTTP {status}): {e}",
                self.base_url
            ))),
        }
    }
}
