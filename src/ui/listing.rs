//! The document list's per-document facts (title, claim count, status), read on a
//! background thread so that a corpus of thousands of documents lists at once and
//! fills in as it goes.

use std::sync::mpsc::{Receiver, TryRecvError, channel};

use crate::model::document::title_of;
use crate::model::{Annotator, Document, DocumentEntry, Status};
use crate::store::annotation_io::read_annotation;

/// What the list shows for one document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DocSummary {
    /// First non-empty line.
    pub title: String,
    /// Claims by the current annotator.
    pub claims: usize,
    /// The current annotator's progress (`None`: not started).
    pub status: Option<Status>,
    /// Why the document or its annotation file cannot be used.
    pub error: Option<String>,
    /// Lower-cased title and text, for the filter box.
    pub haystack: String,
}

impl DocSummary {
    /// Reads one document's facts for `annotator`.
    pub fn read(entry: &DocumentEntry, annotator: &Annotator) -> Self {
        let doc = match Document::load(&entry.id, &entry.path) {
            Ok(d) => d,
            Err(e) => {
                return Self {
                    title: entry.id.clone(),
                    error: Some(e.to_string()),
                    haystack: entry.id.to_lowercase(),
                    ..Self::default()
                };
            }
        };
        let title = title_of(doc.text.as_str());
        let haystack = format!("{}\n{}", entry.id, doc.text.as_str()).to_lowercase();
        let mut summary = Self { title, haystack, ..Self::default() };
        if let Some(path) = entry.annotations.get(annotator) {
            match read_annotation(&path.display().to_string(), path) {
                Ok((file, _)) => {
                    summary.claims = file.claims.len();
                    summary.status = Some(file.status);
                }
                Err(e) => summary.error = Some(e.to_string()),
            }
        }
        summary
    }

    /// Whether the filter text (lower-cased) matches.
    pub fn matches(&self, filter_lower: &str) -> bool {
        filter_lower.is_empty() || self.haystack.contains(filter_lower)
    }
}

/// The list's facts, filled in from a background thread.
pub struct Listing {
    /// One slot per corpus document; `None` until read.
    pub rows: Vec<Option<DocSummary>>,
    rx: Option<Receiver<(usize, DocSummary)>>,
    loaded: usize,
}

impl Listing {
    /// Starts reading every document's facts in the background.
    pub fn start(entries: &[DocumentEntry], annotator: &Annotator) -> Self {
        let (tx, rx) = channel();
        let rows = vec![None; entries.len()];
        let entries = entries.to_vec();
        let annotator = annotator.clone();
        let spawned = std::thread::Builder::new().name("claimcoder-listing".into()).spawn(move || {
            for (i, entry) in entries.iter().enumerate() {
                if tx.send((i, DocSummary::read(entry, &annotator))).is_err() {
                    return;
                }
            }
        });
        Self { rows, rx: spawned.ok().map(|_| rx), loaded: 0 }
    }

    /// Moves finished rows from the background thread into the list; returns
    /// whether anything arrived.
    pub fn poll(&mut self) -> bool {
        let Some(rx) = &self.rx else { return false };
        let mut any = false;
        loop {
            match rx.try_recv() {
                Ok((i, summary)) => {
                    if let Some(slot) = self.rows.get_mut(i) {
                        *slot = Some(summary);
                        self.loaded += 1;
                    }
                    any = true;
                }
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    self.rx = None;
                    break;
                }
            }
        }
        any
    }

    /// Rows read so far and in all, for the progress indicator.
    pub fn progress(&self) -> (usize, usize) {
        (self.loaded, self.rows.len())
    }

    /// Whether the background thread is still reading.
    pub fn is_loading(&self) -> bool {
        self.rx.is_some() && self.loaded < self.rows.len()
    }

    /// Documents marked done, and documents in all.
    pub fn done(&self) -> (usize, usize) {
        let done = self.rows.iter().flatten().filter(|r| r.status == Some(Status::Done)).count();
        (done, self.rows.len())
    }
}
