//! The app's side of the backend contract: the client the UI calls (headers,
//! idempotency keys, retries) and its HTTP transport. The contract itself
//! (wire types, errors, routes) is the `reseller-contract` crate; the demo
//! build's in-browser mock is the `reseller-mock` crate.

pub mod client;

#[cfg(target_arch = "wasm32")]
pub mod http;

/// The contract's operations, one per endpoint: what pages send.
pub use reseller_contract::operation as op;
pub use reseller_contract::{encode_query, error, graph, query, wire, ApiRequest, ApiResponse};
#[cfg(feature = "demo")]
pub use reseller_mock as mock;

pub use reseller_domain::time::now_ms;

/// Waits `ms` milliseconds (a browser timer); natively it returns at once so
/// native tests of retries and latency do not wait.
pub async fn sleep_ms(ms: u32) {
    #[cfg(target_arch = "wasm32")]
    {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            if let Some(w) = web_sys::window() {
                let _ =
                    w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms as i32);
            }
        });
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = ms;
    }
}
