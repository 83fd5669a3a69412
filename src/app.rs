//! The app shell: shared state (language, sessions, data revision, toasts),
//! the backend chosen from `config.json`, the header and the routes.

use crate::api::client::{Backend, Client};
#[cfg(feature = "demo")]
use crate::api::mock::store::{LocalStorageStore, StorageNotice, Unreadable};
#[cfg(feature = "demo")]
use crate::api::mock::MockBackend;
use crate::api::wire::Session;
use crate::components::Toasts;
use crate::domain::email::Lang;
use crate::i18n::{text, Key};
use crate::pages;
use crate::platform;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use std::cell::RefCell;
#[cfg(feature = "demo")]
use std::rc::Rc;

thread_local! {
    static CLIENT: RefCell<Option<Client>> = const { RefCell::new(None) };
    static BASE: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Chooses the backend (call once before mounting).
pub fn set_backend(backend: Backend) {
    CLIENT.with(|c| *c.borrow_mut() = Some(Client::new(backend)));
}

/// What the persistent storage banners say.
#[derive(Clone, Debug, PartialEq, Eq)]
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

#[cfg(feature = "demo")]
impl From<StorageNotice> for StorageBanner {
    fn from(notice: StorageNotice) -> Self {
        match notice {
            StorageNotice::WriteRefused => StorageBanner::Refused,
            StorageNotice::Unavailable => StorageBanner::Off,
            StorageNotice::SetAside { reason, raw, .. } => StorageBanner::Unreadable {
                newer: matches!(reason, Unreadable::Newer { .. }),
                kept_in_place: false,
                raw,
            },
            StorageNotice::KeptInPlace { reason, raw } => StorageBanner::Unreadable {
                newer: matches!(reason, Unreadable::Newer { .. }),
                kept_in_place: true,
                raw,
            },
        }
    }
}

/// The in-browser mock backend over `localStorage` (the demo's backend).
#[cfg(feature = "demo")]
pub fn browser_mock() -> Backend {
    Backend::Mock(Rc::new(RefCell::new(MockBackend::new(Box::new(
        LocalStorageStore {
            key: platform::MOCK_KEY,
        },
    )))))
}

/// The in-browser mock backend, if that is the backend in use.
#[cfg(feature = "demo")]
pub fn mock() -> Option<Rc<RefCell<MockBackend>>> {
    CLIENT.with(|c| match c.borrow().as_ref().map(Client::backend) {
        Some(Backend::Mock(m)) => Some(m.clone()),
        _ => None,
    })
}

/// A client of the chosen backend with `token`. Every client shares the
/// app's open intentions, so a retry from any page reuses its key.
pub fn client(token: Option<String>) -> Client {
    CLIENT.with(|c| {
        c.borrow()
            .as_ref()
            .expect("the backend is chosen before the app starts")
            .with_token(token)
    })
}

/// Sets the app's base path (see [`platform::base_path`]).
pub fn set_base(base: &str) {
    BASE.with(|b| *b.borrow_mut() = base.to_string());
}

/// An app path (`/partner/customers`) as a URL path under the base.
pub fn href(path: &str) -> String {
    BASE.with(|b| format!("{}{path}", b.borrow()))
}

/// The app's root URL (what invitation links are built on).
pub fn app_root_url() -> String {
    format!("{}{}/", platform::origin(), href(""))
}

/// State shared by every page.
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
    /// Whether the in-browser mock is the backend.
    pub is_mock: bool,
    /// What the user must be told about this browser's storage (persistent
    /// banners until dismissed or resolved).
    pub storage: RwSignal<Vec<StorageBanner>>,
}

impl Ctx {
    /// New state: language from storage or the browser, sessions from storage.
    pub fn new(is_mock: bool) -> Self {
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
        }
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

    /// A client for the partner user.
    pub fn partner_api(&self) -> Client {
        client(self.partner.get_untracked().map(|s| s.access_token))
    }

    /// A client for the customer user.
    pub fn customer_api(&self) -> Client {
        client(self.customer.get_untracked().map(|s| s.access_token))
    }

    /// An anonymous client.
    pub fn anon_api(&self) -> Client {
        client(None)
    }

    /// Signs the partner in (or out with `None`) and remembers it.
    pub fn set_partner(&self, session: Option<Session>) {
        match &session {
            Some(s) => {
                self.save_local(
                    "session.partner",
                    &serde_json::to_string(s).unwrap_or_default(),
                );
            }
            None => platform::remove("session.partner"),
        }
        self.partner.set(session);
    }

    /// Signs the customer in (or out) and remembers it.
    pub fn set_customer(&self, session: Option<Session>) {
        match &session {
            Some(s) => {
                self.save_local(
                    "session.customer",
                    &serde_json::to_string(s).unwrap_or_default(),
                );
            }
            None => platform::remove("session.customer"),
        }
        self.customer.set(session);
    }

    /// Shows a notification for a few seconds (announced by screen readers).
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

/// Navigates inside the app to an app path.
pub fn go(path: &str) {
    let navigate = leptos_router::hooks::use_navigate();
    navigate(
        &href(path),
        leptos_router::NavigateOptions {
            resolve: false,
            ..Default::default()
        },
    );
}

/// The whole app.
#[component]
pub fn App(ctx: Ctx) -> impl IntoView {
    provide_context(ctx);
    #[cfg(feature = "demo")]
    if let Some(m) = mock() {
        let storage = ctx.storage;
        m.borrow_mut()
            .on_storage_notice(Box::new(move |notice: StorageNotice| {
                let banner = StorageBanner::from(notice);
                storage.try_update(|list| {
                    if !list.contains(&banner) {
                        list.push(banner);
                    }
                });
            }));
    }
    Effect::new(move |_| {
        let lang = ctx.lang.get();
        ctx.save_local("lang", lang.tag());
        platform::set_document_lang(lang.tag());
        platform::set_title(text(lang, Key::AppName));
    });
    #[cfg(feature = "demo")]
    platform::on_storage_change(move |key| {
        if key == platform::MOCK_KEY || key.is_empty() {
            if let Some(m) = mock() {
                // The write may be under way in this tab (the lock is async).
                let changed = m.try_borrow_mut().map(|mut m| m.reload());
                if changed.unwrap_or(true) {
                    ctx.changed();
                }
            }
        }
    });
    let base = BASE.with(|b| b.borrow().clone());
    view! {
        <Router base=base>
            <a class="skip" href="#main">{tr(Key::SkipToContent)}</a>
            <crate::components::Header/>
            <main id="main" tabindex="-1">
                <Routes fallback=|| view! { <pages::NotFound/> }>
                    <Route path=path!("/") view=pages::Home/>
                    <Route path=path!("/partner") view=pages::partner::customers::CustomersPage/>
                    <Route path=path!("/partner/customers") view=pages::partner::customers::CustomersPage/>
                    <Route path=path!("/partner/invitations") view=pages::partner::invitations::InvitationsPage/>
                    <Route path=path!("/partner/invitations/new") view=pages::partner::new_invitation::NewInvitationPage/>
                    <Route path=path!("/partner/invitations/:id/draft") view=pages::partner::draft::DraftPage/>
                    <Route path=path!("/customer") view=pages::customer::partners::PartnersPage/>
                </Routes>
            </main>
            <Toasts/>
        </Router>
    }
}
