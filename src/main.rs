//! The composition root: reads `config.json`, builds the backend and the
//! shared context, and mounts the app (or the configuration error page).
//! Natively this binary does nothing; the mock server is `mock-server`.

#[cfg(target_arch = "wasm32")]
fn main() {
    use reseller_invitations::api::client::{Backend, Client};
    use reseller_invitations::api::http::HttpTransport;
    use reseller_invitations::api::op;
    use reseller_invitations::app::App;
    use reseller_invitations::config::{BackendChoice, ConfigError};
    use reseller_invitations::context::Ctx;
    use reseller_invitations::pages::ConfigErrorPage;
    use reseller_invitations::platform;

    // Panics show in the console with their message (release builds abort after).
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into())
    }));
    let base = platform::base_path();
    platform::restore_deep_link(&base);
    let refuse = move |error: ConfigError| {
        leptos::mount::mount_to_body(move || leptos::view! { <ConfigErrorPage error=error/> });
    };
    // Leptos' executor starts with the mount, so boot with wasm-bindgen's.
    wasm_bindgen_futures::spawn_local(async move {
        let config = match platform::load_config(&base).await {
            Ok(config) => config,
            Err(error) => return refuse(error),
        };
        let (backend, token) = match config {
            Some(BackendChoice::Http {
                base_url,
                timeout_ms,
                access_token,
            }) => (
                Backend::Http(HttpTransport {
                    base_url,
                    timeout_ms,
                }),
                access_token,
            ),
            // The demo build: no file, or one asking for the mock.
            #[cfg(feature = "demo")]
            None | Some(BackendChoice::Mock { .. }) => {
                let mock = reseller_invitations::api::mock::browser_mock();
                if let Some(BackendChoice::Mock {
                    faults: Some(faults),
                }) = config
                {
                    mock.borrow_mut().set_faults(faults);
                }
                (Backend::Mock(mock), None)
            }
            // The production build carries no mock to fall back to.
            #[cfg(not(feature = "demo"))]
            choice => {
                return refuse(ConfigError {
                    url: format!("{}{base}/config.json", platform::origin()),
                    problem: match choice {
                        None => "there is none: this production build needs one naming its backend, for example {\"backend\": \"http\", \"baseUrl\": \"https://api.contoso.example\"}".into(),
                        Some(_) => "it asks for the in-browser mock, which this production build does not carry; name the real backend with \"backend\": \"http\"".into(),
                    },
                })
            }
        };
        #[cfg(feature = "demo")]
        let is_mock = matches!(backend, Backend::Mock(_));
        #[cfg(not(feature = "demo"))]
        let is_mock = false;
        let client = Client::new(backend);
        let ctx = Ctx::new(client.clone(), is_mock, &base);
        if let Some(token) = token {
            let api = client.with_token(Some(token.clone()));
            if let Ok(me) = api.call(op::GetMe {}).await {
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
    eprintln!("This is the browser app; build it with `trunk build`. The local server is `cargo run -p reseller-mock --bin mock-server`.");
}
