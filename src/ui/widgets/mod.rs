//! The widgets: each renders part of the app's state and returns what the user
//! asked for as actions; none changes the coded data itself.

pub mod actors_window;
pub mod claim_list;
pub mod codebook_window;
pub mod dialogs;
pub mod doc_list;
pub mod find_bar;
pub mod highlight;
pub mod inspector;
pub mod layout;
pub mod list_row;
pub mod menu_bar;
pub mod shortcuts;
pub mod status_bar;
pub mod style;
pub mod text_view;
