//! The document text with one lane per annotator in the left margin: a bar in the
//! claim's kind colour beside the rows each claim covers, so differing spans show at
//! a glance. The text highlights the gold claims (what is settled) and the selected
//! unit. The highlighted layout is cached like the coding view's.

use std::sync::Arc;

use egui::text::CCursor;
use egui::{Align, Color32, Galley, Id, Rect, RichText, TextBuffer, pos2, vec2};

use super::state::ReviewState;
use crate::model::{Annotator, Codebook, TextIndex};
use crate::ui::widgets::highlight::{Marks, layout_job};
use crate::ui::widgets::request::Fresh as _;
use crate::ui::widgets::style::{MAX_TEXT_WIDTH, kind_color, muted};

/// Width of one lane's bar.
const LANE_WIDTH: f32 = 6.0;
/// Space between lanes.
const LANE_GAP: f32 = 4.0;

/// What the cached layout was built from.
#[derive(Clone, Debug, PartialEq)]
struct CacheKey {
    document: String,
    revision: u64,
    wrap_width: u32,
    pixels_per_point: u32,
    dark: bool,
}

/// The last laid-out review text.
#[derive(Default)]
pub(crate) struct LanesCache {
    key: Option<CacheKey>,
    galley: Option<Arc<Galley>>,
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
    let gold_claims = state.gold_file().map(|g| g.claims.as_slice()).unwrap_or(&[]);
    let hits: Vec<(usize, usize)> = unit_range.into_iter().collect();
    let marks = Marks { claims: gold_claims, codebook, selected: None, hits: &hits, current_hit: None };
    let key = CacheKey {
        document: doc.document.sha256.clone(),
        revision: state.revision,
        wrap_width: 0,
        pixels_per_point: ui.pixels_per_point().to_bits(),
        dark: ui.visuals().dark_mode,
    };
    let margin = chosen.len() as f32 * (LANE_WIDTH + LANE_GAP) + 8.0;
    egui::ScrollArea::vertical().id_salt("review-text-scroll").auto_shrink(false).show(ui, |ui| {
        let available = ui.available_width();
        let width = (available - margin).clamp(100.0, MAX_TEXT_WIDTH);
        ui.horizontal(|ui| {
            ui.add_space(((available - width - margin) / 2.0).max(0.0) + margin);
            let text: &TextIndex = &doc.document.text;
            let mut buffer: &str = text.as_str();
            let mut layouter = |ui: &egui::Ui, _buf: &dyn TextBuffer, wrap_width: f32| -> Arc<Galley> {
                let key = CacheKey { wrap_width: wrap_width.to_bits(), ..key.clone() };
                if cache.key.as_ref() == Some(&key)
                    && let Some(galley) = &cache.galley
                {
                    return galley.clone();
                }
                let job = layout_job(text, &marks, ui.visuals(), wrap_width);
                let galley = ui.ctx().fonts_mut(|f| f.layout_job(job));
                cache.key = Some(key);
                cache.galley = Some(galley.clone());
                galley
            };
            let output = egui::TextEdit::multiline(&mut buffer)
                .id(text_id)
                .hint_text("Document text")
                .desired_width(width)
                .frame(egui::Frame::NONE)
                .layouter(&mut layouter)
                .show(ui);
            let origin = output.galley_pos;
            let rows = |start: usize, end: usize| -> Rect {
                let top = output.galley.pos_from_cursor(CCursor::new(start));
                let bottom = output.galley.pos_from_cursor(CCursor::new(end.max(start + 1) - 1));
                Rect::from_min_max(origin + top.min.to_vec2(), origin + bottom.max.to_vec2())
            };
            let painter = ui.painter();
            let len = text.char_len();
            for (k, _) in chosen.iter().enumerate() {
                let x = origin.x - margin + 4.0 + k as f32 * (LANE_WIDTH + LANE_GAP);
                for unit in &units {
                    let Some(claim) = unit.claims[k] else { continue };
                    let (s, e) = (claim.content.start.min(len), claim.content.end.min(len));
                    let span = rows(s, e);
                    let bar = Rect::from_min_max(pos2(x, span.top() + 2.0), pos2(x + LANE_WIDTH, span.bottom() - 2.0));
                    painter.rect_filled(bar, 2.0, kind_color(codebook.kind(&claim.kind)));
                }
            }
            if scroll_to.is_some()
                && let Some((s, e)) = unit_range
            {
                ui.scroll_to_rect(rows(s.min(len), e.min(len)), Some(Align::Center));
            }
        });
    });
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
        ui.painter().rect_filled(rect, 2.0, Color32::from_rgba_unmultiplied(255, 220, 0, 150));
        ui.label("selected unit");
        ui.label(RichText::new("· highlighted text is in gold").color(muted(ui)));
    });
}
