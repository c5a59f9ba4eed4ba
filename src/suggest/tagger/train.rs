//! Tuning the tagger's weights on coded texts: an averaged perceptron (Collins
//! 2002) that learns each tag from the token's features and the two true tags before
//! it. `examples/train_suggester.rs` runs it on the attribution corpus, measures it
//! on articles held out, and writes the weights that ship in `assets/`.

use std::collections::HashMap;

use super::features::{CueWords, TokenFeatures};
use super::spans::labels;
use super::{B_CUE, ByHash, I_CUE, O, TAGS, Weights, history_features};
use crate::model::{Claim, TextIndex};
use crate::suggest::Suggester;
use crate::suggest::layout::Layout;

/// One coded text to learn from.
pub struct Example<'a> {
    pub text: &'a TextIndex,
    pub claims: &'a [Claim],
}

/// How the weights are tuned.
#[derive(Clone, Copy, Debug)]
pub struct Settings {
    /// Passes over the examples.
    pub epochs: usize,
    /// Averaged weights smaller than this (for every tag) are dropped, to keep the
    /// shipped model small.
    pub prune_below: f32,
}

/// Weights tuned on `examples`, read with `suggester`'s lexicon. The examples are
/// shuffled each pass with a fixed seed, so training is repeatable.
pub fn train(suggester: &Suggester, examples: &[Example], settings: Settings) -> Weights {
    let gold: Vec<Vec<u8>> = examples.iter().map(|e| labels(&Layout::new(e.text), e.claims)).collect();
    let cue_words = learn_cue_words(examples, &gold);
    // Per feature: the weights, and the sum of each update times its step, so that
    // the average over all steps is `w - u / steps` (Daumé's trick).
    let mut current = Weights::default();
    let mut updates: ByHash<[f64; TAGS]> = ByHash::default();
    let mut step: u64 = 1;
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut features = Vec::new();
    for _ in 0..settings.epochs {
        for i in (1..order.len()).rev() {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            order.swap(i, (seed >> 33) as usize % (i + 1));
        }
        for &e in &order {
            let layout = Layout::new(examples[e].text);
            let hits = suggester.lexicon.find(&layout);
            let tf = TokenFeatures::new(&layout, &suggester.lexicon, &hits, &cue_words);
            let gold = &gold[e];
            for i in 0..gold.len() {
                let prev = if i > 0 { gold[i - 1] } else { O };
                let prev2 = if i > 1 { gold[i - 2] } else { O };
                tf.of(i, &mut features);
                let s = current.scores(&features, &tf.words, i, prev, prev2);
                let guess = (0..TAGS as u8).max_by(|&a, &b| s[a as usize].total_cmp(&s[b as usize])).unwrap_or(O);
                let truth = gold[i];
                if guess != truth {
                    let history = history_features(&tf.words, i, prev, prev2);
                    for &f in features.iter().chain(&history) {
                        let w = current.table.entry(f).or_insert([0.0; TAGS]);
                        let u = updates.entry(f).or_insert([0.0; TAGS]);
                        w[truth as usize] += 1.0;
                        w[guess as usize] -= 1.0;
                        u[truth as usize] += step as f64;
                        u[guess as usize] -= step as f64;
                    }
                }
                step += 1;
            }
        }
    }
    let steps = step as f64;
    let mut table = ByHash::default();
    for (f, w) in current.table {
        let u = updates.get(&f).copied().unwrap_or_default();
        let mut avg = [0.0f32; TAGS];
        for t in 0..TAGS {
            avg[t] = (f64::from(w[t]) - u[t] / steps) as f32;
        }
        if avg.iter().any(|x| x.abs() >= settings.prune_below) {
            table.insert(f, avg);
        }
    }
    Weights { table, cue_words }
}

/// The words the codings use as cues, counted over every example (with its tags).
fn learn_cue_words(examples: &[Example], tags: &[Vec<u8>]) -> CueWords {
    let mut counts: HashMap<String, (u32, u32)> = HashMap::new();
    for (example, tags) in examples.iter().zip(tags) {
        let layout = Layout::new(example.text);
        for (i, &tag) in tags.iter().enumerate() {
            let c = counts.entry(layout.word(i).to_lowercase()).or_default();
            c.0 += u32::from(matches!(tag, B_CUE | I_CUE));
            c.1 += 1;
        }
    }
    CueWords::from_counts(&counts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Project, Span};

    #[test]
    fn it_learns_the_tags_of_a_small_coded_text_and_reads_them_back() {
        let text = TextIndex::new("Lew said the talks were good. Obama said China must act. The sky is blue.".into());
        let span = |a, b| Span::from_text(&text, a, b).unwrap();
        let mut claim = Claim::new(1, "assertion", span(9, 28));
        claim.cue = Some(span(4, 8));
        claim.source_mention = Some(span(0, 3));
        let claims = vec![claim];
        let s = Suggester::rules_only(&Project::builtin());
        let w = train(&s, &[Example { text: &text, claims: &claims }], Settings { epochs: 10, prune_below: 0.0 });
        let layout = Layout::new(&text);
        let hits = s.lexicon.find(&layout);
        let tf = TokenFeatures::new(&layout, &s.lexicon, &hits, &w.cue_words);
        let tags = |w: &Weights| w.tag(&tf).into_iter().map(|(t, _)| t).collect::<Vec<u8>>();
        assert_eq!(tags(&w), labels(&layout, &claims));
        let again = Weights::from_bytes(&w.to_bytes()).unwrap();
        assert_eq!(tags(&again), labels(&layout, &claims));
        assert_eq!(again.to_bytes(), w.to_bytes());
    }
}
