//! The codebook window: each kind's key, definition and examples and each field's
//! type, definition and choices, so coding rules are one glance away; and, after
//! "Edit codebook", the editor (`codebook_editor_view.rs`).

use egui::RichText;

use super::codebook_editor::{CodebookEditor, CodebookIntent};
use super::codebook_editor_view::{room_below, swatch};
use super::style::{kind_color, muted, warning};
use crate::model::Project;
use crate::ui::command::kind_key_conflicts;
use crate::ui::intent::{AppIntent, Intent};

/// Shows the codebook window, as the editor when `editor` is set.
pub(crate) fn show(ctx: &egui::Context, project: &Project, editor: Option<&CodebookEditor>, out: &mut Vec<Intent>) {
    let mut open = true;
    let height = (ctx.content_rect().height() - 80.0).max(240.0);
    egui::Window::new("Codebook")
        .open(&mut open)
        .default_width(if editor.is_some() { 600.0 } else { 420.0 })
        .default_height(height.min(640.0))
        .show(ctx, |ui| match editor {
            Some(editor) => super::codebook_editor_view::show(ui, editor, &project.codebook(), out),
            None => read(ui, project, out),
        });
    if !open {
        out.push(AppIntent::ToggleCodebook.into());
    }
}

/// The codebook as it is, with the button that starts editing it.
fn read(ui: &mut egui::Ui, project: &Project, out: &mut Vec<Intent>) {
    if ui.button("Edit codebook").on_hover_text("Add, rename and reorder kinds, fields and choices").clicked() {
        out.push(CodebookIntent::StartEditing.into());
    }
    egui::ScrollArea::vertical().max_height(room_below(ui)).show(ui, |ui| {
        for conflict in kind_key_conflicts(&project.codebook()) {
            ui.colored_label(warning(ui), conflict);
        }
        for kind in &project.kinds {
            ui.horizontal(|ui| {
                swatch(ui, kind_color(Some(kind)));
                ui.label(RichText::new(&kind.label).heading());
                ui.label(RichText::new(format!("key {}", kind.key)).color(muted(ui)));
            });
            ui.label(&kind.definition);
            for example in &kind.examples {
                ui.label(RichText::new(format!("e.g. {example}")).italics().color(muted(ui)));
            }
            ui.separator();
        }
        for field in &project.fields {
            ui.horizontal(|ui| {
                ui.label(RichText::new(&field.label).strong());
                ui.label(RichText::new(field.r#type.as_str()).color(muted(ui)));
            });
            if !field.definition.is_empty() {
                ui.label(&field.definition);
            }
            for (i, choice) in field.values.iter().enumerate() {
                ui.label(RichText::new(format!("{}  {}", i + 1, choice.label)).color(muted(ui)));
            }
            ui.separator();
        }
        ui.label(
            RichText::new("The codebook comes from claimcoder.ron in the corpus folder, or the built-in default.")
                .small()
                .color(muted(ui)),
        );
    });
}
