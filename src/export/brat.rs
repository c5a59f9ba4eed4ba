//! brat standoff export (FORMAT.md section 6): `<out>/<annotator>/<stem>.txt` and
//! `<stem>.ann`, plus the configuration files that make the folder open in brat
//! unchanged.
//!
//! The `.txt` is the document text exactly as our offsets count it: without the
//! byte-order mark (not part of the text, FORMAT.md section 1) and with line endings
//! as on disk. brat reads the file with Python's `codecs.open`, which does not
//! translate `\r\n`, so a CRLF stays two characters there as here and no offset moves.
//! A span that crosses a line break is written as brat writes one: fragments split at
//! the line-break characters (`start end;start end`), whose covering span is the claim.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

use super::brat_conf::{ACTOR_DB, BratTypes, CUE_TYPE, SOURCE_TYPE, single_line, tools_conf};
use super::brat_fields::encode;
use super::{Unit, source_name};
use crate::model::Span;
use crate::store::Dataset;

/// Writes every unit and the configuration files into `dir`.
pub(crate) fn write(
    dir: &Path,
    dataset: &Dataset,
    units: &[Unit<'_>],
    progress: &mut dyn FnMut(usize, usize),
) -> std::io::Result<()> {
    let codebook = dataset.project.codebook();
    let used = units.iter().flat_map(|u| u.claims.iter().map(|c| c.kind.as_str()));
    let mut types = BratTypes::new(&codebook, used);
    let values = units.iter().flat_map(|u| u.claims.iter().flat_map(|c| c.fields.iter()));
    types.declare_field_values(&codebook, &dataset.project.actors, values.map(|(k, v)| (k.as_str(), v.as_str())));
    std::fs::write(dir.join("annotation.conf"), types.annotation_conf())?;
    std::fs::write(dir.join("visual.conf"), types.visual_conf())?;
    std::fs::write(dir.join("tools.conf"), tools_conf())?;
    for (i, unit) in units.iter().enumerate() {
        let stem = unit.doc.entry.id.strip_suffix(".txt").unwrap_or(&unit.doc.entry.id);
        let base = dir.join(unit.annotator.as_str()).join(stem);
        if let Some(parent) = base.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(base.with_extension("txt"), unit.doc.document.text.as_str())?;
        std::fs::write(base.with_extension("ann"), ann(dataset, unit, &types))?;
        progress(i + 1, units.len());
    }
    Ok(())
}

/// The `.ann` of one unit: every text-bound annotation first, then relations,
/// attributes (claim fields), normalizations and notes, so each line refers to
/// annotations already defined.
fn ann(dataset: &Dataset, unit: &Unit<'_>, types: &BratTypes) -> String {
    let mut w = AnnWriter::default();
    for c in &unit.claims {
        let kind = types.type_of(&c.kind).unwrap_or(&c.kind);
        let claim = w.textbound(kind, &c.content, false);
        if let Some(m) = &c.source_mention {
            let t = w.textbound(SOURCE_TYPE, m, true);
            w.relation(SOURCE_TYPE, claim, t);
        }
        if let Some(cue) = &c.cue {
            let t = w.textbound(CUE_TYPE, cue, true);
            w.relation(CUE_TYPE, claim, t);
        }
        for (field, value) in c.fields.iter().filter(|(_, v)| !v.is_empty()) {
            if let Some(name) = types.attribute_of(field) {
                w.a += 1;
                let _ = writeln!(w.attributes, "A{}\t{name} T{claim} {}", w.a, encode(value));
            }
        }
        if let Some(id) = &c.source {
            let name = source_name(dataset, unit.file, id).unwrap_or(id);
            w.n += 1;
            let _ = writeln!(w.norms, "N{}\tReference T{claim} {ACTOR_DB}:{id}\t{}", w.n, single_line(name));
        }
        if !c.note.is_empty() {
            w.notes_n += 1;
            let _ = writeln!(w.notes, "#{}\tAnnotatorNotes T{claim}\t{}", w.notes_n, single_line(&c.note));
        }
    }
    w.finish()
}

#[derive(Default)]
struct AnnWriter {
    textbounds: String,
    relations: String,
    attributes: String,
    norms: String,
    notes: String,
    t: usize,
    r: usize,
    a: usize,
    n: usize,
    notes_n: usize,
    /// Source and cue annotations by (type, start, end): two claims naming the same
    /// "Lew" share one annotation instead of stacking identical boxes.
    shared: HashMap<(&'static str, usize, usize), usize>,
}

impl AnnWriter {
    fn textbound(&mut self, type_name: &str, span: &Span, share: bool) -> usize {
        let key = (if type_name == SOURCE_TYPE { SOURCE_TYPE } else { CUE_TYPE }, span.start, span.end);
        if share && let Some(&t) = self.shared.get(&key) {
            return t;
        }
        self.t += 1;
        let (offsets, text) = fragments(span);
        let _ = writeln!(self.textbounds, "T{}\t{type_name} {offsets}\t{text}", self.t);
        if share {
            self.shared.insert(key, self.t);
        }
        self.t
    }

    fn relation(&mut self, type_name: &str, claim: usize, target: usize) {
        self.r += 1;
        let _ = writeln!(self.relations, "R{}\t{type_name} Arg1:T{claim} Arg2:T{target}", self.r);
    }

    fn finish(self) -> String {
        self.textbounds + &self.relations + &self.attributes + &self.norms + &self.notes
    }
}

/// brat offsets and text for a span: one `start end` fragment per line, split at
/// line-break characters, the fragments' text joined by a space as brat does.
pub(crate) fn fragments(span: &Span) -> (String, String) {
    let mut offsets = String::new();
    let mut text = String::new();
    let mut frag_start: Option<usize> = None;
    let mut frag_text = String::new();
    let mut push = |start: usize, end: usize, t: &str| {
        if !offsets.is_empty() {
            offsets.push(';');
            text.push(' ');
        }
        let _ = write!(offsets, "{start} {end}");
        text.push_str(t);
    };
    let mut pos = span.start;
    for ch in span.quote.chars() {
        if ch == '\n' || ch == '\r' {
            if let Some(s) = frag_start.take() {
                push(s, pos, &frag_text);
                frag_text.clear();
            }
        } else {
            frag_start.get_or_insert(pos);
            frag_text.push(ch);
        }
        pos += 1;
    }
    if let Some(s) = frag_start {
        push(s, pos, &frag_text);
    }
    if offsets.is_empty() {
        return (format!("{} {}", span.start, span.end), single_line(&span.quote));
    }
    (offsets, text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_across_lines_become_fragments() {
        let span = Span { start: 10, end: 22, quote: "one\r\ntwo\nsix".into() };
        assert_eq!(fragments(&span), ("10 13;15 18;19 22".to_owned(), "one two six".to_owned()));
        let span = Span { start: 0, end: 3, quote: "a b".into() };
        assert_eq!(fragments(&span), ("0 3".to_owned(), "a b".to_owned()));
    }
}
