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
//!
//! brat wants no span to begin or end in whitespace (it crashes on a whitespace-only
//! one and rewrites the file for others), so every span and fragment is trimmed of
//! whitespace at both ends for brat; a span of whitespace only is left out, with a
//! warning ([`whitespace_only`]): a claim whose content is, entirely; a source
//! mention or cue that is, on its own.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

use super::brat_conf::{ACTOR_DB, BratTypes, CUE_TYPE, SOURCE_TYPE, single_line, tools_conf};
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
    let used = units.iter().flat_map(|u| u.claims.iter().map(|c| c.kind.as_str()));
    let types = BratTypes::new(&dataset.project.codebook(), used);
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
/// normalizations and notes, so each line refers to annotations already defined.
fn ann(dataset: &Dataset, unit: &Unit<'_>, types: &BratTypes) -> String {
    let mut w = AnnWriter::default();
    for c in &unit.claims {
        let kind = types.type_of(&c.kind).unwrap_or(&c.kind);
        let Some(claim) = w.textbound(kind, &c.content, false) else { continue };
        if let Some(t) = c.source_mention.as_ref().and_then(|m| w.textbound(SOURCE_TYPE, m, true)) {
            w.relation(SOURCE_TYPE, claim, t);
        }
        if let Some(t) = c.cue.as_ref().and_then(|cue| w.textbound(CUE_TYPE, cue, true)) {
            w.relation(CUE_TYPE, claim, t);
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
    norms: String,
    notes: String,
    t: usize,
    r: usize,
    n: usize,
    notes_n: usize,
    /// Source and cue annotations by (type, start, end): two claims naming the same
    /// "Lew" share one annotation instead of stacking identical boxes.
    shared: HashMap<(&'static str, usize, usize), usize>,
}

impl AnnWriter {
    /// Writes a text-bound annotation and gives its number, or `None` for a span of
    /// whitespace only, which brat cannot hold.
    fn textbound(&mut self, type_name: &str, span: &Span, share: bool) -> Option<usize> {
        let key = (if type_name == SOURCE_TYPE { SOURCE_TYPE } else { CUE_TYPE }, span.start, span.end);
        if share && let Some(&t) = self.shared.get(&key) {
            return Some(t);
        }
        let (offsets, text) = fragments(span)?;
        self.t += 1;
        let _ = writeln!(self.textbounds, "T{}\t{type_name} {offsets}\t{text}", self.t);
        if share {
            self.shared.insert(key, self.t);
        }
        Some(self.t)
    }

    fn relation(&mut self, type_name: &str, claim: usize, target: usize) {
        self.r += 1;
        let _ = writeln!(self.relations, "R{}\t{type_name} Arg1:T{claim} Arg2:T{target}", self.r);
    }

    fn finish(self) -> String {
        self.textbounds + &self.relations + &self.norms + &self.notes
    }
}

/// brat offsets and text for a span: one `start end` fragment per line, split at
/// line-break characters, each fragment trimmed of whitespace at both ends, the
/// fragments' text joined by a space as brat does. `None` for a span of whitespace
/// only (or an empty one).
pub(crate) fn fragments(span: &Span) -> Option<(String, String)> {
    let mut offsets = String::new();
    let mut text = String::new();
    let mut line: Vec<(usize, char)> = Vec::new();
    let mut flush = |line: &mut Vec<(usize, char)>| {
        let first = line.iter().position(|(_, c)| !c.is_whitespace());
        let last = line.iter().rposition(|(_, c)| !c.is_whitespace());
        if let (Some(first), Some(last)) = (first, last) {
            if !offsets.is_empty() {
                offsets.push(';');
                text.push(' ');
            }
            let _ = write!(offsets, "{} {}", line[first].0, line[last].0 + 1);
            text.extend(line[first..=last].iter().map(|(_, c)| *c));
        }
        line.clear();
    };
    for (pos, ch) in (span.start..).zip(span.quote.chars()) {
        if ch == '\n' || ch == '\r' {
            flush(&mut line);
        } else {
            line.push((pos, ch));
        }
    }
    flush(&mut line);
    (!offsets.is_empty()).then_some((offsets, text))
}

/// One warning per span left out of a brat export for holding only whitespace, and
/// how many claims are left out entirely (their content is whitespace).
pub(crate) fn whitespace_only(units: &[Unit<'_>]) -> (Vec<String>, usize) {
    let mut warnings = Vec::new();
    let mut claims = 0;
    for unit in units {
        for c in &unit.claims {
            let whose = format!("{} ({})", unit.doc.entry.id, unit.annotator);
            if c.content.is_whitespace_only() {
                claims += 1;
                warnings.push(format!("{whose}: claim {} left out of brat, its content is only whitespace", c.id));
                continue;
            }
            for (role, span) in c.spans().skip(1) {
                if span.is_whitespace_only() {
                    warnings.push(format!(
                        "{whose}: claim {} {} left out of brat, it is only whitespace",
                        c.id,
                        role.field()
                    ));
                }
            }
        }
    }
    (warnings, claims)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: usize, quote: &str) -> Span {
        Span { start, end: start + quote.chars().count(), quote: quote.into() }
    }

    #[test]
    fn spans_across_lines_become_fragments() {
        let frag = |s: usize, q: &str| fragments(&span(s, q));
        assert_eq!(frag(10, "one\r\ntwo\nsix"), Some(("10 13;15 18;19 22".to_owned(), "one two six".to_owned())));
        assert_eq!(frag(0, "a b"), Some(("0 3".to_owned(), "a b".to_owned())));
    }

    #[test]
    fn spans_are_trimmed_for_brat_and_whitespace_only_ones_left_out() {
        let frag = |s: usize, q: &str| fragments(&span(s, q));
        assert_eq!(frag(9, "\n"), None, "a cue that is a line break");
        assert_eq!(frag(9, " \t\u{a0}"), None);
        assert_eq!(frag(9, ""), None);
        assert_eq!(frag(0, "\nHeadline\r\n"), Some(("1 9".to_owned(), "Headline".to_owned())));
        assert_eq!(frag(5, "  said "), Some(("7 11".to_owned(), "said".to_owned())));
        assert_eq!(frag(0, "one \n  two"), Some(("0 3;7 10".to_owned(), "one two".to_owned())));
        assert_eq!(frag(0, "one\n \ntwo"), Some(("0 3;6 9".to_owned(), "one two".to_owned())));
        assert_eq!(frag(3, "“中文”\u{2028}"), Some(("3 7".to_owned(), "“中文”".to_owned())));
    }
}
