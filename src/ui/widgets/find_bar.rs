//! Ctrl+F: find text in the open document (case-insensitive); Enter goes to the
//! next hit and selects it, so a found passage can be coded at once.

use crate::model::TextIndex;
use crate::ui::action::Action;
use crate::ui::open_document::OpenDocument;

/// The find bar's state.
#[derive(Clone, Debug, Default)]
pub struct FindBar {
    /// What is searched for.
    pub query: String,
    /// Char ranges of the hits in the open document.
    pub hits: Vec<(usize, usize)>,
    /// The hit last gone to.
    pub current: Option<usize>,
    searched: Option<(String, String)>,
    revision: u64,
    focus: bool,
}

impl FindBar {
    /// The bar with its field focused.
    pub fn focused(mut self) -> Self {
        self.focus = true;
        self
    }

    /// Forces a new search (after the document changed).
    pub fn invalidate(&mut self) {
        self.searched = None;
    }

    /// Bumped whenever the hits change, for the text layout cache.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    fn refresh(&mut self, doc_sha: &str, text: &TextIndex) {
        let key = (doc_sha.to_owned(), self.query.clone());
        if self.searched.as_ref() == Some(&key) {
            return;
        }
        self.hits = if self.query.trim().is_empty() { Vec::new() } else { text.find_all_case_insensitive(&self.query) };
        self.current = None;
        self.searched = Some(key);
        self.revision += 1;
    }

    fn go(&mut self, open: &mut OpenDocument, forward: bool) {
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
        open.scroll_to = Some(s);
        open.selection = Some((s, e));
        open.set_text_selection = Some(Some((s, e)));
    }

    /// Shows the bar above the text.
    pub fn show(&mut self, ui: &mut egui::Ui, open: &mut OpenDocument, actions: &mut Vec<Action>) {
        ui.horizontal(|ui| {
            ui.label("Find:");
            let response =
                ui.add(egui::TextEdit::singleline(&mut self.query).hint_text("text to find").desired_width(260.0));
            if std::mem::take(&mut self.focus) {
                response.request_focus();
            }
            self.refresh(&open.doc.sha256, &open.doc.text);
            let enter = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if enter {
                let back = ui.input(|i| i.modifiers.shift);
                self.go(open, !back);
                response.request_focus();
            }
            if ui.button("Previous").on_hover_text("Previous hit (Shift+Enter)").clicked() {
                self.go(open, false);
            }
            if ui.button("Next").on_hover_text("Next hit (Enter)").clicked() {
                self.go(open, true);
            }
            let count = match (self.current, self.hits.len()) {
                (_, 0) if !self.query.is_empty() => "no matches".to_owned(),
                (_, 0) => String::new(),
                (Some(i), n) => format!("{} of {n}", i + 1),
                (None, n) => format!("{n} matches"),
            };
            ui.label(count);
            if ui.button("Close").on_hover_text("Close (Escape)").clicked() {
                actions.push(Action::Escape);
            }
        });
    }
}
