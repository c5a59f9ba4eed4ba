//! What every chart of the app shares: it is fixed, because an analyst reads it
//! rather than explores it.

use egui_plot::Plot;

/// `plot` with zoom, drag, scroll, boxed zoom and the double-click reset turned off.
pub(crate) fn fixed(plot: Plot<'_>) -> Plot<'_> {
    plot.allow_zoom(false).allow_drag(false).allow_scroll(false).allow_boxed_zoom(false).allow_double_click_reset(false)
}
