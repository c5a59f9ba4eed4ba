//! The line a view shows while work runs in the background.

/// A spinner and what is being done (`Converting…`).
pub(crate) fn working(ui: &mut egui::Ui, what: impl Into<egui::WidgetText>) {
    ui.horizontal(|ui| {
        ui.spinner();
        ui.label(what);
    });
}
