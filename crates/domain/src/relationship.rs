//! Invitations and relationships: the state machine and who may do what.

use super::cloud::Cloud;
use super::country;
use super::ids::TenantId;
use super::time::{Millis, DAY};
use super::validate::{self, FieldProblem};
use serde::{Deserialize, Serialize};

/// Roles of a partner's users (Partner Center's agent roles).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum PartnerRole {
    /// Admin agent: may invite and manage customers.
    AdminAgent,
    /// Sales agent: may invite customers.
    SalesAgent,
    /// Helpdesk agent: supports customers, may not invite.
    HelpdeskAgent,
}

impl PartnerRole {
    /// Only Admin agents and Sales agents may request a reseller relationship.
    pub fn may_invite(self) -> bool {
        matches!(self, PartnerRole::AdminAgent | PartnerRole::SalesAgent)
    }
    /// Only Admin agents manage customers' services, users and relationships.
    pub fn may_manage(self) -> bool {
        matches!(self, PartnerRole::AdminAgent)
    }
}

/// Roles of a customer's users.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum CustomerRole {
    /// Global administrator.
    GlobalAdmin,
    /// Billing administrator.
    BillingAdmin,
    /// A user without admin rights.
    User,
}

impl CustomerRole {
    /// Only a Global administrator may accept a partner's request, with or
    /// without admin privileges: "The person who accepts your request ...
    /// must be a Global admin" ("Request a reseller relationship",
    /// <https://learn.microsoft.com/partner-center/customers/request-a-relationship-with-a-customer>).
    pub fn may_accept(self) -> bool {
        matches!(self, CustomerRole::GlobalAdmin)
    }

    /// Only a Global administrator may remove a partner's admin permissions
    /// (Microsoft 365 admin center, "Partner relationships": removing
    /// delegated admin roles needs the Global administrator role,
    /// <https://learn.microsoft.com/microsoft-365/admin/misc/partners>).
    pub fn may_remove_admin(self) -> bool {
        matches!(self, CustomerRole::GlobalAdmin)
    }
}

/// "Include delegated administration privileges" starts checked: Partner
/// Center's article tells partners to *clear* the box to establish the
/// relationship without admin permissions ("Request a reseller relationship",
/// <https://learn.microsoft.com/partner-center/customers/request-a-relationship-with-a-customer>).
pub const DAP_REQUESTED_BY_DEFAULT: bool = true;

/// How long an invitation stays valid.
pub const INVITATION_LIFETIME: Millis = 90 * DAY;

/// An invitation's state.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum InvitationStatus {
    /// Waiting for the customer.
    Pending,
    /// Accepted by a customer tenant.
    Accepted,
    /// Revoked by the partner.
    Revoked,
    /// Not accepted within [`INVITATION_LIFETIME`].
    Expired,
}

/// The state of an invitation created at `created`, at time `now`.
pub fn invitation_status(
    created: Millis,
    revoked: bool,
    accepted: bool,
    now: Millis,
) -> InvitationStatus {
    if accepted {
        InvitationStatus::Accepted
    } else if revoked {
        InvitationStatus::Revoked
    } else if now >= created + INVITATION_LIFETIME {
        InvitationStatus::Expired
    } else {
        InvitationStatus::Pending
    }
}

/// Delegated admin privileges on a relationship.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum DelegatedAdmin {
    /// Never granted.
    None,
    /// Granted and active.
    Active,
    /// Removed by the customer; the partner stays the reseller.
    Removed,
}

/// The facts an acceptance is checked against.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AcceptContext {
    /// The inviting partner.
    pub partner_id: TenantId,
    /// The partner's cloud.
    pub partner_cloud: Cloud,
    /// The partner's country (ISO code).
    pub partner_country: String,
    /// The accepting tenant.
    pub tenant_id: TenantId,
    /// The tenant's cloud.
    pub tenant_cloud: Cloud,
    /// The tenant's country (ISO code).
    pub tenant_country: String,
    /// The accepting user's role.
    pub role: CustomerRole,
    /// Whether admin privileges are requested.
    pub dap: bool,
    /// The invitation's state, when the link names one.
    pub status: Option<InvitationStatus>,
    /// The tenant that accepted it, when accepted.
    pub accepted_by: Option<TenantId>,
}

/// Why an acceptance is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The partner revoked the invitation.
    Revoked,
    /// The invitation expired.
    Expired,
    /// Another tenant accepted it already.
    AcceptedByAnother,
    /// The partner's own tenant.
    OwnTenant,
    /// Clouds differ.
    CloudMismatch,
    /// The tenant's country is outside the partner's CSP market.
    RegionMismatch,
    /// The user's role may not accept.
    InsufficientRole,
}

/// Checks an acceptance, invitation state first, then tenant, then user.
pub fn check_acceptance(ctx: &AcceptContext) -> Result<(), Refusal> {
    match ctx.status {
        Some(InvitationStatus::Revoked) => return Err(Refusal::Revoked),
        Some(InvitationStatus::Expired) => return Err(Refusal::Expired),
        Some(InvitationStatus::Accepted) if ctx.accepted_by != Some(ctx.tenant_id) => {
            return Err(Refusal::AcceptedByAnother)
        }
        _ => {}
    }
    if ctx.tenant_id == ctx.partner_id {
        return Err(Refusal::OwnTenant);
    }
    if ctx.tenant_cloud != ctx.partner_cloud {
        return Err(Refusal::CloudMismatch);
    }
    if !country::within_partner_market(&ctx.partner_country, &ctx.tenant_country) {
        return Err(Refusal::RegionMismatch);
    }
    if !ctx.role.may_accept() {
        return Err(Refusal::InsufficientRole);
    }
    Ok(())
}

/// What accepting did.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum AcceptOutcome {
    /// A new reseller relationship.
    Created,
    /// The partner already was the reseller; nothing changed.
    AlreadyExists,
    /// This organization had already accepted this very invitation (a second
    /// press, another tab): nothing changed.
    AlreadyAccepted,
    /// The partner was the reseller without admin privileges and now has them.
    DapGranted,
    /// The customer had removed the partner's admin privileges; they are back.
    DapRestored,
}

/// Applies an acceptance to the existing relationship (if any): one
/// relationship per partner and tenant, whatever the number of accepts.
pub fn accept(existing: Option<DelegatedAdmin>, dap: bool) -> (AcceptOutcome, DelegatedAdmin) {
    match (existing, dap) {
        (None, true) => (AcceptOutcome::Created, DelegatedAdmin::Active),
        (None, false) => (AcceptOutcome::Created, DelegatedAdmin::None),
        (Some(DelegatedAdmin::Removed), true) => {
            (AcceptOutcome::DapRestored, DelegatedAdmin::Active)
        }
        (Some(DelegatedAdmin::None), true) => (AcceptOutcome::DapGranted, DelegatedAdmin::Active),
        (Some(state), _) => (AcceptOutcome::AlreadyExists, state),
    }
}

/// The customer removes the partner's admin permissions: the relationship
/// stays (the partner stays reseller and responsible for support).
pub fn remove_admin(state: DelegatedAdmin) -> DelegatedAdmin {
    match state {
        DelegatedAdmin::Active => DelegatedAdmin::Removed,
        other => other,
    }
}

/// Whether the partner may administer the customer's organization (its
/// users, their licenses, its admin portals): only with active delegated
/// admin privileges. "If you want to manage a customer's service or
/// subscription on their behalf, the customer must grant administrator
/// permissions" ("Request a reseller relationship",
/// <https://learn.microsoft.com/partner-center/customers/request-a-relationship-with-a-customer>);
/// "If your customer removes delegated admin privileges ... you won't be
/// able to manage the customer's Azure AD tenant"
/// (<https://learn.microsoft.com/partner-center/customers/customers-revoke-admin-privileges>).
pub fn may_administer(dap: DelegatedAdmin) -> bool {
    dap == DelegatedAdmin::Active
}

/// Whether the partner may provision or manage a subscription of an offer:
/// any offer with admin privileges; without them, only Azure plans (the
/// partner is Owner of the Azure subscriptions it provisions). "If you want
/// to establish a reseller relationship with a customer and to manage only
/// the Azure subscriptions that you provision, you don't need to obtain
/// administrator permissions" (same article); "the partner can still manage
/// the customer's Azure subscription" after a removal
/// (<https://learn.microsoft.com/partner-center/customers/customers-revoke-admin-privileges>).
pub fn may_manage_subscription(dap: DelegatedAdmin, azure: bool) -> bool {
    azure || may_administer(dap)
}

/// Whether the partner may buy for the customer: only once the customer's
/// acceptance of the Microsoft Customer Agreement is on record ("To purchase
/// on behalf of a CSP customer, you must first have a reselling relationship
/// established with them, and the customer must sign the Microsoft Customer
/// Agreement", same article; Partner Center refuses with error 13605).
pub fn may_purchase(mca_accepted: bool) -> bool {
    mca_accepted
}

/// Names of the subscriptions that block removing a relationship (active or suspended-but-billable ones count).
pub fn removal_blockers<'a>(
    subscriptions: impl IntoIterator<Item = (&'a str, bool)>,
) -> Vec<String> {
    subscriptions
        .into_iter()
        .filter(|(_, active)| *active)
        .map(|(name, _)| name.to_string())
        .collect()
}

/// The Microsoft Customer Agreement acceptance fields.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct McaSigner {
    /// Signer's first name (required).
    pub first_name: String,
    /// Signer's last name (required).
    pub last_name: String,
    /// Signer's email (required).
    pub email: String,
    /// Signer's phone (optional).
    #[serde(default)]
    pub phone_number: String,
}

impl McaSigner {
    /// Each field with a problem, by wire name.
    pub fn problems(&self) -> Vec<(&'static str, FieldProblem)> {
        let mut out = Vec::new();
        if let Err(p) = validate::required_text(&self.first_name, validate::MAX_TEXT) {
            out.push(("firstName", p));
        }
        if let Err(p) = validate::required_text(&self.last_name, validate::MAX_TEXT) {
            out.push(("lastName", p));
        }
        if let Err(p) = validate::email(&self.email) {
            out.push(("email", p));
        }
        if let Err(p) = validate::optional_phone(&self.phone_number) {
            out.push(("phoneNumber", p));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx() -> AcceptContext {
        AcceptContext {
            partner_id: TenantId::from_parts(1, 1),
            partner_cloud: Cloud::Public,
            partner_country: "BR".into(),
            tenant_id: TenantId::from_parts(2, 2),
            tenant_cloud: Cloud::Public,
            tenant_country: "BR".into(),
            role: CustomerRole::GlobalAdmin,
            dap: true,
            status: Some(InvitationStatus::Pending),
            accepted_by: None,
        }
    }

    #[test]
    fn who_may_accept() {
        assert_eq!(check_acceptance(&ctx()), Ok(()));
        assert_eq!(
            check_acceptance(&AcceptContext {
                role: CustomerRole::BillingAdmin,
                ..ctx()
            }),
            Err(Refusal::InsufficientRole)
        );
        assert_eq!(
            check_acceptance(&AcceptContext {
                role: CustomerRole::BillingAdmin,
                dap: false,
                ..ctx()
            }),
            Err(Refusal::InsufficientRole),
            "a Billing administrator may not accept even without admin privileges"
        );
        assert_eq!(
            check_acceptance(&AcceptContext {
                role: CustomerRole::User,
                dap: false,
                ..ctx()
            }),
            Err(Refusal::InsufficientRole)
        );
        for outside in ["US", "AR"] {
            assert_eq!(
                check_acceptance(&AcceptContext {
                    tenant_country: outside.into(),
                    ..ctx()
                }),
                Err(Refusal::RegionMismatch),
                "a Brazilian partner sells in Brazil only"
            );
        }
        assert_eq!(
            check_acceptance(&AcceptContext {
                tenant_cloud: Cloud::Germany,
                ..ctx()
            }),
            Err(Refusal::CloudMismatch)
        );
        assert_eq!(
            check_acceptance(&AcceptContext {
                tenant_id: TenantId::from_parts(1, 1),
                ..ctx()
            }),
            Err(Refusal::OwnTenant)
        );
        assert_eq!(
            check_acceptance(&AcceptContext {
                status: Some(InvitationStatus::Revoked),
                ..ctx()
            }),
            Err(Refusal::Revoked)
        );
        assert_eq!(
            check_acceptance(&AcceptContext {
                status: Some(InvitationStatus::Expired),
                ..ctx()
            }),
            Err(Refusal::Expired)
        );
        let accepted = AcceptContext {
            status: Some(InvitationStatus::Accepted),
            accepted_by: Some(TenantId::from_parts(3, 3)),
            ..ctx()
        };
        assert_eq!(check_acceptance(&accepted), Err(Refusal::AcceptedByAnother));
        let by_me = AcceptContext {
            accepted_by: Some(TenantId::from_parts(2, 2)),
            ..accepted
        };
        assert_eq!(
            check_acceptance(&by_me),
            Ok(()),
            "accepting again is allowed (idempotent)"
        );
        assert!(PartnerRole::SalesAgent.may_invite() && !PartnerRole::HelpdeskAgent.may_invite());
        assert!(CustomerRole::GlobalAdmin.may_remove_admin());
        assert!(!CustomerRole::BillingAdmin.may_remove_admin());
    }

    #[test]
    fn rights_follow_what_the_customer_granted() {
        use DelegatedAdmin::*;
        assert!(may_administer(Active));
        assert!(!may_administer(None) && !may_administer(Removed));
        for dap in [None, Removed] {
            assert!(
                may_manage_subscription(dap, true),
                "Azure plans stay manageable"
            );
            assert!(!may_manage_subscription(dap, false));
        }
        assert!(may_manage_subscription(Active, false));
        assert!(may_purchase(true) && !may_purchase(false));
    }

    #[test]
    fn state_machine() {
        assert_eq!(
            invitation_status(0, false, false, 1),
            InvitationStatus::Pending
        );
        assert_eq!(
            invitation_status(0, false, false, INVITATION_LIFETIME),
            InvitationStatus::Expired
        );
        assert_eq!(
            invitation_status(0, true, false, 1),
            InvitationStatus::Revoked
        );
        assert_eq!(
            invitation_status(0, true, true, INVITATION_LIFETIME * 2),
            InvitationStatus::Accepted
        );
        assert_eq!(
            accept(None, true),
            (AcceptOutcome::Created, DelegatedAdmin::Active)
        );
        assert_eq!(
            accept(Some(DelegatedAdmin::Active), true),
            (AcceptOutcome::AlreadyExists, DelegatedAdmin::Active)
        );
        assert_eq!(
            accept(Some(DelegatedAdmin::Removed), true),
            (AcceptOutcome::DapRestored, DelegatedAdmin::Active)
        );
        assert_eq!(
            accept(Some(DelegatedAdmin::Removed), false),
            (AcceptOutcome::AlreadyExists, DelegatedAdmin::Removed)
        );
        assert_eq!(
            remove_admin(DelegatedAdmin::Active),
            DelegatedAdmin::Removed
        );
        assert_eq!(
            removal_blockers([("Office 365 E3", true), ("Old", false)]),
            vec!["Office 365 E3".to_string()]
        );
        let signer = McaSigner {
            first_name: "Ana".into(),
            last_name: " ".into(),
            email: "x".into(),
            phone_number: String::new(),
        };
        assert_eq!(
            signer.problems(),
            vec![
                ("lastName", FieldProblem::Required),
                ("email", FieldProblem::NotAnEmail)
            ]
        );
    }
}
