//! `claimcoder import-brat BRAT_DIR CORPUS --annotator NAME`.

use std::path::PathBuf;

use super::{EXIT_DATA, EXIT_OK, EXIT_USAGE};
use crate::export::{ImportError, ImportOptions, import_brat};
use crate::model::Annotator;

/// Arguments of `import-brat`.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// Folder of brat `.txt` + `.ann` files.
    pub brat_dir: PathBuf,
    /// The corpus folder to write annotation files into.
    pub corpus: PathBuf,
    /// Whose files to write.
    #[arg(long)]
    pub annotator: String,
    /// Overwrite existing annotation files.
    #[arg(long)]
    pub force: bool,
}

/// Imports; prints each line not mapped as a warning and each problem as
/// `file:line: message`, writing nothing when there is any problem.
pub fn run(args: &ImportArgs) -> i32 {
    let annotator = match Annotator::parse(&args.annotator) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("error: --annotator {:?}: {e}", args.annotator);
            return EXIT_USAGE;
        }
    };
    let opts =
        ImportOptions { brat_dir: args.brat_dir.clone(), corpus: args.corpus.clone(), annotator, force: args.force };
    match import_brat(&opts) {
        Ok(summary) => {
            for u in &summary.unmapped {
                eprintln!("warning: {u}");
            }
            for (id, name) in &summary.new_actors {
                eprintln!("note: actor {id} ({name}) is not in the corpus registry; it is kept in the imported files");
            }
            eprintln!(
                "imported {} claims into {} annotation files for {}",
                summary.claims,
                summary.written.len(),
                opts.annotator
            );
            EXIT_OK
        }
        Err(ImportError::Invalid(issues)) => {
            for i in &issues {
                eprintln!("error: {i}");
            }
            eprintln!("nothing imported: {} problem(s)", issues.len());
            EXIT_DATA
        }
        Err(e) => {
            eprintln!("error: {e}");
            EXIT_DATA
        }
    }
}
