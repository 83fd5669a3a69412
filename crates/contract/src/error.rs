//! The one place that maps HTTP answers to errors the UI can act on.

use super::graph::{GraphError, GraphErrorBody, GraphErrorDetail};
use super::wire::ErrorBody;
use super::ApiResponse;
use std::fmt;

/// Stable error codes of the contract (the `code` of the error body).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorCode {
    /// 400: a field is invalid; `data` names it.
    Validation,
    /// 400: the invitation link cannot be read.
    MalformedLink,
    /// 400: the body is not the expected JSON.
    MalformedBody,
    /// 401: not signed in.
    NotSignedIn,
    /// 403: the user's role may not do this.
    InsufficientRole,
    /// 403: the partner's own tenant cannot accept.
    OwnTenant,
    /// 403: the tenant's country is outside the partner's CSP market.
    RegionMismatch,
    /// 403: the tenant's cloud differs from the partner's.
    CloudMismatch,
    /// 404: this endpoint is for the other kind of tenant (404, not 403, like
    /// everything that is not the caller's: nothing can be probed; issue 14).
    WrongTenantKind,
    /// 404 with Partner Center's code 20002: no relationship between caller
    /// and customer. Partner Center answers it with 403; this contract
    /// answers 404, as for any other tenant's data, so a tenant's existence
    /// cannot be probed (issue 14), and keeps the code a client recognises.
    NoRelationship,
    /// 403 (Partner Center 13605): a purchase for a customer that has not
    /// accepted the Microsoft Customer Agreement. Partner Center REST error
    /// codes, <https://learn.microsoft.com/partner-center/developer/error-codes>:
    /// "Either a partner confirmation of the customer acceptance of the
    /// Microsoft Customer Agreement must be provided or the customer must
    /// accept the Microsoft Customer Agreement ... before you can complete
    /// this purchase".
    McaRequired,
    /// 403: managing the customer's users, licenses or admin portals needs
    /// delegated admin privileges, which the customer has not granted (or
    /// removed).
    DelegatedAdminRequired,
    /// 403: a two-tier link names an indirect provider the indirect reseller
    /// is not linked to (or a tenant that is no indirect provider).
    ProviderNotLinked,
    /// 404: no such invitation.
    InvitationNotFound,
    /// 404: no such customer, subscription, user or route.
    NotFound,
    /// 405: the path exists, not with this method.
    MethodNotAllowed,
    /// 409: another tenant accepted the invitation.
    AcceptedByAnother,
    /// 409: the relationship has active subscriptions; `data` lists them.
    ActiveSubscriptions,
    /// 409: the link's parameters differ from the invitation's.
    LinkAltered,
    /// 409: not enough seats.
    NotEnoughSeats,
    /// 422: an idempotency key (`MS-RequestId`) already used by another
    /// caller or for another request within the last 24 hours.
    KeyReused,
    /// 412: the resource changed since the caller read it: the `If-Match`
    /// ETag is not its current `@odata.etag` (Graph's "Update
    /// delegatedAdminRelationship" asks for the last known ETag,
    /// <https://learn.microsoft.com/graph/api/delegatedadminrelationship-update>).
    Changed,
    /// 410: revoked by the partner.
    Revoked,
    /// 410: expired.
    Expired,
    /// 413: the body is too large.
    TooLarge,
    /// 422: Microsoft Customer Agreement fields missing; `data` names them.
    McaFieldsMissing,
    /// 429: too many requests; the answer's `Retry-After` says how long to
    /// wait. Graph: "Returns HTTP status code 429 Too Many Requests … Returns
    /// a suggested wait time in the response header of the failed request",
    /// its code `activityLimitReached`, "The app or user has been throttled"
    /// (<https://learn.microsoft.com/graph/throttling>,
    /// <https://learn.microsoft.com/graph/errors>).
    Throttled,
    /// 503: the service is unavailable (or a fault was injected).
    Unavailable,
    /// 507: the backend could not keep the change (the in-browser mock's
    /// storage is full or turned off); nothing was changed.
    StorageFull,
    /// The write was sent and the server began to answer, but the answer was
    /// lost: the change may have been applied (no wire number).
    Unconfirmed,
    /// No answer: network down, timeout, CORS.
    Network,
    /// A status or code this client does not know.
    Unknown,
}

/// Each code: its number (Partner Center's form), its `code` in Graph's
/// form (`{ "error": { "code", "message" } }`, the Graph-shaped endpoints'
/// answer) and its status. Its meaning is [`ErrorCode::meaning`], apart, so
/// the browser's builds, which never show it, do not carry it (issue 12).
const CODES: &[(ErrorCode, i64, &str, u16)] = &[
    (ErrorCode::Validation, 40001, "invalidRequest", 400),
    (ErrorCode::MalformedLink, 40002, "malformedLink", 400),
    (ErrorCode::MalformedBody, 40003, "BadRequest", 400),
    (
        ErrorCode::NotSignedIn,
        40101,
        "InvalidAuthenticationToken",
        401,
    ),
    (
        ErrorCode::InsufficientRole,
        40301,
        "Authorization_RequestDenied",
        403,
    ),
    (ErrorCode::OwnTenant, 40302, "ownTenant", 403),
    (ErrorCode::RegionMismatch, 40303, "regionMismatch", 403),
    (ErrorCode::CloudMismatch, 40304, "cloudMismatch", 403),
    (ErrorCode::WrongTenantKind, 40403, "wrongTenantKind", 404),
    (ErrorCode::NoRelationship, 20002, "noRelationship", 404),
    (ErrorCode::McaRequired, 13605, "mcaRequired", 403),
    (
        ErrorCode::DelegatedAdminRequired,
        40306,
        "adminRoleRequired",
        403,
    ),
    (
        ErrorCode::ProviderNotLinked,
        40307,
        "providerNotLinked",
        403,
    ),
    (
        ErrorCode::InvitationNotFound,
        40401,
        "invitationNotFound",
        404,
    ),
    (ErrorCode::NotFound, 40402, "Request_ResourceNotFound", 404),
    (ErrorCode::MethodNotAllowed, 40501, "methodNotAllowed", 405),
    (
        ErrorCode::AcceptedByAnother,
        40901,
        "acceptedByAnother",
        409,
    ),
    (
        ErrorCode::ActiveSubscriptions,
        40902,
        "activeSubscriptions",
        409,
    ),
    (ErrorCode::LinkAltered, 40903, "linkAltered", 409),
    (ErrorCode::NotEnoughSeats, 40904, "notEnoughSeats", 409),
    (ErrorCode::Revoked, 41001, "revoked", 410),
    (ErrorCode::Expired, 41002, "expired", 410),
    (ErrorCode::Changed, 41201, "PreconditionFailed", 412),
    (ErrorCode::TooLarge, 41301, "RequestEntityTooLarge", 413),
    (ErrorCode::McaFieldsMissing, 42201, "mcaFieldsMissing", 422),
    (ErrorCode::KeyReused, 42202, "idempotencyKeyReused", 422),
    (ErrorCode::Throttled, 42901, "activityLimitReached", 429),
    (ErrorCode::Unavailable, 50301, "serviceNotAvailable", 503),
    (ErrorCode::StorageFull, 50701, "insufficientStorage", 507),
];

impl ErrorCode {
    /// The numeric code on the wire.
    pub fn number(self) -> i64 {
        CODES
            .iter()
            .find(|(c, ..)| *c == self)
            .map_or(0, |(_, n, ..)| *n)
    }
    /// The HTTP status it travels with.
    pub fn status(self) -> u16 {
        CODES
            .iter()
            .find(|(c, ..)| *c == self)
            .map_or(500, |(_, _, _, s)| *s)
    }
    /// What the code means, in a few words (for the documentation).
    pub fn meaning(self) -> &'static str {
        match self {
            ErrorCode::Validation => "a field is invalid (data names it)",
            ErrorCode::MalformedLink => "the invitation link cannot be read",
            ErrorCode::MalformedBody => "the body is not the expected JSON",
            ErrorCode::NotSignedIn => "not signed in",
            ErrorCode::InsufficientRole => "the user's role may not do this",
            ErrorCode::OwnTenant => "a partner cannot accept its own invitation",
            ErrorCode::RegionMismatch => "the organization is outside the partner's market",
            ErrorCode::CloudMismatch => "the organization is in another cloud than the partner",
            ErrorCode::WrongTenantKind => "this endpoint is for the other kind of organization",
            ErrorCode::NoRelationship => "no relationship between caller and account (Partner Center)",
            ErrorCode::McaRequired => "the customer has not accepted the Microsoft Customer Agreement (Partner Center 13605)",
            ErrorCode::DelegatedAdminRequired => "this needs delegated admin privileges the customer has not granted or removed",
            ErrorCode::ProviderNotLinked => "the link's indirect provider is not linked to its indirect reseller",
            ErrorCode::InvitationNotFound => "no such invitation",
            ErrorCode::NotFound => "no such customer, subscription, user or endpoint",
            ErrorCode::MethodNotAllowed => "the path exists with other methods",
            ErrorCode::AcceptedByAnother => "another organization accepted the invitation",
            ErrorCode::ActiveSubscriptions => "the relationship has active subscriptions (data lists them)",
            ErrorCode::LinkAltered => "the link's parameters differ from the invitation's",
            ErrorCode::NotEnoughSeats => "not enough seats",
            ErrorCode::Revoked => "the partner revoked the invitation",
            ErrorCode::Expired => "the invitation expired",
            ErrorCode::Changed => "the resource changed since the If-Match ETag was read: read it again",
            ErrorCode::TooLarge => "the body is too large",
            ErrorCode::McaFieldsMissing => "Microsoft Customer Agreement fields missing (data names them)",
            ErrorCode::KeyReused => "the MS-RequestId was used by another caller or for another request within 24 hours",
            ErrorCode::Throttled => "too many requests: wait the seconds Retry-After gives, then try again",
            ErrorCode::Unavailable => "the service is unavailable",
            ErrorCode::StorageFull => "the in-browser mock could not store the change; nothing changed",
            ErrorCode::Unconfirmed | ErrorCode::Network | ErrorCode::Unknown => "",
        }
    }
    /// Every code with a number, for documentation and tests.
    pub fn all() -> impl Iterator<Item = ErrorCode> {
        CODES.iter().map(|(c, ..)| *c)
    }
    fn from_number(n: i64) -> Option<ErrorCode> {
        CODES
            .iter()
            .find(|(_, num, ..)| *num == n)
            .map(|(c, ..)| *c)
    }
    /// The code in Graph's error form.
    pub fn graph_code(self) -> &'static str {
        CODES
            .iter()
            .find(|(c, ..)| *c == self)
            .map_or("unknownError", |(_, _, g, ..)| *g)
    }
    fn from_graph_code(code: &str) -> Option<ErrorCode> {
        CODES
            .iter()
            .find(|(_, _, g, ..)| *g == code)
            .map(|(c, ..)| *c)
    }
}

/// An error the UI shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiError {
    /// What kind.
    pub code: ErrorCode,
    /// HTTP status (0 when there was no answer).
    pub status: u16,
    /// The server's description.
    pub description: String,
    /// `data` as strings (field names, blocking subscriptions...).
    pub data: Vec<String>,
}

impl ApiError {
    /// An error without an answer (network, timeout).
    pub fn network(description: impl Into<String>) -> Self {
        Self {
            code: ErrorCode::Network,
            status: 0,
            description: description.into(),
            data: Vec::new(),
        }
    }
    /// Whether trying again may help (reads and idempotent writes). A full
    /// storage is not: it stays full until the user frees space.
    pub fn is_transient(&self) -> bool {
        matches!(
            self.code,
            ErrorCode::Network | ErrorCode::Unavailable | ErrorCode::Unconfirmed
        ) || (self.status >= 500 && self.code != ErrorCode::StorageFull)
            || self.status == 429
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.description, self.code.number())
    }
}

/// Maps a response to its body or an [`ApiError`]: 2xx is success; anything
/// else is decoded from the error body, falling back on the status.
pub fn check(response: ApiResponse) -> Result<String, ApiError> {
    if (200..300).contains(&response.status) {
        return Ok(response.body);
    }
    // Partner Center's form, else Graph's (read into the same shape).
    let body: Option<ErrorBody> = reseller_domain::json::from_str(&response.body)
        .ok()
        .or_else(|| {
            reseller_domain::json::from_str::<GraphErrorBody>(&response.body)
                .ok()
                .map(|g| ErrorBody {
                    code: ErrorCode::from_graph_code(&g.error.code).map_or(0, ErrorCode::number),
                    description: g.error.message,
                    data: g
                        .error
                        .details
                        .into_iter()
                        .filter_map(|d| d.target)
                        .collect(),
                    source: String::new(),
                })
        });
    let code = body
        .as_ref()
        .and_then(|b| ErrorCode::from_number(b.code))
        .unwrap_or(match response.status {
            400 => ErrorCode::Validation,
            401 => ErrorCode::NotSignedIn,
            403 => ErrorCode::InsufficientRole,
            404 => ErrorCode::NotFound,
            413 => ErrorCode::TooLarge,
            429 => ErrorCode::Throttled,
            502..=504 => ErrorCode::Unavailable,
            _ => ErrorCode::Unknown,
        });
    let (description, data) = match body {
        Some(b) => (b.description, b.data),
        None => (
            format!("The server answered HTTP {}", response.status),
            Vec::new(),
        ),
    };
    Err(ApiError {
        code,
        status: response.status,
        description,
        data,
    })
}

/// The seconds a `Retry-After` header asks to wait, in its delay-seconds
/// form (RFC 9110 section 10.2.3: "a non-negative decimal integer";
/// Graph's and Partner Center's form). Its other form, an HTTP date, and
/// anything else are `None`: the client then backs off on its own, as
/// Graph's guidance says to "If no Retry-After header is provided"
/// (<https://learn.microsoft.com/graph/throttling>).
pub fn retry_after_seconds(value: &str) -> Option<u32> {
    let value = value.trim();
    if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // A wait longer than any client keeps waiting reads as the longest.
    Some(value.parse().unwrap_or(u32::MAX))
}

/// A refusal: `code` with its status and a description.
pub fn refuse(code: ErrorCode, description: impl Into<String>) -> ApiResponse {
    response(code, &description.into(), Vec::new())
}

/// A 400 that names the field (or parameter) that is wrong.
pub fn invalid(field: &str, description: impl Into<String>) -> ApiResponse {
    response(
        ErrorCode::Validation,
        &description.into(),
        vec![field.to_string()],
    )
}

/// Builds the error response a server sends.
pub fn response(code: ErrorCode, description: &str, data: Vec<String>) -> ApiResponse {
    let body = ErrorBody {
        code: code.number(),
        description: description.to_string(),
        data,
        source: "ResellerInvitationsMock".to_string(),
    };
    ApiResponse::new(
        code.status(),
        serde_json::to_string(&body).unwrap_or_default(),
    )
}

/// An error response in Graph's form (`{ "error": { "code", "message",
/// "details": [{ "code", "message", "target" }] } }`): what the Graph-shaped
/// endpoints answer, the same codes as [`response`], each field named in
/// `data` a detail's `target` ("Microsoft Graph error responses and resource
/// types", <https://learn.microsoft.com/graph/errors>).
pub fn graph_response(code: ErrorCode, description: &str, data: Vec<String>) -> ApiResponse {
    let body = GraphErrorBody {
        error: GraphError {
            code: code.graph_code().to_string(),
            message: description.to_string(),
            details: data
                .into_iter()
                .map(|target| GraphErrorDetail {
                    code: code.graph_code().to_string(),
                    message: description.to_string(),
                    target: Some(target),
                })
                .collect(),
        },
    };
    ApiResponse::new(
        code.status(),
        serde_json::to_string(&body).unwrap_or_default(),
    )
}

/// A Partner Center-form error response rewritten in Graph's form (other
/// answers unchanged): the one conversion a server applies to the answers of
/// its Graph-shaped endpoints.
pub fn as_graph(response: ApiResponse) -> ApiResponse {
    if (200..300).contains(&response.status) {
        return response;
    }
    match reseller_domain::json::from_str::<ErrorBody>(&response.body) {
        Ok(b) => {
            let code = ErrorCode::from_number(b.code).unwrap_or(ErrorCode::Unknown);
            let mut out = graph_response(code, &b.description, b.data);
            out.status = response.status;
            out.retry_after_s = response.retry_after_s;
            out
        }
        Err(_) => response,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_bodies_and_bare_statuses() {
        let e = check(response(ErrorCode::Revoked, "revoked", vec![])).unwrap_err();
        // Too many requests, with or without a body of its own: worth trying again.
        let throttled = check(ApiResponse::new(429, String::new())).unwrap_err();
        assert_eq!(throttled.code, ErrorCode::Throttled);
        assert!(throttled.is_transient());
        assert_eq!((e.code, e.status), (ErrorCode::Revoked, 410));
        let pc = check(ApiResponse::new(403, r#"{"code":20002,"description":"No relationship between caller and account.","data":[],"source":"PartnerFD"}"#.into()))
        .unwrap_err();
        assert_eq!(pc.code, ErrorCode::NoRelationship);
        let bare = check(ApiResponse::new(502, "<html>".into())).unwrap_err();
        assert_eq!(bare.code, ErrorCode::Unavailable);
        assert!(bare.is_transient());
        assert_eq!(
            check(ApiResponse::new(204, String::new())),
            Ok(String::new())
        );
        let numbers: std::collections::HashSet<_> =
            ErrorCode::all().map(ErrorCode::number).collect();
        assert_eq!(numbers.len(), ErrorCode::all().count(), "codes are unique");
        let graph: std::collections::HashSet<_> =
            ErrorCode::all().map(ErrorCode::graph_code).collect();
        assert_eq!(
            graph.len(),
            ErrorCode::all().count(),
            "Graph codes are unique"
        );
    }

    #[test]
    fn graph_errors_read_as_the_same_codes_naming_the_field() {
        let sent = as_graph(response(
            ErrorCode::Validation,
            "duration is 731 days",
            vec!["duration".into()],
        ));
        assert!(
            sent.body
                .starts_with(r#"{"error":{"code":"invalidRequest""#),
            "{}",
            sent.body
        );
        let e = check(sent).unwrap_err();
        assert_eq!(
            (e.code, e.status, e.data),
            (ErrorCode::Validation, 400, vec!["duration".to_string()])
        );
        let graph = check(ApiResponse::new(401, r#"{"error":{"code":"InvalidAuthenticationToken","message":"Access token is empty.","innerError":{"date":"2022-02-10T11:24:42","request-id":"a"}}}"#.into()))
        .unwrap_err();
        assert_eq!(graph.code, ErrorCode::NotSignedIn);
    }

    #[test]
    fn retry_after_is_read_in_seconds_and_an_http_date_is_left_to_the_client() {
        assert_eq!(retry_after_seconds("41"), Some(41));
        assert_eq!(retry_after_seconds(" 0 "), Some(0));
        assert_eq!(retry_after_seconds("99999999999"), Some(u32::MAX));
        for other in ["", "-1", "1.5", "Fri, 31 Dec 1999 23:59:59 GMT", "+3"] {
            assert_eq!(retry_after_seconds(other), None, "{other:?}");
        }
        // Kept when the answer is put in Graph's form.
        let mut throttled = response(ErrorCode::Throttled, "slow down", vec![]);
        throttled.retry_after_s = Some(7);
        let sent = as_graph(throttled);
        assert_eq!((sent.status, sent.retry_after_s), (429, Some(7)));
        assert_eq!(check(sent).unwrap_err().code, ErrorCode::Throttled);
    }
}
