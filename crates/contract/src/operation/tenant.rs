//! The customer's side: the invitation's public view, acceptance, its partners,
//! removing admin permissions.

use super::{q, Caller, Endpoint, Incoming, Method, NoBody, Operation};
use crate::error::{invalid, ErrorCode};
use crate::wire;
use crate::{encode_query, ApiResponse};
use reseller_domain::ids::TenantId;

op!(
    /// The customer accepts the invitation (and the agreement if needed).
    AcceptInvitation { ; body: wire::AcceptRequest }, Post "/v1/tenant/invitations/accept", Customer, 200,
    "The customer accepts the invitation, and the Microsoft Customer Agreement when its organization has not yet; a two-tier invitation creates the indirect reseller's and the indirect provider's relationships at once",
    [MalformedLink, InvitationNotFound, ProviderNotLinked, LinkAltered, Revoked, Expired, AcceptedByAnother, OwnTenant, CloudMismatch,
     RegionMismatch, InsufficientRole, McaFieldsMissing, Validation, NotFound] => wire::AcceptResponse
);

op!(
    /// The customer's partners.
    ListPartners {},
    Get "/v1/tenant/relationships", Customer, 200,
    "The signed-in customer's partners and their admin privileges", [] => wire::Collection<wire::PartnerRelationship>
);

op!(
    /// The customer removes a partner's admin permissions.
    RemoveAdminPermissions { partner: TenantId = "partner" },
    Post "/v1/tenant/relationships/{partnerId}/remove-admin", Customer, 200,
    "Removes the partner's delegated admin privileges; it stays the reseller", [NotFound, InsufficientRole] => wire::PartnerRelationship
);

/// The invitation's public view, read with the link alone (with the
/// customer's token, also whether its organization accepted it).
#[derive(Clone, Debug, PartialEq)]
pub struct ViewInvitation {
    /// The link as opened (or its query).
    pub link: String,
}

impl Operation for ViewInvitation {
    const ENDPOINT: Endpoint = Endpoint {
        method: Method::Get,
        path: "/v1/tenant/invitations/view",
        caller: Caller::Anyone,
        success: 200,
        summary: "The invitation's public view: partner, what is asked, and whether it is pending, accepted, revoked or expired",
        errors: &[
            ErrorCode::Validation,
            ErrorCode::MalformedLink,
            ErrorCode::InvitationNotFound,
            ErrorCode::ProviderNotLinked,
            ErrorCode::LinkAltered,
            ErrorCode::Revoked,
            ErrorCode::Expired,
        ],
        query: &[q("link", "The invitation link as opened", &[], false, true)],
    };
    type Body = NoBody;
    type Response = wire::InvitationView;
    fn path(&self) -> String {
        format!("{}?link={}", Self::ENDPOINT.path, encode_query(&self.link))
    }
    fn from_request(r: &Incoming<'_>) -> Result<Self, ApiResponse> {
        let link = r
            .query("link")
            .ok_or_else(|| invalid("link", "link is required"))?;
        Ok(Self { link })
    }
}
