//! The mock backend: the whole contract in plain Rust. The browser's demo
//! build calls it in-process (over `localStorage`), the mock server over
//! HTTP, the tests directly. `backend` is the transport layer (callers,
//! faults, idempotency, storage, rollback); `handlers/` answer each
//! operation, one file per resource; `state` and `seed` hold the data.

mod backend;
pub mod clock;
mod handlers;
pub mod idempotency;
mod lookup;
mod present;
pub mod scale;
pub mod state;
pub mod store;

pub use backend::{Attempt, MockBackend, MAX_BODY_BYTES};
