//! The invitation link: building the app's shape and reading it back, plus the
//! real Partner Center shapes (current, indirect reseller, legacy).
//!
//! App shape, on the app's root page so no host needs rewrite rules:
//! `<base>/?invType=ResellerRelationship&partnerId=<GUID>&msppId=<0|id>&DAP=<true|false>[&indirectCSPId=<GUID>]&invitationId=<UUID>#/partner-invitation`

use super::cloud::Cloud;
use super::ids::{parse_guid, InvitationId, TenantId};
use serde::{Deserialize, Serialize};
use std::fmt;

/// What kind of relationship the link asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub enum InvitationType {
    /// A direct reseller relationship with the partner.
    ResellerRelationship,
    /// An indirect reseller, on behalf of an indirect provider.
    IndirectResellerRelationship,
}

impl InvitationType {
    /// The wire value (`invType`).
    pub fn as_str(self) -> &'static str {
        match self {
            InvitationType::ResellerRelationship => "ResellerRelationship",
            InvitationType::IndirectResellerRelationship => "IndirectResellerRelationship",
        }
    }
}

/// The fragment the app's links carry.
pub const FRAGMENT: &str = "#/partner-invitation";

/// The fragment of Partner Center's links.
pub const PARTNER_CENTER_FRAGMENT: &str = "#/BillingAccounts/partner-invitation";

/// Everything an invitation link says.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct InvitationLink {
    /// Direct or indirect reseller.
    pub inv_type: InvitationType,
    /// The inviting partner's tenant.
    pub partner_id: TenantId,
    /// The indirect reseller's MPN id, or 0.
    pub mspp_id: u64,
    /// Whether delegated admin privileges are requested.
    pub dap: bool,
    /// For indirect reseller links: the indirect provider's tenant.
    pub indirect_csp_id: Option<TenantId>,
    /// This app's per-invitation tracking id; absent in plain Partner Center links.
    pub invitation_id: Option<InvitationId>,
}

/// Why a string is not a readable invitation link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// There is no query string at all.
    NoQuery,
    /// A required parameter is absent.
    Missing(&'static str),
    /// A parameter that must be a GUID is not one.
    NotAGuid(&'static str, String),
    /// `invType` holds an unknown value.
    UnknownType(String),
    /// `DAP` is not `true` or `false`.
    DapNotBoolean(String),
    /// `msppId` is not a number.
    MsppIdNotANumber(String),
    /// A parameter appears twice with different values.
    Duplicate(&'static str),
    /// An indirect link without the indirect provider's id.
    IndirectWithoutProvider,
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkError::NoQuery => write!(f, "the link has no parameters"),
            LinkError::Missing(p) => write!(f, "the link has no {p}"),
            LinkError::NotAGuid(p, v) => write!(f, "{p} “{v}” is not a GUID"),
            LinkError::UnknownType(v) => write!(f, "invType “{v}” is not a known invitation type"),
            LinkError::DapNotBoolean(v) => write!(f, "DAP “{v}” is not true or false"),
            LinkError::MsppIdNotANumber(v) => write!(f, "msppId “{v}” is not a number"),
            LinkError::Duplicate(p) => write!(f, "{p} appears twice"),
            LinkError::IndirectWithoutProvider => {
                write!(f, "an indirect reseller link has no indirectCSPId")
            }
        }
    }
}

impl InvitationLink {
    /// The full link on `base` (the app's root URL, with or without a trailing slash).
    pub fn build(&self, base: &str) -> String {
        let base = base.split(['?', '#']).next().unwrap_or_default();
        let mut url = String::with_capacity(base.len() + 200);
        url.push_str(base);
        if !url.ends_with('/') {
            url.push('/');
        }
        self.push_query(&mut url);
        url.push_str(FRAGMENT);
        url
    }

    /// Partner Center's own, reusable link (what its "Retrieve a relationship
    /// request URL" answers): the cloud's admin portal, the same parameters
    /// without this product's `invitationId`, and Partner Center's fragment,
    /// e.g. `https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=…&msppId=0&DAP=false#/BillingAccounts/partner-invitation`
    /// (<https://learn.microsoft.com/partner-center/developer/request-reseller-relationship>).
    pub fn partner_center_url(&self, cloud: Cloud) -> String {
        let mut url = cloud.admin_portal_home().to_string();
        Self {
            invitation_id: None,
            ..self.clone()
        }
        .push_query(&mut url);
        url.push_str(PARTNER_CENTER_FRAGMENT);
        url
    }

    /// `?invType=…&partnerId=…&msppId=…&DAP=…[&indirectCSPId=…][&invitationId=…]`.
    fn push_query(&self, url: &mut String) {
        url.push_str("?invType=");
        url.push_str(self.inv_type.as_str());
        url.push_str("&partnerId=");
        url.push_str(&self.partner_id.to_string());
        url.push_str("&msppId=");
        url.push_str(&self.mspp_id.to_string());
        url.push_str(if self.dap { "&DAP=true" } else { "&DAP=false" });
        if let Some(csp) = self.indirect_csp_id {
            url.push_str("&indirectCSPId=");
            url.push_str(&csp.to_string());
        }
        if let Some(id) = self.invitation_id {
            url.push_str("&invitationId=");
            url.push_str(&id.to_string());
        }
    }

    /// Reads any link (or just its `?query`) in the app's, Partner Center's
    /// current or legacy shape. Never panics; says what is wrong.
    pub fn parse(input: &str) -> Result<Self, LinkError> {
        let pairs = query_pairs(input).ok_or(LinkError::NoQuery)?;
        let get = |names: &[&str], label: &'static str| -> Result<Option<String>, LinkError> {
            let mut found: Option<String> = None;
            for (k, v) in &pairs {
                if names.iter().any(|n| n.eq_ignore_ascii_case(k)) {
                    if found.as_ref().is_some_and(|f| f != v) {
                        return Err(LinkError::Duplicate(label));
                    }
                    found = Some(v.clone());
                }
            }
            Ok(found)
        };
        let shown = |v: &str| v.chars().take(60).collect::<String>();
        let inv_type = match get(&["invType", "type"], "invType")? {
            None => return Err(LinkError::Missing("invType")),
            Some(v) if v.eq_ignore_ascii_case("ResellerRelationship") => {
                InvitationType::ResellerRelationship
            }
            Some(v) if v.eq_ignore_ascii_case("IndirectResellerRelationship") => {
                InvitationType::IndirectResellerRelationship
            }
            Some(v) => return Err(LinkError::UnknownType(shown(&v))),
        };
        let partner_id = match get(&["partnerId", "id"], "partnerId")? {
            None => return Err(LinkError::Missing("partnerId")),
            Some(v) => {
                TenantId(parse_guid(&v).map_err(|_| LinkError::NotAGuid("partnerId", shown(&v)))?)
            }
        };
        let mspp_id = match get(&["msppId"], "msppId")? {
            None => 0,
            Some(v) => v
                .parse::<u64>()
                .map_err(|_| LinkError::MsppIdNotANumber(shown(&v)))?,
        };
        let dap = match get(&["DAP"], "DAP")? {
            None => false,
            Some(v) if v.eq_ignore_ascii_case("true") => true,
            Some(v) if v.eq_ignore_ascii_case("false") => false,
            Some(v) => return Err(LinkError::DapNotBoolean(shown(&v))),
        };
        let indirect_csp_id = match get(&["indirectCSPId"], "indirectCSPId")? {
            None => None,
            Some(v) => {
                Some(TenantId(parse_guid(&v).map_err(|_| {
                    LinkError::NotAGuid("indirectCSPId", shown(&v))
                })?))
            }
        };
        if inv_type == InvitationType::IndirectResellerRelationship && indirect_csp_id.is_none() {
            return Err(LinkError::IndirectWithoutProvider);
        }
        let invitation_id = match get(&["invitationId"], "invitationId")? {
            None => None,
            Some(v) => {
                Some(InvitationId(parse_guid(&v).map_err(|_| {
                    LinkError::NotAGuid("invitationId", shown(&v))
                })?))
            }
        };
        Ok(Self {
            inv_type,
            partner_id,
            mspp_id,
            dap,
            indirect_csp_id,
            invitation_id,
        })
    }
}

/// The parameter names an invitation link may carry (any shape).
const LINK_PARAMS: [&str; 6] = [
    "invType",
    "partnerId",
    "invitationId",
    "DAP",
    "msppId",
    "indirectCSPId",
];

/// What the address of the app's root page is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RootLink {
    /// No invitation parameters: the home page.
    NotAnInvitation,
    /// A complete link of this app (it carries `invitationId`).
    Invitation(InvitationLink),
    /// It carries invitation parameters but cannot be used: what is wrong.
    Damaged(LinkError),
}

/// Reads the address of the app's root page. Every shape [`InvitationLink::parse`]
/// accepts is recognised (legacy `type=`/`id=`, separators percent-encoded
/// by a mail client, the query moved behind `#`), and so is any address
/// carrying invitation parameters, however damaged. The app's own links
/// always carry `invitationId`: on the root page a link without it is
/// damaged, never a way around a revoked or expired invitation.
pub fn recognise(address: &str) -> RootLink {
    let Some(pairs) = query_pairs(address) else {
        return RootLink::NotAnInvitation;
    };
    let named = |name: &str| pairs.iter().any(|(k, _)| k.eq_ignore_ascii_case(name));
    let legacy_type = pairs.iter().any(|(k, v)| {
        k.eq_ignore_ascii_case("type") && v.to_ascii_lowercase().ends_with("resellerrelationship")
    });
    if !(LINK_PARAMS.iter().any(|p| named(p)) || legacy_type || (named("type") && named("id"))) {
        return RootLink::NotAnInvitation;
    }
    match InvitationLink::parse(address) {
        Err(e) => RootLink::Damaged(e),
        Ok(link) if link.invitation_id.is_none() => {
            RootLink::Damaged(LinkError::Missing("invitationId"))
        }
        Ok(link) => RootLink::Invitation(link),
    }
}

/// The decoded `key=value` pairs of a link's parameters, or None without any.
/// The parameters are the query (before `#`); failing that, a query moved
/// into the fragment (`#/partner-invitation?invType=...`, `#invType=...`).
/// A query whose separators were percent-encoded by a mail client
/// (`invType%3DResellerRelationship%26partnerId%3D...`) is decoded once.
fn query_pairs(input: &str) -> Option<Vec<(String, String)>> {
    let (before_hash, fragment) = match input.split_once('#') {
        Some((a, b)) => (a, Some(b)),
        None => (input, None),
    };
    let query_of = |part: &str| -> Option<String> {
        let query = match part.find('?') {
            Some(i) => &part[i + 1..],
            None if part.contains('=') || has_encoded_separator(part) => {
                part.trim_start_matches('/')
            }
            None => return None,
        };
        (!query.is_empty()).then(|| query.to_string())
    };
    let mut query = query_of(before_hash).or_else(|| fragment.and_then(query_of))?;
    if !query.contains('=') && has_encoded_separator(&query) {
        query = percent_decode(&query);
    }
    Some(
        query
            .split('&')
            .filter(|p| !p.is_empty())
            .map(|p| match p.split_once('=') {
                Some((k, v)) => (percent_decode(k), percent_decode(v)),
                None => (percent_decode(p), String::new()),
            })
            .collect(),
    )
}

fn has_encoded_separator(s: &str) -> bool {
    s.to_ascii_lowercase().contains("%3d")
}

/// Decodes `%XX` escapes strictly: `None` when an escape is incomplete or
/// not hexadecimal, or the bytes are not UTF-8 (`+` stays `+`, as in a
/// `mailto:` address).
pub fn percent_decode_strict(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Decodes `%XX` and `+`; invalid escapes stay as they are.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = |b: u8| (b as char).to_digit(16);
                match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                    (Some(h), Some(l)) => {
                        out.push((h * 16 + l) as u8);
                        i += 2;
                    }
                    _ => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    #[test]
    fn partner_center_links_have_partner_center_shape() {
        let link = InvitationLink {
            inv_type: InvitationType::ResellerRelationship,
            partner_id: "3b33e682-00c3-41ee-9dd2-a548adf56438".parse().unwrap(),
            mspp_id: 0,
            dap: false,
            indirect_csp_id: None,
            invitation_id: Some(InvitationId::new_random()),
        };
        // Partner Center's sample ("Retrieve a relationship request URL").
        assert_eq!(
            link.partner_center_url(Cloud::Public),
            "https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=3b33e682-00c3-41ee-9dd2-a548adf56438&msppId=0&DAP=false#/BillingAccounts/partner-invitation"
        );
        assert!(link
            .partner_center_url(Cloud::UsGovernment)
            .starts_with("https://portal.office365.us/Adminportal/Home?invType="));
        assert!(link
            .partner_center_url(Cloud::Germany)
            .starts_with("https://portal.office.de/Adminportal/Home?invType="));
        let back = InvitationLink::parse(&link.partner_center_url(Cloud::Public)).unwrap();
        assert_eq!(
            back.invitation_id, None,
            "Partner Center's link is reusable"
        );
        assert_eq!(back.partner_id, link.partner_id);
    }

    use super::*;

    const PARTNER: &str = "3b33e682-00c3-41ee-9dd2-a548adf56438";

    #[test]
    fn builds_the_documented_shape() {
        let link = InvitationLink {
            inv_type: InvitationType::ResellerRelationship,
            partner_id: PARTNER.parse().unwrap(),
            mspp_id: 0,
            dap: true,
            indirect_csp_id: None,
            invitation_id: Some("0b7c7a5e-4a4e-4d7a-9f00-6f7b7b1c2d3e".parse().unwrap()),
        };
        assert_eq!(
            link.build("https://app.example/reseller/"),
            format!("https://app.example/reseller/?invType=ResellerRelationship&partnerId={PARTNER}&msppId=0&DAP=true&invitationId=0b7c7a5e-4a4e-4d7a-9f00-6f7b7b1c2d3e#/partner-invitation")
        );
        assert_eq!(InvitationLink::parse(&link.build("https://x/")), Ok(link));
    }

    #[test]
    fn says_what_is_wrong() {
        let p = |q: &str| InvitationLink::parse(q);
        assert_eq!(p("https://x/"), Err(LinkError::NoQuery));
        assert_eq!(
            p("?invType=ResellerRelationship"),
            Err(LinkError::Missing("partnerId"))
        );
        assert_eq!(
            p(&format!("?partnerId={PARTNER}")),
            Err(LinkError::Missing("invType"))
        );
        assert_eq!(
            p("?invType=ResellerRelationship&partnerId=abc"),
            Err(LinkError::NotAGuid("partnerId", "abc".into()))
        );
        assert_eq!(
            p(&format!("?invType=Friend&partnerId={PARTNER}")),
            Err(LinkError::UnknownType("Friend".into()))
        );
        assert_eq!(
            p(&format!(
                "?invType=ResellerRelationship&partnerId={PARTNER}&DAP=yes"
            )),
            Err(LinkError::DapNotBoolean("yes".into()))
        );
        assert_eq!(
            p(&format!(
                "?invType=ResellerRelationship&partnerId={PARTNER}&msppId=x1"
            )),
            Err(LinkError::MsppIdNotANumber("x1".into()))
        );
        assert_eq!(
            p(&format!(
                "?invType=IndirectResellerRelationship&partnerId={PARTNER}"
            )),
            Err(LinkError::IndirectWithoutProvider)
        );
        assert!(p("%").is_err());
        assert!(p("?%zz=%").is_err());
    }

    #[test]
    fn percent_decoding_handles_edges() {
        assert_eq!(percent_decode("a%20b+c"), "a b c");
        assert_eq!(percent_decode("%"), "%");
        assert_eq!(percent_decode("%4"), "%4");
        assert_eq!(percent_decode("%41"), "A");
        assert_eq!(percent_decode("x%zz"), "x%zz");
    }

    #[test]
    fn the_root_page_recognises_every_shape_and_names_what_is_missing() {
        let inv = "0b7c7a5e-4a4e-4d7a-9f00-6f7b7b1c2d3e";
        let full = format!("https://app.example/?invType=ResellerRelationship&partnerId={PARTNER}&msppId=0&DAP=true&invitationId={inv}#/partner-invitation");
        assert!(matches!(recognise(&full), RootLink::Invitation(l) if l.invitation_id.is_some()));
        // Separators percent-encoded by a mail client.
        let encoded = format!("https://app.example/?invType%3DResellerRelationship%26partnerId%3D{PARTNER}%26DAP%3Dtrue%26invitationId%3D{inv}");
        assert!(matches!(recognise(&encoded), RootLink::Invitation(_)));
        // The query moved behind '#'.
        let behind = format!("https://app.example/#/partner-invitation?invType=ResellerRelationship&partnerId={PARTNER}&invitationId={inv}");
        assert!(matches!(recognise(&behind), RootLink::Invitation(_)));
        let bare_fragment = format!("https://app.example/#invType=ResellerRelationship&partnerId={PARTNER}&invitationId={inv}");
        assert!(matches!(recognise(&bare_fragment), RootLink::Invitation(_)));
        // A legacy link is readable, but on the root page it has no invitationId.
        let legacy =
            format!("https://app.example/?type=ResellerRelationship&id={PARTNER}&msppId=0");
        assert_eq!(
            recognise(&legacy),
            RootLink::Damaged(LinkError::Missing("invitationId"))
        );
        // Cut off before invitationId.
        let cut = format!(
            "https://app.example/?invType=ResellerRelationship&partnerId={PARTNER}&msppId=0&DAP=tr"
        );
        assert_eq!(
            recognise(&cut),
            RootLink::Damaged(LinkError::DapNotBoolean("tr".into()))
        );
        let cut = format!("https://app.example/?invType=ResellerRelationship&partnerId={PARTNER}");
        assert_eq!(
            recognise(&cut),
            RootLink::Damaged(LinkError::Missing("invitationId"))
        );
        assert_eq!(
            recognise("https://app.example/?DAP=true"),
            RootLink::Damaged(LinkError::Missing("invType"))
        );
        // Not invitations.
        for plain in [
            "https://app.example/",
            "https://app.example/?route=%2Fpartner",
            "https://app.example/#/partner-invitation",
            "https://app.example/?lang=pt",
        ] {
            assert_eq!(recognise(plain), RootLink::NotAnInvitation, "{plain}");
        }
    }
}
