//! `import-corpus` (FORMAT.md section 4): articles held elsewhere (a spreadsheet, a
//! JSON export, a scraper's output) become a corpus: one `<id>.txt` per article, and
//! its other fields as a row of `documents.csv`.
//!
//! Everything is read and checked first: a malformed row, bytes that are not UTF-8, a
//! repeated id or a text that would replace a different one stops the import with
//! every problem listed and nothing written. Only then are the texts and
//! `documents.csv` (merged with the rows already there) written as one batch: all of
//! them reach the disk before any is renamed into place, so a full disk or a missing
//! permission writes nothing.

mod ids;
mod mapping;
mod source;
#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use encoding_rs::Encoding;

pub use super::brat_parse::LineIssue;
pub use mapping::{ALIASES, FieldMap, map_fields, normalize_date};
pub use source::{Article, MAX_FIELD_BYTES, SourceFormat, Table, read_source};

use crate::model::Corpus;
use crate::model::metadata::{DATE, METADATA_FILE, Metadata, TITLE};
use crate::store::atomic_batch::write_all_atomic;
use crate::store::metadata_io::{read_metadata, to_csv};
use ids::{id_from_title, safe_stem, short_hash};

/// What to import and how.
#[derive(Clone, Debug)]
pub struct CorpusImportOptions {
    /// The file (or news-please folder) holding the articles.
    pub source: PathBuf,
    /// The corpus folder to make or add to.
    pub corpus: PathBuf,
    /// The source's format; `None`: from its extension.
    pub format: Option<SourceFormat>,
    /// The field holding the id; `None`: `id` when present.
    pub id_field: Option<String>,
    /// The field holding the text; `None`: `text` (news-please: `maintext`).
    pub text_field: Option<String>,
    /// The source's encoding; `None`: UTF-8, anything else an error.
    pub encoding: Option<&'static Encoding>,
    /// Replace existing texts that differ, and metadata cells that are set.
    pub force: bool,
}

/// What an import did.
#[derive(Clone, Debug, Default)]
pub struct CorpusImportSummary {
    /// Articles read from the source.
    pub articles: usize,
    /// New texts written.
    pub added: usize,
    /// Existing texts replaced (`--force`).
    pub replaced: usize,
    /// Existing texts that were already the same.
    pub unchanged: usize,
    /// Rows skipped (no text, an article repeated word for word), each located.
    pub skipped: Vec<LineIssue>,
    /// Things done differently than asked (an id changed to be unique, a date kept as
    /// it was), each located.
    pub notes: Vec<LineIssue>,
    /// The columns of `documents.csv` after the import (without `document`).
    pub columns: Vec<String>,
}

/// Why nothing was imported.
#[derive(Debug, thiserror::Error)]
pub enum CorpusImportError {
    /// The format cannot be told, or an option names no field.
    #[error("{0}")]
    Usage(String),
    /// The source, the corpus or its `documents.csv` cannot be read.
    #[error("{0}")]
    Unreadable(String),
    /// Articles that cannot be imported, each located.
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Invalid(Vec<LineIssue>),
    /// Writing failed; when it failed before the renames (a full disk, a folder not
    /// writable), nothing was written.
    #[error("cannot write {path}: {reason}")]
    Write {
        /// The file.
        path: String,
        /// The OS error.
        reason: String,
    },
}

/// What an import would do, before it runs (the app's preview): the fields found,
/// which of them become the text, the id and the columns, and the first articles.
#[derive(Clone, Debug)]
pub struct CorpusPreview {
    /// The format read (given, or from the name).
    pub format: SourceFormat,
    /// Every field of the source, in order.
    pub fields: Vec<String>,
    /// Which field becomes what, or why the text (or id) field is missing.
    pub map: Result<FieldMap, String>,
    /// The first articles' values, in the order of `fields`, each cut to a short line.
    pub rows: Vec<Vec<String>>,
    /// Articles read in all.
    pub articles: usize,
    /// Problems found while reading (the import would refuse), each located.
    pub problems: Vec<LineIssue>,
}

/// Characters of a value the preview shows.
const PREVIEW_CHARS: usize = 80;

/// Reads the source as [`import_corpus`] would and describes it, writing nothing.
pub fn preview_corpus(opts: &CorpusImportOptions, rows: usize) -> Result<CorpusPreview, CorpusImportError> {
    let format = source_format(opts)?;
    let mut problems = Vec::new();
    let table =
        read_source(&opts.source, format, opts.encoding, &mut problems).map_err(CorpusImportError::Unreadable)?;
    let text_field = opts.text_field.as_deref().unwrap_or(format.default_text_field());
    let map = map_fields(&table.fields, text_field, opts.id_field.as_deref());
    let short = |v: &Option<String>| {
        let v = v.as_deref().unwrap_or("").split_whitespace().collect::<Vec<_>>().join(" ");
        match v.char_indices().nth(PREVIEW_CHARS) {
            Some((cut, _)) => format!("{}…", &v[..cut]),
            None => v,
        }
    };
    let width = table.fields.len();
    let rows = table
        .articles
        .iter()
        .take(rows)
        .map(|a| (0..width).map(|f| short(a.values.get(f).unwrap_or(&None))).collect())
        .collect();
    Ok(CorpusPreview { format, fields: table.fields, map, rows, articles: table.articles.len(), problems })
}

/// The source's format: given, or told from its name.
fn source_format(opts: &CorpusImportOptions) -> Result<SourceFormat, CorpusImportError> {
    if !opts.source.exists() {
        return Err(CorpusImportError::Unreadable(format!("{} does not exist", opts.source.display())));
    }
    match opts.format {
        Some(f) => Ok(f),
        None => SourceFormat::detect(&opts.source).ok_or_else(|| {
            CorpusImportError::Usage(format!(
                "cannot tell the format of {} from its name; give --format csv, tsv, jsonl or news-please",
                opts.source.display()
            ))
        }),
    }
}

/// One article ready to be written.
struct Planned {
    /// File name in the corpus (`<stem>.txt`), the document id.
    name: String,
    text: String,
    /// Whether the file exists (with other text: replaced; same text: nothing to write).
    exists: Option<bool>,
    /// The article, for its metadata.
    article: usize,
}

/// Imports the articles of `opts.source` into `opts.corpus`, calling
/// `progress(done, total)` as texts are written.
pub fn import_corpus(
    opts: &CorpusImportOptions,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<CorpusImportSummary, CorpusImportError> {
    let format = source_format(opts)?;
    if opts.corpus.exists() && !opts.corpus.is_dir() {
        return Err(CorpusImportError::Unreadable(format!("{} is not a folder", opts.corpus.display())));
    }
    let existing = existing_documents(&opts.corpus)?;
    let metadata_path = opts.corpus.join(METADATA_FILE);
    let mut metadata = read_metadata(&metadata_path)
        .map_err(|e| CorpusImportError::Unreadable(format!("{e}; fix it before importing into this corpus")))?
        .0;
    let mut issues = Vec::new();
    let table = read_source(&opts.source, format, opts.encoding, &mut issues).map_err(CorpusImportError::Unreadable)?;
    let text_field = opts.text_field.as_deref().unwrap_or(format.default_text_field());
    let map = map_fields(&table.fields, text_field, opts.id_field.as_deref())
        .map_err(|e| CorpusImportError::Usage(format!("{}: {e}", opts.source.display())))?;
    let mut summary = CorpusImportSummary { articles: table.articles.len(), ..Default::default() };
    let planned = plan(&table, &map, &existing, &opts.corpus, opts.force, &mut issues, &mut summary);
    if !issues.is_empty() {
        issues.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
        return Err(CorpusImportError::Invalid(issues));
    }
    for p in &planned {
        fill_row(&mut metadata, &p.name, &table.articles[p.article], &table, &map, opts.force, &mut summary.notes);
    }
    std::fs::create_dir_all(&opts.corpus)
        .map_err(|e| CorpusImportError::Write { path: opts.corpus.display().to_string(), reason: e.to_string() })?;
    let mut writes: Vec<(PathBuf, Vec<u8>)> = planned
        .into_iter()
        .filter(|p| p.exists != Some(false))
        .map(|p| (opts.corpus.join(&p.name), p.text.into_bytes()))
        .collect();
    if !metadata.is_empty() {
        let csv = to_csv(&metadata).map_err(|e| CorpusImportError::Write {
            path: metadata_path.display().to_string(),
            reason: e.to_string(),
        })?;
        writes.push((metadata_path, csv));
    }
    write_all_atomic(&writes, progress)
        .map_err(|(path, e)| CorpusImportError::Write { path: path.display().to_string(), reason: e.to_string() })?;
    summary.columns = metadata.value_columns().map(str::to_owned).collect();
    Ok(summary)
}

/// The corpus's documents by id, when the folder exists.
fn existing_documents(corpus: &Path) -> Result<HashMap<String, PathBuf>, CorpusImportError> {
    if !corpus.exists() {
        return Ok(HashMap::new());
    }
    let scanned = Corpus::scan(corpus).map_err(|e| CorpusImportError::Unreadable(e.to_string()))?;
    Ok(scanned.documents.into_iter().map(|d| (d.id, d.path)).collect())
}

/// The articles to write, with their file names; problems go to `issues`, skipped
/// rows and changed ids to the summary.
fn plan(
    table: &Table,
    map: &FieldMap,
    existing: &HashMap<String, PathBuf>,
    corpus: &Path,
    force: bool,
    issues: &mut Vec<LineIssue>,
    summary: &mut CorpusImportSummary,
) -> Vec<Planned> {
    let title_field = map.field_of(TITLE);
    // A corpus folder not made yet holds nothing to look up, file by file.
    let fresh = !corpus.exists();
    let folded: HashMap<String, &str> = existing.keys().map(|id| (id.to_lowercase(), id.as_str())).collect();
    // Raw id -> index in `planned`; lower-cased file name -> raw id that has it.
    let mut by_raw: HashMap<String, usize> = HashMap::new();
    let mut names: HashMap<String, String> = HashMap::new();
    let mut planned: Vec<Planned> = Vec::new();
    for (i, article) in table.articles.iter().enumerate() {
        let value = |f: Option<usize>| f.and_then(|f| article.values.get(f)).and_then(|v| v.as_deref());
        let Some(text) = value(Some(map.text)).filter(|t| !t.trim().is_empty()) else {
            summary.skipped.push(table.issue(article, "skipped: no text".to_owned()));
            continue;
        };
        let (raw, derived) = match map.id {
            Some(f) => match value(Some(f)).map(str::trim).filter(|v| !v.is_empty()) {
                Some(id) => (id.to_owned(), false),
                None => {
                    issues.push(table.issue(article, format!("no id in field `{}`", table.fields[f])));
                    continue;
                }
            },
            None => match table.file_stem(article) {
                Some(stem) => (stem, false),
                None => (id_from_title(value(title_field), text), true),
            },
        };
        if let Some(&first) = by_raw.get(&raw) {
            let earlier = &table.articles[planned[first].article];
            if derived && planned[first].text == text {
                summary
                    .skipped
                    .push(table.issue(article, format!("skipped: a repeat of the article {}", table.place(earlier))));
            } else {
                issues.push(
                    table.issue(article, format!("id `{raw}` is also the id of the article {}", table.place(earlier))),
                );
            }
            continue;
        }
        let Some(mut stem) = safe_stem(&raw) else {
            issues.push(table.issue(article, format!("id `{raw}` leaves nothing to name a file with")));
            continue;
        };
        // Taken: by an earlier article, or by a document whose name differs only in case.
        let taken = |stem: &str, names: &HashMap<String, String>| {
            let exact = format!("{stem}.txt");
            let name = exact.to_lowercase();
            names.contains_key(&name) || folded.get(&name).is_some_and(|id| *id != exact)
        };
        if taken(&stem, &names) {
            let unique = format!("{stem}-{}", short_hash(&raw));
            summary.notes.push(table.issue(
                article,
                format!("id `{raw}` is stored as {unique}.txt: {stem}.txt is taken by another article (or differs only in case)"),
            ));
            stem = unique;
        }
        let name = format!("{stem}.txt");
        names.insert(name.to_lowercase(), raw.clone());
        let target = corpus.join(&name);
        if !fresh && std::fs::metadata(&target).is_ok_and(|m| !m.is_file()) {
            issues.push(table.issue(article, format!("{name} is a folder in the corpus, not a text; give another id")));
            continue;
        }
        let exists = match existing.get(&name) {
            None if !fresh && target.exists() => Some(true),
            None => None,
            Some(path) => match std::fs::read(path) {
                Ok(bytes) if bytes == text.as_bytes() => Some(false),
                _ => Some(true),
            },
        };
        match exists {
            Some(true) if !force => {
                issues.push(table.issue(
                    article,
                    format!("{name} exists in the corpus with a different text; not replacing it without --force"),
                ));
                continue;
            }
            Some(true) => summary.replaced += 1,
            Some(false) => summary.unchanged += 1,
            None => summary.added += 1,
        }
        by_raw.insert(raw, planned.len());
        planned.push(Planned { name, text: text.to_owned(), exists, article: i });
    }
    planned
}

/// Sets document `name`'s row from `article`: without `force` a cell that already
/// has a value keeps it; a date that cannot be normalized is kept as it is, noted.
fn fill_row(
    metadata: &mut Metadata,
    name: &str,
    article: &Article,
    table: &Table,
    map: &FieldMap,
    force: bool,
    notes: &mut Vec<LineIssue>,
) {
    for (column, field) in &map.columns {
        let Some(value) = article.values.get(*field).and_then(|v| v.as_deref()).map(str::trim) else { continue };
        if value.is_empty() {
            continue;
        }
        let value = if column == DATE {
            match normalize_date(value) {
                Some(d) => d,
                None => {
                    notes.push(table.issue(
                        article,
                        format!("date `{value}` is kept as it is: it is not a date Claimcoder can read"),
                    ));
                    value.to_owned()
                }
            }
        } else {
            value.to_owned()
        };
        let current = metadata.get(name).and_then(|m| m.value(column));
        if force || current.is_none() {
            metadata.set(name, column, &value);
        }
    }
}
