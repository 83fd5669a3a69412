//! Countries (every ISO 3166-1 alpha-2 code) and Microsoft's Cloud Solution
//! Provider regional markets: a partner's location decides its market, and
//! it may sell only to customers whose tenant country is in that market.
//!
//! Source: "Cloud Solution Provider program regional markets and currencies
//! where you can sell CSP offers", Partner Center documentation
//! (<https://learn.microsoft.com/partner-center/regional-authorization-overview>),
//! table as published on 2023-08-17 (`ms.date: 08/17/2023`). Where the page's
//! introduction and its table disagree (the introduction says a US partner
//! sells "to customers in the U.S. and in United States Minor Outlying
//! Islands"; the table also lists American Samoa, Guam and the Northern
//! Mariana Islands), the table is followed. Countries the table does not list
//! (Belarus, Cuba, Iran, North Korea, Russia, Sudan, Syria, Western Sahara)
//! are in no market: no partner may sell there. The Africa table lists 47
//! places although its introduction says "18 countries"; the table is
//! followed.

use serde::{Deserialize, Serialize};

/// A CSP regional market (the table's headings, in its order).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum Market {
    /// Africa region and market (USD).
    Africa,
    /// Asia and Pacific region and market (USD).
    AsiaPacific,
    /// Australia region and market (AUD).
    Australia,
    /// Brazil region and market (USD, BRL).
    Brazil,
    /// Canada region and market (CAD).
    Canada,
    /// China region and market (CNY).
    China,
    /// Europe region and market (EUR, DKK, GBP, NOK, SEK, CHF).
    Europe,
    /// India region and market (INR).
    India,
    /// Japan region and market (JPY).
    Japan,
    /// Korea region and market (KRW).
    Korea,
    /// Latin America and the Caribbean region and market (USD).
    LatinAmerica,
    /// Middle East, Central Europe and Eastern Europe region and market (USD).
    MiddleEastEurope,
    /// New Zealand region and market (NZD).
    NewZealand,
    /// Taiwan region and market (TWD).
    Taiwan,
    /// United States region and market (USD).
    UnitedStates,
}

impl Market {
    /// Every market, in the table's order.
    pub const ALL: [Market; 15] = [
        Market::Africa,
        Market::AsiaPacific,
        Market::Australia,
        Market::Brazil,
        Market::Canada,
        Market::China,
        Market::Europe,
        Market::India,
        Market::Japan,
        Market::Korea,
        Market::LatinAmerica,
        Market::MiddleEastEurope,
        Market::NewZealand,
        Market::Taiwan,
        Market::UnitedStates,
    ];

    /// The market's English name.
    pub fn name(self) -> &'static str {
        match self {
            Market::Africa => "Africa",
            Market::AsiaPacific => "Asia and Pacific",
            Market::Australia => "Australia",
            Market::Brazil => "Brazil",
            Market::Canada => "Canada",
            Market::China => "China",
            Market::Europe => "Europe",
            Market::India => "India",
            Market::Japan => "Japan",
            Market::Korea => "Korea",
            Market::LatinAmerica => "Latin America and the Caribbean",
            Market::MiddleEastEurope => "Middle East, Central Europe and Eastern Europe",
            Market::NewZealand => "New Zealand",
            Market::Taiwan => "Taiwan",
            Market::UnitedStates => "United States",
        }
    }

    /// The market's Brazilian Portuguese name.
    pub fn name_pt(self) -> &'static str {
        match self {
            Market::Africa => "África",
            Market::AsiaPacific => "Ásia e Pacífico",
            Market::Australia => "Austrália",
            Market::Brazil => "Brasil",
            Market::Canada => "Canadá",
            Market::China => "China",
            Market::Europe => "Europa",
            Market::India => "Índia",
            Market::Japan => "Japão",
            Market::Korea => "Coreia",
            Market::LatinAmerica => "América Latina e Caribe",
            Market::MiddleEastEurope => "Oriente Médio, Europa Central e Europa Oriental",
            Market::NewZealand => "Nova Zelândia",
            Market::Taiwan => "Taiwan",
            Market::UnitedStates => "Estados Unidos",
        }
    }

    /// Whether the market is a single country (Brazil, China, India, Japan,
    /// Korea, Taiwan): a partner there sells only in its own country.
    pub fn single_country(self) -> bool {
        MARKETS.iter().filter(|(_, m)| *m == Some(self)).count() == 1
    }
}

/// One country: ISO code, English name, CSP market.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Country {
    /// ISO 3166-1 alpha-2 code, upper case.
    pub code: &'static str,
    /// English short name.
    pub name: &'static str,
    /// The CSP market it belongs to, if any.
    pub market: Option<Market>,
}

use Market::*;

/// Writes the table once as two parallel tables: codes with their markets,
/// and names. A build that only checks codes and markets (the customer's
/// portal) then carries none of the names (issue 12).
macro_rules! countries {
    ($(($code:literal, $name:literal, $market:expr),)*) => {
        /// Every ISO 3166-1 country code, sorted, with the CSP market it
        /// belongs to (`None`: no CSP market sells there).
        const MARKETS: &[(&str, Option<Market>)] = &[$(($code, $market),)*];
        /// The countries' English short names, in `MARKETS`' order.
        const NAMES: &[&str] = &[$($name,)*];
    };
}

countries! {
    ("AD", "Andorra", Some(Europe)),
    ("AE", "United Arab Emirates", Some(MiddleEastEurope)),
    ("AF", "Afghanistan", Some(MiddleEastEurope)),
    ("AG", "Antigua and Barbuda", Some(LatinAmerica)),
    ("AI", "Anguilla", Some(LatinAmerica)),
    ("AL", "Albania", Some(MiddleEastEurope)),
    ("AM", "Armenia", Some(MiddleEastEurope)),
    ("AO", "Angola", Some(Africa)),
    ("AQ", "Antarctica", Some(LatinAmerica)),
    ("AR", "Argentina", Some(LatinAmerica)),
    ("AS", "American Samoa", Some(UnitedStates)),
    ("AT", "Austria", Some(Europe)),
    ("AU", "Australia", Some(Australia)),
    ("AW", "Aruba", Some(LatinAmerica)),
    ("AX", "Åland Islands", Some(Europe)),
    ("AZ", "Azerbaijan", Some(MiddleEastEurope)),
    ("BA", "Bosnia and Herzegovina", Some(MiddleEastEurope)),
    ("BB", "Barbados", Some(LatinAmerica)),
    ("BD", "Bangladesh", Some(AsiaPacific)),
    ("BE", "Belgium", Some(Europe)),
    ("BF", "Burkina Faso", Some(Africa)),
    ("BG", "Bulgaria", Some(Europe)),
    ("BH", "Bahrain", Some(MiddleEastEurope)),
    ("BI", "Burundi", Some(Africa)),
    ("BJ", "Benin", Some(Africa)),
    ("BL", "Saint Barthélemy", Some(LatinAmerica)),
    ("BM", "Bermuda", Some(LatinAmerica)),
    ("BN", "Brunei", Some(AsiaPacific)),
    ("BO", "Bolivia", Some(LatinAmerica)),
    ("BQ", "Caribbean Netherlands", Some(LatinAmerica)),
    ("BR", "Brazil", Some(Brazil)),
    ("BS", "Bahamas", Some(LatinAmerica)),
    ("BT", "Bhutan", Some(AsiaPacific)),
    ("BV", "Bouvet Island", Some(Europe)),
    ("BW", "Botswana", Some(Africa)),
    ("BY", "Belarus", None),
    ("BZ", "Belize", Some(LatinAmerica)),
    ("CA", "Canada", Some(Canada)),
    ("CC", "Cocos (Keeling) Islands", Some(Australia)),
    ("CD", "Congo (DRC)", Some(Africa)),
    ("CF", "Central African Republic", Some(Africa)),
    ("CG", "Congo", Some(Africa)),
    ("CH", "Switzerland", Some(Europe)),
    ("CI", "Côte d’Ivoire", Some(Africa)),
    ("CK", "Cook Islands", Some(Australia)),
    ("CL", "Chile", Some(LatinAmerica)),
    ("CM", "Cameroon", Some(Africa)),
    ("CN", "China", Some(China)),
    ("CO", "Colombia", Some(LatinAmerica)),
    ("CR", "Costa Rica", Some(LatinAmerica)),
    ("CU", "Cuba", None),
    ("CV", "Cabo Verde", Some(Africa)),
    ("CW", "Curaçao", Some(LatinAmerica)),
    ("CX", "Christmas Island", Some(Australia)),
    ("CY", "Cyprus", Some(Europe)),
    ("CZ", "Czechia", Some(Europe)),
    ("DE", "Germany", Some(Europe)),
    ("DJ", "Djibouti", Some(Africa)),
    ("DK", "Denmark", Some(Europe)),
    ("DM", "Dominica", Some(LatinAmerica)),
    ("DO", "Dominican Republic", Some(LatinAmerica)),
    ("DZ", "Algeria", Some(MiddleEastEurope)),
    ("EC", "Ecuador", Some(LatinAmerica)),
    ("EE", "Estonia", Some(Europe)),
    ("EG", "Egypt", Some(MiddleEastEurope)),
    ("EH", "Western Sahara", None),
    ("ER", "Eritrea", Some(Africa)),
    ("ES", "Spain", Some(Europe)),
    ("ET", "Ethiopia", Some(Africa)),
    ("FI", "Finland", Some(Europe)),
    ("FJ", "Fiji", Some(Australia)),
    ("FK", "Falkland Islands", Some(LatinAmerica)),
    ("FM", "Micronesia", Some(Australia)),
    ("FO", "Faroe Islands", Some(Europe)),
    ("FR", "France", Some(Europe)),
    ("GA", "Gabon", Some(Africa)),
    ("GB", "United Kingdom", Some(Europe)),
    ("GD", "Grenada", Some(LatinAmerica)),
    ("GE", "Georgia", Some(MiddleEastEurope)),
    ("GF", "French Guiana", Some(LatinAmerica)),
    ("GG", "Guernsey", Some(Europe)),
    ("GH", "Ghana", Some(Africa)),
    ("GI", "Gibraltar", Some(Europe)),
    ("GL", "Greenland", Some(Europe)),
    ("GM", "Gambia", Some(Africa)),
    ("GN", "Guinea", Some(Africa)),
    ("GP", "Guadeloupe", Some(LatinAmerica)),
    ("GQ", "Equatorial Guinea", Some(Africa)),
    ("GR", "Greece", Some(Europe)),
    ("GS", "South Georgia and South Sandwich Islands", Some(LatinAmerica)),
    ("GT", "Guatemala", Some(LatinAmerica)),
    ("GU", "Guam", Some(UnitedStates)),
    ("GW", "Guinea-Bissau", Some(Africa)),
    ("GY", "Guyana", Some(LatinAmerica)),
    ("HK", "Hong Kong SAR", Some(AsiaPacific)),
    ("HM", "Heard Island and McDonald Islands", Some(Australia)),
    ("HN", "Honduras", Some(LatinAmerica)),
    ("HR", "Croatia", Some(Europe)),
    ("HT", "Haiti", Some(LatinAmerica)),
    ("HU", "Hungary", Some(Europe)),
    ("ID", "Indonesia", Some(AsiaPacific)),
    ("IE", "Ireland", Some(Europe)),
    ("IL", "Israel", Some(MiddleEastEurope)),
    ("IM", "Isle of Man", Some(Europe)),
    ("IN", "India", Some(India)),
    ("IO", "British Indian Ocean Territory", Some(MiddleEastEurope)),
    ("IQ", "Iraq", Some(MiddleEastEurope)),
    ("IR", "Iran", None),
    ("IS", "Iceland", Some(Europe)),
    ("IT", "Italy", Some(Europe)),
    ("JE", "Jersey", Some(Europe)),
    ("JM", "Jamaica", Some(LatinAmerica)),
    ("JO", "Jordan", Some(MiddleEastEurope)),
    ("JP", "Japan", Some(Japan)),
    ("KE", "Kenya", Some(Africa)),
    ("KG", "Kyrgyzstan", Some(MiddleEastEurope)),
    ("KH", "Cambodia", Some(AsiaPacific)),
    ("KI", "Kiribati", Some(Australia)),
    ("KM", "Comoros", Some(Africa)),
    ("KN", "Saint Kitts and Nevis", Some(LatinAmerica)),
    ("KP", "North Korea", None),
    ("KR", "Korea", Some(Korea)),
    ("KW", "Kuwait", Some(MiddleEastEurope)),
    ("KY", "Cayman Islands", Some(LatinAmerica)),
    ("KZ", "Kazakhstan", Some(MiddleEastEurope)),
    ("LA", "Laos", Some(AsiaPacific)),
    ("LB", "Lebanon", Some(MiddleEastEurope)),
    ("LC", "Saint Lucia", Some(LatinAmerica)),
    ("LI", "Liechtenstein", Some(Europe)),
    ("LK", "Sri Lanka", Some(AsiaPacific)),
    ("LR", "Liberia", Some(Africa)),
    ("LS", "Lesotho", Some(MiddleEastEurope)),
    ("LT", "Lithuania", Some(Europe)),
    ("LU", "Luxembourg", Some(Europe)),
    ("LV", "Latvia", Some(Europe)),
    ("LY", "Libya", Some(MiddleEastEurope)),
    ("MA", "Morocco", Some(MiddleEastEurope)),
    ("MC", "Monaco", Some(Europe)),
    ("MD", "Moldova", Some(MiddleEastEurope)),
    ("ME", "Montenegro", Some(MiddleEastEurope)),
    ("MF", "Saint Martin", Some(LatinAmerica)),
    ("MG", "Madagascar", Some(Africa)),
    ("MH", "Marshall Islands", Some(Australia)),
    ("MK", "North Macedonia", Some(MiddleEastEurope)),
    ("ML", "Mali", Some(Africa)),
    ("MM", "Myanmar", Some(AsiaPacific)),
    ("MN", "Mongolia", Some(MiddleEastEurope)),
    ("MO", "Macao SAR", Some(AsiaPacific)),
    ("MP", "Northern Mariana Islands", Some(UnitedStates)),
    ("MQ", "Martinique", Some(LatinAmerica)),
    ("MR", "Mauritania", Some(MiddleEastEurope)),
    ("MS", "Montserrat", Some(LatinAmerica)),
    ("MT", "Malta", Some(Europe)),
    ("MU", "Mauritius", Some(Africa)),
    ("MV", "Maldives", Some(AsiaPacific)),
    ("MW", "Malawi", Some(Africa)),
    ("MX", "Mexico", Some(LatinAmerica)),
    ("MY", "Malaysia", Some(AsiaPacific)),
    ("MZ", "Mozambique", Some(MiddleEastEurope)),
    ("NA", "Namibia", Some(Africa)),
    ("NC", "New Caledonia", Some(Africa)),
    ("NE", "Niger", Some(Africa)),
    ("NF", "Norfolk Island", Some(Australia)),
    ("NG", "Nigeria", Some(Africa)),
    ("NI", "Nicaragua", Some(LatinAmerica)),
    ("NL", "Netherlands", Some(Europe)),
    ("NO", "Norway", Some(Europe)),
    ("NP", "Nepal", Some(AsiaPacific)),
    ("NR", "Nauru", Some(Australia)),
    ("NU", "Niue", Some(Australia)),
    ("NZ", "New Zealand", Some(NewZealand)),
    ("OM", "Oman", Some(MiddleEastEurope)),
    ("PA", "Panama", Some(LatinAmerica)),
    ("PE", "Peru", Some(LatinAmerica)),
    ("PF", "French Polynesia", Some(Africa)),
    ("PG", "Papua New Guinea", Some(Australia)),
    ("PH", "Philippines", Some(AsiaPacific)),
    ("PK", "Pakistan", Some(MiddleEastEurope)),
    ("PL", "Poland", Some(Europe)),
    ("PM", "Saint Pierre and Miquelon", Some(Canada)),
    ("PN", "Pitcairn Islands", Some(Australia)),
    ("PR", "Puerto Rico", Some(LatinAmerica)),
    ("PS", "Palestinian Authority", Some(MiddleEastEurope)),
    ("PT", "Portugal", Some(Europe)),
    ("PW", "Palau", Some(Australia)),
    ("PY", "Paraguay", Some(LatinAmerica)),
    ("QA", "Qatar", Some(MiddleEastEurope)),
    ("RE", "Réunion", Some(Africa)),
    ("RO", "Romania", Some(Europe)),
    ("RS", "Serbia", Some(MiddleEastEurope)),
    ("RU", "Russia", None),
    ("RW", "Rwanda", Some(Africa)),
    ("SA", "Saudi Arabia", Some(MiddleEastEurope)),
    ("SB", "Solomon Islands", Some(Australia)),
    ("SC", "Seychelles", Some(Africa)),
    ("SD", "Sudan", None),
    ("SE", "Sweden", Some(Europe)),
    ("SG", "Singapore", Some(AsiaPacific)),
    ("SH", "St Helena, Ascension, Tristan da Cunha", Some(Africa)),
    ("SI", "Slovenia", Some(Europe)),
    ("SJ", "Svalbard and Jan Mayen", Some(Europe)),
    ("SK", "Slovakia", Some(Europe)),
    ("SL", "Sierra Leone", Some(Africa)),
    ("SM", "San Marino", Some(Europe)),
    ("SN", "Senegal", Some(Africa)),
    ("SO", "Somalia", Some(Africa)),
    ("SR", "Suriname", Some(LatinAmerica)),
    ("SS", "South Sudan", Some(Africa)),
    ("ST", "São Tomé and Príncipe", Some(Africa)),
    ("SV", "El Salvador", Some(LatinAmerica)),
    ("SX", "Sint Maarten", Some(LatinAmerica)),
    ("SY", "Syria", None),
    ("SZ", "Eswatini", Some(MiddleEastEurope)),
    ("TC", "Turks and Caicos Islands", Some(LatinAmerica)),
    ("TD", "Chad", Some(Africa)),
    ("TF", "French Southern Territories", Some(Australia)),
    ("TG", "Togo", Some(Africa)),
    ("TH", "Thailand", Some(AsiaPacific)),
    ("TJ", "Tajikistan", Some(MiddleEastEurope)),
    ("TK", "Tokelau", Some(Australia)),
    ("TL", "Timor-Leste", Some(AsiaPacific)),
    ("TM", "Turkmenistan", Some(MiddleEastEurope)),
    ("TN", "Tunisia", Some(MiddleEastEurope)),
    ("TO", "Tonga", Some(Australia)),
    ("TR", "Türkiye", Some(MiddleEastEurope)),
    ("TT", "Trinidad and Tobago", Some(LatinAmerica)),
    ("TV", "Tuvalu", Some(Australia)),
    ("TW", "Taiwan", Some(Taiwan)),
    ("TZ", "Tanzania", Some(Africa)),
    ("UA", "Ukraine", Some(MiddleEastEurope)),
    ("UG", "Uganda", Some(Africa)),
    ("UM", "U.S. Outlying Islands", Some(UnitedStates)),
    ("US", "United States", Some(UnitedStates)),
    ("UY", "Uruguay", Some(LatinAmerica)),
    ("UZ", "Uzbekistan", Some(MiddleEastEurope)),
    ("VA", "Vatican City", Some(Europe)),
    ("VC", "Saint Vincent and the Grenadines", Some(LatinAmerica)),
    ("VE", "Venezuela", Some(LatinAmerica)),
    ("VG", "British Virgin Islands", Some(LatinAmerica)),
    ("VI", "U.S. Virgin Islands", Some(LatinAmerica)),
    ("VN", "Vietnam", Some(AsiaPacific)),
    ("VU", "Vanuatu", Some(NewZealand)),
    ("WF", "Wallis and Futuna", Some(Australia)),
    ("WS", "Samoa", Some(NewZealand)),
    ("YE", "Yemen", Some(MiddleEastEurope)),
    ("YT", "Mayotte", Some(Africa)),
    ("ZA", "South Africa", Some(MiddleEastEurope)),
    ("ZM", "Zambia", Some(Africa)),
    ("ZW", "Zimbabwe", Some(MiddleEastEurope)),
}

/// Every country, sorted by code.
pub fn all() -> impl Iterator<Item = Country> {
    (0..MARKETS.len()).map(country)
}

fn country(i: usize) -> Country {
    let (code, market) = MARKETS[i];
    Country {
        code,
        name: NAMES[i],
        market,
    }
}

/// Where `code` sits in the table (case-insensitive; a binary search, the
/// table being sorted).
fn index(code: &str) -> Option<usize> {
    let code = code.to_ascii_uppercase();
    MARKETS
        .binary_search_by(|(c, _)| (*c).cmp(code.as_str()))
        .ok()
}

/// Looks a country up by ISO code (case-insensitive).
pub fn find(code: &str) -> Option<Country> {
    index(code).map(country)
}

/// Whether `code` is an ISO 3166-1 country code (case-insensitive).
pub fn is_known(code: &str) -> bool {
    index(code).is_some()
}

/// The market of a country, if it has one.
pub fn market_of(code: &str) -> Option<Market> {
    index(code).and_then(|i| MARKETS[i].1)
}

/// Whether a partner located in `partner` may sell to (and be accepted by) a
/// customer whose tenant is in `customer`: both countries in the same CSP
/// market. "Customers can only accept relationship requests from partners
/// if their market is in the partner's region" (same page as the table).
pub fn within_partner_market(partner: &str, customer: &str) -> bool {
    match (market_of(partner), market_of(customer)) {
        (Some(p), Some(c)) => p == c,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_iso_country_is_listed_once_with_its_market() {
        let all: Vec<_> = all().collect();
        assert_eq!(all.len(), 249);
        let mut codes: Vec<_> = all.iter().map(|c| c.code).collect();
        let sorted = codes.clone();
        codes.sort();
        codes.dedup();
        assert_eq!(codes, sorted, "codes are sorted and unique");
        assert!(all.iter().all(|c| c.code.len() == 2 && !c.name.is_empty()));
        let count = |m| all.iter().filter(|c| c.market == Some(m)).count();
        // The table's sizes (2023-08-17).
        assert_eq!(count(Market::Africa), 47);
        assert_eq!(count(Market::Europe), 45);
        assert_eq!(count(Market::UnitedStates), 5);
        assert_eq!(count(Market::NewZealand), 3);
        let singles: Vec<_> = Market::ALL
            .into_iter()
            .filter(|m| m.single_country())
            .collect();
        assert_eq!(
            singles,
            [
                Market::Brazil,
                Market::China,
                Market::India,
                Market::Japan,
                Market::Korea,
                Market::Taiwan
            ]
        );
        let unsold: Vec<_> = all
            .iter()
            .filter(|c| c.market.is_none())
            .map(|c| c.code)
            .collect();
        assert_eq!(unsold, ["BY", "CU", "EH", "IR", "KP", "RU", "SD", "SY"]);
    }

    #[test]
    fn a_partner_sells_within_its_market_only() {
        assert!(
            within_partner_market("US", "UM"),
            "U.S. Minor Outlying Islands"
        );
        assert!(within_partner_market("US", "GU"));
        assert!(
            !within_partner_market("US", "CA"),
            "Canada is its own market"
        );
        assert!(
            !within_partner_market("US", "PR"),
            "Puerto Rico is in Latin America's table"
        );
        assert!(within_partner_market("BR", "br"));
        assert!(
            !within_partner_market("BR", "AR"),
            "Brazil is a single-country market"
        );
        assert!(within_partner_market("AR", "MX"));
        assert!(within_partner_market("KE", "NG"), "the Africa market");
        assert!(
            !within_partner_market("KE", "ZA"),
            "South Africa is in the Middle East and Europe table"
        );
        assert!(within_partner_market("PT", "DE"));
        assert!(!within_partner_market("PT", "TR"));
        assert!(!within_partner_market("RU", "RU"), "no market");
        assert!(!within_partner_market("US", "ZZ"));
        assert_eq!(find("br").unwrap().name, "Brazil");
    }
}
