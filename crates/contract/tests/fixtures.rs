//! Native: the wire types read every Partner Center sample, and the link
//! parser reads every real link shape.
#![cfg(not(target_arch = "wasm32"))]

use reseller_contract::wire::{
    Agreement, AgreementMetadata, Collection, Customer, ErrorBody, RelationshipRequest,
};
use reseller_domain::link::{InvitationLink, InvitationType};
use serde::de::DeserializeOwned;
use std::fmt::Debug;

fn read<T: DeserializeOwned + PartialEq + Debug>(name: &str) -> T {
    read_at(&format!("partner-center/{name}"))
}

/// The sample, read by the app's reader (`reseller_domain::json`), which
/// must read it exactly as serde_json does.
fn read_at<T: DeserializeOwned + PartialEq + Debug>(name: &str) -> T {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let read: T = reseller_domain::json::from_str(&text)
        .unwrap_or_else(|e| panic!("{name} does not read: {e}"));
    let reference: T = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(read, reference, "{name}");
    read
}

#[test]
fn customer_reads_with_its_odd_real_values() {
    let c: Customer = read("customer.json");
    assert_eq!(c.id, "eebd1b55-5360-4438-a11d-5c06918c3014");
    assert_eq!(c.company_profile.domain, "abcdefgh1234.ccsctp.net");
    assert_eq!(
        c.company_profile
            .address
            .as_ref()
            .map(|a| a.country.as_str()),
        Some("US")
    );
    let billing = c.billing_profile.expect("billing profile");
    assert!(
        billing.company_name.len() > 120,
        "the long real billing name survives"
    );
    assert_eq!(
        billing.attributes.etag.as_deref(),
        Some("-4242348048554929329")
    );
    assert_eq!(c.relationship_to_partner, "reseller");
    assert_eq!(c.allow_delegated_access, Some(true));
    assert_eq!(c.attributes.object_type.as_deref(), Some("Customer"));
}

#[test]
fn collections_agreements_errors_and_requests_read() {
    let list: Collection<Customer> = read("customers-collection.json");
    assert_eq!((list.total_count, list.items.len()), (2, 2));
    assert_eq!(
        list.links.self_link.map(|l| l.uri).as_deref(),
        Some("/v1/customers?size=40")
    );
    let meta: Collection<AgreementMetadata> = read("agreement-metadata-collection.json");
    assert_eq!(
        meta.items[0].template_id,
        "117a77b0-9360-443b-8795-c6dedc750cf9"
    );
    let request: Agreement = read("agreement-request.json");
    assert_eq!(request.primary_contact.first_name, "Tania");
    assert_eq!(request.primary_contact.problems(), vec![]);
    let response: Agreement = read("agreement-response.json");
    assert_eq!(
        response.user_id.as_deref(),
        Some("3d6f2c09-eb40-48ca-a4b3-d24c9c007531")
    );
    let error: ErrorBody = read("error.json");
    assert_eq!((error.code, error.source.as_str()), (20002, "PartnerFD"));
    for name in [
        "relationship-request.json",
        "relationship-request-legacy.json",
    ] {
        let r: RelationshipRequest = read(name);
        let link = InvitationLink::parse(&r.url).expect(name);
        assert_eq!(
            link.partner_id.to_string(),
            "3b33e682-00c3-41ee-9dd2-a548adf56438"
        );
        assert!(!link.dap);
    }
}

#[test]
fn every_real_link_shape_reads() {
    let path = format!(
        "{}/tests/fixtures/partner-center/invitation-links.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let links: Vec<InvitationLink> = std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| InvitationLink::parse(l).unwrap_or_else(|e| panic!("{l}: {e}")))
        .collect();
    assert_eq!(links.len(), 4);
    assert_eq!((links[0].dap, links[1].dap), (false, true));
    assert_eq!(
        links[2].inv_type,
        InvitationType::IndirectResellerRelationship
    );
    assert_eq!(links[2].mspp_id, 6531449);
    assert_eq!(
        links[2].indirect_csp_id.map(|i| i.to_string()).as_deref(),
        Some("45c44870-ef77-4fdd-b6fe-3dacb075cff2")
    );
    assert_eq!(links[3].inv_type, InvitationType::ResellerRelationship);
    assert!(links.iter().all(|l| l.invitation_id.is_none()));
}

fn read_graph<T: DeserializeOwned + PartialEq + Debug>(name: &str) -> T {
    read_at(&format!("graph/{name}"))
}

#[test]
fn graph_samples_read() {
    use reseller_contract::graph::*;
    use reseller_domain::gdap::AdminRelationshipStatus;
    use reseller_domain::ids::AdminRelationshipId;
    let r: DelegatedAdminRelationship = read_graph("delegated-admin-relationship.json");
    assert_eq!(
        (r.status, r.duration.as_str()),
        (AdminRelationshipStatus::Active, "P730D")
    );
    assert_eq!(r.access_details.ids().len(), 2);
    assert_eq!(
        r.customer.map(|c| c.display_name).as_deref(),
        Some("Contoso Ltd")
    );
    // Graph's two-GUID id is an id this client can call with.
    let id: AdminRelationshipId = r.id.parse().expect("Graph's id form");
    assert_eq!(id.to_string(), r.id);
    let list: GraphCollection<DelegatedAdminRelationship> =
        read_graph("delegated-admin-relationships-collection.json");
    assert_eq!(list.value.len(), 2);
    assert!(list.next_link.is_some_and(|l| l.contains("$skiptoken")));
    assert_eq!(
        list.value[1].status,
        AdminRelationshipStatus::ApprovalPending
    );
    assert!(list.value[1].customer.is_none() && list.value[1].end_date_time.is_none());
    let request: DelegatedAdminRelationshipRequest = read_graph("relationship-request.json");
    assert_eq!(
        (request.action, request.status),
        (RequestAction::LockForApproval, RequestStatus::Created)
    );
    let a: AccessAssignment = read_graph("access-assignment.json");
    assert_eq!(
        (a.status, a.access_container.access_container_type.as_str()),
        (AssignmentStatus::Pending, "securityGroup")
    );
    let e: GraphErrorBody = read_graph("error.json");
    assert_eq!(e.error.code, "InvalidAuthenticationToken");
    let checked = reseller_contract::error::check(reseller_contract::ApiResponse::new(
        401,
        serde_json::to_string(&e).unwrap(),
    ))
    .unwrap_err();
    assert_eq!(
        checked.code,
        reseller_contract::error::ErrorCode::NotSignedIn
    );
}
