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

/// One country: ISO code, English and Portuguese names, CSP market.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Country {
    /// ISO 3166-1 alpha-2 code, upper case.
    pub code: &'static str,
    /// English short name.
    pub name: &'static str,
    /// Brazilian Portuguese short name.
    pub name_pt: &'static str,
    /// The CSP market it belongs to, if any.
    pub market: Option<Market>,
}

use Market::*;

/// Writes the table once as parallel tables: codes with their markets, and
/// names in each language. A build that only checks codes and markets then
/// carries none of the names (issue 12).
///
/// The names are the app's own, so no page waits on the browser's
/// `Intl.DisplayNames`: its first use loads the browser's locale data, about
/// 25 ms on a desktop core and 100–150 ms at 4× CPU slowdown, which the
/// customer's first page paid before it could show the partner's country
/// (issue 12; measured by `./.ci/bench`). English: Microsoft's short names.
/// Portuguese: Unicode CLDR 48's `pt` region names (what
/// `Intl.DisplayNames(['pt-BR'], { type: 'region' })` gives, that is what the
/// app showed before), with the two Congos named as Microsoft's English list
/// names them.
macro_rules! countries {
    ($(($code:literal, $name:literal, $name_pt:literal, $market:expr),)*) => {
        /// Every ISO 3166-1 country code, sorted, with the CSP market it
        /// belongs to (`None`: no CSP market sells there).
        const MARKETS: &[(&str, Option<Market>)] = &[$(($code, $market),)*];
        /// The countries' English short names, in `MARKETS`' order.
        const NAMES: &[&str] = &[$($name,)*];
        /// The countries' Brazilian Portuguese short names, in `MARKETS`' order.
        const NAMES_PT: &[&str] = &[$($name_pt,)*];
    };
}

countries! {
    ("AD", "Andorra", "Andorra", Some(Europe)),
    ("AE", "United Arab Emirates", "Emirados Árabes Unidos", Some(MiddleEastEurope)),
    ("AF", "Afghanistan", "Afeganistão", Some(MiddleEastEurope)),
    ("AG", "Antigua and Barbuda", "Antígua e Barbuda", Some(LatinAmerica)),
    ("AI", "Anguilla", "Anguila", Some(LatinAmerica)),
    ("AL", "Albania", "Albânia", Some(MiddleEastEurope)),
    ("AM", "Armenia", "Armênia", Some(MiddleEastEurope)),
    ("AO", "Angola", "Angola", Some(Africa)),
    ("AQ", "Antarctica", "Antártida", Some(LatinAmerica)),
    ("AR", "Argentina", "Argentina", Some(LatinAmerica)),
    ("AS", "American Samoa", "Samoa Americana", Some(UnitedStates)),
    ("AT", "Austria", "Áustria", Some(Europe)),
    ("AU", "Australia", "Austrália", Some(Australia)),
    ("AW", "Aruba", "Aruba", Some(LatinAmerica)),
    ("AX", "Åland Islands", "Ilhas Aland", Some(Europe)),
    ("AZ", "Azerbaijan", "Azerbaijão", Some(MiddleEastEurope)),
    ("BA", "Bosnia and Herzegovina", "Bósnia e Herzegovina", Some(MiddleEastEurope)),
    ("BB", "Barbados", "Barbados", Some(LatinAmerica)),
    ("BD", "Bangladesh", "Bangladesh", Some(AsiaPacific)),
    ("BE", "Belgium", "Bélgica", Some(Europe)),
    ("BF", "Burkina Faso", "Burquina Faso", Some(Africa)),
    ("BG", "Bulgaria", "Bulgária", Some(Europe)),
    ("BH", "Bahrain", "Barein", Some(MiddleEastEurope)),
    ("BI", "Burundi", "Burundi", Some(Africa)),
    ("BJ", "Benin", "Benin", Some(Africa)),
    ("BL", "Saint Barthélemy", "São Bartolomeu", Some(LatinAmerica)),
    ("BM", "Bermuda", "Bermudas", Some(LatinAmerica)),
    ("BN", "Brunei", "Brunei", Some(AsiaPacific)),
    ("BO", "Bolivia", "Bolívia", Some(LatinAmerica)),
    ("BQ", "Caribbean Netherlands", "Países Baixos Caribenhos", Some(LatinAmerica)),
    ("BR", "Brazil", "Brasil", Some(Brazil)),
    ("BS", "Bahamas", "Bahamas", Some(LatinAmerica)),
    ("BT", "Bhutan", "Butão", Some(AsiaPacific)),
    ("BV", "Bouvet Island", "Ilha Bouvet", Some(Europe)),
    ("BW", "Botswana", "Botsuana", Some(Africa)),
    ("BY", "Belarus", "Bielorrússia", None),
    ("BZ", "Belize", "Belize", Some(LatinAmerica)),
    ("CA", "Canada", "Canadá", Some(Canada)),
    ("CC", "Cocos (Keeling) Islands", "Ilhas Cocos (Keeling)", Some(Australia)),
    ("CD", "Congo (DRC)", "Congo (RDC)", Some(Africa)),
    ("CF", "Central African Republic", "República Centro-Africana", Some(Africa)),
    ("CG", "Congo", "República do Congo", Some(Africa)),
    ("CH", "Switzerland", "Suíça", Some(Europe)),
    ("CI", "Côte d’Ivoire", "Costa do Marfim", Some(Africa)),
    ("CK", "Cook Islands", "Ilhas Cook", Some(Australia)),
    ("CL", "Chile", "Chile", Some(LatinAmerica)),
    ("CM", "Cameroon", "Camarões", Some(Africa)),
    ("CN", "China", "China", Some(China)),
    ("CO", "Colombia", "Colômbia", Some(LatinAmerica)),
    ("CR", "Costa Rica", "Costa Rica", Some(LatinAmerica)),
    ("CU", "Cuba", "Cuba", None),
    ("CV", "Cabo Verde", "Cabo Verde", Some(Africa)),
    ("CW", "Curaçao", "Curaçao", Some(LatinAmerica)),
    ("CX", "Christmas Island", "Ilha Christmas", Some(Australia)),
    ("CY", "Cyprus", "Chipre", Some(Europe)),
    ("CZ", "Czechia", "Tchéquia", Some(Europe)),
    ("DE", "Germany", "Alemanha", Some(Europe)),
    ("DJ", "Djibouti", "Djibuti", Some(Africa)),
    ("DK", "Denmark", "Dinamarca", Some(Europe)),
    ("DM", "Dominica", "Dominica", Some(LatinAmerica)),
    ("DO", "Dominican Republic", "República Dominicana", Some(LatinAmerica)),
    ("DZ", "Algeria", "Argélia", Some(MiddleEastEurope)),
    ("EC", "Ecuador", "Equador", Some(LatinAmerica)),
    ("EE", "Estonia", "Estônia", Some(Europe)),
    ("EG", "Egypt", "Egito", Some(MiddleEastEurope)),
    ("EH", "Western Sahara", "Saara Ocidental", None),
    ("ER", "Eritrea", "Eritreia", Some(Africa)),
    ("ES", "Spain", "Espanha", Some(Europe)),
    ("ET", "Ethiopia", "Etiópia", Some(Africa)),
    ("FI", "Finland", "Finlândia", Some(Europe)),
    ("FJ", "Fiji", "Fiji", Some(Australia)),
    ("FK", "Falkland Islands", "Ilhas Malvinas", Some(LatinAmerica)),
    ("FM", "Micronesia", "Micronésia", Some(Australia)),
    ("FO", "Faroe Islands", "Ilhas Faroé", Some(Europe)),
    ("FR", "France", "França", Some(Europe)),
    ("GA", "Gabon", "Gabão", Some(Africa)),
    ("GB", "United Kingdom", "Reino Unido", Some(Europe)),
    ("GD", "Grenada", "Granada", Some(LatinAmerica)),
    ("GE", "Georgia", "Geórgia", Some(MiddleEastEurope)),
    ("GF", "French Guiana", "Guiana Francesa", Some(LatinAmerica)),
    ("GG", "Guernsey", "Guernsey", Some(Europe)),
    ("GH", "Ghana", "Gana", Some(Africa)),
    ("GI", "Gibraltar", "Gibraltar", Some(Europe)),
    ("GL", "Greenland", "Groenlândia", Some(Europe)),
    ("GM", "Gambia", "Gâmbia", Some(Africa)),
    ("GN", "Guinea", "Guiné", Some(Africa)),
    ("GP", "Guadeloupe", "Guadalupe", Some(LatinAmerica)),
    ("GQ", "Equatorial Guinea", "Guiné Equatorial", Some(Africa)),
    ("GR", "Greece", "Grécia", Some(Europe)),
    ("GS", "South Georgia and South Sandwich Islands", "Ilhas Geórgia do Sul e Sandwich do Sul", Some(LatinAmerica)),
    ("GT", "Guatemala", "Guatemala", Some(LatinAmerica)),
    ("GU", "Guam", "Guam", Some(UnitedStates)),
    ("GW", "Guinea-Bissau", "Guiné-Bissau", Some(Africa)),
    ("GY", "Guyana", "Guiana", Some(LatinAmerica)),
    ("HK", "Hong Kong SAR", "Hong Kong, RAE da China", Some(AsiaPacific)),
    ("HM", "Heard Island and McDonald Islands", "Ilhas Heard e McDonald", Some(Australia)),
    ("HN", "Honduras", "Honduras", Some(LatinAmerica)),
    ("HR", "Croatia", "Croácia", Some(Europe)),
    ("HT", "Haiti", "Haiti", Some(LatinAmerica)),
    ("HU", "Hungary", "Hungria", Some(Europe)),
    ("ID", "Indonesia", "Indonésia", Some(AsiaPacific)),
    ("IE", "Ireland", "Irlanda", Some(Europe)),
    ("IL", "Israel", "Israel", Some(MiddleEastEurope)),
    ("IM", "Isle of Man", "Ilha de Man", Some(Europe)),
    ("IN", "India", "Índia", Some(India)),
    ("IO", "British Indian Ocean Territory", "Território Britânico do Oceano Índico", Some(MiddleEastEurope)),
    ("IQ", "Iraq", "Iraque", Some(MiddleEastEurope)),
    ("IR", "Iran", "Irã", None),
    ("IS", "Iceland", "Islândia", Some(Europe)),
    ("IT", "Italy", "Itália", Some(Europe)),
    ("JE", "Jersey", "Jersey", Some(Europe)),
    ("JM", "Jamaica", "Jamaica", Some(LatinAmerica)),
    ("JO", "Jordan", "Jordânia", Some(MiddleEastEurope)),
    ("JP", "Japan", "Japão", Some(Japan)),
    ("KE", "Kenya", "Quênia", Some(Africa)),
    ("KG", "Kyrgyzstan", "Quirguistão", Some(MiddleEastEurope)),
    ("KH", "Cambodia", "Camboja", Some(AsiaPacific)),
    ("KI", "Kiribati", "Quiribati", Some(Australia)),
    ("KM", "Comoros", "Comores", Some(Africa)),
    ("KN", "Saint Kitts and Nevis", "São Cristóvão e Névis", Some(LatinAmerica)),
    ("KP", "North Korea", "Coreia do Norte", None),
    ("KR", "Korea", "Coreia do Sul", Some(Korea)),
    ("KW", "Kuwait", "Kuwait", Some(MiddleEastEurope)),
    ("KY", "Cayman Islands", "Ilhas Cayman", Some(LatinAmerica)),
    ("KZ", "Kazakhstan", "Cazaquistão", Some(MiddleEastEurope)),
    ("LA", "Laos", "Laos", Some(AsiaPacific)),
    ("LB", "Lebanon", "Líbano", Some(MiddleEastEurope)),
    ("LC", "Saint Lucia", "Santa Lúcia", Some(LatinAmerica)),
    ("LI", "Liechtenstein", "Liechtenstein", Some(Europe)),
    ("LK", "Sri Lanka", "Sri Lanka", Some(AsiaPacific)),
    ("LR", "Liberia", "Libéria", Some(Africa)),
    ("LS", "Lesotho", "Lesoto", Some(MiddleEastEurope)),
    ("LT", "Lithuania", "Lituânia", Some(Europe)),
    ("LU", "Luxembourg", "Luxemburgo", Some(Europe)),
    ("LV", "Latvia", "Letônia", Some(Europe)),
    ("LY", "Libya", "Líbia", Some(MiddleEastEurope)),
    ("MA", "Morocco", "Marrocos", Some(MiddleEastEurope)),
    ("MC", "Monaco", "Mônaco", Some(Europe)),
    ("MD", "Moldova", "Moldávia", Some(MiddleEastEurope)),
    ("ME", "Montenegro", "Montenegro", Some(MiddleEastEurope)),
    ("MF", "Saint Martin", "São Martinho", Some(LatinAmerica)),
    ("MG", "Madagascar", "Madagascar", Some(Africa)),
    ("MH", "Marshall Islands", "Ilhas Marshall", Some(Australia)),
    ("MK", "North Macedonia", "Macedônia do Norte", Some(MiddleEastEurope)),
    ("ML", "Mali", "Mali", Some(Africa)),
    ("MM", "Myanmar", "Mianmar (Birmânia)", Some(AsiaPacific)),
    ("MN", "Mongolia", "Mongólia", Some(MiddleEastEurope)),
    ("MO", "Macao SAR", "Macau, RAE da China", Some(AsiaPacific)),
    ("MP", "Northern Mariana Islands", "Ilhas Marianas do Norte", Some(UnitedStates)),
    ("MQ", "Martinique", "Martinica", Some(LatinAmerica)),
    ("MR", "Mauritania", "Mauritânia", Some(MiddleEastEurope)),
    ("MS", "Montserrat", "Montserrat", Some(LatinAmerica)),
    ("MT", "Malta", "Malta", Some(Europe)),
    ("MU", "Mauritius", "Maurício", Some(Africa)),
    ("MV", "Maldives", "Maldivas", Some(AsiaPacific)),
    ("MW", "Malawi", "Malaui", Some(Africa)),
    ("MX", "Mexico", "México", Some(LatinAmerica)),
    ("MY", "Malaysia", "Malásia", Some(AsiaPacific)),
    ("MZ", "Mozambique", "Moçambique", Some(MiddleEastEurope)),
    ("NA", "Namibia", "Namíbia", Some(Africa)),
    ("NC", "New Caledonia", "Nova Caledônia", Some(Africa)),
    ("NE", "Niger", "Níger", Some(Africa)),
    ("NF", "Norfolk Island", "Ilha Norfolk", Some(Australia)),
    ("NG", "Nigeria", "Nigéria", Some(Africa)),
    ("NI", "Nicaragua", "Nicarágua", Some(LatinAmerica)),
    ("NL", "Netherlands", "Países Baixos", Some(Europe)),
    ("NO", "Norway", "Noruega", Some(Europe)),
    ("NP", "Nepal", "Nepal", Some(AsiaPacific)),
    ("NR", "Nauru", "Nauru", Some(Australia)),
    ("NU", "Niue", "Niue", Some(Australia)),
    ("NZ", "New Zealand", "Nova Zelândia", Some(NewZealand)),
    ("OM", "Oman", "Omã", Some(MiddleEastEurope)),
    ("PA", "Panama", "Panamá", Some(LatinAmerica)),
    ("PE", "Peru", "Peru", Some(LatinAmerica)),
    ("PF", "French Polynesia", "Polinésia Francesa", Some(Africa)),
    ("PG", "Papua New Guinea", "Papua-Nova Guiné", Some(Australia)),
    ("PH", "Philippines", "Filipinas", Some(AsiaPacific)),
    ("PK", "Pakistan", "Paquistão", Some(MiddleEastEurope)),
    ("PL", "Poland", "Polônia", Some(Europe)),
    ("PM", "Saint Pierre and Miquelon", "São Pedro e Miquelão", Some(Canada)),
    ("PN", "Pitcairn Islands", "Ilhas Pitcairn", Some(Australia)),
    ("PR", "Puerto Rico", "Porto Rico", Some(LatinAmerica)),
    ("PS", "Palestinian Authority", "Territórios palestinos", Some(MiddleEastEurope)),
    ("PT", "Portugal", "Portugal", Some(Europe)),
    ("PW", "Palau", "Palau", Some(Australia)),
    ("PY", "Paraguay", "Paraguai", Some(LatinAmerica)),
    ("QA", "Qatar", "Catar", Some(MiddleEastEurope)),
    ("RE", "Réunion", "Reunião", Some(Africa)),
    ("RO", "Romania", "Romênia", Some(Europe)),
    ("RS", "Serbia", "Sérvia", Some(MiddleEastEurope)),
    ("RU", "Russia", "Rússia", None),
    ("RW", "Rwanda", "Ruanda", Some(Africa)),
    ("SA", "Saudi Arabia", "Arábia Saudita", Some(MiddleEastEurope)),
    ("SB", "Solomon Islands", "Ilhas Salomão", Some(Australia)),
    ("SC", "Seychelles", "Seicheles", Some(Africa)),
    ("SD", "Sudan", "Sudão", None),
    ("SE", "Sweden", "Suécia", Some(Europe)),
    ("SG", "Singapore", "Singapura", Some(AsiaPacific)),
    ("SH", "St Helena, Ascension, Tristan da Cunha", "Santa Helena", Some(Africa)),
    ("SI", "Slovenia", "Eslovênia", Some(Europe)),
    ("SJ", "Svalbard and Jan Mayen", "Svalbard e Jan Mayen", Some(Europe)),
    ("SK", "Slovakia", "Eslováquia", Some(Europe)),
    ("SL", "Sierra Leone", "Serra Leoa", Some(Africa)),
    ("SM", "San Marino", "San Marino", Some(Europe)),
    ("SN", "Senegal", "Senegal", Some(Africa)),
    ("SO", "Somalia", "Somália", Some(Africa)),
    ("SR", "Suriname", "Suriname", Some(LatinAmerica)),
    ("SS", "South Sudan", "Sudão do Sul", Some(Africa)),
    ("ST", "São Tomé and Príncipe", "São Tomé e Príncipe", Some(Africa)),
    ("SV", "El Salvador", "El Salvador", Some(LatinAmerica)),
    ("SX", "Sint Maarten", "Sint Maarten", Some(LatinAmerica)),
    ("SY", "Syria", "Síria", None),
    ("SZ", "Eswatini", "Essuatíni", Some(MiddleEastEurope)),
    ("TC", "Turks and Caicos Islands", "Ilhas Turcas e Caicos", Some(LatinAmerica)),
    ("TD", "Chad", "Chade", Some(Africa)),
    ("TF", "French Southern Territories", "Territórios Franceses do Sul", Some(Australia)),
    ("TG", "Togo", "Togo", Some(Africa)),
    ("TH", "Thailand", "Tailândia", Some(AsiaPacific)),
    ("TJ", "Tajikistan", "Tadjiquistão", Some(MiddleEastEurope)),
    ("TK", "Tokelau", "Tokelau", Some(Australia)),
    ("TL", "Timor-Leste", "Timor-Leste", Some(AsiaPacific)),
    ("TM", "Turkmenistan", "Turcomenistão", Some(MiddleEastEurope)),
    ("TN", "Tunisia", "Tunísia", Some(MiddleEastEurope)),
    ("TO", "Tonga", "Tonga", Some(Australia)),
    ("TR", "Türkiye", "Turquia", Some(MiddleEastEurope)),
    ("TT", "Trinidad and Tobago", "Trinidad e Tobago", Some(LatinAmerica)),
    ("TV", "Tuvalu", "Tuvalu", Some(Australia)),
    ("TW", "Taiwan", "Taiwan", Some(Taiwan)),
    ("TZ", "Tanzania", "Tanzânia", Some(Africa)),
    ("UA", "Ukraine", "Ucrânia", Some(MiddleEastEurope)),
    ("UG", "Uganda", "Uganda", Some(Africa)),
    ("UM", "U.S. Outlying Islands", "Ilhas Menores Distantes dos EUA", Some(UnitedStates)),
    ("US", "United States", "Estados Unidos", Some(UnitedStates)),
    ("UY", "Uruguay", "Uruguai", Some(LatinAmerica)),
    ("UZ", "Uzbekistan", "Uzbequistão", Some(MiddleEastEurope)),
    ("VA", "Vatican City", "Cidade do Vaticano", Some(Europe)),
    ("VC", "Saint Vincent and the Grenadines", "São Vicente e Granadinas", Some(LatinAmerica)),
    ("VE", "Venezuela", "Venezuela", Some(LatinAmerica)),
    ("VG", "British Virgin Islands", "Ilhas Virgens Britânicas", Some(LatinAmerica)),
    ("VI", "U.S. Virgin Islands", "Ilhas Virgens Americanas", Some(LatinAmerica)),
    ("VN", "Vietnam", "Vietnã", Some(AsiaPacific)),
    ("VU", "Vanuatu", "Vanuatu", Some(NewZealand)),
    ("WF", "Wallis and Futuna", "Wallis e Futuna", Some(Australia)),
    ("WS", "Samoa", "Samoa", Some(NewZealand)),
    ("YE", "Yemen", "Iêmen", Some(MiddleEastEurope)),
    ("YT", "Mayotte", "Mayotte", Some(Africa)),
    ("ZA", "South Africa", "África do Sul", Some(MiddleEastEurope)),
    ("ZM", "Zambia", "Zâmbia", Some(Africa)),
    ("ZW", "Zimbabwe", "Zimbábue", Some(MiddleEastEurope)),
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
        name_pt: NAMES_PT[i],
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

/// Orders names alphabetically the way a reader expects in either
/// language: letters compared without their accents and case ("Áustria"
/// among the A's, "Índia" among the I's, as a dictionary and the default
/// `Intl.Collator` do), the names themselves only breaking ties.
pub fn alphabetical(a: &str, b: &str) -> std::cmp::Ordering {
    fn folded(s: &str) -> impl Iterator<Item = char> + '_ {
        s.chars().flat_map(char::to_lowercase).map(|c| match c {
            'á' | 'à' | 'â' | 'ã' | 'ä' | 'å' => 'a',
            'ç' => 'c',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ñ' => 'n',
            'ó' | 'ò' | 'ô' | 'õ' | 'ö' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ý' | 'ÿ' => 'y',
            c => c,
        })
    }
    folded(a).cmp(folded(b)).then_with(|| a.cmp(b))
}

/// Looks a country up by ISO code (case-insensitive).
pub fn find(code: &str) -> Option<Country> {
    index(code).map(country)
}

/// Whether `code` is an ISO 3166-1 country code (case-insensitive).
pub fn is_known(code: &str) -> bool {
    index(code).is_some()
}

/// A country's short name, in Brazilian Portuguese when `pt`, else in
/// English; `None` for a code that is not a country.
pub fn name(code: &str, pt: bool) -> Option<&'static str> {
    index(code).map(|i| if pt { NAMES_PT[i] } else { NAMES[i] })
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
    fn names_sort_as_a_reader_expects() {
        let mut pt: Vec<&str> = all().map(|c| c.name_pt).collect();
        pt.sort_by(|a, b| alphabetical(a, b));
        let at = |n: &str| pt.iter().position(|x| *x == n).unwrap();
        // Accented initials among their letter, not after "Zimbábue".
        assert!(at("Argentina") < at("Áustria") && at("Áustria") < at("Azerbaijão"));
        assert!(at("Iêmen") < at("Índia") && at("Índia") < at("Irã"));
        assert_eq!(pt.last(), Some(&"Zimbábue"));
        assert_eq!(alphabetical("brasil", "Brasil"), "brasil".cmp("Brasil"));
    }

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

    #[test]
    fn every_country_is_named_in_both_languages() {
        assert!(all().all(|c| !c.name.is_empty() && !c.name_pt.is_empty()));
        assert_eq!(name("br", false), Some("Brazil"));
        assert_eq!(name("BR", true), Some("Brasil"));
        assert_eq!(name("DE", true), Some("Alemanha"));
        assert_eq!(name("US", true), Some("Estados Unidos"));
        assert_eq!(name("ZZ", true), None);
    }
}
