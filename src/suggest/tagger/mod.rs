//! A learned reader of attributions: an averaged perceptron that tags each token as
//! outside, content, cue or source (begin or inside), left to right, each tag read
//! from the token's [`features`] and the two tags before it. It finds what the rules
//! have no pattern for (reported thoughts, stances, plans, cues not in the lexicon)
//! and gives way to the rules' surest patterns.
//!
//! Its weights were tuned on the attribution training corpus by
//! `examples/train_suggester.rs` ([`train`]) and ship in `assets/suggest-tagger.bin`:
//! hashes of features and their weights, no text of the corpus.

pub(crate) mod features;
pub(crate) mod spans;
pub mod train;

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::{Arc, OnceLock};

use features::{CueWords, TokenFeatures, hash};

/// The tags, in weight order.
pub(crate) const TAGS: usize = 7;
pub(crate) const O: u8 = 0;
pub(crate) const B_CONTENT: u8 = 1;
pub(crate) const I_CONTENT: u8 = 2;
pub(crate) const B_CUE: u8 = 3;
pub(crate) const I_CUE: u8 = 4;
pub(crate) const B_SOURCE: u8 = 5;
pub(crate) const I_SOURCE: u8 = 6;
const TAG_NAMES: [&[u8]; TAGS] = [b"O", b"BC", b"IC", b"BQ", b"IQ", b"BS", b"IS"];

/// Whether `tag` may follow `prev` (an inside tag continues its own kind).
fn may_follow(prev: u8, tag: u8) -> bool {
    match tag {
        I_CONTENT => matches!(prev, B_CONTENT | I_CONTENT),
        I_CUE => matches!(prev, B_CUE | I_CUE),
        I_SOURCE => matches!(prev, B_SOURCE | I_SOURCE),
        _ => true,
    }
}

/// The features joined with the two tags before token `i`: the tags alone, and the
/// tag before with this word and with the word before.
pub(crate) fn history_features(words: &[String], i: usize, prev: u8, prev2: u8) -> [u64; 4] {
    let (p, p2) = (TAG_NAMES[prev as usize], TAG_NAMES[prev2 as usize]);
    let w = words[i].as_bytes();
    let w1 = if i > 0 { words[i - 1].as_bytes() } else { b"<s>" };
    [hash(&[b"t-1", p]), hash(&[b"t-1w0", p, w]), hash(&[b"t-2t-1", p2, p]), hash(&[b"t-1w-1", p, w1])]
}

/// A hasher for keys that are hashes already: it passes them through.
#[derive(Default)]
pub(crate) struct Prehashed(u64);

impl Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A map keyed by feature hashes.
pub(crate) type ByHash<V> = HashMap<u64, V, BuildHasherDefault<Prehashed>>;

/// The tuned weights: per feature hash, a weight per tag; and the cue words learned
/// with them.
#[derive(Clone, Default)]
pub struct Weights {
    pub(crate) table: ByHash<[f32; TAGS]>,
    pub(crate) cue_words: CueWords,
}

/// The weights that ship with claimcoder.
const BUILTIN: &[u8] = include_bytes!("../../../assets/suggest-tagger.bin");

impl Weights {
    /// The weights that ship with claimcoder, read once; `None` if the file built in
    /// is not weights (a test keeps that from shipping).
    pub fn builtin() -> Option<Arc<Weights>> {
        static READ: OnceLock<Option<Arc<Weights>>> = OnceLock::new();
        READ.get_or_init(|| Weights::from_bytes(BUILTIN).map(Arc::new)).clone()
    }

    /// How many features have weights.
    pub fn features(&self) -> usize {
        self.table.len()
    }

    /// Adds the weights of `features` to `scores`.
    fn add(&self, features: &[u64], scores: &mut [f32; TAGS]) {
        for f in features {
            if let Some(w) = self.table.get(f) {
                for (a, b) in scores.iter_mut().zip(w) {
                    *a += b;
                }
            }
        }
    }

    /// The scores of each tag for a token's `features` after the tags `prev2`,
    /// `prev`.
    fn scores(&self, features: &[u64], words: &[String], i: usize, prev: u8, prev2: u8) -> [f32; TAGS] {
        let mut s = [0.0; TAGS];
        self.add(features, &mut s);
        self.add(&history_features(words, i, prev, prev2), &mut s);
        s
    }

    /// The tags of a text, left to right, each the best allowed after the tags
    /// chosen before it, with how far its score is above the score of "outside"
    /// (how sure the tagger is that the token is in a claim at all).
    pub(crate) fn tag(&self, tf: &TokenFeatures) -> Vec<(u8, f32)> {
        let mut tags: Vec<(u8, f32)> = Vec::with_capacity(tf.len());
        let mut features = Vec::new();
        for i in 0..tf.len() {
            let prev = if i > 0 { tags[i - 1].0 } else { O };
            let prev2 = if i > 1 { tags[i - 2].0 } else { O };
            tf.of(i, &mut features);
            let s = self.scores(&features, &tf.words, i, prev, prev2);
            let best = (0..TAGS as u8)
                .filter(|&t| may_follow(prev, t))
                .max_by(|&a, &b| s[a as usize].total_cmp(&s[b as usize]))
                .unwrap_or(O);
            tags.push((best, s[best as usize] - s[O as usize]));
        }
        tags
    }

    /// The weights as bytes: `CCTAG1`; the count of features, then per feature its
    /// hash and its weights as f32; the count of cue words, then per word its hash
    /// and strength; all little-endian and sorted by hash, so the file is stable.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut keys: Vec<&u64> = self.table.keys().collect();
        keys.sort_unstable();
        let mut out = Vec::with_capacity(14 + keys.len() * (8 + 4 * TAGS) + self.cue_words.strength.len() * 9);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(keys.len() as u32).to_le_bytes());
        for k in keys {
            out.extend_from_slice(&k.to_le_bytes());
            for w in &self.table[k] {
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        let mut words: Vec<(&u64, &u8)> = self.cue_words.strength.iter().collect();
        words.sort_unstable();
        out.extend_from_slice(&(words.len() as u32).to_le_bytes());
        for (k, s) in words {
            out.extend_from_slice(&k.to_le_bytes());
            out.push(*s);
        }
        out
    }

    /// Weights written by [`Weights::to_bytes`]; `None` when the bytes are not such.
    pub fn from_bytes(bytes: &[u8]) -> Option<Self> {
        let mut rest = bytes.strip_prefix(MAGIC)?;
        let mut take = |n: usize| -> Option<&[u8]> {
            let (head, tail) = rest.split_at_checked(n)?;
            rest = tail;
            Some(head)
        };
        let count = |b: &[u8]| b.try_into().ok().map(|b: [u8; 4]| u32::from_le_bytes(b) as usize);
        let key = |b: &[u8]| b.try_into().ok().map(u64::from_le_bytes);
        let features = count(take(4)?)?;
        let mut table = ByHash::default();
        table.reserve(features.min(1 << 22));
        for _ in 0..features {
            let k = key(take(8)?)?;
            let mut w = [0.0; TAGS];
            for slot in &mut w {
                *slot = f32::from_le_bytes(take(4)?.try_into().ok()?);
            }
            table.insert(k, w);
        }
        let words = count(take(4)?)?;
        let mut strength = ByHash::default();
        strength.reserve(words.min(1 << 20));
        for _ in 0..words {
            let k = key(take(8)?)?;
            strength.insert(k, *take(1)?.first()?);
        }
        rest.is_empty().then_some(Self { table, cue_words: CueWords { strength } })
    }
}

const MAGIC: &[u8] = b"CCTAG1";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_weights_are_read_and_written_back_unchanged() {
        let w = Weights::builtin().expect("assets/suggest-tagger.bin is weights");
        assert!(w.features() > 1000, "{} features", w.features());
        assert!(!w.cue_words.strength.is_empty());
        assert_eq!(w.to_bytes(), BUILTIN);
    }

    #[test]
    fn bytes_that_are_not_weights_are_refused() {
        assert!(Weights::from_bytes(b"").is_none());
        assert!(Weights::from_bytes(b"CCTAG2\0\0\0\0\0\0\0\0").is_none(), "another format");
        assert!(Weights::from_bytes(b"CCTAG1\0\0\0\0\0\0\0\0").is_some(), "empty weights");
        let whole = BUILTIN;
        assert!(Weights::from_bytes(&whole[..whole.len() - 1]).is_none(), "cut short");
        let mut longer = whole.to_vec();
        longer.push(0);
        assert!(Weights::from_bytes(&longer).is_none(), "trailing bytes");
        let mut huge = b"CCTAG1".to_vec();
        huge.extend_from_slice(&u32::MAX.to_le_bytes());
        assert!(Weights::from_bytes(&huge).is_none(), "a count past the end");
    }

    #[test]
    fn inside_tags_only_continue_their_own_part() {
        assert!(may_follow(B_CONTENT, I_CONTENT) && may_follow(I_CONTENT, I_CONTENT));
        assert!(!may_follow(O, I_CONTENT) && !may_follow(B_CUE, I_CONTENT) && !may_follow(I_SOURCE, I_CUE));
        assert!(may_follow(I_CUE, B_SOURCE) && may_follow(O, B_CUE));
    }
}
