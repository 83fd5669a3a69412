//! The partner's invitations: create (link and draft email), list, read,
//! revoke, and the draft email's saves and hand-over.

use crate::backend::{fail, invalid, invalid_msg, ok, Answer, MockBackend};
use crate::state::{self, Invitation, User};
use reseller_contract::error::ErrorCode;
use reseller_contract::wire::{self, Collection};
use reseller_domain::email::{self, DraftInput};
use reseller_domain::ids::InvitationId;
use reseller_domain::link::{InvitationLink, InvitationType};
use reseller_domain::relationship::{InvitationStatus, PartnerRole};
use reseller_domain::time::Millis;
use reseller_domain::validate;

impl MockBackend {
    pub(crate) fn create_invitation(
        &mut self,
        me: &User,
        body: wire::InvitationRequest,
        now: Millis,
    ) -> Answer {
        let role = me.partner_role.unwrap_or(PartnerRole::HelpdeskAgent);
        if !role.may_invite() {
            return Err(fail(
                ErrorCode::InsufficientRole,
                "Only Admin agents and Sales agents can request a reseller relationship",
            ));
        }
        let partner = self
            .tenant(me.tenant)
            .ok_or_else(|| fail(ErrorCode::NotFound, "Partner not found"))?;
        if partner.cloud.requires_delegated_admin() && !body.dap {
            return Err(invalid_msg(
                "dap",
                format!(
                    "Partners in {} must request delegated admin privileges",
                    partner.cloud.name()
                ),
            ));
        }
        validate::optional_text(&body.customer_name, validate::MAX_TEXT)
            .map_err(|p| invalid("customerName", p))?;
        validate::optional_email(&body.customer_email).map_err(|p| invalid("customerEmail", p))?;
        let base = body.app_base.trim();
        if !(base.starts_with("https://") || base.starts_with("http://"))
            || base.len() > 500
            || base.contains(['?', '#', ' '])
        {
            return Err(invalid_msg(
                "appBase",
                "appBase must be the app's http(s) root URL without query or fragment",
            ));
        }
        let facts = partner
            .partner
            .clone()
            .unwrap_or_else(|| state::PartnerFacts {
                mpn_id: String::new(),
                indirect_provider: false,
                resellers: Vec::new(),
            });
        let reseller = match body
            .indirect_reseller_id
            .as_deref()
            .filter(|s| !s.is_empty())
        {
            None => None,
            Some(id) => {
                if !facts.indirect_provider {
                    return Err(invalid_msg(
                        "indirectResellerId",
                        "Only indirect providers can invite on behalf of an indirect reseller",
                    ));
                }
                let r = facts
                    .resellers
                    .iter()
                    .find(|r| r.tenant.to_string() == id)
                    .cloned();
                Some(r.ok_or_else(|| {
                    invalid_msg(
                        "indirectResellerId",
                        "This indirect reseller is not one of yours",
                    )
                })?)
            }
        };
        let id = InvitationId::new_random();
        let link = InvitationLink {
            inv_type: if reseller.is_some() {
                InvitationType::IndirectResellerRelationship
            } else {
                InvitationType::ResellerRelationship
            },
            partner_id: me.tenant,
            mspp_id: reseller
                .as_ref()
                .and_then(|r| r.mpn_id.parse().ok())
                .unwrap_or(0),
            dap: body.dap,
            indirect_csp_id: reseller.as_ref().map(|r| r.tenant),
            invitation_id: Some(id),
        }
        .build(base);
        let draft = email::compose(&DraftInput {
            lang: body.email_language,
            partner_name: &partner.name,
            customer_name: Some(body.customer_name.as_str()),
            dap: body.dap,
            link: &link,
        });
        let inv = Invitation {
            id,
            partner: me.tenant,
            created_at: now,
            created_by: me.name.clone(),
            lang: body.email_language,
            dap: body.dap,
            customer_name: body.customer_name.trim().into(),
            customer_email: body.customer_email.trim().into(),
            mspp_id: reseller
                .as_ref()
                .and_then(|r| r.mpn_id.parse().ok())
                .unwrap_or(0),
            indirect_reseller: reseller.map(|r| r.tenant),
            link,
            revoked_at: None,
            accepted: None,
            draft: (body.customer_email.trim().into(), draft.subject, draft.body),
            draft_done_at: None,
        };
        let out = self.invitation_wire(&inv, now);
        self.state.invitations.push(inv);
        ok(201, &out)
    }

    pub(crate) fn list_invitations(&self, me: &User, now: Millis) -> Answer {
        let mut items: Vec<_> = self
            .state
            .invitations
            .iter()
            .filter(|i| i.partner == me.tenant)
            .map(|i| self.invitation_wire(i, now))
            .collect();
        items.reverse();
        ok(200, &Collection::of(items))
    }

    pub(crate) fn get_invitation(&self, me: &User, id: InvitationId, now: Millis) -> Answer {
        let i = self.own_invitation(me, id)?;
        ok(200, &self.invitation_wire(&self.state.invitations[i], now))
    }

    pub(crate) fn revoke(&mut self, me: &User, id: InvitationId, now: Millis) -> Answer {
        if !me.partner_role.is_some_and(PartnerRole::may_invite) {
            return Err(fail(
                ErrorCode::InsufficientRole,
                "Only Admin agents and Sales agents can revoke invitations",
            ));
        }
        let i = self.own_invitation(me, id)?;
        let inv = &self.state.invitations[i];
        match inv.status(now) {
            InvitationStatus::Accepted => {
                return Err(invalid_msg(
                    "status",
                    "An accepted invitation cannot be revoked",
                ))
            }
            InvitationStatus::Expired => {
                return Err(invalid_msg(
                    "status",
                    "An expired invitation cannot be revoked",
                ))
            }
            InvitationStatus::Revoked | InvitationStatus::Pending => {}
        }
        let inv = &mut self.state.invitations[i];
        inv.revoked_at.get_or_insert(now);
        let inv = inv.clone();
        ok(200, &self.invitation_wire(&inv, now))
    }

    pub(crate) fn save_draft(
        &mut self,
        me: &User,
        id: InvitationId,
        body: wire::EmailDraft,
        now: Millis,
    ) -> Answer {
        let i = self.own_invitation(me, id)?;
        for address in body
            .to
            .split([',', ';'])
            .map(str::trim)
            .filter(|a| !a.is_empty())
        {
            validate::email(address).map_err(|p| invalid("to", p))?;
        }
        validate::optional_text(&body.to, 1000).map_err(|p| invalid("to", p))?;
        validate::required_text(&body.subject, 255).map_err(|p| invalid("subject", p))?;
        validate::required_text(&body.body, validate::MAX_BODY).map_err(|p| invalid("body", p))?;
        let inv = &mut self.state.invitations[i];
        if body.completed_at.is_some() && !email::contains_link(&body.body, &inv.link) {
            return Err(invalid_msg("body", "The email body no longer holds the invitation link unchanged; put the link back first"));
        }
        inv.draft = (body.to, body.subject, body.body);
        if body.completed_at.is_some() {
            inv.draft_done_at.get_or_insert(now);
        }
        let inv = inv.clone();
        ok(200, &self.invitation_wire(&inv, now))
    }
}
