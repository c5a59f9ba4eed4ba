//! Claimcoder: code claims, their sources and reporting cues in news corpora.
//!
//! The crate is layered so the architecture reads from the folder tree:
//! [`model`] is the domain, [`store`] the files on disk, [`agreement`] and
//! [`export`] the analyses and datasets, [`cli`] the command line, and [`ui`] the
//! desktop app, a thin layer that sends every user intent through one action type.

pub mod agreement;
pub mod cli;
pub mod export;
pub mod model;
pub mod store;
pub mod suggest;
pub mod ui;
