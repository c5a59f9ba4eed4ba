//! Charts of the claim fields (issue 12): how often each value was given, and for a
//! Scale the classic figure of political claims analysis, the mean position of each
//! claimant toward each addressee, as a grid coloured from against (red) through
//! neutral to for (green). The numbers come from [`crate::export::field_stats`], as
//! `claimcoder stats` prints them.

use egui::{Color32, RichText, Sense, Stroke, StrokeKind, vec2};
use egui_plot::{Bar, BarChart};

use super::charts::{category_plot, short};
use crate::export::field_stats::{FieldStats, PositionTable};
use crate::ui::widgets::style::muted;

/// How many values a distribution shows (an Actor field has many).
const TOP_VALUES: usize = 12;
/// How many claimants and addressees the position grid shows.
const TOP_PARTIES: usize = 12;
/// A grid cell, in points.
const CELL: egui::Vec2 = vec2(86.0, 34.0);
/// The width of the claimants' names left of the grid.
const NAMES: f32 = 190.0;

/// One bar chart per coded field (Text fields: only how many claims have a value).
pub(super) fn distributions(ui: &mut egui::Ui, fields: &[FieldStats]) {
    if fields.is_empty() {
        return;
    }
    ui.heading("Claim fields");
    for field in fields {
        let heading = format!("{} ({} with a value, {} without)", field.label, field.with_value, field.without_value);
        ui.label(RichText::new(heading).strong());
        if field.r#type == Some("Text") || field.values.is_empty() {
            ui.add_space(6.0);
            continue;
        }
        let shown = &field.values[..field.values.len().min(TOP_VALUES)];
        if shown.len() < field.values.len() {
            ui.label(RichText::new(format!("the {} most given of {} values", shown.len(), field.values.len())).small());
        }
        let n = shown.len();
        let color = ui.visuals().selection.bg_fill;
        let bars = shown
            .iter()
            .enumerate()
            .map(|(i, v)| Bar::new((n - 1 - i) as f64, v.claims as f64).name(&v.label).fill(color))
            .collect();
        let chart = BarChart::new(field.label.clone(), bars).color(color).width(0.6).horizontal();
        let names = shown.iter().rev().map(|v| short(&v.label)).collect();
        let most = shown.iter().map(|v| v.claims).max().unwrap_or(0) as f64;
        category_plot(&format!("statistics-field-{}", field.id), names, "Claims")
            .include_x(most * 1.1)
            .show(ui, move |plot| plot.bar_chart(chart));
        ui.add_space(8.0);
    }
}

/// The mean position of each claimant (rows) toward each addressee (columns): the
/// cell's colour and number are the mean, `n` the claims behind it.
pub(super) fn positions(ui: &mut egui::Ui, table: &PositionTable) {
    let (low, high) = match (table.scale.first(), table.scale.last()) {
        (Some(l), Some(h)) if h.0 > l.0 => (l.0 as f64, h.0 as f64),
        _ => return,
    };
    ui.heading(format!("Mean {} of claimants toward addressees", table.label.to_lowercase()));
    let scale: Vec<String> = table.scale.iter().map(|(v, l)| format!("{v} {l}")).collect();
    ui.label(
        RichText::new(format!("Scale: {}. Rows: claimants (the source); columns: addressees.", scale.join(", ")))
            .color(muted(ui)),
    );
    if table.cells.is_empty() {
        ui.label("No claim has a position yet.");
        return;
    }
    if table.off_scale > 0 {
        ui.label(format!("{} claims with a value not on the scale are left out.", table.off_scale));
    }
    let rows = table.claimants.len().min(TOP_PARTIES);
    let cols = table.addressees.len().min(TOP_PARTIES);
    let size = vec2(NAMES + CELL.x * cols as f32, CELL.y * (rows + 1) as f32);
    let (rect, _) = ui.allocate_exact_size(size, Sense::hover());
    let painter = ui.painter_at(rect);
    let text = ui.visuals().text_color();
    let font = egui::FontId::proportional(12.0);
    for (c, addressee) in table.addressees.iter().take(cols).enumerate() {
        let at = rect.min + vec2(NAMES + CELL.x * (c as f32 + 0.5), CELL.y * 0.5);
        painter.text(at, egui::Align2::CENTER_CENTER, short_to(&addressee.name, 13), font.clone(), text);
    }
    for (r, claimant) in table.claimants.iter().take(rows).enumerate() {
        let y = CELL.y * (r as f32 + 1.0);
        let at = rect.min + vec2(NAMES - 6.0, y + CELL.y * 0.5);
        painter.text(at, egui::Align2::RIGHT_CENTER, short(&claimant.name), font.clone(), text);
        for c in 0..cols {
            let cell = egui::Rect::from_min_size(rect.min + vec2(NAMES + CELL.x * c as f32, y), CELL).shrink(1.0);
            match table.cells.iter().find(|x| x.claimant == r && x.addressee == c) {
                Some(x) => {
                    let t = ((x.mean - low) / (high - low)).clamp(0.0, 1.0);
                    painter.rect_filled(cell, 3.0, diverging(t));
                    let label = format!("{:+.2}  n={}", x.mean, x.claims);
                    painter.text(cell.center(), egui::Align2::CENTER_CENTER, label, font.clone(), Color32::BLACK);
                }
                None => {
                    painter.rect_stroke(
                        cell,
                        3.0,
                        Stroke::new(1.0, ui.visuals().weak_text_color()),
                        StrokeKind::Inside,
                    );
                }
            }
        }
    }
    if table.claimants.len() > rows || table.addressees.len() > cols {
        ui.label(
            RichText::new(format!("The {rows} claimants and {cols} addressees with the most positioned claims."))
                .small(),
        );
    }
    ui.add_space(12.0);
}

/// Red (against) through light grey (neutral) to green (for), for `t` in 0..=1.
fn diverging(t: f64) -> Color32 {
    let lerp = |a: u8, b: u8, t: f64| (a as f64 + (b as f64 - a as f64) * t).round() as u8;
    let (from, to, t) = if t < 0.5 {
        ([0xef, 0x6b, 0x6b], [0xe5, 0xe7, 0xeb], t * 2.0)
    } else {
        ([0xe5, 0xe7, 0xeb], [0x4a, 0xc2, 0x7a], (t - 0.5) * 2.0)
    };
    Color32::from_rgb(lerp(from[0], to[0], t), lerp(from[1], to[1], t), lerp(from[2], to[2], t))
}

/// A name cut to `max` chars for a column header.
fn short_to(name: &str, max: usize) -> String {
    if name.chars().count() <= max {
        return name.to_owned();
    }
    let cut: String = name.chars().take(max - 1).collect();
    format!("{cut}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_colour_runs_from_red_through_grey_to_green() {
        assert_eq!(diverging(0.0), Color32::from_rgb(0xef, 0x6b, 0x6b));
        assert_eq!(diverging(0.5), Color32::from_rgb(0xe5, 0xe7, 0xeb));
        assert_eq!(diverging(1.0), Color32::from_rgb(0x4a, 0xc2, 0x7a));
        assert_eq!(short_to("Chinese government", 8), "Chinese…");
    }
}
