//! Units of agreement on one document: groups of claims, at most one per
//! annotator, that the annotators coded as the same claim. They are what
//! Krippendorff's alpha pairs values within, and what the review walks through.
//!
//! Clustering rule (deterministic, and equal to pairwise overlap matching when two
//! annotators are compared): take every cross-annotator pair of claims whose
//! content spans overlap-match (Jaccard >= 0.5), highest Jaccard first, ties by the
//! earlier annotator pair (in the order given), then as [`candidate_key`] orders
//! them. Join the two claims' units unless that would put two claims of one
//! annotator in a unit or put two claims in a unit that do not overlap-match each
//! other, so every two claims in a unit would also have matched on their own.
//! Claims left alone are units of one.

use super::matching::{CandidateKey, Overlap, candidate_key, overlap_candidates};
use crate::model::{Annotator, Claim};
use crate::store::CodedDocument;

/// How a unit's claims compare, in order of precedence: the first that applies is
/// the label, so the review shows the most consequential difference (a claim only
/// one annotator saw, then a different kind, then a different source, then
/// annotators who coded the document but not this claim, then the span).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Label {
    /// Only this annotator coded the claim.
    Only(Annotator),
    /// The claims disagree on kind.
    KindDiffers,
    /// Same kind, different sources (an unattributed claim counts as source "none").
    SourceDiffers,
    /// The claims present agree, but these annotators coded the document without it.
    Missing(Vec<Annotator>),
    /// Kind and source agree; the spans overlap-match but are not all identical.
    SpanDiffers,
    /// Every annotator who coded the document coded this claim identically.
    Agree,
}

impl Label {
    /// Whether the review can skip the unit: everyone who coded the document coded it identically.
    pub fn is_agreement(&self) -> bool {
        *self == Label::Agree
    }
}

/// One unit: each annotator's claim (or none) and how they compare.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unit<'a> {
    /// One slot per annotator, in the order of the annotators given.
    pub claims: Vec<Option<&'a Claim>>,
    /// The most consequential difference.
    pub label: Label,
}

impl Unit<'_> {
    /// Where the unit starts in the text, for scrolling to it and ordering units.
    pub fn start(&self) -> usize {
        self.claims.iter().flatten().map(|c| c.content.start).min().unwrap_or(0)
    }

    /// Where the unit ends (the furthest end of its claims).
    pub fn end(&self) -> usize {
        self.claims.iter().flatten().map(|c| c.content.end).max().unwrap_or(0)
    }

    /// How many annotators have a claim in the unit.
    pub fn values(&self) -> usize {
        self.claims.iter().flatten().count()
    }
}

/// The units of one document for `annotators` (in that order; put them in the
/// order the review shows them, sorted names give the documented tie-breaking).
/// Units come in text order. Annotators without a file for the document have no
/// claims and are not counted as missing.
pub fn document_units<'a>(doc: &'a CodedDocument, annotators: &[Annotator]) -> Vec<Unit<'a>> {
    let claims: Vec<&'a [Claim]> =
        annotators.iter().map(|a| doc.files.get(a).map(|f| f.claims.as_slice()).unwrap_or(&[])).collect();
    let coded: Vec<bool> = annotators.iter().map(|a| doc.files.contains_key(a)).collect();
    clusters(&claims)
        .into_iter()
        .map(|slots| {
            let claims: Vec<Option<&'a Claim>> =
                slots.iter().enumerate().map(|(k, slot)| slot.map(|i| &claims[k][i])).collect();
            let label = label(&claims, annotators, &coded);
            Unit { claims, label }
        })
        .collect()
}

/// Groups claims (one slice per annotator) into units by the rule in the module
/// documentation; each unit is one slot per annotator holding a claim index.
pub fn clusters(claims: &[&[Claim]]) -> Vec<Vec<Option<usize>>> {
    let coders = claims.len();
    let offsets: Vec<usize> = claims.iter().scan(0, |acc, c| Some(std::mem::replace(acc, *acc + c.len()))).collect();
    let node = |k: usize, i: usize| offsets[k] + i;
    let mut units: Vec<Vec<Option<usize>>> = Vec::new();
    let mut unit_of: Vec<usize> = Vec::new();
    for (k, cs) in claims.iter().enumerate() {
        for i in 0..cs.len() {
            let mut slots = vec![None; coders];
            slots[k] = Some(i);
            unit_of.push(units.len());
            units.push(slots);
        }
    }
    let mut edges: Vec<Edge> = Vec::new();
    for ka in 0..coders {
        for kb in ka + 1..coders {
            for c in overlap_candidates(claims[ka], claims[kb]) {
                let key = candidate_key(claims[ka], claims[kb], &c);
                edges.push(Edge { coders: (ka, kb), key, x: node(ka, c.pair.a), y: node(kb, c.pair.b) });
            }
        }
    }
    edges.sort_unstable_by_key(|e| (e.key.0, e.coders, e.key));
    for &Edge { x, y, .. } in &edges {
        let (ux, uy) = (unit_of[x], unit_of[y]);
        if ux == uy || !can_join(claims, &units[ux], &units[uy]) {
            continue;
        }
        let moved = std::mem::take(&mut units[uy]);
        for (k, slot) in moved.iter().enumerate() {
            if let Some(i) = slot {
                units[ux][k] = Some(*i);
                unit_of[node(k, *i)] = ux;
            }
        }
    }
    let mut units: Vec<Vec<Option<usize>>> = units.into_iter().filter(|u| u.iter().any(Option::is_some)).collect();
    units.sort_by_cached_key(|u| {
        let first = u.iter().enumerate().find_map(|(k, s)| s.map(|i| (k, i)));
        let start = u.iter().enumerate().filter_map(|(k, s)| s.map(|i| claims[k][i].content.start)).min();
        (start, first.map(|(k, i)| (k, claims[k][i].id)))
    });
    units
}

/// A candidate pair between two annotators' claims, with nodes numbered across annotators.
struct Edge {
    /// The two annotators' positions, the earlier first.
    coders: (usize, usize),
    /// The pairwise order of [`candidate_key`].
    key: CandidateKey,
    /// Node of the first annotator's claim.
    x: usize,
    /// Node of the second annotator's claim.
    y: usize,
}

/// Two units can join when no annotator is in both and every claim of one
/// overlap-matches every claim of the other.
fn can_join(claims: &[&[Claim]], x: &[Option<usize>], y: &[Option<usize>]) -> bool {
    let members = |u: &[Option<usize>]| -> Vec<(usize, usize)> {
        u.iter().enumerate().filter_map(|(k, s)| s.map(|i| (k, i))).collect()
    };
    let (mx, my) = (members(x), members(y));
    mx.iter().all(|&(kx, ix)| {
        my.iter().all(|&(ky, iy)| kx != ky && Overlap::of(&claims[kx][ix].content, &claims[ky][iy].content).matches())
    })
}

/// The label of a unit by the precedence documented on [`Label`].
fn label(claims: &[Option<&Claim>], annotators: &[Annotator], coded: &[bool]) -> Label {
    let present: Vec<(usize, &Claim)> = claims.iter().enumerate().filter_map(|(k, c)| c.map(|c| (k, c))).collect();
    let [(k0, first), rest @ ..] = present.as_slice() else {
        return Label::Agree;
    };
    if rest.is_empty() {
        return Label::Only(annotators[*k0].clone());
    }
    if rest.iter().any(|(_, c)| c.kind != first.kind) {
        return Label::KindDiffers;
    }
    if rest.iter().any(|(_, c)| c.source != first.source) {
        return Label::SourceDiffers;
    }
    let missing: Vec<Annotator> =
        (0..annotators.len()).filter(|&k| coded[k] && claims[k].is_none()).map(|k| annotators[k].clone()).collect();
    if !missing.is_empty() {
        return Label::Missing(missing);
    }
    if rest.iter().any(|(_, c)| (c.content.start, c.content.end) != (first.content.start, first.content.end)) {
        return Label::SpanDiffers;
    }
    Label::Agree
}
