//! Microsoft clouds a partner operates in, and where each one's customers accept.

use serde::{Deserialize, Serialize};

/// A Microsoft cloud instance.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum Cloud {
    /// The commercial (public) cloud.
    Public,
    /// Microsoft Cloud for US Government.
    UsGovernment,
    /// Microsoft Cloud Germany.
    Germany,
}

/// The portal a customer accepts an invitation in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum Portal {
    /// Public cloud: "Microsoft 365 admin center".
    Microsoft365AdminCenter,
    /// US Government and Germany: "Microsoft Office admin portal".
    OfficeAdminPortal,
}

impl Cloud {
    /// Every cloud, in display order.
    pub const ALL: [Cloud; 3] = [Cloud::Public, Cloud::UsGovernment, Cloud::Germany];

    /// Partners in sovereign clouds must request delegated admin privileges.
    pub fn requires_delegated_admin(self) -> bool {
        !matches!(self, Cloud::Public)
    }

    /// The acceptance portal for customers of this cloud.
    pub fn portal(self) -> Portal {
        match self {
            Cloud::Public => Portal::Microsoft365AdminCenter,
            Cloud::UsGovernment | Cloud::Germany => Portal::OfficeAdminPortal,
        }
    }

    /// Where Partner Center's links send this cloud's customers: the
    /// Microsoft 365 admin center for the public cloud
    /// (`https://admin.microsoft.com/Adminportal/Home`, Partner Center's
    /// sample in "Retrieve a relationship request URL"); the Microsoft Office
    /// admin portal of each sovereign cloud ("Where a customer accepts an
    /// invitation", request-a-relationship-with-a-customer). Microsoft
    /// documents no URL for the sovereign portals' invitation page; these
    /// are their admin portals' hosts (Office 365 US Government GCC High
    /// `portal.office365.us`, Office 365 Germany `portal.office.de`).
    pub fn admin_portal_home(self) -> &'static str {
        match self {
            Cloud::Public => "https://admin.microsoft.com/Adminportal/Home",
            Cloud::UsGovernment => "https://portal.office365.us/Adminportal/Home",
            Cloud::Germany => "https://portal.office.de/Adminportal/Home",
        }
    }

    /// The cloud's official English name.
    pub fn name(self) -> &'static str {
        match self {
            Cloud::Public => "Microsoft commercial cloud",
            Cloud::UsGovernment => "Microsoft Cloud for US Government",
            Cloud::Germany => "Microsoft Cloud Germany",
        }
    }
}

impl Portal {
    /// The portal's English product name (the UI shows it in its language:
    /// "Centro de administração do Microsoft 365", "Portal de administração
    /// do Microsoft Office", as the pt-BR article names them).
    pub fn name(self) -> &'static str {
        match self {
            Portal::Microsoft365AdminCenter => "Microsoft 365 admin center",
            Portal::OfficeAdminPortal => "Microsoft Office admin portal",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sovereign_clouds_force_dap_and_use_the_office_portal() {
        assert!(!Cloud::Public.requires_delegated_admin());
        assert!(Cloud::UsGovernment.requires_delegated_admin());
        assert!(Cloud::Germany.requires_delegated_admin());
        assert_eq!(Cloud::Public.portal().name(), "Microsoft 365 admin center");
        assert_eq!(
            Cloud::UsGovernment.portal().name(),
            "Microsoft Office admin portal"
        );
        assert_eq!(Cloud::Germany.portal(), Portal::OfficeAdminPortal);
    }
}
