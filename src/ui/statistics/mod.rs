//! The statistics mode: headline numbers and charts of what the corpus holds, and a
//! way from an actor to their claims in the text. The charts describe the shared
//! dataset, read in the background when the mode opens (or on Refresh), never per
//! frame, so they show the files as saved.

mod actors;
mod charts;
mod field_charts;
mod state;

use egui::RichText;
pub(crate) use state::StatisticsState;
pub(crate) use state::{ActorKey, ClaimRow};

use crate::model::Annotator;
use crate::ui::app::App;
use crate::ui::intent::{AppIntent, Intent};
use crate::ui::jobs::Task;
use crate::ui::widgets::style::{muted, warning};

/// An intent of the statistics mode.
#[derive(Clone, Debug, PartialEq)]
pub enum StatisticsIntent {
    /// Count only this annotator's claims (`None`: everyone's).
    SetFilter(Option<Annotator>),
    /// List this actor's claims.
    SelectActor(ActorKey),
    /// Close the list of claims.
    CloseClaims,
    /// Open this claim's document in the coding mode (and select the claim when it
    /// is the coder's own).
    OpenClaim(ClaimRow),
}

/// Shows the statistics mode below the menu bar.
pub(crate) fn show(ui: &mut egui::Ui, app: &App, out: &mut Vec<Intent>) {
    let state = &app.statistics;
    if app.workspace.is_none() {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading("Statistics");
            ui.label("Open a corpus to see its statistics.");
        });
        return;
    }
    let Some(loaded) = &state.loaded else {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading("Statistics");
            if app.jobs.is_running(Task::Dataset) {
                crate::ui::widgets::dataset_status::reading(ui, app, out);
                return;
            }
            if let Some(e) = &app.dataset_error {
                ui.colored_label(warning(ui), format!("The corpus could not be read: {e}"));
            }
            if ui.button("Refresh").clicked() {
                out.push(AppIntent::RefreshDataset.into());
            }
        });
        return;
    };
    egui::Panel::left("statistics-actors")
        .resizable(true)
        .default_size(260.0)
        .min_size(180.0)
        .show(ui, |ui| actors::actor_list(ui, state, out));
    if state.selected_actor.is_some() {
        egui::Panel::right("statistics-claims")
            .resizable(true)
            .default_size(340.0)
            .min_size(240.0)
            .show(ui, |ui| actors::claim_list(ui, state, app.workspace.as_ref(), out));
    }
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical().id_salt("statistics-scroll").show(ui, |ui| {
            headline(ui, app, out);
            ui.add_space(8.0);
            if let Some(i) = charts::actors(ui, &loaded.stats, state.selected_actor.as_ref()) {
                let actor = loaded.stats.actors.get(i).map(|a| a.id.clone());
                if let Some(actor) = actor {
                    out.push(StatisticsIntent::SelectActor(actor).into());
                }
            }
            charts::documents(ui, &loaded.stats, &loaded.titles);
            charts::outlets(ui, &loaded.stats);
            charts::months(ui, &loaded.stats);
            charts::progress(ui, &loaded.all);
            ui.add_space(12.0);
            field_charts::distributions(ui, &loaded.stats.fields);
            for table in &loaded.stats.positions {
                field_charts::positions(ui, table);
            }
        });
    });
}

/// The numbers an analyst reads first, the annotator filter and Refresh.
fn headline(ui: &mut egui::Ui, app: &App, out: &mut Vec<Intent>) {
    let state = &app.statistics;
    let Some(loaded) = &state.loaded else { return };
    let s = &loaded.stats;
    let mut filter = state.filter.clone();
    ui.horizontal(|ui| {
        ui.heading("Statistics");
        ui.add_space(16.0);
        let shown = filter.as_ref().map_or("all annotators".to_owned(), |a| a.to_string());
        let label = ui.label("Count the claims of");
        egui::ComboBox::from_id_salt("statistics-filter")
            .selected_text(shown)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut filter, None, "all annotators");
                for a in &loaded.annotators {
                    ui.selectable_value(&mut filter, Some(a.clone()), a.as_str());
                }
            })
            .response
            .labelled_by(label.id);
        let reading = app.jobs.is_running(Task::Dataset);
        if ui.add_enabled(!reading, egui::Button::new("Refresh")).on_hover_text("Read the corpus files again").clicked()
        {
            out.push(AppIntent::RefreshDataset.into());
        }
        if reading {
            ui.spinner();
        }
    });
    if filter != state.filter {
        out.push(StatisticsIntent::SetFilter(filter).into());
    }
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
}
