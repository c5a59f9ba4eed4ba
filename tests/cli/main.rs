//! The `claimcoder` binary's command line, run as a process: exit codes, output,
//! and the files each command writes.
//!
//! One test binary per surface keeps `cargo test` quick to build: each links the
//! library once.

#[path = "../support/export.rs"]
mod export_support;

mod process;

mod agreement_cli;
mod check;
mod export;
mod suggest;
