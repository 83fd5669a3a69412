//! Native: the mock server survives its clients. A stalled client does not
//! hold up others and is cut off; an oversized body is refused (413) before
//! it runs; a body that is not UTF-8 is a 400; no query makes it fail; only
//! its own and the allowed origins may call it cross-origin; its CSP names
//! it under every name it answers to; demo sign-in answers only loopback.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::io::{Read, Write};
use std::net::{IpAddr, TcpStream, UdpSocket};
use std::time::{Duration, Instant};
use support::*;

fn get(port: u16, path: &str, headers: &str) -> (u16, String, String) {
    raw(
        port,
        format!(
            "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n{headers}Connection: close\r\n\r\n"
        )
        .as_bytes(),
    )
}

fn post(port: u16, path: &str, body: &[u8]) -> (u16, String, String) {
    let mut req = format!(
        "POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    req.extend_from_slice(body);
    raw(port, &req)
}

#[test]
fn a_stalled_client_neither_holds_up_others_nor_stays_forever() {
    let server = Server::start(&["--read-timeout-ms", "1500"]);
    // A client that announces a body and never sends it.
    let mut slow = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    slow.write_all(b"POST /v1/demo/tenants HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{")
        .unwrap();
    // Another, silent after connecting.
    let _silent = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    let started = Instant::now();
    let (status, _, body) = get(server.port, "/v1/demo/identities", "");
    assert_eq!(status, 200, "{body}");
    assert!(
        started.elapsed() < Duration::from_millis(1000),
        "answered while others stall: {:?}",
        started.elapsed()
    );
    // The stalled one is cut off after the read timeout.
    slow.set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut out = String::new();
    let _ = slow.read_to_string(&mut out);
    assert!(out.starts_with("HTTP/1.1 408"), "{out}");
    assert!(started.elapsed() < Duration::from_secs(8));
}

#[test]
fn an_oversized_body_is_refused_before_it_runs_and_bad_bytes_are_a_400() {
    let server = Server::start(&[]);
    let before = get(server.port, "/v1/demo/identities", "").2;
    // Content-Length far over the limit, and no body sent at all: the answer
    // comes at once (nothing is read), and nothing was created.
    let (status, _, body) = raw(
        server.port,
        b"POST /v1/demo/tenants HTTP/1.1\r\nHost: x\r\nContent-Length: 10000000\r\n\r\n",
    );
    assert_eq!(status, 413, "{body}");
    assert!(body.contains("41301"));
    let big = format!(
        r#"{{"companyName":"{}","domain":"big.example","country":"BR","adminName":"A","adminEmail":"a@big.example"}}"#,
        "x".repeat(70_000)
    );
    let (status, _, _) = post(server.port, "/v1/demo/tenants", big.as_bytes());
    assert_eq!(status, 413);
    let (status, _, body) = post(
        server.port,
        "/v1/demo/tenants",
        b"{\"companyName\":\"\xff\xfe\"}",
    );
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("40003"), "{body}");
    assert_eq!(
        get(server.port, "/v1/demo/identities", "").2,
        before,
        "nothing was created"
    );
}

#[test]
fn no_query_makes_it_fail() {
    // The demo's own tokens: this test is about the transport.
    let server = Server::start(&["--demo-sign-in"]);
    let (_, _, session) = {
        let ids = get(server.port, "/v1/demo/identities", "").2;
        let v: serde_json::Value = serde_json::from_str(&ids).unwrap();
        let ana = v["partners"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|p| p["users"].as_array().unwrap())
            .find(|u| u["displayName"] == "Ana Souza")
            .unwrap()["id"]
            .as_str()
            .unwrap()
            .to_string();
        post(
            server.port,
            "/v1/demo/sign-in",
            format!(r#"{{"userId":"{ana}"}}"#).as_bytes(),
        )
    };
    let token: serde_json::Value = serde_json::from_str(&session).unwrap();
    let auth = format!(
        "Authorization: Bearer {}\r\n",
        token["accessToken"].as_str().unwrap()
    );
    for (query, expected) in [
        ("offset=18446744073709551615&size=500", 400),
        ("offset=18446744073709551616", 400),
        ("size=18446744073709551615", 400),
        ("offset=999999999999&size=1", 400),
        ("size=-1", 400),
        ("offset=1e9", 400),
        ("sort=%00&order=%00", 400),
        // Undecodable search text is searched for as it reads, not a failure.
        ("q=%FF%FE", 200),
        ("q=%", 200),
    ] {
        let (status, _, body) = get(server.port, &format!("/v1/customers?{query}"), &auth);
        assert_eq!(status, expected, "{query}: {body}");
    }
    let (status, _, _) = get(
        server.port,
        "/v1/customers?offset=1000000000&size=500",
        &auth,
    );
    assert_eq!(status, 200, "the largest offset answers an empty page");
    // Still serving after all of that.
    assert_eq!(get(server.port, "/v1/demo/identities", "").0, 200);
}

#[test]
fn only_its_own_and_allowed_origins_may_call_it() {
    let allowed = "http://127.0.0.1:18999";
    let server = Server::start(&["--allow-origin", allowed]);
    let preflight = |origin: &str| {
        raw(
            server.port,
            format!("OPTIONS /v1/demo/identities HTTP/1.1\r\nHost: x\r\nOrigin: {origin}\r\nAccess-Control-Request-Method: GET\r\n\r\n").as_bytes(),
        )
    };
    let (status, head, _) = preflight(allowed);
    assert_eq!(status, 204);
    assert!(
        head.contains(&format!("Access-Control-Allow-Origin: {allowed}")),
        "{head}"
    );
    // Kept by the browser, not asked again every 5 seconds.
    assert!(head.contains("Access-Control-Max-Age: 7200"), "{head}");
    let own = format!("http://localhost:{}", server.port);
    assert!(preflight(&own)
        .1
        .contains(&format!("Access-Control-Allow-Origin: {own}")));
    // An allowed caller may read how long a throttled answer asks to wait.
    let (_, head, _) = get(
        server.port,
        "/v1/demo/identities",
        &format!("Origin: {allowed}\r\n"),
    );
    assert!(
        head.contains("Access-Control-Expose-Headers: Retry-After"),
        "{head}"
    );
    let (status, head, _) = preflight("http://evil.example");
    assert_eq!(status, 403);
    assert!(!head.contains("Access-Control-Allow-Origin"), "{head}");
    let (_, head, _) = get(
        server.port,
        "/v1/demo/identities",
        "Origin: http://evil.example\r\n",
    );
    assert!(!head.contains("Access-Control-Allow-Origin"), "{head}");
    assert!(!head.contains("Access-Control-Allow-Origin: *"));
}

#[test]
fn its_csp_and_config_name_it_under_every_name() {
    let dist = std::env::temp_dir().join(format!("mock-server-dist-{}", std::process::id()));
    std::fs::create_dir_all(&dist).unwrap();
    std::fs::write(
        dist.join("index.html"),
        "<html><head></head><body>app</body></html>",
    )
    .unwrap();
    for site in ["partner", "customer"] {
        std::fs::create_dir_all(dist.join(site)).unwrap();
        // The customer portal's page as Trunk minifies it: no <head> start tag.
        let page = if site == "customer" {
            format!("<!doctype html><html lang=en><meta charset=utf-8></head><body>{site} build</body></html>")
        } else {
            format!("<html><head></head><body>{site} build</body></html>")
        };
        std::fs::write(dist.join(site).join("index.html"), page).unwrap();
    }
    std::fs::write(
        dist.join("_headers"),
        "/*\n  Content-Security-Policy: default-src 'self'; connect-src 'self'; script-src 'self'\n",
    )
    .unwrap();
    let server = Server::start(&["--dist", dist.to_str().unwrap()]);
    // A deep link gets the page of the build that serves it (README "Deploying").
    for (path, page) in [
        (
            "/partner/customers",
            "<head><base href=\"/partner/\"></head><body>partner build",
        ),
        (
            "/partner",
            "<head><base href=\"/partner/\"></head><body>partner build",
        ),
        (
            "/customer",
            "<html lang=en><base href=\"/customer/\"><meta charset=utf-8></head><body>customer build",
        ),
        ("/elsewhere/deep", "<head><base href=\"/\"></head><body>app"),
        ("/partnership", "<head><base href=\"/\"></head><body>app"),
    ] {
        let (status, _, body) = get(server.port, path, "");
        assert_eq!(status, 200, "{path}");
        assert!(body.contains(page), "{path}: {body}");
    }
    let (status, head, _) = get(server.port, "/partner/customers", "");
    assert_eq!(status, 200);
    let csp = head
        .lines()
        .find_map(|l| l.strip_prefix("Content-Security-Policy: "))
        .expect("a CSP header");
    assert!(
        csp.contains(&format!("http://127.0.0.1:{}", server.port)),
        "{csp}"
    );
    assert!(
        csp.contains(&format!("http://localhost:{}", server.port)),
        "{csp}"
    );
    // config.json names the server the way the browser reached it.
    let host = format!("localhost:{}", server.port);
    let (_, _, config) = raw(
        server.port,
        format!("GET /config.json HTTP/1.1\r\nHost: {host}\r\n\r\n").as_bytes(),
    );
    assert!(
        config.contains(&format!("\"baseUrl\":\"http://{host}\"")),
        "{config}"
    );
    let _ = std::fs::remove_dir_all(dist);
}

/// This machine's address on its network (not loopback), if it has one.
fn lan_address() -> Option<IpAddr> {
    let socket = UdpSocket::bind("0.0.0.0:0").ok()?;
    socket.connect("10.254.254.254:9").ok()?;
    let ip = socket.local_addr().ok()?.ip();
    (!ip.is_loopback() && !ip.is_unspecified()).then_some(ip)
}

#[test]
fn demo_sign_in_is_absent_with_the_provider_and_loopback_only_without() {
    // With its identity provider (the default), the demo's sign-in is not there.
    let provider = Server::start(&[]);
    for path in ["/v1/demo/sign-in", "/v1/demo/tenants"] {
        let (status, _, body) = post(provider.port, path, b"{}");
        assert_eq!(status, 404, "{path}: {body}");
    }
    drop(provider);
    let server = Server::start(&["--listen", "0.0.0.0", "--demo-sign-in"]);
    let ids = get(server.port, "/v1/demo/identities", "").2;
    let v: serde_json::Value = serde_json::from_str(&ids).unwrap();
    let user = v["partners"][0]["users"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let sign_in = format!(
        "POST /v1/demo/sign-in HTTP/1.1\r\nHost: x\r\nContent-Length: {}\r\n\r\n{{\"userId\":\"{user}\"}}",
        user.len() + 13
    );
    assert_eq!(
        raw(server.port, sign_in.as_bytes()).0,
        200,
        "loopback may sign in"
    );
    let ip = lan_address().expect("this machine has a network address to test from");
    let (status, _, body) = raw_to(ip, server.port, sign_in.as_bytes());
    assert_eq!(status, 403, "{body}");
    let (status, _, _) = raw_to(
        ip,
        server.port,
        b"POST /v1/demo/reset HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n",
    );
    assert_eq!(status, 403);
    // The rest of the API answers from the network as from loopback.
    assert_eq!(
        raw_to(
            ip,
            server.port,
            b"GET /v1/demo/identities HTTP/1.1\r\nHost: x\r\n\r\n"
        )
        .0,
        200
    );
}
