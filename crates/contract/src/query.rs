//! The values a query parameter may take (sort, order, filter): enums, so a
//! caller cannot send one the contract does not know, and a server answers
//! an unknown one with a 400 naming the parameter.

use serde::{Deserialize, Serialize};

/// A query value with a fixed set of spellings.
pub trait QueryValue: Sized + Copy + 'static {
    /// Every value, in the order the documentation lists them.
    const ALL: &'static [Self];
    /// How it is spelled in a query.
    fn as_str(self) -> &'static str;
    /// Reads a spelling.
    fn parse(s: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == s)
    }
}

macro_rules! query_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $text:literal),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $text)] $variant),*
        }
        impl QueryValue for $name {
            const ALL: &'static [Self] = &[$($name::$variant),*];
            fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),* }
            }
        }
    };
}

query_enum! {
    /// What the customer list is sorted by.
    CustomerSort {
        /// Company name (the default).
        #[default]
        Name => "name",
        /// Primary domain.
        Domain => "domain",
        /// Country code.
        Country => "country",
        /// Relationship (reseller, with delegated admin, admin removed).
        Relationship => "relationship",
        /// Whether the Microsoft Customer Agreement is accepted.
        Mca => "mca",
        /// When the relationship began.
        Since => "since",
    }
}

query_enum! {
    /// Sort direction.
    SortOrder {
        /// Ascending (the default).
        #[default]
        Asc => "asc",
        /// Descending.
        Desc => "desc",
    }
}

query_enum! {
    /// Which relationships the customer list shows.
    RelationshipFilter {
        /// Every customer (the default).
        #[default]
        All => "all",
        /// Reseller only, never granted admin privileges.
        Reseller => "reseller",
        /// With active delegated admin privileges.
        Delegated => "delegated",
        /// The customer removed the admin privileges.
        AdminRemoved => "adminRemoved",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_reads_back_and_unknown_ones_do_not() {
        for v in CustomerSort::ALL {
            assert_eq!(CustomerSort::parse(v.as_str()), Some(*v));
            assert_eq!(
                serde_json::to_string(v).unwrap(),
                format!("\"{}\"", v.as_str())
            );
        }
        assert_eq!(
            RelationshipFilter::parse("adminRemoved"),
            Some(RelationshipFilter::AdminRemoved)
        );
        assert_eq!(SortOrder::parse("up"), None);
        assert_eq!(CustomerSort::parse("Name"), None);
    }
}

query_enum! {
    /// Which side of two-tier relationships to list (Partner Center's
    /// `relationship_type`, "Retrieve a list of indirect resellers",
    /// <https://learn.microsoft.com/partner-center/developer/retrieve-a-list-of-indirect-resellers>).
    IndirectRelationshipType {
        /// Signed in as an indirect provider: its indirect resellers (the default).
        #[default]
        IsIndirectCloudSolutionProviderOf => "IsIndirectCloudSolutionProviderOf",
        /// Signed in as an indirect reseller: its indirect providers.
        IsIndirectResellerOf => "IsIndirectResellerOf",
    }
}
