//! Reading and writing annotation files as the contract prints them: pretty RON,
//! one field a line, claims in text order.

use std::path::Path;

use serde::Deserialize;

pub use super::ron_error::syntax_error_in;
use crate::model::{AnnotationFile, FORMAT_VERSION};

/// Why an annotation (or project) file cannot be used; each names the file and,
/// for syntax, the line and column.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read.
    #[error("{path}: cannot read: {reason}")]
    Unreadable {
        /// The file.
        path: String,
        /// The OS error.
        reason: String,
    },
    /// The file is not valid UTF-8.
    #[error("{path}:{line}:{col}: not valid UTF-8")]
    NotUtf8 {
        /// The file.
        path: String,
        /// Line of the first bad byte.
        line: usize,
        /// Column of the first bad byte.
        col: usize,
    },
    /// RON syntax or schema error.
    #[error("{path}:{line}:{col}: {reason}")]
    Syntax {
        /// The file.
        path: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        col: usize,
        /// What the parser expected.
        reason: String,
    },
    /// Written by a newer program; read-only so its unknown fields survive.
    #[error(
        "{path}:1:1: format {found} is newer than this program understands (format {FORMAT_VERSION}); opened read-only"
    )]
    NewerFormat {
        /// The file.
        path: String,
        /// The file's format.
        found: u32,
    },
}

impl LoadError {
    /// The message in `path:line:col: message` form used by `claimcoder check`.
    pub fn located(&self) -> String {
        match self {
            LoadError::Unreadable { path, reason } => format!("{path}:1:1: cannot read: {reason}"),
            other => other.to_string(),
        }
    }
}

/// Just the `format` of a file, everything else ignored, so that a newer file is
/// reported as newer (read-only) rather than as full of unknown fields.
#[derive(Deserialize)]
struct FormatProbe {
    format: u32,
}

/// [`LoadError::NewerFormat`] when `text` parses as RON with a `format` newer than
/// this program's.
pub(crate) fn refuse_newer(path: &str, text: &str) -> Result<(), LoadError> {
    match ron::from_str::<FormatProbe>(text) {
        Ok(probe) if probe.format > FORMAT_VERSION => {
            Err(LoadError::NewerFormat { path: path.to_owned(), found: probe.format })
        }
        _ => Ok(()),
    }
}

/// Parses an annotation file's text: the fast reader for the writer's own layout,
/// else the strict parser. The two agree on every input (a property test mutates
/// written files to hold it), so which one read a file never shows.
pub fn parse_annotation(path: &str, text: &str) -> Result<AnnotationFile, LoadError> {
    if let Some(file) = super::ron_reader::read_written_layout(text) {
        return Ok(file);
    }
    parse_annotation_strict(path, text)
}

/// The strict parser alone (FORMAT.md section 3, "Reading is strict"): a newer
/// `format` first, then every field of the schema, each error located.
pub fn parse_annotation_strict(path: &str, text: &str) -> Result<AnnotationFile, LoadError> {
    refuse_newer(path, text)?;
    ron::from_str::<AnnotationFile>(text).map_err(|e| syntax_error_in(path, text, e))
}

/// Decodes file bytes as UTF-8, reporting the line and column of a bad byte.
pub fn decode(path: &str, bytes: &[u8]) -> Result<String, LoadError> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_owned()),
        Err(e) => {
            let (line, col) = line_col_after(&bytes[..e.valid_up_to()]);
            Err(LoadError::NotUtf8 { path: path.to_owned(), line, col })
        }
    }
}

/// Line and column (1-based, in characters) just after `bytes`: where the first
/// byte that is not UTF-8 stands, for every loader's "not valid UTF-8" error.
pub(crate) fn line_col_after(bytes: &[u8]) -> (usize, usize) {
    let line = bytes.iter().filter(|&&b| b == b'\n').count() + 1;
    let start = bytes.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    (line, String::from_utf8_lossy(&bytes[start..]).chars().count() + 1)
}

/// Reads and parses the annotation file at `path` (shown as `shown`), returning the
/// raw bytes too so the caller can stamp them.
pub fn read_annotation(shown: &str, path: &Path) -> Result<(AnnotationFile, Vec<u8>), LoadError> {
    let bytes =
        std::fs::read(path).map_err(|e| LoadError::Unreadable { path: shown.to_owned(), reason: e.to_string() })?;
    let text = decode(shown, &bytes)?;
    Ok((parse_annotation(shown, &text)?, bytes))
}

/// The pretty-printer settings of every file we write: one field a line, spans
/// (depth 4) on one line each, so diffs are readable.
pub fn pretty() -> ron::ser::PrettyConfig {
    ron::ser::PrettyConfig::new().depth_limit(3).indentor("    ").new_line("\n")
}

/// Serialises an annotation file with claims in the written order. It cannot fail:
/// the writer builds the text itself (see `ron_writer`).
pub fn to_ron(file: &AnnotationFile) -> String {
    if file.claims.is_sorted_by_key(|c| (c.content.start, c.id)) {
        return super::ron_writer::write_annotation(file);
    }
    let mut file = file.clone();
    file.sort_claims();
    super::ron_writer::write_annotation(&file)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Claim, Span, TextIndex};

    fn sample() -> AnnotationFile {
        let text = TextIndex::new("“Serious,” Lew told reporters.".into());
        let mut f = AnnotationFile::new("000.txt", "alice", "abc");
        let id = f.take_claim_id();
        let mut c = Claim::new(id, "assertion", Span::from_text(&text, 0, 10).unwrap());
        c.source = Some("jacob-lew".into());
        c.source_mention = Span::from_text(&text, 11, 14);
        c.cue = Span::from_text(&text, 15, 19);
        f.claims.push(c);
        f.actors.insert("jacob-lew".into(), "Jacob J. Lew".into());
        f
    }

    #[test]
    fn writes_one_field_a_line_and_reads_back() {
        let f = sample();
        let text = to_ron(&f);
        assert!(text.contains("\n    format: 1,\n"), "{text}");
        assert!(text.contains("\n    status: InProgress,\n"), "{text}");
        assert!(text.contains("source: Some(\"jacob-lew\"),"), "{text}");
        assert!(text.contains("content: (start: 0, end: 10, quote: \"“Serious,”\"),"), "{text}");
        assert!(text.contains("cue: Some((start: 15, end: 19, quote: \"told\")),"), "{text}");
        assert_eq!(parse_annotation("x", &text).unwrap(), f);
    }

    #[test]
    fn newer_format_is_reported_as_newer() {
        let text = to_ron(&sample()).replace("format: 1,", "format: 2,\n    future_field: [1, 2],");
        assert!(matches!(parse_annotation("x", &text), Err(LoadError::NewerFormat { found: 2, .. })));
    }

    #[test]
    fn unknown_fields_are_errors() {
        let text = to_ron(&sample()).replace("format: 1,", "format: 1,\n    reviewer: \"bob\",");
        match parse_annotation("x", &text) {
            Err(LoadError::Syntax { line: 3, reason, .. }) => assert!(reason.starts_with("unknown field `reviewer`")),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn syntax_errors_are_located() {
        let text = to_ron(&sample()).replace("status: InProgress,", "status: Maybe,");
        match parse_annotation("a.alice.ron", &text) {
            Err(LoadError::Syntax { line, .. }) => assert_eq!(line, 6),
            other => panic!("{other:?}"),
        }
    }
}
