//! `claimcoder check CORPUS`.

use std::path::PathBuf;

use super::{EXIT_DATA, EXIT_OK};
use crate::model::Corpus;
use crate::model::corpus::PROJECT_FILE;
use crate::store::check::{Problem, check_corpus};
use crate::store::project_io::load_project;

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
    let mut problems = check_corpus(&args.corpus, &corpus);
    problems.extend(key_problems(args, &corpus));
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

/// Kind keys the app's own shortcuts take (the app's command table says which).
fn key_problems(args: &CheckArgs, corpus: &Corpus) -> Vec<Problem> {
    let Ok(project) = load_project(&corpus.project_path()) else { return Vec::new() };
    let path = args.corpus.join(PROJECT_FILE).display().to_string();
    crate::ui::kind_key_conflicts(&project.codebook())
        .into_iter()
        .map(|message| Problem { path: path.clone(), line: 1, col: 1, message })
        .collect()
}
