//! The partner's invitations: create (link and draft email), list, read,
//! revoke, and the draft email's saves and hand-over.

use crate::backend::{fail, invalid, invalid_msg, ok, Answer, MockBackend};
use crate::state::{IndirectResellerFacts, Invitation, User};
use reseller_contract::error::response as error_response;
use reseller_contract::error::ErrorCode;
use reseller_contract::wire::{self, Collection};
use reseller_contract::ApiResponse;
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
        let two_tier = self.two_tier_of(me, &partner.name, &body)?;
        // GDAP with the relationship: a relationship locked for approval at
        // once, its link in the email beside the invitation's. Never with
        // DAP, which grants Global Administrator anyway.
        let admin = match &body.gdap {
            None => None,
            Some(gdap) => {
                if body.dap {
                    return Err(invalid_msg(
                        "dap",
                        "Ask for delegated admin privileges (DAP) or for granular admin roles (GDAP), not both: DAP would grant Global Administrator anyway",
                    ));
                }
                let r = self.add_admin_relationship(me, gdap, None, Some(base.to_string()), now)?;
                let i = self.state.admin_relationships.len() - 1;
                self.lock_for_approval(i, now)?;
                Some(r)
            }
        };
        let admin_link = admin
            .as_ref()
            .map(|r| reseller_domain::gdap::approval_link(base, &r.id.to_string()));
        let id = InvitationId::new_random();
        let link = InvitationLink {
            inv_type: if two_tier.is_some() {
                InvitationType::IndirectResellerRelationship
            } else {
                InvitationType::ResellerRelationship
            },
            // Two-tier: the indirect reseller's tenant and MPN id, and its
            // provider in `indirectCSPId` (see `two_tier_of`).
            partner_id: two_tier.as_ref().map_or(me.tenant, |(_, r)| r.tenant),
            mspp_id: two_tier
                .as_ref()
                .and_then(|(_, r)| r.mpn_id.parse().ok())
                .unwrap_or(0),
            dap: body.dap,
            indirect_csp_id: two_tier.as_ref().map(|(p, _)| p.tenant),
            invitation_id: Some(id),
        }
        .build(base);
        let draft = email::compose(&DraftInput {
            lang: body.email_language,
            partner_name: &partner.name,
            customer_name: Some(body.customer_name.as_str()),
            dap: body.dap,
            link: &link,
            admin: admin
                .as_ref()
                .zip(admin_link.as_deref())
                .map(|(r, link)| email::AdminRequest {
                    link,
                    roles: &r.roles,
                    days: r.days,
                }),
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
            mspp_id: two_tier
                .as_ref()
                .and_then(|(_, r)| r.mpn_id.parse().ok())
                .unwrap_or(0),
            indirect_reseller: two_tier.as_ref().map(|(_, r)| r.tenant),
            indirect_provider: two_tier.as_ref().map(|(p, _)| p.tenant),
            link,
            revoked_at: None,
            accepted: None,
            draft: (body.customer_email.trim().into(), draft.subject, draft.body),
            draft_done_at: None,
            admin_relationship: admin.as_ref().map(|r| r.id.clone()),
        };
        let out = self.invitation_wire(&inv, now);
        self.state.invitations.push(inv);
        ok(201, &out)
    }

    /// The two partners a two-tier invitation names, `(provider, reseller)`:
    /// an indirect reseller names one of its providers (required when it has
    /// any), an indirect provider one of its resellers; `None` for a direct
    /// invitation.
    ///
    /// Which id goes where follows Partner Center's documentation of the
    /// indirect reseller's link ("replace IRtenantguid with your tenant ID,
    /// IRPartnerID with your PartnerID, and IPtenantguid with your indirect
    /// provider tenant ID": `id`/`partnerId` and `msppId` are the reseller's,
    /// `indirectCSP`/`indirectCSPId` the provider's; "Cloud Solution Provider
    /// program regional markets and currencies",
    /// <https://learn.microsoft.com/partner-center/regional-authorization-overview>),
    /// and the way CIPP builds it (the selected provider's id appended as
    /// `indirectCSPId`, KelvinTegelaar/CIPP `CippIndirectResellerLink.jsx`).
    fn two_tier_of(
        &self,
        me: &User,
        my_name: &str,
        body: &wire::InvitationRequest,
    ) -> Result<Option<(IndirectResellerFacts, IndirectResellerFacts)>, ApiResponse> {
        let chosen =
            |v: &Option<String>| v.as_deref().filter(|s| !s.is_empty()).map(str::to_string);
        match (chosen(&body.indirect_provider_id), chosen(&body.indirect_reseller_id)) {
            (Some(_), Some(_)) => Err(invalid_msg(
                "indirectProviderId",
                "Name an indirect provider (as a reseller) or an indirect reseller (as a provider), not both",
            )),
            (provider, None) => {
                let providers = self.providers_of(me.tenant);
                let Some(provider) = provider else {
                    return if providers.is_empty() {
                        Ok(None)
                    } else {
                        Err(invalid_msg(
                            "indirectProviderId",
                            format!("{my_name} is an indirect reseller: choose the indirect provider the customer will buy through"),
                        ))
                    };
                };
                let p = providers
                    .into_iter()
                    .find(|p| p.tenant.to_string() == provider)
                    .ok_or_else(|| {
                        error_response(
                            ErrorCode::ProviderNotLinked,
                            "This indirect provider is not one of yours",
                            vec!["indirectProviderId".into()],
                        )
                    })?;
                let me_facts = self
                    .partner_facts(me.tenant)
                    .ok_or_else(|| fail(ErrorCode::NotFound, "Partner not found"))?;
                Ok(Some((p, me_facts)))
            }
            (None, Some(reseller)) => {
                let r = self
                    .resellers_of(me.tenant)
                    .into_iter()
                    .find(|r| r.tenant.to_string() == reseller)
                    .ok_or_else(|| {
                        invalid_msg(
                            "indirectResellerId",
                            "This indirect reseller is not one of yours",
                        )
                    })?;
                let me_facts = self
                    .partner_facts(me.tenant)
                    .ok_or_else(|| fail(ErrorCode::NotFound, "Partner not found"))?;
                Ok(Some((me_facts, r)))
            }
        }
    }

    /// The approval link of the admin roles an invitation asks for.
    pub(crate) fn admin_link_of(&self, inv: &Invitation) -> Option<String> {
        let id = inv.admin_relationship.as_ref()?;
        let r = self
            .state
            .admin_relationships
            .iter()
            .find(|r| r.id == *id)?;
        Some(reseller_domain::gdap::approval_link(
            r.app_base.as_deref()?,
            &id.to_string(),
        ))
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
        // Revoking the invitation also ends its admin roles' request while
        // it waits for approval.
        if let Some(r) = &inv.admin_relationship {
            if let Some(at) = self.state.admin_relationships.iter().position(|x| {
                x.id == *r
                    && x.status_at(now)
                        == reseller_domain::gdap::AdminRelationshipStatus::ApprovalPending
            }) {
                self.terminate_admin(at, now)?;
            }
        }
        ok(200, &self.invitation_wire(&inv, now))
    }

    pub(crate) fn save_draft(
        &mut self,
        me: &User,
        id: InvitationId,
        body: wire::EmailDraft,
        now: Millis,
    ) -> Answer {
        if !me.partner_role.is_some_and(PartnerRole::may_invite) {
            return Err(fail(
                ErrorCode::InsufficientRole,
                "Only Admin agents and Sales agents can change an invitation's email",
            ));
        }
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
        let admin_link = self.admin_link_of(&self.state.invitations[i]);
        let inv = &mut self.state.invitations[i];
        let intact = |link: &str| email::check_link(&body.body, link) == email::LinkCheck::Intact;
        if body.completed_at.is_some() && !intact(&inv.link) {
            return Err(invalid_msg("body", "The email body no longer holds the invitation link unchanged, or also holds an altered copy of it; put the link back first"));
        }
        if let Some(admin) = admin_link.filter(|_| body.completed_at.is_some()) {
            if !intact(&admin) {
                return Err(invalid_msg("body", "The email body no longer holds the admin roles' approval link unchanged, or also holds an altered copy of it; put the link back first"));
            }
        }
        inv.draft = (body.to, body.subject, body.body);
        if body.completed_at.is_some() {
            inv.draft_done_at.get_or_insert(now);
        }
        let inv = inv.clone();
        ok(200, &self.invitation_wire(&inv, now))
    }
}
