//! Reading and writing `documents.csv` (FORMAT.md section 1). A row that cannot be
//! used (malformed, naming a document twice, with a date that does not parse) is
//! reported with its line and column and kept as it is, so the rest of the table
//! works and writing it back loses nothing. Only a file that cannot be read as a
//! table at all (not UTF-8, no `document` column) is an error; it is never rewritten.

use std::path::Path;

use super::atomic::write_atomic;
use crate::model::Corpus;
use crate::model::metadata::{DATE, DOCUMENT_COLUMN, Metadata, MetadataRow, parse_date};

/// A problem in one row or cell, located for `path:line:col` messages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MetadataIssue {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub col: usize,
    /// One sentence.
    pub message: String,
}

/// Why `documents.csv` cannot be used at all.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MetadataError {
    /// The file exists but cannot be read.
    #[error("cannot read {path}: {reason}")]
    Unreadable {
        /// The file.
        path: String,
        /// The OS error.
        reason: String,
    },
    /// Bytes that are not UTF-8.
    #[error("{path}:{line}:{col}: not valid UTF-8")]
    NotUtf8 {
        /// The file.
        path: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        col: usize,
    },
    /// The header lacks the required `document` column.
    #[error("{path}:1:1: the header has no `document` column (the document id each row describes)")]
    NoDocumentColumn {
        /// The file.
        path: String,
    },
    /// The CSV reader gave up.
    #[error("{path}:{line}:1: {reason}")]
    Syntax {
        /// The file.
        path: String,
        /// 1-based line.
        line: usize,
        /// What went wrong.
        reason: String,
    },
}

impl MetadataError {
    /// Where the problem is, for `check`.
    pub fn location(&self) -> (usize, usize) {
        match self {
            Self::NotUtf8 { line, col, .. } => (*line, *col),
            Self::Syntax { line, .. } => (*line, 1),
            Self::Unreadable { .. } | Self::NoDocumentColumn { .. } => (1, 1),
        }
    }
}

/// A read table and the problems of its rows.
pub type ReadMetadata = (Metadata, Vec<MetadataIssue>);

/// Reads `path`; a missing file is an empty table (metadata is optional).
pub fn read_metadata(path: &Path) -> Result<ReadMetadata, MetadataError> {
    let shown = path.display().to_string();
    match std::fs::read(path) {
        Ok(bytes) => parse_metadata(&shown, &bytes),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok((Metadata::default(), Vec::new())),
        Err(e) => Err(MetadataError::Unreadable { path: shown, reason: e.to_string() }),
    }
}

/// Parses the bytes of a `documents.csv` shown to the user as `shown`.
pub fn parse_metadata(shown: &str, bytes: &[u8]) -> Result<ReadMetadata, MetadataError> {
    let (m, issues, _) = parse_rows(shown, decode(shown, bytes)?)?;
    Ok((m, issues))
}

/// Every problem of the `documents.csv` at `path` in a corpus: those of its rows, and
/// rows naming a document the corpus does not have (a renamed or deleted text).
pub fn check_metadata(path: &Path, corpus: &Corpus) -> Result<Vec<MetadataIssue>, MetadataError> {
    let shown = path.display().to_string();
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(MetadataError::Unreadable { path: shown, reason: e.to_string() }),
    };
    let text = decode(&shown, &bytes)?;
    let (m, mut issues, starts) = parse_rows(&shown, text)?;
    let ids: std::collections::HashSet<&str> = corpus.documents.iter().map(|d| d.id.as_str()).collect();
    let doc_col = m.columns().iter().position(|c| c == DOCUMENT_COLUMN).unwrap_or(0);
    for (row, start) in m.rows().iter().zip(starts) {
        let Some(id) = row.cells.get(doc_col).filter(|id| !id.is_empty()) else { continue };
        if !ids.contains(id.as_str()) && m.get(id).is_some_and(|meta| meta.line() == row.line) {
            let (line, col) = field_location(text, start, row.line, doc_col);
            issues.push(MetadataIssue {
                line,
                col,
                message: format!("document `{id}` is not in the corpus; its metadata is not shown"),
            });
        }
    }
    issues.sort_by_key(|i| (i.line, i.col));
    Ok(issues)
}

/// The text of the file: UTF-8 without a BOM.
fn decode<'a>(shown: &str, bytes: &'a [u8]) -> Result<&'a str, MetadataError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        let (line, col) = super::annotation_io::line_col_after(&bytes[..e.valid_up_to()]);
        MetadataError::NotUtf8 { path: shown.to_owned(), line, col }
    })
}

/// The table, its problems, and the byte where each row starts.
fn parse_rows(shown: &str, text: &str) -> Result<(Metadata, Vec<MetadataIssue>, Vec<usize>), MetadataError> {
    if text.trim().is_empty() {
        return Ok((Metadata::default(), Vec::new(), Vec::new()));
    }
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let syntax = |e: csv::Error| {
        let line = e.position().map(|p| p.line() as usize).unwrap_or(1);
        MetadataError::Syntax { path: shown.to_owned(), line, reason: e.to_string() }
    };
    let mut records = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        let start = reader.position().clone();
        match reader.read_record(&mut record) {
            Ok(true) => records.push((start.byte() as usize, start.line() as usize, record.clone())),
            Ok(false) => break,
            Err(e) => return Err(syntax(e)),
        }
    }
    let mut records = records.into_iter();
    let Some((_, _, header)) = records.next() else { return Ok((Metadata::default(), Vec::new(), Vec::new())) };
    let columns: Vec<String> = header.iter().map(str::to_owned).collect();
    let Some(doc_col) = columns.iter().position(|c| c == DOCUMENT_COLUMN) else {
        return Err(MetadataError::NoDocumentColumn { path: shown.to_owned() });
    };
    let date_col = columns.iter().position(|c| c == DATE);
    let mut issues = Vec::new();
    for (i, c) in columns.iter().enumerate() {
        if columns[..i].contains(c) {
            let (line, col) = field_location(text, 0, 1, i);
            issues.push(MetadataIssue { line, col, message: format!("column `{c}` appears twice; the first is used") });
        }
    }
    let mut rows = Vec::new();
    let mut starts = Vec::new();
    let mut first_line: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (byte, line, record) in records {
        let cells: Vec<String> = record.iter().map(str::to_owned).collect();
        let at = |field: usize| field_location(text, byte, line, field);
        if cells.len() != columns.len() {
            issues.push(MetadataIssue {
                line,
                col: 1,
                message: format!(
                    "this row has {} fields but the header has {}; its missing cells are empty",
                    cells.len(),
                    columns.len()
                ),
            });
        }
        match cells.get(doc_col).map(String::as_str) {
            None | Some("") => {
                let (l, c) = at(doc_col.min(cells.len().saturating_sub(1)));
                issues.push(MetadataIssue { line: l, col: c, message: "this row names no document".to_owned() });
            }
            Some(id) => {
                if let Some(first) = first_line.get(id) {
                    let (l, c) = at(doc_col);
                    issues.push(MetadataIssue {
                        line: l,
                        col: c,
                        message: format!("document `{id}` is described twice; the row on line {first} is used"),
                    });
                } else {
                    first_line.insert(id.to_owned(), line);
                }
            }
        }
        if let Some(d) = date_col
            && let Some(value) = cells.get(d).filter(|v| !v.trim().is_empty())
            && parse_date(value).is_none()
        {
            let (l, c) = at(d);
            issues.push(MetadataIssue {
                line: l,
                col: c,
                message: format!("date `{value}` is neither YYYY-MM-DD nor an RFC 3339 time"),
            });
        }
        rows.push(MetadataRow { cells, line });
        starts.push(byte);
    }
    Ok((Metadata::new(columns, rows), issues, starts))
}

/// Writes the table atomically: the header, then every row as it was read (a short
/// or long row stays as it is), RFC 4180 quoting.
pub fn write_metadata(path: &Path, metadata: &Metadata) -> std::io::Result<()> {
    write_atomic(path, &to_csv(metadata)?)
}

/// The bytes [`write_metadata`] writes.
pub fn to_csv(metadata: &Metadata) -> std::io::Result<Vec<u8>> {
    let mut w = csv::WriterBuilder::new().flexible(true).from_writer(Vec::new());
    w.write_record(metadata.columns())?;
    for row in metadata.rows() {
        w.write_record(&row.cells)?;
    }
    w.into_inner().map_err(|e| std::io::Error::other(e.to_string()))
}

/// Line and column where field `field` of the record starting at byte `start` (line
/// `line`) begins, walking the raw text so quoted commas and line breaks count right.
fn field_location(text: &str, start: usize, line: usize, field: usize) -> (usize, usize) {
    let (mut line, mut col, mut n, mut quoted) = (line, 1, 0, false);
    for ch in text.get(start..).unwrap_or("").chars() {
        if n == field {
            break;
        }
        match ch {
            '"' => quoted = !quoted,
            ',' if !quoted => n += 1,
            '\n' if !quoted => break,
            '\n' => {
                line += 1;
                col = 0;
            }
            _ => {}
        }
        col += 1;
    }
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> ReadMetadata {
        parse_metadata("documents.csv", text.as_bytes()).unwrap()
    }

    fn located(issues: &[MetadataIssue]) -> Vec<(usize, usize, String)> {
        issues.iter().map(|i| (i.line, i.col, i.message.clone())).collect()
    }

    #[test]
    fn rows_are_read_with_their_lines_and_problems_located() {
        let (m, issues) = parse(
            "document,title,date,desk\n\
             a.txt,\"Lew, in Beijing\",2013-03-18,biz\n\
             b.txt,\"two\nlines\",18/03/2013,\n\
             a.txt,again,,\n\
             c.txt,short\n\
             ,no id,,\n",
        );
        assert_eq!(m.get("a.txt").unwrap().title(), Some("Lew, in Beijing"));
        assert_eq!(m.get("b.txt").unwrap().title(), Some("two\nlines"));
        assert_eq!(m.get("b.txt").unwrap().line(), 3);
        assert_eq!(m.get("c.txt").unwrap().line(), 6, "a multi-line cell moves the next rows down");
        let got = located(&issues);
        assert_eq!((got[0].0, got[0].1), (4, 8), "the date after a quoted line break: {got:?}");
        assert!(got[0].2.contains("date `18/03/2013` is neither YYYY-MM-DD nor an RFC 3339 time"));
        assert_eq!((got[1].0, got[1].1), (5, 1));
        assert!(got[1].2.contains("described twice; the row on line 2 is used"), "{got:?}");
        assert_eq!((got[2].0, got[2].1), (6, 1));
        assert!(got[2].2.contains("this row has 2 fields but the header has 4"));
        assert_eq!((got[3].0, got[3].1), (7, 1));
        assert!(got[3].2.contains("names no document"));
        assert_eq!(got.len(), 4);
        assert_eq!(m.rows().len(), 5, "every row is kept");
    }

    #[test]
    fn writing_back_keeps_every_row_and_column() {
        let text = "document,title,extra\na.txt,\"Lew, in Beijing\",x\nb.txt,short\na.txt,dup,y\n";
        let (m, _) = parse(text);
        assert_eq!(String::from_utf8(to_csv(&m).unwrap()).unwrap(), text);
    }

    #[test]
    fn unusable_files_are_errors() {
        let err = parse_metadata("d.csv", b"document,title\na.txt,caf\xE9\n").unwrap_err();
        assert_eq!(err, MetadataError::NotUtf8 { path: "d.csv".into(), line: 2, col: 10 });
        assert_eq!(err.to_string(), "d.csv:2:10: not valid UTF-8");
        let err = parse_metadata("d.csv", b"id,title\na.txt,x\n").unwrap_err();
        assert!(matches!(err, MetadataError::NoDocumentColumn { .. }), "{err}");
        assert!(parse("").0.is_empty());
        assert!(parse("\u{feff}document,title\n").0.is_empty(), "a BOM and a header alone");
    }

    #[test]
    fn a_missing_file_is_no_metadata_and_writes_are_atomic() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("documents.csv");
        assert!(read_metadata(&path).unwrap().0.is_empty());
        let mut m = Metadata::default();
        m.set("a.txt", "title", "Ein “Titel”, mit Komma");
        write_metadata(&path, &m).unwrap();
        let (back, issues) = read_metadata(&path).unwrap();
        assert!(issues.is_empty());
        assert_eq!(back.get("a.txt").unwrap().title(), Some("Ein “Titel”, mit Komma"));
    }

    #[test]
    fn rows_for_missing_documents_are_located() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "A").unwrap();
        let corpus = Corpus::scan(dir.path()).unwrap();
        let path = dir.path().join("documents.csv");
        std::fs::write(&path, "title,document,date\n\"x, y\",a.txt,\n\"z,\"\"\",gone.txt,2013\n").unwrap();
        let got = located(&check_metadata(&path, &corpus).unwrap());
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!((got[0].0, got[0].1), (3, 8));
        assert!(got[0].2.contains("document `gone.txt` is not in the corpus"));
        assert_eq!((got[1].0, got[1].1), (3, 17));
        assert!(got[1].2.contains("date `2013`"));
    }
}
