//! How the state is shown on the wire: the Partner Center-shaped values
//! each handler answers with.

use crate::backend::MockBackend;
use crate::scale;
use crate::state::{
    IndirectResellerFacts, Invitation, McaRecord, Relationship, Subscription, Tenant, User,
    MCA_TEMPLATE_ID, OFFERS,
};
use reseller_contract::wire::{self, Attributes, Link, Links};
use reseller_domain::cloud::Cloud;
use reseller_domain::relationship::{CustomerRole, DelegatedAdmin, INVITATION_LIFETIME};
use reseller_domain::time::{self, Millis};

impl MockBackend {
    pub(crate) fn me(&self, user: &User) -> wire::Me {
        let tenant = self.tenant(user.tenant);
        wire::Me {
            user: demo_user(user),
            tenant_id: user.tenant.to_string(),
            company_name: tenant.as_ref().map(|t| t.name.clone()).unwrap_or_default(),
            domain: tenant
                .as_ref()
                .map(|t| t.domain.clone())
                .unwrap_or_default(),
            country: tenant
                .as_ref()
                .map(|t| t.country.clone())
                .unwrap_or_default(),
            cloud: tenant.as_ref().map_or(Cloud::Public, |t| t.cloud),
            kind: if user.partner_role.is_some() {
                "partner".into()
            } else {
                "customer".into()
            },
            mca_accepted: tenant.is_some_and(|t| t.mca.is_some()),
        }
    }

    pub(crate) fn session(&self, user: &User) -> wire::Session {
        wire::Session {
            access_token: format!("demo.{}", user.id),
            me: self.me(user),
        }
    }

    pub(crate) fn partner_profile(&self, user: &User) -> wire::PartnerProfile {
        let t = self.tenant(user.tenant).unwrap_or_else(|| scale::tenant(0));
        let facts = t.partner.clone();
        wire::PartnerProfile {
            tenant_id: t.id.to_string(),
            company_name: t.name,
            country: t.country,
            cloud: t.cloud,
            mpn_id: facts.as_ref().map(|f| f.mpn_id.clone()).unwrap_or_default(),
            indirect_provider: facts.is_some_and(|f| f.indirect_provider),
            indirect_reseller: !self.providers_of(t.id).is_empty(),
            attributes: Attributes::of("PartnerProfile"),
        }
    }

    pub(crate) fn customer_wire(
        &self,
        t: &Tenant,
        rel: &Relationship,
        detail: bool,
    ) -> wire::Customer {
        let id = t.id.to_string();
        wire::Customer {
            id: id.clone(),
            commerce_id: None,
            company_profile: wire::CompanyProfile {
                tenant_id: id.clone(),
                domain: t.domain.clone(),
                company_name: t.name.clone(),
                address: Some(wire::Address {
                    country: t.country.clone(),
                    city: Some(t.city.clone()),
                    ..Default::default()
                }),
                email: None,
                links: Links::default(),
                attributes: Attributes::of("CustomerCompanyProfile"),
            },
            billing_profile: detail.then(|| {
                let admin = self
                    .users_of(t.id)
                    .into_iter()
                    .find(|u| u.customer_role == Some(CustomerRole::GlobalAdmin));
                let (first, last) = admin.as_ref().map_or((String::new(), String::new()), |a| {
                    let (f, l) = a.name.split_once(' ').unwrap_or((&a.name, ""));
                    (f.to_string(), l.to_string())
                });
                wire::BillingProfile {
                    id: id.clone(),
                    first_name: first,
                    last_name: last,
                    email: admin.map(|a| a.email).unwrap_or_default(),
                    culture: if t.country == "BR" || t.country == "PT" {
                        "pt-BR".into()
                    } else {
                        "en-US".into()
                    },
                    language: if t.country == "BR" || t.country == "PT" {
                        "pt".into()
                    } else {
                        "en".into()
                    },
                    company_name: t.name.clone(),
                    default_address: wire::Address {
                        country: t.country.clone(),
                        city: Some(t.city.clone()),
                        ..Default::default()
                    },
                    links: Links::default(),
                    attributes: Attributes::of("CustomerBillingProfile"),
                }
            }),
            relationship_to_partner: "reseller".into(),
            allow_delegated_access: Some(rel.dap == DelegatedAdmin::Active),
            custom_domains: detail.then(|| vec![t.domain.clone()]),
            delegated_admin: Some(rel.dap),
            mca_accepted: Some(t.mca.is_some()),
            relationship_since: Some(time::to_rfc3339(rel.since)),
            indirect_reseller_name: rel
                .indirect_reseller
                .and_then(|r| self.tenant(r))
                .map(|r| r.name),
            indirect_provider_name: self
                .state
                .relationships
                .iter()
                .find(|p| p.customer == t.id && p.indirect_reseller == Some(rel.partner))
                .and_then(|p| self.tenant(p.partner))
                .map(|p| p.name),
            links: Links {
                self_link: Some(Link {
                    uri: format!("/v1/customers/{id}"),
                    method: "GET".into(),
                    headers: Vec::new(),
                }),
                next: None,
            },
            attributes: Attributes::of("Customer"),
        }
    }

    pub(crate) fn invitation_wire(&self, i: &Invitation, now: Millis) -> wire::Invitation {
        let status = i.status(now);
        wire::Invitation {
            id: i.id.to_string(),
            created_at: time::to_rfc3339(i.created_at),
            created_by: i.created_by.clone(),
            email_language: i.lang,
            dap: i.dap,
            customer_name: i.customer_name.clone(),
            customer_email: i.customer_email.clone(),
            indirect_reseller_name: i
                .indirect_reseller
                .and_then(|r| self.tenant(r))
                .map(|r| r.name),
            indirect_provider_name: i
                .indirect_provider
                .and_then(|p| self.tenant(p))
                .map(|p| p.name),
            link: i.link.clone(),
            status,
            accepted_by: i.accepted.map(|(t, at)| wire::AcceptedBy {
                tenant_id: t.to_string(),
                company_name: self.tenant(t).map(|t| t.name).unwrap_or_default(),
                at: time::to_rfc3339(at),
            }),
            revoked_at: i.revoked_at.map(time::to_rfc3339),
            expires_at: time::to_rfc3339(i.created_at + INVITATION_LIFETIME),
            draft: wire::EmailDraft {
                to: i.draft.0.clone(),
                subject: i.draft.1.clone(),
                body: i.draft.2.clone(),
                completed_at: i.draft_done_at.map(time::to_rfc3339),
            },
            admin_relationship: i.admin_relationship.as_ref().and_then(|id| {
                let r = self
                    .state
                    .admin_relationships
                    .iter()
                    .find(|r| r.id == *id)?;
                let mut out = self.admin_wire(r, now, false);
                // The email's link stays readable after approval.
                out.approval_link = self.admin_link_of(i);
                Some(out)
            }),
            attributes: Attributes::of("Invitation"),
        }
    }

    pub(crate) fn partner_relationship_wire(
        &self,
        r: &Relationship,
    ) -> Option<wire::PartnerRelationship> {
        let p = self.tenant(r.partner)?;
        Some(wire::PartnerRelationship {
            partner_id: p.id.to_string(),
            partner_name: p.name,
            partner_country: p.country,
            delegated_admin: r.dap,
            since: time::to_rfc3339(r.since),
            indirect_reseller_name: r
                .indirect_reseller
                .and_then(|x| self.tenant(x))
                .map(|x| x.name),
            attributes: Attributes::of("PartnerRelationship"),
        })
    }
}

pub(crate) fn mca_metadata() -> wire::AgreementMetadata {
    wire::AgreementMetadata {
        template_id: MCA_TEMPLATE_ID.into(),
        agreement_type: "MicrosoftCustomerAgreement".into(),
        agreement_link: "https://aka.ms/customeragreement".into(),
        version_rank: 0,
    }
}

pub(crate) fn agreement_wire(r: &McaRecord) -> wire::Agreement {
    wire::Agreement {
        user_id: Some(r.user_id.to_string()),
        primary_contact: r.signer.clone(),
        template_id: MCA_TEMPLATE_ID.into(),
        date_agreed: time::to_rfc3339(r.date_agreed),
        agreement_type: "MicrosoftCustomerAgreement".into(),
    }
}

pub(crate) fn demo_user(u: &User) -> wire::DemoUser {
    wire::DemoUser {
        id: u.id.to_string(),
        display_name: u.name.clone(),
        email: u.email.clone(),
        partner_role: u.partner_role,
        customer_role: u.customer_role,
    }
}

pub(crate) fn offer_name(offer: &str) -> &str {
    OFFERS
        .iter()
        .find(|o| o.id == offer)
        .map_or(offer, |o| o.name)
}

pub(crate) fn offer_of_sku(sku: &str) -> &str {
    OFFERS.iter().find(|o| o.sku == sku).map_or("", |o| o.id)
}

pub(crate) fn subscription_wire(
    s: &Subscription,
    resellers: &[IndirectResellerFacts],
) -> wire::Subscription {
    wire::Subscription {
        id: s.id.to_string(),
        offer_id: s.offer_id.clone(),
        offer_name: offer_name(&s.offer_id).to_string(),
        quantity: s.quantity,
        status: if s.active {
            wire::SubscriptionStatus::Active
        } else {
            wire::SubscriptionStatus::Suspended
        },
        creation_date: time::to_rfc3339(s.created),
        support_contact: s
            .support
            .and_then(|t| resellers.iter().find(|r| r.tenant == t))
            .map(|r| wire::SupportContact {
                support_tenant_id: r.tenant.to_string(),
                support_mpn_id: r.mpn_id.clone(),
                name: r.name.clone(),
            }),
        attributes: Attributes::of("Subscription"),
    }
}

pub(crate) fn customer_user_wire(u: &User) -> wire::CustomerUser {
    wire::CustomerUser {
        id: u.id.to_string(),
        display_name: u.name.clone(),
        user_principal_name: u.email.clone(),
        licenses: u.licenses.clone(),
        attributes: Attributes::of("CustomerUser"),
    }
}
