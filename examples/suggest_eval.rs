//! How good the built-in suggester is, measured as a coder is measured: suggested
//! claims matched one to one against each human coding (FORMAT.md section 5,
//! overlap: Jaccard >= 0.5), then precision, recall and F1 of the content spans,
//! and, on the matched claims, how often the suggested cue and source mention
//! overlap the human ones, and how often kind and source actor agree.
//!
//! `cargo run --release --example suggest_eval [CORPUS ...]`
//!
//! Without arguments it measures the attribution training corpus
//! (`../shared/eval/attribution-train`, imported into a temporary corpus with
//! `import-brat --annotator-from-suffix`; skipped with a note when absent) and the
//! shipped `seeds/`. A CORPUS argument is a claimcoder corpus already coded by
//! people. Nothing of the measured corpora is written into the project.
//!
//! The built-in tagger was tuned on the attribution training corpus, so its figure
//! here is measured on articles the tagger has seen; `train_suggester` measures it
//! on articles held out, the figure to expect on new articles of the same kind.

#[path = "support/attribution.rs"]
mod attribution;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use claimcoder::agreement::match_overlap;
use claimcoder::model::{Claim, Span};
use claimcoder::store::dataset::{Dataset, load_dataset_where};
use claimcoder::suggest::Suggester;

/// Counts over all (document, human annotator) pairs.
#[derive(Default)]
struct Tally {
    suggested: usize,
    human: usize,
    matched: usize,
    cue_both: usize,
    cue_overlap: usize,
    mention_both: usize,
    mention_overlap: usize,
    kind_same: usize,
    source_same: usize,
    /// Per pattern (the reason's pattern words): (suggested, matched).
    patterns: BTreeMap<String, (usize, usize)>,
    /// Per cue word (lower case): (suggested, matched).
    cues: BTreeMap<String, (usize, usize)>,
    /// Cue words of the human claims no suggestion matched.
    missed_cues: BTreeMap<String, usize>,
    /// Where the errors come from, by class (see [`Errors`]).
    errors: Errors,
}

/// The unmatched claims of both sides sorted into classes, to fix the biggest first.
#[derive(Default)]
struct Errors {
    /// Human claims overlapped by a suggestion that matched nothing: the boundaries
    /// differ (Jaccard < 0.5).
    missed_boundary: usize,
    /// Human claims overlapped only by a suggestion matched to another human claim:
    /// one suggestion spans two claims, or the claims nest.
    missed_taken: usize,
    /// Cue words of the human claims no suggestion touches; split when printed into
    /// cues the suggester used somewhere (a pattern the rules do not read) and cues
    /// it never used (missing from the lexicon, or never read).
    untouched: BTreeMap<String, usize>,
    /// Boundary errors by pattern and where the suggestion starts and ends against
    /// the human claim it overlaps most.
    shapes: BTreeMap<String, usize>,
    /// Suggestions overlapping a human claim but matching none.
    false_boundary: usize,
    /// Suggestions no human claim touches.
    false_spurious: usize,
}

fn span_overlaps(a: &Span, b: &Span) -> bool {
    a.start < b.end && b.start < a.end
}

fn overlaps(a: &Option<Span>, b: &Option<Span>) -> Option<bool> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.start < b.end && b.start < a.end),
        _ => None,
    }
}

/// The cue of a suggestion, lower case.
fn cue_word(s: &Claim) -> String {
    s.cue.as_ref().map_or_else(|| "(none)".to_owned(), |c| c.quote.to_lowercase())
}

/// The pattern named in a suggestion's note (`cue "said"; direct quote; ...`).
fn pattern(note: &str) -> String {
    note.split("; ").find(|p| !p.starts_with("cue ") && !p.starts_with("source ")).unwrap_or("?").to_owned()
}

impl Tally {
    fn add(&mut self, suggested: &[Claim], human: &[Claim]) {
        let pairs = match_overlap(suggested, human);
        self.suggested += suggested.len();
        self.human += human.len();
        self.matched += pairs.len();
        for s in suggested {
            self.patterns.entry(pattern(&s.note)).or_default().0 += 1;
            self.cues.entry(cue_word(s)).or_default().0 += 1;
        }
        let matched_a = |i: usize| pairs.iter().any(|p| p.a == i);
        for (j, h) in human.iter().enumerate() {
            if pairs.iter().any(|p| p.b == j) {
                continue;
            }
            *self.missed_cues.entry(cue_word(h)).or_default() += 1;
            let touching: Vec<usize> =
                (0..suggested.len()).filter(|&i| span_overlaps(&suggested[i].content, &h.content)).collect();
            let e = &mut self.errors;
            if touching.iter().any(|&i| !matched_a(i)) {
                e.missed_boundary += 1;
            } else if !touching.is_empty() {
                e.missed_taken += 1;
            } else {
                *e.untouched.entry(cue_word(h)).or_default() += 1;
            }
        }
        for s in suggested.iter().enumerate().filter(|&(i, _)| !matched_a(i)).map(|(_, s)| s) {
            let shared =
                |h: &&Claim| s.content.end.min(h.content.end).saturating_sub(s.content.start.max(h.content.start));
            if let Some(h) = human.iter().filter(|h| span_overlaps(&h.content, &s.content)).max_by_key(shared) {
                self.errors.false_boundary += 1;
                let side = |a: usize, b: usize| match a.cmp(&b) {
                    std::cmp::Ordering::Less => "earlier",
                    std::cmp::Ordering::Equal => "same",
                    std::cmp::Ordering::Greater => "later",
                };
                let shape = format!(
                    "{}: starts {}, ends {}",
                    pattern(&s.note),
                    side(s.content.start, h.content.start),
                    side(s.content.end, h.content.end)
                );
                *self.errors.shapes.entry(shape).or_default() += 1;
            } else {
                self.errors.false_spurious += 1;
            }
        }
        for p in &pairs {
            let (s, h) = (&suggested[p.a], &human[p.b]);
            self.patterns.entry(pattern(&s.note)).or_default().1 += 1;
            self.cues.entry(cue_word(s)).or_default().1 += 1;
            if let Some(o) = overlaps(&s.cue, &h.cue) {
                self.cue_both += 1;
                self.cue_overlap += usize::from(o);
            }
            if let Some(o) = overlaps(&s.source_mention, &h.source_mention) {
                self.mention_both += 1;
                self.mention_overlap += usize::from(o);
            }
            self.kind_same += usize::from(s.kind == h.kind);
            self.source_same += usize::from(s.source == h.source);
        }
    }

    fn print(&self, title: &str, classify: bool) {
        let share = |a: usize, b: usize| if b == 0 { f64::NAN } else { a as f64 / b as f64 };
        let (p, r) = (share(self.matched, self.suggested), share(self.matched, self.human));
        let f1 = 2.0 * self.matched as f64 / (self.suggested + self.human) as f64;
        println!(
            "{title}: content P {p:.3} R {r:.3} F1 {f1:.3} ({} matched, {} suggested, {} human)",
            self.matched, self.suggested, self.human
        );
        println!(
            "  on matched claims: cue overlaps {:.3} (of {} with both cues), source mention overlaps {:.3} (of {})",
            share(self.cue_overlap, self.cue_both),
            self.cue_both,
            share(self.mention_overlap, self.mention_both),
            self.mention_both
        );
        if classify {
            println!(
                "  kind accuracy {:.3}, source accuracy {:.3} (of {} matched)",
                share(self.kind_same, self.matched),
                share(self.source_same, self.matched),
                self.matched
            );
        }
        let e = &self.errors;
        let (known, unknown): (Vec<_>, Vec<_>) = e.untouched.iter().partition(|(c, _)| self.cues.contains_key(*c));
        let total = |v: &[(&String, &usize)]| v.iter().map(|(_, n)| **n).sum::<usize>();
        println!(
            "  missed human claims: {} boundary differs, {} overlapped by a suggestion matched elsewhere, \
             {} untouched with a known cue, {} untouched with a cue never suggested",
            e.missed_boundary,
            e.missed_taken,
            total(&known),
            total(&unknown)
        );
        println!(
            "  unmatched suggestions: {} overlap a human claim (boundary), {} touch none (spurious)",
            e.false_boundary, e.false_spurious
        );
        let top = |mut v: Vec<(&String, &usize)>| {
            v.sort_by(|a, b| b.1.cmp(a.1));
            v.iter()
                .take(std::env::var("SUGGEST_EVAL_TOP").ok().and_then(|t| t.parse().ok()).unwrap_or(40))
                .map(|(c, n)| format!("{c} {n}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        println!("  untouched, cue never suggested: {}", top(unknown));
        println!("  boundary errors by shape: {}", top(e.shapes.iter().collect()));
        println!("  untouched, cue suggested elsewhere: {}", top(known));
        for (name, (n, m)) in &self.patterns {
            println!("  {name:<45} {n:>6} suggested, precision {:.3}", share(*m, *n));
        }
        let mut cues: Vec<(&String, &(usize, usize))> = self.cues.iter().filter(|(_, (n, _))| *n >= 10).collect();
        cues.sort_by(|a, b| share(a.1.1, a.1.0).total_cmp(&share(b.1.1, b.1.0)));
        let worst: Vec<String> = cues
            .iter()
            .take_while(|(_, (n, m))| share(*m, *n) < 0.25)
            .map(|(c, (n, m))| format!("{c} {:.2} of {n}", share(*m, *n)))
            .collect();
        let mut missed: Vec<(&String, &usize)> = self.missed_cues.iter().collect();
        missed.sort_by(|a, b| b.1.cmp(a.1));
        let missed: Vec<String> = missed.iter().take(30).map(|(c, n)| format!("{c} {n}")).collect();
        println!("  cues of the human claims missed most: {}", missed.join(", "));
        println!("  cues below 0.25 precision (10+ suggestions): {}", worst.join(", "));
    }
}

/// Measures the suggester on every human coding of `dataset`.
fn measure(title: &str, dataset: &Dataset, classify: bool) {
    let suggester = Suggester::new(&dataset.project);
    let mut all = Tally::default();
    let mut by_annotator: BTreeMap<String, Tally> = BTreeMap::new();
    let mut dump: usize = std::env::var("SUGGEST_EVAL_DUMP").ok().and_then(|v| v.parse().ok()).unwrap_or(0);
    let dump_only = std::env::var("SUGGEST_EVAL_DUMP_ONLY").unwrap_or_default();
    for doc in &dataset.documents {
        if doc.files.is_empty() {
            continue;
        }
        let suggested: Vec<Claim> = suggester.annotation(&doc.document).claims;
        if dump > 0 && doc.entry.id.contains(&dump_only) {
            dump -= 1;
            show_misses(&doc.entry.id, &suggested, doc.files.values().next().map_or(&[][..], |f| &f.claims));
        }
        for (annotator, file) in &doc.files {
            all.add(&suggested, &file.claims);
            by_annotator.entry(annotator.to_string()).or_default().add(&suggested, &file.claims);
        }
    }
    all.print(title, classify);
    print_between_humans(dataset);
    for (name, t) in &by_annotator {
        let f1 = 2.0 * t.matched as f64 / (t.suggested + t.human).max(1) as f64;
        println!("  against {name}: F1 {f1:.3} ({} matched, {} suggested, {} human)", t.matched, t.suggested, t.human);
    }
}

/// The same measure between the people themselves, on the documents more than one
/// coded: every pair of codings of a document, one to one at Jaccard >= 0.5. It is
/// the ceiling the suggester is measured against: a suggester that agrees with each
/// person as well as people agree with each other.
fn print_between_humans(dataset: &Dataset) {
    let (mut matched, mut total, mut docs) = (0usize, 0usize, 0usize);
    for doc in &dataset.documents {
        let files: Vec<&[Claim]> = doc.files.values().map(|f| &f.claims[..]).collect();
        if files.len() < 2 {
            continue;
        }
        docs += 1;
        for (i, a) in files.iter().enumerate() {
            for b in &files[i + 1..] {
                matched += match_overlap(a, b).len();
                total += a.len() + b.len();
            }
        }
    }
    if docs > 0 {
        let f1 = 2.0 * matched as f64 / total.max(1) as f64;
        println!(
            "  people against each other: F1 {f1:.3} ({docs} documents coded by more than one; {matched} matched of {total} claims)"
        );
    }
}

/// With `SUGGEST_EVAL_DUMP=N`, the first N documents' (whose id holds
/// `SUGGEST_EVAL_DUMP_ONLY`, when set) unmatched suggestions (`+`), unmatched human
/// claims (`-`) and matched pairs whose spans differ (`~`), to see what the rules miss.
fn show_misses(id: &str, suggested: &[Claim], human: &[Claim]) {
    let pairs = match_overlap(suggested, human);
    println!("== {id}");
    let cut = |s: &str| s.chars().take(160).collect::<String>().replace('\n', " ");
    for (i, s) in suggested.iter().enumerate().filter(|(i, _)| !pairs.iter().any(|p| p.a == *i)) {
        println!("+ {i} [{}] {}", s.note, cut(&s.content.quote));
        if let Some(h) = human.iter().find(|h| span_overlaps(&h.content, &s.content)) {
            println!("  human: {}", cut(&h.content.quote));
        }
    }
    for (j, h) in human.iter().enumerate() {
        let matched = pairs.iter().find(|p| p.b == j).map(|p| &suggested[p.a]);
        let q = |s: &Option<Span>| s.as_ref().map_or(String::new(), |s| s.quote.clone());
        match matched {
            None => println!("- [{} / {}] {}", q(&h.source_mention), q(&h.cue), cut(&h.content.quote)),
            Some(s) if s.content != h.content => {
                println!("~ {}\n  vs {}", cut(&s.content.quote), cut(&h.content.quote))
            }
            Some(_) => {}
        }
    }
}

fn main() {
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    if !args.is_empty() {
        for corpus in &args {
            match load_dataset_where(corpus, &attribution::humans) {
                Ok(d) => measure(&corpus.display().to_string(), &d, true),
                Err(e) => eprintln!("error: {e}"),
            }
        }
        return;
    }
    let source = attribution::location();
    if source.join("attributions").is_dir() {
        match attribution::import_attribution(&source) {
            Ok((corpus, _dir)) => match load_dataset_where(&corpus, &attribution::humans) {
                Ok(d) => measure("attribution-train (seen in tuning)", &d, false),
                Err(e) => eprintln!("error: {e}"),
            },
            Err(e) => eprintln!("error: cannot import {}: {e}", source.display()),
        }
    } else {
        println!("note: {} is absent; the attribution corpus is not measured", source.display());
    }
    match load_dataset_where(&crate_dir.join("seeds"), &attribution::humans) {
        Ok(d) => measure("seeds", &d, true),
        Err(e) => eprintln!("error: {e}"),
    }
}
