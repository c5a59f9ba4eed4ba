//! Applying the review's intents to the gold file of the document under review:
//! each change is recorded for undo, written at once with the store's guard (a file
//! changed on disk is never overwritten), and the progress is recounted.

use super::ReviewAction;
use super::adjudicate::{accept, is_settled, merged, reject};
use super::state::{ReviewState, present};
use crate::agreement::{Label, document_units};
use crate::model::{ActorRegistry, Annotator, Project};
use crate::store::save_annotations;
use crate::ui::undo::Snapshot;

impl ReviewState {
    /// Selects a unit, scrolls the text to it and resets the merge form to its claims.
    pub fn select(&mut self, unit: Option<usize>) {
        let units = self.units();
        let found = unit.and_then(|i| units.get(i));
        let scroll = found.map(|u| u.start());
        let first = found.and_then(|u| u.claims.iter().position(Option::is_some)).unwrap_or(0);
        drop(units);
        self.selected = unit.filter(|_| scroll.is_some());
        self.scroll_to = scroll;
        self.merge = super::adjudicate::Merge { kind_from: first, span_from: first, source_from: first };
        self.revision += 1;
    }

    /// Selects the next (or previous) unit the filters show.
    pub fn step_unit(&mut self, forward: bool) {
        let shown: Vec<usize> = self
            .units()
            .iter()
            .enumerate()
            .filter(|(_, u)| !self.hidden.contains(&super::LabelFilter::of(&u.label)))
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

    /// Applies an adjudication (accept, accept merged, reject, accept all agreed).
    pub fn adjudicate(&mut self, action: &ReviewAction, registry: &ActorRegistry) {
        let Some(doc) = self.dataset.as_ref().and_then(|d| d.documents.get(self.current?)) else { return };
        let Some(loaded) = self.gold.as_mut() else { return };
        if !loaded.is_editable() {
            self.save_error = Some(format!("{} cannot be read, so it is never overwritten", loaded.path.display()));
            return;
        }
        let before = loaded.file.clone();
        let units = document_units(doc, &self.chosen);
        let gold = &mut loaded.file;
        let unit = |i: usize| units.get(i);
        let changed = match action {
            ReviewAction::Accept { unit: i, slot } => {
                match unit(*i).and_then(|u| u.claims.get(*slot).copied().flatten()) {
                    Some(version) => {
                        accept(gold, &present(&units[*i]), version);
                        true
                    }
                    None => false,
                }
            }
            ReviewAction::AcceptMerged(i) => match unit(*i).and_then(|u| merged(&u.claims, self.merge)) {
                Some(version) => {
                    accept(gold, &present(&units[*i]), &version);
                    true
                }
                None => false,
            },
            ReviewAction::Reject(i) => unit(*i).is_some_and(|u| reject(gold, &present(u), &doc.document.text)),
            ReviewAction::AcceptAllAgreed => {
                let mut any = false;
                for u in units.iter().filter(|u| u.label == Label::Agree) {
                    let claims = present(u);
                    if let Some(first) = claims.first()
                        && !is_settled(&claims, gold)
                    {
                        accept(gold, &claims, first);
                        any = true;
                    }
                }
                any
            }
            _ => false,
        };
        if changed {
            let project = self.dataset.as_ref().map(|d| d.project.clone()).unwrap_or_else(Project::builtin);
            self.undo.record(Snapshot { file: before, project }, None);
            self.save_gold(registry);
        }
    }

    /// Steps back (or forward) through the gold changes made on this document.
    pub fn undo_gold(&mut self, registry: &ActorRegistry, back: bool) {
        let Some(current) = self.gold_file().cloned() else { return };
        let project = self.dataset.as_ref().map(|d| d.project.clone()).unwrap_or_else(Project::builtin);
        let snapshot = Snapshot { file: current, project };
        let target = if back { self.undo.undo(snapshot) } else { self.undo.redo(snapshot) };
        let (Some(target), Some(loaded)) = (target, self.gold.as_mut()) else { return };
        loaded.file = target.file;
        self.save_gold(registry);
    }

    /// Writes the gold file, keeps the loaded corpus in step and recounts progress.
    fn save_gold(&mut self, registry: &ActorRegistry) {
        let Some(index) = self.current else { return };
        let (Some(dataset), Some(loaded)) = (self.dataset.as_mut(), self.gold.as_mut()) else { return };
        let Some(doc) = dataset.documents.get_mut(index) else { return };
        self.save_error = save_annotations(loaded, &doc.document, registry).err().map(|e| e.to_string());
        doc.files.insert(Annotator::gold(), loaded.file.clone());
        let id = doc.entry.id.clone();
        self.recount(&id);
        self.revision += 1;
    }
}
