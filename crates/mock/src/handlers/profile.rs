//! Who is signed in, the partner's profile, Partner Center's request link,
//! indirect resellers, the agreement's metadata and the catalogue.

use crate::backend::{ok, Answer, MockBackend};
use crate::present::mca_metadata;
use crate::state::{User, OFFERS};
use reseller_contract::query::IndirectRelationshipType;
use reseller_contract::wire::{self, Attributes, Collection};
use reseller_domain::cloud::Cloud;
use reseller_domain::link::{InvitationLink, InvitationType};

impl MockBackend {
    pub(crate) fn get_me(&self, me: &User) -> Answer {
        ok(200, &self.me(me))
    }

    pub(crate) fn get_partner_profile(&self, me: &User) -> Answer {
        ok(200, &self.partner_profile(me))
    }

    pub(crate) fn relationship_request(&self, me: &User, dap: bool) -> Answer {
        let cloud = self.tenant(me.tenant).map_or(Cloud::Public, |t| t.cloud);
        let link = InvitationLink {
            inv_type: InvitationType::ResellerRelationship,
            partner_id: me.tenant,
            mspp_id: 0,
            dap: dap || cloud.requires_delegated_admin(),
            indirect_csp_id: None,
            invitation_id: None,
        };
        ok(
            200,
            &wire::RelationshipRequest {
                url: link.partner_center_url(cloud),
                attributes: Attributes::of("RelationshipRequest"),
            },
        )
    }

    /// Partner Center's "Retrieve a list of indirect resellers" (either side).
    pub(crate) fn indirect_partners(&self, me: &User, side: IndirectRelationshipType) -> Answer {
        let (partners, kind) = match side {
            IndirectRelationshipType::IsIndirectCloudSolutionProviderOf => (
                self.resellers_of(me.tenant),
                "is_indirect_cloud_solution_provider_of",
            ),
            IndirectRelationshipType::IsIndirectResellerOf => {
                (self.providers_of(me.tenant), "is_indirect_reseller_of")
            }
        };
        ok(
            200,
            &Collection::of(
                partners
                    .into_iter()
                    .map(|r| wire::IndirectPartner {
                        id: r.tenant.to_string(),
                        name: r.name,
                        mpn_id: r.mpn_id,
                        location: r.country,
                        relationship_type: kind.into(),
                        state: "Active".into(),
                        attributes: Attributes::of("PartnerRelationship"),
                    })
                    .collect(),
            ),
        )
    }

    pub(crate) fn agreement_metadata(&self) -> Answer {
        ok(200, &Collection::of(vec![mca_metadata()]))
    }

    pub(crate) fn offers(&self) -> Answer {
        ok(
            200,
            &Collection::of(
                OFFERS
                    .iter()
                    .map(|o| wire::Offer {
                        id: o.id.into(),
                        name: o.name.into(),
                        sku_id: o.sku.into(),
                        admin_portal: o.portal.into(),
                        azure: o.azure,
                    })
                    .collect(),
            ),
        )
    }
}
