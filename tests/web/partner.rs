//! Browser tests of the partner's screens: options page (sovereign cloud,
//! roles), draft page (link guard and restore, mailto encoding, clipboard
//! fallback) and the invitations list.

use crate::common::*;
use reseller_invitations::api::op;
use reseller_invitations::api::wire::{Invitation, InvitationRequest};
use reseller_invitations::domain::email::Lang;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

fn checkbox() -> web_sys::HtmlInputElement {
    one("#dap").unchecked_into()
}

#[wasm_bindgen_test]
async fn sovereign_partner_cannot_uncheck_admin_privileges() {
    let _app = mount_at("/partner/invitations/new", Some("Jonas Becker"), None).await;
    until("the options form", || {
        document().get_element_by_id("dap").is_some()
    })
    .await;
    assert!(checkbox().checked() && checkbox().disabled());
    assert!(body_text().contains("Partners operating in Microsoft Cloud Germany must request delegated administration privileges"));
}

#[wasm_bindgen_test]
async fn public_partner_chooses_admin_privileges() {
    let _app = mount_at("/partner/invitations/new", Some("Ana Souza"), None).await;
    until("the options form", || {
        document().get_element_by_id("dap").is_some()
    })
    .await;
    assert!(
        checkbox().checked() && !checkbox().disabled(),
        "starts checked, as in Partner Center, and may be cleared"
    );
    assert!(!body_text().contains("must request delegated administration privileges"));
    checkbox().click();
    settle().await;
    assert!(!checkbox().checked());
}

#[wasm_bindgen_test]
async fn helpdesk_agent_is_told_why_it_cannot_invite() {
    let _app = mount_at("/partner/invitations/new", Some("Carla Dias"), None).await;
    until("the reason", || {
        body_text().contains("Your role (Helpdesk agent) cannot request reseller relationships")
    })
    .await;
    assert!(
        document().get_element_by_id("dap").is_none(),
        "no form for a Helpdesk agent"
    );
}

#[wasm_bindgen_test]
async fn bad_email_is_explained_and_nothing_typed_is_lost() {
    let _app = mount_at("/partner/invitations/new", Some("Bruno Lima"), None).await;
    until("the options form", || {
        document().get_element_by_id("customer-email").is_some()
    })
    .await;
    type_into("#customer-name", "Contoso Ltda");
    type_into("#customer-email", "beatriz@");
    button("Create the invitation and review the email").click();
    settle().await;
    assert!(body_text().contains("Enter an email address like name@company.com."));
    assert_eq!(value("#customer-name"), "Contoso Ltda");
    assert_eq!(value("#customer-email"), "beatriz@");
    assert_eq!(
        one("#customer-email")
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("true")
    );
}

async fn create(lang: Lang, dap: bool, name: &str) -> Invitation {
    let body = InvitationRequest {
        dap,
        customer_name: name.into(),
        customer_email: "ana@contoso.com.br".into(),
        email_language: lang,
        indirect_reseller_id: None,
        indirect_provider_id: None,
        app_base: "https://app.example/".into(),
        gdap: None,
    };
    client_as("Ana Souza")
        .await
        .call(op::CreateInvitation { body })
        .await
        .unwrap()
}

/// Ana Souza's draft page for `inv`, once its editor shows.
async fn open_draft(inv: &Invitation) -> Mounted {
    let app = mount(
        &format!("/partner/invitations/{}/draft", inv.id),
        Some("Ana Souza"),
        None,
    )
    .await;
    until("the draft", || {
        document().get_element_by_id("draft-body").is_some()
    })
    .await;
    app
}

#[wasm_bindgen_test]
async fn draft_guards_the_link_and_puts_it_back() {
    fresh();
    let inv = create(Lang::PtBr, true, "Açaí & Cia").await;
    let _app = open_draft(&inv).await;
    assert!(value("#draft-body").contains(&inv.link));
    assert!(value("#draft-body").starts_with("Olá, equipe Açaí & Cia,"));
    type_into("#draft-body", "Olá!\nSem link agora.");
    settle().await;
    assert!(body_text().contains("The message no longer holds the personalised link unchanged"));
    assert!(button("Done").disabled());
    assert!(
        all("a#open-mail").is_empty(),
        "no mailto while the link is missing"
    );
    button("Put the link back").click();
    settle().await;
    assert!(value("#draft-body").contains(&inv.link));
    assert!(!button("Done").disabled());
    // The mailto: link encodes accents, line breaks and reserved characters.
    let href = one("a#open-mail").get_attribute("href").unwrap();
    assert!(
        href.starts_with("mailto:ana@contoso.com.br?subject="),
        "{href}"
    );
    assert!(
        href.contains("Ol%C3%A1%21%0D%0ASem%20link%20agora."),
        "{href}"
    );
    assert!(
        href.contains("%26") && !href.contains("& ") && !href.contains('\n'),
        "{href}"
    );
}

#[wasm_bindgen_test]
async fn clipboard_refused_offers_a_selectable_text() {
    fresh();
    let inv = create(Lang::En, false, "Clip").await;
    // A browser without the Clipboard API (or refusing it).
    let navigator = web_sys::window().unwrap().navigator();
    let descriptor = js_sys::Object::new();
    js_sys::Reflect::set(
        &descriptor,
        &"value".into(),
        &wasm_bindgen::JsValue::UNDEFINED,
    )
    .unwrap();
    js_sys::Reflect::set(&descriptor, &"configurable".into(), &true.into()).unwrap();
    js_sys::Object::define_property(&navigator, &"clipboard".into(), &descriptor);
    let _app = open_draft(&inv).await;
    button("Copy to clipboard").click();
    until("the fallback", || {
        document()
            .get_element_by_id("copy-email-fallback")
            .is_some()
    })
    .await;
    let fallback: web_sys::HtmlTextAreaElement = one("#copy-email-fallback").unchecked_into();
    assert!(fallback.value().contains(&inv.link));
    until("the refusal, announced", || {
        body_text().contains("Your browser did not allow copying. Select the text below")
    })
    .await;
    js_sys::Reflect::delete_property(&navigator, &"clipboard".into()).unwrap();
}

#[wasm_bindgen_test]
async fn invitations_list_shows_each_invitation_and_an_empty_state() {
    fresh();
    create(Lang::En, true, "First Co").await;
    create(Lang::PtBr, false, "Second Co").await;
    let _app = mount("/partner/invitations", Some("Ana Souza"), None).await;
    until("the rows", || all("table.data tbody tr").len() == 2).await;
    let rows: Vec<String> = all("table.data tbody tr").iter().map(|r| text(r)).collect();
    assert!(
        rows[0].contains("Second Co")
            && rows[0].contains("Português (Brasil)")
            && rows[0].contains("No")
            && rows[0].contains("Pending"),
        "{rows:?}"
    );
    assert!(
        rows[1].contains("First Co") && rows[1].contains("English") && rows[1].contains("Yes"),
        "{rows:?}"
    );
    drop(_app);
    let _other = mount_at("/partner/invitations", Some("Inês Costa"), None).await;
    until("the empty state", || {
        body_text().contains("No invitations yet.")
    })
    .await;
}

#[wasm_bindgen_test]
async fn an_indirect_provider_invites_on_behalf_of_a_reseller() {
    let _app = mount_at("/partner/invitations/new", Some("Dana Whitfield"), None).await;
    until("the reseller choice", || {
        document().get_element_by_id("indirect-reseller").is_some()
    })
    .await;
    let options: Vec<String> = all("#indirect-reseller option")
        .iter()
        .map(|o| text(o))
        .collect();
    assert_eq!(
        options,
        [
            "None: a direct invitation from you",
            "Relecloud Resellers (MPN 3300101)",
            "Proseware IT Solutions (MPN 3300102)"
        ]
    );
    let relecloud = all("#indirect-reseller option")[1]
        .get_attribute("value")
        .unwrap();
    select("#indirect-reseller", &relecloud);
    button("Create the invitation and review the email").click();
    until("the draft", || {
        document().get_element_by_id("draft-body").is_some()
    })
    .await;
    let link = text(&one(".link-text"));
    assert!(
        link.contains("invType=IndirectResellerRelationship") && link.contains("&msppId=3300101&"),
        "{link}"
    );
    // The reseller in partnerId, the provider (Tailspin) in indirectCSPId.
    assert!(
        link.contains(&format!(
            "partnerId={relecloud}&msppId=3300101&DAP=true&indirectCSPId=0de00000-0000-4003-8000-000000000003&"
        )),
        "{link}"
    );
}

#[wasm_bindgen_test]
async fn a_failed_create_shows_what_failed_and_retries_with_the_form_intact() {
    let mock = fresh();
    mock.borrow_mut()
        .set_faults(reseller_invitations::api::wire::Faults {
            failing_endpoint: Some("POST /v1/invitations".into()),
            ..Default::default()
        });
    let _app = mount("/partner/invitations/new", Some("Ana Souza"), None).await;
    until("the options form", || {
        document().get_element_by_id("customer-name").is_some()
    })
    .await;
    type_into("#customer-name", "Retry Ltd");
    button("Create the invitation and review the email").click();
    until("the error", || {
        body_text().contains("What failed: Create the invitation and review the email")
    })
    .await;
    assert!(body_text().contains("Error code 50301"), "{}", body_text());
    assert_eq!(value("#customer-name"), "Retry Ltd");
    mock.borrow_mut().set_faults(Default::default());
    button("Try again").click();
    until("the draft", || {
        document().get_element_by_id("draft-body").is_some()
    })
    .await;
    assert!(value("#draft-body").contains("Hello Retry Ltd team,"));
}

#[wasm_bindgen_test]
async fn a_long_email_points_to_copy_instead_of_the_mail_app() {
    fresh();
    let inv = create(Lang::En, false, "Long").await;
    let _app = open_draft(&inv).await;
    assert!(!body_text().contains("some email apps cut links"));
    type_into(
        "#draft-body",
        &format!("{}\n\n{}", "Ação conjunta, ".repeat(120), inv.link),
    );
    settle().await;
    assert!(
        body_text().contains("some email apps cut links over 2000. Use Copy to clipboard instead."),
        "{}",
        body_text()
    );
}

/// Typing in the draft and leaving within the autosave's delay (Done, or
/// another page): the edit still reaches the backend, and nothing disposed
/// with the page is touched afterwards (no error is thrown).
#[wasm_bindgen_test]
async fn leaving_the_draft_right_after_typing_keeps_the_edit_and_throws_nothing() {
    fresh();
    let inv = create(Lang::En, false, "Quick Exit").await;
    let app = open_draft(&inv).await;
    let errors = ErrorWatch::start();
    let edited = format!("{}\nP.S. typed just before leaving", value("#draft-body"));
    type_into("#draft-body", &edited);
    // Leave at once: the page is disposed before the delayed save runs.
    drop(app);
    reseller_invitations::api::sleep_ms(1000).await;
    let saved: Invitation = client_as("Ana Souza")
        .await
        .call(op::GetInvitation {
            invitation: inv.id.parse().unwrap(),
        })
        .await
        .unwrap();
    assert_eq!(
        saved.draft.body, edited,
        "the last edit reached the backend"
    );
    errors.assert_none();

    // Typing, then Done at once: Done carries the draft; no error later.
    let app = open_draft(&inv).await;
    let errors = ErrorWatch::start();
    type_into("#draft-body", &format!("{edited}\nDone quickly"));
    button("Done").click();
    until("the invitations list", || {
        body_text().contains("is ready to send") || body_text().contains("Invitations")
    })
    .await;
    reseller_invitations::api::sleep_ms(1000).await;
    errors.assert_none();
    drop(app);
}

/// A backend write refused because this browser's storage is full: the
/// error says so, the persistent banner appears, and what was typed stays.
#[wasm_bindgen_test]
async fn a_full_storage_is_said_and_loses_nothing_typed() {
    use reseller_invitations::api::mock::{store::MemoryStore, MockBackend};
    use std::cell::RefCell;
    use std::rc::Rc;
    fresh();
    let store = MemoryStore::default();
    let mock = Rc::new(RefCell::new(MockBackend::new(Box::new(store.clone()))));
    use_mock(mock);
    let _app = mount("/partner/invitations/new", Some("Ana Souza"), None).await;
    until("the options form", || {
        document().get_element_by_id("customer-name").is_some()
    })
    .await;
    type_into("#customer-name", "Full Storage Ltda");
    type_into("#customer-email", "ti@fullstorage.com.br");
    store.set_quota(Some(store.bytes()));
    button("Create the invitation and review the email").click();
    until("the storage banner and the error", || {
        body_text().contains("This browser is not keeping your changes")
            && body_text().contains("Error code 50701")
    })
    .await;
    assert_eq!(value("#customer-name"), "Full Storage Ltda");
    assert_eq!(value("#customer-email"), "ti@fullstorage.com.br");
    // Its words are in an alert region of their own (announced once).
    let banner = one(".storage-banner [role=alert]");
    assert!(text(&banner).contains("This browser is not keeping your changes"));
    // Room again: the same press goes through.
    store.set_quota(None);
    button("Try again").click();
    until("the draft", || {
        document().get_element_by_id("draft-body").is_some()
    })
    .await;
}

/// Create's answer lost, then the page reloaded (the form comes back) and
/// Create pressed again: the same request, so one invitation, not two.
#[wasm_bindgen_test]
async fn create_again_after_a_lost_answer_and_a_reload_makes_one_invitation() {
    let mock = fresh();
    let before = client_as("Ana Souza")
        .await
        .call(op::ListInvitations {})
        .await
        .unwrap()
        .items
        .len();
    let app = mount("/partner/invitations/new", Some("Ana Souza"), None).await;
    until("the options form", || {
        document().get_element_by_id("customer-name").is_some()
    })
    .await;
    type_into("#customer-name", "Lost Answer Ltd");
    settle().await;
    // Every write's answer is lost from here (the writes are made).
    mock.borrow_mut()
        .set_faults(reseller_invitations::api::wire::Faults {
            lost_answer_rate: 1.0,
            ..Default::default()
        });
    button("Create the invitation and review the email").click();
    until("the error", || {
        body_text().contains("What failed: Create the invitation and review the email")
    })
    .await;
    drop(app);
    mock.borrow_mut().set_faults(Default::default());
    let _app = mount("/partner/invitations/new", Some("Ana Souza"), None).await;
    until("the form, as typed", || {
        document().get_element_by_id("customer-name").is_some()
            && value("#customer-name") == "Lost Answer Ltd"
    })
    .await;
    button("Create the invitation and review the email").click();
    until("the draft", || {
        document().get_element_by_id("draft-body").is_some()
    })
    .await;
    let after = client_as("Ana Souza")
        .await
        .call(op::ListInvitations {})
        .await
        .unwrap()
        .items;
    assert_eq!(
        after
            .iter()
            .filter(|i| i.customer_name == "Lost Answer Ltd")
            .count(),
        1
    );
    assert_eq!(after.len(), before + 1);
}
