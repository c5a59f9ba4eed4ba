//! Statistics of claim fields: the distribution of each field's values, and for a
//! Scale the mean position of each claimant (the claim's source) toward each
//! addressee, the classic figure of political claims analysis. Computed from a
//! loaded dataset like the rest of [`super::stats`], so `claimcoder stats` and the
//! app's charts show the same numbers.
//!
//! The addressee is the Actor field with the id `addressee`, else the codebook's
//! first Actor field; without one, every claim counts as having no addressee.

use std::collections::BTreeMap;

use serde::Serialize;

use super::stats::UNATTRIBUTED;
use crate::model::{AnnotationFile, Field, FieldType};
use crate::store::Dataset;

/// The addressee of a claim without one, in tables and charts.
pub const NO_ADDRESSEE: &str = "(no addressee)";

/// How often one value was given.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ValueCount {
    /// The value claims store.
    pub value: String,
    /// What the user reads: the choice label, the actor's name, else the value.
    pub label: String,
    /// Claims with this value.
    pub claims: usize,
}

/// The distribution of one field's values.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FieldStats {
    /// The field id.
    pub id: String,
    /// The field's label.
    pub label: String,
    /// `Actor`, `Category`, `Scale` or `Text`; `null` for a field only claims use.
    pub r#type: Option<&'static str>,
    /// A Category's or Scale's listed values in codebook order (zero counts
    /// included), then any other value given, most claims first (ties by value).
    pub values: Vec<ValueCount>,
    /// Claims with a value for the field.
    pub with_value: usize,
    /// Claims without one.
    pub without_value: usize,
}

/// A claimant or an addressee.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Party {
    /// Actor id; `None` for unattributed claims or claims without an addressee.
    pub id: Option<String>,
    /// Display name, or [`UNATTRIBUTED`] / [`NO_ADDRESSEE`].
    pub name: String,
}

/// The mean position of one claimant toward one addressee.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PositionCell {
    /// Index into [`PositionTable::claimants`].
    pub claimant: usize,
    /// Index into [`PositionTable::addressees`].
    pub addressee: usize,
    /// Claims with a position on the scale.
    pub claims: usize,
    /// Their mean value.
    pub mean: f64,
}

/// Mean positions on one Scale field, claimants by addressees.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PositionTable {
    /// The Scale field.
    pub field: String,
    /// Its label.
    pub label: String,
    /// The Actor field read as the addressee, if the codebook has one.
    pub addressee_field: Option<String>,
    /// The scale's (value, label) pairs in codebook order, for a chart's axis.
    pub scale: Vec<(i64, String)>,
    /// Claimants, most positioned claims first (ties by name).
    pub claimants: Vec<Party>,
    /// Addressees, most positioned claims first (ties by name), [`NO_ADDRESSEE`] last.
    pub addressees: Vec<Party>,
    /// One cell per claimant and addressee with positioned claims, by claimant then addressee.
    pub cells: Vec<PositionCell>,
    /// Claims whose value is not on the scale (reported by `check`), left out of the means.
    pub off_scale: usize,
}

/// The distribution of every field (codebook fields, then fields only claims use)
/// and a position table per Scale field.
pub fn field_stats(dataset: &Dataset) -> (Vec<FieldStats>, Vec<PositionTable>) {
    let fields = &dataset.project.fields;
    let files: Vec<&AnnotationFile> = dataset.documents.iter().flat_map(|d| d.files.values()).collect();
    let name_of = |id: &str| -> String {
        dataset
            .project
            .actors
            .get(id)
            .map(|a| a.name.clone())
            .or_else(|| files.iter().find_map(|f| f.actors.get(id).cloned()))
            .unwrap_or_else(|| id.to_owned())
    };
    let mut ids: Vec<&str> = fields.iter().map(|f| f.id.as_str()).collect();
    let mut extra: Vec<&str> = files
        .iter()
        .flat_map(|f| f.claims.iter().flat_map(|c| c.fields.keys().map(String::as_str)))
        .filter(|id| !ids.contains(id))
        .collect();
    extra.sort_unstable();
    extra.dedup();
    ids.extend(extra);
    let total: usize = files.iter().map(|f| f.claims.len()).sum();
    let distributions = ids
        .iter()
        .map(|id| {
            let field = dataset.project.fields.iter().find(|f| f.id == *id);
            let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
            for c in files.iter().flat_map(|f| &f.claims) {
                if let Some(v) = c.fields.get(*id) {
                    *counts.entry(v.as_str()).or_default() += 1;
                }
            }
            distribution(id, field, counts, total, &name_of)
        })
        .collect();
    let addressee = fields
        .iter()
        .find(|f| f.id == "addressee" && f.r#type == FieldType::Actor)
        .or_else(|| fields.iter().find(|f| f.r#type == FieldType::Actor));
    let positions = fields
        .iter()
        .filter(|f| f.r#type == FieldType::Scale)
        .map(|f| positions(f, addressee, &files, &name_of))
        .collect();
    (distributions, positions)
}

fn distribution(
    id: &str,
    field: Option<&Field>,
    mut counts: BTreeMap<&str, usize>,
    total: usize,
    name_of: &dyn Fn(&str) -> String,
) -> FieldStats {
    let with_value = counts.values().sum();
    let mut values: Vec<ValueCount> = Vec::new();
    if let Some(f) = field.filter(|f| matches!(f.r#type, FieldType::Category | FieldType::Scale)) {
        for choice in &f.values {
            let claims = counts.remove(choice.value.as_str()).unwrap_or(0);
            values.push(ValueCount { value: choice.value.clone(), label: choice.label.clone(), claims });
        }
    }
    let mut rest: Vec<(&str, usize)> = counts.into_iter().collect();
    rest.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let is_actor = field.is_some_and(|f| f.r#type == FieldType::Actor);
    values.extend(rest.into_iter().map(|(value, claims)| ValueCount {
        value: value.to_owned(),
        label: if is_actor { name_of(value) } else { value.to_owned() },
        claims,
    }));
    FieldStats {
        id: id.to_owned(),
        label: field.map(|f| f.label.clone()).unwrap_or_else(|| id.to_owned()),
        r#type: field.map(|f| f.r#type.as_str()),
        values,
        with_value,
        without_value: total - with_value,
    }
}

/// (claimant, addressee) actor ids; `None` for unattributed or unaddressed.
type Pairing<'a> = (Option<&'a str>, Option<&'a str>);

fn positions(
    scale: &Field,
    addressee: Option<&Field>,
    files: &[&AnnotationFile],
    name_of: &dyn Fn(&str) -> String,
) -> PositionTable {
    let mut sums: BTreeMap<Pairing, (usize, i64)> = BTreeMap::new();
    let mut off_scale = 0;
    for c in files.iter().flat_map(|f| &f.claims) {
        let Some(value) = c.fields.get(&scale.id) else { continue };
        let Some(position) = scale.rank(value).and_then(|_| value.parse::<i64>().ok()) else {
            off_scale += 1;
            continue;
        };
        let to = addressee.and_then(|a| c.fields.get(&a.id)).map(String::as_str);
        let cell = sums.entry((c.source.as_deref(), to)).or_default();
        cell.0 += 1;
        cell.1 += position;
    }
    let claimants = ranked(sums.iter().map(|((from, _), (n, _))| (*from, *n)), UNATTRIBUTED, name_of);
    let addressees = ranked(sums.iter().map(|((_, to), (n, _))| (*to, *n)), NO_ADDRESSEE, name_of);
    let index = |parties: &[Party], id: Option<&str>| parties.iter().position(|p| p.id.as_deref() == id).unwrap_or(0);
    let mut cells: Vec<PositionCell> = sums
        .iter()
        .map(|((from, to), (n, sum))| PositionCell {
            claimant: index(&claimants, *from),
            addressee: index(&addressees, *to),
            claims: *n,
            mean: *sum as f64 / *n as f64,
        })
        .collect();
    cells.sort_by_key(|c| (c.claimant, c.addressee));
    PositionTable {
        field: scale.id.clone(),
        label: scale.label.clone(),
        addressee_field: addressee.map(|a| a.id.clone()),
        scale: scale.values.iter().filter_map(|c| Some((c.value.parse().ok()?, c.label.clone()))).collect(),
        claimants,
        addressees,
        cells,
        off_scale,
    }
}

/// The parties of `claims` ((party, claims) pairs), most claims first, ties by
/// name, the party without an id (`none`) last.
fn ranked<'a>(
    claims: impl Iterator<Item = (Option<&'a str>, usize)>,
    none: &str,
    name_of: &dyn Fn(&str) -> String,
) -> Vec<Party> {
    let mut totals: BTreeMap<Option<&str>, usize> = BTreeMap::new();
    for (id, n) in claims {
        *totals.entry(id).or_default() += n;
    }
    let mut parties: Vec<(Party, usize)> = totals
        .into_iter()
        .map(|(id, n)| {
            let name = id.map(name_of).unwrap_or_else(|| none.to_owned());
            (Party { id: id.map(str::to_owned), name }, n)
        })
        .collect();
    parties.sort_by(|a, b| (a.0.id.is_none(), b.1, &a.0.name).cmp(&(b.0.id.is_none(), a.1, &b.0.name)));
    parties.into_iter().map(|(p, _)| p).collect()
}
