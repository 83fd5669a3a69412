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

/// Puts the link back: replaces the first line that holds a damaged copy of it
/// (recognised by its parameters), or appends it after a blank line.
pub fn restore_link(body: &str, link: &str) -> String {
    if contains_link(body, link) {
        return body.to_string();
    }
    // The admin roles' approval link is recognised by its own parameter,
    // so restoring one link never overwrites the other.
    let approval = link.contains(crate::gdap::APPROVAL_PARAM);
    let damaged = |line: &str| {
        if approval {
            line.contains(crate::gdap::APPROVAL_PARAM)
        } else {
            line.contains("invType=")
                || line.contains("partnerId=")
                || line.contains("#/partner-invitation")
        }
    };
    if let Some(line) = body.lines().find(|l| damaged(l)) {
        return body.replacen(line, link, 1);
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
                contains_link(&d.body, LINK) && contains_link(&d.body, APPROVAL),
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
            let restored = restore_link(&damaged, APPROVAL);
            assert_eq!(restored, d.body);
            assert_eq!(restore_link(&restored, LINK), d.body);
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
    fn restore_replaces_the_damaged_line_or_appends() {
        let damaged = format!("Hi\n{}\nBye", LINK.replace("DAP=true", "DAP=false"));
        assert_eq!(restore_link(&damaged, LINK), format!("Hi\n{LINK}\nBye"));
        assert_eq!(
            restore_link("Hi there\n", LINK),
            format!("Hi there\n\n{LINK}")
        );
        assert_eq!(restore_link("", LINK), LINK);
        let intact = format!("a {LINK} b");
        assert_eq!(restore_link(&intact, LINK), intact);
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
