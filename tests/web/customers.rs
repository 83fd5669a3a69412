//! Browser tests of the partner's Customers page: windowing over 50,000
//! customers, search/sort/filter, expanding records, the removal guard.

use crate::common::*;
use leptos::prelude::Set;
use reseller_invitations::api::wire::Faults;
use reseller_invitations::domain::email::Lang;
use wasm_bindgen_test::*;

fn row_names() -> Vec<String> {
    all(".crow:not(.head) .name")
        .iter()
        .map(|n| text(n))
        .collect()
}

#[wasm_bindgen_test]
async fn only_visible_rows_are_in_the_dom() {
    let app = mount_at("/partner/customers", Some("Priya Raman"), None).await;
    until("the count", || body_text().contains("50,000 customers")).await;
    until("rows", || !row_names().is_empty()).await;
    let rendered = all(".crow:not(.head)").len();
    assert!(
        (5..80).contains(&rendered),
        "{rendered} rows rendered for 50,000 customers"
    );
    let viewport = one(".viewport");
    let canvas = one(".canvas");
    // Rows are measured (this test page has no stylesheet: short rows).
    let row = one(".crow-wrap").get_bounding_client_rect().height();
    until("the canvas as tall as every row", || {
        (canvas.offset_height() as f64 - 50_000.0 * row).abs() < 50_000.0 * 2.0
    })
    .await;
    // Far down, the rows wait for their page (slowly here) as placeholders.
    app.mock.borrow_mut().set_faults(Faults {
        latency_ms: 300,
        ..Faults::default()
    });
    viewport.set_scroll_top((30_000.0 * row) as i32);
    until("rows far down", || {
        all(".crow[data-index]").iter().any(|r| {
            r.get_attribute("data-index")
                .and_then(|i| i.parse::<usize>().ok())
                .is_some_and(|i| i > 29_000)
                && !r.class_list().contains("placeholder")
        })
    })
    .await;
    assert!(all(".crow:not(.head)").len() < 80);
    // The rows far down were placeholders first: what a placeholder
    // measures does not count as a row's height.
    settle().await;
    let height = canvas.offset_height() as f64;
    assert!(
        (height - 50_000.0 * row).abs() < 50_000.0 * 2.0,
        "canvas {height} px for 50,000 rows of {row} px"
    );
    app.mock.borrow_mut().set_faults(Faults::default());
}

#[wasm_bindgen_test]
async fn search_sort_and_filter_and_the_url_keeps_them() {
    let _app = mount_at("/partner/customers", Some("Priya Raman"), None).await;
    until("rows", || !row_names().is_empty()).await;
    type_into("#customer-search", "harbor peak");
    until("search results", || {
        let n = row_names();
        !n.is_empty() && n.iter().all(|x| x.to_lowercase().contains("harbor peak"))
    })
    .await;
    let location = web_sys::window().unwrap().location();
    assert_eq!(location.search().unwrap(), "?q=harbor%20peak");
    let names = row_names();
    assert!(
        names
            .windows(2)
            .all(|w| w[0].to_lowercase() <= w[1].to_lowercase()),
        "{names:?}"
    );
    one("button.sort[aria-label='Sort by Company']").click();
    until("descending", || {
        let n = row_names();
        n.len() > 1
            && n.windows(2)
                .all(|w| w[0].to_lowercase() >= w[1].to_lowercase())
    })
    .await;
    assert!(location.search().unwrap().contains("order=desc"));
    assert_eq!(
        one(".crow.head .col-name")
            .get_attribute("data-sort")
            .as_deref(),
        Some("descending")
    );
    assert_eq!(
        one("button.sort[aria-label='Sort by Company']")
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("true")
    );
    type_into("#customer-search", "");
    select("#customer-filter", "adminRemoved");
    until("filtered", || {
        let r = all(".crow:not(.head) .col-relationship .badge");
        !r.is_empty() && r.iter().all(|c| text(c) == "Admin permissions removed")
    })
    .await;
    assert!(location.search().unwrap().contains("filter=adminRemoved"));
}

#[wasm_bindgen_test]
async fn the_url_restores_a_view() {
    fresh();
    let _app = mount(
        "/partner/customers?q=alpine&sort=domain",
        Some("Ana Souza"),
        None,
    )
    .await;
    until("the view", || {
        row_names() == vec!["Alpine Ski House".to_string()]
    })
    .await;
    assert_eq!(value("#customer-search"), "alpine");
}

#[wasm_bindgen_test]
async fn expand_records_and_the_removal_guard() {
    let _app = mount_at("/partner/customers", Some("Ana Souza"), None).await;
    until("rows", || row_names().len() >= 2).await;
    let expand = one("button.expand[aria-label='Show details of Alpine Ski House']");
    assert_eq!(
        expand.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    expand.focus().unwrap();
    expand.click();
    until("the record", || {
        document().query_selector(".record").unwrap().is_some()
    })
    .await;
    assert_eq!(
        expand.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    assert!(body_text().contains("Company profile"));
    // A second record opens too.
    one("button.expand[aria-label='Show details of Wingtip Toys Brasil']").click();
    until("two records", || all(".record").len() == 2).await;
    // Services tab, then the guard.
    let services = all(".record [role=tab]")
        .into_iter()
        .find(|t| text(t) == "Services")
        .unwrap();
    services.click();
    until("subscriptions", || {
        body_text().contains("Microsoft 365 Business Standard")
    })
    .await;
    all(".record button.danger")
        .into_iter()
        .find(|b| text(b) == "Remove a relationship with a customer")
        .unwrap()
        .click();
    settle().await;
    button("Confirm").click();
    until("the refusal", || body_text().contains("The relationship cannot be removed while these subscriptions are active: Microsoft 365 Business Standard. Suspend them first.")).await;
    assert!(row_names().contains(&"Alpine Ski House".to_string()));
}

/// The relationship badge in the row of `name`.
fn badge_of(name: &str) -> String {
    all(".crow:not(.head)")
        .into_iter()
        .find(|r| {
            r.query_selector(".name")
                .unwrap()
                .is_some_and(|n| text(&n) == name)
        })
        .map(|r| {
            text(
                &r.query_selector(".col-relationship .badge")
                    .unwrap()
                    .unwrap(),
            )
        })
        .unwrap_or_default()
}

/// Once the open record shows its tabs, selects the one named `name`.
async fn open_tab(name: &str) {
    until("the record", || !all(".record [role=tab]").is_empty()).await;
    all(".record [role=tab]")
        .into_iter()
        .find(|t| text(t) == name)
        .unwrap()
        .click();
}

/// Alpine Ski House's admin (elsewhere: its own client) removes Fabrikam's
/// delegated admin permissions.
async fn alpine_removes_fabrikams_admin() {
    use reseller_invitations::api::op;
    let julieta = client_as("Julieta Gómez").await;
    let partners = julieta.call(op::ListPartners {}).await.unwrap();
    let fabrikam = partners
        .items
        .iter()
        .find(|p| p.partner_name == "Fabrikam Cloud Services")
        .unwrap();
    julieta
        .call(op::RemoveAdminPermissions {
            partner: fabrikam.partner_id.parse().unwrap(),
        })
        .await
        .unwrap();
}

#[wasm_bindgen_test]
async fn a_row_follows_its_customer_while_its_record_stays_as_it_was() {
    let app = mount_at("/partner/customers", Some("Ana Souza"), None).await;
    until("rows", || row_names().len() >= 2).await;
    assert_eq!(
        badge_of("Alpine Ski House"),
        "Reseller with delegated admin"
    );
    one("button.expand[aria-label='Show details of Alpine Ski House']").click();
    open_tab("Services").await;
    until("its services", || {
        body_text().contains("Microsoft 365 Business Standard")
    })
    .await;
    // The customer removes the partner's admin permissions (elsewhere);
    // the page hears of it and reads its rows again.
    alpine_removes_fabrikams_admin().await;
    app.ctx.changed();
    until("the row says so", || {
        badge_of("Alpine Ski House") == "Admin permissions removed"
    })
    .await;
    // The record stayed open, on the tab it was on.
    let selected = all(".record [role=tab][aria-selected=true]");
    assert_eq!(selected.len(), 1);
    assert_eq!(text(&selected[0]), "Services");
    // Another language rewords the row and keeps the record as it is.
    app.ctx.lang.set(Lang::PtBr);
    until("the row in Portuguese", || {
        badge_of("Alpine Ski House") == "Permissões de admin removidas"
    })
    .await;
    let selected = all(".record [role=tab][aria-selected=true]");
    assert_eq!(selected.len(), 1);
    assert!(
        selected[0].id().ends_with("-tab-services"),
        "{}",
        selected[0].id()
    );
    // Opened again, the record starts from what was read last.
    app.ctx.lang.set(Lang::En);
    settle().await;
    let expand = one("button.expand[aria-label='Show details of Alpine Ski House']");
    expand.click();
    until("the record closed", || all(".record").is_empty()).await;
    expand.click();
    open_tab("Users and licenses").await;
    until("the record with the admin permissions removed", || {
        body_text().contains("Alpine Ski House removed your delegated admin privileges")
    })
    .await;
}

/// The position of the row of `name`, if it is in the DOM.
fn position_of(name: &str) -> Option<String> {
    all(".crow-wrap").into_iter().find_map(|r| {
        r.query_selector(".name")
            .unwrap()
            .is_some_and(|n| text(&n) == name)
            .then(|| r.get_attribute("data-index").unwrap())
    })
}

#[wasm_bindgen_test]
async fn focus_follows_its_customer_when_new_data_moves_it() {
    // Sorted by relationship: losing its admin permissions moves a customer.
    let app = mount_at(
        "/partner/customers?sort=relationship&order=desc",
        Some("Ana Souza"),
        None,
    )
    .await;
    until("rows", || position_of("Alpine Ski House").is_some()).await;
    let before = position_of("Alpine Ski House").unwrap();
    let label = "Show details of Alpine Ski House";
    one(&format!("button.expand[aria-label='{label}']"))
        .focus()
        .unwrap();
    alpine_removes_fabrikams_admin().await;
    app.ctx.changed();
    until("the customer moved", || {
        position_of("Alpine Ski House").is_some_and(|p| p != before)
    })
    .await;
    let focused = || {
        document()
            .active_element()
            .and_then(|e| e.get_attribute("aria-label"))
            .unwrap_or_default()
    };
    until("focus on its button at its new position", || {
        focused() == label
    })
    .await;
    settle().await;
    assert_eq!(focused(), label);
}
