//! The codebook editor's view: kinds and fields as rows to edit, each problem shown
//! under its row, used ids shown fixed, and the claims a removal would orphan with a
//! choice of what they become. It edits a copy of the draft and returns intents.

use egui::{Color32, RichText};

use super::codebook_editor::{CodebookEditor, CodebookIntent, Outcome};
use super::style::{error, muted, warning};
use crate::model::codebook::parse_hex_color;
use crate::model::{Codebook, CodebookError, FieldType, MapTo, Orphan, Place, UseCount};
use crate::ui::command::reserved_keys;
use crate::ui::intent::Intent;

const FIELD_TYPES: [FieldType; 4] = [FieldType::Actor, FieldType::Category, FieldType::Scale, FieldType::Text];

/// The editor inside the codebook window.
pub(crate) fn show(ui: &mut egui::Ui, editor: &CodebookEditor, saved: &Codebook, out: &mut Vec<Intent>) {
    let mut send = |i: CodebookIntent| out.push(i.into());
    let problems = editor.draft.validate(&reserved_keys());
    let orphaned = editor.orphans();
    let undecided = orphaned.iter().filter(|(o, _)| !editor.remap.0.contains_key(o)).count();
    ui.horizontal_wrapped(|ui| {
        let ready = problems.is_empty() && undecided == 0;
        let save = ui.add_enabled(ready, egui::Button::new("Save codebook"));
        if save.clicked() {
            send(CodebookIntent::Save);
        }
        if ui.button("Close editor").on_hover_text("Drop the changes not saved and show the codebook").clicked() {
            send(CodebookIntent::StopEditing);
        }
        if !problems.is_empty() {
            let n = problems.len();
            ui.colored_label(error(ui), format!("{n} problem{} to fix before saving", if n == 1 { "" } else { "s" }));
        } else if undecided > 0 {
            ui.colored_label(warning(ui), "Choose what the claims below get before saving");
        }
    });
    if let Some(why) = &editor.blocked {
        ui.colored_label(error(ui), why);
    }
    match &editor.outcome {
        Some(Outcome::Saved(message, unreadable)) => {
            ui.label(RichText::new(message).color(muted(ui)));
            for file in unreadable {
                ui.colored_label(warning(ui), format!("Not read, left as it is: {file}"));
            }
        }
        Some(Outcome::Refused(why)) => {
            ui.colored_label(error(ui), why);
        }
        None => {}
    }
    if editor.base != *saved {
        ui.colored_label(warning(ui), "The saved codebook changed (undo or redo) since this draft began.");
        if ui.button("Start again from the saved codebook").clicked() {
            send(CodebookIntent::StartEditing);
        }
    }
    ui.separator();
    let mut draft = editor.draft.clone();
    egui::ScrollArea::vertical().id_salt("codebook-editor").max_height(room_below(ui)).show(ui, |ui| {
        if !orphaned.is_empty() {
            orphans_ui(ui, editor, &orphaned, &mut send);
            ui.separator();
        }
        ui.heading("Claim kinds");
        for i in 0..draft.kinds.len() {
            kind_ui(ui, &mut draft, i, editor, &problems, &mut send);
        }
        if ui.button("Add kind").clicked() {
            send(CodebookIntent::AddKind);
        }
        ui.separator();
        ui.heading("Claim fields");
        for i in 0..draft.fields.len() {
            field_ui(ui, &mut draft, i, editor, &problems, &mut send);
        }
        ui.horizontal_wrapped(|ui| {
            ui.label("Add field:");
            for t in FIELD_TYPES {
                if ui.button(t.as_str()).on_hover_text(type_hint(t)).clicked() {
                    send(CodebookIntent::AddField(t));
                }
            }
        });
    });
    if draft != editor.draft {
        send(CodebookIntent::Edit(draft));
    }
}

fn type_hint(t: FieldType) -> &'static str {
    match t {
        FieldType::Actor => "An actor of the registry, typed like the source (e.g. the addressee)",
        FieldType::Category => "One of a list of choices, unordered (e.g. the issue)",
        FieldType::Scale => "One of a list of integer choices, in order (e.g. the position, -1 to 1)",
        FieldType::Text => "Free text, not part of agreement (e.g. the justification)",
    }
}

/// Each orphaned id or value, how many claims use it, and what they become.
fn orphans_ui(
    ui: &mut egui::Ui,
    editor: &CodebookEditor,
    orphaned: &[(Orphan, UseCount)],
    send: &mut impl FnMut(CodebookIntent),
) {
    ui.label(RichText::new("Claims that need a new value").strong());
    ui.label(
        RichText::new("What you removed is used by coded claims. Choose what they get; saving rewrites their files.")
            .color(muted(ui)),
    );
    for (orphan, count) in orphaned {
        ui.horizontal_wrapped(|ui| {
            ui.label(format!("{}: {}", orphan.describe(&editor.base), count.describe()));
            let current = editor.remap.0.get(orphan);
            let options = targets(orphan, &editor.draft);
            let shown = match current {
                None => "choose…".to_owned(),
                Some(to) => {
                    options.iter().find(|(t, _)| t == to).map_or_else(|| "choose…".to_owned(), |(_, l)| l.clone())
                }
            };
            egui::ComboBox::from_id_salt(("map", orphan)).selected_text(shown).show_ui(ui, |ui| {
                for (to, label) in &options {
                    if ui.selectable_label(current == Some(to), label).clicked() {
                        send(CodebookIntent::MapOrphan(orphan.clone(), Some(to.clone())));
                    }
                }
            });
        });
    }
}

/// What the claims of `orphan` may become in `draft`, with what the menu says.
fn targets(orphan: &Orphan, draft: &Codebook) -> Vec<(MapTo, String)> {
    match orphan {
        Orphan::Kind(_) => draft.kinds.iter().map(|k| (MapTo::Value(k.id.clone()), k.label.clone())).collect(),
        Orphan::Field(_) => vec![(MapTo::Clear, "remove their values".to_owned())],
        Orphan::Value { field, .. } => {
            let mut v: Vec<(MapTo, String)> = draft
                .field(field)
                .map(|f| f.values.iter().map(|c| (MapTo::Value(c.value.clone()), c.label.clone())).collect())
                .unwrap_or_default();
            v.push((MapTo::Clear, "no value".to_owned()));
            v
        }
    }
}

/// The problems at `place`, in red under its row.
fn problems_at(ui: &mut egui::Ui, problems: &[(Place, CodebookError)], place: Place) {
    for (_, e) in problems.iter().filter(|(p, _)| *p == place) {
        ui.colored_label(error(ui), e.to_string());
    }
}

/// Up, down and remove buttons; sends the intent for the one clicked.
fn row_buttons(ui: &mut egui::Ui, place: Place, last: bool, send: &mut impl FnMut(CodebookIntent)) {
    let first = match place {
        Place::Kind(i) | Place::Field(i) | Place::Choice(_, i) => i == 0,
    };
    if ui.add_enabled(!first, egui::Button::new("Up").small()).on_hover_text("Move up").clicked() {
        send(CodebookIntent::Move(place, true));
    }
    if ui.add_enabled(!last, egui::Button::new("Down").small()).on_hover_text("Move down").clicked() {
        send(CodebookIntent::Move(place, false));
    }
    if ui.small_button("Remove").on_hover_text("Remove").clicked() {
        send(CodebookIntent::Remove(place));
    }
}

/// The id line under a kind or field: editable until a claim uses it, then shown
/// fixed with how many claims use it.
fn id_ui(ui: &mut egui::Ui, id: &mut String, used: Option<&UseCount>) {
    ui.horizontal_wrapped(|ui| {
        ui.add_space(INDENT);
        match used {
            Some(count) => {
                ui.label(RichText::new(format!("id {id}")).monospace().color(muted(ui)));
                ui.label(RichText::new(format!("fixed: used by {}", count.describe())).small().color(muted(ui)));
            }
            None => {
                ui.label(RichText::new("id").color(muted(ui)));
                ui.add(egui::TextEdit::singleline(id).desired_width(140.0).font(egui::TextStyle::Monospace));
                ui.label(RichText::new("not used yet").small().color(muted(ui)));
            }
        }
    });
}

/// The width of a choice's value, so the labels after it line up.
const VALUE_WIDTH: f32 = 110.0;

/// Room left of a kind's or field's second lines, so they read as part of its row.
const INDENT: f32 = 8.0;

/// A multi-line text with its name on the left (the hint goes once text is typed).
fn labelled_text(ui: &mut egui::Ui, name: &str, text: &mut String, hint: &str) -> egui::Response {
    ui.horizontal(|ui| {
        ui.add_space(INDENT);
        ui.add_sized([70.0, 18.0], egui::Label::new(RichText::new(name).color(muted(ui))));
        ui.add(egui::TextEdit::multiline(text).desired_rows(1).desired_width(f32::INFINITY).hint_text(hint))
    })
    .inner
}

fn kind_ui(
    ui: &mut egui::Ui,
    draft: &mut Codebook,
    i: usize,
    editor: &CodebookEditor,
    problems: &[(Place, CodebookError)],
    send: &mut impl FnMut(CodebookIntent),
) {
    let last = i + 1 == draft.kinds.len();
    let kind = &mut draft.kinds[i];
    let saved_id = editor.base.kinds.iter().any(|k| k.id == kind.id);
    let used = editor.usage.kinds.get(&kind.id).filter(|_| saved_id);
    ui.horizontal_wrapped(|ui| {
        let mut rgb = parse_hex_color(&kind.color).unwrap_or([128, 128, 128]);
        if egui::color_picker::color_edit_button_srgb(ui, &mut rgb).changed() {
            kind.color = format!("#{:02x}{:02x}{:02x}", rgb[0], rgb[1], rgb[2]);
        }
        ui.add(egui::TextEdit::singleline(&mut kind.color).desired_width(76.0).font(egui::TextStyle::Monospace))
            .on_hover_text("Colour, #rrggbb");
        ui.add(egui::TextEdit::singleline(&mut kind.label).desired_width(160.0).hint_text("label"));
        ui.label("key");
        ui.add(egui::TextEdit::singleline(&mut kind.key).desired_width(22.0).char_limit(1));
        row_buttons(ui, Place::Kind(i), last, send);
    });
    id_ui(ui, &mut kind.id, used);
    problems_at(ui, problems, Place::Kind(i));
    labelled_text(ui, "Definition", &mut kind.definition, "the coding rule");
    let mut examples = kind.examples.join("\n");
    if labelled_text(ui, "Examples", &mut examples, "one a line").changed() {
        kind.examples = examples.split('\n').map(str::to_owned).collect();
    }
    ui.add_space(6.0);
}

fn field_ui(
    ui: &mut egui::Ui,
    draft: &mut Codebook,
    i: usize,
    editor: &CodebookEditor,
    problems: &[(Place, CodebookError)],
    send: &mut impl FnMut(CodebookIntent),
) {
    let last = i + 1 == draft.fields.len();
    let field = &mut draft.fields[i];
    let saved = editor.base.field(&field.id).cloned();
    let used = editor.usage.fields.get(&field.id).filter(|_| saved.is_some());
    ui.horizontal_wrapped(|ui| {
        ui.add(egui::TextEdit::singleline(&mut field.label).desired_width(160.0).hint_text("label"));
        ui.add_enabled_ui(used.is_none(), |ui| {
            egui::ComboBox::from_id_salt(("field-type", i)).selected_text(field.r#type.as_str()).show_ui(ui, |ui| {
                for t in FIELD_TYPES {
                    ui.selectable_value(&mut field.r#type, t, t.as_str()).on_hover_text(type_hint(t));
                }
            });
        });
        row_buttons(ui, Place::Field(i), last, send);
    });
    id_ui(ui, &mut field.id, used);
    problems_at(ui, problems, Place::Field(i));
    labelled_text(ui, "Definition", &mut field.definition, "what to code here");
    if matches!(field.r#type, FieldType::Category | FieldType::Scale) {
        let n = field.values.len();
        let id = field.id.clone();
        for (j, choice) in field.values.iter_mut().enumerate() {
            ui.horizontal_wrapped(|ui| {
                ui.add_space(INDENT + 70.0);
                ui.label(RichText::new(format!("{}.", j + 1)).color(muted(ui)));
                let used_value = saved.as_ref().is_some_and(|f| f.rank(&choice.value).is_some())
                    && editor.usage.uses_value(&id, &choice.value);
                if used_value {
                    ui.add_sized(
                        [VALUE_WIDTH, 18.0],
                        egui::Label::new(RichText::new(&choice.value).monospace().color(muted(ui))).truncate(),
                    )
                    .on_hover_text(format!(
                        "Fixed: used by {}",
                        editor
                            .usage
                            .values
                            .get(&(id.clone(), choice.value.clone()))
                            .map_or_else(String::new, UseCount::describe)
                    ));
                } else {
                    ui.add(
                        egui::TextEdit::singleline(&mut choice.value)
                            .desired_width(VALUE_WIDTH - 8.0)
                            .font(egui::TextStyle::Monospace)
                            .hint_text("value"),
                    );
                }
                ui.add(egui::TextEdit::singleline(&mut choice.label).desired_width(220.0).hint_text("label"));
                row_buttons(ui, Place::Choice(i, j), j + 1 == n, send);
            });
            problems_at(ui, problems, Place::Choice(i, j));
        }
        ui.horizontal(|ui| {
            ui.add_space(INDENT + 70.0);
            let what = if field.r#type == FieldType::Scale { "Add step" } else { "Add choice" };
            if ui.small_button(what).clicked() {
                send(CodebookIntent::AddChoice(i));
            }
        });
    }
    ui.add_space(6.0);
}

/// The height left between the cursor and the bottom of the screen, less the
/// window's margin, so a long codebook scrolls inside its window instead of running
/// off the screen (a window's own content is not limited to the screen).
pub(crate) fn room_below(ui: &egui::Ui) -> f32 {
    (ui.ctx().content_rect().bottom() - ui.cursor().top() - 24.0).max(120.0)
}

/// A swatch in a kind's colour (the reading view).
pub(crate) fn swatch(ui: &mut egui::Ui, color: Color32) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(14.0, 14.0), egui::Sense::hover());
    ui.painter().rect_filled(rect, 3.0, color);
}
