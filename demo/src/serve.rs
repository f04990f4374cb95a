//! A router served over HTTP/1.1 by hyper, with the limits hyper keeps for us: a request head
//! must arrive within `HEAD_TIME` and fit in `HEAD_MAX` bytes (else 431), so no client, slow or
//! many, holds a connection open. On SIGTERM or Ctrl-C it stops taking connections and lets
//! those in flight finish (`DRAIN_TIME` at most).

use std::future::Future;
use std::pin::pin;
use std::time::Duration;

use axum::Router;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;

pub const HEAD_TIME: Duration = Duration::from_secs(5);
/// hyper's read buffer, which holds the request line and headers (its minimum is 8 KiB).
pub const HEAD_MAX: usize = 24 * 1024;
const DRAIN_TIME: Duration = Duration::from_secs(10);

pub async fn serve(listener: TcpListener, app: Router, shutdown: impl Future<Output = ()>) {
    let graceful = GracefulShutdown::new();
    let mut shutdown = pin!(shutdown);
    loop {
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                // e.g. out of file descriptors, which does not pass at once: a pause, not a busy loop
                Err(e) => {
                    tracing::warn!("cannot accept a connection: {e}");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let mut builder = http1::Builder::new();
        builder.timer(TokioTimer::new()).header_read_timeout(HEAD_TIME).max_buf_size(HEAD_MAX);
        let connection = builder.serve_connection(TokioIo::new(stream), TowerToHyperService::new(app.clone()));
        let connection = graceful.watch(connection);
        // a client that went away or ran out of time is not the server's problem
        tokio::spawn(async move { drop(connection.await) });
    }
    tokio::select! {
        () = graceful.shutdown() => {}
        () = tokio::time::sleep(DRAIN_TIME) => tracing::warn!("connections still open after {DRAIN_TIME:?}: closed"),
    }
}

/// SIGTERM (a service manager, a container) or Ctrl-C.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut term) => drop(term.recv().await),
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = terminate => {}
    }
}
