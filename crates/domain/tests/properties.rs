//! Native property tests: links round-trip, parsing never panics, `mailto:`
//! never lets a header through.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use reseller_domain::email::{check_link, contains_link, mailto, restore_link, LinkCheck};
use reseller_domain::ids::{InvitationId, TenantId};
use reseller_domain::link::{InvitationLink, InvitationType};

fn any_link() -> impl Strategy<Value = InvitationLink> {
    (
        any::<u128>(),
        any::<u64>(),
        any::<bool>(),
        proptest::option::of(any::<u128>()),
        proptest::option::of(any::<u128>()),
    )
        .prop_map(
            |(partner, mspp, dap, indirect, invitation)| InvitationLink {
                inv_type: if indirect.is_some() {
                    InvitationType::IndirectResellerRelationship
                } else {
                    InvitationType::ResellerRelationship
                },
                partner_id: TenantId(uuid::Uuid::from_u128(partner)),
                mspp_id: mspp,
                dap,
                indirect_csp_id: indirect.map(|i| TenantId(uuid::Uuid::from_u128(i))),
                invitation_id: invitation.map(|i| InvitationId(uuid::Uuid::from_u128(i))),
            },
        )
}

/// To values a hostile or careless user could type: header injection
/// attempts, separators, encoded newlines, fragments, unicode, and length.
fn hostile_to() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[a-z]{1,8}@[a-z]{1,8}\\.com",
        Just("\r\nBcc: evil@x.com".to_string()),
        Just("\nCc:x@y.z".to_string()),
        Just("?bcc=evil@x.com".to_string()),
        Just("&body=pwned".to_string()),
        Just("%0ABcc:%20evil@x.com".to_string()),
        Just("#fragment".to_string()),
        Just("ação@exemplo.com.br".to_string()),
        Just("名前@例え.jp".to_string()),
        Just(" , ; ".to_string()),
        Just("%".to_string()),
        Just("\u{0}\u{7f}".to_string()),
        "\\PC{0,20}",
    ];
    prop_oneof![
        proptest::collection::vec(piece, 0..8).prop_map(|p| p.concat()),
        Just("a".repeat(2000)),
        "[a-z@.,;?&#%\r\n ]{2000}",
    ]
}

proptest! {
    #[test]
    fn build_then_parse_gives_back_what_was_built(link in any_link(), base in "https://[a-z]{1,12}\\.example(/[a-z]{1,8}){0,2}/?") {
        let url = link.build(&base);
        prop_assert_eq!(InvitationLink::parse(&url), Ok(link.clone()));
        let body = format!("Open:\n{}\nThanks", url);
        prop_assert!(contains_link(&body, &url));
    }

    #[test]
    fn parsing_any_string_never_panics(s in ".{0,300}") {
        let _ = InvitationLink::parse(&s);
        let _ = InvitationLink::parse(&format!("?invType={s}&partnerId={s}&DAP={s}"));
    }

    #[test]
    fn mailto_encodes_every_reserved_character(to in hostile_to(), subject in ".{0,80}", body in "(.|\r|\n){0,400}") {
        let url = mailto(&to, &subject, &body);
        prop_assert!(url.starts_with("mailto:"));
        let (addresses, query) = url["mailto:".len()..].split_once('?').expect("a query");
        // Nothing from To leaks into the query: exactly subject and body.
        prop_assert!(query.starts_with("subject="));
        prop_assert_eq!(query.matches('&').count(), 1);
        prop_assert!(query.contains("&body="));
        prop_assert!(!addresses.contains(['?', '&', '#', '\r', '\n', ' ', ';'].as_slice()), "raw separator in {}", addresses);
        prop_assert!(!url.contains(['\r', '\n', ' ', '#', '"', '<', '>']));
        prop_assert!(url.is_ascii());
        // Every %XX in the address part is a complete escape, and decoding
        // gives back the addresses the user typed (trimmed, comma-joined).
        let decoded = reseller_domain::link::percent_decode_strict(addresses).expect("well-formed escapes");
        let typed: Vec<&str> = to.split([',', ';']).map(str::trim).filter(|a| !a.is_empty()).collect();
        prop_assert_eq!(decoded, typed.join(","));
    }

    #[test]
    fn restoring_always_yields_a_body_with_the_link(link in any_link(), body in "(.|\n){0,300}", anchor in proptest::option::of("(.|\n){0,40}")) {
        let url = link.build("https://app.example/");
        // The link, and no altered copy of it beside.
        prop_assert_eq!(check_link(&restore_link(&body, &url, anchor.as_deref()), &url), LinkCheck::Intact);
    }
}
