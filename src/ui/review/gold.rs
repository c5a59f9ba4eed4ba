//! Applying the lead's decisions to the gold file of the document under review:
//! each change is recorded for undo, written at once with the store's guard (a file
//! changed on disk is never overwritten), and the progress is recounted. The rules
//! are the core's ([`crate::adjudication`]).

use super::state::ReviewState;
use super::units::LabelFilter;
use crate::adjudication::{Decision, Merge, decide};
use crate::coding::Snapshot;
use crate::model::{ActorRegistry, Project};
use crate::store::save_annotations;

impl ReviewState {
    /// Selects a unit, scrolls the text to it and resets the merge form to its claims.
    pub(crate) fn select(&mut self, unit: Option<usize>) {
        let units = self.units();
        let found = unit.and_then(|i| units.get(i));
        let scroll = found.map(|u| u.start());
        let first = found.and_then(|u| u.claims.iter().position(Option::is_some)).unwrap_or(0);
        drop(units);
        self.selected = unit.filter(|_| scroll.is_some());
        if let Some(start) = scroll {
            self.scroll_to.send(start);
        }
        self.merge = Merge { kind_from: first, span_from: first, source_from: first };
        self.revision += 1;
    }

    /// Selects the next (or previous) unit the filters show.
    pub(crate) fn step_unit(&mut self, forward: bool) {
        let shown: Vec<usize> = self
            .units()
            .iter()
            .enumerate()
            .filter(|(_, u)| !self.hidden.contains(&LabelFilter::of(&u.label)))
            .map(|(i, _)| i)
            .collect();
        let next = match (self.selected, forward) {
            (None, true) => shown.first().copied(),
            (None, false) => shown.last().copied(),
            (Some(s), true) => shown.iter().copied().find(|&i| i > s),
            (Some(s), false) => shown.iter().copied().rev().find(|&i| i < s),
        };
        if next.is_some() {
            self.select(next);
        }
    }

    /// Applies a decision (accept, accept merged, reject, accept all agreed).
    pub(crate) fn decide(&mut self, decision: Decision, registry: &ActorRegistry) {
        let Some(doc) = self.current_document() else { return };
        let Some(loaded) = &self.gold else { return };
        if !loaded.is_editable() {
            self.save_error = Some(format!("{} cannot be read, so it is never overwritten", loaded.path.display()));
            return;
        }
        let units = self.units();
        let mut gold = loaded.file.clone();
        let changed = decide(&mut gold, &units, &doc.document.text, decision);
        drop(units);
        if !changed {
            return;
        }
        let project = self.project().cloned().unwrap_or_else(Project::builtin);
        if let Some(loaded) = &mut self.gold {
            let before = std::mem::replace(&mut loaded.file, gold);
            self.undo.record(Snapshot { file: before, project }, None);
        }
        self.save_gold(registry);
    }

    /// Steps back (or forward) through the gold changes made on this document.
    pub(crate) fn undo_gold(&mut self, registry: &ActorRegistry, back: bool) {
        let Some(current) = self.gold_file().cloned() else { return };
        let project = self.project().cloned().unwrap_or_else(Project::builtin);
        let snapshot = Snapshot { file: current, project };
        let target = if back { self.undo.undo(snapshot) } else { self.undo.redo(snapshot) };
        let (Some(target), Some(loaded)) = (target, self.gold.as_mut()) else { return };
        loaded.file = target.file;
        self.save_gold(registry);
    }

    /// Writes the gold file, remembers it for the progress and recounts.
    fn save_gold(&mut self, registry: &ActorRegistry) {
        let Some(doc) = self.current_document().map(|d| (d.entry.id.clone(), d.document.clone())) else { return };
        let (id, document) = doc;
        let Some(loaded) = self.gold.as_mut() else { return };
        self.save_error = save_annotations(loaded, &document, registry).err().map(|e| e.to_string());
        let file = loaded.file.clone();
        self.remember_gold(&id, file);
        self.recount(&id);
        self.revision += 1;
    }
}
