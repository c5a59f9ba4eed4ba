//! The codebook: each kind's key, definition and examples, so coding rules are one
//! keystroke away.

use egui::RichText;

use super::style::{kind_color, muted, warning};
use crate::model::Project;
use crate::ui::command::kind_key_conflicts;
use crate::ui::intent::{AppIntent, Intent};

/// Shows the codebook window.
pub(crate) fn show(ctx: &egui::Context, project: &Project, out: &mut Vec<Intent>) {
    let mut open = true;
    egui::Window::new("Codebook").open(&mut open).default_width(420.0).show(ctx, |ui| {
        egui::ScrollArea::vertical().show(ui, |ui| {
            for conflict in kind_key_conflicts(&project.codebook()) {
                ui.colored_label(warning(ui), conflict);
            }
            for kind in &project.kinds {
                ui.horizontal(|ui| {
                    let (rect, _) = ui.allocate_exact_size(egui::vec2(14.0, 14.0), egui::Sense::hover());
                    ui.painter().rect_filled(rect, 3.0, kind_color(Some(kind)));
                    ui.label(RichText::new(&kind.label).heading());
                    ui.label(RichText::new(format!("key {}", kind.key)).color(muted(ui)));
                });
                ui.label(&kind.definition);
                for example in &kind.examples {
                    ui.label(RichText::new(format!("e.g. {example}")).italics().color(muted(ui)));
                }
                ui.separator();
            }
            ui.label(
                RichText::new("The codebook comes from claimcoder.ron in the corpus folder, or the built-in default.")
                    .small()
                    .color(muted(ui)),
            );
        });
    });
    if !open {
        out.push(AppIntent::ToggleCodebook.into());
    }
}
