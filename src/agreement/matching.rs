//! One-to-one matching of two annotators' claims on one document (FORMAT.md
//! section 5). Everything here works on claim indices so callers can keep their
//! own claim storage, and compares Jaccard indices as exact fractions so that a
//! pair at exactly 0.5 always matches and ties are real ties, not float noise.

use std::cmp::{Ordering, Reverse};

use crate::model::{Claim, ClaimId, Span};

/// A matched pair: the index of A's claim and of B's claim in the slices given.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Pair {
    /// Index into A's claims.
    pub a: usize,
    /// Index into B's claims.
    pub b: usize,
}

/// The Jaccard index of two content spans as the fraction shared / union, so that
/// comparisons are exact.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Overlap {
    /// Characters in both spans.
    pub shared: usize,
    /// Characters in either span.
    pub union: usize,
}

impl Overlap {
    /// The overlap of two spans.
    pub fn of(a: &Span, b: &Span) -> Self {
        let shared = a.intersection(b);
        Self { shared, union: a.len() + b.len() - shared }
    }

    /// Whether the spans overlap-match: Jaccard >= 0.5, and at least one shared
    /// character (two empty spans from a hand-edited file never match).
    pub fn matches(self) -> bool {
        self.shared > 0 && 2 * self.shared >= self.union
    }

    /// The Jaccard index, for display.
    pub fn jaccard(self) -> f64 {
        if self.union == 0 { 0.0 } else { self.shared as f64 / self.union as f64 }
    }
}

impl PartialOrd for Overlap {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Overlap {
    /// Compares shared/union fractions by cross-multiplying, exact for any span length.
    fn cmp(&self, other: &Self) -> Ordering {
        let left = self.shared as u128 * other.union.max(1) as u128;
        let right = other.shared as u128 * self.union.max(1) as u128;
        left.cmp(&right)
    }
}

/// A pair of claims that may be matched by overlap, with the key that orders it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Candidate {
    /// The pair.
    pub pair: Pair,
    /// How much the two content spans overlap.
    pub overlap: Overlap,
}

/// Sort key of a [`Candidate`]: Jaccard descending, A's start, B's start, A's id, B's id.
pub type CandidateKey = (Reverse<Overlap>, usize, usize, ClaimId, ClaimId);

/// The order in which overlap candidates are taken, written once so that pairwise
/// matching and multi-annotator units agree: highest Jaccard first; ties by the
/// lower start of A's claim, then the lower start of B's claim, then the lower id of
/// A's claim, then the lower id of B's claim. "A" is the first annotator of the pair
/// (the earlier name), so the order never depends on how files were listed.
pub fn candidate_key(a: &[Claim], b: &[Claim], c: &Candidate) -> CandidateKey {
    let (x, y) = (&a[c.pair.a], &b[c.pair.b]);
    (Reverse(c.overlap), x.content.start, y.content.start, x.id, y.id)
}

/// Every pair of claims whose content spans overlap-match, in [`candidate_key`] order.
pub fn overlap_candidates(a: &[Claim], b: &[Claim]) -> Vec<Candidate> {
    let mut by_start: Vec<usize> = (0..b.len()).collect();
    by_start.sort_by_key(|&j| b[j].content.start);
    let mut out = Vec::new();
    for (i, x) in a.iter().enumerate() {
        for &j in &by_start {
            let y = &b[j];
            if y.content.start >= x.content.end {
                break;
            }
            let overlap = Overlap::of(&x.content, &y.content);
            if overlap.matches() {
                out.push(Candidate { pair: Pair { a: i, b: j }, overlap });
            }
        }
    }
    out.sort_by_cached_key(|c| candidate_key(a, b, c));
    out
}

/// Overlap matching: candidates taken greedily in [`candidate_key`] order, each
/// claim matched at most once. Returned in the order taken.
pub fn match_overlap(a: &[Claim], b: &[Claim]) -> Vec<Pair> {
    let (mut used_a, mut used_b) = (vec![false; a.len()], vec![false; b.len()]);
    let mut pairs = Vec::new();
    for c in overlap_candidates(a, b) {
        let Pair { a: i, b: j } = c.pair;
        if !used_a[i] && !used_b[j] {
            used_a[i] = true;
            used_b[j] = true;
            pairs.push(c.pair);
        }
    }
    pairs
}

/// Exact matching: claims with the same content start and end. When one annotator
/// coded the same span twice, duplicates pair up in id order, so each claim is
/// matched at most once. An empty (or reversed) span, which only a hand-edited file
/// holds, never matches, as with overlap. Returned in text order.
pub fn match_exact(a: &[Claim], b: &[Claim]) -> Vec<Pair> {
    let order = |claims: &[Claim]| {
        let mut idx: Vec<usize> = (0..claims.len()).collect();
        idx.sort_by_key(|&i| (claims[i].content.start, claims[i].content.end, claims[i].id));
        idx
    };
    let (oa, ob) = (order(a), order(b));
    let (mut i, mut j) = (0, 0);
    let mut pairs = Vec::new();
    while i < oa.len() && j < ob.len() {
        let (x, y) = (&a[oa[i]].content, &b[ob[j]].content);
        match (x.start, x.end).cmp(&(y.start, y.end)) {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal => {
                if !x.is_empty() {
                    pairs.push(Pair { a: oa[i], b: ob[j] });
                }
                i += 1;
                j += 1;
            }
        }
    }
    pairs
}
