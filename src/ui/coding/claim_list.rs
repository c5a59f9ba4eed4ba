//! The document's claims in text order; clicking one selects it and scrolls the
//! text to it. The list lies below the claim's inspector in one scroll, so it never
//! scrolls by itself: a selected claim brings the inspector's top into view.

use egui::RichText;

use super::CodingIntent;
use super::inspector::quote_preview;
use crate::coding::OpenDocument;
use crate::model::Project;
use crate::ui::intent::Intent;
use crate::ui::widgets::list_row;
use crate::ui::widgets::style::{kind_color, muted, warning};

/// Shows the list.
pub(crate) fn show(ui: &mut egui::Ui, open: &OpenDocument, project: &Project, out: &mut Vec<Intent>) {
    let claims = open.claims();
    ui.horizontal(|ui| {
        ui.heading("Claims");
        ui.label(RichText::new(format!("{}", claims.len())).color(muted(ui)));
    });
    if !open.orphans.is_empty() {
        ui.colored_label(
            warning(ui),
            format!("{} orphaned claim(s): lost their text after the document changed; they are kept — select one to repair it.", open.orphans.len()),
        );
    }
    if claims.is_empty() {
        ui.label(RichText::new("None yet. Select a passage and press A, D or C.").color(muted(ui)));
        return;
    }
    // Only the rows in view are built (a document may hold thousands of claims, and
    // the list is redrawn every frame); the rest is space in the inspector's scroll.
    let spacing = ui.spacing().item_spacing.y;
    let height = list_row::ROW_HEIGHT - 2.0;
    let stride = height + spacing;
    let width = ui.available_width();
    let (area, _) =
        ui.allocate_exact_size(egui::vec2(width, stride * claims.len() as f32 - spacing), egui::Sense::hover());
    let row_rect =
        |i: usize| egui::Rect::from_min_size(area.min + egui::vec2(0.0, i as f32 * stride), egui::vec2(width, height));
    let clip = ui.clip_rect();
    let first = ((clip.top() - area.top()) / stride).floor().max(0.0) as usize;
    let end = (((clip.bottom() - area.top()) / stride).ceil().max(0.0) as usize + 1).min(claims.len());
    for (i, claim) in claims.iter().enumerate().take(end).skip(first) {
        let kind = project.kinds.iter().find(|k| k.id == claim.kind);
        let label = kind.map(|k| k.label.as_str()).unwrap_or(&claim.kind);
        let source = claim
            .source
            .as_deref()
            .map(|id| project.actors.get(id).map(|a| a.name.as_str()).unwrap_or(id))
            .unwrap_or("unattributed");
        let orphan = if open.orphans.contains(&claim.id) { "Orphaned · " } else { "" };
        let title = format!("{orphan}{label} · {source}");
        let selected = open.selected == Some(claim.id);
        let mut row = ui.new_child(egui::UiBuilder::new().id_salt(("claim-row", claim.id)).max_rect(row_rect(i)));
        let response = list_row::show(
            &mut row,
            selected,
            &title,
            &quote_preview(&claim.content.quote, 120),
            Some(kind_color(kind)),
        );
        if response.clicked() {
            out.push(CodingIntent::SelectClaim(Some(claim.id)).into());
        }
    }
}
