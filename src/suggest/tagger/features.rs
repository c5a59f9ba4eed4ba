//! What the tagger sees of each token: its words and their neighbours, its shape,
//! whether it is quoted, and where the lexicon's cues are around it. Every feature is
//! a string template hashed to 64 bits (FNV-1a, stable across builds and platforms,
//! so a model trained once reads the same on every machine).

use super::super::layout::Layout;
use super::super::lexicon::{Hit, Lexicon};

/// FNV-1a over `parts`, each followed by a separator byte.
pub(crate) fn hash(parts: &[&[u8]]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &b in *part {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        h ^= 0xff;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Words the coded corpus used as cues, each with how often it was one when it
/// appeared (1: at least 5 %, 2: 20 %, 3: 50 %): a cue lexicon learned from the
/// codings, by word hash, that reaches the cues the built-in lexicon lacks.
#[derive(Clone, Default)]
pub struct CueWords {
    pub(crate) strength: super::ByHash<u8>,
}

impl CueWords {
    /// The strength of a lower-cased word (0: never a cue).
    pub(crate) fn of(&self, word: &str) -> u8 {
        self.strength.get(&hash(&[b"cw", word.as_bytes()])).copied().unwrap_or(0)
    }

    /// Learned from per-word counts: (times a cue, times seen).
    pub(crate) fn from_counts(counts: &std::collections::HashMap<String, (u32, u32)>) -> Self {
        let strength = counts
            .iter()
            .filter(|(_, (cue, seen))| *cue >= 3 && *seen > 0)
            .filter_map(|(w, &(cue, seen))| {
                let p = f64::from(cue) / f64::from(seen);
                let s = if p >= 0.5 {
                    3
                } else if p >= 0.2 {
                    2
                } else if p >= 0.05 {
                    1
                } else {
                    return None;
                };
                Some((hash(&[b"cw", w.as_bytes()]), s))
            })
            .collect();
        Self { strength }
    }
}

/// What the features of a text's tokens are read from, worked out once per text in
/// linear sweeps; each token's features are then made on demand ([`Self::of`]), so
/// that a long text costs no memory per feature.
pub(crate) struct TokenFeatures<'a> {
    layout: &'a Layout<'a>,
    lexicon: &'a Lexicon,
    hits: &'a [Hit],
    /// Per token, its lower-cased word.
    pub words: Vec<String>,
    /// Per token, the hit it lies in.
    hit_of: Vec<Option<usize>>,
    /// Per token, its sentence's first and one-past-last token.
    sentence_of: Vec<(usize, usize)>,
    /// Per token, how often the codings used its word as a cue (see [`CueWords`]).
    strength: Vec<u8>,
    /// Per token, the nearest token in its sentence before (after) it in a hit, and
    /// with a likely cue word.
    hit_before: Vec<Option<usize>>,
    hit_after: Vec<Option<usize>>,
    likely_before: Vec<Option<usize>>,
    likely_after: Vec<Option<usize>>,
    /// Per token, the clause marks before it.
    marks_before: Vec<usize>,
}

/// A distance in tokens put into a few buckets (near distances matter most).
fn bucket(d: usize) -> &'static [u8] {
    match d {
        0 => b"0",
        1 => b"1",
        2 => b"2",
        3..=5 => b"3-5",
        6..=10 => b"6-10",
        11..=20 => b"11-20",
        _ => b"far",
    }
}

/// The shape of a word: `Xx`, `x`, `X`, `d` (digits) or the mark itself.
fn shape(w: &str) -> String {
    let mut out = String::new();
    for c in w.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if !out.ends_with(s) {
            out.push(s);
        }
        if out.chars().count() >= 4 {
            break;
        }
    }
    out
}

impl<'a> TokenFeatures<'a> {
    /// The features of `layout`'s tokens, with the lexicon's `hits` in it and the
    /// cue words learned with the weights.
    pub(crate) fn new(layout: &'a Layout<'a>, lexicon: &'a Lexicon, hits: &'a [Hit], cue_words: &CueWords) -> Self {
        let l = layout;
        let n = l.tokens.len();
        let words: Vec<String> = (0..n).map(|i| l.word(i).to_lowercase()).collect();
        let mut hit_of: Vec<Option<usize>> = vec![None; n];
        for (h, hit) in hits.iter().enumerate() {
            let from = l.token_from(hit.start);
            for slot in hit_of.iter_mut().take(l.token_from(hit.end)).skip(from) {
                *slot = Some(h);
            }
        }
        let mut sentence_of = vec![(0, n); n];
        for &(ss, se) in &l.sentences {
            let (a, b) = (l.token_from(ss), l.token_from(se));
            for slot in sentence_of.iter_mut().take(b).skip(a) {
                *slot = (a, b);
            }
        }
        let strength: Vec<u8> = words.iter().map(|w| cue_words.of(w)).collect();
        // Each in one sweep: a text without sentence ends stays linear.
        let hit_before = nearest(&sentence_of, |j| hit_of[j].is_some(), false);
        let hit_after = nearest(&sentence_of, |j| hit_of[j].is_some(), true);
        let likely_before = nearest(&sentence_of, |j| strength[j] >= 2, false);
        let likely_after = nearest(&sentence_of, |j| strength[j] >= 2, true);
        let mut marks_before = Vec::with_capacity(n + 1);
        marks_before.push(0usize);
        for w in &words {
            let mark = matches!(w.as_str(), "," | ";" | "—" | "–" | "(" | ")");
            marks_before.push(marks_before.last().copied().unwrap_or(0) + usize::from(mark));
        }
        Self {
            layout,
            lexicon,
            hits,
            words,
            hit_of,
            sentence_of,
            strength,
            hit_before,
            hit_after,
            likely_before,
            likely_after,
            marks_before,
        }
    }

    /// How many tokens.
    pub(crate) fn len(&self) -> usize {
        self.words.len()
    }

    /// The features of token `i` that do not depend on the tags before it, into `f`
    /// (cleared first).
    pub(crate) fn of(&self, i: usize, f: &mut Vec<u64>) {
        f.clear();
        let (l, words, hits, hit_of, strength) = (self.layout, &self.words, self.hits, &self.hit_of, &self.strength);
        let word = |i: isize| -> &[u8] {
            if i < 0 { b"<s>" } else { words.get(i as usize).map_or(b"</s>", |w| w.as_bytes()) }
        };
        let lemma = |h: usize| self.lexicon.entries[hits[h].entry].lemma.as_bytes();
        let commas = |a: usize, b: usize| -> &[u8] {
            match self.marks_before[b.max(a)] - self.marks_before[a] {
                0 => b"0",
                1 => b"1",
                _ => b"2+",
            }
        };
        let t = l.tokens[i];
        let ii = i as isize;
        f.push(hash(&[b"bias"]));
        f.push(hash(&[b"w0", word(ii)]));
        f.push(hash(&[b"w-1", word(ii - 1)]));
        f.push(hash(&[b"w+1", word(ii + 1)]));
        f.push(hash(&[b"w-2", word(ii - 2)]));
        f.push(hash(&[b"w+2", word(ii + 2)]));
        f.push(hash(&[b"w-1w0", word(ii - 1), word(ii)]));
        f.push(hash(&[b"w0w+1", word(ii), word(ii + 1)]));
        let w = &words[i];
        let suffix: String = w.chars().rev().take(3).collect();
        f.push(hash(&[b"s3", suffix.as_bytes()]));
        let original = l.word(i);
        f.push(hash(&[b"sh", shape(original).as_bytes()]));
        // Quotation.
        let quoted = l.quote_around(t.start).filter(|q| q.closed);
        let opens = l.quote_opening_at(t.start).is_some();
        let closes = l.quote_ending_at(t.end).is_some();
        let q: &[u8] = if opens {
            b"open"
        } else if closes {
            b"close"
        } else if quoted.is_some() {
            b"in"
        } else {
            b"out"
        };
        f.push(hash(&[b"q", q]));
        f.push(hash(&[b"w0q", word(ii), q]));
        // Sentence.
        let (sa, sb) = self.sentence_of[i];
        if i == sa {
            f.push(hash(&[b"first"]));
        }
        if i + 1 == sb {
            f.push(hash(&[b"last"]));
        }
        f.push(hash(&[b"pos", bucket(i - sa)]));
        f.push(hash(&[b"left", bucket(sb - i - 1)]));
        // Cues: this token's, the nearest before and after it in its sentence.
        if let Some(h) = hit_of[i] {
            let role: &[u8] = if l.token_from(hits[h].start) == i { b"B" } else { b"I" };
            f.push(hash(&[b"cue", role]));
            f.push(hash(&[b"cue-lemma", lemma(h)]));
            f.push(hash(&[b"cue-q", q]));
        }
        let before = self.hit_before[i].and_then(|j| hit_of[j].map(|h| (i - j, h)));
        let after = self.hit_after[i].and_then(|j| hit_of[j].map(|h| (j - i, h)));
        match before {
            Some((d, h)) => {
                f.push(hash(&[b"L-commas", commas(i - d, i), q]));
                f.push(hash(&[b"L-lemma-d", lemma(h), bucket(d)]));
                f.push(hash(&[b"L", bucket(d)]));
                f.push(hash(&[b"L-lemma", lemma(h)]));
                f.push(hash(&[b"L-q", bucket(d), q]));
            }
            None => f.push(hash(&[b"L-none"])),
        }
        match after {
            Some((d, h)) => {
                f.push(hash(&[b"R-commas", commas(i + 1, i + d), q]));
                f.push(hash(&[b"R-lemma-d", lemma(h), bucket(d)]));
                f.push(hash(&[b"R", bucket(d)]));
                f.push(hash(&[b"R-lemma", lemma(h)]));
                f.push(hash(&[b"R-q", bucket(d), q]));
            }
            None => f.push(hash(&[b"R-none"])),
        }
        const STRENGTH: [&[u8]; 4] = [b"0", b"1", b"2", b"3"];
        f.push(hash(&[b"cw", STRENGTH[strength[i] as usize], q]));
        match self.likely_before[i].map(|j| (i - j, j)) {
            Some((d, j)) => {
                f.push(hash(&[b"CL", bucket(d), STRENGTH[strength[j] as usize]]));
                f.push(hash(&[b"CL-commas", commas(j, i), q]));
                f.push(hash(&[b"CL-w", words[j].as_bytes()]));
            }
            None => f.push(hash(&[b"CL-none", q])),
        }
        match self.likely_after[i].map(|j| (j - i, j)) {
            Some((d, j)) => {
                f.push(hash(&[b"CR", bucket(d), STRENGTH[strength[j] as usize]]));
                f.push(hash(&[b"CR-commas", commas(i + 1, j), q]));
                f.push(hash(&[b"CR-w", words[j].as_bytes()]));
            }
            None => f.push(hash(&[b"CR-none", q])),
        }
        if before.is_none() && after.is_none() {
            f.push(hash(&[b"no-cue", q]));
        }
    }
}

/// Per token, the nearest other token in its sentence (before it, or after it when
/// `forward`) for which `is` holds.
fn nearest(sentence_of: &[(usize, usize)], is: impl Fn(usize) -> bool, forward: bool) -> Vec<Option<usize>> {
    let n = sentence_of.len();
    let mut out = vec![None; n];
    let mut seen: Option<usize> = None;
    let order: Box<dyn Iterator<Item = usize>> = if forward { Box::new((0..n).rev()) } else { Box::new(0..n) };
    for i in order {
        let (sa, sb) = sentence_of[i];
        out[i] = seen.filter(|&j| sa <= j && j < sb);
        if is(i) {
            seen = Some(i);
        }
    }
    out
}
