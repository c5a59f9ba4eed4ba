//! JSON-lines export (FORMAT.md section 6): a line per document per annotator with
//! the full text, so `text[start:end]` in Python gives every span back.

use std::collections::BTreeMap;
use std::io::Write;

use serde::Serialize;

use super::{Unit, source_name};
use crate::model::Span;
use crate::store::Dataset;

#[derive(Serialize)]
struct Line<'a> {
    document: &'a str,
    annotator: &'a str,
    text: &'a str,
    /// The document's `documents.csv` row: every non-empty cell but the id.
    meta: BTreeMap<&'a str, &'a str>,
    claims: Vec<JsonClaim<'a>>,
}

#[derive(Serialize)]
struct JsonClaim<'a> {
    id: u64,
    kind: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
    source: Option<&'a str>,
    source_name: Option<&'a str>,
    source_mention: Option<JsonSpan<'a>>,
    cue: Option<JsonSpan<'a>>,
    note: &'a str,
    /// Field id -> value, always present (`{}` for a claim without field values).
    fields: &'a BTreeMap<String, String>,
}

#[derive(Serialize)]
struct JsonSpan<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

impl<'a> From<&'a Span> for JsonSpan<'a> {
    fn from(s: &'a Span) -> Self {
        Self { start: s.start, end: s.end, text: &s.quote }
    }
}

/// Writes a line per unit; a file with no claims still gets a line (`"claims": []`),
/// since "coded, nothing found" is data too.
pub(crate) fn write(
    out: &mut dyn Write,
    dataset: &Dataset,
    units: &[Unit<'_>],
    progress: &mut dyn FnMut(usize, usize),
) -> std::io::Result<()> {
    for (i, unit) in units.iter().enumerate() {
        let claims = unit
            .claims
            .iter()
            .map(|c| {
                let source = c.source.as_deref();
                JsonClaim {
                    id: c.id,
                    kind: &c.kind,
                    start: c.content.start,
                    end: c.content.end,
                    text: &c.content.quote,
                    source,
                    source_name: source.and_then(|id| source_name(dataset, unit.file, id)),
                    source_mention: c.source_mention.as_ref().map(JsonSpan::from),
                    cue: c.cue.as_ref().map(JsonSpan::from),
                    note: &c.note,
                    fields: &c.fields,
                }
            })
            .collect();
        let line = Line {
            document: &unit.doc.entry.id,
            annotator: unit.annotator.as_str(),
            text: unit.doc.document.text.as_str(),
            meta: dataset.metadata.get(&unit.doc.entry.id).map(|m| m.values().collect()).unwrap_or_default(),
            claims,
        };
        serde_json::to_writer(&mut *out, &line).map_err(std::io::Error::other)?;
        out.write_all(b"\n")?;
        progress(i + 1, units.len());
    }
    Ok(())
}
