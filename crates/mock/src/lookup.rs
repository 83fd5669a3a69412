//! Look-ups over the state: tenants and relationships (the 50,000
//! generated customers included), a partner's own invitation or customer,
//! and the role checks every handler shares.

use crate::backend::{fail, MockBackend};
use crate::scale;
use crate::state::{
    CatalogueOffer, IndirectResellerFacts, Relationship, Subscription, Tenant, User, OFFERS,
    SCALE_PARTNER,
};
use reseller_contract::error::ErrorCode;
use reseller_contract::wire;
use reseller_contract::ApiResponse;
use reseller_domain::ids::{InvitationId, TenantId};
use reseller_domain::relationship::PartnerRole;

impl MockBackend {
    pub(crate) fn tenant(&self, id: TenantId) -> Option<Tenant> {
        self.state.tenants.get(&id).cloned().or_else(|| {
            let i = scale::index_of(id)?;
            (!self.state.scale_overrides.contains(&i)).then(|| scale::tenant(i))
        })
    }

    pub(crate) fn relationship(
        &self,
        partner: TenantId,
        customer: TenantId,
    ) -> Option<Relationship> {
        if let Some(r) = self
            .state
            .relationships
            .iter()
            .find(|r| r.partner == partner && r.customer == customer)
        {
            return Some(r.clone());
        }
        let i = scale::index_of(customer)?;
        (partner == SCALE_PARTNER && !self.state.scale_overrides.contains(&i))
            .then(|| scale::relationship(i))
    }

    /// Writes a generated scale customer into the state before it changes.
    pub(crate) fn materialize(&mut self, customer: TenantId) {
        let Some(i) = scale::index_of(customer) else {
            return;
        };
        if self.state.scale_overrides.insert(i) {
            self.state.tenants.insert(customer, scale::tenant(i));
            self.state.users.extend(scale::users(i));
            self.state.relationships.push(scale::relationship(i));
            self.state.subscriptions.extend(scale::subscriptions(i));
        }
    }

    pub(crate) fn subscriptions_of(
        &self,
        customer: TenantId,
        partner: TenantId,
    ) -> Vec<Subscription> {
        let mut subs: Vec<_> = self
            .state
            .subscriptions
            .iter()
            .filter(|s| s.customer == customer && s.partner == partner)
            .cloned()
            .collect();
        if let Some(i) =
            scale::index_of(customer).filter(|i| !self.state.scale_overrides.contains(i))
        {
            subs.extend(scale::subscriptions(i));
        }
        subs
    }

    pub(crate) fn users_of(&self, customer: TenantId) -> Vec<User> {
        let mut users: Vec<_> = self
            .state
            .users
            .iter()
            .filter(|u| u.tenant == customer)
            .cloned()
            .collect();
        if let Some(i) =
            scale::index_of(customer).filter(|i| !self.state.scale_overrides.contains(i))
        {
            users.extend(scale::users(i));
        }
        users
    }

    pub(crate) fn skus_of(
        &self,
        customer: TenantId,
        partner: TenantId,
    ) -> Vec<wire::SubscribedSku> {
        let subs = self.subscriptions_of(customer, partner);
        let users = self.users_of(customer);
        let mut out: Vec<wire::SubscribedSku> = Vec::new();
        for CatalogueOffer {
            id: offer,
            name,
            sku,
            ..
        } in OFFERS
        {
            let active: u32 = subs
                .iter()
                .filter(|s| s.active && s.offer_id == *offer)
                .map(|s| s.quantity)
                .sum();
            let consumed = users
                .iter()
                .filter(|u| u.licenses.iter().any(|l| l == sku))
                .count() as u32;
            if active > 0 || consumed > 0 {
                out.push(wire::SubscribedSku {
                    sku_id: (*sku).into(),
                    name: (*name).into(),
                    active_units: active,
                    consumed_units: consumed,
                });
            }
        }
        out
    }

    /// A partner tenant's facts as a two-tier partner or support contact.
    pub(crate) fn partner_facts(&self, partner: TenantId) -> Option<IndirectResellerFacts> {
        let t = self.tenant(partner)?;
        let facts = t.partner.as_ref()?;
        Some(IndirectResellerFacts {
            tenant: t.id,
            name: t.name.clone(),
            mpn_id: facts.mpn_id.clone(),
            country: t.country.clone(),
        })
    }

    /// The indirect resellers linked to an indirect provider.
    pub(crate) fn resellers_of(&self, provider: TenantId) -> Vec<IndirectResellerFacts> {
        self.tenant(provider)
            .and_then(|t| t.partner)
            .map(|p| p.resellers)
            .unwrap_or_default()
            .into_iter()
            .filter_map(|r| self.partner_facts(r))
            .collect()
    }

    /// The indirect providers an indirect reseller buys through.
    pub(crate) fn providers_of(&self, reseller: TenantId) -> Vec<IndirectResellerFacts> {
        self.state
            .tenants
            .values()
            .filter(|t| {
                t.partner
                    .as_ref()
                    .is_some_and(|p| p.indirect_provider && p.resellers.contains(&reseller))
            })
            .filter_map(|t| self.partner_facts(t.id))
            .collect()
    }

    /// Whether `reseller` is linked to the indirect provider `provider`.
    pub(crate) fn linked(&self, provider: TenantId, reseller: TenantId) -> bool {
        self.state.tenants.get(&provider).is_some_and(|t| {
            t.partner
                .as_ref()
                .is_some_and(|p| p.indirect_provider && p.resellers.contains(&reseller))
        })
    }

    /// The partner itself and its indirect resellers: who may be a support
    /// contact on its subscriptions, or be named by its invitations.
    pub(crate) fn reseller_names(&self, partner: TenantId) -> Vec<IndirectResellerFacts> {
        let mut out: Vec<_> = self.partner_facts(partner).into_iter().collect();
        out.extend(self.resellers_of(partner));
        out
    }

    pub(crate) fn customer_of(
        &self,
        me: &User,
        id: TenantId,
    ) -> Result<(Tenant, Relationship), ApiResponse> {
        let tenant = self
            .tenant(id)
            .filter(|t| t.partner.is_none())
            .ok_or_else(|| fail(ErrorCode::NotFound, "No such customer for this caller"))?;
        let rel = self.relationship(me.tenant, id).ok_or_else(|| {
            fail(
                ErrorCode::NoRelationship,
                "No relationship between caller and account.",
            )
        })?;
        Ok((tenant, rel))
    }

    pub(crate) fn own_invitation(&self, me: &User, id: InvitationId) -> Result<usize, ApiResponse> {
        self.state
            .invitations
            .iter()
            .position(|i| i.id == id && i.partner == me.tenant)
            .ok_or_else(|| {
                fail(
                    ErrorCode::InvitationNotFound,
                    "No such invitation for this partner",
                )
            })
    }

    pub(crate) fn require_manager(me: &User) -> Result<(), ApiResponse> {
        if me.partner_role.is_some_and(PartnerRole::may_manage) {
            Ok(())
        } else {
            Err(fail(
                ErrorCode::InsufficientRole,
                "Only Admin agents can manage customers' services, users and relationships",
            ))
        }
    }
}
