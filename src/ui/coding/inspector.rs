//! The right panel's top: the selected claim's kind, source, mention, cue, claim
//! fields, span and note, each editable with a button or its key.

use egui::{Color32, RichText};

use super::CodingIntent;
use super::actor_picker::{self, ActorPick};
use super::claim_fields::{self, FieldInputs};
use crate::coding::{Mark, OpenDocument};
use crate::model::{Claim, ClaimId, Project, Span};
use crate::text::Direction;
use crate::ui::command::Command;
use crate::ui::intent::Intent;
use crate::ui::widgets::bidi_line;
use crate::ui::widgets::request::Fresh as _;
use crate::ui::widgets::style::{kind_color, muted, warning};

/// The inspector's own inputs (what is being typed), kept across frames. The view
/// edits a copy and sends it back as an intent when it changed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct InspectorInputs {
    /// Text typed in the source search field.
    source_query: String,
    /// Which claim the query belongs to (it is cleared for another claim).
    query_for: Option<ClaimId>,
    /// The note being edited.
    note: String,
    /// Which claim the note buffer belongs to.
    note_for: Option<ClaimId>,
    /// What is typed in the claim fields, and which field the keyboard is on.
    pub(crate) fields: FieldInputs,
}

/// Shows the inspector for the selected claim, or a hint when none is selected.
pub(crate) fn show(
    ui: &mut egui::Ui,
    open: &OpenDocument,
    project: &Project,
    inputs: &InspectorInputs,
    out: &mut Vec<Intent>,
) {
    let mut draft = inputs.clone();
    let mut actions = Vec::new();
    claim_editor(ui, open, project, &mut draft, &mut actions);
    out.extend(actions.into_iter().map(Intent::from));
    if draft != *inputs {
        out.push(CodingIntent::EditInspector(draft).into());
    }
}

fn claim_editor(
    ui: &mut egui::Ui,
    open: &OpenDocument,
    project: &Project,
    state: &mut InspectorInputs,
    actions: &mut Vec<CodingIntent>,
) {
    if let Some((_, offer)) = open.selected_offer() {
        super::suggestion_card::show(ui, open, offer, project, actions);
        return;
    }
    let Some(claim) = open.selected_claim() else {
        ui.label(RichText::new("No claim selected.").strong());
        ui.label(
            RichText::new(
                "Select a passage in the text and press a kind's key to code it, pick a claim below, or press Tab \
                 to go to a suggested claim.",
            )
            .color(muted(ui)),
        );
        return;
    };
    if state.query_for != Some(claim.id) {
        state.query_for = Some(claim.id);
        state.source_query.clear();
    }
    let kind = project.kinds.iter().find(|k| k.id == claim.kind);
    let heading = ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
        ui.painter().rect_filled(rect, 3.0, kind_color(kind));
        ui.label(RichText::new(format!("Claim {}", claim.id)).heading());
    });
    // A claim selected (J, K, a click) brings the inspector's top into view when the
    // inspector was scrolled down to the claim list.
    if open.scroll_to.fresh(ui.ctx(), egui::Id::unique("inspector-claim-scroll")).is_some() {
        heading.response.scroll_to_me(None);
    }
    if open.orphans.contains(&claim.id) {
        ui.colored_label(
            warning(ui),
            "Orphaned: this claim's text is no longer in the document. Select the passage it belongs to and press X to re-anchor it.",
        );
    }
    quote(ui, &quote_preview(&claim.content.quote, 240));
    ui.add_space(6.0);

    ui.label(RichText::new("Kind").strong());
    ui.horizontal_wrapped(|ui| {
        for k in &project.kinds {
            let label = format!("{} ({})", k.label, k.key);
            let button =
                egui::Button::selectable(claim.kind == k.id, label).stroke(egui::Stroke::new(1.5, kind_color(Some(k))));
            if ui.add(button).on_hover_text(&k.definition).clicked() && claim.kind != k.id {
                actions.push(CodingIntent::SetKind(claim.id, k.id.clone()));
            }
        }
    });
    ui.add_space(6.0);
    source_editor(ui, claim, project, state, actions);
    ui.add_space(6.0);
    span_row(ui, "Source mention", claim.source_mention.as_ref(), claim.id, Mark::SourceMention, actions);
    span_row(ui, "Cue", claim.cue.as_ref(), claim.id, Mark::Cue, actions);
    if !project.fields.is_empty() {
        ui.add_space(6.0);
        claim_fields::show(ui, claim, project, &mut state.fields, actions);
    }
    ui.add_space(6.0);
    ui.label(RichText::new("Span").strong());
    ui.horizontal_wrapped(|ui| {
        let has_selection = open.selection.is_some();
        let set = Command::SpanToSelection;
        if ui
            .add_enabled(has_selection, egui::Button::new(with_key(ui, "Set to selection", set)))
            .on_hover_text(set.spec().tooltip)
            .clicked()
        {
            actions.push(CodingIntent::SpanToSelection);
        }
        let snap = Command::SnapToWords;
        if ui.button(with_key(ui, "Snap to words", snap)).on_hover_text(snap.spec().tooltip).clicked() {
            actions.push(CodingIntent::SnapToWords(claim.id));
        }
    });
    ui.add_space(6.0);
    let note_heading = ui.label(RichText::new("Note").strong());
    let editing_note = state.note_for == Some(claim.id);
    let note_id = egui::Id::unique("claim-note");
    let note_has_focus = ui.ctx().memory(|m| m.has_focus(note_id));
    if !editing_note || !note_has_focus {
        state.note_for = Some(claim.id);
        state.note.clone_from(&claim.note);
    }
    let note = ui
        .add(
            egui::TextEdit::multiline(&mut state.note)
                .id(note_id)
                .hint_text("Note for this claim")
                .desired_rows(2)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(note_heading.id);
    if note.changed() {
        actions.push(CodingIntent::SetNote(claim.id, state.note.clone()));
    }
    ui.add_space(6.0);
    let delete = with_key(ui, "Delete claim", Command::DeleteClaim);
    if ui.button(RichText::new(delete).color(Color32::from_rgb(200, 60, 60))).clicked() {
        actions.push(CodingIntent::DeleteClaim(claim.id));
    }
}

/// A button text with the command's shortcut, e.g. "Snap to words (W)".
fn with_key(ui: &egui::Ui, text: &str, command: Command) -> String {
    match command.shortcut_text(ui.ctx()) {
        Some(key) => format!("{text} ({key})"),
        None => text.to_owned(),
    }
}

fn source_editor(
    ui: &mut egui::Ui,
    claim: &Claim,
    project: &Project,
    state: &mut InspectorInputs,
    actions: &mut Vec<CodingIntent>,
) {
    let heading = ui.label(RichText::new("Source").strong());
    let current = claim.source.as_deref();
    let pick = actor_picker::show(
        ui,
        heading.id,
        current,
        &project.actors,
        &mut state.source_query,
        "Type a source name…",
        false,
    );
    match pick {
        Some(None) => actions.push(CodingIntent::SetSource(claim.id, None)),
        Some(Some(ActorPick::Id(id))) => actions.push(CodingIntent::SetSource(claim.id, Some(id))),
        Some(Some(ActorPick::NewName(name))) => actions.push(CodingIntent::SetSourceByName(claim.id, name)),
        None => {}
    }
}

fn span_row(
    ui: &mut egui::Ui,
    label: &str,
    span: Option<&Span>,
    claim: ClaimId,
    mark: Mark,
    actions: &mut Vec<CodingIntent>,
) {
    let command = match mark {
        Mark::SourceMention => Command::MarkSourceMention,
        Mark::Cue => Command::MarkCue,
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(format!("{label}:")).strong());
        match span {
            Some(s) => {
                bidi_line::label(ui, &quote_preview(&s.quote, 60));
                if ui.small_button("×").on_hover_text(format!("Remove the {}", label.to_lowercase())).clicked() {
                    actions.push(CodingIntent::ClearMark(claim, mark));
                }
            }
            None => {
                ui.label(RichText::new("—").color(muted(ui)));
            }
        }
        if ui.small_button(with_key(ui, "Mark selection", command)).on_hover_text(command.spec().tooltip).clicked() {
            actions.push(CodingIntent::Mark(mark));
        }
    });
}

/// The claim's text: in italics, or for a right-to-left quote laid out as the
/// document view lays out text (bidi order, right-aligned, wrapped).
pub(super) fn quote(ui: &mut egui::Ui, text: &str) {
    if Direction::of(text) == Direction::Rtl {
        crate::ui::document_view::passage(ui, text);
    } else {
        ui.label(RichText::new(text).italics());
    }
}

/// A quote cut to `max` characters with an ellipsis, on one line.
pub(crate) fn quote_preview(quote: &str, max: usize) -> String {
    let one_line: String = quote.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= max {
        return one_line;
    }
    let mut cut: String = one_line.chars().take(max).collect();
    cut.push('…');
    cut
}
