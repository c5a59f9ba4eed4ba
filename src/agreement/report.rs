//! The corpus agreement report (FORMAT.md section 5) and the per-document figures
//! the review sorts documents by. One walk over the documents feeds both.

use std::collections::BTreeMap;

use serde::Serialize;

use super::alpha::nominal_alpha;
use super::fields::{FieldAgreement, FieldValues, serialize_field_alphas};
use super::figure::{Figure, Undefined, ratio, serialize_figure};
use super::json::{serialize_counts, serialize_names};
use super::pairs::{NONE, PairAgreement, PairTally};
use super::units::{Unit, document_units};
use crate::model::{Annotator, Field};
use crate::store::CodedDocument;

/// Agreement over a corpus. Serialises to the JSON of FORMAT.md section 5; the
/// extra key `per_document` lists the compared documents in corpus order.
/// Numbers are rounded to [`super::figure::JSON_DECIMALS`] decimals in JSON only.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AgreementReport {
    /// The annotators compared, sorted by name.
    #[serde(serialize_with = "serialize_names")]
    pub annotators: Vec<Annotator>,
    /// Documents at least two of them have a file for: the documents compared.
    pub documents: usize,
    /// Each annotator's claims on the compared documents.
    #[serde(serialize_with = "serialize_counts")]
    pub claims: BTreeMap<Annotator, usize>,
    /// Krippendorff's alpha (nominal) of kind over all units.
    #[serde(serialize_with = "serialize_figure")]
    pub kind_alpha: Figure,
    /// Krippendorff's alpha (nominal) of source, "none" for unattributed claims.
    #[serde(serialize_with = "serialize_figure")]
    pub source_alpha: Figure,
    /// Krippendorff's alpha of each coded claim field (Actor, Category, Scale) over
    /// the same units, in codebook order; JSON `{"<id>": {"alpha", "level", "units"}}`.
    #[serde(serialize_with = "serialize_field_alphas")]
    pub fields: Vec<FieldAgreement>,
    /// Every pair of annotators, the earlier name first, in name order.
    pub pairs: Vec<PairAgreement>,
    /// Figures of each compared document.
    pub per_document: Vec<DocumentAgreement>,
}

/// Agreement on one document, so the review can open the worst documents first.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DocumentAgreement {
    /// The document id.
    pub document: String,
    /// The compared annotators who have a file for it.
    #[serde(serialize_with = "serialize_names")]
    pub annotators: Vec<Annotator>,
    /// Units of agreement (claims coded as the same claim count once).
    pub units: usize,
    /// Units labelled [`super::Label::Agree`].
    pub agreed: usize,
    /// `agreed / units`: the share of units the review need not look at.
    #[serde(serialize_with = "serialize_figure")]
    pub agreement: Figure,
    /// Krippendorff's alpha of kind on this document.
    #[serde(serialize_with = "serialize_figure")]
    pub kind_alpha: Figure,
    /// Krippendorff's alpha of source on this document.
    #[serde(serialize_with = "serialize_figure")]
    pub source_alpha: Figure,
}

impl AgreementReport {
    /// Compared documents ordered for review: lowest share of agreed units first,
    /// then lowest kind alpha, then by id; documents with nothing to compare last.
    pub fn worst_first(&self) -> Vec<&DocumentAgreement> {
        let mut docs: Vec<&DocumentAgreement> = self.per_document.iter().collect();
        let score = |f: &Figure| f.unwrap_or(f64::INFINITY);
        docs.sort_by(|x, y| {
            score(&x.agreement)
                .total_cmp(&score(&y.agreement))
                .then(score(&x.kind_alpha).total_cmp(&score(&y.kind_alpha)))
                .then(x.document.cmp(&y.document))
        });
        docs
    }
}

/// Agreement on kinds and sources only, for a codebook without claim fields.
pub fn agreement(documents: &[CodedDocument], annotators: &[Annotator]) -> AgreementReport {
    agreement_with_fields(documents, annotators, &[])
}

/// Computes agreement among `annotators` (sorted and deduplicated here, so pairs and
/// tie-breaking never depend on the order given) over `documents`, on kinds,
/// sources and the coded fields among `fields` (the codebook's). Only documents at
/// least two of them have a file for are compared; each pair's figures use the
/// documents both have a file for.
pub fn agreement_with_fields(
    documents: &[CodedDocument],
    annotators: &[Annotator],
    fields: &[Field],
) -> AgreementReport {
    let mut annotators = annotators.to_vec();
    annotators.sort();
    annotators.dedup();
    let mut tallies: Vec<(usize, usize, PairTally)> = Vec::new();
    for i in 0..annotators.len() {
        for j in i + 1..annotators.len() {
            tallies.push((i, j, PairTally::new(annotators[i].clone(), annotators[j].clone(), fields)));
        }
    }
    let mut claims: BTreeMap<Annotator, usize> = annotators.iter().map(|a| (a.clone(), 0)).collect();
    let (mut kinds, mut sources) = (Vec::new(), Vec::new());
    let mut field_values = FieldValues::new(fields);
    let mut per_document = Vec::new();
    for doc in documents {
        let files: Vec<_> = annotators.iter().map(|a| doc.files.get(a)).collect();
        if files.iter().flatten().nth(1).is_none() {
            continue;
        }
        for (a, file) in annotators.iter().zip(&files) {
            if let (Some(n), Some(file)) = (claims.get_mut(a), file) {
                *n += file.claims.len();
            }
        }
        for (i, j, tally) in &mut tallies {
            if let (Some(x), Some(y)) = (files[*i], files[*j]) {
                tally.add_document(&x.claims, &y.claims);
            }
        }
        let units = document_units(doc, &annotators);
        let (doc_kinds, doc_sources) = values(&units);
        per_document.push(document_figures(doc, &annotators, &units, &doc_kinds, &doc_sources));
        field_values.add_units(&units);
        kinds.extend(doc_kinds);
        sources.extend(doc_sources);
    }
    AgreementReport {
        documents: per_document.len(),
        claims,
        kind_alpha: nominal_alpha(&kinds),
        source_alpha: nominal_alpha(&sources),
        fields: field_values.finish(),
        pairs: tallies.into_iter().map(|(_, _, t)| t.finish()).collect(),
        per_document,
        annotators,
    }
}

/// Alpha's reliability data: one row per unit, one value (or none) per annotator.
type Values<'a> = Vec<Vec<Option<&'a str>>>;

/// The kinds and the sources of the units, "none" for unattributed claims, so
/// that an attributed and an unattributed claim count as a source disagreement.
fn values<'a>(units: &[Unit<'a>]) -> (Values<'a>, Values<'a>) {
    let kinds = units.iter().map(|u| u.claims.iter().map(|c| c.map(|c| c.kind.as_str())).collect()).collect();
    let sources = units
        .iter()
        .map(|u| u.claims.iter().map(|c| c.map(|c| c.source.as_deref().unwrap_or(NONE))).collect())
        .collect();
    (kinds, sources)
}

/// One document's figures from its units.
fn document_figures(
    doc: &CodedDocument,
    annotators: &[Annotator],
    units: &[Unit],
    kinds: &[Vec<Option<&str>>],
    sources: &[Vec<Option<&str>>],
) -> DocumentAgreement {
    let agreed = units.iter().filter(|u| u.label.is_agreement()).count();
    DocumentAgreement {
        document: doc.entry.id.clone(),
        annotators: annotators.iter().filter(|a| doc.files.contains_key(a)).cloned().collect(),
        units: units.len(),
        agreed,
        agreement: ratio(agreed as f64, units.len() as f64, Undefined::NoUnits),
        kind_alpha: nominal_alpha(kinds),
        source_alpha: nominal_alpha(sources),
    }
}
