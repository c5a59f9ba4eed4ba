//! The bottom panel: the selected unit's versions side by side (one column per
//! annotator), each drawn by the document view with its marks and with its
//! "Accept" button, the gold decision, and the compact
//! "Edit merged" form (kind, span, source and each claim field the versions differ
//! on, from a chosen annotator) with "Reject".

use egui::RichText;

use super::ReviewIntent;
use super::state::ReviewState;
use crate::adjudication::{Decision, gold_claim, is_rejected, merged, present};
use crate::coding::Workspace;
use crate::model::{Claim, Codebook, Document, FieldType, Span};
use crate::text::TextIndex;
use crate::ui::document_view::{ClaimMark, DocumentView, LINE_HEIGHT, Marks};
use crate::ui::intent::Intent;
use crate::ui::widgets::bidi_line;
use crate::ui::widgets::style::{kind_color, muted};

/// Shows the selected unit and its adjudication.
pub(crate) fn show(
    ui: &mut egui::Ui,
    state: &ReviewState,
    ws: Option<&Workspace>,
    views: &mut VersionViews,
    out: &mut Vec<Intent>,
) {
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
    let differing: Vec<&str> =
        codebook.fields.iter().map(|f| f.id.as_str()).filter(|id| differs(&unit.claims, id)).collect();
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
    let text = state.current_document().map(|d| &d.document);
    let excerpt = text.map(|d| excerpt(&d.text, unit.start(), unit.end()));
    views.used.clear();
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
                            if let (Some(doc), Some(range)) = (text, excerpt) {
                                views.show(column, doc, range, annotator, claim, &codebook);
                            }
                            version(column, claim, &codebook, &differing, &name);
                        }
                        None => {
                            column.label(RichText::new("no claim here").color(muted(column)));
                        }
                    }
                });
            }
        });
    });
    views.forget_unused();
}

/// The stretch of text each version is shown in: the sentences the unit touches
/// (at most a few thousand chars around it).
fn excerpt(text: &TextIndex, start: usize, end: usize) -> (usize, usize) {
    let from = text.sentence_at(start).map_or(start, |s| s.0.min(start));
    let to = text.sentence_at(end.saturating_sub(1)).map_or(end, |s| s.1.max(end));
    (from.max(start.saturating_sub(1000)), to.min(end + 1000).min(text.char_len()))
}

/// Each annotator's version drawn by the [`DocumentView`]: the sentences around
/// the unit with that annotator's claim, mention and cue marked as in the coding
/// view, in bidi order (Arabic and Hebrew right-aligned). Kept while shown.
#[derive(Default)]
pub(crate) struct VersionViews {
    views: Vec<(VersionKey, DocumentView)>,
    used: Vec<VersionKey>,
}

/// What a version's view shows.
#[derive(Clone, Debug, PartialEq)]
struct VersionKey {
    document: String,
    excerpt: (usize, usize),
    annotator: String,
}

impl VersionViews {
    /// Shows `claim` of `annotator` in the chars `excerpt` of `doc`, read-only.
    fn show(
        &mut self,
        ui: &mut egui::Ui,
        doc: &Document,
        excerpt: (usize, usize),
        annotator: &str,
        claim: &Claim,
        codebook: &Codebook,
    ) {
        let key = VersionKey { document: doc.sha256.clone(), excerpt, annotator: annotator.to_owned() };
        let i = match self.views.iter().position(|(k, _)| *k == key) {
            Some(i) => i,
            None => {
                let text = TextIndex::new(doc.text.slice(excerpt.0, excerpt.1).to_owned());
                let id = egui::Id::unique(("review-version", annotator));
                self.views.push((key.clone(), DocumentView::new(id, text)));
                self.views.len() - 1
            }
        };
        self.used.push(key);
        let view = &mut self.views[i].1;
        let (from, to) = excerpt;
        let shift = |r: std::ops::Range<usize>| {
            let (s, e) = (r.start.max(from) - from, r.end.min(to).saturating_sub(from));
            (s < e).then_some(s..e)
        };
        let mut marks = ClaimMark::of(std::slice::from_ref(claim), codebook);
        marks.retain_mut(|m| {
            m.mention = m.mention.clone().and_then(shift);
            m.cue = m.cue.clone().and_then(shift);
            shift(m.content.clone()).map(|c| m.content = c).is_some()
        });
        let height = (view.content_height() + 6.0).clamp(2.0 * LINE_HEIGHT, 8.0 * LINE_HEIGHT);
        let width = ui.available_width();
        ui.allocate_ui(egui::vec2(width, height), |ui| {
            view.show(ui, &Marks { claims: &marks, ..Default::default() });
        });
    }

    /// Each view's drawn pieces in document chars (see [`DocumentView::drawn_pieces`]).
    pub(crate) fn drawn(&self) -> Vec<Vec<(egui::Rect, std::ops::Range<usize>)>> {
        let shifted = |(k, v): &(VersionKey, DocumentView)| {
            let from = k.excerpt.0;
            v.drawn_pieces().into_iter().map(|(r, c)| (r, c.start + from..c.end + from)).collect()
        };
        self.views.iter().map(shifted).collect()
    }

    /// Drops the views not shown this frame.
    fn forget_unused(&mut self) {
        let used = &self.used;
        self.views.retain(|(k, _)| used.contains(k));
    }
}

/// One annotator's version: kind, span text, source, mention, cue, claim fields (in
/// bold those the versions differ on, listed in `differing`) and note.
fn version(ui: &mut egui::Ui, claim: &Claim, codebook: &Codebook, differing: &[&str], name: &dyn Fn(&str) -> String) {
    let color = kind_color(codebook.kind(&claim.kind));
    ui.label(RichText::new(kind_label(codebook, &claim.kind)).color(color).strong());
    ui.label(RichText::new(format!("chars {}–{}", claim.content.start, claim.content.end)).small().color(muted(ui)));
    ui.label(format!("Source: {}", source(&claim.source, name)));
    bidi_line::label(ui, &format!("Mention: {}", quote(&claim.source_mention)));
    bidi_line::label(ui, &format!("Cue: {}", quote(&claim.cue)));
    for field in &codebook.fields {
        let shown = match claim.fields.get(&field.id) {
            Some(v) if field.r#type == FieldType::Actor => name(v),
            Some(v) => field.value_label(v).to_owned(),
            None => "—".to_owned(),
        };
        let line = RichText::new(format!("{}: {shown}", field.label));
        ui.label(if differing.contains(&field.id.as_str()) { line.strong() } else { line });
    }
    for (id, v) in claim.fields.iter().filter(|(id, _)| codebook.field(id).is_none()) {
        ui.label(format!("{id}: {v}"));
    }
    if !claim.note.is_empty() {
        ui.label(format!("Note: {}", claim.note));
    }
}

/// Whether the claims present in `slots` do not all have the same value of field `id`
/// (a value only some have counts as a difference, as for the "fields differ" label).
fn differs(slots: &[Option<&Claim>], id: &str) -> bool {
    let mut values = slots.iter().flatten().map(|c| c.fields.get(id));
    let first = values.next();
    values.any(|v| Some(v) != first)
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
            let mut m = state.merge.clone();
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
            // A field the versions differ on is picked on its own; the others
            // come with the span.
            for field in codebook.fields.iter().filter(|f| differs(slots, &f.id)) {
                let mut from = m.fields_from.get(&field.id).copied().unwrap_or(m.span_from);
                pick(ui, &format!("{} from", field.label), &mut from);
                if from != m.fields_from.get(&field.id).copied().unwrap_or(m.span_from) {
                    m.fields_from.insert(field.id.clone(), from);
                }
            }
            let preview = merged(slots, &m).map(|c| kind_label(codebook, &c.kind));
            if ui.add_enabled(preview.is_some(), egui::Button::new("Accept merged")).clicked() {
                out.push(ReviewIntent::Decide(Decision::AcceptMerged { unit, merge: m.clone() }).into());
            }
            if m != state.merge {
                out.push(ReviewIntent::SetMerge(m).into());
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
