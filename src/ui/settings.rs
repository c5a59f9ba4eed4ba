//! What the app remembers between runs (eframe persistence): the last corpus and
//! annotator, the theme, whether suggestions are hidden. Undo history and caches are deliberately not persisted.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

/// Persisted settings.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub(crate) struct Settings {
    /// The corpus opened last.
    pub last_corpus: Option<PathBuf>,
    /// The annotator who coded last.
    pub annotator: Option<String>,
    /// Whether the codebook window was open.
    pub show_codebook: bool,
    /// Light, dark or as the system says.
    pub theme: egui::ThemePreference,
    /// Whether the coder hid suggested claims (shown by default).
    pub hide_suggestions: bool,
}
