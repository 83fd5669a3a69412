//! The customer's side: acceptance with the agreement, refusals naming the facts, link problems
//! through every door, already accepted, admin permissions removed and restored.

use crate::support::*;
use reseller_contract::encode_query;
use reseller_contract::wire::*;
use reseller_domain::relationship::{AcceptOutcome, DelegatedAdmin, InvitationStatus};
use serde_json::json;

pub fn accept_new_tenant_with_agreement(api: &mut dyn Api) {
    let partner = sign_in(api, "Ana Souza");
    let inv = invite(api, &partner, true, "Tailwind");
    let view: InvitationView = ok(send(
        api,
        None,
        "GET",
        &format!(
            "/v1/tenant/invitations/view?link={}",
            encode_query(&inv.link)
        ),
        None,
    ));
    assert_eq!(
        (view.partner_name.as_str(), view.dap, view.status),
        (
            "Fabrikam Cloud Services",
            true,
            Some(InvitationStatus::Pending)
        )
    );
    let customer = new_tenant(api, "Tailwind <b>Brasil</b>", "tailwind.com.br", "BR");
    let e = err(accept(api, &customer, &inv.link, None), 422, 42201);
    assert!(e.data.contains(&"firstName".to_string()));
    let mut bad = mca();
    bad["primaryContact"]["email"] = json!("not-an-email");
    let e = err(accept(api, &customer, &inv.link, Some(bad)), 422, 42201);
    assert_eq!(e.data, vec!["email".to_string()]);
    let r: AcceptResponse = ok(accept(api, &customer, &inv.link, Some(mca())));
    assert_eq!(
        (r.outcome, r.relationship.delegated_admin),
        (AcceptOutcome::Created, DelegatedAdmin::Active)
    );
    let again: AcceptResponse = ok(accept(api, &customer, &inv.link, None));
    assert_eq!(
        again.outcome,
        AcceptOutcome::AlreadyAccepted,
        "accepting twice yields one relationship"
    );
    let rels: Collection<PartnerRelationship> = ok(send(
        api,
        Some(&customer),
        "GET",
        "/v1/tenant/relationships",
        None,
    ));
    assert_eq!(rels.items.len(), 1);
    let list = customers(api, &partner, "q=tailwind");
    assert_eq!(
        list.items[0].company_profile.company_name,
        "Tailwind <b>Brasil</b>"
    );
    let got: Invitation = ok(send(
        api,
        Some(&partner),
        "GET",
        &format!("/v1/invitations/{}", inv.id),
        None,
    ));
    assert_eq!(got.status, InvitationStatus::Accepted);
    assert_eq!(
        got.accepted_by.map(|a| a.company_name).as_deref(),
        Some("Tailwind <b>Brasil</b>")
    );
    let other = sign_in(api, "Beatriz Rocha");
    err(accept(api, &other, &inv.link, None), 409, 40901);
}

pub fn acceptance_refusals(api: &mut dyn Api) {
    let partner = sign_in(api, "Ana Souza");
    let inv = invite(api, &partner, true, "");
    let us = sign_in(api, "Karen Miller");
    let e = err(accept(api, &us, &inv.link, Some(mca())), 403, 40303);
    assert!(
        e.description.contains("Brazil") && e.description.contains("United States"),
        "{}",
        e.description
    );
    // Brazil is a single-country market: Argentina is outside it.
    let argentina = sign_in(api, "Lucía Fernández");
    let e = err(accept(api, &argentina, &inv.link, None), 403, 40303);
    assert!(e.description.contains("Argentina"), "{}", e.description);
    let germany_cloud = sign_in(api, "Emma Vogel");
    err(
        accept(api, &germany_cloud, &inv.link, Some(mca())),
        403,
        40304,
    );
    let billing = sign_in(api, "Diego Martins");
    err(accept(api, &billing, &inv.link, None), 403, 40301);
    let plain = sign_in(api, "Elisa Nunes");
    err(accept(api, &plain, &inv.link, None), 403, 40301);
    // Only a Global administrator accepts, even without admin privileges.
    let no_dap = invite(api, &partner, false, "");
    err(accept(api, &billing, &no_dap.link, None), 403, 40301);
    let admin = sign_in(api, "Beatriz Rocha");
    let r: AcceptResponse = ok(accept(api, &admin, &no_dap.link, None));
    assert_eq!(r.outcome, AcceptOutcome::Created);
}

pub fn link_problems(api: &mut dyn Api) {
    let partner = sign_in(api, "Ana Souza");
    let inv = invite(api, &partner, false, "");
    let view = |api: &mut dyn Api, link: &str| {
        send(
            api,
            None,
            "GET",
            &format!("/v1/tenant/invitations/view?link={}", encode_query(link)),
            None,
        )
    };
    err(
        view(api, &inv.link.replace("DAP=false", "DAP=true")),
        409,
        40903,
    );
    err(
        view(
            api,
            &inv.link
                .replace("&invitationId=", "&invitationId=0")
                .replace("#", "0#"),
        ),
        400,
        40002,
    );
    let unknown = format!(
        "{}invitationId=00000000-0000-4000-8000-000000000000#/partner-invitation",
        inv.link.split("invitationId=").next().unwrap()
    );
    err(view(api, &unknown), 404, 40401);
    err(
        view(
            api,
            "https://app.example/?invType=ResellerRelationship&partnerId=not-a-guid",
        ),
        400,
        40002,
    );
    err(view(api, "https://app.example/?invType=ResellerRelationship&partnerId=00000000-0000-4000-8000-000000000000"), 404, 40401);
    // A link without invitationId (a Partner Center-style link, or the
    // app's link cut short) is damaged: never a way around the invitation.
    let e = err(view(api, "https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=0de00000-0000-4001-8000-000000000001&msppId=0&DAP=false#/BillingAccounts/partner-invitation"), 400, 40002);
    assert!(e.description.contains("invitationId"), "{}", e.description);
    let _: Invitation = ok(send(
        api,
        Some(&partner),
        "POST",
        &format!("/v1/invitations/{}/revoke", inv.id),
        None,
    ));
    err(view(api, &inv.link), 410, 41001);
    let customer = sign_in(api, "Beatriz Rocha");
    err(accept(api, &customer, &inv.link, None), 410, 41001);
    // Every variant of the revoked link is refused: no door left open.
    let query = inv
        .link
        .split_once('?')
        .unwrap()
        .1
        .split('#')
        .next()
        .unwrap()
        .to_string();
    let encoded = query.replace('=', "%3D").replace('&', "%26");
    let mut reordered: Vec<&str> = query.split('&').collect();
    reordered.reverse();
    let variants = [
        format!("https://elsewhere.example/?{query}"),
        format!("https://app.example/#/partner-invitation?{query}"),
        format!("https://app.example/?{encoded}"),
        format!("https://app.example/?{}", reordered.join("&")),
        format!(
            "https://app.example/?{}",
            query
                .to_lowercase()
                .replace("invitationid=", "invitationId=")
        ),
        format!("https://app.example/?{query}&extra=1"),
        format!("?{query}"),
    ];
    for variant in &variants {
        let r = accept(api, &customer, variant, None);
        assert!(
            r.status == 410 || r.status == 409 || r.status == 400,
            "{variant} → {} {}",
            r.status,
            r.body
        );
    }
    let stripped = inv.link.replace(&format!("&invitationId={}", inv.id), "");
    err(accept(api, &customer, &stripped, None), 400, 40002);
}

pub fn already_accepted_is_said_before_anything_is_pressed(api: &mut dyn Api) {
    let partner = sign_in(api, "Ana Souza");
    let inv = invite(api, &partner, false, "Taken Ltd");
    let view_as = |api: &mut dyn Api, token: Option<&str>| -> InvitationView {
        ok(send(
            api,
            token,
            "GET",
            &format!(
                "/v1/tenant/invitations/view?link={}",
                encode_query(&inv.link)
            ),
            None,
        ))
    };
    let fresh = view_as(api, None);
    assert_eq!(
        (
            fresh.status,
            fresh.accepted_at.clone(),
            fresh.accepted_by_you
        ),
        (Some(InvitationStatus::Pending), None, None)
    );
    let first = new_tenant(api, "First Org", "first-org.com.br", "BR");
    let r: AcceptResponse = ok(accept(api, &first, &inv.link, Some(mca())));
    assert_eq!(r.outcome, AcceptOutcome::Created);
    // Anyone with the link: accepted, and when, not by whom.
    let anonymous = view_as(api, None);
    assert_eq!(anonymous.status, Some(InvitationStatus::Accepted));
    assert!(anonymous.accepted_at.is_some());
    assert_eq!(anonymous.accepted_by_you, None);
    assert_eq!(view_as(api, Some(&first)).accepted_by_you, Some(true));
    let second = new_tenant(api, "Second Org", "second-org.com.br", "BR");
    assert_eq!(view_as(api, Some(&second)).accepted_by_you, Some(false));
    // Another organization cannot accept it; the same one is told it already did.
    err(accept(api, &second, &inv.link, Some(mca())), 409, 40901);
    let again: AcceptResponse = ok(accept(api, &first, &inv.link, None));
    assert_eq!(again.outcome, AcceptOutcome::AlreadyAccepted);
    assert_eq!(again.accepted_at, r.accepted_at);
    let list = customers(api, &partner, "q=Org");
    assert_eq!(
        list.items.len(),
        1,
        "one relationship: {:?}",
        list.items
            .iter()
            .map(|c| &c.company_profile.company_name)
            .collect::<Vec<_>>()
    );
}

pub fn admin_removed_then_restored(api: &mut dyn Api) {
    let julieta = sign_in(api, "Julieta Gómez");
    let rels: Collection<PartnerRelationship> = ok(send(
        api,
        Some(&julieta),
        "GET",
        "/v1/tenant/relationships",
        None,
    ));
    let fabrikam = rels
        .items
        .iter()
        .find(|r| r.partner_name == "Fabrikam Cloud Services")
        .unwrap()
        .partner_id
        .clone();
    let billing = sign_in(api, "Martín López");
    err(
        send(
            api,
            Some(&billing),
            "POST",
            &format!("/v1/tenant/relationships/{fabrikam}/remove-admin"),
            None,
        ),
        403,
        40301,
    );
    let r: PartnerRelationship = ok(send(
        api,
        Some(&julieta),
        "POST",
        &format!("/v1/tenant/relationships/{fabrikam}/remove-admin"),
        None,
    ));
    assert_eq!(r.delegated_admin, DelegatedAdmin::Removed);
    let partner = sign_in(api, "Ana Souza");
    let alpine = customers(api, &partner, "q=alpine");
    assert_eq!(
        (
            alpine.items[0].delegated_admin,
            alpine.items[0].allow_delegated_access
        ),
        (Some(DelegatedAdmin::Removed), Some(false)),
        "still the reseller, without admin"
    );
    let inv = invite(api, &partner, true, "Alpine");
    let r: AcceptResponse = ok(accept(api, &julieta, &inv.link, None));
    assert_eq!(
        (r.outcome, r.relationship.delegated_admin),
        (AcceptOutcome::DapRestored, DelegatedAdmin::Active)
    );
}
