//! No tenant sees or changes another's data (issue 14), over every
//! implementation: every operation of the contract, aimed at one partner's
//! invitation, customer, subscription, user and relationship, is sent with a
//! token of another partner, of a customer instead of a partner (and the
//! reverse), of another customer, and none; over the mock server also
//! expired, with a bad signature and for another audience. Nothing leaks
//! (no id, name, email or draft text of the victim in any answer), nothing
//! changes, and what is not the caller's answers 404 (an invalid token 401).

use crate::support::*;
use reseller_contract::wire::*;
use reseller_contract::{ApiRequest, Caller, ENDPOINTS};
use serde_json::{json, Value};

/// The victim's data an attack aims at, and the strings that must never
/// appear in an attacker's answer.
struct Victim {
    invitation: String,
    link: String,
    customer: String,
    subscription: String,
    user: String,
    partner: String,
    secrets: Vec<String>,
}

fn victim(api: &mut dyn Api) -> Victim {
    let ana = sign_in(api, "Ana Souza");
    let inv: Invitation = ok(send(
        api,
        Some(&ana),
        "POST",
        "/v1/invitations",
        Some(
            json!({ "dap": true, "customerName": "Victim Secret Corp", "customerEmail": "secret@victim.example", "emailLanguage": "en", "appBase": "https://app.example/" }),
        ),
    ));
    let draft = json!({ "to": "secret@victim.example", "subject": "For Victim Secret Corp", "body": format!("VICTIM-DRAFT-7731 {}", inv.link), "completedAt": null });
    assert_eq!(
        send(
            api,
            Some(&ana),
            "PUT",
            &format!("/v1/invitations/{}/draft", inv.id),
            Some(draft)
        )
        .status,
        200
    );
    let alpine = customers(api, &ana, "q=alpine").items.remove(0);
    let base = format!("/v1/customers/{}", alpine.id);
    let subs: Collection<Subscription> = ok(send(
        api,
        Some(&ana),
        "GET",
        &format!("{base}/subscriptions"),
        None,
    ));
    let users: Collection<CustomerUser> =
        ok(send(api, Some(&ana), "GET", &format!("{base}/users"), None));
    let me: Me = ok(send(api, Some(&ana), "GET", "/v1/me", None));
    let mut secrets = vec![
        inv.id.clone(),
        "Victim Secret Corp".into(),
        "secret@victim.example".into(),
        "VICTIM-DRAFT-7731".into(),
        alpine.id.clone(),
        "Alpine Ski House".into(),
    ];
    secrets.extend(subs.items.iter().map(|s| s.id.clone()));
    secrets.extend(
        users
            .items
            .iter()
            .flat_map(|u| [u.id.clone(), u.user_principal_name.clone()]),
    );
    Victim {
        invitation: inv.id,
        link: inv.link,
        customer: alpine.id,
        subscription: subs.items[0].id.clone(),
        user: users.items[0].id.clone(),
        partner: me.tenant_id,
        secrets,
    }
}

/// Every operation, aimed at the victim: path values filled with its ids,
/// a body that would succeed for the victim.
fn attacks(v: &Victim) -> Vec<(Caller, ApiRequest)> {
    let mut out = Vec::new();
    for route in ENDPOINTS {
        if route.caller == Caller::Anyone || route.hands_out_identities() {
            continue;
        }
        let path = route
            .path
            .replace("{invitationId}", &v.invitation)
            .replace("{customerId}", &v.customer)
            .replace("{subscriptionId}", &v.subscription)
            .replace("{userId}", &v.user)
            .replace("{partnerId}", &v.partner);
        let query = if route.path == "/v1/customers" {
            "?q=alpine"
        } else {
            ""
        };
        let body: Option<Value> = match (route.method.as_str(), route.path) {
            ("GET", _) | ("DELETE", _) => None,
            (_, "/v1/invitations") => Some(
                json!({ "dap": false, "customerName": "x", "customerEmail": "", "emailLanguage": "en", "appBase": "https://app.example/" }),
            ),
            (_, p) if p.ends_with("/draft") => {
                Some(json!({ "to": "", "subject": "changed", "body": v.link, "completedAt": null }))
            }
            (_, p) if p.ends_with("/revoke") => Some(json!({})),
            (_, p) if p.ends_with("/agreements") => Some(mca()),
            (_, p) if p.ends_with("/subscriptions") => {
                Some(json!({ "offerId": "azure-plan", "quantity": 1 }))
            }
            (_, p) if p.ends_with("/supportcontact") => {
                Some(json!({ "supportTenantId": v.partner }))
            }
            (_, p) if p.ends_with("/licenseupdates") => {
                Some(json!({ "licensesToAssign": [], "licensesToRemove": [] }))
            }
            (_, p) if p.ends_with("{subscriptionId}") => Some(json!({ "status": "suspended" })),
            (_, "/v1/tenant/invitations/accept") => {
                Some(json!({ "link": v.link, "agreement": mca() }))
            }
            (_, p) if p.ends_with("/remove-admin") => Some(json!({})),
            _ => Some(json!({})),
        };
        let mut req = ApiRequest::new(route.method.as_str(), format!("{path}{query}"))
            .header("ms-requestid", uuid::Uuid::new_v4().to_string());
        if let Some(b) = body {
            req.body = b.to_string();
        }
        out.push((route.caller, req));
    }
    out
}

/// What a token kind is: a valid token of another tenant (whose own
/// collections it may list), or a token that must be refused outright.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    /// Another partner's Admin agent.
    OtherPartner,
    /// A customer's Global administrator where a partner belongs.
    CustomerForPartner,
    /// The victim partner's own agent where a customer belongs.
    PartnerForCustomer,
    /// Another customer's Global administrator.
    OtherCustomer,
    /// No token, or one no implementation may accept.
    Invalid,
}

/// Runs every attack with `token`; returns the requests tried and the
/// leaks found (asserting there are none, nothing changed, and the status).
pub fn sweep(api: &mut dyn Api, label: &str, kind: Kind, token: Option<&str>) -> (usize, usize) {
    let v = victim(api);
    let before = api.state_mark();
    let (mut tried, mut leaks) = (0, 0);
    for (caller, mut req) in attacks(&v) {
        // Each kind is tried where it is out of place (a customer's token on
        // the partner side, and so on); `SignedIn` endpoints take anyone's.
        let applies = match kind {
            Kind::OtherPartner => caller != Caller::Customer,
            Kind::CustomerForPartner => caller != Caller::Customer,
            Kind::PartnerForCustomer => caller != Caller::Partner,
            Kind::OtherCustomer => caller != Caller::Partner,
            Kind::Invalid => true,
        };
        if !applies {
            continue;
        }
        // What a valid token may rightly do: list its own collections, read
        // who it is, create its own invitation, accept an invitation whose
        // link it holds (the link is the capability). Those are not attacks;
        // their writes are not sent, their reads must still leak nothing.
        let names_the_victim = req.path.contains(&v.invitation)
            || req.path.contains(&v.customer)
            || req.path.contains(&v.partner);
        let rightful = match kind {
            Kind::Invalid => false,
            Kind::CustomerForPartner | Kind::PartnerForCustomer => caller == Caller::SignedIn,
            Kind::OtherPartner | Kind::OtherCustomer => !names_the_victim,
        };
        if rightful && req.method != "GET" {
            continue;
        }
        if let Some(t) = token {
            req = req.header("authorization", format!("Bearer {t}"));
        }
        let r = api.call(req.clone());
        tried += 1;
        let label = format!(
            "[{label}] {kind:?} {} {} → {} {:.300}",
            req.method, req.path, r.status, r.body
        );
        let leaked: Vec<&String> = v
            .secrets
            .iter()
            .filter(|s| r.body.contains(s.as_str()))
            .collect();
        if !leaked.is_empty() {
            leaks += 1;
        }
        assert!(leaked.is_empty(), "leaked {leaked:?}: {label}");
        match kind {
            Kind::Invalid => assert_eq!(r.status, 401, "{label}"),
            _ if rightful => assert!(r.status < 500, "{label}"),
            _ => assert_eq!(r.status, 404, "{label}"),
        }
    }
    assert_eq!(
        api.state_mark(),
        before,
        "[{label}] {kind:?}: nothing changed"
    );
    (tried, leaks)
}

/// The sweeps every implementation runs: the token kinds it can be given.
pub fn every_implementation_sweeps(api: &mut dyn Api, label: &str) -> (usize, usize) {
    let mut total = (0, 0);
    for (kind, who) in [
        (Kind::OtherPartner, Some("Inês Costa")),
        (Kind::CustomerForPartner, Some("Karen Miller")),
        (Kind::PartnerForCustomer, Some("Ana Souza")),
        (Kind::OtherCustomer, Some("Karen Miller")),
        (Kind::Invalid, None),
    ] {
        reset(api);
        let token = who.map(|name| sign_in(api, name));
        let (t, l) = sweep(api, label, kind, token.as_deref());
        total = (total.0 + t, total.1 + l);
    }
    total
}
