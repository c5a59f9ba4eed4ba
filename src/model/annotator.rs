//! Annotator names: they become part of file names, so they are checked before use.

use std::fmt;

/// A validated annotator name (`[a-z0-9][a-z0-9_-]{0,31}`, FORMAT.md section 3).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Annotator(String);

/// Why a name cannot be an annotator name; shown under the "Who is coding?" field.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AnnotatorError {
    /// Nothing was typed.
    #[error("enter a name")]
    Empty,
    /// More than 32 characters.
    #[error("at most 32 characters")]
    TooLong,
    /// Starts with `-` or `_`.
    #[error("start with a lower-case letter or digit")]
    BadStart,
    /// Has a character outside `a-z 0-9 _ -`.
    #[error("use only lower-case letters a-z, digits, '-' and '_' (not {0:?})")]
    BadChar(char),
    /// `gold` is the adjudicated version, `suggested` a program's proposals.
    #[error("'{name}' is reserved ({for_what})", name = .0, for_what = reserved_for(.0))]
    Reserved(&'static str),
}

/// The reserved name of the adjudicated version.
pub const GOLD: &str = "gold";
/// The reserved name of claims proposed by a program for a coder to accept or reject.
pub const SUGGESTED: &str = "suggested";
/// The names no one codes as (FORMAT.md section 3); agreement and statistics leave
/// them out unless they are named.
pub const RESERVED: [&str; 2] = [GOLD, SUGGESTED];

fn reserved_for(name: &str) -> &'static str {
    if name == GOLD { "the adjudicated version" } else { "claims proposed by a program" }
}

impl Annotator {
    /// Validates a name for coding; `gold` and `suggested` are refused here because
    /// only adjudication and a suggester write them.
    pub fn parse(name: &str) -> Result<Self, AnnotatorError> {
        let a = Self::parse_any(name)?;
        if let Some(reserved) = RESERVED.into_iter().find(|r| *r == a.0) {
            return Err(AnnotatorError::Reserved(reserved));
        }
        Ok(a)
    }

    /// Validates a name that may be reserved, for reading files and for filters.
    pub fn parse_any(name: &str) -> Result<Self, AnnotatorError> {
        let mut chars = name.chars();
        let first = chars.next().ok_or(AnnotatorError::Empty)?;
        if name.chars().count() > 32 {
            return Err(AnnotatorError::TooLong);
        }
        if let Some(bad) =
            name.chars().find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-' || *c == '_'))
        {
            return Err(AnnotatorError::BadChar(bad));
        }
        if !(first.is_ascii_lowercase() || first.is_ascii_digit()) {
            return Err(AnnotatorError::BadStart);
        }
        Ok(Self(name.to_owned()))
    }

    /// The adjudicated version's name.
    pub fn gold() -> Self {
        Self(GOLD.to_owned())
    }

    /// The name as written in file names.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether this is the adjudicated version.
    pub fn is_gold(&self) -> bool {
        self.0 == GOLD
    }

    /// Whether this is a program's suggestions.
    pub fn is_suggested(&self) -> bool {
        self.0 == SUGGESTED
    }

    /// Whether this is `gold` or `suggested`, which no one codes as.
    pub fn is_reserved(&self) -> bool {
        RESERVED.contains(&self.0.as_str())
    }
}

impl fmt::Display for Annotator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_the_contract() {
        assert!(Annotator::parse("alice").is_ok());
        assert!(Annotator::parse("analyst-a").is_ok());
        assert!(Annotator::parse("a_1").is_ok());
        assert_eq!(Annotator::parse(""), Err(AnnotatorError::Empty));
        assert_eq!(Annotator::parse("Alice"), Err(AnnotatorError::BadChar('A')));
        assert_eq!(Annotator::parse("-a"), Err(AnnotatorError::BadStart));
        assert_eq!(Annotator::parse("a.b"), Err(AnnotatorError::BadChar('.')));
        assert_eq!(Annotator::parse(&"a".repeat(33)), Err(AnnotatorError::TooLong));
        assert!(Annotator::parse(&"a".repeat(32)).is_ok());
        assert_eq!(Annotator::parse("gold"), Err(AnnotatorError::Reserved("gold")));
        assert_eq!(Annotator::parse("suggested"), Err(AnnotatorError::Reserved("suggested")));
        assert_eq!(
            AnnotatorError::Reserved("suggested").to_string(),
            "'suggested' is reserved (claims proposed by a program)"
        );
        assert!(Annotator::parse_any("gold").unwrap().is_gold());
        assert!(Annotator::parse_any("suggested").unwrap().is_reserved());
        assert!(!Annotator::parse_any("suggestions").unwrap().is_reserved());
    }
}
