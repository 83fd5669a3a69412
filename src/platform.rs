//! Browser glue: where the app lives (its base path), `localStorage`,
//! `config.json`, the clipboard and the cross-tab `storage` event. Pages call
//! these instead of touching web-sys themselves.

use crate::config::{parse_config, BackendChoice, ConfigError};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Key prefix of everything else this app stores.
pub const PREFIX: &str = "reseller-invitations.";

/// The app's base path without a trailing slash (`""` at the domain root,
/// `"/reseller"` under a sub-path), from the document's base URL and the
/// folder the running site's `index.html` lives in under it.
pub fn base_path(site: crate::routes::Site) -> String {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default();
    let without_origin = base
        .splitn(4, '/')
        .nth(3)
        .map(|p| format!("/{p}"))
        .unwrap_or_else(|| "/".into());
    let path = without_origin.split(['?', '#']).next().unwrap_or("/");
    let dir = &path[..path.rfind('/').unwrap_or(0)];
    dir.strip_suffix(site.dir()).unwrap_or(dir).to_string()
}

/// The page's origin, e.g. `https://app.example`.
pub fn origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

/// The page's query string including `?`.
pub fn search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// The current URL's path (`/reseller/customer`).
pub fn pathname() -> String {
    web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default()
}

/// The full current URL.
pub fn href() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// A 404.html redirect arrives as `<base>/?route=<path>`: put the deep link
/// back into the address bar before the router reads it.
pub fn restore_deep_link(base: &str) {
    let Some(route) = crate::api::ApiRequest::new("GET", search()).query("route") else {
        return;
    };
    if !route.starts_with('/') || route.starts_with("//") {
        return;
    }
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{base}{route}{hash}")),
        );
    }
}

/// Replaces the query string without a navigation (keeps list views
/// shareable), if the address is still at `path` (the page may have been
/// left since the call was scheduled).
pub fn replace_query(path: &str, query: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if window.location().pathname().ok().as_deref() != Some(path) {
        return;
    }
    if let Ok(history) = window.history() {
        let url = if query.is_empty() {
            path.to_string()
        } else {
            format!("{path}?{query}")
        };
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// Puts `url` (same origin) in the address bar without loading it.
pub fn replace_address(url: &str) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url));
    }
}

/// Loads `url` (leaving this page).
pub fn go_to(url: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().assign(url);
    }
}

/// Forgets everything this app keeps in this browser for its user (drafts
/// with customers' emails, sessions, the tab's sign-in): all of its
/// `localStorage` keys but the language and, in the demo, the mock's own
/// data (the demo's backend, not the user's).
pub fn forget_user_data(keep: &[&str]) {
    let Some(s) = storage() else {
        return;
    };
    let keys: Vec<String> = (0..s.length().unwrap_or(0))
        .filter_map(|i| s.key(i).ok().flatten())
        .filter(|k| {
            k.starts_with(PREFIX)
                && !keep.iter().any(|kept| {
                    k == &format!("{PREFIX}{kept}") || k.starts_with(&format!("{PREFIX}{kept}."))
                })
        })
        .collect();
    for k in keys {
        let _ = s.remove_item(&k);
    }
    forget_tab_session();
}

/// Forgets this tab's sign-in (its `sessionStorage`: tokens, a pending
/// request, the issuer's discovery document).
pub fn forget_tab_session() {
    if let Some(t) = web_sys::window().and_then(|w| w.session_storage().ok().flatten()) {
        let _ = t.clear();
    }
}

/// The key a sign-out writes (the time, never who), so the app's other
/// tabs sign out too.
pub const SIGNED_OUT: &str = "signed-out";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// Reads `PREFIX + key` from `localStorage`.
pub fn load(key: &str) -> Option<String> {
    storage()?.get_item(&format!("{PREFIX}{key}")).ok()?
}

/// Writes `PREFIX + key` to `localStorage`; false when the browser refuses
/// (storage full, or turned off). Callers keep the value on screen and say so
/// (see `Ctx::save_local`).
pub fn save(key: &str, value: &str) -> bool {
    storage().is_some_and(|s| s.set_item(&format!("{PREFIX}{key}"), value).is_ok())
}

/// Removes `PREFIX + key`.
pub fn remove(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(&format!("{PREFIX}{key}"));
    }
}

/// The browser's preferred language tag.
pub fn browser_language() -> String {
    web_sys::window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_default()
}

/// Sets `<html lang>`.
pub fn set_document_lang(tag: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        // Set only when it changes: the HTML's first paint has already
        // set it, and setting it again has the browser redo its work.
        if el.get_attribute("lang").as_deref() != Some(tag) {
            let _ = el.set_attribute("lang", tag);
        }
    }
}

/// Sets the document title.
pub fn set_title(title: &str) {
    if let Some(d) = web_sys::window().and_then(|w| w.document()) {
        if d.title() != title {
            d.set_title(title);
        }
    }
}

/// Calls `f(key)` when another tab changes `localStorage`.
pub fn on_storage_change(f: impl Fn(String) + 'static) {
    let closure = Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |e: web_sys::StorageEvent| {
        f(e.key().unwrap_or_default())
    });
    if let Some(w) = web_sys::window() {
        let _ = w.add_event_listener_with_callback("storage", closure.as_ref().unchecked_ref());
    }
    // The listener lives as long as the page.
    closure.forget();
}

/// Copies text with the Clipboard API; `Err` when refused or unavailable.
pub async fn copy_text(text: &str) -> Result<(), ()> {
    let clipboard = web_sys::window().map(|w| w.navigator().clipboard());
    let Some(clipboard) = clipboard else {
        return Err(());
    };
    // `navigator.clipboard` is undefined on insecure origins.
    if clipboard.is_undefined() || clipboard.is_null() {
        return Err(());
    }
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|_| ())
}

/// Offers `text` as a file download named `name` (a Blob and a download link).
pub fn download(name: &str, text: &str) {
    let run = || -> Option<()> {
        let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type("application/json");
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
        let document = web_sys::window()?.document()?;
        let a: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
        a.set_href(&url);
        a.set_download(name);
        a.click();
        let _ = web_sys::Url::revoke_object_url(&url);
        Some(())
    };
    let _ = run();
}

/// Opens a URL (e.g. `mailto:`) in the same tab.
pub fn open_url(url: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_href(url);
    }
}

/// Moves keyboard focus to the element with `id`.
pub fn focus(id: &str) {
    focus_element(document().and_then(|d| d.get_element_by_id(id)));
}

/// Gives the focus back to `el` (the control that had it before), if it
/// is still on the page.
pub fn focus_back(el: Option<web_sys::Element>) {
    focus_element(el.filter(|el| el.is_connected()));
}

/// Moves keyboard focus to the first element matching the CSS `selector`.
pub fn focus_first(selector: &str) {
    focus_element(document().and_then(|d| d.query_selector(selector).ok().flatten()));
}

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

fn focus_element(el: Option<web_sys::Element>) {
    if let Some(el) = el.and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// The portal bootstrap's `earlyFetches.take(url)`: a promise of the
    /// answer to its request for `url`, of `'failed'` when that request
    /// failed, or of `null` when it made none; throws on a page without
    /// that bootstrap.
    #[wasm_bindgen(js_namespace = earlyFetches, js_name = take, catch)]
    fn take_early(url: &str) -> Result<js_sys::Promise, wasm_bindgen::JsValue>;
}

/// The answer to a GET of `url` that the page's bootstrap asked for before
/// the wasm ran (the portal's `index.html`, see `.ci/postbuild.mjs`:
/// `config.json`, and for a visitor opening an invitation signed out, the
/// invitation's public view, asked for while the wasm downloads). Each is
/// taken once. `None`: the bootstrap asked for no such URL (the caller asks
/// itself); `Some(Err(()))`: it did and the request failed or timed out.
pub async fn early_fetch(url: &str) -> Option<Result<gloo_net::http::Response, ()>> {
    let answer = wasm_bindgen_futures::JsFuture::from(take_early(url).ok()?)
        .await
        .ok()?;
    if answer.is_null() {
        return None;
    }
    Some(
        answer
            .dyn_into::<web_sys::Response>()
            .map(Into::into)
            .map_err(|_| ()),
    )
}

/// Reads `config.json` at the app's base (not beside the current deep link)
/// and checks it. `None`: there is no file (404, or a host's HTML fallback
/// page); anything else that cannot be used is an error, never a silent
/// fall-back to demo data.
pub async fn load_config(base: &str) -> Result<Option<BackendChoice>, ConfigError> {
    let url = format!("{}{base}/config.json", origin());
    let error = |problem: String| ConfigError {
        url: url.clone(),
        problem,
    };
    // A failed early request is asked again: its error is then the app's own.
    let response = match early_fetch(&url).await {
        Some(Ok(response)) => response,
        _ => gloo_net::http::Request::get(&url)
            .send()
            .await
            .map_err(|e| error(format!("the file could not be fetched ({e})")))?,
    };
    if response.status() == 404 {
        return Ok(None);
    }
    if !response.ok() {
        return Err(error(format!(
            "the server answered HTTP {} for it",
            response.status()
        )));
    }
    let text = response
        .text()
        .await
        .map_err(|e| error(format!("the file could not be read ({e})")))?;
    // A static host's HTML fallback page is not a config file: there is none.
    if text.trim_start().starts_with('<') {
        return Ok(None);
    }
    let choice = parse_config(&text).map_err(error)?;
    if let BackendChoice::Http {
        base_url, sign_in, ..
    } = &choice
    {
        let allowed = crate::config::built_for_origins();
        crate::config::check_backend_origin(base_url, &origin(), &allowed).map_err(error)?;
        // The issuer is called too (discovery, tokens): the same rule.
        crate::config::check_backend_origin(&sign_in.issuer, &origin(), &allowed)
            .map_err(|e| error(e.replacen("\"baseUrl\"", "\"issuer\"", 1)))?;
    }
    Ok(Some(choice))
}

/// The page is ready: what it is for is on screen and usable. The first
/// call marks `performance.mark('app-ready')` (what `.ci/bench` times),
/// removes the first-paint frame `index.html` shows before the wasm runs
/// (`#boot`) and shows the app (`#app`) in the same frame, so nothing moves
/// under the user. Later calls do nothing.
pub fn app_ready() {
    thread_local!(static DONE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) });
    if DONE.with(|d| d.replace(true)) {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Some(document) = window.document() {
        if let Some(frame) = document.get_element_by_id("boot") {
            frame.remove();
        }
        if let Some(app) = document.get_element_by_id("app") {
            let _ = app.remove_attribute("hidden");
        }
    }
    mark("app-ready");
}

/// Marks the page's timeline with `name` (`performance.mark`).
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

/// Where the app mounts: `#app` when the page has one (the portal's
/// `index.html`, shown by [`app_ready`]), else the body.
pub fn mount_point() -> web_sys::HtmlElement {
    use wasm_bindgen::JsCast;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a document");
    document
        .get_element_by_id("app")
        .and_then(|e| e.dyn_into().ok())
        .or_else(|| document.body())
        .expect("a body")
}

/// Watches elements' heights (one `ResizeObserver`): calls `on_heights` with
/// each changed element's `data-index` and its height in pixels (border box,
/// whole pixels), once when an element is first watched and after every
/// change (larger text, a card layout at a narrow width, an opened record).
pub struct HeightWatcher {
    observer: Option<web_sys::ResizeObserver>,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

impl HeightWatcher {
    /// A watcher reporting to `on_heights`.
    pub fn new(on_heights: impl Fn(Vec<(usize, f64)>) + 'static) -> Self {
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let heights = entries
                .iter()
                .filter_map(|entry| {
                    let target = entry
                        .unchecked_into::<web_sys::ResizeObserverEntry>()
                        .target()
                        .dyn_into::<web_sys::HtmlElement>()
                        .ok()?;
                    let index = target.get_attribute("data-index")?.parse().ok()?;
                    // A removed element reports 0: it is no longer on screen.
                    target
                        .is_connected()
                        .then(|| (index, target.offset_height() as f64))
                })
                .collect::<Vec<_>>();
            if !heights.is_empty() {
                on_heights(heights);
            }
        });
        let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok();
        Self {
            observer,
            _callback: callback,
        }
    }

    /// Starts watching `element` (which carries `data-index`).
    pub fn watch(&self, element: &web_sys::Element) {
        if let Some(o) = &self.observer {
            o.observe(element);
        }
    }

    /// Stops watching `element`.
    pub fn unwatch(&self, element: &web_sys::Element) {
        if let Some(o) = &self.observer {
            o.unobserve(element);
        }
    }
}

impl Drop for HeightWatcher {
    fn drop(&mut self) {
        if let Some(o) = &self.observer {
            o.disconnect();
        }
    }
}

/// The element in focus, if any (not the page itself).
pub fn focused() -> Option<web_sys::Element> {
    let d = web_sys::window()?.document()?;
    let el = d.active_element()?;
    (Some(&el)
        != d.body()
            .map(|b| b.unchecked_into::<web_sys::Element>())
            .as_ref())
    .then_some(el)
}

/// The element around the one in focus (or that one) matching the CSS
/// `selector`, if any.
pub fn focused_in(selector: &str) -> Option<web_sys::Element> {
    focused()?.closest(selector).ok().flatten()
}

/// The window's height in CSS pixels.
pub fn window_height() -> f64 {
    web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(900.0)
}
