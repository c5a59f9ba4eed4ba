//! The document text: selectable, read-only, highlighted, in a readable column.
//! The highlighted layout is cached and only rebuilt when something it shows
//! changes, so scrolling a long document costs little per frame.
//!
//! Its whole interface: it reads a [`TextView`] (the open document with its claims,
//! selection and requests, the codebook, the find hits) and returns
//! [`CodingIntent::TextSelection`] and [`CodingIntent::ClickText`].

use std::sync::Arc;

use egui::text::{CCursor, CCursorRange};
use egui::{Align, Galley, Id, TextBuffer};

use super::highlight::{Marks, layout_job};
use super::request::Fresh as _;
use super::style::MAX_TEXT_WIDTH;
use crate::coding::OpenDocument;
use crate::model::Codebook;
use crate::ui::coding::{CodingIntent, FindBar};
use crate::ui::intent::Intent;

/// The id of the document text, so shortcuts can tell it from other text fields.
pub const TEXT_ID: &str = "claimcoder-document-text";

/// What the text view shows.
pub(crate) struct TextView<'a> {
    /// The document, its claims, the selection and the requests to the view.
    pub(crate) open: &'a OpenDocument,
    /// The kinds' colours.
    pub(crate) codebook: &'a Codebook,
    /// The find bar's hits, when it is open.
    pub(crate) find: Option<&'a FindBar>,
}

/// What the cached layout was built from.
#[derive(Clone, Debug, PartialEq)]
struct CacheKey {
    document: String,
    revision: u64,
    find_revision: u64,
    wrap_width: u32,
    pixels_per_point: u32,
    dark: bool,
}

/// The last highlighted layout.
#[derive(Default)]
pub(crate) struct TextViewCache {
    key: Option<CacheKey>,
    galley: Option<Arc<Galley>>,
    /// How many times the layout was rebuilt (for tests and benchmarks).
    pub(crate) rebuilds: u64,
    glyphs: Option<(String, Vec<char>)>,
}

/// Shows the text, reporting the selection and clicks on claims as intents.
pub(crate) fn show(ui: &mut egui::Ui, view: &TextView<'_>, cache: &mut TextViewCache, out: &mut Vec<Intent>) {
    let TextView { open, codebook, find } = *view;
    let id = Id::unique(TEXT_ID);
    let ctx = ui.ctx().clone();
    let mut select = open.text_selection.fresh(&ctx, id.with("select")).copied();
    if open.focus_text.fresh(&ctx, id.with("focus")).is_some() {
        ctx.memory_mut(|m| m.request_focus(id));
        if select.is_none() && open.selection.is_some() {
            select = Some(open.selection);
        }
    }
    if let Some(request) = select {
        let mut state = egui::TextEdit::load_state(&ctx, id).unwrap_or_default();
        let range = match request {
            Some((s, e)) => CCursorRange::two(CCursor::new(s), CCursor::new(e)),
            None => {
                let end = state.cursor.char_range().map(|r| r.as_sorted_char_range().end.0).unwrap_or(0);
                CCursorRange::one(CCursor::new(end))
            }
        };
        state.cursor.set_char_range(Some(range));
        egui::TextEdit::store_state(&ctx, id, state);
    }
    let key = CacheKey {
        document: open.doc.sha256.clone(),
        revision: open.revision,
        find_revision: find.map(|f| f.revision()).unwrap_or(0),
        wrap_width: 0,
        pixels_per_point: ui.pixels_per_point().to_bits(),
        dark: ui.visuals().dark_mode,
    };
    let hits = find.map(|f| f.hits.as_slice()).unwrap_or(&[]);
    let current_hit = find.and_then(|f| f.current);
    let scroll_to = open.scroll_to.fresh(&ctx, id.with("scroll")).copied();
    egui::ScrollArea::vertical().id_salt("document-scroll").auto_shrink(false).show(ui, |ui| {
        let available = ui.available_width();
        let width = available.min(MAX_TEXT_WIDTH);
        ui.horizontal(|ui| {
            ui.add_space(((available - width) / 2.0).max(0.0));
            let text = open.doc.text.as_str();
            let mut buffer: &str = text;
            let marks = Marks { claims: open.claims(), codebook, selected: open.selected, hits, current_hit };
            let mut layouter = |ui: &egui::Ui, _buf: &dyn TextBuffer, wrap_width: f32| -> Arc<Galley> {
                let key = CacheKey { wrap_width: wrap_width.to_bits(), ..key.clone() };
                if cache.key.as_ref() == Some(&key)
                    && let Some(galley) = &cache.galley
                {
                    return galley.clone();
                }
                let job = layout_job(&open.doc.text, &marks, ui.visuals(), wrap_width);
                let galley = ui.ctx().fonts_mut(|f| f.layout_job(job));
                cache.key = Some(key);
                cache.galley = Some(galley.clone());
                cache.rebuilds += 1;
                galley
            };
            let output = egui::TextEdit::multiline(&mut buffer)
                .id(id)
                .hint_text("Document text")
                .desired_width(width)
                .frame(egui::Frame::NONE)
                .layouter(&mut layouter)
                .show(ui);
            if let Some(range) = output.cursor_range {
                let r = range.as_sorted_char_range();
                let (s, e) = (r.start.0, r.end.0);
                if s < e {
                    if open.selection != Some((s, e)) {
                        out.push(CodingIntent::TextSelection(Some((s, e))).into());
                    }
                } else if output.response.has_focus() {
                    if open.selection.is_some() {
                        out.push(CodingIntent::TextSelection(None).into());
                    }
                    if output.response.clicked() {
                        out.push(CodingIntent::ClickText(s).into());
                    }
                }
            }
            if let Some(pos) = scroll_to {
                let rect = output.galley.pos_from_cursor(CCursor::new(pos)).translate(output.galley_pos.to_vec2());
                ui.scroll_to_rect(rect.expand(40.0), Some(Align::Center));
            }
        });
    });
}

impl TextViewCache {
    /// Characters of `doc` no installed font can draw (at most 8), checked once per
    /// document, for the "install a font" note.
    pub(crate) fn missing_glyphs(&mut self, ctx: &egui::Context, doc: &crate::model::Document) -> Vec<char> {
        if let Some((sha, missing)) = &self.glyphs
            && *sha == doc.sha256
        {
            return missing.clone();
        }
        let mut chars: Vec<char> =
            doc.text.as_str().chars().filter(|c| !c.is_ascii() && !c.is_whitespace() && !c.is_control()).collect();
        chars.sort_unstable();
        chars.dedup();
        let font = egui::FontId::new(super::style::TEXT_SIZE, egui::FontFamily::Proportional);
        let missing: Vec<char> =
            ctx.fonts_mut(|f| chars.into_iter().filter(|&c| !f.has_glyph(&font, c)).take(8).collect());
        self.glyphs = Some((doc.sha256.clone(), missing.clone()));
        missing
    }
}
