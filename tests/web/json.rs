//! The browser's JSON reader (`domain::json`: `JSON.parse`, then the typed
//! value read from it) reads every real Partner Center and Graph sample
//! exactly as serde_json does, and says what is wrong with what it refuses.

use reseller_invitations::api::wire::{
    Agreement, AgreementMetadata, Collection, Customer, ErrorBody, RelationshipRequest,
};
use reseller_invitations::domain::json;
use reseller_invitations::domain::oidc::{Audience, IdClaims};
use serde::de::DeserializeOwned;
use std::fmt::Debug;
use wasm_bindgen_test::*;

/// The browser's reading of `text` is serde_json's.
fn same<T: DeserializeOwned + PartialEq + Debug>(name: &str, text: &str) -> T {
    let browser: T = json::from_str(text).unwrap_or_else(|e| panic!("{name}: {e}"));
    let reference: T = serde_json::from_str(text).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(browser, reference, "{name}");
    browser
}

macro_rules! fixture {
    ($path:literal) => {
        (
            $path,
            include_str!(concat!("../../crates/contract/tests/fixtures/", $path)),
        )
    };
}

#[wasm_bindgen_test]
fn reads_every_partner_center_sample_as_serde_json_does() {
    let (n, t) = fixture!("partner-center/customer.json");
    let c: Customer = same(n, t);
    assert_eq!(c.id, "eebd1b55-5360-4438-a11d-5c06918c3014");
    let (n, t) = fixture!("partner-center/customers-collection.json");
    assert_eq!(same::<Collection<Customer>>(n, t).items.len(), 2);
    let (n, t) = fixture!("partner-center/agreement-metadata-collection.json");
    same::<Collection<AgreementMetadata>>(n, t);
    let (n, t) = fixture!("partner-center/agreement-request.json");
    same::<Agreement>(n, t);
    let (n, t) = fixture!("partner-center/agreement-response.json");
    same::<Agreement>(n, t);
    let (n, t) = fixture!("partner-center/error.json");
    assert_eq!(same::<ErrorBody>(n, t).code, 20002);
    let (n, t) = fixture!("partner-center/relationship-request.json");
    same::<RelationshipRequest>(n, t);
    let (n, t) = fixture!("partner-center/relationship-request-legacy.json");
    same::<RelationshipRequest>(n, t);
}

#[wasm_bindgen_test]
fn reads_every_graph_sample_as_serde_json_does() {
    use reseller_invitations::api::graph::*;
    let (n, t) = fixture!("graph/delegated-admin-relationship.json");
    same::<DelegatedAdminRelationship>(n, t);
    let (n, t) = fixture!("graph/delegated-admin-relationships-collection.json");
    assert_eq!(
        same::<GraphCollection<DelegatedAdminRelationship>>(n, t)
            .value
            .len(),
        2
    );
    let (n, t) = fixture!("graph/relationship-request.json");
    same::<DelegatedAdminRelationshipRequest>(n, t);
    let (n, t) = fixture!("graph/access-assignment.json");
    same::<AccessAssignment>(n, t);
    let (n, t) = fixture!("graph/error.json");
    same::<GraphErrorBody>(n, t);
}

#[wasm_bindgen_test]
fn error_data_items_read_as_strings_or_their_json_text() {
    let body: ErrorBody = same(
        "mixed data",
        r#"{"code":600,"description":"d","data":["name",12,-3,1.5,true,null,[1,"a\"b"],{"k":{"n":[]}}]}"#,
    );
    assert_eq!(
        body.data,
        [
            "name",
            "12",
            "-3",
            "1.5",
            "true",
            "null",
            r#"[1,"a\"b"]"#,
            r#"{"k":{"n":[]}}"#
        ]
    );
}

#[wasm_bindgen_test]
fn an_audience_is_one_string_or_an_array_of_them() {
    let claims = |aud: &str| -> IdClaims {
        json::from_str(&format!(r#"{{"iss":"i","aud":{aud},"exp":2000}}"#)).unwrap()
    };
    assert_eq!(claims(r#""app""#).aud, Audience(vec!["app".into()]));
    assert_eq!(
        claims(r#"["x","app"]"#).aud,
        Audience(vec!["x".into(), "app".into()])
    );
    assert!(json::from_str::<IdClaims>(r#"{"iss":"i","aud":7,"exp":2000}"#).is_err());
}

#[wasm_bindgen_test]
fn nesting_deeper_than_serde_json_reads_is_refused_not_a_crash() {
    let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    assert!(json::from_str::<serde_json::Value>(&deep(100)).is_ok());
    let refused = json::from_str::<serde_json::Value>(&deep(100_000)).unwrap_err();
    assert!(refused.contains("128 deep"), "{refused}");
    // serde_json refuses it too.
    assert!(serde_json::from_str::<serde_json::Value>(&deep(200)).is_err());
}

#[wasm_bindgen_test]
fn refusals_say_what_is_wrong() {
    let syntax = json::from_str::<ErrorBody>(r#"{"code":1,"#).unwrap_err();
    assert!(syntax.contains("JSON"), "{syntax}");
    let missing = json::from_str::<ErrorBody>(r#"{"code":1}"#).unwrap_err();
    assert!(missing.contains("description"), "{missing}");
    let wrong = json::from_str::<ErrorBody>(r#"{"code":"one","description":"d"}"#).unwrap_err();
    assert!(wrong.contains("invalid type"), "{wrong}");
    // Where, as the native reader says it.
    assert!(wrong.ends_with(", at `code`"), "{wrong}");
    let nested = json::from_str::<Vec<ErrorBody>>(
        r#"[{"code":1,"description":"d"},{"code":1,"description":2}]"#,
    )
    .unwrap_err();
    assert!(nested.ends_with(", at `[1].description`"), "{nested}");
}
