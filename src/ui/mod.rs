//! The desktop app: a thin egui layer over the core ([`crate::coding`],
//! [`crate::adjudication`], [`crate::job`] and the rest).
//!
//! - One command table ([`Command`], `command.rs`): menus, the F1 help, the keys of
//!   every mode and the letters kind keys must avoid are derived from it.
//! - One intent per user action ([`Intent`], nested by the state that applies it),
//!   produced by the keys (`keys.rs`) and by views that only read the state.
//! - One reducer per state: the app (`apply.rs`), [`coding`], [`review`],
//!   [`datasets`], [`statistics`]; each `apply` returns the effects the app runs
//!   (`effect.rs`), among them background jobs of one type (`jobs.rs`) and file
//!   dialogs behind one [`Picker`].
//!
//! A new command is a variant of [`Command`] (and its intent in `intent.rs`); a new
//! mode is a variant of [`Mode`] and a folder beside `coding/` with its intent,
//! state, reducer and views.

mod app;
mod apply;
pub(crate) mod coding;
pub(crate) mod command;
pub(crate) mod datasets;
pub mod document_view;
mod effect;
mod intent;
mod jobs;
mod keys;
mod mode;
mod picker;
pub(crate) mod review;
mod settings;
pub(crate) mod statistics;
pub(crate) mod widgets;

pub use app::{App, StartOptions};
pub use coding::CodingIntent;
pub use coding::text::TEXT_ID;
pub use command::{Command, kind_key_conflicts};
pub use datasets::DatasetsIntent;
pub use intent::{AppIntent, Intent};
pub use mode::Mode;
pub use picker::{PathKind, PathRequest, Picker};
pub use review::{ReviewIntent, dashboard};
pub use statistics::StatisticsIntent;
pub use widgets::codebook_editor::{CodebookEditor, CodebookIntent, Outcome};

/// The window icon, also shipped in `dist/` for the desktop entry.
const ICON_PNG: &[u8] = include_bytes!("../../dist/claimcoder.png");

/// Opens the app window and runs it until it closes.
pub fn run(corpus: Option<std::path::PathBuf>, annotator: Option<String>) -> Result<(), eframe::Error> {
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
    eframe::run_native("Claimcoder", options, Box::new(|cc| Ok(Box::new(App::new(cc, start)))))
}
