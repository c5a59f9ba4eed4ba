//! The widgets shared by the modes (menu bar, help, dialogs, windows, list rows, the
//! document text, style) and the frame's arrangement (`layout.rs`). Each renders
//! part of the app's state and returns what the user asked for as intents; none
//! changes the app's state itself.

pub(crate) mod actors_window;
pub(crate) mod bidi_line;
pub(crate) mod codebook_editor;
pub(crate) mod codebook_editor_view;
pub(crate) mod codebook_window;
pub(crate) mod dataset_status;
pub(crate) mod dialogs;
pub(crate) mod help;
pub(crate) mod layout;
pub(crate) mod list_row;
pub(crate) mod menu_bar;
pub(crate) mod plot;
pub(crate) mod request;
pub(crate) mod style;
pub(crate) mod working;
