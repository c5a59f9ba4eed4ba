//! CSV export (FORMAT.md section 6): a row per claim, for spreadsheets and R/pandas.
//!
//! Column order: the contract's fixed columns, then `doc_<column>` for every column
//! of `documents.csv`, then `field_<id>` for every claim field (codebook fields in
//! codebook order, then fields only claims use, sorted), so that a script can rely
//! on the fixed columns' positions and find the rest by name.

use std::io::Write;

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

/// Writes the header and every claim of `units`: the fixed columns, then
/// `doc_<column>` for every column of `documents.csv`, then `field_<id>` for every
/// codebook field (FORMAT.md section 6).
pub(crate) fn write(
    out: &mut dyn Write,
    dataset: &Dataset,
    units: &[Unit<'_>],
    progress: &mut dyn FnMut(usize, usize),
) -> std::io::Result<()> {
    let mut w = ::csv::WriterBuilder::new().has_headers(false).from_writer(out);
    let meta_columns: Vec<&str> = dataset.metadata.value_columns().collect();
    let fields = field_ids(dataset, units);
    let header = HEADER
        .iter()
        .map(|h| (*h).to_owned())
        .chain(meta_columns.iter().map(|c| format!("doc_{c}")))
        .chain(fields.iter().map(|f| format!("field_{f}")));
    w.write_record(header)?;
    let num = |n: Option<usize>| n.map(|n| n.to_string()).unwrap_or_default();
    for (i, unit) in units.iter().enumerate() {
        let meta = dataset.metadata.get(&unit.doc.entry.id);
        let doc_cells: Vec<&str> = meta_columns.iter().map(|c| meta.and_then(|m| m.value(c)).unwrap_or("")).collect();
        for c in &unit.claims {
            let mention = c.source_mention.as_ref();
            let cue = c.cue.as_ref();
            let source = c.source.as_deref();
            let fixed: [std::borrow::Cow<'_, str>; 18] = [
                unit.doc.entry.id.as_str().into(),
                unit.annotator.as_str().into(),
                c.id.to_string().into(),
                c.kind.as_str().into(),
                c.content.start.to_string().into(),
                c.content.end.to_string().into(),
                c.content.quote.as_str().into(),
                source.unwrap_or("").into(),
                source.and_then(|id| source_name(dataset, unit.file, id)).unwrap_or("").into(),
                num(mention.map(|s| s.start)).into(),
                num(mention.map(|s| s.end)).into(),
                mention.map_or("", |s| s.quote.as_str()).into(),
                num(cue.map(|s| s.start)).into(),
                num(cue.map(|s| s.end)).into(),
                cue.map_or("", |s| s.quote.as_str()).into(),
                c.note.as_str().into(),
                unit.file.status.as_str().into(),
                rfc3339(&c.modified).into(),
            ];
            let field_cells = fields.iter().map(|f| c.fields.get(*f).map_or("", String::as_str));
            let row = fixed.iter().map(|s| s.as_ref()).chain(doc_cells.iter().copied()).chain(field_cells);
            w.write_record(row)?;
        }
        progress(i + 1, units.len());
    }
    w.flush()
}
