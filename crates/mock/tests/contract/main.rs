//! Native: one conformance suite of contract scenarios (`scenarios/`, one
//! file per resource), run against the mock directly and against the mock
//! server over real HTTP (the harness is `support/`, shared with the other
//! tests of this crate); bad input at every endpoint over both; expiry,
//! persistence and faults. (The OpenAPI document is checked by the contract
//! crate, which generates it.)
#![cfg(not(target_arch = "wasm32"))]

mod bad_input;
mod isolation;
mod scenarios;
#[path = "../support/mod.rs"]
mod support;

use reseller_contract::wire::*;
use reseller_contract::{encode_query, ApiRequest};
use reseller_domain::relationship::InvitationStatus;
use reseller_mock::clock::now_ms;
use reseller_mock::MockBackend;
use support::*;

type Scenario = (&'static str, fn(&mut dyn Api));
const SCENARIOS: &[Scenario] = &[
    (
        "identities and sign-in",
        scenarios::demo::identities_and_sign_in,
    ),
    (
        "partner profile and relationship request",
        scenarios::demo::partner_profile_and_relationship_request,
    ),
    (
        "invitation lifecycle and draft",
        scenarios::invitations::invitation_lifecycle_and_draft,
    ),
    ("roles and clouds", scenarios::demo::roles_and_clouds),
    (
        "idempotent writes",
        scenarios::invitations::idempotent_writes,
    ),
    (
        "accept as a new tenant with the agreement",
        scenarios::acceptance::accept_new_tenant_with_agreement,
    ),
    (
        "acceptance refusals",
        scenarios::acceptance::acceptance_refusals,
    ),
    ("link problems", scenarios::acceptance::link_problems),
    (
        "admin removed then restored",
        scenarios::acceptance::admin_removed_then_restored,
    ),
    (
        "customers at scale",
        scenarios::customers::customers_at_scale,
    ),
    ("manage a customer", scenarios::customers::manage_a_customer),
    (
        "scale customer changes stick",
        scenarios::customers::scale_customer_changes_stick,
    ),
    (
        "an indirect reseller invites through its provider",
        scenarios::two_tier::indirect_reseller_invites_through_its_provider,
    ),
    (
        "rights follow what the customer granted",
        scenarios::customers::rights_follow_what_the_customer_granted,
    ),
    (
        "no relationship is Partner Center's 20002",
        scenarios::customers::no_relationship_is_pc_20002,
    ),
    (
        "already accepted is said before anything is pressed",
        scenarios::acceptance::already_accepted_is_said_before_anything_is_pressed,
    ),
    (
        "GDAP requested with the invitation and approved",
        scenarios::gdap::gdap_requested_with_the_invitation_and_approved,
    ),
    (
        "GDAP rules are refused naming the field",
        scenarios::gdap::gdap_rules_are_refused_naming_the_field,
    ),
    (
        "rights follow granted and assigned roles",
        scenarios::gdap::rights_follow_granted_and_assigned_roles,
    ),
    (
        "GDAP expires, ends and terminates",
        scenarios::gdap::gdap_expires_ends_and_terminates,
    ),
    (
        "hundreds of relationships kept alive",
        scenarios::gdap::hundreds_of_relationships_kept_alive,
    ),
];

fn run_all(api: &mut dyn Api, label: &str) {
    for (name, scenario) in SCENARIOS {
        reset(api);
        eprintln!("[{label}] {name}");
        scenario(api);
    }
    eprintln!("[{label}] {} scenarios passed", SCENARIOS.len());
}

#[test]
fn conformance_against_the_mock_directly() {
    run_all(&mut MockBackend::in_memory(), "mock");
}

#[test]
fn conformance_against_the_mock_server_over_http() {
    run_all(&mut Server::start(&[]), "mock server");
}

#[test]
fn expiry_is_its_own_error() {
    let mut api = MockBackend::in_memory();
    let token = sign_in(&mut api, "Ana Souza");
    let inv = invite(&mut api, &token, false, "");
    let later = now_ms() + 91 * 86_400_000;
    let req = ApiRequest::new(
        "GET",
        format!(
            "/v1/tenant/invitations/view?link={}",
            encode_query(&inv.link)
        ),
    );
    err(api.handle(&req, later), 410, 41002);
    let list = api.handle(
        &ApiRequest::new("GET", "/v1/invitations")
            .header("authorization", format!("Bearer {token}")),
        later,
    );
    let list: Collection<Invitation> = ok(list);
    assert_eq!(list.items[0].status, InvitationStatus::Expired);
}

#[test]
fn state_persists_through_the_store_and_reloads_across_tabs() {
    use reseller_mock::store::MemoryStore;
    let shared = MemoryStore::default();
    let mut tab1 = MockBackend::new(Box::new(shared.clone()));
    let mut tab2 = MockBackend::new(Box::new(shared.clone()));
    let token = sign_in(&mut tab1, "Ana Souza");
    invite(&mut tab1, &token, false, "Seen elsewhere");
    assert!(tab2.reload(), "the other tab sees a change");
    let list = tab2.handle(
        &ApiRequest::new("GET", "/v1/invitations")
            .header("authorization", format!("Bearer {token}")),
        now_ms(),
    );
    let list: Collection<Invitation> = ok(list);
    assert_eq!(list.items[0].customer_name, "Seen elsewhere");
    let reopened = MockBackend::new(Box::new(shared));
    assert_eq!(reopened.revision(), tab2.revision());
}

#[test]
fn fault_injection() {
    let mut mock = MockBackend::in_memory();
    mock.set_faults(Faults {
        failing_endpoint: Some("GET /v1/demo/identities".into()),
        ..Faults::default()
    });
    let mut api = mock;
    err(
        send(&mut api, None, "GET", "/v1/demo/identities", None),
        503,
        50301,
    );
    api.set_faults(Faults {
        failure_rate: 1.0,
        ..Faults::default()
    });
    err(
        send(&mut api, None, "POST", "/v1/demo/reset", None),
        503,
        50301,
    );
    api.set_faults(Faults::default());
    assert_eq!(
        send(&mut api, None, "GET", "/v1/demo/identities", None).status,
        200
    );
}

#[test]
fn no_tenant_sees_or_changes_another_s_data_in_the_mock() {
    let (tried, leaks) =
        isolation::every_implementation_sweeps(&mut MockBackend::in_memory(), "mock");
    eprintln!("[mock] isolation: {tried} requests over 4 wrong identities and none, {leaks} leaks");
    assert_eq!(leaks, 0);
}

#[test]
fn no_tenant_sees_or_changes_another_s_data_over_the_mock_server() {
    // Short-lived tokens, so one can expire during the test.
    let mut server = Server::start(&["--token-lifetime-s", "3"]);
    let (mut tried, mut leaks) = isolation::every_implementation_sweeps(&mut server, "mock server");
    // Tokens no implementation may accept: expired, a bad signature, and
    // an ID token (issued for the app, not the API) as a bearer token.
    reset(&mut server);
    let ines = user_id(&mut server, "Inês Costa");
    let tokens = server.oidc_sign_in(&[("user", &ines)]).expect("signed in");
    let access = tokens["access_token"].as_str().unwrap().to_string();
    let id_token = tokens["id_token"].as_str().unwrap().to_string();
    let mut forged = access.clone();
    let last = forged.pop().unwrap();
    forged.push(if last == 'A' { 'B' } else { 'A' });
    let mut other_key = access.rsplit_once('.').unwrap().0.to_string();
    other_key.push_str(".c2lnbmVkIGJ5IHNvbWVvbmUgZWxzZQ");
    std::thread::sleep(std::time::Duration::from_millis(3_500));
    for (label, token) in [
        ("expired", access.as_str()),
        ("bad signature", forged.as_str()),
        ("another signer", other_key.as_str()),
        ("another audience (an ID token)", id_token.as_str()),
    ] {
        reset(&mut server);
        let (t, l) = isolation::sweep(
            &mut server,
            &format!("mock server, {label}"),
            isolation::Kind::Invalid,
            Some(token),
        );
        tried += t;
        leaks += l;
    }
    eprintln!("[mock server] isolation: {tried} requests over 4 wrong identities, none, expired, forged, another signer and another audience, {leaks} leaks");
    assert_eq!(leaks, 0);
}
