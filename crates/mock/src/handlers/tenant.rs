//! The customer's side: the invitation's public view, acceptance (with the
//! Microsoft Customer Agreement), its partners, removing admin permissions.

use crate::backend::{fail, invalid_msg, ok, Answer, MockBackend};
use crate::state::{Invitation, McaRecord, Relationship, Tenant, User, MCA_TEMPLATE_ID};
use reseller_contract::error::{response as error_response, ErrorCode};
use reseller_contract::wire::{self, Collection};
use reseller_contract::ApiResponse;
use reseller_domain::country;
use reseller_domain::ids::{TenantId, UserId};
use reseller_domain::link::InvitationLink;
use reseller_domain::relationship::{
    self as rules, AcceptContext, AcceptOutcome, CustomerRole, InvitationStatus, Refusal,
    INVITATION_LIFETIME,
};
use reseller_domain::time::{self, Millis, DAY};

/// What a link names, resolved: the inviting partner (for a two-tier link,
/// the indirect reseller), the indirect provider, and the invitation.
pub(crate) struct Resolved {
    /// The link's parameters.
    pub parsed: InvitationLink,
    /// The partner the customer deals with.
    pub partner: Tenant,
    /// Two-tier: the indirect provider it buys through.
    pub provider: Option<Tenant>,
    /// The invitation the link's `invitationId` names.
    pub invitation: Option<Invitation>,
}

impl MockBackend {
    /// Reads the link and finds its partners and invitation; refuses what the
    /// link alone can tell (malformed, unknown, unlinked provider, altered,
    /// revoked, expired).
    pub(crate) fn resolve_link(&self, link: &str, now: Millis) -> Result<Resolved, ApiResponse> {
        let parsed = InvitationLink::parse(link).map_err(|e| {
            error_response(
                ErrorCode::MalformedLink,
                &format!("The invitation link cannot be read: {e}"),
                Vec::new(),
            )
        })?;
        let named = |id: TenantId| {
            self.tenant(id)
                .filter(|t| t.partner.is_some())
                .ok_or_else(|| {
                    fail(
                        ErrorCode::InvitationNotFound,
                        "No partner has this partnerId",
                    )
                })
        };
        let first = named(parsed.partner_id)?;
        // A two-tier link names the reseller and its provider. This product
        // issues `partnerId` = reseller, `indirectCSPId` = provider; links it
        // issued before named the provider first. The backend knows which
        // tenant is which, so it reads either order.
        let (partner, provider) = match parsed.indirect_csp_id {
            None => (first, None),
            Some(other) => {
                let second = self.tenant(other).filter(|t| t.partner.is_some());
                match second {
                    Some(p) if self.linked(p.id, first.id) => (first, Some(p)),
                    Some(r) if self.linked(first.id, r.id) => (r, Some(first)),
                    _ => {
                        return Err(fail(
                            ErrorCode::ProviderNotLinked,
                            "The link names an indirect provider its indirect reseller is not linked to",
                        ))
                    }
                }
            }
        };
        // This backend's links always carry invitationId; without it a link is
        // damaged (and never a way around a revoked or expired invitation).
        let Some(id) = parsed.invitation_id else {
            return Err(error_response(
                ErrorCode::MalformedLink,
                "The invitation link cannot be read: the link has no invitationId",
                vec!["invitationId".into()],
            ));
        };
        let inv = self
            .state
            .invitations
            .iter()
            .find(|i| i.id == id)
            .cloned()
            .ok_or_else(|| {
                fail(
                    ErrorCode::InvitationNotFound,
                    "No invitation has this invitationId",
                )
            })?;
        // Any parameter changed since the partner created it (whatever the
        // order it was issued in).
        if InvitationLink::parse(&inv.link).ok().as_ref() != Some(&parsed) {
            return Err(fail(
                ErrorCode::LinkAltered,
                "The link's parameters differ from the invitation the partner created",
            ));
        }
        match inv.status(now) {
            InvitationStatus::Revoked => {
                return Err(fail(
                    ErrorCode::Revoked,
                    "The partner revoked this invitation",
                ))
            }
            InvitationStatus::Expired => {
                return Err(fail(
                    ErrorCode::Expired,
                    format!(
                        "This invitation expired on {}",
                        time::to_date(inv.created_at + INVITATION_LIFETIME)
                    ),
                ))
            }
            _ => {}
        }
        Ok(Resolved {
            parsed,
            partner,
            provider,
            invitation: Some(inv),
        })
    }

    pub(crate) fn view_invitation(&self, link: &str, caller: Option<&User>, now: Millis) -> Answer {
        let Resolved {
            parsed,
            partner,
            provider,
            invitation: inv,
        } = self.resolve_link(link, now)?;
        let accepted_by_you = match (&inv, caller) {
            (Some(i), Some(me)) if me.customer_role.is_some() => {
                i.accepted.map(|(tenant, _)| tenant == me.tenant)
            }
            _ => None,
        };
        ok(
            200,
            &wire::InvitationView {
                accepted_at: inv
                    .as_ref()
                    .and_then(|i| i.accepted)
                    .map(|(_, at)| time::to_rfc3339(at)),
                accepted_by_you,
                partner_id: partner.id.to_string(),
                partner_name: partner.name.clone(),
                partner_country: partner.country.clone(),
                partner_mpn_id: partner.partner.map(|p| p.mpn_id).unwrap_or_default(),
                cloud: partner.cloud,
                dap: parsed.dap,
                indirect_provider: provider.map(|p| wire::IndirectPartner {
                    id: p.id.to_string(),
                    name: p.name,
                    mpn_id: p.partner.map(|f| f.mpn_id).unwrap_or_default(),
                    location: p.country,
                    relationship_type: "is_indirect_reseller_of".into(),
                    state: "Active".into(),
                    attributes: wire::Attributes::of("PartnerRelationship"),
                }),
                status: inv.map(|i| i.status(now)),
            },
        )
    }

    pub(crate) fn accept(&mut self, me: &User, body: wire::AcceptRequest, now: Millis) -> Answer {
        let Resolved {
            parsed,
            partner,
            provider,
            invitation: inv,
        } = self.resolve_link(&body.link, now)?;
        let tenant = self
            .tenant(me.tenant)
            .ok_or_else(|| fail(ErrorCode::NotFound, "Your tenant was not found"))?;
        // Both partners of a two-tier link must be able to sell here.
        for p in std::iter::once(&partner).chain(provider.as_ref()) {
            self.check_acceptance_for(p, &tenant, me, &parsed, inv.as_ref(), now)?;
        }
        if tenant.mca.is_none() {
            let agreement = body.agreement.as_ref().ok_or_else(|| {
                error_response(
                    ErrorCode::McaFieldsMissing,
                    "Your organization must accept the Microsoft Customer Agreement",
                    vec!["firstName".into(), "lastName".into(), "email".into()],
                )
            })?;
            let record = check_agreement(agreement, me.id, now)?;
            if let Some(t) = self.state.tenants.get_mut(&tenant.id) {
                t.mca = Some(record);
            }
        }
        let earlier = inv
            .as_ref()
            .and_then(|i| i.accepted)
            .filter(|(by, _)| *by == tenant.id);
        let existing = self.relationship(partner.id, tenant.id);
        let (outcome, dap) = match (earlier, &existing) {
            // The same organization again (a second press, another tab).
            (Some(_), Some(r)) => (AcceptOutcome::AlreadyAccepted, r.dap),
            _ => rules::accept(existing.as_ref().map(|r| r.dap), parsed.dap),
        };
        self.materialize(tenant.id);
        self.keep_relationship(partner.id, tenant.id, now, |r| r.dap = dap, dap, None);
        // Two-tier: the provider's reseller relationship, once, without
        // admin privileges (the customer grants those to the reseller that
        // asked); an existing one is kept as it is and learns the reseller.
        if let Some(p) = &provider {
            let reseller = partner.id;
            self.keep_relationship(
                p.id,
                tenant.id,
                now,
                |r| {
                    r.indirect_reseller.get_or_insert(reseller);
                },
                rules::DelegatedAdmin::None,
                Some(reseller),
            );
        }
        let mut admin_approval_link = None;
        if let Some(inv) = inv {
            if let Some(stored) = self.state.invitations.iter_mut().find(|i| i.id == inv.id) {
                stored.accepted.get_or_insert((tenant.id, now));
            }
            // The admin roles asked with the invitation are this customer's
            // to approve from now on (the system sets the customer).
            if let Some(r) = inv.admin_relationship.as_ref().and_then(|id| {
                self.state
                    .admin_relationships
                    .iter_mut()
                    .find(|r| r.id == *id)
            }) {
                if r.customer.is_none() {
                    r.customer = Some(tenant.id);
                }
                if r.customer == Some(tenant.id)
                    && r.status_at(now)
                        == reseller_domain::gdap::AdminRelationshipStatus::ApprovalPending
                {
                    admin_approval_link = self.admin_link_of(&inv);
                }
            }
        }
        let wire_of = |this: &Self, partner: TenantId| {
            this.relationship(partner, tenant.id)
                .and_then(|r| this.partner_relationship_wire(&r))
                .ok_or_else(|| fail(ErrorCode::NotFound, "Relationship not found"))
        };
        let relationship = wire_of(self, partner.id)?;
        let provider_relationship = match &provider {
            Some(p) => Some(wire_of(self, p.id)?),
            None => None,
        };
        let accepted_at = earlier.map_or(now, |(_, at)| at);
        ok(
            200,
            &wire::AcceptResponse {
                outcome,
                accepted_at: Some(time::to_rfc3339(accepted_at)),
                relationship,
                provider_relationship,
                admin_approval_link,
            },
        )
    }

    /// Updates the relationship of `partner` with `customer`, or creates it.
    fn keep_relationship(
        &mut self,
        partner: TenantId,
        customer: TenantId,
        now: Millis,
        update: impl FnOnce(&mut Relationship),
        dap: rules::DelegatedAdmin,
        indirect_reseller: Option<TenantId>,
    ) {
        match self
            .state
            .relationships
            .iter_mut()
            .find(|r| r.partner == partner && r.customer == customer)
        {
            Some(r) => update(r),
            None => self.state.relationships.push(Relationship {
                partner,
                customer,
                dap,
                since: now,
                indirect_reseller,
            }),
        }
    }

    /// The acceptance rules for one partner of the link, worded as errors.
    fn check_acceptance_for(
        &self,
        partner: &Tenant,
        tenant: &Tenant,
        me: &User,
        parsed: &InvitationLink,
        inv: Option<&Invitation>,
        now: Millis,
    ) -> Result<(), ApiResponse> {
        let ctx = AcceptContext {
            partner_id: partner.id,
            partner_cloud: partner.cloud,
            partner_country: partner.country.clone(),
            tenant_id: tenant.id,
            tenant_cloud: tenant.cloud,
            tenant_country: tenant.country.clone(),
            role: me.customer_role.unwrap_or(CustomerRole::User),
            dap: parsed.dap,
            status: inv.map(|i| i.status(now)),
            accepted_by: inv.and_then(|i| i.accepted.map(|a| a.0)),
        };
        let country_name = |code: &str| {
            country::find(code).map_or_else(|| code.to_string(), |c| c.name.to_string())
        };
        rules::check_acceptance(&ctx).map_err(|refusal| match refusal {
            Refusal::Revoked => fail(ErrorCode::Revoked, "The partner revoked this invitation"),
            Refusal::Expired => fail(ErrorCode::Expired, "This invitation expired"),
            Refusal::AcceptedByAnother => fail(ErrorCode::AcceptedByAnother, "Another organization already accepted this invitation"),
            Refusal::OwnTenant => fail(ErrorCode::OwnTenant, "A partner cannot accept its own invitation"),
            Refusal::CloudMismatch => error_response(ErrorCode::CloudMismatch, &format!("The partner operates in {}; your organization is in {}", partner.cloud.name(), tenant.cloud.name()), vec![partner.cloud.name().into(), tenant.cloud.name().into()]),
            Refusal::RegionMismatch => {
                let market = country::market_of(&partner.country).map_or("no CSP market", |m| m.name());
                error_response(ErrorCode::RegionMismatch, &format!("{} is located in {} and sells only in its CSP market ({market}); your organization is in {}", partner.name, country_name(&partner.country), country_name(&tenant.country)), vec![partner.country.clone(), tenant.country.clone(), market.into()])
            }
            Refusal::InsufficientRole => fail(ErrorCode::InsufficientRole, "Only a Global administrator can accept a partner's request"),
        })
    }

    pub(crate) fn list_partners(&self, me: &User) -> Answer {
        let items = self
            .state
            .relationships
            .iter()
            .filter(|r| r.customer == me.tenant)
            .filter_map(|r| self.partner_relationship_wire(r))
            .collect();
        ok(200, &Collection::of(items))
    }

    pub(crate) fn remove_admin(&mut self, me: &User, pid: TenantId) -> Answer {
        if !me.customer_role.is_some_and(CustomerRole::may_remove_admin) {
            return Err(fail(
                ErrorCode::InsufficientRole,
                "Only a Global administrator can remove a partner's admin permissions",
            ));
        }
        let rel = self
            .state
            .relationships
            .iter_mut()
            .find(|r| r.partner == pid && r.customer == me.tenant)
            .ok_or_else(|| {
                fail(
                    ErrorCode::NotFound,
                    "This partner has no relationship with your organization",
                )
            })?;
        rel.dap = rules::remove_admin(rel.dap);
        let rel = rel.clone();
        let out = self
            .partner_relationship_wire(&rel)
            .ok_or_else(|| fail(ErrorCode::NotFound, "Partner not found"))?;
        ok(200, &out)
    }
}

pub(crate) fn check_agreement(
    a: &wire::Agreement,
    user: UserId,
    now: Millis,
) -> Result<McaRecord, ApiResponse> {
    let problems = a.primary_contact.problems();
    if !problems.is_empty() {
        let fields: Vec<String> = problems.iter().map(|(f, _)| (*f).to_string()).collect();
        return Err(error_response(
            ErrorCode::McaFieldsMissing,
            &format!(
                "The Microsoft Customer Agreement needs: {}",
                fields.join(", ")
            ),
            fields,
        ));
    }
    if a.template_id != MCA_TEMPLATE_ID {
        return Err(invalid_msg(
            "templateId",
            "templateId is not the current Microsoft Customer Agreement",
        ));
    }
    if a.agreement_type != "MicrosoftCustomerAgreement" {
        return Err(invalid_msg(
            "type",
            "type must be MicrosoftCustomerAgreement",
        ));
    }
    let date = time::parse_rfc3339(&a.date_agreed).ok_or_else(|| {
        invalid_msg(
            "dateAgreed",
            "dateAgreed must be an RFC 3339 UTC date, e.g. 2026-11-26T10:00:00.000Z",
        )
    })?;
    if date > now + DAY {
        return Err(invalid_msg("dateAgreed", "dateAgreed is in the future"));
    }
    Ok(McaRecord {
        signer: a.primary_contact.clone(),
        date_agreed: date,
        user_id: user,
    })
}
