//! Every user intent as one value, nested by the state that applies it: the app
//! itself (corpus, annotator, mode, windows), coding, review, datasets (export and
//! import) and statistics. Views and keys only produce intents; each state's `apply`
//! turns its own into changes and [`super::effect::Effects`], which is what makes
//! undo, autosave and tests uniform. Commands (`command.rs`) become intents here.

use std::path::PathBuf;
use std::sync::Arc;

use super::coding::{CodingIntent, Panel};
use super::command::Command;
use super::datasets::DatasetsIntent;
use super::mode::Mode;
use super::review::ReviewIntent;
use super::statistics::StatisticsIntent;
use super::widgets::actors_window::ActorsWindow;
use super::widgets::codebook_editor::CodebookIntent;
use crate::store::Dataset;

/// A user intent.
#[derive(Debug)]
pub enum Intent {
    /// Corpus, annotator, mode and windows.
    App(AppIntent),
    /// The coding mode.
    Coding(CodingIntent),
    /// The review mode.
    Review(ReviewIntent),
    /// The export and import windows.
    Datasets(DatasetsIntent),
    /// The statistics mode.
    Statistics(StatisticsIntent),
    /// The codebook editor.
    Codebook(CodebookIntent),
}

/// An intent of the app itself.
#[derive(Debug)]
pub enum AppIntent {
    /// Open the corpus folder at this path.
    OpenCorpus(PathBuf),
    /// Show the "Open corpus" window.
    ShowOpenCorpus,
    /// The path typed in the "Open corpus" window.
    EditCorpusPath(String),
    /// Open the desktop's folder dialog for the corpus.
    BrowseForCorpus,
    /// The folder dialog's answer.
    CorpusPicked(Result<Option<PathBuf>, String>),
    /// Close the "Open corpus" window.
    CloseOpenCorpus,
    /// Code as this annotator (validated before it is applied).
    SetAnnotator(String),
    /// The name typed in "Who is coding?".
    EditAnnotatorName(String),
    /// Ask "Who is coding?" again.
    ChangeAnnotator,
    /// Switch between coding, review and statistics.
    SetMode(Mode),
    /// Choose the light, dark or system theme (remembered).
    SetTheme(egui::ThemePreference),
    /// Read the corpus again into the dataset review and statistics show (after
    /// the files changed, or on Refresh).
    RefreshDataset,
    /// Stop reading the corpus.
    CancelDataset,
    /// The corpus as read in the background.
    DatasetLoaded(Result<Arc<Dataset>, String>),
    /// Show or hide the keyboard shortcuts.
    ToggleShortcuts,
    /// Show or hide the codebook window.
    ToggleCodebook,
    /// Show or hide the actor registry window.
    ToggleActors,
    /// Show or hide the Conflicts panel.
    ToggleConflicts,
    /// Show the Conflicts panel.
    ShowConflicts,
    /// Show or hide suggested claims (remembered).
    ToggleSuggestions,
    /// Files other programs changed in the open corpus (from the watcher).
    OutsideChanges(crate::store::watch::OutsideChanges),
    /// The registry window's inputs (filter, actor being edited).
    EditActorsWindow(ActorsWindow),
    /// Close the shortcuts window, then the mode's Escape (close the find bar,
    /// clear the selection).
    Escape,
    /// Close the window (after saving).
    Quit,
    /// Keep the window open although closing was asked (the save is retried).
    KeepWorking,
    /// Close the window and lose the changes that could not be saved.
    QuitWithoutSaving,
}

macro_rules! into_intent {
    ($($variant:ident($ty:ty)),*) => {$(
        impl From<$ty> for Intent {
            fn from(intent: $ty) -> Self {
                Intent::$variant(intent)
            }
        }
    )*};
}

into_intent!(
    App(AppIntent),
    Coding(CodingIntent),
    Review(ReviewIntent),
    Datasets(DatasetsIntent),
    Statistics(StatisticsIntent),
    Codebook(CodebookIntent)
);

impl Command {
    /// The intent this command stands for in `mode`; `None` where it does not apply.
    pub fn intent(self, mode: Mode) -> Option<Intent> {
        if !self.applies_in(mode) {
            return None;
        }
        let intent: Intent = match self {
            Command::OpenCorpus => AppIntent::ShowOpenCorpus.into(),
            Command::Save => CodingIntent::Save.into(),
            Command::Export => DatasetsIntent::ShowExport.into(),
            Command::ImportBrat => DatasetsIntent::ShowImport.into(),
            Command::ImportArticles => DatasetsIntent::ShowArticles.into(),
            Command::Reload => CodingIntent::Reload.into(),
            Command::ConvertToUtf8 => DatasetsIntent::ShowConvert.into(),
            Command::ChangeAnnotator => AppIntent::ChangeAnnotator.into(),
            Command::Quit => AppIntent::Quit.into(),
            Command::Undo | Command::Redo => {
                let back = self == Command::Undo;
                match mode {
                    Mode::Coding => if back { CodingIntent::Undo } else { CodingIntent::Redo }.into(),
                    Mode::Review => if back { ReviewIntent::Undo } else { ReviewIntent::Redo }.into(),
                    Mode::Statistics => return None,
                }
            }
            Command::MarkSourceMention => CodingIntent::Mark(crate::coding::Mark::SourceMention).into(),
            Command::MarkCue => CodingIntent::Mark(crate::coding::Mark::Cue).into(),
            Command::SpanToSelection => CodingIntent::SpanToSelection.into(),
            Command::SnapToWords => CodingIntent::SnapSelectedToWords.into(),
            Command::DeleteClaim => CodingIntent::DeleteSelected.into(),
            Command::NextField => CodingIntent::NextField.into(),
            Command::ToggleDone => CodingIntent::ToggleDone.into(),
            Command::Find => CodingIntent::Find.into(),
            Command::NextConflict => CodingIntent::NextConflict.into(),
            Command::KeepTheirs => CodingIntent::KeepTheirs.into(),
            Command::TakeMine => CodingIntent::TakeMine.into(),
            Command::ToggleConflicts => AppIntent::ToggleConflicts.into(),
            Command::NextSuggestion => CodingIntent::NextSuggestion.into(),
            Command::PrevSuggestion => CodingIntent::PrevSuggestion.into(),
            Command::AcceptSuggestion => CodingIntent::AcceptSuggestion.into(),
            Command::RejectSuggestion => CodingIntent::RejectSuggestion.into(),
            Command::ToggleSuggestions => AppIntent::ToggleSuggestions.into(),
            Command::NextClaim => CodingIntent::NextClaim.into(),
            Command::PrevClaim => CodingIntent::PrevClaim.into(),
            Command::NextDocument => CodingIntent::NextDocument.into(),
            Command::PrevDocument => CodingIntent::PrevDocument.into(),
            Command::NextUnit => ReviewIntent::NextUnit.into(),
            Command::PrevUnit => ReviewIntent::PrevUnit.into(),
            Command::ShowCoding => AppIntent::SetMode(Mode::Coding).into(),
            Command::ShowReview => AppIntent::SetMode(Mode::Review).into(),
            Command::ShowStatistics => AppIntent::SetMode(Mode::Statistics).into(),
            Command::ThemeSystem => AppIntent::SetTheme(egui::ThemePreference::System).into(),
            Command::ThemeLight => AppIntent::SetTheme(egui::ThemePreference::Light).into(),
            Command::ThemeDark => AppIntent::SetTheme(egui::ThemePreference::Dark).into(),
            Command::ToggleDocumentList => CodingIntent::TogglePanel(Panel::Documents).into(),
            Command::ToggleInspector => CodingIntent::TogglePanel(Panel::Inspector).into(),
            Command::ToggleCodebook => AppIntent::ToggleCodebook.into(),
            Command::EditCodebook => CodebookIntent::StartEditing.into(),
            Command::ToggleActors => AppIntent::ToggleActors.into(),
            Command::ToggleShortcuts => AppIntent::ToggleShortcuts.into(),
            Command::Escape => AppIntent::Escape.into(),
        };
        Some(intent)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_has_an_intent_in_every_mode_it_applies_in() {
        for mode in Mode::ALL {
            for c in Command::ALL {
                assert_eq!(c.intent(mode).is_some(), c.applies_in(mode), "{c:?} in {mode:?}");
            }
        }
    }

    #[test]
    fn one_key_means_what_the_mode_needs() {
        assert!(matches!(Command::Undo.intent(Mode::Coding), Some(Intent::Coding(CodingIntent::Undo))));
        assert!(matches!(Command::Undo.intent(Mode::Review), Some(Intent::Review(ReviewIntent::Undo))));
        assert!(matches!(Command::NextUnit.intent(Mode::Review), Some(Intent::Review(ReviewIntent::NextUnit))));
        assert!(Command::NextClaim.intent(Mode::Statistics).is_none(), "coding keys never act unseen");
    }
}
