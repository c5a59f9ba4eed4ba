//! CSV export (FORMAT.md section 6): a row per claim, for spreadsheets and R/pandas.
//!
//! Column order: the contract's fixed columns, then `doc_<column>` for every column
//! of `documents.csv`, then `field_<id>` for every claim field (codebook fields in
//! codebook order, then fields only claims use, sorted), so that a script can rely
//! on the fixed columns' positions and find the rest by name.

use std::io::Write;

use serde::Serialize;

use super::{Unit, field_ids, rfc3339, source_name};
use crate::store::Dataset;

/// The header the contract fixes; the serialised row has these fields in this order.
pub(crate) const HEADER: [&str; 18] = [
    "document",
    "annotator",
    "claim_id",
    "kind",
    "start",
    "end",
    "text",
    "source",
    "source_name",
    "source_start",
    "source_end",
    "source_text",
    "cue_start",
    "cue_end",
    "cue_text",
    "note",
    "status",
    "modified",
];

/// One row; `None` becomes an empty cell.
#[derive(Serialize)]
struct Row<'a> {
    document: &'a str,
    annotator: &'a str,
    claim_id: u64,
    kind: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
    source: Option<&'a str>,
    source_name: Option<&'a str>,
    source_start: Option<usize>,
    source_end: Option<usize>,
    source_text: Option<&'a str>,
    cue_start: Option<usize>,
    cue_end: Option<usize>,
    cue_text: Option<&'a str>,
    note: &'a str,
    status: &'a str,
    modified: String,
}

/// Writes the header and every claim of `units`.
pub(crate) fn write(
    out: &mut dyn Write,
    dataset: &Dataset,
    units: &[Unit<'_>],
    progress: &mut dyn FnMut(usize, usize),
) -> std::io::Result<()> {
    let mut w = ::csv::WriterBuilder::new().has_headers(false).from_writer(out);
    let fields = field_ids(dataset, units);
    let field_columns = fields.iter().map(|id| format!("field_{id}"));
    w.write_record(HEADER.iter().map(|h| (*h).to_owned()).chain(field_columns))?;
    for (i, unit) in units.iter().enumerate() {
        for c in &unit.claims {
            let mention = c.source_mention.as_ref();
            let cue = c.cue.as_ref();
            let source = c.source.as_deref();
            let row = Row {
                document: &unit.doc.entry.id,
                annotator: unit.annotator.as_str(),
                claim_id: c.id,
                kind: &c.kind,
                start: c.content.start,
                end: c.content.end,
                text: &c.content.quote,
                source,
                source_name: source.and_then(|id| source_name(dataset, unit.file, id)),
                source_start: mention.map(|s| s.start),
                source_end: mention.map(|s| s.end),
                source_text: mention.map(|s| s.quote.as_str()),
                cue_start: cue.map(|s| s.start),
                cue_end: cue.map(|s| s.end),
                cue_text: cue.map(|s| s.quote.as_str()),
                note: &c.note,
                status: unit.file.status.as_str(),
                modified: rfc3339(&c.modified),
            };
            let values: Vec<Option<&str>> = fields.iter().map(|id| c.fields.get(*id).map(String::as_str)).collect();
            w.serialize((row, values)).map_err(std::io::Error::other)?;
        }
        progress(i + 1, units.len());
    }
    w.flush()
}
