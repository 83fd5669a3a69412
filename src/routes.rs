//! The app's own addresses, typed: every link and navigation names an
//! [`AppRoute`], and [`AppRoute::path`] is the one place a path is written.
//! A route becomes a URL under the app's base (the deployment's sub-path)
//! through the context (`Ctx::href`). Each route belongs to one [`Site`]:
//! each site is its own build (see README "Deploying").

/// A screen of the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AppRoute {
    /// The home page, and the acceptance portal when the address carries an
    /// invitation.
    Home,
    /// The partner's Customers page.
    Customers,
    /// The partner's invitations.
    Invitations,
    /// "Request a reseller relationship" (admin privileges start requested,
    /// as in Partner Center).
    NewInvitation,
    /// One invitation's draft email.
    Draft(String),
    /// The partner's granular admin relationships with every customer.
    AdminRelationships,
    /// The customer's partner relationships.
    CustomerPartners,
}

impl AppRoute {
    /// The path under the app's base, e.g. `/partner/invitations/{id}/draft`.
    pub fn path(&self) -> String {
        match self {
            AppRoute::Home => "/".into(),
            AppRoute::Customers => "/partner/customers".into(),
            AppRoute::Invitations => "/partner/invitations".into(),
            AppRoute::NewInvitation => "/partner/invitations/new".into(),
            AppRoute::Draft(id) => format!("/partner/invitations/{id}/draft"),
            AppRoute::AdminRelationships => "/partner/admin-relationships".into(),
            AppRoute::CustomerPartners => "/customer".into(),
        }
    }

    /// The URL path under `base` (`""` at the domain root, `/reseller` under
    /// a sub-path).
    pub fn under(&self, base: &str) -> String {
        format!("{base}{}", self.path())
    }

    /// The build that serves this screen.
    pub fn site(&self) -> Site {
        Site::of(&self.path())
    }
}

/// One of the app's three sites (README "Three sites' builds, one site"),
/// which is also the workspace the header names as current. A customer
/// opening an invitation link loads only the portal's code (in production,
/// signed out, only its first page's: the landing build); the customer portal and the partner
/// workspace are their own builds under `customer/` and `partner/`. Links
/// between them are plain page loads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Site {
    /// The root `index.html`: the home page and the acceptance portal.
    Portal,
    /// `customer/index.html`: the customer's partner relationships.
    Customer,
    /// `partner/index.html`: the partner workspace.
    Partner,
}

impl Site {
    /// The site serving a path under the app's base.
    pub fn of(path_under_base: &str) -> Site {
        let under = |prefix: &str| {
            path_under_base
                .strip_prefix(prefix)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(['/', '?', '#']))
        };
        if under("/partner") {
            Site::Partner
        } else if under("/customer") {
            Site::Customer
        } else {
            Site::Portal
        }
    }

    /// Where the site's `index.html` lives under the app's base (`""`,
    /// `/customer` or `/partner`).
    pub fn dir(self) -> &'static str {
        match self {
            Site::Portal => "",
            Site::Customer => "/customer",
            Site::Partner => "/partner",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_have_one_path_each_under_any_base() {
        assert_eq!(
            AppRoute::Draft("abc".into()).under("/reseller"),
            "/reseller/partner/invitations/abc/draft"
        );
        assert_eq!(AppRoute::Home.under(""), "/");
        assert_eq!(AppRoute::NewInvitation.path(), "/partner/invitations/new");
        assert_eq!(Site::of("/partner/customers"), Site::Partner);
        assert_eq!(Site::of("/customer"), Site::Customer);
        assert_eq!(Site::of("/customer/"), Site::Customer);
        assert_eq!(Site::of("/"), Site::Portal);
        assert_eq!(Site::of("/partnership"), Site::Portal);
        assert_eq!(AppRoute::Draft("x".into()).site(), Site::Partner);
        assert_eq!(AppRoute::Customers.site(), Site::Partner);
        assert_eq!(AppRoute::AdminRelationships.site(), Site::Partner);
        assert_eq!(AppRoute::CustomerPartners.site(), Site::Customer);
        assert_eq!(AppRoute::Home.site(), Site::Portal);
        assert_eq!(Site::of("/partner"), Site::Partner);
    }
}
