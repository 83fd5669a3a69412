//! The mock's clock and timer: the platform's, natively and in the browser.

pub use reseller_domain::time::now_ms;

/// Waits `ms` milliseconds on a browser timer (the storage lock's wait for
/// another tab's write to arrive).
#[cfg(target_arch = "wasm32")]
pub async fn sleep_ms(ms: u32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms as i32);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
