//! Native: the client over the in-process mock adds the headers, keeps one
//! idempotency key across retries, retries transient failures and maps errors.
#![cfg(not(target_arch = "wasm32"))]

use reseller_invitations::api::client::{Backend, Client};
use reseller_invitations::api::error::ErrorCode;
use reseller_invitations::api::mock::MockBackend;
use reseller_invitations::api::wire::{DemoIdentities, Faults, Me, Session, SignInRequest};
use std::cell::RefCell;
use std::future::Future;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

/// The mock answers synchronously and native sleeps return at once, so one poll finishes.
fn block_on<F: Future>(f: F) -> F::Output {
    let mut f = std::pin::pin!(f);
    match f.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(v) => v,
        Poll::Pending => panic!("the in-process client should not wait"),
    }
}

fn client() -> (Client, Rc<RefCell<MockBackend>>) {
    let mock = Rc::new(RefCell::new(MockBackend::in_memory()));
    (Client::new(Backend::Mock(mock.clone())), mock)
}

#[test]
fn signs_in_and_reads_typed_answers() {
    let (anon, _) = client();
    let ids: DemoIdentities = block_on(anon.get("/v1/demo/identities")).unwrap();
    let ana = ids
        .partners
        .iter()
        .flat_map(|p| &p.users)
        .find(|u| u.display_name == "Ana Souza")
        .unwrap();
    let session: Session = block_on(anon.write(
        "POST",
        "/v1/demo/sign-in",
        &SignInRequest {
            user_id: ana.id.clone(),
        },
        None,
    ))
    .unwrap();
    let me: Me = block_on(anon.with_token(Some(session.access_token)).get("/v1/me")).unwrap();
    assert_eq!(me.company_name, "Fabrikam Cloud Services");
    let e = block_on(anon.get::<Me>("/v1/me")).unwrap_err();
    assert_eq!((e.code, e.status), (ErrorCode::NotSignedIn, 401));
    assert!(!e.is_transient());
}

#[test]
fn transient_failures_are_retried_then_reported() {
    let (anon, mock) = client();
    mock.borrow_mut().set_faults(Faults {
        failure_rate: 1.0,
        ..Faults::default()
    });
    let e = block_on(anon.get::<DemoIdentities>("/v1/demo/identities")).unwrap_err();
    assert_eq!((e.code, e.status), (ErrorCode::Unavailable, 503));
    assert!(e.is_transient());
    mock.borrow_mut().set_faults(Faults {
        failure_rate: 0.5,
        ..Faults::default()
    });
    let ok = (0..20)
        .filter(|_| block_on(anon.get::<DemoIdentities>("/v1/demo/identities")).is_ok())
        .count();
    assert!(
        ok >= 14,
        "with three attempts, most reads at 50% failure succeed ({ok}/20)"
    );
}

#[test]
fn a_keyed_write_applies_once_whatever_the_retries() {
    let (anon, mock) = client();
    let before = mock.borrow().revision();
    for _ in 0..3 {
        block_on(anon.write_empty::<()>("POST", "/v1/demo/tenants", None, Some("same-key")))
            .unwrap_err();
    }
    let body = reseller_invitations::api::wire::NewTenant {
        company_name: "Once Ltd".into(),
        domain: "once.example".into(),
        country: "BR".into(),
        cloud: None,
        admin_name: "Ana".into(),
        admin_email: "ana@once.example".into(),
    };
    let a: Session = block_on(anon.write("POST", "/v1/demo/tenants", &body, Some("k2"))).unwrap();
    let b: Session = block_on(anon.write("POST", "/v1/demo/tenants", &body, Some("k2"))).unwrap();
    assert_eq!(a.me.tenant_id, b.me.tenant_id);
    assert_eq!(mock.borrow().revision(), before + 1);
}
