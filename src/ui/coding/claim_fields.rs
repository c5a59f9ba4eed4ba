//! The claim fields in the inspector (FORMAT.md section 2): an Actor field with the
//! same type-ahead as the source, a Category or Scale as a row of choices numbered
//! for the digit keys, a Text field as a line. `F` (Next claim field) walks the
//! fields: a choice field then takes the digits, an actor or text field the
//! keyboard. Each field's definition is its hover text, and shown under the field
//! the keyboard is on. A value the codebook does not allow is shown and kept.

use std::collections::BTreeMap;

use egui::RichText;

use super::CodingIntent;
use super::actor_picker::{self, ActorPick};
use crate::coding::ViewRequest;
use crate::model::{Claim, ClaimId, Field, FieldType, Project};
use crate::ui::command::Command;
use crate::ui::widgets::request::Fresh as _;
use crate::ui::widgets::style::{muted, warning};

/// What is typed in the claim fields, and which field the keyboard is on.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FieldInputs {
    /// The claim the typed text belongs to (cleared for another claim).
    claim: Option<ClaimId>,
    /// What is typed in each Actor field's search line, by field id.
    queries: BTreeMap<String, String>,
    /// Each Text field's line while it is edited, by field id.
    texts: BTreeMap<String, String>,
    /// The field `F` reached: digits pick its choices.
    pub(crate) active: Option<String>,
    /// Give this field's line the keyboard focus.
    focus: ViewRequest<String>,
}

impl FieldInputs {
    /// Moves the keyboard to the next field of the codebook (after the last, the
    /// first again); the inspector scrolls to it, and an Actor or Text field's line
    /// takes the focus.
    pub(crate) fn next(&mut self, project: &Project) {
        let fields = &project.fields;
        if fields.is_empty() {
            return;
        }
        let at = self.active.as_ref().and_then(|a| fields.iter().position(|f| &f.id == a));
        let next = &fields[at.map_or(0, |i| (i + 1) % fields.len())];
        self.active = Some(next.id.clone());
        self.focus.send(next.id.clone());
    }

    /// The active field when it takes digits (a Category or Scale).
    pub(crate) fn choice_field<'a>(&self, project: &'a Project) -> Option<&'a Field> {
        let id = self.active.as_deref()?;
        project.fields.iter().find(|f| f.id == id && matches!(f.r#type, FieldType::Category | FieldType::Scale))
    }
}

/// Shows every codebook field of `claim`, then values of fields the codebook lacks.
pub(crate) fn show(
    ui: &mut egui::Ui,
    claim: &Claim,
    project: &Project,
    state: &mut FieldInputs,
    actions: &mut Vec<CodingIntent>,
) {
    if state.claim != Some(claim.id) {
        state.claim = Some(claim.id);
        state.queries.clear();
        state.texts.clear();
    }
    let focus = state.focus.fresh(ui.ctx(), egui::Id::unique("claim-fields-focus")).cloned();
    let key = Command::NextField.shortcut_text(ui.ctx()).unwrap_or_default();
    ui.label(RichText::new(format!("Fields ({key} goes to the next; digits pick a choice)")).color(muted(ui)));
    for field in &project.fields {
        let active = state.active.as_deref() == Some(field.id.as_str());
        let mut title = RichText::new(&field.label).strong();
        if active {
            title = title.background_color(ui.visuals().selection.bg_fill).color(ui.visuals().selection.stroke.color);
        }
        let heading = ui.label(title);
        let heading = if field.definition.is_empty() { heading } else { heading.on_hover_text(&field.definition) };
        let here = focus.as_deref() == Some(field.id.as_str());
        if here {
            heading.scroll_to_me(Some(egui::Align::TOP));
        }
        if active && !field.definition.is_empty() {
            ui.label(RichText::new(&field.definition).small().color(muted(ui)));
        }
        let value = claim.fields.get(&field.id).map(String::as_str);
        let set = |v: Option<String>| CodingIntent::SetField(claim.id, field.id.clone(), v);
        match field.r#type {
            FieldType::Category | FieldType::Scale => ui.horizontal_wrapped(|ui| {
                for (i, choice) in field.values.iter().enumerate() {
                    let text = if i < 9 { format!("{} {}", i + 1, choice.label) } else { choice.label.clone() };
                    let selected = value == Some(choice.value.as_str());
                    let button = ui.add(egui::Button::selectable(selected, text));
                    let hover = if field.r#type == FieldType::Scale {
                        format!("value {}", choice.value)
                    } else {
                        choice.value.clone()
                    };
                    if button.on_hover_text(hover).clicked() {
                        actions.push(set(if selected { None } else { Some(choice.value.clone()) }));
                    }
                }
            }),
            FieldType::Actor => ui.vertical(|ui| {
                let query = state.queries.entry(field.id.clone()).or_default();
                let hint = format!("Type {} name…", article(&field.label));
                match actor_picker::show(ui, heading.id, value, &project.actors, query, &hint, here) {
                    Some(None) => actions.push(set(None)),
                    Some(Some(ActorPick::Id(id))) => actions.push(set(Some(id))),
                    Some(Some(ActorPick::NewName(name))) => {
                        actions.push(CodingIntent::SetFieldActorByName(claim.id, field.id.clone(), name));
                    }
                    None => {}
                }
            }),
            FieldType::Text => ui.vertical(|ui| {
                let id = egui::Id::unique(("claim-field", &field.id));
                let editing = ui.ctx().memory(|m| m.has_focus(id));
                let text = state.texts.entry(field.id.clone()).or_default();
                if !editing {
                    *text = value.unwrap_or_default().to_owned();
                }
                let line = ui
                    .add(egui::TextEdit::singleline(text).id(id).desired_width(f32::INFINITY))
                    .labelled_by(heading.id);
                if here {
                    line.request_focus();
                }
                if line.changed() {
                    actions.push(set(Some(text.clone())));
                }
            }),
        };
        if let Some(v) = value
            && let Some(why) = field.disallowed(v)
        {
            ui.colored_label(warning(ui), format!("{} {why}; kept until you change it", field.label));
        }
    }
    let others: Vec<String> = claim
        .fields
        .iter()
        .filter(|(id, _)| project.fields.iter().all(|f| &f.id != *id))
        .map(|(id, v)| format!("{id} = {v}"))
        .collect();
    if !others.is_empty() {
        ui.label(
            RichText::new(format!("Not in the codebook (kept): {}", others.join("; "))).small().color(warning(ui)),
        );
    }
}

/// "an" or "a" before a label, for the search line's hint.
fn article(label: &str) -> String {
    let lower = label.to_lowercase();
    let an = lower.starts_with(['a', 'e', 'i', 'o', 'u']);
    format!("{} {lower}", if an { "an" } else { "a" })
}
