//! The document's claims and the suggestions still offered, in text order; clicking
//! one selects it and scrolls the text to it. A suggestion's row says so, with the
//! suggester's confidence, and its reason on hover. The list lies below the
//! inspector in one scroll, so it never scrolls by itself: a selected claim or
//! suggestion brings the inspector's top into view.

use egui::RichText;

use super::CodingIntent;
use super::inspector::quote_preview;
use crate::coding::{Offer, OpenDocument};
use crate::model::{Claim, Project};
use crate::ui::intent::Intent;
use crate::ui::widgets::list_row;
use crate::ui::widgets::style::{kind_color, muted, warning};

/// One row of the list.
enum Row<'a> {
    Claim(&'a Claim),
    Suggestion(usize, &'a Offer),
}

/// Shows the list; suggestions only when `suggestions_shown`.
pub(crate) fn show(
    ui: &mut egui::Ui,
    open: &OpenDocument,
    project: &Project,
    suggestions_shown: bool,
    out: &mut Vec<Intent>,
) {
    let claims = open.claims();
    let offers = open.suggestions.offers();
    let live: &[usize] = if suggestions_shown { open.live_suggestions() } else { &[] };
    ui.horizontal(|ui| {
        ui.heading("Claims");
        ui.label(RichText::new(format!("{}", claims.len())).color(muted(ui)));
        if !live.is_empty() {
            ui.label(RichText::new(format!("+ {} suggested", live.len())).color(muted(ui)));
        }
    });
    if !open.orphans.is_empty() {
        ui.colored_label(
            warning(ui),
            format!("{} orphaned claim(s): lost their text after the document changed; they are kept — select one to repair it.", open.orphans.len()),
        );
    }
    if claims.is_empty() && live.is_empty() {
        ui.label(RichText::new("None yet. Select a passage and press A, D or C.").color(muted(ui)));
        return;
    }
    // Claims and suggestions in text order. The offers are kept in text order, so
    // only the claims are sorted and the two lists merged: a long document may offer
    // tens of thousands of suggestions, and this runs every frame.
    let mut sorted: Vec<&Claim> = claims.iter().collect();
    sorted.sort_by_key(|c| (c.content.start, c.content.end));
    let mut rows: Vec<Row<'_>> = Vec::with_capacity(sorted.len() + live.len());
    let mut suggested = live.iter().map(|&i| (i, &offers[i])).peekable();
    for c in sorted {
        while let Some((i, o)) =
            suggested.next_if(|(_, o)| (o.claim.content.start, o.claim.content.end) < (c.content.start, c.content.end))
        {
            rows.push(Row::Suggestion(i, o));
        }
        rows.push(Row::Claim(c));
    }
    rows.extend(suggested.map(|(i, o)| Row::Suggestion(i, o)));
    let is_selected = |row: &Row<'_>| match row {
        Row::Claim(c) => open.selected == Some(c.id),
        Row::Suggestion(i, _) => open.selected_suggestion == Some(*i),
    };
    // Only the rows in view are built (a document may hold thousands of claims and
    // offer thousands of suggestions, and the list is redrawn every frame); the rest
    // is space in the inspector's scroll.
    let spacing = ui.spacing().item_spacing.y;
    let height = list_row::ROW_HEIGHT - 2.0;
    let stride = height + spacing;
    let width = ui.available_width();
    let (area, _) =
        ui.allocate_exact_size(egui::vec2(width, stride * rows.len() as f32 - spacing), egui::Sense::hover());
    let row_rect =
        |i: usize| egui::Rect::from_min_size(area.min + egui::vec2(0.0, i as f32 * stride), egui::vec2(width, height));
    let clip = ui.clip_rect();
    let first = ((clip.top() - area.top()) / stride).floor().max(0.0) as usize;
    let end = (((clip.bottom() - area.top()) / stride).ceil().max(0.0) as usize + 1).min(rows.len());
    for (i, row) in rows.iter().enumerate().take(end).skip(first) {
        let salt = match row {
            Row::Claim(c) => ("claim-row", c.id),
            Row::Suggestion(s, _) => ("suggestion-row", *s as u64),
        };
        let mut child = ui.new_child(egui::UiBuilder::new().id_salt(salt).max_rect(row_rect(i)));
        row_ui(&mut child, row, is_selected(row), open, project, out);
    }
}

/// One row: a claim, or a suggestion with its confidence (its reason on hover).
fn row_ui(
    ui: &mut egui::Ui,
    row: &Row<'_>,
    selected: bool,
    open: &OpenDocument,
    project: &Project,
    out: &mut Vec<Intent>,
) {
    let source_name = |claim: &Claim, fallback: Option<&str>| -> String {
        claim.source.as_deref().map_or("unattributed".to_owned(), |id| {
            project.actors.get(id).map(|a| a.name.as_str()).or(fallback).unwrap_or(id).to_owned()
        })
    };
    let (claim, suggestion) = match *row {
        Row::Claim(c) => (c, None),
        Row::Suggestion(i, o) => (&o.claim, Some((i, o))),
    };
    let kind = project.kinds.iter().find(|k| k.id == claim.kind);
    let label = kind.map(|k| k.label.as_str()).unwrap_or(&claim.kind);
    let title = match suggestion {
        None => {
            let orphan = if open.orphans.contains(&claim.id) { "Orphaned · " } else { "" };
            format!("{orphan}{label} · {}", source_name(claim, None))
        }
        Some((_, o)) => {
            let confidence = o.confidence.map(|c| format!(" {c:.2}")).unwrap_or_default();
            format!("Suggested{confidence} · {label} · {}", source_name(claim, o.source_name.as_deref()))
        }
    };
    let preview = quote_preview(&claim.content.quote, 120);
    let mut response = list_row::show(ui, selected, &title, &preview, Some(kind_color(kind)));
    match suggestion {
        None => {
            if response.clicked() {
                out.push(CodingIntent::SelectClaim(Some(claim.id)).into());
            }
        }
        Some((i, o)) => {
            if !o.reason.is_empty() {
                response = response.on_hover_text(&o.reason);
            }
            if response.clicked() {
                out.push(CodingIntent::SelectSuggestion(Some(i)).into());
            }
        }
    }
}
