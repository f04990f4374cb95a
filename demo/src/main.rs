//! Demo back end: implements api-v1.md from fixture files and serves the built app, so the
//! whole thing runs on one port. Plain std networking: its HTTP needs are small (GET, HEAD and
//! OPTIONS without bodies). A fixed pool of workers answers the connections, one request each,
//! with caps on the request head and deadlines, so no client, slow or many, can take the server's
//! threads or memory. Personas are chosen with a cookie set on `/demo`; the app itself knows
//! nothing of personas, so a real deployment cannot be switched this way.

use std::borrow::Cow;
use std::fs;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{sync_channel, SyncSender};
use std::sync::{Arc, Mutex, OnceLock};
use std::thread;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

const PERSONAS: [(&str, &str); 12] = [
    ("a", "An Peeters: full-time, statutory 5 days, long history"),
    ("b", "Sofie Dubois: 4/5 in joint committee 200, two employers, one ended with a forfeited balance"),
    ("c", "Lukas Schmidt: new hire in 2026, pro rata, counted in hours"),
    ("d", "Broken data: figures that break the rules and failing resources"),
    ("e", "Marc Janssens: training credit that lapses on 31 March 2027, archive data to keep"),
    ("f", "Els Wouters: a long history of 5,000 trainings since 2012 (made up, so they do not match her totals)"),
    ("g", "Nadia El Amrani: two part-time jobs at once, one counted in days, the other in hours"),
    ("h", "Tom Claes: two jobs in days and hours without hours per day, and a training missing from the list"),
    ("i", "Paging loop: An Peeters, but every page of her trainings gives its own URL as the next page"),
    ("j", "Next link to another origin: An Peeters, but her trainings' first page links to a next page elsewhere"),
    ("k", "Redirect to another origin: An Peeters, but her trainings redirect (307) to another origin"),
    ("l", "Huge body: An Peeters, but her trainings' first page is padded to 20 MB"),
];
const DEFAULT_LIMIT: usize = 20;
/// The largest page the contract lets a client ask for (`limit`).
const MAX_LIMIT: usize = 500;
/// The demo intranet page (`--host-addr`); `{APP}` is the app's origin.
const HOST_PAGE: &str = include_str!("../host.html");

/// Workers: as many connections are answered at once, whatever comes.
const WORKERS: usize = 16;
/// Connections accepted and waiting for a worker; beyond them, clients wait in the kernel's backlog.
const QUEUE: usize = 64;
/// Caps on a request head: its first line, and the header lines after it (with the empty line
/// that ends them), line ends included.
const LINE_MAX: usize = 8 * 1024;
const HEADERS_MAX: usize = 16 * 1024;
const HEADER_LINES_MAX: usize = 100;
/// A request head must arrive whole within `HEAD_TIME` of the connection's start, and the reply
/// be written within `WRITE_TIME` more: a connection holds a worker 15 s at most.
const HEAD_TIME: Duration = Duration::from_secs(5);
const WRITE_TIME: Duration = Duration::from_secs(10);
/// What a refused client may still send, read and thrown away before closing: closing with
/// unread input resets the connection, and the client might lose the refusal.
const LINGER_MAX: u64 = 64 * 1024;
/// Persona l's trainings page, padding included.
const HUGE_BODY: usize = 20_000_000;

/// The app's pages take scripts, wasm, styles, pictures and API answers from their own origin
/// only; `frame-ancestors` follows.
const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
                   img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; \
                   form-action 'self'";
const PERMISSIONS: &str =
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";
/// What is under a name with Trunk's content hash never changes.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";

struct Demo {
    dist: PathBuf,
    fixtures: PathBuf,
    /// The origin of the demo intranet page that embeds the widget (`--host-addr`), allowed as
    /// the widget's parent in the config.json served here and in the widget page's CSP.
    host: Option<String>,
}

/// What is read of a request: its head, as GET, HEAD and OPTIONS have no body.
struct Head {
    method: String,
    target: String,
    cookies: String,
    /// Accept-Encoding
    encodings: String,
}

/// An HTTP response before it is written.
struct Reply {
    status: u16,
    headers: Vec<(&'static str, String)>,
    /// borrowed for persona l's 20 MB, made once
    body: Cow<'static, [u8]>,
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        204 => "No Content",
        303 => "See Other",
        307 => "Temporary Redirect",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        414 => "URI Too Long",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "",
    }
}

impl Reply {
    fn new(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Reply {
        Reply { status, headers: vec![("Content-Type", content_type.into())], body: Cow::Owned(body.into()) }
    }

    fn with(mut self, name: &'static str, value: &str) -> Reply {
        self.headers.push((name, value.into()));
        self
    }

    /// What every reply says, harmless where it is not needed (API JSON): no guessing of types,
    /// no referrer, and none of the device's sensors or payments.
    fn secured(self) -> Reply {
        self.with("X-Content-Type-Options", "nosniff")
            .with("Referrer-Policy", "no-referrer")
            .with("Permissions-Policy", PERMISSIONS)
    }

    /// One request a connection (`Connection: close`): simple, and no client can keep a worker.
    fn write_to(&self, out: &mut impl Write, head_only: bool) -> io::Result<()> {
        write!(
            out,
            "HTTP/1.1 {} {}\r\nContent-Length: {}\r\nConnection: close\r\n",
            self.status,
            reason(self.status),
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

/// A stream whose reads (or writes) must all be done by one instant: each call is given the time
/// left, so a client that trickles bytes cannot stretch it.
struct Deadline<'a> {
    stream: &'a TcpStream,
    until: Instant,
}

impl Deadline<'_> {
    fn left(&self) -> io::Result<Option<Duration>> {
        match self.until.saturating_duration_since(Instant::now()) {
            // a zero timeout is refused by the socket calls
            Duration::ZERO => Err(io::ErrorKind::TimedOut.into()),
            left => Ok(Some(left)),
        }
    }
}

impl Read for Deadline<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.stream.set_read_timeout(self.left()?)?;
        let mut stream = self.stream;
        stream.read(buf)
    }
}

impl Write for Deadline<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.stream.set_write_timeout(self.left()?)?;
        let mut stream = self.stream;
        stream.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// One line of a request head, `max` bytes at most with its line end, else `None`; the input's
/// end before a line end is an error: the client went away.
fn capped_line(input: &mut impl BufRead, max: usize) -> io::Result<Option<String>> {
    let mut line = Vec::new();
    input.by_ref().take(max as u64).read_until(b'\n', &mut line)?;
    if line.ends_with(b"\n") {
        Ok(Some(String::from_utf8_lossy(&line).into_owned()))
    } else if line.len() < max {
        Err(io::ErrorKind::UnexpectedEof.into())
    } else {
        Ok(None)
    }
}

/// Reads a request head within the caps; `Ok(Err(status))` refuses one that breaks them, or
/// that is no HTTP request.
fn read_head(input: &mut impl BufRead) -> io::Result<Result<Head, u16>> {
    let Some(line) = capped_line(input, LINE_MAX)? else { return Ok(Err(414)) };
    let mut words = line.split_whitespace();
    let (Some(method), Some(target), Some(version), None) = (words.next(), words.next(), words.next(), words.next())
    else {
        return Ok(Err(400));
    };
    if !version.starts_with("HTTP/") {
        return Ok(Err(400));
    }
    let mut head =
        Head { method: method.into(), target: target.into(), cookies: String::new(), encodings: String::new() };
    let mut left = HEADERS_MAX;
    for _ in 0..=HEADER_LINES_MAX {
        let Some(header) = capped_line(input, left)? else { return Ok(Err(431)) };
        if header.trim().is_empty() {
            return Ok(Ok(head));
        }
        left -= header.len();
        if let Some((name, value)) = header.split_once(':') {
            let name = name.trim();
            if name.eq_ignore_ascii_case("cookie") {
                head.cookies = value.trim().into();
            } else if name.eq_ignore_ascii_case("accept-encoding") {
                head.encodings = value.trim().into();
            }
        }
    }
    Ok(Err(431))
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

/// Generic, so that no local path is ever shown.
fn not_found() -> Reply {
    Reply::new(404, "text/plain", "Not found")
}

/// How much Accept-Encoding wants `coding`, 0 refusing it: its own entry's `q`, else that of
/// `*`, else 0. A `q` that is no number refuses too: the plain file is always safe.
fn quality(encodings: &str, coding: &str) -> f32 {
    let entry = |name: &str| {
        encodings.split(',').find_map(|token| {
            let mut parts = token.split(';');
            if !parts.next()?.trim().eq_ignore_ascii_case(name) {
                return None;
            }
            let q = parts.filter_map(|p| p.split_once('=')).find(|(k, _)| k.trim().eq_ignore_ascii_case("q"));
            Some(q.map_or(1.0, |(_, v)| v.trim().parse().unwrap_or(0.0)))
        })
    };
    entry(coding).or_else(|| entry("*")).unwrap_or(0.0)
}

/// The compressed twin of `file` to send (`NAME.br` or `NAME.gz`, the one the client prefers,
/// brotli on a tie) with its coding, and whether `file` has a twin at all: then its answer
/// varies with Accept-Encoding.
fn twin(file: &Path, encodings: &str) -> (Option<(&'static str, PathBuf)>, bool) {
    let (mut best, mut best_q, mut any) = (None, 0.0, false);
    for (coding, ext) in [("br", "br"), ("gzip", "gz")] {
        let mut name = file.as_os_str().to_owned();
        name.push(format!(".{ext}"));
        let path = PathBuf::from(name);
        if !path.is_file() {
            continue;
        }
        any = true;
        let q = quality(encodings, coding);
        if q > best_q {
            (best, best_q) = (Some((coding, path)), q);
        }
    }
    (best, any)
}

/// Trunk's content hash in a file's name: `-` and the hash in hex before the extension
/// (`base-0123456789abcdef.css`) or wasm-bindgen's `_bg` (`app-0123456789abcdef_bg.wasm`). The
/// hash is a 64-bit number written without leading zeros: 12 to 16 digits (fewer in one name of
/// a million, which is then only revalidated).
fn is_hashed(name: &str) -> bool {
    name.split('-').skip(1).any(|part| {
        let digits = part.bytes().take_while(u8::is_ascii_hexdigit).count();
        (12..=16).contains(&digits) && matches!(part.as_bytes().get(digits), Some(b'.' | b'_'))
    })
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
            Some(Ok(n)) if (1..=MAX_LIMIT).contains(&n) => n,
            Some(_) => return problem(400, "Bad Request", &format!("limit must be a number from 1 to {MAX_LIMIT}")),
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

    /// The API's reply. The hostile personas (i to l) test the app's transport: their trainings
    /// list misbehaves, and everything else is persona a's.
    fn api_reply(&self, persona: &str, path: &str, query: &str) -> Reply {
        if !matches!(persona, "i" | "j" | "k" | "l") {
            return self.api(persona, path, query).into_reply();
        }
        if path != "v1/me/trainings" {
            return self.api("a", path, query).into_reply();
        }
        // the list's URL relative to itself, as `next` links are, and the folder it is in on
        // another origin
        let same = if query.is_empty() { "trainings".to_string() } else { format!("trainings?{query}") };
        let elsewhere = format!("{}/api/v1/me/", self.host.as_deref().unwrap_or("http://localhost:9"));
        let mut page = match persona {
            "k" => return Reply::new(307, "text/plain", "").with("Location", &format!("{elsewhere}{same}")),
            "l" => return Reply { body: Cow::Borrowed(self.huge_page()), ..Reply::new(200, "application/json", "") },
            _ => self.trainings("a", query),
        };
        let next = match (persona, page.body["next"].as_str()) {
            ("i", _) => Some(same),
            // whether or not a's page has a next one, so that every first page tries it
            ("j", _) if query_param(query, "cursor").is_none() => Some(format!("{elsewhere}{same}")),
            _ => None,
        };
        if let (Some(next), 200) = (next, page.status) {
            page.body["next"] = json!(next);
        }
        page.into_reply()
    }

    /// Persona l's trainings: persona a's first page padded to 20 MB, made once and shared by
    /// every request.
    fn huge_page(&self) -> &'static [u8] {
        static PAGE: OnceLock<Vec<u8>> = OnceLock::new();
        PAGE.get_or_init(|| {
            let mut page = self.trainings("a", "").body;
            let bare = page.to_string().len() + r#","padding":"""#.len();
            page["padding"] = json!("x".repeat(HUGE_BODY.saturating_sub(bare)));
            page.to_string().into_bytes()
        })
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

    fn static_file(&self, path: &str, encodings: &str) -> Reply {
        let rel = path.trim_start_matches('/');
        // nothing outside dist/, no hidden files, and no compressed twin under its own name (it
        // would go out as another type)
        let servable =
            !rel.split('/').any(|s| s == ".." || s.starts_with('.')) && !rel.ends_with(".br") && !rel.ends_with(".gz");
        let file = self.dist.join(rel);
        // a folder (`/`, `/widget/`) is its index.html
        let file = if file.is_dir() { file.join("index.html") } else { file };
        let looks_like_route = !rel.rsplit('/').next().unwrap_or_default().contains('.');
        let file = match (servable, file.is_file(), looks_like_route) {
            (true, true, _) => file,
            (true, false, true) => self.dist.join("index.html"),
            _ => return not_found(),
        };
        // the build writes twins beside the text files and the wasm, not beside config.json,
        // which is rewritten here
        let (chosen, has_twin) = if rel == "config.json" { (None, false) } else { twin(&file, encodings) };
        let sent = chosen.as_ref().map_or(&file, |(_, path)| path);
        let bytes = match fs::read(sent) {
            Ok(bytes) => bytes,
            Err(e) => {
                eprintln!("{}: {e} (build the app first: trunk build)", sent.display());
                return not_found();
            }
        };
        let name = file.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        // the widget's files are loaded by other sites' pages (embed.js): module scripts and
        // wasm from another origin need CORS
        let mut reply = Reply::new(200, content_type(&file), self.with_parent(rel, bytes))
            .with("Cache-Control", if is_hashed(name) { IMMUTABLE } else { "no-cache" })
            .with("Access-Control-Allow-Origin", "*");
        if let Some((coding, _)) = chosen {
            reply = reply.with("Content-Encoding", coding);
        }
        if has_twin {
            reply = reply.with("Vary", "Accept-Encoding");
        }
        reply
    }

    /// config.json with the demo intranet page allowed to embed the widget.
    fn with_parent(&self, rel: &str, bytes: Vec<u8>) -> Vec<u8> {
        let (Some(host), "config.json") = (&self.host, rel) else { return bytes };
        let Ok(mut config) = serde_json::from_slice::<Value>(&bytes) else { return bytes };
        config["embed"]["allowedParentOrigins"] = json!([host]);
        config.to_string().into_bytes()
    }

    /// The app's CSP; the widget's page may be framed by the demo intranet page, nothing else by
    /// anyone.
    fn csp(&self, widget_page: bool) -> String {
        let parent = match (&self.host, widget_page) {
            (Some(host), true) => host.as_str(),
            _ => "'none'",
        };
        format!("{CSP}; frame-ancestors {parent}")
    }

    /// The demo intranet page, on its own origin: the widget in an iframe and by a script. It is
    /// another site, with its inline script and style: not under the app's CSP.
    fn host_page(&self, app: &str) -> Reply {
        Reply::new(200, "text/html; charset=utf-8", HOST_PAGE.replace("{APP}", app)).with("Cache-Control", "no-cache")
    }

    fn route(&self, head: &Head) -> Reply {
        let (path, query) = head.target.split_once('?').unwrap_or((&head.target, ""));
        let persona = persona(&head.cookies);
        if let Some(api_path) = path.strip_prefix("/api/") {
            let reply = match head.method.as_str() {
                "OPTIONS" => Reply::new(204, "text/plain", ""),
                "GET" | "HEAD" => self.api_reply(persona, api_path, query),
                _ => problem(405, "Method Not Allowed", "this API is read-only").into_reply(),
            };
            return reply
                .with("Access-Control-Allow-Origin", "*")
                .with("Access-Control-Allow-Headers", "Authorization, Accept")
                .with("Cache-Control", "no-store");
        }
        let reply = if path == "/demo" {
            self.demo_page(persona)
        } else if let Some(p) = path.strip_prefix("/demo/persona/").filter(|p| PERSONAS.iter().any(|(id, _)| id == p)) {
            Reply::new(303, "text/plain", "")
                .with("Set-Cookie", &format!("demo_persona={p}; Path=/; SameSite=Lax"))
                .with("Location", "/")
        } else {
            self.static_file(path, &head.encodings)
        };
        // the paths that are the widget's index.html; any other spelling gets the stricter CSP
        let widget_page = matches!(path, "/widget" | "/widget/" | "/widget/index.html");
        reply.with("Content-Security-Policy", &self.csp(widget_page))
    }

    /// Answers the one request in `input` on `output`; `Ok(false)` when it was refused (over the
    /// caps, or no HTTP request). On the host page's listener (`app`: the app's origin), every
    /// path is the host page.
    fn exchange(&self, input: &mut impl BufRead, output: &mut impl Write, app: Option<&str>) -> io::Result<bool> {
        let head = read_head(input)?;
        let reply = match (&head, app) {
            (Ok(_), Some(app)) => self.host_page(app),
            (Ok(head), None) => self.route(head),
            (Err(status), _) => Reply::new(*status, "text/plain", reason(*status)),
        };
        reply.secured().write_to(output, head.as_ref().is_ok_and(|h| h.method == "HEAD"))?;
        Ok(head.is_ok())
    }

    /// One connection, within its deadlines.
    fn serve(&self, stream: TcpStream, app: Option<&str>) -> io::Result<()> {
        let start = Instant::now();
        let mut input = BufReader::new(Deadline { stream: &stream, until: start + HEAD_TIME });
        let mut output = BufWriter::new(Deadline { stream: &stream, until: start + HEAD_TIME + WRITE_TIME });
        if !self.exchange(&mut input, &mut output, app)? {
            stream.shutdown(Shutdown::Write)?;
            io::copy(&mut input.take(LINGER_MAX), &mut io::sink())?;
        }
        Ok(())
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
    let listener = TcpListener::bind(&addr).unwrap_or_else(|e| fail(&format!("cannot listen on {addr}: {e}")));
    println!("demo back end on http://{addr}/ (personas: http://{addr}/demo)");
    let jobs = pool(Arc::new(demo));
    if let Some(host_addr) = host_addr {
        let host =
            TcpListener::bind(&host_addr).unwrap_or_else(|e| fail(&format!("cannot listen on {host_addr}: {e}")));
        println!("demo intranet page with the widget on http://{host_addr}/");
        let (jobs, app) = (jobs.clone(), Arc::from(format!("http://{addr}")));
        if let Err(e) = thread::Builder::new().name("host page".into()).spawn(move || accept(host, jobs, Some(app))) {
            fail(&format!("cannot serve the demo intranet page: {e}"));
        }
    }
    accept(listener, jobs, None);
}

fn fail(message: &str) -> ! {
    eprintln!("{message}");
    std::process::exit(1);
}

/// A connection to answer, with the app's origin when it came to the host page's listener.
type Job = (TcpStream, Option<Arc<str>>);

/// Starts the workers, which take connections from a bounded queue: however many clients come,
/// the server keeps `WORKERS` threads and `WORKERS + QUEUE` accepted connections at most.
fn pool(demo: Arc<Demo>) -> SyncSender<Job> {
    let (jobs, queue) = sync_channel::<Job>(QUEUE);
    let queue = Arc::new(Mutex::new(queue));
    let mut started = 0;
    for i in 0..WORKERS {
        let (demo, queue) = (demo.clone(), queue.clone());
        let worker = thread::Builder::new().name(format!("worker {i}")).spawn(move || loop {
            let Ok(Ok((stream, app))) = queue.lock().map(|q| q.recv()) else { return };
            // a client that went away or ran out of time is not the server's problem
            let _ = demo.serve(stream, app.as_deref());
        });
        match worker {
            Ok(_) => started += 1,
            // fewer workers still serve
            Err(e) => eprintln!("cannot start worker {i}: {e}"),
        }
    }
    if started == 0 {
        fail("no worker could be started");
    }
    jobs
}

/// Hands the connections to the workers. While they are all busy and the queue is full, it
/// waits, and new clients wait in the kernel's backlog, instead of being refused with a 503:
/// every connection is done within its deadlines, so the wait is bounded, and a burst (the app's
/// start, a test run) is served late rather than failed.
fn accept(listener: TcpListener, jobs: SyncSender<Job>, app: Option<Arc<str>>) {
    for stream in listener.incoming() {
        match stream {
            // the workers never stop, so neither does the queue
            Ok(stream) => {
                let _ = jobs.send((stream, app.clone()));
            }
            // e.g. out of file descriptors, which does not pass at once: a pause, not a busy loop
            Err(e) => {
                eprintln!("cannot accept a connection: {e}");
                thread::sleep(Duration::from_millis(50));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn demo() -> Demo {
        let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        Demo { dist: here.join("../dist"), fixtures: here.join("fixtures"), host: Some("http://127.0.0.1:8081".into()) }
    }

    /// A demo over a dist/ folder of the test's own: `files` are paths and contents.
    fn demo_with(test: &str, files: &[(&str, &str)]) -> Demo {
        let dist = std::env::temp_dir().join(format!("demo-dist-{}-{test}", std::process::id()));
        for (path, text) in files {
            let path = dist.join(path);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, text).unwrap();
        }
        Demo { dist, ..demo() }
    }

    /// The whole response to a raw request, as text.
    fn http(d: &Demo, request: &str) -> String {
        let mut out = Vec::new();
        d.exchange(&mut request.as_bytes(), &mut out, None).unwrap();
        String::from_utf8(out).unwrap()
    }

    fn get(d: &Demo, target: &str, headers: &str) -> String {
        http(d, &format!("GET {target} HTTP/1.1\r\nHost: x\r\n{headers}\r\n"))
    }

    /// The value of a response's header, if it has it.
    fn header<'a>(response: &'a str, name: &str) -> Option<&'a str> {
        let head = response.split("\r\n\r\n").next().unwrap();
        head.lines().filter_map(|l| l.split_once(": ")).find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v)
    }

    fn body(response: &str) -> &str {
        response.split_once("\r\n\r\n").unwrap().1
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
    fn the_largest_page_the_contract_allows_is_served_whole() {
        let page = demo().api("f", "v1/me/trainings", "limit=500");
        assert_eq!((page.status, ids(&page).len()), (200, 500));
        assert_eq!((page.body["total"].as_u64(), page.body["next"].as_str()), (Some(5000), Some("trainings?limit=500&cursor=500")));
    }

    #[test]
    fn bad_requests_and_unknown_things_are_problems() {
        let d = demo();
        assert_eq!(d.api("a", "v1/me/entitlements", "").status, 400);
        assert_eq!(d.api("a", "v1/me/attendance", "year=twenty").status, 400);
        assert_eq!(d.api("a", "v1/me/trainings", "limit=0").status, 400);
        assert_eq!(d.api("a", "v1/me/trainings", "limit=501").status, 400);
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
        let text = get(&demo(), "/api/v1/me", "Cookie: demo_persona=b\r\n");
        assert!(text.starts_with("HTTP/1.1 200 OK\r\n") && text.contains("Access-Control-Allow-Origin: *"));
        assert_eq!(header(&text, "Cache-Control"), Some("no-store"));
        assert!(text.contains("\"givenName\":\"Sofie\""));
    }

    #[test]
    fn deep_links_get_the_app_and_missing_files_a_404_that_shows_no_path() {
        let d = demo_with("deep", &[("index.html", "<p>app</p>")]);
        for route in ["/", "/history", "/trainings/t-1"] {
            let page = get(&d, route, "");
            assert!(page.starts_with("HTTP/1.1 200 OK\r\n") && body(&page) == "<p>app</p>", "{route}: {page}");
        }
        assert!(!get(&d, "/x/../../etc/passwd", "").starts_with("HTTP/1.1 200"));
        let missing = get(&d, "/nope.js", "");
        assert!(missing.starts_with("HTTP/1.1 404 Not Found\r\n") && body(&missing) == "Not found");
        // without a build, the app's own page is missing too: still no local path
        fs::remove_file(d.dist.join("index.html")).unwrap();
        let unbuilt = get(&d, "/", "");
        assert!(unbuilt.starts_with("HTTP/1.1 404 Not Found\r\n") && body(&unbuilt) == "Not found", "{unbuilt}");
        fs::remove_dir_all(&d.dist).unwrap();
    }

    #[test]
    fn heads_over_the_caps_are_refused() {
        let status = |request: String| match read_head(&mut request.as_bytes()).unwrap() {
            Ok(head) => (200, head.target.len()),
            Err(status) => (status, 0),
        };
        // the request line's 8 KiB include its line end
        let target = |n: usize| format!("/{}", "a".repeat(n - "GET / HTTP/1.1\r\n".len()));
        assert_eq!(status(format!("GET {} HTTP/1.1\r\n\r\n", target(LINE_MAX))), (200, LINE_MAX - 15));
        assert_eq!(status(format!("GET {} HTTP/1.1\r\n\r\n", target(LINE_MAX + 1))).0, 414);
        let lines = |n: usize, each: usize| format!("X: {}\r\n", "h".repeat(each - 5)).repeat(n);
        assert_eq!(status(format!("GET / HTTP/1.1\r\n{}\r\n", lines(100, 10))).0, 200);
        assert_eq!(status(format!("GET / HTTP/1.1\r\n{}\r\n", lines(101, 10))).0, 431);
        assert_eq!(status(format!("GET / HTTP/1.1\r\n{}\r\n", lines(2, HEADERS_MAX / 2 - 1))).0, 200);
        assert_eq!(status(format!("GET / HTTP/1.1\r\n{}\r\n", lines(2, HEADERS_MAX / 2))).0, 431);
        assert_eq!(status("GET /\r\n\r\n".into()).0, 400);
        assert_eq!(status("\u{16}\u{3}\u{1} binary junk\r\n\r\n".into()).0, 400);
        // a client that goes away mid-head gets nothing
        assert!(read_head(&mut &b"GET / HTTP/1.1\r\nHost: x"[..]).is_err());
        let refused = http(&demo(), &format!("GET / HTTP/1.1\r\n{}\r\n", lines(101, 10)));
        assert!(refused.starts_with("HTTP/1.1 431 Request Header Fields Too Large\r\n"), "{refused}");
        assert_eq!(header(&refused, "Connection"), Some("close"));
        assert!(!demo().exchange(&mut "GET /\r\n\r\n".as_bytes(), &mut Vec::new(), None).unwrap());
    }

    #[test]
    fn accept_encoding_is_read_with_its_weights() {
        assert_eq!(quality("gzip, deflate, br, zstd", "br"), 1.0);
        assert_eq!(quality("gzip;q=0.8, BR ; Q=0.5", "br"), 0.5);
        assert_eq!(quality("br;q=0, *", "br"), 0.0);
        assert_eq!(quality("br;q=0, *", "gzip"), 1.0);
        assert_eq!(quality("*;q=0", "gzip"), 0.0);
        assert_eq!(quality("identity", "gzip"), 0.0);
        assert_eq!(quality("gzip;q=high", "gzip"), 0.0);
        assert_eq!(quality("", "br"), 0.0);
    }

    #[test]
    fn precompressed_twins_are_sent_to_clients_that_take_them() {
        let d = demo_with(
            "twins",
            &[
                ("index.html", "plain"),
                ("index.html.br", "brotli"),
                ("index.html.gz", "gzip"),
                ("app-0123456789abcdef.js", "js"),
                ("app-0123456789abcdef.js.gz", "js gzip"),
                ("config.json", "{}"),
                ("config.json.br", "stale"),
                ("favicon.svg", "<svg/>"),
            ],
        );
        let sent = |target: &str, encodings: &str| {
            let r = get(&d, target, &format!("Accept-Encoding: {encodings}\r\n"));
            (body(&r).to_string(), header(&r, "Content-Encoding").map(str::to_string), header(&r, "Vary").is_some())
        };
        let sent_as = |body: &str, coding: Option<&str>, vary| (body.to_string(), coding.map(str::to_string), vary);
        assert_eq!(sent("/", "gzip, deflate, br"), sent_as("brotli", Some("br"), true));
        assert_eq!(sent("/history", "br"), sent_as("brotli", Some("br"), true));
        assert_eq!(sent("/", "gzip"), sent_as("gzip", Some("gzip"), true));
        assert_eq!(sent("/", "br;q=0, gzip"), sent_as("gzip", Some("gzip"), true));
        assert_eq!(sent("/", "br;q=0.5, gzip;q=0.8"), sent_as("gzip", Some("gzip"), true));
        assert_eq!(sent("/", "identity"), sent_as("plain", None, true));
        assert_eq!(sent("/app-0123456789abcdef.js", "br, gzip"), sent_as("js gzip", Some("gzip"), true));
        assert_eq!(sent("/favicon.svg", "br, gzip"), sent_as("<svg/>", None, false));
        let (config, coding, vary) = sent("/config.json", "br");
        assert!(config.contains("allowedParentOrigins") && coding.is_none() && !vary, "{config}");
        let js = get(&d, "/app-0123456789abcdef.js", "Accept-Encoding: gzip\r\n");
        assert_eq!(header(&js, "Content-Type"), Some("text/javascript"));
        assert_eq!(header(&js, "Content-Length"), Some("7"));
        for twin in ["/index.html.br", "/app-0123456789abcdef.js.gz"] {
            assert!(get(&d, twin, "").starts_with("HTTP/1.1 404"), "{twin}");
        }
        fs::remove_dir_all(&d.dist).unwrap();
    }

    #[test]
    fn hashed_files_are_cached_for_good_and_the_rest_revalidated() {
        assert!(is_hashed("training-account-0123456789abcdef_bg.wasm"));
        assert!(is_hashed("base-0123456789abcdef.css") && is_hashed("widget-0123456789abcdef.js"));
        assert!(!is_hashed("index.html") && !is_hashed("embed.js") && !is_hashed("config.json"));
        assert!(is_hashed("base-784833d4d275d1a.css"), "a hash with a leading zero, written without it");
        assert!(!is_hashed("base-0123456789a.css") && !is_hashed("base-0123456789abcdefa.css"));
        assert!(!is_hashed("base-0123456789abcdeg.css") && !is_hashed("0123456789abcdef.css"));
        let d = demo_with(
            "cache",
            &[
                ("index.html", "app"),
                ("base-0123456789abcdef.css", "css"),
                ("config.json", "{}"),
                ("widget/index.html", "widget"),
                ("widget/embed.js", "embed"),
                ("widget/widget-0123456789abcdef_bg.wasm", "wasm"),
            ],
        );
        let cache = |target: &str| header(&get(&d, target, ""), "Cache-Control").map(str::to_string);
        for target in ["/base-0123456789abcdef.css", "/widget/widget-0123456789abcdef_bg.wasm"] {
            assert_eq!(cache(target).as_deref(), Some(IMMUTABLE), "{target}");
        }
        for target in ["/", "/index.html", "/history", "/config.json", "/widget/", "/widget/embed.js"] {
            assert_eq!(cache(target).as_deref(), Some("no-cache"), "{target}");
        }
        fs::remove_dir_all(&d.dist).unwrap();
    }

    #[test]
    fn pages_are_sent_with_security_headers_and_the_widget_may_be_framed_by_its_host_only() {
        let d = demo_with("csp", &[("index.html", "app"), ("widget/index.html", "widget"), ("widget/embed.js", "e")]);
        let csp = |d: &Demo, target: &str| header(&get(d, target, ""), "Content-Security-Policy").map(str::to_string);
        let app = csp(&d, "/").unwrap();
        assert!(app.starts_with("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self';"));
        assert!(app.ends_with("; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"), "{app}");
        for target in ["/demo", "/history", "/widget/embed.js", "/widget/elsewhere", "/nope.js"] {
            assert_eq!(csp(&d, target).as_ref(), Some(&app), "{target}");
        }
        for target in ["/widget", "/widget/", "/widget/index.html"] {
            let widget = csp(&d, target).unwrap();
            assert_eq!(widget, app.replace("frame-ancestors 'none'", "frame-ancestors http://127.0.0.1:8081"));
        }
        let alone = Demo { host: None, ..demo_with("csp", &[]) };
        assert_eq!(csp(&alone, "/widget/"), Some(app));
        for reply in [get(&d, "/", ""), get(&d, "/api/v1/me", "")] {
            assert_eq!(header(&reply, "X-Content-Type-Options"), Some("nosniff"));
            assert_eq!(header(&reply, "Referrer-Policy"), Some("no-referrer"));
            assert_eq!(header(&reply, "Permissions-Policy"), Some(PERMISSIONS));
        }
        assert_eq!(header(&get(&d, "/widget/embed.js", ""), "Access-Control-Allow-Origin"), Some("*"));
        // the demo intranet page is another site, with its inline script and style
        let mut out = Vec::new();
        d.exchange(&mut &b"GET / HTTP/1.1\r\n\r\n"[..], &mut out, Some("http://127.0.0.1:8080")).unwrap();
        let host = String::from_utf8(out).unwrap();
        assert!(host.contains("<script>") && header(&host, "Content-Security-Policy").is_none());
        assert_eq!(header(&host, "X-Content-Type-Options"), Some("nosniff"));
        fs::remove_dir_all(&d.dist).unwrap();
    }

    /// The trainings list of a hostile persona, and the answer persona a gives.
    fn hostile(d: &Demo, persona: &str, query: &str) -> (String, Answer) {
        let reply = get(d, &format!("/api/v1/me/trainings?{query}"), &format!("Cookie: demo_persona={persona}\r\n"));
        (reply, d.api("a", "v1/me/trainings", query))
    }

    #[test]
    fn hostile_personas_are_persona_a_but_for_their_trainings_list() {
        let d = demo();
        for p in ["i", "j", "k", "l"] {
            let me = get(&d, "/api/v1/me", &format!("Cookie: demo_persona={p}\r\n"));
            assert_eq!(body(&me), d.api("a", "v1/me", "").body.to_string(), "{p}");
            let one = get(&d, "/api/v1/me/trainings/t-2024-0004", &format!("Cookie: demo_persona={p}\r\n"));
            assert!(one.starts_with("HTTP/1.1 200 OK\r\n"), "{p}: {one}");
        }
    }

    #[test]
    fn persona_i_pages_in_a_loop() {
        let d = demo();
        for query in ["limit=20", "limit=20&cursor=20", "limit=20&cursor=60"] {
            let (reply, a) = hostile(&d, "i", query);
            let page: Value = serde_json::from_str(body(&reply)).unwrap();
            assert_eq!(page["next"], format!("trainings?{query}"));
            assert_eq!(page["items"], a.body["items"]);
        }
        let bare = get(&d, "/api/v1/me/trainings", "Cookie: demo_persona=i\r\n");
        assert_eq!(serde_json::from_str::<Value>(body(&bare)).unwrap()["next"], "trainings");
        let (refused, _) = hostile(&d, "i", "limit=0");
        assert!(refused.starts_with("HTTP/1.1 400") && !refused.contains("\"next\""));
    }

    #[test]
    fn persona_j_links_its_first_page_to_another_origin() {
        let d = demo();
        let (reply, a) = hostile(&d, "j", "limit=20&year=2025");
        let page: Value = serde_json::from_str(body(&reply)).unwrap();
        let expected = "http://127.0.0.1:8081/api/v1/me/trainings?limit=20&year=2025";
        assert_eq!((page["next"].as_str(), &page["items"]), (Some(expected), &a.body["items"]));
        let (later, a) = hostile(&d, "j", "cursor=20");
        assert_eq!(body(&later), a.body.to_string());
        let alone = Demo { host: None, ..demo() };
        let page: Value = serde_json::from_str(body(&hostile(&alone, "j", "").0)).unwrap();
        assert_eq!(page["next"], "http://localhost:9/api/v1/me/trainings");
    }

    #[test]
    fn persona_k_redirects_to_another_origin() {
        let (reply, _) = hostile(&demo(), "k", "limit=20&cursor=20");
        assert!(reply.starts_with("HTTP/1.1 307 Temporary Redirect\r\n"), "{reply}");
        assert_eq!(header(&reply, "Location"), Some("http://127.0.0.1:8081/api/v1/me/trainings?limit=20&cursor=20"));
        assert_eq!(header(&reply, "Access-Control-Allow-Origin"), Some("*"));
        let alone = get(&Demo { host: None, ..demo() }, "/api/v1/me/trainings", "Cookie: demo_persona=k\r\n");
        assert_eq!(header(&alone, "Location"), Some("http://localhost:9/api/v1/me/trainings"));
    }

    #[test]
    fn persona_l_sends_a_huge_but_valid_page() {
        let (reply, a) = hostile(&demo(), "l", "");
        assert_eq!(header(&reply, "Content-Length"), Some("20000000"));
        let page: Value = serde_json::from_str(body(&reply)).unwrap();
        assert_eq!(
            (&page["items"], &page["total"], &page["next"]),
            (&a.body["items"], &a.body["total"], &a.body["next"])
        );
        assert!(page["padding"].as_str().unwrap().len() > 19_000_000);
        // made once: every request shares the same bytes
        assert_eq!(demo().huge_page().as_ptr(), demo().huge_page().as_ptr());
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
        let page = String::from_utf8(d.host_page("http://127.0.0.1:8080").body.into_owned()).unwrap();
        assert!(page.contains("src=\"http://127.0.0.1:8080/widget/embed.js\"") && !page.contains("{APP}"));
    }
}
