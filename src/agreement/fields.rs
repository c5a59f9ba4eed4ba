//! Agreement on claim fields (FORMAT.md section 5, "Claim fields"): for every coded
//! field (Actor, Category, Scale) Krippendorff's alpha over the same units as
//! `kind_alpha`, and per annotator pair the share of matched claims that agree.
//!
//! A claim without a value for a field is a missing value, so the field's alpha only
//! compares coders who both gave one. A Scale is ordinal, ranked in codebook order; a
//! Scale value the codebook does not list has no rank and counts as missing (`check`
//! reports it). Nominal fields compare values as written, listed or not.

use serde::Serialize;
use serde::ser::SerializeMap;

use super::alpha::{Level, krippendorff_alpha, nominal_alpha};
use super::figure::{Figure, Undefined, ratio, serialize_figure};
use super::units::Unit;
use crate::model::{Claim, Field, FieldType};

/// One field's alpha over all units.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FieldAgreement {
    /// The field id (the key in JSON).
    #[serde(skip)]
    pub id: String,
    /// Krippendorff's alpha at `level`.
    #[serde(serialize_with = "serialize_figure")]
    pub alpha: Figure,
    /// Nominal for Actor and Category, ordinal for Scale.
    #[serde(serialize_with = "serialize_level")]
    pub level: Level,
    /// Units with at least two values for the field: the units alpha pairs.
    pub units: usize,
}

/// One pair's share of agreeing values for one field.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldShare {
    /// The field id.
    pub id: String,
    /// Agreeing pairs / overlap-matched pairs where both claims have a value.
    pub share: Figure,
    /// The denominator: matched pairs where both claims have a value.
    pub pairs: usize,
}

/// The level of measurement a field's values have.
pub fn level_of(field: &Field) -> Level {
    if field.r#type == FieldType::Scale { Level::Ordinal } else { Level::Nominal }
}

/// Writes a level as FORMAT.md spells it.
fn serialize_level<S: serde::Serializer>(level: &Level, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(level.as_str())
}

/// Writes field figures as `{"<id>": {...}}` in codebook order.
pub fn serialize_field_alphas<S: serde::Serializer>(fields: &[FieldAgreement], s: S) -> Result<S::Ok, S::Error> {
    let mut map = s.serialize_map(Some(fields.len()))?;
    for f in fields {
        map.serialize_entry(&f.id, f)?;
    }
    map.end()
}

/// Writes a pair's shares as `{"<id>": share}` in codebook order, `null` when undefined.
pub fn serialize_field_shares<S: serde::Serializer>(shares: &[FieldShare], s: S) -> Result<S::Ok, S::Error> {
    struct Share<'a>(&'a Figure);
    impl Serialize for Share<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            serialize_figure(self.0, s)
        }
    }
    let mut map = s.serialize_map(Some(shares.len()))?;
    for f in shares {
        map.serialize_entry(&f.id, &Share(&f.share))?;
    }
    map.end()
}

/// Reliability data of every coded field, collected unit by unit over the corpus.
#[derive(Debug)]
pub struct FieldValues<'f, 'd> {
    /// Per field: the field, and one row per unit of its values (a rank for ordinal).
    rows: Vec<(&'f Field, Rows<'d>)>,
}

/// A field's units × coders table.
#[derive(Debug)]
enum Rows<'a> {
    Nominal(Vec<Vec<Option<&'a str>>>),
    Ordinal(Vec<Vec<Option<f64>>>),
}

impl<'f, 'd> FieldValues<'f, 'd> {
    /// Empty tables for the coded fields among `fields`.
    pub fn new(fields: &'f [Field]) -> Self {
        let rows = fields
            .iter()
            .filter(|f| f.r#type.is_coded())
            .map(|f| {
                let rows = match level_of(f) {
                    Level::Ordinal => Rows::Ordinal(Vec::new()),
                    _ => Rows::Nominal(Vec::new()),
                };
                (f, rows)
            })
            .collect();
        Self { rows }
    }

    /// Adds the units of one document.
    pub fn add_units(&mut self, units: &[Unit<'d>]) {
        for (field, rows) in &mut self.rows {
            let id = field.id.as_str();
            let value = |c: &Option<&'d Claim>| c.and_then(|c| c.fields.get(id)).map(String::as_str);
            match rows {
                Rows::Nominal(rows) => rows.extend(units.iter().map(|u| u.claims.iter().map(value).collect())),
                Rows::Ordinal(rows) => rows.extend(units.iter().map(|u| {
                    u.claims.iter().map(|c| value(c).and_then(|v| field.rank(v)).map(|r| r as f64)).collect()
                })),
            }
        }
    }

    /// Alpha of every coded field, in codebook order.
    pub fn finish(self) -> Vec<FieldAgreement> {
        self.rows
            .into_iter()
            .map(|(field, rows)| {
                let (alpha, units) = match &rows {
                    Rows::Nominal(rows) => (nominal_alpha(rows), pairable(rows)),
                    Rows::Ordinal(rows) => (krippendorff_alpha(rows, Level::Ordinal), pairable(rows)),
                };
                FieldAgreement { id: field.id.clone(), alpha, level: level_of(field), units }
            })
            .collect()
    }
}

/// Units with two or more values.
fn pairable<T>(rows: &[Vec<Option<T>>]) -> usize {
    rows.iter().filter(|r| r.iter().flatten().nth(1).is_some()).count()
}

/// Running counts of agreeing values for one annotator pair.
#[derive(Debug, Default)]
pub struct ShareTally {
    /// Per coded field: its id, agreeing pairs, pairs both with a value.
    counts: Vec<(String, usize, usize)>,
}

impl ShareTally {
    /// A tally for the coded fields among `fields`.
    pub fn new(fields: &[Field]) -> Self {
        Self { counts: fields.iter().filter(|f| f.r#type.is_coded()).map(|f| (f.id.clone(), 0, 0)).collect() }
    }

    /// Counts one overlap-matched pair of claims.
    pub fn add_pair(&mut self, a: &Claim, b: &Claim) {
        for (id, agree, both) in &mut self.counts {
            if let (Some(x), Some(y)) = (a.fields.get(id.as_str()), b.fields.get(id.as_str())) {
                *both += 1;
                if x == y {
                    *agree += 1;
                }
            }
        }
    }

    /// The shares, in codebook order.
    pub fn finish(self) -> Vec<FieldShare> {
        self.counts
            .into_iter()
            .map(|(id, agree, both)| FieldShare {
                id,
                share: ratio(agree as f64, both as f64, Undefined::NoValues),
                pairs: both,
            })
            .collect()
    }
}
