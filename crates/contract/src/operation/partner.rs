//! Who is signed in, the partner's profile, Partner Center's request link,
//! indirect resellers, the agreement's metadata and the catalogue.

use super::{q, Caller, Endpoint, Incoming, Method, NoBody, Operation};
use crate::error::{invalid, ErrorCode};
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

/// The indirect resellers linked to an indirect provider.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ListIndirectResellers;

impl Operation for ListIndirectResellers {
    const ENDPOINT: Endpoint = Endpoint {
        method: Method::Get,
        path: "/v1/relationships",
        caller: Caller::Partner,
        success: 200,
        summary: "The indirect resellers of the signed-in indirect provider",
        errors: &[],
        query: &[q(
            "relationship_type",
            "Partner Center's filter; this contract answers IsIndirectCloudSolutionProviderOf",
            &["IsIndirectCloudSolutionProviderOf"],
            false,
            false,
        )],
    };
    type Body = NoBody;
    type Response = wire::Collection<wire::IndirectReseller>;
    fn path(&self) -> String {
        format!(
            "{}?relationship_type=IsIndirectCloudSolutionProviderOf",
            Self::ENDPOINT.path
        )
    }
    fn from_request(_: &Incoming<'_>) -> Result<Self, ApiResponse> {
        Ok(Self)
    }
}
