//! The native "choose a folder" dialog behind a trait, run off the UI thread (rfd's
//! dialogs block), so tests can inject a path and a machine without a desktop portal
//! still has the typed-path field.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};

/// Something that lets the user pick a folder.
pub trait FolderPicker: Send + Sync {
    /// Blocks until the user picked a folder (`Some`) or cancelled (`None`).
    fn pick_folder(&self, start: Option<PathBuf>) -> Option<PathBuf>;
}

/// The desktop's own dialog through rfd (xdg portal, zenity fallback).
pub struct NativePicker;

impl FolderPicker for NativePicker {
    fn pick_folder(&self, start: Option<PathBuf>) -> Option<PathBuf> {
        let mut dialog = rfd::FileDialog::new().set_title("Open corpus folder");
        if let Some(dir) = start {
            dialog = dialog.set_directory(dir);
        }
        dialog.pick_folder()
    }
}

/// Runs `picker` on a background thread; the receiver yields its answer once.
pub fn pick_in_background(picker: Arc<dyn FolderPicker>, start: Option<PathBuf>) -> Receiver<Option<PathBuf>> {
    let (tx, rx) = channel();
    let spawned = std::thread::Builder::new().name("claimcoder-folder-dialog".into()).spawn(move || {
        let _ = tx.send(picker.pick_folder(start));
    });
    if spawned.is_err() {
        let (tx, rx) = channel();
        let _ = tx.send(None);
        return rx;
    }
    rx
}
