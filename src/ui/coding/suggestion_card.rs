//! The inspector for a selected suggestion: what accepting it would code (kind,
//! source, mention, cue), how sure the suggester is and why, and the Accept and
//! Reject buttons with their keys.

use egui::RichText;

use super::CodingIntent;
use super::inspector::quote_preview;
use crate::coding::{Offer, OpenDocument};
use crate::model::Project;
use crate::ui::command::Command;
use crate::ui::widgets::request::Fresh as _;
use crate::ui::widgets::style::{kind_color, muted};

/// Shows the selected suggestion.
pub(crate) fn show(
    ui: &mut egui::Ui,
    open: &OpenDocument,
    offer: &Offer,
    project: &Project,
    actions: &mut Vec<CodingIntent>,
) {
    let claim = &offer.claim;
    let kind = project.kinds.iter().find(|k| k.id == claim.kind);
    let heading = ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
        ui.painter().rect_stroke(rect, 3.0, egui::Stroke::new(2.0, kind_color(kind)), egui::StrokeKind::Inside);
        ui.label(RichText::new("Suggested claim").heading());
    });
    // Tab, Shift+Tab or a click brings the card into view when the inspector was
    // scrolled down to the claim list, as for a claim.
    if open.scroll_to.fresh(ui.ctx(), egui::Id::unique("inspector-suggestion-scroll")).is_some() {
        heading.response.scroll_to_me(None);
    }
    super::inspector::quote(ui, &quote_preview(&claim.content.quote, 240));
    ui.add_space(6.0);
    egui::Grid::new("suggestion-card").num_columns(2).spacing([10.0, 4.0]).show(ui, |ui| {
        let row = |ui: &mut egui::Ui, label: &str, value: String| {
            ui.label(RichText::new(label).strong());
            ui.label(value);
            ui.end_row();
        };
        row(ui, "Kind", kind.map_or_else(|| claim.kind.clone(), |k| k.label.clone()));
        let source = claim.source.as_deref().map(|id| {
            project.actors.get(id).map(|a| a.name.clone()).or(offer.source_name.clone()).unwrap_or(id.to_owned())
        });
        let new = claim.source.as_deref().is_some_and(|id| project.actors.get(id).is_none());
        let source = match source {
            Some(name) if new => format!("{name} (new actor)"),
            Some(name) => name,
            None => "unattributed".to_owned(),
        };
        row(ui, "Source", source);
        let quoted = |s: Option<&crate::model::Span>| {
            s.map_or("—".to_owned(), |s| format!("“{}”", quote_preview(&s.quote, 60)))
        };
        row(ui, "Source mention", quoted(claim.source_mention.as_ref()));
        row(ui, "Cue", quoted(claim.cue.as_ref()));
        row(ui, "Confidence", offer.confidence.map_or("not given".to_owned(), |c| format!("{c:.2}")));
    });
    if !offer.reason.is_empty() {
        ui.label(RichText::new(&offer.reason).color(muted(ui)));
    }
    ui.add_space(6.0);
    ui.horizontal_wrapped(|ui| {
        for (text, command, intent) in [
            ("Accept", Command::AcceptSuggestion, CodingIntent::AcceptSuggestion),
            ("Reject", Command::RejectSuggestion, CodingIntent::RejectSuggestion),
        ] {
            let key = command.shortcut_text(ui.ctx()).unwrap_or_default();
            if ui.button(format!("{text} ({key})")).on_hover_text(command.spec().tooltip).clicked() {
                actions.push(intent);
            }
        }
    });
    let keys = ["Tab", "a kind's key"];
    ui.label(
        RichText::new(format!("{}: next suggestion · {}: accept as that kind", keys[0], keys[1])).color(muted(ui)),
    );
}
