//! The desktop's "choose a folder" and "save as" dialogs behind one trait, so tests
//! can answer with a fixed path. rfd's dialogs block, so the app runs them as a
//! background job; rfd answers `None` both on Cancel and when the machine has no
//! desktop portal or zenity, which is why every window that asks for a path also
//! has a field to type it.

use std::path::{Path, PathBuf};

/// What the user is asked to choose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PathKind {
    /// A folder (a corpus to open, a brat export to create, a brat folder to import).
    Folder,
    /// An existing file to read (articles to import).
    File,
    /// A file to create, with this extension (`csv`, `jsonl`).
    NewFile {
        /// Extension without the dot, offered as the dialog's filter.
        extension: &'static str,
    },
}

/// One request to the dialog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PathRequest {
    /// The dialog's title.
    pub title: &'static str,
    /// File or folder.
    pub kind: PathKind,
    /// Where to start: the path typed so far, or the open corpus.
    pub start: Option<PathBuf>,
}

/// Something that lets the user choose a path.
pub trait Picker: Send + Sync {
    /// Blocks until the user chose a path (`Some`) or cancelled (`None`).
    fn choose(&self, request: &PathRequest) -> Option<PathBuf>;
}

/// The desktop's own dialog through rfd (xdg portal, zenity fallback).
pub(crate) struct NativePicker;

impl Picker for NativePicker {
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
            PathKind::File => dialog.add_filter("articles", &["csv", "tsv", "jsonl", "ndjson", "json"]).pick_file(),
        }
    }
}

/// The folder to open the dialog in: the path when it is a folder, else its parent.
fn existing_folder(path: &Path) -> Option<&Path> {
    if path.is_dir() { Some(path) } else { path.parent().filter(|p| p.is_dir()) }
}

/// The sentence shown when the dialog gave no path.
pub(crate) const NO_PATH_CHOSEN: &str =
    "No path was chosen (or no desktop file dialog is available here): type the path instead.";
