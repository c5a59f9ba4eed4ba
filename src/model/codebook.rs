//! The codebook (claim kinds with definitions, examples and keys) and the project
//! file that carries it with the actor registry (FORMAT.md section 2).

use serde::{Deserialize, Serialize};

use super::{ActorRegistry, FORMAT_VERSION};

/// One claim kind.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kind {
    /// Stable id stored in claims.
    pub id: String,
    /// What the user reads.
    pub label: String,
    /// The one-letter shortcut that codes the selection as this kind.
    pub key: String,
    /// `#rrggbb`, the highlight colour.
    pub color: String,
    /// The coding rule, shown in the codebook panel.
    #[serde(default)]
    pub definition: String,
    /// Example sentences, shown in the codebook panel.
    #[serde(default)]
    pub examples: Vec<String>,
}

impl Kind {
    /// The colour as RGB bytes; a malformed colour falls back to grey so that a typo
    /// in a hand-edited codebook never hides a claim.
    pub fn rgb(&self) -> [u8; 3] {
        parse_hex_color(&self.color).unwrap_or([128, 128, 128])
    }

    /// The shortcut letter, upper-cased.
    pub fn key_char(&self) -> Option<char> {
        let mut chars = self.key.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if c.is_ascii_alphanumeric() => Some(c.to_ascii_uppercase()),
            _ => None,
        }
    }
}

/// Parses `#rrggbb`.
pub fn parse_hex_color(s: &str) -> Option<[u8; 3]> {
    let hex = s.strip_prefix('#')?;
    if hex.len() != 6 || !hex.is_ascii() {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some([byte(0)?, byte(2)?, byte(4)?])
}

/// The claim kinds of a project, in display order.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Codebook {
    /// The kinds; ids and keys are unique.
    pub kinds: Vec<Kind>,
}

impl Codebook {
    /// The kind with `id`.
    pub fn kind(&self, id: &str) -> Option<&Kind> {
        self.kinds.iter().find(|k| k.id == id)
    }

    /// The kind whose shortcut is `key` (case-insensitive).
    pub fn kind_for_key(&self, key: char) -> Option<&Kind> {
        let key = key.to_ascii_uppercase();
        self.kinds.iter().find(|k| k.key_char() == Some(key))
    }

    /// The label of kind `id`, or the id itself for a kind the codebook lacks (a
    /// colleague's codebook may have more kinds; their claims still show).
    pub fn label<'a>(&'a self, id: &'a str) -> &'a str {
        self.kind(id).map(|k| k.label.as_str()).unwrap_or(id)
    }
}

/// `claimcoder.ron`: the codebook and the curated actor registry of one corpus.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Project {
    /// File format version.
    pub format: u32,
    /// The claim kinds.
    pub kinds: Vec<Kind>,
    /// The actor registry.
    #[serde(default)]
    pub actors: ActorRegistry,
}

/// The built-in codebook, used when a corpus has no `claimcoder.ron`.
pub const DEFAULT_PROJECT_RON: &str = include_str!("../../assets/codebook.ron");

impl Project {
    /// The built-in default project (the three kinds of the contract, no actors).
    pub fn builtin() -> Self {
        ron::from_str(DEFAULT_PROJECT_RON).unwrap_or_else(|_| Self {
            format: FORMAT_VERSION,
            kinds: Vec::new(),
            actors: ActorRegistry::default(),
        })
    }

    /// The kinds as a codebook.
    pub fn codebook(&self) -> Codebook {
        Codebook { kinds: self.kinds.clone() }
    }

    /// Problems a user must fix in the codebook (duplicate ids or keys, bad ids,
    /// colours, keys), each as one sentence. Whether a key collides with one of the
    /// app's own shortcuts is the app's to say (`ui::kind_key_conflicts`), since
    /// its command table defines them.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        let mut ids = std::collections::HashSet::new();
        let mut keys = std::collections::HashSet::new();
        for k in &self.kinds {
            if !super::is_valid_id(&k.id) {
                out.push(format!("kind id `{}` must match [a-z0-9][a-z0-9_-]*", k.id));
            }
            if !ids.insert(k.id.clone()) {
                out.push(format!("kind id `{}` is used twice", k.id));
            }
            match k.key_char() {
                None => out.push(format!("kind `{}` needs a one-letter key, not `{}`", k.id, k.key)),
                Some(c) if !keys.insert(c) => out.push(format!("key `{c}` is used by two kinds")),
                Some(_) => {}
            }
            if parse_hex_color(&k.color).is_none() {
                out.push(format!("kind `{}` colour `{}` is not #rrggbb", k.id, k.color));
            }
        }
        let mut actor_ids = std::collections::HashSet::new();
        for a in &self.actors.actors {
            if !super::is_valid_id(&a.id) {
                out.push(format!("actor id `{}` must match [a-z0-9][a-z0-9_-]*", a.id));
            }
            if !actor_ids.insert(a.id.clone()) {
                out.push(format!("actor id `{}` is used twice", a.id));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_codebook_parses_and_is_valid() {
        let p: Project = ron::from_str(DEFAULT_PROJECT_RON).expect("assets/codebook.ron parses");
        assert_eq!(p.format, FORMAT_VERSION);
        let ids: Vec<&str> = p.kinds.iter().map(|k| k.id.as_str()).collect();
        assert_eq!(ids, ["assertion", "denial", "commitment"]);
        assert!(p.problems().is_empty(), "{:?}", p.problems());
        assert_eq!(p.codebook().kind_for_key('d').map(|k| k.id.as_str()), Some("denial"));
    }

    #[test]
    fn bad_codebooks_are_described() {
        let mut p = Project::builtin();
        p.kinds[1].key = "A".into();
        p.kinds[2].color = "green".into();
        p.kinds[0].id = "Bad Id".into();
        let problems = p.problems().join("\n");
        assert!(problems.contains("key `A` is used by two kinds"), "{problems}");
        assert!(problems.contains("colour `green`"), "{problems}");
        assert!(problems.contains("`Bad Id`"), "{problems}");
    }
}
