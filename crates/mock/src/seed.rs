//! The demo's believable seed: partners in each cloud and several
//! countries, customers in many countries with every role, a few
//! relationships and subscriptions, and the catalogue. Named records, so a
//! row says what each value is.

use crate::state::{
    McaRecord, PartnerFacts, Relationship, State, Subscription, Tenant, User, SCALE_PARTNER,
};
use reseller_domain::cloud::Cloud;
use reseller_domain::ids::{TenantId, UserId};
use reseller_domain::relationship::{CustomerRole, DelegatedAdmin, McaSigner, PartnerRole};
use reseller_domain::time::{Millis, DAY};

/// When the seed data "was created": fixed so the seed is deterministic.
pub const SEED_TIME: Millis = 1_790_000_000_000; // 2026-09-21

/// One offer of the catalogue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CatalogueOffer {
    /// Offer id.
    pub id: &'static str,
    /// Its name.
    pub name: &'static str,
    /// The SKU its seats give users.
    pub sku: &'static str,
    /// The admin portal of the service.
    pub portal: &'static str,
    /// An Azure plan: manageable without delegated admin privileges.
    pub azure: bool,
}

/// A seeded partner.
struct SeedPartner {
    number: u64,
    name: &'static str,
    domain: &'static str,
    country: &'static str,
    city: &'static str,
    cloud: Cloud,
    mpn_id: &'static str,
    /// For an indirect provider: its indirect resellers' numbers.
    indirect_resellers: &'static [u64],
    /// Its Admin agent, Sales agent and Helpdesk agent.
    people: [&'static str; 3],
}

/// A seeded customer organization.
struct SeedCustomer {
    number: u64,
    name: &'static str,
    domain: &'static str,
    country: &'static str,
    city: &'static str,
    cloud: Cloud,
    mca_accepted: bool,
    /// Its Global administrator, Billing administrator and user.
    people: [&'static str; 3],
}

/// The catalogue: what a partner may provision (and the SKUs users get).
pub const OFFERS: &[CatalogueOffer] = &[
    CatalogueOffer {
        id: "m365-business-basic",
        name: "Microsoft 365 Business Basic",
        sku: "sku-m365-basic",
        portal: "https://admin.microsoft.com",
        azure: false,
    },
    CatalogueOffer {
        id: "m365-business-standard",
        name: "Microsoft 365 Business Standard",
        sku: "sku-m365-standard",
        portal: "https://admin.microsoft.com",
        azure: false,
    },
    CatalogueOffer {
        id: "m365-business-premium",
        name: "Microsoft 365 Business Premium",
        sku: "sku-m365-premium",
        portal: "https://admin.microsoft.com",
        azure: false,
    },
    CatalogueOffer {
        id: "o365-e3",
        name: "Office 365 E3",
        sku: "sku-o365-e3",
        portal: "https://admin.microsoft.com",
        azure: false,
    },
    CatalogueOffer {
        id: "exchange-online-1",
        name: "Exchange Online (Plan 1)",
        sku: "sku-exchange-1",
        portal: "https://admin.exchange.microsoft.com",
        azure: false,
    },
    CatalogueOffer {
        id: "teams-essentials",
        name: "Microsoft Teams Essentials",
        sku: "sku-teams-essentials",
        portal: "https://admin.teams.microsoft.com",
        azure: false,
    },
    CatalogueOffer {
        id: "azure-plan",
        name: "Azure plan",
        sku: "sku-azure-plan",
        portal: "https://portal.azure.com",
        azure: true,
    },
];

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
        let partners: [SeedPartner; 8] = [
            SeedPartner {
                number: 1,
                name: "Fabrikam Cloud Services",
                domain: "fabrikam.com.br",
                country: "BR",
                city: "São Paulo",
                cloud: Cloud::Public,
                mpn_id: "4811223",
                indirect_resellers: &[],
                people: ["Ana Souza", "Bruno Lima", "Carla Dias"],
            },
            SeedPartner {
                number: 2,
                name: "Contoso Partners Europe",
                domain: "contosopartners.eu",
                country: "PT",
                city: "Lisboa",
                cloud: Cloud::Public,
                mpn_id: "5120987",
                indirect_resellers: &[],
                people: ["Inês Costa", "Rui Almeida", "Marta Reis"],
            },
            SeedPartner {
                number: 3,
                name: "Tailspin Distribution",
                domain: "tailspin.com",
                country: "US",
                city: "Seattle",
                cloud: Cloud::Public,
                mpn_id: "6531449",
                indirect_resellers: &[901, 902],
                people: ["Dana Whitfield", "Sam Ortiz", "Lee Park"],
            },
            SeedPartner {
                number: 4,
                name: "Litware Federal",
                domain: "litwarefederal.us",
                country: "US",
                city: "Arlington",
                cloud: Cloud::UsGovernment,
                mpn_id: "7402210",
                indirect_resellers: &[],
                people: ["Morgan Hale", "Jordan Reyes", "Casey Brooks"],
            },
            SeedPartner {
                number: 5,
                name: "Adatum Deutschland",
                domain: "adatum.de",
                country: "DE",
                city: "Frankfurt",
                cloud: Cloud::Germany,
                mpn_id: "8013377",
                indirect_resellers: &[],
                people: ["Jonas Becker", "Lea Wagner", "Felix Braun"],
            },
            SeedPartner {
                number: 6,
                name: "Northwind Traders",
                domain: "northwindtraders.com",
                country: "US",
                city: "Chicago",
                cloud: Cloud::Public,
                mpn_id: "9100042",
                indirect_resellers: &[],
                people: ["Priya Raman", "Tom Fischer", "Alex Kim"],
            },
            // Two indirect resellers buying through Tailspin (an indirect
            // provider in the same market): their invitations name it.
            SeedPartner {
                number: 901,
                name: "Relecloud Resellers",
                domain: "relecloud.com",
                country: "US",
                city: "Redmond",
                cloud: Cloud::Public,
                mpn_id: "3300101",
                indirect_resellers: &[],
                people: ["Riley Quinn", "Taylor Brooks", "Jordan Blake"],
            },
            SeedPartner {
                number: 902,
                name: "Proseware IT Solutions",
                domain: "prosewareit.com",
                country: "US",
                city: "Portland",
                cloud: Cloud::Public,
                mpn_id: "3300102",
                indirect_resellers: &[],
                people: ["Avery Hughes", "Drew Coleman", "Parker Lane"],
            },
        ];
        for SeedPartner {
            number: n,
            name,
            domain,
            country,
            city,
            cloud,
            mpn_id: mpn,
            indirect_resellers,
            people,
        } in partners
        {
            let id = if n == 6 { SCALE_PARTNER } else { tid(n) };
            let resellers: Vec<TenantId> = indirect_resellers.iter().map(|&r| tid(r)).collect();
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
                        indirect_provider: !resellers.is_empty(),
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
        let customers: [SeedCustomer; 11] = [
            SeedCustomer {
                number: 11,
                name: "Contoso Ltda",
                domain: "contoso.com.br",
                country: "BR",
                city: "Campinas",
                cloud: Cloud::Public,
                mca_accepted: true,
                people: ["Beatriz Rocha", "Diego Martins", "Elisa Nunes"],
            },
            SeedCustomer {
                number: 12,
                name: "Wingtip Toys Brasil",
                domain: "wingtiptoys.com.br",
                country: "BR",
                city: "Curitiba",
                cloud: Cloud::Public,
                mca_accepted: true,
                people: ["Gustavo Pereira", "Helena Castro", "Igor Santos"],
            },
            SeedCustomer {
                number: 13,
                name: "Alpine Ski House",
                domain: "alpineskihouse.com.br",
                country: "BR",
                city: "Gramado",
                cloud: Cloud::Public,
                mca_accepted: true,
                people: ["Julieta Gómez", "Martín López", "Sofía Díaz"],
            },
            SeedCustomer {
                number: 14,
                name: "Woodgrove Bank",
                domain: "woodgrovebank.com",
                country: "US",
                city: "New York",
                cloud: Cloud::Public,
                mca_accepted: false,
                people: ["Karen Miller", "Luis Garcia", "Nina Patel"],
            },
            SeedCustomer {
                number: 15,
                name: "Lamna Healthcare",
                domain: "lamnahealthcare.de",
                country: "DE",
                city: "Hamburg",
                cloud: Cloud::Public,
                mca_accepted: false,
                people: ["Otto Schulz", "Petra Hoffmann", "Rita Klein"],
            },
            SeedCustomer {
                number: 16,
                name: "Coho Vineyard",
                domain: "cohovineyard.pt",
                country: "PT",
                city: "Porto",
                cloud: Cloud::Public,
                mca_accepted: true,
                people: ["Tiago Ferreira", "Vera Lopes", "Xavier Sousa"],
            },
            SeedCustomer {
                number: 17,
                name: "Margie's Travel",
                domain: "margiestravel.jp",
                country: "JP",
                city: "Osaka",
                cloud: Cloud::Public,
                mca_accepted: false,
                people: ["Yuki Tanaka", "Kenji Sato", "Aiko Mori"],
            },
            SeedCustomer {
                number: 18,
                name: "Fourth Coffee Federal",
                domain: "fourthcoffee.us",
                country: "US",
                city: "Denver",
                cloud: Cloud::UsGovernment,
                mca_accepted: false,
                people: ["Brian Cole", "Chloe Price", "Derek Stone"],
            },
            SeedCustomer {
                number: 19,
                name: "Blue Yonder Airlines GmbH",
                domain: "blueyonder.de",
                country: "DE",
                city: "München",
                cloud: Cloud::Germany,
                mca_accepted: false,
                people: ["Emma Vogel", "Finn Richter", "Greta Lang"],
            },
            // In Argentina: the Latin America market, which no seeded partner
            // sells in. Fabrikam (Brazil, a single-country market) may not be
            // accepted here: the demo's regional refusal.
            SeedCustomer {
                number: 21,
                name: "Trey Research Argentina",
                domain: "treyresearch.com.ar",
                country: "AR",
                city: "Córdoba",
                cloud: Cloud::Public,
                mca_accepted: true,
                people: ["Lucía Fernández", "Mateo Ruiz", "Valentina Torres"],
            },
            SeedCustomer {
                number: 20,
                name: "Proseware <b>Labs</b> & \"Sons\" <script>alert(1)</script>",
                domain: "proseware.com.br",
                country: "BR",
                city: "Recife",
                cloud: Cloud::Public,
                mca_accepted: false,
                people: ["Hugo Barros", "Iris Melo", "João Prado"],
            },
        ];
        let customer_roles = [
            CustomerRole::GlobalAdmin,
            CustomerRole::BillingAdmin,
            CustomerRole::User,
        ];
        for SeedCustomer {
            number: n,
            name,
            domain,
            country,
            city,
            cloud,
            mca_accepted: mca,
            people,
        } in customers
        {
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
        // Every seeded relationship is one Partner Center allows (same CSP
        // market): Fabrikam (Brazil) resells to Wingtip and Alpine Ski House
        // (both in Brazil; Wingtip removed the admin privileges), Contoso
        // Partners Europe (Portugal) to Coho Vineyard (Portugal), Tailspin
        // (United States) to Woodgrove Bank (United States).
        // Woodgrove Bank came through Relecloud (an indirect reseller), so
        // its provider Tailspin has a reseller relationship too.
        for (partner, customer, dap, days, via) in [
            (1, 12, DelegatedAdmin::Removed, 120, None),
            (1, 13, DelegatedAdmin::Active, 60, None),
            (2, 16, DelegatedAdmin::None, 30, None),
            (901, 14, DelegatedAdmin::Active, 10, None),
            (3, 14, DelegatedAdmin::Active, 10, Some(901)),
        ] {
            s.relationships.push(Relationship {
                partner: tid(partner),
                customer: tid(customer),
                dap,
                since: SEED_TIME - days * DAY,
                indirect_reseller: via.map(tid),
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
        s.admin_relationships
            .extend(crate::scale::admin_relationships(
                crate::clock::now_ms() / DAY * DAY,
            ));
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

#[cfg(test)]
mod tests {
    use super::*;
    use reseller_domain::country::within_partner_market;

    #[test]
    fn every_seeded_relationship_is_one_partner_center_allows() {
        let s = State::seed();
        for r in &s.relationships {
            let (p, c) = (&s.tenants[&r.partner], &s.tenants[&r.customer]);
            assert!(
                within_partner_market(&p.country, &c.country) && p.cloud == c.cloud,
                "{} ({}) → {} ({})",
                p.name,
                p.country,
                c.name,
                c.country
            );
        }
        let scale = &s.tenants[&SCALE_PARTNER];
        for i in 0..200 {
            let customer = crate::scale::tenant(i);
            assert!(within_partner_market(&scale.country, &customer.country));
        }
        // The demo keeps a customer no seeded partner of its cloud may sell to.
        let refused: Vec<_> = s
            .tenants
            .values()
            .filter(|c| c.partner.is_none())
            .filter(|c| {
                s.tenants
                    .values()
                    .filter(|p| p.partner.is_some() && p.cloud == c.cloud)
                    .all(|p| !within_partner_market(&p.country, &c.country))
            })
            .map(|t| t.name.as_str())
            .collect();
        assert!(refused.contains(&"Trey Research Argentina"), "{refused:?}");
    }
}
