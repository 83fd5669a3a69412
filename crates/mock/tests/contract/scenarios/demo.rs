//! Demo identities and sign-in, the partner profile and Partner Center's request link, roles and clouds.

use crate::support::*;
use reseller_contract::wire::*;
use serde_json::json;

pub fn identities_and_sign_in(api: &mut dyn Api) {
    let ids: DemoIdentities = ok(send(api, None, "GET", "/v1/demo/identities", None));
    let clouds: std::collections::HashSet<_> = ids
        .partners
        .iter()
        .map(|p| format!("{:?}", p.cloud))
        .collect();
    assert_eq!(clouds.len(), 3, "partners in every cloud");
    assert!(
        ids.partners.iter().any(|p| p.customer_count >= 50_000),
        "a partner with tens of thousands of customers"
    );
    assert!(
        ids.customers.iter().any(|c| c.mca_accepted)
            && ids.customers.iter().any(|c| !c.mca_accepted)
    );
    let token = sign_in(api, "Ana Souza");
    let me: Me = ok(send(api, Some(&token), "GET", "/v1/me", None));
    assert_eq!(
        (me.company_name.as_str(), me.kind.as_str()),
        ("Fabrikam Cloud Services", "partner")
    );
    err(send(api, None, "GET", "/v1/me", None), 401, 40101);
    err(
        send(api, Some("demo.not-a-user"), "GET", "/v1/me", None),
        401,
        40101,
    );
    let customer = sign_in(api, "Beatriz Rocha");
    err(
        send(api, Some(&customer), "GET", "/v1/customers", None),
        404,
        40403,
    );
}

pub fn partner_profile_and_relationship_request(api: &mut dyn Api) {
    let token = sign_in(api, "Morgan Hale");
    let p: PartnerProfile = ok(send(api, Some(&token), "GET", "/v1/profiles/partner", None));
    assert_eq!(p.company_name, "Litware Federal");
    let r: RelationshipRequest = ok(send(
        api,
        Some(&token),
        "GET",
        "/v1/customers/relationshiprequests",
        None,
    ));
    // Partner Center's shape in the partner's sovereign cloud: its Office
    // admin portal, no invitationId, Partner Center's fragment.
    assert_eq!(
        r.url,
        format!("https://portal.office365.us/Adminportal/Home?invType=ResellerRelationship&partnerId={}&msppId=0&DAP=true#/BillingAccounts/partner-invitation", p.tenant_id)
    );
    assert_eq!(
        r.attributes.object_type.as_deref(),
        Some("RelationshipRequest")
    );
    let public = sign_in(api, "Ana Souza");
    let fabrikam: PartnerProfile = ok(send(
        api,
        Some(&public),
        "GET",
        "/v1/profiles/partner",
        None,
    ));
    let r: RelationshipRequest = ok(send(
        api,
        Some(&public),
        "GET",
        "/v1/customers/relationshiprequests?dap=false",
        None,
    ));
    assert_eq!(
        r.url,
        format!("https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId={}&msppId=0&DAP=false#/BillingAccounts/partner-invitation", fabrikam.tenant_id)
    );
    let m: Collection<AgreementMetadata> = ok(send(
        api,
        Some(&token),
        "GET",
        "/v1/agreements?agreementType=MicrosoftCustomerAgreement",
        None,
    ));
    assert_eq!(m.items[0].agreement_type, "MicrosoftCustomerAgreement");
}

pub fn roles_and_clouds(api: &mut dyn Api) {
    let helpdesk = sign_in(api, "Carla Dias");
    err(
        send(
            api,
            Some(&helpdesk),
            "POST",
            "/v1/invitations",
            Some(json!({ "dap": false, "emailLanguage": "en", "appBase": "https://a.example/" })),
        ),
        403,
        40301,
    );
    let federal = sign_in(api, "Morgan Hale");
    let e = err(
        send(
            api,
            Some(&federal),
            "POST",
            "/v1/invitations",
            Some(json!({ "dap": false, "emailLanguage": "en", "appBase": "https://a.example/" })),
        ),
        400,
        40001,
    );
    assert_eq!(e.data, vec!["dap".to_string()]);
    assert!(invite(api, &federal, true, "").link.contains("DAP=true"));
}
