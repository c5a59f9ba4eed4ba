//! The document's claims in text order; clicking one selects it and scrolls the
//! text to it.

use egui::RichText;

use super::CodingIntent;
use super::inspector::quote_preview;
use crate::coding::OpenDocument;
use crate::model::Project;
use crate::ui::intent::Intent;
use crate::ui::widgets::list_row;
use crate::ui::widgets::request::Fresh as _;
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
    egui::ScrollArea::vertical().id_salt("claim-list").auto_shrink(false).show(ui, |ui| {
        for claim in claims {
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
            let response =
                list_row::show(ui, selected, &title, &quote_preview(&claim.content.quote, 120), Some(kind_color(kind)));
            if response.clicked() {
                out.push(CodingIntent::SelectClaim(Some(claim.id)).into());
            }
            if selected && open.scroll_to.fresh(ui.ctx(), egui::Id::unique("claim-list-scroll")).is_some() {
                response.scroll_to_me(None);
            }
        }
    });
}
