//! What the central area is for. A new mode is a variant here, a folder under `ui/`
//! with its intent, state and views, and the modes its commands apply in
//! (`command.rs`); every match on `Mode` is exhaustive, so the compiler lists the
//! places that must learn about it.

/// The app's modes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Mode {
    /// Coding claims in one document.
    #[default]
    Coding,
    /// Reviewing disagreement between annotators and adjudicating into gold.
    Review,
    /// Corpus statistics and charts.
    Statistics,
}

impl Mode {
    /// Every mode, in the order the View menu lists them.
    pub const ALL: [Mode; 3] = [Mode::Coding, Mode::Review, Mode::Statistics];

    /// The mode's name, as the menu bar and the help show it.
    pub fn label(self) -> &'static str {
        match self {
            Mode::Coding => "Coding",
            Mode::Review => "Review",
            Mode::Statistics => "Statistics",
        }
    }

    /// Whether the mode shows the corpus as read into the shared dataset (and so
    /// reads it again when it opens).
    pub fn uses_dataset(self) -> bool {
        match self {
            Mode::Coding => false,
            Mode::Review | Mode::Statistics => true,
        }
    }
}
