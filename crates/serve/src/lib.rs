//! Vigil's HTTP API and dashboard (`vigil serve`).
//!
//! - **Reads** (`GET /api/…`, open to anyone who can reach the address): events with
//!   filters and pagination, one event with its article and highlighted spans, alerts
//!   with their evidence, claims and conflicts, series, map and network aggregates,
//!   actors, and full-text search. The OpenAPI document at `/api/openapi.json` lists them.
//! - **Writes** (`POST /api/articles`): new articles are coded and stored live; only with
//!   the token given at start-up (`Authorization: Bearer TOKEN`), and refused when none
//!   was given.
//! - **The dashboard** (`/`): static files built from `web/` and embedded in the binary,
//!   so it works offline.
//!
//! Aggregates are computed from a [`snapshot`] of all events held in memory and replaced
//! when the store changes; details are read from the store through a small pool of
//! connections, on blocking threads. Every response is JSON; errors are
//! `{"error": {"status": N, "message": "…"}}`.

mod api;
mod assets;
mod error;
mod params;
pub mod snapshot;

use std::net::SocketAddr;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::Request;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use tokio::sync::Semaphore;
use vigil_model::Article;
use vigil_store::{CodedRecord, Store};

pub use error::ApiError;
use snapshot::{Snapshot, Totals};

/// The outlet of the records `vigil synth` writes: what marks data as synthetic.
pub const SYNTHETIC_OUTLET: &str = "Vigil synthetic";

/// Codes new articles for `POST /api/articles` (the CLI passes its coder: the server does
/// not load dictionaries itself).
pub type CodeFn = Arc<dyn Fn(Vec<Article>) -> Vec<CodedRecord> + Send + Sync>;

/// How to serve.
pub struct Config {
    /// Database URL (`sqlite:PATH` or `postgres://…`).
    pub db: String,
    /// Address to bind (127.0.0.1 unless told otherwise).
    pub addr: SocketAddr,
    /// Token that `POST /api/articles` must present; without one, posting is refused.
    pub token: Option<String>,
    /// Codes posted articles.
    pub coder: Option<CodeFn>,
    /// Connections to the database for requests.
    pub connections: usize,
    /// A request taking longer is answered 503.
    pub timeout: Duration,
    /// Largest request body accepted, in bytes.
    pub max_body: usize,
}

impl Config {
    /// Defaults for `db`: 127.0.0.1:8080, no token, four connections, 30 s, 16 MiB.
    pub fn new(db: &str) -> Config {
        Config {
            db: db.to_string(),
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            token: None,
            coder: None,
            connections: 4,
            timeout: Duration::from_secs(30),
            max_body: 16 << 20,
        }
    }
}

/// Connections to the store, each used by one request at a time on a blocking thread.
pub(crate) struct Pool {
    free: Arc<Mutex<Vec<Box<dyn Store>>>>,
    permits: Arc<Semaphore>,
}

impl Pool {
    fn open(url: &str, n: usize) -> vigil_store::Result<Pool> {
        let free = (0..n.max(1))
            .map(|_| vigil_store::open(url))
            .collect::<vigil_store::Result<Vec<_>>>()?;
        Ok(Pool {
            permits: Arc::new(Semaphore::new(free.len())),
            free: Arc::new(Mutex::new(free)),
        })
    }

    /// Runs `f` with a connection, on a blocking thread. The blocking task itself puts
    /// the connection back: a request abandoned meanwhile (the client went away, the
    /// time limit struck) does not lose it.
    pub(crate) async fn run<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut dyn Store) -> Result<T, ApiError> + Send + 'static,
    {
        let permit = self
            .permits
            .clone()
            .acquire_owned()
            .await
            .map_err(|_| ApiError::internal("the connection pool is closed"))?;
        let free = self.free.clone();
        let mut conn = free
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .pop()
            .ok_or_else(|| ApiError::internal("no free connection"))?;
        let task = tokio::task::spawn_blocking(move || {
            let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(conn.as_mut())));
            match r {
                Ok(r) => {
                    free.lock().unwrap_or_else(|e| e.into_inner()).push(conn);
                    drop(permit);
                    Some(r)
                }
                // A panic may leave the connection mid-statement: it is dropped, and its
                // permit with it, so the permits still match the connections left.
                Err(_) => {
                    permit.forget();
                    None
                }
            }
        });
        match task.await {
            Ok(Some(r)) => r,
            _ => Err(ApiError::internal("the request failed")),
        }
    }
}

/// Events in list form, serialised, by event id: what `/api/events` pages are made of.
/// An item depends only on the stored data, so the cache is emptied whenever a new
/// snapshot is installed; it is bounded by emptying it when full (simple, and a page
/// refills its fifty entries at once).
#[derive(Default)]
pub(crate) struct ItemCache {
    /// Version of the snapshot the items belong to.
    version: String,
    map: std::collections::HashMap<i64, Arc<str>>,
}

/// Items kept at most.
const ITEM_CACHE_MAX: usize = 200_000;

impl ItemCache {
    pub(crate) fn get(&self, id: i64) -> Option<Arc<str>> {
        self.map.get(&id).cloned()
    }

    /// Caches an item read while the snapshot of `version` was current (ignored when a
    /// newer snapshot has been installed meanwhile).
    pub(crate) fn put(&mut self, version: &str, id: i64, item: Arc<str>) {
        if self.version != version {
            return;
        }
        if self.map.len() >= ITEM_CACHE_MAX {
            self.map.clear();
        }
        self.map.insert(id, item);
    }
}

/// What every handler shares.
pub(crate) struct AppState {
    pub(crate) pool: Pool,
    snapshot: RwLock<Arc<Snapshot>>,
    pub(crate) items: Mutex<ItemCache>,
    /// Numbers snapshots in the order their reading started.
    seq: std::sync::atomic::AtomicU64,
    /// The number of the installed snapshot.
    installed: Mutex<u64>,
    /// Aggregate views of the current snapshot, serialised, by endpoint and canonical
    /// query; emptied (and refilled with the default views) when a snapshot is installed.
    views: Mutex<std::collections::HashMap<String, Arc<str>>>,
    pub(crate) token: Option<String>,
    pub(crate) coder: Option<CodeFn>,
    /// Asks the refresher to look for changes now.
    refresh: Mutex<Sender<()>>,
    pub(crate) max_body: usize,
}

impl AppState {
    /// The current snapshot.
    pub(crate) fn snapshot(&self) -> Arc<Snapshot> {
        self.snapshot
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// A number for a snapshot about to be read: snapshots are installed only over older
    /// ones (a slow reload finishing after a POST's must not undo it).
    pub(crate) fn next_seq(&self) -> u64 {
        self.seq.fetch_add(1, std::sync::atomic::Ordering::SeqCst)
    }

    /// Replaces the snapshot with `s` (read as number `seq`) and its default views
    /// (computed first, outside the locks), and forgets the cached items and views of the
    /// old one. Does nothing when a snapshot read later is already installed.
    ///
    /// Lock order, everywhere: views, then snapshot, then items; nothing takes the
    /// snapshot lock while holding the items lock.
    pub(crate) fn install(&self, s: Snapshot, seq: u64) {
        let warm = api::default_views(&s);
        let mut views = self.views.lock().unwrap_or_else(|e| e.into_inner());
        let mut installed = self.installed.lock().unwrap_or_else(|e| e.into_inner());
        if seq < *installed {
            return;
        }
        *installed = seq;
        let version = s.version.clone();
        let mut current = self.snapshot.write().unwrap_or_else(|e| e.into_inner());
        *current = Arc::new(s);
        drop(current);
        let mut items = self.items.lock().unwrap_or_else(|e| e.into_inner());
        items.map.clear();
        items.version = version;
        drop(items);
        views.clear();
        views.extend(warm);
    }

    /// A cached view.
    pub(crate) fn cached_view(&self, key: &str) -> Option<Arc<str>> {
        self.views
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(key)
            .cloned()
    }

    /// Caches a view computed from the snapshot of `version`, unless that snapshot has
    /// been replaced meanwhile (checked under the lock `install` holds while replacing).
    pub(crate) fn cache_view(&self, version: &str, key: String, body: Arc<str>) {
        let mut views = self.views.lock().unwrap_or_else(|e| e.into_inner());
        if self.snapshot().version != version {
            return;
        }
        // Bounded: a crawler walking every filter cannot grow it without end.
        if views.len() >= 2_000 {
            views.clear();
        }
        views.insert(key, body);
    }

    /// Wakes the refresher.
    pub(crate) fn poke(&self) {
        let _ = self
            .refresh
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .send(());
    }
}

/// Reads a fresh snapshot from `store`.
pub(crate) fn load_snapshot(store: &mut dyn Store) -> vigil_store::Result<Snapshot> {
    let version = store.version()?;
    let totals = Totals {
        counts: store.counts()?,
        synthetic_articles: store.articles_from(SYNTHETIC_OUTLET)?,
    };
    let rows = store.event_rows()?;
    Ok(Snapshot::build(version, totals, rows))
}

/// Keeps the snapshot current: looks at the store's version every two seconds (or when
/// poked) and reloads when it changed. A reload of a large store takes a while, so the
/// next look waits at least five times as long as the last reload took.
fn refresher(state: Arc<AppState>, mut watcher: Box<dyn Store>, wake: Receiver<()>) {
    let mut pause = Duration::from_secs(2);
    loop {
        match wake.recv_timeout(pause) {
            Ok(()) | Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => return,
        }
        let version = match watcher.version() {
            Ok(v) => v,
            Err(e) => {
                eprintln!("vigil serve: cannot read the database: {e}");
                continue;
            }
        };
        if version == state.snapshot().version {
            continue;
        }
        let started = Instant::now();
        let seq = state.next_seq();
        match load_snapshot(watcher.as_mut()) {
            // The version read before loading: a change during the load is seen next time.
            Ok(mut s) => {
                s.version = version;
                state.install(s, seq);
            }
            Err(e) => eprintln!("vigil serve: cannot reload events: {e}"),
        }
        pause = (started.elapsed() * 5).max(Duration::from_secs(2));
    }
}

/// Answers 503 with a JSON error when a request takes longer than the limit.
async fn time_limit(limit: Duration, req: Request, next: Next) -> Response {
    match tokio::time::timeout(limit, next.run(req)).await {
        Ok(r) => r,
        Err(_) => ApiError::new(
            axum::http::StatusCode::SERVICE_UNAVAILABLE,
            format!("the request took longer than {} s", limit.as_secs()),
        )
        .into_response(),
    }
}

/// The router: the API under `/api/`, the dashboard at `/`.
pub(crate) fn router(state: Arc<AppState>, timeout: Duration, loopback: bool) -> Router {
    api::routes()
        .merge(assets::routes())
        .with_state(state)
        .layer(middleware::from_fn(move |req, next| {
            time_limit(timeout, req, next)
        }))
        .layer(middleware::from_fn(move |req, next| {
            local_host_only(loopback, req, next)
        }))
}

/// Whether a `Host` header names this machine: `localhost` or a loopback address, with
/// any port.
fn is_local_host(host: &str) -> bool {
    let name = match host.strip_prefix('[') {
        // "[::1]:8080"
        Some(rest) => rest.split(']').next().unwrap_or(""),
        None => host.rsplit_once(':').map_or(host, |(h, _)| h),
    };
    name.eq_ignore_ascii_case("localhost")
        || name
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// A server bound to loopback answers only requests addressed to this machine by name:
/// a web page elsewhere cannot rebind its own host name to 127.0.0.1 and read the API
/// through the visitor's browser ("DNS rebinding").
async fn local_host_only(loopback: bool, req: Request, next: Next) -> Response {
    if loopback {
        let host = req
            .headers()
            .get(axum::http::header::HOST)
            .and_then(|h| h.to_str().ok())
            .unwrap_or("");
        if !is_local_host(host) {
            return ApiError::new(
                axum::http::StatusCode::MISDIRECTED_REQUEST,
                format!("this server answers requests for localhost only, not {host:?}"),
            )
            .into_response();
        }
    }
    next.run(req).await
}

/// Opens the store, loads the snapshot, and builds the application (for `serve` and
/// tests).
pub(crate) fn app(config: &Config) -> vigil_store::Result<(Arc<AppState>, Router)> {
    let pool = Pool::open(&config.db, config.connections)?;
    let mut watcher = vigil_store::open(&config.db)?;
    let first = load_snapshot(watcher.as_mut())?;
    let (tx, rx) = std::sync::mpsc::channel();
    let state = Arc::new(AppState {
        pool,
        snapshot: RwLock::new(Arc::new(Snapshot::default())),
        items: Mutex::new(ItemCache::default()),
        seq: std::sync::atomic::AtomicU64::new(1),
        installed: Mutex::new(0),
        views: Mutex::new(std::collections::HashMap::new()),
        token: config
            .token
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_string),
        coder: config.coder.clone(),
        refresh: Mutex::new(tx),
        max_body: config.max_body,
    });
    state.install(first, 0);
    let for_thread = state.clone();
    std::thread::Builder::new()
        .name("vigil-refresh".into())
        .spawn(move || refresher(for_thread, watcher, rx))
        .map_err(|e| vigil_store::StoreError::Data(format!("cannot start a thread: {e}")))?;
    let router = router(
        state.clone(),
        config.timeout,
        config.addr.ip().is_loopback(),
    );
    Ok((state, router))
}

/// A server bound to its address, ready to run.
pub struct Server {
    listener: tokio::net::TcpListener,
    router: Router,
    runtime: tokio::runtime::Runtime,
    events: usize,
}

impl Server {
    /// Opens the database, loads the events, and binds the address.
    pub fn bind(config: Config) -> Result<Server, Box<dyn std::error::Error + Send + Sync>> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()?;
        let (state, router) = app(&config)?;
        let listener = runtime
            .block_on(tokio::net::TcpListener::bind(config.addr))
            .map_err(|e| format!("cannot listen on {}: {e}", config.addr))?;
        let events = state.snapshot().len();
        Ok(Server {
            listener,
            router,
            runtime,
            events,
        })
    }

    /// The address bound (with the port chosen when 0 was asked for).
    pub fn local_addr(&self) -> std::io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    /// Events loaded at start-up.
    pub fn events(&self) -> usize {
        self.events
    }

    /// Serves until Ctrl-C or SIGTERM.
    pub fn run(self) -> std::io::Result<()> {
        let Server {
            listener,
            router,
            runtime,
            ..
        } = self;
        runtime.block_on(async move {
            axum::serve(listener, router)
                .with_graceful_shutdown(shutdown())
                .await
        })
    }
}

/// Resolves on Ctrl-C or SIGTERM.
async fn shutdown() {
    let ctrl_c = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let mut term =
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(s) => s,
                Err(_) => {
                    let _ = ctrl_c.await;
                    return;
                }
            };
        tokio::select! {
            _ = ctrl_c => {}
            _ = term.recv() => {}
        }
    }
    #[cfg(not(unix))]
    {
        let _ = ctrl_c.await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(dir: &tempfile::TempDir, connections: usize) -> Arc<AppState> {
        let mut config = Config::new(&format!("sqlite:{}", dir.path().join("v.db").display()));
        config.connections = connections;
        app(&config).unwrap().0
    }

    #[test]
    fn only_local_host_names_pass_on_loopback() {
        for ok in [
            "localhost",
            "localhost:8080",
            "127.0.0.1:8080",
            "[::1]:80",
            "127.0.0.2",
        ] {
            assert!(is_local_host(ok), "{ok}");
        }
        for bad in [
            "evil.example",
            "evil.example:8080",
            "",
            "10.0.0.1:8080",
            "[fe80::1]",
        ] {
            assert!(!is_local_host(bad), "{bad}");
        }
    }

    #[test]
    fn an_abandoned_request_gives_its_connection_back() {
        let dir = tempfile::tempdir().unwrap();
        let st = state(&dir, 1);
        let rt = tokio::runtime::Runtime::new().unwrap();
        rt.block_on(async {
            // The client goes away while the only connection is busy.
            let slow = st.pool.run(|db| {
                std::thread::sleep(Duration::from_millis(300));
                Ok(db.counts()?.events)
            });
            assert!(
                tokio::time::timeout(Duration::from_millis(20), slow)
                    .await
                    .is_err()
            );
            // The next request waits for it, then gets it.
            let next = st.pool.run(|db| Ok(db.counts()?.events));
            let n = tokio::time::timeout(Duration::from_secs(10), next).await;
            assert_eq!(n.expect("not lost").unwrap(), 0);
            // A panic loses that connection only; the pool says so instead of hanging.
            let boom = st.pool.run(|_| -> Result<u64, ApiError> { panic!("boom") });
            assert!(boom.await.is_err());
        });
    }

    #[test]
    fn installing_while_requests_read_and_cache_never_deadlocks() {
        let dir = tempfile::tempdir().unwrap();
        let st = state(&dir, 1);
        let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let readers: Vec<_> = (0..4)
            .map(|i| {
                let (st, stop) = (st.clone(), stop.clone());
                std::thread::spawn(move || {
                    while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                        // What the handlers do: the snapshot, then the caches.
                        let version = st.snapshot().version.clone();
                        st.items.lock().unwrap().put(&version, i, "{}".into());
                        st.cache_view(&version, format!("k{i}"), "{}".into());
                        let _ = st.cached_view("summary?");
                    }
                })
            })
            .collect();
        for n in 0..300 {
            let s = Snapshot::build(format!("v{n}"), Totals::default(), Vec::new());
            st.install(s, st.next_seq());
        }
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
        for r in readers {
            r.join().unwrap();
        }
        assert_eq!(st.snapshot().version, "v299");
        // An older snapshot never replaces a newer one.
        let old = st.next_seq() - 100;
        st.install(
            Snapshot::build("old".into(), Totals::default(), Vec::new()),
            old,
        );
        assert_eq!(st.snapshot().version, "v299");
    }
}
