//! Browser tests of the customer's screens: every link error page, every
//! check, and markup in data shown as text.

use crate::common::*;
use reseller_invitations::api::op;
use reseller_invitations::api::wire::{Invitation, InvitationRequest};
use reseller_invitations::api::ApiRequest;
use reseller_invitations::domain::email::Lang;
use wasm_bindgen_test::*;

const FABRIKAM: &str = "0de00000-0000-4001-8000-000000000001";

async fn invite(partner: &str, dap: bool) -> Invitation {
    let body = InvitationRequest {
        dap,
        customer_name: String::new(),
        customer_email: String::new(),
        email_language: Lang::En,
        indirect_reseller_id: None,
        indirect_provider_id: None,
        app_base: "http://x.example/".into(),
        gdap: None,
    };
    client_as(partner)
        .await
        .call(op::CreateInvitation { body })
        .await
        .unwrap()
}

/// The link's query and fragment, on this test page's root.
fn local(link: &str) -> String {
    format!("/{}", &link[link.find('?').unwrap()..])
}

async fn problem_page_for(path: &str, expected: &str) {
    let _app = mount(path, None, None).await;
    until(expected, || {
        body_text().contains("This invitation link cannot be used")
            && body_text().contains(expected)
    })
    .await;
}

#[wasm_bindgen_test]
async fn malformed_link() {
    fresh();
    problem_page_for(
        "/?invType=ResellerRelationship&partnerId=1234#/partner-invitation",
        "The link is incomplete or was changed (partnerId “1234” is not a GUID)",
    )
    .await;
    problem_page_for(
        "/?invType=Friendship&partnerId=0de00000-0000-4001-8000-000000000001",
        "invType “Friendship” is not a known invitation type",
    )
    .await;
}

#[wasm_bindgen_test]
async fn unknown_altered_revoked_expired_links() {
    fresh();
    let inv = invite("Ana Souza", false).await;
    let unknown = local(&inv.link).replace(&inv.id, "00000000-0000-4000-8000-000000000000");
    problem_page_for(&unknown, "No invitation matches this link").await;
    problem_page_for(
        &local(&inv.link).replace("DAP=false", "DAP=true"),
        "This link differs from the invitation the partner created",
    )
    .await;
    let token = sign_in("Ana Souza").await.access_token;
    client_as("Ana Souza")
        .await
        .call(op::RevokeInvitation {
            invitation: inv.id.parse().unwrap(),
        })
        .await
        .unwrap();
    let _ = token;
    problem_page_for(&local(&inv.link), "The partner revoked this invitation").await;
    // An invitation created 91 days ago has expired.
    let mock = current_mock();
    let token = sign_in("Ana Souza").await.access_token;
    let old = mock.borrow_mut().handle(
        &ApiRequest::new("POST", "/v1/invitations")
            .header("authorization", format!("Bearer {token}"))
            .json(&InvitationRequest {
                dap: false,
                customer_name: String::new(),
                customer_email: String::new(),
                email_language: Lang::En,
                indirect_reseller_id: None,
                indirect_provider_id: None,
                app_base: "http://x.example/".into(),
                gdap: None,
            }),
        js_sys::Date::now() as i64 - 91 * 86_400_000,
    );
    let old: Invitation = serde_json::from_str(&old.body).unwrap();
    problem_page_for(
        &local(&old.link),
        "This invitation expired. Ask the partner for a new one.",
    )
    .await;
}

#[wasm_bindgen_test]
async fn every_link_shape_is_recognised_and_a_link_without_its_id_is_damaged() {
    // Without invitationId (a plain Partner Center link, a legacy link, a
    // link cut short): the damaged-link page naming what is missing, never
    // the accept page, never the plain home page.
    for address in [
        format!("/?invType=ResellerRelationship&partnerId={FABRIKAM}&msppId=0&DAP=false#/partner-invitation"),
        format!("/?type=ResellerRelationship&id={FABRIKAM}&msppId=0"),
        format!("/?invType%3DResellerRelationship%26partnerId%3D{FABRIKAM}%26DAP%3Dfalse"),
        format!("/#/partner-invitation?invType=ResellerRelationship&partnerId={FABRIKAM}"),
    ] {
        fresh();
        let app = mount(&address, None, None).await;
        // The problem is announced: its words follow their live region.
        until(&format!("the damaged-link page for {address}"), || {
            body_text().contains("This invitation link cannot be used")
                && !all(".link-problem .problem").is_empty()
        })
        .await;
        assert!(body_text().contains("the link has no invitationId"), "{address}: {}", body_text());
        assert!(!body_text().contains("Accept and authorize"));
        drop(app);
    }
    // The app's own link, moved behind '#' or with its separators encoded by
    // a mail client, still opens the portal.
    fresh();
    let inv = invite("Ana Souza", false).await;
    let local_link = local(&inv.link);
    let query = local_link
        .split_once('?')
        .unwrap()
        .1
        .split('#')
        .next()
        .unwrap()
        .to_string();
    for address in [
        format!("/#/partner-invitation?{query}"),
        format!("/?{}", query.replace('=', "%3D").replace('&', "%26")),
    ] {
        let app = mount(&address, None, None).await;
        until(&format!("the portal for {address}"), || {
            body_text().contains("Fabrikam Cloud Services invites you to a reseller relationship")
        })
        .await;
        assert_eq!(text(&one(".portal-name")), "Microsoft 365 admin center");
        drop(app);
    }
}

/// The checks' texts, with the app still mounted.
async fn checks_for(user: &str, dap: bool, partner: &str) -> (Mounted, Vec<String>) {
    fresh();
    let inv = invite(partner, dap).await;
    let app = mount(&local(&inv.link), None, Some(user)).await;
    until("the checks", || all(".check").len() == 4).await;
    (app, all(".check").iter().map(|c| text(c)).collect())
}

#[wasm_bindgen_test]
async fn each_check_names_the_facts() {
    let (app, ok) = checks_for("Beatriz Rocha", true, "Ana Souza").await;
    assert!(ok.iter().all(|c| c.contains("Passed")), "{ok:?}");
    assert!(ok.iter().any(|c| c.contains(
        "You are a Global administrator of your organization: only a Global administrator can accept"
    )));
    // A market that is one country is not named twice ("Brazil (Brazil)").
    assert!(
        ok.iter()
            .any(|c| c
                .contains("Your organization's country, Brazil, is in the partner's CSP market.")),
        "{ok:?}"
    );
    until("the accept button", || {
        body_text().contains("Accept and authorize")
    })
    .await;
    // The partner's facts name its place the same way.
    assert_eq!(text(&one(".facts dt:nth-of-type(2) + dd")), "Brazil");
    drop(app);

    // Only a Global administrator accepts, with or without admin privileges.
    for dap in [true, false] {
        let (app, role) = checks_for("Diego Martins", dap, "Ana Souza").await;
        assert!(
            role.iter().any(|c| c.contains("Your role: Not met")
                && c.contains("You are a Billing administrator. Only a Global administrator of your organization can accept")),
            "{role:?}"
        );
        assert!(!body_text().contains("Accept and authorize"));
        drop(app);
    }
    let (app, user) = checks_for("Elisa Nunes", false, "Ana Souza").await;
    assert!(
        user.iter()
            .any(|c| c.contains("You are a User. Only a Global administrator")),
        "{user:?}"
    );
    drop(app);

    let (app, region) = checks_for("Karen Miller", false, "Ana Souza").await;
    assert!(region.iter().any(|c| c.contains("Market: Not met") && c.contains("The partner may sell only in its CSP market, Brazil, but your organization's country is United States.")), "{region:?}");
    drop(app);
    // Brazil is a single-country market: a neighbour is refused too.
    let (app, region) = checks_for("Lucía Fernández", false, "Ana Souza").await;
    assert!(
        region.iter().any(|c| c.contains("Market: Not met")
            && c.contains(
                "your organization's country is Argentina (Latin America and the Caribbean)"
            )),
        "{region:?}"
    );
    drop(app);

    let (app, cloud) = checks_for("Brian Cole", false, "Ana Souza").await;
    assert!(cloud.iter().any(|c| c.contains("Cloud: Not met") && c.contains("The partner operates in Microsoft commercial cloud, but your organization is in Microsoft Cloud for US Government")), "{cloud:?}");
    until("the refusal, announced", || {
        body_text().contains("You cannot accept this invitation as Brian Cole")
    })
    .await;
    drop(app);
}

#[wasm_bindgen_test]
async fn markup_in_company_names_shows_as_text() {
    fresh();
    let inv = invite("Ana Souza", false).await;
    let _app = mount(&local(&inv.link), None, Some("Hugo Barros")).await;
    until("the checks", || all(".check").len() == 4).await;
    assert!(body_text().contains("Proseware <b>Labs</b> & \"Sons\" <script>alert(1)</script>"));
    assert!(
        document()
            .query_selector("main b, main script")
            .unwrap()
            .is_none(),
        "no element came from data"
    );
}
