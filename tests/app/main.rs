//! The app driven as a user drives it: the real `App` in an egui_kittest harness,
//! keys and mouse, and the files it writes checked on disk.
//!
//! One test binary per surface keeps `cargo test` quick to build: each links the
//! library once.

#[path = "../support/app.rs"]
mod common;

mod codebook;
mod coding;
mod convert;
mod dashboard;
mod effort;
mod export;
mod files;
mod outside;
mod registry;
mod review;
mod statistics;
mod suggestions;
