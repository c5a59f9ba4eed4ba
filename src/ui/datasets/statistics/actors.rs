//! The list of actors beside the charts and the selected actor's claims: the
//! keyboard- and screen-reader-friendly way into the charts, and the way from a
//! number back to the text.

use egui::RichText;

use super::charts::kind_color;
use super::data::{ActorKey, StatisticsState};
use crate::ui::action::{Action, Mode};
use crate::ui::widgets::list_row;
use crate::ui::widgets::style::muted;
use crate::ui::workspace::Workspace;

/// Lists every actor, most claims first; returns the one clicked.
pub(super) fn actor_list(ui: &mut egui::Ui, state: &StatisticsState) -> Option<ActorKey> {
    let loaded = state.loaded.as_ref()?;
    let mut chosen = None;
    ui.heading("Actors");
    ui.label(RichText::new("Click an actor to list their claims.").color(muted(ui)));
    egui::ScrollArea::vertical().id_salt("statistics-actor-list").show(ui, |ui| {
        for actor in &loaded.stats.actors {
            let selected = state.selected_actor.as_ref() == Some(&actor.id);
            let detail = format!("{} claims · {}", actor.claims, actor.group);
            if list_row::show(ui, selected, &actor.name, &detail, None).clicked() {
                chosen = Some(actor.id.clone());
            }
        }
        if loaded.stats.actors.is_empty() {
            ui.label("No claims coded yet.");
        }
    });
    chosen
}

/// Lists the selected actor's claims; a click opens the claim in the coding view.
/// Returns whether the list was closed.
pub(super) fn claim_list(
    ui: &mut egui::Ui,
    state: &StatisticsState,
    ws: &Workspace,
    actions: &mut Vec<Action>,
) -> bool {
    let (Some(loaded), Some(actor)) = (&state.loaded, &state.selected_actor) else { return false };
    let name = loaded.stats.actors.iter().find(|a| &a.id == actor).map_or("this actor", |a| a.name.as_str());
    let mut close = false;
    ui.horizontal(|ui| {
        ui.heading(format!("Claims of {name}"));
        close = ui.button("Close").on_hover_text("Close the list of claims").clicked();
    });
    ui.label(
        RichText::new(format!("{} claims. Click one to open it in the text.", state.claims.len())).color(muted(ui)),
    );
    let coder = state.coder();
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
            if response.clicked()
                && let Some(index) = ws.corpus.documents.iter().position(|e| e.id == row.document)
            {
                actions.push(Action::SetMode(Mode::Coding));
                actions.push(Action::OpenDocument(index));
                if own {
                    actions.push(Action::SelectClaim(Some(row.id)));
                }
            }
        }
    });
    close
}
