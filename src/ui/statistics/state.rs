//! What the statistics mode holds: the shared dataset as last read (in the
//! background, when the mode opens, on Refresh, when the files change), the
//! statistics for the chosen annotators, and the chosen actor's claims.

use std::sync::Arc;

use super::StatisticsIntent;
use crate::coding::Workspace;
use crate::export::stats::{CorpusStats, corpus_stats};
use crate::model::{Annotator, ClaimId};
use crate::store::Dataset;
use crate::ui::coding::CodingIntent;
use crate::ui::effect::Effects;
use crate::ui::intent::AppIntent;
use crate::ui::mode::Mode;

/// An actor as the statistics key them: actor id, `None` for unattributed claims.
pub(crate) type ActorKey = Option<String>;

/// The statistics mode's state.
#[derive(Clone, Default)]
pub(crate) struct StatisticsState {
    pub(super) loaded: Option<Loaded>,
    /// Count only this annotator's claims (`None`: everyone's).
    pub(super) filter: Option<Annotator>,
    pub(super) selected_actor: Option<ActorKey>,
    /// The selected actor's claims, in document order.
    pub(super) claims: Vec<ClaimRow>,
}

/// The corpus as read from disk, with its statistics.
#[derive(Clone)]
pub(super) struct Loaded {
    pub(super) dataset: Arc<Dataset>,
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
#[derive(Clone, Debug, PartialEq)]
pub struct ClaimRow {
    /// Document id (path in the corpus), to find it in the workspace.
    pub document: String,
    /// The document's title.
    pub title: String,
    /// Who coded it.
    pub annotator: Annotator,
    /// Its id in that annotator's file.
    pub id: ClaimId,
    /// Its kind id.
    pub kind: String,
    /// Its text.
    pub quote: String,
}

impl StatisticsState {
    /// Applies a statistics intent; opening a claim switches to coding.
    pub(crate) fn apply(&mut self, intent: StatisticsIntent, workspace: Option<&Workspace>) -> Effects {
        match intent {
            StatisticsIntent::SetFilter(filter) => self.set_filter(filter),
            StatisticsIntent::SelectActor(actor) => self.select_actor(actor),
            StatisticsIntent::CloseClaims => self.selected_actor = None,
            StatisticsIntent::OpenClaim(row) => {
                let Some(ws) = workspace else { return Effects::none() };
                let Some(index) = ws.corpus.documents.iter().position(|e| e.id == row.document) else {
                    return Effects::none();
                };
                let mut effects = Effects::then(AppIntent::SetMode(Mode::Coding))
                    .and(crate::ui::effect::Effect::Then(CodingIntent::OpenDocument(index).into()));
                if row.annotator == ws.annotator {
                    effects =
                        effects.and(crate::ui::effect::Effect::Then(CodingIntent::SelectClaim(Some(row.id)).into()));
                }
                return effects;
            }
        }
        Effects::none()
    }

    /// Takes a freshly read dataset and computes its statistics.
    pub(crate) fn set_dataset(&mut self, dataset: Arc<Dataset>) {
        let annotators = dataset.annotators();
        if self.filter.as_ref().is_some_and(|f| !annotators.contains(f)) {
            self.filter = None;
        }
        let titles = dataset.documents.iter().map(|d| dataset.title(d)).collect();
        let all = corpus_stats(&dataset);
        let stats = stats_for(&dataset, self.filter.as_ref()).unwrap_or_else(|| all.clone());
        self.loaded = Some(Loaded { dataset, all, stats, titles, annotators });
        if let Some(actor) = self.selected_actor.take() {
            self.select_actor(actor);
        }
    }

    /// Counts only `filter`'s claims (or everyone's).
    fn set_filter(&mut self, filter: Option<Annotator>) {
        self.filter = filter;
        if let Some(l) = &mut self.loaded {
            l.stats = stats_for(&l.dataset, self.filter.as_ref()).unwrap_or_else(|| l.all.clone());
        }
        if let Some(actor) = self.selected_actor.take() {
            self.select_actor(actor);
        }
    }

    /// Selects an actor and lists their claims (of the chosen annotators).
    fn select_actor(&mut self, actor: ActorKey) {
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
