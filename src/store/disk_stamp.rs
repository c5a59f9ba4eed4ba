//! Recognising that a file changed on disk since we read or wrote it (another
//! program, `git pull`), so that it is reloaded instead of overwritten.

use std::path::Path;
use std::time::{Duration, SystemTime};

use crate::model::document::sha256_hex;

/// How long after a file's modification time another write may still leave the same
/// time behind: file-system clocks tick coarsely (a kernel tick, or 2 s on FAT).
const CLOCK_TICK: Duration = Duration::from_secs(2);

/// What a file looked like when we last read or wrote it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiskStamp {
    len: u64,
    modified: Option<SystemTime>,
    sha256: String,
    /// When the stamp was taken; a file modified within [`CLOCK_TICK`] of this could be
    /// rewritten without its modification time changing.
    taken: SystemTime,
}

impl DiskStamp {
    /// The stamp of bytes we just read from or wrote to `path`.
    pub fn of(path: &Path, bytes: &[u8]) -> Self {
        let meta = std::fs::metadata(path).ok();
        Self {
            len: bytes.len() as u64,
            modified: meta.and_then(|m| m.modified().ok()),
            sha256: sha256_hex(bytes),
            taken: SystemTime::now(),
        }
    }

    /// Whether the file at `path` still holds what we stamped. Size and time decide
    /// quickly; when only the time differs the content is hashed, so a `touch` alone
    /// is not taken for a change. An unchanged time is trusted only when it was
    /// already a clock tick old when stamped (as git does for its index): a same-size
    /// rewrite within the same tick keeps the time and is caught by the hash. A
    /// deleted file counts as changed.
    pub fn still_matches(&self, path: &Path) -> bool {
        let Ok(meta) = std::fs::metadata(path) else { return false };
        if meta.len() != self.len {
            return false;
        }
        let settled = self.modified.is_some_and(|m| m + CLOCK_TICK <= self.taken);
        if settled && meta.modified().ok() == self.modified {
            return true;
        }
        std::fs::read(path).map(|b| sha256_hex(&b) == self.sha256).unwrap_or(false)
    }
}
