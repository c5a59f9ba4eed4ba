//! Figures for one pair of annotators over the documents both coded (FORMAT.md
//! section 5): matched counts, span F1, Cohen's kappa of kind, the share of
//! agreeing values of each claim field and the kind confusion table. A tally is fed one document at a time so the corpus is walked once.

use std::collections::BTreeMap;

use serde::Serialize;

use super::fields::{FieldShare, ShareTally, serialize_field_shares};
use super::figure::{Figure, Undefined, ratio, serialize_figure};
use super::json::serialize_name;
use super::kappa::cohen_kappa;
use super::matching::{match_exact, match_overlap};
use crate::model::{Annotator, Claim, Field};

/// The value the confusion table uses for "the other annotator has no matching claim".
pub const NONE: &str = "none";

/// Kind confusion: `confusion[kind by A][kind by B]` counts overlap-matched pairs;
/// [`NONE`] stands for a claim the other annotator did not match. (A codebook kind
/// with the id "none" would share that cell; FORMAT.md fixes the word.)
pub type Confusion = BTreeMap<String, BTreeMap<String, u64>>;

/// Agreement of annotators `a` and `b`; `a` is the earlier name. The serialised
/// keys are those of FORMAT.md section 5 plus `documents`, `claims_a`, `claims_b`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PairAgreement {
    /// The first annotator (rows of the confusion table).
    #[serde(serialize_with = "serialize_name")]
    pub a: Annotator,
    /// The second annotator (columns).
    #[serde(serialize_with = "serialize_name")]
    pub b: Annotator,
    /// Documents both have a file for: the only ones compared.
    pub documents: usize,
    /// A's claims on those documents.
    pub claims_a: usize,
    /// B's claims on those documents.
    pub claims_b: usize,
    /// Pairs with identical content spans.
    pub matched_exact: usize,
    /// Pairs matched by overlap (Jaccard >= 0.5).
    pub matched_overlap: usize,
    /// 2 * exact matches / (claims of A + claims of B).
    #[serde(serialize_with = "serialize_figure")]
    pub span_f1_exact: Figure,
    /// 2 * overlap matches / (claims of A + claims of B).
    #[serde(serialize_with = "serialize_figure")]
    pub span_f1_overlap: Figure,
    /// Cohen's kappa of kind over the overlap-matched pairs.
    #[serde(serialize_with = "serialize_figure")]
    pub kind_kappa: Figure,
    /// Per coded field, in codebook order: the share of overlap-matched pairs, both
    /// with a value, whose values agree.
    #[serde(serialize_with = "serialize_field_shares")]
    pub fields: Vec<FieldShare>,
    /// Kind by A × kind by B over overlap-matched pairs, [`NONE`] for unmatched claims.
    pub confusion: Confusion,
}

/// Running counts for one pair, borrowing kind ids from the dataset so the walk
/// over a large corpus allocates little.
#[derive(Debug)]
pub struct PairTally<'a> {
    a: Annotator,
    b: Annotator,
    documents: usize,
    claims_a: usize,
    claims_b: usize,
    matched_exact: usize,
    /// (kind by A, kind by B) of overlap-matched pairs.
    matched: BTreeMap<(&'a str, &'a str), u64>,
    /// Kinds of A's claims B did not match.
    only_a: BTreeMap<&'a str, u64>,
    /// Kinds of B's claims A did not match.
    only_b: BTreeMap<&'a str, u64>,
    /// Agreeing values of each coded field over the matched pairs.
    shares: ShareTally,
}

impl<'a> PairTally<'a> {
    /// An empty tally for `a` (the earlier name) and `b`, comparing the coded fields among `fields`.
    pub fn new(a: Annotator, b: Annotator, fields: &[Field]) -> Self {
        Self {
            a,
            b,
            documents: 0,
            claims_a: 0,
            claims_b: 0,
            matched_exact: 0,
            matched: BTreeMap::new(),
            only_a: BTreeMap::new(),
            only_b: BTreeMap::new(),
            shares: ShareTally::new(fields),
        }
    }

    /// Adds one document both annotators have a file for.
    pub fn add_document(&mut self, a: &'a [Claim], b: &'a [Claim]) {
        self.documents += 1;
        self.claims_a += a.len();
        self.claims_b += b.len();
        self.matched_exact += match_exact(a, b).len();
        let (mut used_a, mut used_b) = (vec![false; a.len()], vec![false; b.len()]);
        for pair in match_overlap(a, b) {
            used_a[pair.a] = true;
            used_b[pair.b] = true;
            *self.matched.entry((a[pair.a].kind.as_str(), b[pair.b].kind.as_str())).or_default() += 1;
            self.shares.add_pair(&a[pair.a], &b[pair.b]);
        }
        for (claim, _) in a.iter().zip(&used_a).filter(|(_, used)| !**used) {
            *self.only_a.entry(claim.kind.as_str()).or_default() += 1;
        }
        for (claim, _) in b.iter().zip(&used_b).filter(|(_, used)| !**used) {
            *self.only_b.entry(claim.kind.as_str()).or_default() += 1;
        }
    }

    /// The figures.
    pub fn finish(self) -> PairAgreement {
        let matched_overlap = self.matched.values().sum::<u64>() as usize;
        let both = (self.claims_a + self.claims_b) as f64;
        let f1 = |matched: usize| ratio(2.0 * matched as f64, both, Undefined::NoClaims);
        let mut confusion = Confusion::new();
        for (&(x, y), &n) in &self.matched {
            *confusion.entry(x.to_owned()).or_default().entry(y.to_owned()).or_default() += n;
        }
        for (&x, &n) in &self.only_a {
            *confusion.entry(x.to_owned()).or_default().entry(NONE.to_owned()).or_default() += n;
        }
        for (&y, &n) in &self.only_b {
            *confusion.entry(NONE.to_owned()).or_default().entry(y.to_owned()).or_default() += n;
        }
        PairAgreement {
            span_f1_exact: f1(self.matched_exact),
            span_f1_overlap: f1(matched_overlap),
            kind_kappa: kappa_of(&self.matched),
            fields: self.shares.finish(),
            a: self.a,
            b: self.b,
            documents: self.documents,
            claims_a: self.claims_a,
            claims_b: self.claims_b,
            matched_exact: self.matched_exact,
            matched_overlap,
            confusion,
        }
    }
}

/// Cohen's kappa over matched kind pairs, categories being every kind either used.
fn kappa_of(matched: &BTreeMap<(&str, &str), u64>) -> Figure {
    let mut kinds: Vec<&str> = matched.keys().flat_map(|&(x, y)| [x, y]).collect();
    kinds.sort_unstable();
    kinds.dedup();
    let index = |k: &str| kinds.binary_search(&k).unwrap_or(0);
    let mut table = vec![vec![0u64; kinds.len()]; kinds.len()];
    for (&(x, y), &n) in matched {
        table[index(x)][index(y)] += n;
    }
    cohen_kappa(&table)
}
