//! Many atomic writes at once (an import of thousands of articles or annotation
//! files), as safe as [`super::write_atomic`] one by one but several times faster.
//!
//! Every file is first written to a temporary file beside its target; then all of
//! them are flushed to disk; only then is each renamed into place, and each folder
//! synced once. A failure before the renames deletes every temporary file and writes
//! nothing; a crash at any point leaves each target either as it was or whole.
//!
//! The flush is what costs: a batch of [`SYNCFS_FROM`] files or more on Linux is
//! flushed with one `syncfs` per filesystem (a single journal commit for 10,000
//! texts instead of 10,000 `fsync`s, which on a busy disk took most of an import);
//! smaller batches, other systems, or a `syncfs` that fails, `fsync` each file, on
//! several threads so the disk combines the flushes.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use tempfile::TempPath;

use super::atomic::{folder_of, link_target, sync_folder, temp_file_in};

/// Threads working at once: the flushes wait on the disk, not the processor.
const WORKERS: usize = 8;

/// Batches of this many files or more are flushed with `syncfs` where there is one.
const SYNCFS_FROM: usize = 64;

/// A failed write: the target and the error.
pub type BatchError = (PathBuf, std::io::Error);

/// Writes every `(path, bytes)` as above, calling `progress(done, total)` as files
/// are flushed. On error the failing target is returned; when it happened before
/// the renames (the usual case: a full disk, a missing folder) nothing was written.
pub fn write_all_atomic(
    files: &[(PathBuf, Vec<u8>)],
    progress: &mut dyn FnMut(usize, usize),
) -> Result<(), BatchError> {
    let total = files.len();
    let whole_filesystem = total >= SYNCFS_FROM;
    // Progress counts files written, then (file by file) flushed, or flushed at once.
    let steps = if whole_filesystem { total + 1 } else { 2 * total };
    let mut written = 0;
    let mut on_written = |done: usize, _: usize| {
        written = done;
        progress(done, steps);
    };
    let temps = parallel(files, Some(Progress { report: &mut on_written, total }), |(path, bytes)| {
        write_temp(path, bytes).map_err(|e| (path.clone(), e))
    })?;
    let folders: BTreeSet<PathBuf> = temps.iter().map(|(t, _)| folder_of(t).to_path_buf()).collect();
    if !(whole_filesystem && folders.iter().all(|f| sync_filesystem(f).is_ok())) {
        let mut on_flushed = |done: usize, _: usize| progress(written + done, steps);
        parallel(&temps, Some(Progress { report: &mut on_flushed, total }), |(target, temp)| {
            std::fs::File::open(temp).and_then(|f| f.sync_all()).map_err(|e| (target.clone(), e))
        })?;
    }
    progress(steps, steps);
    for (target, temp) in temps {
        temp.persist(&target).map_err(|e| (target.clone(), e.error))?;
    }
    for folder in folders {
        sync_folder(&folder);
    }
    Ok(())
}

/// Flushes every file of the filesystem holding `folder` to disk (Linux `syncfs`,
/// which reports a failed write since Linux 5.8); elsewhere an error, so the caller
/// flushes file by file.
fn sync_filesystem(folder: &Path) -> std::io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        use std::os::fd::AsRawFd;
        let dir = std::fs::File::open(folder)?;
        // SAFETY: `syncfs` only reads the descriptor, which `dir` keeps open.
        if unsafe { libc::syncfs(dir.as_raw_fd()) } == 0 {
            return Ok(());
        }
        Err(std::io::Error::last_os_error())
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = folder;
        Err(std::io::Error::new(std::io::ErrorKind::Unsupported, "no syncfs"))
    }
}

/// Where [`parallel`] reports finished items: `report(done, total)`.
struct Progress<'a> {
    report: &'a mut dyn FnMut(usize, usize),
    total: usize,
}

/// Runs `work` on every item on [`WORKERS`] threads, results in item order; the
/// first error stops the rest. With `progress`, reports each finished item.
fn parallel<T: Sync, R: Send>(
    items: &[T],
    progress: Option<Progress<'_>>,
    work: impl Fn(&T) -> Result<R, BatchError> + Sync,
) -> Result<Vec<R>, BatchError> {
    let next = AtomicUsize::new(0);
    let failed: Mutex<Option<BatchError>> = Mutex::new(None);
    let done = AtomicUsize::new(0);
    let (tx, rx) = std::sync::mpsc::channel::<(usize, R)>();
    let mut results: Vec<Option<R>> = (0..items.len()).map(|_| None).collect();
    std::thread::scope(|scope| {
        for _ in 0..WORKERS.min(items.len()) {
            let tx = tx.clone();
            let (next, failed, work, done) = (&next, &failed, &work, &done);
            scope.spawn(move || {
                loop {
                    if failed.lock().map(|f| f.is_some()).unwrap_or(true) {
                        break;
                    }
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(i) else { break };
                    match work(item) {
                        Ok(r) => {
                            done.fetch_add(1, Ordering::Relaxed);
                            if tx.send((i, r)).is_err() {
                                break;
                            }
                        }
                        Err(e) => {
                            if let Ok(mut f) = failed.lock() {
                                f.get_or_insert(e);
                            }
                            break;
                        }
                    }
                }
            });
        }
        drop(tx);
        let mut progress = progress;
        let mut n = 0;
        for (i, r) in rx {
            results[i] = Some(r);
            n += 1;
            if let Some(p) = progress.as_mut() {
                (p.report)(n, p.total);
            }
        }
    });
    if let Some(e) = failed.into_inner().ok().flatten() {
        return Err(e);
    }
    Ok(results.into_iter().flatten().collect())
}

/// `bytes` in a closed temporary file beside `path`'s final target (through
/// symbolic links, as [`super::write_atomic`] writes), deleted when dropped, with
/// the permissions a new file gets under the umask, or those of the file it will
/// replace. Returns the target to rename it over.
fn write_temp(path: &Path, bytes: &[u8]) -> std::io::Result<(PathBuf, TempPath)> {
    let target = link_target(path)?;
    let mut tmp = temp_file_in(folder_of(&target))?;
    if let Ok(meta) = std::fs::metadata(&target)
        && meta.is_file()
    {
        tmp.as_file().set_permissions(meta.permissions())?;
    }
    tmp.write_all(bytes)?;
    Ok((target, tmp.into_temp_path()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> =
            std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        v.sort();
        v
    }

    #[test]
    fn writes_every_file_and_reports_progress() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("7.txt"), "old").unwrap();
        let files: Vec<(PathBuf, Vec<u8>)> =
            (0..50).map(|i| (dir.path().join(format!("{i}.txt")), format!("text {i}").into_bytes())).collect();
        let mut seen = Vec::new();
        write_all_atomic(&files, &mut |done, total| seen.push((done, total))).unwrap();
        for (p, b) in &files {
            assert_eq!(&std::fs::read(p).unwrap(), b);
        }
        assert_eq!(seen.len(), 101, "each file written, each flushed, then the end");
        assert!(seen.windows(2).all(|w| w[0].0 <= w[1].0 && w[1].1 == 100), "{seen:?}");
        assert_eq!(seen.last(), Some(&(100, 100)));
        assert_eq!(names(dir.path()).len(), 50, "no temporary file is left");
    }

    #[test]
    fn a_large_batch_is_flushed_at_once_and_written_whole() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        let files: Vec<(PathBuf, Vec<u8>)> = (0..SYNCFS_FROM + 6)
            .map(|i| {
                let folder = if i % 2 == 0 { dir.path().to_path_buf() } else { dir.path().join("sub") };
                (folder.join(format!("{i}.txt")), format!("text {i}").repeat(i + 1).into_bytes())
            })
            .collect();
        let mut seen = Vec::new();
        write_all_atomic(&files, &mut |done, total| seen.push((done, total))).unwrap();
        for (p, b) in &files {
            assert_eq!(&std::fs::read(p).unwrap(), b);
        }
        let steps = files.len() + 1;
        assert_eq!(seen.last(), Some(&(steps, steps)));
        assert!(seen.windows(2).all(|w| w[0].0 <= w[1].0), "{seen:?}");
        assert_eq!(names(dir.path()).len(), files.len() / 2 + 1, "no temporary file is left");
        assert_eq!(names(&dir.path().join("sub")).len(), files.len() / 2);
    }

    #[test]
    fn a_failure_before_the_renames_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let bad = dir.path().join("missing/folder/x.txt");
        let mut files: Vec<(PathBuf, Vec<u8>)> =
            (0..20).map(|i| (dir.path().join(format!("{i}.txt")), b"a".to_vec())).collect();
        files.push((bad.clone(), b"b".to_vec()));
        let (path, _) = write_all_atomic(&files, &mut |_, _| {}).unwrap_err();
        assert_eq!(path, bad);
        assert!(names(dir.path()).is_empty(), "{:?}", names(dir.path()));
    }

    #[cfg(unix)]
    #[test]
    fn replaced_files_keep_their_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        std::fs::write(&p, "old").unwrap();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_all_atomic(&[(p.clone(), b"new".to_vec())], &mut |_, _| {}).unwrap();
        assert_eq!(std::fs::metadata(&p).unwrap().permissions().mode() & 0o777, 0o640);
    }

    #[cfg(unix)]
    #[test]
    fn writes_go_through_a_link_and_the_link_stays() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("elsewhere")).unwrap();
        let target = dir.path().join("elsewhere/a.txt");
        std::fs::write(&target, "old").unwrap();
        let link = dir.path().join("a.txt");
        std::os::unix::fs::symlink("elsewhere/a.txt", &link).unwrap();
        write_all_atomic(&[(link.clone(), b"new".to_vec())], &mut |_, _| {}).unwrap();
        assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert_eq!(std::fs::read(&target).unwrap(), b"new");
        assert_eq!(names(&dir.path().join("elsewhere")), ["a.txt"], "no temporary file is left");
    }
}
