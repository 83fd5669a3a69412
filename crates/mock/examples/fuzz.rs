//! Fuzzing (not part of `./.ci/test`; run by `./.ci/fuzz`): the link parser,
//! the `mailto:` builder and the link guard on generated and mutated inputs,
//! and random requests against the mock. Prints the inputs tried, the panics
//! found and the properties broken, each of which must be 0; exits non-zero
//! otherwise, showing the first failing input.
//!
//! `cargo run -p reseller-mock --profile tools --example fuzz -- [--inputs N] [--requests N] [--seed S]`

use reseller_contract::ENDPOINTS;
use reseller_contract::{encode_query, ApiRequest};
use reseller_domain::email::{check_link, mailto, restore_link, LinkCheck};
use reseller_domain::ids::{InvitationId, TenantId};
use reseller_domain::link::{recognise, InvitationLink, InvitationType, RootLink};
use reseller_mock::MockBackend;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::Instant;

/// xorshift64*: fast, seedable, good enough to spread inputs.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    fn hostile(&mut self) -> &'static str {
        HOSTILE[self.below(HOSTILE.len())]
    }
}

/// Pieces a hostile or careless input is made of.
const HOSTILE: &[&str] = &[
    "\r\n",
    "\n",
    "\r",
    "?",
    "&",
    "=",
    "#",
    "%",
    "%0A",
    "%0D%0A",
    "%3D",
    "%26",
    "%zz",
    "%",
    " ",
    "\t",
    "\u{0}",
    "\u{7f}",
    "ç",
    "ã",
    "名前",
    "🙂",
    "\u{202e}",
    "\u{feff}",
    "..",
    "/",
    "//",
    "\\",
    "\"",
    "'",
    "<script>",
    "</a>",
    "javascript:",
    "mailto:",
    "invType=",
    "partnerId=",
    "invitationId=",
    "DAP=",
    "msppId=",
    "indirectCSPId=",
    "type=",
    "id=",
    "#/partner-invitation",
    "https://",
    "+",
    ",",
    ";",
    "@",
    "bcc=",
    "Bcc: x@y.z",
];

fn random_text(rng: &mut Rng, max: usize) -> String {
    let len = rng.below(max + 1);
    let mut s = String::with_capacity(len);
    while s.len() < len {
        match rng.below(4) {
            0 => s.push_str(rng.hostile()),
            1 => s.push(char::from_u32(rng.below(0x3000) as u32).unwrap_or('?')),
            _ => s.push((b'a' + rng.below(26) as u8) as char),
        }
    }
    s
}

fn random_link(rng: &mut Rng) -> InvitationLink {
    let indirect = rng.chance(30);
    InvitationLink {
        inv_type: if indirect {
            InvitationType::IndirectResellerRelationship
        } else {
            InvitationType::ResellerRelationship
        },
        partner_id: TenantId(uuid::Uuid::from_u64_pair(rng.next(), rng.next())),
        mspp_id: if rng.chance(50) { 0 } else { rng.next() },
        dap: rng.chance(50),
        indirect_csp_id: indirect
            .then(|| TenantId(uuid::Uuid::from_u64_pair(rng.next(), rng.next()))),
        invitation_id: rng
            .chance(90)
            .then(|| InvitationId(uuid::Uuid::from_u64_pair(rng.next(), rng.next()))),
    }
}

fn random_base(rng: &mut Rng) -> String {
    let host = [
        "https://app.example/",
        "https://x.y/reseller/",
        "http://127.0.0.1:8080/",
        "https://a.b/c/d",
    ];
    rng.pick(&host).to_string()
}

/// One mutation of `s`: flip, insert, delete, duplicate, truncate, encode,
/// move the query behind '#', change case.
fn mutate(rng: &mut Rng, s: &str) -> String {
    let mut chars: Vec<char> = s.chars().collect();
    match rng.below(9) {
        0 if !chars.is_empty() => {
            let i = rng.below(chars.len());
            chars[i] = char::from_u32(rng.below(0x250) as u32).unwrap_or('x');
        }
        1 => {
            let i = rng.below(chars.len() + 1);
            let piece: Vec<char> = rng.hostile().chars().collect();
            chars.splice(i..i, piece);
        }
        2 if !chars.is_empty() => {
            let a = rng.below(chars.len());
            let b = (a + rng.below(20)).min(chars.len());
            chars.drain(a..b);
        }
        3 if !chars.is_empty() => {
            let a = rng.below(chars.len());
            let b = (a + rng.below(40)).min(chars.len());
            let copy: Vec<char> = chars[a..b].to_vec();
            chars.extend(copy);
        }
        4 => {
            let n = rng.below(chars.len() + 1);
            chars.truncate(n);
        }
        5 => return s.replace('=', "%3D").replace('&', "%26"),
        6 => {
            if let Some((before, query)) = s.split_once('?') {
                return format!("{before}#/partner-invitation?{query}");
            }
        }
        7 => return s.to_lowercase(),
        _ => return format!("{s}&{}={}", random_text(rng, 8), random_text(rng, 8)),
    }
    chars.into_iter().collect()
}

/// What one target found.
#[derive(Default)]
struct Tally {
    tried: u64,
    panics: u64,
    broken: u64,
    first: Option<String>,
}

impl Tally {
    fn run(&mut self, input: impl Fn() -> String, check: impl FnOnce() -> Result<(), String>) {
        self.tried += 1;
        match catch_unwind(AssertUnwindSafe(check)) {
            Ok(Ok(())) => {}
            Ok(Err(why)) => {
                self.broken += 1;
                self.first.get_or_insert_with(|| {
                    format!("property broken: {why}\n  input: {:?}", input())
                });
            }
            Err(_) => {
                self.panics += 1;
                self.first
                    .get_or_insert_with(|| format!("panic\n  input: {:?}", input()));
            }
        }
    }
    fn report(&self, name: &str, started: Instant) -> bool {
        println!(
            "  {name:<28} {:>10} inputs   {:>3} panics   {:>3} properties broken   ({:.1} s)",
            group(self.tried),
            self.panics,
            self.broken,
            started.elapsed().as_secs_f64()
        );
        if let Some(first) = &self.first {
            println!("    first failure: {first}");
        }
        self.panics == 0 && self.broken == 0
    }
}

fn group(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn fuzz_parser(rng: &mut Rng, n: u64) -> Tally {
    let mut t = Tally::default();
    for i in 0..n {
        let link = random_link(rng);
        let url = link.build(&random_base(rng));
        let input = match i % 4 {
            0 => url.clone(),
            1 | 2 => {
                let mut m = mutate(rng, &url);
                for _ in 0..rng.below(3) {
                    m = mutate(rng, &m);
                }
                m
            }
            _ => random_text(rng, 300),
        };
        let pristine = i % 4 == 0;
        t.run(
            || input.clone(),
            || {
                let parsed = InvitationLink::parse(&input);
                let root = recognise(&input);
                if pristine && parsed.as_ref() != Ok(&link) {
                    return Err(format!("build then parse differs: {parsed:?}"));
                }
                if let RootLink::Invitation(l) = &root {
                    if l.invitation_id.is_none() {
                        return Err("the root page accepted a link without invitationId".into());
                    }
                    if parsed.as_ref() != Ok(l) {
                        return Err("the root page and the parser disagree".into());
                    }
                }
                if parsed.as_ref().is_ok_and(|l| l.invitation_id.is_some())
                    && !matches!(root, RootLink::Invitation(_))
                {
                    return Err(format!(
                        "a readable link is not recognised on the root page: {root:?}"
                    ));
                }
                Ok(())
            },
        );
    }
    t
}

fn fuzz_mailto(rng: &mut Rng, n: u64) -> Tally {
    let mut t = Tally::default();
    for i in 0..n {
        let to = if i % 50 == 0 {
            random_text(rng, 2000)
        } else {
            random_text(rng, 60)
        };
        let subject = random_text(rng, 80);
        let body = random_text(rng, if i % 100 == 0 { 5000 } else { 400 });
        t.run(
            || format!("to={to:?} subject={subject:?} body={body:?}"),
            || {
                let url = mailto(&to, &subject, &body);
                if !url.is_ascii() || url.contains(['\r', '\n', ' ', '#', '"', '<', '>']) {
                    return Err(format!("raw character in {url:.200}"));
                }
                let rest = url.strip_prefix("mailto:").ok_or("no mailto: scheme")?;
                let (addresses, query) = rest.split_once('?').ok_or("no query")?;
                if !query.starts_with("subject=")
                    || query.matches('&').count() != 1
                    || !query.contains("&body=")
                {
                    return Err(format!(
                        "the query is not exactly subject and body: {query:.200}"
                    ));
                }
                let typed: Vec<&str> = to
                    .split([',', ';'])
                    .map(str::trim)
                    .filter(|a| !a.is_empty())
                    .collect();
                if reseller_domain::link::percent_decode_strict(addresses).as_deref()
                    != Some(typed.join(",").as_str())
                {
                    return Err("the addresses do not decode to what was typed".into());
                }
                Ok(())
            },
        );
    }
    t
}

fn fuzz_guard(rng: &mut Rng, n: u64) -> Tally {
    let mut t = Tally::default();
    for i in 0..n {
        let link = random_link(rng).build(&random_base(rng));
        let mut body = random_text(rng, 200);
        if i % 3 == 0 {
            let at = body
                .char_indices()
                .nth(rng.below(body.chars().count() + 1))
                .map_or(body.len(), |(k, _)| k);
            body.insert_str(
                at,
                &if rng.chance(50) {
                    link.clone()
                } else {
                    mutate(rng, &link)
                },
            );
        }
        if i % 5 == 0 {
            body = format!("{}\n{}\n{}", random_text(rng, 40), mutate(rng, &link), body);
        }
        t.run(
            || format!("body={body:?} link={link:?}"),
            || {
                let had = check_link(&body, &link) == LinkCheck::Intact;
                let restored = restore_link(&body, &link, Some("To accept, open this link:"));
                if check_link(&restored, &link) != LinkCheck::Intact {
                    return Err(
                        "restoring did not put the link back, or left an altered copy".into(),
                    );
                }
                if had && restored != body {
                    return Err("restoring changed a body that held the link intact".into());
                }
                Ok(())
            },
        );
    }
    t
}

fn fuzz_mock(rng: &mut Rng, n: u64) -> Tally {
    let mut t = Tally::default();
    let mut mock = MockBackend::in_memory();
    let now = 1_800_000_000_000;
    // Demo tokens of a few users, and garbage.
    let ids = mock.handle(&ApiRequest::new("GET", "/v1/demo/identities"), now);
    let ids: serde_json::Value = serde_json::from_str(&ids.body).unwrap_or_default();
    let mut tokens: Vec<String> = ["partners", "customers"]
        .iter()
        .flat_map(|k| ids[k].as_array().cloned().unwrap_or_default())
        .flat_map(|t| t["users"].as_array().cloned().unwrap_or_default())
        .filter_map(|u| u["id"].as_str().map(|id| format!("demo.{id}")))
        .collect();
    tokens.extend([
        "demo.".into(),
        "garbage".into(),
        "demo.00000000-0000-4000-8000-000000000000".into(),
    ]);
    let known_ids = [
        "0de00000-0000-4001-8000-000000000001",
        "0de00000-0000-4013-8000-000000000013",
        "5ca1e000-0000-4000-8000-000000000001",
        "00000000-0000-4000-8000-000000000000",
    ];
    let fields = [
        "dap",
        "customerName",
        "customerEmail",
        "emailLanguage",
        "appBase",
        "userId",
        "link",
        "offerId",
        "quantity",
        "status",
        "to",
        "subject",
        "body",
        "supportTenantId",
        "licensesToAssign",
        "licensesToRemove",
        "companyName",
        "domain",
        "country",
        "adminName",
        "adminEmail",
        "agreement",
        "primaryContact",
        "templateId",
        "dateAgreed",
        "type",
        "indirectResellerId",
    ];
    let mut i = 0u64;
    while t.tried < n {
        i += 1;
        let route = rng.pick(ENDPOINTS);
        if route.path == "/v1/demo/reset" && !rng.chance(2) {
            continue;
        }
        let path = route
            .path
            .split('/')
            .map(|s| {
                if s.starts_with('{') {
                    if rng.chance(60) {
                        rng.pick(&known_ids).to_string()
                    } else {
                        encode_query(&random_text(rng, 40))
                    }
                } else {
                    s.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join("/");
        let mut query = String::new();
        for _ in 0..rng.below(4) {
            let k = *rng.pick(&[
                "size", "offset", "q", "sort", "order", "filter", "link", "dap", "appBase",
            ]);
            let v = match rng.below(4) {
                0 => rng.next().to_string(),
                1 => format!("-{}", rng.below(1000)),
                2 => InvitationLink::build(&random_link(rng), "https://app.example/"),
                _ => random_text(rng, 30),
            };
            query.push_str(&format!(
                "{}{k}={}",
                if query.is_empty() { "?" } else { "&" },
                encode_query(&v)
            ));
        }
        let method = if rng.chance(95) {
            route.method.as_str().to_string()
        } else {
            rng.pick(&["GET", "POST", "PUT", "PATCH", "DELETE", "BREW"])
                .to_string()
        };
        let mut req = ApiRequest::new(&method, format!("{path}{query}"));
        if rng.chance(90) {
            req = req.header("authorization", format!("Bearer {}", rng.pick(&tokens)));
        }
        if rng.chance(50) {
            req = req.header("ms-requestid", format!("k{}", rng.below(50)));
        }
        if method != "GET" {
            let mut body = serde_json::Map::new();
            for _ in 0..rng.below(6) {
                let v = match rng.below(6) {
                    0 => serde_json::json!(rng.chance(50)),
                    1 => serde_json::json!(rng.next()),
                    2 => serde_json::json!(-(rng.below(100) as i64)),
                    3 => serde_json::json!(random_text(rng, 40)),
                    4 => serde_json::json!([random_text(rng, 10)]),
                    _ => serde_json::json!(rng.pick(&known_ids)),
                };
                body.insert(rng.pick(&fields).to_string(), v);
            }
            req.body = if rng.chance(10) {
                random_text(rng, 100)
            } else {
                serde_json::Value::Object(body).to_string()
            };
        }
        let at = now + (i as i64) * 1000;
        t.run(
            || format!("{} {} {:.300}", req.method, req.path, req.body),
            || {
                let r = mock.handle(&req, at);
                if !(200..500).contains(&r.status) {
                    return Err(format!("status {}: {:.200}", r.status, r.body));
                }
                if r.status != 204 && serde_json::from_str::<serde_json::Value>(&r.body).is_err() {
                    return Err(format!("not JSON: {:.200}", r.body));
                }
                Ok(())
            },
        );
    }
    t
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let arg = |name: &str, default: u64| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .and_then(|v| v.replace('_', "").parse().ok())
            .unwrap_or(default)
    };
    let inputs = arg("--inputs", 1_000_000);
    let requests = arg("--requests", 100_000);
    let seed = arg("--seed", 0x5eed_1234_abcd_0001);
    // Panics are counted, not printed one by one.
    std::panic::set_hook(Box::new(|_| {}));
    println!("fuzz: seed {seed:#x}");
    let mut rng = Rng(seed | 1);
    let mut ok = true;
    let started = Instant::now();
    ok &= fuzz_parser(&mut rng, inputs).report("link parser (and root page)", started);
    let started = Instant::now();
    ok &= fuzz_mailto(&mut rng, inputs).report("mailto: builder", started);
    let started = Instant::now();
    ok &= fuzz_guard(&mut rng, inputs).report("link guard (check, restore)", started);
    let started = Instant::now();
    ok &= fuzz_mock(&mut rng, requests).report("mock: random requests", started);
    if !ok {
        std::process::exit(1);
    }
}
