//! Suggested claims: a reader of reporting patterns, by rules and by a learned
//! tagger, that proposes claims (content, kind, source, source mention, cue) for a
//! coder to accept or reject.
//! Offline, deterministic and fast enough to run on every document as it opens.
//!
//! The steps, one module each:
//!
//! - [`layout`]: words, sentences, paragraphs and quotations of the text;
//! - [`lexicon`]: the reporting cues (`assets/cues.ron` and the corpus's own) found
//!   in one pass;
//! - [`actors`]: the registry's names and aliases found in one pass, and what sort
//!   of actor each is;
//! - [`reading`]: each cue read in its sentence (direct quote, indirect speech,
//!   according to, ...) into content, cue and source mention;
//! - [`tagger`]: a learned tagger (tuned on an attribution corpus, weights built in)
//!   that reads what the patterns do not: reported thoughts, stances, plans and
//!   cues missing from the lexicon;
//! - here: the readings chosen (one claim per passage), sources resolved to registry
//!   actors (pronouns to the nearest actor that fits, as a guess), kinds decided and
//!   every choice explained in the claim's note.

mod actors;
mod corpus;
mod kind;
mod layout;
mod lexicon;
mod matcher;
mod phrase;
mod reading;
pub mod tagger;
mod words;

pub use corpus::{SuggestError, SuggestOptions, SuggestSummary, suggest_corpus};

use actors::{Mention, Registry};
use layout::Layout;
use lexicon::{Entry, Lexicon};
use reading::{Pattern, Reading};

use crate::model::{AnnotationFile, Claim, Document, Project, Span, TextIndex, cue::builtin_cues};

/// One suggested claim.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion {
    /// A kind id of the codebook.
    pub kind: String,
    /// The claim.
    pub content: Span,
    /// The registry actor, when the registry names the source.
    pub source: Option<String>,
    /// Where the text names the source.
    pub source_mention: Option<Span>,
    /// The reporting cue.
    pub cue: Option<Span>,
    /// How sure the rules are, 0 to 1.
    pub confidence: f32,
    /// Why, in one line (`cue "denied"; direct quote`).
    pub reason: String,
}

impl Suggestion {
    /// The note a suggested claim carries: the reason and the confidence.
    pub fn note(&self) -> String {
        format!("{}; confidence {:.2}", self.reason, self.confidence)
    }

    /// The suggestion as a claim with `id`, stamped now.
    pub fn to_claim(&self, id: crate::model::ClaimId) -> Claim {
        let mut claim = Claim::new(id, &self.kind, self.content.clone());
        claim.source = self.source.clone();
        claim.source_mention = self.source_mention.clone();
        claim.cue = self.cue.clone();
        claim.note = self.note();
        claim
    }
}

/// A suggested claim's note read back, as [`Suggestion::note`] writes it (and any
/// tool writing a suggested file may): `reason; confidence 0.70` as (`reason`, 0.70);
/// a note without a confidence is all reason.
pub fn split_note(note: &str) -> (&str, Option<f32>) {
    let (reason, tail) = match note.rsplit_once("; ") {
        Some((reason, tail)) => (reason, tail),
        None => ("", note),
    };
    match tail.strip_prefix("confidence ").and_then(|n| n.trim().parse::<f32>().ok()) {
        Some(c) if (0.0..=1.0).contains(&c) => (reason, Some(c)),
        _ => (note, None),
    }
}

/// The suggester of one corpus: its lexicon, registry and codebook compiled once.
pub struct Suggester {
    lexicon: Lexicon,
    /// The learned tagger's weights, when it reads too.
    tagger: Option<std::sync::Arc<tagger::Weights>>,
    registry: Registry,
    /// The codebook's kind ids, in order.
    kinds: Vec<String>,
}

impl Suggester {
    /// Compiles the corpus's cues (before the built-in lexicon), its registry and
    /// its codebook.
    pub fn new(project: &Project) -> Self {
        let builtin = builtin_cues();
        Self {
            lexicon: Lexicon::new(project.cues.iter().chain(&builtin)),
            tagger: tagger::Weights::builtin(),
            registry: Registry::new(&project.actors),
            kinds: project.kinds.iter().map(|k| k.id.clone()).collect(),
        }
    }

    /// The suggester of `project` reading with its rules alone, without the learned
    /// tagger (to measure what each adds, and to tune the tagger).
    pub fn rules_only(project: &Project) -> Self {
        Self { tagger: None, ..Self::new(project) }
    }

    /// The suggester reading with the learned tagger's `weights` in place of the
    /// built-in ones.
    pub fn with_tagger(self, weights: tagger::Weights) -> Self {
        Self { tagger: Some(std::sync::Arc::new(weights)), ..self }
    }

    /// The suggested claims of a text, in text order.
    pub fn suggest(&self, text: &TextIndex) -> Vec<Suggestion> {
        let layout = Layout::new(text);
        let hits = self.lexicon.find(&layout);
        let mut readings: Vec<Reading> =
            (0..hits.len()).filter_map(|h| reading::read(&layout, &self.lexicon, &hits, h)).collect();
        readings.extend(colon_quotes(&layout, &hits));
        if let Some(weights) = &self.tagger {
            let features = tagger::features::TokenFeatures::new(&layout, &self.lexicon, &hits, &weights.cue_words);
            readings.extend(tagger::spans::readings(&layout, &weights.tag(&features), &hits));
        }
        let chosen = choose(readings, &self.lexicon);
        let mentions = self.registry.find(&layout);
        let mut resolved = Vec::with_capacity(chosen.len());
        // Where each source resolved so far is mentioned: its actor.
        let mut sources = std::collections::BTreeMap::new();
        for r in chosen {
            let source = self.resolve(&layout, &mentions, &sources, r.mention);
            if let (Some((start, _)), Some(s)) = (r.mention, source) {
                sources.entry(start).or_insert(s.actor);
            }
            resolved.push((r, source));
        }
        let continued = continued_quotes(&layout, &hits, &resolved);
        resolved.extend(continued);
        resolved.sort_by_key(|(r, _)| (r.content.0, r.content.1));
        resolved.into_iter().filter_map(|(r, source)| self.suggestion(&layout, r, source)).collect()
    }

    /// Suggestions for a document as an annotation file of annotator `suggested`.
    pub fn annotation(&self, document: &Document) -> AnnotationFile {
        let mut file = AnnotationFile::new(&document.id, crate::model::annotator::SUGGESTED, &document.sha256);
        for s in self.suggest(&document.text) {
            let id = file.take_claim_id();
            if let Some(actor) = &s.source
                && let Some(known) = self.registry.actors.iter().find(|a| &a.id == actor)
            {
                file.actors.insert(actor.clone(), known.name.clone());
            }
            file.claims.push(s.to_claim(id));
        }
        file
    }

    /// The registry actor a source mention names: one of its names ending the
    /// mention, else, for a pronoun or a description ("he", "the ministry"), the
    /// nearest actor before it that fits (a guess).
    fn resolve(
        &self,
        l: &Layout,
        mentions: &[Mention],
        earlier: &std::collections::BTreeMap<usize, usize>,
        mention: Option<(usize, usize)>,
    ) -> Option<Source> {
        let (ms, me) = mention?;
        let inside =
            mentions.iter().rfind(|m| m.start >= ms && m.end <= me && (m.end == me || ends_with_name(l, m.end, me)));
        if let Some(m) = inside {
            return Some(Source { actor: m.actor, guess: false });
        }
        let phrase = l.slice(ms, me);
        if !is_reference(phrase) {
            return None;
        }
        // Candidates: registry names and earlier resolved sources, nearest first
        // (a name before a source at the same place), the two lists merged as they go.
        let lower = phrase.trim().to_lowercase();
        let names_before = mentions.partition_point(|m| m.start < ms);
        let mut names = mentions[..names_before].iter().rev().filter(|m| m.end <= ms).map(|m| (m.start, m.actor));
        let mut sources = earlier.range(..ms).rev().map(|(&start, &actor)| (start, actor));
        let (mut name, mut source) = (names.next(), sources.next());
        loop {
            let actor = match (name, source) {
                (Some(n), Some(s)) if n.0 >= s.0 => {
                    name = names.next();
                    n.1
                }
                (_, Some(s)) => {
                    source = sources.next();
                    s.1
                }
                (Some(n), None) => {
                    name = names.next();
                    n.1
                }
                (None, None) => return None,
            };
            if self.registry.actors[actor].fits(&lower) {
                return Some(Source { actor, guess: true });
            }
        }
    }

    /// The reading as a suggestion: kind, spans, confidence and reason.
    fn suggestion(&self, l: &Layout, r: Reading, source: Option<Source>) -> Option<Suggestion> {
        let span = |(a, b): (usize, usize)| Span::from_text(l.text, a, b);
        let entry = r.entry.map(|e| &self.lexicon.entries[e]);
        let mention_text = r.mention.map(|(a, b)| l.slice(a, b));
        let lexicon_kind = entry.map_or("assertion", |e| e.kind.as_str());
        let (kind, why_kind) = kind::decide(l, lexicon_kind, r.content, mention_text);
        let kind = self.codebook_kind(kind)?;
        let mut confidence = r.pattern.confidence();
        let mut reason = Vec::new();
        if let Some((a, b)) = r.cue {
            reason.push(format!("cue \"{}\"", l.slice(a, b)));
            if entry.is_some_and(Entry::is_core) {
                confidence += 0.1;
            }
        }
        reason.push(r.pattern.describe().to_owned());
        if let Some(why) = why_kind {
            reason.push(why.to_owned());
        }
        let actor = source.as_ref().map(|s| &self.registry.actors[s.actor]);
        match (&source, actor, mention_text) {
            (Some(s), Some(a), Some(m)) if s.guess => {
                reason.push(format!("source \"{m}\" guessed as {}", a.name));
                confidence -= 0.1;
            }
            (Some(_), Some(_), _) => confidence += 0.05,
            (None, _, None) => confidence -= 0.1,
            _ => {}
        }
        Some(Suggestion {
            kind,
            content: span(r.content)?,
            source: actor.map(|a| a.id.clone()),
            source_mention: r.mention.and_then(span),
            cue: r.cue.and_then(span),
            confidence: confidence.clamp(0.05, 0.99),
            reason: reason.join("; "),
        })
    }

    /// `kind` if the codebook has it, else the codebook's first kind.
    fn codebook_kind(&self, kind: &str) -> Option<String> {
        self.kinds.iter().find(|k| *k == kind).or_else(|| self.kinds.first()).cloned()
    }
}

/// A resolved source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Source {
    /// Index into the registry.
    actor: usize,
    /// Taken from a pronoun or description, not a name.
    guess: bool,
}

/// Whether only punctuation stands between char `end` and `mention_end` (`Lew's`
/// ends with the name `Lew`... but not `Lew's spokesman`).
fn ends_with_name(l: &Layout, end: usize, mention_end: usize) -> bool {
    l.slice(end, mention_end).chars().all(|c| !c.is_alphanumeric())
}

/// A pronoun or a short definite description that refers back ("he", "the ministry").
fn is_reference(phrase: &str) -> bool {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    match words.as_slice() {
        [one] => words::is_in(words::PRONOUNS, one),
        [first, ..] if words.len() <= 3 => words::is_in(&["the", "this", "that"], first),
        _ => false,
    }
}

/// Where two readings read one passage, which is kept: the higher rank (see
/// [`Pattern::rank`]; indirect speech with a cue other than say or tell ranks with
/// the tagger), then the higher score: the pattern's confidence, raised for the core
/// cues and a source mention. The tagger's readings score a flat prior: how sure it
/// is says whether a passage is a claim, not whose boundaries are better.
fn precedence(r: &Reading, lexicon: &Lexicon) -> (u8, f32) {
    const LEARNED_PRIOR: f32 = 0.6;
    let core = r.entry.is_some_and(|e| lexicon.entries[e].is_core());
    let rank = if r.pattern == Pattern::Indirect && !core { 1 } else { r.pattern.rank() };
    let base = match r.pattern {
        Pattern::Learned { .. } => LEARNED_PRIOR,
        p => p.confidence(),
    };
    (rank, base + if core { 0.1 } else { 0.0 } + if r.mention.is_some() { 0.05 } else { 0.0 })
}

/// The readings kept, by [`precedence`]: none whose content overlap-matches a kept
/// one's or whose cue lies in a kept one's cue or source mention, and none that
/// shares a word with a kept one when either is the tagger's (its boundaries differ
/// from the rules', and two suggestions over one passage are one too many to read).
fn choose(readings: Vec<Reading>, lexicon: &Lexicon) -> Vec<Reading> {
    let mut scored: Vec<((u8, f32), Reading)> = readings.into_iter().map(|r| (precedence(&r, lexicon), r)).collect();
    scored.sort_by(|((ra, sa), a), ((rb, sb), b)| rb.cmp(ra).then(sb.total_cmp(sa)).then(a.content.cmp(&b.content)));
    let overlaps = |x: Option<(usize, usize)>, y: Option<(usize, usize)>| match (x, y) {
        (Some(x), Some(y)) => x.0 < y.1 && y.0 < x.1,
        _ => false,
    };
    // The kept readings by where their spans start: only those whose spans reach
    // into a new reading's can clash with it.
    let mut kept: Vec<Reading> = Vec::new();
    let mut by_start: std::collections::BTreeMap<usize, Vec<usize>> = std::collections::BTreeMap::new();
    let mut widest = 0;
    for (_, r) in scored {
        let (start, end) = extent(&r);
        let near = by_start.range(start.saturating_sub(widest)..end).flat_map(|(_, ks)| ks.iter().map(|&k| &kept[k]));
        let clash = near.into_iter().any(|k| {
            jaccard_matches(k.content, r.content)
                || overlaps(r.cue, k.cue)
                || overlaps(r.cue, k.mention)
                || ((r.pattern.is_learned() || k.pattern.is_learned()) && overlaps(Some(r.content), Some(k.content)))
        });
        if !clash {
            widest = widest.max(end - start);
            by_start.entry(start).or_default().push(kept.len());
            kept.push(r);
        }
    }
    kept
}

/// The chars a reading's content, cue and mention cover together.
fn extent(r: &Reading) -> (usize, usize) {
    [Some(r.content), r.cue, r.mention].into_iter().flatten().fold(r.content, |(a, b), (x, y)| (a.min(x), b.max(y)))
}

/// Jaccard >= 0.5, as agreement matches claims (FORMAT.md section 5).
fn jaccard_matches(a: (usize, usize), b: (usize, usize)) -> bool {
    let shared = a.1.min(b.1).saturating_sub(a.0.max(b.0));
    let union = (a.1 - a.0) + (b.1 - b.0) - shared;
    shared > 0 && 2 * shared >= union
}

/// `Lew: "..."`: a short name before a colon that opens a quotation, with no
/// reporting verb (headlines, interviews, social media).
fn colon_quotes(l: &Layout, hits: &[lexicon::Hit]) -> Vec<Reading> {
    let mut out = Vec::new();
    for (i, t) in l.tokens.iter().enumerate() {
        if !matches!(l.word(i), ":" | "：") || l.quote_around(t.start).is_some_and(|q| q.closed) {
            continue;
        }
        let Some(q) = l.tokens.get(i + 1).and_then(|n| l.quote_opening_at(n.start)) else { continue };
        let Some((ss, _)) = l.sentence_at(t.start) else { continue };
        let first = l.token_from(ss);
        if i == first || i - first > 6 || !l.is_name_like(first) {
            continue;
        }
        if hits_in(hits, l.tokens[first].start, t.start).next().is_some() {
            continue;
        }
        if !(first..i).all(|j| l.tokens[j].word || l.is_glue(j)) {
            continue;
        }
        out.push(Reading {
            content: (q.start, q.end),
            cue: Some((t.start, t.end)),
            mention: Some((l.tokens[first].start, l.tokens[i - 1].end)),
            pattern: Pattern::Colon,
            entry: None,
        });
    }
    out
}

/// The cues starting in chars `start..end` (hits are in text order).
fn hits_in(hits: &[lexicon::Hit], start: usize, end: usize) -> impl Iterator<Item = &lexicon::Hit> {
    let from = hits.partition_point(|h| h.start < start);
    hits[from..].iter().take_while(move |h| h.start < end)
}

/// Paragraphs that are a quotation with no cue of their own, right after a quoted
/// claim: the same speaker goes on (news prints a long quote that way).
fn continued_quotes(
    l: &Layout,
    hits: &[lexicon::Hit],
    resolved: &[(Reading, Option<Source>)],
) -> Vec<(Reading, Option<Source>)> {
    let mut out = Vec::new();
    // The contents taken, in text order, to find the one in a paragraph quickly.
    let mut taken: Vec<(usize, usize)> = resolved.iter().map(|(r, _)| r.content).collect();
    taken.sort_unstable();
    let longest = taken.iter().map(|c| c.1 - c.0).max().unwrap_or(0);
    for (r, source) in resolved {
        let quoted = matches!(r.pattern, Pattern::QuoteBefore | Pattern::QuoteAfter | Pattern::Colon);
        if !quoted {
            continue;
        }
        let Some(para) = l.paragraph_at(r.content.0) else { continue };
        let mut index = l.paragraphs.partition_point(|p| p.0 < para.0);
        if r.content.1 < para.1 && l.slice(r.content.1, para.1).chars().filter(|c| c.is_alphanumeric()).count() > 40 {
            continue;
        }
        while let Some(&next) = l.paragraphs.get(index + 1) {
            let Some(q) = l.quote_opening_at(next.0) else { break };
            let has_cue = hits_in(hits, next.0, next.1).any(|h| !(h.start > q.start && h.start < q.end));
            // A content overlapping the paragraph starts before its end, at most the
            // longest content's length before its start.
            let from = taken.partition_point(|c| c.0 + longest < next.0);
            let to = taken.partition_point(|c| c.0 < next.1);
            let is_taken = taken[from..to].iter().any(|c| next.0 < c.1);
            if has_cue || is_taken || q.end < next.1.saturating_sub(2) {
                break;
            }
            out.push((
                Reading {
                    content: (q.start, q.end),
                    cue: None,
                    mention: None,
                    pattern: Pattern::Continued,
                    entry: None,
                },
                source.map(|s| Source { guess: true, ..s }),
            ));
            index += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests;
