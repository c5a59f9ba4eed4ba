//! The text of a document as a reader sees it: paragraphs and their direction,
//! words and punctuation, sentences and clauses, quotations, and the rule by which a
//! selection snaps to words. Free of any GUI, in char offsets (FORMAT.md section 1),
//! so the app, the exports and the suggester cut text the same way.
//!
//! Everything hangs off [`TextIndex`], which holds the text and caches what was
//! computed from it:
//!
//! - [`TextIndex::paragraphs`], [`TextIndex::direction`]: lines and their base direction;
//!   [`bidi`] gives the level runs and the drawing order of a line (UAX #9).
//! - [`TextIndex::tokens`], [`TextIndex::tokens_in`], [`TextIndex::word_at`]: UAX #29
//!   words, symbols and punctuation, never white space (the `bio` export's tokens).
//! - [`TextIndex::sentences`], [`TextIndex::sentence_at`], [`TextIndex::clauses`].
//! - [`TextIndex::quotations`]: quotations, nested and over paragraphs.
//! - [`snap`]: the snapping rule for claims, mentions and cues.
//!
//! Paragraphs, sentences and quotations are computed once per text, on first use;
//! words are segmented on demand around the position asked about, which is exact
//! because word boundaries never depend on far-away text.

pub mod bidi;
mod index;
pub mod paragraphs;
pub mod quotes;
pub mod sentences;
pub mod snap;
pub mod tokens;

pub use bidi::{BidiParagraph, BidiRun, Direction};
pub use index::TextIndex;
pub use paragraphs::Paragraph;
pub use quotes::{MarkRole, Quotation, Quotations};
pub use sentences::Sentence;
pub use snap::{Precision, snap};
pub use tokens::{Token, TokenKind};
