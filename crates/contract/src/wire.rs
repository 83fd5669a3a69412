//! Wire types: Partner Center's JSON shapes (camelCase, `attributes.objectType`,
//! collections, links) and this contract's extensions. Unknown fields are
//! ignored and optional ones default, so real Partner Center payloads read.

pub use crate::graph::{ClockAdvance, DemoClock};
use reseller_domain::cloud::Cloud;
use reseller_domain::email::Lang;
use reseller_domain::relationship::{
    AcceptOutcome, CustomerRole, DelegatedAdmin, InvitationStatus, McaSigner, PartnerRole,
};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The template id of the Microsoft Customer Agreement (Partner Center's
/// sample in "Confirm customer acceptance of the Microsoft Customer
/// Agreement"): what an acceptance names as the agreement it accepts.
pub const MCA_TEMPLATE_ID: &str = "117a77b0-9360-443b-8795-c6dedc750cf9";

/// `attributes` on every Partner Center resource.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Attributes {
    /// The resource's type name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object_type: Option<String>,
    /// Concurrency tag.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
}

impl Attributes {
    /// Attributes naming an object type.
    pub fn of(object_type: &str) -> Self {
        Self {
            object_type: Some(object_type.to_string()),
            etag: None,
        }
    }
}

/// A hypermedia link.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Link {
    /// Target.
    pub uri: String,
    /// HTTP method.
    #[serde(default)]
    pub method: String,
    /// Headers to send.
    #[serde(default)]
    pub headers: Vec<LinkHeader>,
}

/// A header of a [`Link`]: Partner Center's SDK writes `Link.Headers` as a
/// collection of `KeyValuePair<string, string>`, `{"key": …, "value": …}`
/// (<https://learn.microsoft.com/dotnet/api/microsoft.store.partnercenter.models.link.headers>).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct LinkHeader {
    /// Header name.
    #[serde(default)]
    pub key: String,
    /// Header value.
    #[serde(default)]
    pub value: String,
}

/// `links` of a resource or collection.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Links {
    /// This resource.
    #[serde(rename = "self", default, skip_serializing_if = "Option::is_none")]
    pub self_link: Option<Link>,
    /// The next page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<Link>,
}

/// A Partner Center collection.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(rename = "CollectionOf{T}"))]
#[serde(rename_all = "camelCase")]
pub struct Collection<T> {
    /// Items matching the query (all pages).
    pub total_count: u64,
    /// This page's items.
    pub items: Vec<T>,
    /// Paging links.
    #[serde(default)]
    pub links: Links,
    /// `objectType: Collection`.
    #[serde(default)]
    pub attributes: Attributes,
}

impl<T> Collection<T> {
    /// A single-page collection.
    pub fn of(items: Vec<T>) -> Self {
        Self {
            total_count: items.len() as u64,
            items,
            links: Links::default(),
            attributes: Attributes::of("Collection"),
        }
    }
}

/// Partner Center's error body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct ErrorBody {
    /// Stable numeric code.
    pub code: i64,
    /// English description.
    pub description: String,
    /// Details (this contract: the offending field names, or blocking items).
    /// Partner Center's items may be any JSON: a string is read as itself,
    /// anything else as its JSON text.
    #[serde(default, deserialize_with = "strings_or_json_text")]
    pub data: Vec<String>,
    /// The service that answered.
    #[serde(default)]
    pub source: String,
}

/// A postal address (company or billing).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", default)]
pub struct Address {
    /// ISO country code.
    pub country: String,
    /// Region or state (company profile).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// City.
    pub city: Option<String>,
    /// State (billing address).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// First line.
    pub address_line1: Option<String>,
    /// Postal code.
    pub postal_code: Option<String>,
    /// Contact first name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    /// Contact last name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    /// Phone.
    pub phone_number: Option<String>,
}

/// A customer's company profile.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct CompanyProfile {
    /// The customer's tenant.
    pub tenant_id: String,
    /// Primary domain.
    pub domain: String,
    /// Company name.
    pub company_name: String,
    /// Address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<Address>,
    /// Contact email.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Links.
    #[serde(default)]
    pub links: Links,
    /// Attributes.
    #[serde(default)]
    pub attributes: Attributes,
}

/// A customer's billing profile.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", default)]
pub struct BillingProfile {
    /// Id.
    pub id: String,
    /// Contact first name.
    pub first_name: String,
    /// Contact last name.
    pub last_name: String,
    /// Contact email.
    pub email: String,
    /// Culture, e.g. `en-US`.
    pub culture: String,
    /// Language, e.g. `en`.
    pub language: String,
    /// Billing company name.
    pub company_name: String,
    /// Billing address.
    pub default_address: Address,
    /// Links.
    pub links: Links,
    /// Attributes.
    pub attributes: Attributes,
}

/// A customer, as the partner sees it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Customer {
    /// The customer's tenant id.
    pub id: String,
    /// Commerce id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commerce_id: Option<String>,
    /// Company profile.
    pub company_profile: CompanyProfile,
    /// Billing profile (on GET by id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billing_profile: Option<BillingProfile>,
    /// `reseller` (Partner Center value).
    #[serde(default)]
    pub relationship_to_partner: String,
    /// Whether delegated admin privileges are active.
    #[serde(default)]
    pub allow_delegated_access: Option<bool>,
    /// Verified domains.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_domains: Option<Vec<String>>,
    /// Extension: the state of delegated admin (`none`, `active`, `removed`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delegated_admin: Option<DelegatedAdmin>,
    /// Extension: whether the customer accepted the Microsoft Customer Agreement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mca_accepted: Option<bool>,
    /// Extension: when the relationship began (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relationship_since: Option<String>,
    /// Extension, two-tier: for an indirect provider, the indirect reseller
    /// the customer came through.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indirect_reseller_name: Option<String>,
    /// Extension, two-tier: for an indirect reseller, the indirect provider
    /// the customer buys through.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indirect_provider_name: Option<String>,
    /// Links.
    #[serde(default)]
    pub links: Links,
    /// Attributes.
    #[serde(default)]
    pub attributes: Attributes,
}

/// Partner Center's relationship request (a link to send).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct RelationshipRequest {
    /// The link.
    pub url: String,
    /// Attributes.
    #[serde(default)]
    pub attributes: Attributes,
}

/// Agreement metadata (the MCA template).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct AgreementMetadata {
    /// Template id.
    pub template_id: String,
    /// `MicrosoftCustomerAgreement`.
    pub agreement_type: String,
    /// Where to read it.
    pub agreement_link: String,
    /// Version rank.
    #[serde(default)]
    pub version_rank: i64,
}

/// A Microsoft Customer Agreement acceptance (request and response).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Agreement {
    /// The user who attested (response only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// The signer.
    pub primary_contact: McaSigner,
    /// Template id.
    pub template_id: String,
    /// When agreed (RFC 3339, UTC).
    pub date_agreed: String,
    /// `MicrosoftCustomerAgreement`.
    #[serde(rename = "type")]
    pub agreement_type: String,
}

/// A demo user the mock can sign in as.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct DemoUser {
    /// User id.
    pub id: String,
    /// Display name.
    pub display_name: String,
    /// Email / UPN.
    pub email: String,
    /// Partner role, for partner users.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner_role: Option<PartnerRole>,
    /// Customer role, for customer users.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_role: Option<CustomerRole>,
}

/// A demo tenant and its users.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct DemoTenant {
    /// Tenant id.
    pub tenant_id: String,
    /// Company name.
    pub company_name: String,
    /// Primary domain.
    pub domain: String,
    /// ISO country.
    pub country: String,
    /// Cloud.
    pub cloud: Cloud,
    /// Whether the MCA is accepted (customers).
    #[serde(default)]
    pub mca_accepted: bool,
    /// Number of customers (partners).
    #[serde(default)]
    pub customer_count: u64,
    /// Users.
    pub users: Vec<DemoUser>,
}

/// `GET /v1/demo/identities`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct DemoIdentities {
    /// Partner tenants.
    pub partners: Vec<DemoTenant>,
    /// Customer tenants.
    pub customers: Vec<DemoTenant>,
}

/// `POST /v1/demo/sign-in`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct SignInRequest {
    /// The demo user.
    pub user_id: String,
}

/// A bearer token and who it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Session {
    /// Bearer token for `Authorization`.
    pub access_token: String,
    /// Who signed in.
    pub me: Me,
}

/// `GET /v1/me`: the signed-in user and tenant.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Me {
    /// User.
    pub user: DemoUser,
    /// Tenant.
    pub tenant_id: String,
    /// Tenant's company name.
    pub company_name: String,
    /// Tenant's domain.
    pub domain: String,
    /// Tenant's country.
    pub country: String,
    /// Tenant's cloud.
    pub cloud: Cloud,
    /// `partner` or `customer`.
    pub kind: String,
    /// Whether the tenant accepted the MCA (customers).
    #[serde(default)]
    pub mca_accepted: bool,
}

/// `POST /v1/demo/tenants`: a new customer tenant with its administrator.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct NewTenant {
    /// Company name.
    pub company_name: String,
    /// Primary domain.
    pub domain: String,
    /// ISO country.
    pub country: String,
    /// Cloud.
    pub cloud: Option<Cloud>,
    /// Administrator's name.
    pub admin_name: String,
    /// Administrator's email.
    pub admin_email: String,
}

/// The partner's profile.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct PartnerProfile {
    /// Tenant id.
    pub tenant_id: String,
    /// Company name.
    pub company_name: String,
    /// ISO country.
    pub country: String,
    /// Cloud.
    pub cloud: Cloud,
    /// MPN id.
    pub mpn_id: String,
    /// Whether it is an indirect provider (invites on behalf of resellers).
    pub indirect_provider: bool,
    /// Whether it is an indirect reseller (buys through indirect providers:
    /// its invitations name one).
    #[serde(default)]
    pub indirect_reseller: bool,
    /// Attributes.
    #[serde(default)]
    pub attributes: Attributes,
}

/// A two-tier partner (Partner Center's `PartnerRelationship`): an indirect
/// reseller of the signed-in provider, or an indirect provider of the
/// signed-in reseller.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct IndirectPartner {
    /// Tenant id.
    pub id: String,
    /// Name.
    pub name: String,
    /// MPN id.
    pub mpn_id: String,
    /// ISO country.
    pub location: String,
    /// `is_indirect_cloud_solution_provider_of` or `is_indirect_reseller_of`.
    #[serde(default)]
    pub relationship_type: String,
    /// `Active`.
    #[serde(default)]
    pub state: String,
    /// Attributes.
    #[serde(default)]
    pub attributes: Attributes,
}

/// `POST /v1/invitations`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct InvitationRequest {
    /// Request delegated admin privileges.
    pub dap: bool,
    /// Intended customer's name.
    #[serde(default)]
    pub customer_name: String,
    /// Intended customer's email.
    #[serde(default)]
    pub customer_email: String,
    /// Email language.
    pub email_language: Lang,
    /// For indirect providers: the indirect reseller invited on behalf of.
    #[serde(default)]
    pub indirect_reseller_id: Option<String>,
    /// For indirect resellers: the indirect provider the customer will buy
    /// through (required when the partner has any).
    #[serde(default)]
    pub indirect_provider_id: Option<String>,
    /// The app's root URL the link is built on.
    pub app_base: String,
    /// Granular admin roles (GDAP) requested with the relationship: a
    /// relationship locked for the customer's approval at once, its link in
    /// the email beside the invitation's. Admin agents only; never with
    /// `dap` (DAP would grant Global Administrator anyway).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gdap: Option<crate::graph::NewAdminRelationship>,
}

/// A saved email draft.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct EmailDraft {
    /// To line.
    pub to: String,
    /// Subject.
    pub subject: String,
    /// Body.
    pub body: String,
    /// When the draft was handed over (Done), if it was.
    #[serde(default)]
    pub completed_at: Option<String>,
}

/// Who accepted an invitation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct AcceptedBy {
    /// Tenant id.
    pub tenant_id: String,
    /// Company name.
    pub company_name: String,
    /// When (RFC 3339).
    pub at: String,
}

/// An invitation record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Invitation {
    /// Id.
    pub id: String,
    /// Created (RFC 3339).
    pub created_at: String,
    /// Who created it.
    pub created_by: String,
    /// Email language.
    pub email_language: Lang,
    /// Admin privileges requested.
    pub dap: bool,
    /// Intended customer's name.
    pub customer_name: String,
    /// Intended customer's email.
    pub customer_email: String,
    /// Two-tier: the indirect reseller the link names, by name.
    #[serde(default)]
    pub indirect_reseller_name: Option<String>,
    /// Two-tier: the indirect provider the link names, by name.
    #[serde(default)]
    pub indirect_provider_name: Option<String>,
    /// The personalised link.
    pub link: String,
    /// State.
    pub status: InvitationStatus,
    /// Acceptance.
    #[serde(default)]
    pub accepted_by: Option<AcceptedBy>,
    /// When revoked.
    #[serde(default)]
    pub revoked_at: Option<String>,
    /// When it expires.
    pub expires_at: String,
    /// The email draft.
    pub draft: EmailDraft,
    /// The granular admin relationship requested with it, if any (with its
    /// approval link while pending).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin_relationship: Option<crate::graph::DelegatedAdminRelationship>,
    /// Attributes.
    #[serde(default)]
    pub attributes: Attributes,
}

/// `GET /v1/tenant/invitations/view`: what the customer sees before signing in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct InvitationView {
    /// The inviting partner's tenant id (for a two-tier link, the indirect
    /// reseller, whichever order the link names the two in).
    pub partner_id: String,
    /// Partner name.
    pub partner_name: String,
    /// Partner country (ISO).
    pub partner_country: String,
    /// Partner MPN id.
    pub partner_mpn_id: String,
    /// Partner cloud (decides the portal).
    pub cloud: Cloud,
    /// Admin privileges requested (for the inviting partner).
    pub dap: bool,
    /// Two-tier: the indirect provider the customer will also have a
    /// reseller relationship with.
    #[serde(default)]
    pub indirect_provider: Option<IndirectPartner>,
    /// The invitation's state (absent for a plain Partner Center link).
    #[serde(default)]
    pub status: Option<InvitationStatus>,
    /// When it was accepted (RFC 3339), once accepted.
    #[serde(default)]
    pub accepted_at: Option<String>,
    /// Whether the caller's organization accepted it: only for a signed-in
    /// customer caller, once accepted (anyone with the link sees only that it
    /// was accepted, not by whom).
    #[serde(default)]
    pub accepted_by_you: Option<bool>,
}

/// `POST /v1/tenant/invitations/accept`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct AcceptRequest {
    /// The link (or its query) as opened.
    pub link: String,
    /// The MCA acceptance, when the tenant has not accepted it yet.
    #[serde(default)]
    pub agreement: Option<Agreement>,
}

/// What accepting did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct AcceptResponse {
    /// Created, already existed, already accepted, or admin privileges restored.
    pub outcome: AcceptOutcome,
    /// When the invitation was accepted (this time, or the first time for
    /// `alreadyAccepted`), RFC 3339.
    #[serde(default)]
    pub accepted_at: Option<String>,
    /// The relationship now.
    pub relationship: PartnerRelationship,
    /// Two-tier: the indirect provider's relationship, created (or kept) by
    /// the same acceptance.
    #[serde(default)]
    pub provider_relationship: Option<PartnerRelationship>,
    /// The approval link of the granular admin roles the invitation also
    /// asks for, while they wait for approval.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin_approval_link: Option<String>,
}

/// A partner of the customer's tenant.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct PartnerRelationship {
    /// Partner tenant id.
    pub partner_id: String,
    /// Partner name.
    pub partner_name: String,
    /// Partner country.
    pub partner_country: String,
    /// Delegated admin state.
    pub delegated_admin: DelegatedAdmin,
    /// Since (RFC 3339).
    pub since: String,
    /// Two-tier: for an indirect provider, the indirect reseller the
    /// customer came through.
    #[serde(default)]
    pub indirect_reseller_name: Option<String>,
    /// Attributes.
    #[serde(default)]
    pub attributes: Attributes,
}

/// A product offer from the catalogue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Offer {
    /// Offer id.
    pub id: String,
    /// Name.
    pub name: String,
    /// The SKU its licenses belong to.
    pub sku_id: String,
    /// Admin portal of the service.
    pub admin_portal: String,
    /// Extension: an Azure plan, which the partner may provision and manage
    /// without delegated admin privileges.
    #[serde(default)]
    pub azure: bool,
}

/// A support contact on a subscription.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct SupportContact {
    /// The reseller's tenant.
    pub support_tenant_id: String,
    /// The reseller's MPN id.
    pub support_mpn_id: String,
    /// The reseller's name.
    pub name: String,
}

/// A subscription.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Subscription {
    /// Id.
    pub id: String,
    /// Offer id.
    pub offer_id: String,
    /// Offer name.
    pub offer_name: String,
    /// Seats.
    pub quantity: u32,
    /// Active or suspended.
    pub status: SubscriptionStatus,
    /// Created (RFC 3339).
    pub creation_date: String,
    /// Support contact.
    #[serde(default)]
    pub support_contact: Option<SupportContact>,
    /// Attributes.
    #[serde(default)]
    pub attributes: Attributes,
}

/// A subscription's state.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum SubscriptionStatus {
    /// In use and billed.
    Active,
    /// Suspended by the partner (licenses stay assigned).
    Suspended,
}

/// `POST .../subscriptions`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct NewSubscription {
    /// Offer id.
    pub offer_id: String,
    /// Seats (1 to 10,000).
    pub quantity: u32,
}

/// `PATCH .../subscriptions/{id}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct SubscriptionPatch {
    /// Suspend or reactivate.
    #[serde(default)]
    pub status: Option<SubscriptionStatus>,
    /// Seats.
    #[serde(default)]
    pub quantity: Option<u32>,
}

/// `PUT .../supportcontact`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct SupportContactRequest {
    /// The eligible reseller's tenant id.
    pub support_tenant_id: String,
}

/// A customer's user with its licenses.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct CustomerUser {
    /// Id.
    pub id: String,
    /// Display name.
    pub display_name: String,
    /// UPN.
    pub user_principal_name: String,
    /// Assigned SKU ids.
    pub licenses: Vec<String>,
    /// Attributes.
    #[serde(default)]
    pub attributes: Attributes,
}

/// A SKU the customer has seats of.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct SubscribedSku {
    /// SKU id.
    pub sku_id: String,
    /// Name.
    pub name: String,
    /// Seats bought (active subscriptions).
    pub active_units: u32,
    /// Seats assigned.
    pub consumed_units: u32,
}

/// `POST .../licenseupdates`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct LicenseUpdate {
    /// SKU ids to assign.
    #[serde(default)]
    pub licenses_to_assign: Vec<String>,
    /// SKU ids to remove.
    #[serde(default)]
    pub licenses_to_remove: Vec<String>,
}

/// Each item as a string: strings as they are, other JSON as its (compact)
/// text. Read by hand over any deserializer, so it reads the browser's
/// parsed values as well as serde_json's (`reseller_domain::json`).
fn strings_or_json_text<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    struct Items;
    impl<'de> serde::de::Visitor<'de> for Items {
        type Value = Vec<String>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an array")
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(
            self,
            mut a: A,
        ) -> Result<Vec<String>, A::Error> {
            let mut all = Vec::new();
            while let Some(item) = a.next_element_seed(JsonText { top: true })? {
                all.push(item);
            }
            Ok(all)
        }
    }
    d.deserialize_seq(Items)
}

/// One JSON value as text; at the top, a string as itself.
#[derive(Clone, Copy)]
struct JsonText {
    top: bool,
}

impl<'de> serde::de::DeserializeSeed<'de> for JsonText {
    type Value = String;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<String, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for JsonText {
    type Value = String;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<String, E> {
        Ok(if self.top {
            v.to_string()
        } else {
            serde_json::to_string(v).unwrap_or_default()
        })
    }
    fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<String, E> {
        Ok(v.to_string())
    }
    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<String, E> {
        Ok(v.to_string())
    }
    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<String, E> {
        Ok(v.to_string())
    }
    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<String, E> {
        Ok(serde_json::to_string(&v).unwrap_or_default())
    }
    fn visit_unit<E: serde::de::Error>(self) -> Result<String, E> {
        Ok("null".into())
    }
    fn visit_none<E: serde::de::Error>(self) -> Result<String, E> {
        Ok("null".into())
    }
    fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<String, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut a: A) -> Result<String, A::Error> {
        let mut out = String::from("[");
        while let Some(item) = a.next_element_seed(JsonText { top: false })? {
            if out.len() > 1 {
                out.push(',');
            }
            out.push_str(&item);
        }
        out.push(']');
        Ok(out)
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut a: A) -> Result<String, A::Error> {
        let mut out = String::from("{");
        while let Some(key) = a.next_key::<String>()? {
            if out.len() > 1 {
                out.push(',');
            }
            out.push_str(&serde_json::to_string(&key).unwrap_or_default());
            out.push(':');
            out.push_str(&a.next_value_seed(JsonText { top: false })?);
        }
        out.push('}');
        Ok(out)
    }
}

/// Fault injection for the mock (config and tests).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", default)]
pub struct Faults {
    /// Added latency per call, in milliseconds.
    pub latency_ms: u32,
    /// Share of calls that fail with 503 (0.0 to 1.0).
    pub failure_rate: f64,
    /// `METHOD /path/template` that always fails with 503.
    pub failing_endpoint: Option<String>,
    /// Share of successful writes whose answer is lost: the change is made,
    /// then 503 is answered (as when a connection drops after the commit).
    pub lost_answer_rate: f64,
    /// The next this many calls are answered 429, too many requests, as
    /// Graph and Partner Center throttle a client (counted down by each).
    pub throttled_calls: u32,
    /// The `Retry-After` those answers carry, in seconds (none when 0).
    pub retry_after_s: u32,
    /// `METHOD /path/template` whose calls alone are throttled (any call
    /// when none).
    pub throttled_endpoint: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::ErrorBody;

    #[test]
    fn error_data_items_are_strings_or_their_json_text() {
        let body: ErrorBody = serde_json::from_str(
            r#"{"code":600,"description":"d","data":["name",12,1.5,false,null,["a\"b"],{"k":{}}]}"#,
        )
        .unwrap();
        assert_eq!(
            body.data,
            [
                "name",
                "12",
                "1.5",
                "false",
                "null",
                r#"["a\"b"]"#,
                r#"{"k":{}}"#
            ]
        );
        assert!(
            serde_json::from_str::<ErrorBody>(r#"{"code":1,"description":"d","data":"x"}"#)
                .is_err()
        );
    }
}
