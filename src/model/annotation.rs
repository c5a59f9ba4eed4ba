//! The contents of one annotation file: one annotator's claims on one document
//! (FORMAT.md section 3).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::time::{Timestamp, rfc3339};
use super::{Claim, ClaimId, FORMAT_VERSION};

/// How far the annotator has got with a document that has a file; a document
/// without one is "not started" (`Option<Status>` is `None`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Status {
    /// Claims are being coded.
    #[default]
    InProgress,
    /// The annotator has finished the document.
    Done,
}

impl Status {
    /// What the document list shows for a document's progress.
    pub fn label(status: Option<Status>) -> &'static str {
        match status {
            None => "not started",
            Some(Status::InProgress) => "in progress",
            Some(Status::Done) => "done",
        }
    }

    /// The value the exports write (`in_progress`, `done`).
    pub fn as_str(self) -> &'static str {
        match self {
            Status::InProgress => "in_progress",
            Status::Done => "done",
        }
    }
}

/// One annotation file. Reading is strict (FORMAT.md section 3): an unknown field,
/// a missing required one (all but `next_id` and `rejected`), a repeated `actors`
/// key or a malformed time is an error, never a silent default.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnnotationFile {
    /// File format version.
    #[serde(deserialize_with = "super::strict::format")]
    pub format: u32,
    /// The document id (path relative to the corpus, `/` separators).
    pub document: String,
    /// Hex SHA-256 of the document's bytes when the file was written.
    pub text_sha256: String,
    /// Who coded it.
    pub annotator: String,
    /// Progress.
    pub status: Status,
    /// When the file last changed.
    #[serde(with = "rfc3339")]
    pub modified: Timestamp,
    /// Display names of every actor the claims name, so a file stays readable without
    /// the project's registry.
    #[serde(deserialize_with = "super::strict::actors")]
    pub actors: BTreeMap<String, String>,
    /// The claims, sorted by `content.start` then `id` when written.
    pub claims: Vec<Claim>,
    /// The id the next claim gets: kept in the file so that an id freed by deleting
    /// the newest claim is never handed out again (an optional field, FORMAT.md allows it).
    #[serde(default)]
    pub next_id: ClaimId,
    /// The extents the annotator rejected (FORMAT.md section 3, any annotator):
    /// suggestions refused while coding, units refused while adjudicating (an
    /// optional field, written only when not empty).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rejected: Vec<super::Span>,
}

impl AnnotationFile {
    /// An empty file for `annotator` on `document`.
    pub fn new(document: &str, annotator: &str, text_sha256: &str) -> Self {
        Self {
            format: FORMAT_VERSION,
            document: document.to_owned(),
            text_sha256: text_sha256.to_owned(),
            annotator: annotator.to_owned(),
            status: Status::InProgress,
            modified: super::time::now(),
            actors: BTreeMap::new(),
            claims: Vec::new(),
            next_id: 1,
            rejected: Vec::new(),
        }
    }

    /// Takes the id for a new claim: past every id in the file and every id handed
    /// out before, so ids are never reused within the file.
    pub fn take_claim_id(&mut self) -> ClaimId {
        let id = self.claims.iter().map(|c| c.id + 1).max().unwrap_or(1).max(self.next_id).max(1);
        self.next_id = id + 1;
        id
    }

    /// The claim with `id`.
    pub fn claim(&self, id: ClaimId) -> Option<&Claim> {
        self.claims.iter().find(|c| c.id == id)
    }

    /// Mutable access to the claim with `id`.
    pub fn claim_mut(&mut self, id: ClaimId) -> Option<&mut Claim> {
        self.claims.iter_mut().find(|c| c.id == id)
    }

    /// Puts claims in the written order: by content start, then id.
    pub fn sort_claims(&mut self) {
        self.claims.sort_by_key(|c| (c.content.start, c.id));
    }
}
