//! Which side panels of the coding mode are shown. By default they fold away when
//! the window is too narrow for them and a readable text column (about 45
//! characters a line): the document list first, then the inspector. Ctrl+B and
//! Ctrl+I (and the buttons in the status bar) override that for the session.

/// A side panel of the coding mode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Panel {
    /// The document list on the left.
    Documents,
    /// The claim inspector and claim list on the right.
    Inspector,
}

/// Width the document list takes by default.
pub(crate) const DOCUMENTS_WIDTH: f32 = 270.0;
/// Width the inspector takes by default.
pub(crate) const INSPECTOR_WIDTH: f32 = 340.0;
/// The narrowest text area that keeps about 45 characters a line, with the view's
/// padding and scroll bar.
const TEXT_MIN_WIDTH: f32 = 440.0;

/// The panels' state: the coder's choice, if any, and the window's width.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Panels {
    documents: Option<bool>,
    inspector: Option<bool>,
    /// The window's width in the last frame.
    pub(crate) width: f32,
}

impl Panels {
    /// Whether `panel` is shown.
    pub(crate) fn shows(&self, panel: Panel) -> bool {
        let (choice, fits) = match panel {
            Panel::Inspector => (self.inspector, self.width >= INSPECTOR_WIDTH + TEXT_MIN_WIDTH),
            Panel::Documents => {
                let inspector = if self.shows(Panel::Inspector) { INSPECTOR_WIDTH } else { 0.0 };
                (self.documents, self.width >= DOCUMENTS_WIDTH + inspector + TEXT_MIN_WIDTH)
            }
        };
        choice.unwrap_or(fits || self.width <= 0.0)
    }

    /// Shows `panel` if hidden, hides it if shown.
    pub(crate) fn toggle(&mut self, panel: Panel) {
        let shown = self.shows(panel);
        match panel {
            Panel::Documents => self.documents = Some(!shown),
            Panel::Inspector => self.inspector = Some(!shown),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn narrow_windows_fold_the_document_list_first_then_the_inspector() {
        let at = |width| Panels { width, ..Default::default() };
        let both = |p: Panels| (p.shows(Panel::Documents), p.shows(Panel::Inspector));
        assert_eq!(both(at(1280.0)), (true, true));
        assert_eq!(both(at(800.0)), (false, true));
        assert_eq!(both(at(600.0)), (false, false));
        let mut p = at(800.0);
        p.toggle(Panel::Documents);
        assert_eq!(both(p), (true, true), "the coder's choice wins");
        p.toggle(Panel::Inspector);
        assert_eq!(both(p), (true, false));
    }
}
