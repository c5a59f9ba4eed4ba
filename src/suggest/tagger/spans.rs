//! Between claims and tags: the tags a coding gives each token (to learn from), and
//! the readings a run of tags makes (to suggest).

use super::super::layout::Layout;
use super::super::lexicon::Hit;
use super::super::reading::{Pattern, Reading};
use super::{B_CONTENT, B_CUE, B_SOURCE, I_CONTENT, I_CUE, I_SOURCE, O};
use crate::model::Claim;

/// Which part of a claim a token is in.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Content,
    Cue,
    Source,
}

/// The tag of each token in a coding: its cue first, then its source mention, then
/// its content (a content split around its cue spans both parts and the cue).
pub(crate) fn labels(l: &Layout, claims: &[Claim]) -> Vec<u8> {
    let mut part: Vec<Option<(Part, usize)>> = vec![None; l.tokens.len()];
    let mark = |start: usize, end: usize, p: Part, claim: usize, part: &mut Vec<Option<(Part, usize)>>| {
        let from = l.tokens.partition_point(|t| t.end <= start);
        for (i, t) in l.tokens.iter().enumerate().skip(from) {
            if t.start >= end {
                break;
            }
            let rank = |p: Part| match p {
                Part::Cue => 0,
                Part::Source => 1,
                Part::Content => 2,
            };
            if part[i].is_none_or(|(q, _)| rank(p) < rank(q)) {
                part[i] = Some((p, claim));
            }
        }
    };
    for (c, claim) in claims.iter().enumerate() {
        mark(claim.content.start, claim.content.end, Part::Content, c, &mut part);
        if let Some(s) = &claim.source_mention {
            mark(s.start, s.end, Part::Source, c, &mut part);
        }
        if let Some(s) = &claim.cue {
            mark(s.start, s.end, Part::Cue, c, &mut part);
        }
    }
    let mut tags = Vec::with_capacity(part.len());
    for i in 0..part.len() {
        let continues = i > 0 && part[i - 1] == part[i];
        tags.push(match (part[i], continues) {
            (None, _) => O,
            (Some((Part::Content, _)), false) => B_CONTENT,
            (Some((Part::Content, _)), true) => I_CONTENT,
            (Some((Part::Cue, _)), false) => B_CUE,
            (Some((Part::Cue, _)), true) => I_CUE,
            (Some((Part::Source, _)), false) => B_SOURCE,
            (Some((Part::Source, _)), true) => I_SOURCE,
        });
    }
    tags
}

/// A run of one part's tags: its first and last token.
#[derive(Clone, Copy)]
struct Chunk {
    part: Part,
    first: usize,
    last: usize,
}

/// The runs of tags.
fn chunks(tags: &[(u8, f32)]) -> Vec<Chunk> {
    let mut out: Vec<Chunk> = Vec::new();
    for (i, &(tag, _)) in tags.iter().enumerate() {
        let (part, begins) = match tag {
            B_CONTENT => (Part::Content, true),
            I_CONTENT => (Part::Content, false),
            B_CUE => (Part::Cue, true),
            I_CUE => (Part::Cue, false),
            B_SOURCE => (Part::Source, true),
            I_SOURCE => (Part::Source, false),
            _ => continue,
        };
        match out.last_mut() {
            Some(c) if !begins && c.part == part && c.last + 1 == i => c.last = i,
            _ => out.push(Chunk { part, first: i, last: i }),
        }
    }
    out
}

/// Content of fewer words is not suggested: a lone word tagged content is more often
/// noise than a claim.
const MIN_WORDS: usize = 2;

/// A claim the tagger reads needs a cue of at most this many tokens: without one, or
/// with a longer run tagged cue, the coder would have to find the cue anyway, and
/// held-out F1 is the same (0.620 against 0.621 with every reading kept).
const MAX_CUE: usize = 6;

/// How many tokens may stand between the two parts of a quotation around its cue.
const MAX_GAP: usize = 30;

/// The readings the tags make: each content run of at least [`MIN_WORDS`] words
/// (joined with the next when they are two parts of one claim around its cue), its
/// edges trimmed of marks, with the nearest cue run and the source run nearest that
/// cue, each in the paragraph and in the sentence or the one before or after.
pub(crate) fn readings(l: &Layout, tags: &[(u8, f32)], hits: &[Hit]) -> Vec<Reading> {
    let chunks = chunks(tags);
    let sentence = |i: usize| l.sentences.partition_point(|s| s.1 <= l.tokens[i].start);
    let mut out = Vec::new();
    let mut c = 0;
    while c < chunks.len() {
        let chunk = chunks[c];
        c += 1;
        if chunk.part != Part::Content {
            continue;
        }
        let (first, mut last) = (chunk.first, chunk.last);
        let mut k = c;
        while k < chunks.len() && chunks[k].part != Part::Content && chunks[k].first <= last + MAX_GAP {
            k += 1;
        }
        let between = &chunks[c..k];
        if k > c && k < chunks.len() && chunks[k].part == Part::Content && joins(l, last, chunks[k].first, between) {
            last = chunks[k].last;
            c = k + 1;
        }
        // Marks at the edges that are not quotation marks (", he said, were ...").
        let mark = |j: usize| !l.tokens[j].word && l.quote_opening_at(l.tokens[j].start).is_none();
        let mut first = (first..=last).find(|&j| !mark(j)).unwrap_or(first);
        // "said that ...": the claim starts after "that", as the rules read it.
        if first < last && l.word(first).eq_ignore_ascii_case("that") && l.tokens[first + 1].word {
            first += 1;
        }
        let end_mark = |j: usize| !l.tokens[j].word && l.quote_ending_at(l.tokens[j].end).is_none();
        let last = (first..=last).rev().find(|&j| !end_mark(j)).unwrap_or(last);
        if (first..=last).filter(|&j| l.tokens[j].word).count() < MIN_WORDS {
            continue;
        }
        // The runs of a part starting in the sentence of `around`, or the one before
        // or after it, in its paragraph, nearest first.
        let near = |part: Part, around: (usize, usize)| {
            let s = sentence(around.0);
            let from = s.checked_sub(1).and_then(|p| l.sentences.get(p)).map_or(0, |p| l.token_from(p.0));
            let to = l.sentences.get(s + 1).map_or(l.tokens.len(), |n| l.token_from(n.1));
            let (lo, hi) = (chunks.partition_point(|x| x.first < from), chunks.partition_point(|x| x.first < to));
            let paragraph = l.paragraph_at(l.tokens[around.0].start);
            chunks[lo..hi]
                .iter()
                .filter(|x| x.part == part && l.paragraph_at(l.tokens[x.first].start) == paragraph)
                .min_by_key(|x| if x.last < around.0 { around.0 - x.last } else { x.first.saturating_sub(around.1) })
                .map(|x| (x.first, x.last))
        };
        let cue = near(Part::Cue, (first, last));
        if cue.is_none_or(|(a, b)| b - a + 1 > MAX_CUE) {
            continue;
        }
        let mention = near(Part::Source, cue.unwrap_or((first, last)));
        let chars = |(a, b): (usize, usize)| (l.tokens[a].start, l.tokens[b].end);
        let cue = cue.map(chars);
        // Hits do not overlap and come in text order: only the one starting before
        // the cue can reach into it.
        let entry = cue.and_then(|(a, b)| {
            let from = hits.partition_point(|h| h.start < a).saturating_sub(1);
            hits[from..].iter().take_while(|h| h.start < b).find(|h| a < h.end).map(|h| h.entry)
        });
        out.push(Reading {
            content: chars((first, last)),
            cue,
            mention: mention.map(chars),
            pattern: Pattern::Learned { sureness: sureness(tags, first, last) },
            entry,
        });
    }
    out
}

/// Whether content ending at token `end` and content starting at token `next`, with
/// the cue and source runs `between` them, are two parts of one claim: one closes a
/// quotation and the other opens one in the same paragraph (`"A," he said. "B"`), or
/// only marks and those runs stand between them in one sentence (`A, he said, B`).
fn joins(l: &Layout, end: usize, next: usize, between: &[Chunk]) -> bool {
    if next > end + MAX_GAP {
        return false;
    }
    let (a, b) = (l.tokens[end], l.tokens[next]);
    let paragraph = l.paragraph_at(a.start);
    let quoted = l.quote_ending_at(a.end).is_some() && l.quote_opening_at(b.start).is_some();
    let same_sentence = l.sentence_at(a.start) == l.sentence_at(b.start);
    let tagged = |j: usize| between.iter().any(|c| (c.first..=c.last).contains(&j));
    let only_marks = (end + 1..next).all(|j| !l.tokens[j].word || tagged(j));
    (quoted && paragraph.is_some() && paragraph == l.paragraph_at(b.start)) || (only_marks && same_sentence)
}

/// How sure the tagger is of a claim, 0-100: the mean margin of its content tokens
/// over "outside", squashed. The scale makes it close to the share of such
/// suggestions that match a person's claim on articles the tagger was not tuned on
/// (`examples/train_suggester.rs` prints them by tenth).
fn sureness(tags: &[(u8, f32)], first: usize, last: usize) -> u8 {
    const SCALE: f32 = 100.0;
    let margins: Vec<f32> =
        tags[first..=last].iter().filter(|(t, _)| matches!(*t, B_CONTENT | I_CONTENT)).map(|(_, m)| *m).collect();
    let mean = margins.iter().sum::<f32>() / margins.len().max(1) as f32;
    (100.0 / (1.0 + (-mean / SCALE).exp())).round().clamp(1.0, 99.0) as u8
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Span, TextIndex};

    /// Tags for the words of `text` (one letter per token: o, c, q, s; upper case
    /// begins a run).
    fn tags(letters: &str) -> Vec<(u8, f32)> {
        letters
            .chars()
            .map(|c| match c {
                'C' => B_CONTENT,
                'c' => I_CONTENT,
                'Q' => B_CUE,
                'q' => I_CUE,
                'S' => B_SOURCE,
                's' => I_SOURCE,
                _ => O,
            })
            .map(|t| (t, 50.0))
            .collect()
    }

    fn read(text: &str, letters: &str) -> Vec<(String, String, String)> {
        let t = TextIndex::new(text.into());
        let l = Layout::new(&t);
        assert_eq!(l.tokens.len(), letters.len(), "one letter per token of {text:?}");
        let q = |s: Option<(usize, usize)>| s.map_or(String::new(), |(a, b)| t.slice(a, b).to_owned());
        readings(&l, &tags(letters), &[]).into_iter().map(|r| (q(Some(r.content)), q(r.cue), q(r.mention))).collect()
    }

    #[test]
    fn a_coding_gives_its_cue_then_its_source_then_its_content() {
        let t = TextIndex::new("\"Talks resume,\" Lew said. Rain fell.".into());
        let l = Layout::new(&t);
        let span = |a, b| Span::from_text(&t, a, b).unwrap();
        // The content spans the cue and source, as a brat content split around them
        // is imported.
        let mut claim = Claim::new(1, "assertion", span(0, 24));
        claim.cue = Some(span(20, 24));
        claim.source_mention = Some(span(16, 19));
        let expected = [B_CONTENT, I_CONTENT, I_CONTENT, I_CONTENT, I_CONTENT, B_SOURCE, B_CUE, O, O, O, O];
        assert_eq!(labels(&l, &[claim]), expected);
    }

    #[test]
    fn a_content_run_becomes_a_claim_with_its_nearest_cue_and_source() {
        assert_eq!(
            read("Officials believe the talks failed. Rain fell.", "SQCccoooo"),
            [("the talks failed".into(), "believe".into(), "Officials".into())]
        );
        // No cue: nothing; one word: nothing; marks and "that" trimmed.
        assert!(read("The talks failed. Rain fell.", "Cccoooo").is_empty());
        assert!(read("Officials believe it.", "SQCo").is_empty());
        assert_eq!(
            read("Officials believe, that the talks failed.", "SQCccccc")[0].0,
            "the talks failed",
            "marks at the edges and the complementizer trimmed"
        );
    }

    #[test]
    fn two_parts_around_their_cue_are_one_claim() {
        assert_eq!(
            read("The attacks, he said, were serious.", "CcoSQoCcc"),
            [("The attacks, he said, were serious".into(), "said".into(), "he".into())]
        );
        assert_eq!(
            read("\"We won,\" Lew said. \"We will go on.\"", "CccccSQoCcccccc")[0].0,
            "\"We won,\" Lew said. \"We will go on.\""
        );
        // Words no tag claims between two runs keep them apart.
        assert_eq!(read("Talks failed, he said on Monday, and rain fell.", "CcoSQoooCccc").len(), 2);
    }
}
