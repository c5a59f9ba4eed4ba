//! Corpus statistics: progress and what was coded, computed once from a loaded
//! dataset so the CLI prints them and the app charts them from the same numbers.
//!
//! Every breakdown carries claims per kind (`by_kind`, kind id -> count) so a chart
//! of "claims by kind per actor" or "per document" needs no second pass. Claims of
//! every selected annotator are counted (two annotators coding the same sentence
//! count twice); select one annotator for a single reading of the corpus.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::field_stats::{FieldStats, PositionTable, field_stats};
use crate::model::Status;
use crate::store::Dataset;

/// The group of an actor the registry gives no group.
pub const NO_GROUP: &str = "(no group)";
/// The actor and group of claims without a source.
pub const UNATTRIBUTED: &str = "(unattributed)";
/// The outlet of documents without one in `documents.csv`.
pub const NO_OUTLET: &str = "(no outlet)";
/// The month of documents without a date in `documents.csv` that parses.
pub const NO_DATE: &str = "(no date)";

/// Claims per kind id.
pub type KindCounts = BTreeMap<String, usize>;

/// A kind as charts need it: legend label and colour.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct KindInfo {
    /// The id `by_kind` maps use.
    pub id: String,
    /// Legend text.
    pub label: String,
    /// `#rrggbb`.
    pub color: String,
}

/// Claims attributed to one actor.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ActorStats {
    /// Actor id; `None` for unattributed claims.
    pub id: Option<String>,
    /// Display name (registry, else the files' actor names, else the id).
    pub name: String,
    /// Registry group, or [`NO_GROUP`] / [`UNATTRIBUTED`].
    pub group: String,
    /// All claims.
    pub claims: usize,
    /// Claims per kind.
    pub by_kind: KindCounts,
}

/// Claims of the actors of one group.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GroupStats {
    /// Group name.
    pub group: String,
    /// All claims.
    pub claims: usize,
    /// Claims per kind.
    pub by_kind: KindCounts,
}

/// One document's coding.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DocumentStats {
    /// Document id.
    pub document: String,
    /// Selected annotators with a file for it.
    pub annotators: usize,
    /// Whether any of those files is done.
    pub done: bool,
    /// All claims.
    pub claims: usize,
    /// Distinct source actors quoted.
    pub sources: usize,
    /// Claims per kind.
    pub by_kind: KindCounts,
}

/// One annotator's progress.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AnnotatorStats {
    /// Annotator name.
    pub annotator: String,
    /// Documents with a file by this annotator.
    pub files: usize,
    /// Of those, marked done.
    pub done: usize,
    /// Of those, still in progress.
    pub in_progress: usize,
    /// Documents without a file by this annotator.
    pub not_started: usize,
    /// All claims.
    pub claims: usize,
    /// Claims per kind.
    pub by_kind: KindCounts,
}

/// Documents and claims of one outlet, or of one month of publication.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MetaStats {
    /// The outlet as written in `documents.csv`, or the month as `YYYY-MM`; else
    /// [`NO_OUTLET`] / [`NO_DATE`].
    pub key: String,
    /// Documents of the corpus with it, coded or not.
    pub documents: usize,
    /// All claims on those documents.
    pub claims: usize,
    /// Claims per kind.
    pub by_kind: KindCounts,
}

/// Everything `claimcoder stats` prints and the app's charts draw.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct CorpusStats {
    /// Documents in the corpus.
    pub documents: usize,
    /// Documents with at least one selected annotator's file.
    pub coded: usize,
    /// Documents with at least one selected annotator's file marked done.
    pub done: usize,
    /// All claims.
    pub claims: usize,
    /// Mean distinct sources per coded document; `None` when nothing is coded.
    pub mean_sources_per_document: Option<f64>,
    /// Codebook kinds, then kinds only the files use.
    pub kinds: Vec<KindInfo>,
    /// Claims per kind.
    pub by_kind: KindCounts,
    /// Actors, most claims first (ties by name); `actors[..15]` is a "top 15".
    pub actors: Vec<ActorStats>,
    /// Actor groups, most claims first.
    pub groups: Vec<GroupStats>,
    /// Documents in id order.
    pub by_document: Vec<DocumentStats>,
    /// Annotators in name order.
    pub by_annotator: Vec<AnnotatorStats>,
    /// Outlets from `documents.csv`, most claims first (then most documents, then
    /// by name), [`NO_OUTLET`] last.
    pub by_outlet: Vec<MetaStats>,
    /// Months of publication from `documents.csv`, in time order (months without a
    /// document left out), [`NO_DATE`] last.
    pub by_month: Vec<MetaStats>,
    /// The distribution of every claim field's values (codebook order, then fields
    /// only claims use).
    pub fields: Vec<FieldStats>,
    /// Per Scale field, the mean position of each claimant toward each addressee.
    pub positions: Vec<PositionTable>,
}

/// Computes the statistics of `dataset` (already restricted to the annotators
/// wanted, see `load_dataset`).
pub fn corpus_stats(dataset: &Dataset) -> CorpusStats {
    let registry = &dataset.project.actors;
    let mut s = CorpusStats { documents: dataset.documents.len(), ..CorpusStats::default() };
    let mut actors: BTreeMap<Option<String>, ActorStats> = BTreeMap::new();
    let mut annotators: BTreeMap<String, AnnotatorStats> = BTreeMap::new();
    let mut used_kinds = BTreeSet::new();
    for doc in &dataset.documents {
        let mut d = DocumentStats {
            document: doc.entry.id.clone(),
            annotators: doc.files.len(),
            done: doc.files.values().any(|f| f.status == Status::Done),
            claims: 0,
            sources: 0,
            by_kind: KindCounts::new(),
        };
        let mut sources = BTreeSet::new();
        for (annotator, file) in &doc.files {
            let a = annotators.entry(annotator.to_string()).or_insert_with(|| AnnotatorStats {
                annotator: annotator.to_string(),
                files: 0,
                done: 0,
                in_progress: 0,
                not_started: 0,
                claims: 0,
                by_kind: KindCounts::new(),
            });
            a.files += 1;
            match file.status {
                Status::Done => a.done += 1,
                Status::InProgress => a.in_progress += 1,
            }
            for c in &file.claims {
                used_kinds.insert(c.kind.clone());
                a.claims += 1;
                bump(&mut a.by_kind, &c.kind);
                d.claims += 1;
                bump(&mut d.by_kind, &c.kind);
                let actor = actors.entry(c.source.clone()).or_insert_with(|| match &c.source {
                    None => ActorStats {
                        id: None,
                        name: UNATTRIBUTED.to_owned(),
                        group: UNATTRIBUTED.to_owned(),
                        claims: 0,
                        by_kind: KindCounts::new(),
                    },
                    Some(id) => {
                        let reg = registry.get(id);
                        let name = reg.map(|a| a.name.clone()).or_else(|| file.actors.get(id).cloned());
                        let group = reg.map(|a| a.group.clone()).filter(|g| !g.trim().is_empty());
                        ActorStats {
                            id: Some(id.clone()),
                            name: name.unwrap_or_else(|| id.clone()),
                            group: group.unwrap_or_else(|| NO_GROUP.to_owned()),
                            claims: 0,
                            by_kind: KindCounts::new(),
                        }
                    }
                });
                actor.claims += 1;
                bump(&mut actor.by_kind, &c.kind);
                if let Some(src) = &c.source {
                    sources.insert(src.clone());
                }
            }
        }
        d.sources = sources.len();
        if !doc.files.is_empty() {
            s.coded += 1;
        }
        if d.done {
            s.done += 1;
        }
        s.claims += d.claims;
        for (k, n) in &d.by_kind {
            *s.by_kind.entry(k.clone()).or_default() += n;
        }
        s.by_document.push(d);
    }
    for a in annotators.values_mut() {
        a.not_started = s.documents.saturating_sub(a.files);
    }
    let coded: Vec<&DocumentStats> = s.by_document.iter().filter(|d| d.annotators > 0).collect();
    if !coded.is_empty() {
        s.mean_sources_per_document = Some(coded.iter().map(|d| d.sources).sum::<usize>() as f64 / coded.len() as f64);
    }
    s.kinds = kinds(dataset, &used_kinds);
    s.groups = groups(actors.values());
    s.actors = actors.into_values().collect();
    s.actors.sort_by(|a, b| b.claims.cmp(&a.claims).then_with(|| a.name.cmp(&b.name)));
    s.by_annotator = annotators.into_values().collect();
    (s.by_outlet, s.by_month) = by_metadata(dataset, &s.by_document);
    (s.fields, s.positions) = field_stats(dataset);
    s
}

/// Claims by outlet and by month of publication, from each document's row of
/// `documents.csv`; documents without one count under [`NO_OUTLET`] and [`NO_DATE`].
fn by_metadata(dataset: &Dataset, documents: &[DocumentStats]) -> (Vec<MetaStats>, Vec<MetaStats>) {
    let mut outlets: BTreeMap<Option<String>, MetaStats> = BTreeMap::new();
    let mut months: BTreeMap<Option<String>, MetaStats> = BTreeMap::new();
    for (doc, d) in dataset.documents.iter().zip(documents) {
        let meta = dataset.metadata.get(&doc.entry.id);
        let outlet = meta.and_then(|m| m.outlet()).map(|o| o.trim().to_owned());
        let month = meta.and_then(|m| m.date()).map(|date| date.format("%Y-%m").to_string());
        for (map, key, none) in [(&mut outlets, outlet, NO_OUTLET), (&mut months, month, NO_DATE)] {
            let m = map.entry(key.clone()).or_insert_with(|| MetaStats {
                key: key.unwrap_or_else(|| none.to_owned()),
                documents: 0,
                claims: 0,
                by_kind: KindCounts::new(),
            });
            m.documents += 1;
            m.claims += d.claims;
            for (k, n) in &d.by_kind {
                *m.by_kind.entry(k.clone()).or_default() += n;
            }
        }
    }
    let none_last = |map: BTreeMap<Option<String>, MetaStats>| {
        let mut named: Vec<MetaStats> = Vec::with_capacity(map.len());
        let mut none = None;
        for (key, m) in map {
            match key {
                Some(_) => named.push(m),
                None => none = Some(m),
            }
        }
        (named, none)
    };
    let (mut by_outlet, no_outlet) = none_last(outlets);
    by_outlet.sort_by(|a, b| {
        b.claims.cmp(&a.claims).then_with(|| b.documents.cmp(&a.documents)).then_with(|| a.key.cmp(&b.key))
    });
    by_outlet.extend(no_outlet);
    let (mut by_month, no_date) = none_last(months);
    by_month.extend(no_date);
    (by_outlet, by_month)
}

fn bump(counts: &mut KindCounts, kind: &str) {
    match counts.get_mut(kind) {
        Some(n) => *n += 1,
        None => {
            counts.insert(kind.to_owned(), 1);
        }
    }
}

fn kinds(dataset: &Dataset, used: &BTreeSet<String>) -> Vec<KindInfo> {
    let codebook = &dataset.project.kinds;
    let mut out: Vec<KindInfo> = codebook
        .iter()
        .map(|k| KindInfo { id: k.id.clone(), label: k.label.clone(), color: k.color.clone() })
        .collect();
    for id in used {
        if !codebook.iter().any(|k| &k.id == id) {
            out.push(KindInfo { id: id.clone(), label: id.clone(), color: "#9ca3af".to_owned() });
        }
    }
    out
}

fn groups<'a>(actors: impl Iterator<Item = &'a ActorStats>) -> Vec<GroupStats> {
    let mut by_group: BTreeMap<&str, GroupStats> = BTreeMap::new();
    for a in actors {
        let g = by_group.entry(a.group.as_str()).or_insert_with(|| GroupStats {
            group: a.group.clone(),
            claims: 0,
            by_kind: KindCounts::new(),
        });
        g.claims += a.claims;
        for (k, n) in &a.by_kind {
            *g.by_kind.entry(k.clone()).or_default() += n;
        }
    }
    let mut out: Vec<GroupStats> = by_group.into_values().collect();
    out.sort_by(|a, b| b.claims.cmp(&a.claims).then_with(|| a.group.cmp(&b.group)));
    out
}
