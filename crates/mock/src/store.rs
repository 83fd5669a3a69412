//! The mock's storage layer: where its state lives between page loads, how
//! tabs share it, and what happens when storage fails.
//!
//! - [`Store`]: one JSON document under one key; memory natively and in tests,
//!   `localStorage` in the browser. Every call can fail, and says how.
//! - Schema: the stored state carries [`SCHEMA_VERSION`]. An older or partly
//!   missing state is migrated (serde defaults fill what is missing); a state
//!   that cannot be read is **set aside** under another key before the seed is
//!   used, and a [`StorageNotice`] says so. Nothing is ever reseeded silently
//!   over a user's data.
//! - Cross-tab writes: [`exclusive`] runs a write under the Web Locks API so
//!   that re-reading the stored state, changing it and writing it back is one
//!   step for every tab of the browser.

use super::state::State;
use reseller_domain::time::Millis;
use std::sync::{Arc, Mutex};

/// The version of the stored state's shape. Bump it with a migration in
/// [`decode`] when a field changes meaning or type.
///
/// - 0 (no `schema` field): the first release; its replay entries carry no
///   caller and are dropped.
/// - 2: replay entries carry the caller, a request hash and a time.
/// - 3: two-tier partners are tenants of their own (with users): a
///   provider's `resellers` hold tenant ids (schema 2 held name, MPN id and
///   country), invitations keep their `indirectProvider`, relationships
///   their `indirectReseller`.
pub const SCHEMA_VERSION: u32 = 3;

/// Why the store refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// Storage is turned off or not reachable (private mode, site data blocked).
    Unavailable,
    /// The write did not fit (quota exceeded).
    Full,
}

/// Persists the mock's state as one JSON string.
pub trait Store: Send {
    /// Whether other tabs share this store (then writes need the cross-tab
    /// lock; a store of this tab's own memory does not).
    fn shared(&self) -> bool {
        false
    }
    /// The saved state, if any.
    fn load(&self) -> Result<Option<String>, StoreError>;
    /// Saves the state.
    fn save(&self, state: &str) -> Result<(), StoreError>;
    /// Keeps `raw` (a state that could not be read) under another key, named
    /// after `at`; returns that key.
    fn set_aside(&self, raw: &str, at: Millis) -> Result<String, StoreError>;
}

/// Why stored data could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unreadable {
    /// A newer version of the app wrote it (its schema is ahead of ours).
    Newer {
        /// The schema it was written in.
        schema: u32,
    },
    /// It is not JSON of the state's shape.
    Invalid {
        /// The parser's words (technical detail).
        detail: String,
    },
}

impl std::fmt::Display for Unreadable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Unreadable::Newer { schema } => write!(
                f,
                "written by a newer version of this app (schema {schema}; this app reads up to {SCHEMA_VERSION})"
            ),
            Unreadable::Invalid { detail } => write!(f, "not a readable demo state: {detail}"),
        }
    }
}

/// What the user must be told about storage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageNotice {
    /// Storage is off: the demo runs in this tab's memory only.
    Unavailable,
    /// A write was refused (storage full or turned off); the change was not made.
    WriteRefused,
    /// The stored data could not be read; it was kept under `key` and the demo
    /// started from its sample data.
    SetAside {
        /// Where the unreadable data is kept.
        key: String,
        /// What was wrong with it.
        reason: Unreadable,
        /// The data itself, for download.
        raw: String,
    },
    /// The stored data could not be read nor set aside (storage full): it was
    /// left untouched and the demo runs in memory only.
    KeptInPlace {
        /// What was wrong with it.
        reason: Unreadable,
        /// The data itself, for download.
        raw: String,
    },
}

/// The state read from a store, and what to tell the user.
pub struct Opened {
    /// The state to start from.
    pub state: State,
    /// Whether writes may go to the store (false: memory only, to protect
    /// data that could not be set aside, or because storage is off).
    pub persist: bool,
    /// What the user must be told.
    pub notice: Option<StorageNotice>,
    /// The fingerprint of what the store holds now (see [`fingerprint`]).
    pub fingerprint: Option<u64>,
}

/// Reads the state from `store`: restores or migrates it, or sets unreadable
/// data aside before using the seed.
pub fn open(store: &dyn Store, now: Millis) -> Opened {
    let seeded = |persist, notice, fingerprint| Opened {
        state: State::seed(),
        persist,
        notice,
        fingerprint,
    };
    let raw = match store.load() {
        Err(_) => return seeded(false, Some(StorageNotice::Unavailable), None),
        Ok(None) => return seeded(true, None, None),
        Ok(Some(raw)) => raw,
    };
    match decode(&raw) {
        Ok(state) => Opened {
            state,
            persist: true,
            notice: None,
            fingerprint: Some(fingerprint(&raw)),
        },
        Err(reason) => match store.set_aside(&raw, now) {
            Ok(key) => seeded(
                true,
                Some(StorageNotice::SetAside { key, reason, raw }),
                None,
            ),
            Err(_) => {
                let print = fingerprint(&raw);
                seeded(
                    false,
                    Some(StorageNotice::KeptInPlace { reason, raw }),
                    Some(print),
                )
            }
        },
    }
}

/// Reads a stored state, migrating older shapes; says why when it cannot.
pub fn decode(raw: &str) -> Result<State, Unreadable> {
    let invalid = |e: serde_json::Error| Unreadable::Invalid {
        detail: e.to_string(),
    };
    let mut value: serde_json::Value = serde_json::from_str(raw).map_err(invalid)?;
    let schema = value.get("schema").and_then(|s| s.as_u64()).unwrap_or(0);
    if schema > u64::from(SCHEMA_VERSION) {
        return Err(Unreadable::Newer {
            schema: u32::try_from(schema).unwrap_or(u32::MAX),
        });
    }
    let resellers = if schema < 3 {
        two_tier_ids(&mut value)
    } else {
        Vec::new()
    };
    let mut state: State = serde_json::from_value(value).map_err(invalid)?;
    if schema < 2 {
        // Schema 0 kept replays without their caller: they cannot be checked.
        state.replays = Default::default();
    }
    if schema < 3 {
        two_tier_tenants(&mut state, resellers);
    }
    state.schema = SCHEMA_VERSION;
    Ok(state)
}

/// An indirect reseller as schema 2 described it, inside its provider.
struct OldReseller {
    tenant: String,
    name: String,
    mpn_id: String,
    country: String,
    provider: String,
}

/// Schema 2 → 3, in the JSON: each provider's `resellers` entries (a record
/// `{tenant, name, mpnId, country}`, or schema 0's array of the four) become
/// tenant ids; returns what they said, to make tenants of them.
fn two_tier_ids(value: &mut serde_json::Value) -> Vec<OldReseller> {
    use serde_json::Value;
    let mut out = Vec::new();
    let Some(tenants) = value.get_mut("tenants").and_then(Value::as_object_mut) else {
        return out;
    };
    for (provider, tenant) in tenants.iter_mut() {
        let Some(list) = tenant
            .pointer_mut("/partner/resellers")
            .and_then(Value::as_array_mut)
        else {
            continue;
        };
        for entry in list.iter_mut() {
            let field = |name: &str, i: usize| {
                entry
                    .get(name)
                    .or_else(|| entry.get(i))
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_string()
            };
            if entry.is_string() {
                continue;
            }
            let old = OldReseller {
                tenant: field("tenant", 0),
                name: field("name", 1),
                mpn_id: field("mpnId", 2),
                country: field("country", 3),
                provider: provider.clone(),
            };
            *entry = Value::String(old.tenant.clone());
            out.push(old);
        }
    }
    out
}

/// Schema 2 → 3, typed: each reseller becomes a partner tenant of its own
/// (the demo's seeded ones with their users), each two-tier invitation keeps
/// its provider (schema 2's were the provider's own), each relationship
/// starts without an indirect reseller.
fn two_tier_tenants(state: &mut State, resellers: Vec<OldReseller>) {
    use crate::state::{PartnerFacts, Tenant};
    let seed = State::seed();
    for old in resellers {
        let Ok(id) = old.tenant.parse::<reseller_domain::ids::TenantId>() else {
            continue;
        };
        if state.tenants.contains_key(&id) {
            continue;
        }
        let provider_cloud = old
            .provider
            .parse()
            .ok()
            .and_then(|p| state.tenants.get(&p))
            .map(|p| p.cloud)
            .unwrap_or(reseller_domain::cloud::Cloud::Public);
        let tenant = seed.tenants.get(&id).cloned().unwrap_or_else(|| Tenant {
            id,
            name: old.name.clone(),
            domain: String::new(),
            country: old.country.clone(),
            city: String::new(),
            cloud: provider_cloud,
            partner: Some(PartnerFacts {
                mpn_id: old.mpn_id.clone(),
                indirect_provider: false,
                resellers: Vec::new(),
            }),
            mca: None,
        });
        state.tenants.insert(id, tenant);
        state
            .users
            .extend(seed.users.iter().filter(|u| u.tenant == id).cloned());
    }
    for inv in &mut state.invitations {
        if inv.indirect_reseller.is_some() && inv.indirect_provider.is_none() {
            inv.indirect_provider = Some(inv.partner);
        }
    }
}

/// Writes the state in its current schema.
pub fn encode(state: &State) -> String {
    serde_json::to_string(state).unwrap_or_default()
}

/// A cheap fingerprint of a stored document (FNV-1a over its bytes and
/// length), to tell whether another tab wrote since this one last looked.
pub fn fingerprint(raw: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in raw.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h ^ raw.len() as u64
}

/// Memory only; clones share the same cell (like two tabs sharing storage).
/// Tests can give it a quota or turn it off.
#[derive(Clone, Default)]
pub struct MemoryStore(Arc<Mutex<MemoryCell>>);

#[derive(Default)]
struct MemoryCell {
    state: Option<String>,
    aside: Vec<(String, String)>,
    quota: Option<usize>,
    off: bool,
}

impl MemoryStore {
    /// A store holding `raw` already (as if an earlier version wrote it).
    pub fn holding(raw: &str) -> Self {
        let store = Self::default();
        store.cell().state = Some(raw.to_string());
        store
    }
    /// Refuses writes that would take the store past `bytes` (like a full
    /// `localStorage`); `None` lifts the limit.
    pub fn set_quota(&self, bytes: Option<usize>) {
        self.cell().quota = bytes;
    }
    /// Turns storage off (every call fails) or on.
    pub fn set_off(&self, off: bool) {
        self.cell().off = off;
    }
    /// What is stored under the main key.
    pub fn raw(&self) -> Option<String> {
        self.cell().state.clone()
    }
    /// What was set aside: (key, data).
    pub fn set_aside_items(&self) -> Vec<(String, String)> {
        self.cell().aside.clone()
    }
    /// Bytes held in all keys.
    pub fn bytes(&self) -> usize {
        let cell = self.cell();
        cell.state.as_ref().map_or(0, String::len)
            + cell
                .aside
                .iter()
                .map(|(k, v)| k.len() + v.len())
                .sum::<usize>()
    }
    fn cell(&self) -> std::sync::MutexGuard<'_, MemoryCell> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl Store for MemoryStore {
    fn load(&self) -> Result<Option<String>, StoreError> {
        let cell = self.cell();
        if cell.off {
            return Err(StoreError::Unavailable);
        }
        Ok(cell.state.clone())
    }
    fn save(&self, state: &str) -> Result<(), StoreError> {
        let mut cell = self.cell();
        if cell.off {
            return Err(StoreError::Unavailable);
        }
        let others: usize = cell.aside.iter().map(|(k, v)| k.len() + v.len()).sum();
        if cell.quota.is_some_and(|q| others + state.len() > q) {
            return Err(StoreError::Full);
        }
        cell.state = Some(state.to_string());
        Ok(())
    }
    fn set_aside(&self, raw: &str, at: Millis) -> Result<String, StoreError> {
        let mut cell = self.cell();
        if cell.off {
            return Err(StoreError::Unavailable);
        }
        let used: usize = cell.state.as_ref().map_or(0, String::len)
            + cell
                .aside
                .iter()
                .map(|(k, v)| k.len() + v.len())
                .sum::<usize>();
        if cell.quota.is_some_and(|q| used + raw.len() > q) {
            return Err(StoreError::Full);
        }
        let key = format!("unreadable.{at}");
        cell.aside.push((key.clone(), raw.to_string()));
        Ok(key)
    }
}

/// The `localStorage` key of the in-browser mock's state.
pub const BROWSER_KEY: &str = "reseller-invitations.mock.v1";

/// `localStorage` under one key; the browser's `storage` event tells other tabs.
#[cfg(target_arch = "wasm32")]
pub struct LocalStorageStore {
    /// The storage key.
    pub key: &'static str,
}

#[cfg(target_arch = "wasm32")]
impl LocalStorageStore {
    fn storage() -> Result<web_sys::Storage, StoreError> {
        // `window.localStorage` throws when site data is blocked.
        web_sys::window()
            .ok_or(StoreError::Unavailable)?
            .local_storage()
            .ok()
            .flatten()
            .ok_or(StoreError::Unavailable)
    }
    /// A refused `setItem`: `QuotaExceededError` means full, anything else off.
    fn refusal(e: wasm_bindgen::JsValue) -> StoreError {
        let name = js_sys::Reflect::get(&e, &"name".into())
            .ok()
            .and_then(|n| n.as_string())
            .unwrap_or_default();
        if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
            StoreError::Full
        } else {
            StoreError::Unavailable
        }
    }
}

#[cfg(target_arch = "wasm32")]
impl Store for LocalStorageStore {
    fn shared(&self) -> bool {
        true
    }
    fn load(&self) -> Result<Option<String>, StoreError> {
        Self::storage()?
            .get_item(self.key)
            .map_err(|_| StoreError::Unavailable)
    }
    fn save(&self, state: &str) -> Result<(), StoreError> {
        Self::storage()?
            .set_item(self.key, state)
            .map_err(Self::refusal)
    }
    fn set_aside(&self, raw: &str, at: Millis) -> Result<String, StoreError> {
        let key = format!("{}.unreadable.{at}", self.key);
        Self::storage()?
            .set_item(&key, raw)
            .map_err(Self::refusal)?;
        Ok(key)
    }
}

/// Runs `f` while holding the browser-wide lock `name` (Web Locks API), so
/// that no other tab of this origin runs its own `f` at the same time, and
/// only once this tab sees the last write any tab made under the lock.
///
/// Why the second part: Chromium keeps a per-tab copy of `localStorage` that
/// other tabs' writes reach asynchronously, on another channel than the
/// lock's grant; a tab granted the lock right after another tab's write may
/// still read the state from before it. So each write is also announced
/// through the lock manager itself: the writer holds a shared lock named
/// `{name}.head.{time}.{token}` from its write until its next one (`token`
/// names what it wrote: the stored document's fingerprint). Inside the lock,
/// a tab looks up the latest such announcement (`navigator.locks.query`) and
/// waits until `caught_up(token)` holds (its copy shows that write), for two
/// seconds at most, before `f` runs. `f` returns its result and the token of
/// what it wrote, if it wrote.
///
/// Returns `None` if the lock could not be taken. Where the API is missing
/// (very old browsers, insecure origins) `f` runs at once: tabs are then only
/// as safe as `localStorage` alone.
#[cfg(target_arch = "wasm32")]
pub async fn exclusive<R: 'static>(
    name: &str,
    caught_up: impl Fn(&str) -> bool + 'static,
    f: impl FnOnce() -> (R, Option<String>) + 'static,
) -> Option<R> {
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::JsValue;

    let Some(locks) = lock_manager() else {
        return Some(f().0);
    };
    let out: Rc<RefCell<Option<R>>> = Rc::new(RefCell::new(None));
    let slot = out.clone();
    let head_prefix = format!("{name}.head.");
    // The lock is held until the promise this callback returns settles.
    let callback = wasm_bindgen::closure::Closure::once(move |_lock: JsValue| {
        wasm_bindgen_futures::future_to_promise(async move {
            if let Some(latest) = latest_head(&locks, &head_prefix).await {
                // The announced write reaches this tab's copy within moments.
                for _ in 0..400 {
                    if caught_up(&latest) {
                        break;
                    }
                    crate::clock::sleep_ms(5).await;
                }
            }
            let (result, wrote) = f();
            *slot.borrow_mut() = Some(result);
            if let Some(token) = wrote {
                let time = crate::clock::now_ms();
                announce(&locks, &format!("{head_prefix}{time:015}.{token}")).await;
            }
            Ok(JsValue::UNDEFINED)
        })
    });
    let promise = call_request(&JsValue::from_str(name), None, callback.as_ref())?;
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    drop(callback);
    out.take()
}

#[cfg(target_arch = "wasm32")]
fn lock_manager() -> Option<wasm_bindgen::JsValue> {
    let navigator = web_sys::window()?.navigator();
    js_sys::Reflect::get(&navigator, &"locks".into())
        .ok()
        .filter(|l| !l.is_undefined() && !l.is_null())
}

/// `navigator.locks.request(name[, options], callback)`.
#[cfg(target_arch = "wasm32")]
fn call_request(
    name: &wasm_bindgen::JsValue,
    options: Option<&js_sys::Object>,
    callback: &wasm_bindgen::JsValue,
) -> Option<js_sys::Promise> {
    use wasm_bindgen::JsCast;
    let locks = lock_manager()?;
    let request: js_sys::Function = js_sys::Reflect::get(&locks, &"request".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let result = match options {
        Some(o) => request.call3(&locks, name, o, callback),
        None => request.call2(&locks, name, callback),
    };
    result.ok()?.dyn_into().ok()
}

/// The token of the latest write announced by a held `{prefix}{time}.{token}` lock.
#[cfg(target_arch = "wasm32")]
async fn latest_head(locks: &wasm_bindgen::JsValue, prefix: &str) -> Option<String> {
    use wasm_bindgen::JsCast;
    let query: js_sys::Function = js_sys::Reflect::get(locks, &"query".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let snapshot = wasm_bindgen_futures::JsFuture::from(
        query
            .call0(locks)
            .ok()?
            .dyn_into::<js_sys::Promise>()
            .ok()?,
    )
    .await
    .ok()?;
    let held: js_sys::Array = js_sys::Reflect::get(&snapshot, &"held".into())
        .ok()?
        .dyn_into()
        .ok()?;
    held.iter()
        .filter_map(|lock| {
            js_sys::Reflect::get(&lock, &"name".into())
                .ok()?
                .as_string()
        })
        .filter_map(|name| name.strip_prefix(prefix).map(str::to_string))
        .max()
        .and_then(|latest| latest.split_once('.').map(|(_, token)| token.to_string()))
}

#[cfg(target_arch = "wasm32")]
thread_local! {
    /// Releases the head lock this tab holds (its last announced write).
    static HEAD_RELEASE: std::cell::RefCell<Option<js_sys::Function>> = const { std::cell::RefCell::new(None) };
}

/// Holds the shared lock `name` (announcing a write) until the next
/// announcement, and releases the previous one once this one is granted.
#[cfg(target_arch = "wasm32")]
async fn announce(_locks: &wasm_bindgen::JsValue, name: &str) {
    use wasm_bindgen::JsValue;
    let (granted_tx, granted) = {
        let mut resolve_granted = None;
        let granted = js_sys::Promise::new(&mut |resolve, _| resolve_granted = Some(resolve));
        (resolve_granted, granted)
    };
    let hold = wasm_bindgen::closure::Closure::once_into_js(move |_lock: JsValue| {
        if let Some(done) = granted_tx {
            let _ = done.call0(&JsValue::NULL);
        }
        // Held until HEAD_RELEASE is called.
        js_sys::Promise::new(&mut |resolve, _| {
            let previous = HEAD_RELEASE.with(|h| h.borrow_mut().replace(resolve));
            if let Some(release) = previous {
                let _ = release.call0(&JsValue::NULL);
            }
        })
    });
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"mode".into(), &"shared".into());
    if call_request(&JsValue::from_str(name), Some(&options), &hold).is_some() {
        let _ = wasm_bindgen_futures::JsFuture::from(granted).await;
    }
}

/// Natively there is one process and no other tab: `f` runs at once.
#[cfg(not(target_arch = "wasm32"))]
pub async fn exclusive<R: 'static>(
    _name: &str,
    _caught_up: impl Fn(&str) -> bool + 'static,
    f: impl FnOnce() -> (R, Option<String>) + 'static,
) -> Option<R> {
    Some(f().0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_older_state_is_migrated_and_keeps_its_data() {
        let mut old = serde_json::to_value(State::seed()).unwrap();
        let obj = old.as_object_mut().unwrap();
        obj.remove("schema");
        obj.remove("scaleOverrides");
        obj.insert(
            "replays".into(),
            serde_json::json!([{"key": "k", "request": "POST /v1/x {}", "status": 200, "body": "{}"}]),
        );
        obj.insert("revision".into(), 41.into());
        let state = decode(&old.to_string()).expect("migrated");
        assert_eq!(state.schema, SCHEMA_VERSION);
        assert_eq!(state.revision, 41);
        assert_eq!(state.tenants, State::seed().tenants);
        assert!(
            state.replays.is_empty(),
            "replays without a caller are dropped"
        );
    }

    #[test]
    fn unreadable_data_is_set_aside_before_the_seed_is_used() {
        let store = MemoryStore::holding("{\"tenants\": 12");
        let opened = open(&store, 1000);
        assert!(opened.persist);
        match opened.notice {
            Some(StorageNotice::SetAside { key, raw, .. }) => {
                assert_eq!(key, "unreadable.1000");
                assert_eq!(raw, "{\"tenants\": 12");
            }
            other => panic!("expected a set-aside notice, got {other:?}"),
        }
        assert_eq!(store.set_aside_items()[0].1, "{\"tenants\": 12");
        // A newer schema is not read either.
        let newer = format!("{{\"schema\": {}}}", SCHEMA_VERSION + 1);
        let store = MemoryStore::holding(&newer);
        assert!(matches!(
            open(&store, 5).notice,
            Some(StorageNotice::SetAside { .. })
        ));
    }

    #[test]
    fn unreadable_data_that_cannot_be_set_aside_is_left_alone() {
        let store = MemoryStore::holding("not json");
        store.set_quota(Some(10));
        let opened = open(&store, 7);
        assert!(!opened.persist, "nothing may overwrite the user's data");
        assert!(matches!(
            opened.notice,
            Some(StorageNotice::KeptInPlace { .. })
        ));
        assert_eq!(store.raw().as_deref(), Some("not json"));
    }

    #[test]
    fn storage_turned_off_runs_in_memory_and_says_so() {
        let store = MemoryStore::default();
        store.set_off(true);
        let opened = open(&store, 0);
        assert!(!opened.persist);
        assert_eq!(opened.notice, Some(StorageNotice::Unavailable));
    }
}
