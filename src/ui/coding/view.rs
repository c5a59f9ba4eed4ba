//! The coding mode's panels: document list (left), claim inspector and claim list
//! (right), text (centre) and status bar, or what to do when there is nothing to
//! code yet.

use super::panels::{DOCUMENTS_WIDTH, INSPECTOR_WIDTH, Panel};
use super::text::{self, TextView, TextViewCache};
use super::{CodingIntent, claim_list, doc_list, find_bar, inspector, status_bar};
use crate::ui::app::App;
use crate::ui::command::Command;
use crate::ui::intent::{AppIntent, Intent};
use crate::ui::widgets::style::{error, warning};

/// Shows the coding mode below the menu bar.
pub(crate) fn show(ui: &mut egui::Ui, app: &App, text_cache: &mut TextViewCache, out: &mut Vec<Intent>) {
    if let Some(ws) = &app.workspace {
        egui::Panel::bottom("status").show(ui, |ui| status_bar::show(ui, ws, &app.coding.panels, out));
        let panels = &app.coding.panels;
        if panels.shows(Panel::Documents) {
            egui::Panel::left("documents")
                .resizable(true)
                .default_size(DOCUMENTS_WIDTH)
                .min_size(180.0)
                .show(ui, |ui| doc_list::show(ui, ws, out));
        }
        if let Some(open) = ws.open.as_ref().filter(|_| panels.shows(Panel::Inspector)) {
            egui::Panel::right("inspector").resizable(true).default_size(INSPECTOR_WIDTH).min_size(260.0).show(
                ui,
                |ui| {
                    // One scroll over the claim and the list below it, so that in a
                    // small window nothing (the note, Delete) is cut off.
                    egui::ScrollArea::vertical().id_salt("inspector-scroll").auto_shrink(false).show(ui, |ui| {
                        inspector::show(ui, open, &ws.project, &app.coding.inspector, out);
                        ui.separator();
                        claim_list::show(ui, open, &ws.project, ws.suggestions_shown, out);
                    });
                },
            );
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
    if let Some(e) = &ws.metadata_error {
        ui.colored_label(warning(ui), format!("No document metadata is shown: {e}"));
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
            ui.colored_label(error(ui), e.to_string());
            if matches!(e, crate::model::DocumentError::NotUtf8 { .. }) {
                ui.label("The file is left untouched. It was probably written in an older encoding: convert it (you see a preview first, and the original is kept), or fix it elsewhere and press Reload.");
                let convert = Command::ConvertToUtf8.spec();
                if ui.button(convert.text).on_hover_text(convert.tooltip).clicked() {
                    out.push(crate::ui::datasets::DatasetsIntent::ShowConvert.into());
                }
                if ui.button("Reload").clicked() {
                    out.push(CodingIntent::Reload.into());
                }
            } else {
                ui.label("The file is left untouched. Fix it and press Reload.");
                if ui.button("Reload").clicked() {
                    out.push(CodingIntent::Reload.into());
                }
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
    document_header(ui, ws, open.index);
    let codebook = ws.project.codebook();
    let view =
        TextView { open, codebook: &codebook, find: app.coding.find.as_ref(), suggestions_shown: ws.suggestions_shown };
    text::show(ui, &view, text_cache, out);
}

/// The document's headline, date, outlet and author above its text, and its other
/// `documents.csv` columns on demand (FORMAT.md section 1).
fn document_header(ui: &mut egui::Ui, ws: &crate::coding::Workspace, index: usize) {
    let Some(meta) = ws.meta(index) else { return };
    if let Some(title) = meta.title() {
        ui.label(egui::RichText::new(title).heading());
    }
    let date = meta
        .date()
        .map(|d| d.format("%-d %B %Y").to_string())
        .or(meta.value(crate::model::metadata::DATE).map(str::to_owned));
    let byline: Vec<String> =
        [date, meta.outlet().map(str::to_owned), meta.author().map(str::to_owned)].into_iter().flatten().collect();
    if !byline.is_empty() {
        ui.label(egui::RichText::new(byline.join(" · ")).color(crate::ui::widgets::style::muted(ui)));
    }
    let known = crate::model::metadata::KNOWN_COLUMNS;
    let others: Vec<(&str, &str)> =
        meta.values().filter(|(c, _)| !known.contains(c) || *c == crate::model::metadata::URL).collect();
    if !others.is_empty() {
        egui::CollapsingHeader::new("More about this document").id_salt("document-metadata").show(ui, |ui| {
            egui::Grid::new("document-metadata-grid").num_columns(2).show(ui, |ui| {
                for (column, value) in others {
                    ui.label(egui::RichText::new(column).strong());
                    ui.label(value);
                    ui.end_row();
                }
            });
        });
    }
    ui.separator();
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
