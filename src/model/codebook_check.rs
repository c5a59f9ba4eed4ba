//! Whether a codebook can be used and saved: ids, labels, keys, colours and choices
//! (FORMAT.md sections 2 and 7). Each problem is a named error located at the kind,
//! field or choice it concerns, so the codebook editor shows it beside that row and
//! `claimcoder check` prints the same sentence.

use std::collections::HashSet;

use super::codebook::{Codebook, Field, FieldType, parse_hex_color};

/// Where in the codebook a problem is (indices in display order).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Place {
    /// The kind at this index.
    Kind(usize),
    /// The field at this index.
    Field(usize),
    /// Choice `.1` of field `.0`.
    Choice(usize, usize),
}

/// A letter a kind key must avoid: a shortcut of the app that would take it first.
/// The app's command table supplies them (`ui::command`), so the core never names a
/// command itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReservedKey {
    /// The upper-case letter or digit.
    pub letter: char,
    /// The command that takes it, as its menu shows it.
    pub command: String,
}

/// One problem of a codebook, as one sentence.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CodebookError {
    /// A kind id that is not `[a-z0-9][a-z0-9_-]*`.
    #[error("kind id `{0}` must match [a-z0-9][a-z0-9_-]*")]
    BadKindId(String),
    /// Two kinds with one id.
    #[error("kind id `{0}` is used twice")]
    DuplicateKindId(String),
    /// A kind without a label.
    #[error("kind `{0}` needs a label")]
    EmptyKindLabel(String),
    /// A key that is not one letter or digit.
    #[error("kind `{id}` needs a one-letter key, not `{key}`")]
    BadKey {
        /// The kind.
        id: String,
        /// What its key is.
        key: String,
    },
    /// Two kinds with one key (compared ignoring case).
    #[error("key `{0}` is used by two kinds")]
    DuplicateKey(char),
    /// A key a command of the app takes.
    #[error("kind `{id}` key `{letter}` is taken by the command \"{command}\"; choose a key other than {reserved}")]
    ReservedKey {
        /// The kind.
        id: String,
        /// Its key, upper-cased.
        letter: char,
        /// The command that takes it.
        command: String,
        /// Every reserved letter, run together (`FJKMNPQSTWX`).
        reserved: String,
    },
    /// A colour that is not `#rrggbb`.
    #[error("kind `{id}` colour `{color}` is not #rrggbb")]
    BadColor {
        /// The kind.
        id: String,
        /// What its colour is.
        color: String,
    },
    /// A field id that is not `[a-z0-9][a-z0-9_-]*`.
    #[error("field id `{0}` must match [a-z0-9][a-z0-9_-]*")]
    BadFieldId(String),
    /// Two fields with one id.
    #[error("field id `{0}` is used twice")]
    DuplicateFieldId(String),
    /// A field without a label.
    #[error("field `{0}` needs a label")]
    EmptyFieldLabel(String),
    /// A Category or Scale without choices.
    #[error("field `{id}` is a {kind:?} and needs values")]
    NoValues {
        /// The field.
        id: String,
        /// Its type.
        kind: FieldType,
    },
    /// A choice listed twice.
    #[error("field `{field}` lists the value `{value}` twice")]
    DuplicateValue {
        /// The field.
        field: String,
        /// The value.
        value: String,
    },
    /// A Scale choice whose value is not an integer.
    #[error("field `{field}` is a Scale, but its value `{value}` is not an integer")]
    ScaleNotInteger {
        /// The field.
        field: String,
        /// The value.
        value: String,
    },
    /// A choice with an empty value.
    #[error("field `{0}` has a choice without a value")]
    EmptyValue(String),
    /// A choice without a label.
    #[error("field `{field}` value `{value}` needs a label")]
    EmptyChoiceLabel {
        /// The field.
        field: String,
        /// The value.
        value: String,
    },
}

impl Codebook {
    /// Every problem of the codebook, in display order, each located. `reserved` are
    /// the letters the app's shortcuts take (empty where no app is involved).
    pub fn validate(&self, reserved: &[ReservedKey]) -> Vec<(Place, CodebookError)> {
        let mut out = Vec::new();
        self.kind_problems(reserved, &mut out);
        for (i, f) in self.fields.iter().enumerate() {
            let seen_before = self.fields[..i].iter().any(|g| g.id == f.id);
            field_problems(i, f, seen_before, &mut out);
        }
        out
    }

    fn kind_problems(&self, reserved: &[ReservedKey], out: &mut Vec<(Place, CodebookError)>) {
        let mut ids = HashSet::new();
        let mut keys = HashSet::new();
        let all_reserved: String = reserved.iter().map(|r| r.letter).collect();
        for (i, k) in self.kinds.iter().enumerate() {
            let mut push = |e| out.push((Place::Kind(i), e));
            if !super::is_valid_id(&k.id) {
                push(CodebookError::BadKindId(k.id.clone()));
            }
            if !ids.insert(k.id.as_str()) {
                push(CodebookError::DuplicateKindId(k.id.clone()));
            }
            if k.label.trim().is_empty() {
                push(CodebookError::EmptyKindLabel(k.id.clone()));
            }
            match k.key_char() {
                None => push(CodebookError::BadKey { id: k.id.clone(), key: k.key.clone() }),
                Some(c) if !keys.insert(c) => push(CodebookError::DuplicateKey(c)),
                Some(c) => {
                    if let Some(r) = reserved.iter().find(|r| r.letter == c) {
                        push(CodebookError::ReservedKey {
                            id: k.id.clone(),
                            letter: c,
                            command: r.command.clone(),
                            reserved: all_reserved.clone(),
                        });
                    }
                }
            }
            if parse_hex_color(&k.color).is_none() {
                push(CodebookError::BadColor { id: k.id.clone(), color: k.color.clone() });
            }
        }
    }
}

/// The problems of field `i`; `seen_before` when an earlier field has its id.
fn field_problems(i: usize, f: &Field, seen_before: bool, out: &mut Vec<(Place, CodebookError)>) {
    if !super::is_valid_id(&f.id) {
        out.push((Place::Field(i), CodebookError::BadFieldId(f.id.clone())));
    }
    if seen_before {
        out.push((Place::Field(i), CodebookError::DuplicateFieldId(f.id.clone())));
    }
    if f.label.trim().is_empty() {
        out.push((Place::Field(i), CodebookError::EmptyFieldLabel(f.id.clone())));
    }
    let listed = matches!(f.r#type, FieldType::Category | FieldType::Scale);
    if listed && f.values.is_empty() {
        out.push((Place::Field(i), CodebookError::NoValues { id: f.id.clone(), kind: f.r#type }));
    }
    let mut values = HashSet::new();
    for (j, v) in f.values.iter().enumerate() {
        let mut push = |e| out.push((Place::Choice(i, j), e));
        let (field, value) = (f.id.clone(), v.value.clone());
        if v.value.is_empty() {
            push(CodebookError::EmptyValue(field));
            continue;
        }
        if !values.insert(v.value.as_str()) {
            push(CodebookError::DuplicateValue { field: field.clone(), value: value.clone() });
        }
        if f.r#type == FieldType::Scale && !is_integer(&v.value) {
            push(CodebookError::ScaleNotInteger { field: field.clone(), value: value.clone() });
        }
        if v.label.trim().is_empty() {
            push(CodebookError::EmptyChoiceLabel { field, value });
        }
    }
}

/// An integer as a Scale value is written: an optional `-` and ASCII digits.
pub(crate) fn is_integer(s: &str) -> bool {
    let digits = s.strip_prefix('-').unwrap_or(s);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Choice, Project};

    fn reserved() -> Vec<ReservedKey> {
        vec![
            ReservedKey { letter: 'S', command: "Mark source mention".into() },
            ReservedKey { letter: 'Q', command: "Mark cue".into() },
        ]
    }

    #[test]
    fn each_bad_input_is_a_named_error_at_its_row() {
        let mut c = Project::builtin().codebook();
        assert!(c.validate(&reserved()).is_empty());
        c.kinds[1].id = "assertion".into();
        c.kinds[0].label = "  ".into();
        c.kinds[2].key = "s".into();
        c.kinds[1].color = "#12345".into();
        let found = c.validate(&reserved());
        assert_eq!(
            found,
            [
                (Place::Kind(0), CodebookError::EmptyKindLabel("assertion".into())),
                (Place::Kind(1), CodebookError::DuplicateKindId("assertion".into())),
                (Place::Kind(1), CodebookError::BadColor { id: "assertion".into(), color: "#12345".into() }),
                (
                    Place::Kind(2),
                    CodebookError::ReservedKey {
                        id: "commitment".into(),
                        letter: 'S',
                        command: "Mark source mention".into(),
                        reserved: "SQ".into()
                    }
                ),
            ]
        );
        assert_eq!(
            found[3].1.to_string(),
            "kind `commitment` key `S` is taken by the command \"Mark source mention\"; choose a key other than SQ"
        );
    }

    #[test]
    fn clashing_keys_and_bad_choices_are_located() {
        let mut c = Project::builtin().codebook();
        c.kinds[2].key = "a".into();
        c.fields.push(Field {
            id: "position".into(),
            label: String::new(),
            r#type: FieldType::Scale,
            definition: String::new(),
            values: vec![
                Choice { value: "1".into(), label: "for".into() },
                Choice { value: "1".into(), label: String::new() },
                Choice { value: String::new(), label: "x".into() },
            ],
        });
        let found = c.validate(&[]);
        assert_eq!(
            found,
            [
                (Place::Kind(2), CodebookError::DuplicateKey('A')),
                (Place::Field(0), CodebookError::EmptyFieldLabel("position".into())),
                (Place::Choice(0, 1), CodebookError::DuplicateValue { field: "position".into(), value: "1".into() }),
                (Place::Choice(0, 1), CodebookError::EmptyChoiceLabel { field: "position".into(), value: "1".into() }),
                (Place::Choice(0, 2), CodebookError::EmptyValue("position".into())),
            ]
        );
    }
}
