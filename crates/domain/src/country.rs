//! Countries (every ISO 3166-1 alpha-2 code) and the CSP regions they belong
//! to. A partner may invite customers only from its own country or region.

use serde::{Deserialize, Serialize};

/// A CSP market region.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum Region {
    /// Europe.
    Europe,
    /// United States, Canada and neighbouring territories.
    NorthAmerica,
    /// Latin America and the Caribbean.
    LatinAmerica,
    /// Asia and the Pacific.
    AsiaPacific,
    /// Middle East and Africa.
    MiddleEastAfrica,
}

impl Region {
    /// Every region.
    pub const ALL: [Region; 5] = [
        Region::Europe,
        Region::NorthAmerica,
        Region::LatinAmerica,
        Region::AsiaPacific,
        Region::MiddleEastAfrica,
    ];

    /// English name.
    pub fn name(self) -> &'static str {
        match self {
            Region::Europe => "Europe",
            Region::NorthAmerica => "North America",
            Region::LatinAmerica => "Latin America and the Caribbean",
            Region::AsiaPacific => "Asia Pacific",
            Region::MiddleEastAfrica => "Middle East and Africa",
        }
    }
}

/// One country: ISO code, English name, region.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Country {
    /// ISO 3166-1 alpha-2 code, upper case.
    pub code: &'static str,
    /// English short name.
    pub name: &'static str,
    /// The CSP region it belongs to.
    pub region: Region,
}

use Region::*;

const fn c(code: &'static str, name: &'static str, region: Region) -> Country {
    Country { code, name, region }
}

/// Every ISO 3166-1 country, sorted by code, with its English short name and
/// its CSP region.
pub const COUNTRIES: &[Country] = &[
    c("AD", "Andorra", Europe),
    c("AE", "United Arab Emirates", MiddleEastAfrica),
    c("AF", "Afghanistan", MiddleEastAfrica),
    c("AG", "Antigua and Barbuda", LatinAmerica),
    c("AI", "Anguilla", LatinAmerica),
    c("AL", "Albania", Europe),
    c("AM", "Armenia", Europe),
    c("AO", "Angola", MiddleEastAfrica),
    c("AQ", "Antarctica", AsiaPacific),
    c("AR", "Argentina", LatinAmerica),
    c("AS", "American Samoa", AsiaPacific),
    c("AT", "Austria", Europe),
    c("AU", "Australia", AsiaPacific),
    c("AW", "Aruba", LatinAmerica),
    c("AX", "Åland Islands", Europe),
    c("AZ", "Azerbaijan", Europe),
    c("BA", "Bosnia and Herzegovina", Europe),
    c("BB", "Barbados", LatinAmerica),
    c("BD", "Bangladesh", AsiaPacific),
    c("BE", "Belgium", Europe),
    c("BF", "Burkina Faso", MiddleEastAfrica),
    c("BG", "Bulgaria", Europe),
    c("BH", "Bahrain", MiddleEastAfrica),
    c("BI", "Burundi", MiddleEastAfrica),
    c("BJ", "Benin", MiddleEastAfrica),
    c("BL", "Saint Barthélemy", LatinAmerica),
    c("BM", "Bermuda", NorthAmerica),
    c("BN", "Brunei", AsiaPacific),
    c("BO", "Bolivia", LatinAmerica),
    c("BQ", "Caribbean Netherlands", LatinAmerica),
    c("BR", "Brazil", LatinAmerica),
    c("BS", "Bahamas", LatinAmerica),
    c("BT", "Bhutan", AsiaPacific),
    c("BV", "Bouvet Island", Europe),
    c("BW", "Botswana", MiddleEastAfrica),
    c("BY", "Belarus", Europe),
    c("BZ", "Belize", LatinAmerica),
    c("CA", "Canada", NorthAmerica),
    c("CC", "Cocos (Keeling) Islands", AsiaPacific),
    c("CD", "Congo (DRC)", MiddleEastAfrica),
    c("CF", "Central African Republic", MiddleEastAfrica),
    c("CG", "Congo", MiddleEastAfrica),
    c("CH", "Switzerland", Europe),
    c("CI", "Côte d’Ivoire", MiddleEastAfrica),
    c("CK", "Cook Islands", AsiaPacific),
    c("CL", "Chile", LatinAmerica),
    c("CM", "Cameroon", MiddleEastAfrica),
    c("CN", "China", AsiaPacific),
    c("CO", "Colombia", LatinAmerica),
    c("CR", "Costa Rica", LatinAmerica),
    c("CU", "Cuba", LatinAmerica),
    c("CV", "Cabo Verde", MiddleEastAfrica),
    c("CW", "Curaçao", LatinAmerica),
    c("CX", "Christmas Island", AsiaPacific),
    c("CY", "Cyprus", Europe),
    c("CZ", "Czechia", Europe),
    c("DE", "Germany", Europe),
    c("DJ", "Djibouti", MiddleEastAfrica),
    c("DK", "Denmark", Europe),
    c("DM", "Dominica", LatinAmerica),
    c("DO", "Dominican Republic", LatinAmerica),
    c("DZ", "Algeria", MiddleEastAfrica),
    c("EC", "Ecuador", LatinAmerica),
    c("EE", "Estonia", Europe),
    c("EG", "Egypt", MiddleEastAfrica),
    c("EH", "Western Sahara", MiddleEastAfrica),
    c("ER", "Eritrea", MiddleEastAfrica),
    c("ES", "Spain", Europe),
    c("ET", "Ethiopia", MiddleEastAfrica),
    c("FI", "Finland", Europe),
    c("FJ", "Fiji", AsiaPacific),
    c("FK", "Falkland Islands", LatinAmerica),
    c("FM", "Micronesia", AsiaPacific),
    c("FO", "Faroe Islands", Europe),
    c("FR", "France", Europe),
    c("GA", "Gabon", MiddleEastAfrica),
    c("GB", "United Kingdom", Europe),
    c("GD", "Grenada", LatinAmerica),
    c("GE", "Georgia", Europe),
    c("GF", "French Guiana", LatinAmerica),
    c("GG", "Guernsey", Europe),
    c("GH", "Ghana", MiddleEastAfrica),
    c("GI", "Gibraltar", Europe),
    c("GL", "Greenland", Europe),
    c("GM", "Gambia", MiddleEastAfrica),
    c("GN", "Guinea", MiddleEastAfrica),
    c("GP", "Guadeloupe", LatinAmerica),
    c("GQ", "Equatorial Guinea", MiddleEastAfrica),
    c("GR", "Greece", Europe),
    c(
        "GS",
        "South Georgia and South Sandwich Islands",
        LatinAmerica,
    ),
    c("GT", "Guatemala", LatinAmerica),
    c("GU", "Guam", AsiaPacific),
    c("GW", "Guinea-Bissau", MiddleEastAfrica),
    c("GY", "Guyana", LatinAmerica),
    c("HK", "Hong Kong SAR", AsiaPacific),
    c("HM", "Heard Island and McDonald Islands", AsiaPacific),
    c("HN", "Honduras", LatinAmerica),
    c("HR", "Croatia", Europe),
    c("HT", "Haiti", LatinAmerica),
    c("HU", "Hungary", Europe),
    c("ID", "Indonesia", AsiaPacific),
    c("IE", "Ireland", Europe),
    c("IL", "Israel", MiddleEastAfrica),
    c("IM", "Isle of Man", Europe),
    c("IN", "India", AsiaPacific),
    c("IO", "British Indian Ocean Territory", AsiaPacific),
    c("IQ", "Iraq", MiddleEastAfrica),
    c("IR", "Iran", MiddleEastAfrica),
    c("IS", "Iceland", Europe),
    c("IT", "Italy", Europe),
    c("JE", "Jersey", Europe),
    c("JM", "Jamaica", LatinAmerica),
    c("JO", "Jordan", MiddleEastAfrica),
    c("JP", "Japan", AsiaPacific),
    c("KE", "Kenya", MiddleEastAfrica),
    c("KG", "Kyrgyzstan", Europe),
    c("KH", "Cambodia", AsiaPacific),
    c("KI", "Kiribati", AsiaPacific),
    c("KM", "Comoros", MiddleEastAfrica),
    c("KN", "Saint Kitts and Nevis", LatinAmerica),
    c("KP", "North Korea", AsiaPacific),
    c("KR", "Korea", AsiaPacific),
    c("KW", "Kuwait", MiddleEastAfrica),
    c("KY", "Cayman Islands", LatinAmerica),
    c("KZ", "Kazakhstan", Europe),
    c("LA", "Laos", AsiaPacific),
    c("LB", "Lebanon", MiddleEastAfrica),
    c("LC", "Saint Lucia", LatinAmerica),
    c("LI", "Liechtenstein", Europe),
    c("LK", "Sri Lanka", AsiaPacific),
    c("LR", "Liberia", MiddleEastAfrica),
    c("LS", "Lesotho", MiddleEastAfrica),
    c("LT", "Lithuania", Europe),
    c("LU", "Luxembourg", Europe),
    c("LV", "Latvia", Europe),
    c("LY", "Libya", MiddleEastAfrica),
    c("MA", "Morocco", MiddleEastAfrica),
    c("MC", "Monaco", Europe),
    c("MD", "Moldova", Europe),
    c("ME", "Montenegro", Europe),
    c("MF", "Saint Martin", LatinAmerica),
    c("MG", "Madagascar", MiddleEastAfrica),
    c("MH", "Marshall Islands", AsiaPacific),
    c("MK", "North Macedonia", Europe),
    c("ML", "Mali", MiddleEastAfrica),
    c("MM", "Myanmar", AsiaPacific),
    c("MN", "Mongolia", AsiaPacific),
    c("MO", "Macao SAR", AsiaPacific),
    c("MP", "Northern Mariana Islands", AsiaPacific),
    c("MQ", "Martinique", LatinAmerica),
    c("MR", "Mauritania", MiddleEastAfrica),
    c("MS", "Montserrat", LatinAmerica),
    c("MT", "Malta", Europe),
    c("MU", "Mauritius", MiddleEastAfrica),
    c("MV", "Maldives", AsiaPacific),
    c("MW", "Malawi", MiddleEastAfrica),
    c("MX", "Mexico", LatinAmerica),
    c("MY", "Malaysia", AsiaPacific),
    c("MZ", "Mozambique", MiddleEastAfrica),
    c("NA", "Namibia", MiddleEastAfrica),
    c("NC", "New Caledonia", AsiaPacific),
    c("NE", "Niger", MiddleEastAfrica),
    c("NF", "Norfolk Island", AsiaPacific),
    c("NG", "Nigeria", MiddleEastAfrica),
    c("NI", "Nicaragua", LatinAmerica),
    c("NL", "Netherlands", Europe),
    c("NO", "Norway", Europe),
    c("NP", "Nepal", AsiaPacific),
    c("NR", "Nauru", AsiaPacific),
    c("NU", "Niue", AsiaPacific),
    c("NZ", "New Zealand", AsiaPacific),
    c("OM", "Oman", MiddleEastAfrica),
    c("PA", "Panama", LatinAmerica),
    c("PE", "Peru", LatinAmerica),
    c("PF", "French Polynesia", AsiaPacific),
    c("PG", "Papua New Guinea", AsiaPacific),
    c("PH", "Philippines", AsiaPacific),
    c("PK", "Pakistan", MiddleEastAfrica),
    c("PL", "Poland", Europe),
    c("PM", "Saint Pierre and Miquelon", NorthAmerica),
    c("PN", "Pitcairn Islands", AsiaPacific),
    c("PR", "Puerto Rico", LatinAmerica),
    c("PS", "Palestinian Authority", MiddleEastAfrica),
    c("PT", "Portugal", Europe),
    c("PW", "Palau", AsiaPacific),
    c("PY", "Paraguay", LatinAmerica),
    c("QA", "Qatar", MiddleEastAfrica),
    c("RE", "Réunion", MiddleEastAfrica),
    c("RO", "Romania", Europe),
    c("RS", "Serbia", Europe),
    c("RU", "Russia", Europe),
    c("RW", "Rwanda", MiddleEastAfrica),
    c("SA", "Saudi Arabia", MiddleEastAfrica),
    c("SB", "Solomon Islands", AsiaPacific),
    c("SC", "Seychelles", MiddleEastAfrica),
    c("SD", "Sudan", MiddleEastAfrica),
    c("SE", "Sweden", Europe),
    c("SG", "Singapore", AsiaPacific),
    c(
        "SH",
        "St Helena, Ascension, Tristan da Cunha",
        MiddleEastAfrica,
    ),
    c("SI", "Slovenia", Europe),
    c("SJ", "Svalbard and Jan Mayen", Europe),
    c("SK", "Slovakia", Europe),
    c("SL", "Sierra Leone", MiddleEastAfrica),
    c("SM", "San Marino", Europe),
    c("SN", "Senegal", MiddleEastAfrica),
    c("SO", "Somalia", MiddleEastAfrica),
    c("SR", "Suriname", LatinAmerica),
    c("SS", "South Sudan", MiddleEastAfrica),
    c("ST", "São Tomé and Príncipe", MiddleEastAfrica),
    c("SV", "El Salvador", LatinAmerica),
    c("SX", "Sint Maarten", LatinAmerica),
    c("SY", "Syria", MiddleEastAfrica),
    c("SZ", "Eswatini", MiddleEastAfrica),
    c("TC", "Turks and Caicos Islands", LatinAmerica),
    c("TD", "Chad", MiddleEastAfrica),
    c("TF", "French Southern Territories", MiddleEastAfrica),
    c("TG", "Togo", MiddleEastAfrica),
    c("TH", "Thailand", AsiaPacific),
    c("TJ", "Tajikistan", Europe),
    c("TK", "Tokelau", AsiaPacific),
    c("TL", "Timor-Leste", AsiaPacific),
    c("TM", "Turkmenistan", Europe),
    c("TN", "Tunisia", MiddleEastAfrica),
    c("TO", "Tonga", AsiaPacific),
    c("TR", "Türkiye", Europe),
    c("TT", "Trinidad and Tobago", LatinAmerica),
    c("TV", "Tuvalu", AsiaPacific),
    c("TW", "Taiwan", AsiaPacific),
    c("TZ", "Tanzania", MiddleEastAfrica),
    c("UA", "Ukraine", Europe),
    c("UG", "Uganda", MiddleEastAfrica),
    c("UM", "U.S. Outlying Islands", NorthAmerica),
    c("US", "United States", NorthAmerica),
    c("UY", "Uruguay", LatinAmerica),
    c("UZ", "Uzbekistan", Europe),
    c("VA", "Vatican City", Europe),
    c("VC", "Saint Vincent and the Grenadines", LatinAmerica),
    c("VE", "Venezuela", LatinAmerica),
    c("VG", "British Virgin Islands", LatinAmerica),
    c("VI", "U.S. Virgin Islands", LatinAmerica),
    c("VN", "Vietnam", AsiaPacific),
    c("VU", "Vanuatu", AsiaPacific),
    c("WF", "Wallis and Futuna", AsiaPacific),
    c("WS", "Samoa", AsiaPacific),
    c("YE", "Yemen", MiddleEastAfrica),
    c("YT", "Mayotte", MiddleEastAfrica),
    c("ZA", "South Africa", MiddleEastAfrica),
    c("ZM", "Zambia", MiddleEastAfrica),
    c("ZW", "Zimbabwe", MiddleEastAfrica),
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

/// Whether a customer in `customer` may accept an invitation from a partner in
/// `partner`: same country, or the same region.
pub fn within_partner_market(partner: &str, customer: &str) -> bool {
    match (find(partner), find(customer)) {
        (Some(p), Some(c)) => p.code == c.code || p.region == c.region,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_iso_country_is_assigned_once() {
        let all: Vec<_> = all().collect();
        assert_eq!(all.len(), 249);
        let mut codes: Vec<_> = all.iter().map(|c| c.code).collect();
        let sorted = codes.clone();
        codes.sort();
        codes.dedup();
        assert_eq!(codes, sorted, "codes are sorted and unique");
        assert!(all.iter().all(|c| c.code.len() == 2 && !c.name.is_empty()));
        for region in Region::ALL {
            let minimum = if region == Region::NorthAmerica {
                5
            } else {
                30
            };
            assert!(
                all.iter().filter(|c| c.region == region).count() >= minimum,
                "{region:?}"
            );
        }
    }

    #[test]
    fn market_is_country_or_region() {
        assert!(within_partner_market("PT", "PT"));
        assert!(within_partner_market("DE", "fr"));
        assert!(within_partner_market("BR", "AR"));
        assert!(!within_partner_market("BR", "US"));
        assert!(!within_partner_market("US", "DE"));
        assert!(!within_partner_market("US", "ZZ"));
        assert_eq!(find("br").unwrap().name, "Brazil");
    }
}
