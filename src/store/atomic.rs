//! Atomic file replacement: a crash or a full disk leaves the old file or the new
//! one, whole, never a torn mix (FORMAT.md section 3).

use std::io::Write;
use std::path::Path;

/// Writes `bytes` to a temporary file in `path`'s folder, flushes it to disk and
/// renames it over `path`; on Unix the folder is synced too, so the rename survives
/// a power cut. The new file keeps the old one's permissions (a new file gets the
/// usual ones under the umask), not the private 0600 of a temporary file, so that a
/// file shared with a team stays readable by it.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = folder_of(path);
    let mut tmp = temp_file_in(dir)?;
    if let Ok(meta) = std::fs::metadata(path)
        && meta.is_file()
    {
        tmp.as_file().set_permissions(meta.permissions())?;
    }
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    sync_folder(dir);
    Ok(())
}

/// Creates `path` with `bytes`, whole or not at all, and never replaces a file
/// already there: the content goes to a temporary file first, which is then given
/// the name only if it is free (an error of kind `AlreadyExists` otherwise). Used for
/// conflict copies, which must never overwrite one another.
pub fn write_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = folder_of(path);
    let mut tmp = temp_file_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist_noclobber(path).map_err(|e| e.error)?;
    sync_folder(dir);
    Ok(())
}

fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

/// A temporary file in `dir` created with the usual permissions under the umask
/// (0644 under 022), not tempfile's private 0600.
fn temp_file_in(dir: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".claimcoder-").suffix(".tmp");
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    builder.tempfile_in(dir)
}

/// On Unix, syncs the folder so a rename survives a power cut.
fn sync_folder(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_whole_file_and_leaves_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.alice.ron");
        write_atomic(&p, b"first").unwrap();
        write_atomic(&p, b"second").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"second");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names.len(), 1, "{names:?}");
    }

    #[test]
    fn write_new_never_replaces_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("copy");
        write_new(&p, b"first").unwrap();
        let err = write_new(&p, b"second").unwrap_err();
        assert_eq!(err.kind(), std::io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read(&p).unwrap(), b"first");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary file left");
    }

    #[test]
    fn missing_folder_is_an_error_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        assert!(write_atomic(&dir.path().join("no/such/dir/x.ron"), b"x").is_err());
    }
}
