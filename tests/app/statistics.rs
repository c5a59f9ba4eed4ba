//! The statistics view driven like a user: read the headline numbers, click an
//! actor, click one of their claims and land on it in the coding view.

use crate::common::*;
use claimcoder::export::stats::corpus_stats;
use claimcoder::model::Annotator;
use claimcoder::ui::{App, AppIntent, CodingIntent, Mode};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn statistics(corpus: &std::path::Path) -> Harness<'static, App> {
    let mut h = app(corpus, Some("analyst-a"));
    h.state_mut().apply(AppIntent::SetMode(Mode::Statistics));
    settle(&mut h);
    h
}

/// The top actor of `annotator`'s claims and that annotator's first claim of them:
/// (actor name, document id, claim id, quote), computed without the app.
fn first_claim_of_top_actor(corpus: &std::path::Path, annotator: &str) -> (String, String, u64, String) {
    let who = Annotator::parse(annotator).expect("annotator name");
    let dataset = claimcoder::store::load_dataset(corpus, std::slice::from_ref(&who)).expect("dataset");
    let top = corpus_stats(&dataset).actors.first().cloned().expect("an actor");
    let (doc, claim) = dataset
        .documents
        .iter()
        .find_map(|d| {
            let file = d.files.get(&who)?;
            file.claims.iter().find(|c| c.source == top.id).map(|c| (d.entry.id.clone(), c.clone()))
        })
        .expect("a claim of the top actor");
    (top.name, doc, claim.id, claim.content.quote)
}

fn open_index_of(h: &Harness<'static, App>, document: &str) -> usize {
    let ws = h.state().workspace().expect("workspace");
    ws.corpus.documents.iter().position(|e| e.id == document).expect("document in the corpus")
}

#[test]
fn claims_by_outlet_and_by_month_are_charted_from_documents_csv() {
    let corpus = seed_corpus(true);
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let h = statistics(corpus.path());
    h.get_by_label("Claims by kind per outlet");
    h.get_by_label_contains("No document has an outlet");
    h.get_by_label_contains("No document has a date");
    drop(h);
    std::fs::copy(seeds.join("documents.csv"), corpus.path().join("documents.csv")).unwrap();
    let dataset = claimcoder::store::load_dataset(corpus.path(), &[]).expect("dataset");
    let undated: usize = dataset
        .documents
        .iter()
        .filter(|d| dataset.metadata.get(&d.entry.id).and_then(|m| m.date()).is_none())
        .map(|d| d.files.values().map(|f| f.claims.len()).sum::<usize>())
        .sum();
    let h = statistics(corpus.path());
    h.get_by_label("Claims by kind per outlet");
    h.get_by_label("Claims by kind per month of publication");
    assert!(h.query_by_label_contains("No document has").is_none(), "the seeds have outlets and dates");
    h.get_by_label(&format!("2 documents without a date ({undated} claims) are not in this chart."));
}

#[test]
fn headline_counts_claims_per_annotator() {
    let corpus = seed_corpus(true);
    let h = statistics(corpus.path());
    h.get_by_label_contains("analyst-a: 56 claims");
    h.get_by_label_contains("analyst-b: 57 claims");
    h.get_by_label_contains("5 documents · 5 coded");
    h.get_by_label_contains("113 claims");
}

#[test]
fn clicking_an_actor_then_their_claim_opens_it_selected_in_the_text() {
    let corpus = seed_corpus(true);
    let (actor, document, claim, quote) = first_claim_of_top_actor(corpus.path(), "analyst-a");
    let mut h = statistics(corpus.path());
    h.get_by_label(&actor).click();
    h.run_steps(3);
    h.get_by_label(&format!("Claims of {actor}"));
    let row = h.get_all_by_label(&quote).next().expect("the claim is listed");
    row.click();
    h.run_steps(3);
    let expected = open_index_of(&h, &document);
    let app = h.state();
    assert_eq!(app.mode(), Mode::Coding);
    let open = app.workspace().and_then(|w| w.open.as_ref()).expect("a document is open");
    assert_eq!(open.index, expected);
    assert_eq!(open.selected, Some(claim));
}

#[test]
fn another_annotators_claim_opens_its_document_without_selecting() {
    let corpus = seed_corpus(true);
    let mut h = statistics(corpus.path());
    h.get_by_label("Count the claims of").click();
    h.run_steps(2);
    h.get_by_label("analyst-b").click();
    h.run_steps(3);
    h.get_by_label_contains("done · 57 claims");
    let (actor, document, _, quote) = first_claim_of_top_actor(corpus.path(), "analyst-b");
    h.get_by_label(&actor).click();
    h.run_steps(3);
    h.get_all_by_label(&quote).next().expect("the claim is listed").click();
    h.run_steps(3);
    let expected = open_index_of(&h, &document);
    let app = h.state();
    assert_eq!(app.mode(), Mode::Coding);
    let open = app.workspace().and_then(|w| w.open.as_ref()).expect("a document is open");
    assert_eq!(open.index, expected);
    assert_eq!(open.selected, None);
}

#[test]
fn coming_back_to_the_view_counts_the_latest_coding() {
    let corpus = seed_corpus(true);
    let mut h = statistics(corpus.path());
    h.get_by_label_contains("analyst-a: 56 claims");
    h.state_mut().apply(AppIntent::SetMode(Mode::Coding));
    h.run_steps(2);
    let first = open_claims(&h).first().map(|c| c.id).expect("the open document has claims");
    h.state_mut().apply(CodingIntent::DeleteClaim(first));
    h.state_mut().apply(AppIntent::SetMode(Mode::Statistics));
    settle(&mut h);
    h.get_by_label_contains("analyst-a: 55 claims");
}

/// Issue 12: the statistics show each claim field's distribution and the mean
/// position of claimants toward addressees, with the numbers `stats` computes.
#[test]
fn claim_fields_have_distributions_and_the_mean_positions() {
    let corpus = seed_corpus(true);
    let h = statistics(corpus.path());
    let dataset = claimcoder::store::load_dataset(corpus.path(), &[]).expect("dataset");
    let stats = corpus_stats(&dataset);
    h.get_by_label("Claim fields");
    for field in &stats.fields {
        h.get_by_label(&format!(
            "{} ({} with a value, {} without)",
            field.label, field.with_value, field.without_value
        ));
    }
    let position = stats.positions.first().expect("the seeds have a Scale field");
    assert!(!position.cells.is_empty(), "the seeds have positioned claims");
    h.get_by_label("Mean position of claimants toward addressees");
    h.get_by_label("Scale: -1 against, 0 neutral, 1 for. Rows: claimants (the source); columns: addressees.");
}
