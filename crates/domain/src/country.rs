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
        COUNTRIES.iter().filter(|c| c.market == Some(self)).count() == 1
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

const fn c(code: &'static str, name: &'static str, market: Option<Market>) -> Country {
    Country { code, name, market }
}

/// Every ISO 3166-1 country, sorted by code, with its English short name and
/// the CSP market it belongs to (`None`: no CSP market sells there).
pub const COUNTRIES: &[Country] = &[
    c("AD", "Andorra", Some(Europe)),
    c("AE", "United Arab Emirates", Some(MiddleEastEurope)),
    c("AF", "Afghanistan", Some(MiddleEastEurope)),
    c("AG", "Antigua and Barbuda", Some(LatinAmerica)),
    c("AI", "Anguilla", Some(LatinAmerica)),
    c("AL", "Albania", Some(MiddleEastEurope)),
    c("AM", "Armenia", Some(MiddleEastEurope)),
    c("AO", "Angola", Some(Africa)),
    c("AQ", "Antarctica", Some(LatinAmerica)),
    c("AR", "Argentina", Some(LatinAmerica)),
    c("AS", "American Samoa", Some(UnitedStates)),
    c("AT", "Austria", Some(Europe)),
    c("AU", "Australia", Some(Australia)),
    c("AW", "Aruba", Some(LatinAmerica)),
    c("AX", "Åland Islands", Some(Europe)),
    c("AZ", "Azerbaijan", Some(MiddleEastEurope)),
    c("BA", "Bosnia and Herzegovina", Some(MiddleEastEurope)),
    c("BB", "Barbados", Some(LatinAmerica)),
    c("BD", "Bangladesh", Some(AsiaPacific)),
    c("BE", "Belgium", Some(Europe)),
    c("BF", "Burkina Faso", Some(Africa)),
    c("BG", "Bulgaria", Some(Europe)),
    c("BH", "Bahrain", Some(MiddleEastEurope)),
    c("BI", "Burundi", Some(Africa)),
    c("BJ", "Benin", Some(Africa)),
    c("BL", "Saint Barthélemy", Some(LatinAmerica)),
    c("BM", "Bermuda", Some(LatinAmerica)),
    c("BN", "Brunei", Some(AsiaPacific)),
    c("BO", "Bolivia", Some(LatinAmerica)),
    c("BQ", "Caribbean Netherlands", Some(LatinAmerica)),
    c("BR", "Brazil", Some(Brazil)),
    c("BS", "Bahamas", Some(LatinAmerica)),
    c("BT", "Bhutan", Some(AsiaPacific)),
    c("BV", "Bouvet Island", Some(Europe)),
    c("BW", "Botswana", Some(Africa)),
    c("BY", "Belarus", None),
    c("BZ", "Belize", Some(LatinAmerica)),
    c("CA", "Canada", Some(Canada)),
    c("CC", "Cocos (Keeling) Islands", Some(Australia)),
    c("CD", "Congo (DRC)", Some(Africa)),
    c("CF", "Central African Republic", Some(Africa)),
    c("CG", "Congo", Some(Africa)),
    c("CH", "Switzerland", Some(Europe)),
    c("CI", "Côte d’Ivoire", Some(Africa)),
    c("CK", "Cook Islands", Some(Australia)),
    c("CL", "Chile", Some(LatinAmerica)),
    c("CM", "Cameroon", Some(Africa)),
    c("CN", "China", Some(China)),
    c("CO", "Colombia", Some(LatinAmerica)),
    c("CR", "Costa Rica", Some(LatinAmerica)),
    c("CU", "Cuba", None),
    c("CV", "Cabo Verde", Some(Africa)),
    c("CW", "Curaçao", Some(LatinAmerica)),
    c("CX", "Christmas Island", Some(Australia)),
    c("CY", "Cyprus", Some(Europe)),
    c("CZ", "Czechia", Some(Europe)),
    c("DE", "Germany", Some(Europe)),
    c("DJ", "Djibouti", Some(Africa)),
    c("DK", "Denmark", Some(Europe)),
    c("DM", "Dominica", Some(LatinAmerica)),
    c("DO", "Dominican Republic", Some(LatinAmerica)),
    c("DZ", "Algeria", Some(MiddleEastEurope)),
    c("EC", "Ecuador", Some(LatinAmerica)),
    c("EE", "Estonia", Some(Europe)),
    c("EG", "Egypt", Some(MiddleEastEurope)),
    c("EH", "Western Sahara", None),
    c("ER", "Eritrea", Some(Africa)),
    c("ES", "Spain", Some(Europe)),
    c("ET", "Ethiopia", Some(Africa)),
    c("FI", "Finland", Some(Europe)),
    c("FJ", "Fiji", Some(Australia)),
    c("FK", "Falkland Islands", Some(LatinAmerica)),
    c("FM", "Micronesia", Some(Australia)),
    c("FO", "Faroe Islands", Some(Europe)),
    c("FR", "France", Some(Europe)),
    c("GA", "Gabon", Some(Africa)),
    c("GB", "United Kingdom", Some(Europe)),
    c("GD", "Grenada", Some(LatinAmerica)),
    c("GE", "Georgia", Some(MiddleEastEurope)),
    c("GF", "French Guiana", Some(LatinAmerica)),
    c("GG", "Guernsey", Some(Europe)),
    c("GH", "Ghana", Some(Africa)),
    c("GI", "Gibraltar", Some(Europe)),
    c("GL", "Greenland", Some(Europe)),
    c("GM", "Gambia", Some(Africa)),
    c("GN", "Guinea", Some(Africa)),
    c("GP", "Guadeloupe", Some(LatinAmerica)),
    c("GQ", "Equatorial Guinea", Some(Africa)),
    c("GR", "Greece", Some(Europe)),
    c(
        "GS",
        "South Georgia and South Sandwich Islands",
        Some(LatinAmerica),
    ),
    c("GT", "Guatemala", Some(LatinAmerica)),
    c("GU", "Guam", Some(UnitedStates)),
    c("GW", "Guinea-Bissau", Some(Africa)),
    c("GY", "Guyana", Some(LatinAmerica)),
    c("HK", "Hong Kong SAR", Some(AsiaPacific)),
    c("HM", "Heard Island and McDonald Islands", Some(Australia)),
    c("HN", "Honduras", Some(LatinAmerica)),
    c("HR", "Croatia", Some(Europe)),
    c("HT", "Haiti", Some(LatinAmerica)),
    c("HU", "Hungary", Some(Europe)),
    c("ID", "Indonesia", Some(AsiaPacific)),
    c("IE", "Ireland", Some(Europe)),
    c("IL", "Israel", Some(MiddleEastEurope)),
    c("IM", "Isle of Man", Some(Europe)),
    c("IN", "India", Some(India)),
    c(
        "IO",
        "British Indian Ocean Territory",
        Some(MiddleEastEurope),
    ),
    c("IQ", "Iraq", Some(MiddleEastEurope)),
    c("IR", "Iran", None),
    c("IS", "Iceland", Some(Europe)),
    c("IT", "Italy", Some(Europe)),
    c("JE", "Jersey", Some(Europe)),
    c("JM", "Jamaica", Some(LatinAmerica)),
    c("JO", "Jordan", Some(MiddleEastEurope)),
    c("JP", "Japan", Some(Japan)),
    c("KE", "Kenya", Some(Africa)),
    c("KG", "Kyrgyzstan", Some(MiddleEastEurope)),
    c("KH", "Cambodia", Some(AsiaPacific)),
    c("KI", "Kiribati", Some(Australia)),
    c("KM", "Comoros", Some(Africa)),
    c("KN", "Saint Kitts and Nevis", Some(LatinAmerica)),
    c("KP", "North Korea", None),
    c("KR", "Korea", Some(Korea)),
    c("KW", "Kuwait", Some(MiddleEastEurope)),
    c("KY", "Cayman Islands", Some(LatinAmerica)),
    c("KZ", "Kazakhstan", Some(MiddleEastEurope)),
    c("LA", "Laos", Some(AsiaPacific)),
    c("LB", "Lebanon", Some(MiddleEastEurope)),
    c("LC", "Saint Lucia", Some(LatinAmerica)),
    c("LI", "Liechtenstein", Some(Europe)),
    c("LK", "Sri Lanka", Some(AsiaPacific)),
    c("LR", "Liberia", Some(Africa)),
    c("LS", "Lesotho", Some(MiddleEastEurope)),
    c("LT", "Lithuania", Some(Europe)),
    c("LU", "Luxembourg", Some(Europe)),
    c("LV", "Latvia", Some(Europe)),
    c("LY", "Libya", Some(MiddleEastEurope)),
    c("MA", "Morocco", Some(MiddleEastEurope)),
    c("MC", "Monaco", Some(Europe)),
    c("MD", "Moldova", Some(MiddleEastEurope)),
    c("ME", "Montenegro", Some(MiddleEastEurope)),
    c("MF", "Saint Martin", Some(LatinAmerica)),
    c("MG", "Madagascar", Some(Africa)),
    c("MH", "Marshall Islands", Some(Australia)),
    c("MK", "North Macedonia", Some(MiddleEastEurope)),
    c("ML", "Mali", Some(Africa)),
    c("MM", "Myanmar", Some(AsiaPacific)),
    c("MN", "Mongolia", Some(MiddleEastEurope)),
    c("MO", "Macao SAR", Some(AsiaPacific)),
    c("MP", "Northern Mariana Islands", Some(UnitedStates)),
    c("MQ", "Martinique", Some(LatinAmerica)),
    c("MR", "Mauritania", Some(MiddleEastEurope)),
    c("MS", "Montserrat", Some(LatinAmerica)),
    c("MT", "Malta", Some(Europe)),
    c("MU", "Mauritius", Some(Africa)),
    c("MV", "Maldives", Some(AsiaPacific)),
    c("MW", "Malawi", Some(Africa)),
    c("MX", "Mexico", Some(LatinAmerica)),
    c("MY", "Malaysia", Some(AsiaPacific)),
    c("MZ", "Mozambique", Some(MiddleEastEurope)),
    c("NA", "Namibia", Some(Africa)),
    c("NC", "New Caledonia", Some(Africa)),
    c("NE", "Niger", Some(Africa)),
    c("NF", "Norfolk Island", Some(Australia)),
    c("NG", "Nigeria", Some(Africa)),
    c("NI", "Nicaragua", Some(LatinAmerica)),
    c("NL", "Netherlands", Some(Europe)),
    c("NO", "Norway", Some(Europe)),
    c("NP", "Nepal", Some(AsiaPacific)),
    c("NR", "Nauru", Some(Australia)),
    c("NU", "Niue", Some(Australia)),
    c("NZ", "New Zealand", Some(NewZealand)),
    c("OM", "Oman", Some(MiddleEastEurope)),
    c("PA", "Panama", Some(LatinAmerica)),
    c("PE", "Peru", Some(LatinAmerica)),
    c("PF", "French Polynesia", Some(Africa)),
    c("PG", "Papua New Guinea", Some(Australia)),
    c("PH", "Philippines", Some(AsiaPacific)),
    c("PK", "Pakistan", Some(MiddleEastEurope)),
    c("PL", "Poland", Some(Europe)),
    c("PM", "Saint Pierre and Miquelon", Some(Canada)),
    c("PN", "Pitcairn Islands", Some(Australia)),
    c("PR", "Puerto Rico", Some(LatinAmerica)),
    c("PS", "Palestinian Authority", Some(MiddleEastEurope)),
    c("PT", "Portugal", Some(Europe)),
    c("PW", "Palau", Some(Australia)),
    c("PY", "Paraguay", Some(LatinAmerica)),
    c("QA", "Qatar", Some(MiddleEastEurope)),
    c("RE", "Réunion", Some(Africa)),
    c("RO", "Romania", Some(Europe)),
    c("RS", "Serbia", Some(MiddleEastEurope)),
    c("RU", "Russia", None),
    c("RW", "Rwanda", Some(Africa)),
    c("SA", "Saudi Arabia", Some(MiddleEastEurope)),
    c("SB", "Solomon Islands", Some(Australia)),
    c("SC", "Seychelles", Some(Africa)),
    c("SD", "Sudan", None),
    c("SE", "Sweden", Some(Europe)),
    c("SG", "Singapore", Some(AsiaPacific)),
    c("SH", "St Helena, Ascension, Tristan da Cunha", Some(Africa)),
    c("SI", "Slovenia", Some(Europe)),
    c("SJ", "Svalbard and Jan Mayen", Some(Europe)),
    c("SK", "Slovakia", Some(Europe)),
    c("SL", "Sierra Leone", Some(Africa)),
    c("SM", "San Marino", Some(Europe)),
    c("SN", "Senegal", Some(Africa)),
    c("SO", "Somalia", Some(Africa)),
    c("SR", "Suriname", Some(LatinAmerica)),
    c("SS", "South Sudan", Some(Africa)),
    c("ST", "São Tomé and Príncipe", Some(Africa)),
    c("SV", "El Salvador", Some(LatinAmerica)),
    c("SX", "Sint Maarten", Some(LatinAmerica)),
    c("SY", "Syria", None),
    c("SZ", "Eswatini", Some(MiddleEastEurope)),
    c("TC", "Turks and Caicos Islands", Some(LatinAmerica)),
    c("TD", "Chad", Some(Africa)),
    c("TF", "French Southern Territories", Some(Australia)),
    c("TG", "Togo", Some(Africa)),
    c("TH", "Thailand", Some(AsiaPacific)),
    c("TJ", "Tajikistan", Some(MiddleEastEurope)),
    c("TK", "Tokelau", Some(Australia)),
    c("TL", "Timor-Leste", Some(AsiaPacific)),
    c("TM", "Turkmenistan", Some(MiddleEastEurope)),
    c("TN", "Tunisia", Some(MiddleEastEurope)),
    c("TO", "Tonga", Some(Australia)),
    c("TR", "Türkiye", Some(MiddleEastEurope)),
    c("TT", "Trinidad and Tobago", Some(LatinAmerica)),
    c("TV", "Tuvalu", Some(Australia)),
    c("TW", "Taiwan", Some(Taiwan)),
    c("TZ", "Tanzania", Some(Africa)),
    c("UA", "Ukraine", Some(MiddleEastEurope)),
    c("UG", "Uganda", Some(Africa)),
    c("UM", "U.S. Outlying Islands", Some(UnitedStates)),
    c("US", "United States", Some(UnitedStates)),
    c("UY", "Uruguay", Some(LatinAmerica)),
    c("UZ", "Uzbekistan", Some(MiddleEastEurope)),
    c("VA", "Vatican City", Some(Europe)),
    c("VC", "Saint Vincent and the Grenadines", Some(LatinAmerica)),
    c("VE", "Venezuela", Some(LatinAmerica)),
    c("VG", "British Virgin Islands", Some(LatinAmerica)),
    c("VI", "U.S. Virgin Islands", Some(LatinAmerica)),
    c("VN", "Vietnam", Some(AsiaPacific)),
    c("VU", "Vanuatu", Some(NewZealand)),
    c("WF", "Wallis and Futuna", Some(Australia)),
    c("WS", "Samoa", Some(NewZealand)),
    c("YE", "Yemen", Some(MiddleEastEurope)),
    c("YT", "Mayotte", Some(Africa)),
    c("ZA", "South Africa", Some(MiddleEastEurope)),
    c("ZM", "Zambia", Some(Africa)),
    c("ZW", "Zimbabwe", Some(MiddleEastEurope)),
];

/// Every country, sorted by code.
pub fn all() -> impl Iterator<Item = Country> {
    COUNTRIES.iter().copied()
}

/// Looks a country up by ISO code (case-insensitive; a binary search, the
/// table being sorted).
pub fn find(code: &str) -> Option<Country> {
    let code = code.to_ascii_uppercase();
    COUNTRIES
        .binary_search_by(|c| c.code.cmp(code.as_str()))
        .ok()
        .map(|i| COUNTRIES[i])
}

/// The market of a country, if it has one.
pub fn market_of(code: &str) -> Option<Market> {
    find(code).and_then(|c| c.market)
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
