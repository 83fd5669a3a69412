//! The client the UI calls: one interface over the in-browser mock and a real
//! HTTP backend. It adds the bearer token, `MS-CorrelationId` and, on writes,
//! one `MS-RequestId` kept across retries; retries transient failures of
//! reads and keyed writes with backoff; decodes answers through
//! [`super::error::check`].

use super::error::{check, ApiError, ErrorCode};
use super::mock::MockBackend;
use super::ApiRequest;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::cell::RefCell;
use std::rc::Rc;

/// Where requests go.
#[derive(Clone)]
pub enum Backend {
    /// The mock, in this process.
    Mock(Rc<RefCell<MockBackend>>),
    /// A real (or mock-server) backend over HTTP.
    #[cfg(target_arch = "wasm32")]
    Http(super::http::HttpTransport),
}

/// Delays between attempts of a retried call, in milliseconds.
pub const BACKOFF_MS: [u32; 2] = [300, 1200];

/// A client for one signed-in user (or anonymous).
#[derive(Clone)]
pub struct Client {
    backend: Backend,
    token: Option<String>,
    correlation_id: Rc<str>,
}

impl Client {
    /// A client over `backend`, not signed in.
    pub fn new(backend: Backend) -> Self {
        Self {
            backend,
            token: None,
            correlation_id: uuid::Uuid::new_v4().to_string().into(),
        }
    }

    /// The same backend, with a bearer token.
    pub fn with_token(&self, token: Option<String>) -> Self {
        Self {
            token,
            ..self.clone()
        }
    }

    /// The backend.
    pub fn backend(&self) -> &Backend {
        &self.backend
    }

    /// Sends a request and returns the raw body of a 2xx answer.
    pub async fn send(&self, mut req: ApiRequest) -> Result<String, ApiError> {
        if let Some(token) = &self.token {
            req.headers
                .insert("authorization".into(), format!("Bearer {token}"));
        }
        req.headers
            .insert("ms-correlationid".into(), self.correlation_id.to_string());
        let write = req.method != "GET";
        if write && !req.headers.contains_key("ms-requestid") {
            req.headers
                .insert("ms-requestid".into(), uuid::Uuid::new_v4().to_string());
        }
        let mut attempt = 0;
        loop {
            let result = self.send_once(&req).await.and_then(check);
            match result {
                Err(e) if e.is_transient() && attempt < BACKOFF_MS.len() => {
                    crate::api::sleep_ms(BACKOFF_MS[attempt]).await;
                    attempt += 1;
                }
                other => return other,
            }
        }
    }

    async fn send_once(&self, req: &ApiRequest) -> Result<super::ApiResponse, ApiError> {
        match &self.backend {
            Backend::Mock(mock) => {
                let latency = mock.borrow().faults().latency_ms;
                if latency > 0 {
                    crate::api::sleep_ms(latency).await;
                }
                let now = crate::api::now_ms();
                Ok(mock.borrow_mut().handle(req, now))
            }
            #[cfg(target_arch = "wasm32")]
            Backend::Http(http) => http.send(req).await,
        }
    }

    /// `GET` and decode.
    pub async fn get<T: DeserializeOwned>(&self, path: &str) -> Result<T, ApiError> {
        decode(self.send(ApiRequest::new("GET", path)).await?)
    }

    /// A write with a JSON body, decoded answer. `key` is the idempotency key
    /// (pass the same one when the user retries the same action).
    pub async fn write<B: Serialize, T: DeserializeOwned>(
        &self,
        method: &str,
        path: &str,
        body: &B,
        key: Option<&str>,
    ) -> Result<T, ApiError> {
        decode(
            self.send(keyed(ApiRequest::new(method, path).json(body), key))
                .await?,
        )
    }

    /// A write whose answer has no body (204).
    pub async fn write_empty<B: Serialize>(
        &self,
        method: &str,
        path: &str,
        body: Option<&B>,
        key: Option<&str>,
    ) -> Result<(), ApiError> {
        let mut req = ApiRequest::new(method, path);
        if let Some(body) = body {
            req = req.json(body);
        }
        self.send(keyed(req, key)).await.map(|_| ())
    }
}

fn keyed(req: ApiRequest, key: Option<&str>) -> ApiRequest {
    match key {
        Some(k) => req.header("ms-requestid", k),
        None => req,
    }
}

fn decode<T: DeserializeOwned>(body: String) -> Result<T, ApiError> {
    serde_json::from_str(&body).map_err(|e| ApiError {
        code: ErrorCode::Unknown,
        status: 200,
        description: format!("The server's answer could not be read: {e}"),
        data: Vec::new(),
    })
}
