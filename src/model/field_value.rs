//! What a claim field allows and how its values compare (FORMAT.md sections 2, 3
//! and 5): the one place that decides whether a value is valid, which field type is
//! part of agreement and where a Scale value ranks, so `check`, agreement, exports,
//! statistics and the app never disagree about it.

use std::collections::BTreeMap;

use super::codebook::{Codebook, Field, FieldType};

impl FieldType {
    /// Whether agreement is computed on fields of this type: every type but Text,
    /// whose free wording two coders never share exactly.
    pub fn is_coded(self) -> bool {
        self != FieldType::Text
    }

    /// The type as FORMAT.md spells it (`Actor`, `Category`, `Scale`, `Text`).
    pub fn as_str(self) -> &'static str {
        match self {
            FieldType::Actor => "Actor",
            FieldType::Category => "Category",
            FieldType::Scale => "Scale",
            FieldType::Text => "Text",
        }
    }
}

impl Field {
    /// Where `value` stands among the field's listed values (a Scale's order), or
    /// `None` for a value the codebook does not list.
    pub fn rank(&self, value: &str) -> Option<usize> {
        self.values.iter().position(|c| c.value == value)
    }

    /// What the user reads for `value`: its choice label, else the value itself.
    pub fn value_label<'a>(&'a self, value: &'a str) -> &'a str {
        self.values.iter().find(|c| c.value == value).map(|c| c.label.as_str()).unwrap_or(value)
    }

    /// Why the codebook does not allow `value` for this field (a sentence fragment
    /// after "claim N field `id`"), or `None` when it does.
    pub fn disallowed(&self, value: &str) -> Option<String> {
        if value.is_empty() {
            return Some("is empty (leave a field without a value out)".to_owned());
        }
        match self.r#type {
            FieldType::Text => None,
            FieldType::Actor if super::is_valid_id(value) => None,
            FieldType::Actor => Some(format!("has `{value}`, which is not a valid actor id")),
            FieldType::Category | FieldType::Scale if self.rank(value).is_some() => None,
            FieldType::Category | FieldType::Scale => {
                let allowed: Vec<&str> = self.values.iter().map(|c| c.value.as_str()).collect();
                Some(format!("has `{value}`, which is not one of its values ({})", allowed.join(", ")))
            }
        }
    }
}

impl Codebook {
    /// The fields agreement is computed on (Actor, Category, Scale), in codebook order.
    pub fn coded_fields(&self) -> impl Iterator<Item = &Field> {
        self.fields.iter().filter(|f| f.r#type.is_coded())
    }

    /// Every value of `fields` (a claim's) that the codebook does not allow, each as
    /// one sentence starting with the field (`field `position` has `2`, ...`); values
    /// are kept whatever this says, so a user can repair them.
    pub fn field_value_problems(&self, fields: &BTreeMap<String, String>) -> Vec<String> {
        fields
            .iter()
            .filter_map(|(id, value)| match self.field(id) {
                None => Some(format!("field `{id}` is not a field of the codebook (value `{value}`)")),
                Some(field) => field.disallowed(value).map(|why| format!("field `{id}` {why}")),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Choice;

    fn field(id: &str, r#type: FieldType, values: &[&str]) -> Field {
        Field {
            id: id.into(),
            label: id.into(),
            r#type,
            definition: String::new(),
            values: values.iter().map(|v| Choice { value: (*v).into(), label: format!("<{v}>") }).collect(),
        }
    }

    #[test]
    fn values_the_codebook_does_not_allow_are_named() {
        let codebook = Codebook {
            kinds: Vec::new(),
            fields: vec![
                field("addressee", FieldType::Actor, &[]),
                field("position", FieldType::Scale, &["-1", "0", "1"]),
                field("issue", FieldType::Category, &["trade"]),
                field("frame", FieldType::Text, &[]),
            ],
        };
        let claim: BTreeMap<String, String> = [
            ("addressee", "Chinese Gov"),
            ("position", "2"),
            ("issue", "trade"),
            ("frame", "any words at all"),
            ("stance", "x"),
            ("zz", ""),
        ]
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
        assert_eq!(
            codebook.field_value_problems(&claim),
            [
                "field `addressee` has `Chinese Gov`, which is not a valid actor id",
                "field `position` has `2`, which is not one of its values (-1, 0, 1)",
                "field `stance` is not a field of the codebook (value `x`)",
                "field `zz` is not a field of the codebook (value ``)",
            ]
        );
        let empty: BTreeMap<String, String> = [("frame".to_owned(), String::new())].into();
        assert_eq!(
            codebook.field_value_problems(&empty),
            ["field `frame` is empty (leave a field without a value out)"]
        );
        let coded: Vec<&str> = codebook.coded_fields().map(|f| f.id.as_str()).collect();
        assert_eq!(coded, ["addressee", "position", "issue"]);
        let position = &codebook.fields[1];
        assert_eq!((position.rank("1"), position.rank("5")), (Some(2), None));
        assert_eq!((position.value_label("-1"), position.value_label("7")), ("<-1>", "7"));
    }
}
