//! The coding mode's text: the [`DocumentView`] over the open document, with the
//! annotator's claims, the suggested claims, the selected one and the find bar's
//! hits marked.
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
use crate::ui::document_view::{ClaimMark, DocumentView, Marks, SuggestionMark, TEXT_SIZE};
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
    /// Whether suggested claims are drawn.
    pub(crate) suggestions_shown: bool,
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
    let TextView { open, codebook, find, suggestions_shown } = view;
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
    let suggestions = if *suggestions_shown { suggestion_marks(open, codebook) } else { Vec::new() };
    let marks = Marks {
        claims: &claims,
        selected: open.selected,
        suggestions: &suggestions,
        selected_suggestion: open.selected_suggestion,
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

/// The marks of the suggestions still offered, coloured by the codebook.
fn suggestion_marks(open: &OpenDocument, codebook: &Codebook) -> Vec<SuggestionMark> {
    let offers = open.suggestions.offers();
    let range = |s: &crate::model::Span| s.start..s.end;
    open.live_suggestions()
        .iter()
        .map(|&index| {
            let c = &offers[index].claim;
            let [r, g, b] = codebook.kind(&c.kind).map_or([128, 128, 128], |k| k.rgb());
            SuggestionMark {
                index,
                content: range(&c.content),
                mention: c.source_mention.as_ref().map(range),
                cue: c.cue.as_ref().map(range),
                color: egui::Color32::from_rgb(r, g, b),
            }
        })
        .collect()
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
