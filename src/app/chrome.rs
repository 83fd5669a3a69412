//! The app's frame around every screen: the header (name, workspace switch,
//! language, demo notice), the persistent storage banners and the
//! notifications.

use crate::context::{ctx, href, rel, tr, trf, StorageBanner};
use crate::domain::email::Lang;
use crate::i18n::Key;
use crate::routes::{AppRoute, Site};
use leptos::prelude::*;

/// The header: app name, workspace switch, language switch, demo notice.
#[component]
pub fn Header() -> impl IntoView {
    let c = ctx();
    // Each site is one workspace (moving between them loads a page).
    let current = |site: Site| (c.site == site).then_some("page");
    let on_lang = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        if let Some(lang) = Lang::from_tag(&value) {
            c.lang.set(lang);
        }
    };
    view! {
        <header>
          <div class="app-header">
            <a class="brand" href=href(AppRoute::Home) rel=rel(&AppRoute::Home)>{tr(Key::AppName)}</a>
            <nav aria-label=tr(Key::MainNavigation)>
                <ul class="switch">
                    <li>
                        <a href=href(AppRoute::Customers) rel=rel(&AppRoute::Customers) aria-current=current(Site::Partner)>
                            {tr(Key::PartnerWorkspace)}
                        </a>
                    </li>
                    <li>
                        <a href=href(AppRoute::CustomerPartners) rel=rel(&AppRoute::CustomerPartners) aria-current=current(Site::Customer)>
                            {tr(Key::CustomerPortal)}
                        </a>
                    </li>
                </ul>
            </nav>
            <label class="lang">
                <span>{tr(Key::Language)}</span>
                <select on:change=on_lang prop:value=move || c.lang.get().tag()>
                    {Lang::ALL.iter().map(|l| view! { <option value=l.tag() lang=l.tag()>{l.endonym()}</option> }).collect_view()}
                </select>
            </label>
          </div>
          <StorageBanners/>
          {demo_banner()}
        </header>
    }
}

/// The demo's notice and its reset (the demo build only).
#[cfg(feature = "demo")]
fn demo_banner() -> impl IntoView {
    let c = ctx();
    let reset = move |_| {
        leptos::task::spawn_local(async move {
            if c.anon_api()
                .call(crate::api::op::ResetDemo {})
                .await
                .is_ok()
            {
                c.set_partner(None);
                c.set_customer(None);
                c.changed();
                c.toast(crate::i18n::text(c.lang.get_untracked(), Key::ResetDone).into());
            }
        });
    };
    view! {
        <Show when=move || c.is_mock>
            <div class="demo-banner">
                <span>{tr(Key::MockNotice)}</span>
                " "
                <button type="button" class="link" on:click=reset>{tr(Key::ResetDemo)}</button>
            </div>
        </Show>
    }
}

/// The production build has no demo to announce or reset.
#[cfg(not(feature = "demo"))]
fn demo_banner() -> impl IntoView {}

/// Persistent banners about this browser's storage: writes refused (full or
/// turned off), storage off from the start, unreadable data set aside or
/// left in place (with a download of it). They stay until dismissed.
#[component]
pub fn StorageBanners() -> impl IntoView {
    let c = ctx();
    view! {
        <Show when=move || !c.storage.with(Vec::is_empty)>
        <div class="storage-banners" role="region" aria-label=tr(Key::StorageNotices)>
            {move || c.storage.get().into_iter().map(|notice| {
                let dismiss_notice = notice.clone();
                let dismiss = move |_| {
                    let n = dismiss_notice.clone();
                    c.storage.update(|list| list.retain(|x| *x != n));
                };
                let why = |newer: bool| if newer { tr(Key::UnreadableNewer)() } else { tr(Key::UnreadableInvalid)() };
                let (message, raw) = match &notice {
                    StorageBanner::Refused => (tr(Key::StorageRefused)().to_string(), None),
                    StorageBanner::Off => (tr(Key::StorageOff)().to_string(), None),
                    StorageBanner::Unreadable { newer, kept_in_place: false, raw } => (trf(Key::StorageSetAside, &[why(*newer)]), Some(raw.clone())),
                    StorageBanner::Unreadable { newer, kept_in_place: true, raw } => (trf(Key::StorageKeptInPlace, &[why(*newer)]), Some(raw.clone())),
                };
                view! {
                    <div class="storage-banner" role="alert">
                        <p>{message}</p>
                        {raw.map(|raw| view! {
                            <button type="button" on:click=move |_| crate::platform::download("reseller-invitations-demo-data.json", &raw)>
                                {tr(Key::DownloadSetAside)}
                            </button>
                        })}
                        " "
                        <button type="button" class="link" on:click=dismiss>{tr(Key::Dismiss)}</button>
                    </div>
                }
            }).collect_view()}
        </div>
        </Show>
    }
}

/// Notifications, announced politely to screen readers.
#[component]
pub fn Toasts() -> impl IntoView {
    let c = ctx();
    view! {
        <section class="toasts" aria-label=tr(Key::Notifications)>
            <div role="status" aria-live="polite">
                <For each=move || c.toasts.get() key=|(id, _)| *id let:toast>
                    <div class="toast">
                        <span>{toast.1.clone()}</span>
                        <button type="button" class="link" on:click=move |_| c.toasts.update(|t| t.retain(|(i, _)| *i != toast.0))>
                            {tr(Key::Dismiss)}
                        </button>
                    </div>
                </For>
            </div>
        </section>
    }
}
