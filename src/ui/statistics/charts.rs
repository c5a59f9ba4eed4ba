//! The charts: claims by kind per actor (top 15) and per document, stacked in the
//! codebook's colours, and coding progress per annotator. Charts are fixed (no
//! zoom or drag) because an analyst reads them, not explores them.

use egui::{Color32, Stroke};
use egui_plot::{AxisHints, Bar, BarChart, Corner, GridMark, Legend, Plot, PlotItem as _};

use super::state::ActorKey;
use crate::export::stats::{CorpusStats, KindCounts, KindInfo};
use crate::model::codebook::parse_hex_color;

/// How many actors the actor chart shows.
const TOP_ACTORS: usize = 15;
/// Height of one bar row in the horizontal charts, in points.
const ROW: f32 = 26.0;
/// How far past the longest bar the value axis reaches, so the legend does not
/// cover bars.
const LEGEND_ROOM: f64 = 1.3;
/// Longest axis label, in chars.
const LABEL_CHARS: usize = 28;

/// A kind's colour from its `#rrggbb`, grey when malformed.
pub(super) fn kind_color(kind: &KindInfo) -> Color32 {
    let [r, g, b] = parse_hex_color(&kind.color).unwrap_or([128, 128, 128]);
    Color32::from_rgb(r, g, b)
}

/// Claims by kind for the top actors; returns the index (in `stats.actors`) of the
/// actor whose row was clicked.
pub(super) fn actors(ui: &mut egui::Ui, stats: &CorpusStats, selected: Option<&ActorKey>) -> Option<usize> {
    let top = &stats.actors[..stats.actors.len().min(TOP_ACTORS)];
    ui.heading(format!("Claims by kind, top {} actors", top.len()));
    if top.is_empty() {
        ui.label("No claims coded yet.");
        return None;
    }
    let n = top.len();
    let outline = ui.visuals().strong_text_color();
    let rows: Vec<Row> = top
        .iter()
        .map(|a| Row {
            counts: &a.by_kind,
            name: a.name.clone(),
            outline: (selected == Some(&a.id)).then(|| Stroke::new(2.0, outline)),
        })
        .collect();
    let charts = stacked(&stats.kinds, &stats.by_kind, &rows, |i| (n - 1 - i) as f64, true);
    let names: Vec<String> = top.iter().rev().map(|a| short(&a.name)).collect();
    let most = top.iter().map(|a| a.claims).max().unwrap_or(0) as f64;
    let response = category_plot("statistics-actor-chart", names, "Claims")
        .include_x(most * LEGEND_ROOM)
        .legend(Legend::default().follow_insertion_order(true).position(Corner::RightBottom))
        .show(ui, move |plot| charts.into_iter().for_each(|c| plot.bar_chart(c)));
    ui.add_space(12.0);
    if !response.response.clicked() {
        return None;
    }
    let pos = response.response.interact_pointer_pos()?;
    let row = response.transform.value_from_position(pos).y.round();
    (row >= 0.0 && row < n as f64).then(|| n - 1 - row as usize)
}

/// Claims by kind per document; hovering a bar names the document.
pub(super) fn documents(ui: &mut egui::Ui, stats: &CorpusStats, titles: &[String]) {
    ui.heading("Claims by kind per document");
    let rows: Vec<Row> = stats
        .by_document
        .iter()
        .enumerate()
        .map(|(i, d)| Row {
            counts: &d.by_kind,
            name: titles.get(i).cloned().unwrap_or_else(|| d.document.clone()),
            outline: None,
        })
        .collect();
    let charts = stacked(&stats.kinds, &stats.by_kind, &rows, |i| (i + 1) as f64, false);
    let most = stats.by_document.iter().map(|d| d.claims).max().unwrap_or(0) as f64;
    let every = stats.by_document.len().div_ceil(20).max(1);
    let count = stats.by_document.len();
    Plot::new("statistics-document-chart")
        .height(260.0)
        .x_axis_label("Document number (hover a bar for its title)")
        .y_axis_label("Claims")
        .x_grid_spacer(move |_| {
            (1..=count).step_by(every).map(|i| GridMark { value: i as f64, step_size: every as f64 }).collect()
        })
        .x_axis_formatter(|mark, _| format!("{}", mark.value.round()))
        .legend(Legend::default().follow_insertion_order(true).position(Corner::RightTop))
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .include_y(0.0)
        .include_y(most * LEGEND_ROOM * 1.25)
        .show(ui, move |plot| charts.into_iter().for_each(|c| plot.bar_chart(c)));
    ui.add_space(12.0);
}

/// Documents done, in progress and not started, per annotator.
pub(super) fn progress(ui: &mut egui::Ui, all: &CorpusStats) {
    ui.heading("Coding progress per annotator");
    if all.by_annotator.is_empty() {
        ui.label("Nobody has coded a document yet.");
        return;
    }
    let n = all.by_annotator.len();
    let parts = [
        ("done", Color32::from_rgb(0x16, 0xa3, 0x4a)),
        ("in progress", Color32::from_rgb(0xd9, 0x77, 0x06)),
        ("not started", Color32::from_rgb(0x9c, 0xa3, 0xaf)),
    ];
    let mut charts: Vec<BarChart> = Vec::new();
    for (part, (label, color)) in parts.into_iter().enumerate() {
        let bars = all
            .by_annotator
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let value = [a.done, a.in_progress, a.not_started][part];
                Bar::new((n - 1 - i) as f64, value as f64).name(&a.annotator).fill(color)
            })
            .collect();
        let refs: Vec<&BarChart> = charts.iter().collect();
        let chart = BarChart::new(label, bars).color(color).width(0.6).horizontal().stack_on(&refs);
        charts.push(chart.element_formatter(Box::new(bar_text)));
    }
    let names = all.by_annotator.iter().rev().map(|a| short(&a.annotator)).collect();
    category_plot("statistics-progress-chart", names, "Documents")
        .include_x(all.documents as f64 * LEGEND_ROOM)
        .legend(Legend::default().follow_insertion_order(true).position(Corner::RightBottom))
        .show(ui, move |plot| charts.into_iter().for_each(|c| plot.bar_chart(c)));
}

/// One bar of a stacked chart: claims per kind, what the bar stands for, and an
/// outline when it is selected.
struct Row<'a> {
    counts: &'a KindCounts,
    name: String,
    outline: Option<Stroke>,
}

/// One stacked bar chart per kind (codebook order) over `rows`; kinds nobody used
/// are left out of the legend.
fn stacked(
    kinds: &[KindInfo],
    used: &KindCounts,
    rows: &[Row<'_>],
    position: impl Fn(usize) -> f64,
    horizontal: bool,
) -> Vec<BarChart> {
    let mut charts: Vec<BarChart> = Vec::new();
    for kind in kinds.iter().filter(|k| used.get(&k.id).is_some_and(|n| *n > 0)) {
        let color = kind_color(kind);
        let bars = rows
            .iter()
            .enumerate()
            .map(|(i, row)| {
                let value = row.counts.get(&kind.id).copied().unwrap_or(0) as f64;
                Bar::new(position(i), value)
                    .name(&row.name)
                    .fill(color)
                    .stroke(row.outline.unwrap_or(Stroke::new(1.0, color)))
            })
            .collect();
        let refs: Vec<&BarChart> = charts.iter().collect();
        let chart = BarChart::new(kind.label.clone(), bars).color(color).width(0.7);
        let chart = if horizontal { chart.horizontal() } else { chart.vertical() };
        charts.push(chart.stack_on(&refs).element_formatter(Box::new(bar_text)));
    }
    charts
}

/// Hover text of a bar: what it stands for, the series and the count.
fn bar_text(bar: &Bar, chart: &BarChart) -> String {
    format!("{}\n{}: {}", bar.name, chart.name(), bar.value)
}

/// A fixed horizontal bar plot with one labelled row per name (`names[0]` at the
/// bottom, at y = 0).
fn category_plot(id: &str, names: Vec<String>, value_label: &str) -> Plot<'static> {
    let n = names.len();
    let axis = AxisHints::new_y()
        .formatter(move |mark, _| {
            let v = mark.value;
            let row = v.round();
            if (v - row).abs() > 1e-6 || row < 0.0 {
                String::new()
            } else {
                names.get(row as usize).cloned().unwrap_or_default()
            }
        })
        .label_spacing(14.0..=16.0)
        .min_thickness(120.0);
    Plot::new(id)
        .height(ROW * n as f32 + 70.0)
        .custom_y_axes(vec![axis])
        .y_grid_spacer(move |_| (0..n).map(|i| GridMark { value: i as f64, step_size: 1.0 }).collect())
        .x_axis_label(value_label.to_owned())
        .include_x(0.0)
        .include_y(-0.5)
        .include_y(n as f64 - 0.5)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
}

/// A name cut to fit an axis.
fn short(name: &str) -> String {
    if name.chars().count() <= LABEL_CHARS {
        return name.to_owned();
    }
    let cut: String = name.chars().take(LABEL_CHARS - 1).collect();
    format!("{cut}…")
}
