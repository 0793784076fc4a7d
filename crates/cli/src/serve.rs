//! `vigil serve`: the HTTP API and the dashboard over a database (see `vigil-serve`).

use crate::dicts::DictArgs;
use crate::ingest::code_group;
use anyhow::{Result, anyhow};
use clap::Args as ClapArgs;
use std::io::Write;
use std::net::SocketAddr;
use std::process::ExitCode;
use std::sync::Arc;
use vigil_coder::{Coder, CoderConfig};
use vigil_serve::{CodeFn, Config, Server};
use vigil_store::content_hash;

/// Arguments of `vigil serve`.
#[derive(ClapArgs, Debug)]
pub struct Args {
    /// Database: `sqlite:PATH` (default `sqlite:vigil.db`) or `postgres://…`.
    #[arg(long, env = "VIGIL_DB", default_value = "sqlite:vigil.db")]
    pub db: String,
    /// Address to listen on. The default serves this machine only; anything else makes
    /// the read endpoints reachable by whoever can reach the address.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Token that `POST /api/articles` requires (`Authorization: Bearer TOKEN`); without
    /// one, posting articles is refused. Prefer the environment variable: a command line
    /// is visible to other users of the machine.
    #[arg(long, env = "VIGIL_TOKEN", hide_env_values = true)]
    pub token: Option<String>,
    /// Database connections for requests.
    #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u16).range(1..=64))]
    pub connections: u16,
    #[command(flatten)]
    pub dicts: DictArgs,
}

/// The coder `POST /api/articles` uses: records grouped into articles as `vigil ingest`
/// groups them, each group coded together.
pub(crate) fn code_fn(dicts: &DictArgs) -> Result<CodeFn> {
    let coder = Arc::new(Coder::new(dicts.load()?, CoderConfig::default()));
    Ok(Arc::new(move |records| {
        vigil_ingest::group_articles(records)
            .into_iter()
            .flat_map(|g| {
                let hashes = g.iter().map(content_hash).collect();
                code_group(&coder, g, hashes)
            })
            .collect()
    }))
}

/// Binds the server for `db` (shared with `vigil demo`).
pub(crate) fn bind(
    db: &str,
    addr: SocketAddr,
    token: Option<String>,
    connections: usize,
    dicts: &DictArgs,
) -> Result<Server> {
    let mut config = Config::new(db);
    config.addr = addr;
    config.connections = connections;
    // Dictionaries are loaded only when articles can be posted.
    if token.as_deref().is_some_and(|t| !t.is_empty()) {
        config.coder = Some(code_fn(dicts)?);
        config.token = token;
    }
    Server::bind(config).map_err(|e| anyhow!("cannot serve {db}: {e}"))
}

/// Runs the command.
pub fn run(args: Args) -> Result<ExitCode> {
    let posting = args.token.as_deref().is_some_and(|t| !t.is_empty());
    let server = bind(
        &args.db,
        args.addr,
        args.token,
        usize::from(args.connections),
        &args.dicts,
    )?;
    let addr = server.local_addr()?;
    // Whoever started the server may stop reading its output: that must not stop it.
    let mut out = std::io::stdout();
    let _ = writeln!(
        out,
        "Vigil: serving {} events from {} at http://{addr}/ (API under /api/, OpenAPI at /api/openapi.json).",
        server.events(),
        args.db
    );
    let _ = writeln!(
        out,
        "{}",
        if posting {
            "POST /api/articles is open to requests with the token. Ctrl-C stops."
        } else {
            "Read-only: start with --token (or VIGIL_TOKEN) to accept POST /api/articles. Ctrl-C stops."
        }
    );
    let _ = out.flush();
    server.run()?;
    Ok(ExitCode::SUCCESS)
}
