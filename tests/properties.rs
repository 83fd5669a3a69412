//! Native property tests: links round-trip, parsing never panics, `mailto:`
//! never lets a header through.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use reseller_invitations::domain::email::{contains_link, mailto, restore_link};
use reseller_invitations::domain::ids::{InvitationId, TenantId};
use reseller_invitations::domain::link::{InvitationLink, InvitationType};

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
    fn mailto_encodes_every_reserved_character(to in "[a-z]{1,8}@[a-z]{1,8}\\.com", subject in ".{0,80}", body in "(.|\r|\n){0,400}") {
        let url = mailto(&to, &subject, &body);
        let query = url.split_once('?').map(|(_, q)| q).unwrap_or_default();
        // Exactly two parameters: no value can start a third header.
        prop_assert_eq!(query.matches('&').count(), 1);
        prop_assert!(!url.contains(['\r', '\n', ' ', '#', '"', '<', '>']));
        prop_assert!(url.is_ascii());
    }

    #[test]
    fn restoring_always_yields_a_body_with_the_link(link in any_link(), body in "(.|\n){0,300}") {
        let url = link.build("https://app.example/");
        prop_assert!(contains_link(&restore_link(&body, &url), &url));
    }
}
