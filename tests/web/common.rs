//! Shared set-up for the browser tests: a fresh in-memory mock, the app
//! mounted at a given path, DOM queries and waiting for what a user sees.

use leptos::prelude::*;
use reseller_invitations::api::client::{Backend, Client};
use reseller_invitations::api::mock::MockBackend;
use reseller_invitations::api::op;
use reseller_invitations::api::wire::{DemoIdentities, Session, SignInRequest};
use reseller_invitations::app::{CustomerApp, PartnerApp, PortalApp};
use reseller_invitations::context::Ctx;
use reseller_invitations::routes::Site;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;

thread_local! {
    /// The test's client over its mock (the app itself takes its client from
    /// the context it is mounted with).
    static CLIENT: RefCell<Option<Client>> = const { RefCell::new(None) };
}

/// Makes `mock` the backend of what the test mounts next.
pub fn use_mock(mock: Rc<RefCell<MockBackend>>) {
    CLIENT.with(|c| *c.borrow_mut() = Some(Client::new(Backend::Mock(mock))));
}

/// The test's client (not signed in).
pub fn client() -> Client {
    CLIENT.with(|c| c.borrow().clone().expect("fresh() first"))
}

/// The test's mock.
pub fn current_mock() -> Rc<RefCell<MockBackend>> {
    match client().backend() {
        Backend::Mock(m) => m.clone(),
        _ => panic!("the tests run over the mock"),
    }
}

/// The mounted app; unmounts when dropped.
pub struct Mounted {
    _handle: leptos::mount::UnmountHandle<leptos::tachys::view::any_view::AnyViewState>,
    pub root: web_sys::HtmlElement,
    pub mock: Rc<RefCell<MockBackend>>,
    pub ctx: Ctx,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.root.remove();
    }
}

pub fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh in-memory mock as the backend, empty storage, the app's stylesheet.
pub fn fresh() -> Rc<RefCell<MockBackend>> {
    if document().get_element_by_id("app-style").is_none() {
        let style = document().create_element("style").unwrap();
        style.set_id("app-style");
        style.set_text_content(Some(include_str!("../../style/main.css")));
        document().head().unwrap().append_child(&style).unwrap();
    }
    web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .clear()
        .unwrap();
    let mock = Rc::new(RefCell::new(MockBackend::in_memory()));
    use_mock(mock.clone());
    mock
}

/// Fresh mock and storage; the address bar at `path`; the app mounted.
pub async fn mount_at(path: &str, partner: Option<&str>, customer: Option<&str>) -> Mounted {
    fresh();
    mount(path, partner, customer).await
}

/// The app mounted at `path` over the current backend.
pub async fn mount(path: &str, partner: Option<&str>, customer: Option<&str>) -> Mounted {
    let window = web_sys::window().unwrap();
    window
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
        .unwrap();
    let mock = current_mock();
    // The site that serves `path`, as deployed.
    let site = Site::of(path);
    let ctx = Ctx::new(client(), true, "", site);
    ctx.lang.set(reseller_invitations::domain::email::Lang::En);
    if let Some(name) = partner {
        ctx.set_partner(Some(sign_in(name).await));
    }
    if let Some(name) = customer {
        ctx.set_customer(Some(sign_in(name).await));
    }
    let root: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&root).unwrap();
    let handle = leptos::mount::mount_to(root.clone(), move || match site {
        Site::Portal => view! { <PortalApp ctx=ctx/> }.into_any(),
        Site::Customer => view! { <CustomerApp ctx=ctx/> }.into_any(),
        Site::Partner => view! { <PartnerApp ctx=ctx/> }.into_any(),
    });
    let mounted = Mounted {
        _handle: handle,
        root,
        mock,
        ctx,
    };
    settle().await;
    mounted
}

/// A client signed in as a demo user.
pub async fn client_as(name: &str) -> reseller_invitations::api::client::Client {
    client().with_token(Some(sign_in(name).await.access_token))
}

/// Signs a demo user in through the contract.
pub async fn sign_in(name: &str) -> Session {
    let api = client();
    let ids: DemoIdentities = api.call(op::ListDemoIdentities {}).await.unwrap();
    let user = ids
        .partners
        .iter()
        .chain(&ids.customers)
        .flat_map(|t| &t.users)
        .find(|u| u.display_name == name)
        .unwrap_or_else(|| panic!("no demo user {name}"));
    api.call(op::DemoSignIn {
        body: SignInRequest {
            user_id: user.id.clone(),
        },
    })
    .await
    .unwrap()
}

/// Lets effects, resources and timers run.
pub async fn settle() {
    for _ in 0..3 {
        leptos::task::tick().await;
        reseller_invitations::api::sleep_ms(10).await;
    }
}

/// Waits (up to ~3 s) until `check` holds; panics with `what` otherwise.
pub async fn until(what: &str, check: impl Fn() -> bool) {
    for _ in 0..150 {
        if check() {
            return;
        }
        leptos::task::tick().await;
        reseller_invitations::api::sleep_ms(20).await;
    }
    panic!(
        "timed out waiting for: {what}\n{}",
        text(&document().body().unwrap())
    );
}

pub fn text(el: &web_sys::Element) -> String {
    el.text_content().unwrap_or_default()
}

pub fn body_text() -> String {
    text(&document().body().unwrap())
}

pub fn all(selector: &str) -> Vec<web_sys::HtmlElement> {
    let list = document().query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.unchecked_into())
        .collect()
}

pub fn one(selector: &str) -> web_sys::HtmlElement {
    document()
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element {selector}"))
        .unchecked_into()
}

/// The button whose text is exactly `label`.
pub fn button(label: &str) -> web_sys::HtmlButtonElement {
    all("button")
        .into_iter()
        .find(|b| text(b).trim() == label)
        .unwrap_or_else(|| panic!("no button “{label}”"))
        .unchecked_into()
}

/// Types into an input or textarea as a user would (sets the value, fires `input`).
pub fn type_into(selector: &str, value: &str) {
    let el = one(selector);
    if let Some(i) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        i.set_value(value);
    } else if let Some(t) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        t.set_value(value);
    }
    el.dispatch_event(
        &web_sys::Event::new_with_event_init_dict("input", &{
            let init = web_sys::EventInit::new();
            init.set_bubbles(true);
            init
        })
        .unwrap(),
    )
    .unwrap();
}

/// Picks an option of a select (fires `change`).
pub fn select(selector: &str, value: &str) {
    let el: web_sys::HtmlSelectElement = one(selector).unchecked_into();
    el.set_value(value);
    el.dispatch_event(
        &web_sys::Event::new_with_event_init_dict("change", &{
            let init = web_sys::EventInit::new();
            init.set_bubbles(true);
            init
        })
        .unwrap(),
    )
    .unwrap();
}

pub fn value(selector: &str) -> String {
    let el = one(selector);
    if let Some(i) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        i.value()
    } else if let Some(t) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        t.value()
    } else {
        String::new()
    }
}

/// Records errors the page throws (uncaught exceptions and rejections) from
/// now on, so a test can check that nothing failed after its last step.
pub struct ErrorWatch {
    seen: std::rc::Rc<std::cell::RefCell<Vec<String>>>,
    _on_error: wasm_bindgen::closure::Closure<dyn FnMut(web_sys::Event)>,
}

impl ErrorWatch {
    pub fn start() -> Self {
        let seen = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
        let sink = seen.clone();
        let on_error = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::Event)>::new(
            move |e: web_sys::Event| {
                let message = js_sys::Reflect::get(&e, &"message".into())
                    .ok()
                    .and_then(|m| m.as_string())
                    .or_else(|| {
                        js_sys::Reflect::get(&e, &"reason".into())
                            .ok()
                            .map(|r| format!("{r:?}"))
                    })
                    .unwrap_or_else(|| e.type_());
                sink.borrow_mut().push(message);
            },
        );
        let window = web_sys::window().unwrap();
        for kind in ["error", "unhandledrejection"] {
            window
                .add_event_listener_with_callback(kind, on_error.as_ref().unchecked_ref())
                .unwrap();
        }
        Self {
            seen,
            _on_error: on_error,
        }
    }

    pub fn assert_none(&self) {
        assert!(
            self.seen.borrow().is_empty(),
            "errors thrown: {:?}",
            self.seen.borrow()
        );
    }
}

impl Drop for ErrorWatch {
    fn drop(&mut self) {
        let window = web_sys::window().unwrap();
        for kind in ["error", "unhandledrejection"] {
            let _ = window
                .remove_event_listener_with_callback(kind, self._on_error.as_ref().unchecked_ref());
        }
    }
}
