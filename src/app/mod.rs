//! The two sites' shells: each provides the shared context, wires the demo's
//! storage notices and cross-tab updates, keeps `<html lang>` and the title
//! in step with the language, and routes its addresses to their screens
//! inside the frame (header, banners, notifications).

mod chrome;

#[cfg(feature = "demo")]
use crate::context::StorageBanner;
use crate::context::{tr, Ctx};
use crate::i18n::{text, Key};
use crate::pages;
use crate::platform;
use chrome::{Header, Toasts};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

#[cfg(feature = "demo")]
impl From<crate::api::mock::store::StorageNotice> for StorageBanner {
    fn from(notice: crate::api::mock::store::StorageNotice) -> Self {
        use crate::api::mock::store::{StorageNotice, Unreadable};
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

/// The in-browser mock behind the context's client, if that is the backend.
#[cfg(feature = "demo")]
fn mock_of(ctx: &Ctx) -> Option<std::rc::Rc<std::cell::RefCell<crate::api::mock::MockBackend>>> {
    match ctx.client().backend() {
        crate::api::client::Backend::Mock(m) => Some(m.clone()),
        #[allow(unreachable_patterns)]
        _ => None,
    }
}

/// The in-browser mock's storage notices become banners; another tab's
/// write refreshes what this tab shows.
#[cfg(feature = "demo")]
fn wire_demo(ctx: Ctx) {
    let Some(mock) = mock_of(&ctx) else {
        return;
    };
    mock.borrow_mut().on_storage_notice(Box::new(move |notice| {
        ctx.storage_notice(StorageBanner::from(notice));
    }));
    platform::on_storage_change(move |key| {
        if key == crate::api::mock::store::BROWSER_KEY || key.is_empty() {
            // The write may be under way in this tab (the lock is async).
            let changed = mock.try_borrow_mut().map(|mut m| m.reload());
            if changed.unwrap_or(true) {
                ctx.changed();
            }
        }
    });
}

/// What both sites do at start: provide the context, wire the demo, keep
/// `<html lang>` and the title in step with the language.
fn shell(ctx: Ctx) {
    provide_context(ctx);
    #[cfg(feature = "demo")]
    wire_demo(ctx);
    Effect::new(move |_| {
        let lang = ctx.lang.get();
        ctx.save_local("lang", lang.tag());
        platform::set_document_lang(lang.tag());
        platform::set_title(text(lang, Key::AppName));
    });
}

/// The frame around a site's routes: skip link, header, main, notifications.
#[component]
fn Frame(children: Children) -> impl IntoView {
    let ctx = crate::context::ctx();
    rescue_focus(move || {
        (
            ctx.partner.with(Option::is_some),
            ctx.customer.with(Option::is_some),
        )
    });
    view! {
        <a class="skip" href="#main">{tr(Key::SkipToContent)}</a>
        <Header/>
        <main id="main" tabindex="-1">{children()}</main>
        <Toasts/>
    }
}

/// When what `track` reads changes (a new page, signing in or out), the
/// control that had the focus may be gone, which leaves it on the page
/// itself: a keyboard or screen reader user would start over from the top.
/// Then the focus moves to the content (`main`), where the new page begins
/// (WCAG 2.4.3); a focus the page placed itself is left alone.
fn rescue_focus<T: PartialEq + Send + Sync + 'static>(
    track: impl Fn() -> T + Send + Sync + 'static,
) {
    Effect::new(move |prev: Option<T>| {
        let now = track();
        if prev.is_some_and(|p| p != now) {
            request_animation_frame(|| {
                if platform::focused().is_none() {
                    platform::focus("main");
                }
            });
        }
        now
    });
}

/// [`rescue_focus`] when the partner workspace's router shows another page.
#[component]
fn FocusOnNavigate() -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    rescue_focus(move || location.pathname.get());
}

/// The path under the app's base, without a trailing slash (`"/"` at the
/// root). The portal and the customer portal have no router: each shows
/// one screen per page load.
fn path_under_base(ctx: &Ctx) -> String {
    let path = platform::pathname();
    let path = path.strip_prefix(&ctx.base()).unwrap_or(&path);
    match path.trim_end_matches('/') {
        "" => "/".to_string(),
        p => p.to_string(),
    }
}

/// The portal site over `ctx` (built by `boot`, or by a test): the home
/// page and the acceptance portal with every step. No router: the
/// customer's first page carries as little code as it can (issue 12).
#[component]
pub fn PortalApp(ctx: Ctx) -> impl IntoView {
    provide_context(pages::customer::accept::SignedInSteps(
        pages::customer::accept::signed_in_steps,
    ));
    follow_sign_out(ctx);
    portal(ctx)
}

/// The portal's first page for a visitor opening an invitation signed out,
/// its own build (`landing`): the portal without the steps after signing
/// in, so the customer's first download carries none of their code (issue
/// 12). Signing in leaves for the identity provider, which sends the
/// browser back to the whole portal (the bootstrap, `.ci/postbuild.mjs`,
/// picks which build a page load starts).
#[component]
pub fn LandingApp(ctx: Ctx) -> impl IntoView {
    portal(ctx)
}

/// Signs this tab out when another tab of the app signs out (the landing
/// build, signed out by definition, carries none of it).
fn follow_sign_out(ctx: Ctx) {
    platform::on_storage_change(move |key| {
        if key.strip_prefix(platform::PREFIX) == Some(platform::SIGNED_OUT) {
            ctx.signed_out_elsewhere();
        }
    });
}

/// The portal's screens for this address, in the frame.
fn portal(ctx: Ctx) -> impl IntoView {
    shell(ctx);
    let screen = match path_under_base(&ctx).as_str() {
        "/" => view! { <pages::Home/> }.into_any(),
        _ => view! { <pages::NotFound/> }.into_any(),
    };
    view! { <Frame>{screen}</Frame> }
}

/// The customer portal site over `ctx`: the customer's partners.
#[component]
pub fn CustomerApp(ctx: Ctx) -> impl IntoView {
    shell(ctx);
    follow_sign_out(ctx);
    let screen = match path_under_base(&ctx).as_str() {
        "/customer" => match approval_requested() {
            Some(id) => view! { <pages::customer::approve::ApprovalPage id=id/> }.into_any(),
            None => view! { <pages::customer::partners::PartnersPage/> }.into_any(),
        },
        _ => view! { <pages::NotFound/> }.into_any(),
    };
    view! { <Frame>{screen}</Frame> }
}

/// The admin relationship whose approval the address asks for
/// (`?adminRelationship={id}`, `domain::gdap::approval_link`).
fn approval_requested() -> Option<String> {
    let search = platform::search();
    search
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| {
            pair.strip_prefix(crate::domain::gdap::APPROVAL_PARAM)?
                .strip_prefix('=')
        })
        .map(crate::domain::link::percent_decode)
        .filter(|id| !id.is_empty())
}

/// The partner workspace site over `ctx`.
#[component]
pub fn PartnerApp(ctx: Ctx) -> impl IntoView {
    shell(ctx);
    follow_sign_out(ctx);
    view! {
        <Router base=ctx.base()>
            <FocusOnNavigate/>
            <Frame>
                <Routes fallback=|| view! { <pages::NotFound/> }>
                    <Route path=path!("/partner") view=pages::partner::customers::CustomersPage/>
                    <Route path=path!("/partner/customers") view=pages::partner::customers::CustomersPage/>
                    <Route path=path!("/partner/invitations") view=pages::partner::invitations::InvitationsPage/>
                    <Route path=path!("/partner/invitations/new") view=pages::partner::new_invitation::NewInvitationPage/>
                    <Route path=path!("/partner/invitations/:id/draft") view=pages::partner::draft::DraftPage/>
                    <Route path=path!("/partner/admin-relationships") view=pages::partner::admin_relationships::AdminRelationshipsPage/>
                </Routes>
            </Frame>
        </Router>
    }
}
