//! `claimcoder stats CORPUS [--annotator NAME] [--json]`.

use std::path::PathBuf;

/// Arguments of `stats`.
#[derive(Debug, clap::Args)]
pub struct StatsArgs {
    /// The corpus folder.
    pub corpus: PathBuf,
    /// Only this annotator's claims.
    #[arg(long)]
    pub annotator: Option<String>,
    /// Print JSON instead of tables.
    #[arg(long)]
    pub json: bool,
}

/// Runs the command.
pub fn run(_args: &StatsArgs) -> i32 {
    eprintln!("error: stats is not built yet");
    super::EXIT_USAGE
}
