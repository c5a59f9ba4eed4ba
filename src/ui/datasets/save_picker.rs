//! The native "save as" and "choose a folder" dialogs behind a trait, so tests can
//! inject a path. rfd's dialogs block, so they run on a [`Job`] thread; rfd answers
//! `None` both on Cancel and when the machine has no desktop portal or zenity, which
//! is why the dialogs always keep a typed-path field.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::job::Job;

/// What the user is asked to choose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PathKind {
    /// A file to create, with this extension (`csv`, `jsonl`).
    NewFile {
        /// Extension without the dot, offered as the dialog's filter.
        extension: &'static str,
    },
    /// A folder (a brat export to create, or a brat folder to import).
    Folder,
}

/// One request to the dialog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PathRequest {
    /// The dialog's title.
    pub title: &'static str,
    /// File or folder.
    pub kind: PathKind,
    /// The path typed so far, to start the dialog there.
    pub start: Option<PathBuf>,
}

/// Something that lets the user choose a path.
pub trait SavePicker: Send + Sync {
    /// Blocks until the user chose a path (`Some`) or cancelled (`None`).
    fn choose(&self, request: &PathRequest) -> Option<PathBuf>;
}

/// The desktop's own dialog through rfd (xdg portal, zenity fallback).
pub struct NativeSavePicker;

impl SavePicker for NativeSavePicker {
    fn choose(&self, request: &PathRequest) -> Option<PathBuf> {
        let mut dialog = rfd::FileDialog::new().set_title(request.title).set_can_create_directories(true);
        let start = request.start.as_deref();
        if let Some(dir) = start.and_then(existing_folder) {
            dialog = dialog.set_directory(dir);
        }
        match request.kind {
            PathKind::NewFile { extension } => {
                if let Some(name) = start.and_then(Path::file_name) {
                    dialog = dialog.set_file_name(name.to_string_lossy());
                }
                dialog.add_filter(extension, &[extension]).save_file()
            }
            PathKind::Folder => dialog.pick_folder(),
        }
    }
}

/// The folder to open the dialog in: the typed path when it is a folder, else its parent.
fn existing_folder(path: &Path) -> Option<&Path> {
    if path.is_dir() { Some(path) } else { path.parent().filter(|p| p.is_dir()) }
}

/// Opens `picker` off the UI thread; the job yields the answer once.
pub fn choose_in_background(
    picker: Arc<dyn SavePicker>,
    request: PathRequest,
    ctx: Option<egui::Context>,
) -> Job<Option<PathBuf>> {
    Job::spawn("claimcoder-save-dialog", ctx, move |_| Ok(picker.choose(&request)))
}

/// The sentence shown when the dialog gave no path.
pub const NO_PATH_CHOSEN: &str =
    "No path was chosen (or no desktop file dialog is available here): type the path instead.";
