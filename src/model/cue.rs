//! Reporting cues: the words by which news attributes a claim to a source ("said",
//! "denied", "according to"). The suggester's lexicon is a list of them, the built-in
//! one in `assets/cues.ron` and a corpus's own in `claimcoder.ron` (FORMAT.md
//! section 7), so that a team can teach it the verbs of its beat or its language.

use serde::{Deserialize, Serialize};

/// How a cue stands in the sentence, which decides where its claim and source are.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CueRole {
    /// A verb with its source as subject: "X said (that) ...", "'...,' X said",
    /// "X vowed to ...".
    #[default]
    Verb,
    /// A noun naming the act: "X's denial of ...", "the claim that ...".
    Noun,
    /// A phrase that introduces the source: "according to X, ...".
    Source,
}

impl CueRole {
    fn is_verb(&self) -> bool {
        *self == CueRole::Verb
    }
}

/// One cue: every form of one word or phrase, and the claim kind it suggests.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cue {
    /// A kind id of the codebook (a kind the codebook lacks suggests its first kind).
    pub kind: String,
    /// How the cue is used (written only when not `Verb`).
    #[serde(default, skip_serializing_if = "CueRole::is_verb")]
    pub role: CueRole,
    /// The inflected forms, each matched as whole words, ignoring ASCII case
    /// (`["deny", "denies", "denied", "denying"]`).
    pub forms: Vec<String>,
}

/// The built-in lexicon, in the same notation as a project's `cues`.
pub const DEFAULT_CUES_RON: &str = include_str!("../../assets/cues.ron");

/// The built-in lexicon (empty only if the asset were broken, which a test rules out).
pub fn builtin_cues() -> Vec<Cue> {
    ron::from_str(DEFAULT_CUES_RON).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_lexicon_parses_and_is_generous() {
        let cues: Vec<Cue> = ron::from_str(DEFAULT_CUES_RON).expect("assets/cues.ron parses");
        let forms: usize = cues.iter().map(|c| c.forms.len()).sum();
        assert!(forms >= 400, "only {forms} forms");
        let kinds: std::collections::BTreeSet<&str> = cues.iter().map(|c| c.kind.as_str()).collect();
        assert_eq!(kinds.into_iter().collect::<Vec<_>>(), ["assertion", "commitment", "denial"]);
        for c in &cues {
            assert!(!c.forms.is_empty(), "{c:?}");
            for f in &c.forms {
                assert_eq!(f.trim(), f, "{f:?} has white space at an edge");
                assert!(!f.is_empty() && !f.contains("  "), "{f:?}");
            }
        }
    }
}
