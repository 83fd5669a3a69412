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
    is_mock: bool,
    /// What the user must be told about this browser's storage (persistent
    /// banners until dismissed).
    pub storage: RwSignal<Vec<StorageBanner>>,
    /// The backend client (not signed in; see the `*_api` methods).
    client: StoredValue<Client, LocalStorage>,
    /// The app's base path: `""` at the domain root, `/reseller` under a sub-path.
    base: StoredValue<String>,
    /// The build this page runs (links to the other one load a page).
    pub site: Site,
    /// Real sign-in at the configured issuer; `None` in the demo (its
    /// identity chooser signs in instead).
    auth: StoredValue<Option<crate::auth::Auth>, LocalStorage>,
    /// The session ended (its token was refused and could not be renewed):
    /// the frame asks to sign in again; nothing on the page is lost.
    pub session_ended: RwSignal<bool>,
    /// Why the last sign-in did not work, to say on the sign-in page.
    pub sign_in_problem: RwSignal<Option<String>>,
    /// The calls now waiting as the backend asked (`Retry-After`): the
    /// frame says so while any does.
    pub waiting: RwSignal<Vec<crate::api::client::Wait>>,
}

impl Ctx {
    /// The signed-in partner user's role (tracked), if any.
    pub fn partner_role(&self) -> Option<crate::domain::relationship::PartnerRole> {
        self.partner
            .with(|s| s.as_ref().and_then(|s| s.me.user.partner_role))
    }

    /// Whether the signed-in partner user may request reseller
    /// relationships and hand their emails over (tracked).
    pub fn may_invite(&self) -> bool {
        self.partner_role().is_some_and(|r| r.may_invite())
    }

    /// The signed-in partner user's role's name in the UI language (tracked).
    pub fn partner_role_name(&self) -> &'static str {
        self.partner_role()
            .map(|r| crate::i18n::partner_role(self.lang.get(), r))
            .unwrap_or_default()
    }

    /// New state over `client` for `site`: language from storage or the
    /// browser, sessions from storage.
    pub fn new(client: Client, is_mock: bool, base: &str, site: Site) -> Self {
        let lang = platform::load("lang")
            .and_then(|l| Lang::from_tag(&l))
            .or_else(|| Lang::from_tag(&platform::browser_language()))
            .unwrap_or(Lang::En);
        // The demo remembers its sessions; real ones come from the sign-in
        // (a production build carries no reader for them: issue 12).
        let session = |key: &str| {
            if !cfg!(feature = "demo") || !is_mock {
                return None;
            }
            platform::load(key).and_then(|s| crate::domain::json::from_str::<Session>(&s).ok())
        };
        // The frame says while a call waits as the backend asked (every
        // client made from this one tells it).
        let waiting = RwSignal::new(Vec::new());
        client.on_waiting(std::rc::Rc::new(move |call, wait| {
            waiting.try_update(|w: &mut Vec<crate::api::client::Wait>| match wait {
                Some(wait) => w.push(wait),
                None => w.retain(|w| w.call != call),
            });
        }));
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
            auth: StoredValue::new_local(None),
            session_ended: RwSignal::new(false),
            sign_in_problem: RwSignal::new(None),
            waiting,
        }
    }

    /// Whether the backend is the in-browser mock (the demo): never in a
    /// production build, which then carries none of the demo's controls.
    pub fn is_mock(&self) -> bool {
        cfg!(feature = "demo") && self.is_mock
    }

    /// Real sign-in, if this deployment has one.
    pub fn auth(&self) -> Option<crate::auth::Auth> {
        self.auth.get_value()
    }

    /// Sets the deployment's sign-in (at start).
    pub fn set_auth(&self, auth: crate::auth::Auth) {
        self.auth.set_value(Some(auth));
    }

    /// Sends the browser to the issuer to sign in, coming back to this very
    /// address (an invitation link with its parameters, a draft).
    pub fn sign_in(&self) {
        let Some(auth) = self.auth() else {
            return;
        };
        let (problem, lang) = (self.sign_in_problem, self.lang.get_untracked());
        leptos::task::spawn_local(async move {
            if let Err(e) = auth.start(platform::href(), lang.tag()).await {
                problem.try_set(Some(crate::i18n::sign_in_problem(lang, &e)));
            }
        });
    }

    /// Signs out: the session, and everything the app kept in this browser
    /// for the user (drafts with customers' emails included), so a shared
    /// browser holds nothing of theirs; then the issuer's own sign-out.
    pub fn sign_out(&self) {
        self.partner.set(None);
        self.customer.set(None);
        self.session_ended.set(false);
        let home = self.app_root_url();
        let forget = || {
            platform::forget_user_data(&["lang", "mock"]);
            // Whole milliseconds: formatting a float would ship its tables.
            platform::save(
                platform::SIGNED_OUT,
                &(js_sys::Date::now() as u64).to_string(),
            );
        };
        match self.auth() {
            Some(auth) => leptos::task::spawn_local(async move {
                // The issuer's sign-out address first (its discovery
                // document), then nothing is left in the tab.
                let to = auth.sign_out(&home).await.unwrap_or(home);
                forget();
                platform::go_to(&to);
            }),
            None => {
                forget();
                platform::go_to(&home)
            }
        }
    }

    /// Another tab signed out: this one forgets its own sign-in too (a
    /// shared browser keeps no one signed in), shows the sign-in and says why.
    pub fn signed_out_elsewhere(&self) {
        platform::forget_tab_session();
        if self.partner.get_untracked().is_none() && self.customer.get_untracked().is_none() {
            return;
        }
        self.partner.set(None);
        self.customer.set(None);
        self.session_ended.set(false);
        self.toast(text(self.lang.get_untracked(), Key::SignedOutElsewhere).into());
    }

    /// The backend client, not signed in.
    pub fn client(&self) -> Client {
        self.client.get_value()
    }

    /// The backend's clock, for what a page works out from the dates it
    /// read (a relationship's days left): the device's, and in the demo the
    /// in-browser mock's, which runs whole days ahead once its clock is
    /// moved (the demo banner's control).
    pub fn backend_now(&self) -> crate::domain::time::Millis {
        let now = crate::domain::time::now_ms();
        #[cfg(feature = "demo")]
        if let crate::api::client::Backend::Mock(mock) = self.client().backend() {
            if let Ok(mock) = mock.try_borrow() {
                return now + i64::from(mock.state().clock_days) * crate::domain::time::DAY;
            }
        }
        now
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
        // Real tokens stay in the tab (the sign-in keeps them in
        // sessionStorage); only the demo's own sessions are remembered here
        // (a production build carries no writer for them: issue 12).
        match session {
            Some(s) if cfg!(feature = "demo") && self.auth().is_none() => {
                self.save_local(key, &serde_json::to_string(s).unwrap_or_default());
            }
            _ => platform::remove(key),
        }
    }

    /// Shows a notification for a few seconds (announced once: see
    /// [`Announced`](crate::components::Announced)). The same words shown
    /// again replace the earlier notice instead of stacking a copy over it.
    pub fn toast(&self, message: String) {
        let mut id = 0;
        self.toasts.update(|t| {
            // Above every id shown, so an earlier notice's timer never
            // removes this one.
            id = t
                .iter()
                .map(|(i, _)| i + 1)
                .fold(js_sys::Date::now() as u64, u64::max);
            t.retain(|(_, words)| *words != message);
            t.push((id, message));
        });
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
