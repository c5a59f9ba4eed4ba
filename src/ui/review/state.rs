//! What the review holds: the shared dataset (every annotator's files, read in the
//! background), the agreement of the chosen annotators, the document under review
//! with its gold file, and the view's choices (filters, selected unit, tab). Gold
//! decisions are applied in `gold.rs`.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use super::ReviewIntent;
use super::units::LabelFilter;
use crate::adjudication::{Merge, is_settled, present};
use crate::agreement::{AgreementReport, Unit, agreement_with_fields, document_units};
use crate::coding::{UndoStack, ViewRequest};
use crate::model::{ActorRegistry, AnnotationFile, Annotator};
use crate::store::session::load_from_path;
use crate::store::{CodedDocument, Dataset, LoadedAnnotations};
use crate::ui::effect::Effects;

/// Which main view the review shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tab {
    /// One document: text with lanes, units, adjudication.
    #[default]
    Document,
    /// Corpus-wide agreement figures.
    Dashboard,
}

/// The review's state.
#[derive(Default)]
pub struct ReviewState {
    /// Every document with every annotator's file, as last read.
    dataset: Option<Arc<Dataset>>,
    /// Gold files written since the dataset was read, by document id.
    gold_saved: BTreeMap<String, AnnotationFile>,
    /// Files that could not be read (the first), or why the corpus could not be.
    pub(crate) load_error: Option<String>,
    /// The annotators that can be compared (every one with a file, gold and
    /// suggested excluded).
    pub available: Vec<Annotator>,
    /// The annotators chosen for comparison, sorted.
    pub chosen: Vec<Annotator>,
    /// Agreement among the chosen annotators (`None` with fewer than two).
    pub report: Option<AgreementReport>,
    /// Settled and total units per document id, for the document list.
    pub progress: BTreeMap<String, (usize, usize)>,
    /// Whether the document list is sorted worst first (else in corpus order).
    pub worst_first: bool,
    /// Index into the dataset's documents of the document under review.
    pub(crate) current: Option<usize>,
    /// The gold file of the document under review, as loaded for saving.
    pub(crate) gold: Option<LoadedAnnotations>,
    /// The selected unit (index into the document's units).
    pub selected: Option<usize>,
    /// The labels hidden from the unit list.
    pub(crate) hidden: BTreeSet<LabelFilter>,
    /// Scroll the text to this char offset.
    pub(crate) scroll_to: ViewRequest<usize>,
    /// The "Edit merged" choices for the selected unit.
    pub(crate) merge: Merge,
    /// Gold changes on the document under review, for undo; cleared when another
    /// document opens or the files are read again.
    pub(crate) undo: UndoStack,
    /// The last save error, shown until the next successful save.
    pub(crate) save_error: Option<String>,
    /// Document or dashboard.
    pub(crate) tab: Tab,
    /// Bumped whenever gold or the selection changes, for the text layout cache.
    pub(crate) revision: u64,
}

impl ReviewState {
    /// Applies a review intent; `registry` names actors in the gold file.
    pub(crate) fn apply(&mut self, intent: ReviewIntent, registry: &ActorRegistry) -> Effects {
        match intent {
            ReviewIntent::ToggleAnnotator(a) => {
                if self.chosen.contains(&a) {
                    self.chosen.retain(|c| *c != a);
                } else {
                    self.chosen.push(a);
                }
                self.chosen.sort();
                self.recompute();
            }
            ReviewIntent::ToggleWorstFirst => self.worst_first = !self.worst_first,
            ReviewIntent::OpenDocument(id) => self.open(&id),
            ReviewIntent::SelectUnit(unit) => self.select(unit),
            ReviewIntent::NextUnit => self.step_unit(true),
            ReviewIntent::PrevUnit => self.step_unit(false),
            ReviewIntent::ToggleFilter(f) => {
                if !self.hidden.remove(&f) {
                    self.hidden.insert(f);
                }
            }
            ReviewIntent::SetMerge(m) => self.merge = m,
            ReviewIntent::SetTab(tab) => self.tab = tab,
            ReviewIntent::Decide(decision) => self.decide(decision, registry),
            ReviewIntent::Undo => self.undo_gold(registry, true),
            ReviewIntent::Redo => self.undo_gold(registry, false),
        }
        Effects::none()
    }

    /// Takes a freshly read dataset, keeping the annotator choice where it still
    /// applies and the document under review.
    pub(crate) fn set_dataset(&mut self, dataset: Arc<Dataset>) {
        let document = self.current_document().map(|d| d.entry.id.clone());
        self.load_error = dataset.errors.first().cloned();
        self.available = dataset.annotators().into_iter().filter(|a| !a.is_reserved()).collect();
        self.chosen.retain(|a| self.available.contains(a));
        if self.chosen.len() < 2 {
            self.chosen = self.available.clone();
        }
        self.dataset = Some(dataset);
        self.gold_saved.clear();
        self.recompute();
        self.current = None;
        self.gold = None;
        if let Some(id) = document {
            self.open(&id);
        }
    }

    /// The corpus could not be read.
    pub(crate) fn dataset_failed(&mut self, reason: String) {
        self.load_error = Some(reason);
        self.dataset = None;
        self.gold_saved.clear();
        self.available.clear();
        self.recompute();
        self.current = None;
        self.gold = None;
    }

    /// Whether a dataset was read.
    pub(crate) fn has_dataset(&self) -> bool {
        self.dataset.is_some()
    }

    /// Recomputes agreement and progress after the annotator choice changed.
    fn recompute(&mut self) {
        self.report = match &self.dataset {
            Some(d) if self.chosen.len() >= 2 => {
                Some(agreement_with_fields(&d.documents, &self.chosen, &d.project.fields))
            }
            _ => None,
        };
        self.progress.clear();
        let ids: Vec<String> =
            self.report.iter().flat_map(|r| r.per_document.iter().map(|d| d.document.clone())).collect();
        for id in ids {
            self.recount(&id);
        }
        self.selected = None;
        self.revision += 1;
    }

    /// Remembers a gold file just written, so the progress counts it.
    pub(crate) fn remember_gold(&mut self, id: &str, file: AnnotationFile) {
        self.gold_saved.insert(id.to_owned(), file);
    }

    /// Recounts the settled units of one document.
    pub(crate) fn recount(&mut self, id: &str) {
        let Some(doc) = self.dataset.as_ref().and_then(|d| d.documents.iter().find(|d| d.entry.id == id)) else {
            return;
        };
        let empty = AnnotationFile::new(id, "gold", "");
        let gold = self.gold_saved.get(id).or_else(|| doc.files.get(&Annotator::gold())).unwrap_or(&empty);
        let units = document_units(doc, &self.chosen);
        let settled = units.iter().filter(|u| is_settled(&present(u), gold)).count();
        self.progress.insert(id.to_owned(), (settled, units.len()));
    }

    /// Opens the document `id` for review with its gold file, read from disk.
    fn open(&mut self, id: &str) {
        let Some(dataset) = &self.dataset else { return };
        let Some(index) = dataset.documents.iter().position(|d| d.entry.id == id) else { return };
        let doc = &dataset.documents[index];
        let path = doc.entry.annotation_path(&Annotator::gold());
        self.gold = Some(load_from_path(&path, id, &Annotator::gold(), &doc.document));
        self.current = Some(index);
        self.selected = None;
        self.merge = Merge::default();
        self.save_error = None;
        self.undo = UndoStack::default();
        self.revision += 1;
    }

    /// The document under review.
    pub fn current_document(&self) -> Option<&CodedDocument> {
        self.dataset.as_ref()?.documents.get(self.current?)
    }

    /// The units of the document under review among the chosen annotators.
    pub fn units(&self) -> Vec<Unit<'_>> {
        self.current_document().map(|d| document_units(d, &self.chosen)).unwrap_or_default()
    }

    /// The gold file of the document under review.
    pub fn gold_file(&self) -> Option<&AnnotationFile> {
        self.gold.as_ref().map(|g| &g.file)
    }

    /// The dataset as last read.
    pub(crate) fn dataset(&self) -> Option<&Dataset> {
        self.dataset.as_deref()
    }

    /// The project of the dataset (its codebook when the workspace has none).
    pub(crate) fn project(&self) -> Option<&crate::model::Project> {
        self.dataset.as_ref().map(|d| &d.project)
    }
}
