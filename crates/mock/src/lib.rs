//! The mock backend: the whole contract in plain Rust. The browser's demo
//! build calls it in-process (over `localStorage`), the mock server over
//! HTTP, the tests directly. `backend` is the transport layer (callers,
//! faults, idempotency, storage, rollback); `handlers/` answer each
//! operation, one file per resource; `state` and `seed` hold the data.

mod backend;
pub mod clock;
mod handlers;
pub mod idempotency;
#[cfg(not(target_arch = "wasm32"))]
pub mod idp;
mod lookup;
mod present;
pub mod scale;
pub mod seed;
pub mod state;
pub mod store;

pub use backend::{Attempt, Identity, MockBackend, VerifiedUser, MAX_BODY_BYTES};

/// The demo's mock in the browser: its state in `localStorage`, shared by
/// every tab of the origin.
#[cfg(target_arch = "wasm32")]
pub fn browser_mock() -> std::rc::Rc<std::cell::RefCell<MockBackend>> {
    std::rc::Rc::new(std::cell::RefCell::new(MockBackend::new(Box::new(
        store::LocalStorageStore {
            key: store::BROWSER_KEY,
        },
    ))))
}
