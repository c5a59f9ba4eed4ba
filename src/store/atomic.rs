//! Atomic file replacement: a crash or a full disk leaves the old file or the new
//! one, whole, never a torn mix (FORMAT.md section 3).

use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes `bytes` to a temporary file in `path`'s folder, flushes it to disk and
/// renames it over `path`; on Unix the folder is synced too, so the rename survives
/// a power cut. The new file keeps the old one's permissions (a new file gets the
/// usual ones under the umask), not the private 0600 of a temporary file, so that a
/// file shared with a team stays readable by it.
///
/// A symbolic link is written through: the temporary file goes beside the link's
/// final target and is renamed over the target, so the link stays a link (a corpus
/// whose annotation files link into another folder keeps them there).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let given = path;
    let target = link_target(path)?;
    let path = target.as_path();
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
    super::own_writes::remember(path, bytes);
    if given != path {
        super::own_writes::remember(given, bytes);
    }
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

/// The file `path` finally names: itself, or the end of its chain of symbolic links
/// (which need not exist yet). A chain of more than 40 links is an error, as the
/// operating system would say.
pub(super) fn link_target(path: &Path) -> std::io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..40 {
        match std::fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let next = std::fs::read_link(&current)?;
                current = if next.is_absolute() { next } else { folder_of(&current).join(next) };
            }
            _ => return Ok(current),
        }
    }
    Err(std::io::Error::other(format!("{}: too many levels of symbolic links", path.display())))
}

pub(super) fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

/// A temporary file in `dir` created with the usual permissions under the umask
/// (0644 under 022), not tempfile's private 0600.
pub(super) fn temp_file_in(dir: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".claimcoder-").suffix(".tmp");
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    builder.tempfile_in(dir)
}

/// On Unix, syncs the folder so a rename survives a power cut.
pub(super) fn sync_folder(dir: &Path) {
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

    #[cfg(unix)]
    #[test]
    fn writes_go_through_a_link_and_the_link_stays() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("elsewhere")).unwrap();
        let target = dir.path().join("elsewhere/a.alice.ron");
        std::fs::write(&target, b"old").unwrap();
        let link = dir.path().join("a.alice.ron");
        std::os::unix::fs::symlink("elsewhere/a.alice.ron", &link).unwrap();
        let chained = dir.path().join("b.alice.ron");
        std::os::unix::fs::symlink(&link, &chained).unwrap();
        write_atomic(&chained, b"new").unwrap();
        assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert!(std::fs::symlink_metadata(&chained).unwrap().file_type().is_symlink());
        assert_eq!(std::fs::read(&target).unwrap(), b"new");
        let loop_link = dir.path().join("loop");
        std::os::unix::fs::symlink("loop", &loop_link).unwrap();
        assert!(write_atomic(&loop_link, b"x").is_err(), "a link loop is an error, not a hang");
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
