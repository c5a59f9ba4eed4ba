//! The document text with one lane per annotator in the left margin: a bar in the
//! claim's kind colour beside the lines each claim covers, so differing spans show
//! at a glance. The text, drawn by the [`DocumentView`] (bidi order, right-to-left
//! paragraphs right-aligned, only the blocks on screen), marks the gold claims (what
//! is settled) and boxes the selected unit.

use egui::{Color32, Id, Rect, RichText, UiBuilder, pos2, vec2};

use super::state::ReviewState;
use crate::model::{Annotator, Codebook};
use crate::ui::document_view::{ClaimMark, DocumentView, Marks};
use crate::ui::widgets::request::Fresh as _;
use crate::ui::widgets::style::{kind_color, muted};

/// Width of one lane's bar.
const LANE_WIDTH: f32 = 6.0;
/// Space between lanes.
const LANE_GAP: f32 = 4.0;

/// The view of the document under review (by its hash), kept while it is shown.
#[derive(Default)]
pub(crate) struct LanesCache {
    view: Option<(String, DocumentView)>,
}

/// Shows the legend and the text with lanes of the document under review.
pub(crate) fn show(ui: &mut egui::Ui, state: &ReviewState, codebook: &Codebook, cache: &mut LanesCache) {
    let text_id = Id::unique("review-document-text");
    let scroll_to = state.scroll_to.fresh(ui.ctx(), text_id.with("scroll")).copied();
    let Some(doc) = state.current_document() else { return };
    let chosen = &state.chosen;
    let units = state.units();
    let unit_range = state.selected.and_then(|i| units.get(i)).map(|u| (u.start(), u.end()));
    legend(ui, chosen, codebook);
    let sha = &doc.document.sha256;
    if cache.view.as_ref().is_none_or(|(shown, _)| shown != sha) {
        cache.view = Some((sha.clone(), DocumentView::new(text_id, doc.document.text.clone())));
    }
    let Some((_, view)) = &mut cache.view else { return };
    if scroll_to.is_some()
        && let Some((start, _)) = unit_range
    {
        view.scroll_to(start);
    }
    let gold_claims = state.gold_file().map(|g| g.claims.as_slice()).unwrap_or(&[]);
    let gold = ClaimMark::of(gold_claims, codebook);
    let hits: Vec<(usize, usize)> = unit_range.into_iter().collect();
    let marks = Marks { claims: &gold, hits: &hits, ..Default::default() };
    let margin = chosen.len() as f32 * (LANE_WIDTH + LANE_GAP) + 8.0;
    let space = ui.available_rect_before_wrap();
    let text = Rect::from_min_max(pos2(space.left() + margin, space.top()), space.max);
    ui.scope_builder(UiBuilder::new().max_rect(text), |ui| view.show(ui, &marks));
    let column = view.column();
    let painter = ui.painter_at(space);
    let lanes_left = (column.min - margin).max(space.left());
    for (k, _) in chosen.iter().enumerate() {
        let x = lanes_left + 4.0 + k as f32 * (LANE_WIDTH + LANE_GAP);
        for claim in units.iter().filter_map(|u| u.claims[k]) {
            let rows = view.screen_rects(claim.content.start..claim.content.end);
            let (Some(top), Some(bottom)) =
                (rows.iter().map(|r| r.top()).reduce(f32::min), rows.iter().map(|r| r.bottom()).reduce(f32::max))
            else {
                continue;
            };
            let bar = Rect::from_min_max(pos2(x, top + 2.0), pos2(x + LANE_WIDTH, bottom - 2.0));
            painter.rect_filled(bar, 2.0, kind_color(codebook.kind(&claim.kind)));
        }
    }
}

/// Lane order and kind colours, above the text.
fn legend(ui: &mut egui::Ui, annotators: &[Annotator], codebook: &Codebook) {
    ui.horizontal_wrapped(|ui| {
        let names: Vec<&str> = annotators.iter().map(Annotator::as_str).collect();
        ui.label(RichText::new(format!("Lanes, left to right: {}", names.join(" · "))).color(muted(ui)));
        ui.add_space(12.0);
        for kind in &codebook.kinds {
            let (rect, _) = ui.allocate_exact_size(vec2(12.0, 12.0), egui::Sense::hover());
            ui.painter().rect_filled(rect, 2.0, kind_color(Some(kind)));
            ui.label(&kind.label);
        }
        let (rect, _) = ui.allocate_exact_size(vec2(12.0, 12.0), egui::Sense::hover());
        ui.painter().rect_filled(rect, 2.0, Color32::from_rgba_unmultiplied(255, 214, 0, 110));
        ui.label("selected unit");
        ui.label(RichText::new("· marked text is in gold").color(muted(ui)));
    });
}
