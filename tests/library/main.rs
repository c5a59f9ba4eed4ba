//! The core without a window or a process: model, store, agreement, export,
//! text and suggestions, and the layering that keeps them free of the GUI.
//!
//! One test binary per surface keeps `cargo test` quick to build: each links the
//! library once.

#[path = "../support/export.rs"]
mod export_support;

mod agreement_coefficients;
mod agreement_matching;
mod agreement_report;
mod architecture;
mod export_golden;
mod export_import_brat;
mod export_offsets;
mod export_stats;
mod seed_codings;
mod store_bad_input;
mod store_crash;
mod store_merge;
mod store_mutations;
mod store_permissions;
mod store_reanchor;
mod store_roundtrip;
mod store_strict;
mod store_writer;
