//! The coding mode's text: the [`DocumentView`] over the open document, with the
//! annotator's claims, the selected claim and the find bar's hits marked.
//!
//! Its whole interface: it reads a [`TextView`] (the open document with its claims,
//! selection and requests, the codebook, the find hits) and returns
//! [`CodingIntent::TextSelection`], [`CodingIntent::ClickText`] and
//! [`CodingIntent::KeepClaim`]. The view (its layout, scroll and selection) lives
//! in [`TextViewCache`] for as long as the same text is open.

use egui::Id;

use crate::coding::OpenDocument;
use crate::model::Codebook;
use crate::ui::coding::{CodingIntent, FindBar};
use crate::ui::document_view::{ClaimMark, DocumentView, Marks, TEXT_SIZE};
use crate::ui::intent::Intent;
use crate::ui::widgets::request::Fresh as _;

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

/// The view of the open text, kept between frames; not app data.
#[derive(Default)]
pub(crate) struct TextViewCache {
    /// The view and the document (id, hash) it shows.
    view: Option<((String, String), DocumentView)>,
    /// Characters no installed font draws, per document hash.
    glyphs: Option<(String, Vec<char>)>,
}

impl TextViewCache {
    /// How many paragraph blocks were laid out so far, over every view (layouts
    /// happen when a block first comes into view, never when claims change).
    pub(crate) fn layouts(&self) -> u64 {
        self.view.as_ref().map_or(0, |(_, v)| v.layouts)
    }
}

/// Shows the text, reporting the selection and clicks on claims as intents.
pub(crate) fn show(ui: &mut egui::Ui, view: &TextView<'_>, cache: &mut TextViewCache, out: &mut Vec<Intent>) {
    let TextView { open, codebook, find } = *view;
    let key = (open.doc.id.clone(), open.doc.sha256.clone());
    if cache.view.as_ref().is_none_or(|(k, _)| *k != key) {
        cache.view = Some((key, DocumentView::new(Id::unique(TEXT_ID), open.doc.text.clone())));
    }
    let Some((_, text)) = &mut cache.view else { return };
    let ctx = ui.ctx().clone();
    let id = text.id();
    if let Some(range) = open.text_selection.fresh(&ctx, id.with("select")) {
        text.set_selection(*range);
    }
    if open.focus_text.fresh(&ctx, id.with("focus")).is_some() {
        ctx.memory_mut(|m| m.request_focus(id));
    }
    if let Some(pos) = open.scroll_to.fresh(&ctx, id.with("scroll")) {
        text.scroll_to(*pos);
    }
    let claims = ClaimMark::of(open.claims(), codebook);
    let marks = Marks {
        claims: &claims,
        selected: open.selected,
        hits: find.map(|f| f.hits.as_slice()).unwrap_or(&[]),
        current_hit: find.and_then(|f| f.current),
    };
    let output = text.show(ui, &marks);
    if let Some(pos) = output.clicked {
        out.push(CodingIntent::ClickText(pos).into());
    }
    if let Some(claim) = output.restore_claim {
        out.push(CodingIntent::KeepClaim(claim).into());
    }
    if text.selection() != open.selection {
        out.push(CodingIntent::TextSelection(text.selection()).into());
    }
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
        let font = egui::FontId::new(TEXT_SIZE, egui::FontFamily::Proportional);
        let missing: Vec<char> =
            ctx.fonts_mut(|f| chars.into_iter().filter(|&c| !f.has_glyph(&font, c)).take(8).collect());
        self.glyphs = Some((doc.sha256.clone(), missing.clone()));
        missing
    }
}
