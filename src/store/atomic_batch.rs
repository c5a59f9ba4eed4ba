//! Many atomic writes at once (an import of thousands of articles or annotation
//! files). Each file is written as [`write_atomic`] writes one, flushed to disk and
//! renamed into place; the flushes wait on the disk, not the processor, so they run
//! on several threads and the disk combines them.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;

use super::atomic::write_atomic;

/// Threads waiting on the disk at once.
const WRITERS: usize = 8;

/// Writes every `(path, bytes)` atomically, calling `progress(done, total)` as files
/// land. On the first failure the remaining files are not started and the failing
/// path is returned with its error; every file already written is whole.
pub fn write_all_atomic(
    files: &[(PathBuf, Vec<u8>)],
    progress: &mut dyn FnMut(usize, usize),
) -> Result<(), (PathBuf, std::io::Error)> {
    let total = files.len();
    let next = AtomicUsize::new(0);
    let failed = AtomicBool::new(false);
    let (tx, rx) = mpsc::channel::<Result<(), (PathBuf, std::io::Error)>>();
    std::thread::scope(|scope| {
        for _ in 0..WRITERS.min(total) {
            let tx = tx.clone();
            let (next, failed) = (&next, &failed);
            scope.spawn(move || {
                while !failed.load(Ordering::Relaxed) {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some((path, bytes)) = files.get(i) else { break };
                    let result = write_atomic(path, bytes).map_err(|e| (path.clone(), e));
                    if result.is_err() {
                        failed.store(true, Ordering::Relaxed);
                    }
                    if tx.send(result).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        let mut done = 0;
        let mut first_error = None;
        for result in rx {
            match result {
                Ok(()) => {
                    done += 1;
                    progress(done, total);
                }
                Err(e) => {
                    first_error.get_or_insert(e);
                }
            }
        }
        first_error.map_or(Ok(()), Err)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_every_file_and_reports_progress() {
        let dir = tempfile::tempdir().unwrap();
        let files: Vec<(PathBuf, Vec<u8>)> =
            (0..50).map(|i| (dir.path().join(format!("{i}.txt")), format!("text {i}").into_bytes())).collect();
        let mut seen = Vec::new();
        write_all_atomic(&files, &mut |done, total| seen.push((done, total))).unwrap();
        for (p, b) in &files {
            assert_eq!(&std::fs::read(p).unwrap(), b);
        }
        assert_eq!(seen.len(), 50);
        assert_eq!(seen.last(), Some(&(50, 50)));
    }

    #[test]
    fn a_failing_file_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let bad = dir.path().join("missing/folder/x.txt");
        let files = vec![(dir.path().join("a.txt"), b"a".to_vec()), (bad.clone(), b"b".to_vec())];
        let (path, _) = write_all_atomic(&files, &mut |_, _| {}).unwrap_err();
        assert_eq!(path, bad);
    }
}
