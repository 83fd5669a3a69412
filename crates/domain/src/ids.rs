//! Identifiers: tenants (partner and customer) and invitations are GUIDs.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use uuid::Uuid;

macro_rules! guid_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
        #[serde(transparent)]
        pub struct $name(pub Uuid);

        impl $name {
            /// A fresh random id.
            pub fn new_random() -> Self {
                Self(Uuid::new_v4())
            }
            /// A deterministic id from two numbers (demo seed data).
            pub fn from_parts(high: u64, low: u64) -> Self {
                Self(Uuid::from_u64_pair(high, low))
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.hyphenated().fmt(f)
            }
        }

        impl FromStr for $name {
            type Err = IdError;
            fn from_str(s: &str) -> Result<Self, IdError> {
                parse_guid(s).map(Self)
            }
        }
    };
}

guid_id!(
    /// An Azure AD tenant: a partner's or a customer's.
    TenantId
);
guid_id!(
    /// One invitation record created by a partner.
    InvitationId
);
guid_id!(
    /// A user inside a tenant.
    UserId
);
guid_id!(
    /// A security group of the partner's tenant.
    GroupId
);

/// Why a string is not a GUID.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IdError(pub String);

impl fmt::Display for IdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "“{}” is not a GUID (expected 8-4-4-4-12 hexadecimal digits)",
            self.0
        )
    }
}

/// Parses the hyphenated 8-4-4-4-12 form only (what Partner Center emits).
pub fn parse_guid(s: &str) -> Result<Uuid, IdError> {
    let shown: String = s.chars().take(60).collect();
    if s.len() != 36 {
        return Err(IdError(shown));
    }
    Uuid::parse_str(s).map_err(|_| IdError(shown))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guid_round_trips_and_rejects_other_forms() {
        let id: TenantId = "3b33e682-00c3-41ee-9dd2-a548adf56438".parse().unwrap();
        assert_eq!(id.to_string(), "3b33e682-00c3-41ee-9dd2-a548adf56438");
        assert!("3b33e68200c341ee9dd2a548adf56438"
            .parse::<TenantId>()
            .is_err());
        assert!("not-a-guid".parse::<TenantId>().is_err());
        assert!("".parse::<TenantId>().is_err());
    }
}

/// A granular delegated admin relationship's id: Graph's ids are strings,
/// in practice a GUID or two joined by a hyphen
/// (`5d027261-…-fb163-8777b240-…-b836` in Microsoft's samples); this
/// product makes GUIDs and reads both.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(try_from = "String", into = "String")]
pub struct AdminRelationshipId(String);

impl AdminRelationshipId {
    /// A fresh random id.
    pub fn new_random() -> Self {
        Self(Uuid::new_v4().hyphenated().to_string())
    }
}

impl fmt::Display for AdminRelationshipId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl FromStr for AdminRelationshipId {
    type Err = IdError;
    fn from_str(s: &str) -> Result<Self, IdError> {
        let s = s.trim();
        let one = |part: &str| parse_guid(part).map(|g| g.hyphenated().to_string());
        let read = if s.is_ascii() && s.len() == 73 && s.as_bytes()[36] == b'-' {
            one(&s[..36]).and_then(|a| Ok(format!("{a}-{}", one(&s[37..])?)))
        } else {
            one(s)
        };
        read.map(Self)
    }
}

impl TryFrom<String> for AdminRelationshipId {
    type Error = IdError;
    fn try_from(s: String) -> Result<Self, IdError> {
        s.parse()
    }
}

impl From<AdminRelationshipId> for String {
    fn from(id: AdminRelationshipId) -> String {
        id.0
    }
}
