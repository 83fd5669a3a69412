//! The HTTP transport (gloo-net): base URL from `config.json`, a timeout via
//! `AbortController`. Status mapping is left to [`super::error::check`].

use super::error::ApiError;
use super::{ApiRequest, ApiResponse};
use gloo_net::http::{Method, RequestBuilder};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Sends contract requests to a base URL.
#[derive(Clone, Debug)]
pub struct HttpTransport {
    /// Base URL without a trailing slash, e.g. `https://api.contoso.example`.
    pub base_url: String,
    /// Abort a call after this many milliseconds.
    pub timeout_ms: u32,
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
        let controller = web_sys::AbortController::new().ok();
        let mut builder = RequestBuilder::new(&url).method(method);
        for (name, value) in &req.headers {
            builder = builder.header(name, value);
        }
        if let Some(c) = &controller {
            builder = builder.abort_signal(Some(&c.signal()));
        }
        let request = if req.body.is_empty() {
            builder.build()
        } else {
            builder
                .header("content-type", "application/json")
                .body(req.body.clone())
        }
        .map_err(|e| ApiError::network(format!("the request could not be built: {e}")))?;
        // Abort after the timeout; aborting a finished request does nothing,
        // and the one-shot closure frees itself when it runs.
        if let (Some(w), Some(c)) = (web_sys::window(), controller.clone()) {
            let abort = Closure::once_into_js(move || c.abort());
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(
                abort.unchecked_ref(),
                self.timeout_ms as i32,
            );
        }
        let response = request.send().await.map_err(|e| {
            ApiError::network(format!(
                "{} could not be reached (network error or timeout after {} ms): {e}",
                self.base_url, self.timeout_ms
            ))
        })?;
        let status = response.status();
        let body = response.text().await.unwrap_or_default();
        Ok(ApiResponse { status, body })
    }
}
