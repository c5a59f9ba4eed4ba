//! Watching an open corpus for changes other programs make (a sync folder, `git
//! pull`, a colleague's editor), so the app sees them as they happen instead of at
//! the next save (FORMAT.md section 7, "Outside changes").
//!
//! A [`CorpusWatcher`] owns a debounced watcher (`notify-debouncer-full`) on the
//! corpus folder and on the folders that symbolic links among its annotation files
//! point into. The watcher thread sends the changed paths over a channel and calls a
//! waker (the app asks for a repaint, so an idle window wakes); the owner takes them
//! with [`CorpusWatcher::take`] and never blocks. Only names the corpus uses are
//! delivered: texts, annotation and project files, conflict copies; temporary files
//! of atomic writes (hidden names, `.tmp`, `~`) are left out. A path seen through a
//! link is delivered as the link's path, the one the corpus knows.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::Duration;

use notify_debouncer_full::notify::event::{AccessKind, AccessMode};
use notify_debouncer_full::notify::{self, EventKind, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};

use crate::job::Waker;
use crate::model::corpus::CONFLICT_MARK;

/// How long a burst of events on one file is gathered before it is delivered: short
/// enough that a change shows at once, long enough that an editor's several writes
/// of one save arrive together.
pub const DEBOUNCE: Duration = Duration::from_millis(150);

/// What changed since the last [`CorpusWatcher::take`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OutsideChanges {
    /// Files that were created, changed, renamed or removed (as the corpus names them).
    pub paths: BTreeSet<PathBuf>,
    /// Events were lost (the kernel's queue overflowed): anything may have changed.
    pub rescan: bool,
    /// Why watching partly failed, one sentence each.
    pub errors: Vec<String>,
}

impl OutsideChanges {
    /// Whether there is nothing to act on.
    pub fn is_empty(&self) -> bool {
        self.paths.is_empty() && !self.rescan && self.errors.is_empty()
    }

    /// Whether `path` may have changed.
    pub fn touches(&self, path: &Path) -> bool {
        self.rescan || self.paths.contains(path)
    }
}

/// Why the corpus cannot be watched; the app says so and falls back to checking
/// when the window gets the focus back and before every save.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "changes by other programs in {folder} are not seen as they happen ({reason}); they are noticed when the window gets the focus back and before every save"
)]
pub struct WatchError {
    /// The folder.
    pub folder: String,
    /// The operating system's reason, with a hint when it is a known limit.
    pub reason: String,
}

impl WatchError {
    fn new(folder: &Path, error: &notify::Error) -> Self {
        let reason = match error.kind {
            notify::ErrorKind::MaxFilesWatch => {
                "the system's limit of watched folders is reached; raise fs.inotify.max_user_watches".to_owned()
            }
            _ => error.to_string(),
        };
        Self { folder: folder.display().to_string(), reason }
    }
}

/// A running watch of one corpus; dropping it stops the watch.
pub struct CorpusWatcher {
    debouncer: Debouncer<RecommendedWatcher, RecommendedCache>,
    rx: Receiver<DebounceEventResult>,
    /// Link targets (canonical) and the links in the corpus that name them.
    links: HashMap<PathBuf, PathBuf>,
    /// Folders outside the corpus watched for link targets.
    extra: BTreeSet<PathBuf>,
}

impl CorpusWatcher {
    /// Watches `root` and everything under it; `wake` is called from the watcher's
    /// thread whenever changes arrive.
    pub fn start(root: &Path, wake: Waker) -> Result<Self, WatchError> {
        let (tx, rx) = channel();
        let handler = move |result: DebounceEventResult| {
            if tx.send(result).is_ok() {
                wake();
            }
        };
        let mut debouncer = new_debouncer(DEBOUNCE, None, handler).map_err(|e| WatchError::new(root, &e))?;
        debouncer.watch(root, RecursiveMode::Recursive).map_err(|e| WatchError::new(root, &e))?;
        Ok(Self { debouncer, rx, links: HashMap::new(), extra: BTreeSet::new() })
    }

    /// Also watches the file a symbolic link of the corpus points to (its folder,
    /// when outside the corpus); changes to it are delivered as changes of `link`.
    /// A path that is not a link is left alone.
    pub fn follow_link(&mut self, link: &Path) -> Result<(), WatchError> {
        let is_link = std::fs::symlink_metadata(link).is_ok_and(|m| m.file_type().is_symlink());
        let Some(target) = is_link.then(|| link.canonicalize().ok()).flatten() else { return Ok(()) };
        let Some(folder) = target.parent().map(Path::to_path_buf) else { return Ok(()) };
        self.links.insert(target, link.to_path_buf());
        if !self.extra.contains(&folder) {
            self.debouncer.watch(&folder, RecursiveMode::NonRecursive).map_err(|e| WatchError::new(&folder, &e))?;
            self.extra.insert(folder);
        }
        Ok(())
    }

    /// Takes what arrived since the last call, without waiting.
    pub fn take(&self) -> OutsideChanges {
        let mut changes = OutsideChanges::default();
        loop {
            match self.rx.try_recv() {
                Ok(Ok(events)) => {
                    for event in events {
                        if event.need_rescan() {
                            changes.rescan = true;
                        }
                        if is_read_only_access(&event.kind) {
                            continue;
                        }
                        for path in &event.paths {
                            if is_watched_name(path) {
                                changes.paths.insert(self.links.get(path).cloned().unwrap_or_else(|| path.clone()));
                            }
                        }
                    }
                }
                Ok(Err(errors)) => changes.errors.extend(errors.iter().map(|e| e.to_string())),
                Err(TryRecvError::Empty | TryRecvError::Disconnected) => return changes,
            }
        }
    }
}

/// Opening or reading a file changes nothing (the app reads files itself).
fn is_read_only_access(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => false,
        EventKind::Access(_) => true,
        _ => false,
    }
}

/// Whether a changed path is one the corpus uses: a text, an annotation or project
/// file, or a conflict copy; never a hidden or temporary file (an atomic write's
/// `.claimcoder-….tmp`, an editor's `~` backup or `.swp`).
pub fn is_watched_name(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else { return false };
    if name.starts_with('.') || name.ends_with('~') || name.ends_with(".tmp") {
        return false;
    }
    name.ends_with(".txt") || name.ends_with(".ron") || name.contains(CONFLICT_MARK)
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Instant;

    use super::*;

    /// Waits until the watcher delivered something matching `want` (at most 5 s).
    fn wait_for(w: &CorpusWatcher, want: impl Fn(&OutsideChanges) -> bool) -> OutsideChanges {
        let deadline = Instant::now() + Duration::from_secs(5);
        let mut all = OutsideChanges::default();
        while Instant::now() < deadline {
            let got = w.take();
            all.paths.extend(got.paths);
            all.rescan |= got.rescan;
            all.errors.extend(got.errors);
            if want(&all) {
                return all;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        all
    }

    #[test]
    fn names_the_corpus_uses_are_watched_temporary_files_are_not() {
        for name in ["a.txt", "a.alice.ron", "claimcoder.ron", "a.alice.ron.conflict-20261124T101010.123456Z-1"] {
            assert!(is_watched_name(Path::new(name)), "{name}");
        }
        for name in [".claimcoder-x1.tmp", ".a.alice.ron.swp", "a.alice.ron~", "notes.md", "x.tmp", ".git"] {
            assert!(!is_watched_name(Path::new(name)), "{name}");
        }
    }

    #[test]
    fn an_atomic_write_in_a_subfolder_arrives_as_its_final_name_and_wakes() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        std::fs::create_dir(root.join("sub")).unwrap();
        let wakes = Arc::new(AtomicUsize::new(0));
        let counter = wakes.clone();
        let w = CorpusWatcher::start(
            &root,
            Arc::new(move || {
                counter.fetch_add(1, Ordering::Relaxed);
            }),
        )
        .expect("watching a temporary folder works");
        let file = root.join("sub/d.alice.ron");
        crate::store::write_atomic(&file, b"(format: 1)").unwrap();
        std::fs::write(root.join("sub/notes.md"), b"x").unwrap();
        let got = wait_for(&w, |c| c.paths.contains(&file));
        assert!(got.paths.contains(&file), "{got:?}");
        assert!(got.paths.iter().all(|p| is_watched_name(p)), "no temporary file or stray name: {got:?}");
        assert!(wakes.load(Ordering::Relaxed) > 0, "the owner was woken");
        assert!(w.take().is_empty(), "taken once");
    }

    #[cfg(unix)]
    #[test]
    fn a_change_behind_a_link_arrives_as_the_link() {
        let corpus = tempfile::tempdir().unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        let root = corpus.path().canonicalize().unwrap();
        let target = elsewhere.path().canonicalize().unwrap().join("d.alice.ron");
        std::fs::write(&target, b"old").unwrap();
        let link = root.join("d.alice.ron");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let mut w = CorpusWatcher::start(&root, crate::job::no_waker()).unwrap();
        w.follow_link(&link).unwrap();
        w.follow_link(&root.join("not-a-link.ron")).unwrap();
        std::fs::write(&target, b"new").unwrap();
        let got = wait_for(&w, |c| c.paths.contains(&link));
        assert!(got.paths.contains(&link), "{got:?}");
        assert!(!got.paths.contains(&target), "delivered under the corpus's name: {got:?}");
    }

    #[test]
    fn a_missing_folder_is_a_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("gone");
        let err = CorpusWatcher::start(&missing, crate::job::no_waker()).err().expect("cannot watch");
        let text = err.to_string();
        assert!(text.contains("gone") && text.contains("before every save"), "{text}");
    }
}
