//! The list of actors beside the charts and the selected actor's claims: the
//! keyboard- and screen-reader-friendly way into the charts, and the way from a
//! number back to the text.

use egui::RichText;

use super::StatisticsIntent;
use super::charts::kind_color;
use super::state::StatisticsState;
use crate::coding::Workspace;
use crate::ui::intent::Intent;
use crate::ui::widgets::list_row;
use crate::ui::widgets::style::muted;

/// Lists every actor, most claims first.
pub(super) fn actor_list(ui: &mut egui::Ui, state: &StatisticsState, out: &mut Vec<Intent>) {
    let Some(loaded) = state.loaded.as_ref() else { return };
    ui.heading("Actors");
    ui.label(RichText::new("Click an actor to list their claims.").color(muted(ui)));
    egui::ScrollArea::vertical().id_salt("statistics-actor-list").show(ui, |ui| {
        for actor in &loaded.stats.actors {
            let selected = state.selected_actor.as_ref() == Some(&actor.id);
            let detail = format!("{} claims · {}", actor.claims, actor.group);
            if list_row::show(ui, selected, &actor.name, &detail, None).clicked() {
                out.push(StatisticsIntent::SelectActor(actor.id.clone()).into());
            }
        }
        if loaded.stats.actors.is_empty() {
            ui.label("No claims coded yet.");
        }
    });
}

/// Lists the selected actor's claims; a click opens the claim in the coding view.
pub(super) fn claim_list(ui: &mut egui::Ui, state: &StatisticsState, ws: Option<&Workspace>, out: &mut Vec<Intent>) {
    let (Some(loaded), Some(actor)) = (&state.loaded, &state.selected_actor) else { return };
    let name = loaded.stats.actors.iter().find(|a| &a.id == actor).map_or("this actor", |a| a.name.as_str());
    ui.horizontal(|ui| {
        ui.heading(format!("Claims of {name}"));
        if ui.button("Close").on_hover_text("Close the list of claims").clicked() {
            out.push(StatisticsIntent::CloseClaims.into());
        }
    });
    ui.label(
        RichText::new(format!("{} claims. Click one to open it in the text.", state.claims.len())).color(muted(ui)),
    );
    let coder = ws.map(|w| &w.annotator);
    egui::ScrollArea::vertical().id_salt("statistics-claim-list").show(ui, |ui| {
        for row in &state.claims {
            let kind = loaded.stats.kinds.iter().find(|k| k.id == row.kind);
            let label = kind.map_or(row.kind.as_str(), |k| k.label.as_str());
            let own = coder == Some(&row.annotator);
            let detail = format!("{label} · {} · {}", row.annotator, row.title);
            let response = list_row::show(ui, false, &row.quote, &detail, kind.map(kind_color));
            let response = if own {
                response.on_hover_text(format!("{label} in {}", row.title))
            } else {
                response.on_hover_text(format!(
                    "Coded by {}: opens the document; only your own claims can be selected there",
                    row.annotator
                ))
            };
            if response.clicked() {
                out.push(StatisticsIntent::OpenClaim(row.clone()).into());
            }
        }
    });
}
