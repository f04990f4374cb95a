//! The demo back end under load, over loopback: slow clients do not hold up a burst of others,
//! its threads and memory stay bounded, and a head over the cap is refused.

use std::fs;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

/// The server's threads at most: main, its runtime's workers and file readers (main.rs `WORKERS`,
/// `FILE_READERS`).
const THREADS_MAX: u64 = 1 + 2 + 8;
/// The server's head deadline and size (serve.rs `HEAD_TIME`, `HEAD_MAX`).
const HEAD_TIME: Duration = Duration::from_secs(5);
const HEAD_MAX: usize = 24 * 1024;

/// The built server on a free port, over a dist/ of one tiny page; stopped when dropped.
struct Server {
    child: Child,
    addr: String,
    dist: PathBuf,
}

impl Server {
    fn start(test: &str) -> Server {
        let dist = std::env::temp_dir().join(format!("demo-load-{}-{test}", std::process::id()));
        fs::create_dir_all(&dist).unwrap();
        fs::write(dist.join("index.html"), "<!doctype html><title>app</title>").unwrap();
        // a free port can be handed to the other test too before either server has it: a server
        // that cannot listen exits at once, and then it is started again on another
        for _ in 0..5 {
            let addr = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().to_string();
            let mut child = Command::new(env!("CARGO_BIN_EXE_demo-backend"))
                .args(["--addr", &addr, "--fixtures", concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures"), "--dist"])
                .arg(&dist)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap();
            let until = Instant::now() + Duration::from_secs(10);
            while TcpStream::connect(&addr).is_err() && child.try_wait().unwrap().is_none() {
                assert!(Instant::now() < until, "the server did not start on {addr}");
                thread::sleep(Duration::from_millis(20));
            }
            thread::sleep(Duration::from_millis(200));
            if child.try_wait().unwrap().is_none() {
                return Server { child, addr, dist };
            }
        }
        panic!("the server found no free port")
    }

    /// Sends `request` and reads the whole answer, until the server closes the connection.
    fn ask(&self, request: &[u8]) -> String {
        let mut stream = TcpStream::connect(&self.addr).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        stream.write_all(request).unwrap();
        let mut answer = Vec::new();
        stream.read_to_end(&mut answer).unwrap();
        String::from_utf8_lossy(&answer).into_owned()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = fs::remove_dir_all(&self.dist);
    }
}

/// A number from a `/proc/<pid>/status` line such as `Threads:  18` or `VmRSS:  5120 kB`.
fn status_field(status: &str, name: &str) -> Option<u64> {
    status.lines().find_map(|l| l.strip_prefix(name)?.split_whitespace().next()?.parse().ok())
}

#[test]
fn slow_clients_do_not_hold_up_a_burst_and_threads_and_memory_stay_bounded() {
    let server = Server::start("burst");
    let pid = server.child.id();
    // the most threads and resident memory (kB) seen while the test runs
    let done = Arc::new(AtomicBool::new(false));
    let sampler = {
        let done = done.clone();
        thread::spawn(move || {
            let mut most = (0, 0);
            while !done.load(Ordering::Relaxed) {
                let status = fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
                most.0 = most.0.max(status_field(&status, "Threads:").unwrap());
                most.1 = most.1.max(status_field(&status, "VmRSS:").unwrap());
                thread::sleep(Duration::from_millis(10));
            }
            most
        })
    };
    // half a request line each; half of them then add a byte every half second, so that each
    // read is quick but the head never ends
    let slow: Vec<(TcpStream, Instant)> = (0..10)
        .map(|i| {
            let mut stream = TcpStream::connect(&server.addr).unwrap();
            stream.write_all(b"GET /api/v1/me").unwrap();
            if i % 2 == 0 {
                let mut trickle = stream.try_clone().unwrap();
                thread::spawn(move || {
                    while trickle.write_all(b"e").is_ok() {
                        thread::sleep(Duration::from_millis(500));
                    }
                });
            }
            (stream, Instant::now())
        })
        .collect();
    let start = Instant::now();
    let burst: Vec<_> = (0..200)
        .map(|_| {
            let addr = server.addr.clone();
            thread::spawn(move || {
                let mut stream = TcpStream::connect(&addr).unwrap();
                stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
                stream.write_all(b"GET /api/v1/me HTTP/1.1\r\nHost: demo\r\nConnection: close\r\n\r\n").unwrap();
                let mut answer = String::new();
                stream.read_to_string(&mut answer).unwrap();
                answer
            })
        })
        .collect();
    for client in burst {
        let answer = client.join().unwrap();
        assert!(answer.starts_with("HTTP/1.1 200 OK\r\n") && answer.contains("\"givenName\""), "{answer}");
    }
    // all answered while the slow clients still held their connections
    assert!(start.elapsed() < HEAD_TIME - Duration::from_secs(1), "the burst took {:?}", start.elapsed());
    for (mut stream, connected) in slow {
        stream.set_read_timeout(Some(HEAD_TIME * 2)).unwrap();
        let mut rest = Vec::new();
        let closed = stream.read_to_end(&mut rest);
        let held = connected.elapsed();
        // closed without an answer; a trickling client's next byte may meet a reset
        let reset = |e: &std::io::Error| e.kind() == std::io::ErrorKind::ConnectionReset;
        assert!(closed.as_ref().map_or_else(reset, |_| rest.is_empty()), "{closed:?} {rest:?}");
        assert!(
            held >= HEAD_TIME - Duration::from_millis(500) && held < HEAD_TIME + Duration::from_secs(3),
            "{held:?}"
        );
    }
    done.store(true, Ordering::Relaxed);
    let (threads, rss_kb) = sampler.join().unwrap();
    assert!(threads <= THREADS_MAX, "{threads} threads");
    assert!(rss_kb < 200 * 1024, "{rss_kb} kB resident");
}

#[test]
fn a_head_over_the_cap_is_refused_and_the_refusal_arrives() {
    let server = Server::start("caps");
    let big_headers =
        format!("GET / HTTP/1.1\r\n{}\r\n", format!("X-Pad: {}\r\n", "p".repeat(1000)).repeat(HEAD_MAX / 1000 + 2));
    let refused = server.ask(big_headers.as_bytes());
    assert!(refused.starts_with("HTTP/1.1 431 Request Header Fields Too Large\r\n"), "{refused}");
    assert!(server.ask(b"\x16\x03\x01 no http\r\n\r\n").starts_with("HTTP/1.1 400 Bad Request\r\n"));
    let fine = server.ask(b"GET / HTTP/1.1\r\nHost: demo\r\nConnection: close\r\n\r\n");
    assert!(fine.starts_with("HTTP/1.1 200 OK\r\n") && fine.ends_with("<title>app</title>"), "{fine}");
}
