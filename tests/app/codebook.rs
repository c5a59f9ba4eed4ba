//! Editing the codebook in the app: the editor in the codebook window, saving to
//! `claimcoder.ron`, mapping the claims of a removed choice in every annotator's
//! file, undo, and every bad input refused with a named error.

use std::path::Path;

use crate::common::*;
use claimcoder::model::{MapTo, Orphan, Place, Project};
use claimcoder::ui::{App, AppIntent, CodebookIntent, CodingIntent, Outcome};
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

const STEMS: [&str; 5] = [
    "000_f61589d60f9b959b",
    "001_ac006dcb873ec60d",
    "002_1d370110a937c195",
    "003_3ea6fb826d1b81b4",
    "004_05fe68c239e56b12",
];

fn project(corpus: &Path) -> Project {
    claimcoder::store::project_io::load_project(&corpus.join("claimcoder.ron")).expect("project file")
}

/// How many claims of every annotator's file have `value` for `field`.
fn count_value(corpus: &Path, field: &str, value: &str) -> usize {
    STEMS
        .iter()
        .flat_map(|stem| ["analyst-a", "analyst-b"].map(|a| read_annotations(corpus, stem, a)))
        .flat_map(|f| f.claims)
        .filter(|c| c.fields.get(field).map(String::as_str) == Some(value))
        .count()
}

fn editor(h: &Harness<'static, App>) -> claimcoder::ui::CodebookEditor {
    h.state().codebook_editor().cloned().expect("the editor is open")
}

fn edit(h: &mut Harness<'static, App>, change: impl FnOnce(&mut claimcoder::model::Codebook)) {
    let mut draft = editor(h).draft;
    change(&mut draft);
    h.state_mut().apply(CodebookIntent::Edit(draft));
    h.run_steps(2);
}

fn start_editing(h: &mut Harness<'static, App>) {
    h.state_mut().apply(AppIntent::ToggleCodebook);
    h.run_steps(2);
    h.get_by_label("Edit codebook").click();
    h.run_steps(2);
    assert!(h.state().codebook_editor().is_some(), "the button opens the editor");
}

fn save_button_enabled(h: &Harness<'static, App>) -> bool {
    !h.get_by_label("Save codebook").accesskit_node().is_disabled()
}

#[test]
fn add_rename_reorder_and_remove_a_used_choice_with_mapping_then_undo() {
    let corpus = seed_corpus(true);
    let root = corpus.path();
    let economy_before = count_value(root, "issue", "economy");
    let relations_before = count_value(root, "issue", "relations");
    assert_eq!(economy_before, 10, "the seeds code 10 claims as economy");
    let b_file = root.join(format!("{}.analyst-b.ron", STEMS[0]));
    let mut h = app(root, Some("analyst-a"));
    start_editing(&mut h);

    // Add a choice to the Category field.
    let issue = editor(&h).draft.fields.iter().position(|f| f.id == "issue").expect("issue field");
    h.state_mut().apply(CodebookIntent::AddChoice(issue));
    h.run_steps(2);
    let added = editor(&h).draft.fields[issue].values.len() - 1;
    assert_eq!(added, 5, "a sixth choice was added");
    edit(&mut h, |d| {
        d.fields[issue].values[added].value = "rights".into();
        d.fields[issue].values[added].label = "Human rights".into();
    });

    // Rename a kind's label by typing into its line.
    let denial = h
        .get_all_by_value("Denial")
        .find(|n| n.accesskit_node().role() == egui::accesskit::Role::TextInput)
        .expect("the Denial label is a text line");
    denial.click();
    h.run_steps(1);
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    h.get_all_by_value("Denial")
        .find(|n| n.accesskit_node().role() == egui::accesskit::Role::TextInput)
        .expect("still there")
        .type_text("Rejection");
    h.run_steps(2);
    assert_eq!(editor(&h).draft.kinds[1].label, "Rejection");

    // Reorder: Commitment before Rejection.
    h.state_mut().apply(CodebookIntent::Move(Place::Kind(2), true));
    h.run_steps(2);

    // Remove the used choice: its claims are counted and must be mapped first.
    let economy = editor(&h).draft.fields[issue].values.iter().position(|c| c.value == "economy").expect("economy");
    h.state_mut().apply(CodebookIntent::Remove(Place::Choice(issue, economy)));
    h.run_steps(2);
    assert!(
        h.query_by_label_contains(
            "“Economy and trade” (economy) of Issue: 10 claims in 6 files (analyst-a, analyst-b)"
        )
        .is_some(),
        "the editor says how many claims use the removed choice"
    );
    assert!(!save_button_enabled(&h), "saving waits for a decision");
    h.state_mut().apply(CodebookIntent::Save);
    h.run_steps(1);
    assert!(
        matches!(&editor(&h).outcome, Some(Outcome::Refused(why)) if why.contains("economy") && why.contains("10 claims")),
        "{:?}",
        editor(&h).outcome
    );
    assert_eq!(project(root).fields[issue].values.len(), 5, "nothing was written");

    let orphan = Orphan::Value { field: "issue".into(), value: "economy".into() };
    h.state_mut().apply(CodebookIntent::MapOrphan(orphan, Some(MapTo::Value("relations".into()))));
    h.run_steps(2);
    assert!(save_button_enabled(&h), "{:?}", editor(&h).orphans());
    h.get_by_label("Save codebook").click();
    h.run_steps(2);
    assert!(
        h.query_by_label_contains("10 claims in 6 files were given their new values").is_some(),
        "{:?}",
        editor(&h).outcome
    );

    let saved = project(root);
    let kinds: Vec<(&str, &str)> = saved.kinds.iter().map(|k| (k.id.as_str(), k.label.as_str())).collect();
    assert_eq!(kinds, [("assertion", "Assertion"), ("commitment", "Commitment"), ("denial", "Rejection")]);
    let values: Vec<&str> = saved.fields[issue].values.iter().map(|c| c.value.as_str()).collect();
    assert_eq!(values, ["cyber-attacks", "cyber-norms", "relations", "military", "rights"]);
    let seeds = claimcoder::store::project_io::load_project(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/claimcoder.ron"),
    );
    assert_eq!(saved.actors, seeds.expect("seed project").actors, "the registry is kept");
    assert_eq!(count_value(root, "issue", "economy"), 0, "no claim keeps the removed value");
    assert_eq!(count_value(root, "issue", "relations"), relations_before + economy_before, "every one was mapped");
    assert!(std::fs::read_to_string(&b_file).unwrap().contains("relations"), "another annotator's file is mapped too");

    // One undo step takes the codebook (and the open document's claims) back.
    h.state_mut().apply(CodingIntent::Undo);
    h.state_mut().apply(CodingIntent::Save);
    h.run_steps(2);
    let undone = project(root);
    assert_eq!(
        undone.kinds.iter().map(|k| k.label.as_str()).collect::<Vec<_>>(),
        ["Assertion", "Denial", "Commitment"]
    );
    assert!(undone.fields[issue].values.iter().any(|c| c.value == "economy"));
    let open = read_annotations(root, STEMS[0], "analyst-a");
    let original = claimcoder::store::parse_annotation(
        "seed",
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("seeds/{}.analyst-a.ron", STEMS[0])),
        )
        .unwrap(),
    )
    .unwrap();
    let issues = |f: &claimcoder::model::AnnotationFile| -> Vec<Option<String>> {
        f.claims.iter().map(|c| c.fields.get("issue").cloned()).collect()
    };
    assert_eq!(issues(&open), issues(&original), "the open document's values come back with the undo");
    assert!(h.query_by_label_contains("changed (undo or redo) since this draft began").is_some());
}

/// A change of the draft.
type Change = fn(&mut claimcoder::model::Codebook);

#[test]
fn bad_inputs_are_shown_at_their_row_and_never_saved() {
    let corpus = seed_corpus(true);
    let root = corpus.path();
    let before = std::fs::read(root.join("claimcoder.ron")).unwrap();
    let mut h = app(root, Some("analyst-a"));
    start_editing(&mut h);
    let cases: [(&str, Change); 6] = [
        ("kind id `assertion` is used twice", |d| {
            d.add_kind(&[]);
            d.kinds[3].id = "assertion".into();
        }),
        ("kind `denial` needs a label", |d| d.kinds[1].label = " ".into()),
        ("key `A` is used by two kinds", |d| d.kinds[1].key = "a".into()),
        ("kind `denial` key `S` is taken by the command \"Mark source mention\"", |d| d.kinds[1].key = "S".into()),
        ("kind `denial` colour `#ef44` is not #rrggbb", |d| d.kinds[1].color = "#ef44".into()),
        ("field `position` is a Scale, but its value `high` is not an integer", |d| {
            d.fields[1].values[0].value = "high".into()
        }),
    ];
    for (message, change) in cases {
        h.state_mut().apply(CodebookIntent::StopEditing);
        h.state_mut().apply(CodebookIntent::StartEditing);
        edit(&mut h, change);
        assert!(h.query_by_label_contains(message).is_some(), "{message} is shown");
        assert!(!save_button_enabled(&h), "{message}: the save button is off");
        h.state_mut().apply(CodebookIntent::Save);
        h.run_steps(1);
        match &editor(&h).outcome {
            Some(Outcome::Refused(why)) => assert!(why.contains(message), "{why}"),
            other => panic!("{message}: {other:?}"),
        }
        assert_eq!(std::fs::read(root.join("claimcoder.ron")).unwrap(), before, "{message}: nothing written");
    }
}

#[test]
fn an_unreadable_codebook_file_is_never_overwritten() {
    let corpus = seed_corpus(true);
    let root = corpus.path();
    let broken = b"(format: 1, kinds: [oops".to_vec();
    std::fs::write(root.join("claimcoder.ron"), &broken).unwrap();
    let mut h = app(root, Some("analyst-a"));
    h.state_mut().apply(CodebookIntent::StartEditing);
    edit(&mut h, |d| d.kinds[0].label = "Statement".into());
    h.get_by_label("Save codebook").click();
    h.run_steps(2);
    match &editor(&h).outcome {
        Some(Outcome::Refused(why)) => {
            assert!(why.contains("not written while it has an error") && why.contains("claimcoder.ron"), "{why}")
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(std::fs::read(root.join("claimcoder.ron")).unwrap(), broken);
}

#[test]
fn mapping_leaves_an_annotation_file_it_cannot_read_alone_and_names_it() {
    let corpus = seed_corpus(true);
    let root = corpus.path();
    let broken_path = root.join(format!("{}.analyst-c.ron", STEMS[1]));
    let broken = b"(format: 1, document: \"x\", claims: [(kind: \"denial\"".to_vec();
    std::fs::write(&broken_path, &broken).unwrap();
    let mut h = app(root, Some("analyst-a"));
    h.state_mut().apply(CodebookIntent::StartEditing);
    h.run_steps(1);
    let issue = 2;
    let economy = editor(&h).draft.fields[issue].values.iter().position(|c| c.value == "economy").unwrap();
    h.state_mut().apply(CodebookIntent::Remove(Place::Choice(issue, economy)));
    let orphan = Orphan::Value { field: "issue".into(), value: "economy".into() };
    h.state_mut().apply(CodebookIntent::MapOrphan(orphan, Some(MapTo::Clear)));
    h.state_mut().apply(CodebookIntent::Save);
    h.run_steps(2);
    match &editor(&h).outcome {
        Some(Outcome::Saved(message, unreadable)) => {
            assert!(message.contains("10 claims"), "{message}");
            assert_eq!(unreadable.len(), 1, "{unreadable:?}");
            assert!(unreadable[0].contains("analyst-c.ron"), "{unreadable:?}");
        }
        other => panic!("{other:?}"),
    }
    assert!(h.query_by_label_contains("Not read, left as it is").is_some(), "the editor names the file");
    assert_eq!(std::fs::read(&broken_path).unwrap(), broken, "the unreadable file is left as it was");
    assert_eq!(count_value(root, "issue", "economy"), 0);
}
