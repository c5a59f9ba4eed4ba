//! The actor type-ahead the inspector uses for the source and for every Actor field
//! (an addressee): type part of a name or alias, pick one of the matches, or press
//! Enter to take the exact (else the best) match, or to create the actor when the
//! registry has none.

use egui::RichText;

use crate::model::ActorRegistry;
use crate::ui::widgets::style::muted;

/// How many actors the type-ahead lists.
const SUGGESTIONS: usize = 6;

/// What the coder picked.
pub(crate) enum ActorPick {
    /// An actor of the registry, by id.
    Id(String),
    /// A name the registry does not know: create the actor.
    NewName(String),
}

/// Shows the current actor (with × to clear it when `clearable`), the search line
/// labelled by `heading` and its matches. Returns the pick, or `Some(None)` for a
/// clear; `query` is what is typed (cleared after a pick).
pub(crate) fn show(
    ui: &mut egui::Ui,
    heading: egui::Id,
    current: Option<&str>,
    registry: &ActorRegistry,
    query: &mut String,
    hint: &str,
    focus: bool,
) -> Option<Option<ActorPick>> {
    let mut picked = None;
    ui.horizontal(|ui| match current {
        Some(id) => {
            let name = registry.get(id).map(|a| a.name.as_str()).unwrap_or(id);
            ui.label(RichText::new(name).strong());
            if ui.small_button("×").on_hover_text("Clear").clicked() {
                picked = Some(None);
            }
        }
        None => {
            ui.label(RichText::new("none").color(muted(ui)));
        }
    });
    let field =
        ui.add(egui::TextEdit::singleline(query).hint_text(hint).desired_width(f32::INFINITY)).labelled_by(heading);
    if focus {
        field.request_focus();
    }
    let typed = query.trim().to_owned();
    let matches = if typed.is_empty() { Vec::new() } else { registry.search(&typed, SUGGESTIONS) };
    let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    if enter && !typed.is_empty() {
        query.clear();
        return Some(Some(match registry.find_by_name(&typed).or(matches.first().copied()) {
            Some(actor) => ActorPick::Id(actor.id.clone()),
            None => ActorPick::NewName(typed),
        }));
    }
    for actor in &matches {
        let detail = [actor.role.as_str(), actor.group.as_str()]
            .iter()
            .filter(|s| !s.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(", ");
        let text = if detail.is_empty() { actor.name.clone() } else { format!("{} — {detail}", actor.name) };
        if ui.selectable_label(current == Some(actor.id.as_str()), text).clicked() {
            picked = Some(Some(ActorPick::Id(actor.id.clone())));
        }
    }
    if !typed.is_empty() && registry.find_by_name(&typed).is_none() {
        let hint = if matches.is_empty() { "Enter creates this actor" } else { "Adds a new actor to the registry" };
        if ui.button(format!("+ New actor “{typed}”")).on_hover_text(hint).clicked() {
            picked = Some(Some(ActorPick::NewName(typed)));
        }
    }
    if picked.is_some() {
        query.clear();
    }
    picked
}
