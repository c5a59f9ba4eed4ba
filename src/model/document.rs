//! A document's text as read from disk: decoded, BOM stripped, hashed, indexed.

use std::path::Path;

use sha2::{Digest, Sha256};

use super::TextIndex;

/// Why a document's text cannot be used; the document stays listed with this error.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DocumentError {
    /// The file could not be read.
    #[error("cannot read {path}: {reason}")]
    Unreadable {
        /// The file.
        path: String,
        /// The OS error.
        reason: String,
    },
    /// The bytes are not UTF-8.
    #[error("{path} is not valid UTF-8 at byte {byte}")]
    NotUtf8 {
        /// The file.
        path: String,
        /// Position of the first invalid byte in the file (BOM included).
        byte: usize,
    },
}

/// A loaded document.
#[derive(Clone, Debug)]
pub struct Document {
    /// Path relative to the corpus, `/` separators.
    pub id: String,
    /// The text without a leading BOM, line endings as on disk.
    pub text: TextIndex,
    /// Hex SHA-256 of the bytes on disk (BOM included), what annotation files record.
    pub sha256: String,
}

/// UTF-8 byte-order mark, which is not part of the text (FORMAT.md section 1).
const BOM: &[u8] = b"\xEF\xBB\xBF";

impl Document {
    /// Decodes the bytes of a document file.
    pub fn from_bytes(id: &str, bytes: &[u8]) -> Result<Self, DocumentError> {
        let sha256 = sha256_hex(bytes);
        let (skip, body) = match bytes.strip_prefix(BOM) {
            Some(rest) => (BOM.len(), rest),
            None => (0, bytes),
        };
        let text = std::str::from_utf8(body)
            .map_err(|e| DocumentError::NotUtf8 { path: id.to_owned(), byte: skip + e.valid_up_to() })?;
        Ok(Self { id: id.to_owned(), text: TextIndex::new(text.to_owned()), sha256 })
    }

    /// Reads and decodes a document file.
    pub fn load(id: &str, path: &Path) -> Result<Self, DocumentError> {
        let bytes = std::fs::read(path)
            .map_err(|e| DocumentError::Unreadable { path: id.to_owned(), reason: e.to_string() })?;
        Self::from_bytes(id, &bytes)
    }

    /// The title the document list shows: the first non-empty line, trimmed.
    pub fn title(&self) -> String {
        title_of(self.text.as_str())
    }
}

/// The first non-empty line of `text`, trimmed and cut to 120 characters.
pub fn title_of(text: &str) -> String {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("");
    let mut title: String = line.chars().take(120).collect();
    if line.chars().nth(120).is_some() {
        title.push('…');
    }
    title
}

/// Hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for b in digest {
        out.push_str(&format!("{b:02x}"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_is_stripped_but_hashed() {
        let d = Document::from_bytes("a.txt", b"\xEF\xBB\xBFHello\r\nWorld").unwrap();
        assert_eq!(d.text.as_str(), "Hello\r\nWorld");
        assert_eq!(d.text.char_len(), 12, "CRLF is two characters");
        assert_eq!(d.sha256, sha256_hex(b"\xEF\xBB\xBFHello\r\nWorld"));
        assert_eq!(d.title(), "Hello");
    }

    #[test]
    fn invalid_utf8_names_the_byte() {
        let err = Document::from_bytes("bad.txt", b"ok \xFF no").unwrap_err();
        assert_eq!(err, DocumentError::NotUtf8 { path: "bad.txt".into(), byte: 3 });
        assert_eq!(err.to_string(), "bad.txt is not valid UTF-8 at byte 3");
        let err = Document::from_bytes("bom.txt", b"\xEF\xBB\xBF\xC3").unwrap_err();
        assert_eq!(err, DocumentError::NotUtf8 { path: "bom.txt".into(), byte: 3 });
    }

    #[test]
    fn sha256_matches_a_known_vector() {
        assert_eq!(sha256_hex(b"abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    #[test]
    fn title_skips_blank_lines() {
        assert_eq!(title_of("\n\n  Headline  \nbody"), "Headline");
        assert_eq!(title_of(""), "");
    }
}
