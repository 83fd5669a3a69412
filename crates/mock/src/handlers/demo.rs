//! The demo's own endpoints: its identities, sign-in, new organizations,
//! and reset (the mock server answers the last three to loopback only).

use crate::backend::{fail, invalid, invalid_msg, ok, Answer, MockBackend};
use crate::present::demo_user;
use crate::scale;
use crate::state::{self, State, Tenant, User, SCALE_PARTNER};
use reseller_contract::error::ErrorCode;
use reseller_contract::wire;
use reseller_domain::cloud::Cloud;
use reseller_domain::country;
use reseller_domain::ids::{TenantId, UserId};
use reseller_domain::relationship::CustomerRole;
use reseller_domain::validate;

impl MockBackend {
    pub(crate) fn identities(&self) -> Answer {
        let mut partners = Vec::new();
        let mut customers = Vec::new();
        for t in self.state.tenants.values() {
            if scale::index_of(t.id).is_some() {
                continue;
            }
            let users = self
                .state
                .users
                .iter()
                .filter(|u| u.tenant == t.id)
                .map(demo_user)
                .collect();
            let customer_count = if t.partner.is_some() {
                let stored = self
                    .state
                    .relationships
                    .iter()
                    .filter(|r| r.partner == t.id)
                    .count() as u64;
                let generated = if t.id == SCALE_PARTNER {
                    u64::from(state::SCALE_CUSTOMERS) - self.state.scale_overrides.len() as u64
                } else {
                    0
                };
                stored + generated
            } else {
                0
            };
            let entry = wire::DemoTenant {
                tenant_id: t.id.to_string(),
                company_name: t.name.clone(),
                domain: t.domain.clone(),
                country: t.country.clone(),
                cloud: t.cloud,
                mca_accepted: t.mca.is_some(),
                customer_count,
                users,
            };
            if t.partner.is_some() {
                partners.push(entry)
            } else {
                customers.push(entry)
            }
        }
        partners.sort_by(|a, b| a.company_name.cmp(&b.company_name));
        customers.sort_by(|a, b| a.company_name.cmp(&b.company_name));
        ok(
            200,
            &wire::DemoIdentities {
                partners,
                customers,
            },
        )
    }

    pub(crate) fn sign_in(&self, body: wire::SignInRequest) -> Answer {
        let id: UserId = body
            .user_id
            .parse()
            .map_err(|_| fail(ErrorCode::NotFound, "No demo user with this id"))?;
        let user = self
            .state
            .users
            .iter()
            .find(|u| u.id == id)
            .cloned()
            .ok_or_else(|| fail(ErrorCode::NotFound, "No demo user with this id"))?;
        ok(200, &self.session(&user))
    }

    pub(crate) fn reset(&mut self) -> Answer {
        let revision = self.state.revision;
        self.state = State::seed();
        self.state.revision = revision + 1;
        Ok((204, String::new()))
    }

    pub(crate) fn create_tenant(&mut self, body: wire::NewTenant) -> Answer {
        validate::required_text(&body.company_name, validate::MAX_TEXT)
            .map_err(|p| invalid("companyName", p))?;
        validate::domain(&body.domain).map_err(|p| invalid("domain", p))?;
        let domain = body.domain.trim().to_ascii_lowercase();
        if self
            .state
            .tenants
            .values()
            .any(|t| t.domain.eq_ignore_ascii_case(&domain))
        {
            return Err(invalid_msg(
                "domain",
                format!("The domain {domain} is already taken by another tenant; choose another"),
            ));
        }
        validate::country(&body.country).map_err(|p| invalid("country", p))?;
        validate::required_text(&body.admin_name, validate::MAX_TEXT)
            .map_err(|p| invalid("adminName", p))?;
        validate::email(&body.admin_email).map_err(|p| invalid("adminEmail", p))?;
        let id = TenantId::new_random();
        let country = country::find(body.country.trim())
            .map(|c| c.code)
            .unwrap_or_default();
        self.state.tenants.insert(
            id,
            Tenant {
                id,
                name: body.company_name.trim().into(),
                domain,
                country: country.into(),
                city: String::new(),
                cloud: body.cloud.unwrap_or(Cloud::Public),
                partner: None,
                mca: None,
            },
        );
        let user = User {
            id: UserId::new_random(),
            tenant: id,
            name: body.admin_name.trim().into(),
            email: body.admin_email.trim().into(),
            partner_role: None,
            customer_role: Some(CustomerRole::GlobalAdmin),
            licenses: Vec::new(),
        };
        self.state.users.push(user.clone());
        ok(201, &self.session(&user))
    }
}
