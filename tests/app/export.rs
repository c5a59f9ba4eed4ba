//! File > Export… and File > Import brat… driven through the real app: the dialogs,
//! the injected save dialog, the background work, and the files they leave.

use std::path::Path;
use std::sync::Arc;

use crate::common::*;
use claimcoder::ui::{App, DatasetsIntent};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

const HEADER: &str = "document,annotator,claim_id,kind,start,end,text,source,source_name,source_start,source_end,source_text,cue_start,cue_end,cue_text,note,status,modified";
const DOC0: &str = "000_f61589d60f9b959b";

fn use_picker(h: &mut Harness<'static, App>, path: Option<&Path>) {
    h.state_mut().set_picker(Arc::new(FixedPicker(path.map(Path::to_path_buf))));
}

/// Opens File > `item` with the mouse.
fn file_menu(h: &mut Harness<'static, App>, item: &str) {
    h.get_by_label("File").click();
    h.run_steps(2);
    h.get_by_label(item).click();
    h.run_steps(3);
}

/// Runs frames until no dialog or background job is busy.
fn wait(h: &mut Harness<'static, App>) {
    settle(h);
}

/// Replaces the text of the input labelled `label`.
fn type_into(h: &mut Harness<'static, App>, label: &str, text: &str) {
    h.get_by_role_and_label(Role::TextInput, label).focus();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(Role::TextInput, label).type_text(text);
    h.run_steps(1);
}

fn untick(h: &mut Harness<'static, App>, annotator: &str) {
    h.get_by_role_and_label(Role::CheckBox, annotator).click();
    h.run_steps(1);
}

fn export_outcome(h: &Harness<'static, App>) -> String {
    let outcome = h.state().export_dialog().and_then(|d| d.outcome.clone());
    outcome.map(|o| o.headline).unwrap_or_default()
}

/// The csv's records (header checked) as (document, annotator, claim_id).
fn csv_rows(path: &Path) -> Vec<(String, String, String)> {
    let text = std::fs::read_to_string(path).expect("the csv exists");
    let fields = ",field_addressee,field_position,field_issue";
    assert_eq!(text.lines().next(), Some(format!("{HEADER}{fields}").as_str()), "section 6 header, the seed fields");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    reader.records().map(|r| r.expect("a csv record")).map(|r| (r[0].into(), r[1].into(), r[2].into())).collect()
}

fn count(rows: &[(String, String, String)], annotator: &str) -> usize {
    rows.iter().filter(|r| r.1 == annotator).count()
}

#[test]
fn a_csv_export_through_the_dialog_has_a_row_per_claim_of_the_chosen_annotators() {
    let corpus = seed_corpus(true);
    let out_dir = tempfile::tempdir().unwrap();
    let out = out_dir.path().join("claims.csv");
    let mut h = app(corpus.path(), Some("lead"));
    use_picker(&mut h, Some(&out));
    file_menu(&mut h, "Export…");
    assert!(h.query_by_label("Export dataset").is_some(), "the export window is open");
    for name in ["analyst-a", "analyst-b", "lead"] {
        assert!(h.query_by_role_and_label(Role::CheckBox, name).is_some(), "{name} can be chosen");
    }
    h.get_by_label("Choose…").click();
    wait(&mut h);
    assert_eq!(h.state().export_dialog().map(|d| d.form.path.clone()), Some(out.display().to_string()));
    h.get_by_label("Export").click();
    wait(&mut h);
    let rows = csv_rows(&out);
    assert_eq!((count(&rows, "analyst-a"), count(&rows, "analyst-b"), rows.len()), (56, 57, 113));
    let message = export_outcome(&h);
    assert!(message.contains("Wrote 113 claims") && message.contains(&out.display().to_string()), "{message}");
    assert!(h.query_by_label_contains("Wrote 113 claims").is_some(), "the result is shown");

    let only_a = out_dir.path().join("analyst-a.csv");
    type_into(&mut h, "File to write", &only_a.display().to_string());
    untick(&mut h, "analyst-b");
    h.get_by_label("Export").click();
    wait(&mut h);
    let rows = csv_rows(&only_a);
    assert_eq!((count(&rows, "analyst-a"), rows.len()), (56, 56), "only the ticked annotator");
}

#[test]
fn only_documents_marked_done_leaves_unfinished_files_out() {
    let corpus = seed_corpus(true);
    let file = corpus.path().join(format!("{DOC0}.analyst-b.ron"));
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replace("status: Done", "status: InProgress")).unwrap();
    let unfinished = read_annotations(corpus.path(), DOC0, "analyst-b").claims.len();
    assert!(unfinished > 0);
    let out_dir = tempfile::tempdir().unwrap();
    let out = out_dir.path().join("done.csv");
    let mut h = app(corpus.path(), Some("lead"));
    h.state_mut().apply(DatasetsIntent::ShowExport);
    h.run_steps(2);
    type_into(&mut h, "File to write", &out.display().to_string());
    h.get_by_label("Only documents marked done").click();
    h.run_steps(1);
    h.get_by_label("Export").click();
    wait(&mut h);
    let rows = csv_rows(&out);
    assert_eq!(count(&rows, "analyst-b"), 57 - unfinished);
    assert!(!rows.iter().any(|r| r.0.starts_with(DOC0) && r.1 == "analyst-b"), "the unfinished file is left out");
    assert_eq!(count(&rows, "analyst-a"), 56);
}

#[test]
fn an_existing_file_is_replaced_only_after_confirmation() {
    let corpus = seed_corpus(true);
    let out_dir = tempfile::tempdir().unwrap();
    let out = out_dir.path().join("claims.jsonl");
    std::fs::write(&out, "keep me\n").unwrap();
    let mut h = app(corpus.path(), Some("lead"));
    h.state_mut().apply(DatasetsIntent::ShowExport);
    h.run_steps(2);
    h.get_by_label("JSON lines: one file, a line per document and annotator").click();
    h.run_steps(1);
    type_into(&mut h, "File to write", &out.display().to_string());
    h.get_by_label("Export").click();
    wait(&mut h);
    assert!(h.query_by_label_contains("already exists. Replace it").is_some(), "the user is asked");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "keep me\n", "nothing written before the answer");
    h.get_by_label("Keep it").click();
    wait(&mut h);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "keep me\n", "kept when the user says so");
    h.get_by_label("Export").click();
    wait(&mut h);
    h.get_by_label("Replace").click();
    wait(&mut h);
    let text = std::fs::read_to_string(&out).unwrap();
    assert_eq!(text.lines().count(), 10, "a line per document per annotator with a file");
}

#[test]
fn a_brat_export_imports_back_as_another_annotator_through_the_import_window() {
    let corpus = seed_corpus(true);
    let out_dir = tempfile::tempdir().unwrap();
    let out = out_dir.path().join("brat");
    let mut h = app(corpus.path(), Some("lead"));
    file_menu(&mut h, "Export…");
    h.get_by_label("brat: a folder of .txt and .ann files per annotator").click();
    h.run_steps(1);
    untick(&mut h, "analyst-b");
    type_into(&mut h, "Folder to create", &out.display().to_string());
    h.get_by_label("Export").click();
    wait(&mut h);
    assert!(export_outcome(&h).contains("Wrote 56 claims"), "{}", export_outcome(&h));
    assert!(out.join("analyst-a").join(format!("{DOC0}.ann")).is_file());
    h.get_by_label("Close").click();
    h.run_steps(2);

    file_menu(&mut h, "Import brat…");
    use_picker(&mut h, Some(&out.join("analyst-a")));
    h.get_by_label("Choose…").click();
    wait(&mut h);
    type_into(&mut h, "Import as annotator", "copy");
    h.run_steps(1);
    h.get_by_label("Import").click();
    wait(&mut h);
    settle(&mut h);
    let outcome = h
        .state()
        .import_dialog()
        .map(|d| (d.outcome.clone(), d.error.clone(), d.form.folder.clone(), d.form.annotator.clone()));
    assert!(h.query_by_label_contains("Imported 56 claims into 5 annotation files for copy").is_some(), "{outcome:?}");
    for entry in std::fs::read_dir(corpus.path()).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        let Some(stem) = name.strip_suffix(".txt") else { continue };
        let spans = |annotator| {
            let mut s: Vec<_> = read_annotations(corpus.path(), stem, annotator)
                .claims
                .iter()
                .map(|c| (c.kind.clone(), c.content.start, c.content.end, c.source.clone()))
                .collect();
            s.sort();
            s
        };
        assert_eq!(spans("copy"), spans("analyst-a"), "{stem}: the same claims");
    }
    let annotators = h.state().workspace().map(|w| w.corpus.annotators()).unwrap_or_default();
    assert!(annotators.iter().any(|a| a.to_string() == "copy"), "the corpus is rescanned: {annotators:?}");
}

#[test]
fn bad_paths_and_names_get_a_clear_sentence() {
    let corpus = seed_corpus(true);
    let mut h = app(corpus.path(), Some("lead"));
    use_picker(&mut h, None);
    h.state_mut().apply(DatasetsIntent::ShowExport);
    h.run_steps(2);
    h.get_by_label("Choose…").click();
    wait(&mut h);
    assert!(h.query_by_label_contains("type the path instead").is_some(), "no dialog: type the path");
    type_into(&mut h, "File to write", "/no-such-folder-claimcoder/out.csv");
    h.get_by_label("Export").click();
    wait(&mut h);
    let message = export_outcome(&h);
    assert!(message.contains("folder /no-such-folder-claimcoder does not exist"), "{message}");
    assert!(h.query_by_label_contains("Nothing was exported").is_some(), "{message}");
    type_into(&mut h, "File to write", "relative.csv");
    h.get_by_label("Export").click();
    wait(&mut h);
    assert!(export_outcome(&h).contains("not a full path"), "{}", export_outcome(&h));
    h.get_by_label("Close").click();
    h.run_steps(2);

    h.state_mut().apply(DatasetsIntent::ShowImport);
    h.run_steps(2);
    type_into(&mut h, "brat folder", &corpus.path().display().to_string());
    type_into(&mut h, "Import as annotator", "Bad Name");
    h.get_by_label("Import").click();
    wait(&mut h);
    assert!(h.query_by_label_contains("Annotator \"Bad Name\"").is_some(), "the name is refused");
}

#[test]
fn articles_are_previewed_then_added_to_the_open_corpus_with_their_metadata() {
    let corpus = seed_corpus(false);
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    std::fs::copy(seeds.join("documents.csv"), corpus.path().join("documents.csv")).unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let src = elsewhere.path().join("export.csv");
    std::fs::write(
        &src,
        "id,title,date,outlet,text\n\
         xin-1,China denies hacking report,2013-03-19,Xinhua,\"China's ministry said: \"\"We never hack.\"\"\"\n\
         lemonde-7,Le ministère dément,2013-03-20,Le Monde,\"« Nous démentons », a dit le porte-parole.\"\n",
    )
    .unwrap();
    let mut h = app(corpus.path(), Some("tester"));
    settle(&mut h);
    file_menu(&mut h, "Import articles…");
    use_picker(&mut h, Some(&src));
    h.get_by_label("Choose…").click();
    wait(&mut h);
    h.get_by_label("Preview").click();
    wait(&mut h);
    let dialog = h.state().articles_dialog().map(|d| format!("{:?} {:?} {:?}", d.form, d.error, d.preview));
    assert!(h.query_by_label("2 articles in 5 fields:").is_some(), "the preview counts what it read: {dialog:?}");
    assert!(h.query_by_label("column outlet").is_some(), "the preview says what each field becomes");
    assert!(h.query_by_label("China denies hacking report").is_some(), "and shows the first rows");
    assert!(!corpus.path().join("xin-1.txt").exists(), "a preview writes nothing");
    h.get_by_label("Import").click();
    wait(&mut h);
    settle(&mut h);
    assert!(
        h.query_by_label("Imported 2 articles: 2 added, 0 replaced, 0 already there, 0 skipped.").is_some(),
        "the summary"
    );
    assert_eq!(
        std::fs::read_to_string(corpus.path().join("xin-1.txt")).unwrap(),
        "China's ministry said: \"We never hack.\""
    );
    let csv = std::fs::read_to_string(corpus.path().join("documents.csv")).unwrap();
    assert!(csv.starts_with("document,title,date,outlet,author,id\n"), "{csv}");
    assert!(csv.contains("000_f61589d60f9b959b.txt,Treasury Secretary Lew"), "the rows already there are kept");
    assert!(csv.contains("lemonde-7.txt,Le ministère dément,2013-03-20,Le Monde,,lemonde-7\n"), "{csv}");
    let ws = h.state().workspace().unwrap();
    assert_eq!(ws.corpus.documents.len(), 7, "the corpus is scanned again");
    assert!(ws.metadata.get("xin-1.txt").is_some_and(|m| m.outlet() == Some("Xinhua")), "and its metadata read");

    std::fs::write(&src, "id,text\nbad,\"never closed\n").unwrap();
    h.get_by_label("Preview").click();
    wait(&mut h);
    h.get_by_label("Import").click();
    wait(&mut h);
    assert!(h.query_by_label("Nothing was imported: 1 problem(s), listed below.").is_some());
    assert!(!corpus.path().join("bad.txt").exists());
}
