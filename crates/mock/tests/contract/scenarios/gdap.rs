//! Granular delegated admin privileges: requested with the invitation,
//! approved by the customer, groups assigned, rights following roles; every
//! rule Graph and Partner Center state, refused naming the field.

use crate::support::*;
use reseller_contract::graph::*;
use reseller_contract::wire::*;
use reseller_domain::gdap::{
    AdminRelationshipStatus as Status, GLOBAL_ADMINISTRATOR, HELPDESK_ADMINISTRATOR,
    LICENSE_ADMINISTRATOR, SERVICE_SUPPORT_ADMINISTRATOR, USER_ADMINISTRATOR,
};
use reseller_domain::time::{parse_rfc3339, DAY};
use serde_json::json;

const HELPDESK: &[&str] = &[HELPDESK_ADMINISTRATOR, SERVICE_SUPPORT_ADMINISTRATOR];

fn group_id(api: &mut dyn Api, token: &str, name: &str) -> String {
    let groups: GraphCollection<Group> = ok(send(api, Some(token), "GET", "/v1.0/groups", None));
    groups
        .value
        .into_iter()
        .find(|g| g.display_name == name)
        .unwrap_or_else(|| panic!("no group {name}"))
        .id
}

fn assign(
    api: &mut dyn Api,
    token: &str,
    rel: &str,
    group: &str,
    roles: &[&str],
) -> reseller_contract::ApiResponse {
    send(
        api,
        Some(token),
        "POST",
        &format!("{GDAP}/{rel}/accessAssignments"),
        Some(json!({
            "accessContainer": { "accessContainerId": group, "accessContainerType": "securityGroup" },
            "accessDetails": { "unifiedRoles": roles.iter().map(|r| json!({ "roleDefinitionId": r })).collect::<Vec<_>>() },
        })),
    )
}

/// A PATCH refused as invalid (400, Graph's `invalidRequest`): the fields it names.
#[track_caller]
fn refused_patch(
    api: &mut dyn Api,
    token: &str,
    path: &str,
    body: serde_json::Value,
) -> Vec<String> {
    graph_err(patch(api, token, path, body), 400, "invalidRequest")
}

/// The relationship's version as a read of it gives it (`@odata.etag`).
#[track_caller]
fn version(api: &mut dyn Api, token: &str, path: &str) -> String {
    let r: DelegatedAdminRelationship = ok(send(api, Some(token), "GET", path, None));
    r.etag.expect("every relationship carries its @odata.etag")
}

/// A PATCH at the relationship's current version: `If-Match` its ETag, as
/// "Update delegatedAdminRelationship" requires.
fn patch(
    api: &mut dyn Api,
    token: &str,
    path: &str,
    body: serde_json::Value,
) -> reseller_contract::ApiResponse {
    let tag = version(api, token, path);
    send_with(
        api,
        Some(token),
        "PATCH",
        path,
        Some(body),
        &[("if-match", &tag)],
    )
}

fn tenant_path(rel: &str, action: &str) -> String {
    format!("/v1/tenant/adminRelationships/{rel}{action}")
}

/// The invitation carries a GDAP request: locked for approval at once, both
/// links in the email and guarded; the customer accepts, a Global
/// administrator approves all (anyone else is refused), the partner sees it
/// active with its end date.
pub fn gdap_requested_with_the_invitation_and_approved(api: &mut dyn Api) {
    let ana = sign_in(api, "Ana Souza");
    // Only Admin agents; never with DAP.
    let bruno = sign_in(api, "Bruno Lima");
    err(
        invite_with_gdap(
            api,
            &bruno,
            "Contoso Ltda",
            gdap_body("Contoso helpdesk", "P30D", HELPDESK, "PT0S"),
        ),
        403,
        40301,
    );
    let both = gdap_body("Contoso helpdesk", "P30D", HELPDESK, "PT0S");
    let r = send(
        api,
        Some(&ana),
        "POST",
        "/v1/invitations",
        Some(
            json!({ "dap": true, "customerName": "", "customerEmail": "", "emailLanguage": "en", "appBase": "https://app.example/", "gdap": both }),
        ),
    );
    assert_eq!(err(r, 400, 40001).data, vec!["dap".to_string()]);
    let inv: Invitation = ok(invite_with_gdap(
        api,
        &ana,
        "Contoso Ltda",
        gdap_body("Contoso helpdesk", "P30D", HELPDESK, "PT0S"),
    ));
    let rel = inv.admin_relationship.clone().expect("the GDAP request");
    assert_eq!(rel.status, Status::ApprovalPending);
    assert_eq!(
        rel.access_details.ids(),
        HELPDESK.iter().map(|s| s.to_string()).collect::<Vec<_>>()
    );
    let link = rel.approval_link.clone().expect("approval link");
    assert_eq!(
        link,
        format!("https://app.example/customer/?adminRelationship={}", rel.id)
    );
    assert!(
        inv.draft.body.contains(&inv.link) && inv.draft.body.contains(&link),
        "{}",
        inv.draft.body
    );
    assert!(
        inv.draft.body.contains("Helpdesk Administrator") && inv.draft.body.contains("30 days")
    );
    // The hand-over keeps both links.
    let path = format!("/v1/invitations/{}/draft", inv.id);
    let without = inv.draft.body.replace(&link, "");
    let e = err(
        send(
            api,
            Some(&ana),
            "PUT",
            &path,
            Some(json!({ "to": "", "subject": "Hi", "body": without, "completedAt": "" })),
        ),
        400,
        40001,
    );
    assert!(e.description.contains("approval link"), "{}", e.description);
    let _: Invitation = ok(send(
        api,
        Some(&ana),
        "PUT",
        &path,
        Some(json!({ "to": "", "subject": "Hi", "body": inv.draft.body, "completedAt": "" })),
    ));

    // The customer accepts; the done page learns the approval link.
    let beatriz = sign_in(api, "Beatriz Rocha");
    let accepted: AcceptResponse = ok(accept(api, &beatriz, &inv.link, None));
    assert_eq!(accepted.admin_approval_link.as_deref(), Some(link.as_str()));
    // What the approval page reads: the partner, the roles, the duration.
    let seen: DelegatedAdminRelationship = ok(send(
        api,
        Some(&beatriz),
        "GET",
        &tenant_path(&rel.id, ""),
        None,
    ));
    assert_eq!(
        seen.partner.as_ref().map(|p| p.display_name.as_str()),
        Some("Fabrikam Cloud Services")
    );
    assert_eq!(
        (seen.duration.as_str(), seen.status),
        ("P30D", Status::ApprovalPending)
    );
    // Only a Global administrator approves.
    let elisa = sign_in(api, "Elisa Nunes");
    err(
        send(
            api,
            Some(&elisa),
            "POST",
            &tenant_path(&rel.id, "/approve"),
            None,
        ),
        403,
        40301,
    );
    let approved: DelegatedAdminRelationship = ok(send(
        api,
        Some(&beatriz),
        "POST",
        &tenant_path(&rel.id, "/approve"),
        None,
    ));
    assert_eq!(approved.status, Status::Active);
    let start = parse_rfc3339(approved.activated_date_time.as_deref().unwrap()).unwrap();
    let end = parse_rfc3339(approved.end_date_time.as_deref().unwrap()).unwrap();
    assert_eq!(end - start, 30 * DAY);
    // A second press (another tab) answers the same.
    let again: DelegatedAdminRelationship = ok(send(
        api,
        Some(&beatriz),
        "POST",
        &tenant_path(&rel.id, "/approve"),
        None,
    ));
    assert_eq!(again.status, Status::Active);
    // Another organization with the link sees nothing.
    let other = new_tenant(api, "Outra Empresa", "outra.com.br", "BR");
    err(
        send(api, Some(&other), "GET", &tenant_path(&rel.id, ""), None),
        404,
        40402,
    );

    // The partner sees it active, for this customer.
    let customer_id = approved.customer.clone().unwrap().tenant_id;
    let list: GraphCollection<DelegatedAdminRelationship> = ok(send(
        api,
        Some(&ana),
        "GET",
        &format!("{GDAP}?$filter=customer/tenantId%20eq%20'{customer_id}'"),
        None,
    ));
    assert_eq!(list.value.len(), 1);
    assert_eq!(
        (
            list.value[0].status,
            list.value[0]
                .customer
                .as_ref()
                .unwrap()
                .display_name
                .as_str()
        ),
        (Status::Active, "Contoso Ltda")
    );
    let mine: GraphCollection<DelegatedAdminRelationship> = ok(send(
        api,
        Some(&beatriz),
        "GET",
        "/v1/tenant/adminRelationships",
        None,
    ));
    assert_eq!(mine.value.len(), 1);
    graph_err(
        send(
            api,
            Some(&ana),
            "GET",
            &format!("{GDAP}?$filter=status%20eq%20'active'"),
            None,
        ),
        400,
        "invalidRequest",
    );
}

/// Every rule of a relationship, refused in Graph's error form naming the field.
pub fn gdap_rules_are_refused_naming_the_field(api: &mut dyn Api) {
    let ana = sign_in(api, "Ana Souza");
    let create = |api: &mut dyn Api, body| send(api, Some(&ana), "POST", GDAP, Some(body));
    for (body, field) in [
        (gdap_body("Too long", "P731D", HELPDESK, "PT0S"), "duration"),
        (gdap_body("Too short", "P0D", HELPDESK, "PT0S"), "duration"),
        (
            gdap_body("Unreadable", "two years", HELPDESK, "PT0S"),
            "duration",
        ),
        (
            gdap_body(&"n".repeat(51), "P730D", HELPDESK, "PT0S"),
            "displayName",
        ),
        (gdap_body("", "P730D", HELPDESK, "PT0S"), "displayName"),
        (gdap_body("No roles", "P730D", &[], "PT0S"), "accessDetails"),
        (
            gdap_body(
                "Unknown role",
                "P730D",
                &["00000000-0000-0000-0000-000000000000"],
                "PT0S",
            ),
            "accessDetails",
        ),
        (
            gdap_body("GA extends", "P730D", &[GLOBAL_ADMINISTRATOR], "P180D"),
            "autoExtendDuration",
        ),
        (
            gdap_body("Odd extension", "P730D", HELPDESK, "P90D"),
            "autoExtendDuration",
        ),
    ] {
        assert_eq!(
            graph_err(create(api, body), 400, "invalidRequest"),
            vec![field.to_string()]
        );
    }
    let made: DelegatedAdminRelationship = ok(create(
        api,
        gdap_body(&"n".repeat(50), "P2Y", HELPDESK, "PT0S"),
    ));
    assert_eq!(made.status, Status::Created);
    // Unique among the partner's, whatever the case.
    assert_eq!(
        graph_err(
            create(api, gdap_body(&"N".repeat(50), "P730D", HELPDESK, "PT0S")),
            400,
            "invalidRequest"
        ),
        vec!["displayName".to_string()]
    );
    // Editable while created…
    let path = format!("{GDAP}/{}", made.id);
    let renamed: DelegatedAdminRelationship = ok(patch(
        api,
        &ana,
        &path,
        json!({ "displayName": "Renamed", "duration": "P365D" }),
    ));
    assert_eq!(
        (renamed.display_name.as_str(), renamed.duration.as_str()),
        ("Renamed", "P365D")
    );
    // …not after it is locked for approval.
    let lock: DelegatedAdminRelationshipRequest = ok(send(
        api,
        Some(&ana),
        "POST",
        &format!("{path}/requests"),
        Some(json!({ "action": "lockForApproval" })),
    ));
    assert_eq!(lock.status, RequestStatus::Succeeded);
    assert_eq!(
        refused_patch(api, &ana, &path, json!({ "displayName": "Again" })),
        vec!["displayName".to_string()]
    );
    assert_eq!(
        graph_err(
            send(
                api,
                Some(&ana),
                "POST",
                &format!("{path}/requests"),
                Some(json!({ "action": "lockForApproval" }))
            ),
            400,
            "invalidRequest"
        ),
        vec!["status".to_string()]
    );
    assert_eq!(
        graph_err(
            send(
                api,
                Some(&ana),
                "POST",
                &format!("{path}/requests"),
                Some(json!({ "action": "approve" }))
            ),
            400,
            "invalidRequest"
        ),
        vec!["action".to_string()]
    );
    // Groups only once approved.
    let group = group_id(api, &ana, "Admin agents");
    assert_eq!(
        graph_err(
            assign(api, &ana, &made.id, &group, HELPDESK),
            400,
            "invalidRequest"
        ),
        vec!["status".to_string()]
    );
    let _: DelegatedAdminRelationshipRequest = ok(send(
        api,
        Some(&ana),
        "POST",
        &format!("{path}/requests"),
        Some(json!({ "action": "terminate" })),
    ));
    let ended: DelegatedAdminRelationship = ok(send(api, Some(&ana), "GET", &path, None));
    assert_eq!(ended.status, Status::Terminated);
    // Not Sales agents, not the clouds that keep DAP, not another partner's.
    let bruno = sign_in(api, "Bruno Lima");
    graph_err(
        send(
            api,
            Some(&bruno),
            "POST",
            GDAP,
            Some(gdap_body("Sales", "P30D", HELPDESK, "PT0S")),
        ),
        403,
        "Authorization_RequestDenied",
    );
    let jonas = sign_in(api, "Jonas Becker");
    assert_eq!(
        graph_err(
            send(
                api,
                Some(&jonas),
                "POST",
                GDAP,
                Some(gdap_body("Germany", "P30D", HELPDESK, "PT0S"))
            ),
            400,
            "invalidRequest"
        ),
        vec!["gdap".to_string()]
    );
    let ines = sign_in(api, "Inês Costa");
    graph_err(
        send(api, Some(&ines), "GET", &path, None),
        404,
        "Request_ResourceNotFound",
    );
    graph_err(
        send(api, None, "GET", GDAP, None),
        401,
        "InvalidAuthenticationToken",
    );
}

/// Groups are assigned to granted roles only; managing users and licenses
/// needs DAP or an active relationship granting License or User
/// Administrator to a group the agent is in; Global Administrator is never
/// auto-extended and is removed only while active.
pub fn rights_follow_granted_and_assigned_roles(api: &mut dyn Api) {
    let ana = sign_in(api, "Ana Souza");
    let beatriz = sign_in(api, "Beatriz Rocha");
    let inv: Invitation = ok(invite_with_gdap(
        api,
        &ana,
        "Contoso Ltda",
        gdap_body("Contoso helpdesk", "P30D", HELPDESK, "PT0S"),
    ));
    let _: AcceptResponse = ok(accept(api, &beatriz, &inv.link, Some(mca())));
    let helpdesk = inv.admin_relationship.unwrap().id;
    let _: DelegatedAdminRelationship = ok(send(
        api,
        Some(&beatriz),
        "POST",
        &tenant_path(&helpdesk, "/approve"),
        None,
    ));
    let admins = group_id(api, &ana, "Admin agents");
    let sales = group_id(api, &ana, "Sales agents");
    // A role the relationship does not grant cannot be assigned.
    assert_eq!(
        graph_err(
            assign(api, &ana, &helpdesk, &admins, &[LICENSE_ADMINISTRATOR]),
            400,
            "invalidRequest"
        ),
        vec!["accessDetails".to_string()]
    );
    assert_eq!(
        graph_err(
            assign(
                api,
                &ana,
                &helpdesk,
                "0de00000-0000-4013-8000-000000000013",
                HELPDESK
            ),
            400,
            "invalidRequest"
        ),
        vec!["accessContainer".to_string()]
    );
    let a: AccessAssignment = ok(assign(api, &ana, &helpdesk, &admins, HELPDESK));
    assert_eq!(a.access_container.access_container_id, admins);
    let listed: GraphCollection<AccessAssignment> = ok(send(
        api,
        Some(&ana),
        "GET",
        &format!("{GDAP}/{helpdesk}/accessAssignments"),
        None,
    ));
    assert_eq!(listed.value.len(), 1);
    // Helpdesk roles do not manage licenses.
    let customers = customers(api, &ana, "q=Contoso%20Ltda");
    let customer = customers.items[0].id.clone();
    let users = format!("/v1/customers/{customer}/users");
    let e = err(send(api, Some(&ana), "GET", &users, None), 403, 40306);
    assert!(
        e.data.contains(&LICENSE_ADMINISTRATOR.to_string())
            && e.data.contains(&USER_ADMINISTRATOR.to_string()),
        "{:?}",
        e.data
    );
    // A licensing relationship for the existing customer, assigned first to
    // a group Ana is not in, then to hers.
    let licensing: DelegatedAdminRelationship = ok(send(
        api,
        Some(&ana),
        "POST",
        GDAP,
        Some({
            let mut b = gdap_body(
                "Contoso licensing",
                "P1Y",
                &[LICENSE_ADMINISTRATOR],
                "P180D",
            );
            b["customer"] = json!({ "tenantId": customer, "displayName": "Contoso Ltda" });
            b
        }),
    ));
    assert_eq!(
        licensing.customer.as_ref().map(|c| c.tenant_id.as_str()),
        Some(customer.as_str())
    );
    let _: DelegatedAdminRelationshipRequest = ok(send(
        api,
        Some(&ana),
        "POST",
        &format!("{GDAP}/{}/requests", licensing.id),
        Some(json!({ "action": "lockForApproval" })),
    ));
    let _: DelegatedAdminRelationship = ok(send(
        api,
        Some(&beatriz),
        "POST",
        &tenant_path(&licensing.id, "/approve"),
        None,
    ));
    let _: AccessAssignment = ok(assign(
        api,
        &ana,
        &licensing.id,
        &sales,
        &[LICENSE_ADMINISTRATOR],
    ));
    err(send(api, Some(&ana), "GET", &users, None), 403, 40306);
    let _: AccessAssignment = ok(assign(
        api,
        &ana,
        &licensing.id,
        &admins,
        &[LICENSE_ADMINISTRATOR],
    ));
    let listed: Collection<CustomerUser> = ok(send(api, Some(&ana), "GET", &users, None));
    assert!(!listed.items.is_empty());

    // Global Administrator: no auto-extension; removed only while active.
    let ga: DelegatedAdminRelationship = ok(send(
        api,
        Some(&ana),
        "POST",
        GDAP,
        Some({
            let mut b = gdap_body(
                "Contoso full",
                "P30D",
                &[GLOBAL_ADMINISTRATOR, USER_ADMINISTRATOR],
                "PT0S",
            );
            b["customer"] = json!({ "tenantId": customer });
            b
        }),
    ));
    let path = format!("{GDAP}/{}", ga.id);
    let only_user = json!({ "accessDetails": { "unifiedRoles": [{ "roleDefinitionId": USER_ADMINISTRATOR }] } });
    // While created the roles may change freely: put GA back after.
    let _: DelegatedAdminRelationship = ok(patch(api, &ana, &path, only_user.clone()));
    let _: DelegatedAdminRelationship = ok(patch(
        api,
        &ana,
        &path,
        json!({ "accessDetails": { "unifiedRoles": [{ "roleDefinitionId": GLOBAL_ADMINISTRATOR }, { "roleDefinitionId": USER_ADMINISTRATOR }] } }),
    ));
    let _: DelegatedAdminRelationshipRequest = ok(send(
        api,
        Some(&ana),
        "POST",
        &format!("{path}/requests"),
        Some(json!({ "action": "lockForApproval" })),
    ));
    assert_eq!(
        graph_err(
            patch(api, &ana, &path, only_user.clone()),
            400,
            "invalidRequest"
        ),
        vec!["status".to_string()]
    );
    let _: DelegatedAdminRelationship = ok(send(
        api,
        Some(&beatriz),
        "POST",
        &tenant_path(&ga.id, "/approve"),
        None,
    ));
    assert_eq!(
        refused_patch(api, &ana, &path, json!({ "autoExtendDuration": "P180D" })),
        vec!["autoExtendDuration".to_string()]
    );
    // Active: adding a role is refused, removing GA alone is not.
    assert_eq!(
        graph_err(
            patch(
                api,
                &ana,
                &path,
                json!({ "accessDetails": { "unifiedRoles": [{ "roleDefinitionId": GLOBAL_ADMINISTRATOR }, { "roleDefinitionId": USER_ADMINISTRATOR }, { "roleDefinitionId": LICENSE_ADMINISTRATOR }] } })
            ),
            400,
            "invalidRequest"
        ),
        vec!["accessDetails".to_string()]
    );
    let removed: DelegatedAdminRelationship = ok(patch(api, &ana, &path, only_user));
    assert_eq!(
        removed.access_details.ids(),
        vec![USER_ADMINISTRATOR.to_string()]
    );
    let extended: DelegatedAdminRelationship = ok(patch(
        api,
        &ana,
        &path,
        json!({ "autoExtendDuration": "P180D" }),
    ));
    assert_eq!(extended.auto_extend_duration, "P180D");
    refused_patch(api, &ana, &path, json!({ "displayName": "Not now" }));
}

/// The clock moves: an unapproved request expires after 90 days; an active
/// relationship ends at its end date (and its rights with it) unless it
/// auto-extends; revoking an invitation terminates its pending request; the
/// customer may terminate an active one (its Global administrator only).
pub fn gdap_expires_ends_and_terminates(api: &mut dyn Api) {
    let ana = sign_in(api, "Ana Souza");
    let beatriz = sign_in(api, "Beatriz Rocha");
    // Revoked with the invitation.
    let revoked: Invitation = ok(invite_with_gdap(
        api,
        &ana,
        "",
        gdap_body("Revoked roles", "P30D", HELPDESK, "PT0S"),
    ));
    let _: Invitation = ok(send(
        api,
        Some(&ana),
        "POST",
        &format!("/v1/invitations/{}/revoke", revoked.id),
        None,
    ));
    let seen: DelegatedAdminRelationship = ok(send(
        api,
        Some(&ana),
        "GET",
        &format!("{GDAP}/{}", revoked.admin_relationship.unwrap().id),
        None,
    ));
    assert_eq!(seen.status, Status::Terminated);
    // Active for 30 days, licensing rights with it.
    let inv: Invitation = ok(invite_with_gdap(
        api,
        &ana,
        "Contoso Ltda",
        gdap_body(
            "Contoso licensing",
            "P30D",
            &[LICENSE_ADMINISTRATOR],
            "PT0S",
        ),
    ));
    let pending: Invitation = ok(invite_with_gdap(
        api,
        &ana,
        "",
        gdap_body("Never approved", "P30D", HELPDESK, "PT0S"),
    ));
    let _: AcceptResponse = ok(accept(api, &beatriz, &inv.link, Some(mca())));
    let rel = inv.admin_relationship.unwrap().id;
    let _: DelegatedAdminRelationship = ok(send(
        api,
        Some(&beatriz),
        "POST",
        &tenant_path(&rel, "/approve"),
        None,
    ));
    let admins = group_id(api, &ana, "Admin agents");
    let _: AccessAssignment = ok(assign(api, &ana, &rel, &admins, &[LICENSE_ADMINISTRATOR]));
    let customer = customers(api, &ana, "q=Contoso%20Ltda").items[0].id.clone();
    let users = format!("/v1/customers/{customer}/users");
    let _: Collection<CustomerUser> = ok(send(api, Some(&ana), "GET", &users, None));
    advance_clock(api, 31);
    let ended: DelegatedAdminRelationship =
        ok(send(api, Some(&ana), "GET", &format!("{GDAP}/{rel}"), None));
    assert_eq!(ended.status, Status::Expired);
    err(send(api, Some(&ana), "GET", &users, None), 403, 40306);
    // Past 90 days the request cannot be approved.
    advance_clock(api, 60);
    let pending_id = pending.admin_relationship.unwrap().id;
    err(
        send(
            api,
            Some(&beatriz),
            "POST",
            &tenant_path(&pending_id, "/approve"),
            None,
        ),
        410,
        41002,
    );
    let expired: DelegatedAdminRelationship = ok(send(
        api,
        Some(&ana),
        "GET",
        &format!("{GDAP}/{pending_id}"),
        None,
    ));
    assert_eq!(expired.status, Status::Expired);

    // An auto-extending relationship rolls on; the customer terminates it.
    let rolling: DelegatedAdminRelationship = ok(send(
        api,
        Some(&ana),
        "POST",
        GDAP,
        Some({
            let mut b = gdap_body("Contoso rolling", "P1D", HELPDESK, "P180D");
            b["customer"] = json!({ "tenantId": customer });
            b
        }),
    ));
    let _: DelegatedAdminRelationshipRequest = ok(send(
        api,
        Some(&ana),
        "POST",
        &format!("{GDAP}/{}/requests", rolling.id),
        Some(json!({ "action": "lockForApproval" })),
    ));
    let _: DelegatedAdminRelationship = ok(send(
        api,
        Some(&beatriz),
        "POST",
        &tenant_path(&rolling.id, "/approve"),
        None,
    ));
    advance_clock(api, 2);
    let rolled: DelegatedAdminRelationship = ok(send(
        api,
        Some(&ana),
        "GET",
        &format!("{GDAP}/{}", rolling.id),
        None,
    ));
    assert_eq!(rolled.status, Status::Active);
    let start = parse_rfc3339(rolled.activated_date_time.as_deref().unwrap()).unwrap();
    let end = parse_rfc3339(rolled.end_date_time.as_deref().unwrap()).unwrap();
    assert_eq!(end - start, 181 * DAY);
    let elisa = sign_in(api, "Elisa Nunes");
    err(
        send(
            api,
            Some(&elisa),
            "POST",
            &tenant_path(&rolling.id, "/terminate"),
            None,
        ),
        403,
        40301,
    );
    let ended: DelegatedAdminRelationship = ok(send(
        api,
        Some(&beatriz),
        "POST",
        &tenant_path(&rolling.id, "/terminate"),
        None,
    ));
    assert_eq!(ended.status, Status::Terminated);
    let seen: DelegatedAdminRelationship = ok(send(
        api,
        Some(&ana),
        "GET",
        &format!("{GDAP}/{}", rolling.id),
        None,
    ));
    assert_eq!(seen.status, Status::Terminated);
}

/// What `r` asks of the partner at `now` (the app's rule, on the wire's facts).
fn attention(r: &DelegatedAdminRelationship, now: i64) -> reseller_domain::gdap::Attention {
    reseller_domain::gdap::Attention::of(
        r.status,
        r.end_date_time.as_deref().and_then(parse_rfc3339),
        r.last_modified_date_time
            .as_deref()
            .and_then(parse_rfc3339)
            .expect("lastModifiedDateTime"),
        r.auto_extend_duration == "P180D",
        now,
    )
}

/// A partner with hundreds of relationships reads them all, in Graph's
/// pages of at most 300 (`$top` beyond is refused naming it),
/// about a dozen ending within 30 days whatever the date in the seed's span;
/// turning auto-extend on keeps each of those that may auto-extend alive,
/// one request each, and the ones with Global Administrator are refused
/// naming the field.
pub fn hundreds_of_relationships_kept_alive(api: &mut dyn Api) {
    use reseller_domain::gdap::{includes_global_admin, Attention};
    let priya = sign_in(api, "Priya Raman");
    // Graph's pages: at most 300, then @odata.nextLink to the rest.
    let page = |api: &mut dyn Api, query: &str| -> GraphCollection<DelegatedAdminRelationship> {
        ok(send(
            api,
            Some(&priya),
            "GET",
            &format!("{GDAP}{query}"),
            None,
        ))
    };
    let list = |api: &mut dyn Api| -> Vec<DelegatedAdminRelationship> {
        let mut all = Vec::new();
        let mut next = String::new();
        loop {
            let p = page(api, &next);
            all.extend(p.value.iter().cloned());
            match p.skip_token() {
                Some(token) => next = format!("?$skiptoken={token}"),
                None => return all,
            }
        }
    };
    let first = page(api, "");
    assert_eq!(first.value.len(), 300);
    let token = first.skip_token().expect("a next page");
    let second = page(api, &format!("?$skiptoken={token}"));
    assert_eq!(
        (second.value.len(), second.next_link.as_deref()),
        (20, None)
    );
    let small = page(api, "?$top=100");
    assert_eq!(small.value.len(), 100);
    assert!(small.next_link.as_deref().unwrap().contains("$top=100"));
    for (query, field) in [
        ("?$top=301", "$top"),
        ("?$top=0", "$top"),
        ("?$skiptoken=nonsense", "$skiptoken"),
    ] {
        assert_eq!(
            graph_err(
                send(api, Some(&priya), "GET", &format!("{GDAP}{query}"), None),
                400,
                "invalidRequest"
            ),
            vec![field.to_string()],
            "{query}"
        );
    }
    let all = list(api);
    assert_eq!(
        all.len(),
        320,
        "every one of the scale partner's relationships, over two pages"
    );
    let ids: std::collections::HashSet<_> = all.iter().map(|r| r.id.clone()).collect();
    assert_eq!(ids.len(), 320, "no relationship on two pages");
    let now = reseller_mock::clock::now_ms();
    let seed = reseller_mock::state::SEED_TIME;
    assert!(
        now < seed + 700 * DAY,
        "the seed's relationships end by two years after SEED_TIME: move it forward"
    );
    let ending: Vec<_> = all
        .iter()
        .filter(|r| matches!(attention(r, now), Attention::EndingSoon { .. }))
        .collect();
    assert!(
        (8..=14).contains(&ending.len()),
        "{} ending within 30 days",
        ending.len()
    );
    assert!(all
        .iter()
        .any(|r| matches!(attention(r, now), Attention::AwaitingApproval { .. })));
    let (ga, extendable): (Vec<&DelegatedAdminRelationship>, Vec<_>) = ending
        .into_iter()
        .partition(|r| includes_global_admin(&r.access_details.ids()));
    assert!(!extendable.is_empty());
    for r in &extendable {
        let path = format!("{GDAP}/{}", r.id);
        let body = json!({ "autoExtendDuration": "P180D" });
        // Changed at the version the list gave, as the page does.
        let read = r
            .etag
            .clone()
            .expect("a listed relationship carries its @odata.etag");
        let key = format!("auto-extend-{}", r.id);
        let headers = [("if-match", read.as_str()), ("ms-requestid", key.as_str())];
        let changed: DelegatedAdminRelationship = ok(send_with(
            api,
            Some(&priya),
            "PATCH",
            &path,
            Some(body.clone()),
            &headers,
        ));
        assert_eq!(changed.auto_extend_duration, "P180D");
        let now_version = changed
            .etag
            .clone()
            .expect("the answer carries the new version");
        assert_ne!(now_version, read, "a change gives a new version");
        assert_eq!(version(api, &priya, &path), now_version);
        // Pressed twice (the same intention, its key): the same answer.
        let again: DelegatedAdminRelationship = ok(send_with(
            api,
            Some(&priya),
            "PATCH",
            &path,
            Some(body.clone()),
            &headers,
        ));
        assert_eq!(again, changed);
        // Another tab, still at the version it read before: refused (412),
        // and the change made meanwhile is not overwritten.
        let stale = send_with(
            api,
            Some(&priya),
            "PATCH",
            &path,
            Some(json!({ "autoExtendDuration": "PT0S" })),
            &[("if-match", &read)],
        );
        let _ = graph_err(stale, 412, "PreconditionFailed");
        // Without a version, or with one it never had: refused.
        assert_eq!(
            graph_err(
                send(api, Some(&priya), "PATCH", &path, Some(body.clone())),
                400,
                "invalidRequest"
            ),
            vec!["If-Match".to_string()]
        );
        let _ = graph_err(
            send_with(
                api,
                Some(&priya),
                "PATCH",
                &path,
                Some(body),
                &[("if-match", "*")],
            ),
            412,
            "PreconditionFailed",
        );
        let kept: DelegatedAdminRelationship = ok(send(api, Some(&priya), "GET", &path, None));
        assert_eq!(kept.auto_extend_duration, "P180D");
    }
    for r in &ga {
        let path = format!("{GDAP}/{}", r.id);
        assert_eq!(
            refused_patch(api, &priya, &path, json!({ "autoExtendDuration": "P180D" })),
            vec!["autoExtendDuration".to_string()]
        );
    }
    let after = list(api);
    let still: Vec<_> = after
        .iter()
        .filter(|r| matches!(attention(r, now), Attention::EndingSoon { .. }))
        .map(|r| r.id.clone())
        .collect();
    assert_eq!(still, ga.iter().map(|r| r.id.clone()).collect::<Vec<_>>());
    // Another partner sees none of them.
    let ana = sign_in(api, "Ana Souza");
    let hers: GraphCollection<DelegatedAdminRelationship> =
        ok(send(api, Some(&ana), "GET", GDAP, None));
    assert!(hers.value.iter().all(|r| all.iter().all(|s| s.id != r.id)));
}
