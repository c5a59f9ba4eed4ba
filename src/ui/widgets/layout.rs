//! The window's arrangement: menu bar, document list (left), claim inspector and
//! claim list (right), text (centre), status bar, and the windows on top.

use egui::RichText;

use super::dialogs::{CloseChoice, OpenCorpusRequest};
use super::style::{error, muted, warning};
use super::{
    actors_window, claim_list, codebook_window, dialogs, doc_list, inspector, menu_bar, status_bar, text_view,
};
use crate::ui::action::{Action, Mode, SHORTCUTS};
use crate::ui::app::App;

/// Lays out the whole window for one frame; the actions the widgets produce are
/// queued on the app and applied after the frame.
pub fn show(ui: &mut egui::Ui, app: &mut App) {
    let mut actions = Vec::new();
    let ctx = ui.ctx().clone();
    egui::Panel::top("menu").show(ui, |ui| menu_bar::show(ui, app, &mut actions));
    match app.mode {
        Mode::Coding => coding(ui, app, &mut actions),
        Mode::Review => crate::ui::review::show(ui, app, &mut actions),
        Mode::Statistics => crate::ui::datasets::show_statistics(ui, app, &mut actions),
    }
    crate::ui::datasets::show_windows(&ctx, app, &mut actions);
    windows(&ctx, app, &mut actions);
    app.queued.extend(actions);
}

/// The coding view: document list, text, inspector and claim list.
fn coding(ui: &mut egui::Ui, app: &mut App, actions: &mut Vec<Action>) {
    let actions_out = actions;
    let mut actions = Vec::new();
    if let Some(ws) = &mut app.workspace {
        egui::Panel::bottom("status").show(ui, |ui| status_bar::show(ui, ws, &mut actions));
        egui::Panel::left("documents")
            .resizable(true)
            .default_size(270.0)
            .min_size(180.0)
            .show(ui, |ui| doc_list::show(ui, ws, &mut actions));
        if let Some(open) = &ws.open {
            egui::Panel::right("inspector").resizable(true).default_size(340.0).min_size(260.0).show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("inspector-scroll")
                    .max_height(ui.available_height() * 0.6)
                    .show(ui, |ui| inspector::show(ui, open, &ws.project, &mut app.inspector, &mut actions));
                ui.separator();
                claim_list::show(ui, open, &ws.project, &mut actions);
            });
        }
    }
    egui::CentralPanel::default().show(ui, |ui| central(ui, app, &mut actions));
    actions_out.extend(actions);
}

fn central(ui: &mut egui::Ui, app: &mut App, actions: &mut Vec<Action>) {
    let Some(ws) = &mut app.workspace else {
        empty_state(ui, app, actions);
        return;
    };
    if let Some(e) = &ws.project_error {
        ui.colored_label(error(ui), format!("The codebook file has an error and is not used or written: {e}"));
    }
    if ws.corpus.documents.is_empty() {
        ui.vertical_centered(|ui| {
            ui.add_space(80.0);
            ui.heading("This folder has no documents yet");
            ui.label(format!(
                "Put plain-text (.txt) articles into {} and reopen it, or open another folder.",
                ws.corpus.root.display()
            ));
            if ui.button("Open another corpus…").clicked() {
                actions.push(Action::ShowOpenCorpus);
            }
        });
        return;
    }
    if let Some((_, e)) = &ws.open_error {
        ui.vertical_centered(|ui| {
            ui.add_space(80.0);
            ui.heading("This document cannot be opened");
            ui.colored_label(error(ui), e);
            ui.label("The file is left untouched. Fix its encoding (save it as UTF-8) and press Reload.");
            if ui.button("Reload").clicked() {
                actions.push(Action::Reload);
            }
        });
        return;
    }
    let Some(open) = &mut ws.open else { return };
    if let Some(find) = &mut app.dialogs.find {
        find.show(ui, open, actions);
        ui.separator();
    }
    if let crate::store::Access::ReadOnly(e) = &open.loaded.access {
        ui.horizontal_wrapped(|ui| {
            ui.colored_label(warning(ui), format!("Read-only: {e}. The file is never overwritten; fix it and press"));
            if ui.button("Reload").clicked() {
                actions.push(Action::Reload);
            }
        });
    }
    let missing = app.text_cache.missing_glyphs(ui.ctx(), &open.doc);
    if !missing.is_empty() {
        ui.colored_label(
            warning(ui),
            format!(
                "Some characters cannot be drawn with the fonts on this system ({}). Install a font that covers them (e.g. Noto Sans CJK) and restart.",
                missing.iter().collect::<String>()
            ),
        );
    }
    let codebook = ws.project.codebook();
    text_view::show(ui, open, &codebook, app.dialogs.find.as_ref(), &mut app.text_cache, actions);
}

fn empty_state(ui: &mut egui::Ui, app: &App, actions: &mut Vec<Action>) {
    ui.vertical_centered(|ui| {
        ui.add_space(100.0);
        ui.heading("Claimcoder");
        ui.label("Code claims, their sources and reporting cues in news articles.");
        if let Some(e) = &app.error {
            ui.colored_label(error(ui), e);
        }
        if app.dialogs.annotator_prompt.is_none() && ui.button("Open a corpus folder…").clicked() {
            actions.push(Action::ShowOpenCorpus);
        }
    });
}

fn windows(ctx: &egui::Context, app: &mut App, actions: &mut Vec<Action>) {
    if let Some(prompt) = &mut app.dialogs.annotator_prompt {
        dialogs::annotator_prompt(ctx, prompt, actions);
    }
    if let Some(dialog) = &mut app.dialogs.open_corpus {
        match dialogs::open_corpus(ctx, dialog, app.picker_rx.is_some()) {
            OpenCorpusRequest::None => {}
            OpenCorpusRequest::Open(path) => actions.push(Action::OpenCorpus(path.trim().into())),
            OpenCorpusRequest::Browse => app.browse_for_corpus(),
            OpenCorpusRequest::Cancel => app.dialogs.open_corpus = None,
        }
    }
    if let Some(reason) = app.dialogs.confirm_close.clone() {
        match dialogs::confirm_close(ctx, &reason) {
            CloseChoice::None => {}
            CloseChoice::Stay => app.dialogs.confirm_close = None,
            CloseChoice::Discard => app.close_anyway(),
        }
    }
    if let Some(ws) = &app.workspace {
        if app.dialogs.codebook {
            codebook_window::show(ctx, &mut app.dialogs.codebook, &ws.project);
        }
        if let Some(window) = &mut app.dialogs.actors
            && !actors_window::show(ctx, window, &ws.project, actions)
        {
            app.dialogs.actors = None;
        }
    }
    if app.dialogs.shortcuts {
        let mut open = true;
        egui::Window::new("Keyboard shortcuts").open(&mut open).default_width(460.0).show(ctx, |ui| {
            egui::Grid::new("shortcuts").num_columns(2).striped(true).show(ui, |ui| {
                if app.mode == Mode::Review {
                    for (keys, does) in crate::ui::review::keys::REVIEW_SHORTCUTS {
                        ui.label(RichText::new(*keys).strong().monospace());
                        ui.label(*does);
                        ui.end_row();
                    }
                } else if let Some(ws) = &app.workspace {
                    for kind in &ws.project.kinds {
                        ui.label(RichText::new(&kind.key).strong().monospace());
                        ui.label(format!("code the selection as {} (or re-kind the selected claim)", kind.label));
                        ui.end_row();
                    }
                }
                for s in SHORTCUTS.iter().filter(|_| app.mode != Mode::Review) {
                    ui.label(RichText::new(s.keys).strong().monospace());
                    ui.label(s.does);
                    ui.end_row();
                }
            });
            ui.label(RichText::new("Letter keys act while the text (not a text field) has focus.").color(muted(ui)));
        });
        app.dialogs.shortcuts = open;
    }
}
