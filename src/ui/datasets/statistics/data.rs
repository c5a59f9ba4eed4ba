//! What the statistics view holds between frames: the corpus as read when the view
//! opened, the statistics for the chosen annotators, and the chosen actor's claims.

use std::path::PathBuf;

use crate::export::stats::{CorpusStats, corpus_stats};
use crate::model::{Annotator, ClaimId};
use crate::store::{Dataset, load_dataset_where};
use crate::ui::workspace::Workspace;

/// An actor as the statistics key them: actor id, `None` for unattributed claims.
pub(super) type ActorKey = Option<String>;

/// The statistics view's state. Reading the corpus is the slow part, so it happens
/// only when the view opens, when the corpus or annotator changes, or on Refresh.
#[derive(Clone, Default)]
pub struct StatisticsState {
    pub(super) loaded: Option<Loaded>,
    pub(super) error: Option<String>,
    /// Count only this annotator's claims (`None`: everyone's).
    pub(super) filter: Option<Annotator>,
    pub(super) selected_actor: Option<ActorKey>,
    /// The selected actor's claims, in document order.
    pub(super) claims: Vec<ClaimRow>,
    /// Read the corpus again on the next frame.
    pub(super) refresh: bool,
    last_frame: Option<u64>,
}

/// The corpus as read from disk, with its statistics.
#[derive(Clone)]
pub(super) struct Loaded {
    root: PathBuf,
    coder: Annotator,
    pub(super) dataset: Dataset,
    /// Every annotator's files: progress and claims per annotator.
    pub(super) all: CorpusStats,
    /// The chosen annotators' files: actors, documents and kinds.
    pub(super) stats: CorpusStats,
    /// Document titles, in the dataset's order.
    pub(super) titles: Vec<String>,
    /// Annotators with at least one file.
    pub(super) annotators: Vec<Annotator>,
}

/// One claim of the selected actor, as the claim list shows it.
#[derive(Clone, Debug)]
pub(super) struct ClaimRow {
    /// Document id (path in the corpus), to find it in the workspace.
    pub(super) document: String,
    pub(super) title: String,
    pub(super) annotator: Annotator,
    pub(super) id: ClaimId,
    pub(super) kind: String,
    pub(super) quote: String,
}

impl StatisticsState {
    /// Reads the corpus when the view was not shown on the previous frame, when the
    /// corpus or the coder changed, or when Refresh was asked for; saves the open
    /// document first so its latest claims are counted.
    pub(super) fn refresh_if_needed(&mut self, frame: u64, ws: &mut Workspace) {
        let reopened = self.last_frame.is_none_or(|last| frame > last + 1);
        self.last_frame = Some(frame);
        let stale = self.loaded.as_ref().is_none_or(|l| l.root != ws.corpus.root || l.coder != ws.annotator);
        if !(reopened || stale || self.refresh) {
            return;
        }
        self.refresh = false;
        ws.save_now();
        match load_dataset_where(&ws.corpus.root, &|a| !a.is_suggested()) {
            Ok(dataset) => {
                self.error = None;
                let annotators = dataset.annotators();
                if self.filter.as_ref().is_some_and(|f| !annotators.contains(f)) {
                    self.filter = None;
                }
                let titles = dataset.documents.iter().map(|d| d.document.title()).collect();
                let all = corpus_stats(&dataset);
                let stats = stats_for(&dataset, self.filter.as_ref()).unwrap_or_else(|| all.clone());
                self.loaded = Some(Loaded {
                    root: ws.corpus.root.clone(),
                    coder: ws.annotator.clone(),
                    dataset,
                    all,
                    stats,
                    titles,
                    annotators,
                });
                if let Some(actor) = self.selected_actor.take() {
                    self.select_actor(actor);
                }
            }
            Err(e) => {
                self.loaded = None;
                self.error = Some(e.to_string());
            }
        }
    }

    /// Counts only `filter`'s claims (or everyone's).
    pub(super) fn set_filter(&mut self, filter: Option<Annotator>) {
        self.filter = filter;
        if let Some(l) = &mut self.loaded {
            l.stats = stats_for(&l.dataset, self.filter.as_ref()).unwrap_or_else(|| l.all.clone());
        }
        if let Some(actor) = self.selected_actor.take() {
            self.select_actor(actor);
        }
    }

    /// Selects an actor and lists their claims (of the chosen annotators).
    pub(super) fn select_actor(&mut self, actor: ActorKey) {
        self.claims.clear();
        if let Some(l) = &self.loaded {
            for (doc, title) in l.dataset.documents.iter().zip(&l.titles) {
                for (annotator, file) in &doc.files {
                    if self.filter.as_ref().is_some_and(|f| f != annotator) {
                        continue;
                    }
                    let mut rows: Vec<ClaimRow> = file
                        .claims
                        .iter()
                        .filter(|c| c.source == actor)
                        .map(|c| ClaimRow {
                            document: doc.entry.id.clone(),
                            title: title.clone(),
                            annotator: annotator.clone(),
                            id: c.id,
                            kind: c.kind.clone(),
                            quote: c.content.quote.clone(),
                        })
                        .collect();
                    self.claims.append(&mut rows);
                }
            }
        }
        self.selected_actor = Some(actor);
    }

    /// The coder whose claims the coding view can select.
    pub(super) fn coder(&self) -> Option<&Annotator> {
        self.loaded.as_ref().map(|l| &l.coder)
    }
}

/// Statistics of one annotator's files; `None` for everyone's (already computed).
fn stats_for(dataset: &Dataset, filter: Option<&Annotator>) -> Option<CorpusStats> {
    let who = filter?;
    let mut one = dataset.clone();
    for doc in &mut one.documents {
        doc.files.retain(|a, _| a == who);
        doc.reports.retain(|a, _| a == who);
    }
    Some(corpus_stats(&one))
}
