//! The client the UI calls: one interface over the in-browser mock and a real
//! HTTP backend. It adds the bearer token, `MS-CorrelationId` (not on a read
//! without a token) and, on writes, one `MS-RequestId` kept across retries;
//! retries transient failures of reads and keyed writes with backoff;
//! decodes answers through [`super::error::check`].

use super::error::{check, ApiError, ErrorCode};
#[cfg(feature = "demo")]
use super::mock::MockBackend;
use super::ApiRequest;
use reseller_contract::Operation;
use serde::de::DeserializeOwned;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// Where requests go.
#[derive(Clone)]
pub enum Backend {
    /// The mock, in this process (the demo build only).
    #[cfg(feature = "demo")]
    Mock(Rc<RefCell<MockBackend>>),
    /// A real (or mock-server) backend over HTTP.
    #[cfg(target_arch = "wasm32")]
    Http(super::http::HttpTransport),
}

/// Delays between attempts of a retried call, in milliseconds.
pub const BACKOFF_MS: [u32; 2] = [300, 1200];

/// The longest a call waits in all when the backend asks it to wait
/// (`Retry-After`), in seconds: longer, its error is shown to try again
/// later rather than a button waiting for minutes.
pub const MAX_WAIT_S: u32 = 120;

/// The Web Locks name under which the in-browser mock's writes run.
pub const MOCK_LOCK: &str = "reseller-invitations.mock";

/// One idempotency key per user intention. A write sent without an explicit
/// key gets the key of the last identical request (same method, path, body
/// and version named) whose outcome is still unknown: a retry, a second press while the
/// first is under way, or a "Try again" after a lost answer all reuse it, so
/// the backend applies the change once. A definite answer (success or a
/// refusal) ends the intention: the next identical request is a new one.
#[derive(Clone, Default)]
pub struct Intents(Rc<RefCell<HashMap<String, String>>>);

impl Intents {
    fn key_for(&self, req: &ApiRequest) -> String {
        self.0
            .borrow_mut()
            .entry(signature(req))
            .or_insert_with(|| uuid::Uuid::new_v4().to_string())
            .clone()
    }
    fn settled(&self, req: &ApiRequest) {
        self.0.borrow_mut().remove(&signature(req));
    }
    /// How many intentions are still open (outcome unknown).
    pub fn open(&self) -> usize {
        self.0.borrow().len()
    }
}

/// What makes two requests one intention: method, path, body and the
/// version a change names (`If-Match`). The same change at a version read
/// since is a new intention, so the answer of an older one whose outcome
/// was lost is never replayed for it (on, answer lost, off, on again: the
/// third is made, not answered with the first's answer).
fn signature(req: &ApiRequest) -> String {
    let body = match req.headers.get("if-match") {
        Some(version) => format!("{}\0{version}", req.body),
        None => req.body.clone(),
    };
    reseller_contract::request_hash(&req.method, &req.path, &body)
}

/// Told when the backend refuses a client's token (401): the session may
/// be renewed, or must be signed in again.
type TokenRefused = Rc<RefCell<Option<Rc<dyn Fn()>>>>;

/// A call waiting as the backend asked (`Retry-After`): which call (a
/// number of its own), how many seconds, and whether it was throttled (429)
/// rather than unavailable (503).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Wait {
    /// The waiting call's number (unique in the page).
    pub call: u64,
    /// The seconds asked for.
    pub seconds: u32,
    /// Too many requests (429), rather than the service unavailable (503).
    pub throttled: bool,
}

/// Told when a call starts waiting ([`Wait`]) and when it goes on (its
/// number alone), whether it waited to the end or was dropped meanwhile.
type Waiting = Rc<RefCell<Option<Rc<dyn Fn(u64, Option<Wait>)>>>>;

/// Tells the hook that its call (`.1`) goes on, when dropped: after its wait, or
/// when the call itself is dropped mid-wait (its page went away).
struct GoingOn<'a>(&'a Client, u64);

impl Drop for GoingOn<'_> {
    fn drop(&mut self) {
        self.0.tell_waiting(self.1, None);
    }
}

/// A client for one signed-in user (or anonymous).
#[derive(Clone)]
pub struct Client {
    backend: Backend,
    token: Option<String>,
    correlation_id: Rc<str>,
    intents: Intents,
    token_refused: TokenRefused,
    waiting: Waiting,
}

impl Client {
    /// A client over `backend`, not signed in.
    pub fn new(backend: Backend) -> Self {
        Self {
            backend,
            token: None,
            correlation_id: uuid::Uuid::new_v4().to_string().into(),
            intents: Intents::default(),
            token_refused: Rc::default(),
            waiting: Rc::default(),
        }
    }

    /// Calls `f` whenever the backend refuses the token of a request that
    /// carried one (for every client made from this one).
    pub fn on_token_refused(&self, f: Rc<dyn Fn()>) {
        *self.token_refused.borrow_mut() = Some(f);
    }

    /// Calls `f` when a call starts waiting as the backend asked
    /// (`Retry-After`: the [`Wait`]) and when it goes on (its number and
    /// `None`), for every client made from this one.
    pub fn on_waiting(&self, f: Rc<dyn Fn(u64, Option<Wait>)>) {
        *self.waiting.borrow_mut() = Some(f);
    }

    fn tell_waiting(&self, call: u64, wait: Option<Wait>) {
        let hook = self.waiting.borrow().clone();
        if let Some(hook) = hook {
            hook(call, wait);
        }
    }

    /// The same backend (and the same open intentions), with a bearer token.
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

    /// The open intentions (writes whose outcome is unknown).
    pub fn intents(&self) -> &Intents {
        &self.intents
    }

    /// Every one of the partner's admin relationships (one customer's, or
    /// all), page after page: Graph answers at most 300 a page and leads to
    /// the next with `@odata.nextLink`.
    pub async fn admin_relationships(
        &self,
        customer: Option<reseller_domain::ids::TenantId>,
    ) -> Result<Vec<reseller_contract::graph::DelegatedAdminRelationship>, ApiError> {
        let mut all = Vec::new();
        let mut skip_token = None;
        // A backend that always has a next page is not followed for ever.
        for _ in 0..1000 {
            let page = self
                .call(reseller_contract::operation::ListAdminRelationships {
                    customer,
                    top: None,
                    skip_token,
                })
                .await?;
            skip_token = page.skip_token();
            all.extend(page.value);
            if skip_token.is_none() {
                break;
            }
        }
        Ok(all)
    }

    /// Sends a request and returns the raw body of a 2xx answer. Writes carry
    /// an `MS-RequestId` (the caller's, or the intention's: see [`Intents`])
    /// that stays the same on every attempt, so retrying a transient failure,
    /// or an answer lost after the change was made, never applies it twice.
    pub async fn send(&self, mut req: ApiRequest) -> Result<String, ApiError> {
        let write = req.method != "GET";
        if let Some(token) = &self.token {
            req.headers
                .insert("authorization".into(), format!("Bearer {token}"));
        }
        // A read without a token (the invitation's public view, the
        // customer's first request) carries no header of its own, so a
        // backend on another origin gets it as a CORS "simple" request,
        // without the preflight round trip that a custom header costs
        // first (on a phone's network, the longest wait of the page after
        // the download; issue 12). Partner Center asks every operation for
        // an MS-CorrelationId
        // (https://learn.microsoft.com/en-us/partner-center/developer/headers);
        // the public view is this contract's own, with no Partner Center
        // equivalent, and every call made with a token still carries it.
        if self.token.is_some() || write {
            req.headers
                .insert("ms-correlationid".into(), self.correlation_id.to_string());
        }
        let own_key = write && !req.headers.contains_key("ms-requestid");
        if own_key {
            let key = self.intents.key_for(&req);
            req.headers.insert("ms-requestid".into(), key);
        }
        let (mut attempt, mut waited_s) = (0, 0u32);
        loop {
            let answer = self.send_once(&req, write).await;
            let asked_s = answer.as_ref().ok().and_then(|a| a.retry_after_s);
            let result = answer.and_then(check);
            match (&result, asked_s) {
                // Throttled (429) or down for a while (503) with Retry-After:
                // Graph's guidance is to "Wait the number of seconds specified
                // in the Retry-After header", then retry, again "until it
                // succeeds", and to avoid immediate retries, which count
                // against the limit (https://learn.microsoft.com/graph/throttling).
                // Said on screen while it waits; longer than MAX_WAIT_S in
                // all, the error is the user's to retry later.
                // A second at least, so "0" is no immediate retry.
                (Err(e), Some(s))
                    if e.is_transient() && waited_s.saturating_add(s.max(1)) <= MAX_WAIT_S =>
                {
                    static CALLS: std::sync::atomic::AtomicU64 =
                        std::sync::atomic::AtomicU64::new(0);
                    let call = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let s = s.max(1);
                    waited_s += s;
                    self.tell_waiting(
                        call,
                        Some(Wait {
                            call,
                            seconds: s,
                            throttled: e.code == ErrorCode::Throttled,
                        }),
                    );
                    let _going_on = GoingOn(self, call);
                    crate::api::sleep_ms(s * 1000).await;
                }
                (Err(e), None) if e.is_transient() && attempt < BACKOFF_MS.len() => {
                    crate::api::sleep_ms(BACKOFF_MS[attempt]).await;
                    attempt += 1;
                }
                _ => {
                    let other = result;
                    // An unknown outcome keeps the intention (and its key) open.
                    if own_key && !other.as_ref().is_err_and(ApiError::is_transient) {
                        self.intents.settled(&req);
                    }
                    if self.token.is_some()
                        && other
                            .as_ref()
                            .is_err_and(|e| e.code == ErrorCode::NotSignedIn)
                    {
                        let hook = self.token_refused.borrow().clone();
                        if let Some(hook) = hook {
                            hook();
                        }
                    }
                    return other;
                }
            }
        }
    }

    #[cfg_attr(not(feature = "demo"), allow(unused_variables))]
    async fn send_once(
        &self,
        req: &ApiRequest,
        write: bool,
    ) -> Result<super::ApiResponse, ApiError> {
        match &self.backend {
            #[cfg(feature = "demo")]
            Backend::Mock(mock) => {
                let latency = mock.borrow().faults().latency_ms;
                if latency > 0 {
                    crate::api::sleep_ms(latency).await;
                }
                let now = crate::api::now_ms();
                if !write {
                    return Ok(mock.borrow_mut().handle(req, now));
                }
                if !mock.borrow().shares_storage() {
                    return Ok(mock.borrow_mut().handle(req, now));
                }
                // Re-read, change and write back as one step for every tab.
                let (watch, run, req) = (mock.clone(), mock.clone(), req.clone());
                let caught_up = move |token: &str| {
                    let mut m = watch.borrow_mut();
                    m.reload();
                    m.stored_token().as_deref() == Some(token)
                };
                let handle = move || {
                    let mut m = run.borrow_mut();
                    let before = m.stored_token();
                    let response = m.handle(&req, now);
                    let after = m.stored_token();
                    (response, after.filter(|a| Some(a) != before.as_ref()))
                };
                super::mock::store::exclusive(MOCK_LOCK, caught_up, handle)
                    .await
                    .ok_or_else(|| ApiError::network("the browser did not grant the storage lock"))
            }
            #[cfg(target_arch = "wasm32")]
            Backend::Http(http) => http.send(req).await,
        }
    }

    /// Sends one operation of the contract and decodes its answer. A write
    /// gets the key of its open intention (see [`Intents`]).
    pub async fn call<O: Operation>(&self, op: O) -> Result<O::Response, ApiError> {
        self.call_keyed(op, None).await
    }

    /// Sends one operation with the caller's own idempotency key (one per
    /// user intention, reused by every retry of it).
    pub async fn call_keyed<O: Operation>(
        &self,
        op: O,
        key: Option<&str>,
    ) -> Result<O::Response, ApiError> {
        let mut req = ApiRequest::new(O::ENDPOINT.method.as_str(), op.path());
        if let Some(body) = op.body() {
            req = req.json(body);
        }
        if let Some(tag) = op.if_match() {
            req = req.header("if-match", tag);
        }
        let body = self.send(keyed(req, key)).await?;
        decode(if body.is_empty() { "null" } else { &body })
    }
}

/// An id from the wire (a string) as the typed id an operation names; one
/// that does not read is simply not found.
pub fn id<T: std::str::FromStr>(value: &str) -> Result<T, ApiError> {
    value.parse().map_err(|_| ApiError {
        code: ErrorCode::NotFound,
        status: 404,
        description: format!(
            "No item with id “{}”",
            value.chars().take(60).collect::<String>()
        ),
        data: Vec::new(),
    })
}

fn keyed(req: ApiRequest, key: Option<&str>) -> ApiRequest {
    match key {
        Some(k) => req.header("ms-requestid", k),
        None => req,
    }
}

fn decode<T: DeserializeOwned>(body: &str) -> Result<T, ApiError> {
    crate::domain::json::from_str(body).map_err(|e| ApiError {
        code: ErrorCode::Unknown,
        status: 200,
        description: format!("The server's answer could not be read: {e}"),
        data: Vec::new(),
    })
}
