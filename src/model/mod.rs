//! The domain of claim coding, free of any GUI or file-system concern, so that the
//! app, the command line and the tests all reason about the same things.

pub mod actor;
pub mod annotation;
pub mod annotator;
pub mod claim;
pub mod codebook;
pub mod codebook_check;
pub mod codebook_edit;
pub mod corpus;
pub mod cue;
pub mod document;
pub mod field_value;
pub mod metadata;
pub mod span;
pub mod strict;
pub mod time;

pub use crate::text::TextIndex;
pub use actor::{Actor, ActorRegistry};
pub use annotation::{AnnotationFile, Status};
pub use annotator::{Annotator, AnnotatorError};
pub use claim::{Claim, ClaimId};
pub use codebook::{Choice, Codebook, Field, FieldType, Kind, Project};
pub use codebook_check::{CodebookError, Place, ReservedKey};
pub use codebook_edit::{MapTo, Orphan, Remap, RemapError, Usage, UseCount, orphans};
pub use corpus::{Corpus, DocumentEntry};
pub use cue::{Cue, CueRole};
pub use document::{Document, DocumentError};
pub use metadata::{DocumentMeta, Metadata};
pub use span::Span;

/// The only `format` version this build reads and writes; a file with a larger one
/// opens read-only so that an older program never destroys fields it does not know.
pub const FORMAT_VERSION: u32 = 1;

/// Whether `id` is a valid kind, field or actor id (`[a-z0-9][a-z0-9_-]*`, FORMAT.md section 2).
pub fn is_valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    match chars.next() {
        Some(c) if c.is_ascii_lowercase() || c.is_ascii_digit() => {}
        _ => return false,
    }
    chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
}

#[cfg(test)]
mod tests {
    use super::is_valid_id;

    #[test]
    fn ids_follow_the_contract() {
        assert!(is_valid_id("jacob-lew"));
        assert!(is_valid_id("a_1"));
        assert!(is_valid_id("0"));
        assert!(!is_valid_id(""));
        assert!(!is_valid_id("-lew"));
        assert!(!is_valid_id("Lew"));
        assert!(!is_valid_id("lew lew"));
        assert!(!is_valid_id("léw"));
    }
}
