//! The app's own addresses, typed: every link and navigation names an
//! [`AppRoute`], and [`AppRoute::path`] is the one place a path is written.
//! A route becomes a URL under the app's base (the deployment's sub-path)
//! through the context (`Ctx::href`).

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
            AppRoute::CustomerPartners => "/customer".into(),
        }
    }

    /// The URL path under `base` (`""` at the domain root, `/reseller` under
    /// a sub-path).
    pub fn under(&self, base: &str) -> String {
        format!("{base}{}", self.path())
    }
}

/// Which workspace an address belongs to (for the header's current link).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Area {
    /// The home page and the acceptance portal.
    Home,
    /// The partner workspace.
    Partner,
    /// The customer portal.
    Customer,
}

impl Area {
    /// The area of a path under the app's base.
    pub fn of(path_under_base: &str) -> Area {
        if path_under_base.starts_with("/partner") {
            Area::Partner
        } else if path_under_base.starts_with("/customer") {
            Area::Customer
        } else {
            Area::Home
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
        assert_eq!(Area::of("/partner/customers"), Area::Partner);
        assert_eq!(Area::of("/customer"), Area::Customer);
        assert_eq!(Area::of("/"), Area::Home);
    }
}
