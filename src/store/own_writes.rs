//! The files this process wrote last, so that a file watcher can tell our own saves
//! from other programs' changes (FORMAT.md section 7, "Outside changes"). Every
//! atomic write records the bytes' hash under the path written (and the link's
//! target, when the path is a link); a changed file whose content is still what we
//! wrote is ours.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use crate::model::document::sha256_hex;

/// How many paths are remembered; beyond that the memory starts afresh, which only
/// means an old write of ours may once be taken for an outside change (a harmless
/// re-read).
const LIMIT: usize = 4096;

fn written() -> &'static Mutex<HashMap<PathBuf, (u64, String)>> {
    static WRITTEN: OnceLock<Mutex<HashMap<PathBuf, (u64, String)>>> = OnceLock::new();
    WRITTEN.get_or_init(Default::default)
}

/// Records that we wrote `bytes` to `path`.
pub(crate) fn remember(path: &Path, bytes: &[u8]) {
    let Ok(mut map) = written().lock() else { return };
    if map.len() >= LIMIT {
        map.clear();
    }
    map.insert(path.to_path_buf(), (bytes.len() as u64, sha256_hex(bytes)));
}

/// Whether the file at `path` holds what this process last wrote there. A file we
/// never wrote, or one changed since, is not ours; so is a file that is gone.
pub fn is_own_write(path: &Path) -> bool {
    let expected = match written().lock() {
        Ok(map) => map.get(path).cloned(),
        Err(_) => None,
    };
    let Some((len, sha)) = expected else { return false };
    match std::fs::metadata(path) {
        Ok(meta) if meta.len() == len => std::fs::read(path).is_ok_and(|b| sha256_hex(&b) == sha),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn our_write_is_ours_until_someone_else_changes_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.alice.ron");
        assert!(!is_own_write(&path), "a file never written is not ours");
        super::super::write_atomic(&path, b"ours").unwrap();
        assert!(is_own_write(&path));
        std::fs::write(&path, b"them").unwrap();
        assert!(!is_own_write(&path), "same size, other bytes");
        std::fs::write(&path, b"theirs").unwrap();
        assert!(!is_own_write(&path));
        std::fs::remove_file(&path).unwrap();
        assert!(!is_own_write(&path), "a deleted file is not ours");
    }
}
