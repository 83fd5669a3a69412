//! The partner's customers: the list at scale, managing a customer's services, users and
//! licenses, and Partner Center's 20002.

use crate::support::*;
use reseller_contract::wire::*;
use reseller_domain::relationship::DelegatedAdmin;
use serde_json::json;

pub fn customers_at_scale(api: &mut dyn Api) {
    let token = sign_in(api, "Priya Raman");
    let all = customers(api, &token, "size=100&offset=0");
    assert_eq!((all.total_count, all.items.len()), (50_000, 100));
    assert!(all.links.next.is_some());
    let names: Vec<_> = all
        .items
        .iter()
        .map(|c| c.company_profile.company_name.to_lowercase())
        .collect();
    assert!(names.windows(2).all(|w| w[0] <= w[1]), "sorted by name");
    let last = customers(api, &token, "size=100&offset=49950");
    assert_eq!(last.items.len(), 50);
    assert!(last.links.next.is_none());
    let search = customers(api, &token, "q=harbor%20peak");
    assert!(
        search.total_count > 0
            && search.items.iter().all(|c| c
                .company_profile
                .company_name
                .to_lowercase()
                .contains("harbor peak"))
    );
    let removed = customers(api, &token, "filter=adminRemoved&size=500");
    assert!(removed
        .items
        .iter()
        .all(|c| c.delegated_admin == Some(DelegatedAdmin::Removed)));
    let by_since = customers(api, &token, "sort=since&order=desc&size=5");
    let since: Vec<_> = by_since
        .items
        .iter()
        .map(|c| c.relationship_since.clone().unwrap())
        .collect();
    assert!(since.windows(2).all(|w| w[0] >= w[1]));
    // Another column's ties stay in name order; by name descending is the
    // reverse of the default order.
    let by_country = customers(api, &token, "sort=country&size=500&offset=24750");
    let rows: Vec<_> = by_country
        .items
        .iter()
        .map(|c| {
            (
                c.company_profile
                    .address
                    .as_ref()
                    .map(|a| a.country.clone()),
                c.company_profile.company_name.to_lowercase(),
            )
        })
        .collect();
    assert!(rows.windows(2).all(|w| w[0] <= w[1]), "country, then name");
    let desc = customers(api, &token, "order=desc&size=100");
    let names_desc: Vec<_> = desc
        .items
        .iter()
        .map(|c| c.company_profile.company_name.to_lowercase())
        .collect();
    assert!(
        names_desc.windows(2).all(|w| w[0] >= w[1]),
        "{names_desc:?}"
    );
    let last_names: Vec<_> = last
        .items
        .iter()
        .rev()
        .map(|c| c.company_profile.company_name.to_lowercase())
        .collect();
    assert_eq!(names_desc[..50], last_names[..], "the last rows, reversed");
    for bad in [
        "size=0",
        "size=501",
        "size=x",
        "offset=-1",
        "sort=colour",
        "order=up",
        "filter=friends",
    ] {
        err(
            send(
                api,
                Some(&token),
                "GET",
                &format!("/v1/customers?{bad}"),
                None,
            ),
            400,
            40001,
        );
    }
}

pub fn manage_a_customer(api: &mut dyn Api) {
    let token = sign_in(api, "Ana Souza");
    let alpine = customers(api, &token, "q=alpine").items.remove(0);
    let base = format!("/v1/customers/{}", alpine.id);
    let detail: Customer = ok(send(api, Some(&token), "GET", &base, None));
    assert!(detail.billing_profile.is_some() && detail.allow_delegated_access == Some(true));
    let subs: Collection<Subscription> = ok(send(
        api,
        Some(&token),
        "GET",
        &format!("{base}/subscriptions"),
        None,
    ));
    assert_eq!(subs.items.len(), 1);
    let e = err(
        send(
            api,
            Some(&token),
            "DELETE",
            &format!("{base}/relationship"),
            None,
        ),
        409,
        40902,
    );
    assert_eq!(e.data, vec!["Microsoft 365 Business Standard".to_string()]);
    let sales = sign_in(api, "Bruno Lima");
    err(
        send(
            api,
            Some(&sales),
            "POST",
            &format!("{base}/subscriptions"),
            Some(json!({ "offerId": "o365-e3", "quantity": 2 })),
        ),
        403,
        40301,
    );
    let new: Subscription = ok(send(
        api,
        Some(&token),
        "POST",
        &format!("{base}/subscriptions"),
        Some(json!({ "offerId": "o365-e3", "quantity": 1 })),
    ));
    assert_eq!((new.status, new.quantity), (SubscriptionStatus::Active, 1));
    let users: Collection<CustomerUser> = ok(send(
        api,
        Some(&token),
        "GET",
        &format!("{base}/users"),
        None,
    ));
    let (u1, u2) = (users.items[1].id.clone(), users.items[2].id.clone());
    let _: CustomerUser = ok(send(
        api,
        Some(&token),
        "POST",
        &format!("{base}/users/{u1}/licenseupdates"),
        Some(json!({ "licensesToAssign": ["sku-o365-e3"] })),
    ));
    let e = err(
        send(
            api,
            Some(&token),
            "POST",
            &format!("{base}/users/{u2}/licenseupdates"),
            Some(json!({ "licensesToAssign": ["sku-o365-e3"] })),
        ),
        409,
        40904,
    );
    assert_eq!(e.data, vec!["sku-o365-e3".to_string()]);
    let skus: Collection<SubscribedSku> = ok(send(
        api,
        Some(&token),
        "GET",
        &format!("{base}/subscribedskus"),
        None,
    ));
    let e3 = skus
        .items
        .iter()
        .find(|k| k.sku_id == "sku-o365-e3")
        .unwrap();
    assert_eq!(
        (e3.active_units, e3.consumed_units),
        (1, 1),
        "the refused assignment changed nothing"
    );
    let me: PartnerProfile = ok(send(api, Some(&token), "GET", "/v1/profiles/partner", None));
    let s: Subscription = ok(send(
        api,
        Some(&token),
        "PUT",
        &format!("{base}/subscriptions/{}/supportcontact", new.id),
        Some(json!({ "supportTenantId": me.tenant_id })),
    ));
    assert_eq!(
        s.support_contact.map(|c| c.name).as_deref(),
        Some("Fabrikam Cloud Services")
    );
    err(
        send(
            api,
            Some(&token),
            "PUT",
            &format!("{base}/subscriptions/{}/supportcontact", new.id),
            Some(json!({ "supportTenantId": "0de00000-0000-4385-8000-000000000385" })),
        ),
        400,
        40001,
    );
    let _: Collection<Agreement> = ok(send(
        api,
        Some(&token),
        "GET",
        &format!("{base}/agreements"),
        None,
    ));
    for sub in [subs.items[0].id.clone(), new.id.clone()] {
        let s: Subscription = ok(send(
            api,
            Some(&token),
            "PATCH",
            &format!("{base}/subscriptions/{sub}"),
            Some(json!({ "status": "suspended" })),
        ));
        assert_eq!(s.status, SubscriptionStatus::Suspended);
    }
    assert_eq!(
        send(
            api,
            Some(&token),
            "DELETE",
            &format!("{base}/relationship"),
            None
        )
        .status,
        204
    );
    err(send(api, Some(&token), "GET", &base, None), 404, 20002);
    assert_eq!(customers(api, &token, "q=alpine").total_count, 0);
    let julieta = sign_in(api, "Julieta Gómez");
    let rels: Collection<PartnerRelationship> = ok(send(
        api,
        Some(&julieta),
        "GET",
        "/v1/tenant/relationships",
        None,
    ));
    assert!(
        rels.items
            .iter()
            .all(|r| r.partner_name != "Fabrikam Cloud Services"),
        "the customer's side shows it"
    );
}

pub fn scale_customer_changes_stick(api: &mut dyn Api) {
    let token = sign_in(api, "Priya Raman");
    // One that granted admin privileges and accepted the agreement.
    let first = customers(api, &token, "size=50&filter=delegated")
        .items
        .into_iter()
        .find(|c| c.mca_accepted == Some(true))
        .expect("a customer that can be sold to");
    let base = format!("/v1/customers/{}", first.id);
    let _: Subscription = ok(send(
        api,
        Some(&token),
        "POST",
        &format!("{base}/subscriptions"),
        Some(json!({ "offerId": "teams-essentials", "quantity": 3 })),
    ));
    let subs: Collection<Subscription> = ok(send(
        api,
        Some(&token),
        "GET",
        &format!("{base}/subscriptions"),
        None,
    ));
    assert!(subs.items.iter().any(|s| s.offer_id == "teams-essentials"));
    assert_eq!(
        customers(api, &token, "size=1").total_count,
        50_000,
        "still one row per customer"
    );
}

pub fn no_relationship_is_pc_20002(api: &mut dyn Api) {
    let token = sign_in(api, "Ana Souza");
    let ids: DemoIdentities = ok(send(api, None, "GET", "/v1/demo/identities", None));
    let woodgrove = ids
        .customers
        .iter()
        .find(|c| c.company_name == "Woodgrove Bank")
        .unwrap()
        .tenant_id
        .clone();
    let e = err(
        send(
            api,
            Some(&token),
            "GET",
            &format!("/v1/customers/{woodgrove}"),
            None,
        ),
        // Partner Center's code, with 404 rather than its 403: another
        // tenant's existence is not told (issue 14).
        404,
        20002,
    );
    assert_eq!(e.description, "No relationship between caller and account.");
}

/// Rights follow what the customer granted: no users or licenses without
/// admin privileges, Azure plans only; no purchase before the agreement
/// (Partner Center's 13605).
pub fn rights_follow_what_the_customer_granted(api: &mut dyn Api) {
    let fabrikam = sign_in(api, "Ana Souza");
    let wingtip = customers(api, &fabrikam, "q=wingtip").items.remove(0);
    assert_eq!(wingtip.delegated_admin, Some(DelegatedAdmin::Removed));
    let base = format!("/v1/customers/{}", wingtip.id);
    for path in ["users", "subscribedskus"] {
        err(
            send(api, Some(&fabrikam), "GET", &format!("{base}/{path}"), None),
            403,
            40306,
        );
    }
    err(
        send(
            api,
            Some(&fabrikam),
            "POST",
            &format!("{base}/subscriptions"),
            Some(json!({ "offerId": "o365-e3", "quantity": 3 })),
        ),
        403,
        40306,
    );
    let azure: Subscription = ok(send(
        api,
        Some(&fabrikam),
        "POST",
        &format!("{base}/subscriptions"),
        Some(json!({ "offerId": "azure-plan", "quantity": 1 })),
    ));
    let _: Subscription = ok(send(
        api,
        Some(&fabrikam),
        "PATCH",
        &format!("{base}/subscriptions/{}", azure.id),
        Some(json!({ "status": "suspended" })),
    ));
    // Woodgrove has not accepted the Microsoft Customer Agreement.
    let tailspin = sign_in(api, "Dana Whitfield");
    let woodgrove = customers(api, &tailspin, "q=woodgrove").items.remove(0);
    assert_eq!(woodgrove.mca_accepted, Some(false));
    let e = err(
        send(
            api,
            Some(&tailspin),
            "POST",
            &format!("/v1/customers/{}/subscriptions", woodgrove.id),
            Some(json!({ "offerId": "azure-plan", "quantity": 1 })),
        ),
        403,
        13605,
    );
    assert!(e.description.contains("Microsoft Customer Agreement"));
}
