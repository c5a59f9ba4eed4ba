//! `claimcoder suggest CORPUS [--document ID ...] [--force]`.

use std::path::PathBuf;

use super::{EXIT_DATA, EXIT_OK, EXIT_USAGE};
use crate::suggest::{SuggestError, SuggestOptions, suggest_corpus};

/// Arguments of `suggest`.
#[derive(Debug, clap::Args)]
pub struct SuggestArgs {
    /// The corpus folder.
    pub corpus: PathBuf,
    /// Only these documents (ids as in the corpus: `2013/lat-0318.txt`); repeatable.
    #[arg(long = "document", value_name = "ID")]
    pub documents: Vec<String>,
    /// Replace existing suggested files.
    #[arg(long)]
    pub force: bool,
}

/// Writes the suggested files; unreadable documents are reported and left out (exit 1).
pub fn run(args: &SuggestArgs) -> i32 {
    let opts = SuggestOptions { corpus: args.corpus.clone(), documents: args.documents.clone(), force: args.force };
    match suggest_corpus(&opts) {
        Ok(summary) => {
            for e in &summary.unreadable {
                eprintln!("error: {e}");
            }
            eprintln!("suggested {} claims in {} documents", summary.claims, summary.written);
            if summary.unreadable.is_empty() { EXIT_OK } else { EXIT_DATA }
        }
        Err(e @ SuggestError::UnknownDocument { .. }) => {
            eprintln!("error: {e}");
            EXIT_USAGE
        }
        Err(e) => {
            eprintln!("error: {e}");
            EXIT_DATA
        }
    }
}
