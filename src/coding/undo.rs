//! Undo and redo as snapshots of what a change can touch (the open document's
//! annotations and the project), taken before every change that `apply` makes.

use crate::model::{AnnotationFile, Project};

/// What one undo step restores.
#[derive(Clone, Debug, PartialEq)]
pub struct Snapshot {
    /// The open document's annotations.
    pub file: AnnotationFile,
    /// Codebook and actor registry.
    pub project: Project,
}

/// Past and future snapshots. Consecutive changes with the same coalescing key
/// (typing a note) make one step, so undo does not go a letter at a time.
#[derive(Debug, Default)]
pub struct UndoStack {
    past: Vec<(Snapshot, Option<String>)>,
    future: Vec<Snapshot>,
}

/// How many steps are kept; older ones are dropped.
const LIMIT: usize = 500;

impl UndoStack {
    /// Records the state before a change.
    pub fn record(&mut self, before: Snapshot, coalesce: Option<String>) {
        if coalesce.is_some() && self.past.last().is_some_and(|(_, key)| *key == coalesce) {
            self.future.clear();
            return;
        }
        self.past.push((before, coalesce));
        if self.past.len() > LIMIT {
            self.past.remove(0);
        }
        self.future.clear();
    }

    /// The state to go back to, given the current one (kept for redo).
    pub fn undo(&mut self, current: Snapshot) -> Option<Snapshot> {
        let (previous, _) = self.past.pop()?;
        self.future.push(current);
        Some(previous)
    }

    /// The state to go forward to, given the current one (kept for undo).
    pub fn redo(&mut self, current: Snapshot) -> Option<Snapshot> {
        let next = self.future.pop()?;
        self.past.push((current, None));
        Some(next)
    }

    /// Whether there is anything to undo.
    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }

    /// Whether there is anything to redo.
    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snap(n: u64) -> Snapshot {
        let mut file = AnnotationFile::new("d.txt", "a", "x");
        file.next_id = n;
        Snapshot { file, project: Project::builtin() }
    }

    #[test]
    fn undo_redo_walk_the_history() {
        let mut u = UndoStack::default();
        u.record(snap(1), None);
        u.record(snap(2), None);
        assert_eq!(u.undo(snap(3)), Some(snap(2)));
        assert_eq!(u.undo(snap(2)), Some(snap(1)));
        assert_eq!(u.undo(snap(1)), None);
        assert_eq!(u.redo(snap(1)), Some(snap(2)));
        assert_eq!(u.redo(snap(2)), Some(snap(3)));
        assert!(!u.can_redo());
    }

    #[test]
    fn typing_coalesces_into_one_step() {
        let mut u = UndoStack::default();
        u.record(snap(1), Some("note-1".into()));
        u.record(snap(2), Some("note-1".into()));
        u.record(snap(3), Some("note-2".into()));
        assert_eq!(u.undo(snap(4)), Some(snap(3)));
        assert_eq!(u.undo(snap(3)), Some(snap(1)));
    }
}
