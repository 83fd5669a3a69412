//! The mock server: the contract served over HTTP from the same mock logic as
//! the in-browser mock, plus `dist/` with an index fallback. Transport only:
//! a small HTTP/1.1 server on `std::net`, one thread per connection.
//!
//! ```text
//! mock-server [--port N] [--listen ADDR] [--dist DIR] [--http-mock | --in-browser-mock]
//!             [--demo-sign-in] [--token-lifetime-s N]
//!             [--allow-origin ORIGIN]... [--read-timeout-ms N] [--test-hooks]
//! ```
//!
//! - `--http-mock` (default) serves a `config.json` pointing the app at this
//!   server, which is also its OpenID Connect provider (`reseller_mock::idp`:
//!   discovery, an authorize page, a token endpoint checking PKCE, JWKS):
//!   every bearer token is checked (signature, issuer, audience, expiry)
//!   and the identity it names is handed to the mock; the demo's sign-in
//!   endpoints do not exist. `--token-lifetime-s` sets access tokens'
//!   lifetime (default 3600). `--in-browser-mock` serves no `config.json`,
//!   so the app uses its own mock.
//! - `--demo-sign-in`: the API takes the demo's own tokens instead (from
//!   `POST /v1/demo/sign-in`), for tests of the HTTP transport alone.
//! - Requests are served concurrently; a client that stalls is cut off after
//!   the read timeout (408) without holding up others.
//! - A body over the mock's limit is refused with 413 before it is read; a
//!   body that is not UTF-8 with 400.
//! - `--port 0`: the system picks a free port, which the first line printed
//!   names (`Serving on http://127.0.0.1:<port>/`): tests start servers side
//!   by side without racing each other for a port.
//! - Cross-origin calls are allowed only from this server's own origins
//!   (`127.0.0.1` and `localhost`) and the `--allow-origin` ones.
//! - Demo sign-in, demo tenants and reset answer only loopback clients.
//! - `--test-hooks`: a request header `x-test-fault: stall-body` (or
//!   `stall-headers`) handles the request, then stalls the answer, so tests
//!   can check what the client says when an answer is lost; and
//!   `POST /test/end-sessions` ends every session of the provider (its
//!   tokens and refresh tokens are refused from then on); and
//!   `POST /test/throttle` (a form: `throttledCalls`, `retryAfterS`,
//!   optionally `endpoint`) has the next API calls answered 429 with
//!   `Retry-After`.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    server::run();
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod server {
    use reseller_contract::error::{response as error_response, ErrorCode};
    use reseller_contract::ApiRequest;
    use reseller_mock::clock::now_ms;
    use reseller_mock::idp::{self, form_pairs, AuthorizeParams, Idp, IdpReply};
    use reseller_mock::{Identity, MockBackend, MAX_BODY_BYTES};
    use std::io::{BufRead, BufReader, Read, Write};
    use std::net::{IpAddr, SocketAddr, TcpListener, TcpStream};
    use std::path::{Path, PathBuf};
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::{Arc, Mutex};
    use std::time::Duration;

    /// The largest request head (request line and headers).
    const MAX_HEAD_BYTES: usize = 16 * 1024;
    /// Connections served at once; more are answered 503 at once.
    const MAX_CONNECTIONS: usize = 64;

    struct Options {
        port: u16,
        listen: IpAddr,
        dist: Option<PathBuf>,
        http_mock: bool,
        allowed_origins: Vec<String>,
        read_timeout: Duration,
        test_hooks: bool,
        /// The API takes the demo's tokens rather than the provider's.
        demo_sign_in: bool,
        token_lifetime_s: i64,
    }

    fn options() -> Result<Options, String> {
        let mut o = Options {
            port: 8080,
            listen: IpAddr::from([127, 0, 0, 1]),
            dist: None,
            http_mock: true,
            allowed_origins: Vec::new(),
            read_timeout: Duration::from_secs(10),
            test_hooks: false,
            demo_sign_in: false,
            token_lifetime_s: idp::TOKEN_LIFETIME_S,
        };
        let mut args = std::env::args().skip(1);
        while let Some(a) = args.next() {
            let mut value = |what: &str| args.next().ok_or(format!("{a} needs {what}"));
            match a.as_str() {
                "--port" => {
                    o.port = value("a number")?
                        .parse()
                        .map_err(|_| "--port needs a number")?
                }
                "--listen" => {
                    o.listen = value("an IP address")?
                        .parse()
                        .map_err(|_| "--listen needs an IP address")?
                }
                "--dist" => o.dist = Some(value("a folder")?.into()),
                "--allow-origin" => {
                    let origin = value("an origin")?;
                    if !(origin.starts_with("http://") || origin.starts_with("https://"))
                        || origin
                            .trim_start_matches("http://")
                            .trim_start_matches("https://")
                            .contains('/')
                    {
                        return Err(format!(
                            "--allow-origin {origin}: give an origin like http://127.0.0.1:8000"
                        ));
                    }
                    o.allowed_origins.push(origin);
                }
                "--read-timeout-ms" => {
                    o.read_timeout = Duration::from_millis(
                        value("a number")?
                            .parse()
                            .map_err(|_| "--read-timeout-ms needs a number")?,
                    )
                }
                "--http-mock" => o.http_mock = true,
                "--in-browser-mock" => o.http_mock = false,
                "--test-hooks" => o.test_hooks = true,
                "--demo-sign-in" => o.demo_sign_in = true,
                "--token-lifetime-s" => {
                    o.token_lifetime_s = value("a number")?
                        .parse()
                        .ok()
                        .filter(|n| *n > 0)
                        .ok_or("--token-lifetime-s needs a number of seconds")?
                }
                other => return Err(format!("unknown argument {other}")),
            }
        }
        Ok(o)
    }

    /// Runs until killed.
    pub fn run() {
        let mut o = match options() {
            Ok(o) => o,
            Err(e) => {
                eprintln!("mock-server: {e}\nusage: mock-server [--port N] [--listen ADDR] [--dist DIR] [--http-mock | --in-browser-mock] [--demo-sign-in] [--token-lifetime-s N] [--allow-origin ORIGIN]... [--read-timeout-ms N] [--test-hooks]");
                std::process::exit(2);
            }
        };
        let listener = match TcpListener::bind((o.listen, o.port)) {
            Ok(l) => l,
            Err(e) => {
                eprintln!("mock-server: cannot listen on {}:{}: {e}", o.listen, o.port);
                std::process::exit(1);
            }
        };
        if let Ok(addr) = listener.local_addr() {
            o.port = addr.port();
        }
        println!("Serving on http://127.0.0.1:{}/", o.port);
        println!(
            "  backend: {}",
            if o.http_mock {
                "this server's HTTP API (config.json points at it)"
            } else {
                "the in-browser mock (no config.json)"
            }
        );
        let oidc = o.http_mock && !o.demo_sign_in;
        println!(
            "  sign-in: {}",
            if oidc {
                "this server is the OpenID Connect provider (issuer http://127.0.0.1:<port>/organizations/v2.0)"
            } else {
                "the demo's own tokens (POST /v1/demo/sign-in)"
            }
        );
        let idp = oidc.then(|| {
            let mut redirects = own_origins(o.port).to_vec();
            redirects.extend(o.allowed_origins.iter().cloned());
            let mut idp = Idp::new(&format!("http://127.0.0.1:{}", o.port), redirects);
            idp.lifetime_s = o.token_lifetime_s;
            idp
        });
        let shared = Arc::new(Shared {
            mock: Mutex::new(MockBackend::in_memory()),
            idp: idp.map(Mutex::new),
            options: o,
            open: AtomicUsize::new(0),
        });
        for stream in listener.incoming().flatten() {
            if shared.open.fetch_add(1, Ordering::SeqCst) >= MAX_CONNECTIONS {
                shared.open.fetch_sub(1, Ordering::SeqCst);
                let mut stream = stream;
                let _ = write_response(&mut stream, &Reply::text(503, "Too many connections"));
                continue;
            }
            let shared = shared.clone();
            std::thread::spawn(move || {
                serve(&shared, stream);
                shared.open.fetch_sub(1, Ordering::SeqCst);
            });
        }
    }

    struct Shared {
        mock: Mutex<MockBackend>,
        /// The OpenID Connect provider (absent with the demo's tokens).
        idp: Option<Mutex<Idp>>,
        options: Options,
        open: AtomicUsize,
    }

    /// A parsed request head.
    struct Head {
        method: String,
        target: String,
        headers: Vec<(String, String)>,
    }

    impl Head {
        fn header(&self, name: &str) -> Option<&str> {
            self.headers
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.as_str())
        }
    }

    /// An answer: status, headers, body.
    struct Reply {
        status: u16,
        headers: Vec<(String, String)>,
        body: Vec<u8>,
    }

    impl Reply {
        fn text(status: u16, text: &str) -> Self {
            Self {
                status,
                headers: vec![("Content-Type".into(), "text/plain; charset=utf-8".into())],
                body: text.as_bytes().to_vec(),
            }
        }
        fn json(status: u16, body: String) -> Self {
            Self {
                status,
                headers: vec![("Content-Type".into(), "application/json".into())],
                body: body.into_bytes(),
            }
        }
        /// A refusal, in Graph's form for a Graph-shaped path.
        fn error(path: &str, code: ErrorCode, description: &str) -> Self {
            let mut r = error_response(code, description, Vec::new());
            if path.starts_with(reseller_contract::GRAPH_PREFIX) {
                r = reseller_contract::error::as_graph(r);
            }
            Self::json(r.status, r.body)
        }
        fn with(mut self, name: &str, value: &str) -> Self {
            self.headers.push((name.into(), value.into()));
            self
        }
    }

    fn reason(status: u16) -> &'static str {
        match status {
            200 => "OK",
            201 => "Created",
            204 => "No Content",
            302 => "Found",
            400 => "Bad Request",
            403 => "Forbidden",
            404 => "Not Found",
            405 => "Method Not Allowed",
            408 => "Request Timeout",
            409 => "Conflict",
            410 => "Gone",
            411 => "Length Required",
            413 => "Content Too Large",
            422 => "Unprocessable Content",
            429 => "Too Many Requests",
            431 => "Request Header Fields Too Large",
            500 => "Internal Server Error",
            503 => "Service Unavailable",
            507 => "Insufficient Storage",
            _ => "Status",
        }
    }

    fn write_head(stream: &mut TcpStream, reply: &Reply) -> std::io::Result<()> {
        let mut head = format!("HTTP/1.1 {} {}\r\n", reply.status, reason(reply.status));
        for (k, v) in &reply.headers {
            head.push_str(&format!("{k}: {v}\r\n"));
        }
        head.push_str(&format!(
            "Content-Length: {}\r\nConnection: close\r\n\r\n",
            reply.body.len()
        ));
        stream.write_all(head.as_bytes())
    }

    fn write_response(stream: &mut TcpStream, reply: &Reply) -> std::io::Result<()> {
        write_head(stream, reply)?;
        stream.write_all(&reply.body)?;
        stream.flush()
    }

    /// Reads the head: `Err(status)` when it cannot be read.
    fn read_head(reader: &mut BufReader<&TcpStream>) -> Result<Head, u16> {
        let mut lines = Vec::new();
        let mut total = 0;
        loop {
            let mut line = Vec::new();
            let n = reader
                .by_ref()
                .take((MAX_HEAD_BYTES + 1 - total) as u64)
                .read_until(b'\n', &mut line)
                .map_err(|_| 408u16)?;
            if n == 0 {
                return Err(400);
            }
            total += n;
            if total > MAX_HEAD_BYTES {
                return Err(431);
            }
            let line = String::from_utf8(line).map_err(|_| 400u16)?;
            let line = line.trim_end_matches(['\r', '\n']).to_string();
            if line.is_empty() {
                break;
            }
            lines.push(line);
        }
        let mut first = lines.first().ok_or(400u16)?.split(' ');
        let (method, target) = match (first.next(), first.next(), first.next()) {
            (Some(m), Some(t), Some(v)) if v.starts_with("HTTP/1.") => {
                (m.to_string(), t.to_string())
            }
            _ => return Err(400),
        };
        let headers = lines[1..]
            .iter()
            .map(|l| {
                l.split_once(':')
                    .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
                    .ok_or(400u16)
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Head {
            method,
            target,
            headers,
        })
    }

    fn serve(shared: &Shared, mut stream: TcpStream) {
        let o = &shared.options;
        let _ = stream.set_read_timeout(Some(o.read_timeout));
        let _ = stream.set_write_timeout(Some(Duration::from_secs(30)));
        let peer = stream.peer_addr().ok();
        let reply = {
            let mut reader = BufReader::new(&stream);
            match read_head(&mut reader) {
                Err(status) => Reply::text(status, "The request could not be read"),
                Ok(head) => respond(shared, &head, &mut reader, peer),
            }
        };
        let stall = o.test_hooks && reply.headers.iter().any(|(k, _)| k == "x-test-stall");
        if stall {
            let mode = reply
                .headers
                .iter()
                .find(|(k, _)| k == "x-test-stall")
                .map(|(_, v)| v.clone())
                .unwrap_or_default();
            if mode == "stall-headers" {
                std::thread::sleep(Duration::from_secs(30));
                return;
            }
            // Headers and half the body, then nothing: the answer is lost.
            if write_head(&mut stream, &reply).is_ok() {
                let _ = stream.write_all(&reply.body[..reply.body.len() / 2]);
                let _ = stream.flush();
                std::thread::sleep(Duration::from_secs(30));
            }
            return;
        }
        let _ = write_response(&mut stream, &reply);
        linger(&mut stream);
    }

    /// Closes gently: stop writing, then read and drop what the client still
    /// sends (the rest of a refused body) for a moment, so the close is not a
    /// reset that would destroy the answer before the client reads it.
    fn linger(stream: &mut TcpStream) {
        let _ = stream.shutdown(std::net::Shutdown::Write);
        let _ = stream.set_read_timeout(Some(Duration::from_millis(500)));
        let _ = std::io::copy(&mut stream.take(4 << 20), &mut std::io::sink());
    }

    /// This server's own origins: every name it answers to.
    fn own_origins(port: u16) -> [String; 2] {
        [
            format!("http://127.0.0.1:{port}"),
            format!("http://localhost:{port}"),
        ]
    }

    fn respond(
        shared: &Shared,
        head: &Head,
        reader: &mut BufReader<&TcpStream>,
        peer: Option<SocketAddr>,
    ) -> Reply {
        let o = &shared.options;
        let path = head.target.split('?').next().unwrap_or("/").to_string();
        let query = head
            .target
            .split_once('?')
            .map_or("", |(_, q)| q)
            .to_string();
        // The name the browser used (127.0.0.1 or localhost).
        let host = head.header("host").unwrap_or_default();
        let origin = own_origins(o.port)
            .into_iter()
            .find(|origin| origin.ends_with(&format!("//{host}")))
            .unwrap_or_else(|| format!("http://127.0.0.1:{}", o.port));
        if let Some(idp) = &shared.idp {
            if let Some(reply) = provider(shared, idp, head, reader, &path, &query, &origin) {
                return reply;
            }
        }
        let api_path =
            path.starts_with("/v1/") || path.starts_with(reseller_contract::GRAPH_PREFIX);
        if !api_path {
            if head.method != "GET" && head.method != "HEAD" {
                return Reply::text(405, "Only GET here");
            }
            if path == "/config.json" && o.http_mock {
                let oidc = if shared.idp.is_some() {
                    format!(
                        ",\"issuer\":\"{origin}{}\",\"clientId\":\"{}\",\"scopes\":\"{}\"",
                        idp::AUTHORITY,
                        idp::CLIENT_ID,
                        idp::SCOPES
                    )
                } else {
                    String::new()
                };
                return Reply::json(
                    200,
                    format!("{{\"backend\":\"http\",\"baseUrl\":\"{origin}\"{oidc}}}"),
                );
            }
            return static_file(o, &path);
        }
        let allowed = allowed_origin(o, head);
        let cors = |reply: Reply| {
            with_cors(
                reply,
                allowed,
                "authorization, content-type, if-match, ms-requestid, ms-correlationid, x-test-fault",
                "GET, POST, PUT, PATCH, DELETE",
            )
        };
        if head.method == "OPTIONS" {
            return match allowed {
                // The browser keeps the answer for two hours (Chromium's
                // cap) instead of 5 seconds: the Customers page's search
                // would otherwise wait for a preflight every few keystrokes.
                Some(_) => cors(Reply::text(204, "")).with("Access-Control-Max-Age", "7200"),
                None => Reply::text(403, "This origin may not call this server"),
            };
        }
        if demo_only_for_loopback(&path) && !peer.is_some_and(|p| p.ip().is_loopback()) {
            return cors(Reply::error(
                &path,
                ErrorCode::InsufficientRole,
                "Demo sign-in and reset are served only to this machine (loopback)",
            ));
        }
        if head.header("transfer-encoding").is_some() {
            return cors(Reply::text(411, "Send the body with a Content-Length"));
        }
        let length: usize = match head.header("content-length") {
            None => 0,
            Some(v) => match v.parse() {
                Ok(n) => n,
                Err(_) => return cors(Reply::text(400, "Content-Length is not a number")),
            },
        };
        if length > MAX_BODY_BYTES {
            // Refused before reading, so nothing of it is executed.
            return cors(Reply::error(
                &path,
                ErrorCode::TooLarge,
                &format!("The request body is larger than {MAX_BODY_BYTES} bytes"),
            ));
        }
        let mut raw = vec![0u8; length];
        if reader.read_exact(&mut raw).is_err() {
            return Reply::text(408, "The request body did not arrive in time");
        }
        let Ok(body) = String::from_utf8(raw) else {
            return cors(Reply::error(
                &path,
                ErrorCode::MalformedBody,
                "The request body is not UTF-8 text",
            ));
        };
        let mut api = ApiRequest::new(&head.method, head.target.clone());
        for (k, v) in &head.headers {
            api.headers.insert(k.to_ascii_lowercase(), v.clone());
        }
        api.body = body;
        // With the provider, the bearer token is checked here and the mock
        // is told who calls; a token that fails the check is a 401.
        let who = match &shared.idp {
            None => Identity::DemoTokens,
            Some(idp) => match head.header("authorization") {
                None => Identity::Verified(None),
                Some(value) => {
                    let token = value.strip_prefix("Bearer ").unwrap_or_default();
                    let checked = idp
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .verify(token.trim(), now_ms() / 1000);
                    match checked {
                        Ok(user) => Identity::Verified(Some(user)),
                        Err(why) => {
                            return cors(Reply::error(
                                &path,
                                ErrorCode::NotSignedIn,
                                &format!("The access token is not valid: {why}"),
                            ))
                        }
                    }
                }
            },
        };
        let answer = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let mut mock = shared.mock.lock().unwrap_or_else(|e| e.into_inner());
            mock.handle_as(&api, now_ms(), &who)
        }));
        let mut reply = match answer {
            Ok(a) => match a.retry_after_s {
                Some(seconds) => {
                    Reply::json(a.status, a.body).with("Retry-After", &seconds.to_string())
                }
                None => Reply::json(a.status, a.body),
            },
            Err(_) => Reply::error(&path, ErrorCode::Unknown, "The mock failed on this request"),
        };
        if o.test_hooks {
            if let Some(fault) = head.header("x-test-fault") {
                reply = reply.with("x-test-stall", fault);
            }
        }
        cors(reply)
    }

    /// The caller's origin, if it may call this server across origins: its
    /// own names and the `--allow-origin` ones.
    fn allowed_origin<'a>(o: &Options, head: &'a Head) -> Option<&'a str> {
        head.header("origin").filter(|origin| {
            own_origins(o.port).iter().any(|x| x == origin)
                || o.allowed_origins.iter().any(|x| x == origin)
        })
    }

    /// `reply` with the CORS headers an allowed caller reads it with.
    fn with_cors(reply: Reply, allowed: Option<&str>, headers: &str, methods: &str) -> Reply {
        match allowed {
            Some(origin) => reply
                .with("Access-Control-Allow-Origin", origin)
                .with("Vary", "Origin")
                .with("Access-Control-Allow-Headers", headers)
                .with("Access-Control-Allow-Methods", methods)
                // Read by the app, which waits that long before trying again.
                .with("Access-Control-Expose-Headers", "Retry-After"),
            None => reply.with("Vary", "Origin"),
        }
    }

    /// The provider's endpoints (`None`: not one of them).
    fn provider(
        shared: &Shared,
        idp: &Mutex<Idp>,
        head: &Head,
        reader: &mut BufReader<&TcpStream>,
        path: &str,
        query: &str,
        origin: &str,
    ) -> Option<Reply> {
        let o = &shared.options;
        let now_s = now_ms() / 1000;
        let lock = || idp.lock().unwrap_or_else(|e| e.into_inner());
        let identities = || {
            let mut mock = shared.mock.lock().unwrap_or_else(|e| e.into_inner());
            let r = mock.handle(&ApiRequest::new("GET", "/v1/demo/identities"), now_ms());
            serde_json::from_str::<reseller_contract::wire::DemoIdentities>(&r.body).unwrap_or(
                reseller_contract::wire::DemoIdentities {
                    partners: vec![],
                    customers: vec![],
                },
            )
        };
        let form = |reader: &mut BufReader<&TcpStream>| -> Option<std::collections::HashMap<String, String>> {
            let length: usize = head.header("content-length")?.parse().ok()?;
            if length > MAX_BODY_BYTES {
                return None;
            }
            let mut raw = vec![0u8; length];
            reader.read_exact(&mut raw).ok()?;
            Some(form_pairs(&String::from_utf8(raw).ok()?))
        };
        // The token endpoint is called by the app's page: CORS like the API.
        let cors =
            |reply: Reply| with_cors(reply, allowed_origin(o, head), "content-type", "GET, POST");
        let reply = |r: IdpReply| {
            let mut reply = Reply {
                status: r.status,
                headers: vec![
                    ("Content-Type".into(), r.content_type.into()),
                    ("Cache-Control".into(), "no-store".into()),
                ],
                body: r.body.into_bytes(),
            };
            if let Some(to) = r.location {
                reply = reply.with("Location", &to);
            }
            if r.content_type.starts_with("text/html") {
                // The form's answer redirects to the app: form-action names it.
                let mut apps = own_origins(o.port).to_vec();
                apps.extend(o.allowed_origins.iter().cloned());
                reply = reply.with(
                    "Content-Security-Policy",
                    &format!("default-src 'none'; img-src data:; form-action 'self' {}; frame-ancestors 'none'; base-uri 'none'", apps.join(" ")),
                );
            }
            reply
        };
        let discovery = format!("{}/.well-known/openid-configuration", idp::AUTHORITY);
        Some(match (head.method.as_str(), path) {
            ("GET", p) if p == discovery => cors(reply(lock().discovery(origin))),
            ("GET", idp::KEYS_PATH) => cors(reply(lock().keys())),
            ("GET", idp::AUTHORIZE_PATH) => {
                let params = AuthorizeParams::from_pairs(&form_pairs(query));
                let ids = identities();
                reply(lock().authorize_page(&params, &ids))
            }
            ("POST", idp::AUTHORIZE_PATH) => {
                let Some(fields) = form(reader) else {
                    return Some(Reply::text(400, "The form could not be read"));
                };
                let params = AuthorizeParams::from_pairs(&fields);
                if fields.contains_key("cancel") {
                    return Some(reply(lock().deny(&params)));
                }
                let account = if fields.contains_key("new_org") {
                    // A demo organization with its Global administrator.
                    let body = serde_json::json!({
                        "companyName": fields.get("companyName"), "domain": fields.get("domain"),
                        "country": fields.get("country"), "adminName": fields.get("adminName"),
                        "adminEmail": fields.get("adminEmail"),
                    });
                    let mut req = ApiRequest::new("POST", "/v1/demo/tenants".to_string());
                    req.body = body.to_string();
                    req.headers
                        .insert("ms-requestid".into(), uuid::Uuid::new_v4().to_string());
                    let created = shared
                        .mock
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .handle(&req, now_ms());
                    match serde_json::from_str::<reseller_contract::wire::Session>(&created.body) {
                        Ok(session) if created.status == 201 => idp::accounts(&identities())
                            .into_iter()
                            .find(|a| a.user == session.me.user.id),
                        _ => return Some(reply(idp::refusal(false, &created.body))),
                    }
                } else {
                    let user = fields.get("user").cloned().unwrap_or_default();
                    idp::accounts(&identities())
                        .into_iter()
                        .find(|a| a.user == user)
                };
                match account {
                    Some(account) => reply(lock().authorize(&params, account, now_s)),
                    None => Reply::text(400, "No such user"),
                }
            }
            ("OPTIONS", idp::TOKEN_PATH) => cors(Reply::text(204, "")),
            ("POST", idp::TOKEN_PATH) => match form(reader) {
                Some(fields) => cors(reply(lock().token(&fields, now_s))),
                None => cors(Reply::text(400, "The form could not be read")),
            },
            ("GET", idp::LOGOUT_PATH) => reply(lock().logout(&form_pairs(query))),
            // The next `throttledCalls` API calls (to `endpoint` alone, a
            // `METHOD /path/template`, when given) are answered 429 with
            // `Retry-After: retryAfterS` (a form), as Graph throttles.
            ("POST", "/test/throttle") if o.test_hooks => {
                let Some(fields) = form(reader) else {
                    return Some(Reply::text(400, "The form could not be read"));
                };
                let number = |name: &str| fields.get(name).and_then(|v| v.parse().ok());
                let (Some(throttled_calls), Some(retry_after_s)) =
                    (number("throttledCalls"), number("retryAfterS"))
                else {
                    return Some(Reply::text(
                        400,
                        "throttledCalls and retryAfterS, as numbers",
                    ));
                };
                let mut mock = shared.mock.lock().unwrap_or_else(|e| e.into_inner());
                let faults = reseller_contract::wire::Faults {
                    throttled_calls,
                    retry_after_s,
                    throttled_endpoint: fields.get("endpoint").cloned(),
                    ..mock.faults().clone()
                };
                mock.set_faults(faults);
                Reply::text(204, "")
            }
            ("POST", "/test/end-sessions") if o.test_hooks => {
                lock().revoke_all(now_s);
                Reply::text(204, "")
            }
            _ => return None,
        })
    }

    /// Demo endpoints that hand out identities or wipe the data.
    pub fn demo_only_for_loopback(path: &str) -> bool {
        matches!(
            path,
            "/v1/demo/sign-in" | "/v1/demo/reset" | "/v1/demo/tenants"
        )
    }

    fn content_type(path: &Path) -> &'static str {
        match path.extension().and_then(|e| e.to_str()) {
            Some("html") => "text/html; charset=utf-8",
            Some("js") => "text/javascript",
            Some("wasm") => "application/wasm",
            Some("css") => "text/css",
            Some("json") => "application/json",
            Some("svg") => "image/svg+xml",
            _ => "application/octet-stream",
        }
    }

    fn static_file(o: &Options, path: &str) -> Reply {
        let Some(dist) = o.dist.as_deref() else {
            return Reply::text(404, "Not found");
        };
        let relative = path.trim_start_matches('/');
        let safe = !relative.split('/').any(|s| s == ".." || s.starts_with('.'));
        let candidate = dist.join(if relative.is_empty() {
            "index.html"
        } else {
            relative
        });
        let html = |bytes: Vec<u8>| {
            let reply = Reply {
                status: 200,
                headers: vec![("Content-Type".into(), "text/html; charset=utf-8".into())],
                body: bytes,
            };
            match csp(dist, o.port) {
                Some(policy) => reply.with("Content-Security-Policy", &policy),
                None => reply,
            }
        };
        if safe && candidate.is_file() {
            if let Ok(bytes) = std::fs::read(&candidate) {
                if candidate.extension().is_some_and(|e| e == "html") {
                    return html(bytes);
                }
                return Reply {
                    status: 200,
                    headers: vec![("Content-Type".into(), content_type(&candidate).into())],
                    body: bytes,
                };
            }
        }
        if path == "/config.json"
            || path.starts_with("/v1/")
            || path.starts_with(reseller_contract::GRAPH_PREFIX)
        {
            return Reply::text(404, "Not found");
        }
        // Index fallback for deep links, from the build that serves the path
        // (the customer portal and the partner workspace live in their own
        // folders); a <base> keeps relative asset URLs working.
        let site = ["customer", "partner"].into_iter().find(|site| {
            relative
                .strip_prefix(site)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
        });
        let (index, base) = match site {
            Some(site) => (dist.join(site).join("index.html"), format!("/{site}/")),
            None => (dist.join("index.html"), "/".to_string()),
        };
        match std::fs::read_to_string(index) {
            Ok(index) => html(with_base(&index, &base).into_bytes()),
            Err(_) => Reply::text(404, "Not found"),
        }
    }

    /// `html` with `<base href="{base}">` first in its head (the build's HTML
    /// is minified: its `<head>` start tag may be left out).
    pub fn with_base(html: &str, base: &str) -> String {
        let tag = format!("<base href=\"{base}\">");
        if html.contains("<head>") {
            return html.replacen("<head>", &format!("<head>{tag}"), 1);
        }
        match html
            .find("<html")
            .and_then(|i| html[i..].find('>').map(|j| i + j + 1))
        {
            Some(at) => format!("{}{tag}{}", &html[..at], &html[at..]),
            None => format!("{tag}{html}"),
        }
    }

    /// The CSP from dist/_headers, with connect-src naming this server under
    /// every name it answers to.
    fn csp(dist: &Path, port: u16) -> Option<String> {
        let headers = std::fs::read_to_string(dist.join("_headers")).ok()?;
        let line = headers
            .lines()
            .find_map(|l| l.trim().strip_prefix("Content-Security-Policy: "))?;
        let [a, b] = own_origins(port);
        Some(line.replacen(
            "connect-src 'self'",
            &format!("connect-src 'self' {a} {b}"),
            1,
        ))
    }
}
