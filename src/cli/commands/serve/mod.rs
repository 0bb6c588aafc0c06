//! `ccsim serve`: a local web page for what-if questions. The planner picks a scenario
//! (one given on the command line, or pasted), moves its levers, and the page shows the
//! simulated figures with their intervals, the interval chart and the paired difference
//! against the scenario as loaded, a second or less after each change.
//!
//! The server reads only the FILE or DIR it was given, once, at start; it writes nothing;
//! no request names a path. `POST /api/run` answers exactly what `ccsim run --json`
//! writes for the same scenario and options.

mod engine;
mod query;
mod server;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicUsize;
use std::sync::{Arc, Mutex};

use clap::Args;

use crate::error::{Error, Result};

pub use engine::{compare_json, load, run as run_request, simulate, Baselines, Failure, Options};
pub use server::MAX_BODY;

/// Options of `ccsim serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// A scenario file, or a folder whose *.toml files the page offers (default: the
    /// embedded default scenario).
    pub path: Option<PathBuf>,
    /// Address to listen on; only this machine can connect by default.
    #[arg(long, default_value = "127.0.0.1")]
    pub host: String,
    /// Port to listen on (0: any free port; the address is printed on standard output).
    #[arg(long, default_value_t = 8080)]
    pub port: u16,
    /// Simulations run at once (each uses every core).
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u16).range(1..=64))]
    pub jobs: u16,
    /// Requests that may wait for a simulation slot; more are refused with 503.
    #[arg(long, default_value_t = 16, value_parser = clap::value_parser!(u16).range(0..=1024))]
    pub queue: u16,
    /// The most replications one request may simulate (2 to 1000000).
    #[arg(long, default_value_t = 10_000, value_parser = clap::value_parser!(u32).range(2..=i64::from(crate::limits::MAX_REPLICATIONS)))]
    pub max_replications: u32,
}

/// One scenario offered by the page.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Its file name: how the page and the API name it.
    pub name: String,
    /// Its `name` field when the file gives one and parses, else the file name.
    pub title: String,
    /// Its text, read at start.
    pub text: String,
}

/// The scenarios offered, in file-name order.
pub type Catalog = Vec<Entry>;

/// Reads the scenarios given on the command line: a file, every *.toml of a folder (not
/// its subfolders), or the embedded default.
pub fn catalog(path: Option<&Path>) -> Result<Catalog> {
    let files: Vec<PathBuf> = match path {
        None => {
            return Ok(vec![entry(
                "weekday.toml".into(),
                crate::scenario::DEFAULT_SCENARIO.into(),
            )])
        }
        Some(p) if p.is_dir() => {
            let read = std::fs::read_dir(p).map_err(|e| {
                Error::Other(format!("{}: cannot read the folder: {e}", p.display()))
            })?;
            let mut files: Vec<PathBuf> = read
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|f| f.is_file() && f.extension().is_some_and(|x| x == "toml"))
                .collect();
            files.sort();
            if files.is_empty() {
                return Err(Error::Usage(format!(
                    "{}: no *.toml scenario in this folder",
                    p.display()
                )));
            }
            files
        }
        Some(p) => vec![p.to_path_buf()],
    };
    files
        .iter()
        .map(|f| {
            let text = std::fs::read_to_string(f).map_err(|e| {
                Error::Other(format!(
                    "{}: cannot read the scenario file: {e}",
                    f.display()
                ))
            })?;
            let name = f.file_name().map_or_else(
                || "scenario.toml".into(),
                |n| n.to_string_lossy().into_owned(),
            );
            Ok(entry(name, text))
        })
        .collect()
}

fn entry(name: String, text: String) -> Entry {
    let title = toml::from_str::<toml::Value>(&text)
        .ok()
        .and_then(|v| v.get("name").and_then(|n| n.as_str()).map(str::to_string))
        .unwrap_or_else(|| name.clone());
    Entry { name, title, text }
}

/// Runs the `serve` command: listens until interrupted.
pub fn run(args: &ServeArgs) -> Result<()> {
    let catalog = catalog(args.path.as_deref())?;
    crate::commands::configure_memory(None, None, std::iter::empty(), false)?;
    let shared = Arc::new(server::Shared {
        catalog,
        running: Arc::new(tokio::sync::Semaphore::new(usize::from(args.jobs))),
        admitted: AtomicUsize::new(0),
        capacity: usize::from(args.jobs) + usize::from(args.queue),
        pages: Mutex::new(Default::default()),
        baselines: Baselines::default(),
        max_replications: args.max_replications,
    });
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .max_blocking_threads(usize::from(args.jobs) + 1)
        .build()
        .map_err(|e| Error::Other(format!("cannot start the server: {e}")))?;
    runtime.block_on(async {
        let addr = format!("{}:{}", args.host, args.port);
        let listener = tokio::net::TcpListener::bind(&addr)
            .await
            .map_err(|e| Error::Usage(format!("cannot listen on {addr}: {e}")))?;
        let bound: SocketAddr = listener
            .local_addr()
            .map_err(|e| Error::Other(format!("cannot listen on {addr}: {e}")))?;
        if !bound.ip().is_loopback() {
            crate::terminal::warn(&format!(
                "ccsim serve: listening on {bound}, beyond this machine: whoever can reach it can run simulations"
            ));
        }
        // Tests and scripts read this line to find the port when given --port 0.
        println!("ccsim serve: listening on http://{bound}/");
        use std::io::Write;
        let _ = std::io::stdout().flush();
        axum::serve(listener, server::router(shared))
            .await
            .map_err(|e| Error::Other(format!("the server stopped: {e}")))
    })
}
