//! Browser entry point: reads `config.json`, picks the backend, mounts the app
//! (or the configuration error page). Natively this binary does nothing; the
//! mock server is `mock-server`.

#[cfg(target_arch = "wasm32")]
fn main() {
    use reseller_invitations::api::client::Backend;
    use reseller_invitations::api::http::HttpTransport;
    use reseller_invitations::app::{self, App, Ctx};
    use reseller_invitations::config::BackendChoice;
    use reseller_invitations::pages::ConfigErrorPage;
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
        let config = platform::load_config(&base).await;
        let (is_mock, token) = match config {
            Ok(Some(BackendChoice::Http {
                base_url,
                timeout_ms,
                access_token,
            })) => {
                app::set_backend(Backend::Http(HttpTransport {
                    base_url,
                    timeout_ms,
                }));
                (false, access_token)
            }
            // The demo build: no file, or one asking for the mock.
            #[cfg(feature = "demo")]
            Ok(None) | Ok(Some(BackendChoice::Mock { .. })) => {
                app::set_backend(app::browser_mock());
                if let (
                    Ok(Some(BackendChoice::Mock {
                        faults: Some(faults),
                    })),
                    Some(m),
                ) = (&config, app::mock())
                {
                    m.borrow_mut().set_faults(faults.clone());
                }
                (true, None)
            }
            // The production build carries no mock to fall back to.
            #[cfg(not(feature = "demo"))]
            Ok(None) | Ok(Some(BackendChoice::Mock { .. })) => {
                let url = format!("{}{base}/config.json", platform::origin());
                let problem = match config {
                    Ok(None) => "there is none: this production build needs one naming its backend, for example {\"backend\": \"http\", \"baseUrl\": \"https://api.contoso.example\"}".to_string(),
                    _ => "it asks for the in-browser mock, which this production build does not carry; name the real backend with \"backend\": \"http\"".to_string(),
                };
                let error = reseller_invitations::config::ConfigError { url, problem };
                leptos::mount::mount_to_body(
                    move || leptos::view! { <ConfigErrorPage error=error/> },
                );
                return;
            }
            Err(error) => {
                leptos::mount::mount_to_body(move || {
                    leptos::view! { <ConfigErrorPage error=error/> }
                });
                return;
            }
        };
        let ctx = Ctx::new(is_mock);
        if let Some(token) = token {
            let me = app::client(Some(token.clone()))
                .call(reseller_invitations::api::op::GetMe {})
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
