//! The HTTP side: routes, the bounded queue in front of the simulations, replacement of
//! a page's older request by its newer one, and the embedded page.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use axum::body::to_bytes;
use axum::extract::{Request, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use tokio::sync::Semaphore;

use super::engine::{self, Baselines, Failure, Options};
use super::query;
use super::Catalog;

/// The largest request body taken: a scenario is a few kilobytes.
pub const MAX_BODY: usize = 1 << 20;

/// What every request shares.
pub struct Shared {
    /// The scenarios given on the command line, read once at start.
    pub catalog: Catalog,
    /// Simulations allowed to run at once.
    pub running: Arc<Semaphore>,
    /// Requests running or waiting; over `capacity`, a request is refused with 503.
    pub admitted: AtomicUsize,
    /// Most requests running or waiting at once.
    pub capacity: usize,
    /// The latest request of each page: its cancel flag.
    pub pages: Mutex<HashMap<String, Arc<AtomicBool>>>,
    /// Unchanged scenarios' reports, for comparisons.
    pub baselines: Baselines,
    /// The most replications per request.
    pub max_replications: u32,
}

/// The routes.
pub fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route(
            "/",
            get(|| async { asset("text/html; charset=utf-8", PAGE) }),
        )
        .route(
            "/page.js",
            get(|| async { asset("text/javascript; charset=utf-8", SCRIPT) }),
        )
        .route(
            "/page.css",
            get(|| async { asset("text/css; charset=utf-8", STYLE) }),
        )
        .route("/api/scenarios", get(scenarios))
        .route("/api/scenario", get(scenario))
        .route("/api/parse", post(parse))
        .route("/api/edit", post(edit))
        .route("/api/run", post(|s, r| simulate(s, r, Kind::Run)))
        .route("/api/compare", post(|s, r| simulate(s, r, Kind::Compare)))
        .with_state(shared)
}

const PAGE: &str = include_str!("page/index.html");
const SCRIPT: &str = include_str!("page/page.js");
const STYLE: &str = include_str!("page/page.css");

fn asset(kind: &'static str, text: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, kind),
            // Everything the page needs is served here: nothing else may load.
            (
                header::CONTENT_SECURITY_POLICY,
                "default-src 'self'; img-src 'self' data: blob:; object-src 'none'",
            ),
        ],
        text,
    )
        .into_response()
}

fn json(status: StatusCode, body: Vec<u8>) -> Response {
    (status, [(header::CONTENT_TYPE, "application/json")], body).into_response()
}

fn error(status: StatusCode, message: &str) -> Response {
    let body = serde_json::to_vec(&serde_json::json!({ "error": message })).unwrap_or_default();
    json(status, body)
}

async fn scenarios(State(shared): State<Arc<Shared>>) -> Response {
    let list: Vec<_> = shared
        .catalog
        .iter()
        .map(|e| serde_json::json!({ "name": e.name, "title": e.title }))
        .collect();
    let body = serde_json::to_vec(&serde_json::json!({ "scenarios": list })).unwrap_or_default();
    json(StatusCode::OK, body)
}

/// One listed scenario's text, by its name in the list (never a path).
async fn scenario(State(shared): State<Arc<Shared>>, req: Request) -> Response {
    let pairs = query::pairs(req.uri().query());
    let name = pairs
        .iter()
        .find(|(k, _)| k == "name")
        .map(|(_, v)| v.as_str());
    match shared
        .catalog
        .iter()
        .find(|e| Some(e.name.as_str()) == name)
    {
        Some(e) => (
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            e.text.clone(),
        )
            .into_response(),
        None => error(StatusCode::NOT_FOUND, "no such scenario in the list"),
    }
}

/// The body as text, or the response refusing it.
async fn body_text(req: Request) -> Result<(Option<String>, String), Response> {
    let too_large = || {
        error(
            StatusCode::PAYLOAD_TOO_LARGE,
            &format!(
                "the request body is over {} bytes (1 MiB): a scenario is far smaller",
                MAX_BODY
            ),
        )
    };
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > MAX_BODY as u64) {
        return Err(too_large());
    }
    let query = req.uri().query().map(str::to_string);
    let bytes = to_bytes(req.into_body(), MAX_BODY)
        .await
        .map_err(|_| too_large())?;
    let text = String::from_utf8(bytes.to_vec())
        .map_err(|_| error(StatusCode::BAD_REQUEST, "the scenario is not UTF-8 text"))?;
    Ok((query, text))
}

/// The scenario's fields as JSON (after validation), for the page's levers.
async fn parse(State(shared): State<Arc<Shared>>, req: Request) -> Response {
    let (q, text) = match body_text(req).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let opts = match query::options(&query::pairs(q.as_deref()), shared.max_replications) {
        Ok((o, _)) => o,
        Err(e) => return error(StatusCode::BAD_REQUEST, &e),
    };
    if let Err(Failure::Bad(m)) = engine::load(&text, &opts) {
        return error(StatusCode::BAD_REQUEST, &m);
    }
    match toml::from_str::<toml::Value>(&text) {
        Ok(v) => json(StatusCode::OK, serde_json::to_vec(&v).unwrap_or_default()),
        Err(e) => error(StatusCode::BAD_REQUEST, &e.to_string()),
    }
}

/// The changed scenario's TOML, for the page to save.
async fn edit(State(shared): State<Arc<Shared>>, req: Request) -> Response {
    let (q, text) = match body_text(req).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let result = query::options(&query::pairs(q.as_deref()), shared.max_replications)
        .map_err(Failure::Bad)
        .and_then(|(o, _)| engine::edited(&text, &o));
    match result {
        Ok(t) => ([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], t).into_response(),
        Err(Failure::Bad(m) | Failure::Internal(m)) => error(StatusCode::BAD_REQUEST, &m),
        Err(Failure::Cancelled) => error(StatusCode::CONFLICT, "cancelled"),
    }
}

#[derive(Clone, Copy)]
enum Kind {
    Run,
    Compare,
}

/// Releases a request's place in the queue when it ends (answered, refused or dropped).
struct Place(Arc<Shared>);

impl Drop for Place {
    fn drop(&mut self) {
        self.0.admitted.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Sets the cancel flag if the request is dropped before it is answered (the page went
/// away), so its simulation stops at the next block.
struct Abandon(Arc<AtomicBool>, bool);

impl Drop for Abandon {
    fn drop(&mut self) {
        if !self.1 {
            self.0.store(true, Ordering::Relaxed);
        }
    }
}

async fn simulate(State(shared): State<Arc<Shared>>, req: Request, kind: Kind) -> Response {
    let (q, text) = match body_text(req).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let (opts, client) = match query::options(&query::pairs(q.as_deref()), shared.max_replications)
    {
        Ok(x) => x,
        Err(e) => return error(StatusCode::BAD_REQUEST, &e),
    };
    if shared.admitted.fetch_add(1, Ordering::SeqCst) >= shared.capacity {
        shared.admitted.fetch_sub(1, Ordering::SeqCst);
        return error(
            StatusCode::SERVICE_UNAVAILABLE,
            "busy: every simulation slot and queue place is taken; try again shortly",
        );
    }
    let place = Place(shared.clone());
    let csv = opts.csv;
    let cancel = Arc::new(AtomicBool::new(false));
    if let Some(id) = &client {
        let mut pages = shared.pages.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(older) = pages.insert(id.clone(), cancel.clone()) {
            older.store(true, Ordering::Relaxed);
        }
    }
    let mut abandon = Abandon(cancel.clone(), false);
    let permit = match shared.running.clone().acquire_owned().await {
        Ok(p) => p,
        Err(_) => return error(StatusCode::SERVICE_UNAVAILABLE, "the server is stopping"),
    };
    let work = shared.clone();
    let flag = cancel.clone();
    let result = tokio::task::spawn_blocking(move || {
        // Held until the simulation ends, even when the request is gone meanwhile.
        let _held = (permit, place);
        run_kind(kind, &text, &opts, &work.baselines, &flag)
    })
    .await;
    abandon.1 = true;
    if let Some(id) = &client {
        let mut pages = shared.pages.lock().unwrap_or_else(|e| e.into_inner());
        if pages.get(id).is_some_and(|c| Arc::ptr_eq(c, &cancel)) {
            pages.remove(id);
        }
    }
    match result {
        Ok(Ok(body)) if csv => {
            (StatusCode::OK, [(header::CONTENT_TYPE, "text/csv")], body).into_response()
        }
        Ok(Ok(body)) => json(StatusCode::OK, body),
        Ok(Err(Failure::Bad(m))) => error(StatusCode::BAD_REQUEST, &m),
        Ok(Err(Failure::Cancelled)) => error(
            StatusCode::CONFLICT,
            "replaced by a newer request from the same page",
        ),
        Ok(Err(Failure::Internal(m))) => error(StatusCode::INTERNAL_SERVER_ERROR, &m),
        Err(_) => error(StatusCode::INTERNAL_SERVER_ERROR, "the simulation failed"),
    }
}

fn run_kind(
    kind: Kind,
    text: &str,
    opts: &Options,
    baselines: &Baselines,
    cancel: &AtomicBool,
) -> Result<Vec<u8>, Failure> {
    match kind {
        Kind::Run => engine::run(text, opts, cancel),
        Kind::Compare => engine::compare_json(text, opts, baselines, cancel),
    }
}
