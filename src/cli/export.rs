//! `claimcoder export CORPUS --format csv|jsonl|brat|bio --out PATH`.

use std::path::PathBuf;

use super::{EXIT_DATA, EXIT_OK, EXIT_USAGE};
use crate::export::{ExportOptions, export};

/// Arguments of `export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The corpus folder.
    pub corpus: PathBuf,
    /// Output format.
    #[arg(long, value_enum)]
    pub format: crate::export::Format,
    /// Output file (csv, jsonl, bio) or folder (brat).
    #[arg(long)]
    pub out: PathBuf,
    /// Annotators to export (default: every annotator but suggested; gold included).
    #[arg(long = "annotator")]
    pub annotators: Vec<String>,
    /// Only documents with this status (`done`).
    #[arg(long)]
    pub status: Option<String>,
    /// Overwrite an existing output.
    #[arg(long)]
    pub force: bool,
}

/// Exports the dataset; prints what was written on stderr, each left-out claim as a
/// warning, and refuses (exit 1) on broken files or an existing output.
pub fn run(args: &ExportArgs) -> i32 {
    let only_done = match args.status.as_deref() {
        None => false,
        Some("done") => true,
        Some(other) => {
            eprintln!("error: --status {other:?}: the only status filter is `done`");
            return EXIT_USAGE;
        }
    };
    let (annotators, dataset) = match super::load_for_command(&args.corpus, &args.annotators, |a| !a.is_suggested()) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    for w in &dataset.warnings {
        eprintln!("warning: {w}");
    }
    let opts = ExportOptions { format: args.format, annotators, only_done, out: args.out.clone(), force: args.force };
    match export(&dataset, &opts, &mut |_, _| {}) {
        Ok(summary) => {
            for s in &summary.skipped {
                eprintln!("warning: {s}");
            }
            for w in &summary.warnings {
                eprintln!("warning: {w}");
            }
            eprintln!(
                "wrote {}: {} claims from {} annotation files on {} documents{}",
                summary.out.display(),
                summary.claims,
                summary.files,
                summary.documents,
                if summary.skipped.is_empty() {
                    String::new()
                } else {
                    format!(" ({} orphaned claims left out)", summary.skipped.len())
                }
            );
            EXIT_OK
        }
        Err(e) => {
            eprintln!("error: {e}");
            EXIT_DATA
        }
    }
}
