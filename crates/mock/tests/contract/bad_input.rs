//! Bad input at every endpoint, over every implementation: garbage ids,
//! extreme numbers, bad query values, bodies no endpoint accepts, no token.

use crate::support::*;
use reseller_contract::wire::ErrorBody;
use reseller_contract::{ApiRequest, Caller, ENDPOINTS};
use reseller_mock::MockBackend;
use serde_json::json;

/// Garbage where an id belongs: unknown, malformed, encoded, huge, unicode,
/// numbers past every integer type.
const BAD_IDS: &[&str] = &[
    "00000000-0000-4000-8000-0000000000aa",
    "not-a-guid",
    "%00",
    "..%2F..%2Fetc%2Fpasswd",
    "%C3%BC%C3%B1%C3%AF",
    "-1",
    "18446744073709551616",
    "0de00000-0000-4001-8000-000000000001%0D%0AX-Evil:1",
];

/// Bad values for the query parameters a GET reads (route, query).
const BAD_QUERIES: &[(&str, &str)] = &[
    ("/v1/customers", "size=-1"),
    ("/v1/customers", "size=99999999999999999999999"),
    ("/v1/customers", "size=NaN"),
    ("/v1/customers", "size=0"),
    ("/v1/customers", "offset=18446744073709551615"),
    ("/v1/customers", "offset=18446744073709551616"),
    ("/v1/customers", "offset=-5"),
    ("/v1/customers", "sort=%00"),
    ("/v1/customers", "order=up"),
    ("/v1/customers", "filter=all%00"),
    ("/v1/customers/relationshiprequests", "dap=maybe"),
    ("/v1/tenant/invitations/view", "link=%zz"),
    ("/v1/tenant/invitations/view", "link=%3F%3D%26%23"),
    ("/v1/tenant/invitations/view", ""),
];

/// Bodies no endpoint accepts: not JSON, wrong types, extreme numbers.
const BAD_BODIES: &[&str] = &[
    "{",
    "[]",
    "null",
    r#"{"dap":"yes","emailLanguage":7}"#,
    r#"{"userId":12}"#,
    r#"{"link":null}"#,
    r#"{"offerId":"o365-e3","quantity":1e309}"#,
    r#"{"offerId":"o365-e3","quantity":-1}"#,
    r#"{"offerId":"o365-e3","quantity":4294967296}"#,
    r#"{"offerId":"o365-e3","quantity":18446744073709551616}"#,
    r#"{"status":"active","quantity":99999999999}"#,
];

/// Bad input at every endpoint, over every implementation: a 4xx with the
/// documented error body, never a 5xx or a panic, and the state unchanged.
fn bad_input_everywhere(api: &mut dyn Api) -> usize {
    reset(api);
    let partner = sign_in(api, "Ana Souza");
    let customer = sign_in(api, "Beatriz Rocha");
    let before = api.state_mark();
    let mut checked = 0;
    let mut judge = |api: &mut dyn Api, req: ApiRequest, may_succeed: bool| {
        let r = api.call(req.clone());
        let label = format!(
            "{} {:.120} {:.80} → {} {:.200}",
            req.method, req.path, req.body, r.status, r.body
        );
        if may_succeed && (200..300).contains(&r.status) {
            return;
        }
        assert!((400..500).contains(&r.status), "{label}");
        if req.path.starts_with(reseller_contract::GRAPH_PREFIX) {
            // Graph's form, with a code of the one table.
            let body: reseller_contract::graph::GraphErrorBody = serde_json::from_str(&r.body)
                .unwrap_or_else(|e| panic!("not a Graph error body ({e}): {label}"));
            let known = reseller_contract::error::ErrorCode::all()
                .any(|c| c.graph_code() == body.error.code);
            assert!(known && !body.error.message.is_empty(), "{label}");
        } else {
            let body: ErrorBody = serde_json::from_str(&r.body)
                .unwrap_or_else(|e| panic!("not an error body ({e}): {label}"));
            assert!(body.code > 0 && !body.description.is_empty(), "{label}");
        }
        checked += 1;
    };
    for route in ENDPOINTS {
        if route.path == "/v1/demo/reset" {
            continue;
        }
        let token = if route.path.starts_with("/v1/tenant") {
            &customer
        } else {
            &partner
        };
        let has_id = route.path.contains('{');
        let ids: Vec<String> = if has_id {
            BAD_IDS
                .iter()
                .map(|s| s.to_string())
                .chain(std::iter::once("x".repeat(3000)))
                .collect()
        } else {
            vec![String::new()]
        };
        for id in &ids {
            let path = route
                .path
                .split('/')
                .map(|s| if s.starts_with('{') { id.as_str() } else { s })
                .collect::<Vec<_>>()
                .join("/");
            let authed = |method: &str, path: String| {
                ApiRequest::new(method, path).header("authorization", format!("Bearer {token}"))
            };
            if route.method.as_str() == "GET" {
                // A garbage id is never found; a garbage query value is refused.
                judge(
                    api,
                    authed(
                        "GET",
                        format!("{path}?size=-1&offset=18446744073709551616&link=%zz"),
                    ),
                    !has_id,
                );
                for (on, query) in BAD_QUERIES {
                    let reads_it = *on == route.path;
                    judge(
                        api,
                        authed("GET", format!("{path}?{query}")),
                        !has_id && !reads_it,
                    );
                }
            } else {
                for b in BAD_BODIES {
                    let mut r = authed(route.method.as_str(), path.clone());
                    r.body = b.to_string();
                    judge(api, r, false);
                }
                let mut huge = authed(route.method.as_str(), path.clone());
                huge.body = format!(r#"{{"customerName":"{}"}}"#, "x".repeat(70_000));
                judge(api, huge, false);
                let mut long = authed(route.method.as_str(), path.clone());
                long.body = json!({ "dap": false, "customerName": "x".repeat(5000), "customerEmail": "", "emailLanguage": "en", "appBase": "https://a.example/", "companyName": "y".repeat(5000), "domain": "x.com", "country": "BR", "adminName": "A", "adminEmail": "a@x.com", "to": "", "subject": "s".repeat(300), "body": "b", "offerId": "o365-e3", "quantity": 0, "userId": BAD_IDS[0], "link": "?", "supportTenantId": BAD_IDS[0], "licensesToAssign": ["nope"] }).to_string();
                judge(api, long, false);
            }
            // No token at all.
            if route.caller != Caller::Anyone {
                judge(
                    api,
                    ApiRequest::new(route.method.as_str(), path.clone()),
                    false,
                );
            }
        }
    }
    assert_eq!(api.state_mark(), before, "refused requests changed nothing");
    checked
}

#[test]
fn bad_input_at_every_endpoint_is_a_4xx_and_changes_nothing() {
    let checked = bad_input_everywhere(&mut MockBackend::in_memory());
    assert!(checked > 1000, "{checked} bad requests checked");
}

#[test]
fn bad_input_over_http_is_a_4xx_and_changes_nothing() {
    let checked = bad_input_everywhere(&mut Server::start(&[]));
    assert!(checked > 1000, "{checked} bad requests checked over HTTP");
}
