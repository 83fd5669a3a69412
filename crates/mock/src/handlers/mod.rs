//! The handlers, one file per resource, and the one exhaustive `match`
//! that sends each operation of the contract to its handler: an operation
//! added to the contract without a handler does not compile.

mod customers;
mod demo;
mod gdap;
mod invitations;
mod profile;
mod services;
mod tenant;

use crate::backend::{fail, Answer, MockBackend};
use crate::state::User;
use reseller_contract::error::ErrorCode;
use reseller_contract::Request;
use reseller_domain::time::Millis;

impl MockBackend {
    /// Answers one operation (the caller was checked against the endpoint).
    pub(crate) fn dispatch(
        &mut self,
        request: Request,
        user: Option<&User>,
        now: Millis,
    ) -> Answer {
        let me = || {
            user.cloned()
                .ok_or_else(|| fail(ErrorCode::NotSignedIn, "Sign in first"))
        };
        match request {
            Request::ListDemoIdentities(_) => self.identities(),
            Request::DemoSignIn(op) => self.sign_in(op.body),
            Request::CreateDemoTenant(op) => self.create_tenant(op.body),
            Request::ResetDemo(_) => self.reset(),
            Request::GetMe(_) => self.get_me(&me()?),
            Request::GetPartnerProfile(_) => self.get_partner_profile(&me()?),
            Request::GetRelationshipRequest(op) => self.relationship_request(&me()?, op.dap),
            Request::ListIndirectPartners(op) => {
                self.indirect_partners(&me()?, op.relationship_type)
            }
            Request::ListAgreementMetadata(_) => self.agreement_metadata(),
            Request::ListOffers(_) => self.offers(),
            Request::CreateInvitation(op) => self.create_invitation(&me()?, op.body, now),
            Request::ListInvitations(_) => self.list_invitations(&me()?, now),
            Request::GetInvitation(op) => self.get_invitation(&me()?, op.invitation, now),
            Request::RevokeInvitation(op) => self.revoke(&me()?, op.invitation, now),
            Request::SaveDraft(op) => self.save_draft(&me()?, op.invitation, op.body, now),
            Request::ListCustomers(op) => self.list_customers(&me()?, op),
            Request::GetCustomer(op) => self.get_customer(&me()?, op.customer),
            Request::RemoveRelationship(op) => self.remove_relationship(&me()?, op.customer),
            Request::ListCustomerAgreements(op) => self.customer_agreements(&me()?, op.customer),
            Request::AttestAgreement(op) => {
                self.attest_agreement(&me()?, op.customer, op.body, now)
            }
            Request::ListSubscriptions(op) => self.list_subscriptions(&me()?, op.customer),
            Request::CreateSubscription(op) => {
                self.add_subscription(&me()?, op.customer, op.body, now)
            }
            Request::UpdateSubscription(op) => {
                self.patch_subscription(&me()?, op.customer, op.subscription, op.body)
            }
            Request::SetSupportContact(op) => {
                self.set_support_contact(&me()?, op.customer, op.subscription, op.body)
            }
            Request::ListCustomerUsers(op) => self.list_users(&me()?, op.customer, now),
            Request::ListSubscribedSkus(op) => self.list_skus(&me()?, op.customer, now),
            Request::UpdateLicenses(op) => {
                self.update_licenses(&me()?, op.customer, op.user, op.body, now)
            }
            Request::ViewInvitation(op) => self.view_invitation(&op.link, user, now),
            Request::AcceptInvitation(op) => self.accept(&me()?, op.body, now),
            Request::ListPartners(_) => self.list_partners(&me()?),
            Request::RemoveAdminPermissions(op) => self.remove_admin(&me()?, op.partner),
            Request::AdvanceDemoClock(op) => self.advance_clock(op.body, now),
            Request::ListSecurityGroups(_) => self.security_groups(&me()?),
            Request::CreateAdminRelationship(op) => {
                self.create_admin_relationship(&me()?, op.body, now)
            }
            Request::ListAdminRelationships(op) => self.list_admin_relationships(&me()?, &op, now),
            Request::GetAdminRelationship(op) => {
                self.get_admin_relationship(&me()?, op.relationship, now)
            }
            Request::UpdateAdminRelationship(op) => {
                self.update_admin_relationship(&me()?, op.relationship, &op.if_match, op.body, now)
            }
            Request::CreateRelationshipRequest(op) => {
                self.admin_relationship_request(&me()?, op.relationship, op.body, now)
            }
            Request::ListAccessAssignments(op) => {
                self.list_access_assignments(&me()?, op.relationship)
            }
            Request::CreateAccessAssignment(op) => {
                self.create_access_assignment(&me()?, op.relationship, op.body, now)
            }
            Request::ListTenantAdminRelationships(_) => {
                self.tenant_admin_relationships(&me()?, now)
            }
            Request::GetTenantAdminRelationship(op) => {
                self.tenant_admin_relationship(&me()?, op.relationship, now)
            }
            Request::ApproveAdminRelationship(op) => {
                self.approve_admin(&me()?, op.relationship, now)
            }
            Request::TerminateTenantAdminRelationship(op) => {
                self.terminate_tenant_admin(&me()?, op.relationship, now)
            }
        }
    }
}
