//! Claim fields in brat (FORMAT.md section 6): each field is an attribute type on
//! the claim entities, declared in `annotation.conf` with every value the export
//! writes, and each value an `A` line (`A1<TAB>position T3 -1`).
//!
//! brat shows an undeclared attribute or value with a warning mark, and its
//! configuration splits values at whitespace, `,` and `|`, so a value is written as
//! a token: those characters and `%`, `<`, `>` are percent-encoded as UTF-8 bytes
//! (`economic harm` -> `economic%20harm`); actor ids, Scale integers and ordinary
//! Category values are written as they are. Import decodes them. An attribute type
//! is named by the field id, unless a claim type (or another field) already has that
//! name ignoring case, then `field_<id>`; `visual.conf` shows the field's label.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use super::brat_conf::{BratTypes, single_line};
use crate::model::{ActorRegistry, Codebook, FieldType};

/// One claim field as a brat attribute type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct BratAttribute {
    /// The field id claims store.
    pub id: String,
    /// The attribute type name.
    pub name: String,
    /// What brat displays (the field's label).
    pub label: String,
    /// The tokens `annotation.conf` declares, in order.
    pub values: Vec<String>,
}

/// Attribute types for the codebook's fields, named apart from the claim, source
/// and cue types in `taken` (lower-cased), with no values declared yet.
pub(crate) fn attributes(codebook: &Codebook, taken: &BTreeSet<String>) -> Vec<BratAttribute> {
    let mut taken = taken.clone();
    codebook
        .fields
        .iter()
        .map(|f| {
            let name = free_name(&f.id, &mut taken);
            BratAttribute { id: f.id.clone(), name, label: f.label.clone(), values: Vec::new() }
        })
        .collect()
}

/// `id`, else `field_<id>`, else `field_<id>_2`, ... whichever no type has taken.
fn free_name(id: &str, taken: &mut BTreeSet<String>) -> String {
    let safe = super::brat_type_name(id);
    let mut candidates =
        [safe.clone(), format!("field_{safe}")].into_iter().chain((2..).map(|n| format!("field_{safe}_{n}")));
    let name = candidates.find(|c| !c.is_empty() && !taken.contains(&c.to_lowercase())).unwrap_or_default();
    taken.insert(name.to_lowercase());
    name
}

impl BratTypes {
    /// Declares the values an export writes: for every codebook field its listed
    /// values (Category, Scale) or the registry's actor ids (Actor), then every other
    /// value in `used` (field id, value), and attribute types for fields only claims
    /// use. Empty values are not written (an empty CSV cell means the same).
    pub fn declare_field_values<'a>(
        &mut self,
        codebook: &Codebook,
        registry: &ActorRegistry,
        used: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) {
        let mut extra: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
        for (id, value) in used {
            if !value.is_empty() {
                extra.entry(id).or_default().insert(value);
            }
        }
        let mut taken: BTreeSet<String> = self.kinds.iter().map(|k| k.type_name.to_lowercase()).collect();
        taken.extend([super::brat_conf::SOURCE_TYPE, super::brat_conf::CUE_TYPE].map(str::to_lowercase));
        taken.extend(self.attributes.iter().map(|a| a.name.to_lowercase()));
        for id in extra.keys().filter(|id| codebook.field(id).is_none()) {
            let name = free_name(id, &mut taken);
            self.attributes.push(BratAttribute { id: (*id).to_owned(), name, label: (*id).to_owned(), values: vec![] });
        }
        for a in &mut self.attributes {
            let listed: Vec<String> = match codebook.field(&a.id) {
                Some(f) if f.r#type == FieldType::Actor => registry.actors.iter().map(|x| x.id.clone()).collect(),
                Some(f) => f.values.iter().map(|c| c.value.clone()).collect(),
                None => Vec::new(),
            };
            let mut values: Vec<String> = listed.iter().filter(|v| !v.is_empty()).map(|v| encode(v)).collect();
            let mut seen: BTreeSet<String> = values.iter().cloned().collect();
            for v in extra.get(a.id.as_str()).into_iter().flatten() {
                let token = encode(v);
                if seen.insert(token.clone()) {
                    values.push(token);
                }
            }
            a.values = values;
        }
    }

    /// The attribute type of field `id`.
    pub fn attribute_of(&self, id: &str) -> Option<&str> {
        self.attributes.iter().find(|a| a.id == id).map(|a| a.name.as_str())
    }

    /// The field an attribute type names: its type name exactly, else the field id,
    /// type name or label ignoring case, so hand-made brat projects import too.
    pub fn field_of(&self, name: &str) -> Option<&str> {
        let exact = self.attributes.iter().find(|a| a.name == name);
        let loose = || {
            self.attributes.iter().find(|a| {
                a.name.eq_ignore_ascii_case(name)
                    || a.id.eq_ignore_ascii_case(name)
                    || a.label.to_lowercase() == name.to_lowercase()
            })
        };
        exact.or_else(loose).map(|a| a.id.as_str())
    }

    /// The `[attributes]` lines: every attribute with values, on every claim type.
    pub(crate) fn attribute_conf(&self) -> String {
        let claim_types = self.kinds.iter().map(|k| k.type_name.as_str()).collect::<Vec<_>>().join("|");
        let mut s = String::new();
        if claim_types.is_empty() {
            return s;
        }
        for a in self.attributes.iter().filter(|a| !a.values.is_empty()) {
            let _ = writeln!(s, "{}\tArg:{claim_types}, Value:{}", a.name, a.values.join("|"));
        }
        s
    }

    /// `visual.conf` label lines of the declared attributes.
    pub(crate) fn attribute_labels(&self) -> String {
        let mut s = String::new();
        for a in self.attributes.iter().filter(|a| !a.values.is_empty()) {
            let _ = writeln!(s, "{} | {}", a.name, single_line(&a.label));
        }
        s
    }
}

/// Characters a brat attribute value cannot hold as they are.
fn needs_escape(c: char) -> bool {
    c.is_whitespace() || c.is_control() || matches!(c, ',' | '|' | '%' | '<' | '>')
}

/// A field value as a brat attribute token.
pub(crate) fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        if needs_escape(c) {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                let _ = write!(out, "%{b:02X}");
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// A brat attribute token as a field value: `%XX` escapes decoded; a token that is
/// not valid percent-encoding of UTF-8 (a hand-written `100%`) is kept as written.
pub(crate) fn decode(token: &str) -> String {
    let bytes = token.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = token.get(i + 1..i + 3).and_then(|h| u8::from_str_radix(h, 16).ok());
            match hex {
                Some(b) => {
                    out.push(b);
                    i += 3;
                    continue;
                }
                None => return token.to_owned(),
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| token.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Choice, Field, Project};

    #[test]
    fn values_become_tokens_and_back() {
        for value in ["-1", "chinese-government", "human rights", "“frank” talks, 100% | sure <b>", "a\tb\nc", "学术"]
        {
            let token = encode(value);
            assert!(!token.chars().any(|c| c.is_whitespace() || c == ',' || c == '|'), "{token}");
            assert_eq!(decode(&token), value);
        }
        assert_eq!(encode("economic harm"), "economic%20harm");
        assert_eq!(encode("学术"), "学术", "non-ASCII letters are fine in brat");
        assert_eq!(decode("100%"), "100%", "a stray % is kept");
        assert_eq!(decode("%FF"), "%FF", "bytes that are not UTF-8 are kept as written");
    }

    #[test]
    fn attributes_are_named_apart_from_claim_types() {
        let mut p = Project::builtin();
        let field = |id: &str, label: &str, r#type, values: &[&str]| Field {
            id: id.into(),
            label: label.into(),
            r#type,
            definition: String::new(),
            values: values.iter().map(|v| Choice { value: (*v).into(), label: (*v).into() }).collect(),
        };
        p.fields = vec![
            field("assertion", "Assertion?", FieldType::Category, &["yes", "no"]),
            field("position", "Position", FieldType::Scale, &["-1", "0", "1"]),
            field("frame", "Frame", FieldType::Text, &[]),
        ];
        let mut types = BratTypes::new(&p.codebook(), []);
        let names: Vec<&str> = types.attributes.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["field_assertion", "position", "frame"]);
        types.declare_field_values(
            &p.codebook(),
            &p.actors,
            [("frame", "jobs, jobs"), ("position", "7"), ("stance", "x")],
        );
        let conf = types.attribute_conf();
        assert_eq!(
            conf,
            "field_assertion\tArg:Assertion|Denial|Commitment, Value:yes|no\n\
             position\tArg:Assertion|Denial|Commitment, Value:-1|0|1|7\n\
             frame\tArg:Assertion|Denial|Commitment, Value:jobs%2C%20jobs\n\
             stance\tArg:Assertion|Denial|Commitment, Value:x\n"
        );
        assert_eq!(types.field_of("FIELD_ASSERTION"), Some("assertion"));
        assert_eq!(types.field_of("Frame"), Some("frame"));
        assert_eq!(types.field_of("Negation"), None);
        assert!(types.attribute_labels().contains("field_assertion | Assertion?"));
    }
}
