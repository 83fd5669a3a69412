//! The app's frame around every screen: the header (name, workspace switch,
//! language, demo notice), the persistent storage banners and the
//! notifications.

use crate::components::Announced;
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
          <SessionEnded/>
          <Waiting/>
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
    // Approval windows and relationships expire over days: the demo moves
    // its clock so they can be seen to.
    let advance = move |_| {
        leptos::task::spawn_local(async move {
            if let Ok(clock) = c
                .anon_api()
                .call(crate::api::op::AdvanceDemoClock {
                    body: crate::api::wire::ClockAdvance { days: 30 },
                })
                .await
            {
                c.changed();
                c.toast(crate::i18n::format(
                    c.lang.get_untracked(),
                    Key::ClockAdvanced,
                    &[&clock.days_ahead.to_string()],
                ));
            }
        });
    };
    view! {
        <Show when=move || c.is_mock()>
            <div class="demo-banner">
                <span>{tr(Key::MockNotice)}</span>
                " "
                <button type="button" class="link" on:click=reset>{tr(Key::ResetDemo)}</button>
                " "
                <button type="button" class="link" id="advance-clock" on:click=advance>{tr(Key::AdvanceClock)}</button>
            </div>
        </Show>
    }
}

/// The production build has no demo to announce or reset.
#[cfg(not(feature = "demo"))]
fn demo_banner() -> impl IntoView {}

/// "Your session has ended. Sign in again": when the backend refused the
/// session's token and it could not be renewed. Signing in comes back to
/// this very address; what the page holds (a draft is kept in this browser
/// at every keystroke) is still there.
#[component]
fn SessionEnded() -> impl IntoView {
    let c = ctx();
    view! {
        <Show when=move || c.session_ended.get()>
            <div class="session-banner">
                <Announced urgent=true><p>{tr(Key::SessionEnded)}</p></Announced>
                <button type="button" class="primary" on:click=move |_| c.sign_in()>{tr(Key::SignInAgain)}</button>
            </div>
        </Show>
    }
}

/// "The service is limiting requests: going on in about N s" (or, for a
/// 503, "unavailable … trying again"): while a call waits the seconds the
/// backend asked for (`Retry-After`, Graph's and Partner Center's
/// throttling), so a button that seems slow says why and that it goes on by
/// itself. The longest wait asked is named.
#[component]
fn Waiting() -> impl IntoView {
    let c = ctx();
    let said = move || {
        c.waiting.with(|w| {
            let key = if w.iter().any(|w| w.throttled) {
                Key::WaitingAsAsked
            } else {
                Key::WaitingUnavailable
            };
            let longest = w.iter().map(|w| w.seconds).max().unwrap_or(0);
            trf(key, &[&longest.to_string()])
        })
    };
    view! {
        <Show when=move || !c.waiting.with(Vec::is_empty)>
            <div class="session-banner wait-banner">
                <Announced><p>{said}</p></Announced>
            </div>
        </Show>
    }
}

/// Persistent banners about this browser's storage: writes refused (full or
/// turned off), storage off from the start, unreadable data set aside or
/// left in place (with a download of it). They stay until dismissed.
#[component]
pub fn StorageBanners() -> impl IntoView {
    let c = ctx();
    view! {
        <Show when=move || !c.storage.with(Vec::is_empty)>
        <div class="storage-banners" role="region" aria-label=tr(Key::StorageNotices)>
            // Keyed: a new banner does not make the others say themselves again.
            {let storage = c.storage; notices(Signal::derive(move || storage.get().into_iter().map(Notice::Storage).collect()))}
        </div>
        </Show>
    }
}

/// Notifications, each announced once. They sit at the bottom of the
/// window, or at its top while they would cover the focused control there
/// (WCAG 2.4.11); the newest three show, and Escape dismisses the newest.
#[component]
pub fn Toasts() -> impl IntoView {
    let c = ctx();
    let on_top = RwSignal::new(false);
    let stack = NodeRef::<leptos::html::Section>::new();
    // After the frame's layout: the edge where the notifications cover
    // less of the focused control (the bottom when neither covers it).
    let place = move || {
        request_animation_frame(move || {
            let (Some(stack), Some(focused)) = (stack.get_untracked(), crate::platform::focused())
            else {
                return;
            };
            let f = focused.get_bounding_client_rect();
            let (height, window_h, margin) = (
                stack.get_bounding_client_rect().height(),
                crate::platform::window_height(),
                16.0,
            );
            let covered = |from: f64, to: f64| (f.bottom().min(to) - f.top().max(from)).max(0.0);
            let top = covered(margin, margin + height)
                < covered(window_h - margin - height, window_h - margin);
            if on_top.try_get_untracked() == Some(!top) {
                on_top.set(top);
            }
        })
    };
    let listener = window_event_listener(leptos::ev::focusin, move |_| place());
    // Escape dismisses the newest notification wherever the focus is (as
    // content that covers the page must be dismissible, WCAG 1.4.13),
    // unless a control used the key for itself.
    let escape = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape"
            && !ev.default_prevented()
            && !c.toasts.with_untracked(Vec::is_empty)
        {
            c.toasts.update(|t| {
                t.pop();
            });
            // The focus was on the notice that went: on to the content.
            request_animation_frame(|| {
                if crate::platform::focused().is_none() {
                    crate::platform::focus("main");
                }
            });
        }
    });
    on_cleanup(move || {
        listener.remove();
        escape.remove();
    });
    Effect::new(move |_| {
        c.toasts.track();
        place();
    });
    view! {
        <section class="toasts" class:top=move || on_top.get() node_ref=stack aria-label=tr(Key::Notifications)>
            {let toasts = c.toasts; notices(Signal::derive(move || {
                let t = toasts.get();
                t[t.len().saturating_sub(3)..].iter().cloned().map(|(id, words)| Notice::Toast(id, words)).collect()
            }))}
        </section>
    }
}

/// An item of the chrome's keyed lists: a storage banner, or a notification
/// (its id and words). One type, so both lists share one [`For`] (issue 12:
/// each `For` compiles its own keyed diffing).
#[derive(Clone, PartialEq, Eq, Hash)]
enum Notice {
    Storage(StorageBanner),
    Toast(u64, String),
}

/// A keyed list of notices: an item added or removed leaves the others'
/// elements (and what they announced) alone.
fn notices(items: Signal<Vec<Notice>>) -> impl IntoView {
    view! {
        <For each=move || items.get() key=|notice| notice.clone() let:notice>
            {notice_view(notice)}
        </For>
    }
}

fn notice_view(notice: Notice) -> AnyView {
    let c = ctx();
    match notice {
        Notice::Storage(notice) => {
            let dismiss_notice = notice.clone();
            let dismiss = move |_| {
                let n = dismiss_notice.clone();
                c.storage.update(|list| list.retain(|x| *x != n));
            };
            let words = notice.clone();
            let message = move || words.words(c.lang.get());
            let raw = match &notice {
                StorageBanner::Unreadable { raw, .. } => Some(raw.clone()),
                _ => None,
            };
            view! {
                <div class="storage-banner">
                    <Announced urgent=true><p>{message.clone()}</p></Announced>
                    {raw.map(|raw| view! {
                        <button type="button" on:click=move |_| crate::platform::download("reseller-invitations-demo-data.json", &raw)>
                            {tr(Key::DownloadSetAside)}
                        </button>
                    })}
                    " "
                    <button type="button" class="link" on:click=dismiss>{tr(Key::Dismiss)}</button>
                </div>
            }
            .into_any()
        }
        Notice::Toast(id, words) => view! {
            <div class="toast">
                <Announced><p>{words.clone()}</p></Announced>
                <button type="button" class="link" on:click=move |_| c.toasts.update(|t| t.retain(|(i, _)| *i != id))>
                    {tr(Key::Dismiss)}
                </button>
            </div>
        }
        .into_any(),
    }
}
