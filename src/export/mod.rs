//! Datasets leaving and entering the app (FORMAT.md section 6).

/// The export formats of FORMAT.md section 6.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One CSV file, a row per claim.
    Csv,
    /// One JSON-lines file, a line per document per annotator.
    Jsonl,
    /// A brat standoff folder.
    Brat,
}
