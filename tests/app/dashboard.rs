//! The agreement dashboard rendered alone with the report of the shipped sample
//! codings: its figures, its kind heatmap, and a click on a document.

use std::path::Path;

use claimcoder::agreement::report::{AgreementReport, agreement};
use claimcoder::model::Annotator;
use claimcoder::ui::dashboard;
use egui::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn seed_report(names: &[&str]) -> AgreementReport {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let dataset = claimcoder::store::load_dataset(&seeds, &[]).expect("the seeds load");
    let annotators: Vec<Annotator> = names.iter().map(|n| Annotator::parse_any(n).expect("a valid name")).collect();
    agreement(&dataset.documents, &annotators)
}

/// The dashboard in a harness whose state is the last document id it returned.
fn harness(report: AgreementReport) -> Harness<'static, Option<String>> {
    Harness::builder().with_size(egui::vec2(1000.0, 1600.0)).build_ui_state(
        move |ui, clicked: &mut Option<String>| {
            if let Some(id) = dashboard::show(ui, &report) {
                *clicked = Some(id);
            }
        },
        None,
    )
}

#[test]
fn the_corpus_and_pair_figures_are_shown_with_three_decimals() {
    let report = seed_report(&["analyst-a", "analyst-b"]);
    let mut h = harness(report.clone());
    h.run();
    let shown = |text: &str| h.query_all_by_label(text).next().is_some();
    let kind_alpha = format!("{:.3}", report.kind_alpha.expect("the seeds define kind alpha"));
    assert!(shown(&kind_alpha), "kind alpha {kind_alpha}");
    assert!(shown(&report.documents.to_string()));
    let pair = &report.pairs[0];
    assert!(shown("analyst-a × analyst-b"));
    for figure in [&pair.span_f1_exact, &pair.span_f1_overlap, &pair.kind_kappa, &report.source_alpha] {
        let text = figure.map_or_else(|_| "n/a".to_owned(), |v| format!("{v:.3}"));
        assert!(shown(&text), "figure {text}");
    }
}

#[test]
fn the_heatmap_shows_every_confusion_count() {
    let report = seed_report(&["analyst-a", "analyst-b"]);
    let mut h = harness(report.clone());
    h.run();
    let confusion = &report.pairs[0].confusion;
    assert!(!confusion.is_empty());
    for (a, row) in confusion {
        for (b, n) in row {
            h.get_by_label(&format!("{a} × {b}: {n}"));
        }
    }
}

#[test]
fn clicking_a_document_in_the_list_returns_its_id() {
    let report = seed_report(&["analyst-a", "analyst-b"]);
    let worst = report.worst_first()[0].document.clone();
    let mut h = harness(report);
    h.run();
    assert_eq!(*h.state(), None);
    h.get_by_role_and_label(Role::Link, &worst).click();
    h.run();
    assert_eq!(h.state().as_deref(), Some(worst.as_str()));
}

#[test]
fn a_single_annotator_gives_undefined_figures_shown_as_na() {
    let report = seed_report(&["analyst-a"]);
    assert!(report.kind_alpha.is_err());
    let mut h = harness(report);
    h.run();
    assert!(h.query_all_by_label("n/a").next().is_some());
    assert!(h.query_all_by_label("NaN").next().is_none());
}

#[test]
fn clicking_the_middle_bar_of_the_chart_returns_that_document() {
    let report = seed_report(&["analyst-a", "analyst-b"]);
    let charted: Vec<String> =
        report.worst_first().into_iter().filter(|d| d.agreement.is_ok()).map(|d| d.document.clone()).collect();
    assert_eq!(charted.len() % 2, 1, "the chart's centre is on a bar only for an odd number of bars");
    let middle = charted[charted.len() / 2].clone();
    let mut h = harness(report);
    h.run();
    h.get_by_label("Agreement per document chart").click();
    h.run();
    assert_eq!(h.state().as_deref(), Some(middle.as_str()));
}

#[test]
fn several_pairs_are_chosen_with_a_combo_box() {
    let report = seed_report(&["analyst-a", "analyst-b", "nobody"]);
    let unmatched = report.pairs.iter().find(|p| p.b.as_str() == "nobody").expect("a pair with nobody").clone();
    let mut h = harness(report);
    h.run();
    h.get_by_label("Annotator pair").click();
    h.run();
    h.get_by_role_and_label(Role::Button, &format!("{} × nobody", unmatched.a)).click();
    h.run();
    for (a, row) in &unmatched.confusion {
        for (b, n) in row {
            h.get_by_label(&format!("{a} × {b}: {n}"));
        }
    }
}

/// Issue 12: one row per claim field of the seed codebook with its level, units,
/// alpha and the pair's share, as the core computes them.
#[test]
fn claim_fields_have_one_row_each() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let dataset = claimcoder::store::load_dataset(&seeds, &[]).expect("the seeds load");
    let annotators: Vec<Annotator> =
        ["analyst-a", "analyst-b"].iter().map(|n| Annotator::parse_any(n).expect("a valid name")).collect();
    let report = claimcoder::agreement::agreement_with_fields(&dataset.documents, &annotators, &dataset.project.fields);
    assert_eq!(report.fields.len(), 3);
    let mut h = harness(report.clone());
    h.run();
    h.get_by_label("Claim fields");
    h.get_by_label("analyst-a × analyst-b agree");
    for (i, field) in report.fields.iter().enumerate() {
        h.get_by_label(&field.id);
        let alpha = format!("{:.3}", field.alpha.expect("the seeds define field alpha"));
        assert!(h.query_all_by_label(&alpha).next().is_some(), "{} alpha {alpha}", field.id);
        let share = format!("{:.3}", report.pairs[0].fields[i].share.expect("a share"));
        assert!(h.query_all_by_label(&share).next().is_some(), "{} share {share}", field.id);
    }
    h.get_by_label("ordinal");
}
