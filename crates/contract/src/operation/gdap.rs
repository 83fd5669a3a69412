//! Granular delegated admin privileges (GDAP), shaped after Microsoft Graph:
//! the partner's relationships, their requests and access assignments, its
//! security groups; the customer's view, approval and termination.
//!
//! The partner's endpoints are Graph v1.0's own paths and shapes
//! (`/v1.0/tenantRelationships/delegatedAdminRelationships`, "Create
//! delegatedAdminRelationship",
//! <https://learn.microsoft.com/graph/api/tenantrelationship-post-delegatedadminrelationships>,
//! and its siblings); they answer errors in Graph's form. Graph has no
//! customer-side API (customers approve in the Microsoft 365 admin center):
//! the customer's endpoints are this contract's, under `/v1/tenant/`, and
//! answer Graph's relationship shape with the partner named.

use super::{q, Caller, Endpoint, Incoming, Method, NoBody, Operation};
use crate::error::{invalid, ErrorCode};
use crate::graph;
use crate::{encode_query, ApiResponse};
use reseller_domain::ids::{AdminRelationshipId, TenantId};

/// Where the Graph-shaped endpoints live: their errors are in Graph's form.
pub const GRAPH_PREFIX: &str = "/v1.0/";

op!(
    /// The partner's security groups (Graph's `GET /groups`, security groups only).
    ListSecurityGroups {},
    Get "/v1.0/groups", Partner, 200,
    "The partner tenant's security groups (to assign to a relationship's roles)", [] => graph::GraphCollection<graph::Group>
);

op!(
    /// Creates a relationship (status `created`).
    CreateAdminRelationship { ; body: graph::NewAdminRelationship },
    Post "/v1.0/tenantRelationships/delegatedAdminRelationships", Partner, 201,
    "Creates a granular delegated admin relationship (Admin agents only; not in the US Government and Germany clouds)", [Validation, InsufficientRole] => graph::DelegatedAdminRelationship
);

op!(
    /// One relationship of the partner's.
    GetAdminRelationship { relationship: AdminRelationshipId = "admin relationship" },
    Get "/v1.0/tenantRelationships/delegatedAdminRelationships/{delegatedAdminRelationshipId}", Partner, 200,
    "One of the partner's granular delegated admin relationships", [NotFound] => graph::DelegatedAdminRelationship
);

/// Changes a relationship: anything while `created`; auto-extension while
/// active; Global Administrator removed while active. Only the version the
/// caller read: "Update delegatedAdminRelationship"
/// (<https://learn.microsoft.com/graph/api/delegatedadminrelationship-update>)
/// requires `If-Match`, "Last known ETag value for the
/// delegatedAdminRelationship to be updated. Retrieve the ETag value from a
/// LIST or GET operation". Without it the request is refused naming
/// `If-Match` (400); with another version's, 412 ([`ErrorCode::Changed`]),
/// so a change made meanwhile, in another tab or by another agent, is never
/// overwritten unseen. `*` is not documented by Graph: this contract
/// refuses it like any other version's.
#[derive(Clone, Debug, PartialEq)]
pub struct UpdateAdminRelationship {
    /// The admin relationship.
    pub relationship: AdminRelationshipId,
    /// Its `@odata.etag` as the caller read it.
    pub if_match: String,
    /// The request body.
    pub body: graph::AdminRelationshipPatch,
}

impl Operation for UpdateAdminRelationship {
    const ENDPOINT: Endpoint = Endpoint {
        method: Method::Patch,
        path: "/v1.0/tenantRelationships/delegatedAdminRelationships/{delegatedAdminRelationshipId}",
        caller: Caller::Partner,
        success: 200,
        summary: "Changes a relationship: its name, duration and roles while created; auto-extension while created or active; removes Global Administrator while active. If-Match must carry its @odata.etag as last read",
        errors: &[
            ErrorCode::NotFound,
            ErrorCode::Validation,
            ErrorCode::InsufficientRole,
            ErrorCode::Changed,
        ],
        query: &[],
    };
    type Body = graph::AdminRelationshipPatch;
    type Response = graph::DelegatedAdminRelationship;
    fn path(&self) -> String {
        super::fill(
            Self::ENDPOINT.path,
            &[crate::encode_query(&self.relationship.to_string())],
        )
    }
    fn body(&self) -> Option<&Self::Body> {
        Some(&self.body)
    }
    fn if_match(&self) -> Option<&str> {
        Some(&self.if_match)
    }
    fn from_request(r: &Incoming<'_>) -> Result<Self, ApiResponse> {
        let relationship = r.id(0, "admin relationship")?;
        let if_match = r
            .header("if-match")
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .ok_or_else(|| {
                invalid(
                    "If-Match",
                    "If-Match must carry the relationship's @odata.etag, as a list or a read of it gives it",
                )
            })?
            .to_string();
        Ok(Self {
            relationship,
            if_match,
            body: r.body()?,
        })
    }
}

op!(
    /// Acts on a relationship: lock it for approval, or terminate it.
    CreateRelationshipRequest { relationship: AdminRelationshipId = "admin relationship"; body: graph::NewRelationshipRequest },
    Post "/v1.0/tenantRelationships/delegatedAdminRelationships/{delegatedAdminRelationshipId}/requests", Partner, 201,
    "Locks a created relationship for the customer's approval, or terminates a pending or active one", [NotFound, Validation, InsufficientRole] => graph::DelegatedAdminRelationshipRequest
);

op!(
    /// The relationship's access assignments.
    ListAccessAssignments { relationship: AdminRelationshipId = "admin relationship" },
    Get "/v1.0/tenantRelationships/delegatedAdminRelationships/{delegatedAdminRelationshipId}/accessAssignments", Partner, 200,
    "The security groups assigned to the relationship's roles", [NotFound] => graph::GraphCollection<graph::AccessAssignment>
);

op!(
    /// Assigns a security group to roles the relationship grants.
    CreateAccessAssignment { relationship: AdminRelationshipId = "admin relationship"; body: graph::NewAccessAssignment },
    Post "/v1.0/tenantRelationships/delegatedAdminRelationships/{delegatedAdminRelationshipId}/accessAssignments", Partner, 201,
    "Assigns one of the partner's security groups to roles of an active relationship (only roles it grants)", [NotFound, Validation, InsufficientRole] => graph::AccessAssignment
);

op!(
    /// The customer's relationships with partners (every status but `created`).
    ListTenantAdminRelationships {},
    Get "/v1/tenant/adminRelationships", Customer, 200,
    "The signed-in customer's granular admin relationships with its partners", [] => graph::GraphCollection<graph::DelegatedAdminRelationship>
);

op!(
    /// One relationship as its customer (or a customer holding its approval link) sees it.
    GetTenantAdminRelationship { relationship: AdminRelationshipId = "admin relationship" },
    Get "/v1/tenant/adminRelationships/{delegatedAdminRelationshipId}", Customer, 200,
    "One relationship as the customer sees it: the partner, the roles, the duration", [NotFound] => graph::DelegatedAdminRelationship
);

op!(
    /// The customer approves every role of a pending relationship.
    ApproveAdminRelationship { relationship: AdminRelationshipId = "admin relationship" },
    Post "/v1/tenant/adminRelationships/{delegatedAdminRelationshipId}/approve", Customer, 200,
    "Approves all the roles of a pending relationship (Global administrators only; expired after 90 days)", [NotFound, InsufficientRole, Expired, Validation] => graph::DelegatedAdminRelationship
);

op!(
    /// The customer terminates an active relationship.
    TerminateTenantAdminRelationship { relationship: AdminRelationshipId = "admin relationship" },
    Post "/v1/tenant/adminRelationships/{delegatedAdminRelationshipId}/terminate", Customer, 200,
    "Terminates a relationship with a partner (Global administrators only)", [NotFound, InsufficientRole, Validation] => graph::DelegatedAdminRelationship
);

/// Graph's largest page of relationships: "$top supports up to 300
/// objects" ("List delegatedAdminRelationships",
/// <https://learn.microsoft.com/graph/api/tenantrelationship-list-delegatedadminrelationships>);
/// this contract's default page too.
pub const ADMIN_RELATIONSHIPS_PAGE: u32 = 300;

/// One page of the partner's relationships, all or one customer's
/// (`$filter=customer/tenantId eq '{id}'`, Graph's filter on the
/// customer), newest first; `@odata.nextLink` leads to the next page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ListAdminRelationships {
    /// Only this customer's.
    pub customer: Option<TenantId>,
    /// The page's size (`$top`, 1 to [`ADMIN_RELATIONSHIPS_PAGE`]; that when absent).
    pub top: Option<u32>,
    /// Where the page starts (`$skiptoken`, as the previous page's
    /// `@odata.nextLink` gives it; [`graph::GraphCollection::skip_token`]).
    pub skip_token: Option<String>,
}

impl Operation for ListAdminRelationships {
    const ENDPOINT: Endpoint = Endpoint {
        method: Method::Get,
        path: "/v1.0/tenantRelationships/delegatedAdminRelationships",
        caller: Caller::Partner,
        success: 200,
        summary: "The partner's granular delegated admin relationships, newest first, in pages of at most 300 (@odata.nextLink to the next)",
        errors: &[ErrorCode::Validation],
        query: &[
            q(
                "$filter",
                "Only one customer's: customer/tenantId eq '{tenant id}'",
                &[],
                false,
                false,
            ),
            q("$top", "Page size, 1 to 300 (default 300)", &[], true, false),
            q(
                "$skiptoken",
                "Where the page starts, as the previous page's @odata.nextLink gives it",
                &[],
                false,
                false,
            ),
        ],
    };
    type Body = NoBody;
    type Response = graph::GraphCollection<graph::DelegatedAdminRelationship>;
    fn path(&self) -> String {
        let mut query = Vec::new();
        if let Some(c) = self.customer {
            query.push(format!(
                "$filter={}",
                encode_query(&format!("customer/tenantId eq '{c}'"))
            ));
        }
        if let Some(top) = self.top {
            query.push(format!("$top={top}"));
        }
        if let Some(token) = &self.skip_token {
            query.push(format!("$skiptoken={}", encode_query(token)));
        }
        if query.is_empty() {
            Self::ENDPOINT.path.to_string()
        } else {
            format!("{}?{}", Self::ENDPOINT.path, query.join("&"))
        }
    }
    fn from_request(r: &Incoming<'_>) -> Result<Self, ApiResponse> {
        let customer = match r.query("$filter") {
            None => None,
            Some(filter) => Some(
                filter
                    .trim()
                    .strip_prefix("customer/tenantId eq '")
                    .and_then(|rest| rest.strip_suffix('\''))
                    .and_then(|id| id.parse().ok())
                    .ok_or_else(|| {
                        invalid(
                            "$filter",
                            "$filter must be customer/tenantId eq '<tenant id>'",
                        )
                    })?,
            ),
        };
        let top = match r.query("$top") {
            None => None,
            Some(v) => Some(
                v.parse::<u32>()
                    .ok()
                    .filter(|n| (1..=ADMIN_RELATIONSHIPS_PAGE).contains(n))
                    .ok_or_else(|| invalid("$top", "$top must be a whole number from 1 to 300"))?,
            ),
        };
        Ok(Self {
            customer,
            top,
            skip_token: r.query("$skiptoken"),
        })
    }
}
