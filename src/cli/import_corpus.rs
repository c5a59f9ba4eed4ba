//! `claimcoder import-corpus SOURCE CORPUS [--format ...] [--id-field NAME]
//! [--text-field NAME] [--encoding LABEL] [--force]`.

use std::path::PathBuf;

use super::{EXIT_DATA, EXIT_OK, EXIT_USAGE};
use crate::export::import_corpus::{CorpusImportError, CorpusImportOptions, SourceFormat, import_corpus};

/// Arguments of `import-corpus`.
#[derive(Debug, clap::Args)]
pub struct ImportCorpusArgs {
    /// The articles: a .csv, .tsv or .jsonl file, or a folder of news-please .json files.
    pub source: PathBuf,
    /// The corpus folder to make or add to.
    pub corpus: PathBuf,
    /// The source's format (default: from its extension).
    #[arg(long, value_enum)]
    pub format: Option<SourceFormat>,
    /// The field holding each article's id (default: `id` when there is one).
    #[arg(long)]
    pub id_field: Option<String>,
    /// The field holding each article's text (default: `text`; news-please: `maintext`).
    #[arg(long)]
    pub text_field: Option<String>,
    /// The source's encoding, e.g. windows-1252 (default: UTF-8).
    #[arg(long)]
    pub encoding: Option<String>,
    /// Replace texts that differ and metadata cells that are set.
    #[arg(long)]
    pub force: bool,
}

/// Imports; prints skipped rows and notes as warnings, each problem as
/// `file:line: message`, writing nothing when there is any problem.
pub fn run(args: &ImportCorpusArgs) -> i32 {
    let encoding = match &args.encoding {
        None => None,
        Some(label) => match encoding_rs::Encoding::for_label(label.trim().as_bytes()) {
            Some(e) => Some(e),
            None => {
                eprintln!(
                    "error: --encoding {label:?} is not an encoding name (e.g. utf-8, windows-1252, gbk, koi8-r, shift_jis)"
                );
                return EXIT_USAGE;
            }
        },
    };
    let opts = CorpusImportOptions {
        source: args.source.clone(),
        corpus: args.corpus.clone(),
        format: args.format,
        id_field: args.id_field.clone(),
        text_field: args.text_field.clone(),
        encoding,
        force: args.force,
    };
    match import_corpus(&opts, &mut |_, _| {}) {
        Ok(s) => {
            for i in s.skipped.iter().chain(&s.notes) {
                eprintln!("warning: {i}");
            }
            eprintln!(
                "imported {} articles into {}: {} added, {} replaced, {} already there, {} skipped; documents.csv columns: {}",
                s.articles - s.skipped.len(),
                opts.corpus.display(),
                s.added,
                s.replaced,
                s.unchanged,
                s.skipped.len(),
                if s.columns.is_empty() { "none".to_owned() } else { s.columns.join(", ") }
            );
            EXIT_OK
        }
        Err(CorpusImportError::Invalid(issues)) => {
            for i in &issues {
                eprintln!("error: {i}");
            }
            eprintln!("nothing imported: {} problem(s)", issues.len());
            EXIT_DATA
        }
        Err(CorpusImportError::Usage(e)) => {
            eprintln!("error: {e}");
            EXIT_USAGE
        }
        Err(e) => {
            eprintln!("error: {e}");
            EXIT_DATA
        }
    }
}
