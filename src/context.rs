//! What every screen shares, handed down by the shell through Leptos'
//! context (never a global): the UI language, who is signed in, the data
//! revision, notifications and storage banners, the backend client and the
//! app's base path. Pages and components read it with [`ctx`].

use crate::api::client::Client;
use crate::api::wire::Session;
use crate::domain::email::Lang;
use crate::i18n::{text, Key};
use crate::platform;
use crate::routes::{AppRoute, Site};
use leptos::prelude::*;

/// What the persistent storage banners say.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum StorageBanner {
    /// A write was refused (storage full or turned off); nothing changed.
    Refused,
    /// Storage is off: the demo runs in this tab only.
    Off,
    /// Stored demo data could not be read: set aside (or, with no room for
    /// that, left in place while the demo runs in memory), offered for download.
    Unreadable {
        /// A newer version of the app wrote it.
        newer: bool,
        /// It could not be set aside and was left untouched.
        kept_in_place: bool,
        /// The data, for download.
        raw: String,
    },
}

impl StorageBanner {
    /// What the banner says, in `lang`.
    pub fn words(&self, lang: Lang) -> String {
        let why = |newer: bool| {
            text(
                lang,
                if newer {
                    Key::UnreadableNewer
                } else {
                    Key::UnreadableInvalid
                },
            )
        };
        match self {
            StorageBanner::Refused => text(lang, Key::StorageRefused).to_string(),
            StorageBanner::Off => text(lang, Key::StorageOff).to_string(),
            StorageBanner::Unreadable {
                newer,
                kept_in_place,
                ..
            } => crate::i18n::format(
                lang,
                if *kept_in_place {
                    Key::StorageKeptInPlace
                } else {
                    Key::StorageSetAside
                },
                &[why(*newer)],
            ),
        }
    }
}

/// State shared by every screen.
#[derive(Clone, Copy)]
pub struct Ctx {
    /// UI language.
    pub lang: RwSignal<Lang>,
    /// The signed-in partner user.
    pub partner: RwSignal<Option<Session>>,
    /// The signed-in customer user.
    pub customer: RwSignal<Option<Session>>,
    /// Bumped when data changed (here or in another tab): resources refetch.
    pub revision: RwSignal<u64>,
    /// Notifications (id, text).
    pub toasts: RwSignal<Vec<(u64, String)>>,
    /// Whether the in-browser mock is the backend (the demo).
    pub is_mock: bool,
    /// What the user must be told about this browser's storage (persistent
    /// banners until dismissed).
    pub storage: RwSignal<Vec<StorageBanner>>,
    /// The backend client (not signed in; see the `*_api` methods).
    client: StoredValue<Client, LocalStorage>,
    /// The app's base path: `""` at the domain root, `/reseller` under a sub-path.
    base: StoredValue<String>,
    /// The build this page runs (links to the other one load a page).
    pub site: Site,
}

impl Ctx {
    /// New state over `client` for `site`: language from storage or the
    /// browser, sessions from storage.
    pub fn new(client: Client, is_mock: bool, base: &str, site: Site) -> Self {
        let lang = platform::load("lang")
            .and_then(|l| Lang::from_tag(&l))
            .or_else(|| Lang::from_tag(&platform::browser_language()))
            .unwrap_or(Lang::En);
        let session =
            |key: &str| platform::load(key).and_then(|s| serde_json::from_str::<Session>(&s).ok());
        Self {
            lang: RwSignal::new(lang),
            partner: RwSignal::new(session("session.partner")),
            customer: RwSignal::new(session("session.customer")),
            revision: RwSignal::new(0),
            toasts: RwSignal::new(Vec::new()),
            is_mock,
            storage: RwSignal::new(Vec::new()),
            client: StoredValue::new_local(client),
            base: StoredValue::new(base.to_string()),
            site,
        }
    }

    /// The backend client, not signed in.
    pub fn client(&self) -> Client {
        self.client.get_value()
    }

    /// A client for the partner user.
    pub fn partner_api(&self) -> Client {
        self.client()
            .with_token(self.partner.get_untracked().map(|s| s.access_token))
    }

    /// A client for the customer user.
    pub fn customer_api(&self) -> Client {
        self.client()
            .with_token(self.customer.get_untracked().map(|s| s.access_token))
    }

    /// An anonymous client.
    pub fn anon_api(&self) -> Client {
        self.client()
    }

    /// The app's base path.
    pub fn base(&self) -> String {
        self.base.get_value()
    }

    /// A route as a URL path under the base.
    pub fn href(&self, route: &AppRoute) -> String {
        route.under(&self.base())
    }

    /// The app's root URL (what invitation links are built on).
    pub fn app_root_url(&self) -> String {
        format!("{}{}/", platform::origin(), self.base())
    }

    /// Raises a storage notice (once: a repeated one is not stacked).
    pub fn storage_notice(&self, notice: StorageBanner) {
        self.storage.try_update(|list| {
            if !list.contains(&notice) {
                list.push(notice);
            }
        });
    }

    /// Keeps `value` in this browser under `key`; a refusal (storage full or
    /// off) raises the persistent storage banner. What is on screen stays.
    pub fn save_local(&self, key: &str, value: &str) -> bool {
        let kept = platform::save(key, value);
        if !kept {
            self.storage_notice(StorageBanner::Refused);
        }
        kept
    }

    /// Signs the partner in (or out with `None`) and remembers it.
    pub fn set_partner(&self, session: Option<Session>) {
        self.remember("session.partner", &session);
        self.partner.set(session);
    }

    /// Signs the customer in (or out) and remembers it.
    pub fn set_customer(&self, session: Option<Session>) {
        self.remember("session.customer", &session);
        self.customer.set(session);
    }

    fn remember(&self, key: &str, session: &Option<Session>) {
        match session {
            Some(s) => {
                self.save_local(key, &serde_json::to_string(s).unwrap_or_default());
            }
            None => platform::remove(key),
        }
    }

    /// Shows a notification for a few seconds (announced once: see
    /// [`Announced`](crate::components::Announced)).
    pub fn toast(&self, message: String) {
        let id = js_sys::Date::now() as u64 ^ (self.toasts.get_untracked().len() as u64);
        self.toasts.update(|t| t.push((id, message)));
        let toasts = self.toasts;
        leptos::task::spawn_local(async move {
            crate::api::sleep_ms(8000).await;
            // The app may have been unmounted meanwhile (tests mount it often).
            toasts.try_update(|t| t.retain(|(i, _)| *i != id));
        });
    }

    /// Data changed: refetch.
    pub fn changed(&self) {
        self.revision.update(|r| *r += 1);
    }
}

/// The shared state (panics outside the app, where it is a bug).
pub fn ctx() -> Ctx {
    expect_context::<Ctx>()
}

/// A translated string that follows the language switch.
pub fn tr(key: Key) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = ctx().lang;
    move || text(lang.get(), key)
}

/// A translated string with arguments.
pub fn trf(key: Key, args: &[&str]) -> String {
    crate::i18n::format(ctx().lang.get(), key, args)
}

/// A route as a URL path under the app's base (for `href=`).
pub fn href(route: AppRoute) -> String {
    ctx().href(&route)
}

/// `rel` of a link to `route`: `external` when the other build serves it,
/// so the router leaves the click to the browser (a page load).
pub fn rel(route: &AppRoute) -> Option<&'static str> {
    (route.site() != ctx().site).then_some("external")
}

/// Navigates inside the app.
pub fn go(route: AppRoute) {
    let navigate = leptos_router::hooks::use_navigate();
    navigate(
        &ctx().href(&route),
        leptos_router::NavigateOptions {
            resolve: false,
            ..Default::default()
        },
    );
}
