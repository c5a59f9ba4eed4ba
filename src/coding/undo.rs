//! Undo and redo as snapshots of what a change can touch (the open document's
//! annotations and the project), taken before every change that `apply` makes.
//!
//! States are kept with their claims shared: a claim that did not change between
//! two states is one `Arc` in both. Taking the state before a change compares the
//! claims with the last state kept and copies only those that differ, so coding a
//! claim in a document of thousands costs what changed, not a copy of them all
//! (and 500 steps of history do not hold 500 copies).

use std::collections::HashMap;
use std::sync::Arc;

use crate::model::{AnnotationFile, Claim, ClaimId, Project};

/// What one undo step restores.
#[derive(Clone, Debug, PartialEq)]
pub struct Snapshot {
    /// The open document's annotations.
    pub file: AnnotationFile,
    /// Codebook and actor registry.
    pub project: Project,
}

/// A state as the stack keeps it.
#[derive(Debug)]
pub struct Kept {
    /// The file without its claims.
    header: AnnotationFile,
    claims: Vec<Arc<Claim>>,
    project: Arc<Project>,
}

impl Kept {
    /// The project as it was.
    pub fn project(&self) -> &Project {
        &self.project
    }

    fn into_snapshot(self) -> Snapshot {
        let mut file = self.header;
        file.claims = self.claims.into_iter().map(Arc::unwrap_or_clone).collect();
        Snapshot { file, project: Arc::unwrap_or_clone(self.project) }
    }
}

/// Past and future states. Consecutive changes with the same coalescing key
/// (typing a note) make one step, so undo does not go a letter at a time.
#[derive(Debug, Default)]
pub struct UndoStack {
    past: Vec<(Kept, Option<String>)>,
    future: Vec<Kept>,
    /// The claims and project of the state kept last, to share with the next one.
    shared: HashMap<ClaimId, Arc<Claim>>,
    shared_project: Option<Arc<Project>>,
}

/// How many steps are kept; older ones are dropped.
const LIMIT: usize = 500;

impl UndoStack {
    /// The state of `file` and `project` before a change, copying only what
    /// differs from the state kept last.
    pub fn keep(&mut self, file: &mut AnnotationFile, project: &Project) -> Kept {
        let claims = std::mem::take(&mut file.claims);
        let header = file.clone();
        let kept: Vec<Arc<Claim>> = claims
            .iter()
            .map(|c| match self.shared.get(&c.id) {
                Some(same) if **same == *c => same.clone(),
                _ => Arc::new(c.clone()),
            })
            .collect();
        file.claims = claims;
        self.kept(header, kept, project)
    }

    fn kept(&mut self, header: AnnotationFile, claims: Vec<Arc<Claim>>, project: &Project) -> Kept {
        let project = match &self.shared_project {
            Some(same) if **same == *project => same.clone(),
            _ => Arc::new(project.clone()),
        };
        self.shared = claims.iter().map(|c| (c.id, c.clone())).collect();
        self.shared_project = Some(project.clone());
        Kept { header, claims, project }
    }

    /// Keeps a whole snapshot (its claims are moved, not copied).
    fn keep_snapshot(&mut self, snapshot: Snapshot) -> Kept {
        let Snapshot { mut file, project } = snapshot;
        let claims = std::mem::take(&mut file.claims)
            .into_iter()
            .map(|c| match self.shared.get(&c.id) {
                Some(same) if **same == c => same.clone(),
                _ => Arc::new(c),
            })
            .collect();
        self.kept(file, claims, &project)
    }

    /// Records the state before a change, taken with [`UndoStack::keep`].
    pub fn record_kept(&mut self, before: Kept, coalesce: Option<String>) {
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

    /// Records the state before a change.
    pub fn record(&mut self, before: Snapshot, coalesce: Option<String>) {
        let kept = self.keep_snapshot(before);
        self.record_kept(kept, coalesce);
    }

    /// The state to go back to, given the current one (kept for redo).
    pub fn undo(&mut self, current: Snapshot) -> Option<Snapshot> {
        let (previous, _) = self.past.pop()?;
        let current = self.keep_snapshot(current);
        self.future.push(current);
        Some(previous.into_snapshot())
    }

    /// The state to go forward to, given the current one (kept for undo).
    pub fn redo(&mut self, current: Snapshot) -> Option<Snapshot> {
        let next = self.future.pop()?;
        let current = self.keep_snapshot(current);
        self.past.push((current, None));
        Some(next.into_snapshot())
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
    use crate::model::Span;

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

    /// States taken with `keep` share unchanged claims with the state before, and
    /// undo gives back exactly the states as they were, changed claims included.
    #[test]
    fn kept_states_share_unchanged_claims_and_restore_exactly() {
        let text = crate::text::TextIndex::new("One two three four five six.".to_owned());
        let mut file = AnnotationFile::new("d.txt", "a", "x");
        let project = Project::builtin();
        for (s, e) in [(0, 3), (4, 7), (8, 13)] {
            let id = file.take_claim_id();
            file.claims.push(Claim::new(id, "assertion", Span::from_text(&text, s, e).expect("span")));
        }
        let mut u = UndoStack::default();
        let mut states = Vec::new();
        for step in 0..3 {
            states.push(file.clone());
            let kept = u.keep(&mut file, &project);
            assert_eq!(file, *states.last().expect("state"), "keep leaves the file as it was");
            u.record_kept(kept, None);
            file.claims[step].note = format!("changed in step {step}");
        }
        let (first, _) = &u.past[0];
        let (second, _) = &u.past[1];
        assert!(Arc::ptr_eq(&first.claims[2], &second.claims[2]), "an unchanged claim is shared");
        assert!(!Arc::ptr_eq(&first.claims[0], &second.claims[0]), "a changed one is not");
        assert!(Arc::ptr_eq(&first.project, &second.project));
        for state in states.iter().rev() {
            let current = Snapshot { file: file.clone(), project: project.clone() };
            let back = u.undo(current).expect("a step back");
            assert_eq!(back.file, *state);
            file = back.file;
        }
        assert!(!u.can_undo());
    }
}
