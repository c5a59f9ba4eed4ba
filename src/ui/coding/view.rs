//! The coding mode's panels: document list (left), claim inspector and claim list
//! (right), text (centre) and status bar, or what to do when there is nothing to
//! code yet.

use super::{CodingIntent, claim_list, doc_list, find_bar, inspector, status_bar};
use crate::ui::app::App;
use crate::ui::intent::{AppIntent, Intent};
use crate::ui::widgets::style::{error, warning};
use crate::ui::widgets::text_view::{self, TextView, TextViewCache};

/// Shows the coding mode below the menu bar.
pub(crate) fn show(ui: &mut egui::Ui, app: &App, text_cache: &mut TextViewCache, out: &mut Vec<Intent>) {
    if let Some(ws) = &app.workspace {
        egui::Panel::bottom("status").show(ui, |ui| status_bar::show(ui, ws, out));
        egui::Panel::left("documents")
            .resizable(true)
            .default_size(270.0)
            .min_size(180.0)
            .show(ui, |ui| doc_list::show(ui, ws, out));
        if let Some(open) = &ws.open {
            egui::Panel::right("inspector").resizable(true).default_size(340.0).min_size(260.0).show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("inspector-scroll")
                    .max_height(ui.available_height() * 0.6)
                    .show(ui, |ui| inspector::show(ui, open, &ws.project, &app.coding.inspector, out));
                ui.separator();
                claim_list::show(ui, open, &ws.project, out);
            });
        }
    }
    egui::CentralPanel::default().show(ui, |ui| central(ui, app, text_cache, out));
}

fn central(ui: &mut egui::Ui, app: &App, text_cache: &mut TextViewCache, out: &mut Vec<Intent>) {
    let Some(ws) = &app.workspace else {
        empty_state(ui, app, out);
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
                out.push(AppIntent::ShowOpenCorpus.into());
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
                out.push(CodingIntent::Reload.into());
            }
        });
        return;
    }
    let Some(open) = &ws.open else { return };
    if let Some(find) = &app.coding.find {
        find_bar::show(ui, find, out);
        ui.separator();
    }
    if let crate::store::Access::ReadOnly(e) = &open.loaded.access {
        ui.horizontal_wrapped(|ui| {
            ui.colored_label(warning(ui), format!("Read-only: {e}. The file is never overwritten; fix it and press"));
            if ui.button("Reload").clicked() {
                out.push(CodingIntent::Reload.into());
            }
        });
    }
    let missing = text_cache.missing_glyphs(ui.ctx(), &open.doc);
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
    let view = TextView { open, codebook: &codebook, find: app.coding.find.as_ref() };
    text_view::show(ui, &view, text_cache, out);
}

fn empty_state(ui: &mut egui::Ui, app: &App, out: &mut Vec<Intent>) {
    ui.vertical_centered(|ui| {
        ui.add_space(100.0);
        ui.heading("Claimcoder");
        ui.label("Code claims, their sources and reporting cues in news articles.");
        if let Some(e) = &app.error {
            ui.colored_label(error(ui), e);
        }
        if app.dialogs.annotator_prompt.is_none() && ui.button("Open a corpus folder…").clicked() {
            out.push(AppIntent::ShowOpenCorpus.into());
        }
    });
}
