//! `claimcoder check CORPUS`.

use std::path::PathBuf;

use super::{EXIT_DATA, EXIT_OK};
use crate::model::Corpus;
use crate::store::check::check_corpus;

/// Arguments of `check`.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// The corpus folder.
    pub corpus: PathBuf,
}

/// Prints every problem of the corpus on stdout; exit 1 if there is any.
pub fn run(args: &CheckArgs) -> i32 {
    let corpus = match Corpus::scan(&args.corpus) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            return EXIT_DATA;
        }
    };
    let problems = check_corpus(&args.corpus, &corpus);
    for p in &problems {
        println!("{p}");
    }
    if problems.is_empty() {
        eprintln!("{}: {} documents, no problems", args.corpus.display(), corpus.documents.len());
        EXIT_OK
    } else {
        eprintln!("{}: {} problem(s)", args.corpus.display(), problems.len());
        EXIT_DATA
    }
}
