//! Invitations: create, list, revoke, the draft's saves and hand-over; idempotent writes.

use crate::support::*;
use reseller_contract::wire::*;
use reseller_contract::ApiRequest;
use reseller_domain::relationship::InvitationStatus;
use serde_json::{json, Value};

pub fn invitation_lifecycle_and_draft(api: &mut dyn Api) {
    let token = sign_in(api, "Bruno Lima");
    let inv = invite(api, &token, false, "Contoso Ltda");
    assert_eq!(inv.status, InvitationStatus::Pending);
    assert!(
        inv.link
            .starts_with("https://app.example/?invType=ResellerRelationship&partnerId=")
            && inv.link.ends_with("#/partner-invitation")
    );
    assert!(inv.draft.body.contains(&inv.link) && inv.draft.body.contains("Contoso Ltda"));
    let list: Collection<Invitation> = ok(send(api, Some(&token), "GET", "/v1/invitations", None));
    assert_eq!(list.items[0].id, inv.id);
    let got: Invitation = ok(send(
        api,
        Some(&token),
        "GET",
        &format!("/v1/invitations/{}", inv.id),
        None,
    ));
    assert_eq!(got, inv);
    let path = format!("/v1/invitations/{}/draft", inv.id);
    let saved: Invitation = ok(send(
        api,
        Some(&token),
        "PUT",
        &path,
        Some(json!({ "to": "a@contoso.com", "subject": "Hi", "body": "no link yet" })),
    ));
    assert_eq!(saved.draft.body, "no link yet");
    let e = err(
        send(
            api,
            Some(&token),
            "PUT",
            &path,
            Some(json!({ "to": "", "subject": "Hi", "body": "still no link", "completedAt": "" })),
        ),
        400,
        40001,
    );
    assert_eq!(e.data, vec!["body".to_string()]);
    let done: Invitation = ok(send(
        api,
        Some(&token),
        "PUT",
        &path,
        Some(
            json!({ "to": "", "subject": "Hi", "body": format!("Open {}", inv.link), "completedAt": "" }),
        ),
    ));
    assert!(done.draft.completed_at.is_some());
    // A Helpdesk agent of the same partner reads the invitation but may not
    // change or hand over its email, as it may not invite.
    let helpdesk = sign_in(api, "Carla Dias");
    let seen: Invitation = ok(send(
        api,
        Some(&helpdesk),
        "GET",
        &format!("/v1/invitations/{}", inv.id),
        None,
    ));
    assert_eq!(seen.link, inv.link);
    err(
        send(
            api,
            Some(&helpdesk),
            "PUT",
            &path,
            Some(json!({ "to": "", "subject": "Hi", "body": format!("Open {}", inv.link) })),
        ),
        403,
        40301,
    );
    // An altered copy beside the intact link is refused at hand-over.
    let altered = inv.link.replace("DAP=false", "DAP=true");
    let e = err(
        send(
            api,
            Some(&token),
            "PUT",
            &path,
            Some(
                json!({ "to": "", "subject": "Hi", "body": format!("Open {} or {altered}", inv.link), "completedAt": "" }),
            ),
        ),
        400,
        40001,
    );
    assert_eq!(e.data, vec!["body".to_string()]);
    let e = err(
        send(
            api,
            Some(&token),
            "PUT",
            &path,
            Some(json!({ "to": "a@b.com\r\nBcc: evil@x.com", "subject": "Hi", "body": "x" })),
        ),
        400,
        40001,
    );
    assert_eq!(e.data, vec!["to".to_string()]);
}

pub fn idempotent_writes(api: &mut dyn Api) {
    let token = sign_in(api, "Ana Souza");
    let body = json!({ "dap": true, "customerName": "Once", "emailLanguage": "pt-BR", "appBase": "https://a.example/" });
    let req = || {
        ApiRequest::new("POST", "/v1/invitations")
            .header("authorization", format!("Bearer {token}"))
            .header("ms-requestid", "key-1")
            .header("ms-correlationid", "c-1")
    };
    let mut first = req();
    first.body = body.to_string();
    let a: Invitation = ok(api.call(first.clone()));
    let b: Invitation = ok(api.call(first));
    assert_eq!(a.id, b.id);
    let list: Collection<Invitation> = ok(send(api, Some(&token), "GET", "/v1/invitations", None));
    assert_eq!(
        list.items
            .iter()
            .filter(|i| i.customer_name == "Once")
            .count(),
        1
    );
    assert!(a.draft.subject.contains("convida você"));
    let mut other = req();
    other.body =
        json!({ "dap": false, "emailLanguage": "en", "appBase": "https://a.example/" }).to_string();
    err(api.call(other), 422, 42202);
    // The same key and the same request from another caller is refused too:
    // never answered with someone else's response.
    let beto = sign_in(api, "Bruno Lima");
    let mut theirs = first_again(&body);
    theirs
        .headers
        .insert("authorization".into(), format!("Bearer {beto}"));
    let e = err(api.call(theirs), 422, 42202);
    assert!(
        !e.description.contains(&a.id),
        "no trace of the other caller's answer"
    );
    // Every write keeps its key across retries: a retried provisioning,
    // suspension or license change applies once.
    let customer = customers(api, &token, "q=Alpine")
        .items
        .into_iter()
        .next()
        .expect("Alpine Ski House is Ana's customer");
    let provision = ApiRequest::new(
        "POST",
        format!("/v1/customers/{}/subscriptions", customer.id),
    )
    .header("authorization", format!("Bearer {token}"))
    .header("ms-requestid", "provision-1")
    .json(&json!({ "offerId": "teams-essentials", "quantity": 3 }));
    let s1: Subscription = ok(api.call(provision.clone()));
    let s2: Subscription = ok(api.call(provision));
    assert_eq!(s1.id, s2.id);
    let subs: Collection<Subscription> = ok(send(
        api,
        Some(&token),
        "GET",
        &format!("/v1/customers/{}/subscriptions", customer.id),
        None,
    ));
    assert_eq!(
        subs.items
            .iter()
            .filter(|s| s.offer_id == "teams-essentials")
            .count(),
        1
    );
}

fn first_again(body: &Value) -> ApiRequest {
    let mut r = ApiRequest::new("POST", "/v1/invitations")
        .header("ms-requestid", "key-1")
        .header("ms-correlationid", "c-2");
    r.body = body.to_string();
    r
}
