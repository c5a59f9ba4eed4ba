//! The actor registry, the codebook window and opening corpora, through the real app.

use std::sync::Arc;

use crate::common::*;
use claimcoder::ui::{App, AppIntent, CodingIntent, StartOptions};
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn project(corpus: &std::path::Path) -> claimcoder::model::Project {
    claimcoder::store::project_io::load_project(&corpus.join("claimcoder.ron")).expect("project file")
}

#[test]
fn renaming_an_actor_writes_the_registry_and_undo_restores_it() {
    let corpus = seed_corpus(true);
    let mut h = app(corpus.path(), Some("tester"));
    let mut lew = project(corpus.path()).actors.get("jacob-j-lew").cloned().expect("Lew is registered");
    lew.name = "Jacob Lew".into();
    lew.aliases.push("Secretary Lew".into());
    h.state_mut().apply(CodingIntent::UpdateActor(lew.clone()));
    h.run_steps(1);
    assert_eq!(project(corpus.path()).actors.get("jacob-j-lew"), Some(&lew));
    h.state_mut().apply(CodingIntent::Undo);
    h.run_steps(1);
    assert_eq!(project(corpus.path()).actors.get("jacob-j-lew").map(|a| a.name.as_str()), Some("Jacob J. Lew"));
}

#[test]
fn merging_actors_repoints_this_annotators_claims_everywhere() {
    let corpus = seed_corpus(true);
    let mut h = app(corpus.path(), Some("analyst-a"));
    let before: Vec<String> = (0..5)
        .flat_map(|i| {
            let stem = [
                "000_f61589d60f9b959b",
                "001_ac006dcb873ec60d",
                "002_1d370110a937c195",
                "003_3ea6fb826d1b81b4",
                "004_05fe68c239e56b12",
            ][i];
            read_annotations(corpus.path(), stem, "analyst-a").claims.into_iter().filter_map(|c| c.source)
        })
        .collect();
    let from = "thomas-donilon";
    assert!(before.iter().any(|s| s == from), "the sample codings name Donilon");
    h.state_mut().apply(CodingIntent::MergeActors { from: from.into(), into: "white-house".into() });
    h.state_mut().apply(CodingIntent::Save);
    h.run_steps(1);
    let registry = project(corpus.path()).actors;
    assert!(registry.get(from).is_none());
    assert!(registry.get("white-house").is_some_and(|a| a.aliases.iter().any(|al| al == "Thomas Donilon")));
    for stem in [
        "000_f61589d60f9b959b",
        "001_ac006dcb873ec60d",
        "002_1d370110a937c195",
        "003_3ea6fb826d1b81b4",
        "004_05fe68c239e56b12",
    ] {
        let file = read_annotations(corpus.path(), stem, "analyst-a");
        assert!(file.claims.iter().all(|c| c.source.as_deref() != Some(from)), "{stem} still names {from}");
        let other = read_annotations(corpus.path(), stem, "analyst-b");
        let original = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("seeds/{stem}.analyst-b.ron")),
        )
        .unwrap();
        assert_eq!(claimcoder::store::to_ron(&other), original, "another annotator's file is never written");
    }
}

#[test]
fn the_actors_and_codebook_windows_open_from_the_view_menu() {
    let corpus = seed_corpus(true);
    let mut h = app(corpus.path(), Some("tester"));
    h.state_mut().apply(AppIntent::ToggleActors);
    h.state_mut().apply(AppIntent::ToggleCodebook);
    h.run_steps(2);
    assert!(h.query_by_label("Jacob J. Lew").is_some(), "the registry lists its actors");
    assert!(h.query_by_label_contains("rejects a claim or an accusation").is_some(), "the codebook shows definitions");
    h.key_press(Key::F1);
    h.run_steps(2);
    assert!(h.query_by_label("Select the next claim in the text").is_some(), "F1 lists the shortcuts");
}

#[test]
fn a_corpus_opens_from_the_folder_dialog_or_a_typed_path() {
    let first = seed_corpus(false);
    let second = tempfile::tempdir().unwrap();
    std::fs::write(second.path().join("only.txt"), "Only document\n\nBody.").unwrap();
    let picked = second.path().to_path_buf();
    let mut h = Harness::builder().with_size(egui::vec2(1280.0, 820.0)).build_eframe(move |cc| {
        App::new(
            cc,
            StartOptions {
                corpus: Some(first.path().to_path_buf()),
                annotator: Some("tester".into()),
                picker: Arc::new(FixedPicker(Some(picked))),
                remember: false,
            },
        )
    });
    settle(&mut h);
    assert_eq!(h.state().workspace().map(|w| w.corpus.documents.len()), Some(5));
    h.state_mut().apply(AppIntent::ShowOpenCorpus);
    h.run_steps(2);
    h.get_by_label("Browse…").click();
    for _ in 0..50 {
        h.run_steps(1);
        if h.state().workspace().is_some_and(|w| w.corpus.documents.len() == 1) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert_eq!(h.state().workspace().map(|w| w.corpus.documents.len()), Some(1), "the picked folder opened");

    h.state_mut().apply(AppIntent::ShowOpenCorpus);
    h.run_steps(2);
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    h.get_by_label("Open corpus").type_text("/no/such/folder");
    h.run_steps(1);
    h.get_by_label("Open").click();
    h.run_steps(2);
    assert!(h.query_by_label_contains("does not exist").is_some(), "a bad path is explained");
}
