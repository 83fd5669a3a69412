//! The partner's customers: the list, one customer, its agreements, the relationship.

use super::{q, Caller, Endpoint, Incoming, Method, NoBody, NoContent, Operation};
use crate::error::{invalid, ErrorCode};
use crate::query::{CustomerSort, QueryValue, RelationshipFilter, SortOrder};
use crate::wire;
use crate::{encode_query, ApiResponse};
use reseller_domain::ids::TenantId;

op!(
    /// One customer with its billing profile.
    GetCustomer { customer: TenantId = "customer" },
    Get "/v1/customers/{customerId}", Partner, 200,
    "One customer of the partner's, with its billing profile", [NotFound, NoRelationship] => wire::Customer
);

op!(
    /// Removes the reseller relationship.
    RemoveRelationship { customer: TenantId = "customer" },
    Delete "/v1/customers/{customerId}/relationship", Partner, 204,
    "Removes the reseller relationship (refused while a subscription is active)", [NotFound, NoRelationship, InsufficientRole, ActiveSubscriptions] => NoContent
);

op!(
    /// The customer's agreements.
    ListCustomerAgreements { customer: TenantId = "customer" },
    Get "/v1/customers/{customerId}/agreements", Partner, 200,
    "The customer's Microsoft Customer Agreement acceptances", [NotFound, NoRelationship] => wire::Collection<wire::Agreement>
);

op!(
    /// The partner attests the customer's acceptance of the agreement.
    AttestAgreement { customer: TenantId = "customer"; body: wire::Agreement },
    Post "/v1/customers/{customerId}/agreements", Partner, 201,
    "The partner records the customer's acceptance of the Microsoft Customer Agreement", [NotFound, NoRelationship, InsufficientRole, McaFieldsMissing, Validation] => wire::Agreement
);

/// The partner's customers: a page of the list, searched, sorted, filtered.
#[derive(Clone, Debug, PartialEq)]
pub struct ListCustomers {
    /// How many (1 to 500, default 100).
    pub size: u32,
    /// How many to skip (0 to 1,000,000,000).
    pub offset: u64,
    /// Text searched in names and domains.
    pub q: String,
    /// Sort key.
    pub sort: CustomerSort,
    /// Sort direction.
    pub order: SortOrder,
    /// Which relationships.
    pub filter: RelationshipFilter,
}

impl Default for ListCustomers {
    fn default() -> Self {
        Self {
            size: 100,
            offset: 0,
            q: String::new(),
            sort: CustomerSort::Name,
            order: SortOrder::Asc,
            filter: RelationshipFilter::All,
        }
    }
}

/// The largest `offset` a list accepts.
pub const MAX_OFFSET: u64 = 1_000_000_000;
/// The largest page of a list.
pub const MAX_PAGE: u64 = 500;

const SORTS: &[&str] = &["name", "domain", "country", "relationship", "mca", "since"];
const ORDERS: &[&str] = &["asc", "desc"];
const FILTERS: &[&str] = &["all", "reseller", "delegated", "adminRemoved"];

impl Operation for ListCustomers {
    const ENDPOINT: Endpoint = Endpoint {
        method: Method::Get,
        path: "/v1/customers",
        caller: Caller::Partner,
        success: 200,
        summary: "A page of the partner's customers, searched, sorted and filtered",
        errors: &[ErrorCode::Validation],
        query: &[
            q(
                "size",
                "How many customers (1 to 500, default 100)",
                &[],
                true,
                false,
            ),
            q(
                "offset",
                "How many to skip (0 to 1,000,000,000, default 0)",
                &[],
                true,
                false,
            ),
            q(
                "q",
                "Text searched in names and domains (case-insensitive)",
                &[],
                false,
                false,
            ),
            q("sort", "Sort key (default name)", SORTS, false, false),
            q(
                "order",
                "Sort direction (default asc)",
                ORDERS,
                false,
                false,
            ),
            q(
                "filter",
                "Which relationships (default all)",
                FILTERS,
                false,
                false,
            ),
        ],
    };
    type Body = NoBody;
    type Response = wire::Collection<wire::Customer>;
    fn path(&self) -> String {
        format!(
            "{}?size={}&offset={}&q={}&sort={}&order={}&filter={}",
            Self::ENDPOINT.path,
            self.size,
            self.offset,
            encode_query(&self.q),
            self.sort.as_str(),
            self.order.as_str(),
            self.filter.as_str()
        )
    }
    fn from_request(r: &Incoming<'_>) -> Result<Self, ApiResponse> {
        let q = r.query("q").unwrap_or_default();
        reseller_domain::validate::optional_text(&q, reseller_domain::validate::MAX_TEXT)
            .map_err(|_| invalid("q", "q is longer than 200 characters"))?;
        Ok(Self {
            size: r.query_number("size", 1..=MAX_PAGE, 100)? as u32,
            offset: r.query_number("offset", 0..=MAX_OFFSET, 0)?,
            q,
            sort: r.query_enum("sort")?,
            order: r.query_enum("order")?,
            filter: r.query_enum("filter")?,
        })
    }
}
