//! The demo's personas: who they are, which one a request is for (the `demo_persona` cookie set
//! on `/demo`), their fixture files, and persona f's history made up on the fly.

use std::sync::Arc;

use axum::extract::{FromRequestParts, Path};
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use axum_extra::extract::CookieJar;
use chrono::{Days, NaiveDate};
use serde_json::{json, Value};

use crate::api::Problem;
use crate::auth::Subject;
use crate::Demo;

pub const PERSONAS: [(&str, &str); 12] = [
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

const COOKIE: &str = "demo_persona";

/// The persona a request is for: the signed-in subject's (`sub` `a` is persona a), else its
/// cookie's, when that is one of them, else a.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Persona(pub &'static str);

impl Persona {
    fn named(id: &str) -> Option<Persona> {
        PERSONAS.iter().find(|(p, _)| *p == id).map(|(p, _)| Persona(p))
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Persona {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Persona, Self::Rejection> {
        if let Some(Subject(sub)) = parts.extensions.get::<Subject>() {
            return Persona::named(sub).ok_or_else(|| Problem::new(403, "Forbidden", "no training account for this person"));
        }
        let jar = CookieJar::from_headers(&parts.headers);
        Ok(jar.get(COOKIE).and_then(|c| Persona::named(c.value())).unwrap_or(Persona("a")))
    }
}

pub fn router() -> Router<Arc<Demo>> {
    Router::new().route("/demo", get(page)).route("/demo/persona/{id}", get(choose))
}

/// The personas to choose from, the current one marked.
async fn page(current: Persona) -> Html<String> {
    let items: String = PERSONAS
        .iter()
        .map(|(id, about)| {
            let mark = if *id == current.0 { " (current)" } else { "" };
            format!("<li><a href=\"/demo/persona/{id}\">Persona {id}</a>: {about}{mark}</li>")
        })
        .collect();
    Html(format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Demo personas</title>\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><link rel=\"icon\" href=\"data:,\"></head>\
         <body><main><h1>Demo back end: choose a persona</h1><ul>{items}</ul>\
         <p><a href=\"/\">Open the app</a></p></main></body></html>"
    ))
}

/// Remembers the persona in its cookie and opens the app.
async fn choose(Path(id): Path<String>) -> Response {
    match Persona::named(&id) {
        Some(Persona(p)) => (
            StatusCode::SEE_OTHER,
            [(header::SET_COOKIE, format!("{COOKIE}={p}; Path=/; SameSite=Lax")), (header::LOCATION, "/".into())],
        )
            .into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

impl Demo {
    /// A fixture file, or `None`; a fixture may stand for a failure: `{"$demoStatus": 503}`.
    /// Read on the runtime's file readers, never on the threads that answer requests.
    pub async fn fixture(&self, persona: Persona, name: &str) -> Option<Result<Value, Problem>> {
        let text = tokio::fs::read_to_string(self.fixtures.join(persona.0).join(name)).await.ok()?;
        let value: Value = match serde_json::from_str(&text) {
            Ok(v) => v,
            Err(e) => return Some(Err(Problem::new(500, "Broken fixture", &format!("{name}: {e}")))),
        };
        match value.get("$demoStatus").and_then(Value::as_u64) {
            Some(s) => {
                Some(Err(Problem::new(s as u16, "Demo failure", &format!("{name} fails on purpose in this persona"))))
            }
            None => Some(Ok(value)),
        }
    }

    /// Every training of the persona, as its fixture lists them or made up (`$demoGenerate`).
    pub async fn all_trainings(&self, persona: Persona) -> Result<Vec<Value>, Problem> {
        match self.fixture(persona, "trainings.json").await {
            Some(Ok(Value::Array(items))) => Ok(items),
            Some(Ok(v)) if v.get("$demoGenerate").is_some() => {
                Ok(generated(v["$demoGenerate"].as_u64().unwrap_or(0) as usize))
            }
            Some(Ok(_)) => Err(Problem::new(500, "Broken fixture", "trainings.json must be an array")),
            Some(Err(p)) => Err(p),
            None => Ok(Vec::new()),
        }
    }
}

/// A long history made up on the fly (persona f): `n` trainings over the 15 years up to 2026,
/// the same for every request, so the fixture stays a few bytes instead of megabytes.
pub fn generated(n: usize) -> Vec<Value> {
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
    let last = NaiveDate::from_ymd_opt(2026, 12, 31).unwrap_or_default();
    (0..n)
        .map(|i| {
            let back = (i as u64 * 15 * 365) / n.max(1) as u64;
            let day = last.checked_sub_days(Days::new(back)).unwrap_or(last).to_string();
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
