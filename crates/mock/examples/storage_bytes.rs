//! Benchmark figure (run by `./.ci/bench`): the bytes the in-browser mock
//! keeps in storage after 2,000 autosaves of a 20,000-character draft, with
//! the idempotency replay store's share. The bound (under 1 MB) is asserted
//! by `tests/storage.rs`; this prints the figure.

use reseller_contract::ApiRequest;
use reseller_mock::store::MemoryStore;
use reseller_mock::MockBackend;
use serde_json::{json, Value};

fn main() {
    let store = MemoryStore::default();
    let mut mock = MockBackend::new(Box::new(store.clone()));
    let now = 1_800_000_000_000;
    let call = |mock: &mut MockBackend,
                token: Option<&str>,
                method: &str,
                path: &str,
                body: Value,
                key: &str| {
        let mut req = ApiRequest::new(method, path).header("ms-requestid", key);
        if let Some(t) = token {
            req = req.header("authorization", format!("Bearer {t}"));
        }
        req.body = body.to_string();
        let r = mock.handle(&req, now);
        assert!((200..300).contains(&r.status), "{} {}", r.status, r.body);
        serde_json::from_str::<Value>(&r.body).unwrap_or(Value::Null)
    };
    let ids = mock.handle(&ApiRequest::new("GET", "/v1/demo/identities"), now);
    let ids: Value = serde_json::from_str(&ids.body).unwrap();
    let ana = ids["partners"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["users"].as_array().unwrap().clone())
        .find(|u| u["displayName"] == "Ana Souza")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let session = call(
        &mut mock,
        None,
        "POST",
        "/v1/demo/sign-in",
        json!({ "userId": ana }),
        "s",
    );
    let token = session["accessToken"].as_str().unwrap().to_string();
    let seed_bytes = store.bytes();
    let inv = call(
        &mut mock,
        Some(&token),
        "POST",
        "/v1/invitations",
        json!({ "dap": false, "customerName": "Long Draft", "emailLanguage": "en", "appBase": "https://app.example/" }),
        "i",
    );
    let link = inv["link"].as_str().unwrap().to_string();
    let path = format!("/v1/invitations/{}/draft", inv["id"].as_str().unwrap());
    let text: String = "Lorem ipsum dolor sit amet. "
        .chars()
        .cycle()
        .take(20_000 - link.len() - 2)
        .collect();
    let started = std::time::Instant::now();
    for i in 0..2000 {
        let body = format!("{text}{}\n{link}", i % 10);
        call(
            &mut mock,
            Some(&token),
            "PUT",
            &path,
            json!({ "to": "", "subject": "Invitation", "body": body }),
            &format!("autosave-{i}"),
        );
    }
    println!(
        "  storage after 2,000 autosaves of a 20,000-character draft: {} bytes stored ({} of them replayed answers; the seed alone: {} bytes; budget 1,000,000); {:.0} µs per autosave natively",
        store.bytes(),
        mock.replay_bytes(),
        seed_bytes,
        started.elapsed().as_micros() as f64 / 2000.0
    );
}
