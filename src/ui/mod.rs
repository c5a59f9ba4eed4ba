//! The desktop app: a thin egui layer over the core. The app holds the state
//! (`app.rs`, `workspace.rs`, `open_document.rs`), widgets render it and return
//! user intents as [`action::Action`]s, and `apply.rs` applies them in one place.

pub mod action;
pub mod app;
mod apply;
pub mod datasets;
pub mod document_view;
pub mod folder_picker;
pub mod listing;
pub mod open_document;
pub mod review;
pub mod save_status;
pub mod settings;
pub mod undo;
pub mod widgets;
pub mod workspace;

pub use app::{App, StartOptions};

/// The window icon, also shipped in `dist/` for the desktop entry.
const ICON_PNG: &[u8] = include_bytes!("../../dist/claimcoder.png");

/// Opens the app; returns the process exit status.
pub fn run(corpus: Option<std::path::PathBuf>, annotator: Option<String>) -> i32 {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Claimcoder")
        .with_app_id("claimcoder")
        .with_inner_size([1280.0, 820.0])
        .with_min_inner_size([720.0, 480.0]);
    if let Ok(icon) = eframe::icon_data::from_png_bytes(ICON_PNG) {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions { viewport, renderer: eframe::Renderer::Glow, ..Default::default() };
    let start = StartOptions { corpus, annotator, ..StartOptions::default() };
    match eframe::run_native("Claimcoder", options, Box::new(|cc| Ok(Box::new(App::new(cc, start))))) {
        Ok(()) => crate::cli::EXIT_OK,
        Err(e) => {
            eprintln!("error: cannot open the window: {e}. Claimcoder needs a desktop session with OpenGL.");
            crate::cli::EXIT_DATA
        }
    }
}
