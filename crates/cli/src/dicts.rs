//! Dictionary options shared by the commands that code.

use anyhow::{Context, Result};
use clap::Args as ClapArgs;
use std::path::PathBuf;
use std::sync::Arc;
use vigil_dict::{DictFile, DictSet, LoadOptions};

/// Which dictionaries to load.
#[derive(ClapArgs, Clone, Debug, Default)]
pub struct DictArgs {
    /// Verb dictionary files to use instead of the shipped CAMEO.2.0.txt (repeatable).
    #[arg(long = "verbs", value_name = "FILE")]
    pub verbs: Vec<PathBuf>,
    /// Actor dictionary files to use instead of the shipped Phoenix set (repeatable).
    #[arg(long = "actors", value_name = "FILE")]
    pub actors: Vec<PathBuf>,
    /// Agent dictionary files to use instead of the shipped Phoenix.agents.txt and Vigil's additions (repeatable).
    #[arg(long = "agents", value_name = "FILE")]
    pub agents: Vec<PathBuf>,
    /// Discard files to use instead of the shipped Phoenix.discards.txt (repeatable).
    #[arg(long = "discards", value_name = "FILE")]
    pub discards: Vec<PathBuf>,
    /// Treat a malformed dictionary line as an error instead of a warning.
    #[arg(long)]
    pub strict: bool,
}

fn read_all(paths: &[PathBuf]) -> Result<Vec<DictFile>> {
    paths
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p)
                .with_context(|| format!("cannot read dictionary {}", p.display()))?;
            Ok(DictFile {
                name: p.display().to_string(),
                text,
            })
        })
        .collect()
}

impl DictArgs {
    /// Loads the shipped set, with any part replaced by the user's files; prints warnings.
    pub fn load(&self) -> Result<Arc<DictSet>> {
        let opts = LoadOptions {
            strict: self.strict,
        };
        let custom = !(self.verbs.is_empty()
            && self.actors.is_empty()
            && self.agents.is_empty()
            && self.discards.is_empty());
        let set = if custom {
            let default = vigil_dict::DictSources::embedded();
            let pick = |mine: &[PathBuf], shipped: Vec<DictFile>| -> Result<Vec<DictFile>> {
                if mine.is_empty() {
                    Ok(shipped)
                } else {
                    read_all(mine)
                }
            };
            DictSet::load(
                &pick(&self.verbs, default.verbs)?,
                &pick(&self.actors, default.actors)?,
                &pick(&self.agents, default.agents)?,
                &pick(&self.discards, default.discards)?,
                opts,
            )?
        } else {
            DictSet::default_set(opts)?
        };
        for w in &set.warnings {
            eprintln!("vigil: warning: {w} (entry skipped)");
        }
        Ok(Arc::new(set))
    }
}
