//! Serde adapters for annotator names, which the model keeps free of serde so that
//! only validated names exist in memory; the JSON of FORMAT.md section 5 shows them as strings.

use std::collections::BTreeMap;

use serde::Serializer;
use serde::ser::{SerializeMap, SerializeSeq};

use crate::model::Annotator;

/// Writes one name.
pub fn serialize_name<S: Serializer>(name: &Annotator, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(name.as_str())
}

/// Writes a list of names.
pub fn serialize_names<S: Serializer>(names: &[Annotator], s: S) -> Result<S::Ok, S::Error> {
    let mut seq = s.serialize_seq(Some(names.len()))?;
    for name in names {
        seq.serialize_element(name.as_str())?;
    }
    seq.end()
}

/// Writes `{name: count}`.
pub fn serialize_counts<S: Serializer>(counts: &BTreeMap<Annotator, usize>, s: S) -> Result<S::Ok, S::Error> {
    let mut map = s.serialize_map(Some(counts.len()))?;
    for (name, n) in counts {
        map.serialize_entry(name.as_str(), n)?;
    }
    map.end()
}
