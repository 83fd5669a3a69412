//! Native: one conformance suite of contract scenarios, run against the mock
//! directly and against the mock server over real HTTP; bad input at every
//! endpoint; the OpenAPI document agrees with the served routes.
#![cfg(not(target_arch = "wasm32"))]

use reseller_contract::wire::*;
use reseller_contract::{encode_query, ApiRequest, ApiResponse};
use reseller_contract::{Caller, ENDPOINTS};
use reseller_domain::relationship::{AcceptOutcome, DelegatedAdmin, InvitationStatus};
use reseller_mock::clock::now_ms;
use reseller_mock::MockBackend;
use serde::de::DeserializeOwned;
use serde_json::{json, Value};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command};

/// One implementation of the contract.
trait Api {
    fn call(&mut self, req: ApiRequest) -> ApiResponse;
    /// Changes when the state changes: the revision where it can be seen,
    /// else what the seed's partner can list (its invitations and customers).
    fn state_mark(&mut self) -> u64;
}

struct Direct(MockBackend);
impl Api for Direct {
    fn call(&mut self, req: ApiRequest) -> ApiResponse {
        self.0.handle(&req, now_ms())
    }
    fn state_mark(&mut self) -> u64 {
        self.0.revision()
    }
}

struct Http {
    port: u16,
    child: Child,
}

impl Http {
    fn start() -> Http {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let mut child = Command::new(env!("CARGO_BIN_EXE_mock-server"))
            .args(["--port", &port.to_string()])
            .spawn()
            .expect("mock-server starts");
        for _ in 0..200 {
            if TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return Http { port, child };
            }
            std::thread::sleep(std::time::Duration::from_millis(25));
        }
        let _ = child.kill();
        let _ = child.wait();
        panic!("mock-server did not listen on {port}");
    }
}

impl Drop for Http {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Api for Http {
    fn state_mark(&mut self) -> u64 {
        let token = sign_in(self, "Ana Souza");
        let invitations: Collection<Invitation> =
            ok(send(self, Some(&token), "GET", "/v1/invitations", None));
        let customers = customers(self, &token, "");
        invitations.total_count * 1_000_000 + customers.total_count
    }
    fn call(&mut self, req: ApiRequest) -> ApiResponse {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        let mut head = format!(
            "{} {} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Length: {}\r\n",
            req.method,
            req.path,
            req.body.len()
        );
        for (k, v) in &req.headers {
            head.push_str(&format!("{k}: {v}\r\n"));
        }
        head.push_str("\r\n");
        // The server may answer (413) before taking the whole body.
        let _ = stream.write_all(head.as_bytes());
        let _ = stream.write_all(req.body.as_bytes());
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).unwrap();
        let text = String::from_utf8_lossy(&raw).to_string();
        let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
        let status = head
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        let body = if head
            .to_ascii_lowercase()
            .contains("transfer-encoding: chunked")
        {
            dechunk(body)
        } else {
            body.to_string()
        };
        ApiResponse { status, body }
    }
}

fn dechunk(mut s: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = s.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if n == 0 {
            break;
        }
        out.push_str(&rest[..n]);
        s = &rest[n + 2..];
    }
    out
}

// ----- helpers -----

fn send(
    api: &mut dyn Api,
    token: Option<&str>,
    method: &str,
    path: &str,
    body: Option<Value>,
) -> ApiResponse {
    let mut req = ApiRequest::new(method, path);
    if let Some(t) = token {
        req = req.header("authorization", format!("Bearer {t}"));
    }
    if let Some(b) = body {
        req.body = b.to_string();
    }
    api.call(req)
}

fn ok<T: DeserializeOwned>(r: ApiResponse) -> T {
    assert!(
        (200..300).contains(&r.status),
        "expected success, got {} {}",
        r.status,
        r.body
    );
    serde_json::from_str(&r.body).unwrap_or_else(|e| panic!("{e}: {}", r.body))
}

#[track_caller]
fn err(r: ApiResponse, status: u16, code: i64) -> ErrorBody {
    assert_eq!(r.status, status, "{}", r.body);
    let body: ErrorBody =
        serde_json::from_str(&r.body).unwrap_or_else(|e| panic!("error body {e}: {}", r.body));
    assert_eq!(body.code, code, "{}", body.description);
    assert!(!body.description.is_empty());
    body
}

fn reset(api: &mut dyn Api) {
    assert_eq!(send(api, None, "POST", "/v1/demo/reset", None).status, 204);
}

fn user_id(api: &mut dyn Api, name: &str) -> String {
    let ids: DemoIdentities = ok(send(api, None, "GET", "/v1/demo/identities", None));
    ids.partners
        .iter()
        .chain(&ids.customers)
        .flat_map(|t| &t.users)
        .find(|u| u.display_name == name)
        .unwrap_or_else(|| panic!("no demo user {name}"))
        .id
        .clone()
}

fn sign_in(api: &mut dyn Api, name: &str) -> String {
    let id = user_id(api, name);
    let s: Session = ok(send(
        api,
        None,
        "POST",
        "/v1/demo/sign-in",
        Some(json!({ "userId": id })),
    ));
    s.access_token
}

fn invite(api: &mut dyn Api, token: &str, dap: bool, name: &str) -> Invitation {
    ok(send(
        api,
        Some(token),
        "POST",
        "/v1/invitations",
        Some(
            json!({ "dap": dap, "customerName": name, "customerEmail": "", "emailLanguage": "en", "appBase": "https://app.example/" }),
        ),
    ))
}

fn new_tenant(api: &mut dyn Api, name: &str, domain: &str, country: &str) -> String {
    let s: Session = ok(send(
        api,
        None,
        "POST",
        "/v1/demo/tenants",
        Some(
            json!({ "companyName": name, "domain": domain, "country": country, "adminName": "Renata Alves", "adminEmail": format!("renata@{domain}") }),
        ),
    ));
    s.access_token
}

fn mca() -> Value {
    json!({ "primaryContact": { "firstName": "Renata", "lastName": "Alves", "email": "renata@x.com.br", "phoneNumber": "" }, "templateId": "117a77b0-9360-443b-8795-c6dedc750cf9", "dateAgreed": "2026-01-01T00:00:00.000Z", "type": "MicrosoftCustomerAgreement" })
}

fn accept(api: &mut dyn Api, token: &str, link: &str, agreement: Option<Value>) -> ApiResponse {
    send(
        api,
        Some(token),
        "POST",
        "/v1/tenant/invitations/accept",
        Some(json!({ "link": link, "agreement": agreement })),
    )
}

fn customers(api: &mut dyn Api, token: &str, query: &str) -> Collection<Customer> {
    ok(send(
        api,
        Some(token),
        "GET",
        &format!("/v1/customers?{query}"),
        None,
    ))
}

// ----- scenarios -----

fn identities_and_sign_in(api: &mut dyn Api) {
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
        403,
        40305,
    );
}

fn partner_profile_and_relationship_request(api: &mut dyn Api) {
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
    assert!(
        r.url.contains("invType=ResellerRelationship") && r.url.contains("DAP=true"),
        "{}",
        r.url
    );
    assert_eq!(
        r.attributes.object_type.as_deref(),
        Some("RelationshipRequest")
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

fn invitation_lifecycle_and_draft(api: &mut dyn Api) {
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
    assert_eq!(e.data, vec![json!("body")]);
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
    assert_eq!(e.data, vec![json!("to")]);
}

fn roles_and_clouds(api: &mut dyn Api) {
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
    assert_eq!(e.data, vec![json!("dap")]);
    assert!(invite(api, &federal, true, "").link.contains("DAP=true"));
}

fn idempotent_writes(api: &mut dyn Api) {
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

fn accept_new_tenant_with_agreement(api: &mut dyn Api) {
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
    assert!(e.data.contains(&json!("firstName")));
    let mut bad = mca();
    bad["primaryContact"]["email"] = json!("not-an-email");
    let e = err(accept(api, &customer, &inv.link, Some(bad)), 422, 42201);
    assert_eq!(e.data, vec![json!("email")]);
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

fn acceptance_refusals(api: &mut dyn Api) {
    let partner = sign_in(api, "Ana Souza");
    let inv = invite(api, &partner, true, "");
    let us = sign_in(api, "Karen Miller");
    let e = err(accept(api, &us, &inv.link, Some(mca())), 403, 40303);
    assert!(
        e.description.contains("Brazil") && e.description.contains("United States"),
        "{}",
        e.description
    );
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
    let no_dap = invite(api, &partner, false, "");
    let r: AcceptResponse = ok(accept(api, &billing, &no_dap.link, None));
    assert_eq!(
        r.outcome,
        AcceptOutcome::Created,
        "a Billing administrator accepts without admin privileges"
    );
}

fn link_problems(api: &mut dyn Api) {
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

fn already_accepted_is_said_before_anything_is_pressed(api: &mut dyn Api) {
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

fn admin_removed_then_restored(api: &mut dyn Api) {
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

fn customers_at_scale(api: &mut dyn Api) {
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

fn manage_a_customer(api: &mut dyn Api) {
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
    assert_eq!(e.data, vec![json!("Microsoft 365 Business Standard")]);
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
    assert_eq!(e.data, vec![json!("sku-o365-e3")]);
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
    err(send(api, Some(&token), "GET", &base, None), 403, 20002);
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

fn scale_customer_changes_stick(api: &mut dyn Api) {
    let token = sign_in(api, "Priya Raman");
    let first = customers(api, &token, "size=1").items.remove(0);
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

fn no_relationship_is_pc_20002(api: &mut dyn Api) {
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
        403,
        20002,
    );
    assert_eq!(e.description, "No relationship between caller and account.");
}

type Scenario = (&'static str, fn(&mut dyn Api));
const SCENARIOS: &[Scenario] = &[
    ("identities and sign-in", identities_and_sign_in),
    (
        "partner profile and relationship request",
        partner_profile_and_relationship_request,
    ),
    (
        "invitation lifecycle and draft",
        invitation_lifecycle_and_draft,
    ),
    ("roles and clouds", roles_and_clouds),
    ("idempotent writes", idempotent_writes),
    (
        "accept as a new tenant with the agreement",
        accept_new_tenant_with_agreement,
    ),
    ("acceptance refusals", acceptance_refusals),
    ("link problems", link_problems),
    ("admin removed then restored", admin_removed_then_restored),
    ("customers at scale", customers_at_scale),
    ("manage a customer", manage_a_customer),
    ("scale customer changes stick", scale_customer_changes_stick),
    (
        "no relationship is Partner Center's 20002",
        no_relationship_is_pc_20002,
    ),
    (
        "already accepted is said before anything is pressed",
        already_accepted_is_said_before_anything_is_pressed,
    ),
];

fn run_all(api: &mut dyn Api, label: &str) {
    for (name, scenario) in SCENARIOS {
        reset(api);
        eprintln!("[{label}] {name}");
        scenario(api);
    }
    eprintln!("[{label}] {} scenarios passed", SCENARIOS.len());
}

#[test]
fn conformance_against_the_mock_directly() {
    run_all(&mut Direct(MockBackend::in_memory()), "mock");
}

#[test]
fn conformance_against_the_mock_server_over_http() {
    run_all(&mut Http::start(), "mock server");
}

#[test]
fn expiry_is_its_own_error() {
    let mut mock = MockBackend::in_memory();
    let mut api = Direct(MockBackend::in_memory());
    std::mem::swap(&mut api.0, &mut mock);
    let token = sign_in(&mut api, "Ana Souza");
    let inv = invite(&mut api, &token, false, "");
    let later = now_ms() + 91 * 86_400_000;
    let req = ApiRequest::new(
        "GET",
        format!(
            "/v1/tenant/invitations/view?link={}",
            encode_query(&inv.link)
        ),
    );
    err(api.0.handle(&req, later), 410, 41002);
    let list = api.0.handle(
        &ApiRequest::new("GET", "/v1/invitations")
            .header("authorization", format!("Bearer {token}")),
        later,
    );
    let list: Collection<Invitation> = ok(list);
    assert_eq!(list.items[0].status, InvitationStatus::Expired);
}

#[test]
fn state_persists_through_the_store_and_reloads_across_tabs() {
    use reseller_mock::store::MemoryStore;
    let shared = MemoryStore::default();
    let mut tab1 = Direct(MockBackend::new(Box::new(shared.clone())));
    let mut tab2 = MockBackend::new(Box::new(shared.clone()));
    let token = sign_in(&mut tab1, "Ana Souza");
    invite(&mut tab1, &token, false, "Seen elsewhere");
    assert!(tab2.reload(), "the other tab sees a change");
    let list = tab2.handle(
        &ApiRequest::new("GET", "/v1/invitations")
            .header("authorization", format!("Bearer {token}")),
        now_ms(),
    );
    let list: Collection<Invitation> = ok(list);
    assert_eq!(list.items[0].customer_name, "Seen elsewhere");
    let reopened = MockBackend::new(Box::new(shared));
    assert_eq!(reopened.revision(), tab2.revision());
}

#[test]
fn fault_injection() {
    let mut mock = MockBackend::in_memory();
    mock.set_faults(Faults {
        failing_endpoint: Some("GET /v1/demo/identities".into()),
        ..Faults::default()
    });
    let mut api = Direct(mock);
    err(
        send(&mut api, None, "GET", "/v1/demo/identities", None),
        503,
        50301,
    );
    api.0.set_faults(Faults {
        failure_rate: 1.0,
        ..Faults::default()
    });
    err(
        send(&mut api, None, "POST", "/v1/demo/reset", None),
        503,
        50301,
    );
    api.0.set_faults(Faults::default());
    assert_eq!(
        send(&mut api, None, "GET", "/v1/demo/identities", None).status,
        200
    );
}

/// Garbage where an id belongs: unknown, malformed, encoded, huge, unicode,
/// numbers past every integer type.
const BAD_IDS: &[&str] = &[
    "00000000-0000-4000-8000-0000000000aa",
    "not-a-guid",
    "%00",
    "..%2F..%2Fetc%2Fpasswd",
    "%C3%BC%C3%B1%C3%AF",
    "-1",
    "18446744073709551616",
    "0de00000-0000-4001-8000-000000000001%0D%0AX-Evil:1",
];

/// Bad values for the query parameters a GET reads (route, query).
const BAD_QUERIES: &[(&str, &str)] = &[
    ("/v1/customers", "size=-1"),
    ("/v1/customers", "size=99999999999999999999999"),
    ("/v1/customers", "size=NaN"),
    ("/v1/customers", "size=0"),
    ("/v1/customers", "offset=18446744073709551615"),
    ("/v1/customers", "offset=18446744073709551616"),
    ("/v1/customers", "offset=-5"),
    ("/v1/customers", "sort=%00"),
    ("/v1/customers", "order=up"),
    ("/v1/customers", "filter=all%00"),
    ("/v1/customers/relationshiprequests", "dap=maybe"),
    ("/v1/tenant/invitations/view", "link=%zz"),
    ("/v1/tenant/invitations/view", "link=%3F%3D%26%23"),
    ("/v1/tenant/invitations/view", ""),
];

/// Bodies no endpoint accepts: not JSON, wrong types, extreme numbers.
const BAD_BODIES: &[&str] = &[
    "{",
    "[]",
    "null",
    r#"{"dap":"yes","emailLanguage":7}"#,
    r#"{"userId":12}"#,
    r#"{"link":null}"#,
    r#"{"offerId":"o365-e3","quantity":1e309}"#,
    r#"{"offerId":"o365-e3","quantity":-1}"#,
    r#"{"offerId":"o365-e3","quantity":4294967296}"#,
    r#"{"offerId":"o365-e3","quantity":18446744073709551616}"#,
    r#"{"status":"active","quantity":99999999999}"#,
];

/// Bad input at every endpoint, over every implementation: a 4xx with the
/// documented error body, never a 5xx or a panic, and the state unchanged.
fn bad_input_everywhere(api: &mut dyn Api) -> usize {
    reset(api);
    let partner = sign_in(api, "Ana Souza");
    let customer = sign_in(api, "Beatriz Rocha");
    let before = api.state_mark();
    let mut checked = 0;
    let mut judge = |api: &mut dyn Api, req: ApiRequest, may_succeed: bool| {
        let r = api.call(req.clone());
        let label = format!(
            "{} {:.120} {:.80} → {} {:.200}",
            req.method, req.path, req.body, r.status, r.body
        );
        if may_succeed && (200..300).contains(&r.status) {
            return;
        }
        assert!((400..500).contains(&r.status), "{label}");
        let body: ErrorBody = serde_json::from_str(&r.body)
            .unwrap_or_else(|e| panic!("not an error body ({e}): {label}"));
        assert!(body.code > 0 && !body.description.is_empty(), "{label}");
        checked += 1;
    };
    for route in ENDPOINTS {
        if route.path == "/v1/demo/reset" {
            continue;
        }
        let token = if route.path.starts_with("/v1/tenant") {
            &customer
        } else {
            &partner
        };
        let has_id = route.path.contains('{');
        let ids: Vec<String> = if has_id {
            BAD_IDS
                .iter()
                .map(|s| s.to_string())
                .chain(std::iter::once("x".repeat(3000)))
                .collect()
        } else {
            vec![String::new()]
        };
        for id in &ids {
            let path = route
                .path
                .split('/')
                .map(|s| if s.starts_with('{') { id.as_str() } else { s })
                .collect::<Vec<_>>()
                .join("/");
            let authed = |method: &str, path: String| {
                ApiRequest::new(method, path).header("authorization", format!("Bearer {token}"))
            };
            if route.method.as_str() == "GET" {
                // A garbage id is never found; a garbage query value is refused.
                judge(
                    api,
                    authed(
                        "GET",
                        format!("{path}?size=-1&offset=18446744073709551616&link=%zz"),
                    ),
                    !has_id,
                );
                for (on, query) in BAD_QUERIES {
                    let reads_it = *on == route.path;
                    judge(
                        api,
                        authed("GET", format!("{path}?{query}")),
                        !has_id && !reads_it,
                    );
                }
            } else {
                for b in BAD_BODIES {
                    let mut r = authed(route.method.as_str(), path.clone());
                    r.body = b.to_string();
                    judge(api, r, false);
                }
                let mut huge = authed(route.method.as_str(), path.clone());
                huge.body = format!(r#"{{"customerName":"{}"}}"#, "x".repeat(70_000));
                judge(api, huge, false);
                let mut long = authed(route.method.as_str(), path.clone());
                long.body = json!({ "dap": false, "customerName": "x".repeat(5000), "customerEmail": "", "emailLanguage": "en", "appBase": "https://a.example/", "companyName": "y".repeat(5000), "domain": "x.com", "country": "BR", "adminName": "A", "adminEmail": "a@x.com", "to": "", "subject": "s".repeat(300), "body": "b", "offerId": "o365-e3", "quantity": 0, "userId": BAD_IDS[0], "link": "?", "supportTenantId": BAD_IDS[0], "licensesToAssign": ["nope"] }).to_string();
                judge(api, long, false);
            }
            // No token at all.
            if route.caller != Caller::Anyone {
                judge(
                    api,
                    ApiRequest::new(route.method.as_str(), path.clone()),
                    false,
                );
            }
        }
    }
    assert_eq!(api.state_mark(), before, "refused requests changed nothing");
    checked
}

#[test]
fn bad_input_at_every_endpoint_is_a_4xx_and_changes_nothing() {
    let checked = bad_input_everywhere(&mut Direct(MockBackend::in_memory()));
    assert!(checked > 1000, "{checked} bad requests checked");
}

#[test]
fn bad_input_over_http_is_a_4xx_and_changes_nothing() {
    let checked = bad_input_everywhere(&mut Http::start());
    assert!(checked > 1000, "{checked} bad requests checked over HTTP");
}

/// The OpenAPI document lists exactly the routes the mock serves.
#[test]
fn openapi_document_matches_the_routes() {
    let doc: Value = serde_json::from_str(include_str!("../../contract/openapi.json"))
        .expect("openapi.json is JSON");
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    let mut documented: Vec<String> = Vec::new();
    for (path, ops) in doc["paths"].as_object().unwrap() {
        for (method, op) in ops.as_object().unwrap() {
            if ["get", "post", "put", "patch", "delete"].contains(&method.as_str()) {
                documented.push(format!("{} {path}", method.to_uppercase()));
                assert!(
                    op["responses"].as_object().is_some_and(|r| !r.is_empty()),
                    "{method} {path} documents its responses"
                );
            }
        }
    }
    let mut served: Vec<String> = ENDPOINTS
        .iter()
        .map(|r| format!("{} {}", r.method.as_str(), r.path))
        .collect();
    documented.sort();
    served.sort();
    assert_eq!(documented, served);
    let codes: Vec<i64> = doc["components"]["schemas"]["ErrorBody"]["properties"]["code"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_i64().unwrap())
        .collect();
    for code in reseller_contract::error::ErrorCode::all() {
        assert!(
            codes.contains(&code.number()),
            "error code {} is documented",
            code.number()
        );
    }
}
