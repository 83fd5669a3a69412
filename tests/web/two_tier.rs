//! Browser tests of two-tier partners: an indirect reseller's options page
//! names its provider; the customer's review names both partners and what
//! each gets; a link without its provider, or with one not linked, has its
//! own page (in Portuguese too).

use crate::common::*;
use leptos::prelude::Set;
use reseller_invitations::domain::email::Lang;
use wasm_bindgen_test::*;

const TAILSPIN: &str = "0de00000-0000-4003-8000-000000000003";
const RELECLOUD: &str = "0de00000-0000-4385-8000-000000000385";
const FABRIKAM: &str = "0de00000-0000-4001-8000-000000000001";

/// Relecloud creates an invitation through Tailspin; returns the link.
async fn reseller_link() -> String {
    let app = mount_at("/partner/invitations/new", Some("Riley Quinn"), None).await;
    until("the provider choice", || {
        document().get_element_by_id("indirect-provider").is_some()
    })
    .await;
    let options: Vec<String> = all("#indirect-provider option")
        .iter()
        .map(|o| text(o))
        .collect();
    assert_eq!(options, ["Tailspin Distribution (MPN 6531449)"]);
    assert!(body_text().contains("As an indirect reseller you buy through an indirect provider"));
    assert!(
        document().get_element_by_id("indirect-reseller").is_none(),
        "a reseller does not invite on behalf of resellers"
    );
    button("Create the invitation and review the email").click();
    until("the draft", || {
        document().get_element_by_id("draft-body").is_some()
    })
    .await;
    let link = text(&one(".link-text"));
    assert!(
        link.contains(&format!(
            "invType=IndirectResellerRelationship&partnerId={RELECLOUD}&msppId=3300101&DAP=true&indirectCSPId={TAILSPIN}&"
        )),
        "{link}"
    );
    drop(app);
    link
}

fn local(link: &str) -> String {
    format!("/{}", &link[link.find('?').unwrap()..])
}

#[wasm_bindgen_test]
async fn the_review_names_both_partners_and_what_each_gets() {
    let link = reseller_link().await;
    // Woodgrove's Global administrator (United States, like both partners).
    let _app = mount(&local(&link), None, Some("Karen Miller")).await;
    until("the review", || body_text().contains("What you grant")).await;
    let text = body_text();
    assert!(
        text.contains("Relecloud Resellers invites you to a reseller relationship"),
        "{text}"
    );
    assert!(text.contains("Indirect provider"), "{text}");
    assert!(
        text.contains("Tailspin Distribution (MPN 6531449)"),
        "{text}"
    );
    assert!(
        text.contains(
            "A reseller relationship: Relecloud Resellers can sell you Microsoft cloud services"
        ),
        "{text}"
    );
    assert!(
        text.contains("Delegated admin privileges: Relecloud Resellers's agents"),
        "{text}"
    );
    assert!(
        text.contains("A reseller relationship with Tailspin Distribution, the indirect provider Relecloud Resellers buys through: Tailspin Distribution bills Relecloud Resellers for your Microsoft cloud services and supports it. It gets no admin privileges in your organization."),
        "{text}"
    );
}

#[wasm_bindgen_test]
async fn two_tier_links_without_a_linked_provider_have_their_own_page() {
    let link = reseller_link().await;
    // A provider Relecloud does not buy through.
    let forged = local(&link).replace(TAILSPIN, FABRIKAM);
    let app = mount(&forged, None, None).await;
    until("the refusal", || {
        body_text().contains(
            "This link names an indirect provider that the indirect reseller does not buy through",
        )
    })
    .await;
    drop(app);
    // No provider at all: said before asking the backend, in Portuguese too.
    let cut = local(&link).replace(&format!("&indirectCSPId={TAILSPIN}"), "");
    let app = mount(&cut, None, None).await;
    until("the page", || {
        body_text().contains("does not name the indirect provider it buys through (indirectCSPId)")
    })
    .await;
    app.ctx.lang.set(Lang::PtBr);
    until("in Portuguese", || {
        body_text().contains("não indica o provedor indireto por meio do qual ele compra")
    })
    .await;
    drop(app);
    // Any other damage is worded in Portuguese too, never in English.
    let app = mount(
        "/?invType=ResellerRelationship&partnerId=not-a-guid#/partner-invitation",
        None,
        None,
    )
    .await;
    app.ctx.lang.set(Lang::PtBr);
    until("the reason in Portuguese", || {
        body_text().contains(
            "O link está incompleto ou foi alterado (partnerId “not-a-guid” não é um GUID)",
        )
    })
    .await;
}
