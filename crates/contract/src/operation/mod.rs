//! One typed operation per endpoint: the only place an endpoint exists.
//!
//! Each operation is a struct holding what the caller sends (path values,
//! query, body) and implementing [`Operation`]: its method, path template,
//! who may call it, the status of its success, the errors it may answer, and
//! its request and response types. The client sends operations
//! (`client.call(ListCustomers { .. })`), never paths; a server reads a
//! request into [`Request`] (one variant per operation) and answers it with
//! an exhaustive `match`, so an endpoint without a handler does not compile.

use crate::error::{invalid, refuse, ErrorCode};
use crate::query::QueryValue;
use crate::{ApiRequest, ApiResponse};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// An HTTP method.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    /// Reads.
    Get,
    /// Creates or acts.
    Post,
    /// Replaces.
    Put,
    /// Changes part.
    Patch,
    /// Removes.
    Delete,
}

impl Method {
    /// The method's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }
    /// Whether it changes state (and so carries an idempotency key).
    pub fn is_write(self) -> bool {
        self != Method::Get
    }
}

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

/// A documented query parameter.
#[derive(Clone, Copy, Debug)]
pub struct QueryParam {
    /// Its name.
    pub name: &'static str,
    /// What it means (and its default).
    pub description: &'static str,
    /// The values it may take, when it is an enum.
    pub values: &'static [&'static str],
    /// Whether it is a whole number.
    pub integer: bool,
    /// Whether a request must carry it.
    pub required: bool,
}

/// What an endpoint is: everything but its types.
#[derive(Clone, Copy, Debug)]
pub struct Endpoint {
    /// Method.
    pub method: Method,
    /// Path template, `{name}` for a path value.
    pub path: &'static str,
    /// Who may call it.
    pub caller: Caller,
    /// The status of a success (200, 201 or 204).
    pub success: u16,
    /// One line for the documentation.
    pub summary: &'static str,
    /// The errors it may answer besides those every endpoint may
    /// ([`COMMON_ERRORS`]).
    pub errors: &'static [ErrorCode],
    /// Its query parameters.
    pub query: &'static [QueryParam],
}

impl Endpoint {
    /// Whether it hands out identities (the demo's sign-in and new
    /// organization): absent wherever a real identity provider signs users in.
    pub fn hands_out_identities(&self) -> bool {
        self.path == demo::DemoSignIn::ENDPOINT.path
            || self.path == demo::CreateDemoTenant::ENDPOINT.path
    }
}

impl Endpoint {
    /// Whether it is Graph-shaped (its errors are in Graph's form).
    pub fn is_graph(&self) -> bool {
        self.path.starts_with(gdap::GRAPH_PREFIX)
    }
}

/// Errors any endpoint may answer: a malformed body, no or the wrong kind of
/// caller, a body too large, a reused idempotency key, too many requests
/// (with `Retry-After`), the service down or the in-browser mock's storage
/// full.
pub const COMMON_ERRORS: &[ErrorCode] = &[
    ErrorCode::MalformedBody,
    ErrorCode::NotSignedIn,
    ErrorCode::WrongTenantKind,
    ErrorCode::TooLarge,
    ErrorCode::KeyReused,
    ErrorCode::Throttled,
    ErrorCode::Unavailable,
    ErrorCode::StorageFull,
];

/// A body type's JSON schema, where schemas are generated (natively, for the
/// OpenAPI document); nothing in the browser.
#[cfg(not(target_arch = "wasm32"))]
pub trait Schema: schemars::JsonSchema {}
#[cfg(not(target_arch = "wasm32"))]
impl<T: schemars::JsonSchema> Schema for T {}
/// A body type's JSON schema, where schemas are generated (natively, for the
/// OpenAPI document); nothing in the browser.
#[cfg(target_arch = "wasm32")]
pub trait Schema {}
#[cfg(target_arch = "wasm32")]
impl<T> Schema for T {}

/// No request body.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct NoBody;

/// An answer without a body (204).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct NoContent;

/// One endpoint, typed.
pub trait Operation: Sized + 'static {
    /// What the endpoint is.
    const ENDPOINT: Endpoint;
    /// The request body ([`NoBody`] for none).
    type Body: Serialize + DeserializeOwned + Schema;
    /// The answer ([`NoContent`] for 204).
    type Response: Serialize + DeserializeOwned + Schema;
    /// The path with its values and query, e.g. `/v1/customers/{id}`.
    fn path(&self) -> String;
    /// The body, if the endpoint takes one.
    fn body(&self) -> Option<&Self::Body> {
        None
    }
    /// Reads the operation from a request whose path matched the template.
    fn from_request(request: &Incoming<'_>) -> Result<Self, ApiResponse>;
    /// The `If-Match` header it sends: the ETag of the version it changes,
    /// for an endpoint that may answer [`ErrorCode::Changed`].
    fn if_match(&self) -> Option<&str> {
        None
    }
}

/// A request as a server received it, matched to an endpoint.
pub struct Incoming<'a> {
    /// The request.
    pub request: &'a ApiRequest,
    /// The path values, decoded, in template order.
    pub path: Vec<String>,
}

impl Incoming<'_> {
    /// A header's value (names in lower case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.request.headers.get(name).map(String::as_str)
    }
    /// Path value `i` as an id; an unreadable one is simply not found.
    pub fn id<T: std::str::FromStr>(&self, i: usize, what: &str) -> Result<T, ApiResponse> {
        let value = self.path.get(i).map(String::as_str).unwrap_or_default();
        value.parse().map_err(|_| {
            refuse(
                ErrorCode::NotFound,
                format!(
                    "No {what} with id “{}”",
                    value.chars().take(60).collect::<String>()
                ),
            )
        })
    }
    /// The JSON body.
    pub fn body<T: DeserializeOwned>(&self) -> Result<T, ApiResponse> {
        reseller_domain::json::from_str(&self.request.body).map_err(|e| {
            refuse(
                ErrorCode::MalformedBody,
                format!("The request body is not valid: {e}"),
            )
        })
    }
    /// A query value, decoded.
    pub fn query(&self, name: &str) -> Option<String> {
        self.request.query(name)
    }
    /// An enum query value, or its default when absent; 400 naming it when unknown.
    pub fn query_enum<T: QueryValue + Default>(&self, name: &str) -> Result<T, ApiResponse> {
        match self.query(name) {
            None => Ok(T::default()),
            Some(v) => T::parse(&v).ok_or_else(|| {
                let values: Vec<&str> = T::ALL.iter().map(|v| v.as_str()).collect();
                invalid(name, format!("{name} must be one of {}", values.join(", ")))
            }),
        }
    }
    /// A whole-number query value in `range`, or `default` when absent.
    pub fn query_number(
        &self,
        name: &str,
        range: std::ops::RangeInclusive<u64>,
        default: u64,
    ) -> Result<u64, ApiResponse> {
        match self.query(name) {
            None => Ok(default),
            Some(v) => v
                .parse::<u64>()
                .ok()
                .filter(|n| range.contains(n))
                .ok_or_else(|| {
                    invalid(
                        name,
                        format!(
                            "{name} must be a whole number from {} to {}",
                            range.start(),
                            range.end()
                        ),
                    )
                }),
        }
    }
}

pub(crate) const fn q(
    name: &'static str,
    description: &'static str,
    values: &'static [&'static str],
    integer: bool,
    required: bool,
) -> QueryParam {
    QueryParam {
        name,
        description,
        values,
        integer,
        required,
    }
}

/// Declares an operation: its path values (parsed as ids; an unreadable one
/// is simply not found) and its body, if any.
macro_rules! op {
    ($(#[$meta:meta])* $name:ident { $($field:ident: $fty:ty = $what:literal),* $(; body: $body:ty)? },
     $method:ident $path:literal, $caller:ident, $status:literal, $summary:literal, [$($err:ident),*]
     => $response:ty) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq)]
        pub struct $name {
            $(
                #[doc = concat!("The ", $what, ".")]
                pub $field: $fty,
            )*
            $(
                /// The request body.
                pub body: $body,
            )?
        }
        impl $crate::operation::Operation for $name {
            const ENDPOINT: $crate::operation::Endpoint = $crate::operation::Endpoint {
                method: $crate::operation::Method::$method,
                path: $path,
                caller: $crate::operation::Caller::$caller,
                success: $status,
                summary: $summary,
                errors: &[$($crate::error::ErrorCode::$err),*],
                query: &[],
            };
            type Body = op!(@body $($body)?);
            type Response = $response;
            fn path(&self) -> String {
                $crate::operation::fill($path, &[$($crate::encode_query(&self.$field.to_string())),*])
            }
            fn body(&self) -> Option<&Self::Body> {
                op!(@ref self $($body)?)
            }
            #[allow(unused_assignments, unused_mut, unused_variables)]
            fn from_request(request: &$crate::operation::Incoming<'_>) -> Result<Self, $crate::ApiResponse> {
                let mut i = 0;
                $(
                    let $field: $fty = request.id(i, $what)?;
                    i += 1;
                )*
                Ok(Self {
                    $($field,)*
                    $(body: request.body::<$body>()?,)?
                })
            }
        }
    };
    (@body) => { $crate::operation::NoBody };
    (@body $body:ty) => { $body };
    (@ref $self:ident) => { None };
    (@ref $self:ident $body:ty) => { Some(&$self.body) };
}

/// Puts `values` into the `{}` segments of `template`, in order.
pub fn fill(template: &str, values: &[String]) -> String {
    let mut values = values.iter();
    template
        .split('/')
        .map(|s| {
            if s.starts_with('{') {
                values.next().cloned().unwrap_or_default()
            } else {
                s.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

mod customers;
mod demo;
mod gdap;
mod invitations;
mod partner;
mod services;
mod tenant;

pub use customers::*;
pub use demo::*;
pub use gdap::*;
pub use invitations::*;
pub use partner::*;
pub use services::*;
pub use tenant::*;

/// Why no endpoint matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RouteMiss {
    /// No such path.
    NotFound,
    /// The path exists with other methods.
    MethodNotAllowed,
}

/// Matches a path against a template; the decoded path values when it matches.
fn matches(template: &str, path: &str) -> Option<Vec<String>> {
    let segments: Vec<&str> = path.trim_end_matches('/').split('/').collect();
    let template: Vec<&str> = template.split('/').collect();
    if template.len() != segments.len() {
        return None;
    }
    let mut values = Vec::new();
    for (t, s) in template.iter().zip(&segments) {
        if t.starts_with('{') {
            if s.is_empty() {
                return None;
            }
            values.push(reseller_domain::link::percent_decode(s));
        } else if t != s {
            return None;
        }
    }
    Some(values)
}

macro_rules! operations {
    ($($op:ident),* $(,)?) => {
        /// Every operation of the contract, as a server receives it.
        #[derive(Clone, Debug, PartialEq)]
        #[allow(clippy::large_enum_variant)]
        pub enum Request {
            $(
                #[doc = concat!("[`", stringify!($op), "`]")]
                $op($op),
            )*
        }

        /// Every endpoint of the contract.
        pub const ENDPOINTS: &[Endpoint] = &[$(<$op as Operation>::ENDPOINT),*];

        impl Request {
            /// The endpoint a method and path (without query) name, and its
            /// path values.
            pub fn route(method: &str, path: &str) -> Result<(Endpoint, Vec<String>), RouteMiss> {
                let mut path_known = false;
                for endpoint in ENDPOINTS {
                    if let Some(values) = matches(endpoint.path, path) {
                        if endpoint.method.as_str() == method {
                            return Ok((*endpoint, values));
                        }
                        path_known = true;
                    }
                }
                Err(if path_known { RouteMiss::MethodNotAllowed } else { RouteMiss::NotFound })
            }

            /// Reads a request matched to `endpoint` into its operation.
            pub fn read(endpoint: &Endpoint, incoming: &Incoming<'_>) -> Result<Request, ApiResponse> {
                $(
                    if endpoint.method == <$op as Operation>::ENDPOINT.method
                        && endpoint.path == <$op as Operation>::ENDPOINT.path
                    {
                        return <$op as Operation>::from_request(incoming).map(Request::$op);
                    }
                )*
                Err(refuse(ErrorCode::NotFound, "No such endpoint"))
            }

            /// The operation's endpoint.
            pub fn endpoint(&self) -> Endpoint {
                match self {
                    $(Request::$op(_) => <$op as Operation>::ENDPOINT,)*
                }
            }
        }

        /// Each endpoint with its request and response schemas (natively:
        /// what the OpenAPI document is generated from).
        #[cfg(not(target_arch = "wasm32"))]
        pub fn described(generator: &mut schemars::SchemaGenerator) -> Vec<(Endpoint, Option<schemars::Schema>, Option<schemars::Schema>)> {
            vec![$(
                (
                    <$op as Operation>::ENDPOINT,
                    (std::any::type_name::<<$op as Operation>::Body>() != std::any::type_name::<NoBody>())
                        .then(|| generator.subschema_for::<<$op as Operation>::Body>()),
                    (std::any::type_name::<<$op as Operation>::Response>() != std::any::type_name::<NoContent>())
                        .then(|| generator.subschema_for::<<$op as Operation>::Response>()),
                )
            ),*]
        }
    };
}

operations!(
    ListDemoIdentities,
    DemoSignIn,
    CreateDemoTenant,
    ResetDemo,
    GetMe,
    GetPartnerProfile,
    GetRelationshipRequest,
    ListIndirectPartners,
    ListAgreementMetadata,
    ListOffers,
    CreateInvitation,
    ListInvitations,
    GetInvitation,
    RevokeInvitation,
    SaveDraft,
    ListCustomers,
    GetCustomer,
    RemoveRelationship,
    ListCustomerAgreements,
    AttestAgreement,
    ListSubscriptions,
    CreateSubscription,
    UpdateSubscription,
    SetSupportContact,
    ListCustomerUsers,
    ListSubscribedSkus,
    UpdateLicenses,
    ViewInvitation,
    AcceptInvitation,
    ListPartners,
    RemoveAdminPermissions,
    AdvanceDemoClock,
    ListSecurityGroups,
    CreateAdminRelationship,
    ListAdminRelationships,
    GetAdminRelationship,
    UpdateAdminRelationship,
    CreateRelationshipRequest,
    ListAccessAssignments,
    CreateAccessAssignment,
    ListTenantAdminRelationships,
    GetTenantAdminRelationship,
    ApproveAdminRelationship,
    TerminateTenantAdminRelationship,
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::{CustomerSort, RelationshipFilter, SortOrder};
    use crate::wire;

    #[test]
    fn every_endpoint_is_unique_and_reads_its_own_path() {
        let mut seen = std::collections::HashSet::new();
        for e in ENDPOINTS {
            assert!(
                seen.insert((e.method.as_str(), e.path)),
                "{} {}",
                e.method.as_str(),
                e.path
            );
            let concrete = e
                .path
                .replace("{invitationId}", "0b7c7a5e-4a4e-4d7a-9f00-6f7b7b1c2d3e");
            let (found, _) =
                Request::route(e.method.as_str(), &concrete).expect("routes to itself");
            assert_eq!(found.path, e.path);
        }
        assert_eq!(ENDPOINTS.len(), 44);
    }

    #[test]
    fn an_operation_round_trips_through_its_path_and_body() {
        let op = ListCustomers {
            q: "Açaí & Cia".into(),
            sort: CustomerSort::Since,
            order: SortOrder::Desc,
            filter: RelationshipFilter::AdminRemoved,
            offset: 200,
            ..ListCustomers::default()
        };
        let req = ApiRequest::new("GET", op.path());
        let (endpoint, path) = Request::route("GET", req.route_path()).unwrap();
        let read = Request::read(
            &endpoint,
            &Incoming {
                request: &req,
                path,
            },
        )
        .unwrap();
        assert_eq!(read, Request::ListCustomers(op));

        let op = UpdateSubscription {
            customer: "0de00000-0000-4013-8000-000000000013".parse().unwrap(),
            subscription: uuid::Uuid::nil(),
            body: wire::SubscriptionPatch {
                status: Some(wire::SubscriptionStatus::Suspended),
                quantity: None,
            },
        };
        let req = ApiRequest::new("PATCH", op.path()).json(&op.body);
        let (endpoint, path) = Request::route("PATCH", req.route_path()).unwrap();
        let read = Request::read(
            &endpoint,
            &Incoming {
                request: &req,
                path,
            },
        )
        .unwrap();
        assert_eq!(read, Request::UpdateSubscription(op));
    }

    #[test]
    fn bad_values_are_refused_naming_the_parameter() {
        let read = |path: &str| {
            let req = ApiRequest::new("GET", path);
            let (endpoint, values) = Request::route("GET", req.route_path()).unwrap();
            Request::read(
                &endpoint,
                &Incoming {
                    request: &req,
                    path: values,
                },
            )
        };
        for (path, field) in [
            ("/v1/customers?size=0", "size"),
            ("/v1/customers?offset=18446744073709551616", "offset"),
            ("/v1/customers?sort=%00", "sort"),
            ("/v1/customers?order=up", "order"),
            ("/v1/customers?filter=x", "filter"),
            ("/v1/customers/relationshiprequests?dap=maybe", "dap"),
        ] {
            let e = read(path).unwrap_err();
            assert_eq!(e.status, 400, "{path}");
            assert!(e.body.contains(field), "{path}: {}", e.body);
        }
        assert_eq!(read("/v1/customers/not-a-guid").unwrap_err().status, 404);
    }
}
