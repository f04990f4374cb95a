//! Demo back end: implements api-v1.md from fixture files and serves the built app, so the
//! whole thing runs on one port, and a demo intranet page that embeds the widget on a second.
//! axum on hyper and tokio, with tower's limits. Personas are chosen with a cookie set on
//! `/demo`; the app itself knows nothing of personas, so a real deployment cannot be switched
//! this way.

mod api;
mod auth;
mod faults;
mod headers;
mod host;
mod personas;
mod serve;
mod statics;
#[cfg(test)]
mod tests;

use std::io::IsTerminal;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use axum::error_handling::HandleErrorLayer;
use axum::http::StatusCode;
use axum::middleware;
use axum::response::IntoResponse;
use axum::{BoxError, Router};
use clap::Parser;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tower::ServiceBuilder;
use tower_http::csrf::CsrfLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tracing::Level;

use auth::keys::Provider;
use auth::{bff, Auth};

/// Threads that answer requests, and the most that read files beside them: however many
/// clients come, the server's threads stay bounded (tests/load.rs).
pub const WORKERS: usize = 2;
pub const FILE_READERS: usize = 8;
/// Requests answered at once; beyond them a request is shed with a 503 at once, not queued.
const IN_FLIGHT: usize = 512;
/// A reply must be ready within this (persona l's 20 MB included).
const REPLY_TIME: Duration = Duration::from_secs(10);
/// The API takes no request bodies; a page or a file neither.
const BODY_MAX: usize = 16 * 1024;

#[derive(Parser)]
#[command(about = "Serves the built app and the training account API v1 from fixtures, with demo personas")]
struct Args {
    /// Where the app and the API answer.
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// Where the demo intranet page with the widget answers (another origin); none without it.
    #[arg(long)]
    host_addr: Option<SocketAddr>,
    /// The built app (Trunk's dist/).
    #[arg(long, default_value = concat!(env!("CARGO_MANIFEST_DIR"), "/../dist"))]
    dist: PathBuf,
    /// The personas' fixture files.
    #[arg(long, default_value = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures"))]
    fixtures: PathBuf,
    /// An OpenID provider (its issuer, exactly): with `--audience`, the app signs in there and the
    /// API takes its bearer tokens; with `--session`, this server signs the person in. The
    /// persona served is the signed-in subject's (`sub` a is persona a).
    #[arg(long, requires = "sign_in")]
    issuer: Option<String>,
    /// The API's audience: every bearer token must be the issuer's JWT for it.
    #[arg(long, group = "sign_in", requires = "issuer")]
    audience: Option<String>,
    /// Sign people in here and keep their tokens in a server-side session (the client secret
    /// is read from OIDC_CLIENT_SECRET).
    #[arg(long, group = "sign_in", requires = "issuer")]
    session: bool,
    /// The client id registered with the provider [default: training-account, or
    /// training-account-bff with --session].
    #[arg(long)]
    client_id: Option<String>,
    /// Scopes the app asks for besides openid (with --audience).
    #[arg(long, default_values = ["profile", "api"])]
    scope: Vec<String>,
    /// Where browsers reach this server, for the provider's redirects [default: http://ADDR].
    #[arg(long)]
    public_url: Option<String>,
    /// Serve the app as a site without a service: its config.json says `"source": "device"`
    /// and names no API, so the person opens a copy they kept (the API still answers, unused).
    #[arg(long, conflicts_with = "issuer")]
    on_device: bool,
    /// For tests only: a request with a `Demo-Fault` header gets the fault it names
    /// (demo/src/faults.rs).
    #[arg(long)]
    faults: bool,
}

/// What every handler reads.
pub struct Demo {
    pub dist: PathBuf,
    pub fixtures: PathBuf,
    /// The origin of the demo intranet page that embeds the widget (`--host-addr`), allowed as
    /// the widget's parent in the config.json served here and in the widget page's CSP.
    pub host: Option<String>,
    pub auth: Auth,
    /// The app's config.json names no service (`--on-device`).
    pub on_device: bool,
    /// Requests may ask for faults (`--faults`).
    pub faults: bool,
}

/// The app's port: the API, the persona pages and the built app.
pub fn app(demo: Arc<Demo>) -> Router {
    let pages = Router::new().merge(personas::router()).merge(statics::router(&demo));
    let mut site = Router::new().nest("/api", api::router(&demo));
    // the session's sign-in routes; else `/auth/callback` is the app's own (its sign-in)
    if let Auth::Session(_) = demo.auth {
        site = site.merge(bff::router());
    }
    site = site.merge(pages).layer(middleware::from_fn_with_state(demo.clone(), headers::page_policy));
    if let Auth::Session(_) = demo.auth {
        site = site.layer(bff::sessions());
    }
    // a request that changes something (the session's sign-out) must come from this site
    let faults = demo.faults.then(|| faults::Faults::new(api::cors(&demo)));
    let site = limited(site.layer(CsrfLayer::new()).with_state(demo));
    // outside the limits: a hanging answer hangs longer than the server's own time limit
    match faults {
        Some(faults) => site.layer(middleware::from_fn_with_state(faults, faults::inject)),
        None => site,
    }
}

/// What both ports share: one log line per request (its method, path, status and time; never a
/// query, a cookie or a token), the headers every answer carries, and the limits.
fn limited(router: Router) -> Router {
    router.layer(
        ServiceBuilder::new()
            .layer(
                TraceLayer::new_for_http()
                    .make_span_with(|req: &axum::extract::Request| {
                        tracing::info_span!("request", method = %req.method(), path = %req.uri().path())
                    })
                    .on_response(DefaultOnResponse::new().level(Level::INFO))
                    // a failure is a status like any other: its line is the response's
                    .on_failure(()),
            )
            .layer(headers::secured())
            .layer(HandleErrorLayer::new(overloaded))
            .load_shed()
            .concurrency_limit(IN_FLIGHT)
            .layer(TimeoutLayer::with_status_code(StatusCode::SERVICE_UNAVAILABLE, REPLY_TIME))
            .layer(RequestBodyLimitLayer::new(BODY_MAX)),
    )
}

async fn overloaded(_: BoxError) -> impl IntoResponse {
    (StatusCode::SERVICE_UNAVAILABLE, "Too busy: try again in a moment")
}

fn main() -> ExitCode {
    let args = Args::parse();
    // colours for a person at a terminal, plain lines for a log file
    tracing_subscriber::fmt().with_target(false).with_ansi(std::io::stdout().is_terminal()).init();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(WORKERS)
        .max_blocking_threads(FILE_READERS)
        .enable_all()
        .build();
    match runtime.map_err(|e| e.to_string()).and_then(|rt| rt.block_on(run(args))) {
        Ok(()) => ExitCode::SUCCESS,
        Err(why) => {
            eprintln!("{why}");
            ExitCode::FAILURE
        }
    }
}

/// The sign-in the server was started with.
fn sign_in(args: &Args) -> Result<Auth, String> {
    let Some(issuer) = args.issuer.clone() else { return Ok(Auth::Open) };
    let provider = Arc::new(Provider::new(issuer));
    if args.session {
        let secret = std::env::var("OIDC_CLIENT_SECRET").map_err(|_| "--session needs OIDC_CLIENT_SECRET")?;
        let public = args.public_url.clone().unwrap_or_else(|| format!("http://{}", args.addr));
        let client_id = args.client_id.clone().unwrap_or_else(|| "training-account-bff".into());
        return Ok(Auth::Session(Arc::new(bff::Bff { provider, client_id, secret, public })));
    }
    Ok(Auth::Bearer {
        provider,
        audience: args.audience.clone().unwrap_or_default(),
        client_id: args.client_id.clone().unwrap_or_else(|| "training-account".into()),
        scopes: args.scope.clone(),
    })
}

async fn run(args: Args) -> Result<(), String> {
    let bind = |addr: SocketAddr| async move {
        TcpListener::bind(addr).await.map_err(|e| format!("cannot listen on {addr}: {e}"))
    };
    let listener = bind(args.addr).await?;
    let host = match args.host_addr {
        Some(addr) => Some((addr, bind(addr).await?)),
        None => None,
    };
    let addr = args.addr;
    let auth = sign_in(&args)?;
    let demo = Arc::new(Demo {
        dist: args.dist,
        fixtures: args.fixtures,
        host: args.host_addr.map(|a| format!("http://{a}")),
        auth,
        on_device: args.on_device,
        faults: args.faults,
    });
    println!("demo back end on http://{addr}/ (personas: http://{addr}/demo)");
    let (stop, stopped) = watch::channel(());
    tokio::spawn(async move {
        serve::shutdown_signal().await;
        tracing::info!("shutting down");
        drop(stop);
    });
    let until = |mut rx: watch::Receiver<()>| async move {
        let _ = rx.changed().await;
    };
    let app_port = serve::serve(listener, app(demo), until(stopped.clone()));
    match host {
        Some((host_addr, host)) => {
            println!("demo intranet page with the widget on http://{host_addr}/");
            let page = limited(host::router(&format!("http://{addr}")));
            tokio::join!(app_port, serve::serve(host, page, until(stopped)));
        }
        None => app_port.await,
    }
    Ok(())
}
