//! Reading JSON text into typed values: the one reader every crate uses.
//!
//! The text becomes a plain tree ([`Node`]) first (in the browser by its
//! own `JSON.parse`, natively by serde_json), then one small deserializer
//! reads the typed value from the tree. Issue 12: serde_json's reader
//! compiled its parser into every type's reader (45 KiB of the customer's
//! page) and serde-wasm-bindgen's calls into JavaScript from each (18 KiB);
//! here each type's reader is a walk over Rust values, and no refusal formats
//! a float (one where a whole number was expected is said in words).

use serde::de::{self, DeserializeOwned, Expected, IntoDeserializer, Unexpected, Visitor};
use std::fmt;

/// A JSON value as a tree.
#[derive(Clone, Debug, PartialEq)]
pub enum Node {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A whole number in `i64`'s range.
    Int(i64),
    /// A whole number above `i64::MAX` (natively; the browser's numbers
    /// are exact only up to 2^53).
    UInt(u64),
    /// Any other number.
    Float(f64),
    /// A string.
    Str(String),
    /// An array.
    Arr(Vec<Node>),
    /// An object's members (in the browser in `Object.entries` order,
    /// natively by name; a repeated name keeps its last value, as
    /// `JSON.parse` does). No type read here depends on their order.
    Obj(Vec<(String, Node)>),
}

/// Why a text was refused, in words, and where: the path of members and
/// items to the refused value (`signIn.scopes[2]`; empty at the top), so a
/// message about a file names the member to fix (what serde_json's line
/// and column said before, issue 12).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    /// Where: members by name, joined by `.`, items as `[index]`.
    pub at: String,
    /// What is wrong there.
    pub what: String,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.what)?;
        if !self.at.is_empty() {
            write!(f, ", at `{}`", self.at)?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {}

/// One step of the path to a refused value.
enum Step {
    Member(String),
    Item(usize),
}

thread_local! {
    /// The path of the refusal being returned, innermost step first: each
    /// array or object it comes out of adds its step ([`Items`],
    /// [`Members`]), and [`from_str`] writes it into the error. Kept aside
    /// rather than in the error as it passes, so each type's reader carries
    /// one check and a call, not a rewrite of its result (3–4 KiB brotli on
    /// the partner workspace, issue 12). A new refusal starts it afresh, so
    /// one a reader made and set aside (trying another shape) leaves nothing.
    static PATH: std::cell::RefCell<Vec<Step>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The refusal being returned came out of `step`.
#[inline(never)]
fn came_out_of(step: Step) {
    PATH.with(|p| p.borrow_mut().push(step));
}

/// The path of the refusal being returned (`signIn.scopes[2]`), taken.
fn take_path() -> String {
    let steps = PATH.with(|p| std::mem::take(&mut *p.borrow_mut()));
    let mut at = String::new();
    for step in steps.iter().rev() {
        match step {
            Step::Member(name) => {
                if !at.is_empty() {
                    at.push('.');
                }
                at.push_str(name);
            }
            Step::Item(index) => at.push_str(&format!("[{index}]")),
        }
    }
    at
}

impl Error {
    fn new(what: String) -> Error {
        PATH.with(|p| p.borrow_mut().clear());
        Error {
            at: String::new(),
            what,
        }
    }
}

impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error::new(msg.to_string())
    }
    fn invalid_type(unexp: Unexpected<'_>, exp: &dyn Expected) -> Self {
        Error::new(format!("invalid type: {}, expected {exp}", words(&unexp)))
    }
    fn invalid_value(unexp: Unexpected<'_>, exp: &dyn Expected) -> Self {
        Error::new(format!("invalid value: {}, expected {exp}", words(&unexp)))
    }
}

/// What was found, in words. serde's own `Display` of it would compile
/// float formatting into the wasm (about 6 KiB) for the one word "number".
fn words(u: &Unexpected<'_>) -> String {
    match u {
        Unexpected::Bool(b) => format!("boolean `{b}`"),
        Unexpected::Unsigned(n) => format!("integer `{n}`"),
        Unexpected::Signed(n) => format!("integer `{n}`"),
        Unexpected::Str(s) => format!("string {s:?}"),
        Unexpected::Float(_) => "a fractional or out-of-range number".into(),
        Unexpected::Unit => "null".into(),
        Unexpected::Seq => "an array".into(),
        Unexpected::Map => "an object".into(),
        Unexpected::Other(what) => (*what).into(),
        _ => "another kind of value".into(),
    }
}

/// Reads `text` as a `T`; the error says what is wrong in words (callers
/// word their own message around it).
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    T::deserialize(parse(text)?).map_err(|mut e| {
        e.at = take_path();
        e.to_string()
    })
}

/// The tree of `text`, or why it is not JSON.
#[cfg(target_arch = "wasm32")]
pub fn parse(text: &str) -> Result<Node, String> {
    // JSON.parse throws only a SyntaxError, whose message says where.
    let value =
        js_sys::JSON::parse(text).map_err(|e| String::from(js_sys::Error::from(e).message()))?;
    from_js(&value, 0)
}

/// How deep arrays and objects may nest: serde_json's own limit, so a
/// text nested deeper is refused in the browser too instead of exhausting
/// the wasm's stack.
#[cfg(target_arch = "wasm32")]
const MAX_DEPTH: u32 = 128;

/// The tree of a value `JSON.parse` made, `depth` arrays or objects down.
/// A whole number the browser holds exactly is an integer (so `1.0` reads
/// as `1`, as JavaScript itself sees it).
#[cfg(target_arch = "wasm32")]
fn from_js(value: &js_sys::wasm_bindgen::JsValue, depth: u32) -> Result<Node, String> {
    use js_sys::wasm_bindgen::JsCast;
    Ok(if let Some(s) = value.as_string() {
        Node::Str(s)
    } else if let Some(n) = value.as_f64() {
        if n.fract() == 0.0 && n.abs() <= 9_007_199_254_740_991.0 {
            Node::Int(n as i64)
        } else {
            Node::Float(n)
        }
    } else if let Some(b) = value.as_bool() {
        Node::Bool(b)
    } else if value.is_null() {
        Node::Null
    } else if depth >= MAX_DEPTH {
        return Err("it nests arrays or objects more than 128 deep".into());
    } else if js_sys::Array::is_array(value) {
        let items: &js_sys::Array = value.unchecked_ref();
        Node::Arr(
            items
                .iter()
                .map(|v| from_js(&v, depth + 1))
                .collect::<Result<_, _>>()?,
        )
    } else {
        let members = js_sys::Object::entries(value.unchecked_ref());
        Node::Obj(
            members
                .iter()
                .map(|m| {
                    let pair: js_sys::Array = m.unchecked_into();
                    let name = pair.get(0).as_string().unwrap_or_default();
                    Ok((name, from_js(&pair.get(1), depth + 1)?))
                })
                .collect::<Result<_, String>>()?,
        )
    })
}

/// The tree of `text`, or why it is not JSON.
#[cfg(not(target_arch = "wasm32"))]
pub fn parse(text: &str) -> Result<Node, String> {
    serde_json::from_str::<serde_json::Value>(text)
        .map(Node::from)
        .map_err(|e| e.to_string())
}

#[cfg(not(target_arch = "wasm32"))]
impl From<serde_json::Value> for Node {
    fn from(v: serde_json::Value) -> Node {
        use serde_json::Value;
        match v {
            Value::Null => Node::Null,
            Value::Bool(b) => Node::Bool(b),
            Value::Number(n) => match (n.as_i64(), n.as_u64()) {
                (Some(i), _) => Node::Int(i),
                (None, Some(u)) => Node::UInt(u),
                _ => Node::Float(n.as_f64().unwrap_or_default()),
            },
            Value::String(s) => Node::Str(s),
            Value::Array(items) => Node::Arr(items.into_iter().map(Node::from).collect()),
            Value::Object(members) => Node::Obj(
                members
                    .into_iter()
                    .map(|(k, v)| (k, Node::from(v)))
                    .collect(),
            ),
        }
    }
}

impl<'de> IntoDeserializer<'de, Error> for Node {
    type Deserializer = Node;
    fn into_deserializer(self) -> Node {
        self
    }
}

impl Node {
    /// What this node is, for a refusal.
    fn unexpected(&self) -> Unexpected<'_> {
        match self {
            Node::Null => Unexpected::Unit,
            Node::Bool(b) => Unexpected::Bool(*b),
            Node::Int(i) => Unexpected::Signed(*i),
            Node::UInt(u) => Unexpected::Unsigned(*u),
            Node::Float(f) => Unexpected::Float(*f),
            Node::Str(s) => Unexpected::Str(s),
            Node::Arr(_) => Unexpected::Seq,
            Node::Obj(_) => Unexpected::Map,
        }
    }

    /// The refusal of this node where `exp` was expected. One function for
    /// every type's reader, so each carries one call, not its own message.
    #[inline(never)]
    fn refuse(&self, exp: &dyn Expected) -> Error {
        de::Error::invalid_type(self.unexpected(), exp)
    }
}

fn visit_items<'de, V: Visitor<'de>>(items: Vec<Node>, visitor: V) -> Result<V::Value, Error> {
    let len = items.len();
    let mut seq = Items {
        items: items.into_iter(),
        index: 0,
    };
    let value = visitor.visit_seq(&mut seq)?;
    match seq.items.len() {
        0 => Ok(value),
        left => Err(de::Error::invalid_length(len, &InSeq(len - left))),
    }
}

fn visit_members<'de, V: Visitor<'de>>(
    members: Vec<(String, Node)>,
    visitor: V,
) -> Result<V::Value, Error> {
    let mut map = Members {
        members: members.into_iter(),
        value: None,
    };
    visitor.visit_map(&mut map)
}

/// "N elements in sequence": what a sequence with items left over was
/// expected to hold (serde's own words).
struct InSeq(usize);

impl Expected for InSeq {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} elements in sequence", self.0)
    }
}

/// An array's items, each read with its index for a refusal.
struct Items {
    items: std::vec::IntoIter<Node>,
    index: usize,
}

impl<'de> de::SeqAccess<'de> for Items {
    type Error = Error;
    fn next_element_seed<S: de::DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, Error> {
        let Some(item) = self.items.next() else {
            return Ok(None);
        };
        let index = self.index;
        self.index += 1;
        let value = seed.deserialize(item);
        if value.is_err() {
            came_out_of(Step::Item(index));
        }
        value.map(Some)
    }
    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

/// An object's members, each value read with its name for a refusal.
struct Members {
    members: std::vec::IntoIter<(String, Node)>,
    value: Option<(String, Node)>,
}

impl<'de> de::MapAccess<'de> for Members {
    type Error = Error;
    fn next_key_seed<S: de::DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, Error> {
        let Some((name, value)) = self.members.next() else {
            return Ok(None);
        };
        let key = seed.deserialize(de::value::StrDeserializer::<Error>::new(&name))?;
        self.value = Some((name, value));
        Ok(Some(key))
    }
    fn next_value_seed<S: de::DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, Error> {
        let (name, value) = self
            .value
            .take()
            .ok_or_else(|| <Error as de::Error>::custom("a value asked for before its name"))?;
        let value = seed.deserialize(value);
        if value.is_err() {
            came_out_of(Step::Member(name));
        }
        value
    }
    fn size_hint(&self) -> Option<usize> {
        Some(self.members.len())
    }
}

/// Each request reads only the nodes its type can be (as serde_json's
/// requests do), so a type's reader holds one path, not all eight.
macro_rules! integer {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            match self {
                Node::Int(i) => visitor.visit_i64(i),
                Node::UInt(u) => visitor.visit_u64(u),
                other => Err(other.refuse(&visitor)),
            }
        }
    )*};
}

impl<'de> de::Deserializer<'de> for Node {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self {
            Node::Null => visitor.visit_unit(),
            Node::Bool(b) => visitor.visit_bool(b),
            Node::Int(i) => visitor.visit_i64(i),
            Node::UInt(u) => visitor.visit_u64(u),
            Node::Float(f) => visitor.visit_f64(f),
            Node::Str(s) => visitor.visit_string(s),
            Node::Arr(items) => visit_items(items, visitor),
            Node::Obj(members) => visit_members(members, visitor),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self {
            Node::Bool(b) => visitor.visit_bool(b),
            other => Err(other.refuse(&visitor)),
        }
    }

    integer! { deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64
    deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self {
            Node::Int(i) => visitor.visit_i64(i),
            Node::UInt(u) => visitor.visit_u64(u),
            Node::Float(f) => visitor.visit_f64(f),
            other => Err(other.refuse(&visitor)),
        }
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_f64(visitor)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self {
            Node::Str(s) => visitor.visit_string(s),
            other => Err(other.refuse(&visitor)),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_string(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_string(visitor)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self {
            Node::Arr(items) => visit_items(items, visitor),
            other => Err(other.refuse(&visitor)),
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self {
            Node::Obj(members) => visit_members(members, visitor),
            other => Err(other.refuse(&visitor)),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_map(visitor)
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self {
            Node::Null => visitor.visit_unit(),
            other => Err(other.refuse(&visitor)),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self {
            Node::Null => visitor.visit_none(),
            some => visitor.visit_some(some),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    /// A unit variant is its name; a variant with data an object of one
    /// member, its name (serde's externally tagged form, as serde_json).
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self {
            Node::Str(name) => visitor.visit_enum(name.into_deserializer()),
            Node::Obj(mut members) if members.len() == 1 => {
                let (name, value) = members.remove(0);
                visitor.visit_enum(Variant { name, value })
            }
            other => Err(other.refuse(&visitor)),
        }
    }

    /// Skipped without a look: unknown members cost nothing.
    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! { i128 u128 char bytes byte_buf }
}

/// A variant with data: its name, then its value. A refusal inside the
/// value is placed at the variant's object, without the variant's own name
/// (`kinds[1].a` for `kinds[1].pair.a`): naming it cost about 4 KiB brotli
/// on the partner workspace, every enum's reader growing, and no wire type
/// has a variant with data.
struct Variant {
    name: String,
    value: Node,
}

impl<'de> de::EnumAccess<'de> for Variant {
    type Error = Error;
    type Variant = Node;
    fn variant_seed<S: de::DeserializeSeed<'de>>(self, seed: S) -> Result<(S::Value, Node), Error> {
        let name = seed.deserialize(self.name.into_deserializer())?;
        Ok((name, self.value))
    }
}

impl<'de> de::VariantAccess<'de> for Node {
    type Error = Error;
    fn unit_variant(self) -> Result<(), Error> {
        match self {
            Node::Null => Ok(()),
            _ => Err(de::Error::invalid_type(
                Unexpected::Other("a value"),
                &"no value",
            )),
        }
    }
    fn newtype_variant_seed<S: de::DeserializeSeed<'de>>(self, seed: S) -> Result<S::Value, Error> {
        seed.deserialize(self)
    }
    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        de::Deserializer::deserialize_any(self, visitor)
    }
    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        de::Deserializer::deserialize_any(self, visitor)
    }
}

// Native only: proptest is a native dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use serde::{Deserialize, Serialize};

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    #[serde(rename_all = "camelCase")]
    enum Kind {
        Reseller,
        Indirect,
        #[serde(rename = "on_behalf")]
        OnBehalf(String),
        Pair {
            a: u32,
            b: Option<bool>,
        },
    }

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Record {
        id: String,
        count: u32,
        balance: i64,
        big: u64,
        rate: f64,
        #[serde(default)]
        note: Option<String>,
        kinds: Vec<Kind>,
        nested: Option<Box<Record>>,
        pair: (u8, String),
        #[serde(default)]
        flag: bool,
    }

    fn record(id: &str, nested: Option<Record>) -> Record {
        Record {
            id: id.into(),
            count: 7,
            balance: -42,
            big: u64::MAX,
            rate: 0.25,
            note: Some("é \"quoted\" \\ \u{1F600}".into()),
            kinds: vec![
                Kind::Reseller,
                Kind::Indirect,
                Kind::OnBehalf("x".into()),
                Kind::Pair { a: 1, b: None },
            ],
            nested: nested.map(Box::new),
            pair: (255, "p".into()),
            flag: true,
        }
    }

    #[test]
    fn reads_what_serde_json_reads() {
        let value = record("outer", Some(record("inner", None)));
        let text = serde_json::to_string(&value).unwrap();
        assert_eq!(from_str::<Record>(&text).unwrap(), value);
        assert_eq!(
            from_str::<Record>(&text).unwrap(),
            serde_json::from_str::<Record>(&text).unwrap()
        );
    }

    #[test]
    fn unknown_members_are_ignored_and_defaults_fill_in() {
        let text = r#"{"id":"a","count":1,"balance":2,"big":3,"rate":4,"kinds":[],"nested":null,"pair":[1,"b"],"extra":{"deep":[1,2,{"x":null}]}}"#;
        let r: Record = from_str(text).unwrap();
        assert_eq!((r.note, r.flag, r.rate), (None, false, 4.0));
    }

    #[test]
    fn refusals_say_what_is_wrong_without_numbers_formatted() {
        let base =
            r#""id":"a","balance":2,"big":3,"rate":4,"kinds":[],"nested":null,"pair":[1,"b"]"#;
        let refused =
            |count: &str| from_str::<Record>(&format!("{{{base},\"count\":{count}}}")).unwrap_err();
        assert_eq!(
            refused("1.5"),
            "invalid type: a fractional or out-of-range number, expected u32, at `count`"
        );
        assert_eq!(
            refused("\"7\""),
            "invalid type: string \"7\", expected u32, at `count`"
        );
        assert_eq!(
            refused("-1"),
            "invalid value: integer `-1`, expected u32, at `count`"
        );
        assert_eq!(
            refused("4294967296"),
            "invalid value: integer `4294967296`, expected u32, at `count`"
        );
        assert!(from_str::<Record>(&format!("{{{base}}}"))
            .unwrap_err()
            .contains("missing field `count`"));
        // Where, as a path of members and items.
        assert_eq!(
            refused("true"),
            "invalid type: boolean `true`, expected u32, at `count`"
        );
        let deep = format!(
            "{{{base},\"count\":1,\"nested\":{{{},\"count\":1,\"kinds\":[\"reseller\",{{\"pair\":{{\"a\":\"x\"}}}}]}}}}",
            base.replace(r#""kinds":[],"#, "")
        );
        assert_eq!(
            from_str::<Record>(&deep).unwrap_err(),
            "invalid type: string \"x\", expected u32, at `nested.kinds[1].a`"
        );
        assert_eq!(
            from_str::<Vec<Vec<u8>>>("[[1],[2,\"3\"]]").unwrap_err(),
            "invalid type: string \"3\", expected u8, at `[1][1]`"
        );
        assert_eq!(
            from_str::<Record>(&format!(
                "{{\"nested\":{{}},{},\"count\":1}}",
                base.replace(r#""nested":null,"#, "")
            ))
            .unwrap_err(),
            "missing field `id`, at `nested`"
        );
        assert!(from_str::<Record>("{\"id\":").unwrap_err().contains("EOF"));
        assert!(from_str::<Kind>("\"wholesale\"")
            .unwrap_err()
            .contains("unknown variant `wholesale`"));
        assert!(from_str::<(u8, u8)>("[1,2,3]")
            .unwrap_err()
            .contains("invalid length 3"));
    }

    #[derive(Debug, Deserialize)]
    struct Inner {
        #[allow(dead_code)]
        a: u32,
    }

    /// A reader that sets a refusal aside (reads `None` instead).
    fn lenient<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Inner>, D::Error> {
        Ok(Inner::deserialize(d).ok())
    }

    #[derive(Debug, Deserialize)]
    struct Lenient {
        #[serde(deserialize_with = "lenient")]
        #[allow(dead_code)]
        inner: Option<Inner>,
        #[allow(dead_code)]
        count: u32,
    }

    #[test]
    fn a_refusal_set_aside_leaves_nothing_in_the_next_ones_path() {
        assert_eq!(
            from_str::<Lenient>(r#"{"inner":{"a":"x"},"count":"y"}"#).unwrap_err(),
            "invalid type: string \"y\", expected u32, at `count`"
        );
        assert!(from_str::<Lenient>(r#"{"inner":{"a":"x"},"count":1}"#).is_ok());
        // At the top there is no path to name.
        assert_eq!(
            from_str::<u32>("true").unwrap_err(),
            "invalid type: boolean `true`, expected u32"
        );
    }

    fn any_json() -> impl proptest::strategy::Strategy<Value = serde_json::Value> {
        use proptest::prelude::*;
        use serde_json::Value;
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<u64>().prop_map(Value::from),
            (-1e12f64..1e12).prop_map(Value::from),
            "\\PC{0,8}".prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 48, 6, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                proptest::collection::btree_map("[a-z\\PC]{0,5}", inner, 0..6)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest::proptest! {
        /// Any JSON text reads back as serde_json reads it (through
        /// `deserialize_any`, the path every other request forwards to).
        #[test]
        fn any_json_reads_back(value in any_json()) {
            let text = serde_json::to_string(&value).unwrap();
            let read: serde_json::Value = from_str(&text).unwrap();
            // serde_json's own reading (its float parsing rounds the last
            // digit at times, without its float_roundtrip feature).
            let reference: serde_json::Value = serde_json::from_str(&text).unwrap();
            proptest::prop_assert_eq!(read, reference);
        }
    }
}
