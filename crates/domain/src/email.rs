//! The invitation email: templates per language, the check that an edited body
//! still carries the link unchanged, and RFC 6068 `mailto:` URLs.

use serde::{Deserialize, Serialize};

/// A language the app speaks (UI and email templates).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub enum Lang {
    /// English.
    #[serde(rename = "en")]
    En,
    /// Brazilian Portuguese.
    #[serde(rename = "pt-BR")]
    PtBr,
}

impl Lang {
    /// Both languages.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::PtBr];

    /// BCP 47 tag.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::PtBr => "pt-BR",
        }
    }

    /// The language's own name for itself.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::PtBr => "Português (Brasil)",
        }
    }

    /// Picks a language from a BCP 47 tag (`pt`, `pt-BR`, `pt-PT` → Portuguese).
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next().unwrap_or_default();
        if primary.eq_ignore_ascii_case("pt") {
            Some(Lang::PtBr)
        } else if primary.eq_ignore_ascii_case("en") {
            Some(Lang::En)
        } else {
            None
        }
    }
}

/// What the template needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DraftInput<'a> {
    /// The email's language.
    pub lang: Lang,
    /// The inviting partner's company name.
    pub partner_name: &'a str,
    /// The intended customer's name, if the partner gave one.
    pub customer_name: Option<&'a str>,
    /// Whether delegated admin privileges are requested.
    pub dap: bool,
    /// The personalised link.
    pub link: &'a str,
    /// Granular admin roles requested with it: their approval link and
    /// what they are.
    pub admin: Option<AdminRequest<'a>>,
}

/// The granular admin roles (GDAP) an invitation also asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AdminRequest<'a> {
    /// The customer's approval link.
    pub link: &'a str,
    /// The roles' template ids.
    pub roles: &'a [String],
    /// How long, in days.
    pub days: i64,
}

/// The paragraph on the admin roles, in `lang`: the roles by name, how
/// long, and the second link, explained.
fn admin_paragraph(lang: Lang, admin: &AdminRequest<'_>) -> String {
    let names: Vec<&str> = admin
        .roles
        .iter()
        .filter_map(|id| crate::gdap::role(id))
        .map(|r| {
            if lang == Lang::PtBr {
                r.name_pt
            } else {
                r.name
            }
        })
        .collect();
    let names = names.join(", ");
    match lang {
        Lang::En => format!(
            "\n\nWe also ask for these admin roles in your organization, for {days} days: {names}. You can end them at any time. After accepting, a Global administrator approves them with this second link:\n\n{link}",
            days = admin.days,
            link = admin.link
        ),
        Lang::PtBr => format!(
            "\n\nTambém pedimos estas funções de administração na sua organização, por {days} dias: {names}. Você pode encerrá-las a qualquer momento. Depois de aceitar, um administrador global as aprova com este segundo link:\n\n{link}",
            days = admin.days,
            link = admin.link
        ),
    }
}

/// A subject and a body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Draft {
    /// Subject line.
    pub subject: String,
    /// Body, lines separated by `\n`.
    pub body: String,
}

/// The first draft from the language's template.
pub fn compose(input: &DraftInput<'_>) -> Draft {
    let partner = input.partner_name.trim();
    let customer = input.customer_name.map(str::trim).filter(|c| !c.is_empty());
    let admin = input
        .admin
        .as_ref()
        .map(|a| admin_paragraph(input.lang, a))
        .unwrap_or_default();
    match input.lang {
        Lang::En => {
            let greeting = match customer {
                Some(c) => format!("Hello {c} team,"),
                None => "Hello,".to_string(),
            };
            let dap = if input.dap {
                "\n\nThe invitation also asks for delegated administration privileges for Azure Active Directory and Office 365, so that we can manage your services and support you directly. You can remove them at any time from your admin portal."
            } else {
                ""
            };
            Draft {
                subject: format!("{partner} invites you to a reseller relationship"),
                body: format!(
                    "{greeting}\n\n{partner} would like to become your Microsoft Cloud Solution Provider so that we can sell you Microsoft cloud services and support them.{dap}\n\nTo accept, a Global administrator of your organization opens this link, signs in and authorizes {partner}:\n\n{link}{admin}\n\nIf you have any questions, reply to this email.\n\nBest regards,\n{partner}",
                    link = input.link
                ),
            }
        }
        Lang::PtBr => {
            let greeting = match customer {
                Some(c) => format!("Olá, equipe {c},"),
                None => "Olá,".to_string(),
            };
            let dap = if input.dap {
                "\n\nO convite também solicita privilégios de administração delegada para o Azure Active Directory e o Office 365, para que possamos gerenciar seus serviços e oferecer suporte diretamente. Você pode removê-los a qualquer momento no seu portal de administração."
            } else {
                ""
            };
            Draft {
                subject: format!("{partner} convida você para uma relação de revendedor"),
                body: format!(
                    "{greeting}\n\nA {partner} gostaria de ser seu Provedor de Soluções na Nuvem da Microsoft, para vender e dar suporte aos serviços de nuvem da Microsoft.{dap}\n\nPara aceitar, um administrador global da sua organização abre este link, entra e autoriza a {partner}:\n\n{link}{admin}\n\nSe tiver dúvidas, responda a este email.\n\nAtenciosamente,\n{partner}",
                    link = input.link
                ),
            }
        }
    }
}

/// Whether `body` still holds `link` exactly, not glued to more URL characters
/// (a link with something appended is an altered link).
pub fn contains_link(body: &str, link: &str) -> bool {
    if link.is_empty() {
        return false;
    }
    body.match_indices(link).any(|(at, _)| {
        let before_ok = body[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !is_url_char(c));
        let after = &body[at + link.len()..];
        let mut rest = after.chars();
        let after_ok = match rest.next() {
            None => true,
            // A full stop or comma ends a sentence, unless more URL follows.
            Some('.' | ',' | ';' | ':' | '!' | '?') => rest.next().is_none_or(|c| !is_url_char(c)),
            Some(c) => !is_url_char(c),
        };
        before_ok && after_ok
    })
}

fn is_url_char(c: char) -> bool {
    // Brackets, quotes, commas and semicolons usually delimit a link in prose.
    c.is_ascii_alphanumeric() || "-._~/?#@!$&*+=%:".contains(c)
}

/// What the message does with one of its links.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkCheck {
    /// The link is there unchanged, and no other copy of it.
    Intact,
    /// The link is not there unchanged.
    Missing,
    /// The link is there, and so is a copy of it with something changed (a
    /// parameter, the id, a cut end): the customer could open that one and
    /// land on another invitation, or on none.
    AlteredCopy,
}

/// Checks `link` in `body`: [`contains_link`], and no altered copy of it.
pub fn check_link(body: &str, link: &str) -> LinkCheck {
    if !contains_link(body, link) {
        LinkCheck::Missing
    } else if altered_copies(body, link).next().is_some() {
        LinkCheck::AlteredCopy
    } else {
        LinkCheck::Intact
    }
}

/// Whether a word of the message is a copy of `link`, intact or not: it
/// carries the link's own markers (the approval link's parameter, or the
/// invitation link's parameters and fragment).
fn copy_of(link: &str) -> impl Fn(&str) -> bool + '_ {
    let approval = link.contains(crate::gdap::APPROVAL_PARAM);
    move |word: &str| {
        if approval {
            word.contains(crate::gdap::APPROVAL_PARAM)
        } else {
            word.contains("invType=")
                || word.contains("partnerId=")
                || word.contains("invitationId=")
                || word.contains("#/partner-invitation")
        }
    }
}

/// The words of `body` that look like URLs (runs of URL characters,
/// without a sentence's closing mark), with where each starts.
fn url_words(body: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut words = Vec::new();
    let mut start = None;
    for (i, c) in body
        .char_indices()
        .chain(std::iter::once((body.len(), ' ')))
    {
        match (is_url_char(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                // One closing mark, as `contains_link` allows ("…link." ends a
                // sentence; "…link.." is glued to more).
                let word = &body[s..i];
                let word = word.strip_suffix(['.', ':', '!', '?']).unwrap_or(word);
                words.push((s, word));
                start = None;
            }
            _ => {}
        }
    }
    words.into_iter().filter(|(_, w)| !w.is_empty())
}

/// The copies of `link` in `body` that are not exactly it.
fn altered_copies<'a>(body: &'a str, link: &'a str) -> impl Iterator<Item = (usize, &'a str)> + 'a {
    let copy = copy_of(link);
    url_words(body).filter(move |(_, w)| copy(w) && *w != link)
}

/// The line before the paragraph that holds `link` in `body` (the
/// sentence introducing it), where [`restore_link`] puts it back.
pub fn line_before(body: &str, link: &str) -> Option<String> {
    let lines: Vec<&str> = body.split('\n').collect();
    let at = lines.iter().position(|l| contains_link(l, link))?;
    lines[..at]
        .iter()
        .rev()
        .find(|l| !l.trim().is_empty())
        .map(|l| l.to_string())
}

/// Puts the link back: every altered copy of it (recognised by its
/// parameters) becomes the link, in its place; with no copy at all, it goes
/// back as its own paragraph after `anchor` (the line that introduced it,
/// [`line_before`]) while the body still has that line, else at the end.
pub fn restore_link(body: &str, link: &str, anchor: Option<&str>) -> String {
    if check_link(body, link) == LinkCheck::Intact {
        return body.to_string();
    }
    let mut out = String::with_capacity(body.len() + link.len());
    let mut from = 0;
    for (at, word) in altered_copies(body, link) {
        out.push_str(&body[from..at]);
        out.push_str(link);
        from = at + word.len();
        // A comma or semicolon glued to more URL would make the link read
        // as altered again (`contains_link`): a space keeps it apart.
        let mut rest = body[from..].chars();
        if matches!(rest.next(), Some(',' | ';')) && rest.next().is_some_and(is_url_char) {
            out.push(' ');
        }
    }
    out.push_str(&body[from..]);
    if contains_link(&out, link) {
        return out;
    }
    // No copy at all (a line with one is a word with one: the markers are
    // URL characters).
    let lines: Vec<&str> = body.split('\n').collect();
    let anchored = anchor
        .map(str::trim_end)
        .filter(|a| !a.trim().is_empty())
        .and_then(|a| lines.iter().position(|l| l.trim_end() == a));
    if let Some(at) = anchored {
        let next = lines[at + 1..]
            .iter()
            .position(|l| !l.trim().is_empty())
            .map(|n| at + 1 + n);
        let mut out: Vec<&str> = lines[..=at].to_vec();
        out.extend(["", link]);
        if let Some(next) = next {
            out.push("");
            out.extend(&lines[next..]);
        }
        return out.join("\n");
    }
    let trimmed = body.trim_end();
    if trimmed.is_empty() {
        link.to_string()
    } else {
        format!("{trimmed}\n\n{link}")
    }
}

/// Above this length some mail apps and browsers cut a `mailto:` URL.
pub const MAILTO_SAFE_LENGTH: usize = 2000;

/// A `mailto:` URL per RFC 6068: every character outside the unreserved set
/// is percent-encoded as UTF-8 (so `&`, `?`, `#`, `%` and line breaks cannot
/// start another header), and line breaks become `%0D%0A`.
pub fn mailto(to: &str, subject: &str, body: &str) -> String {
    let mut url = String::from("mailto:");
    let addresses: Vec<&str> = to
        .split([',', ';'])
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .collect();
    for (i, address) in addresses.iter().enumerate() {
        if i > 0 {
            url.push(',');
        }
        // '@' may stay literal in the address part (RFC 6068 section 2).
        for part in address.split('@').enumerate() {
            if part.0 > 0 {
                url.push('@');
            }
            encode_into(&mut url, part.1);
        }
    }
    url.push_str("?subject=");
    encode_into(&mut url, &normalize_newlines(subject).replace("\r\n", " "));
    url.push_str("&body=");
    encode_into(&mut url, &normalize_newlines(body));
    url
}

fn normalize_newlines(s: &str) -> String {
    s.replace("\r\n", "\n")
        .replace('\r', "\n")
        .replace('\n', "\r\n")
}

fn encode_into(out: &mut String, s: &str) {
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LINK: &str = "https://x.example/?invType=ResellerRelationship&partnerId=3b33e682-00c3-41ee-9dd2-a548adf56438&msppId=0&DAP=true#/partner-invitation";

    fn draft(lang: Lang, dap: bool) -> Draft {
        compose(&DraftInput {
            lang,
            partner_name: "Fabrikam",
            customer_name: Some("Contoso"),
            dap,
            link: LINK,
            admin: None,
        })
    }

    #[test]
    fn templates_carry_names_link_and_dap() {
        let en = draft(Lang::En, true);
        assert!(en.subject.contains("Fabrikam"));
        assert!(en.body.starts_with("Hello Contoso team,"));
        assert!(en.body.contains("delegated administration"));
        assert!(contains_link(&en.body, LINK));
        assert_eq!(check_link(&en.body, LINK), LinkCheck::Intact);
        assert!(!draft(Lang::En, false)
            .body
            .contains("delegated administration"));
        let pt = draft(Lang::PtBr, true);
        assert!(pt.body.starts_with("Olá, equipe Contoso,"));
        assert!(pt.body.contains("administração delegada"));
        assert!(contains_link(&pt.body, LINK));
        let anon = compose(&DraftInput {
            lang: Lang::En,
            partner_name: "F",
            customer_name: Some(" "),
            dap: false,
            link: LINK,
            admin: None,
        });
        assert!(anon.body.starts_with("Hello,"));
    }

    const APPROVAL: &str =
        "https://x.example/customer/?adminRelationship=5d027261-d21f-4aa9-b7db-7fa1f56fb163";

    #[test]
    fn admin_roles_add_their_own_link_and_sentence() {
        let roles = [crate::gdap::HELPDESK_ADMINISTRATOR.to_string()];
        for (lang, words) in [
            (Lang::En, "Helpdesk Administrator"),
            (Lang::PtBr, "Administrador de Assistência Técnica"),
        ] {
            let d = compose(&DraftInput {
                lang,
                partner_name: "Fabrikam",
                customer_name: None,
                dap: false,
                link: LINK,
                admin: Some(AdminRequest {
                    link: APPROVAL,
                    roles: &roles,
                    days: 30,
                }),
            });
            assert!(
                check_link(&d.body, LINK) == LinkCheck::Intact
                    && check_link(&d.body, APPROVAL) == LinkCheck::Intact,
                "{}",
                d.body
            );
            assert!(
                d.body.contains(words) && d.body.contains("30"),
                "{}",
                d.body
            );
            // Damaging one link and restoring it leaves the other alone.
            let damaged = d.body.replace(APPROVAL, &APPROVAL[..APPROVAL.len() - 4]);
            assert!(!contains_link(&damaged, APPROVAL));
            let restored = restore_link(&damaged, APPROVAL, None);
            assert_eq!(restored, d.body);
            assert_eq!(restore_link(&restored, LINK, None), d.body);
        }
    }

    #[test]
    fn link_check_catches_removal_and_alteration() {
        assert!(contains_link(&format!("go: {LINK}."), LINK));
        assert!(contains_link(&format!("({LINK})"), LINK));
        assert!(!contains_link("no link here", LINK));
        assert!(!contains_link(&format!("{LINK}s"), LINK));
        assert!(!contains_link(&format!("{LINK}.evil"), LINK));
        assert!(!contains_link(&LINK.replace("DAP=true", "DAP=false"), LINK));
        assert!(!contains_link(&format!("x{LINK}"), LINK));
    }

    #[test]
    fn an_altered_copy_beside_the_link_is_caught_and_put_right() {
        let altered = LINK.replace("DAP=true", "DAP=false");
        assert_eq!(check_link(&format!("go: {LINK}."), LINK), LinkCheck::Intact);
        assert_eq!(
            check_link(&format!("{LINK} and {LINK}"), LINK),
            LinkCheck::Intact
        );
        assert_eq!(check_link("nothing", LINK), LinkCheck::Missing);
        for copy in [
            altered.as_str(),
            &LINK[..LINK.len() - 3],
            &format!("{LINK}x"),
        ] {
            let body = format!("Open {LINK}\nor this one: {copy}.\nBye");
            assert_eq!(check_link(&body, LINK), LinkCheck::AlteredCopy, "{copy}");
            // Each copy becomes the link, in its place; the rest is kept.
            assert_eq!(
                restore_link(&body, LINK, None),
                format!("Open {LINK}\nor this one: {LINK}.\nBye")
            );
        }
        // Found by .ci/fuzz: a copy glued to more by a comma, or ending in two
        // marks, is put right too (the link is not left glued to the rest).
        for body in ["a/minvType=,xdg b", "v#/partner-invitationi..\u{7f}t"] {
            let restored = restore_link(body, LINK, None);
            assert_eq!(check_link(&restored, LINK), LinkCheck::Intact, "{restored}");
        }
        // A cut copy before the link is replaced where it is, not inside the link.
        let body = format!("{} then {LINK}", &LINK[..40]);
        assert_eq!(
            restore_link(&body, LINK, None),
            format!("{LINK} then {LINK}")
        );
    }

    #[test]
    fn a_removed_link_goes_back_after_the_sentence_that_introduced_it() {
        for lang in [Lang::En, Lang::PtBr] {
            let d = draft(lang, true);
            let anchor = line_before(&d.body, LINK).unwrap();
            assert!(anchor.ends_with(':'), "{anchor}");
            // The link's text, its line, or its paragraph removed: back as it was.
            for removed in [
                d.body.replace(LINK, ""),
                d.body.replace(&format!("{LINK}\n"), ""),
                d.body.replace(&format!("\n\n{LINK}"), ""),
            ] {
                assert_eq!(restore_link(&removed, LINK, Some(&anchor)), d.body);
            }
            // The introducing sentence rewritten: at the end, as before.
            let rewritten = d
                .body
                .replace(LINK, "")
                .replace(&anchor, "Open the link below.");
            assert!(restore_link(&rewritten, LINK, Some(&anchor)).ends_with(&format!("\n\n{LINK}")));
        }
    }

    #[test]
    fn restore_replaces_the_damaged_line_or_appends() {
        let damaged = format!("Hi\n{}\nBye", LINK.replace("DAP=true", "DAP=false"));
        assert_eq!(
            restore_link(&damaged, LINK, None),
            format!("Hi\n{LINK}\nBye")
        );
        assert_eq!(
            restore_link("Hi there\n", LINK, None),
            format!("Hi there\n\n{LINK}")
        );
        assert_eq!(restore_link("", LINK, None), LINK);
        let intact = format!("a {LINK} b");
        assert_eq!(restore_link(&intact, LINK, None), intact);
    }

    #[test]
    fn mailto_encodes_everything_reserved() {
        let url = mailto(
            "ana@contoso.com",
            "Olá & bem-vindo?",
            "Linha 1\nLinha 2\r\nÇ #%\r",
        );
        assert_eq!(
            url,
            "mailto:ana@contoso.com?subject=Ol%C3%A1%20%26%20bem-vindo%3F&body=Linha%201%0D%0ALinha%202%0D%0A%C3%87%20%23%25%0D%0A"
        );
        // A To: that tries to inject a header stays inside the address.
        let evil = mailto("a@b.com?bcc=x@y.z", "s", "b");
        assert!(evil.starts_with("mailto:a@b.com%3Fbcc%3Dx@y.z?subject="));
        assert_eq!(mailto("", "s", "b"), "mailto:?subject=s&body=b");
        assert_eq!(
            mailto("a@b.co; c@d.co", "s", "b"),
            "mailto:a@b.co,c@d.co?subject=s&body=b"
        );
    }
}
