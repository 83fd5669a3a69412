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

impl MockBackend {
    /// Reads the link and finds its partner and invitation; refuses what the
    /// link alone can tell (malformed, unknown, altered, revoked, expired).
    pub(crate) fn resolve_link(
        &self,
        link: &str,
        now: Millis,
    ) -> Result<(InvitationLink, Tenant, Option<Invitation>), ApiResponse> {
        let parsed = InvitationLink::parse(link).map_err(|e| {
            error_response(
                ErrorCode::MalformedLink,
                &format!("The invitation link cannot be read: {e}"),
                Vec::new(),
            )
        })?;
        let partner = self
            .tenant(parsed.partner_id)
            .filter(|t| t.partner.is_some())
            .ok_or_else(|| {
                fail(
                    ErrorCode::InvitationNotFound,
                    "No partner has this partnerId",
                )
            })?;
        // This backend's links always carry invitationId; without it a link is
        // damaged (and never a way around a revoked or expired invitation).
        let invitation = match parsed.invitation_id {
            None => {
                return Err(error_response(
                    ErrorCode::MalformedLink,
                    "The invitation link cannot be read: the link has no invitationId",
                    vec!["invitationId".into()],
                ))
            }
            Some(id) => {
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
                if inv.partner != parsed.partner_id
                    || inv.dap != parsed.dap
                    || inv.mspp_id != parsed.mspp_id
                    || inv.indirect_reseller != parsed.indirect_csp_id
                {
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
                Some(inv)
            }
        };
        Ok((parsed, partner, invitation))
    }

    pub(crate) fn view_invitation(&self, link: &str, caller: Option<&User>, now: Millis) -> Answer {
        let (parsed, partner, inv) = self.resolve_link(link, now)?;
        let reseller = parsed
            .indirect_csp_id
            .and_then(|r| {
                self.reseller_names(partner.id)
                    .into_iter()
                    .find(|x| x.tenant == r)
            })
            .map(|x| x.name);
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
                indirect_reseller_name: reseller,
                status: inv.map(|i| i.status(now)),
            },
        )
    }

    pub(crate) fn accept(&mut self, me: &User, body: wire::AcceptRequest, now: Millis) -> Answer {
        let (parsed, partner, inv) = self.resolve_link(&body.link, now)?;
        let tenant = self
            .tenant(me.tenant)
            .ok_or_else(|| fail(ErrorCode::NotFound, "Your tenant was not found"))?;
        let ctx = AcceptContext {
            partner_id: partner.id,
            partner_cloud: partner.cloud,
            partner_country: partner.country.clone(),
            tenant_id: tenant.id,
            tenant_cloud: tenant.cloud,
            tenant_country: tenant.country.clone(),
            role: me.customer_role.unwrap_or(CustomerRole::User),
            dap: parsed.dap,
            status: inv.as_ref().map(|i| i.status(now)),
            accepted_by: inv.as_ref().and_then(|i| i.accepted.map(|a| a.0)),
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
                error_response(ErrorCode::RegionMismatch, &format!("The partner is located in {} and sells only in its CSP market ({market}); your organization is in {}", country_name(&partner.country), country_name(&tenant.country)), vec![partner.country.clone(), tenant.country.clone(), market.into()])
            }
            Refusal::InsufficientRole => fail(ErrorCode::InsufficientRole, "Only a Global administrator can accept a partner's request"),
        })?;
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
        match self
            .state
            .relationships
            .iter_mut()
            .find(|r| r.partner == partner.id && r.customer == tenant.id)
        {
            Some(r) => r.dap = dap,
            None => self.state.relationships.push(Relationship {
                partner: partner.id,
                customer: tenant.id,
                dap,
                since: now,
            }),
        }
        if let Some(inv) = inv {
            if let Some(stored) = self.state.invitations.iter_mut().find(|i| i.id == inv.id) {
                stored.accepted.get_or_insert((tenant.id, now));
            }
        }
        let rel = self
            .state
            .relationships
            .iter()
            .find(|r| r.partner == partner.id && r.customer == tenant.id)
            .cloned()
            .ok_or_else(|| fail(ErrorCode::NotFound, "Relationship not found"))?;
        let relationship = self
            .partner_relationship_wire(&rel)
            .ok_or_else(|| fail(ErrorCode::NotFound, "Partner not found"))?;
        let accepted_at = earlier.map_or(now, |(_, at)| at);
        ok(
            200,
            &wire::AcceptResponse {
                outcome,
                accepted_at: Some(time::to_rfc3339(accepted_at)),
                relationship,
            },
        )
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
