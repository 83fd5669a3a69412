//! The contract's route table: every endpoint, matched by the mock and checked
//! against `openapi.json` by the tests.

/// Who may call an endpoint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Caller {
    /// Anyone (demo identities, the public invitation view).
    Anyone,
    /// A signed-in partner user.
    Partner,
    /// A signed-in customer user.
    Customer,
    /// Any signed-in user.
    SignedIn,
}

/// One endpoint: method, path template (`{name}` segments) and caller.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Route {
    /// HTTP method.
    pub method: &'static str,
    /// Path template as written in the OpenAPI document.
    pub path: &'static str,
    /// Who may call it.
    pub caller: Caller,
}

const fn r(method: &'static str, path: &'static str, caller: Caller) -> Route {
    Route {
        method,
        path,
        caller,
    }
}

/// Every endpoint of the contract.
pub const ROUTES: &[Route] = &[
    r("GET", "/v1/demo/identities", Caller::Anyone),
    r("POST", "/v1/demo/sign-in", Caller::Anyone),
    r("POST", "/v1/demo/tenants", Caller::Anyone),
    r("POST", "/v1/demo/reset", Caller::Anyone),
    r("GET", "/v1/me", Caller::SignedIn),
    r("GET", "/v1/profiles/partner", Caller::Partner),
    r("GET", "/v1/customers/relationshiprequests", Caller::Partner),
    r("GET", "/v1/relationships", Caller::Partner),
    r("GET", "/v1/agreements", Caller::SignedIn),
    r("GET", "/v1/offers", Caller::Partner),
    r("POST", "/v1/invitations", Caller::Partner),
    r("GET", "/v1/invitations", Caller::Partner),
    r("GET", "/v1/invitations/{invitationId}", Caller::Partner),
    r(
        "POST",
        "/v1/invitations/{invitationId}/revoke",
        Caller::Partner,
    ),
    r(
        "PUT",
        "/v1/invitations/{invitationId}/draft",
        Caller::Partner,
    ),
    r("GET", "/v1/customers", Caller::Partner),
    r("GET", "/v1/customers/{customerId}", Caller::Partner),
    r(
        "DELETE",
        "/v1/customers/{customerId}/relationship",
        Caller::Partner,
    ),
    r(
        "GET",
        "/v1/customers/{customerId}/agreements",
        Caller::Partner,
    ),
    r(
        "POST",
        "/v1/customers/{customerId}/agreements",
        Caller::Partner,
    ),
    r(
        "GET",
        "/v1/customers/{customerId}/subscriptions",
        Caller::Partner,
    ),
    r(
        "POST",
        "/v1/customers/{customerId}/subscriptions",
        Caller::Partner,
    ),
    r(
        "PATCH",
        "/v1/customers/{customerId}/subscriptions/{subscriptionId}",
        Caller::Partner,
    ),
    r(
        "PUT",
        "/v1/customers/{customerId}/subscriptions/{subscriptionId}/supportcontact",
        Caller::Partner,
    ),
    r("GET", "/v1/customers/{customerId}/users", Caller::Partner),
    r(
        "GET",
        "/v1/customers/{customerId}/subscribedskus",
        Caller::Partner,
    ),
    r(
        "POST",
        "/v1/customers/{customerId}/users/{userId}/licenseupdates",
        Caller::Partner,
    ),
    r("GET", "/v1/tenant/invitations/view", Caller::Anyone),
    r("POST", "/v1/tenant/invitations/accept", Caller::Customer),
    r("GET", "/v1/tenant/relationships", Caller::Customer),
    r(
        "POST",
        "/v1/tenant/relationships/{partnerId}/remove-admin",
        Caller::Customer,
    ),
];

/// Matches a concrete path against the table; returns the route and the
/// values of its `{}` segments in order.
pub fn find(method: &str, path: &str) -> Result<(Route, Vec<String>), RouteMiss> {
    let segments: Vec<&str> = path.trim_end_matches('/').split('/').collect();
    let mut path_known = false;
    for route in ROUTES {
        let template: Vec<&str> = route.path.split('/').collect();
        if template.len() != segments.len() {
            continue;
        }
        let mut params = Vec::new();
        let matched = template.iter().zip(&segments).all(|(t, s)| {
            if t.starts_with('{') {
                params.push(reseller_domain::link::percent_decode(s));
                !s.is_empty()
            } else {
                t == s
            }
        });
        if matched {
            if route.method == method {
                return Ok((*route, params));
            }
            path_known = true;
        }
    }
    Err(if path_known {
        RouteMiss::MethodNotAllowed
    } else {
        RouteMiss::NotFound
    })
}

/// Why no route matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RouteMiss {
    /// No such path.
    NotFound,
    /// The path exists with other methods.
    MethodNotAllowed,
}
