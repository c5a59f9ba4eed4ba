//! The charts: claims by kind per actor (top 15), per document, per outlet (top 15)
//! and per month of publication, stacked in the codebook's colours, and coding
//! progress per annotator. Charts are fixed (no
//! zoom or drag) because an analyst reads them, not explores them.

use egui::{Color32, Stroke};
use egui_plot::{AxisHints, Bar, BarChart, Corner, GridMark, Legend, Plot, PlotItem as _};

use super::state::ActorKey;
use crate::export::stats::{CorpusStats, KindCounts, KindInfo, MetaStats, NO_DATE, NO_OUTLET};
use crate::model::codebook::parse_hex_color;
use crate::ui::widgets::plot::fixed;

/// How many actors the actor chart shows.
const TOP_ACTORS: usize = 15;
/// How many outlets the outlet chart shows (then the documents without one).
const TOP_OUTLETS: usize = 15;
/// Most month labels under the month chart.
const MONTH_LABELS: i64 = 12;
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
    fixed(Plot::new("statistics-document-chart"))
        .height(260.0)
        .x_axis_label("Document number (hover a bar for its title)")
        .y_axis_label("Claims")
        .x_grid_spacer(move |_| {
            (1..=count).step_by(every).map(|i| GridMark { value: i as f64, step_size: every as f64 }).collect()
        })
        .x_axis_formatter(|mark, _| format!("{}", mark.value.round()))
        .legend(Legend::default().follow_insertion_order(true).position(Corner::RightTop))
        .include_y(0.0)
        .include_y(most * LEGEND_ROOM * 1.25)
        .show(ui, move |plot| charts.into_iter().for_each(|c| plot.bar_chart(c)));
    ui.add_space(12.0);
}

/// Claims by kind for the outlets with most claims, then the documents without an
/// outlet; a line instead when `documents.csv` names no outlet.
pub(super) fn outlets(ui: &mut egui::Ui, stats: &CorpusStats) {
    ui.heading("Claims by kind per outlet");
    let named: Vec<&MetaStats> = stats.by_outlet.iter().filter(|m| m.key != NO_OUTLET).collect();
    if named.is_empty() {
        ui.label(
            "No document has an outlet: add an outlet column to documents.csv (File > Import articles… fills it in).",
        );
        ui.add_space(12.0);
        return;
    }
    let mut top: Vec<&MetaStats> = named.iter().take(TOP_OUTLETS).copied().collect();
    top.extend(stats.by_outlet.iter().filter(|m| m.key == NO_OUTLET));
    if named.len() > TOP_OUTLETS {
        ui.label(format!("The {TOP_OUTLETS} outlets with most claims of {}.", named.len()));
    }
    let n = top.len();
    let rows: Vec<Row> = top
        .iter()
        .map(|m| Row {
            counts: &m.by_kind,
            name: format!("{} ({})", m.key, count_documents(m.documents)),
            outline: None,
        })
        .collect();
    let charts = stacked(&stats.kinds, &stats.by_kind, &rows, |i| (n - 1 - i) as f64, true);
    let names: Vec<String> = top.iter().rev().map(|m| short(&m.key)).collect();
    let most = top.iter().map(|m| m.claims).max().unwrap_or(0) as f64;
    category_plot("statistics-outlet-chart", names, "Claims")
        .include_x(most.max(1.0) * LEGEND_ROOM)
        .legend(Legend::default().follow_insertion_order(true).position(Corner::RightBottom))
        .show(ui, move |plot| charts.into_iter().for_each(|c| plot.bar_chart(c)));
    ui.add_space(12.0);
}

/// Claims by kind per month of publication, on a time axis (months without a
/// document show as gaps); a line says how many documents have no date.
pub(super) fn months(ui: &mut egui::Ui, stats: &CorpusStats) {
    ui.heading("Claims by kind per month of publication");
    let dated: Vec<(i64, &MetaStats)> =
        stats.by_month.iter().filter_map(|m| month_number(&m.key).map(|x| (x, m))).collect();
    let undated = stats.by_month.iter().find(|m| m.key == NO_DATE);
    if dated.is_empty() {
        ui.label("No document has a date: add a date column (YYYY-MM-DD) to documents.csv (File > Import articles… fills it in).");
        ui.add_space(12.0);
        return;
    }
    if let Some(m) = undated {
        ui.label(format!(
            "{} without a date ({} claims) are not in this chart.",
            count_documents(m.documents),
            m.claims
        ));
    }
    let rows: Vec<Row> = dated
        .iter()
        .map(|(_, m)| Row {
            counts: &m.by_kind,
            name: format!("{} ({})", m.key, count_documents(m.documents)),
            outline: None,
        })
        .collect();
    let xs: Vec<i64> = dated.iter().map(|(x, _)| *x).collect();
    let charts = stacked(&stats.kinds, &stats.by_kind, &rows, |i| xs[i] as f64, false);
    let (first, last) = (xs[0], xs[xs.len() - 1]);
    let step = ((last - first) / MONTH_LABELS + 1).max(1);
    let most = dated.iter().map(|(_, m)| m.claims).max().unwrap_or(0) as f64;
    fixed(Plot::new("statistics-month-chart"))
        .height(260.0)
        .x_axis_label("Month of publication (hover a bar for its count)")
        .y_axis_label("Claims")
        .x_grid_spacer(move |_| {
            (first..=last)
                .step_by(step as usize)
                .map(|x| GridMark { value: x as f64, step_size: step as f64 })
                .collect()
        })
        .x_axis_formatter(|mark, _| month_label(mark.value.round() as i64))
        .legend(Legend::default().follow_insertion_order(true).position(Corner::RightTop))
        .include_x(first as f64 - 1.0)
        .include_x(last as f64 + 1.0)
        .include_y(0.0)
        .include_y(most.max(1.0) * LEGEND_ROOM * 1.25)
        .show(ui, move |plot| charts.into_iter().for_each(|c| plot.bar_chart(c)));
    ui.add_space(12.0);
}

/// `YYYY-MM` as months since year 0, the month chart's x.
fn month_number(key: &str) -> Option<i64> {
    let (year, month) = key.split_once('-')?;
    let (year, month): (i64, i64) = (year.parse().ok()?, month.parse().ok()?);
    (1..=12).contains(&month).then_some(year * 12 + month - 1)
}

/// The label of month number `x`.
fn month_label(x: i64) -> String {
    format!("{}-{:02}", x.div_euclid(12), x.rem_euclid(12) + 1)
}

/// "1 document", "3 documents".
fn count_documents(n: usize) -> String {
    if n == 1 { "1 document".to_owned() } else { format!("{n} documents") }
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
pub(super) fn category_plot(id: &str, names: Vec<String>, value_label: &str) -> Plot<'static> {
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
    fixed(Plot::new(id))
        .height(ROW * n as f32 + 70.0)
        .custom_y_axes(vec![axis])
        .y_grid_spacer(move |_| (0..n).map(|i| GridMark { value: i as f64, step_size: 1.0 }).collect())
        .x_axis_label(value_label.to_owned())
        .include_x(0.0)
        .include_y(-0.5)
        .include_y(n as f64 - 0.5)
}

/// A name cut to fit an axis.
pub(super) fn short(name: &str) -> String {
    if name.chars().count() <= LABEL_CHARS {
        return name.to_owned();
    }
    let cut: String = name.chars().take(LABEL_CHARS - 1).collect();
    format!("{cut}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_are_numbered_on_one_time_axis() {
        assert_eq!(month_number("2013-03"), Some(2013 * 12 + 2));
        assert_eq!(month_number("2014-01").unwrap() - month_number("2013-12").unwrap(), 1);
        assert_eq!(month_label(month_number("2013-12").unwrap()), "2013-12");
        assert_eq!(month_number("(no date)"), None);
        assert_eq!(month_number("2013-13"), None);
    }
}
