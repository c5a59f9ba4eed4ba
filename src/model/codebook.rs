//! The codebook (claim kinds with definitions, examples and keys, and the claim
//! fields) and the project file that carries it with the actor registry (FORMAT.md
//! section 2). Reading is strict: unknown fields are errors, so a misspelled key
//! never silently drops part of a hand-edited codebook.

use serde::{Deserialize, Serialize};

use super::{ActorRegistry, Cue, FORMAT_VERSION};

/// One claim kind.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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

/// What a claim field holds (FORMAT.md section 2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FieldType {
    /// An actor id of the registry (e.g. the addressee of a claim).
    Actor,
    /// One of the field's `values`, unordered (nominal).
    Category,
    /// One of the field's `values`, ordered as listed, each an integer (ordinal).
    Scale,
    /// Free text; not part of agreement.
    Text,
}

/// One allowed value of a Category or Scale field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// What claims store (for a Scale, an integer written as a string).
    pub value: String,
    /// What the user reads.
    pub label: String,
}

/// A claim variable of the codebook (political claims analysis: addressee,
/// position, issue, frame).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Field {
    /// Stable id, `[a-z0-9][a-z0-9_-]*`, the key in a claim's `fields`.
    pub id: String,
    /// What the user reads.
    pub label: String,
    /// What the field holds (the RON key is `type`).
    pub r#type: FieldType,
    /// The coding rule, shown in the codebook panel.
    #[serde(default)]
    pub definition: String,
    /// The allowed values of a Category or Scale field, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<Choice>,
}

/// The claim kinds and claim fields of a project, in display order.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Codebook {
    /// The kinds; ids and keys are unique.
    pub kinds: Vec<Kind>,
    /// The claim fields; ids are unique.
    pub fields: Vec<Field>,
}

impl Codebook {
    /// The kind with `id`.
    pub fn kind(&self, id: &str) -> Option<&Kind> {
        self.kinds.iter().find(|k| k.id == id)
    }

    /// The field with `id`.
    pub fn field(&self, id: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.id == id)
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
/// `format` and `kinds` are required; `fields` and `actors` may be missing (a
/// hand-written codebook without them means none).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Project {
    /// File format version.
    #[serde(deserialize_with = "super::strict::format")]
    pub format: u32,
    /// The claim kinds.
    pub kinds: Vec<Kind>,
    /// The claim fields, written only when there are some.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<Field>,
    /// The actor registry.
    #[serde(default)]
    pub actors: ActorRegistry,
    /// The corpus's own reporting cues for the suggester, before the built-in
    /// lexicon (FORMAT.md section 7); written only when there are some.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cues: Vec<Cue>,
}

/// The built-in codebook, used when a corpus has no `claimcoder.ron`.
pub const DEFAULT_PROJECT_RON: &str = include_str!("../../assets/codebook.ron");

impl Project {
    /// The built-in default project (the three kinds of the contract, no actors).
    pub fn builtin() -> Self {
        ron::from_str(DEFAULT_PROJECT_RON).unwrap_or_else(|_| Self {
            format: FORMAT_VERSION,
            kinds: Vec::new(),
            fields: Vec::new(),
            actors: ActorRegistry::default(),
            cues: Vec::new(),
        })
    }

    /// The kinds and fields as a codebook.
    pub fn codebook(&self) -> Codebook {
        Codebook { kinds: self.kinds.clone(), fields: self.fields.clone() }
    }

    /// Problems a user must fix in the project file (the codebook's, see
    /// [`Codebook::validate`], then cues and actors), each as one sentence. Whether
    /// a key collides with one of the app's own shortcuts is the app's to say
    /// (`ui::kind_key_conflicts`), since its command table defines them.
    pub fn problems(&self) -> Vec<String> {
        let mut out: Vec<String> = self.codebook().validate(&[]).into_iter().map(|(_, e)| e.to_string()).collect();
        for (i, cue) in self.cues.iter().enumerate() {
            let which = cue.forms.first().map_or_else(|| format!("cue {}", i + 1), |f| format!("cue `{f}`"));
            if self.kinds.iter().all(|k| k.id != cue.kind) {
                out.push(format!("{which} suggests the kind `{}`, which the codebook lacks", cue.kind));
            }
            if cue.forms.iter().any(|f| f.trim().is_empty()) || cue.forms.is_empty() {
                out.push(format!("{which} needs forms that are not empty"));
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

    fn field(id: &str, r#type: FieldType, values: &[&str]) -> Field {
        Field {
            id: id.into(),
            label: id.into(),
            r#type,
            definition: String::new(),
            values: values.iter().map(|v| Choice { value: (*v).into(), label: (*v).into() }).collect(),
        }
    }

    #[test]
    fn bad_fields_are_described() {
        let mut p = Project::builtin();
        p.fields = vec![
            field("addressee", FieldType::Actor, &[]),
            field("position", FieldType::Scale, &["-1", "0", "+1", "high", "0"]),
            field("issue", FieldType::Category, &[]),
            field("Issue X", FieldType::Text, &[]),
            field("addressee", FieldType::Text, &[]),
        ];
        let problems = p.problems();
        let expected = [
            "field `position` is a Scale, but its value `+1` is not an integer",
            "field `position` is a Scale, but its value `high` is not an integer",
            "field `position` lists the value `0` twice",
            "field `issue` is a Category and needs values",
            "field id `Issue X` must match [a-z0-9][a-z0-9_-]*",
            "field id `addressee` is used twice",
        ];
        assert_eq!(problems, expected);
        p.fields.truncate(1);
        p.fields.push(field("position", FieldType::Scale, &["-1", "0", "1"]));
        assert!(p.problems().is_empty(), "{:?}", p.problems());
    }

    #[test]
    fn cues_are_optional_written_only_when_present_and_checked() {
        let p = Project::builtin();
        let text = ron::ser::to_string_pretty(&p, ron::ser::PrettyConfig::new()).unwrap();
        assert!(!text.contains("cues"), "{text}");
        let older = "(format: 1, kinds: [], actors: [])";
        assert_eq!(ron::from_str::<Project>(older).unwrap().cues, []);
        let newer = r#"(format: 1, kinds: [], cues: [(kind: "denial", forms: ["slammed"]), (kind: "assertion", role: Source, forms: ["per"])])"#;
        let read: Project = ron::from_str(newer).unwrap();
        assert_eq!(read.cues[1].role, super::super::cue::CueRole::Source);
        let again: Project =
            ron::from_str(&ron::ser::to_string_pretty(&read, ron::ser::PrettyConfig::new()).unwrap()).unwrap();
        assert_eq!(again, read);
        let mut p = Project::builtin();
        p.cues = read.cues;
        p.cues[1].forms = vec![" ".into()];
        p.cues[0].kind = "rebuttal".into();
        assert_eq!(
            p.problems(),
            [
                "cue `slammed` suggests the kind `rebuttal`, which the codebook lacks",
                "cue ` ` needs forms that are not empty"
            ]
        );
        let misspelt = r#"(format: 1, kinds: [], cues: [(kind: "denial", form: ["x"])])"#;
        assert!(ron::from_str::<Project>(misspelt).is_err());
    }
}
