//! `claimcoder agreement CORPUS [--annotator NAME ...] [--json]`.

use std::path::PathBuf;

/// Arguments of `agreement`.
#[derive(Debug, clap::Args)]
pub struct AgreementArgs {
    /// The corpus folder.
    pub corpus: PathBuf,
    /// Annotators to compare (default: every annotator but gold).
    #[arg(long = "annotator")]
    pub annotators: Vec<String>,
    /// Print one JSON object instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// Runs the command.
pub fn run(_args: &AgreementArgs) -> i32 {
    eprintln!("error: agreement is not built yet");
    super::EXIT_USAGE
}
