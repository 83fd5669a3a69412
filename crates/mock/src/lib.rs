//! The mock backend: the whole contract in plain Rust, answering
//! [`ApiRequest`]s with [`ApiResponse`]s. The browser calls it in-process, the
//! mock server over HTTP, the tests directly.

pub mod clock;
pub mod idempotency;
pub mod scale;
pub mod state;
pub mod store;

use idempotency::{Lookup, Replay};
use reseller_contract::error::{response as error_response, ErrorCode};
use reseller_contract::routes::{self, Caller, RouteMiss};
use reseller_contract::wire::{self, Attributes, Collection, Faults, Link, Links};
use reseller_contract::{encode_query, ApiRequest, ApiResponse};
use reseller_domain::cloud::Cloud;
use reseller_domain::country;
use reseller_domain::email::{self, DraftInput};
use reseller_domain::ids::{InvitationId, TenantId, UserId};
use reseller_domain::link::{InvitationLink, InvitationType};
use reseller_domain::relationship::{
    self as rules, AcceptContext, AcceptOutcome, CustomerRole, DelegatedAdmin, InvitationStatus,
    PartnerRole, Refusal, INVITATION_LIFETIME,
};
use reseller_domain::time::{self, Millis, DAY};
use reseller_domain::validate::{self, FieldProblem};
use serde::de::DeserializeOwned;
use state::{
    Invitation, McaRecord, Relationship, State, Subscription, Tenant, User, MCA_TEMPLATE_ID,
    OFFERS, SCALE_PARTNER,
};
use std::collections::VecDeque;
use store::{StorageNotice, Store};

/// The largest request body accepted.
pub const MAX_BODY_BYTES: usize = 64 * 1024;
/// The largest `offset` a list accepts.
const MAX_OFFSET: usize = 1_000_000_000;

type Answer = Result<(u16, String), ApiResponse>;

fn fail(code: ErrorCode, description: impl Into<String>) -> ApiResponse {
    error_response(code, &description.into(), Vec::new())
}

fn invalid(field: &str, problem: FieldProblem) -> ApiResponse {
    let what = match problem {
        FieldProblem::Required => "is required".to_string(),
        FieldProblem::TooLong(n) => format!("is longer than {n} characters"),
        FieldProblem::NotAnEmail => "is not an email address".to_string(),
        FieldProblem::NotADomain => "is not a domain name".to_string(),
        FieldProblem::NotAPhone => "is not a phone number".to_string(),
        FieldProblem::UnknownCountry => "is not a known ISO country code".to_string(),
    };
    error_response(
        ErrorCode::Validation,
        &format!("{field} {what}"),
        vec![field.to_string()],
    )
}

fn invalid_msg(field: &str, description: impl Into<String>) -> ApiResponse {
    error_response(
        ErrorCode::Validation,
        &description.into(),
        vec![field.to_string()],
    )
}

fn ok<T: serde::Serialize>(status: u16, value: &T) -> Answer {
    Ok((status, serde_json::to_string(value).unwrap_or_default()))
}

fn parse_body<T: DeserializeOwned>(req: &ApiRequest) -> Result<T, ApiResponse> {
    serde_json::from_str(&req.body).map_err(|e| {
        error_response(
            ErrorCode::MalformedBody,
            &format!("The request body is not valid: {e}"),
            Vec::new(),
        )
    })
}

fn parse_id<T: std::str::FromStr>(value: &str, what: &str) -> Result<T, ApiResponse> {
    value.parse().map_err(|_| {
        fail(
            ErrorCode::NotFound,
            format!(
                "No {what} with id “{}”",
                value.chars().take(60).collect::<String>()
            ),
        )
    })
}

/// A row of a partner's customer list.
#[derive(Clone, Debug)]
struct Row {
    id: TenantId,
    name: String,
    name_key: String,
    domain: String,
    country: String,
    dap: DelegatedAdmin,
    mca: bool,
    since: Millis,
}

struct ListCache {
    revision: u64,
    partner: TenantId,
    rows: Vec<Row>,
    view_key: String,
    view: Vec<u32>,
}

/// The mock backend.
pub struct MockBackend {
    state: State,
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
    cache: Option<ListCache>,
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
        self.reload();
        let mut response = self.answer(req, now);
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

    fn answer(&mut self, req: &ApiRequest, now: Millis) -> ApiResponse {
        let (route, params) = match routes::find(&req.method, req.route_path()) {
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
            == Some(&format!("{} {}", route.method, route.path))
        {
            return fail(
                ErrorCode::Unavailable,
                "The service is unavailable (fault injected for this endpoint)",
            );
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
        let user = self.caller(req);
        let need = |kind_ok: bool, kind: &str| -> Result<(), ApiResponse> {
            match &user {
                None => Err(fail(
                    ErrorCode::NotSignedIn,
                    "Sign in first: the request has no valid access token",
                )),
                Some(_) if !kind_ok => Err(fail(
                    ErrorCode::WrongTenantKind,
                    format!("Only {kind} users can call this endpoint"),
                )),
                Some(_) => Ok(()),
            }
        };
        let allowed = match route.caller {
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
                    return ApiResponse {
                        status: replay.status,
                        body: replay.body.clone(),
                    }
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
        let snapshot = write.then(|| self.state.clone());
        let answer = self.dispatch(route.method, route.path, &params, req, user.as_ref(), now);
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
            if route.path != "/v1/demo/reset" {
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
        ApiResponse { status, body }
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

    fn caller(&self, req: &ApiRequest) -> Option<User> {
        let token = req
            .headers
            .get("authorization")?
            .strip_prefix("Bearer demo.")?;
        let id: UserId = token.trim().parse().ok()?;
        self.state.users.iter().find(|u| u.id == id).cloned()
    }

    fn dispatch(
        &mut self,
        method: &str,
        path: &str,
        p: &[String],
        req: &ApiRequest,
        user: Option<&User>,
        now: Millis,
    ) -> Answer {
        let me = || {
            user.cloned()
                .ok_or_else(|| fail(ErrorCode::NotSignedIn, "Sign in first"))
        };
        match (method, path) {
            ("GET", "/v1/demo/identities") => self.identities(),
            ("POST", "/v1/demo/sign-in") => {
                let body: wire::SignInRequest = parse_body(req)?;
                let id: UserId = parse_id(&body.user_id, "user")?;
                let user = self
                    .state
                    .users
                    .iter()
                    .find(|u| u.id == id)
                    .cloned()
                    .ok_or_else(|| fail(ErrorCode::NotFound, "No demo user with this id"))?;
                ok(200, &self.session(&user))
            }
            ("POST", "/v1/demo/tenants") => self.create_tenant(req),
            ("POST", "/v1/demo/reset") => {
                let revision = self.state.revision;
                self.state = State::seed();
                self.state.revision = revision + 1;
                Ok((204, String::new()))
            }
            ("GET", "/v1/me") => ok(200, &self.me(&me()?)),
            ("GET", "/v1/profiles/partner") => ok(200, &self.partner_profile(&me()?)),
            ("GET", "/v1/customers/relationshiprequests") => self.relationship_request(&me()?, req),
            ("GET", "/v1/relationships") => {
                let partner = self.tenant(me()?.tenant);
                let resellers = partner
                    .and_then(|t| t.partner)
                    .map(|p| p.resellers)
                    .unwrap_or_default();
                ok(
                    200,
                    &Collection::of(
                        resellers
                            .into_iter()
                            .map(|(id, name, mpn, location)| wire::IndirectReseller {
                                id: id.to_string(),
                                name,
                                mpn_id: mpn,
                                location,
                                attributes: Attributes::of("PartnerRelationship"),
                            })
                            .collect(),
                    ),
                )
            }
            ("GET", "/v1/agreements") => ok(200, &Collection::of(vec![mca_metadata()])),
            ("GET", "/v1/offers") => ok(
                200,
                &Collection::of(
                    OFFERS
                        .iter()
                        .map(|(id, name, sku, portal)| wire::Offer {
                            id: (*id).into(),
                            name: (*name).into(),
                            sku_id: (*sku).into(),
                            admin_portal: (*portal).into(),
                        })
                        .collect(),
                ),
            ),
            ("POST", "/v1/invitations") => self.create_invitation(&me()?, req, now),
            ("GET", "/v1/invitations") => {
                let me = me()?;
                let mut items: Vec<_> = self
                    .state
                    .invitations
                    .iter()
                    .filter(|i| i.partner == me.tenant)
                    .map(|i| self.invitation_wire(i, now))
                    .collect();
                items.reverse();
                ok(200, &Collection::of(items))
            }
            ("GET", "/v1/invitations/{invitationId}") => {
                let inv = self.own_invitation(&me()?, &p[0])?;
                ok(
                    200,
                    &self.invitation_wire(&self.state.invitations[inv], now),
                )
            }
            ("POST", "/v1/invitations/{invitationId}/revoke") => self.revoke(&me()?, &p[0], now),
            ("PUT", "/v1/invitations/{invitationId}/draft") => {
                self.save_draft(&me()?, &p[0], req, now)
            }
            ("GET", "/v1/customers") => self.list_customers(&me()?, req),
            ("GET", "/v1/customers/{customerId}") => {
                let (tenant, rel) = self.customer_of(&me()?, &p[0])?;
                ok(200, &self.customer_wire(&tenant, &rel, true))
            }
            ("DELETE", "/v1/customers/{customerId}/relationship") => {
                self.remove_relationship(&me()?, &p[0])
            }
            ("GET", "/v1/customers/{customerId}/agreements") => {
                let (tenant, _) = self.customer_of(&me()?, &p[0])?;
                ok(
                    200,
                    &Collection::of(tenant.mca.iter().map(agreement_wire).collect()),
                )
            }
            ("POST", "/v1/customers/{customerId}/agreements") => {
                self.attest_agreement(&me()?, &p[0], req, now)
            }
            ("GET", "/v1/customers/{customerId}/subscriptions") => {
                let me = me()?;
                let (tenant, _) = self.customer_of(&me, &p[0])?;
                let reseller_names = self.reseller_names(me.tenant);
                ok(
                    200,
                    &Collection::of(
                        self.subscriptions_of(tenant.id, me.tenant)
                            .iter()
                            .map(|s| subscription_wire(s, &reseller_names))
                            .collect(),
                    ),
                )
            }
            ("POST", "/v1/customers/{customerId}/subscriptions") => {
                self.add_subscription(&me()?, &p[0], req, now)
            }
            ("PATCH", "/v1/customers/{customerId}/subscriptions/{subscriptionId}") => {
                self.patch_subscription(&me()?, &p[0], &p[1], req)
            }
            ("PUT", "/v1/customers/{customerId}/subscriptions/{subscriptionId}/supportcontact") => {
                self.set_support_contact(&me()?, &p[0], &p[1], req)
            }
            ("GET", "/v1/customers/{customerId}/users") => {
                let me = me()?;
                let (tenant, _) = self.customer_of(&me, &p[0])?;
                ok(
                    200,
                    &Collection::of(
                        self.users_of(tenant.id)
                            .iter()
                            .map(customer_user_wire)
                            .collect(),
                    ),
                )
            }
            ("GET", "/v1/customers/{customerId}/subscribedskus") => {
                let me = me()?;
                let (tenant, _) = self.customer_of(&me, &p[0])?;
                ok(200, &Collection::of(self.skus_of(tenant.id, me.tenant)))
            }
            ("POST", "/v1/customers/{customerId}/users/{userId}/licenseupdates") => {
                self.update_licenses(&me()?, &p[0], &p[1], req)
            }
            ("GET", "/v1/tenant/invitations/view") => self.view_invitation(req, now),
            ("POST", "/v1/tenant/invitations/accept") => self.accept(&me()?, req, now),
            ("GET", "/v1/tenant/relationships") => {
                let me = me()?;
                let items = self
                    .state
                    .relationships
                    .iter()
                    .filter(|r| r.customer == me.tenant)
                    .filter_map(|r| self.partner_relationship_wire(r))
                    .collect();
                ok(200, &Collection::of(items))
            }
            ("POST", "/v1/tenant/relationships/{partnerId}/remove-admin") => {
                self.remove_admin(&me()?, &p[0])
            }
            _ => Err(fail(ErrorCode::NotFound, "No such endpoint")),
        }
    }

    // ----- look-ups -----

    fn tenant(&self, id: TenantId) -> Option<Tenant> {
        self.state.tenants.get(&id).cloned().or_else(|| {
            let i = scale::index_of(id)?;
            (!self.state.scale_overrides.contains(&i)).then(|| scale::tenant(i))
        })
    }

    fn relationship(&self, partner: TenantId, customer: TenantId) -> Option<Relationship> {
        if let Some(r) = self
            .state
            .relationships
            .iter()
            .find(|r| r.partner == partner && r.customer == customer)
        {
            return Some(r.clone());
        }
        let i = scale::index_of(customer)?;
        (partner == SCALE_PARTNER && !self.state.scale_overrides.contains(&i))
            .then(|| scale::relationship(i))
    }

    /// Writes a generated scale customer into the state before it changes.
    fn materialize(&mut self, customer: TenantId) {
        let Some(i) = scale::index_of(customer) else {
            return;
        };
        if self.state.scale_overrides.insert(i) {
            self.state.tenants.insert(customer, scale::tenant(i));
            self.state.users.extend(scale::users(i));
            self.state.relationships.push(scale::relationship(i));
            self.state.subscriptions.extend(scale::subscriptions(i));
        }
    }

    fn subscriptions_of(&self, customer: TenantId, partner: TenantId) -> Vec<Subscription> {
        let mut subs: Vec<_> = self
            .state
            .subscriptions
            .iter()
            .filter(|s| s.customer == customer && s.partner == partner)
            .cloned()
            .collect();
        if let Some(i) =
            scale::index_of(customer).filter(|i| !self.state.scale_overrides.contains(i))
        {
            subs.extend(scale::subscriptions(i));
        }
        subs
    }

    fn users_of(&self, customer: TenantId) -> Vec<User> {
        let mut users: Vec<_> = self
            .state
            .users
            .iter()
            .filter(|u| u.tenant == customer)
            .cloned()
            .collect();
        if let Some(i) =
            scale::index_of(customer).filter(|i| !self.state.scale_overrides.contains(i))
        {
            users.extend(scale::users(i));
        }
        users
    }

    fn skus_of(&self, customer: TenantId, partner: TenantId) -> Vec<wire::SubscribedSku> {
        let subs = self.subscriptions_of(customer, partner);
        let users = self.users_of(customer);
        let mut out: Vec<wire::SubscribedSku> = Vec::new();
        for (offer, name, sku, _) in OFFERS {
            let active: u32 = subs
                .iter()
                .filter(|s| s.active && s.offer_id == *offer)
                .map(|s| s.quantity)
                .sum();
            let consumed = users
                .iter()
                .filter(|u| u.licenses.iter().any(|l| l == sku))
                .count() as u32;
            if active > 0 || consumed > 0 {
                out.push(wire::SubscribedSku {
                    sku_id: (*sku).into(),
                    name: (*name).into(),
                    active_units: active,
                    consumed_units: consumed,
                });
            }
        }
        out
    }

    fn reseller_names(&self, partner: TenantId) -> Vec<(TenantId, String, String)> {
        let mut out = Vec::new();
        if let Some(t) = self.tenant(partner) {
            if let Some(facts) = &t.partner {
                out.push((t.id, t.name.clone(), facts.mpn_id.clone()));
                out.extend(
                    facts
                        .resellers
                        .iter()
                        .map(|(id, name, mpn, _)| (*id, name.clone(), mpn.clone())),
                );
            }
        }
        out
    }

    fn customer_of(
        &self,
        me: &User,
        customer_id: &str,
    ) -> Result<(Tenant, Relationship), ApiResponse> {
        let id: TenantId = parse_id(customer_id, "customer")?;
        let tenant = self
            .tenant(id)
            .filter(|t| t.partner.is_none())
            .ok_or_else(|| fail(ErrorCode::NotFound, format!("No customer with id {id}")))?;
        let rel = self.relationship(me.tenant, id).ok_or_else(|| {
            fail(
                ErrorCode::NoRelationship,
                "No relationship between caller and account.",
            )
        })?;
        Ok((tenant, rel))
    }

    fn own_invitation(&self, me: &User, id: &str) -> Result<usize, ApiResponse> {
        let id: InvitationId = parse_id(id, "invitation")?;
        self.state
            .invitations
            .iter()
            .position(|i| i.id == id && i.partner == me.tenant)
            .ok_or_else(|| {
                fail(
                    ErrorCode::InvitationNotFound,
                    format!("No invitation {id} for this partner"),
                )
            })
    }

    fn require_manager(me: &User) -> Result<(), ApiResponse> {
        if me.partner_role.is_some_and(PartnerRole::may_manage) {
            Ok(())
        } else {
            Err(fail(
                ErrorCode::InsufficientRole,
                "Only Admin agents can manage customers' services, users and relationships",
            ))
        }
    }

    // ----- wire conversions -----

    fn me(&self, user: &User) -> wire::Me {
        let tenant = self.tenant(user.tenant);
        wire::Me {
            user: demo_user(user),
            tenant_id: user.tenant.to_string(),
            company_name: tenant.as_ref().map(|t| t.name.clone()).unwrap_or_default(),
            domain: tenant
                .as_ref()
                .map(|t| t.domain.clone())
                .unwrap_or_default(),
            country: tenant
                .as_ref()
                .map(|t| t.country.clone())
                .unwrap_or_default(),
            cloud: tenant.as_ref().map_or(Cloud::Public, |t| t.cloud),
            kind: if user.partner_role.is_some() {
                "partner".into()
            } else {
                "customer".into()
            },
            mca_accepted: tenant.is_some_and(|t| t.mca.is_some()),
        }
    }

    fn session(&self, user: &User) -> wire::Session {
        wire::Session {
            access_token: format!("demo.{}", user.id),
            me: self.me(user),
        }
    }

    fn partner_profile(&self, user: &User) -> wire::PartnerProfile {
        let t = self.tenant(user.tenant).unwrap_or_else(|| scale::tenant(0));
        let facts = t.partner.clone();
        wire::PartnerProfile {
            tenant_id: t.id.to_string(),
            company_name: t.name,
            country: t.country,
            cloud: t.cloud,
            mpn_id: facts.as_ref().map(|f| f.mpn_id.clone()).unwrap_or_default(),
            indirect_provider: facts.is_some_and(|f| f.indirect_provider),
            attributes: Attributes::of("PartnerProfile"),
        }
    }

    fn customer_wire(&self, t: &Tenant, rel: &Relationship, detail: bool) -> wire::Customer {
        let id = t.id.to_string();
        wire::Customer {
            id: id.clone(),
            commerce_id: None,
            company_profile: wire::CompanyProfile {
                tenant_id: id.clone(),
                domain: t.domain.clone(),
                company_name: t.name.clone(),
                address: Some(wire::Address {
                    country: t.country.clone(),
                    city: Some(t.city.clone()),
                    ..Default::default()
                }),
                email: None,
                links: Links::default(),
                attributes: Attributes::of("CustomerCompanyProfile"),
            },
            billing_profile: detail.then(|| {
                let admin = self
                    .users_of(t.id)
                    .into_iter()
                    .find(|u| u.customer_role == Some(CustomerRole::GlobalAdmin));
                let (first, last) = admin.as_ref().map_or((String::new(), String::new()), |a| {
                    let (f, l) = a.name.split_once(' ').unwrap_or((&a.name, ""));
                    (f.to_string(), l.to_string())
                });
                wire::BillingProfile {
                    id: id.clone(),
                    first_name: first,
                    last_name: last,
                    email: admin.map(|a| a.email).unwrap_or_default(),
                    culture: if t.country == "BR" || t.country == "PT" {
                        "pt-BR".into()
                    } else {
                        "en-US".into()
                    },
                    language: if t.country == "BR" || t.country == "PT" {
                        "pt".into()
                    } else {
                        "en".into()
                    },
                    company_name: t.name.clone(),
                    default_address: wire::Address {
                        country: t.country.clone(),
                        city: Some(t.city.clone()),
                        ..Default::default()
                    },
                    links: Links::default(),
                    attributes: Attributes::of("CustomerBillingProfile"),
                }
            }),
            relationship_to_partner: "reseller".into(),
            allow_delegated_access: Some(rel.dap == DelegatedAdmin::Active),
            custom_domains: detail.then(|| vec![t.domain.clone()]),
            delegated_admin: Some(rel.dap),
            mca_accepted: Some(t.mca.is_some()),
            relationship_since: Some(time::to_rfc3339(rel.since)),
            links: Links {
                self_link: Some(Link {
                    uri: format!("/v1/customers/{id}"),
                    method: "GET".into(),
                    headers: Vec::new(),
                }),
                next: None,
            },
            attributes: Attributes::of("Customer"),
        }
    }

    fn invitation_wire(&self, i: &Invitation, now: Millis) -> wire::Invitation {
        let status = i.status(now);
        wire::Invitation {
            id: i.id.to_string(),
            created_at: time::to_rfc3339(i.created_at),
            created_by: i.created_by.clone(),
            email_language: i.lang,
            dap: i.dap,
            customer_name: i.customer_name.clone(),
            customer_email: i.customer_email.clone(),
            indirect_reseller_name: i
                .indirect_reseller
                .and_then(|r| {
                    self.reseller_names(i.partner)
                        .into_iter()
                        .find(|x| x.0 == r)
                })
                .map(|x| x.1),
            link: i.link.clone(),
            status,
            accepted_by: i.accepted.map(|(t, at)| wire::AcceptedBy {
                tenant_id: t.to_string(),
                company_name: self.tenant(t).map(|t| t.name).unwrap_or_default(),
                at: time::to_rfc3339(at),
            }),
            revoked_at: i.revoked_at.map(time::to_rfc3339),
            expires_at: time::to_rfc3339(i.created_at + INVITATION_LIFETIME),
            draft: wire::EmailDraft {
                to: i.draft.0.clone(),
                subject: i.draft.1.clone(),
                body: i.draft.2.clone(),
                completed_at: i.draft_done_at.map(time::to_rfc3339),
            },
            attributes: Attributes::of("Invitation"),
        }
    }

    fn partner_relationship_wire(&self, r: &Relationship) -> Option<wire::PartnerRelationship> {
        let p = self.tenant(r.partner)?;
        Some(wire::PartnerRelationship {
            partner_id: p.id.to_string(),
            partner_name: p.name,
            partner_country: p.country,
            delegated_admin: r.dap,
            since: time::to_rfc3339(r.since),
            attributes: Attributes::of("PartnerRelationship"),
        })
    }

    // ----- demo identities -----

    fn identities(&self) -> Answer {
        let mut partners = Vec::new();
        let mut customers = Vec::new();
        for t in self.state.tenants.values() {
            if scale::index_of(t.id).is_some() {
                continue;
            }
            let users = self
                .state
                .users
                .iter()
                .filter(|u| u.tenant == t.id)
                .map(demo_user)
                .collect();
            let customer_count = if t.partner.is_some() {
                let stored = self
                    .state
                    .relationships
                    .iter()
                    .filter(|r| r.partner == t.id)
                    .count() as u64;
                let generated = if t.id == SCALE_PARTNER {
                    u64::from(state::SCALE_CUSTOMERS) - self.state.scale_overrides.len() as u64
                } else {
                    0
                };
                stored + generated
            } else {
                0
            };
            let entry = wire::DemoTenant {
                tenant_id: t.id.to_string(),
                company_name: t.name.clone(),
                domain: t.domain.clone(),
                country: t.country.clone(),
                cloud: t.cloud,
                mca_accepted: t.mca.is_some(),
                customer_count,
                users,
            };
            if t.partner.is_some() {
                partners.push(entry)
            } else {
                customers.push(entry)
            }
        }
        partners.sort_by(|a, b| a.company_name.cmp(&b.company_name));
        customers.sort_by(|a, b| a.company_name.cmp(&b.company_name));
        ok(
            200,
            &wire::DemoIdentities {
                partners,
                customers,
            },
        )
    }

    fn create_tenant(&mut self, req: &ApiRequest) -> Answer {
        let body: wire::NewTenant = parse_body(req)?;
        validate::required_text(&body.company_name, validate::MAX_TEXT)
            .map_err(|p| invalid("companyName", p))?;
        validate::domain(&body.domain).map_err(|p| invalid("domain", p))?;
        let domain = body.domain.trim().to_ascii_lowercase();
        if self
            .state
            .tenants
            .values()
            .any(|t| t.domain.eq_ignore_ascii_case(&domain))
        {
            return Err(invalid_msg(
                "domain",
                format!("The domain {domain} is already taken by another tenant; choose another"),
            ));
        }
        validate::country(&body.country).map_err(|p| invalid("country", p))?;
        validate::required_text(&body.admin_name, validate::MAX_TEXT)
            .map_err(|p| invalid("adminName", p))?;
        validate::email(&body.admin_email).map_err(|p| invalid("adminEmail", p))?;
        let id = TenantId::new_random();
        let country = country::find(body.country.trim())
            .map(|c| c.code)
            .unwrap_or_default();
        self.state.tenants.insert(
            id,
            Tenant {
                id,
                name: body.company_name.trim().into(),
                domain,
                country: country.into(),
                city: String::new(),
                cloud: body.cloud.unwrap_or(Cloud::Public),
                partner: None,
                mca: None,
            },
        );
        let user = User {
            id: UserId::new_random(),
            tenant: id,
            name: body.admin_name.trim().into(),
            email: body.admin_email.trim().into(),
            partner_role: None,
            customer_role: Some(CustomerRole::GlobalAdmin),
            licenses: Vec::new(),
        };
        self.state.users.push(user.clone());
        ok(201, &self.session(&user))
    }

    // ----- invitations (partner) -----

    fn relationship_request(&self, me: &User, req: &ApiRequest) -> Answer {
        let dap = match req.query("dap").as_deref() {
            None | Some("false") => false,
            Some("true") => true,
            Some(_) => return Err(invalid_msg("dap", "dap must be true or false")),
        };
        let cloud = self.tenant(me.tenant).map_or(Cloud::Public, |t| t.cloud);
        let link = InvitationLink {
            inv_type: InvitationType::ResellerRelationship,
            partner_id: me.tenant,
            mspp_id: 0,
            dap: dap || cloud.requires_delegated_admin(),
            indirect_csp_id: None,
            invitation_id: None,
        };
        let base = req
            .query("appBase")
            .filter(|b| b.starts_with("http"))
            .unwrap_or_else(|| "https://admin.microsoft.com/Adminportal/Home".into());
        ok(
            200,
            &wire::RelationshipRequest {
                url: link.build(&base),
                attributes: Attributes::of("RelationshipRequest"),
            },
        )
    }

    fn create_invitation(&mut self, me: &User, req: &ApiRequest, now: Millis) -> Answer {
        let role = me.partner_role.unwrap_or(PartnerRole::HelpdeskAgent);
        if !role.may_invite() {
            return Err(fail(
                ErrorCode::InsufficientRole,
                "Only Admin agents and Sales agents can request a reseller relationship",
            ));
        }
        let body: wire::CreateInvitation = parse_body(req)?;
        let partner = self
            .tenant(me.tenant)
            .ok_or_else(|| fail(ErrorCode::NotFound, "Partner not found"))?;
        if partner.cloud.requires_delegated_admin() && !body.dap {
            return Err(invalid_msg(
                "dap",
                format!(
                    "Partners in {} must request delegated admin privileges",
                    partner.cloud.name()
                ),
            ));
        }
        validate::optional_text(&body.customer_name, validate::MAX_TEXT)
            .map_err(|p| invalid("customerName", p))?;
        validate::optional_email(&body.customer_email).map_err(|p| invalid("customerEmail", p))?;
        let base = body.app_base.trim();
        if !(base.starts_with("https://") || base.starts_with("http://"))
            || base.len() > 500
            || base.contains(['?', '#', ' '])
        {
            return Err(invalid_msg(
                "appBase",
                "appBase must be the app's http(s) root URL without query or fragment",
            ));
        }
        let facts = partner
            .partner
            .clone()
            .unwrap_or_else(|| state::PartnerFacts {
                mpn_id: String::new(),
                indirect_provider: false,
                resellers: Vec::new(),
            });
        let reseller = match body
            .indirect_reseller_id
            .as_deref()
            .filter(|s| !s.is_empty())
        {
            None => None,
            Some(id) => {
                if !facts.indirect_provider {
                    return Err(invalid_msg(
                        "indirectResellerId",
                        "Only indirect providers can invite on behalf of an indirect reseller",
                    ));
                }
                let r = facts
                    .resellers
                    .iter()
                    .find(|r| r.0.to_string() == id)
                    .cloned();
                Some(r.ok_or_else(|| {
                    invalid_msg(
                        "indirectResellerId",
                        "This indirect reseller is not one of yours",
                    )
                })?)
            }
        };
        let id = InvitationId::new_random();
        let link = InvitationLink {
            inv_type: if reseller.is_some() {
                InvitationType::IndirectResellerRelationship
            } else {
                InvitationType::ResellerRelationship
            },
            partner_id: me.tenant,
            mspp_id: reseller
                .as_ref()
                .and_then(|r| r.2.parse().ok())
                .unwrap_or(0),
            dap: body.dap,
            indirect_csp_id: reseller.as_ref().map(|r| r.0),
            invitation_id: Some(id),
        }
        .build(base);
        let draft = email::compose(&DraftInput {
            lang: body.email_language,
            partner_name: &partner.name,
            customer_name: Some(body.customer_name.as_str()),
            dap: body.dap,
            link: &link,
        });
        let inv = Invitation {
            id,
            partner: me.tenant,
            created_at: now,
            created_by: me.name.clone(),
            lang: body.email_language,
            dap: body.dap,
            customer_name: body.customer_name.trim().into(),
            customer_email: body.customer_email.trim().into(),
            mspp_id: reseller
                .as_ref()
                .and_then(|r| r.2.parse().ok())
                .unwrap_or(0),
            indirect_reseller: reseller.map(|r| r.0),
            link,
            revoked_at: None,
            accepted: None,
            draft: (body.customer_email.trim().into(), draft.subject, draft.body),
            draft_done_at: None,
        };
        let out = self.invitation_wire(&inv, now);
        self.state.invitations.push(inv);
        ok(201, &out)
    }

    fn revoke(&mut self, me: &User, id: &str, now: Millis) -> Answer {
        if !me.partner_role.is_some_and(PartnerRole::may_invite) {
            return Err(fail(
                ErrorCode::InsufficientRole,
                "Only Admin agents and Sales agents can revoke invitations",
            ));
        }
        let i = self.own_invitation(me, id)?;
        let inv = &self.state.invitations[i];
        match inv.status(now) {
            InvitationStatus::Accepted => {
                return Err(invalid_msg(
                    "status",
                    "An accepted invitation cannot be revoked",
                ))
            }
            InvitationStatus::Expired => {
                return Err(invalid_msg(
                    "status",
                    "An expired invitation cannot be revoked",
                ))
            }
            InvitationStatus::Revoked | InvitationStatus::Pending => {}
        }
        let inv = &mut self.state.invitations[i];
        inv.revoked_at.get_or_insert(now);
        let inv = inv.clone();
        ok(200, &self.invitation_wire(&inv, now))
    }

    fn save_draft(&mut self, me: &User, id: &str, req: &ApiRequest, now: Millis) -> Answer {
        let i = self.own_invitation(me, id)?;
        let body: wire::EmailDraft = parse_body(req)?;
        for address in body
            .to
            .split([',', ';'])
            .map(str::trim)
            .filter(|a| !a.is_empty())
        {
            validate::email(address).map_err(|p| invalid("to", p))?;
        }
        validate::optional_text(&body.to, 1000).map_err(|p| invalid("to", p))?;
        validate::required_text(&body.subject, 255).map_err(|p| invalid("subject", p))?;
        validate::required_text(&body.body, validate::MAX_BODY).map_err(|p| invalid("body", p))?;
        let inv = &mut self.state.invitations[i];
        if body.completed_at.is_some() && !email::contains_link(&body.body, &inv.link) {
            return Err(invalid_msg("body", "The email body no longer holds the invitation link unchanged; put the link back first"));
        }
        inv.draft = (body.to, body.subject, body.body);
        if body.completed_at.is_some() {
            inv.draft_done_at.get_or_insert(now);
        }
        let inv = inv.clone();
        ok(200, &self.invitation_wire(&inv, now))
    }

    // ----- customers (partner) -----

    fn rows(&self, partner: TenantId) -> Vec<Row> {
        let row = |t: &Tenant, r: &Relationship| Row {
            id: t.id,
            name: t.name.clone(),
            name_key: t.name.to_lowercase(),
            domain: t.domain.clone(),
            country: t.country.clone(),
            dap: r.dap,
            mca: t.mca.is_some(),
            since: r.since,
        };
        let mut rows: Vec<Row> = self
            .state
            .relationships
            .iter()
            .filter(|r| r.partner == partner)
            .filter_map(|r| self.state.tenants.get(&r.customer).map(|t| row(t, r)))
            .collect();
        if partner == SCALE_PARTNER {
            for i in 0..state::SCALE_CUSTOMERS {
                if !self.state.scale_overrides.contains(&i) {
                    rows.push(row(&scale::tenant(i), &scale::relationship(i)));
                }
            }
        }
        rows
    }

    fn list_customers(&mut self, me: &User, req: &ApiRequest) -> Answer {
        let size: usize = match req.query("size") {
            None => 100,
            Some(s) => s
                .parse()
                .ok()
                .filter(|n| (1..=500).contains(n))
                .ok_or_else(|| invalid_msg("size", "size must be a number from 1 to 500"))?,
        };
        let offset: usize = match req.query("offset") {
            None => 0,
            Some(s) => s.parse().ok().filter(|n| *n <= MAX_OFFSET).ok_or_else(|| {
                invalid_msg(
                    "offset",
                    "offset must be a number of items to skip, from 0 to 1,000,000,000",
                )
            })?,
        };
        let q = req.query("q").unwrap_or_default();
        validate::optional_text(&q, validate::MAX_TEXT).map_err(|p| invalid("q", p))?;
        let sort = req.query("sort").unwrap_or_else(|| "name".into());
        if !["name", "domain", "country", "relationship", "mca", "since"].contains(&sort.as_str()) {
            return Err(invalid_msg(
                "sort",
                "sort must be one of name, domain, country, relationship, mca, since",
            ));
        }
        let order = req.query("order").unwrap_or_else(|| "asc".into());
        if order != "asc" && order != "desc" {
            return Err(invalid_msg("order", "order must be asc or desc"));
        }
        let filter = req.query("filter").unwrap_or_else(|| "all".into());
        if !["all", "reseller", "delegated", "adminRemoved"].contains(&filter.as_str()) {
            return Err(invalid_msg(
                "filter",
                "filter must be one of all, reseller, delegated, adminRemoved",
            ));
        }
        let revision = self.state.revision;
        if !self
            .cache
            .as_ref()
            .is_some_and(|c| c.revision == revision && c.partner == me.tenant)
        {
            let rows = self.rows(me.tenant);
            self.cache = Some(ListCache {
                revision,
                partner: me.tenant,
                rows,
                view_key: String::new(),
                view: Vec::new(),
            });
        }
        let cache = self.cache.as_mut().expect("cache just filled");
        let view_key = format!("{q}\u{0}{sort}\u{0}{order}\u{0}{filter}");
        if cache.view_key != view_key || cache.view.is_empty() {
            let needle = q.trim().to_lowercase();
            let mut view: Vec<u32> = (0..cache.rows.len() as u32)
                .filter(|&i| {
                    let r = &cache.rows[i as usize];
                    let state_ok = match filter.as_str() {
                        "reseller" => r.dap == DelegatedAdmin::None,
                        "delegated" => r.dap == DelegatedAdmin::Active,
                        "adminRemoved" => r.dap == DelegatedAdmin::Removed,
                        _ => true,
                    };
                    state_ok
                        && (needle.is_empty()
                            || r.name_key.contains(&needle)
                            || r.domain.contains(&needle))
                })
                .collect();
            let rows = &cache.rows;
            let rank = |d: DelegatedAdmin| match d {
                DelegatedAdmin::None => 0,
                DelegatedAdmin::Active => 1,
                DelegatedAdmin::Removed => 2,
            };
            view.sort_by(|&a, &b| {
                let (a, b) = (&rows[a as usize], &rows[b as usize]);
                let primary = match sort.as_str() {
                    "domain" => a.domain.cmp(&b.domain),
                    "country" => a.country.cmp(&b.country),
                    "relationship" => rank(a.dap).cmp(&rank(b.dap)),
                    "mca" => a.mca.cmp(&b.mca),
                    "since" => a.since.cmp(&b.since),
                    _ => std::cmp::Ordering::Equal,
                };
                let primary = if order == "desc" {
                    primary.reverse()
                } else {
                    primary
                };
                primary
                    .then_with(|| a.name_key.cmp(&b.name_key))
                    .then_with(|| a.id.cmp(&b.id))
            });
            if sort == "name" && order == "desc" {
                view.reverse();
            }
            cache.view = view;
            cache.view_key = view_key;
        }
        let total = cache.view.len();
        let page: Vec<Row> = cache
            .view
            .iter()
            .skip(offset)
            .take(size)
            .map(|&i| cache.rows[i as usize].clone())
            .collect();
        let items = page
            .iter()
            .map(|r| {
                let t = Tenant {
                    id: r.id,
                    name: r.name.clone(),
                    domain: r.domain.clone(),
                    country: r.country.clone(),
                    city: String::new(),
                    cloud: Cloud::Public,
                    partner: None,
                    mca: None,
                };
                let mut c = self.customer_wire(
                    &t,
                    &Relationship {
                        partner: me.tenant,
                        customer: r.id,
                        dap: r.dap,
                        since: r.since,
                    },
                    false,
                );
                c.mca_accepted = Some(r.mca);
                c.company_profile.address = Some(wire::Address {
                    country: r.country.clone(),
                    ..Default::default()
                });
                c
            })
            .collect();
        let query = |off: usize| {
            format!("/v1/customers?size={size}&offset={off}&q={}&sort={sort}&order={order}&filter={filter}", encode_query(&q))
        };
        let links = Links {
            self_link: Some(Link {
                uri: query(offset),
                method: "GET".into(),
                headers: Vec::new(),
            }),
            next: (offset.saturating_add(size) < total).then(|| Link {
                uri: query(offset.saturating_add(size)),
                method: "GET".into(),
                headers: Vec::new(),
            }),
        };
        ok(
            200,
            &Collection {
                total_count: total as u64,
                items,
                links,
                attributes: Attributes::of("Collection"),
            },
        )
    }

    fn remove_relationship(&mut self, me: &User, customer: &str) -> Answer {
        Self::require_manager(me)?;
        let (tenant, _) = self.customer_of(me, customer)?;
        let subs = self.subscriptions_of(tenant.id, me.tenant);
        let blockers =
            rules::removal_blockers(subs.iter().map(|s| (offer_name(&s.offer_id), s.active)));
        if !blockers.is_empty() {
            return Err(error_response(
                ErrorCode::ActiveSubscriptions,
                "The relationship has active subscriptions; suspend them first",
                blockers,
            ));
        }
        self.materialize(tenant.id);
        self.state
            .relationships
            .retain(|r| !(r.partner == me.tenant && r.customer == tenant.id));
        Ok((204, String::new()))
    }

    fn attest_agreement(
        &mut self,
        me: &User,
        customer: &str,
        req: &ApiRequest,
        now: Millis,
    ) -> Answer {
        Self::require_manager(me)?;
        let (tenant, _) = self.customer_of(me, customer)?;
        let body: wire::Agreement = parse_body(req)?;
        let record = check_agreement(&body, me.id, now)?;
        self.materialize(tenant.id);
        let t = self
            .state
            .tenants
            .get_mut(&tenant.id)
            .ok_or_else(|| fail(ErrorCode::NotFound, "Customer not found"))?;
        t.mca = Some(record.clone());
        ok(201, &agreement_wire(&record))
    }

    fn add_subscription(
        &mut self,
        me: &User,
        customer: &str,
        req: &ApiRequest,
        now: Millis,
    ) -> Answer {
        Self::require_manager(me)?;
        let (tenant, _) = self.customer_of(me, customer)?;
        let body: wire::NewSubscription = parse_body(req)?;
        if !OFFERS.iter().any(|o| o.0 == body.offer_id) {
            return Err(invalid_msg("offerId", "offerId is not in the catalogue"));
        }
        if !(1..=10_000).contains(&body.quantity) {
            return Err(invalid_msg(
                "quantity",
                "quantity must be from 1 to 10,000 seats",
            ));
        }
        self.materialize(tenant.id);
        let sub = Subscription {
            id: uuid::Uuid::new_v4(),
            customer: tenant.id,
            partner: me.tenant,
            offer_id: body.offer_id,
            quantity: body.quantity,
            active: true,
            created: now,
            support: None,
        };
        self.state.subscriptions.push(sub.clone());
        ok(
            201,
            &subscription_wire(&sub, &self.reseller_names(me.tenant)),
        )
    }

    fn find_subscription(
        &mut self,
        me: &User,
        customer: &str,
        sub: &str,
    ) -> Result<usize, ApiResponse> {
        let (tenant, _) = self.customer_of(me, customer)?;
        let sid: uuid::Uuid = parse_id(sub, "subscription")?;
        if !self
            .subscriptions_of(tenant.id, me.tenant)
            .iter()
            .any(|s| s.id == sid)
        {
            return Err(fail(
                ErrorCode::NotFound,
                format!("No subscription {sid} for this customer"),
            ));
        }
        self.materialize(tenant.id);
        self.state
            .subscriptions
            .iter()
            .position(|s| s.id == sid)
            .ok_or_else(|| fail(ErrorCode::NotFound, "Subscription not found"))
    }

    fn patch_subscription(
        &mut self,
        me: &User,
        customer: &str,
        sub: &str,
        req: &ApiRequest,
    ) -> Answer {
        Self::require_manager(me)?;
        let body: wire::SubscriptionPatch = parse_body(req)?;
        if let Some(status) = &body.status {
            if status != "active" && status != "suspended" {
                return Err(invalid_msg("status", "status must be active or suspended"));
            }
        }
        if body.quantity.is_some_and(|q| !(1..=10_000).contains(&q)) {
            return Err(invalid_msg(
                "quantity",
                "quantity must be from 1 to 10,000 seats",
            ));
        }
        let i = self.find_subscription(me, customer, sub)?;
        let s = &mut self.state.subscriptions[i];
        if let Some(status) = body.status {
            s.active = status == "active";
        }
        if let Some(q) = body.quantity {
            s.quantity = q;
        }
        let s = s.clone();
        // Fewer seats than assigned licenses is refused; suspending keeps the assignments.
        if body.quantity.is_some()
            && self
                .skus_of(s.customer, me.tenant)
                .iter()
                .any(|k| k.consumed_units > k.active_units && s.offer_id == offer_of_sku(&k.sku_id))
        {
            return Err(fail(
                ErrorCode::NotEnoughSeats,
                "Fewer seats than assigned licenses: remove licenses from users first",
            ));
        }
        ok(200, &subscription_wire(&s, &self.reseller_names(me.tenant)))
    }

    fn set_support_contact(
        &mut self,
        me: &User,
        customer: &str,
        sub: &str,
        req: &ApiRequest,
    ) -> Answer {
        Self::require_manager(me)?;
        let body: wire::SupportContactRequest = parse_body(req)?;
        let eligible = self.reseller_names(me.tenant);
        let contact = eligible
            .iter()
            .find(|r| r.0.to_string() == body.support_tenant_id)
            .cloned()
            .ok_or_else(|| {
                invalid_msg(
                    "supportTenantId",
                    "supportTenantId is not an eligible reseller of this partner",
                )
            })?;
        let i = self.find_subscription(me, customer, sub)?;
        self.state.subscriptions[i].support = Some(contact.0);
        let s = self.state.subscriptions[i].clone();
        ok(200, &subscription_wire(&s, &eligible))
    }

    fn update_licenses(
        &mut self,
        me: &User,
        customer: &str,
        user: &str,
        req: &ApiRequest,
    ) -> Answer {
        Self::require_manager(me)?;
        let (tenant, _) = self.customer_of(me, customer)?;
        let body: wire::LicenseUpdate = parse_body(req)?;
        let uid: UserId = parse_id(user, "user")?;
        if !self.users_of(tenant.id).iter().any(|u| u.id == uid) {
            return Err(fail(
                ErrorCode::NotFound,
                format!("No user {uid} in this customer"),
            ));
        }
        for sku in body
            .licenses_to_assign
            .iter()
            .chain(&body.licenses_to_remove)
        {
            if !OFFERS.iter().any(|o| o.2 == sku) {
                return Err(invalid_msg(
                    "skuId",
                    format!(
                        "{} is not a known SKU",
                        sku.chars().take(60).collect::<String>()
                    ),
                ));
            }
        }
        self.materialize(tenant.id);
        let u = self
            .state
            .users
            .iter_mut()
            .find(|u| u.id == uid)
            .ok_or_else(|| fail(ErrorCode::NotFound, "User not found"))?;
        u.licenses.retain(|l| !body.licenses_to_remove.contains(l));
        for sku in &body.licenses_to_assign {
            if !u.licenses.contains(sku) {
                u.licenses.push(sku.clone());
            }
        }
        let updated = u.clone();
        if let Some(k) = self.skus_of(tenant.id, me.tenant).iter().find(|k| {
            k.consumed_units > k.active_units && body.licenses_to_assign.contains(&k.sku_id)
        }) {
            return Err(error_response(
                ErrorCode::NotEnoughSeats,
                &format!(
                    "No free seat of {}: buy more seats or remove a license from another user",
                    k.name
                ),
                vec![k.sku_id.clone()],
            ));
        }
        ok(200, &customer_user_wire(&updated))
    }

    // ----- customer side -----

    /// Reads the link and finds its partner and invitation; refuses what the
    /// link alone can tell (malformed, unknown, altered, revoked, expired).
    fn resolve_link(
        &self,
        link: &str,
        now: Millis,
    ) -> Result<(InvitationLink, Tenant, Option<Invitation>), ApiResponse> {
        let parsed = InvitationLink::parse(link).map_err(|e| {
            error_response(
                ErrorCode::MalformedLink,
                &format!("The invitation link cannot be read: {e}"),
                Vec::new(),
            )
        })?;
        let partner = self
            .tenant(parsed.partner_id)
            .filter(|t| t.partner.is_some())
            .ok_or_else(|| {
                fail(
                    ErrorCode::InvitationNotFound,
                    "No partner has this partnerId",
                )
            })?;
        // This backend's links always carry invitationId; without it a link is
        // damaged (and never a way around a revoked or expired invitation).
        let invitation = match parsed.invitation_id {
            None => {
                return Err(error_response(
                    ErrorCode::MalformedLink,
                    "The invitation link cannot be read: the link has no invitationId",
                    vec!["invitationId".into()],
                ))
            }
            Some(id) => {
                let inv = self
                    .state
                    .invitations
                    .iter()
                    .find(|i| i.id == id)
                    .cloned()
                    .ok_or_else(|| {
                        fail(
                            ErrorCode::InvitationNotFound,
                            "No invitation has this invitationId",
                        )
                    })?;
                if inv.partner != parsed.partner_id
                    || inv.dap != parsed.dap
                    || inv.mspp_id != parsed.mspp_id
                    || inv.indirect_reseller != parsed.indirect_csp_id
                {
                    return Err(fail(
                        ErrorCode::LinkAltered,
                        "The link's parameters differ from the invitation the partner created",
                    ));
                }
                match inv.status(now) {
                    InvitationStatus::Revoked => {
                        return Err(fail(
                            ErrorCode::Revoked,
                            "The partner revoked this invitation",
                        ))
                    }
                    InvitationStatus::Expired => {
                        return Err(fail(
                            ErrorCode::Expired,
                            format!(
                                "This invitation expired on {}",
                                time::to_date(inv.created_at + INVITATION_LIFETIME)
                            ),
                        ))
                    }
                    _ => {}
                }
                Some(inv)
            }
        };
        Ok((parsed, partner, invitation))
    }

    fn view_invitation(&self, req: &ApiRequest, now: Millis) -> Answer {
        let link = req
            .query("link")
            .ok_or_else(|| invalid_msg("link", "link is required"))?;
        let (parsed, partner, inv) = self.resolve_link(&link, now)?;
        let reseller = parsed
            .indirect_csp_id
            .and_then(|r| {
                self.reseller_names(partner.id)
                    .into_iter()
                    .find(|x| x.0 == r)
            })
            .map(|x| x.1);
        let accepted_by_you = match (&inv, self.caller(req)) {
            (Some(i), Some(me)) if me.customer_role.is_some() => {
                i.accepted.map(|(tenant, _)| tenant == me.tenant)
            }
            _ => None,
        };
        ok(
            200,
            &wire::InvitationView {
                accepted_at: inv
                    .as_ref()
                    .and_then(|i| i.accepted)
                    .map(|(_, at)| time::to_rfc3339(at)),
                accepted_by_you,
                partner_id: partner.id.to_string(),
                partner_name: partner.name.clone(),
                partner_country: partner.country.clone(),
                partner_mpn_id: partner.partner.map(|p| p.mpn_id).unwrap_or_default(),
                cloud: partner.cloud,
                dap: parsed.dap,
                indirect_reseller_name: reseller,
                status: inv.map(|i| i.status(now)),
            },
        )
    }

    fn accept(&mut self, me: &User, req: &ApiRequest, now: Millis) -> Answer {
        let body: wire::AcceptRequest = parse_body(req)?;
        let (parsed, partner, inv) = self.resolve_link(&body.link, now)?;
        let tenant = self
            .tenant(me.tenant)
            .ok_or_else(|| fail(ErrorCode::NotFound, "Your tenant was not found"))?;
        let ctx = AcceptContext {
            partner_id: partner.id,
            partner_cloud: partner.cloud,
            partner_country: partner.country.clone(),
            tenant_id: tenant.id,
            tenant_cloud: tenant.cloud,
            tenant_country: tenant.country.clone(),
            role: me.customer_role.unwrap_or(CustomerRole::User),
            dap: parsed.dap,
            status: inv.as_ref().map(|i| i.status(now)),
            accepted_by: inv.as_ref().and_then(|i| i.accepted.map(|a| a.0)),
        };
        let country_name = |code: &str| {
            country::find(code).map_or_else(|| code.to_string(), |c| c.name.to_string())
        };
        rules::check_acceptance(&ctx).map_err(|refusal| match refusal {
            Refusal::Revoked => fail(ErrorCode::Revoked, "The partner revoked this invitation"),
            Refusal::Expired => fail(ErrorCode::Expired, "This invitation expired"),
            Refusal::AcceptedByAnother => fail(ErrorCode::AcceptedByAnother, "Another organization already accepted this invitation"),
            Refusal::OwnTenant => fail(ErrorCode::OwnTenant, "A partner cannot accept its own invitation"),
            Refusal::CloudMismatch => error_response(ErrorCode::CloudMismatch, &format!("The partner operates in {}; your organization is in {}", partner.cloud.name(), tenant.cloud.name()), vec![partner.cloud.name().into(), tenant.cloud.name().into()]),
            Refusal::RegionMismatch => {
                let region = country::find(&partner.country).map_or("", |c| c.region.name());
                error_response(ErrorCode::RegionMismatch, &format!("The partner sells in {} ({region}); your organization is in {}", country_name(&partner.country), country_name(&tenant.country)), vec![partner.country.clone(), tenant.country.clone(), region.into()])
            }
            Refusal::InsufficientRole => fail(ErrorCode::InsufficientRole, if parsed.dap { "Only a Global administrator can accept an invitation that asks for admin privileges" } else { "Only a Global or Billing administrator can accept this invitation" }),
        })?;
        if tenant.mca.is_none() {
            let agreement = body.agreement.as_ref().ok_or_else(|| {
                error_response(
                    ErrorCode::McaFieldsMissing,
                    "Your organization must accept the Microsoft Customer Agreement",
                    vec!["firstName".into(), "lastName".into(), "email".into()],
                )
            })?;
            let record = check_agreement(agreement, me.id, now)?;
            if let Some(t) = self.state.tenants.get_mut(&tenant.id) {
                t.mca = Some(record);
            }
        }
        let earlier = inv
            .as_ref()
            .and_then(|i| i.accepted)
            .filter(|(by, _)| *by == tenant.id);
        let existing = self.relationship(partner.id, tenant.id);
        let (outcome, dap) = match (earlier, &existing) {
            // The same organization again (a second press, another tab).
            (Some(_), Some(r)) => (AcceptOutcome::AlreadyAccepted, r.dap),
            _ => rules::accept(existing.as_ref().map(|r| r.dap), parsed.dap),
        };
        self.materialize(tenant.id);
        match self
            .state
            .relationships
            .iter_mut()
            .find(|r| r.partner == partner.id && r.customer == tenant.id)
        {
            Some(r) => r.dap = dap,
            None => self.state.relationships.push(Relationship {
                partner: partner.id,
                customer: tenant.id,
                dap,
                since: now,
            }),
        }
        if let Some(inv) = inv {
            if let Some(stored) = self.state.invitations.iter_mut().find(|i| i.id == inv.id) {
                stored.accepted.get_or_insert((tenant.id, now));
            }
        }
        let rel = self
            .state
            .relationships
            .iter()
            .find(|r| r.partner == partner.id && r.customer == tenant.id)
            .cloned()
            .ok_or_else(|| fail(ErrorCode::NotFound, "Relationship not found"))?;
        let relationship = self
            .partner_relationship_wire(&rel)
            .ok_or_else(|| fail(ErrorCode::NotFound, "Partner not found"))?;
        let accepted_at = earlier.map_or(now, |(_, at)| at);
        ok(
            200,
            &wire::AcceptResponse {
                outcome,
                accepted_at: Some(time::to_rfc3339(accepted_at)),
                relationship,
            },
        )
    }

    fn remove_admin(&mut self, me: &User, partner: &str) -> Answer {
        if me.customer_role != Some(CustomerRole::GlobalAdmin) {
            return Err(fail(
                ErrorCode::InsufficientRole,
                "Only a Global administrator can remove a partner's admin permissions",
            ));
        }
        let pid: TenantId = parse_id(partner, "partner")?;
        let rel = self
            .state
            .relationships
            .iter_mut()
            .find(|r| r.partner == pid && r.customer == me.tenant)
            .ok_or_else(|| {
                fail(
                    ErrorCode::NotFound,
                    "This partner has no relationship with your organization",
                )
            })?;
        rel.dap = rules::remove_admin(rel.dap);
        let rel = rel.clone();
        let out = self
            .partner_relationship_wire(&rel)
            .ok_or_else(|| fail(ErrorCode::NotFound, "Partner not found"))?;
        ok(200, &out)
    }
}

fn check_agreement(
    a: &wire::Agreement,
    user: UserId,
    now: Millis,
) -> Result<McaRecord, ApiResponse> {
    let problems = a.primary_contact.problems();
    if !problems.is_empty() {
        let fields: Vec<String> = problems.iter().map(|(f, _)| (*f).to_string()).collect();
        return Err(error_response(
            ErrorCode::McaFieldsMissing,
            &format!(
                "The Microsoft Customer Agreement needs: {}",
                fields.join(", ")
            ),
            fields,
        ));
    }
    if a.template_id != MCA_TEMPLATE_ID {
        return Err(invalid_msg(
            "templateId",
            "templateId is not the current Microsoft Customer Agreement",
        ));
    }
    if a.agreement_type != "MicrosoftCustomerAgreement" {
        return Err(invalid_msg(
            "type",
            "type must be MicrosoftCustomerAgreement",
        ));
    }
    let date = time::parse_rfc3339(&a.date_agreed).ok_or_else(|| {
        invalid_msg(
            "dateAgreed",
            "dateAgreed must be an RFC 3339 UTC date, e.g. 2026-11-26T10:00:00.000Z",
        )
    })?;
    if date > now + DAY {
        return Err(invalid_msg("dateAgreed", "dateAgreed is in the future"));
    }
    Ok(McaRecord {
        signer: a.primary_contact.clone(),
        date_agreed: date,
        user_id: user,
    })
}

fn mca_metadata() -> wire::AgreementMetadata {
    wire::AgreementMetadata {
        template_id: MCA_TEMPLATE_ID.into(),
        agreement_type: "MicrosoftCustomerAgreement".into(),
        agreement_link: "https://aka.ms/customeragreement".into(),
        version_rank: 0,
    }
}

fn agreement_wire(r: &McaRecord) -> wire::Agreement {
    wire::Agreement {
        user_id: Some(r.user_id.to_string()),
        primary_contact: r.signer.clone(),
        template_id: MCA_TEMPLATE_ID.into(),
        date_agreed: time::to_rfc3339(r.date_agreed),
        agreement_type: "MicrosoftCustomerAgreement".into(),
    }
}

fn demo_user(u: &User) -> wire::DemoUser {
    wire::DemoUser {
        id: u.id.to_string(),
        display_name: u.name.clone(),
        email: u.email.clone(),
        partner_role: u.partner_role,
        customer_role: u.customer_role,
    }
}

fn offer_name(offer: &str) -> &str {
    OFFERS.iter().find(|o| o.0 == offer).map_or(offer, |o| o.1)
}

fn offer_of_sku(sku: &str) -> &str {
    OFFERS.iter().find(|o| o.2 == sku).map_or("", |o| o.0)
}

fn subscription_wire(
    s: &Subscription,
    resellers: &[(TenantId, String, String)],
) -> wire::Subscription {
    wire::Subscription {
        id: s.id.to_string(),
        offer_id: s.offer_id.clone(),
        offer_name: offer_name(&s.offer_id).to_string(),
        quantity: s.quantity,
        status: if s.active {
            "active".into()
        } else {
            "suspended".into()
        },
        creation_date: time::to_rfc3339(s.created),
        support_contact: s
            .support
            .and_then(|t| resellers.iter().find(|r| r.0 == t))
            .map(|r| wire::SupportContact {
                support_tenant_id: r.0.to_string(),
                support_mpn_id: r.2.clone(),
                name: r.1.clone(),
            }),
        attributes: Attributes::of("Subscription"),
    }
}

fn customer_user_wire(u: &User) -> wire::CustomerUser {
    wire::CustomerUser {
        id: u.id.to_string(),
        display_name: u.name.clone(),
        user_principal_name: u.email.clone(),
        licenses: u.licenses.clone(),
        attributes: Attributes::of("CustomerUser"),
    }
}
