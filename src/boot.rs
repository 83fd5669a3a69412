//! Start-up, shared by every build: reads `config.json`, builds the backend
//! and the shared context, and mounts the site's app (or the configuration
//! error page).

use crate::context::Ctx;
use crate::routes::Site;
use leptos::prelude::AnyView;

/// Whether `site`'s page at this address says itself when it is ready
/// ([`platform::app_ready`](crate::platform::app_ready)): the acceptance
/// portal, once its invitation and first action are on screen.
fn waits_for_data(site: Site) -> bool {
    site == Site::Portal
        && !matches!(
            crate::domain::link::recognise(&crate::platform::href()),
            crate::domain::link::RootLink::NotAnInvitation
        )
}

/// What a build starts. Each build passes its own parts, so a build carries
/// only its own.
pub struct Build {
    /// The site.
    pub site: Site,
    /// Its app, mounted once the backend is known (and the session resumed,
    /// in the builds that resume one).
    pub app: fn(Ctx) -> AnyView,
    /// Runs once the backend and the sign-in are known, before the session
    /// is resumed and the app mounted: what the site's first page will ask
    /// for can start there (the portal's invitation,
    /// [`read_early`](crate::pages::customer::accept::read_early)).
    pub early: fn(Ctx),
}

/// Starts a build: its app over the configured backend, once the tab's
/// session is resumed ([`session::resume`](crate::session::resume): a
/// sign-in coming back from the identity provider, or the tokens the tab
/// holds).
pub fn start(build: Build) {
    run(build, |ctx, auth| async move {
        crate::session::resume(ctx, &auth).await
    })
}

/// Starts a build that resumes no session and carries none of that code:
/// the build only a visitor who is not signed in starts (the portal's first
/// page, [`LandingApp`](crate::app::LandingApp)).
pub fn start_signed_out(build: Build) {
    run(build, |_, _| async {})
}

/// [`start`] with `resume` for resuming the session (generic, so each
/// build's start has its own resumption inlined, or none).
fn run<F: std::future::Future<Output = ()> + 'static>(
    build: Build,
    resume: impl FnOnce(Ctx, crate::auth::Auth) -> F + 'static,
) {
    let Build { site, app, early } = build;
    use crate::api::client::{Backend, Client};
    use crate::api::http::HttpTransport;
    use crate::config::{BackendChoice, ConfigError};
    use crate::pages::ConfigErrorPage;
    use crate::platform;

    // Panics show in the console with their message (release builds abort after).
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into())
    }));
    let base = platform::base_path(site);
    platform::restore_deep_link(&base);
    let refuse = move |error: ConfigError| {
        leptos::mount::mount_to(
            platform::mount_point(),
            move || leptos::view! { <ConfigErrorPage error=error/> },
        )
        .forget();
        platform::app_ready();
    };
    // Leptos' executor starts with the mount, so boot with wasm-bindgen's.
    wasm_bindgen_futures::spawn_local(async move {
        let config = match platform::load_config(&base).await {
            Ok(config) => config,
            Err(error) => return refuse(error),
        };
        let (backend, auth) = match config {
            Some(BackendChoice::Http {
                base_url,
                timeout_ms,
                sign_in,
            }) => {
                let root = format!("{}{base}{}/", platform::origin(), site.dir());
                (
                    Backend::Http(HttpTransport {
                        base_url,
                        timeout_ms,
                    }),
                    Some(crate::auth::Auth::new(sign_in, root, timeout_ms, site)),
                )
            }
            // The demo build: no file, or one asking for the mock.
            #[cfg(feature = "demo")]
            None | Some(BackendChoice::Mock { .. }) => {
                let mock = crate::api::mock::browser_mock();
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
                        None => "there is none: this production build needs one naming its backend and where users sign in, for example {\"backend\": \"http\", \"baseUrl\": \"https://api.contoso.example\", \"issuer\": \"https://login.microsoftonline.com/organizations/v2.0\", \"clientId\": \"…\"}".into(),
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
        let ctx = Ctx::new(client.clone(), is_mock, &base, site);
        if let Some(auth) = &auth {
            ctx.set_auth(auth.clone());
        }
        early(ctx);
        if let Some(auth) = auth {
            resume(ctx, auth).await;
        }
        leptos::mount::mount_to(platform::mount_point(), move || app(ctx)).forget();
        // A page that waits for data says when it is ready (the acceptance
        // portal); the others are ready now. Past 8 s the app shows anyway
        // (its own loading and error states say what is happening).
        if !waits_for_data(site) {
            platform::app_ready();
        } else {
            leptos::task::spawn_local(async {
                crate::api::sleep_ms(8_000).await;
                platform::app_ready();
            });
        }
    });
}
