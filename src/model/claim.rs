//! A coded claim: what was said (content), of which kind, by whom (source), and where
//! the text names the speaker and the reporting verb.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::Span;
use super::time::{Timestamp, rfc3339};

/// A claim id, unique within one annotation file and never reused there, so that
/// exports and reviews can refer to a claim across edits.
pub type ClaimId = u64;

/// One claim as stored in an annotation file (FORMAT.md section 3). Every field
/// but `fields` is required when reading: the writer always writes them, so a
/// missing one is a damaged file, not a default.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    /// Unique in its file, never reused.
    pub id: ClaimId,
    /// A kind id from the codebook.
    pub kind: String,
    /// The passage that states the claim.
    pub content: Span,
    /// Actor id of the speaker, `None` when unattributed.
    #[serde(deserialize_with = "super::strict::present")]
    pub source: Option<String>,
    /// Where the text names the speaker ("Lew").
    #[serde(deserialize_with = "super::strict::present")]
    pub source_mention: Option<Span>,
    /// The reporting cue ("told", "denied").
    #[serde(deserialize_with = "super::strict::present")]
    pub cue: Option<Span>,
    /// Free text by the annotator.
    pub note: String,
    /// Values of the codebook's claim fields (field id -> value; FORMAT.md sections
    /// 2 and 3). A field without a value is left out; the map is written only when
    /// not empty. Values the codebook does not allow are kept (`check` reports them).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty", deserialize_with = "super::strict::fields")]
    pub fields: BTreeMap<String, String>,
    /// When the claim was first coded.
    #[serde(with = "rfc3339")]
    pub created: Timestamp,
    /// When any part of the claim last changed.
    #[serde(with = "rfc3339")]
    pub modified: Timestamp,
}

impl Claim {
    /// A fresh unattributed claim of `kind` over `content`, stamped now.
    pub fn new(id: ClaimId, kind: &str, content: Span) -> Self {
        let now = super::time::now();
        Self {
            id,
            kind: kind.to_owned(),
            content,
            source: None,
            source_mention: None,
            cue: None,
            note: String::new(),
            fields: BTreeMap::new(),
            created: now,
            modified: now,
        }
    }

    /// Every span of the claim with its role, for re-anchoring and validation.
    pub fn spans(&self) -> impl Iterator<Item = (SpanRole, &Span)> {
        std::iter::once((SpanRole::Content, &self.content))
            .chain(self.source_mention.iter().map(|s| (SpanRole::SourceMention, s)))
            .chain(self.cue.iter().map(|s| (SpanRole::Cue, s)))
    }

    /// Mutable access to every span, for re-anchoring.
    pub fn spans_mut(&mut self) -> impl Iterator<Item = (SpanRole, &mut Span)> {
        std::iter::once((SpanRole::Content, &mut self.content))
            .chain(self.source_mention.iter_mut().map(|s| (SpanRole::SourceMention, s)))
            .chain(self.cue.iter_mut().map(|s| (SpanRole::Cue, s)))
    }
}

/// Which part of a claim a span marks, for messages and highlighting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SpanRole {
    /// The claim's own passage.
    Content,
    /// The words naming the source.
    SourceMention,
    /// The reporting verb or phrase.
    Cue,
}

impl SpanRole {
    /// The field name used in the files, so messages point at what the user can edit.
    pub fn field(self) -> &'static str {
        match self {
            SpanRole::Content => "content",
            SpanRole::SourceMention => "source_mention",
            SpanRole::Cue => "cue",
        }
    }
}
