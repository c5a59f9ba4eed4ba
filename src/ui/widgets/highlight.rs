//! The document text as a styled layout: claims as translucent highlights in their
//! kind's colour (stronger when nested or selected), source mentions underlined,
//! cues in italics with a thin underline, find hits in yellow. Rebuilt only when the
//! claims, selection, hits or geometry change (see `text_view.rs`).

use egui::text::{LayoutJob, TextFormat, TextWrapping};
use egui::{Color32, FontFamily, FontId, Stroke, Visuals};

use super::style::{LINE_HEIGHT, TEXT_SIZE, highlight, kind_color};
use crate::model::{Claim, ClaimId, Codebook, Span, TextIndex};

/// What to mark in the text.
pub(crate) struct Marks<'a> {
    /// The annotator's claims.
    pub claims: &'a [Claim],
    /// For the kinds' colours.
    pub codebook: &'a Codebook,
    /// The selected claim, emphasised.
    pub selected: Option<ClaimId>,
    /// Find hits (char ranges).
    pub hits: &'a [(usize, usize)],
    /// The hit the find bar is on.
    pub current_hit: Option<usize>,
}

/// A marked stretch of one role, for the sweep below.
struct Mark<'a> {
    span: &'a Span,
    claim: &'a Claim,
}

/// Builds the layout job for the whole text.
pub(crate) fn layout_job(text: &TextIndex, marks: &Marks<'_>, visuals: &Visuals, wrap_width: f32) -> LayoutJob {
    let len = text.char_len();
    let mut contents: Vec<Mark> = marks.claims.iter().map(|c| Mark { span: &c.content, claim: c }).collect();
    let mut mentions: Vec<Mark> =
        marks.claims.iter().filter_map(|c| c.source_mention.as_ref().map(|s| Mark { span: s, claim: c })).collect();
    let mut cues: Vec<Mark> =
        marks.claims.iter().filter_map(|c| c.cue.as_ref().map(|s| Mark { span: s, claim: c })).collect();
    for list in [&mut contents, &mut mentions, &mut cues] {
        list.retain(|m| m.span.start < m.span.end && m.span.end <= len);
        list.sort_by_key(|m| m.span.start);
    }
    let mut bounds: Vec<usize> = vec![0, len];
    for m in contents.iter().chain(&mentions).chain(&cues) {
        bounds.push(m.span.start);
        bounds.push(m.span.end);
    }
    for &(s, e) in marks.hits {
        bounds.push(s.min(len));
        bounds.push(e.min(len));
    }
    bounds.sort_unstable();
    bounds.dedup();

    let base = TextFormat {
        font_id: FontId::new(TEXT_SIZE, FontFamily::Proportional),
        color: visuals.text_color(),
        line_height: Some(LINE_HEIGHT),
        ..Default::default()
    };
    let mut job =
        LayoutJob { wrap: TextWrapping { max_width: wrap_width, ..Default::default() }, ..Default::default() };
    job.text.reserve(text.as_str().len());
    let mut sweeps = [Sweep::default(), Sweep::default(), Sweep::default()];
    let mut hit_i = 0;
    for pair in bounds.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if a >= b {
            continue;
        }
        let active_content = sweeps[0].advance(&contents, a);
        let mut format = base.clone();
        if !active_content.is_empty() {
            let selected = marks.selected.and_then(|id| active_content.iter().find(|m| m.claim.id == id));
            let shown = selected.or_else(|| active_content.iter().min_by_key(|m| m.span.len()));
            if let Some(m) = shown {
                let color = kind_color(marks.codebook.kind(&m.claim.kind));
                format.background = highlight(color, active_content.len(), selected.is_some(), visuals.dark_mode);
            }
        }
        if let Some(m) = sweeps[1].advance(&mentions, a).first() {
            let color = kind_color(marks.codebook.kind(&m.claim.kind));
            let width = if Some(m.claim.id) == marks.selected { 3.0 } else { 2.0 };
            format.underline = Stroke::new(width, color);
        }
        if !sweeps[2].advance(&cues, a).is_empty() {
            format.italics = true;
            if format.underline == Stroke::NONE {
                format.underline = Stroke::new(1.0, visuals.weak_text_color());
            }
        }
        while hit_i < marks.hits.len() && marks.hits[hit_i].1 <= a {
            hit_i += 1;
        }
        if let Some(&(s, e)) = marks.hits.get(hit_i)
            && s <= a
            && b <= e
        {
            format.background = if marks.current_hit == Some(hit_i) {
                Color32::from_rgb(255, 170, 40)
            } else {
                Color32::from_rgba_unmultiplied(255, 220, 0, 150)
            };
            if visuals.dark_mode {
                format.color = Color32::BLACK;
            }
        }
        job.append(text.slice(a, b), 0.0, format);
    }
    job
}

/// Spans covering the current position, maintained while walking the text.
#[derive(Default)]
struct Sweep {
    next: usize,
    active: Vec<usize>,
}

impl Sweep {
    /// The marks covering position `at` (marks sorted by start; `at` increasing).
    fn advance<'m, 'a>(&mut self, marks: &'m [Mark<'a>], at: usize) -> Vec<&'m Mark<'a>> {
        while self.next < marks.len() && marks[self.next].span.start <= at {
            self.active.push(self.next);
            self.next += 1;
        }
        self.active.retain(|&i| marks[i].span.end > at);
        self.active.iter().map(|&i| &marks[i]).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Project;

    #[test]
    fn sections_follow_claims_and_cover_the_text_exactly() {
        let text = TextIndex::new("“Serious,” Lew told reporters — today.".into());
        let mut c = Claim::new(1, "assertion", Span::from_text(&text, 0, 10).unwrap());
        c.source_mention = Span::from_text(&text, 11, 14);
        c.cue = Span::from_text(&text, 15, 19);
        let codebook = Project::builtin().codebook();
        let claims = [c];
        let marks =
            Marks { claims: &claims, codebook: &codebook, selected: Some(1), hits: &[(20, 29)], current_hit: None };
        let job = layout_job(&text, &marks, &Visuals::light(), 500.0);
        assert_eq!(job.text, text.as_str());
        let styled: Vec<(&str, bool, bool, bool)> = job
            .sections
            .iter()
            .map(|s| {
                let f = &s.format;
                (
                    &job.text[s.byte_range.start.0..s.byte_range.end.0],
                    f.background != Color32::TRANSPARENT,
                    f.underline.width >= 2.0,
                    f.italics,
                )
            })
            .collect();
        assert_eq!(styled[0], ("“Serious,”", true, false, false));
        assert_eq!(styled[2], ("Lew", false, true, false));
        assert_eq!(styled[4], ("told", false, false, true));
        assert_eq!(styled[6], ("reporters", true, false, false), "find hit");
    }
}
