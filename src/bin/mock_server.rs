//! The mock server: the contract served over HTTP on 127.0.0.1 from the same
//! mock logic as the in-browser mock, plus `dist/` with an index fallback.
//!
//! `mock-server [--port N] [--dist DIR] [--http-mock | --in-browser-mock]`
//! `--http-mock` (default) also serves a `config.json` pointing the app at
//! this server; `--in-browser-mock` serves none, so the app uses its own mock.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    reseller_invitations_server::run();
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod reseller_invitations_server {
    use reseller_invitations::api::mock::MockBackend;
    use reseller_invitations::api::{now_ms, ApiRequest};
    use std::io::Read;
    use std::path::{Path, PathBuf};
    use tiny_http::{Header, Response, Server};

    struct Options {
        port: u16,
        dist: Option<PathBuf>,
        http_mock: bool,
    }

    fn options() -> Result<Options, String> {
        let mut o = Options {
            port: 8080,
            dist: None,
            http_mock: true,
        };
        let mut args = std::env::args().skip(1);
        while let Some(a) = args.next() {
            match a.as_str() {
                "--port" => {
                    o.port = args
                        .next()
                        .and_then(|p| p.parse().ok())
                        .ok_or("--port needs a number")?
                }
                "--dist" => o.dist = Some(args.next().ok_or("--dist needs a folder")?.into()),
                "--http-mock" => o.http_mock = true,
                "--in-browser-mock" => o.http_mock = false,
                other => return Err(format!("unknown argument {other}")),
            }
        }
        Ok(o)
    }

    fn header(name: &str, value: &str) -> Header {
        Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("static header")
    }

    /// Runs until killed.
    pub fn run() {
        let o = match options() {
            Ok(o) => o,
            Err(e) => {
                eprintln!("mock-server: {e}\nusage: mock-server [--port N] [--dist DIR] [--http-mock | --in-browser-mock]");
                std::process::exit(2);
            }
        };
        let server = match Server::http(("127.0.0.1", o.port)) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("mock-server: cannot listen on 127.0.0.1:{}: {e}", o.port);
                std::process::exit(1);
            }
        };
        let mut mock = MockBackend::in_memory();
        println!("Serving on http://127.0.0.1:{}/", o.port);
        println!(
            "  backend: {}",
            if o.http_mock {
                "this server's HTTP API (config.json points at it)"
            } else {
                "the in-browser mock (no config.json)"
            }
        );
        for mut request in server.incoming_requests() {
            let url = request.url().to_string();
            let path = url.split('?').next().unwrap_or("/").to_string();
            if path.starts_with("/v1/") {
                let mut body = String::new();
                let too_big = request.body_length().is_some_and(|n| n > 1 << 20);
                if !too_big {
                    let _ = request.as_reader().take(1 << 20).read_to_string(&mut body);
                }
                let mut api = ApiRequest::new(request.method().as_str(), url.clone());
                for h in request.headers() {
                    api.headers.insert(
                        h.field.as_str().as_str().to_ascii_lowercase(),
                        h.value.as_str().to_string(),
                    );
                }
                api.body = body;
                let cors = [
                    header("Access-Control-Allow-Origin", "*"),
                    header(
                        "Access-Control-Allow-Headers",
                        "authorization, content-type, ms-requestid, ms-correlationid",
                    ),
                    header(
                        "Access-Control-Allow-Methods",
                        "GET, POST, PUT, PATCH, DELETE",
                    ),
                ];
                let response = if request.method().as_str() == "OPTIONS" {
                    Response::from_string("").with_status_code(204)
                } else {
                    let answer = mock.handle(&api, now_ms());
                    Response::from_string(answer.body)
                        .with_status_code(answer.status)
                        .with_header(header("Content-Type", "application/json"))
                };
                let response = cors.into_iter().fold(response, |r, h| r.with_header(h));
                let _ = request.respond(response);
                continue;
            }
            if path == "/config.json" && o.http_mock {
                let config = format!(
                    "{{\"backend\":\"http\",\"baseUrl\":\"http://127.0.0.1:{}\"}}",
                    o.port
                );
                let _ = request.respond(
                    Response::from_string(config)
                        .with_header(header("Content-Type", "application/json")),
                );
                continue;
            }
            let _ = request.respond(static_file(o.dist.as_deref(), &path));
        }
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

    fn static_file(dist: Option<&Path>, path: &str) -> Response<std::io::Cursor<Vec<u8>>> {
        let Some(dist) = dist else {
            return Response::from_string("Not found").with_status_code(404);
        };
        let relative = path.trim_start_matches('/');
        let safe = !relative.split('/').any(|s| s == ".." || s.starts_with('.'));
        let candidate = dist.join(if relative.is_empty() {
            "index.html"
        } else {
            relative
        });
        if safe && candidate.is_file() {
            if let Ok(bytes) = std::fs::read(&candidate) {
                let csp = if candidate.extension().is_some_and(|e| e == "html") {
                    csp_header(dist)
                } else {
                    None
                };
                let r = Response::from_data(bytes)
                    .with_header(header("Content-Type", content_type(&candidate)));
                return match csp {
                    Some(h) => r.with_header(h),
                    None => r,
                };
            }
        }
        if path == "/config.json" {
            return Response::from_string("Not found").with_status_code(404);
        }
        // Index fallback for deep links; a <base> keeps relative asset URLs working.
        match std::fs::read_to_string(dist.join("index.html")) {
            Ok(index) => {
                let html = index.replacen("<head>", "<head><base href=\"/\">", 1);
                let r = Response::from_string(html)
                    .with_header(header("Content-Type", "text/html; charset=utf-8"));
                match csp_header(dist) {
                    Some(h) => r.with_header(h),
                    None => r,
                }
            }
            Err(_) => Response::from_string("Not found").with_status_code(404),
        }
    }

    /// The CSP from dist/_headers, with connect-src widened to this server.
    fn csp_header(dist: &Path) -> Option<Header> {
        let headers = std::fs::read_to_string(dist.join("_headers")).ok()?;
        let line = headers
            .lines()
            .find_map(|l| l.trim().strip_prefix("Content-Security-Policy: "))?;
        Some(header("Content-Security-Policy", line))
    }
}
