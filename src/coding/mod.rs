//! The coding session, free of any GUI so the command line, the app and the tests
//! share it: an open corpus with its saving rules ([`workspace`]), the document being
//! coded ([`open_document`]), the edits a coder makes ([`edit`], claim fields in [`field_edit`], the
//! codebook in [`codebook_edit`]), undo ([`undo`]), the
//! document list's facts ([`listing`]), what the save indicator says
//! ([`save_status`]), changes other programs make while it is open ([`outside`])
//! and the conflicts their merges leave ([`conflicts`]), and the suggested claims
//! offered on the open document ([`suggestions`]). The app's coding mode turns intents into calls of these.

pub mod codebook_edit;
pub mod conflicts;
pub mod edit;
pub mod field_edit;
pub mod listing;
pub mod open_document;
pub mod outside;
pub mod save_status;
pub mod suggestions;
pub mod undo;
pub mod view_request;
pub mod workspace;

pub use conflicts::{ConflictLog, PendingConflict};
pub use edit::Mark;
pub use listing::{DocSummary, Listing};
pub use open_document::OpenDocument;
pub use save_status::SaveStatus;
pub use suggestions::{Offer, Suggestions};
pub use undo::{Kept, Snapshot, UndoStack};
pub use view_request::ViewRequest;
pub use workspace::Workspace;
