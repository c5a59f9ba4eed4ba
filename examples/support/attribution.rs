//! The attribution training corpus imported into a temporary claimcoder corpus, and
//! the people's codings picked out, for the examples that measure and tune the
//! suggester.

use std::path::{Path, PathBuf};

use claimcoder::export::import_brat::{BratImportOptions, ImportAnnotators, import_brat_with};
use claimcoder::model::Annotator;

/// Whether a coding is a person's: not the adjudicated `gold`, not `suggested`.
pub fn humans(a: &Annotator) -> bool {
    !a.is_reserved()
}

/// Where the corpus is, beside the crate (`../shared/eval/attribution-train`).
pub fn location() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/attribution-train")
}

/// Imports the brat attribution corpus at `source` into a temporary corpus (removed
/// when the returned folder is dropped).
pub fn import_attribution(source: &Path) -> Result<(PathBuf, tempfile::TempDir), String> {
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let corpus = dir.path().to_path_buf();
    for entry in std::fs::read_dir(source.join("text")).map_err(|e| e.to_string())? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.extension().is_some_and(|e| e == "txt") {
            let name = path.file_name().ok_or("a file without a name")?;
            std::fs::copy(&path, corpus.join(name)).map_err(|e| e.to_string())?;
        }
    }
    let opts = BratImportOptions {
        brat_dir: source.join("attributions"),
        corpus: corpus.clone(),
        annotators: ImportAnnotators::FromSuffix,
        default_kind: None,
        force: true,
    };
    match import_brat_with(&opts) {
        Ok(summary) => {
            eprintln!("imported {} claims ({} lines not mapped)", summary.claims, summary.unmapped.len());
            Ok((corpus, dir))
        }
        Err(e) => Err(e.to_string()),
    }
}
