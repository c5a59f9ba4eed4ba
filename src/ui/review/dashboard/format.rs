//! Text for figures: a value with three decimals, or "n/a" and the reason it has none.

use crate::agreement::figure::Figure;

/// Decimals shown for agreement figures: enough to tell 0.70 from 0.71, as in papers.
pub(crate) const DECIMALS: usize = 3;

/// The text of a figure and, when it is undefined, the reason to show on hover.
/// A non-finite value (which the core never produces) is shown as undefined too,
/// so the screen never prints NaN.
pub(crate) fn figure_text(figure: &Figure) -> (String, Option<String>) {
    match figure {
        Ok(v) if v.is_finite() => (format!("{v:.DECIMALS$}"), None),
        Ok(_) => ("n/a".to_owned(), Some("not a number".to_owned())),
        Err(reason) => ("n/a".to_owned(), Some(reason.to_string())),
    }
}

/// Shows a figure as a label, with the reason on hover when it is undefined.
pub(crate) fn figure_label(ui: &mut egui::Ui, figure: &Figure) {
    let (text, reason) = figure_text(figure);
    let response = ui.label(text);
    if let Some(reason) = reason {
        response.on_hover_text(reason);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agreement::figure::Undefined;

    #[test]
    fn figures_show_three_decimals_or_na_with_the_reason() {
        assert_eq!(figure_text(&Ok(0.71234)), ("0.712".to_owned(), None));
        assert_eq!(figure_text(&Err(Undefined::NoPairs)), ("n/a".to_owned(), Some("no matched pairs".to_owned())));
        assert_eq!(figure_text(&Ok(f64::NAN)).0, "n/a");
    }
}
