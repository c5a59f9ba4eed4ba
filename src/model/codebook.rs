//! The codebook (claim kinds with definitions, examples and keys, and the claim
//! fields) and the project file that carries it with the actor registry (FORMAT.md
//! section 2). Reading is strict: unknown fields are errors, so a misspelled key
//! never silently drops part of a hand-edited codebook.

use serde::{Deserialize, Serialize};

use super::{ActorRegistry, FORMAT_VERSION};

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
        })
    }

    /// The kinds and fields as a codebook.
    pub fn codebook(&self) -> Codebook {
        Codebook { kinds: self.kinds.clone(), fields: self.fields.clone() }
    }

    /// Problems a user must fix in the codebook (duplicate ids or keys, bad ids,
    /// colours, keys, fields without values or with bad ones), each as one sentence.
    /// Whether a key collides with one of the app's own shortcuts is the app's to
    /// say (`ui::kind_key_conflicts`), since its command table defines them.
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
        field_problems(&self.fields, &mut out);
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

/// Bad or duplicate field ids, Category and Scale fields without values, Scale
/// values that are not integers, and values listed twice.
fn field_problems(fields: &[Field], out: &mut Vec<String>) {
    let mut ids = std::collections::HashSet::new();
    for f in fields {
        if !super::is_valid_id(&f.id) {
            out.push(format!("field id `{}` must match [a-z0-9][a-z0-9_-]*", f.id));
        }
        if !ids.insert(f.id.as_str()) {
            out.push(format!("field id `{}` is used twice", f.id));
        }
        let listed = matches!(f.r#type, FieldType::Category | FieldType::Scale);
        if listed && f.values.is_empty() {
            out.push(format!("field `{}` is a {:?} and needs values", f.id, f.r#type));
        }
        let mut values = std::collections::HashSet::new();
        for v in &f.values {
            if !values.insert(v.value.as_str()) {
                out.push(format!("field `{}` lists the value `{}` twice", f.id, v.value));
            }
            if f.r#type == FieldType::Scale && !is_integer(&v.value) {
                out.push(format!("field `{}` is a Scale, but its value `{}` is not an integer", f.id, v.value));
            }
        }
    }
}

/// An integer as a Scale value is written: an optional `-` and ASCII digits.
fn is_integer(s: &str) -> bool {
    let digits = s.strip_prefix('-').unwrap_or(s);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
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
}
