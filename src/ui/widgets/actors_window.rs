//! The actor registry: browse, rename, edit aliases, group and role, and merge two
//! actors into one (their claims follow).

use egui::RichText;

use super::style::muted;
use crate::model::{Actor, Project};
use crate::ui::coding::CodingIntent;
use crate::ui::intent::{AppIntent, Intent};

/// The window's own inputs, edited by the view as a copy and sent back whole.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ActorsWindow {
    /// Filter text.
    query: String,
    /// The actor being edited.
    selected: Option<String>,
    draft: Option<Draft>,
    merge_into: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
struct Draft {
    id: String,
    name: String,
    aliases: String,
    group: String,
    role: String,
}

impl Draft {
    fn of(actor: &Actor) -> Self {
        Self {
            id: actor.id.clone(),
            name: actor.name.clone(),
            aliases: actor.aliases.join(", "),
            group: actor.group.clone(),
            role: actor.role.clone(),
        }
    }

    fn to_actor(&self) -> Actor {
        Actor {
            id: self.id.clone(),
            name: self.name.trim().to_owned(),
            aliases: self.aliases.split(',').map(str::trim).filter(|a| !a.is_empty()).map(str::to_owned).collect(),
            group: self.group.trim().to_owned(),
            role: self.role.trim().to_owned(),
        }
    }
}

/// Shows the registry window.
pub(crate) fn show(ctx: &egui::Context, inputs: &ActorsWindow, project: &Project, out: &mut Vec<Intent>) {
    let mut window = inputs.clone();
    let mut actions = Vec::new();
    let open = window_ui(ctx, &mut window, project, &mut actions);
    out.extend(actions.into_iter().map(Intent::from));
    if !open {
        out.push(AppIntent::ToggleActors.into());
    } else if window != *inputs {
        out.push(AppIntent::EditActorsWindow(window).into());
    }
}

/// The window itself; returns false when the user closed it.
fn window_ui(
    ctx: &egui::Context,
    window: &mut ActorsWindow,
    project: &Project,
    actions: &mut Vec<CodingIntent>,
) -> bool {
    let mut open = true;
    egui::Window::new("Actors").open(&mut open).default_width(560.0).default_height(420.0).show(ctx, |ui| {
        ui.label(
            RichText::new(format!("{} actors in this corpus's registry", project.actors.actors.len())).color(muted(ui)),
        );
        ui.add(egui::TextEdit::singleline(&mut window.query).hint_text("Filter actors").desired_width(f32::INFINITY));
        ui.columns(2, |cols| {
            egui::ScrollArea::vertical().id_salt("actor-list").show(&mut cols[0], |ui| {
                let shown = if window.query.trim().is_empty() {
                    project.actors.actors.iter().collect::<Vec<_>>()
                } else {
                    project.actors.search(&window.query, usize::MAX)
                };
                for actor in shown {
                    let selected = window.selected.as_deref() == Some(&actor.id);
                    if ui.selectable_label(selected, &actor.name).clicked() {
                        window.selected = Some(actor.id.clone());
                        window.draft = Some(Draft::of(actor));
                        window.merge_into = None;
                    }
                }
            });
            editor(&mut cols[1], window, project, actions);
        });
    });
    open
}

fn editor(ui: &mut egui::Ui, window: &mut ActorsWindow, project: &Project, actions: &mut Vec<CodingIntent>) {
    let Some(actor) = window.selected.as_deref().and_then(|id| project.actors.get(id)) else {
        ui.label(RichText::new("Pick an actor to edit it.").color(muted(ui)));
        return;
    };
    let draft = window.draft.get_or_insert_with(|| Draft::of(actor));
    if draft.id != actor.id {
        *draft = Draft::of(actor);
    }
    ui.label(RichText::new(format!("id: {}", actor.id)).small().color(muted(ui)));
    egui::Grid::new("actor-editor").num_columns(2).show(ui, |ui| {
        for (label, value, hint) in [
            ("Name", &mut draft.name, "display name"),
            ("Aliases", &mut draft.aliases, "comma-separated"),
            ("Group", &mut draft.group, "e.g. China"),
            ("Role", &mut draft.role, "e.g. spokesperson"),
        ] {
            ui.label(label);
            ui.add(egui::TextEdit::singleline(value).hint_text(hint));
            ui.end_row();
        }
    });
    let edited = draft.to_actor();
    let valid = !edited.name.is_empty();
    if ui.add_enabled(valid && edited != *actor, egui::Button::new("Save changes")).clicked() {
        actions.push(CodingIntent::UpdateActor(edited));
    }
    ui.separator();
    ui.label(RichText::new("Merge").strong());
    ui.label(
        RichText::new("Fold this actor into another: its names become aliases and your claims follow.")
            .color(muted(ui)),
    );
    let into_name = window
        .merge_into
        .as_deref()
        .and_then(|id| project.actors.get(id))
        .map(|a| a.name.clone())
        .unwrap_or_else(|| "choose…".to_owned());
    egui::ComboBox::from_label("into").selected_text(into_name).show_ui(ui, |ui| {
        for other in project.actors.actors.iter().filter(|a| a.id != actor.id) {
            ui.selectable_value(&mut window.merge_into, Some(other.id.clone()), &other.name);
        }
    });
    if ui.add_enabled(window.merge_into.is_some(), egui::Button::new("Merge")).clicked()
        && let Some(into) = window.merge_into.take()
    {
        actions.push(CodingIntent::MergeActors { from: actor.id.clone(), into: into.clone() });
        window.selected = Some(into);
        window.draft = None;
    }
}
