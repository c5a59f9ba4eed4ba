//! The statistics view: headline numbers and charts of what the corpus holds, and a
//! way from an actor to their claims in the text. The corpus is read from disk once
//! when the view opens (or on Refresh), never per frame, so the charts describe the
//! files as saved.

mod actors;
mod charts;
mod data;

use egui::RichText;

pub use data::StatisticsState;

use crate::model::Annotator;
use crate::ui::action::Action;
use crate::ui::widgets::style::{muted, warning};
use crate::ui::workspace::Workspace;

/// Shows the statistics view over the open corpus with the given state; separate
/// from [`show`] so the state can live wherever the app keeps it.
pub fn show_with(
    ui: &mut egui::Ui,
    workspace: Option<&mut Workspace>,
    state: &mut StatisticsState,
    actions: &mut Vec<Action>,
) {
    let Some(ws) = workspace else {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading("Statistics");
            ui.label("Open a corpus to see its statistics.");
        });
        return;
    };
    state.refresh_if_needed(ui.ctx().cumulative_frame_nr(), ws);
    if state.loaded.is_none() {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading("Statistics");
            if let Some(e) = &state.error {
                ui.colored_label(warning(ui), format!("The corpus could not be read: {e}"));
            }
            if ui.button("Refresh").clicked() {
                state.refresh = true;
            }
        });
        return;
    }
    let mut chosen_actor = None;
    egui::Panel::left("statistics-actors")
        .resizable(true)
        .default_size(260.0)
        .min_size(180.0)
        .show(ui, |ui| chosen_actor = actors::actor_list(ui, state));
    if state.selected_actor.is_some() {
        egui::Panel::right("statistics-claims").resizable(true).default_size(340.0).min_size(240.0).show(ui, |ui| {
            if actors::claim_list(ui, state, ws, actions) {
                state.selected_actor = None;
            }
        });
    }
    let mut filter = state.filter.clone();
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical().id_salt("statistics-scroll").show(ui, |ui| {
            if headline(ui, state, &mut filter) {
                state.refresh = true;
            }
            ui.add_space(8.0);
            if let Some(loaded) = &state.loaded {
                if let Some(i) = charts::actors(ui, &loaded.stats, state.selected_actor.as_ref()) {
                    chosen_actor = loaded.stats.actors.get(i).map(|a| a.id.clone());
                }
                charts::documents(ui, &loaded.stats, &loaded.titles);
                charts::progress(ui, &loaded.all);
            }
        });
    });
    if filter != state.filter {
        state.set_filter(filter);
    }
    if let Some(actor) = chosen_actor {
        state.select_actor(actor);
    }
    if state.refresh {
        ui.ctx().request_repaint();
    }
}

/// The numbers an analyst reads first, the annotator filter and Refresh; returns
/// whether Refresh was clicked.
fn headline(ui: &mut egui::Ui, state: &StatisticsState, filter: &mut Option<Annotator>) -> bool {
    let Some(loaded) = &state.loaded else { return false };
    let s = &loaded.stats;
    let mut refresh = false;
    ui.horizontal(|ui| {
        ui.heading("Statistics");
        ui.add_space(16.0);
        let shown = filter.as_ref().map_or("all annotators".to_owned(), |a| a.to_string());
        let label = ui.label("Count the claims of");
        egui::ComboBox::from_id_salt("statistics-filter")
            .selected_text(shown)
            .show_ui(ui, |ui| {
                ui.selectable_value(filter, None, "all annotators");
                for a in &loaded.annotators {
                    ui.selectable_value(filter, Some(a.clone()), a.as_str());
                }
            })
            .response
            .labelled_by(label.id);
        refresh = ui.button("Refresh").on_hover_text("Read the corpus files again").clicked();
    });
    ui.label(
        RichText::new(format!("{} documents · {} coded · {} done · {} claims", s.documents, s.coded, s.done, s.claims))
            .strong(),
    );
    for a in &loaded.all.by_annotator {
        let who = if a.annotator == crate::model::annotator::GOLD {
            "gold (adjudicated)".to_owned()
        } else {
            a.annotator.clone()
        };
        ui.label(format!(
            "{who}: {} claims · {} of {} documents done, {} in progress",
            a.claims, a.done, s.documents, a.in_progress
        ));
    }
    if state.filter.is_some() || loaded.annotators.len() > 1 {
        ui.label(
            RichText::new("Charts of actors and documents count the claims of the annotators chosen above.")
                .color(muted(ui)),
        );
    }
    if !loaded.dataset.errors.is_empty() {
        ui.colored_label(
            warning(ui),
            format!("{} files could not be read and are left out:", loaded.dataset.errors.len()),
        );
        for e in &loaded.dataset.errors {
            ui.label(RichText::new(e).small());
        }
    }
    refresh
}
