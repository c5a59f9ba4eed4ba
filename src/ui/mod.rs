//! The desktop app: a thin egui layer over the core.

/// Opens the app; returns the process exit status.
pub fn run(_corpus: Option<std::path::PathBuf>, _annotator: Option<String>) -> i32 {
    0
}
