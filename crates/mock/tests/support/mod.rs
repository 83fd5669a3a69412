//! Shared by the mock crate's native tests: the contract as an `Api` (the
//! mock in this process, or the mock server over real HTTP), a raw HTTP
//! client, the server's start and stop, and helpers that speak the contract
//! the way a client does (sign in, invite, accept...).
#![allow(dead_code)]

use reseller_contract::wire::*;
use reseller_contract::{ApiRequest, ApiResponse};
use reseller_mock::clock::now_ms;
use reseller_mock::MockBackend;
use serde::de::DeserializeOwned;
use serde_json::{json, Value};
use std::io::{Read, Write};
use std::net::{IpAddr, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// One implementation of the contract.
pub trait Api {
    /// Sends one request.
    fn call(&mut self, req: ApiRequest) -> ApiResponse;
    /// Changes when the state changes: the revision where it can be seen,
    /// else what the seed's partner can list (its invitations and customers).
    fn state_mark(&mut self) -> u64;
    /// Signs a demo user in; their access token. The demo's sign-in, unless
    /// the implementation has an identity provider to go through.
    fn sign_in_user(&mut self, user_id: &str) -> String {
        let s: Session = ok(send(
            self.as_dyn(),
            None,
            "POST",
            "/v1/demo/sign-in",
            Some(json!({ "userId": user_id })),
        ));
        s.access_token
    }
    /// Creates a demo customer organization and signs its administrator in.
    fn new_organization(&mut self, body: Value) -> String {
        let s: Session = ok(send(
            self.as_dyn(),
            None,
            "POST",
            "/v1/demo/tenants",
            Some(body),
        ));
        s.access_token
    }
    /// Itself, as the trait object the helpers take.
    fn as_dyn(&mut self) -> &mut dyn Api;
}

/// The mock, in this process.
impl Api for MockBackend {
    fn call(&mut self, req: ApiRequest) -> ApiResponse {
        self.handle(&req, now_ms())
    }
    fn state_mark(&mut self) -> u64 {
        self.revision()
    }
    fn as_dyn(&mut self) -> &mut dyn Api {
        self
    }
}

/// The mock server, started for one test and stopped with it.
pub struct Server {
    /// Its port on 127.0.0.1.
    pub port: u16,
    child: Child,
}

impl Server {
    /// Starts `mock-server --port 0 <extra>` and returns once it listens, on
    /// the port it names. The server binds the port itself: a port found
    /// free here and handed over could be taken meanwhile by another test's
    /// server, whose answers this test would then read (or lose when that
    /// test ends and stops it).
    pub fn start(extra: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_mock-server"))
            .args(["--port", "0"])
            .args(extra)
            .stdout(Stdio::piped())
            .spawn()
            .expect("mock-server starts");
        let mut first = String::new();
        let mut out = std::io::BufReader::new(child.stdout.take().expect("piped stdout"));
        std::io::BufRead::read_line(&mut out, &mut first).expect("mock-server prints its address");
        let port = first
            .trim()
            .strip_prefix("Serving on http://127.0.0.1:")
            .and_then(|rest| rest.trim_end_matches('/').parse().ok())
            .unwrap_or_else(|| panic!("mock-server did not say where it listens: {first:?}"));
        // The rest of what it prints, read so that it never blocks on a full pipe.
        std::thread::spawn(move || std::io::copy(&mut out, &mut std::io::sink()));
        Server { port, child }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Sends raw bytes to `ip:port` and reads the whole answer: its status (0
/// when none came), status line and headers, and body (de-chunked).
pub fn raw_to(ip: IpAddr, port: u16, bytes: &[u8]) -> (u16, String, String) {
    let mut s = TcpStream::connect((ip, port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    // The server may answer (413) before taking the whole body.
    let _ = s.write_all(bytes);
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    let text = String::from_utf8_lossy(&out).to_string();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = if head
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked")
    {
        dechunk(body)
    } else {
        body.to_string()
    };
    (status, head.to_string(), body)
}

/// Sends raw bytes to 127.0.0.1.
pub fn raw(port: u16, bytes: &[u8]) -> (u16, String, String) {
    raw_to(IpAddr::from([127, 0, 0, 1]), port, bytes)
}

fn dechunk(mut s: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = s.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if n == 0 {
            break;
        }
        out.push_str(&rest[..n]);
        s = &rest[n + 2..];
    }
    out
}

/// The PKCE pair of RFC 7636's appendix B.
pub const PKCE_VERIFIER: &str = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
/// Its challenge.
pub const PKCE_CHALLENGE: &str = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

impl Server {
    /// POSTs an `application/x-www-form-urlencoded` body to `path`.
    fn post_form(&self, path: &str, body: &str) -> (u16, String, String) {
        raw(
            self.port,
            format!(
                "POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{body}",
                body.len()
            )
            .as_bytes(),
        )
    }

    /// Signs in through the server's identity provider as a browser would:
    /// the authorize form (a user chosen, or a new organization), the
    /// redirect's code, the token request with the PKCE verifier.
    pub fn oidc_sign_in(&self, choice: &[(&str, &str)]) -> Result<Value, (u16, String)> {
        use reseller_domain::oidc::form;
        let redirect = format!("http://127.0.0.1:{}/partner/", self.port);
        let mut fields = vec![
            ("client_id", reseller_mock::idp::CLIENT_ID),
            ("redirect_uri", redirect.as_str()),
            ("response_type", "code"),
            (
                "scope",
                "openid api://reseller-invitations/access offline_access",
            ),
            ("state", "harness-state"),
            ("nonce", "harness-nonce"),
            ("code_challenge", PKCE_CHALLENGE),
            ("code_challenge_method", "S256"),
            ("ui_locales", "en"),
        ];
        fields.extend_from_slice(choice);
        let (status, head, page) =
            self.post_form(reseller_mock::idp::AUTHORIZE_PATH, &form(&fields));
        if status != 302 {
            return Err((status, page));
        }
        let location = head
            .lines()
            .find_map(|l| l.strip_prefix("Location: "))
            .expect("a Location");
        let query = location.split_once('?').expect("a query").1;
        let code = reseller_mock::idp::form_pairs(query)["code"].clone();
        assert_eq!(
            reseller_mock::idp::form_pairs(query)["state"],
            "harness-state"
        );
        let body = form(&[
            ("grant_type", "authorization_code"),
            ("client_id", reseller_mock::idp::CLIENT_ID),
            ("code", &code),
            ("redirect_uri", &redirect),
            ("code_verifier", PKCE_VERIFIER),
        ]);
        let (status, _, tokens) = self.post_form(reseller_mock::idp::TOKEN_PATH, &body);
        if status != 200 {
            return Err((status, tokens));
        }
        Ok(serde_json::from_str(&tokens).expect("tokens"))
    }
}

/// The mock server, over real HTTP, signing in through its identity provider.
impl Api for Server {
    fn as_dyn(&mut self) -> &mut dyn Api {
        self
    }
    fn sign_in_user(&mut self, user_id: &str) -> String {
        let tokens = self
            .oidc_sign_in(&[("user", user_id)])
            .unwrap_or_else(|(status, body)| panic!("sign-in as {user_id}: {status} {body}"));
        tokens["access_token"].as_str().unwrap().to_string()
    }
    fn new_organization(&mut self, body: Value) -> String {
        let mut fields: Vec<(String, String)> = vec![("new_org".into(), "1".into())];
        for k in [
            "companyName",
            "domain",
            "country",
            "adminName",
            "adminEmail",
        ] {
            fields.push((k.into(), body[k].as_str().unwrap_or_default().into()));
        }
        let fields: Vec<(&str, &str)> = fields
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        let tokens = self
            .oidc_sign_in(&fields)
            .unwrap_or_else(|(status, body)| panic!("new organization: {status} {body}"));
        tokens["access_token"].as_str().unwrap().to_string()
    }
    fn state_mark(&mut self) -> u64 {
        let token = sign_in(self, "Ana Souza");
        let invitations: Collection<Invitation> =
            ok(send(self, Some(&token), "GET", "/v1/invitations", None));
        let customers = customers(self, &token, "");
        invitations.total_count * 1_000_000 + customers.total_count
    }
    fn call(&mut self, req: ApiRequest) -> ApiResponse {
        let mut head = format!(
            "{} {} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Length: {}\r\n",
            req.method,
            req.path,
            req.body.len()
        );
        for (k, v) in &req.headers {
            head.push_str(&format!("{k}: {v}\r\n"));
        }
        head.push_str("\r\n");
        let mut bytes = head.into_bytes();
        bytes.extend_from_slice(req.body.as_bytes());
        let (status, head, body) = raw(self.port, &bytes);
        let retry_after_s = head.lines().find_map(|l| {
            let (name, value) = l.split_once(':')?;
            name.eq_ignore_ascii_case("retry-after")
                .then(|| reseller_contract::error::retry_after_seconds(value))?
        });
        ApiResponse {
            status,
            body,
            retry_after_s,
        }
    }
}

pub fn send(
    api: &mut dyn Api,
    token: Option<&str>,
    method: &str,
    path: &str,
    body: Option<Value>,
) -> ApiResponse {
    let mut req = ApiRequest::new(method, path);
    if let Some(t) = token {
        req = req.header("authorization", format!("Bearer {t}"));
    }
    if let Some(b) = body {
        req.body = b.to_string();
    }
    api.call(req)
}

/// A request with headers of its own (names in lower case).
pub fn send_with(
    api: &mut dyn Api,
    token: Option<&str>,
    method: &str,
    path: &str,
    body: Option<Value>,
    headers: &[(&str, &str)],
) -> ApiResponse {
    let mut req = ApiRequest::new(method, path);
    for (name, value) in headers {
        req = req.header(name, *value);
    }
    if let Some(t) = token {
        req = req.header("authorization", format!("Bearer {t}"));
    }
    if let Some(b) = body {
        req.body = b.to_string();
    }
    api.call(req)
}

/// A write with its own idempotency key.
pub fn send_keyed(
    api: &mut dyn Api,
    token: Option<&str>,
    method: &str,
    path: &str,
    body: Option<Value>,
    key: &str,
) -> ApiResponse {
    let mut req = ApiRequest::new(method, path).header("ms-requestid", key);
    if let Some(t) = token {
        req = req.header("authorization", format!("Bearer {t}"));
    }
    if let Some(b) = body {
        req.body = b.to_string();
    }
    api.call(req)
}

pub fn ok<T: DeserializeOwned>(r: ApiResponse) -> T {
    assert!(
        (200..300).contains(&r.status),
        "expected success, got {} {}",
        r.status,
        r.body
    );
    serde_json::from_str(&r.body).unwrap_or_else(|e| panic!("{e}: {}", r.body))
}

#[track_caller]
pub fn err(r: ApiResponse, status: u16, code: i64) -> ErrorBody {
    assert_eq!(r.status, status, "{}", r.body);
    let body: ErrorBody =
        serde_json::from_str(&r.body).unwrap_or_else(|e| panic!("error body {e}: {}", r.body));
    assert_eq!(body.code, code, "{}", body.description);
    assert!(!body.description.is_empty());
    body
}

pub fn reset(api: &mut dyn Api) {
    assert_eq!(send(api, None, "POST", "/v1/demo/reset", None).status, 204);
}

pub fn user_id(api: &mut dyn Api, name: &str) -> String {
    let ids: DemoIdentities = ok(send(api, None, "GET", "/v1/demo/identities", None));
    ids.partners
        .iter()
        .chain(&ids.customers)
        .flat_map(|t| &t.users)
        .find(|u| u.display_name == name)
        .unwrap_or_else(|| panic!("no demo user {name}"))
        .id
        .clone()
}

pub fn sign_in(api: &mut dyn Api, name: &str) -> String {
    let id = user_id(api, name);
    api.sign_in_user(&id)
}

pub fn invite(api: &mut dyn Api, token: &str, dap: bool, name: &str) -> Invitation {
    ok(send(
        api,
        Some(token),
        "POST",
        "/v1/invitations",
        Some(
            json!({ "dap": dap, "customerName": name, "customerEmail": "", "emailLanguage": "en", "appBase": "https://app.example/" }),
        ),
    ))
}

/// A two-tier invitation: as an indirect provider on behalf of `reseller`, or
/// as an indirect reseller through `provider`.
pub fn invite_through(
    api: &mut dyn Api,
    token: &str,
    reseller: Option<&str>,
    provider: Option<&str>,
) -> Invitation {
    ok(send(
        api,
        Some(token),
        "POST",
        "/v1/invitations",
        Some(
            json!({ "dap": true, "customerName": "", "customerEmail": "", "emailLanguage": "en", "indirectResellerId": reseller, "indirectProviderId": provider, "appBase": "https://app.example/" }),
        ),
    ))
}

pub fn new_tenant(api: &mut dyn Api, name: &str, domain: &str, country: &str) -> String {
    api.new_organization(
        json!({ "companyName": name, "domain": domain, "country": country, "adminName": "Renata Alves", "adminEmail": format!("renata@{domain}") }),
    )
}

pub fn mca() -> Value {
    json!({ "primaryContact": { "firstName": "Renata", "lastName": "Alves", "email": "renata@x.com.br", "phoneNumber": "" }, "templateId": "117a77b0-9360-443b-8795-c6dedc750cf9", "dateAgreed": "2026-01-01T00:00:00.000Z", "type": "MicrosoftCustomerAgreement" })
}

pub fn accept(api: &mut dyn Api, token: &str, link: &str, agreement: Option<Value>) -> ApiResponse {
    send(
        api,
        Some(token),
        "POST",
        "/v1/tenant/invitations/accept",
        Some(json!({ "link": link, "agreement": agreement })),
    )
}

pub fn customers(api: &mut dyn Api, token: &str, query: &str) -> Collection<Customer> {
    ok(send(
        api,
        Some(token),
        "GET",
        &format!("/v1/customers?{query}"),
        None,
    ))
}

/// A refusal in Graph's form: its status, code and the fields it names.
#[track_caller]
pub fn graph_err(r: ApiResponse, status: u16, code: &str) -> Vec<String> {
    assert_eq!(r.status, status, "{}", r.body);
    let body: reseller_contract::graph::GraphErrorBody = serde_json::from_str(&r.body)
        .unwrap_or_else(|e| panic!("Graph error body {e}: {}", r.body));
    assert_eq!(body.error.code, code, "{}", body.error.message);
    assert!(!body.error.message.is_empty());
    body.error
        .details
        .into_iter()
        .filter_map(|d| d.target)
        .collect()
}

/// Graph's path of the partner's admin relationships.
pub const GDAP: &str = "/v1.0/tenantRelationships/delegatedAdminRelationships";

/// A GDAP request body.
pub fn gdap_body(name: &str, duration: &str, roles: &[&str], auto_extend: &str) -> Value {
    json!({
        "displayName": name,
        "duration": duration,
        "accessDetails": { "unifiedRoles": roles.iter().map(|r| json!({ "roleDefinitionId": r })).collect::<Vec<_>>() },
        "autoExtendDuration": auto_extend,
    })
}

/// An invitation that also asks for granular admin roles.
pub fn invite_with_gdap(
    api: &mut dyn Api,
    token: &str,
    customer: &str,
    gdap: Value,
) -> ApiResponse {
    send(
        api,
        Some(token),
        "POST",
        "/v1/invitations",
        Some(
            json!({ "dap": false, "customerName": customer, "customerEmail": "", "emailLanguage": "en", "appBase": "https://app.example/", "gdap": gdap }),
        ),
    )
}

/// Moves the mock's clock forward.
pub fn advance_clock(api: &mut dyn Api, days: u32) {
    let r = send(
        api,
        None,
        "POST",
        "/v1/demo/clock",
        Some(json!({ "days": days })),
    );
    assert_eq!(r.status, 200, "{}", r.body);
}
