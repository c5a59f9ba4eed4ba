//! The right panel: the document's units in text order, each labelled with how the
//! annotators differ and whether it is settled, with a filter toggle per label.

use egui::RichText;

use super::ReviewIntent;
use super::state::ReviewState;
use crate::adjudication::{Decision, gold_claim, is_rejected, present};
use crate::agreement::Label;
use crate::ui::intent::Intent;
use crate::ui::widgets::list_row::{self, ROW_HEIGHT};
use crate::ui::widgets::style::muted;

/// A label without its annotators, for the filter toggles.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LabelFilter {
    /// [`Label::Only`].
    Only,
    /// [`Label::KindDiffers`].
    KindDiffers,
    /// [`Label::SourceDiffers`].
    SourceDiffers,
    /// [`Label::Missing`].
    Missing,
    /// [`Label::SpanDiffers`].
    SpanDiffers,
    /// [`Label::Agree`].
    Agree,
}

impl LabelFilter {
    /// Every filter, worst first.
    pub const ALL: [LabelFilter; 6] = [
        LabelFilter::Only,
        LabelFilter::KindDiffers,
        LabelFilter::SourceDiffers,
        LabelFilter::Missing,
        LabelFilter::SpanDiffers,
        LabelFilter::Agree,
    ];

    /// The filter a label falls under.
    pub fn of(label: &Label) -> Self {
        match label {
            Label::Only(_) => LabelFilter::Only,
            Label::KindDiffers => LabelFilter::KindDiffers,
            Label::SourceDiffers => LabelFilter::SourceDiffers,
            Label::Missing(_) => LabelFilter::Missing,
            Label::SpanDiffers => LabelFilter::SpanDiffers,
            Label::Agree => LabelFilter::Agree,
        }
    }

    /// The toggle's text.
    pub fn name(self) -> &'static str {
        match self {
            LabelFilter::Only => "only one",
            LabelFilter::KindDiffers => "kind differs",
            LabelFilter::SourceDiffers => "source differs",
            LabelFilter::Missing => "missing",
            LabelFilter::SpanDiffers => "span differs",
            LabelFilter::Agree => "agree",
        }
    }
}

/// A unit's label as the list shows it.
pub(crate) fn label_text(label: &Label) -> String {
    match label {
        Label::Only(a) => format!("only {a}"),
        Label::Missing(who) => {
            format!("missing in {}", who.iter().map(|a| a.as_str()).collect::<Vec<_>>().join(", "))
        }
        other => LabelFilter::of(other).name().to_owned(),
    }
}

/// Shows the unit list of the document under review.
pub(crate) fn show(ui: &mut egui::Ui, state: &ReviewState, out: &mut Vec<Intent>) {
    ui.add_space(4.0);
    ui.heading("Units");
    let units = state.units();
    let Some(gold) = state.gold_file() else { return };
    let settled = state.current_document().and_then(|d| state.progress.get(&d.entry.id)).copied().unwrap_or((0, 0));
    let fraction = if settled.1 == 0 { 1.0 } else { settled.0 as f32 / settled.1 as f32 };
    ui.add(egui::ProgressBar::new(fraction).text(format!("{} of {} units settled", settled.0, settled.1)));
    ui.horizontal(|ui| {
        let agreed = units.iter().filter(|u| u.label == Label::Agree).count();
        let button = ui.add_enabled(agreed > 0, egui::Button::new(format!("Accept all agreed units ({agreed})")));
        if button.clicked() {
            out.push(ReviewIntent::Decide(Decision::AcceptAllAgreed).into());
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Show:").color(muted(ui)));
        for f in LabelFilter::ALL {
            let count = units.iter().filter(|u| LabelFilter::of(&u.label) == f).count();
            let mut shown = !state.hidden.contains(&f);
            if ui.checkbox(&mut shown, format!("{} ({count})", f.name())).changed() {
                out.push(ReviewIntent::ToggleFilter(f).into());
            }
        }
    });
    ui.separator();
    let shown: Vec<usize> =
        (0..units.len()).filter(|&i| !state.hidden.contains(&LabelFilter::of(&units[i].label))).collect();
    if shown.is_empty() {
        ui.label(RichText::new("No unit to show.").color(muted(ui)));
        return;
    }
    let text = state.current_document().map(|d| &d.document.text);
    egui::ScrollArea::vertical().id_salt("review-unit-list").auto_shrink(false).show_rows(
        ui,
        ROW_HEIGHT,
        shown.len(),
        |ui, rows| {
            for &i in &shown[rows] {
                let unit = &units[i];
                let claims = present(unit);
                let decision = if gold_claim(&claims, gold).is_some() {
                    "settled"
                } else if is_rejected(&claims, gold) {
                    "rejected"
                } else {
                    "open"
                };
                let quote: String = text
                    .map(|t| t.slice(unit.start(), unit.end().min(t.char_len())).chars().take(80).collect())
                    .unwrap_or_default();
                let title = format!("{} · {decision}", label_text(&unit.label));
                let selected = state.selected == Some(i);
                if list_row::show(ui, selected, &title, quote.trim(), None).clicked() {
                    out.push(ReviewIntent::SelectUnit(if selected { None } else { Some(i) }).into());
                }
            }
        },
    );
}
