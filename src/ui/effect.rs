//! What a reducer asks the app to do outside the state it owns: apply another
//! state's intent, save the open document, read the corpus, ask for a path, start an
//! export or import, close the window. The app runs them in one place
//! (`apply.rs`), which owns the jobs, the picker and the workspace.

use super::intent::Intent;
use super::jobs::PickFor;
use super::picker::PathRequest;
use crate::export::import_corpus::CorpusImportOptions;
use crate::export::{ExportOptions, ImportOptions};

/// One thing to do outside a reducer's state.
#[derive(Debug)]
pub(crate) enum Effect {
    /// Apply this intent after the current one.
    Then(Intent),
    /// Write the open document's unsaved changes now.
    SaveDocument,
    /// Save the open document, then read the corpus into the shared dataset.
    LoadDataset,
    /// Ask the user for a path (the desktop's dialog, off the UI thread).
    Pick(PickFor, PathRequest),
    /// Find the corpus's annotators on disk (for the export window).
    ScanAnnotators,
    /// Save the open document, then write this export.
    Export(ExportOptions),
    /// Save the open document, then import this brat folder.
    Import(ImportOptions),
    /// Read these articles and describe what importing them would do.
    PreviewArticles(CorpusImportOptions),
    /// Import these articles into the open corpus.
    ImportArticles(CorpusImportOptions),
    /// Read a text's bytes for the Convert to UTF-8 window.
    ReadForConversion(std::path::PathBuf),
    /// Convert the text at `path` to UTF-8, read as `encoding`, if it still holds
    /// the `previewed` bytes.
    ConvertText {
        /// The text.
        path: std::path::PathBuf,
        /// The encoding chosen.
        encoding: &'static encoding_rs::Encoding,
        /// The bytes the preview showed.
        previewed: std::sync::Arc<[u8]>,
    },
    /// Document `index` was rewritten: list and open it afresh.
    TextConverted(usize),
    /// Run the built-in suggester on the open document, off the UI thread.
    Suggest(crate::coding::suggestions::SuggestRequest),
    /// Close the window.
    CloseWindow,
}

/// The effects of one intent, in order.
#[must_use = "effects must be run by the app"]
#[derive(Debug, Default)]
pub(crate) struct Effects(pub(crate) Vec<Effect>);

impl Effects {
    /// Nothing to do outside.
    pub(crate) fn none() -> Self {
        Self::default()
    }

    /// One effect.
    pub(crate) fn one(effect: Effect) -> Self {
        Self(vec![effect])
    }

    /// Apply `intent` next.
    pub(crate) fn then(intent: impl Into<Intent>) -> Self {
        Self::one(Effect::Then(intent.into()))
    }

    /// Adds an effect.
    pub(crate) fn and(mut self, effect: Effect) -> Self {
        self.0.push(effect);
        self
    }
}
