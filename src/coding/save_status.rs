//! What the save indicator says, and when to try again after a failure.

use std::time::{Duration, Instant};

/// The state of the open document's file on disk, as the user sees it.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    /// Everything is on disk.
    Saved,
    /// Changes wait for the autosave deadline.
    Pending,
    /// The last save failed; the work is in memory and the save is retried.
    Failed {
        /// One sentence naming the file and the cause.
        reason: String,
        /// When to try again.
        retry_at: Instant,
    },
    /// The file is read-only (broken or newer); nothing will be written.
    ReadOnly(String),
}

/// How long after the first unsaved change the autosave runs.
pub const AUTOSAVE_DELAY: Duration = Duration::from_millis(500);

/// How long after a failed save it is tried again.
pub const RETRY_DELAY: Duration = Duration::from_secs(3);

impl SaveStatus {
    /// The indicator's text.
    pub fn label(&self) -> String {
        match self {
            SaveStatus::Saved => "Saved".to_owned(),
            SaveStatus::Pending => "… Saving".to_owned(),
            SaveStatus::Failed { reason, .. } => format!("Not saved: {reason} (retrying; your work is kept)"),
            SaveStatus::ReadOnly(reason) => format!("Read-only: {reason}"),
        }
    }
}
