//! Recognising that a file changed on disk since we read or wrote it (another
//! program, `git pull`), so that it is reloaded instead of overwritten.

use std::path::Path;
use std::time::SystemTime;

use crate::model::document::sha256_hex;

/// What a file looked like when we last read or wrote it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiskStamp {
    len: u64,
    modified: Option<SystemTime>,
    sha256: String,
}

impl DiskStamp {
    /// The stamp of bytes we just read from or wrote to `path`.
    pub fn of(path: &Path, bytes: &[u8]) -> Self {
        let meta = std::fs::metadata(path).ok();
        Self { len: bytes.len() as u64, modified: meta.and_then(|m| m.modified().ok()), sha256: sha256_hex(bytes) }
    }

    /// Whether the file at `path` still holds what we stamped. Size and time decide
    /// quickly; when only the time differs the content is hashed, so a `touch` alone
    /// is not taken for a change. A deleted file counts as changed.
    pub fn still_matches(&self, path: &Path) -> bool {
        let Ok(meta) = std::fs::metadata(path) else { return false };
        if meta.len() != self.len {
            return false;
        }
        if meta.modified().ok() == self.modified && self.modified.is_some() {
            return true;
        }
        std::fs::read(path).map(|b| sha256_hex(&b) == self.sha256).unwrap_or(false)
    }
}
