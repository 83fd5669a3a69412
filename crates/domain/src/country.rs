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

// code:name:region (E Europe, N North America, L Latin America, A Asia Pacific, M Middle East and Africa)
const TABLE: &str = "AD:Andorra:E|AE:United Arab Emirates:M|AF:Afghanistan:M|AG:Antigua and Barbuda:L|AI:Anguilla:L|AL:Albania:E|AM:Armenia:E|AO:Angola:M|AQ:Antarctica:A|AR:Argentina:L|AS:American Samoa:A|AT:Austria:E|AU:Australia:A|AW:Aruba:L|AX:Åland Islands:E|AZ:Azerbaijan:E|BA:Bosnia and Herzegovina:E|BB:Barbados:L|BD:Bangladesh:A|BE:Belgium:E|BF:Burkina Faso:M|BG:Bulgaria:E|BH:Bahrain:M|BI:Burundi:M|BJ:Benin:M|BL:Saint Barthélemy:L|BM:Bermuda:N|BN:Brunei:A|BO:Bolivia:L|BQ:Caribbean Netherlands:L|BR:Brazil:L|BS:Bahamas:L|BT:Bhutan:A|BV:Bouvet Island:E|BW:Botswana:M|BY:Belarus:E|BZ:Belize:L|CA:Canada:N|CC:Cocos (Keeling) Islands:A|CD:Congo (DRC):M|CF:Central African Republic:M|CG:Congo:M|CH:Switzerland:E|CI:Côte d’Ivoire:M|CK:Cook Islands:A|CL:Chile:L|CM:Cameroon:M|CN:China:A|CO:Colombia:L|CR:Costa Rica:L|CU:Cuba:L|CV:Cabo Verde:M|CW:Curaçao:L|CX:Christmas Island:A|CY:Cyprus:E|CZ:Czechia:E|DE:Germany:E|DJ:Djibouti:M|DK:Denmark:E|DM:Dominica:L|DO:Dominican Republic:L|DZ:Algeria:M|EC:Ecuador:L|EE:Estonia:E|EG:Egypt:M|EH:Western Sahara:M|ER:Eritrea:M|ES:Spain:E|ET:Ethiopia:M|FI:Finland:E|FJ:Fiji:A|FK:Falkland Islands:L|FM:Micronesia:A|FO:Faroe Islands:E|FR:France:E|GA:Gabon:M|GB:United Kingdom:E|GD:Grenada:L|GE:Georgia:E|GF:French Guiana:L|GG:Guernsey:E|GH:Ghana:M|GI:Gibraltar:E|GL:Greenland:E|GM:Gambia:M|GN:Guinea:M|GP:Guadeloupe:L|GQ:Equatorial Guinea:M|GR:Greece:E|GS:South Georgia and South Sandwich Islands:L|GT:Guatemala:L|GU:Guam:A|GW:Guinea-Bissau:M|GY:Guyana:L|HK:Hong Kong SAR:A|HM:Heard Island and McDonald Islands:A|HN:Honduras:L|HR:Croatia:E|HT:Haiti:L|HU:Hungary:E|ID:Indonesia:A|IE:Ireland:E|IL:Israel:M|IM:Isle of Man:E|IN:India:A|IO:British Indian Ocean Territory:A|IQ:Iraq:M|IR:Iran:M|IS:Iceland:E|IT:Italy:E|JE:Jersey:E|JM:Jamaica:L|JO:Jordan:M|JP:Japan:A|KE:Kenya:M|KG:Kyrgyzstan:E|KH:Cambodia:A|KI:Kiribati:A|KM:Comoros:M|KN:Saint Kitts and Nevis:L|KP:North Korea:A|KR:Korea:A|KW:Kuwait:M|KY:Cayman Islands:L|KZ:Kazakhstan:E|LA:Laos:A|LB:Lebanon:M|LC:Saint Lucia:L|LI:Liechtenstein:E|LK:Sri Lanka:A|LR:Liberia:M|LS:Lesotho:M|LT:Lithuania:E|LU:Luxembourg:E|LV:Latvia:E|LY:Libya:M|MA:Morocco:M|MC:Monaco:E|MD:Moldova:E|ME:Montenegro:E|MF:Saint Martin:L|MG:Madagascar:M|MH:Marshall Islands:A|MK:North Macedonia:E|ML:Mali:M|MM:Myanmar:A|MN:Mongolia:A|MO:Macao SAR:A|MP:Northern Mariana Islands:A|MQ:Martinique:L|MR:Mauritania:M|MS:Montserrat:L|MT:Malta:E|MU:Mauritius:M|MV:Maldives:A|MW:Malawi:M|MX:Mexico:L|MY:Malaysia:A|MZ:Mozambique:M|NA:Namibia:M|NC:New Caledonia:A|NE:Niger:M|NF:Norfolk Island:A|NG:Nigeria:M|NI:Nicaragua:L|NL:Netherlands:E|NO:Norway:E|NP:Nepal:A|NR:Nauru:A|NU:Niue:A|NZ:New Zealand:A|OM:Oman:M|PA:Panama:L|PE:Peru:L|PF:French Polynesia:A|PG:Papua New Guinea:A|PH:Philippines:A|PK:Pakistan:M|PL:Poland:E|PM:Saint Pierre and Miquelon:N|PN:Pitcairn Islands:A|PR:Puerto Rico:L|PS:Palestinian Authority:M|PT:Portugal:E|PW:Palau:A|PY:Paraguay:L|QA:Qatar:M|RE:Réunion:M|RO:Romania:E|RS:Serbia:E|RU:Russia:E|RW:Rwanda:M|SA:Saudi Arabia:M|SB:Solomon Islands:A|SC:Seychelles:M|SD:Sudan:M|SE:Sweden:E|SG:Singapore:A|SH:St Helena, Ascension, Tristan da Cunha:M|SI:Slovenia:E|SJ:Svalbard and Jan Mayen:E|SK:Slovakia:E|SL:Sierra Leone:M|SM:San Marino:E|SN:Senegal:M|SO:Somalia:M|SR:Suriname:L|SS:South Sudan:M|ST:São Tomé and Príncipe:M|SV:El Salvador:L|SX:Sint Maarten:L|SY:Syria:M|SZ:Eswatini:M|TC:Turks and Caicos Islands:L|TD:Chad:M|TF:French Southern Territories:M|TG:Togo:M|TH:Thailand:A|TJ:Tajikistan:E|TK:Tokelau:A|TL:Timor-Leste:A|TM:Turkmenistan:E|TN:Tunisia:M|TO:Tonga:A|TR:Türkiye:E|TT:Trinidad and Tobago:L|TV:Tuvalu:A|TW:Taiwan:A|TZ:Tanzania:M|UA:Ukraine:E|UG:Uganda:M|UM:U.S. Outlying Islands:N|US:United States:N|UY:Uruguay:L|UZ:Uzbekistan:E|VA:Vatican City:E|VC:Saint Vincent and the Grenadines:L|VE:Venezuela:L|VG:British Virgin Islands:L|VI:U.S. Virgin Islands:L|VN:Vietnam:A|VU:Vanuatu:A|WF:Wallis and Futuna:A|WS:Samoa:A|YE:Yemen:M|YT:Mayotte:M|ZA:South Africa:M|ZM:Zambia:M|ZW:Zimbabwe:M";

/// Every country, sorted by code.
pub fn all() -> impl Iterator<Item = Country> {
    TABLE.split('|').map(|entry| {
        let mut parts = entry.splitn(3, ':');
        let code = parts.next().unwrap_or_default();
        let name = parts.next().unwrap_or_default();
        let region = match parts.next().unwrap_or_default() {
            "E" => Region::Europe,
            "N" => Region::NorthAmerica,
            "L" => Region::LatinAmerica,
            "A" => Region::AsiaPacific,
            _ => Region::MiddleEastAfrica,
        };
        Country { code, name, region }
    })
}

/// Looks a country up by ISO code (case-insensitive).
pub fn find(code: &str) -> Option<Country> {
    all().find(|c| c.code.eq_ignore_ascii_case(code))
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
