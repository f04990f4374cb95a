//! Demo back end: implements api-v1.md from fixture files and serves the built app, so the
//! whole thing runs on one port. Plain std networking: its HTTP needs are small (GET, HEAD and
//! OPTIONS without bodies) and a thread a connection keeps every request answered. Personas are chosen with a cookie set on `/demo`; the app
//! itself knows nothing of personas, so a real deployment cannot be switched this way.

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use serde_json::{json, Value};

const PERSONAS: [(&str, &str); 8] = [
    ("a", "An Peeters: full-time, statutory 5 days, long history"),
    ("b", "Sofie Dubois: 4/5 in joint committee 200, two employers, one ended with a forfeited balance"),
    ("c", "Lukas Schmidt: new hire in 2026, pro rata, counted in hours"),
    ("d", "Broken data: figures that break the rules and failing resources"),
    ("e", "Marc Janssens: training credit that lapses on 31 March 2027, archive data to keep"),
    ("f", "Els Wouters: a long history of 5,000 trainings since 2012 (made up, so they do not match her totals)"),
    ("g", "Nadia El Amrani: two part-time jobs at once, one counted in days, the other in hours"),
    ("h", "Tom Claes: two jobs in days and hours without hours per day, and a training missing from the list"),
];
const DEFAULT_LIMIT: usize = 20;
/// The demo intranet page (`--host-addr`); `{APP}` is the app's origin.
const HOST_PAGE: &str = include_str!("../host.html");

struct Demo {
    dist: PathBuf,
    fixtures: PathBuf,
    /// The origin of the demo intranet page that embeds the widget (`--host-addr`), allowed as
    /// the widget's parent in the config.json served here.
    host: Option<String>,
}

/// An HTTP response before it is written.
struct Reply {
    status: u16,
    headers: Vec<(&'static str, String)>,
    body: Vec<u8>,
}

impl Reply {
    fn new(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Reply {
        Reply { status, headers: vec![("Content-Type", content_type.into())], body: body.into() }
    }

    fn with(mut self, name: &'static str, value: &str) -> Reply {
        self.headers.push((name, value.into()));
        self
    }

    /// One request a connection (`Connection: close`): simple, and no client can keep a worker.
    fn write_to(&self, out: &mut impl Write, head_only: bool) -> std::io::Result<()> {
        let reason = match self.status {
            200 => "OK",
            204 => "No Content",
            303 => "See Other",
            400 => "Bad Request",
            404 => "Not Found",
            405 => "Method Not Allowed",
            500 => "Internal Server Error",
            503 => "Service Unavailable",
            _ => "",
        };
        write!(
            out,
            "HTTP/1.1 {} {reason}\r\nContent-Length: {}\r\nConnection: close\r\n",
            self.status,
            self.body.len()
        )?;
        for (name, value) in &self.headers {
            write!(out, "{name}: {value}\r\n")?;
        }
        out.write_all(b"\r\n")?;
        if !head_only {
            out.write_all(&self.body)?;
        }
        out.flush()
    }
}

/// What the API answers, before it becomes HTTP.
#[derive(Debug)]
struct Answer {
    status: u16,
    body: Value,
}

fn ok(body: Value) -> Answer {
    Answer { status: 200, body }
}

fn problem(status: u16, title: &str, detail: &str) -> Answer {
    Answer { status, body: json!({"type": "about:blank", "title": title, "status": status, "detail": detail}) }
}

impl Answer {
    fn into_reply(self) -> Reply {
        let kind = if self.status < 400 { "application/json" } else { "application/problem+json" };
        Reply::new(self.status, kind, self.body.to_string())
    }
}

fn query_param<'a>(query: &'a str, name: &str) -> Option<&'a str> {
    query.split('&').filter_map(|kv| kv.split_once('=')).find(|(k, _)| *k == name).map(|(_, v)| v)
}

fn persona(cookies: &str) -> &str {
    cookies
        .split(';')
        .filter_map(|c| c.trim().strip_prefix("demo_persona="))
        .find(|p| PERSONAS.iter().any(|(id, _)| id == p))
        .unwrap_or("a")
}

impl Demo {
    /// A fixture file, or `None`; a fixture may stand for a failure: `{"$demoStatus": 503}`.
    fn fixture(&self, persona: &str, name: &str) -> Option<Result<Value, Answer>> {
        let text = fs::read_to_string(self.fixtures.join(persona).join(name)).ok()?;
        let value: Value = match serde_json::from_str(&text) {
            Ok(v) => v,
            Err(e) => return Some(Err(problem(500, "Broken fixture", &format!("{name}: {e}")))),
        };
        match value.get("$demoStatus").and_then(Value::as_u64) {
            Some(s) => {
                Some(Err(problem(s as u16, "Demo failure", &format!("{name} fails on purpose in this persona"))))
            }
            None => Some(Ok(value)),
        }
    }

    fn api(&self, persona: &str, path: &str, query: &str) -> Answer {
        let year = || -> Result<i32, Answer> {
            let raw = query_param(query, "year")
                .ok_or_else(|| problem(400, "Bad Request", "the year parameter is required"))?;
            raw.parse().map_err(|_| problem(400, "Bad Request", &format!("year {raw:?} is not a year")))
        };
        let found = match path {
            "v1/me" => self.fixture(persona, "me.json"),
            "v1/me/carry-over" => self.fixture(persona, "carry-over.json"),
            "v1/me/entitlements" | "v1/me/attendance" => {
                let y = match year() {
                    Ok(y) => y,
                    Err(r) => return r,
                };
                let kind = path.rsplit('/').next().unwrap_or_default();
                Some(
                    self.fixture(persona, &format!("{kind}-{y}.json"))
                        .unwrap_or_else(|| Ok(json!({"year": y, "items": []}))),
                )
            }
            "v1/me/trainings" => return self.trainings(persona, query),
            p => match p.strip_prefix("v1/me/trainings/") {
                Some(id) => return self.training(persona, id),
                None => None,
            },
        };
        match found {
            Some(Ok(v)) => ok(v),
            Some(Err(r)) => r,
            None => problem(404, "Not Found", &format!("no resource at {path}")),
        }
    }

    fn all_trainings(&self, persona: &str) -> Result<Vec<Value>, Answer> {
        match self.fixture(persona, "trainings.json") {
            Some(Ok(Value::Array(items))) => Ok(items),
            Some(Ok(v)) if v.get("$demoGenerate").is_some() => {
                Ok(generated(v["$demoGenerate"].as_u64().unwrap_or(0) as usize))
            }
            Some(Ok(_)) => Err(problem(500, "Broken fixture", "trainings.json must be an array")),
            Some(Err(r)) => Err(r),
            None => Ok(Vec::new()),
        }
    }

    fn trainings(&self, persona: &str, query: &str) -> Answer {
        let mut items = match self.all_trainings(persona) {
            Ok(items) => items,
            Err(r) => return r,
        };
        let text = |t: &Value, k: &str| t.get(k).and_then(Value::as_str).unwrap_or_default().to_string();
        if let Some(y) = query_param(query, "year") {
            items.retain(|t| text(t, "startDate").starts_with(&format!("{y}-")));
        }
        if let Some(e) = query_param(query, "employerId") {
            items.retain(|t| text(t, "employerId") == e);
        }
        items.sort_by_key(|t| std::cmp::Reverse(text(t, "startDate")));
        let limit = match query_param(query, "limit").map(str::parse::<usize>) {
            None => DEFAULT_LIMIT,
            Some(Ok(n)) if (1..=100).contains(&n) => n,
            Some(_) => return problem(400, "Bad Request", "limit must be a number from 1 to 100"),
        };
        let offset = match query_param(query, "cursor").map(str::parse::<usize>) {
            None => 0,
            Some(Ok(n)) if n <= items.len() => n,
            Some(_) => return problem(400, "Bad Request", "the cursor is not one this server gave out"),
        };
        let total = items.len();
        let end = (offset + limit).min(total);
        let rest: Vec<&str> = query.split('&').filter(|kv| !kv.starts_with("cursor=") && !kv.is_empty()).collect();
        // relative to this response's URL, as the contract allows
        let next = (end < total).then(|| {
            let mut q = rest.clone();
            let cursor = format!("cursor={end}");
            q.push(&cursor);
            format!("trainings?{}", q.join("&"))
        });
        ok(json!({"items": &items[offset..end], "total": total, "next": next}))
    }

    fn training(&self, persona: &str, id: &str) -> Answer {
        match self.all_trainings(persona) {
            Ok(items) => match items.into_iter().find(|t| t.get("id").and_then(Value::as_str) == Some(id)) {
                Some(t) => ok(t),
                None => problem(404, "Not Found", &format!("no training with id {id:?}")),
            },
            Err(r) => r,
        }
    }

    fn demo_page(&self, current: &str) -> Reply {
        let items: String = PERSONAS
            .iter()
            .map(|(id, about)| {
                let mark = if *id == current { " (current)" } else { "" };
                format!("<li><a href=\"/demo/persona/{id}\">Persona {id}</a>: {about}{mark}</li>")
            })
            .collect();
        let page = format!(
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Demo personas</title>\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><link rel=\"icon\" href=\"data:,\"></head>\
             <body><main><h1>Demo back end: choose a persona</h1><ul>{items}</ul>\
             <p><a href=\"/\">Open the app</a></p></main></body></html>"
        );
        Reply::new(200, "text/html; charset=utf-8", page)
    }

    fn static_file(&self, path: &str) -> Reply {
        let rel = path.trim_start_matches('/');
        let safe = !rel.split('/').any(|s| s == ".." || s.starts_with('.'));
        let file = self.dist.join(rel);
        // a folder (`/`, `/widget/`) is its index.html
        let file = if file.is_dir() { file.join("index.html") } else { file };
        let looks_like_route = !rel.rsplit('/').next().unwrap_or_default().contains('.');
        let file = match (safe, file.is_file(), looks_like_route) {
            (true, true, _) => file,
            (true, false, true) => self.dist.join("index.html"),
            _ => return Reply::new(404, "text/plain", "Not found"),
        };
        match fs::read(&file) {
            // the widget's files are loaded by other sites' pages (embed.js): module scripts and
            // wasm from another origin need CORS
            Ok(bytes) => Reply::new(200, content_type(&file), self.with_parent(rel, bytes))
                .with("Cache-Control", "no-cache")
                .with("Access-Control-Allow-Origin", "*"),
            Err(_) => Reply::new(
                404,
                "text/plain",
                format!("{} is missing: build the app first (trunk build)", file.display()),
            ),
        }
    }

    /// config.json with the demo intranet page allowed to embed the widget.
    fn with_parent(&self, rel: &str, bytes: Vec<u8>) -> Vec<u8> {
        let (Some(host), "config.json") = (&self.host, rel) else { return bytes };
        let Ok(mut config) = serde_json::from_slice::<Value>(&bytes) else { return bytes };
        config["embed"]["allowedParentOrigins"] = json!([host]);
        config.to_string().into_bytes()
    }

    /// The demo intranet page, on its own origin: the widget in an iframe and by a script.
    fn host_page(&self, app: &str) -> Reply {
        Reply::new(200, "text/html; charset=utf-8", HOST_PAGE.replace("{APP}", app)).with("Cache-Control", "no-cache")
    }

    fn route(&self, method: &str, target: &str, cookies: &str) -> Reply {
        let (path, query) = target.split_once('?').unwrap_or((target, ""));
        let persona = persona(cookies);
        if let Some(api_path) = path.strip_prefix("/api/") {
            let reply = match method {
                "OPTIONS" => Reply::new(204, "text/plain", ""),
                "GET" | "HEAD" => self.api(persona, api_path, query).into_reply(),
                _ => problem(405, "Method Not Allowed", "this API is read-only").into_reply(),
            };
            reply
                .with("Access-Control-Allow-Origin", "*")
                .with("Access-Control-Allow-Headers", "Authorization, Accept")
                .with("Cache-Control", "no-store")
        } else if path == "/demo" {
            self.demo_page(persona)
        } else if let Some(p) = path.strip_prefix("/demo/persona/").filter(|p| PERSONAS.iter().any(|(id, _)| id == p)) {
            Reply::new(303, "text/plain", "")
                .with("Set-Cookie", &format!("demo_persona={p}; Path=/; SameSite=Lax"))
                .with("Location", "/")
        } else {
            self.static_file(path)
        }
    }

    /// Reads one request (GET, HEAD or OPTIONS: no body) and answers it; on the host page's
    /// listener (`app`: the app's origin), every path is the host page.
    fn serve(&self, stream: TcpStream, app: Option<&str>) -> std::io::Result<()> {
        stream.set_read_timeout(Some(Duration::from_secs(10)))?;
        let mut reader = BufReader::new(stream.try_clone()?);
        let mut line = String::new();
        reader.read_line(&mut line)?;
        let mut words = line.split_whitespace();
        let (method, target) = (words.next().unwrap_or_default().to_string(), words.next().unwrap_or("/").to_string());
        let mut cookies = String::new();
        loop {
            let mut header = String::new();
            if reader.read_line(&mut header)? == 0 || header.trim().is_empty() {
                break;
            }
            if let Some((name, value)) = header.split_once(':') {
                if name.trim().eq_ignore_ascii_case("cookie") {
                    cookies = value.trim().to_string();
                }
            }
        }
        let mut out = stream;
        let reply = match app {
            Some(app) => self.host_page(app),
            None => self.route(&method, &target, &cookies),
        };
        reply.write_to(&mut out, method == "HEAD")
    }
}

fn content_type(p: &Path) -> &'static str {
    match p.extension().and_then(|e| e.to_str()).unwrap_or_default() {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript",
        "wasm" => "application/wasm",
        "css" => "text/css",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        _ => "application/octet-stream",
    }
}

/// A long history made up on the fly (persona f): `n` trainings over the 15 years up to 2026,
/// the same for every request, so the fixture stays a few bytes instead of megabytes.
fn generated(n: usize) -> Vec<Value> {
    const TITLES: [&str; 8] = [
        "Excel voor gevorderden",
        "Veilig werken met heftrucks",
        "Eerste hulp op het werk",
        "Timemanagement",
        "Klantgericht communiceren",
        "Brandpreventie",
        "E-learning GDPR",
        "Leidinggeven aan teams",
    ];
    const STATUSES: [&str; 4] = ["COMPLETED", "COMPLETED", "NOT_ATTENDED", "RESERVED"];
    // days since 1970-01-01 to a civil date (proleptic Gregorian)
    let civil = |days: i64| {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let (d, m) = (doy - (153 * mp + 2) / 5 + 1, if mp < 10 { mp + 3 } else { mp - 9 });
        format!("{:04}-{m:02}-{d:02}", yoe + era * 400 + i64::from(m <= 2))
    };
    let last = 20_818; // 2026-12-31
    (0..n)
        .map(|i| {
            let day = civil(last - (i as i64 * 15 * 365) / n.max(1) as i64);
            json!({
                "id": format!("f-{i}"), "employerId": "e1", "title": format!("{} ({})", TITLES[i % 8], i / 8 + 1),
                "provider": {"name": if i % 3 == 0 { "Syntra" } else { "Cevora" }, "enterpriseNumber": "0439114050"},
                "startDate": day, "endDate": day, "durationMinutes": 30 + (i * 37) % 450,
                "type": if i % 2 == 0 { "FORMAL" } else { "INFORMAL" }, "status": STATUSES[i % 4],
                "countsTowardsRight": i % 5 != 0, "registeredBy": "EMPLOYER"
            })
        })
        .collect()
}

fn main() {
    let mut args = std::env::args().skip(1);
    let mut addr = "127.0.0.1:8080".to_string();
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut demo = Demo { dist: here.join("../dist"), fixtures: here.join("fixtures"), host: None };
    let mut host_addr = None;
    while let Some(flag) = args.next() {
        let value = args.next().unwrap_or_default();
        match flag.as_str() {
            "--addr" => addr = value,
            "--host-addr" => host_addr = Some(value),
            "--dist" => demo.dist = value.into(),
            "--fixtures" => demo.fixtures = value.into(),
            other => {
                eprintln!(
                    "unknown option {other}; use --addr HOST:PORT --host-addr HOST:PORT --dist DIR --fixtures DIR"
                );
                std::process::exit(2);
            }
        }
    }
    demo.host = host_addr.as_ref().map(|h| format!("http://{h}"));
    let listener = match TcpListener::bind(&addr) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("cannot listen on {addr}: {e}");
            std::process::exit(1);
        }
    };
    println!("demo back end on http://{addr}/ (personas: http://{addr}/demo)");
    let demo = Arc::new(demo);
    if let Some(host_addr) = host_addr {
        let host = TcpListener::bind(&host_addr).unwrap_or_else(|e| {
            eprintln!("cannot listen on {host_addr}: {e}");
            std::process::exit(1);
        });
        println!("demo intranet page with the widget on http://{host_addr}/");
        let (demo, app) = (demo.clone(), format!("http://{addr}"));
        std::thread::spawn(move || accept(host, demo, Some(app)));
    }
    accept(listener, demo, None);
}

/// A thread a connection, so no slow client can hold up another.
fn accept(listener: TcpListener, demo: Arc<Demo>, app: Option<String>) {
    for stream in listener.incoming().flatten() {
        let (demo, app) = (demo.clone(), app.clone());
        std::thread::spawn(move || {
            // a client that went away is not the server's problem
            let _ = demo.serve(stream, app.as_deref());
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn demo() -> Demo {
        let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        Demo { dist: here.join("../dist"), fixtures: here.join("fixtures"), host: Some("http://127.0.0.1:8081".into()) }
    }

    fn ids(a: &Answer) -> Vec<String> {
        a.body["items"].as_array().unwrap().iter().map(|t| t["id"].as_str().unwrap().to_string()).collect()
    }

    #[test]
    fn history_pages_with_relative_next_links_to_the_end() {
        let d = demo();
        let first = d.api("a", "v1/me/trainings", "limit=20");
        assert_eq!((first.status, first.body["total"].as_u64()), (200, Some(61)));
        assert_eq!(ids(&first).len(), 20);
        assert_eq!(first.body["next"], "trainings?limit=20&cursor=20");
        let last = d.api("a", "v1/me/trainings", "limit=20&cursor=60");
        assert_eq!(ids(&last).len(), 1);
        assert!(last.body["next"].is_null());
        let dates: Vec<_> =
            first.body["items"].as_array().unwrap().iter().map(|t| t["startDate"].as_str().unwrap()).collect();
        assert!(dates.windows(2).all(|w| w[0] >= w[1]), "newest first: {dates:?}");
    }

    #[test]
    fn history_filters_by_year_and_employer() {
        let d = demo();
        let y = d.api("a", "v1/me/trainings", "year=2025&limit=100");
        assert!(y.body["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|t| t["startDate"].as_str().unwrap().starts_with("2025-")));
        let e2 = d.api("b", "v1/me/trainings", "employerId=e2");
        assert!(!ids(&e2).is_empty() && ids(&e2).iter().all(|id| id.starts_with("b2-")));
    }

    #[test]
    fn bad_requests_and_unknown_things_are_problems() {
        let d = demo();
        assert_eq!(d.api("a", "v1/me/entitlements", "").status, 400);
        assert_eq!(d.api("a", "v1/me/attendance", "year=twenty").status, 400);
        assert_eq!(d.api("a", "v1/me/trainings", "limit=0").status, 400);
        assert_eq!(d.api("a", "v1/me/trainings", "cursor=9999").status, 400);
        let missing = d.api("a", "v1/me/trainings/nope", "");
        assert_eq!((missing.status, missing.body["title"].as_str()), (404, Some("Not Found")));
        assert_eq!(d.api("a", "v1/nothing", "").status, 404);
    }

    #[test]
    fn personas_come_from_the_cookie_and_unknown_ones_fall_back() {
        assert_eq!(persona("x=1; demo_persona=c"), "c");
        assert_eq!(persona("demo_persona=zz"), "a");
        assert_eq!(persona(""), "a");
        let mut out = Vec::new();
        demo().route("GET", "/api/v1/me", "demo_persona=b").write_to(&mut out, false).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with("HTTP/1.1 200 OK\r\n") && text.contains("Access-Control-Allow-Origin: *"));
        assert!(text.contains("\"givenName\":\"Sofie\""));
    }

    #[test]
    fn deep_links_get_the_app_and_missing_files_a_404() {
        let d = demo();
        // with or without a build, a route is never a 404 for a missing file named like it
        assert_ne!(d.route("GET", "/x/../../etc/passwd", "").status, 200);
        assert_eq!(d.route("GET", "/nope.js", "").status, 404);
    }

    #[test]
    fn years_without_data_are_empty_and_broken_personas_fail_on_purpose() {
        let d = demo();
        let empty = d.api("a", "v1/me/entitlements", "year=2019");
        assert_eq!((empty.status, empty.body["items"].as_array().map(Vec::len)), (200, Some(0)));
        assert_eq!(d.api("d", "v1/me/attendance", "year=2026").status, 503);
        assert_eq!(d.api("d", "v1/me/trainings", "").status, 500);
    }

    #[test]
    fn a_long_history_is_made_up_the_same_every_time() {
        let d = demo();
        let first = d.api("f", "v1/me/trainings", "limit=100");
        assert_eq!(first.body["total"], 5000);
        assert_eq!(first.body["items"][0]["startDate"], "2026-12-31");
        assert_eq!(first.body["next"], "trainings?limit=100&cursor=100");
        let year = d.api("f", "v1/me/trainings", "year=2012&limit=100");
        assert!(year.body["total"].as_u64().unwrap() > 300);
        assert!(year.body["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|t| t["startDate"].as_str().unwrap().starts_with("2012-")));
        assert_eq!(generated(5000), generated(5000));
        assert_eq!(generated(5000)[0]["startDate"], "2026-12-31");
        assert_eq!(generated(5000)[4999]["startDate"].as_str().unwrap()[..4], *"2012");
    }

    #[test]
    fn the_widget_is_embedded_by_the_demo_intranet_page_only() {
        let d = demo();
        let config = br#"{"apiBaseUrl":"/api","embed":{"allowedParentOrigins":["https://intranet.example.be"]}}"#;
        let served: Value = serde_json::from_slice(&d.with_parent("config.json", config.to_vec())).unwrap();
        assert_eq!(served["embed"]["allowedParentOrigins"], json!(["http://127.0.0.1:8081"]));
        assert_eq!(served["apiBaseUrl"], "/api");
        assert_eq!(d.with_parent("main.css", b"x".to_vec()), b"x");
        let page = String::from_utf8(d.host_page("http://127.0.0.1:8080").body).unwrap();
        assert!(page.contains("src=\"http://127.0.0.1:8080/widget/embed.js\"") && !page.contains("{APP}"));
    }
}
