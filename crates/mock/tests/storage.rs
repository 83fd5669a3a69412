//! Native: the mock's storage layer and idempotency store through the mock
//! itself. Two tabs over one store never lose each other's writes; a full or
//! disabled store refuses the write, changes nothing and raises a notice;
//! older states migrate and unreadable ones are set aside; replayed answers
//! stay bounded however long a draft is autosaved; keys expire after a day.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use reseller_contract::wire::*;
use reseller_contract::{encode_query, ApiRequest};
use reseller_domain::relationship::AcceptOutcome;
use reseller_mock::clock::now_ms;
use reseller_mock::idempotency::MAX_REPLAY_BYTES;
use reseller_mock::store::{MemoryStore, StorageNotice, SCHEMA_VERSION};
use reseller_mock::MockBackend;
use serde_json::json;
use std::sync::{Arc, Mutex};
use support::*;

fn invitation_names(mock: &mut MockBackend, token: &str) -> Vec<String> {
    let list: Collection<Invitation> = ok(send(mock, Some(token), "GET", "/v1/invitations", None));
    list.items.into_iter().map(|i| i.customer_name).collect()
}

/// Two tabs loaded the same state; each writes without hearing of the
/// other's write first. Every write either tab was told is done is there.
#[test]
fn two_tabs_never_lose_each_others_writes() {
    let shared = MemoryStore::default();
    let mut tab1 = MockBackend::new(Box::new(shared.clone()));
    let mut tab2 = MockBackend::new(Box::new(shared.clone()));
    let token = sign_in(&mut tab1, "Ana Souza");
    for i in 0..5 {
        invite(&mut tab1, &token, false, &format!("From tab 1 #{i}"));
        invite(&mut tab2, &token, false, &format!("From tab 2 #{i}"));
    }
    let mut reopened = MockBackend::new(Box::new(shared));
    let names = invitation_names(&mut reopened, &token);
    for i in 0..5 {
        assert!(names.contains(&format!("From tab 1 #{i}")), "{names:?}");
        assert!(names.contains(&format!("From tab 2 #{i}")), "{names:?}");
    }
}

/// The issue's example: two tabs hold the same single-use invitation; tenant
/// A accepts in one, tenant B in the other. Exactly one is created; the other
/// is told another organization accepted; the partner sees one relationship,
/// and A's relationship survives the next write.
#[test]
fn two_tabs_accepting_one_invitation_create_one_relationship() {
    let shared = MemoryStore::default();
    let mut tab1 = MockBackend::new(Box::new(shared.clone()));
    let partner = sign_in(&mut tab1, "Ana Souza");
    let inv = invite(&mut tab1, &partner, false, "Race Corp");
    let a = new_tenant(&mut tab1, "Race A", "race-a.com.br", "BR");
    let b = new_tenant(&mut tab1, "Race B", "race-b.com.br", "BR");
    let mut tab2 = MockBackend::new(Box::new(shared.clone()));
    let first: AcceptResponse = ok(accept(&mut tab1, &a, &inv.link, Some(mca())));
    assert_eq!(first.outcome, AcceptOutcome::Created);
    let second = accept(&mut tab2, &b, &inv.link, Some(mca()));
    assert_eq!(second.status, 409, "{}", second.body);
    assert!(second.body.contains("40901"));
    // A later write in tab 2 keeps tab 1's relationship.
    invite(&mut tab2, &partner, false, "Later");
    let mut reopened = MockBackend::new(Box::new(shared));
    let list: Collection<Customer> = ok(send(
        &mut reopened,
        Some(&partner),
        "GET",
        "/v1/customers?q=Race",
        None,
    ));
    let names: Vec<_> = list
        .items
        .iter()
        .map(|c| c.company_profile.company_name.as_str())
        .collect();
    assert_eq!(names, ["Race A"]);
}

/// A full store refuses the write: 507 with its own code, the state as it
/// was (in memory and in the store), a notice for the banner; once there is
/// room again the same request goes through.
#[test]
fn a_full_store_refuses_the_write_and_changes_nothing() {
    let store = MemoryStore::default();
    let mut mock = MockBackend::new(Box::new(store.clone()));
    let notices = Arc::new(Mutex::new(Vec::new()));
    let sink = notices.clone();
    mock.on_storage_notice(Box::new(move |n| sink.lock().unwrap().push(n)));
    let token = sign_in(&mut mock, "Ana Souza");
    let revision = mock.revision();
    let stored = store.raw();
    store.set_quota(Some(store.bytes()));
    let body = json!({ "dap": false, "customerName": "No Room", "emailLanguage": "en", "appBase": "https://app.example/" });
    let r = send_keyed(
        &mut mock,
        Some(&token),
        "POST",
        "/v1/invitations",
        Some(body.clone()),
        "k-full",
    );
    assert_eq!(r.status, 507, "{}", r.body);
    assert!(r.body.contains("50701"));
    assert_eq!(mock.revision(), revision, "nothing changed in memory");
    assert_eq!(store.raw(), stored, "nothing changed in the store");
    assert!(!invitation_names(&mut mock, &token).contains(&"No Room".to_string()));
    assert_eq!(*notices.lock().unwrap(), vec![StorageNotice::WriteRefused]);
    store.set_quota(None);
    let r = send_keyed(
        &mut mock,
        Some(&token),
        "POST",
        "/v1/invitations",
        Some(body),
        "k-full",
    );
    assert_eq!(r.status, 201, "the same request, now with room: {}", r.body);
    let mut reopened = MockBackend::new(Box::new(store));
    assert!(invitation_names(&mut reopened, &token).contains(&"No Room".to_string()));
}

/// Storage turned off from the start: the demo runs in memory and says so.
#[test]
fn storage_turned_off_is_said_at_once() {
    let store = MemoryStore::default();
    store.set_off(true);
    let mut mock = MockBackend::new(Box::new(store));
    let notices = Arc::new(Mutex::new(Vec::new()));
    let sink = notices.clone();
    mock.on_storage_notice(Box::new(move |n| sink.lock().unwrap().push(n)));
    assert_eq!(*notices.lock().unwrap(), vec![StorageNotice::Unavailable]);
    let token = sign_in(&mut mock, "Ana Souza");
    invite(&mut mock, &token, false, "In memory");
    assert!(invitation_names(&mut mock, &token).contains(&"In memory".to_string()));
}

/// An older state migrates with its data; an unreadable one is set aside
/// (and offered for download) before the seed is used; never reseeded over.
#[test]
fn old_states_migrate_and_unreadable_ones_are_set_aside() {
    let store = MemoryStore::default();
    let mut mock = MockBackend::new(Box::new(store.clone()));
    let token = sign_in(&mut mock, "Ana Souza");
    invite(&mut mock, &token, false, "Kept Across Versions");
    // Make it look like the first release wrote it: no schema, old replays.
    let mut old: serde_json::Value = serde_json::from_str(&store.raw().unwrap()).unwrap();
    old.as_object_mut().unwrap().remove("schema");
    old["replays"] =
        json!([{ "key": "k", "request": "POST /v1/x {}", "status": 200, "body": "{}" }]);
    let old_store = MemoryStore::holding(&old.to_string());
    let mut migrated = MockBackend::new(Box::new(old_store.clone()));
    assert!(invitation_names(&mut migrated, &token).contains(&"Kept Across Versions".to_string()));
    invite(&mut migrated, &token, false, "After migration");
    let written: serde_json::Value = serde_json::from_str(&old_store.raw().unwrap()).unwrap();
    assert_eq!(written["schema"], SCHEMA_VERSION);

    let broken = MemoryStore::holding("{\"revision\": \"twelve\"");
    let notices = Arc::new(Mutex::new(Vec::new()));
    let sink = notices.clone();
    let mut seeded = MockBackend::new(Box::new(broken.clone()));
    seeded.on_storage_notice(Box::new(move |n| sink.lock().unwrap().push(n)));
    match notices.lock().unwrap().as_slice() {
        [StorageNotice::SetAside { key, raw, .. }] => {
            assert_eq!(raw, "{\"revision\": \"twelve\"");
            assert_eq!(broken.set_aside_items(), vec![(key.clone(), raw.clone())]);
        }
        other => panic!("expected one set-aside notice, got {other:?}"),
    }
    assert!(
        broken.raw().unwrap().contains("\"schema\""),
        "the seed is stored after setting aside"
    );
}

/// The issue's bound: 2,000 autosaves of a 20,000-character draft keep the
/// stored bytes under 1 MB (the figure itself is printed by `./.ci/bench`).
#[test]
fn stored_bytes_stay_bounded_after_2000_autosaves() {
    let store = MemoryStore::default();
    let mut mock = MockBackend::new(Box::new(store.clone()));
    let token = sign_in(&mut mock, "Ana Souza");
    let inv = invite(&mut mock, &token, false, "Long Draft");
    let path = format!("/v1/invitations/{}/draft", inv.id);
    let text: String = "Lorem ipsum dolor sit amet. "
        .chars()
        .cycle()
        .take(20_000 - inv.link.len() - 2)
        .collect();
    for i in 0..2000 {
        let body = format!("{text}{}\n{}", i % 10, inv.link);
        let r = send_keyed(
            &mut mock,
            Some(&token),
            "PUT",
            &path,
            Some(json!({ "to": "", "subject": "Invitation", "body": body })),
            &format!("autosave-{i}"),
        );
        assert_eq!(r.status, 200, "{}", r.body);
    }
    assert!(mock.replay_bytes() <= MAX_REPLAY_BYTES);
    assert!(store.bytes() < 1_000_000, "{} bytes stored", store.bytes());
}

/// A key expires after 24 hours: the same key then starts a new request
/// instead of replaying (or conflicting with) the old answer.
#[test]
fn idempotency_keys_expire_after_a_day() {
    let mut mock = MockBackend::in_memory();
    let token = sign_in(&mut mock, "Ana Souza");
    let create = |name: &str| {
        let mut r = ApiRequest::new("POST", "/v1/invitations")
            .header("authorization", format!("Bearer {token}"))
            .header("ms-requestid", "daily-key");
        r.body = json!({ "dap": false, "customerName": name, "emailLanguage": "en", "appBase": "https://app.example/" }).to_string();
        r
    };
    let now = now_ms();
    let first: Invitation = ok(mock.handle(&create("Day One"), now));
    let replay: Invitation = ok(mock.handle(&create("Day One"), now + 1000));
    assert_eq!(first.id, replay.id);
    assert_eq!(mock.handle(&create("Day One bis"), now + 1000).status, 422);
    let next_day: Invitation = ok(mock.handle(&create("Day Two"), now + 86_400_000));
    assert_ne!(next_day.id, first.id);
}

/// The public view of an invitation reads the store too: a tab that did not
/// hear of an acceptance still answers with it.
#[test]
fn a_tab_reads_what_another_tab_wrote() {
    let shared = MemoryStore::default();
    let mut tab1 = MockBackend::new(Box::new(shared.clone()));
    let mut tab2 = MockBackend::new(Box::new(shared.clone()));
    let partner = sign_in(&mut tab1, "Ana Souza");
    let inv = invite(&mut tab1, &partner, false, "Seen");
    let a = new_tenant(&mut tab1, "Viewer Org", "viewer.com.br", "BR");
    let _: AcceptResponse = ok(accept(&mut tab1, &a, &inv.link, Some(mca())));
    let view: InvitationView = ok(send(
        &mut tab2,
        None,
        "GET",
        &format!(
            "/v1/tenant/invitations/view?link={}",
            encode_query(&inv.link)
        ),
        None,
    ));
    assert_eq!(
        view.status,
        Some(reseller_domain::relationship::InvitationStatus::Accepted)
    );
}

/// A schema 2 state (before two-tier partners were tenants): Tailspin held
/// its resellers' names, and its invitation on behalf of Relecloud named
/// itself in `partnerId` and Relecloud in `indirectCSPId`. Migrated, the
/// resellers are partners with their users, and the old link still opens and
/// is accepted for both partners.
#[test]
fn a_schema_2_two_tier_state_migrates_and_its_old_links_still_work() {
    let mut mock = MockBackend::in_memory();
    let dana = sign_in(&mut mock, "Dana Whitfield");
    let resellers: Collection<IndirectPartner> = ok(send(
        &mut mock,
        Some(&dana),
        "GET",
        "/v1/relationships?relationship_type=IsIndirectCloudSolutionProviderOf",
        None,
    ));
    let relecloud = resellers.items[0].id.clone();
    let inv = invite_through(&mut mock, &dana, Some(&relecloud), None);
    let tailspin = inv
        .link
        .split("indirectCSPId=")
        .nth(1)
        .unwrap()
        .split('&')
        .next()
        .unwrap()
        .to_string();
    // Write it as schema 2 did: the link in the old order, the resellers as
    // facts inside the provider, no reseller tenants.
    let mut old = serde_json::to_value(mock.state()).unwrap();
    let old_link = inv
        .link
        .replace(&format!("partnerId={relecloud}"), "partnerId=PROVIDER")
        .replace(
            &format!("indirectCSPId={tailspin}"),
            &format!("indirectCSPId={relecloud}"),
        )
        .replace("partnerId=PROVIDER", &format!("partnerId={tailspin}"));
    let obj = old.as_object_mut().unwrap();
    obj.insert("schema".into(), 2.into());
    let tenants = obj["tenants"].as_object_mut().unwrap();
    tenants.retain(|_, t| t["partner"]["mpnId"] != "3300101" && t["partner"]["mpnId"] != "3300102");
    for t in tenants.values_mut() {
        if t["name"] == "Tailspin Distribution" {
            t["partner"]["resellers"] = json!([
                {"tenant": relecloud, "name": "Relecloud Resellers", "mpnId": "3300101", "country": "US"},
                ["0de00000-0000-4386-8000-000000000386", "Proseware IT Solutions", "3300102", "US"],
            ]);
        }
    }
    let relecloud_users = obj["users"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|u| u["tenant"] == relecloud.as_str())
        .count();
    assert_eq!(relecloud_users, 3);
    obj["users"]
        .as_array_mut()
        .unwrap()
        .retain(|u| u["tenant"] != relecloud.as_str());
    obj["relationships"]
        .as_array_mut()
        .unwrap()
        .retain(|r| r["partner"] != relecloud.as_str());
    for r in obj["relationships"].as_array_mut().unwrap() {
        r.as_object_mut().unwrap().remove("indirectReseller");
    }
    for i in obj["invitations"].as_array_mut().unwrap() {
        i["link"] = old_link.clone().into();
        i.as_object_mut().unwrap().remove("indirectProvider");
    }
    let store = MemoryStore::holding(&old.to_string());
    let mut migrated = MockBackend::new(Box::new(store));
    assert_eq!(migrated.state().schema, SCHEMA_VERSION);
    // Relecloud is a partner again, with its users.
    let riley = sign_in(&mut migrated, "Riley Quinn");
    let providers: Collection<IndirectPartner> = ok(send(
        &mut migrated,
        Some(&riley),
        "GET",
        "/v1/relationships?relationship_type=IsIndirectResellerOf",
        None,
    ));
    assert_eq!(providers.items[0].name, "Tailspin Distribution");
    // The old link opens (provider first) and names both partners.
    let view: InvitationView = ok(send(
        &mut migrated,
        None,
        "GET",
        &format!(
            "/v1/tenant/invitations/view?link={}",
            encode_query(&old_link)
        ),
        None,
    ));
    assert_eq!(view.partner_name, "Relecloud Resellers");
    assert_eq!(
        view.indirect_provider.map(|p| p.name).as_deref(),
        Some("Tailspin Distribution")
    );
    let customer = new_tenant(&mut migrated, "Old Link Inc", "oldlink.com", "US");
    let r: AcceptResponse = ok(accept(&mut migrated, &customer, &old_link, Some(mca())));
    assert_eq!(r.relationship.partner_name, "Relecloud Resellers");
    assert_eq!(
        r.provider_relationship.map(|p| p.partner_name).as_deref(),
        Some("Tailspin Distribution")
    );
}
