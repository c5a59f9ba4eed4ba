//! Tunes the suggester's learned tagger on the attribution training corpus
//! (`../shared/eval/attribution-train`), measures it on articles it did not see, and
//! with `--write` writes the weights that ship in `assets/suggest-tagger.bin`.
//!
//! `cargo run --release --example train_suggester [-- --write]`
//!
//! The measure is the one of `suggest_eval` (FORMAT.md section 5, overlap: Jaccard of
//! at least 0.5, one to one, against each human coding), taken by 5-fold cross-validation
//! over articles: each fold is suggested by weights tuned on the other four, for the
//! rules alone and for the rules with the tagger. The shipped weights are tuned on
//! every article; `suggest_eval` on this corpus therefore measures them on articles
//! they were tuned on, and this held-out figure is the one to expect on new articles.

#[path = "support/attribution.rs"]
mod attribution;

use claimcoder::agreement::match_overlap;
use claimcoder::model::Claim;
use claimcoder::store::dataset::{Dataset, load_dataset_where};
use claimcoder::suggest::tagger::train::{Example, Settings, train};
use claimcoder::suggest::{Suggester, split_note};

const FOLDS: usize = 5;

/// Six passes; weights below 3 dropped. Measured with this example: keeping every
/// weight above 0.05 (175,000 features, 6.3 MB) gains 0.003 held-out F1 over these
/// 21,000 features (0.8 MB); 4 or 10 passes change it by less than 0.002.
const SETTINGS: Settings = Settings { epochs: 6, prune_below: 3.0 };

/// Matched, suggested and human claims.
#[derive(Clone, Copy, Default)]
struct Counts {
    matched: usize,
    suggested: usize,
    human: usize,
}

impl Counts {
    fn add(&mut self, o: Counts) {
        self.matched += o.matched;
        self.suggested += o.suggested;
        self.human += o.human;
    }
}

impl std::fmt::Display for Counts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let p = self.matched as f64 / self.suggested.max(1) as f64;
        let r = self.matched as f64 / self.human.max(1) as f64;
        let f1 = 2.0 * self.matched as f64 / (self.suggested + self.human).max(1) as f64;
        write!(
            f,
            "P {p:.3} R {r:.3} F1 {f1:.3} ({} matched, {} suggested, {} human)",
            self.matched, self.suggested, self.human
        )
    }
}

/// Per tenth of confidence, the tagger's suggestions: (matched, suggested).
type ByConfidence = [(usize, usize); 10];

/// `suggester` measured on the documents `pick` keeps; the tagger's suggestions
/// counted by confidence into `learned`.
fn measure(suggester: &Suggester, d: &Dataset, pick: &dyn Fn(usize) -> bool, learned: &mut ByConfidence) -> Counts {
    let mut c = Counts::default();
    for (_, doc) in d.documents.iter().enumerate().filter(|(i, _)| pick(*i)) {
        let suggested: Vec<Claim> = suggester.annotation(&doc.document).claims;
        for file in doc.files.values() {
            let pairs = match_overlap(&suggested, &file.claims);
            for (i, claim) in suggested.iter().enumerate() {
                let (reason, confidence) = split_note(&claim.note);
                if reason.contains("learned reading") {
                    let tenth = ((confidence.unwrap_or(0.0) * 10.0) as usize).min(9);
                    learned[tenth].0 += usize::from(pairs.iter().any(|p| p.a == i));
                    learned[tenth].1 += 1;
                }
            }
            c.add(Counts { matched: pairs.len(), suggested: suggested.len(), human: file.claims.len() });
        }
    }
    c
}

/// Every coding of the documents `pick` keeps, to learn from.
fn examples<'a>(d: &'a Dataset, pick: &dyn Fn(usize) -> bool) -> Vec<Example<'a>> {
    d.documents
        .iter()
        .enumerate()
        .filter(|(i, _)| pick(*i))
        .flat_map(|(_, doc)| doc.files.values().map(|f| Example { text: &doc.document.text, claims: &f.claims }))
        .collect()
}

fn main() {
    let write = std::env::args().any(|a| a == "--write");
    let source = attribution::location();
    if !source.join("attributions").is_dir() {
        eprintln!("error: {} is absent; nothing to tune on", source.display());
        std::process::exit(1);
    }
    let (corpus, _dir) = attribution::import_attribution(&source).unwrap_or_else(|e| {
        eprintln!("error: cannot import {}: {e}", source.display());
        std::process::exit(1)
    });
    let d = load_dataset_where(&corpus, &attribution::humans).unwrap_or_else(|e| {
        eprintln!("error: {e}");
        std::process::exit(1)
    });
    let rules = Suggester::rules_only(&d.project);
    let (mut rules_total, mut both_total) = (Counts::default(), Counts::default());
    let mut learned = ByConfidence::default();
    for fold in 0..FOLDS {
        let held_out = |i: usize| i % FOLDS == fold;
        let weights = train(&rules, &examples(&d, &|i| !held_out(i)), SETTINGS);
        let both = Suggester::rules_only(&d.project).with_tagger(weights);
        let r = measure(&rules, &d, &held_out, &mut ByConfidence::default());
        let b = measure(&both, &d, &held_out, &mut learned);
        println!("fold {fold}: rules {r}\n        rules and tagger {b}");
        rules_total.add(r);
        both_total.add(b);
    }
    println!("held out, rules alone: {rules_total}");
    println!("held out, rules and tagger: {both_total}");
    println!("held out, the tagger's suggestions by confidence:");
    for (tenth, (matched, suggested)) in learned.iter().enumerate().filter(|(_, c)| c.1 > 0) {
        let precision = *matched as f64 / *suggested as f64;
        println!(
            "  {:.1}-{:.1}: {suggested} suggested, precision {precision:.3}",
            tenth as f64 / 10.0,
            (tenth + 1) as f64 / 10.0
        );
    }
    if write {
        let weights = train(&rules, &examples(&d, &|_| true), SETTINGS);
        let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/suggest-tagger.bin");
        let bytes = weights.to_bytes();
        if let Err(e) = claimcoder::store::atomic::write_atomic(&out, &bytes) {
            eprintln!("error: cannot write {}: {e}", out.display());
            std::process::exit(1);
        }
        println!("wrote {} ({} features, {} bytes)", out.display(), weights.features(), bytes.len());
    }
}
