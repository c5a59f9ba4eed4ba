//! The document list's per-document facts (title, claim count, status), read by a
//! background job so that a corpus of thousands of documents lists at once and fills
//! in as it goes.

use crate::model::document::title_of;
use crate::model::{Annotator, Document, DocumentEntry, Status};
use crate::store::annotation_io::read_annotation;

/// The order of the document list (FORMAT.md section 1: by date, outlet or title).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DocOrder {
    /// By document id (path), as the corpus lists them.
    #[default]
    Path,
    /// Oldest first; documents without a date last.
    Date,
    /// By outlet (ignoring case), then date; documents without an outlet last.
    Outlet,
    /// By title (ignoring case).
    Title,
}

impl DocOrder {
    /// Every order, for a menu.
    pub const ALL: [DocOrder; 4] = [DocOrder::Path, DocOrder::Date, DocOrder::Outlet, DocOrder::Title];

    /// The name shown in the menu.
    pub fn label(self) -> &'static str {
        match self {
            DocOrder::Path => "File name",
            DocOrder::Date => "Date",
            DocOrder::Outlet => "Outlet",
            DocOrder::Title => "Title",
        }
    }
}

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

    /// The row of the open document, from the text and claims the app holds (no file
    /// is read, which for a 10 MB text would stall the first edit). Until the
    /// background job reads the document, the filter searches its id and title only.
    pub fn of_open(id: &str, text: &str, claims: usize, status: Status) -> Self {
        let title = title_of(text);
        let haystack = format!("{id}\n{title}").to_lowercase();
        Self { title, claims, status: Some(status), error: None, haystack }
    }

    /// Whether the filter text (lower-cased) matches.
    pub fn matches(&self, filter_lower: &str) -> bool {
        filter_lower.is_empty() || self.haystack.contains(filter_lower)
    }
}

/// The list's facts, filled in as a background job reads them (see [`read_rows`]).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Listing {
    /// One slot per corpus document; `None` until read.
    pub rows: Vec<Option<DocSummary>>,
    loaded: usize,
}

impl Listing {
    /// A list of `documents` rows, none read yet.
    pub fn new(documents: usize) -> Self {
        Self { rows: vec![None; documents], loaded: 0 }
    }

    /// Puts in the row of document `index` as read in the background; where the app
    /// already put a row in (after an edit), its claim count and status are kept,
    /// as they are newer than the file read, and the text for the filter is taken.
    pub fn fill(&mut self, index: usize, summary: DocSummary) {
        if let Some(slot) = self.rows.get_mut(index) {
            match slot {
                Some(row) => {
                    row.title = summary.title;
                    row.haystack = summary.haystack;
                }
                None => *slot = Some(summary),
            }
            self.loaded += 1;
        }
    }

    /// Rows read so far and in all, for the progress indicator.
    pub fn progress(&self) -> (usize, usize) {
        (self.loaded, self.rows.len())
    }

    /// Documents marked done, and documents in all.
    pub fn done(&self) -> (usize, usize) {
        let done = self.rows.iter().flatten().filter(|r| r.status == Some(Status::Done)).count();
        (done, self.rows.len())
    }
}

/// Reads every document's facts in list order and hands each to `row` (with its
/// index); stops early when `row` returns false (the job was cancelled).
pub fn read_rows(entries: &[DocumentEntry], annotator: &Annotator, mut row: impl FnMut(usize, DocSummary) -> bool) {
    for (i, entry) in entries.iter().enumerate() {
        if !row(i, DocSummary::read(entry, annotator)) {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The open document's row is made from memory after its first edit; the
    /// background read that comes later brings the text for the filter and keeps
    /// the newer claim count and status.
    #[test]
    fn a_row_made_from_memory_keeps_its_counts_and_gains_the_filter_text() {
        let mut listing = Listing::new(2);
        let row = DocSummary::of_open("a.txt", "\n  Headline here\nBody about tariffs.", 3, Status::InProgress);
        assert_eq!((row.title.as_str(), row.claims), ("Headline here", 3));
        assert!(row.matches("headline") && row.matches("a.txt"));
        assert!(!row.matches("tariffs"), "the body is searched once read");
        listing.rows[0] = Some(row);
        let read = DocSummary {
            title: "Headline here".into(),
            claims: 1,
            status: Some(Status::Done),
            error: None,
            haystack: "a.txt\nheadline here\nbody about tariffs.".into(),
        };
        listing.fill(0, read);
        let row = listing.rows[0].clone().expect("row");
        assert_eq!((row.claims, row.status), (3, Some(Status::InProgress)), "the app's counts are newer");
        assert!(row.matches("tariffs"));
        assert_eq!(listing.progress(), (1, 2));
    }
}
