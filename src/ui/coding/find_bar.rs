//! Ctrl+F: find text in the open document (case-insensitive); Enter goes to the
//! next hit and selects it, so a found passage can be coded at once.

use crate::coding::{OpenDocument, ViewRequest};
use crate::ui::coding::CodingIntent;
use crate::ui::command::Command;
use crate::ui::intent::{AppIntent, Intent};
use crate::ui::widgets::request::Fresh as _;

/// The find bar's state.
#[derive(Clone, Debug, Default)]
pub(crate) struct FindBar {
    /// What is searched for.
    pub query: String,
    /// Char ranges of the hits in the open document.
    pub hits: Vec<(usize, usize)>,
    /// The hit last gone to.
    pub current: Option<usize>,
    /// Give the field the keyboard focus.
    pub(crate) focus: ViewRequest<()>,
    searched: Option<(String, String)>,
    revision: u64,
}

impl FindBar {
    /// Bumped whenever the hits change, for the text layout cache.
    pub(crate) fn revision(&self) -> u64 {
        self.revision
    }

    /// Searches again when the query or the document changed.
    pub(crate) fn refresh(&mut self, open: &OpenDocument) {
        let key = (open.doc.sha256.clone(), self.query.clone());
        if self.searched.as_ref() == Some(&key) {
            return;
        }
        self.hits = if self.query.trim().is_empty() {
            Vec::new()
        } else {
            open.doc.text.find_all_case_insensitive(&self.query)
        };
        self.current = None;
        self.searched = Some(key);
        self.revision += 1;
    }

    /// Goes to the next (or previous) hit, selects it in the text and scrolls to it.
    pub(crate) fn go(&mut self, open: &mut OpenDocument, forward: bool) {
        if self.hits.is_empty() {
            return;
        }
        let n = self.hits.len();
        let next = match (self.current, forward) {
            (None, _) => 0,
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
        };
        self.current = Some(next);
        self.revision += 1;
        let (s, e) = self.hits[next];
        open.scroll_to.send(s);
        open.selection = Some((s, e));
        open.text_selection.send(Some((s, e)));
    }
}

/// Shows the bar above the text.
pub(crate) fn show(ui: &mut egui::Ui, find: &FindBar, out: &mut Vec<Intent>) {
    ui.horizontal(|ui| {
        let label = ui.label("Find:");
        let mut query = find.query.clone();
        let response = ui
            .add(egui::TextEdit::singleline(&mut query).hint_text("text to find").desired_width(260.0))
            .labelled_by(label.id);
        if find.focus.fresh(ui.ctx(), response.id).is_some() {
            response.request_focus();
        }
        if query != find.query {
            out.push(CodingIntent::EditFind(query).into());
        }
        let enter = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if enter {
            let back = ui.input(|i| i.modifiers.shift);
            out.push(if back { CodingIntent::FindPrevious } else { CodingIntent::FindNext }.into());
            response.request_focus();
        }
        if ui.button("Previous").on_hover_text("Previous hit (Shift+Enter)").clicked() {
            out.push(CodingIntent::FindPrevious.into());
        }
        if ui.button("Next").on_hover_text("Next hit (Enter)").clicked() {
            out.push(CodingIntent::FindNext.into());
        }
        let count = match (find.current, find.hits.len()) {
            (_, 0) if !find.query.is_empty() => "no matches".to_owned(),
            (_, 0) => String::new(),
            (Some(i), n) => format!("{} of {n}", i + 1),
            (None, n) => format!("{n} matches"),
        };
        ui.label(count);
        let close = Command::Escape.shortcut_text(ui.ctx()).unwrap_or_default();
        if ui.button("Close").on_hover_text(format!("Close ({close})")).clicked() {
            out.push(AppIntent::Escape.into());
        }
    });
}
