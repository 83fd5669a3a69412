//! Two-tier partners: an indirect reseller invites through one of its
//! indirect providers (or a provider on behalf of one of its resellers); the
//! link names both; one acceptance creates both relationships, once; both
//! partners see the customer; a link naming an unlinked provider, or no
//! provider, is refused with its own error.

use crate::support::*;
use reseller_contract::encode_query;
use reseller_contract::wire::*;
use reseller_domain::relationship::{AcceptOutcome, DelegatedAdmin};
use serde_json::json;

fn view(api: &mut dyn Api, link: &str) -> reseller_contract::ApiResponse {
    send(
        api,
        None,
        "GET",
        &format!("/v1/tenant/invitations/view?link={}", encode_query(link)),
        None,
    )
}

pub fn indirect_reseller_invites_through_its_provider(api: &mut dyn Api) {
    let riley = sign_in(api, "Riley Quinn");
    let relecloud: PartnerProfile =
        ok(send(api, Some(&riley), "GET", "/v1/profiles/partner", None));
    assert!(relecloud.indirect_reseller && !relecloud.indirect_provider);
    let providers: Collection<IndirectPartner> = ok(send(
        api,
        Some(&riley),
        "GET",
        "/v1/relationships?relationship_type=IsIndirectResellerOf",
        None,
    ));
    assert_eq!(providers.items.len(), 1);
    let tailspin = providers.items[0].clone();
    assert_eq!(
        (tailspin.name.as_str(), tailspin.relationship_type.as_str()),
        ("Tailspin Distribution", "is_indirect_reseller_of")
    );
    // A reseller names its provider, and only one of its own.
    let e = err(
        send(
            api,
            Some(&riley),
            "POST",
            "/v1/invitations",
            Some(json!({ "dap": true, "emailLanguage": "en", "appBase": "https://app.example/" })),
        ),
        400,
        40001,
    );
    assert_eq!(e.data, vec!["indirectProviderId".to_string()]);
    let ana = sign_in(api, "Ana Souza");
    let fabrikam: PartnerProfile = ok(send(api, Some(&ana), "GET", "/v1/profiles/partner", None));
    err(
        send(
            api,
            Some(&riley),
            "POST",
            "/v1/invitations",
            Some(
                json!({ "dap": true, "emailLanguage": "en", "appBase": "https://app.example/", "indirectProviderId": fabrikam.tenant_id }),
            ),
        ),
        403,
        40307,
    );

    // The link: the reseller's tenant and MPN id, the provider in indirectCSPId.
    let inv = invite_through(api, &riley, None, Some(&tailspin.id));
    assert!(
        inv.link.contains(&format!(
            "?invType=IndirectResellerRelationship&partnerId={}&msppId=3300101&DAP=true&indirectCSPId={}&invitationId=",
            relecloud.tenant_id, tailspin.id
        )),
        "{}",
        inv.link
    );
    assert_eq!(
        inv.indirect_provider_name.as_deref(),
        Some("Tailspin Distribution")
    );
    // The provider inviting on behalf of its reseller issues the same shape.
    let dana = sign_in(api, "Dana Whitfield");
    let on_behalf = invite_through(api, &dana, Some(&relecloud.tenant_id), None);
    assert!(on_behalf.link.contains(&format!(
        "partnerId={}&msppId=3300101&DAP=true&indirectCSPId={}",
        relecloud.tenant_id, tailspin.id
    )));

    let v: InvitationView = ok(view(api, &inv.link));
    assert_eq!(v.partner_name, "Relecloud Resellers");
    assert_eq!(
        v.indirect_provider.map(|p| (p.name, p.mpn_id)),
        Some(("Tailspin Distribution".into(), "6531449".into()))
    );

    // One acceptance, both relationships; again changes nothing.
    let customer = new_tenant(api, "Two Tier Inc", "twotier.com", "US");
    let r: AcceptResponse = ok(accept(api, &customer, &inv.link, Some(mca())));
    assert_eq!(r.outcome, AcceptOutcome::Created);
    assert_eq!(
        (
            r.relationship.partner_name.as_str(),
            r.relationship.delegated_admin
        ),
        ("Relecloud Resellers", DelegatedAdmin::Active)
    );
    let p = r
        .provider_relationship
        .expect("the provider's relationship");
    assert_eq!(
        (
            p.partner_name.as_str(),
            p.delegated_admin,
            p.indirect_reseller_name.as_deref()
        ),
        (
            "Tailspin Distribution",
            DelegatedAdmin::None,
            Some("Relecloud Resellers")
        )
    );
    let again: AcceptResponse = ok(accept(api, &customer, &inv.link, None));
    assert_eq!(again.outcome, AcceptOutcome::AlreadyAccepted);
    let mine: Collection<PartnerRelationship> = ok(send(
        api,
        Some(&customer),
        "GET",
        "/v1/tenant/relationships",
        None,
    ));
    assert_eq!(mine.items.len(), 2, "one relationship each");

    // Both partners see the customer; each record names the other.
    let at_provider = customers(api, &dana, "q=two%20tier");
    assert_eq!(at_provider.total_count, 1);
    let id = at_provider.items[0].id.clone();
    let detail: Customer = ok(send(
        api,
        Some(&dana),
        "GET",
        &format!("/v1/customers/{id}"),
        None,
    ));
    assert_eq!(
        detail.indirect_reseller_name.as_deref(),
        Some("Relecloud Resellers")
    );
    assert_eq!(customers(api, &riley, "q=two%20tier").total_count, 1);
    let detail: Customer = ok(send(
        api,
        Some(&riley),
        "GET",
        &format!("/v1/customers/{id}"),
        None,
    ));
    assert_eq!(
        detail.indirect_provider_name.as_deref(),
        Some("Tailspin Distribution")
    );

    // A provider the reseller is not linked to, or none: refused, each with its error.
    err(
        view(api, &inv.link.replace(&tailspin.id, &fabrikam.tenant_id)),
        403,
        40307,
    );
    err(
        view(
            api,
            &inv.link
                .replace(&format!("&indirectCSPId={}", tailspin.id), ""),
        ),
        400,
        40002,
    );
}
