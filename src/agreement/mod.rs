//! Inter-annotator agreement (FORMAT.md section 5).
