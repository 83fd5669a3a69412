//! Who is signed in, the partner's profile, Partner Center's request link,
//! indirect resellers, the agreement's metadata and the catalogue.

use super::{q, Caller, Endpoint, Incoming, Method, NoBody, Operation};
use crate::error::{invalid, ErrorCode};
use crate::query::{IndirectRelationshipType, QueryValue};
use crate::wire;
use crate::ApiResponse;

op!(
    /// The signed-in user and its organization.
    GetMe {},
    Get "/v1/me", SignedIn, 200,
    "The signed-in user and its organization", [] => wire::Me
);

op!(
    /// The Microsoft Customer Agreement's current version.
    ListAgreementMetadata {},
    Get "/v1/agreements", SignedIn, 200,
    "The Microsoft Customer Agreement's current version (template id, link)", [] => wire::Collection<wire::AgreementMetadata>
);

op!(
    /// The partner's profile.
    GetPartnerProfile {},
    Get "/v1/profiles/partner", Partner, 200,
    "The signed-in partner's profile (MPN id, indirect provider)", [] => wire::PartnerProfile
);

op!(
    /// The catalogue.
    ListOffers {},
    Get "/v1/offers", Partner, 200,
    "The offers the partner may provision", [] => wire::Collection<wire::Offer>
);

/// Partner Center's reseller relationship request link (its own shape,
/// without this product's `invitationId`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GetRelationshipRequest {
    /// Whether delegated admin privileges are asked for.
    pub dap: bool,
}

impl Operation for GetRelationshipRequest {
    const ENDPOINT: Endpoint = Endpoint {
        method: Method::Get,
        path: "/v1/customers/relationshiprequests",
        caller: Caller::Partner,
        success: 200,
        summary: "Partner Center's reseller relationship request link for the signed-in partner",
        errors: &[ErrorCode::Validation],
        query: &[q(
            "dap",
            "Ask for delegated admin privileges: true or false (default false; always true in US Government and Germany)",
            &["true", "false"],
            false,
            false,
        )],
    };
    type Body = NoBody;
    type Response = wire::RelationshipRequest;
    fn path(&self) -> String {
        format!("{}?dap={}", Self::ENDPOINT.path, self.dap)
    }
    fn from_request(r: &Incoming<'_>) -> Result<Self, ApiResponse> {
        let dap = match r.query("dap").as_deref() {
            None | Some("false") => false,
            Some("true") => true,
            Some(_) => return Err(invalid("dap", "dap must be true or false")),
        };
        Ok(Self { dap })
    }
}

/// The two-tier partners of the signed-in partner: an indirect provider's
/// indirect resellers, or an indirect reseller's indirect providers.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ListIndirectPartners {
    /// Which side to list.
    pub relationship_type: IndirectRelationshipType,
}

impl Operation for ListIndirectPartners {
    const ENDPOINT: Endpoint = Endpoint {
        method: Method::Get,
        path: "/v1/relationships",
        caller: Caller::Partner,
        success: 200,
        summary: "The signed-in partner's two-tier partners: its indirect resellers (IsIndirectCloudSolutionProviderOf) or its indirect providers (IsIndirectResellerOf)",
        errors: &[ErrorCode::Validation],
        query: &[q(
            "relationship_type",
            "Partner Center's filter: IsIndirectCloudSolutionProviderOf (the default) lists an indirect provider's resellers, IsIndirectResellerOf an indirect reseller's providers",
            &["IsIndirectCloudSolutionProviderOf", "IsIndirectResellerOf"],
            false,
            false,
        )],
    };
    type Body = NoBody;
    type Response = wire::Collection<wire::IndirectPartner>;
    fn path(&self) -> String {
        format!(
            "{}?relationship_type={}",
            Self::ENDPOINT.path,
            self.relationship_type.as_str()
        )
    }
    fn from_request(r: &Incoming<'_>) -> Result<Self, ApiResponse> {
        Ok(Self {
            relationship_type: r.query_enum("relationship_type")?,
        })
    }
}
