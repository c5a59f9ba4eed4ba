//! `claimcoder export CORPUS --format csv|jsonl|brat --out PATH`.

use std::path::PathBuf;

/// Arguments of `export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The corpus folder.
    pub corpus: PathBuf,
    /// Output format.
    #[arg(long, value_enum)]
    pub format: crate::export::Format,
    /// Output file (csv, jsonl) or folder (brat).
    #[arg(long)]
    pub out: PathBuf,
    /// Annotators to export (default: every annotator, gold included).
    #[arg(long = "annotator")]
    pub annotators: Vec<String>,
    /// Only documents with this status (`done`).
    #[arg(long)]
    pub status: Option<String>,
    /// Overwrite an existing output.
    #[arg(long)]
    pub force: bool,
}

/// Runs the command.
pub fn run(_args: &ExportArgs) -> i32 {
    eprintln!("error: export is not built yet");
    super::EXIT_USAGE
}
