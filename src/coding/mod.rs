//! The coding session, free of any GUI so the command line, the app and the tests
//! share it: an open corpus with its saving rules ([`workspace`]), the document being
//! coded ([`open_document`]), the edits a coder makes ([`edit`]), undo ([`undo`]), the
//! document list's facts ([`listing`]) and what the save indicator says
//! ([`save_status`]). The app's coding mode turns intents into calls of these.

pub mod edit;
pub mod listing;
pub mod open_document;
pub mod save_status;
pub mod undo;
pub mod view_request;
pub mod workspace;

pub use edit::Mark;
pub use listing::{DocSummary, Listing};
pub use open_document::OpenDocument;
pub use save_status::SaveStatus;
pub use undo::{Snapshot, UndoStack};
pub use view_request::ViewRequest;
pub use workspace::Workspace;
