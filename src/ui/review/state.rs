//! What the review view holds: the corpus loaded once with every annotator's files,
//! the agreement of the chosen annotators, the document under review with its gold
//! file, and the view's choices (filters, selected unit, tab).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use super::adjudicate::is_settled;
use super::lanes::LanesCache;
use super::units::LabelFilter;
use crate::agreement::{AgreementReport, Unit, agreement, document_units};
use crate::model::{AnnotationFile, Annotator};
use crate::store::session::load_from_path;
use crate::store::{CodedDocument, Dataset, LoadedAnnotations, load_dataset};
use crate::ui::undo::UndoStack;

/// Which main view the review shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tab {
    /// One document: text with lanes, units, adjudication.
    #[default]
    Document,
    /// Corpus-wide agreement figures.
    Dashboard,
}

/// The review view's state. Loading happens when the review opens, on Refresh and
/// when the annotator choice changes, never per frame.
#[derive(Default)]
pub struct ReviewState {
    /// The corpus folder the data was loaded from.
    pub root: Option<PathBuf>,
    /// Every document with every annotator's file (gold included).
    pub dataset: Option<Dataset>,
    /// Why the corpus could not be loaded.
    pub load_error: Option<String>,
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
    pub current: Option<usize>,
    /// The gold file of the document under review, as loaded for saving.
    pub gold: Option<LoadedAnnotations>,
    /// The selected unit (index into the document's units).
    pub selected: Option<usize>,
    /// The labels hidden from the unit list.
    pub hidden: BTreeSet<LabelFilter>,
    /// Where the text should scroll to next frame (a char offset).
    pub scroll_to: Option<usize>,
    /// The "Edit merged" choices for the selected unit.
    pub merge: super::adjudicate::Merge,
    /// Gold changes on the document under review, for undo; cleared when another
    /// document opens or the files are reloaded.
    pub undo: UndoStack,
    /// The last save error, shown until the next successful save.
    pub save_error: Option<String>,
    /// Document or dashboard.
    pub tab: Tab,
    /// Bumped whenever gold or the selection changes, for the text layout cache.
    pub revision: u64,
    pub(crate) lanes: LanesCache,
    /// The frame the review was last shown in.
    shown_frame: u64,
}

impl ReviewState {
    /// Loads the corpus at `root` when the review opens (it was not shown in the
    /// previous frame, so codings made meanwhile are seen) or the corpus changed.
    pub fn ensure_loaded(&mut self, root: &Path, frame: u64) {
        let reopened = frame > self.shown_frame.saturating_add(1);
        self.shown_frame = frame;
        if reopened || self.root.as_deref() != Some(root) {
            self.load(root);
        }
    }

    /// (Re)loads every file of the corpus at `root`, keeping the annotator choice
    /// where it still applies and the document under review.
    pub fn load(&mut self, root: &Path) {
        let document = self.current_document().map(|d| d.entry.id.clone());
        self.root = Some(root.to_path_buf());
        match load_dataset(root, &[]) {
            Ok(dataset) => {
                self.load_error = dataset.errors.first().cloned();
                self.available = dataset.annotators().into_iter().filter(|a| !a.is_reserved()).collect();
                self.chosen.retain(|a| self.available.contains(a));
                if self.chosen.len() < 2 {
                    self.chosen = self.available.clone();
                }
                self.dataset = Some(dataset);
            }
            Err(e) => {
                self.load_error = Some(e.to_string());
                self.dataset = None;
                self.available.clear();
            }
        }
        self.recompute();
        self.current = None;
        self.gold = None;
        if let Some(id) = document {
            self.open(&id);
        }
    }

    /// Recomputes agreement and progress after the annotator choice changed.
    pub fn recompute(&mut self) {
        self.report = match &self.dataset {
            Some(d) if self.chosen.len() >= 2 => Some(agreement(&d.documents, &self.chosen)),
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

    /// Recounts the settled units of one document.
    pub fn recount(&mut self, id: &str) {
        let Some(doc) = self.dataset.as_ref().and_then(|d| d.documents.iter().find(|d| d.entry.id == id)) else {
            return;
        };
        let empty = AnnotationFile::new(id, "gold", "");
        let gold = doc.files.get(&Annotator::gold()).unwrap_or(&empty);
        let units = document_units(doc, &self.chosen);
        let settled = units.iter().filter(|u| is_settled(&present(u), gold)).count();
        self.progress.insert(id.to_owned(), (settled, units.len()));
    }

    /// Opens the document `id` for review with its gold file.
    pub fn open(&mut self, id: &str) {
        let Some(dataset) = &self.dataset else { return };
        let Some(index) = dataset.documents.iter().position(|d| d.entry.id == id) else { return };
        let doc = &dataset.documents[index];
        let path = doc.entry.annotation_path(&Annotator::gold());
        self.gold = Some(load_from_path(&path, id, &Annotator::gold(), &doc.document));
        self.current = Some(index);
        self.selected = None;
        self.merge = Default::default();
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
}

/// The claims present in a unit.
pub fn present<'a>(unit: &Unit<'a>) -> Vec<&'a crate::model::Claim> {
    unit.claims.iter().flatten().copied().collect()
}
