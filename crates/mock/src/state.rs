//! The mock's state (plain Rust, serialisable); the seed is `seed.rs`.

use super::idempotency::Replays;
use reseller_domain::cloud::Cloud;
use reseller_domain::email::Lang;
use reseller_domain::gdap::{AdminRelationshipStatus, Lifecycle};
use reseller_domain::ids::{AdminRelationshipId, GroupId, InvitationId, TenantId, UserId};
use reseller_domain::relationship::{CustomerRole, DelegatedAdmin, McaSigner, PartnerRole};
use reseller_domain::time::Millis;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

pub use crate::seed::{CatalogueOffer, OFFERS, SEED_TIME};
pub use reseller_contract::wire::MCA_TEMPLATE_ID;
/// The partner with tens of thousands of customers.
pub const SCALE_PARTNER: TenantId = TenantId(uuid::Uuid::from_u64_pair(
    0x5ca1_e000_0000_4000,
    0x8000_0000_0000_0001,
));
/// How many customers the scale partner has.
pub const SCALE_CUSTOMERS: u32 = 50_000;

/// Partner-only facts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PartnerFacts {
    /// MPN id.
    pub mpn_id: String,
    /// Indirect provider (bills and supports indirect resellers).
    pub indirect_provider: bool,
    /// Its indirect resellers' tenants (for an indirect provider): the one
    /// record of a two-tier link; a reseller's providers are read from here.
    /// (Schema 2 kept name, MPN id and country here: see `store::decode`.)
    pub resellers: Vec<TenantId>,
}

/// An indirect reseller (or the partner itself) as a support contact or a
/// two-tier partner: read from its tenant, never stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndirectResellerFacts {
    /// Its tenant.
    pub tenant: TenantId,
    /// Its name.
    pub name: String,
    /// Its MPN id.
    pub mpn_id: String,
    /// Its country.
    pub country: String,
}

/// A tenant: partner or customer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Tenant {
    /// Id.
    pub id: TenantId,
    /// Company name.
    pub name: String,
    /// Primary domain.
    pub domain: String,
    /// ISO country.
    pub country: String,
    /// City (for profiles).
    pub city: String,
    /// Cloud.
    pub cloud: Cloud,
    /// Partner facts, for partners.
    pub partner: Option<PartnerFacts>,
    /// The MCA acceptance, once accepted.
    pub mca: Option<McaRecord>,
}

/// An accepted Microsoft Customer Agreement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct McaRecord {
    /// Signer.
    pub signer: McaSigner,
    /// When.
    pub date_agreed: Millis,
    /// Who recorded it.
    pub user_id: UserId,
}

/// A user of a tenant.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct User {
    /// Id.
    pub id: UserId,
    /// Tenant.
    pub tenant: TenantId,
    /// Display name.
    pub name: String,
    /// Email / UPN.
    pub email: String,
    /// Role in a partner tenant.
    pub partner_role: Option<PartnerRole>,
    /// Role in a customer tenant.
    pub customer_role: Option<CustomerRole>,
    /// Assigned license SKU ids.
    pub licenses: Vec<String>,
}

/// An invitation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Invitation {
    /// Id.
    pub id: InvitationId,
    /// The partner.
    pub partner: TenantId,
    /// Created.
    pub created_at: Millis,
    /// Creator's display name.
    pub created_by: String,
    /// Email language.
    pub lang: Lang,
    /// Admin privileges requested.
    pub dap: bool,
    /// Intended customer's name.
    pub customer_name: String,
    /// Intended customer's email.
    pub customer_email: String,
    /// MPN id of the indirect reseller (0 when direct).
    pub mspp_id: u64,
    /// Two-tier: the indirect reseller's tenant.
    pub indirect_reseller: Option<TenantId>,
    /// Two-tier: the indirect provider's tenant (schema 2 did not keep it:
    /// its two-tier invitations were the provider's own, see `store::decode`).
    #[serde(default)]
    pub indirect_provider: Option<TenantId>,
    /// The link.
    pub link: String,
    /// Revoked when.
    pub revoked_at: Option<Millis>,
    /// Accepted by whom and when.
    pub accepted: Option<(TenantId, Millis)>,
    /// Draft to, subject, body.
    pub draft: (String, String, String),
    /// When the draft was handed over.
    pub draft_done_at: Option<Millis>,
    /// The granular admin relationship requested with it.
    #[serde(default)]
    pub admin_relationship: Option<AdminRelationshipId>,
}

impl Invitation {
    /// Its state at time `now`.
    pub fn status(&self, now: Millis) -> reseller_domain::relationship::InvitationStatus {
        reseller_domain::relationship::invitation_status(
            self.created_at,
            self.revoked_at.is_some(),
            self.accepted.is_some(),
            now,
        )
    }
}

/// A partner–customer relationship.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Relationship {
    /// Partner.
    pub partner: TenantId,
    /// Customer.
    pub customer: TenantId,
    /// Delegated admin.
    pub dap: DelegatedAdmin,
    /// Since.
    pub since: Millis,
    /// Two-tier: for an indirect provider's relationship, the indirect
    /// reseller the customer came through.
    #[serde(default)]
    pub indirect_reseller: Option<TenantId>,
}

/// A subscription a partner sold a customer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Subscription {
    /// Id.
    pub id: uuid::Uuid,
    /// Customer.
    pub customer: TenantId,
    /// Selling partner.
    pub partner: TenantId,
    /// Offer id.
    pub offer_id: String,
    /// Seats.
    pub quantity: u32,
    /// Active (else suspended).
    pub active: bool,
    /// Created.
    pub created: Millis,
    /// Support contact (an indirect reseller's tenant).
    pub support: Option<TenantId>,
}

/// A granular delegated admin relationship (GDAP).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AdminRelationship {
    /// Id.
    pub id: AdminRelationshipId,
    /// The partner.
    pub partner: TenantId,
    /// The customer, once known (set by the partner, or on acceptance or approval).
    pub customer: Option<TenantId>,
    /// Name.
    pub display_name: String,
    /// Duration as given (ISO 8601).
    pub duration: String,
    /// Its length in days.
    pub days: i64,
    /// Role template ids.
    pub roles: Vec<String>,
    /// Auto-extends by 180 days.
    pub auto_extend: bool,
    /// Status last set by an action.
    pub status: AdminRelationshipStatus,
    /// Created.
    pub created_at: Millis,
    /// Last changed.
    pub modified_at: Millis,
    /// Locked for approval.
    pub locked_at: Option<Millis>,
    /// Became active.
    pub activated_at: Option<Millis>,
    /// Terminated.
    pub terminated_at: Option<Millis>,
    /// The app's root URL its approval link is built on (when known).
    pub app_base: Option<String>,
}

impl AdminRelationship {
    /// Its lifecycle facts.
    pub fn lifecycle(&self) -> Lifecycle {
        Lifecycle {
            stored: self.status,
            locked_at: self.locked_at,
            activated_at: self.activated_at,
            terminated_at: self.terminated_at,
            days: self.days,
            auto_extend: self.auto_extend,
        }
    }
    /// Its status at `now`.
    pub fn status_at(&self, now: Millis) -> AdminRelationshipStatus {
        self.lifecycle().status(now)
    }
}

/// A security group assigned to roles of an admin relationship.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AccessAssignmentRecord {
    /// Id.
    pub id: uuid::Uuid,
    /// The relationship.
    pub relationship: AdminRelationshipId,
    /// The partner's group.
    pub group: GroupId,
    /// Role template ids.
    pub roles: Vec<String>,
    /// Created.
    pub created_at: Millis,
}

/// A security group of a partner's tenant: derived from its users' roles,
/// never stored (every partner has the same four).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SecurityGroup {
    /// Id.
    pub id: GroupId,
    /// Name.
    pub name: &'static str,
    /// What it is for.
    pub description: &'static str,
    /// Its members.
    pub members: Vec<UserId>,
}

/// Everything the mock remembers. Every field has a default, so a state
/// stored by an older version reads with what it lacks filled in (see
/// [`super::store::decode`] for the migrations).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct State {
    /// The shape version ([`super::store::SCHEMA_VERSION`]); 0 when absent.
    pub schema: u32,
    /// Bumped by every change; other tabs compare it.
    pub revision: u64,
    /// Tenants by id.
    pub tenants: BTreeMap<TenantId, Tenant>,
    /// Users.
    pub users: Vec<User>,
    /// Invitations, oldest first.
    pub invitations: Vec<Invitation>,
    /// Relationships (the scale partner's generated ones are not here).
    pub relationships: Vec<Relationship>,
    /// Subscriptions.
    pub subscriptions: Vec<Subscription>,
    /// Scale customers stored here (materialised or removed), not generated.
    pub scale_overrides: BTreeSet<u32>,
    /// The last idempotent writes' answers.
    pub replays: Replays,
    /// Granular delegated admin relationships, oldest first.
    pub admin_relationships: Vec<AdminRelationship>,
    /// Their access assignments.
    pub access_assignments: Vec<AccessAssignmentRecord>,
    /// Days the demo clock runs ahead of the real one.
    pub clock_days: u32,
}
