//! A customer's services as the partner manages them: subscriptions
//! (provision, suspend or reactivate, seats, support contact), users and
//! their licenses within the seats bought.

use crate::backend::{fail, invalid, invalid_msg, ok, Answer, MockBackend};
use crate::present::{customer_user_wire, offer_of_sku, subscription_wire};
use crate::state::{Subscription, User, OFFERS};
use reseller_contract::error::{response as error_response, ErrorCode};
use reseller_contract::wire::{self, Collection, SubscriptionStatus};
use reseller_contract::ApiResponse;
use reseller_domain::gdap::Right;
use reseller_domain::ids::{TenantId, UserId};
use reseller_domain::relationship::{self as rules, DelegatedAdmin};
use reseller_domain::time::Millis;
use reseller_domain::validate::{seat_count, FieldProblem};

/// Refuses managing a subscription of `offer_id` without the rights for it.
fn require_subscription_rights(dap: DelegatedAdmin, offer_id: &str) -> Result<(), ApiResponse> {
    let azure = OFFERS.iter().any(|o| o.id == offer_id && o.azure);
    if rules::may_manage_subscription(dap, azure) {
        Ok(())
    } else {
        Err(fail(
            ErrorCode::DelegatedAdminRequired,
            "Without delegated admin privileges a partner may provision and manage only Azure plans",
        ))
    }
}

impl MockBackend {
    pub(crate) fn list_subscriptions(&self, me: &User, customer: TenantId) -> Answer {
        let (tenant, _) = self.customer_of(me, customer)?;
        let reseller_names = self.reseller_names(me.tenant);
        ok(
            200,
            &Collection::of(
                self.subscriptions_of(tenant.id, me.tenant)
                    .iter()
                    .map(|s| subscription_wire(s, &reseller_names))
                    .collect(),
            ),
        )
    }

    pub(crate) fn list_users(&self, me: &User, customer: TenantId, now: Millis) -> Answer {
        let (tenant, rel) = self.customer_of(me, customer)?;
        self.require_right(me, tenant.id, rel.dap, Right::ManageUsersAndLicenses, now)?;
        ok(
            200,
            &Collection::of(
                self.users_of(tenant.id)
                    .iter()
                    .map(customer_user_wire)
                    .collect(),
            ),
        )
    }

    pub(crate) fn list_skus(&self, me: &User, customer: TenantId, now: Millis) -> Answer {
        let (tenant, rel) = self.customer_of(me, customer)?;
        self.require_right(me, tenant.id, rel.dap, Right::ManageUsersAndLicenses, now)?;
        ok(200, &Collection::of(self.skus_of(tenant.id, me.tenant)))
    }

    pub(crate) fn add_subscription(
        &mut self,
        me: &User,
        customer: TenantId,
        body: wire::NewSubscription,
        now: Millis,
    ) -> Answer {
        Self::require_manager(me)?;
        let (tenant, rel) = self.customer_of(me, customer)?;
        if !OFFERS.iter().any(|o| o.id == body.offer_id) {
            return Err(invalid_msg("offerId", "offerId is not in the catalogue"));
        }
        if !rules::may_purchase(tenant.mca.is_some()) {
            return Err(fail(
                ErrorCode::McaRequired,
                "Either a partner confirmation of the customer acceptance of the Microsoft Customer Agreement must be provided or the customer must accept the Microsoft Customer Agreement in the Microsoft Admin Center before you can complete this purchase",
            ));
        }
        require_subscription_rights(rel.dap, &body.offer_id)?;
        if !seat_count(body.quantity) {
            return Err(invalid("quantity", FieldProblem::NotASeatCount));
        }
        self.materialize(tenant.id);
        let sub = Subscription {
            id: uuid::Uuid::new_v4(),
            customer: tenant.id,
            partner: me.tenant,
            offer_id: body.offer_id,
            quantity: body.quantity,
            active: true,
            created: now,
            support: None,
        };
        self.state.subscriptions.push(sub.clone());
        ok(
            201,
            &subscription_wire(&sub, &self.reseller_names(me.tenant)),
        )
    }

    pub(crate) fn find_subscription(
        &mut self,
        me: &User,
        customer: TenantId,
        sid: uuid::Uuid,
    ) -> Result<usize, ApiResponse> {
        let (tenant, _) = self.customer_of(me, customer)?;
        if !self
            .subscriptions_of(tenant.id, me.tenant)
            .iter()
            .any(|s| s.id == sid)
        {
            return Err(fail(
                ErrorCode::NotFound,
                "No such subscription for this customer",
            ));
        }
        self.materialize(tenant.id);
        self.state
            .subscriptions
            .iter()
            .position(|s| s.id == sid)
            .ok_or_else(|| fail(ErrorCode::NotFound, "Subscription not found"))
    }

    pub(crate) fn patch_subscription(
        &mut self,
        me: &User,
        customer: TenantId,
        sub: uuid::Uuid,
        body: wire::SubscriptionPatch,
    ) -> Answer {
        Self::require_manager(me)?;
        if body.quantity.is_some_and(|q| !seat_count(q)) {
            return Err(invalid("quantity", FieldProblem::NotASeatCount));
        }
        let (_, rel) = self.customer_of(me, customer)?;
        let i = self.find_subscription(me, customer, sub)?;
        require_subscription_rights(rel.dap, &self.state.subscriptions[i].offer_id)?;
        let s = &mut self.state.subscriptions[i];
        if let Some(status) = body.status {
            s.active = status == SubscriptionStatus::Active;
        }
        if let Some(q) = body.quantity {
            s.quantity = q;
        }
        let s = s.clone();
        // Fewer seats than assigned licenses is refused; suspending keeps the assignments.
        if body.quantity.is_some()
            && self
                .skus_of(s.customer, me.tenant)
                .iter()
                .any(|k| k.consumed_units > k.active_units && s.offer_id == offer_of_sku(&k.sku_id))
        {
            return Err(fail(
                ErrorCode::NotEnoughSeats,
                "Fewer seats than assigned licenses: remove licenses from users first",
            ));
        }
        ok(200, &subscription_wire(&s, &self.reseller_names(me.tenant)))
    }

    pub(crate) fn set_support_contact(
        &mut self,
        me: &User,
        customer: TenantId,
        sub: uuid::Uuid,
        body: wire::SupportContactRequest,
    ) -> Answer {
        Self::require_manager(me)?;
        // Whose subscription first: another partner's answers 404 whatever the body.
        let i = self.find_subscription(me, customer, sub)?;
        let eligible = self.reseller_names(me.tenant);
        let contact = eligible
            .iter()
            .find(|r| r.tenant.to_string() == body.support_tenant_id)
            .cloned()
            .ok_or_else(|| {
                invalid_msg(
                    "supportTenantId",
                    "supportTenantId is not an eligible reseller of this partner",
                )
            })?;
        self.state.subscriptions[i].support = Some(contact.tenant);
        let s = self.state.subscriptions[i].clone();
        ok(200, &subscription_wire(&s, &eligible))
    }

    pub(crate) fn update_licenses(
        &mut self,
        me: &User,
        customer: TenantId,
        uid: UserId,
        body: wire::LicenseUpdate,
        now: Millis,
    ) -> Answer {
        Self::require_manager(me)?;
        let (tenant, rel) = self.customer_of(me, customer)?;
        self.require_right(me, tenant.id, rel.dap, Right::ManageUsersAndLicenses, now)?;
        if !self.users_of(tenant.id).iter().any(|u| u.id == uid) {
            return Err(fail(ErrorCode::NotFound, "No such user in this customer"));
        }
        for sku in body
            .licenses_to_assign
            .iter()
            .chain(&body.licenses_to_remove)
        {
            if !OFFERS.iter().any(|o| o.sku == sku) {
                return Err(invalid_msg(
                    "skuId",
                    format!(
                        "{} is not a known SKU",
                        sku.chars().take(60).collect::<String>()
                    ),
                ));
            }
        }
        self.materialize(tenant.id);
        let u = self
            .state
            .users
            .iter_mut()
            .find(|u| u.id == uid)
            .ok_or_else(|| fail(ErrorCode::NotFound, "User not found"))?;
        u.licenses.retain(|l| !body.licenses_to_remove.contains(l));
        for sku in &body.licenses_to_assign {
            if !u.licenses.contains(sku) {
                u.licenses.push(sku.clone());
            }
        }
        let updated = u.clone();
        if let Some(k) = self.skus_of(tenant.id, me.tenant).iter().find(|k| {
            k.consumed_units > k.active_units && body.licenses_to_assign.contains(&k.sku_id)
        }) {
            return Err(error_response(
                ErrorCode::NotEnoughSeats,
                &format!(
                    "No free seat of {}: buy more seats or remove a license from another user",
                    k.name
                ),
                vec![k.sku_id.clone()],
            ));
        }
        ok(200, &customer_user_wire(&updated))
    }
}
