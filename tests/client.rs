//! Native: the client over the in-process mock adds the headers, keeps one
//! idempotency key across retries, retries transient failures and maps errors.
#![cfg(not(target_arch = "wasm32"))]

use reseller_invitations::api::client::{Backend, Client};
use reseller_invitations::api::error::ErrorCode;
use reseller_invitations::api::mock::MockBackend;
use reseller_invitations::api::op;
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

/// Signs a partner's demo user in through the contract.
fn sign_in(anon: &Client, name: &str) -> Session {
    let ids: DemoIdentities = block_on(anon.call(op::ListDemoIdentities {})).unwrap();
    let user = ids
        .partners
        .iter()
        .flat_map(|p| &p.users)
        .find(|u| u.display_name == name)
        .unwrap();
    block_on(anon.call(op::DemoSignIn {
        body: SignInRequest {
            user_id: user.id.clone(),
        },
    }))
    .unwrap()
}

#[test]
fn signs_in_and_reads_typed_answers() {
    let (anon, _) = client();
    let session = sign_in(&anon, "Ana Souza");
    let me: Me = block_on(
        anon.with_token(Some(session.access_token))
            .call(op::GetMe {}),
    )
    .unwrap();
    assert_eq!(me.company_name, "Fabrikam Cloud Services");
    let e = block_on(anon.call(op::GetMe {})).unwrap_err();
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
    let e = block_on(anon.call(op::ListDemoIdentities {})).unwrap_err();
    assert_eq!((e.code, e.status), (ErrorCode::Unavailable, 503));
    assert!(e.is_transient());
    mock.borrow_mut().set_faults(Faults {
        failure_rate: 0.5,
        ..Faults::default()
    });
    let ok = (0..20)
        .filter(|_| block_on(anon.call(op::ListDemoIdentities {})).is_ok())
        .count();
    assert!(
        ok >= 14,
        "with three attempts, most reads at 50% failure succeed ({ok}/20)"
    );
}

fn new_tenant(name: &str) -> reseller_invitations::api::wire::NewTenant {
    reseller_invitations::api::wire::NewTenant {
        company_name: name.into(),
        domain: format!("{}.example", name.to_lowercase().replace(' ', "-")),
        country: "BR".into(),
        cloud: None,
        admin_name: "Ana".into(),
        admin_email: format!("ana@{}.example", name.to_lowercase().replace(' ', "-")),
    }
}

/// A write whose answers are lost after the change is made (the fault
/// applies the change, then answers 503): the client retries with the same
/// `MS-RequestId` on every attempt, and the change is applied once.
#[test]
fn a_write_applies_once_whatever_the_retries() {
    let (anon, mock) = client();
    let tenants_before = block_on(anon.call(op::ListDemoIdentities {}))
        .unwrap()
        .customers
        .len();
    let revision = mock.borrow().revision();
    // Every answer lost: three attempts, one change, one key.
    mock.borrow_mut().set_faults(Faults {
        lost_answer_rate: 1.0,
        ..Faults::default()
    });
    let e = block_on(anon.call(op::CreateDemoTenant {
        body: new_tenant("Once Ltd"),
    }))
    .unwrap_err();
    assert_eq!(e.code, ErrorCode::Unavailable);
    let attempts: Vec<_> = mock
        .borrow()
        .journal()
        .filter(|a| a.request == "POST /v1/demo/tenants")
        .cloned()
        .collect();
    assert_eq!(attempts.len(), 3, "the first try and two retries");
    assert!(attempts[0].request_id.is_some());
    assert!(
        attempts
            .iter()
            .all(|a| a.request_id == attempts[0].request_id),
        "one MS-RequestId on every attempt: {attempts:?}"
    );
    assert_eq!(mock.borrow().revision(), revision + 1, "applied once");
    // The user presses "Try again": the same intention, the same key, and the
    // first answer comes back now that answers arrive.
    mock.borrow_mut().set_faults(Faults::default());
    let session: Session = block_on(anon.call(op::CreateDemoTenant {
        body: new_tenant("Once Ltd"),
    }))
    .unwrap();
    let last = mock.borrow().journal().last().cloned().unwrap();
    assert_eq!(last.request_id, attempts[0].request_id);
    assert_eq!(mock.borrow().revision(), revision + 1, "still applied once");
    let ids: DemoIdentities = block_on(anon.call(op::ListDemoIdentities {})).unwrap();
    assert_eq!(ids.customers.len(), tenants_before + 1);
    assert_eq!(
        ids.customers
            .iter()
            .filter(|t| t.company_name == "Once Ltd")
            .count(),
        1
    );
    assert!(ids
        .customers
        .iter()
        .any(|t| t.tenant_id == session.me.tenant_id));
    assert_eq!(
        anon.intents().open(),
        0,
        "a definite answer ends the intention"
    );
    // A new, identical request after success is a new intention: a new key.
    let _ = block_on(anon.call(op::CreateDemoTenant {
        body: new_tenant("Once Ltd"),
    }));
    let newest = mock.borrow().journal().last().cloned().unwrap();
    assert_ne!(newest.request_id, attempts[0].request_id);
}

/// Random transient failures before and after the change: every attempt of
/// one write carries the same key, and each write lands exactly once.
#[test]
fn under_random_faults_every_write_lands_once() {
    let (anon, mock) = client();
    let revision = mock.borrow().revision();
    mock.borrow_mut().set_faults(Faults {
        failure_rate: 0.3,
        lost_answer_rate: 0.3,
        ..Faults::default()
    });
    let mut landed = 0;
    for i in 0..30 {
        let name = format!("Tenant {i}");
        // Retry as a user would (same request) until a definite answer.
        for _ in 0..10 {
            if block_on(anon.call(op::CreateDemoTenant {
                body: new_tenant(&name),
            }))
            .is_ok()
            {
                landed += 1;
                break;
            }
        }
    }
    mock.borrow_mut().set_faults(Faults::default());
    assert_eq!(landed, 30);
    let ids: DemoIdentities = block_on(anon.call(op::ListDemoIdentities {})).unwrap();
    for i in 0..30 {
        let name = format!("Tenant {i}");
        assert_eq!(
            ids.customers
                .iter()
                .filter(|t| t.company_name == name)
                .count(),
            1,
            "{name}"
        );
    }
    assert_eq!(mock.borrow().revision(), revision + 30);
}

/// A change whose answer was lost keeps its key for the same change at the
/// same version; the same change at a version read since is a new
/// intention, so an older answer is never replayed as if it were done.
#[test]
fn a_change_at_a_newer_version_is_not_answered_with_an_older_ones_answer() {
    use reseller_invitations::api::graph::AdminRelationshipPatch;
    use reseller_invitations::domain::gdap;
    let (anon, mock) = client();
    let api = anon.with_token(Some(sign_in(&anon, "Priya Raman").access_token));
    let r = block_on(api.admin_relationships(None))
        .unwrap()
        .into_iter()
        .find(|r| {
            gdap::may_turn_on_auto_extend(
                r.status,
                r.auto_extend_duration == gdap::auto_extend_iso(true),
                &r.access_details.ids(),
            )
        })
        .unwrap();
    let relationship: reseller_invitations::domain::ids::AdminRelationshipId =
        r.id.parse().unwrap();
    let read = || {
        block_on(api.call(op::GetAdminRelationship {
            relationship: relationship.clone(),
        }))
        .unwrap()
    };
    let set = |on: bool, version: String| {
        block_on(api.call(op::UpdateAdminRelationship {
            relationship: relationship.clone(),
            if_match: version,
            body: AdminRelationshipPatch {
                auto_extend_duration: Some(gdap::auto_extend_iso(on).into()),
                ..Default::default()
            },
        }))
    };
    let auto = |r: &reseller_invitations::api::graph::DelegatedAdminRelationship| {
        r.auto_extend_duration == gdap::auto_extend_iso(true)
    };
    // On, its answer lost (the change is made).
    mock.borrow_mut().set_faults(Faults {
        lost_answer_rate: 1.0,
        ..Faults::default()
    });
    assert!(set(true, r.etag.clone().unwrap()).is_err());
    mock.borrow_mut().set_faults(Faults::default());
    assert!(auto(&read()));
    // Off, then on again, each at the version read just before.
    assert!(!auto(&set(false, read().etag.unwrap()).unwrap()));
    assert!(!auto(&read()));
    let again = set(true, read().etag.unwrap()).unwrap();
    assert!(auto(&again), "the answer is this change's");
    assert!(auto(&read()), "and the change was made");
}

/// Throttled (429 with `Retry-After`): the client waits the seconds asked,
/// says so while it waits, and goes on with the same key, so the change is
/// made once; asked to wait longer than it waits in all, it answers the
/// error at once instead of retrying into the limit; without `Retry-After`,
/// its own short backoff.
#[test]
fn a_throttled_call_waits_the_seconds_asked_and_goes_on() {
    let (anon, mock) = client();
    let told = Rc::new(RefCell::new(Vec::new()));
    {
        let told = told.clone();
        anon.on_waiting(Rc::new(move |_, wait| {
            told.borrow_mut()
                .push(wait.map(|w| (w.seconds, w.throttled)))
        }));
    }
    let revision = mock.borrow().revision();
    mock.borrow_mut().set_faults(Faults {
        throttled_calls: 2,
        retry_after_s: 7,
        ..Faults::default()
    });
    let created: Session = block_on(anon.call(op::CreateDemoTenant {
        body: new_tenant("Patient Ltd"),
    }))
    .expect("made after the two waits");
    assert_eq!(created.me.company_name, "Patient Ltd");
    assert_eq!(
        *told.borrow(),
        [Some((7, true)), None, Some((7, true)), None],
        "told of each wait and of going on"
    );
    let attempts: Vec<_> = mock
        .borrow()
        .journal()
        .filter(|a| a.request == "POST /v1/demo/tenants")
        .cloned()
        .collect();
    assert_eq!(
        attempts.iter().map(|a| a.status).collect::<Vec<_>>(),
        [429, 429, 201]
    );
    assert!(attempts
        .iter()
        .all(|a| a.request_id == attempts[0].request_id));
    assert_eq!(mock.borrow().revision(), revision + 1, "made once");

    // Asked for more than the client waits in all: one attempt, the error.
    told.borrow_mut().clear();
    mock.borrow_mut().set_faults(Faults {
        throttled_calls: 5,
        retry_after_s: reseller_invitations::api::client::MAX_WAIT_S + 1,
        ..Faults::default()
    });
    let e = block_on(anon.call(op::ListDemoIdentities {})).unwrap_err();
    assert_eq!((e.code, e.status), (ErrorCode::Throttled, 429));
    assert!(
        told.borrow().is_empty(),
        "no wait announced: {:?}",
        told.borrow()
    );
    assert_eq!(mock.borrow().faults().throttled_calls, 4, "asked once");

    // Throttled elsewhere only: this endpoint answers.
    mock.borrow_mut().set_faults(Faults {
        throttled_calls: 1,
        retry_after_s: 7,
        throttled_endpoint: Some("POST /v1/demo/tenants".into()),
        ..Faults::default()
    });
    assert!(block_on(anon.call(op::ListDemoIdentities {})).is_ok());
    assert_eq!(mock.borrow().faults().throttled_calls, 1);

    // No Retry-After: the first try and the two backoff retries.
    mock.borrow_mut().set_faults(Faults {
        throttled_calls: 5,
        ..Faults::default()
    });
    let e = block_on(anon.call(op::ListDemoIdentities {})).unwrap_err();
    assert_eq!(e.code, ErrorCode::Throttled);
    assert_eq!(mock.borrow().faults().throttled_calls, 2);
    assert!(told.borrow().is_empty());
}
