//! The idempotency replay store: what a retried write (same `MS-RequestId`)
//! needs to get its first answer back, and nothing more.
//!
//! An entry keeps the key, the caller, a hash of the request, the status and
//! the response body, and when it was made. A key belongs to its caller and
//! its request: the same key from another caller or with another request is
//! a conflict (refused, never answered with someone else's response). Entries
//! expire after [`REPLAY_TTL`]; the store is capped in bytes and entries, the
//! oldest going first, so autosaving a long draft for hours stays small.

use reseller_domain::time::{Millis, DAY};
use serde::{Deserialize, Serialize};
use std::collections::VecDeque;

/// How long a key is remembered (Partner Center keeps request ids for a day).
pub const REPLAY_TTL: Millis = DAY;
/// The most bytes the store keeps (keys, callers, hashes and bodies).
pub const MAX_REPLAY_BYTES: usize = 192 * 1024;
/// The most entries the store keeps.
pub const MAX_REPLAYS: usize = 500;

/// A stored answer to an idempotent write.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Replay {
    /// `MS-RequestId`.
    pub key: String,
    /// Who sent it: `user@tenant`, or `anonymous`.
    pub caller: String,
    /// [`request_hash`] of the first request.
    pub request_hash: String,
    /// Status answered.
    pub status: u16,
    /// Body answered.
    pub body: String,
    /// When it was answered.
    pub at: Millis,
}

impl Replay {
    fn bytes(&self) -> usize {
        self.key.len() + self.caller.len() + self.request_hash.len() + self.body.len() + 16
    }
}

/// What a key means for a new request.
#[derive(Debug, PartialEq, Eq)]
pub enum Lookup<'a> {
    /// Never seen (or expired): run the request.
    New,
    /// Seen for this caller and this request: answer this again.
    Replay(&'a Replay),
    /// Seen for another caller or another request: refuse.
    Conflict,
}

/// The remembered answers, oldest first.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Replays(VecDeque<Replay>);

impl Replays {
    /// What `key` means for `caller` sending the request hashed `hash` at `now`.
    pub fn lookup(&self, key: &str, caller: &str, hash: &str, now: Millis) -> Lookup<'_> {
        match self
            .0
            .iter()
            .rev()
            .find(|r| r.key == key && now - r.at < REPLAY_TTL)
        {
            None => Lookup::New,
            Some(r) if r.caller == caller && r.request_hash == hash => Lookup::Replay(r),
            Some(_) => Lookup::Conflict,
        }
    }

    /// Remembers an answer, then drops what expired or exceeds the caps.
    pub fn record(&mut self, replay: Replay) {
        let now = replay.at;
        self.0.push_back(replay);
        self.prune(now);
    }

    /// Drops expired entries, then the oldest until within the caps (the
    /// newest entry always stays, so the write just made can be retried).
    pub fn prune(&mut self, now: Millis) {
        self.0.retain(|r| now - r.at < REPLAY_TTL);
        let mut bytes = self.bytes();
        while self.0.len() > 1 && (bytes > MAX_REPLAY_BYTES || self.0.len() > MAX_REPLAYS) {
            if let Some(old) = self.0.pop_front() {
                bytes -= old.bytes();
            }
        }
    }

    /// Bytes held (approximately what they take once serialised).
    pub fn bytes(&self) -> usize {
        self.0.iter().map(Replay::bytes).sum()
    }

    /// How many answers are remembered.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether none is.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

pub use reseller_contract::request_hash;

#[cfg(test)]
mod tests {
    use super::*;

    fn replay(key: &str, caller: &str, body_len: usize, at: Millis) -> Replay {
        Replay {
            key: key.into(),
            caller: caller.into(),
            request_hash: request_hash("PUT", "/x", key),
            status: 200,
            body: "x".repeat(body_len),
            at,
        }
    }

    #[test]
    fn a_key_belongs_to_its_caller_and_its_request() {
        let mut store = Replays::default();
        store.record(replay("k", "ana@p", 10, 0));
        let hash = request_hash("PUT", "/x", "k");
        assert!(matches!(
            store.lookup("k", "ana@p", &hash, 5),
            Lookup::Replay(_)
        ));
        assert_eq!(store.lookup("k", "bob@p", &hash, 5), Lookup::Conflict);
        assert_eq!(store.lookup("k", "ana@p", "other", 5), Lookup::Conflict);
        assert_eq!(store.lookup("other", "ana@p", &hash, 5), Lookup::New);
    }

    #[test]
    fn keys_expire_after_a_day() {
        let mut store = Replays::default();
        store.record(replay("k", "ana@p", 10, 0));
        let hash = request_hash("PUT", "/x", "k");
        assert!(matches!(
            store.lookup("k", "ana@p", &hash, DAY - 1),
            Lookup::Replay(_)
        ));
        assert_eq!(store.lookup("k", "ana@p", &hash, DAY), Lookup::New);
        store.record(replay("n", "ana@p", 10, DAY + 1));
        assert_eq!(store.len(), 1, "the expired entry is dropped");
    }

    #[test]
    fn the_store_is_capped_in_bytes_and_keeps_the_newest() {
        let mut store = Replays::default();
        for i in 0..100 {
            store.record(replay(&format!("k{i}"), "ana@p", 20_000, i));
        }
        assert!(store.bytes() <= MAX_REPLAY_BYTES, "{} bytes", store.bytes());
        let newest = request_hash("PUT", "/x", "k99");
        assert!(matches!(
            store.lookup("k99", "ana@p", &newest, 100),
            Lookup::Replay(_)
        ));
        // One entry larger than the cap still stays (it is the newest).
        store.record(replay("huge", "ana@p", MAX_REPLAY_BYTES * 2, 200));
        assert_eq!(store.len(), 1);
    }
}
