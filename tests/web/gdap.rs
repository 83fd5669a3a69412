//! Browser tests of the GDAP request's fields on the options page: DAP and
//! GDAP exclude each other, templates choose roles, Global Administrator
//! warns and disables auto-extend, problems are named as typed and nothing
//! is sent until they are fixed; only Admin agents outside the sovereign
//! clouds may ask. The record's Admin relationships tab changes a
//! relationship at the version it shows, and a throttled change waits as
//! Microsoft asks, saying so.

use crate::common::*;
use reseller_invitations::api::op;
use reseller_invitations::domain::gdap::{GLOBAL_ADMINISTRATOR, HELPDESK_ADMINISTRATOR};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

fn input(selector: &str) -> web_sys::HtmlInputElement {
    one(selector).unchecked_into()
}

async fn open_form(who: &str) -> Mounted {
    let app = mount_at("/partner/invitations/new", Some(who), None).await;
    until("the options form", || {
        document().get_element_by_id("gdap").is_some()
    })
    .await;
    app
}

async fn invitations() -> usize {
    client_as("Ana Souza")
        .await
        .call(op::ListInvitations {})
        .await
        .unwrap()
        .items
        .len()
}

#[wasm_bindgen_test]
async fn gdap_clears_dap_and_templates_choose_roles() {
    let _app = open_form("Ana Souza").await;
    type_into("#customer-name", "Contoso Ltda");
    assert!(input("#dap").checked());
    input("#gdap").click();
    settle().await;
    assert!(!input("#dap").checked(), "GDAP clears DAP");
    assert_eq!(
        value("#gdap-name"),
        "Contoso Ltda",
        "prefilled from the customer's name"
    );
    let helpdesk = one("#template-helpdesk");
    assert!(
        text(&helpdesk).contains("Helpdesk: Helpdesk Administrator, Service Support Administrator")
    );
    helpdesk.click();
    settle().await;
    assert_eq!(
        helpdesk.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    assert!(input(&format!("#role-{HELPDESK_ADMINISTRATOR}")).checked());
    assert!(text(&one(".chosen-roles"))
        .contains("Helpdesk Administrator, Service Support Administrator"));
    assert!(!input("#gdap-auto-extend").disabled());
    input(&format!("#role-{GLOBAL_ADMINISTRATOR}")).click();
    settle().await;
    assert!(
        document().get_element_by_id("gdap-ga-warning").is_some(),
        "Global Administrator warns"
    );
    assert!(input("#gdap-auto-extend").disabled());
    assert!(
        body_text().contains("a relationship with Global Administrator cannot be auto-extended")
    );
    // Pressing the template again takes its roles out.
    helpdesk.click();
    settle().await;
    assert!(!input(&format!("#role-{HELPDESK_ADMINISTRATOR}")).checked());
    // DAP back on turns GDAP off.
    input("#dap").click();
    settle().await;
    assert!(!input("#gdap").checked() && document().get_element_by_id("gdap-request").is_none());
}

#[wasm_bindgen_test]
async fn gdap_problems_are_named_and_nothing_is_sent() {
    let _app = open_form("Ana Souza").await;
    let before = invitations().await;
    input("#gdap").click();
    settle().await;
    // Opened with no customer name yet, so no name: nothing to correct before trying.
    assert_eq!(value("#gdap-name"), "");
    assert!(!body_text().contains("Give the relationship a name."));
    button("Create the invitation and review the email").click();
    settle().await;
    assert!(body_text().contains("Give the relationship a name."));
    type_into("#gdap-name", &"n".repeat(51));
    settle().await;
    assert!(body_text().contains("The name has 51 characters: at most 50 are allowed."));
    button("Create the invitation and review the email").click();
    settle().await;
    assert_eq!(invitations().await, before, "nothing sent with a bad name");
    type_into("#gdap-name", "Contoso helpdesk");
    input("#gdap-duration-0").click();
    settle().await;
    type_into("#gdap-days", "731");
    button("Create the invitation and review the email").click();
    settle().await;
    assert!(body_text().contains("Enter a whole number of days from 1 to 730."));
    assert!(body_text().contains("Choose at least one role."));
    assert_eq!(
        invitations().await,
        before,
        "nothing sent without roles or with 731 days"
    );
    type_into("#gdap-days", "45");
    one("#template-licensing").click();
    settle().await;
    button("Create the invitation and review the email").click();
    until("the draft", || {
        body_text().contains("Admin roles approval link")
    })
    .await;
    let list = client_as("Ana Souza")
        .await
        .call(op::ListInvitations {})
        .await
        .unwrap();
    let rel = list.items[0]
        .admin_relationship
        .clone()
        .expect("GDAP requested");
    assert_eq!(
        (rel.display_name.as_str(), rel.duration.as_str()),
        ("Contoso helpdesk", "P45D")
    );
    assert!(!list.items[0].dap);
}

#[wasm_bindgen_test]
async fn a_taken_name_is_refused_as_typed() {
    let _app = open_form("Ana Souza").await;
    input("#gdap").click();
    settle().await;
    one("#template-security").click();
    type_into("#gdap-name", "Fabrikam security");
    button("Create the invitation and review the email").click();
    until("the draft", || {
        body_text().contains("Admin roles approval link")
    })
    .await;
    drop(_app);
    // The same backend, the form again.
    let _app = mount("/partner/invitations/new", Some("Ana Souza"), None).await;
    until("the options form", || {
        document().get_element_by_id("gdap").is_some()
    })
    .await;
    input("#gdap").click();
    settle().await;
    type_into("#gdap-name", "FABRIKAM SECURITY");
    until("the name's problem", || {
        body_text().contains("Another of your admin relationships has this name.")
    })
    .await;
}

#[wasm_bindgen_test]
async fn only_admin_agents_outside_sovereign_clouds_may_ask() {
    let _app = open_form("Bruno Lima").await;
    assert!(input("#gdap").disabled());
    assert!(body_text().contains(
        "Only Admin agents can request granular admin roles; you are signed in as Sales agent."
    ));
    drop(_app);
    let _app = open_form("Jonas Becker").await;
    assert!(input("#gdap").disabled());
    assert!(body_text().contains("Granular admin roles are not offered in Microsoft Cloud Germany"));
    // Only why: not how turning the option on would work, which it cannot be.
    assert!(!body_text().contains("Turning this on clears"));
}

/// One of Priya's (Northwind's) relationships in force, with a customer,
/// not auto-extending and without Global Administrator.
async fn extendable_relationship() -> reseller_invitations::api::graph::DelegatedAdminRelationship {
    use reseller_invitations::domain::gdap;
    client_as("Priya Raman")
        .await
        .admin_relationships(None)
        .await
        .unwrap()
        .into_iter()
        .find(|r| {
            r.customer.is_some()
                && gdap::may_turn_on_auto_extend(
                    r.status,
                    r.auto_extend_duration == gdap::auto_extend_iso(true),
                    &r.access_details.ids(),
                )
        })
        .expect("the seed has relationships that can auto-extend")
}

/// A relationship that can auto-extend, its customer's record open at the
/// Admin relationships tab, its auto-extend button shown.
async fn record_admin_tab() -> (
    Mounted,
    reseller_invitations::api::graph::DelegatedAdminRelationship,
) {
    fresh();
    let r = extendable_relationship().await;
    let customer = r.customer.clone().unwrap().display_name;
    let app = mount(
        &format!(
            "/partner/customers?q={}",
            js_sys::encode_uri_component(&customer)
        ),
        Some("Priya Raman"),
        None,
    )
    .await;
    let expand = format!("button.expand[aria-label='Show details of {customer}']");
    until("the customer's row", || {
        document().query_selector(&expand).unwrap().is_some()
    })
    .await;
    one(&expand).click();
    until("the record", || !all(".record [role=tab]").is_empty()).await;
    all(".record [role=tab]")
        .into_iter()
        .find(|t| text(t) == "Admin relationships")
        .unwrap()
        .click();
    let on = format!("Turn auto-extend on for “{}”", r.display_name);
    until("its auto-extend button", || shown(&on)).await;
    (app, r)
}

/// The next call to the mock is answered 429 with `Retry-After: seconds`.
fn throttle_next_call(app: &Mounted, seconds: u32) {
    app.mock
        .borrow_mut()
        .set_faults(reseller_invitations::api::wire::Faults {
            throttled_calls: 1,
            retry_after_s: seconds,
            ..Default::default()
        });
}

fn shown(label: &str) -> bool {
    all("button").iter().any(|b| text(b).trim() == label)
}

/// Throttled (429 with `Retry-After: 2`): the page says it waits as
/// Microsoft asked and goes on by itself; the change is made, once.
#[wasm_bindgen_test]
async fn a_throttled_change_says_it_waits_as_asked_and_goes_on() {
    let (app, r) = record_admin_tab().await;
    let on = format!("Turn auto-extend on for “{}”", r.display_name);
    let off = format!("Turn auto-extend off for “{}”", r.display_name);
    throttle_next_call(&app, 2);
    let pressed = js_sys::Date::now();
    button(&on).click();
    let notice = "The service is limiting requests: going on in about 2 s.";
    until("the wait said", || body_text().contains(notice)).await;
    assert!(!shown(&off), "not changed before the wait");
    until("turned on", || shown(&off)).await;
    let waited = js_sys::Date::now() - pressed;
    assert!(waited >= 2000.0, "asked again after {waited} ms");
    until("the notice gone", || !body_text().contains(notice)).await;
    assert!(body_text().contains("Auto-extend: Yes"));
    let patches: Vec<u16> = app
        .mock
        .borrow()
        .journal()
        .filter(|a| a.request.starts_with("PATCH "))
        .map(|a| a.status)
        .collect();
    assert_eq!(patches, [429, 200], "asked again once, after the wait");
}

#[wasm_bindgen_test]
async fn the_record_changes_a_relationship_at_the_version_it_shows_and_says_when_it_changed_meanwhile(
) {
    use reseller_invitations::api::graph::AdminRelationshipPatch;
    use reseller_invitations::domain::gdap;
    let (_app, r) = record_admin_tab().await;
    let on = format!("Turn auto-extend on for “{}”", r.display_name);
    let off = format!("Turn auto-extend off for “{}”", r.display_name);

    // Pressed here: on, at the version shown.
    button(&on).click();
    until("turned on", || shown(&off)).await;
    assert!(body_text().contains("Auto-extend: Yes"));

    // Another agent (its own client over the same backend) sets it.
    let priya = client_as("Priya Raman").await;
    let relationship: reseller_invitations::domain::ids::AdminRelationshipId =
        r.id.parse().unwrap();
    let elsewhere = |on: bool| {
        let (priya, relationship) = (priya.clone(), relationship.clone());
        async move {
            let now = priya
                .call(op::GetAdminRelationship {
                    relationship: relationship.clone(),
                })
                .await
                .unwrap();
            priya
                .call(op::UpdateAdminRelationship {
                    relationship,
                    if_match: now.etag.unwrap(),
                    body: AdminRelationshipPatch {
                        auto_extend_duration: Some(gdap::auto_extend_iso(on).into()),
                        ..Default::default()
                    },
                })
                .await
                .unwrap()
        }
    };
    let error =
        "This was changed elsewhere (in another tab or by someone else) since it was shown here.";
    // Turned off elsewhere; this page still offers "off": what it asks
    // already holds, so it is done, nothing to check.
    elsewhere(false).await;
    assert!(shown(&off));
    button(&off).click();
    until("shown as it is now", || shown(&on)).await;
    settle().await;
    assert!(!body_text().contains(error), "{}", body_text());
    // Turned on and off again elsewhere: it is as shown, but not the
    // version shown, and "on" does not hold: refused (412), said, and
    // shown again as it is now; nothing is changed.
    elsewhere(true).await;
    elsewhere(false).await;
    button(&on).click();
    until("the refusal", || body_text().contains(error)).await;
    until("shown as it is now", || shown(&on)).await;
    let kept = priya
        .call(op::GetAdminRelationship { relationship })
        .await
        .unwrap();
    assert_eq!(kept.auto_extend_duration, gdap::auto_extend_iso(false));
}

/// Throttled for longer than the client waits, the bulk run sends no more
/// into the limit: one request, every chosen relationship kept with the
/// reason, and "Try again for these" turns them on once Microsoft allows.
#[wasm_bindgen_test]
async fn a_bulk_run_throttled_for_long_stops_asking_and_keeps_every_one_to_try_again() {
    let app = mount_at("/partner/admin-relationships", Some("Priya Raman"), None).await;
    let choose = || {
        all("button").into_iter().find(|b| {
            text(b).starts_with("Choose all ") && text(b).ends_with(" that can auto-extend")
        })
    };
    until("the list", || choose().is_some()).await;
    let label = text(&choose().unwrap());
    let n: usize = label
        .split(' ')
        .nth(2)
        .and_then(|n| n.parse().ok())
        .expect("a count");
    assert!(n > 1, "{label}");
    choose().unwrap().click();
    let turn_on = format!("Turn auto-extend on for {n} relationships");
    until("the run's button", || {
        all("button").iter().any(|b| text(b) == turn_on)
    })
    .await;
    app.mock
        .borrow_mut()
        .set_faults(reseller_invitations::api::wire::Faults {
            throttled_calls: 1,
            retry_after_s: reseller_invitations::api::client::MAX_WAIT_S + 1,
            ..Default::default()
        });
    button(&turn_on).click();
    until("what failed", || !all(".error-banner li").is_empty()).await;
    let reasons: Vec<String> = all(".error-banner li").iter().map(|l| text(l)).collect();
    assert_eq!(reasons.len(), n, "{reasons:?}");
    assert!(
        reasons.iter().all(|r| r
            .contains("The service is limiting requests right now. Try again in a few minutes.")),
        "{reasons:?}"
    );
    let patches = || {
        app.mock
            .borrow()
            .journal()
            .filter(|a| a.request.starts_with("PATCH "))
            .count()
    };
    assert_eq!(patches(), 1, "no more sent once throttled");
    app.mock.borrow_mut().set_faults(Default::default());
    button("Try again for these").click();
    until("all turned on", || {
        all(".error-banner").is_empty() && choose().is_none()
    })
    .await;
    assert_eq!(patches(), 1 + n);
}

/// A page left while its call waits as asked takes its notice with it: the
/// frame does not go on saying it waits for a call nobody waits for.
#[wasm_bindgen_test]
async fn a_wait_left_behind_takes_its_notice_with_it() {
    let (app, r) = record_admin_tab().await;
    let on = format!("Turn auto-extend on for “{}”", r.display_name);
    throttle_next_call(&app, 1);
    button(&on).click();
    let notice = "The service is limiting requests: going on in about 1 s.";
    until("the wait said", || body_text().contains(notice)).await;
    // Another tab of the record: the Admin relationships tab is gone.
    all(".record [role=tab]")
        .into_iter()
        .find(|t| text(t) == "Account")
        .unwrap()
        .click();
    until("the notice gone with it", || !body_text().contains(notice)).await;
    settle().await;
    assert!(!body_text().contains(notice));
}
