//! How a finished export or import went, as its window shows it.

/// How a finished task went, as the window shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// Whether it succeeded (the headline is shown in the error colour otherwise).
    pub ok: bool,
    /// One sentence: what was written, or why nothing was.
    pub headline: String,
    /// Further lines (left-out claims, unmapped brat lines), each naming its file.
    pub details: Vec<String>,
}

impl Outcome {
    /// A failure with no details.
    pub fn failed(headline: impl Into<String>) -> Self {
        Self { ok: false, headline: headline.into(), details: Vec::new() }
    }

    /// Shows the headline and the details (scrolling when there are many).
    pub(crate) fn show(&self, ui: &mut egui::Ui) {
        let color = if self.ok { ui.visuals().text_color() } else { crate::ui::widgets::style::error(ui) };
        ui.label(egui::RichText::new(&self.headline).color(color));
        if !self.details.is_empty() {
            egui::ScrollArea::vertical().id_salt("outcome-details").max_height(180.0).show(ui, |ui| {
                for line in &self.details {
                    ui.label(egui::RichText::new(line).small());
                }
            });
        }
    }
}
