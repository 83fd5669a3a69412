//! Browser entry point: reads `config.json`, picks the backend, mounts the app.
//! (Natively this binary does nothing; the mock server is `mock-server`.)

#[cfg(target_arch = "wasm32")]
fn main() {
    use reseller_invitations::api::client::Backend;
    use reseller_invitations::api::http::HttpTransport;
    use reseller_invitations::app::{self, App, Ctx};
    use reseller_invitations::platform;

    // Panics show in the console with their message (release builds abort after).
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into())
    }));
    let base = platform::base_path();
    app::set_base(&base);
    platform::restore_deep_link(&base);
    // Leptos' executor starts with the mount, so boot with wasm-bindgen's.
    wasm_bindgen_futures::spawn_local(async move {
        let config = platform::load_config().await;
        let (is_mock, token) = match &config {
            Ok(Some(c)) if c.backend.as_deref() == Some("http") => {
                let base_url = c
                    .base_url
                    .clone()
                    .unwrap_or_else(|| format!("{}{}", platform::origin(), app::href("")));
                app::set_backend(Backend::Http(HttpTransport {
                    base_url,
                    timeout_ms: c.timeout_ms.unwrap_or(15_000),
                }));
                (false, c.access_token.clone())
            }
            Ok(Some(c)) => {
                let _ = app::client(None);
                if let (Some(faults), Some(m)) = (c.faults.clone(), app::mock()) {
                    m.borrow_mut().set_faults(faults);
                }
                (true, None)
            }
            _ => (true, None),
        };
        if let Err(e) = &config {
            leptos::logging::warn!("{e}; using the in-browser mock backend");
        }
        let ctx = Ctx::new(is_mock);
        if let Some(token) = token {
            let me = app::client(Some(token.clone()))
                .get::<reseller_invitations::api::wire::Me>("/v1/me")
                .await;
            if let Ok(me) = me {
                let session = reseller_invitations::api::wire::Session {
                    access_token: token,
                    me,
                };
                if session.me.kind == "partner" {
                    ctx.set_partner(Some(session))
                } else {
                    ctx.set_customer(Some(session))
                }
            }
        }
        leptos::mount::mount_to_body(move || leptos::view! { <App ctx=ctx/> });
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This is the browser app; build it with `trunk build`. The local server is `cargo run --bin mock-server`.");
}
