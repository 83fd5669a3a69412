//! Browser test of the HTTP client (gloo-net) against the running mock
//! server: `.ci/test` starts it and sets MOCK_SERVER_URL at build time.

use reseller_invitations::api::client::{Backend, Client};
use reseller_invitations::api::error::ErrorCode;
use reseller_invitations::api::http::HttpTransport;
use reseller_invitations::api::op;
use reseller_invitations::api::wire::{
    DemoIdentities, Invitation, InvitationRequest, Me, Session, SignInRequest,
};
use reseller_invitations::domain::email::Lang;
use wasm_bindgen_test::*;

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
    api.call(op::ResetDemo {}).await.unwrap();
    let ids: DemoIdentities = api.call(op::ListDemoIdentities {}).await.unwrap();
    let ana = ids
        .partners
        .iter()
        .flat_map(|p| &p.users)
        .find(|u| u.display_name == "Ana Souza")
        .unwrap();
    let session: Session = api
        .call(op::DemoSignIn {
            body: SignInRequest {
                user_id: ana.id.clone(),
            },
        })
        .await
        .unwrap();
    let me_api = api.with_token(Some(session.access_token));
    let me: Me = me_api.call(op::GetMe {}).await.unwrap();
    assert_eq!(me.company_name, "Fabrikam Cloud Services");
    let body = InvitationRequest {
        dap: true,
        customer_name: "Over HTTP".into(),
        customer_email: String::new(),
        email_language: Lang::PtBr,
        indirect_reseller_id: None,
        indirect_provider_id: None,
        app_base: "https://app.example/".into(),
        gdap: None,
    };
    let a: Invitation = me_api
        .call_keyed(
            op::CreateInvitation { body: body.clone() },
            Some("browser-key"),
        )
        .await
        .unwrap();
    let b: Invitation = me_api
        .call_keyed(
            op::CreateInvitation { body: body.clone() },
            Some("browser-key"),
        )
        .await
        .unwrap();
    assert_eq!(a.id, b.id, "the idempotency key crosses HTTP");
    let e = api.call(op::GetMe {}).await.unwrap_err();
    assert_eq!((e.code, e.status), (ErrorCode::NotSignedIn, 401));
    let e = me_api
        .call(op::GetInvitation {
            invitation: "00000000-0000-4000-8000-000000000000".parse().unwrap(),
        })
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
    let e = api.call(op::ListDemoIdentities {}).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::Network);
    assert!(e.description.contains("could not be reached"));
}

fn server_with_timeout(timeout_ms: u32) -> Client {
    let base_url = match option_env!("MOCK_SERVER_URL") {
        Some(url) => url.to_string(),
        None => panic!("build with MOCK_SERVER_URL set to a running mock server (.ci/test does)"),
    };
    Client::new(Backend::Http(HttpTransport {
        base_url,
        timeout_ms,
    }))
}

async fn signed_in(api: &Client, name: &str) -> Client {
    let ids: DemoIdentities = api.call(op::ListDemoIdentities {}).await.unwrap();
    let user = ids
        .partners
        .iter()
        .flat_map(|p| &p.users)
        .find(|u| u.display_name == name)
        .unwrap();
    let session: Session = api
        .call(op::DemoSignIn {
            body: SignInRequest {
                user_id: user.id.clone(),
            },
        })
        .await
        .unwrap();
    api.with_token(Some(session.access_token))
}

async fn named(api: &Client, name: &str) -> usize {
    let list: reseller_invitations::api::wire::Collection<Invitation> =
        api.call(op::ListInvitations {}).await.unwrap();
    list.items
        .iter()
        .filter(|i| i.customer_name == name)
        .count()
}

/// The server applies the write and sends its headers, then its body never
/// arrives (the mock server's test hook): the client says the change may have
/// been applied (not "unreadable answer"), retries with the same key, and the
/// change is there exactly once.
#[wasm_bindgen_test]
async fn a_lost_body_after_a_write_is_reported_as_maybe_applied() {
    let api = server_with_timeout(1000);
    let ana = signed_in(&api, "Ana Souza").await;
    let body = InvitationRequest {
        dap: false,
        customer_name: "Lost Body Ltda".into(),
        customer_email: String::new(),
        email_language: Lang::En,
        indirect_reseller_id: None,
        indirect_provider_id: None,
        app_base: "https://app.example/".into(),
        gdap: None,
    };
    let before = named(&ana, "Lost Body Ltda").await;
    let req = reseller_invitations::api::ApiRequest::new("POST", "/v1/invitations")
        .json(&body)
        .header("x-test-fault", "stall-body");
    let e = ana.send(req).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::Unconfirmed, "{e:?}");
    assert!(
        e.description.contains("may have been applied"),
        "{}",
        e.description
    );
    assert_eq!(
        named(&ana, "Lost Body Ltda").await,
        before + 1,
        "applied once"
    );
}

/// No headers within the timeout: a read is a network error (retried); a
/// write is "may have been applied", never a silent success or a duplicate.
#[wasm_bindgen_test]
async fn waiting_for_headers_is_bounded_by_the_timeout() {
    let api = server_with_timeout(1000);
    let ana = signed_in(&api, "Ana Souza").await;
    let read = reseller_invitations::api::ApiRequest::new("GET", "/v1/invitations")
        .header("x-test-fault", "stall-headers");
    let started = js_sys::Date::now();
    let e = ana.send(read).await.unwrap_err();
    let waited = js_sys::Date::now() - started;
    assert_eq!(e.code, ErrorCode::Network, "{e:?}");
    // Three attempts of 1 s and the backoff (0.3 s + 1.2 s), not 30 s.
    assert!(waited < 10_000.0, "waited {waited} ms");
    let body = InvitationRequest {
        dap: false,
        customer_name: "Silent Server Ltda".into(),
        customer_email: String::new(),
        email_language: Lang::En,
        indirect_reseller_id: None,
        indirect_provider_id: None,
        app_base: "https://app.example/".into(),
        gdap: None,
    };
    let before = named(&ana, "Silent Server Ltda").await;
    let write = reseller_invitations::api::ApiRequest::new("POST", "/v1/invitations")
        .json(&body)
        .header("x-test-fault", "stall-headers");
    let e = ana.send(write).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::Unconfirmed, "{e:?}");
    assert_eq!(
        named(&ana, "Silent Server Ltda").await,
        before + 1,
        "applied once"
    );
}
