//! Browser tests of what makes the app read like Partner Center in both
//! languages: counts, numbers and dates through the browser's `Intl`,
//! backend errors worded from their code, the expander, who may remove
//! admin permissions, and what a record allows without admin privileges.

use crate::common::*;
use leptos::prelude::Set;
use reseller_invitations::api::error::{ApiError, ErrorCode};
use reseller_invitations::api::wire::Faults;
use reseller_invitations::domain::email::Lang;
use reseller_invitations::i18n::{self, Counted};
use reseller_invitations::intl;
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
fn counts_read_naturally_in_both_languages() {
    let customers = |lang, n| intl::count(lang, Counted::Customers, n, &[]);
    assert_eq!(
        [0, 1, 2, 50_000].map(|n| customers(Lang::En, n)),
        [
            "0 customers",
            "1 customer",
            "2 customers",
            "50,000 customers"
        ]
    );
    assert_eq!(
        [0, 1, 2, 50_000].map(|n| customers(Lang::PtBr, n)),
        ["0 clientes", "1 cliente", "2 clientes", "50.000 clientes"]
    );
    assert_eq!(
        intl::count(Lang::En, Counted::SeatsAssigned, 1, &["Azure plan", "0"]),
        "Azure plan: 0 of 1 seat assigned"
    );
    assert_eq!(
        intl::count(
            Lang::PtBr,
            Counted::SeatsAssigned,
            1_200,
            &["Office 365 E3", "2"]
        ),
        "Office 365 E3: 2 de 1.200 licenças atribuídas"
    );
}

#[wasm_bindgen_test]
fn dates_are_in_the_ui_language() {
    let at = "2026-09-21T18:30:00Z";
    assert_eq!(intl::date(Lang::En, at), "Sep 21, 2026");
    assert_eq!(intl::date(Lang::PtBr, at), "21 de set. de 2026");
    assert_eq!(
        intl::date_time_utc(Lang::PtBr, at),
        "21 de setembro de 2026 às 18:30 UTC"
    );
    assert_eq!(intl::date(Lang::En, "not a date"), "not a date");
}

#[wasm_bindgen_test]
fn languages_are_named_in_the_ui_language_never_shown_as_codes() {
    assert_eq!(intl::language(Lang::En, "pt-BR"), "Brazilian Portuguese");
    assert_eq!(intl::language(Lang::PtBr, "pt-BR"), "português (Brasil)");
    assert_eq!(
        intl::language(Lang::PtBr, "en-US"),
        "inglês (Estados Unidos)"
    );
    // A malformed tag from the backend is shown as given, and nothing throws.
    assert_eq!(intl::language(Lang::En, "not a tag!"), "not a tag!");
}

#[wasm_bindgen_test]
fn backend_errors_are_worded_from_their_code_never_shown_raw() {
    let e = ApiError {
        code: ErrorCode::ActiveSubscriptions,
        status: 409,
        description: "Raw English text from the backend".into(),
        data: vec!["Office 365 E3".into()],
    };
    assert_eq!(
        i18n::api_error(Lang::PtBr, &e),
        "Estas assinaturas ainda estão ativas: Office 365 E3. Suspenda-as primeiro."
    );
    let bare = ApiError {
        data: vec![],
        code: ErrorCode::Validation,
        ..e.clone()
    };
    assert_eq!(
        i18n::api_error(Lang::En, &bare),
        "The server refused a value. Check what you entered and try again."
    );
}

#[wasm_bindgen_test]
async fn a_failing_backend_is_explained_in_portuguese() {
    let app = mount_at("/partner/customers", Some("Ana Souza"), None).await;
    app.ctx.lang.set(Lang::PtBr);
    app.mock.borrow_mut().set_faults(Faults {
        failure_rate: 1.0,
        ..Faults::default()
    });
    app.ctx.changed();
    until("the error banner and its words", || {
        !all(".error-banner .error-description").is_empty()
    })
    .await;
    let banner = text(&one(".error-banner"));
    assert!(
        banner.contains("O serviço está indisponível no momento. Tente novamente daqui a pouco."),
        "{banner}"
    );
    assert!(!banner.contains("unavailable"), "no backend text: {banner}");
    app.mock.borrow_mut().set_faults(Faults::default());
    button("Tentar novamente").click();
    until("the rows again", || all(".error-banner").is_empty()).await;
}

#[wasm_bindgen_test]
async fn the_expander_is_a_down_arrow_that_turns_when_open() {
    let _app = mount_at("/partner/customers", Some("Ana Souza"), None).await;
    let selector = "button.expand[aria-label='Show details of Alpine Ski House']";
    until("the rows", || !all(selector).is_empty()).await;
    let chevron = || {
        let el = one(&format!("{selector} .chevron"));
        web_sys::window()
            .unwrap()
            .get_computed_style(&el)
            .unwrap()
            .unwrap()
            .get_property_value("transform")
            .unwrap()
    };
    let closed = chevron();
    one(selector).click();
    until("the record", || !all(".record").is_empty()).await;
    until("the arrow turns when the record opens", || {
        chevron() != closed
    })
    .await;
    assert_eq!(
        one(selector).get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
}

#[wasm_bindgen_test]
async fn only_a_global_administrator_sees_remove_admin_permissions() {
    let app = mount_at("/customer", None, Some("Martín López")).await;
    until("the partners", || {
        body_text().contains("Fabrikam Cloud Services")
    })
    .await;
    assert!(body_text().contains("You are signed in as a Billing administrator: only a Global administrator of your organization can remove a partner's admin permissions."));
    assert!(
        all("button")
            .iter()
            .all(|b| text(b) != "Remove admin permissions"),
        "no button a Billing administrator may not use"
    );
    drop(app);
    let _app = mount_at("/customer", None, Some("Julieta Gómez")).await;
    until("the partners", || {
        body_text().contains("Fabrikam Cloud Services")
    })
    .await;
    assert!(!body_text().contains("only a Global administrator"));
    button("Remove admin permissions");
}
