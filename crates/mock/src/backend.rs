//! The transport layer of the mock: who calls (demo tokens), injected
//! faults, idempotency replays, storage and revision, rollback of refused
//! writes. It reads each request into its typed operation and hands it to
//! the handlers (`handlers/`), one file per resource.

use crate::idempotency::{self, Lookup, Replay};
use crate::state::{State, User};
use crate::store::{self, StorageNotice, Store};
use reseller_contract::error::{response as error_response, ErrorCode};
use reseller_contract::wire::Faults;
use reseller_contract::{
    ApiRequest, ApiResponse, Caller, Incoming, Operation, Request, ResetDemo, RouteMiss,
};
use reseller_domain::ids::{TenantId, UserId};
use reseller_domain::relationship::DelegatedAdmin;
use reseller_domain::time::Millis;
use reseller_domain::validate::FieldProblem;
use std::collections::VecDeque;

/// Who a request comes from, as the transport knows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Identity {
    /// The demo's own tokens (`Bearer demo.<user id>`, from demo sign-in):
    /// the in-browser mock, and the mock server's transport-only mode.
    DemoTokens,
    /// An identity the transport verified (the mock server checked the
    /// bearer token's signature, issuer, audience and expiry), or none. The
    /// demo's sign-in endpoints do not exist then.
    Verified(Option<VerifiedUser>),
}

/// A user as a verified token names them (Microsoft Entra's claims).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifiedUser {
    /// `oid`.
    pub user: UserId,
    /// `tid`.
    pub tenant: TenantId,
    /// The partner role in the token's `roles`, if any.
    pub partner_role: Option<reseller_domain::relationship::PartnerRole>,
    /// The customer role in the token's `roles`, if any.
    pub customer_role: Option<reseller_domain::relationship::CustomerRole>,
}

/// The largest request body accepted.
pub const MAX_BODY_BYTES: usize = 64 * 1024;

/// A handler's answer: status and JSON body, or a refusal.
pub(crate) type Answer = Result<(u16, String), ApiResponse>;

/// A refusal with its code.
pub(crate) fn fail(code: ErrorCode, description: impl Into<String>) -> ApiResponse {
    error_response(code, &description.into(), Vec::new())
}

pub(crate) fn invalid(field: &str, problem: FieldProblem) -> ApiResponse {
    let what = match problem {
        FieldProblem::Required => "is required".to_string(),
        FieldProblem::TooLong(n) => format!("is longer than {n} characters"),
        FieldProblem::NotAnEmail => "is not an email address".to_string(),
        FieldProblem::NotADomain => "is not a domain name".to_string(),
        FieldProblem::NotAPhone => "is not a phone number".to_string(),
        FieldProblem::UnknownCountry => "is not a known ISO country code".to_string(),
        FieldProblem::NotASeatCount => "must be from 1 to 10,000 seats".to_string(),
    };
    error_response(
        ErrorCode::Validation,
        &format!("{field} {what}"),
        vec![field.to_string()],
    )
}

pub(crate) fn invalid_msg(field: &str, description: impl Into<String>) -> ApiResponse {
    error_response(
        ErrorCode::Validation,
        &description.into(),
        vec![field.to_string()],
    )
}

pub(crate) fn ok<T: serde::Serialize>(status: u16, value: &T) -> Answer {
    Ok((status, serde_json::to_string(value).unwrap_or_default()))
}

/// A row of a partner's customer list.
#[derive(Clone, Debug)]
pub(crate) struct Row {
    pub(crate) id: TenantId,
    pub(crate) name: String,
    pub(crate) name_key: String,
    pub(crate) domain: String,
    pub(crate) country: String,
    pub(crate) dap: DelegatedAdmin,
    pub(crate) mca: bool,
    pub(crate) since: Millis,
}

/// A partner's customer list as last read, with the last view of it.
pub(crate) struct ListCache {
    pub(crate) revision: u64,
    pub(crate) partner: TenantId,
    /// In name order (then id).
    pub(crate) rows: Vec<Row>,
    /// Every row's name key then domain, in `rows`' order, in one string: a
    /// search reads memory in sequence instead of 100,000 strings scattered
    /// on the heap (twice as fast over 50,000 rows).
    pub(crate) haystack: String,
    /// Where each row's name key and domain end in `haystack`.
    pub(crate) ends: Vec<(u32, u32)>,
    pub(crate) view_key: String,
    pub(crate) view: Vec<u32>,
}

/// The mock backend.
pub struct MockBackend {
    pub(crate) state: State,
    store: Box<dyn Store>,
    /// False when writes must stay in memory (storage off, or unreadable
    /// data that could not be set aside and must not be overwritten).
    persist: bool,
    /// Fingerprint of what the store held when this instance last read or
    /// wrote it: a different one means another tab wrote since.
    seen: Option<u64>,
    notices: Vec<StorageNotice>,
    listener: Option<Box<dyn Fn(StorageNotice) + Send>>,
    faults: Faults,
    rng: u64,
    pub(crate) cache: Option<ListCache>,
    journal: VecDeque<Attempt>,
}

/// One request as the mock received it (kept for tests: the last 64).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attempt {
    /// Method and path.
    pub request: String,
    /// Its `MS-RequestId`, if any.
    pub request_id: Option<String>,
    /// The status answered.
    pub status: u16,
}

impl MockBackend {
    /// Opens the state in `store` (restored, migrated, or the seed after
    /// setting unreadable data aside; see [`store::open`]).
    pub fn new(store: Box<dyn Store>) -> Self {
        let opened = store::open(store.as_ref(), crate::clock::now_ms());
        let mut mock = Self {
            state: opened.state,
            store,
            persist: opened.persist,
            seen: opened.fingerprint,
            notices: opened.notice.into_iter().collect(),
            listener: None,
            faults: Faults::default(),
            rng: 0x9e37_79b9_7f4a_7c15,
            cache: None,
            journal: VecDeque::new(),
        };
        if mock.persist && mock.seen.is_none() {
            // First start (or after setting data aside): store the seed now, so
            // every tab starts from the same state.
            let _ = mock.persist_state();
        }
        mock
    }

    /// A backend in memory only, freshly seeded.
    pub fn in_memory() -> Self {
        Self::new(Box::new(store::MemoryStore::default()))
    }

    /// Calls `listener` with every storage notice: those already raised
    /// (opening the store) at once, later ones as they happen.
    pub fn on_storage_notice(&mut self, listener: Box<dyn Fn(StorageNotice) + Send>) {
        for notice in self.notices.drain(..) {
            listener(notice);
        }
        self.listener = Some(listener);
    }

    fn notify(&mut self, notice: StorageNotice) {
        match &self.listener {
            Some(listener) => listener(notice),
            None => self.notices.push(notice),
        }
    }

    /// The state as it is now (for tests and migrations).
    pub fn state(&self) -> &State {
        &self.state
    }

    /// Sets fault injection.
    pub fn set_faults(&mut self, faults: Faults) {
        self.faults = faults;
    }

    /// The current faults.
    pub fn faults(&self) -> &Faults {
        &self.faults
    }

    /// The state's revision (bumped by every change).
    pub fn revision(&self) -> u64 {
        self.state.revision
    }

    /// The last requests received, oldest first (for tests).
    pub fn journal(&self) -> impl Iterator<Item = &Attempt> {
        self.journal.iter()
    }

    /// Whether other tabs share this mock's store (its writes then run under
    /// the cross-tab lock, see [`store::exclusive`]).
    pub fn shares_storage(&self) -> bool {
        self.persist && self.store.shared()
    }

    /// A token naming what the store holds as this instance last read or
    /// wrote it: another tab's announced write has arrived here when the
    /// token it announced equals this one (after [`MockBackend::reload`]).
    pub fn stored_token(&self) -> Option<String> {
        self.seen.map(|print| format!("{print:016x}"))
    }

    /// Bytes the idempotency replay store holds.
    pub fn replay_bytes(&self) -> usize {
        self.state.replays.bytes()
    }

    /// Re-reads the store if another tab wrote to it; true if the state changed.
    pub fn reload(&mut self) -> bool {
        if !self.persist {
            return false;
        }
        let Ok(Some(raw)) = self.store.load() else {
            return false;
        };
        let print = store::fingerprint(&raw);
        if self.seen == Some(print) {
            return false;
        }
        // Another tab wrote; what it wrote is what this tab must build on.
        match store::decode(&raw) {
            Ok(state) => {
                self.seen = Some(print);
                let changed = state.revision != self.state.revision;
                self.state = state;
                changed
            }
            Err(_) => false,
        }
    }

    fn random(&mut self) -> f64 {
        self.rng ^= self.rng << 13;
        self.rng ^= self.rng >> 7;
        self.rng ^= self.rng << 17;
        (self.rng >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Answers one request at time `now`. Never panics; a refused request
    /// leaves the state as it was. It first re-reads the store, so a write
    /// builds on what every tab wrote before it (the browser runs this under
    /// [`store::exclusive`], which makes read, change and write one step).
    pub fn handle(&mut self, req: &ApiRequest, now: Millis) -> ApiResponse {
        self.handle_as(req, now, &Identity::DemoTokens)
    }

    /// [`handle`](Self::handle), for a caller the transport identified.
    pub fn handle_as(&mut self, req: &ApiRequest, now: Millis, who: &Identity) -> ApiResponse {
        self.reload();
        // The demo clock runs ahead by whole days (`AdvanceDemoClock`).
        let now = now + i64::from(self.state.clock_days) * reseller_domain::time::DAY;
        let mut response = self.answer(req, now, who);
        if req
            .route_path()
            .starts_with(reseller_contract::GRAPH_PREFIX)
        {
            // The Graph-shaped endpoints answer errors in Graph's form.
            response = reseller_contract::error::as_graph(response);
        }
        // The answer to a write is lost on its way back (the change, or its
        // replay, stands): what a dropped connection does to a client.
        if req.method != "GET"
            && (200..300).contains(&response.status)
            && self.faults.lost_answer_rate > 0.0
            && self.random() < self.faults.lost_answer_rate
        {
            response = fail(
                ErrorCode::Unavailable,
                "The change was made but its answer was lost (fault injected)",
            );
        }
        if self.journal.len() == 64 {
            self.journal.pop_front();
        }
        self.journal.push_back(Attempt {
            request: format!(
                "{} {}",
                req.method.chars().take(10).collect::<String>(),
                req.route_path().chars().take(200).collect::<String>()
            ),
            request_id: req.headers.get("ms-requestid").cloned(),
            status: response.status,
        });
        response
    }

    fn answer(&mut self, req: &ApiRequest, now: Millis, who: &Identity) -> ApiResponse {
        let (endpoint, values) = match Request::route(&req.method, req.route_path()) {
            // With a real identity provider, the demo's way of handing out
            // identities is not there at all.
            Ok((endpoint, _))
                if matches!(who, Identity::Verified(_)) && endpoint.hands_out_identities() =>
            {
                return fail(
                    ErrorCode::NotFound,
                    "No such endpoint: sign in with the identity provider",
                )
            }
            Ok(found) => found,
            Err(RouteMiss::NotFound) => {
                return fail(
                    ErrorCode::NotFound,
                    format!(
                        "No endpoint {}",
                        req.route_path().chars().take(100).collect::<String>()
                    ),
                )
            }
            Err(RouteMiss::MethodNotAllowed) => {
                return fail(
                    ErrorCode::MethodNotAllowed,
                    format!(
                        "{} is not allowed here",
                        req.method.chars().take(10).collect::<String>()
                    ),
                )
            }
        };
        if self.faults.failing_endpoint.as_deref()
            == Some(&format!("{} {}", endpoint.method.as_str(), endpoint.path))
        {
            return fail(
                ErrorCode::Unavailable,
                "The service is unavailable (fault injected for this endpoint)",
            );
        }
        if self.faults.throttled_calls > 0
            && self
                .faults
                .throttled_endpoint
                .as_deref()
                .is_none_or(|e| e == format!("{} {}", endpoint.method.as_str(), endpoint.path))
        {
            self.faults.throttled_calls -= 1;
            let mut throttled = fail(
                ErrorCode::Throttled,
                "Too many requests: the client is throttled (fault injected)",
            );
            throttled.retry_after_s = Some(self.faults.retry_after_s).filter(|s| *s > 0);
            return throttled;
        }
        if self.faults.failure_rate > 0.0 && self.random() < self.faults.failure_rate {
            return fail(
                ErrorCode::Unavailable,
                "The service is unavailable (fault injected at random)",
            );
        }
        if req.body.len() > MAX_BODY_BYTES {
            return fail(
                ErrorCode::TooLarge,
                format!("The request body is larger than {MAX_BODY_BYTES} bytes"),
            );
        }
        let user = self.caller(req, who);
        let need = |kind_ok: bool, kind: &str| -> Result<(), ApiResponse> {
            match &user {
                None => Err(fail(
                    ErrorCode::NotSignedIn,
                    "Sign in first: the request has no valid access token",
                )),
                // 404, like anything that is not the caller's to see.
                Some(_) if !kind_ok => Err(fail(
                    ErrorCode::WrongTenantKind,
                    format!("Not found for this caller (only {kind} users call it)"),
                )),
                Some(_) => Ok(()),
            }
        };
        let allowed = match endpoint.caller {
            Caller::Anyone => Ok(()),
            Caller::SignedIn => need(true, "signed-in"),
            Caller::Partner => need(
                user.as_ref().is_some_and(|u| u.partner_role.is_some()),
                "partner",
            ),
            Caller::Customer => need(
                user.as_ref().is_some_and(|u| u.customer_role.is_some()),
                "customer",
            ),
        };
        if let Err(e) = allowed {
            return e;
        }
        let write = req.method != "GET";
        let caller = user.as_ref().map_or_else(
            || "anonymous".to_string(),
            |u| format!("{}@{}", u.id, u.tenant),
        );
        let hash = idempotency::request_hash(&req.method, &req.path, &req.body);
        let key = req
            .headers
            .get("ms-requestid")
            .filter(|k| !k.is_empty())
            .cloned();
        if let (true, Some(key)) = (write, &key) {
            match self.state.replays.lookup(key, &caller, &hash, now) {
                Lookup::Replay(replay) => {
                    return ApiResponse::new(replay.status, replay.body.clone())
                }
                Lookup::Conflict => {
                    return fail(
                        ErrorCode::KeyReused,
                        "This MS-RequestId was already used within the last 24 hours by another caller or for another request; send a new one",
                    )
                }
                Lookup::New => {}
            }
        }
        let operation = match Request::read(
            &endpoint,
            &Incoming {
                request: req,
                path: values,
            },
        ) {
            Ok(operation) => operation,
            Err(refused) => return refused,
        };
        let snapshot = write.then(|| self.state.clone());
        let answer = self.dispatch(operation, user.as_ref(), now);
        let (status, body) = match answer {
            Ok(ok) => ok,
            Err(e) => {
                if let Some(snapshot) = snapshot {
                    self.state = snapshot;
                }
                return e;
            }
        };
        if write {
            if endpoint.path != ResetDemo::ENDPOINT.path {
                self.state.revision += 1;
            }
            if let Some(key) = key {
                self.state.replays.record(Replay {
                    key,
                    caller,
                    request_hash: hash,
                    status,
                    body: body.clone(),
                    at: now,
                });
            }
            if self.persist_state().is_err() {
                if let Some(snapshot) = snapshot {
                    self.state = snapshot;
                }
                self.notify(StorageNotice::WriteRefused);
                return fail(
                    ErrorCode::StorageFull,
                    "This browser refused to store the change (its storage is full or turned off); nothing was changed",
                );
            }
        }
        ApiResponse::new(status, body)
    }

    /// Writes the state to the store (unless running in memory only).
    fn persist_state(&mut self) -> Result<(), store::StoreError> {
        if !self.persist {
            return Ok(());
        }
        let raw = store::encode(&self.state);
        self.store.save(&raw)?;
        self.seen = Some(store::fingerprint(&raw));
        Ok(())
    }

    pub(crate) fn caller(&self, req: &ApiRequest, who: &Identity) -> Option<User> {
        match who {
            Identity::DemoTokens => {
                let token = req
                    .headers
                    .get("authorization")?
                    .strip_prefix("Bearer demo.")?;
                let id: UserId = token.trim().parse().ok()?;
                self.state.users.iter().find(|u| u.id == id).cloned()
            }
            // The token's tenant must be the user's, and its roles decide.
            Identity::Verified(v) => {
                let v = v.as_ref()?;
                let mut user = self
                    .state
                    .users
                    .iter()
                    .find(|u| u.id == v.user && u.tenant == v.tenant)
                    .cloned()?;
                user.partner_role = v.partner_role;
                user.customer_role = v.customer_role;
                Some(user)
            }
        }
    }
}
