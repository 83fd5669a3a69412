//! The checked-in OpenAPI document is what the contract's types produce:
//! every operation, every schema field, whether it is required, its allowed
//! values. When this fails, run `./.ci/openapi` and commit the result.
#![cfg(not(target_arch = "wasm32"))]

#[test]
fn the_checked_in_document_is_the_generated_one() {
    let generated = reseller_contract::openapi::document();
    let checked_in: serde_json::Value =
        serde_json::from_str(include_str!("../openapi.json")).expect("openapi.json is JSON");
    if generated != checked_in {
        let (g, c) = (
            serde_json::to_string_pretty(&generated).unwrap(),
            serde_json::to_string_pretty(&checked_in).unwrap(),
        );
        let first = g
            .lines()
            .zip(c.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(0);
        panic!(
            "crates/contract/openapi.json differs from what the types produce (first at line {}: generated {:?}, checked in {:?}); run ./.ci/openapi",
            first + 1,
            g.lines().nth(first),
            c.lines().nth(first)
        );
    }
}

#[test]
fn every_endpoint_and_error_code_is_documented() {
    let doc = reseller_contract::openapi::document();
    for e in reseller_contract::ENDPOINTS {
        let op = &doc["paths"][e.path][e.method.as_str().to_ascii_lowercase()];
        assert!(
            op["responses"][e.success.to_string()].is_object(),
            "{} {}",
            e.method.as_str(),
            e.path
        );
    }
    let codes = doc["components"]["schemas"]["ErrorBody"]["properties"]["code"]["enum"]
        .as_array()
        .unwrap()
        .len();
    assert_eq!(codes, reseller_contract::error::ErrorCode::all().count());
    // A required field is listed as required, an optional one is not.
    let invitation = &doc["components"]["schemas"]["InvitationRequest"];
    let required: Vec<&str> = invitation["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(
        required.contains(&"appBase") && !required.contains(&"indirectResellerId"),
        "{required:?}"
    );
}
