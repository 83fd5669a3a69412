//! The one helper over the browser's `Intl`: numbers with the language's
//! grouping, counted phrases with its plural rules, and dates in the UI
//! language, and languages' names. Formatters are built once per language
//! and kept.

use crate::i18n::{self, Counted, Lang};
use js_sys::{Array, Date, Function, Intl, Object, Reflect};
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::{JsCast, JsValue};

/// The formatters of one language.
struct Formatters {
    number: Function,
    plural: Intl::PluralRules,
    date: Function,
    date_time_utc: Function,
}

thread_local! {
    static CACHE: RefCell<HashMap<&'static str, std::rc::Rc<Formatters>>> = RefCell::default();
}

fn options(pairs: &[(&str, &str)]) -> Object {
    let o = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&o, &(*k).into(), &(*v).into());
    }
    o
}

fn formatters(lang: Lang) -> std::rc::Rc<Formatters> {
    let tag = lang.tag();
    if let Some(f) = CACHE.with(|c| c.borrow().get(tag).cloned()) {
        return f;
    }
    let locales = Array::of1(&JsValue::from_str(tag));
    let number = Intl::NumberFormat::new(&locales, &Object::new()).format();
    let plural = Intl::PluralRules::new(&locales, &Object::new());
    // Dates are calendar days of UTC instants (what the backend stores), so
    // every reader sees the same day whatever the time zone.
    let date = Intl::DateTimeFormat::new(
        &locales,
        &options(&[("dateStyle", "medium"), ("timeZone", "UTC")]),
    )
    .format();
    let date_time_utc = Intl::DateTimeFormat::new(
        &locales,
        &options(&[
            ("dateStyle", "long"),
            ("timeStyle", "short"),
            ("timeZone", "UTC"),
        ]),
    )
    .format();
    let f = std::rc::Rc::new(Formatters {
        number,
        plural,
        date,
        date_time_utc,
    });
    CACHE.with(|c| c.borrow_mut().insert(tag, f.clone()));
    f
}

fn call(f: &Function, arg: &JsValue) -> Option<String> {
    f.call1(&JsValue::NULL, arg).ok()?.as_string()
}

/// A whole number with the language's digit grouping (50,000 / 50.000).
pub fn number(lang: Lang, n: u64) -> String {
    call(&formatters(lang).number, &JsValue::from_f64(n as f64)).unwrap_or_else(|| n.to_string())
}

/// A counted phrase: the form for exactly zero, or the one the language's
/// plural rules choose for `n`; `{0}` is `n` formatted, `{1}`... are `extra`.
pub fn count(lang: Lang, what: Counted, n: u64, extra: &[&str]) -> String {
    let [zero, one, other] = i18n::counted(lang, what);
    let form = if n == 0 {
        zero
    } else if formatters(lang).plural.select(n as f64) == "one" {
        one
    } else {
        other
    };
    let mut out = form.replace("{0}", &number(lang, n));
    for (i, arg) in extra.iter().enumerate() {
        out = out.replace(&format!("{{{}}}", i + 1), arg);
    }
    out
}

/// A language tag's name in the UI language ("pt-BR": Portuguese (Brazil) /
/// português (Brasil)); the tag as given when the browser has no name for
/// it or it is not a tag. Looked up and called through `Reflect`, which
/// catches: `of` throws on a malformed tag, and an older browser has no
/// `Intl.DisplayNames` (a rare view, so it is built each time).
pub fn language(lang: Lang, tag: &str) -> String {
    let name = || -> Result<JsValue, JsValue> {
        let intl = Reflect::get(&js_sys::global(), &"Intl".into())?;
        let ctor: Function = Reflect::get(&intl, &"DisplayNames".into())?.dyn_into()?;
        let locales = Array::of1(&JsValue::from_str(lang.tag()));
        let names = Reflect::construct(
            &ctor,
            &Array::of2(&locales, &options(&[("type", "language")])),
        )?;
        let of: Function = Reflect::get(&names, &"of".into())?.dyn_into()?;
        of.call1(&names, &JsValue::from_str(tag))
    };
    name()
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| tag.to_string())
}

fn js_date(rfc3339: &str) -> Option<Date> {
    let ms = crate::domain::time::parse_rfc3339(rfc3339)?;
    Some(Date::new(&JsValue::from_f64(ms as f64)))
}

/// The calendar day of an RFC 3339 instant in the UI language (21 Sep 2026 /
/// 21 de set. de 2026); the text as given when it is not a date.
pub fn date(lang: Lang, rfc3339: &str) -> String {
    js_date(rfc3339)
        .and_then(|d| call(&formatters(lang).date, &d))
        .unwrap_or_else(|| rfc3339.to_string())
}

/// A date and time in UTC, in the UI language (for records kept in UTC).
pub fn date_time_utc(lang: Lang, rfc3339: &str) -> String {
    js_date(rfc3339)
        .and_then(|d| call(&formatters(lang).date_time_utc, &d))
        .map(|s| format!("{s} UTC"))
        .unwrap_or_else(|| rfc3339.to_string())
}
