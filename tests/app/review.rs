//! The review mode driven like a lead analyst: compare two annotators, open the worst
//! document, compare versions of a unit and settle units into the gold file.

use crate::common::*;
use claimcoder::adjudication::Merge;
use claimcoder::agreement::Label;
use claimcoder::ui::{App, AppIntent, Mode, ReviewIntent};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn review(corpus: &std::path::Path) -> Harness<'static, App> {
    let mut h = app(corpus, Some("lead"));
    h.state_mut().apply(AppIntent::SetMode(Mode::Review));
    settle(&mut h);
    h
}

fn send(h: &mut Harness<'static, App>, intent: ReviewIntent) {
    h.state_mut().apply(intent);
    h.run_steps(2);
}

/// The stem of a document id.
fn stem(id: &str) -> &str {
    id.trim_end_matches(".txt")
}

/// The first unit with `label` in the document under review.
fn first_unit(h: &Harness<'static, App>, wanted: fn(&Label) -> bool) -> usize {
    h.state().review().units().iter().position(|u| wanted(&u.label)).expect("a unit with that label")
}

/// How the review's list names a document without `documents.csv`: its first
/// non-empty line, read here from the file.
fn first_line(corpus: &std::path::Path, id: &str) -> String {
    let text = std::fs::read_to_string(corpus.join(id)).unwrap();
    text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap().to_owned()
}

#[test]
fn the_document_list_shows_headlines_from_documents_csv() {
    let corpus = seed_corpus(true);
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    std::fs::copy(seeds.join("documents.csv"), corpus.path().join("documents.csv")).unwrap();
    let mut h = review(corpus.path());
    h.get_by_label("Treasury Secretary Lew to press Chinese leaders on cyber attacks").click();
    h.run_steps(3);
    let open = h.state().review().current_document().map(|d| d.entry.id.clone());
    assert_eq!(open.as_deref(), Some("000_f61589d60f9b959b.txt"));
    h.get_by_label("U.S. presses China on cyberattack");
    assert!(h.query_by_label("YOU ARE HERE: LAT HomeCollections").is_none(), "no boilerplate as a title");
    assert!(h.query_by_label("000_f61589d60f9b959b.txt").is_none(), "headlines, not file names");
}

#[test]
fn both_analysts_are_compared_and_documents_sort_worst_first() {
    let corpus = seed_corpus(true);
    let mut h = review(corpus.path());
    let chosen: Vec<String> = h.state().review().chosen.iter().map(|a| a.to_string()).collect();
    assert_eq!(chosen, ["analyst-a", "analyst-b"]);
    let report = h.state().review().report.clone().expect("agreement");
    assert_eq!(report.per_document.len(), 5);
    let first = &report.per_document[0];
    h.get_by_label(&first_line(corpus.path(), &first.document));
    h.get_by_label("Worst first").click();
    h.run_steps(2);
    assert!(h.state().review().worst_first);
    let worst = report.worst_first()[0].document.clone();
    h.get_by_label(&first_line(corpus.path(), &worst)).click();
    h.run_steps(3);
    let open = h.state().review().current_document().map(|d| d.entry.id.clone());
    assert_eq!(open.as_deref(), Some(worst.as_str()));
    h.get_by_label("analyst-b").click();
    h.run_steps(2);
    assert!(h.state().review().report.is_none(), "one annotator is not a comparison");
    h.get_by_label("Choose at least two annotators to compare.");
}

#[test]
fn accepting_a_version_writes_gold_and_undo_removes_it() {
    let corpus = seed_corpus(true);
    let mut h = review(corpus.path());
    let id = h.state().review().report.as_ref().expect("report").per_document[0].document.clone();
    send(&mut h, ReviewIntent::OpenDocument(id.clone()));
    let unit = first_unit(&h, |l| *l == Label::KindDiffers);
    send(&mut h, ReviewIntent::SelectUnit(Some(unit)));
    h.get_by_label("Accept analyst-a's version");
    let b_kind = h.state().review().units()[unit].claims[1].map(|c| c.kind.clone()).expect("analyst-b's claim");
    h.get_by_label("Accept analyst-b's version").click();
    h.run_steps(3);

    let gold = read_annotations(corpus.path(), stem(&id), "gold");
    let text = h.state().review().current_document().map(|d| d.document.text.as_str().to_owned()).unwrap_or_default();
    assert_eq!(gold.annotator, "gold");
    assert_eq!(gold.claims.len(), 1);
    assert_eq!(gold.claims[0].kind, b_kind);
    let c = &gold.claims[0].content;
    assert_eq!(c.quote, chars(&text, c.start, c.end), "quote equals the text");
    let (settled, total) = h.state().review().progress[&id];
    assert_eq!(settled, 1);
    h.get_by_label(&format!("1 of {total} units settled"));

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert!(read_annotations(corpus.path(), stem(&id), "gold").claims.is_empty(), "undo removes the gold claim");
    assert_eq!(h.state().review().progress[&id].0, 0);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run_steps(2);
    assert_eq!(read_annotations(corpus.path(), stem(&id), "gold").claims.len(), 1, "redo puts it back");
}

#[test]
fn accept_all_agreed_settles_every_agreed_unit() {
    let corpus = seed_corpus(true);
    let mut h = review(corpus.path());
    let id = h.state().review().report.as_ref().expect("report").per_document[0].document.clone();
    send(&mut h, ReviewIntent::OpenDocument(id.clone()));
    let agreed: Vec<(usize, usize)> =
        h.state().review().units().iter().filter(|u| u.label == Label::Agree).map(|u| (u.start(), u.end())).collect();
    assert!(!agreed.is_empty());
    h.get_by_label(&format!("Accept all agreed units ({})", agreed.len())).click();
    h.run_steps(3);
    let gold = read_annotations(corpus.path(), stem(&id), "gold");
    let spans: Vec<(usize, usize)> = gold.claims.iter().map(|c| (c.content.start, c.content.end)).collect();
    assert_eq!(spans, agreed);
    assert_eq!(h.state().review().progress[&id].0, agreed.len());
}

#[test]
fn rejecting_a_unit_settles_it_without_a_claim() {
    let corpus = seed_corpus(true);
    let mut h = review(corpus.path());
    let id = h.state().review().report.as_ref().expect("report").per_document[0].document.clone();
    send(&mut h, ReviewIntent::OpenDocument(id.clone()));
    let unit = first_unit(&h, |l| matches!(l, Label::Only(_)));
    send(&mut h, ReviewIntent::SelectUnit(Some(unit)));
    h.get_by_label("Reject (not a claim)").click();
    h.run_steps(3);
    let gold = read_annotations(corpus.path(), stem(&id), "gold");
    assert!(gold.claims.is_empty());
    assert_eq!(gold.rejected.len(), 1);
    assert_eq!(h.state().review().progress[&id].0, 1);
    h.get_by_label("gold: rejected, not a claim");
}

#[test]
fn j_and_k_step_through_units_without_touching_the_coding_view() {
    let corpus = seed_corpus(true);
    let mut h = review(corpus.path());
    let id = h.state().review().report.as_ref().expect("report").per_document[0].document.clone();
    send(&mut h, ReviewIntent::OpenDocument(id));
    h.key_press(Key::J);
    h.run_steps(2);
    assert_eq!(h.state().review().selected, Some(0));
    h.key_press(Key::J);
    h.run_steps(2);
    assert_eq!(h.state().review().selected, Some(1));
    h.key_press(Key::K);
    h.run_steps(2);
    assert_eq!(h.state().review().selected, Some(0));
    h.key_press(Key::A);
    h.run_steps(2);
    assert!(open_claims(&h).is_empty(), "kind keys do not code in review mode");
    assert!(!corpus.path().join("000_f61589d60f9b959b.lead.ron").exists());
}

#[test]
fn a_merged_version_takes_kind_span_and_source_from_the_chosen_annotators() {
    let corpus = seed_corpus(true);
    let mut h = review(corpus.path());
    let id = h.state().review().report.as_ref().expect("report").per_document[0].document.clone();
    send(&mut h, ReviewIntent::OpenDocument(id.clone()));
    let unit = first_unit(&h, |l| *l == Label::KindDiffers);
    send(&mut h, ReviewIntent::SelectUnit(Some(unit)));
    let (a, b) = {
        let units = h.state().review().units();
        (units[unit].claims[0].cloned().expect("a"), units[unit].claims[1].cloned().expect("b"))
    };
    h.get_by_label("Kind from");
    send(&mut h, ReviewIntent::SetMerge(Merge { kind_from: 1, span_from: 0, source_from: 1, ..Merge::default() }));
    h.get_by_label("Accept merged").click();
    h.run_steps(3);
    let gold = read_annotations(corpus.path(), stem(&id), "gold");
    assert_eq!(gold.claims.len(), 1);
    let g = &gold.claims[0];
    assert_eq!((g.kind.as_str(), &g.content, &g.source), (b.kind.as_str(), &a.content, &b.source));
}

/// Issue 12: a unit whose kind and source agree but whose claim fields differ is
/// labelled "fields differ", shows each field's picker, and the merged version takes
/// the differing field from the annotator chosen for it, the rest with the span.
#[test]
fn fields_differ_and_the_merged_version_picks_each_field() {
    let corpus = seed_corpus(true);
    let mut h = review(corpus.path());
    let documents: Vec<String> =
        h.state().review().report.as_ref().expect("report").per_document.iter().map(|d| d.document.clone()).collect();
    let mut found = None;
    for id in documents {
        send(&mut h, ReviewIntent::OpenDocument(id.clone()));
        if let Some(unit) = h.state().review().units().iter().position(|u| u.label == Label::FieldsDiffer) {
            found = Some((id, unit));
            break;
        }
    }
    let (id, unit) = found.expect("the seeds have a unit whose fields differ");
    send(&mut h, ReviewIntent::SelectUnit(Some(unit)));
    h.get_by_label("Unit: fields differ");
    let (a, b) = {
        let units = h.state().review().units();
        (units[unit].claims[0].cloned().expect("a"), units[unit].claims[1].cloned().expect("b"))
    };
    let differing: Vec<String> = ["addressee", "position", "issue"]
        .iter()
        .filter(|f| a.fields.get(**f) != b.fields.get(**f))
        .map(|f| f.to_string())
        .collect();
    assert!(!differing.is_empty());
    let label = |id: &str| format!("{}{} from", id[..1].to_uppercase(), &id[1..]);
    for f in &differing {
        h.get_by_label(&label(f));
    }
    let merge = Merge { fields_from: [(differing[0].clone(), 1)].into_iter().collect(), ..Merge::default() };
    send(&mut h, ReviewIntent::SetMerge(merge));
    h.get_by_label("Accept merged").click();
    h.run_steps(3);
    let gold = read_annotations(corpus.path(), stem(&id), "gold");
    assert_eq!(gold.claims.len(), 1);
    let g = &gold.claims[0];
    let mut expected = a.fields.clone();
    match b.fields.get(&differing[0]) {
        Some(v) => expected.insert(differing[0].clone(), v.clone()),
        None => expected.remove(&differing[0]),
    };
    assert_eq!(g.fields, expected, "{} from analyst-b, the rest with analyst-a's span", differing[0]);
    assert_eq!(g.content, a.content);
}

/// Issue 9: review's side-by-side versions are drawn by the document view, so an
/// Arabic passage is right-aligned and read right to left there as in coding: the
/// first word of the sentence is drawn rightmost, the next to its left, and a Latin
/// name inside keeps its own order.
#[test]
fn an_arabic_unit_is_drawn_right_to_left_in_each_version() {
    use claimcoder::model::{AnnotationFile, Claim, Document, Span};
    let dir = tempfile::tempdir().expect("temp dir");
    let text = "قال المتحدث Jacob Lew إن الحكومة لن تنشر التقرير. وأكد أن اللجنة ستجتمع غدا.";
    std::fs::write(dir.path().join("ar.txt"), text).expect("write text");
    let doc = Document::from_bytes("ar.txt", text.as_bytes()).expect("utf-8");
    let at = |word: &str| text[..text.find(word).expect("word")].chars().count();
    let sentence_end = at(".") + 1;
    for (annotator, end) in [("analyst-a", sentence_end), ("analyst-b", sentence_end - 1)] {
        let mut file = AnnotationFile::new("ar.txt", annotator, &doc.sha256);
        let id = file.take_claim_id();
        let mut claim = Claim::new(id, "assertion", Span::from_text(&doc.text, at("إن"), end).expect("span"));
        claim.cue = Span::from_text(&doc.text, 0, 3);
        file.claims.push(claim);
        let ron = claimcoder::store::to_ron(&file);
        std::fs::write(dir.path().join(format!("ar.{annotator}.ron")), ron).expect("write annotations");
    }
    let mut h = app_rtl(dir.path(), Some("lead"));
    h.state_mut().apply(AppIntent::SetMode(Mode::Review));
    settle(&mut h);
    send(&mut h, ReviewIntent::OpenDocument("ar.txt".into()));
    send(&mut h, ReviewIntent::SelectUnit(Some(0)));
    h.run_steps(3);
    let versions = h.state().review_versions_drawn();
    assert_eq!(versions.len(), 2, "one view per annotator");
    let start = |word: &str| at(word);
    for pieces in &versions {
        let rect_of = |pos: usize| pieces.iter().find(|(_, c)| c.contains(&pos)).map(|(r, _)| *r).expect("drawn");
        let (qala, next) = (rect_of(start("قال")), rect_of(start("المتحدث")));
        let right = pieces.iter().map(|(r, _)| r.right()).fold(f32::MIN, f32::max);
        assert!((qala.right() - right).abs() < 1.0, "the first word is drawn at the right edge");
        assert!(next.right() <= qala.left() + 0.5, "the second word is drawn left of the first");
        let (jacob, lew) = (rect_of(start("Jacob")), rect_of(start("Lew")));
        if (jacob.top() - lew.top()).abs() < 1.0 {
            assert!(jacob.right() <= lew.left() + 0.5, "the Latin name reads left to right");
        }
    }
    // Each view sits in its annotator's column, right-aligned in it.
    let views = h.get_all_by_role_and_label(egui::accesskit::Role::Document, "Document text").count();
    assert!(views >= 2, "the versions are document views ({views})");
}
