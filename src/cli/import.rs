//! `claimcoder import-brat BRAT_DIR CORPUS (--annotator NAME | --annotator-from-suffix)`.

use std::path::PathBuf;

use super::{EXIT_DATA, EXIT_OK, EXIT_USAGE};
use crate::export::{BratImportOptions, ImportAnnotators, ImportError, import_brat_with};
use crate::model::Annotator;

/// Arguments of `import-brat`.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// Folder of brat `.ann` files (with their `.txt` files, or over the corpus's texts).
    pub brat_dir: PathBuf,
    /// The corpus folder to write annotation files into.
    pub corpus: PathBuf,
    /// Whose files to write.
    #[arg(long, required_unless_present = "annotator_from_suffix", conflicts_with = "annotator_from_suffix")]
    pub annotator: Option<String>,
    /// Each `<stem>_<name>.ann` is annotator <name>'s file for the corpus's `<stem>.txt`.
    #[arg(long)]
    pub annotator_from_suffix: bool,
    /// Kind (id or label) of an event whose type is no kind of the codebook (default: the first kind).
    #[arg(long)]
    pub default_kind: Option<String>,
    /// Overwrite existing annotation files.
    #[arg(long)]
    pub force: bool,
}

/// Imports; prints each line not mapped as a warning and each problem as
/// `file:line: message`, writing nothing when there is any problem.
pub fn run(args: &ImportArgs) -> i32 {
    let annotators = match &args.annotator {
        None => ImportAnnotators::FromSuffix,
        Some(name) => match Annotator::parse(name) {
            Ok(a) => ImportAnnotators::Named(a),
            Err(e) => {
                eprintln!("error: --annotator {name:?}: {e}");
                return EXIT_USAGE;
            }
        },
    };
    let opts = BratImportOptions {
        brat_dir: args.brat_dir.clone(),
        corpus: args.corpus.clone(),
        annotators,
        default_kind: args.default_kind.clone(),
        force: args.force,
    };
    match import_brat_with(&opts) {
        Ok(summary) => {
            for u in &summary.unmapped {
                eprintln!("warning: {u}");
            }
            for r in &summary.repaired {
                eprintln!("note: {r}");
            }
            for (id, name) in &summary.new_actors {
                eprintln!("note: actor {id} ({name}) is not in the corpus registry; it is kept in the imported files");
            }
            let who = match summary.annotators.keys().collect::<Vec<_>>().as_slice() {
                [one] => format!(" for {one}"),
                _ => {
                    let each = summary.annotators.iter().map(|(a, (files, claims))| format!("{a} {claims} in {files}"));
                    format!(" ({})", each.collect::<Vec<_>>().join(", "))
                }
            };
            eprintln!(
                "imported {} claims into {} annotation files{who}{}",
                summary.claims,
                summary.written.len(),
                if summary.unmapped.is_empty() {
                    String::new()
                } else {
                    format!("; {} lines not imported, listed above", summary.unmapped.len())
                }
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
        Err(ImportError::Usage(e)) => {
            eprintln!("error: {e}");
            EXIT_USAGE
        }
        Err(e) => {
            eprintln!("error: {e}");
            EXIT_DATA
        }
    }
}
