//! The left panel: the corpus's documents with headline, date, outlet, claim count
//! and status, a filter box, the order, and overall progress.

use egui::RichText;

use super::CodingIntent;
use crate::coding::Workspace;
use crate::coding::listing::DocOrder;
use crate::model::Status;
use crate::ui::intent::Intent;
use crate::ui::widgets::list_row::{self, ROW_HEIGHT};
use crate::ui::widgets::style::muted;
use crate::ui::widgets::working::working;

/// Shows the document list.
pub(crate) fn show(ui: &mut egui::Ui, ws: &Workspace, out: &mut Vec<Intent>) {
    ui.add_space(4.0);
    ui.heading("Documents");
    let (done, total) = ws.listing.done();
    let fraction = if total == 0 { 0.0 } else { done as f32 / total as f32 };
    ui.add(egui::ProgressBar::new(fraction).text(format!("{done} of {total} done")));
    let (read, all) = ws.listing.progress();
    if read < all {
        working(ui, RichText::new(format!("reading {read} / {all}")).color(muted(ui)));
    }
    let mut filter = ws.filter.clone();
    ui.add(
        egui::TextEdit::singleline(&mut filter)
            .hint_text("Filter by title, text, outlet, date…")
            .desired_width(f32::INFINITY),
    );
    if filter != ws.filter {
        out.push(CodingIntent::SetFilter(filter).into());
    }
    if !ws.metadata.is_empty() {
        let mut order = ws.order;
        ui.horizontal(|ui| {
            let label = ui.label("Sort by");
            egui::ComboBox::from_id_salt("document-order")
                .selected_text(order.label())
                .show_ui(ui, |ui| {
                    for o in DocOrder::ALL {
                        ui.selectable_value(&mut order, o, o.label());
                    }
                })
                .response
                .labelled_by(label.id);
        });
        if order != ws.order {
            out.push(CodingIntent::SetOrder(order).into());
        }
    }
    ui.separator();
    let visible = ws.visible_indices();
    if visible.is_empty() {
        ui.label(RichText::new("No document matches the filter.").color(muted(ui)));
        return;
    }
    let current = ws.current_index();
    egui::ScrollArea::vertical().id_salt("document-list").auto_shrink(false).show_rows(
        ui,
        ROW_HEIGHT,
        visible.len(),
        |ui, rows| {
            for &index in &visible[rows] {
                let entry = &ws.corpus.documents[index];
                let row = ws.listing.rows.get(index).and_then(Option::as_ref);
                let title = ws.title(index);
                let meta = ws.meta(index);
                let mut detail: Vec<String> = Vec::new();
                if let Some(date) = meta.and_then(|m| m.date()) {
                    detail.push(date.format("%Y-%m-%d").to_string());
                }
                if let Some(outlet) = meta.and_then(|m| m.outlet()) {
                    detail.push(outlet.to_owned());
                }
                detail.push(match row {
                    None => "…".to_owned(),
                    Some(r) if r.error.is_some() => "cannot be read".to_owned(),
                    Some(r) => {
                        let claims = if r.claims == 1 { "1 claim".to_owned() } else { format!("{} claims", r.claims) };
                        format!("{} · {claims}", Status::label(r.status))
                    }
                });
                let selected = current == Some(index);
                let response = list_row::show(ui, selected, &title, &detail.join(" · "), None).on_hover_text(&entry.id);
                if response.clicked() && !selected {
                    out.push(CodingIntent::OpenDocument(index).into());
                }
            }
        },
    );
}
