//! Claimcoder: code claims, their sources and reporting cues in news corpora.
//!
//! The crate is layered so the architecture reads from the folder tree. The core,
//! free of any GUI and tested on its own: [`text`] is how a document's text divides
//! (words, sentences, quotations, direction), [`model`] is the domain, [`store`] the
//! files on disk, [`coding`] the coding session (edits, undo, saving rules),
//! [`adjudication`] the gold rules, [`agreement`] and [`export`] the analyses and
//! datasets, [`job`] background work. On top: [`cli`], the command line, and [`ui`],
//! the desktop app; `main.rs` chooses between them.

pub mod adjudication;
pub mod agreement;
pub mod cli;
pub mod coding;
pub mod export;
pub mod job;
pub mod model;
pub mod store;
pub mod text;
pub mod ui;
