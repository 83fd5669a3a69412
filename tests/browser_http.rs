//! Browser test of the HTTP client (gloo-net) against the running mock
//! server: `.ci/test` starts it and sets MOCK_SERVER_URL at build time.
#![cfg(target_arch = "wasm32")]

use reseller_invitations::api::client::{Backend, Client};
use reseller_invitations::api::error::ErrorCode;
use reseller_invitations::api::http::HttpTransport;
use reseller_invitations::api::wire::{
    CreateInvitation, DemoIdentities, Invitation, Me, Session, SignInRequest,
};
use reseller_invitations::domain::email::Lang;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn server() -> Client {
    let base_url = match option_env!("MOCK_SERVER_URL") {
        Some(url) => url.to_string(),
        None => panic!("build with MOCK_SERVER_URL set to a running mock server (.ci/test does)"),
    };
    Client::new(Backend::Http(HttpTransport {
        base_url,
        timeout_ms: 5000,
    }))
}

#[wasm_bindgen_test]
async fn http_client_speaks_the_contract() {
    let api = server();
    api.write_empty::<()>("POST", "/v1/demo/reset", None, None)
        .await
        .unwrap();
    let ids: DemoIdentities = api.get("/v1/demo/identities").await.unwrap();
    let ana = ids
        .partners
        .iter()
        .flat_map(|p| &p.users)
        .find(|u| u.display_name == "Ana Souza")
        .unwrap();
    let session: Session = api
        .write(
            "POST",
            "/v1/demo/sign-in",
            &SignInRequest {
                user_id: ana.id.clone(),
            },
            None,
        )
        .await
        .unwrap();
    let me_api = api.with_token(Some(session.access_token));
    let me: Me = me_api.get("/v1/me").await.unwrap();
    assert_eq!(me.company_name, "Fabrikam Cloud Services");
    let body = CreateInvitation {
        dap: true,
        customer_name: "Over HTTP".into(),
        customer_email: String::new(),
        email_language: Lang::PtBr,
        indirect_reseller_id: None,
        app_base: "https://app.example/".into(),
    };
    let a: Invitation = me_api
        .write("POST", "/v1/invitations", &body, Some("browser-key"))
        .await
        .unwrap();
    let b: Invitation = me_api
        .write("POST", "/v1/invitations", &body, Some("browser-key"))
        .await
        .unwrap();
    assert_eq!(a.id, b.id, "the idempotency key crosses HTTP");
    let e = api.get::<Me>("/v1/me").await.unwrap_err();
    assert_eq!((e.code, e.status), (ErrorCode::NotSignedIn, 401));
    let e = me_api
        .get::<Invitation>("/v1/invitations/00000000-0000-4000-8000-000000000000")
        .await
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::InvitationNotFound);
}

#[wasm_bindgen_test]
async fn an_unreachable_server_is_a_network_error() {
    let api = Client::new(Backend::Http(HttpTransport {
        base_url: "http://127.0.0.1:9".into(),
        timeout_ms: 2000,
    }));
    let e = api
        .get::<DemoIdentities>("/v1/demo/identities")
        .await
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::Network);
    assert!(e.description.contains("could not be reached"));
}
