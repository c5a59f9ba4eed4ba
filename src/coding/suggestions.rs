//! Suggested claims on the open document (FORMAT.md sections 3 and 7): where they
//! come from, which of them are still offered, and accepting or rejecting one as an
//! edit of the coder's file.
//!
//! - **Where from.** `<stem>.suggested.ron`, when it exists, holds the suggestions
//!   (any tool may write it: the extension point for statistical models); it is read
//!   strictly, and an unreadable one offers nothing and says why. Otherwise the
//!   built-in [`crate::suggest::Suggester`] reads the text; the app runs it off the
//!   UI thread ([`Workspace::suggestions_wanted`], [`Workspace::suggestions_arrived`]).
//! - **What is offered.** A suggestion is not offered when its content overlap-matches
//!   (Jaccard >= 0.5, section 5) a claim of the coder or an extent in the coder's
//!   `rejected` list. The live list is recomputed whenever the coder's file changes
//!   (an edit, undo, a reload), so undoing an accept or a reject offers it again.
//! - **Accept** copies the suggestion into the coder's file as a new claim (kind,
//!   spans, source, note, fields), adding its source to the registry when the registry
//!   lacks it; **reject** appends its content extent to `rejected`. Both are one
//!   undoable edit, autosaved like any other.

use std::path::{Path, PathBuf};

use super::open_document::OpenDocument;
use super::workspace::Workspace;
use crate::model::{Actor, AnnotationFile, Claim, Document, Project, Span, TextIndex};
use crate::store::annotation_io::read_annotation;
use crate::store::reanchor::{reanchor, span_holds};
use crate::suggest::Suggestion;

/// One suggested claim as the coder is offered it.
#[derive(Clone, Debug, PartialEq)]
pub struct Offer {
    /// The claim accepting it makes (its id is the suggestion's number, not the
    /// coder's; accepting gives it a fresh one).
    pub claim: Claim,
    /// How sure the suggester is, 0 to 1, when it says.
    pub confidence: Option<f32>,
    /// Why, in one line (`cue "denied"; direct quote`).
    pub reason: String,
    /// The source's display name as the suggester gives it (used when the registry
    /// lacks the actor).
    pub source_name: Option<String>,
}

impl Offer {
    /// A built-in suggestion; `project` names its source.
    pub fn from_suggestion(number: u64, s: &Suggestion, project: &Project) -> Self {
        let source_name =
            s.source.as_deref().map(|id| project.actors.get(id).map_or_else(|| id.to_owned(), |a| a.name.clone()));
        Self { claim: s.to_claim(number), confidence: Some(s.confidence), reason: s.reason.clone(), source_name }
    }

    /// A claim of a suggested file; its note is read as `reason; confidence 0.70`
    /// (FORMAT.md section 7), and a note without a confidence is all reason.
    pub fn from_claim(claim: Claim, actors: &std::collections::BTreeMap<String, String>) -> Self {
        let (reason, confidence) = crate::suggest::split_note(&claim.note);
        let source_name = claim.source.as_deref().map(|id| actors.get(id).cloned().unwrap_or_else(|| id.to_owned()));
        Self { reason: reason.to_owned(), confidence, source_name, claim }
    }
}

/// Where the open document's suggestions come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// The built-in suggester.
    Builtin,
    /// A `<stem>.suggested.ron` file.
    File(PathBuf),
}

/// The open document's suggestions.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Suggestions {
    /// The built-in suggester has not read the text yet.
    #[default]
    Pending,
    /// The suggestions, in text order.
    Ready {
        /// Where they come from.
        origin: Origin,
        /// Every suggestion, offered or not.
        offers: Vec<Offer>,
    },
    /// The suggested file cannot be read, or the built-in suggester stopped:
    /// nothing is offered, and this says why.
    Failed(String),
}

/// The suggested file of a document: `<stem>.suggested.ron` beside its text.
pub fn suggested_path(text_path: &Path) -> PathBuf {
    let suggested = crate::model::Annotator::parse_any(crate::model::annotator::SUGGESTED);
    match suggested {
        Ok(a) => crate::model::corpus::annotation_path(text_path, &a),
        Err(_) => text_path.with_extension("suggested.ron"),
    }
}

impl Suggestions {
    /// The suggestions of `doc` from its suggested file at `path`, or
    /// [`Suggestions::Pending`] (for the built-in suggester) when there is none.
    /// Spans that no longer hold in the text are re-anchored; a suggestion whose
    /// content cannot be is dropped, a mention or cue that cannot be is left out.
    pub fn from_file(path: &Path, doc: &Document) -> Self {
        if !path.exists() {
            return Self::Pending;
        }
        let shown = path.display().to_string();
        match read_annotation(&shown, path) {
            Ok((mut file, _)) => {
                reanchor(&mut file, &doc.text);
                Self::Ready { origin: Origin::File(path.to_path_buf()), offers: offers_of_file(file, &doc.text) }
            }
            Err(e) => Self::Failed(format!("no suggestions: {}", e.located())),
        }
    }

    /// Every suggestion (none while pending or unreadable).
    pub fn offers(&self) -> &[Offer] {
        match self {
            Self::Ready { offers, .. } => offers,
            Self::Pending | Self::Failed(_) => &[],
        }
    }
}

fn offers_of_file(file: AnnotationFile, text: &TextIndex) -> Vec<Offer> {
    let AnnotationFile { claims, actors, .. } = file;
    let mut offers: Vec<Offer> = claims
        .into_iter()
        .filter(|c| span_holds(text, &c.content))
        .map(|mut c| {
            c.source_mention = c.source_mention.filter(|s| span_holds(text, s));
            c.cue = c.cue.filter(|s| span_holds(text, s));
            Offer::from_claim(c, &actors)
        })
        .collect();
    offers.sort_by_key(|o| (o.claim.content.start, o.claim.content.end, o.claim.id));
    offers
}

/// Indices of the `offers` that overlap-match none of `taken` (the coder's claims
/// and rejected extents, FORMAT.md section 5's Jaccard >= 0.5).
pub(crate) fn live_offers(offers: &[Offer], taken: &[&Span]) -> Vec<usize> {
    let mut taken: Vec<(usize, usize)> = taken.iter().map(|s| (s.start, s.end)).collect();
    taken.sort_unstable();
    let longest = taken.iter().map(|(s, e)| e.saturating_sub(*s)).max().unwrap_or(0);
    offers
        .iter()
        .enumerate()
        .filter(|(_, o)| {
            let (s, e) = (o.claim.content.start, o.claim.content.end);
            // Only spans starting within `longest` before this one can overlap it.
            let from = taken.partition_point(|t| t.0 + longest < s);
            let to = taken.partition_point(|t| t.0 < e);
            !taken[from..to.max(from)].iter().any(|&t| jaccard_matches(t, (s, e)))
        })
        .map(|(i, _)| i)
        .collect()
}

/// Jaccard >= 0.5 (FORMAT.md section 5).
fn jaccard_matches(a: (usize, usize), b: (usize, usize)) -> bool {
    let shared = a.1.min(b.1).saturating_sub(a.0.max(b.0));
    let union = (a.1 - a.0) + (b.1 - b.0) - shared;
    shared > 0 && 2 * shared >= union
}

/// What the app needs to run the built-in suggester off the UI thread.
pub struct SuggestRequest {
    /// The document's id.
    pub document: String,
    /// Its text's hash, so an answer for a changed text is dropped.
    pub sha256: String,
    /// Its text.
    pub text: TextIndex,
    /// Codebook, registry and cues.
    pub project: Project,
}

impl std::fmt::Debug for SuggestRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SuggestRequest").field("document", &self.document).field("sha256", &self.sha256).finish()
    }
}

impl SuggestRequest {
    /// Runs the built-in suggester (slow on a long text: call it off the UI thread).
    pub fn run(&self) -> Vec<Offer> {
        let suggester = crate::suggest::Suggester::new(&self.project);
        suggester
            .suggest(&self.text)
            .iter()
            .zip(1..)
            .map(|(s, number)| Offer::from_suggestion(number, s, &self.project))
            .collect()
    }
}

impl OpenDocument {
    /// Indices (into [`Suggestions::offers`]) of the suggestions still offered,
    /// ascending (so in text order).
    pub fn live_suggestions(&self) -> &[usize] {
        &self.live
    }

    /// The suggestion `i`, when it is offered.
    pub fn offered(&self, i: usize) -> Option<&Offer> {
        self.live.binary_search(&i).is_ok().then(|| self.suggestions.offers().get(i)).flatten()
    }

    /// The selected suggestion, when it is still offered.
    pub fn selected_offer(&self) -> Option<(usize, &Offer)> {
        let i = self.selected_suggestion?;
        self.offered(i).map(|o| (i, o))
    }

    /// Recomputes which suggestions are offered after the coder's file changed.
    pub(super) fn refresh_live(&mut self) {
        let file = &self.loaded.file;
        let taken: Vec<&Span> = file.claims.iter().map(|c| &c.content).chain(&file.rejected).collect();
        self.live = live_offers(self.suggestions.offers(), &taken);
        if self.selected_suggestion.is_some_and(|i| self.live.binary_search(&i).is_err()) {
            self.selected_suggestion = None;
        }
    }

    /// Where the selection stands in the text: the selected suggestion's or claim's
    /// start.
    fn cursor(&self) -> Option<usize> {
        self.selected_offer()
            .map(|(_, o)| o.claim.content.start)
            .or_else(|| self.selected_claim().map(|c| c.content.start))
    }

    /// The offered suggestion after (or before) the selected suggestion or claim in
    /// text order, wrapping around; the first (or last) when nothing is selected.
    pub fn neighbour_suggestion(&self, forward: bool) -> Option<usize> {
        let offers = self.suggestions.offers();
        let key = |i: usize| (offers[i].claim.content.start, i);
        let here = match (self.selected_offer(), self.cursor()) {
            (Some((i, _)), _) => Some(key(i)),
            (None, Some(pos)) => Some(if forward { (pos, usize::MAX) } else { (pos, 0) }),
            (None, None) => None,
        };
        let live = self.live.iter().copied();
        let next = match (here, forward) {
            (Some(h), true) => live.clone().filter(|&i| key(i) > h).min_by_key(|&i| key(i)),
            (Some(h), false) => live.clone().filter(|&i| key(i) < h).max_by_key(|&i| key(i)),
            (None, _) => None,
        };
        next.or_else(|| if forward { live.min_by_key(|&i| key(i)) } else { live.max_by_key(|&i| key(i)) })
    }

    /// The offered suggestion covering char `pos` (the shortest), for clicks in the text.
    pub fn suggestion_at(&self, pos: usize) -> Option<usize> {
        let offers = self.suggestions.offers();
        self.live
            .iter()
            .copied()
            .filter(|&i| offers[i].claim.content.contains(pos))
            .min_by_key(|&i| offers[i].claim.content.len())
    }
}

impl Workspace {
    /// The built-in suggester's work for the open document, when it has none yet
    /// and suggestions are shown.
    pub fn suggestions_wanted(&self) -> Option<SuggestRequest> {
        let open = self.open.as_ref().filter(|o| self.suggestions_shown && o.suggestions == Suggestions::Pending)?;
        Some(SuggestRequest {
            document: open.doc.id.clone(),
            sha256: open.doc.sha256.clone(),
            text: open.doc.text.clone(),
            project: self.project.clone(),
        })
    }

    /// The built-in suggester's answer for `document` (text hash `sha256`); dropped
    /// when another document or text is open by now.
    pub fn suggestions_arrived(&mut self, document: &str, sha256: &str, offers: Vec<Offer>) {
        let Some(open) = &mut self.open else { return };
        if open.doc.id != document || open.doc.sha256 != sha256 || open.suggestions != Suggestions::Pending {
            return;
        }
        open.suggestions = Suggestions::Ready { origin: Origin::Builtin, offers };
        open.refresh_live();
        open.revision += 1;
    }

    /// Reads the open document's suggestions again after its suggested file
    /// changed, appeared or went (another program wrote it): from the file, or from
    /// the built-in suggester when there is none any more.
    pub fn reread_suggestions(&mut self) {
        let Some(open) = &mut self.open else { return };
        let Some(entry) = self.corpus.documents.get(open.index) else { return };
        open.suggestions = Suggestions::from_file(&suggested_path(&entry.path), &open.doc);
        open.selected_suggestion = None;
        open.refresh_live();
        open.revision += 1;
    }

    /// The built-in suggester stopped without an answer for the open document.
    pub fn suggestions_failed(&mut self, reason: &str) {
        let Some(open) = &mut self.open else { return };
        if open.suggestions == Suggestions::Pending {
            open.suggestions = Suggestions::Failed(format!("no suggestions: {reason}"));
            open.revision += 1;
        }
    }

    /// Shows or hides suggestions (hidden ones are neither drawn nor reached by Tab).
    pub fn show_suggestions(&mut self, shown: bool) {
        self.suggestions_shown = shown;
        if let Some(open) = &mut self.open {
            if !shown {
                open.selected_suggestion = None;
            }
            open.revision += 1;
        }
    }

    /// Selects suggestion `i` (scrolling the text to it), or none; selecting one
    /// clears the selected claim.
    pub fn select_suggestion(&mut self, i: Option<usize>) {
        let shown = self.suggestions_shown;
        let Some(open) = &mut self.open else { return };
        let Some(start) = i.filter(|_| shown).and_then(|i| open.offered(i)).map(|o| o.claim.content.start) else {
            open.selected_suggestion = None;
            open.revision += 1;
            return;
        };
        open.selected_suggestion = i;
        open.selected = None;
        open.scroll_to.send(start);
        open.revision += 1;
    }

    /// Tab and Shift+Tab: the next (or previous) offered suggestion.
    pub fn step_suggestion(&mut self, forward: bool) {
        if !self.suggestions_shown {
            self.notice = Some("Suggestions are hidden; show them from the View menu.".to_owned());
            return;
        }
        let next = self.open.as_ref().and_then(|o| o.neighbour_suggestion(forward));
        match next {
            Some(i) => self.select_suggestion(Some(i)),
            None => self.notice = Some(self.no_suggestion_reason()),
        }
    }

    /// Why Tab found nothing.
    fn no_suggestion_reason(&self) -> String {
        match self.open.as_ref().map(|o| &o.suggestions) {
            Some(Suggestions::Pending) => "Suggestions are still being read from the text.".to_owned(),
            Some(Suggestions::Failed(why)) => why.clone(),
            _ => "No suggestions left in this document.".to_owned(),
        }
    }

    /// Enter: codes the selected suggestion as the coder's claim (as `kind` when
    /// given: a kind key pressed on a suggestion) and selects it. One undoable edit.
    pub fn accept_suggestion(&mut self, kind: Option<String>) {
        let Some((_, offer)) = self.open.as_ref().and_then(|o| o.selected_offer()) else {
            self.notice = Some("Press Tab to go to a suggestion first, then Enter to accept it.".to_owned());
            return;
        };
        let offer = offer.clone();
        self.edit(None, |open, project| {
            let id = open.loaded.file.take_claim_id();
            let stamp = crate::model::time::now();
            let mut claim = Claim { id, created: stamp, modified: stamp, ..offer.claim.clone() };
            if let Some(kind) = kind {
                claim.kind = kind;
            }
            if let Some(source) = &claim.source
                && project.actors.get(source).is_none()
            {
                let name = offer.source_name.clone().unwrap_or_else(|| source.clone());
                project.actors.actors.push(Actor { id: source.clone(), ..Actor::named(&name) });
            }
            open.loaded.file.claims.push(claim);
            open.selected = Some(id);
            open.selected_suggestion = None;
            true
        });
    }

    /// Backspace: rejects the selected suggestion (its content extent goes to the
    /// coder's `rejected` list, so it is never offered again) and goes on to the
    /// next one. One undoable edit.
    pub fn reject_suggestion(&mut self) {
        let Some((_, offer)) = self.open.as_ref().and_then(|o| o.selected_offer()) else {
            self.notice = Some("Press Tab to go to a suggestion first, then Backspace to reject it.".to_owned());
            return;
        };
        let extent = offer.claim.content.clone();
        self.edit(None, |open, _| {
            if open.loaded.file.rejected.contains(&extent) {
                return false;
            }
            open.loaded.file.rejected.push(extent);
            open.loaded.file.modified = crate::model::time::now();
            true
        });
        // The edit dropped the rejected one from the live list; Tab goes on from it.
        let Some(open) = &self.open else { return };
        let next = open.neighbour_suggestion(true);
        if next.is_some() {
            self.select_suggestion(next);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: usize, end: usize) -> Span {
        Span { start, end, quote: String::new() }
    }

    fn offer(start: usize, end: usize) -> Offer {
        Offer {
            claim: Claim::new(1, "assertion", span(start, end)),
            confidence: None,
            reason: String::new(),
            source_name: None,
        }
    }

    #[test]
    fn offers_overlap_matching_a_claim_or_a_rejected_extent_are_not_live() {
        let offers = [offer(0, 10), offer(20, 30), offer(40, 50), offer(60, 70)];
        let (claim, rejected, slight, long) = (span(0, 9), span(41, 50), span(28, 40), span(0, 100));
        assert_eq!(live_offers(&offers, &[&claim, &rejected, &slight]), [1, 3], "Jaccard 0.9 matches, 0.2 does not");
        assert_eq!(live_offers(&offers, &[&long]), [0, 1, 2, 3], "a long claim matches none (Jaccard 0.1)");
        assert_eq!(live_offers(&offers, &[&span(55, 80), &span(58, 71)]), [0, 1, 2], "any of two may match");
    }
}
