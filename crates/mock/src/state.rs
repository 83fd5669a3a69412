//! The mock's state (plain Rust, serialisable) and its believable demo seed.

use super::idempotency::Replays;
use reseller_domain::cloud::Cloud;
use reseller_domain::email::Lang;
use reseller_domain::ids::{InvitationId, TenantId, UserId};
use reseller_domain::relationship::{CustomerRole, DelegatedAdmin, McaSigner, PartnerRole};
use reseller_domain::time::{Millis, DAY};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

pub use reseller_contract::wire::MCA_TEMPLATE_ID;
/// When the seed data "was created": fixed so the seed is deterministic.
pub const SEED_TIME: Millis = 1_790_000_000_000; // 2026-09-21
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
    /// Indirect provider (invites on behalf of indirect resellers).
    pub indirect_provider: bool,
    /// Indirect resellers: (tenant, name, MPN id, country).
    pub resellers: Vec<(TenantId, String, String, String)>,
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
    /// The indirect reseller's tenant, if any.
    pub indirect_reseller: Option<TenantId>,
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
}

/// One catalogue entry: offer id, name, SKU id, admin portal.
pub const OFFERS: &[(&str, &str, &str, &str)] = &[
    (
        "m365-business-basic",
        "Microsoft 365 Business Basic",
        "sku-m365-basic",
        "https://admin.microsoft.com",
    ),
    (
        "m365-business-standard",
        "Microsoft 365 Business Standard",
        "sku-m365-standard",
        "https://admin.microsoft.com",
    ),
    (
        "m365-business-premium",
        "Microsoft 365 Business Premium",
        "sku-m365-premium",
        "https://admin.microsoft.com",
    ),
    (
        "o365-e3",
        "Office 365 E3",
        "sku-o365-e3",
        "https://admin.microsoft.com",
    ),
    (
        "exchange-online-1",
        "Exchange Online (Plan 1)",
        "sku-exchange-1",
        "https://admin.exchange.microsoft.com",
    ),
    (
        "teams-essentials",
        "Microsoft Teams Essentials",
        "sku-teams-essentials",
        "https://admin.teams.microsoft.com",
    ),
    (
        "azure-plan",
        "Azure plan",
        "sku-azure-plan",
        "https://portal.azure.com",
    ),
];

/// Seed row: number, name, domain, country, city, cloud, MPN id, indirect provider, three users.
type SeedPartner = (
    u64,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Cloud,
    &'static str,
    bool,
    [&'static str; 3],
);
/// Seed row: number, name, domain, country, city, cloud, MCA accepted, three users.
type SeedCustomer = (
    u64,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Cloud,
    bool,
    [&'static str; 3],
);

fn tid(n: u64) -> TenantId {
    TenantId::from_parts(0x0de0_0000_0000_4000 | n, 0x8000_0000_0000_0000 | n)
}

fn uid(tenant: u64, n: u64) -> UserId {
    UserId::from_parts(
        0x05e7_0000_0000_4000 | (tenant << 16) | n,
        0x8000_0000_0000_0000 | n,
    )
}

impl State {
    /// The demo seed: partners in each cloud and several countries, customers
    /// in many countries with every role, some relationships and subscriptions.
    pub fn seed() -> State {
        let mut s = State {
            schema: super::store::SCHEMA_VERSION,
            ..State::default()
        };
        let partner_users = [
            ("Admin agent", PartnerRole::AdminAgent),
            ("Sales agent", PartnerRole::SalesAgent),
            ("Helpdesk agent", PartnerRole::HelpdeskAgent),
        ];
        let partners: [SeedPartner; 6] = [
            (
                1,
                "Fabrikam Cloud Services",
                "fabrikam.com.br",
                "BR",
                "São Paulo",
                Cloud::Public,
                "4811223",
                false,
                ["Ana Souza", "Bruno Lima", "Carla Dias"],
            ),
            (
                2,
                "Contoso Partners Europe",
                "contosopartners.eu",
                "PT",
                "Lisboa",
                Cloud::Public,
                "5120987",
                false,
                ["Inês Costa", "Rui Almeida", "Marta Reis"],
            ),
            (
                3,
                "Tailspin Distribution",
                "tailspin.com",
                "US",
                "Seattle",
                Cloud::Public,
                "6531449",
                true,
                ["Dana Whitfield", "Sam Ortiz", "Lee Park"],
            ),
            (
                4,
                "Litware Federal",
                "litwarefederal.us",
                "US",
                "Arlington",
                Cloud::UsGovernment,
                "7402210",
                false,
                ["Morgan Hale", "Jordan Reyes", "Casey Brooks"],
            ),
            (
                5,
                "Adatum Deutschland",
                "adatum.de",
                "DE",
                "Frankfurt",
                Cloud::Germany,
                "8013377",
                false,
                ["Jonas Becker", "Lea Wagner", "Felix Braun"],
            ),
            (
                6,
                "Northwind Traders",
                "northwindtraders.com",
                "US",
                "Chicago",
                Cloud::Public,
                "9100042",
                false,
                ["Priya Raman", "Tom Fischer", "Alex Kim"],
            ),
        ];
        for (n, name, domain, country, city, cloud, mpn, indirect, people) in partners {
            let id = if n == 6 { SCALE_PARTNER } else { tid(n) };
            let resellers = if indirect {
                vec![
                    (
                        tid(901),
                        "Relecloud Resellers".to_string(),
                        "3300101".to_string(),
                        "US".to_string(),
                    ),
                    (
                        tid(902),
                        "Proseware IT Solutions".to_string(),
                        "3300102".to_string(),
                        "CA".to_string(),
                    ),
                ]
            } else {
                Vec::new()
            };
            s.tenants.insert(
                id,
                Tenant {
                    id,
                    name: name.into(),
                    domain: domain.into(),
                    country: country.into(),
                    city: city.into(),
                    cloud,
                    partner: Some(PartnerFacts {
                        mpn_id: mpn.into(),
                        indirect_provider: indirect,
                        resellers,
                    }),
                    mca: None,
                },
            );
            for (i, ((_, role), person)) in partner_users.iter().zip(people).enumerate() {
                let first = person.split(' ').next().unwrap_or(person).to_lowercase();
                s.users.push(User {
                    id: uid(n, i as u64 + 1),
                    tenant: id,
                    name: person.into(),
                    email: format!("{}@{domain}", strip_accents(&first)),
                    partner_role: Some(*role),
                    customer_role: None,
                    licenses: Vec::new(),
                });
            }
        }
        let customers: [SeedCustomer; 10] = [
            (
                11,
                "Contoso Ltda",
                "contoso.com.br",
                "BR",
                "Campinas",
                Cloud::Public,
                true,
                ["Beatriz Rocha", "Diego Martins", "Elisa Nunes"],
            ),
            (
                12,
                "Wingtip Toys Brasil",
                "wingtiptoys.com.br",
                "BR",
                "Curitiba",
                Cloud::Public,
                true,
                ["Gustavo Pereira", "Helena Castro", "Igor Santos"],
            ),
            (
                13,
                "Alpine Ski House",
                "alpineskihouse.com.ar",
                "AR",
                "Bariloche",
                Cloud::Public,
                true,
                ["Julieta Gómez", "Martín López", "Sofía Díaz"],
            ),
            (
                14,
                "Woodgrove Bank",
                "woodgrovebank.com",
                "US",
                "New York",
                Cloud::Public,
                false,
                ["Karen Miller", "Luis Garcia", "Nina Patel"],
            ),
            (
                15,
                "Lamna Healthcare",
                "lamnahealthcare.de",
                "DE",
                "Hamburg",
                Cloud::Public,
                false,
                ["Otto Schulz", "Petra Hoffmann", "Rita Klein"],
            ),
            (
                16,
                "Coho Vineyard",
                "cohovineyard.pt",
                "PT",
                "Porto",
                Cloud::Public,
                true,
                ["Tiago Ferreira", "Vera Lopes", "Xavier Sousa"],
            ),
            (
                17,
                "Margie's Travel",
                "margiestravel.jp",
                "JP",
                "Osaka",
                Cloud::Public,
                false,
                ["Yuki Tanaka", "Kenji Sato", "Aiko Mori"],
            ),
            (
                18,
                "Fourth Coffee Federal",
                "fourthcoffee.us",
                "US",
                "Denver",
                Cloud::UsGovernment,
                false,
                ["Brian Cole", "Chloe Price", "Derek Stone"],
            ),
            (
                19,
                "Blue Yonder Airlines GmbH",
                "blueyonder.de",
                "DE",
                "München",
                Cloud::Germany,
                false,
                ["Emma Vogel", "Finn Richter", "Greta Lang"],
            ),
            (
                20,
                "Proseware <b>Labs</b> & \"Sons\" <script>alert(1)</script>",
                "proseware.com.br",
                "BR",
                "Recife",
                Cloud::Public,
                false,
                ["Hugo Barros", "Iris Melo", "João Prado"],
            ),
        ];
        let customer_roles = [
            CustomerRole::GlobalAdmin,
            CustomerRole::BillingAdmin,
            CustomerRole::User,
        ];
        for (n, name, domain, country, city, cloud, mca, people) in customers {
            let id = tid(n);
            let admin = uid(n, 1);
            s.tenants.insert(
                id,
                Tenant {
                    id,
                    name: name.into(),
                    domain: domain.into(),
                    country: country.into(),
                    city: city.into(),
                    cloud,
                    partner: None,
                    mca: mca.then(|| McaRecord {
                        signer: McaSigner {
                            first_name: people[0].split(' ').next().unwrap_or_default().into(),
                            last_name: people[0].split(' ').nth(1).unwrap_or_default().into(),
                            email: format!(
                                "{}@{domain}",
                                strip_accents(
                                    &people[0]
                                        .split(' ')
                                        .next()
                                        .unwrap_or_default()
                                        .to_lowercase()
                                )
                            ),
                            phone_number: String::new(),
                        },
                        date_agreed: SEED_TIME - 200 * DAY,
                        user_id: admin,
                    }),
                },
            );
            for (i, (role, person)) in customer_roles.iter().zip(people).enumerate() {
                let first =
                    strip_accents(&person.split(' ').next().unwrap_or(person).to_lowercase());
                s.users.push(User {
                    id: uid(n, i as u64 + 1),
                    tenant: id,
                    name: person.into(),
                    email: format!("{first}@{domain}"),
                    partner_role: None,
                    customer_role: Some(*role),
                    licenses: Vec::new(),
                });
            }
        }
        // Fabrikam already resells to Wingtip (admin privileges removed by the
        // customer) and to Alpine Ski House (with admin privileges and services).
        for (partner, customer, dap, days) in [
            (1, 12, DelegatedAdmin::Removed, 120),
            (1, 13, DelegatedAdmin::Active, 60),
            (2, 16, DelegatedAdmin::None, 30),
            (3, 14, DelegatedAdmin::Active, 10),
        ] {
            s.relationships.push(Relationship {
                partner: tid(partner),
                customer: tid(customer),
                dap,
                since: SEED_TIME - days * DAY,
            });
        }
        s.subscriptions.push(Subscription {
            id: uuid::Uuid::from_u64_pair(0x5b50_0000_0000_4000, 0x8000_0000_0000_0013),
            customer: tid(13),
            partner: tid(1),
            offer_id: "m365-business-standard".into(),
            quantity: 10,
            active: true,
            created: SEED_TIME - 59 * DAY,
            support: None,
        });
        s.subscriptions.push(Subscription {
            id: uuid::Uuid::from_u64_pair(0x5b50_0000_0000_4000, 0x8000_0000_0000_0014),
            customer: tid(14),
            partner: tid(3),
            offer_id: "o365-e3".into(),
            quantity: 25,
            active: true,
            created: SEED_TIME - 9 * DAY,
            support: Some(tid(901)),
        });
        if let Some(u) = s
            .users
            .iter_mut()
            .find(|u| u.tenant == tid(13) && u.customer_role == Some(CustomerRole::GlobalAdmin))
        {
            u.licenses.push("sku-m365-standard".into());
        }
        s
    }
}

/// ASCII email local parts from accented names.
pub fn strip_accents(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ã' | 'ä' => 'a',
            'é' | 'ê' | 'è' => 'e',
            'í' | 'ì' => 'i',
            'ó' | 'ô' | 'õ' | 'ö' => 'o',
            'ú' | 'ü' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            c => c,
        })
        .filter(|c| c.is_ascii_alphanumeric() || *c == '.' || *c == '-')
        .collect()
}
