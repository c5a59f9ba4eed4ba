//! The window's arrangement for one frame: the menu bar, the current mode's panels,
//! and the windows on top. It only reads the app and returns the intents the views
//! produced; the app applies them after the frame.

use super::{actors_window, codebook_window, dialogs, help, menu_bar};
use crate::ui::app::App;
use crate::ui::coding::text::TextViewCache;
use crate::ui::intent::Intent;
use crate::ui::jobs::{PickFor, Task};
use crate::ui::mode::Mode;
use crate::ui::{coding, datasets, review, statistics};

/// What the views keep between frames to draw fast (laid-out texts); not app data.
#[derive(Default)]
pub(crate) struct ViewCaches {
    /// The coding mode's text.
    pub(crate) text: TextViewCache,
    /// The review's text with lanes and the versions of a unit.
    pub(crate) review: review::ReviewViews,
}

/// Lays out the whole window for one frame.
pub(crate) fn show(ui: &mut egui::Ui, app: &App, caches: &mut ViewCaches) -> Vec<Intent> {
    let mut out = Vec::new();
    let ctx = ui.ctx().clone();
    egui::Panel::top("menu").show(ui, |ui| menu_bar::show(ui, app, &mut out));
    match app.mode {
        Mode::Coding => coding::view::show(ui, app, &mut caches.text, &mut out),
        Mode::Review => review::show(ui, app, &mut caches.review, &mut out),
        Mode::Statistics => statistics::show(ui, app, &mut out),
    }
    datasets::show_windows(&ctx, app, &mut out);
    windows(&ctx, app, &mut out);
    out
}

fn windows(ctx: &egui::Context, app: &App, out: &mut Vec<Intent>) {
    if let Some(prompt) = &app.dialogs.annotator_prompt {
        dialogs::annotator_prompt(ctx, prompt, out);
    }
    if let Some(dialog) = &app.dialogs.open_corpus {
        dialogs::open_corpus(ctx, dialog, app.jobs.is_running(Task::Pick(PickFor::Corpus)), out);
    }
    if let Some(reason) = &app.dialogs.confirm_close {
        dialogs::confirm_close(ctx, reason, out);
    }
    if let Some(ws) = &app.workspace {
        if app.dialogs.codebook {
            codebook_window::show(ctx, &ws.project, app.dialogs.codebook_editor.as_ref(), out);
        }
        if let Some(window) = &app.dialogs.actors {
            actors_window::show(ctx, window, &ws.project, out);
        }
        if app.dialogs.conflicts && app.mode == Mode::Coding {
            coding::conflicts_panel::show(ctx, ws, out);
        }
    }
    if app.dialogs.shortcuts {
        help::show(ctx, app, out);
    }
}
