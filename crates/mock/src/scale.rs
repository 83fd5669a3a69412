//! The scale partner's 50,000 customers, generated on demand from their index
//! so they cost nothing to store; a customer is written into the state (and
//! no longer generated) the first time it changes.

use super::state::{AdminRelationship, McaRecord};
use super::state::{
    Relationship, Subscription, Tenant, User, SCALE_CUSTOMERS, SCALE_PARTNER, SEED_TIME,
};
use reseller_domain::cloud::Cloud;
use reseller_domain::ids::{TenantId, UserId};
use reseller_domain::relationship::{CustomerRole, DelegatedAdmin, McaSigner};

const ADJECTIVES: [&str; 50] = [
    "Blue",
    "Red",
    "Green",
    "Silver",
    "Golden",
    "Northern",
    "Southern",
    "Eastern",
    "Western",
    "Bright",
    "Swift",
    "Quiet",
    "Bold",
    "Clear",
    "Crystal",
    "Evergreen",
    "Granite",
    "Harbor",
    "Iron",
    "Jade",
    "Lakeside",
    "Maple",
    "Meadow",
    "Midnight",
    "Noble",
    "Oak",
    "Pacific",
    "Pine",
    "Prairie",
    "Rapid",
    "River",
    "Rocky",
    "Royal",
    "Sage",
    "Sierra",
    "Summit",
    "Sunny",
    "Timber",
    "Urban",
    "Valley",
    "Vivid",
    "Wild",
    "Willow",
    "Winter",
    "Atlas",
    "Beacon",
    "Cedar",
    "Coastal",
    "Copper",
    "Falcon",
];
const NOUNS: [&str; 40] = [
    "Anchor", "Arrow", "Bay", "Bridge", "Canyon", "Cloud", "Creek", "Crest", "Field", "Forge",
    "Garden", "Gate", "Grove", "Haven", "Hill", "Horizon", "Island", "Key", "Lantern", "Leaf",
    "Light", "Mesa", "Mill", "Mountain", "Orchard", "Path", "Peak", "Point", "Port", "Ridge",
    "Rock", "Shore", "Sky", "Spring", "Star", "Stone", "Tide", "Trail", "Wave", "Wood",
];
const SUFFIXES: [&str; 25] = [
    "Ltd",
    "Inc",
    "LLC",
    "Group",
    "Partners",
    "Labs",
    "Studio",
    "Logistics",
    "Consulting",
    "Foods",
    "Health",
    "Energy",
    "Media",
    "Systems",
    "Works",
    "Holdings",
    "Retail",
    "Design",
    "Motors",
    "Finance",
    "Travel",
    "Legal",
    "Farms",
    "Robotics",
    "Outfitters",
];
/// All in the United States market, where Northwind (the scale partner) sells.
const COUNTRIES: [(&str, &str); 6] = [
    ("US", "Chicago"),
    ("US", "Austin"),
    ("US", "Seattle"),
    ("US", "Boston"),
    ("US", "Atlanta"),
    ("US", "Denver"),
];

/// A well-spread number from an index and a salt, so that generated facts
/// (country, agreement, admin privileges...) do not line up with the names.
fn mix(i: u32, salt: u32) -> u32 {
    let mut x = i.wrapping_mul(0x9e37_79b9) ^ salt.wrapping_mul(0x85eb_ca6b);
    x ^= x >> 15;
    x = x.wrapping_mul(0x2c1b_3c6d);
    x ^= x >> 12;
    x
}

/// The tenant id of scale customer `i`.
pub fn tenant_id(i: u32) -> TenantId {
    TenantId::from_parts(
        0x5ca1_e000_0000_4000,
        0x8000_0000_0000_0000 | (u64::from(i) + 0x100),
    )
}

/// The index of a scale customer's tenant id, if it is one.
pub fn index_of(id: TenantId) -> Option<u32> {
    let (high, low) = id.0.as_u64_pair();
    if high != 0x5ca1_e000_0000_4000 || low & 0xffff_ffff_0000_0000 != 0x8000_0000_0000_0000 {
        return None;
    }
    let i = u32::try_from((low & 0xffff_ffff).checked_sub(0x100)?).ok()?;
    (i < SCALE_CUSTOMERS && tenant_id(i) == id).then_some(i)
}

/// Company name of scale customer `i` (unique for every index).
pub fn name(i: u32) -> String {
    let i = i as usize;
    format!(
        "{} {} {}",
        ADJECTIVES[i % 50],
        NOUNS[(i / 50) % 40],
        SUFFIXES[(i / 2000) % 25]
    )
}

/// The generated tenant.
pub fn tenant(i: u32) -> Tenant {
    let n = name(i);
    let slug: String = n
        .to_lowercase()
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect();
    let (country, city) = COUNTRIES[mix(i, 2) as usize % COUNTRIES.len()];
    let admin_first = ["Avery", "Blake", "Cameron", "Drew", "Emerson"][mix(i, 6) as usize % 5];
    let domain = format!("{slug}.onmicrosoft.com");
    Tenant {
        id: tenant_id(i),
        name: n,
        domain: domain.clone(),
        country: country.into(),
        city: city.into(),
        cloud: Cloud::Public,
        partner: None,
        mca: (!mix(i, 1).is_multiple_of(5)).then(|| McaRecord {
            signer: McaSigner {
                first_name: admin_first.into(),
                last_name: "Morgan".into(),
                email: format!("{}@{domain}", admin_first.to_lowercase()),
                phone_number: String::new(),
            },
            date_agreed: since(i),
            user_id: user_id(i, 0),
        }),
    }
}

fn since(i: u32) -> i64 {
    SEED_TIME - i64::from(mix(i, 5) % 400) * 86_400_000 - i64::from(i % 86_400) * 1000
}

fn user_id(i: u32, n: u64) -> UserId {
    UserId::from_parts(
        0x5ca1_e05e_0000_4000 | u64::from(i >> 16),
        0x8000_0000_0000_0000 | (u64::from(i) << 8) | n,
    )
}

/// The generated relationship with the scale partner.
pub fn relationship(i: u32) -> Relationship {
    let dap = if mix(i, 3).is_multiple_of(17) {
        DelegatedAdmin::Removed
    } else if mix(i, 3).is_multiple_of(3) {
        DelegatedAdmin::None
    } else {
        DelegatedAdmin::Active
    };
    Relationship {
        indirect_reseller: None,
        partner: SCALE_PARTNER,
        customer: tenant_id(i),
        dap,
        since: since(i),
    }
}

/// The generated users (an admin, a billing admin, a user).
pub fn users(i: u32) -> Vec<User> {
    let t = tenant(i);
    [
        ("Avery Morgan", CustomerRole::GlobalAdmin),
        ("Jamie Chen", CustomerRole::BillingAdmin),
        ("Riley Novak", CustomerRole::User),
    ]
    .iter()
    .enumerate()
    .map(|(n, (person, role))| User {
        id: user_id(i, n as u64),
        tenant: t.id,
        name: (*person).into(),
        email: format!(
            "{}@{}",
            person.split(' ').next().unwrap_or_default().to_lowercase(),
            t.domain
        ),
        partner_role: None,
        customer_role: Some(*role),
        licenses: if n == 0 && mix(i, 4).is_multiple_of(2) {
            vec!["sku-m365-basic".into()]
        } else {
            Vec::new()
        },
    })
    .collect()
}

/// The generated subscriptions (every other customer has one).
pub fn subscriptions(i: u32) -> Vec<Subscription> {
    if !mix(i, 4).is_multiple_of(2) {
        return Vec::new();
    }
    vec![Subscription {
        id: uuid::Uuid::from_u64_pair(
            0x5ca1_e5b5_0000_4000 | u64::from(i >> 16),
            0x8000_0000_0000_0000 | u64::from(i),
        ),
        customer: tenant_id(i),
        partner: SCALE_PARTNER,
        offer_id: "m365-business-basic".into(),
        quantity: 5 + i % 20,
        active: true,
        created: since(i),
        support: None,
    }]
}

/// How many of the scale customers have a granular admin relationship.
pub const SCALE_ADMIN_RELATIONSHIPS: u32 = 320;

/// The scale partner's granular admin relationships with its first 320
/// customers, what keeping hundreds alive looks like: 300 in force or past
/// their end, whose ends are spread from 15 days before the seed's date to
/// two years after it (one every two and a half days: at any date in that
/// span about a dozen end within 30 days), a third of them auto-extending,
/// a tenth with Global Administrator (which cannot auto-extend); and 20
/// requests sent for approval every 5 days up to 95 days before `today`
/// (the day the demo data is made: the 18 sent within the last 90 days
/// wait for approval, as a partner's would whenever the demo starts).
pub fn admin_relationships(today: i64) -> Vec<AdminRelationship> {
    use reseller_domain::gdap::{self, AdminRelationshipStatus as Status};
    use reseller_domain::time::DAY;
    (0..SCALE_ADMIN_RELATIONSHIPS)
        .map(|i| {
            let template = &gdap::TEMPLATES[i as usize % gdap::TEMPLATES.len()];
            let mut roles: Vec<String> = template.roles.iter().map(|r| (*r).into()).collect();
            if i % 10 == 7 {
                roles.insert(0, gdap::GLOBAL_ADMINISTRATOR.into());
            }
            let id = uuid::Uuid::from_u64_pair(
                0x5ca1_e0ad_0000_4000,
                0x8000_0000_0000_0000 | u64::from(i),
            );
            let pending = i >= 300;
            let days = if i % 4 == 1 { 365 } else { 730 };
            let requested = if pending {
                today - i64::from(i - 300) * 5 * DAY
            } else {
                SEED_TIME + (i64::from(i) * 5 / 2 - 15) * DAY - days * DAY
            };
            AdminRelationship {
                id: id
                    .to_string()
                    .parse()
                    .expect("a GUID is an admin relationship id"),
                partner: SCALE_PARTNER,
                customer: Some(tenant_id(i)),
                display_name: format!("{} GDAP", name(i))
                    .chars()
                    .take(gdap::MAX_NAME)
                    .collect(),
                duration: gdap::days_iso(days),
                days,
                auto_extend: !pending && i % 3 == 0 && !gdap::includes_global_admin(&roles),
                roles,
                status: if pending {
                    Status::ApprovalPending
                } else {
                    Status::Active
                },
                created_at: requested,
                modified_at: requested,
                locked_at: Some(requested),
                activated_at: (!pending).then_some(requested),
                terminated_at: None,
                app_base: None,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_names_are_unique() {
        for i in [0, 1, 255, 4_096, 49_000, SCALE_CUSTOMERS - 1] {
            assert_eq!(index_of(tenant_id(i)), Some(i));
        }
        assert_eq!(index_of(TenantId::from_parts(1, 2)), None);
        assert_eq!(index_of(tenant_id(SCALE_CUSTOMERS)), None);
        let names: std::collections::HashSet<_> = (0..SCALE_CUSTOMERS).map(name).collect();
        assert_eq!(names.len(), SCALE_CUSTOMERS as usize);
    }
}
