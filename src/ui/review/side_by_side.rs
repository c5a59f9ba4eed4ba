//! The bottom panel: the selected unit's versions side by side (one column per
//! annotator), each with its "Accept" button, the gold decision, and the compact
//! "Edit merged" form with "Reject".

use egui::RichText;

use super::ReviewIntent;
use super::state::ReviewState;
use crate::adjudication::{Decision, gold_claim, is_rejected, merged, present};
use crate::coding::Workspace;
use crate::model::{Claim, Codebook, Span};
use crate::ui::intent::Intent;
use crate::ui::widgets::style::{kind_color, muted};

/// Shows the selected unit and its adjudication.
pub(crate) fn show(ui: &mut egui::Ui, state: &ReviewState, ws: Option<&Workspace>, out: &mut Vec<Intent>) {
    let units = state.units();
    let (Some(i), Some(gold)) = (state.selected, state.gold_file()) else {
        ui.add_space(8.0);
        ui.label(
            RichText::new("Select a unit on the right (or press J / K) to compare and settle it.").color(muted(ui)),
        );
        return;
    };
    let Some(unit) = units.get(i) else { return };
    let codebook = ws.map(|w| w.project.codebook()).unwrap_or_default();
    let name = |id: &str| -> String {
        ws.and_then(|w| w.project.actors.get(id).map(|a| a.name.clone()))
            .or_else(|| gold_name(state, id))
            .unwrap_or_else(|| id.to_owned())
    };
    let claims = present(unit);
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        ui.heading(format!("Unit: {}", super::units::label_text(&unit.label)));
        let decision = match gold_claim(&claims, gold) {
            Some(g) => format!("gold: {} by {}", kind_label(&codebook, &g.kind), source(&g.source, &name)),
            None if is_rejected(&claims, gold) => "gold: rejected, not a claim".to_owned(),
            None => "not settled yet".to_owned(),
        };
        ui.label(RichText::new(decision).color(muted(ui)));
    });
    merge_form(ui, state, unit.claims.as_slice(), &codebook, out, i);
    ui.separator();
    egui::ScrollArea::vertical().id_salt("review-versions").auto_shrink(false).show(ui, |ui| {
        ui.columns(state.chosen.len().max(1), |columns| {
            for (k, column) in columns.iter_mut().enumerate() {
                let annotator = state.chosen[k].as_str();
                column.with_layout(egui::Layout::top_down(egui::Align::LEFT), |column| {
                    column.strong(annotator);
                    match unit.claims.get(k).copied().flatten() {
                        Some(claim) => {
                            if column.button(format!("Accept {annotator}'s version")).clicked() {
                                out.push(ReviewIntent::Decide(Decision::Accept { unit: i, slot: k }).into());
                            }
                            version(column, claim, &codebook, &name);
                        }
                        None => {
                            column.label(RichText::new("no claim here").color(muted(column)));
                        }
                    }
                });
            }
        });
    });
}

/// One annotator's version: kind, span text, source, mention, cue and note.
fn version(ui: &mut egui::Ui, claim: &Claim, codebook: &Codebook, name: &dyn Fn(&str) -> String) {
    let color = kind_color(codebook.kind(&claim.kind));
    ui.label(RichText::new(kind_label(codebook, &claim.kind)).color(color).strong());
    ui.label(&claim.content.quote);
    ui.label(RichText::new(format!("chars {}–{}", claim.content.start, claim.content.end)).small().color(muted(ui)));
    ui.label(format!("Source: {}", source(&claim.source, name)));
    ui.label(format!("Mention: {}", quote(&claim.source_mention)));
    ui.label(format!("Cue: {}", quote(&claim.cue)));
    if !claim.note.is_empty() {
        ui.label(format!("Note: {}", claim.note));
    }
}

/// "Edit merged": kind, span and source each from a chosen annotator; and "Reject".
fn merge_form(
    ui: &mut egui::Ui,
    state: &ReviewState,
    slots: &[Option<&Claim>],
    codebook: &Codebook,
    out: &mut Vec<Intent>,
    unit: usize,
) {
    let options: Vec<usize> = (0..slots.len()).filter(|&k| slots[k].is_some()).collect();
    ui.horizontal_wrapped(|ui| {
        if options.len() >= 2 {
            ui.label(RichText::new("Edit merged:").strong());
            let mut m = state.merge;
            let pick = |ui: &mut egui::Ui, label: &str, value: &mut usize| {
                let shown = state.chosen.get(*value).map(|a| a.as_str()).unwrap_or("—");
                let name = ui.label(label);
                egui::ComboBox::from_id_salt(label)
                    .selected_text(shown)
                    .show_ui(ui, |ui| {
                        for &k in &options {
                            ui.selectable_value(value, k, state.chosen[k].as_str());
                        }
                    })
                    .response
                    .labelled_by(name.id);
            };
            pick(ui, "Kind from", &mut m.kind_from);
            pick(ui, "Span from", &mut m.span_from);
            pick(ui, "Source from", &mut m.source_from);
            if m != state.merge {
                out.push(ReviewIntent::SetMerge(m).into());
            }
            let preview = merged(slots, m).map(|c| kind_label(codebook, &c.kind));
            if ui.add_enabled(preview.is_some(), egui::Button::new("Accept merged")).clicked() {
                out.push(ReviewIntent::Decide(Decision::AcceptMerged { unit, merge: m }).into());
            }
            ui.separator();
        }
        if ui.button("Reject (not a claim)").clicked() {
            out.push(ReviewIntent::Decide(Decision::Reject { unit }).into());
        }
    });
}

/// A kind's label, or its id when the codebook lacks it.
fn kind_label(codebook: &Codebook, id: &str) -> String {
    codebook.kind(id).map(|k| k.label.clone()).unwrap_or_else(|| id.to_owned())
}

/// A source's display name, "unattributed" for none.
fn source(source: &Option<String>, name: &dyn Fn(&str) -> String) -> String {
    source.as_deref().map(name).unwrap_or_else(|| "unattributed".to_owned())
}

/// A span's quote, "—" for none.
fn quote(span: &Option<Span>) -> String {
    span.as_ref().map(|s| format!("\u{201c}{}\u{201d}", s.quote)).unwrap_or_else(|| "—".to_owned())
}

/// An actor's name as an annotation file of the document records it.
fn gold_name(state: &ReviewState, id: &str) -> Option<String> {
    state.current_document()?.files.values().find_map(|f| f.actors.get(id).cloned())
}
