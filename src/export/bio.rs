//! Token-tag export (FORMAT.md section 6, `bio`): CoNLL-style lines for training
//! sequence taggers, one token a line with its char offsets, a claim tag
//! (`B-<kind>`/`I-<kind>`/`O`) and a role tag (`B-SOURCE`, `I-CUE`, ...), a blank line
//! after each sentence. Tokens and sentences come from the text core ([`TextIndex`]),
//! the same words the app snaps selections to, so a tagger trained on this file
//! proposes spans the app can show.
//!
//! One tag a token cannot hold two claims: where claims overlap, the token carries
//! the claim that starts first (then the longer, then the lower id). A claim some of
//! whose tokens carry another one, or which covers no token at all, is not
//! represented whole; how many were is reported as a warning, never silently.

use std::io::Write;

use super::Unit;
use crate::model::{Claim, Span};
use crate::store::Dataset;
use crate::text::{TextIndex, Token};

/// The role tags' names (FORMAT.md section 6).
const SOURCE: &str = "SOURCE";
const CUE: &str = "CUE";

/// A tagged stretch: the claim (or role) a token belongs to, by the rule above.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Stretch<'a> {
    start: usize,
    end: usize,
    /// The kind id for a claim, `SOURCE` or `CUE` for a role.
    label: &'a str,
    /// Which claim (for claims), so two adjacent claims of one kind stay apart.
    claim: u64,
}

impl<'a> Stretch<'a> {
    fn of_claim(c: &'a Claim) -> Self {
        Self { start: c.content.start, end: c.content.end, label: &c.kind, claim: c.id }
    }

    /// A role span; two claims naming the same mention share one stretch.
    fn of_role(span: &Span, label: &'a str) -> Self {
        Self { start: span.start, end: span.end, label, claim: 0 }
    }

    fn covers(&self, t: &Token) -> bool {
        t.start < self.end && self.start < t.end
    }

    /// Order of preference where stretches overlap: earlier start, then longer.
    fn rank(&self) -> (usize, std::cmp::Reverse<usize>, u64) {
        (self.start, std::cmp::Reverse(self.end), self.claim)
    }
}

/// Writes every unit; returns the claims that could not be represented whole, each
/// as `document (annotator) claim N`.
pub(crate) fn write(
    out: &mut dyn Write,
    dataset: &Dataset,
    units: &[Unit<'_>],
    progress: &mut dyn FnMut(usize, usize),
) -> std::io::Result<Vec<String>> {
    let mut not_whole = Vec::new();
    // Units come document by document, so each document is tokenized once.
    let mut cached: Option<(&str, Vec<Token>)> = None;
    for (i, unit) in units.iter().enumerate() {
        let id = unit.doc.entry.id.as_str();
        let text = &unit.doc.document.text;
        if cached.as_ref().is_none_or(|(d, _)| *d != id) {
            cached = Some((id, text.tokens().collect()));
        }
        let tokens = cached.as_ref().map(|(_, t)| t.as_slice()).unwrap_or_default();
        writeln!(out, "# document = {}", one_line(id))?;
        writeln!(out, "# annotator = {}", unit.annotator)?;
        if let Some(meta) = dataset.metadata.get(id) {
            for (column, value) in meta.values() {
                writeln!(out, "# doc_{} = {}", one_line(column), one_line(value))?;
            }
        }
        let claims: Vec<Stretch<'_>> = unit.claims.iter().map(|c| Stretch::of_claim(c)).collect();
        let roles: Vec<Stretch<'_>> = unit
            .claims
            .iter()
            .flat_map(|c| {
                let mention = c.source_mention.as_ref().map(|s| Stretch::of_role(s, SOURCE));
                let cue = c.cue.as_ref().map(|s| Stretch::of_role(s, CUE));
                mention.into_iter().chain(cue)
            })
            .collect();
        let claim_tags = tag(tokens, &claims);
        let role_tags = tag(tokens, &roles);
        write_sentences(out, text, tokens, &claim_tags, &role_tags)?;
        for c in &unit.claims {
            let content = Stretch::of_claim(c);
            let roles = [
                c.source_mention.as_ref().map(|s| Stretch::of_role(s, SOURCE)),
                c.cue.as_ref().map(|s| Stretch::of_role(s, CUE)),
            ];
            let whole = is_whole(tokens, &claim_tags, &content)
                && roles.iter().flatten().all(|r| is_whole(tokens, &role_tags, r));
            if !whole {
                not_whole.push(format!("{id} ({}) claim {}", unit.annotator, c.id));
            }
        }
        progress(i + 1, units.len());
    }
    Ok(not_whole)
}

/// For each token, the stretch it carries (`None`: `O`).
fn tag<'a>(tokens: &[Token], stretches: &[Stretch<'a>]) -> Vec<Option<Stretch<'a>>> {
    let mut sorted: Vec<Stretch<'a>> = stretches.to_vec();
    sorted.sort_by_key(Stretch::rank);
    sorted.dedup();
    // Stretches by start; those that may still cover the current token stay active.
    let mut next = 0;
    let mut active: Vec<Stretch<'a>> = Vec::new();
    tokens
        .iter()
        .map(|t| {
            while next < sorted.len() && sorted[next].start < t.end {
                active.push(sorted[next]);
                next += 1;
            }
            active.retain(|s| s.end > t.start);
            active.iter().filter(|s| s.covers(t)).min_by_key(|s| s.rank()).copied()
        })
        .collect()
}

/// Whether every token `stretch` covers carries it, and it covers one at least.
fn is_whole(tokens: &[Token], tags: &[Option<Stretch<'_>>], stretch: &Stretch<'_>) -> bool {
    let first = tokens.partition_point(|t| t.end <= stretch.start);
    let covered: Vec<usize> = (first..tokens.len()).take_while(|&i| tokens[i].start < stretch.end).collect();
    !covered.is_empty() && covered.iter().all(|&i| tags[i].as_ref() == Some(stretch))
}

/// The token lines, a blank line after each sentence.
fn write_sentences(
    out: &mut dyn Write,
    text: &TextIndex,
    tokens: &[Token],
    claim_tags: &[Option<Stretch<'_>>],
    role_tags: &[Option<Stretch<'_>>],
) -> std::io::Result<()> {
    let sentences = text.sentences();
    let mut sentence = 0;
    let mut open = false;
    for (i, t) in tokens.iter().enumerate() {
        let before = sentence;
        while sentence < sentences.len() && t.start >= sentences[sentence].1 {
            sentence += 1;
        }
        if open && sentence != before {
            writeln!(out)?;
        }
        open = true;
        let previous = i.checked_sub(1);
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}",
            text.slice(t.start, t.end),
            t.start,
            t.end,
            bio_tag(claim_tags[i], previous.and_then(|p| claim_tags[p])),
            bio_tag(role_tags[i], previous.and_then(|p| role_tags[p])),
        )?;
    }
    if open {
        writeln!(out)?;
    }
    Ok(())
}

/// `B-label` where the stretch begins, `I-label` inside (also after a sentence
/// break: a claim over two sentences stays one claim), `O` outside.
fn bio_tag(tag: Option<Stretch<'_>>, previous: Option<Stretch<'_>>) -> String {
    match tag {
        None => "O".to_owned(),
        Some(s) if previous == Some(s) => format!("I-{}", s.label),
        Some(s) => format!("B-{}", s.label),
    }
}

/// A value on one comment line: line breaks and tabs become spaces.
fn one_line(s: &str) -> String {
    s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}
