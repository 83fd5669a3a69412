//! Where the mock keeps its state between page loads: a small interface, an
//! in-memory implementation (native, tests) and `localStorage` (browser).

use std::cell::RefCell;
use std::rc::Rc;

/// Persists the mock's state as one JSON string.
pub trait Store {
    /// The saved state, if any.
    fn load(&self) -> Option<String>;
    /// Saves the state.
    fn save(&self, state: &str);
    /// Forgets the state.
    fn clear(&self);
}

/// Memory only; clones share the same cell (like two tabs sharing storage).
#[derive(Clone, Default)]
pub struct MemoryStore(Rc<RefCell<Option<String>>>);

impl Store for MemoryStore {
    fn load(&self) -> Option<String> {
        self.0.borrow().clone()
    }
    fn save(&self, state: &str) {
        *self.0.borrow_mut() = Some(state.to_string());
    }
    fn clear(&self) {
        *self.0.borrow_mut() = None;
    }
}

/// `localStorage` under one key; the browser's `storage` event tells other tabs.
#[cfg(target_arch = "wasm32")]
pub struct LocalStorageStore {
    /// The storage key.
    pub key: &'static str,
}

#[cfg(target_arch = "wasm32")]
impl LocalStorageStore {
    fn storage() -> Option<web_sys::Storage> {
        web_sys::window()?.local_storage().ok()?
    }
}

#[cfg(target_arch = "wasm32")]
impl Store for LocalStorageStore {
    fn load(&self) -> Option<String> {
        Self::storage()?.get_item(self.key).ok()?
    }
    fn save(&self, state: &str) {
        if let Some(s) = Self::storage() {
            // A full quota leaves the previous state: the mock keeps working in memory.
            let _ = s.set_item(self.key, state);
        }
    }
    fn clear(&self) {
        if let Some(s) = Self::storage() {
            let _ = s.remove_item(self.key);
        }
    }
}
