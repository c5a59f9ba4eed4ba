//! The app facing bad input and other programs: every case of FORMAT.md section 3
//! "Never losing or clobbering a file", driven through the real app.

use crate::common::*;
use claimcoder::coding::SaveStatus;
use claimcoder::ui::CodingIntent;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

const DOC0: &str = "000_f61589d60f9b959b";

fn save_status(h: &egui_kittest::Harness<'static, claimcoder::ui::App>) -> SaveStatus {
    h.state().workspace().map(|w| w.save.clone()).expect("a corpus is open")
}

#[test]
fn who_is_coding_is_asked_and_validated() {
    let corpus = seed_corpus(false);
    let mut h = app(corpus.path(), None);
    assert!(h.state().workspace().is_none());
    h.get_by_label("Who is coding?").type_text("Bad Name");
    h.run_steps(1);
    h.get_by_label("Start coding").click();
    h.run_steps(2);
    assert!(h.query_by_label_contains("use only lower-case letters").is_some(), "the reason is shown");
    assert!(h.state().workspace().is_none());
    h.get_by_label("Who is coding?").focus();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Who is coding?").type_text("alice");
    h.run_steps(1);
    h.get_by_label("Start coding").click();
    settle(&mut h);
    assert_eq!(h.state().annotator().map(|a| a.to_string()), Some("alice".to_owned()));
    assert!(h.query_by_label("alice").is_some(), "the annotator's name is always visible");
}

#[test]
fn a_broken_file_opens_read_only_and_is_never_overwritten() {
    let corpus = seed_corpus(false);
    let path = corpus.path().join(format!("{DOC0}.tester.ron"));
    let broken = "(\n    format: 1,\n    document: \"x\",\n    claims: [ oops ],\n)\n";
    std::fs::write(&path, broken).unwrap();
    let mut h = app(corpus.path(), Some("tester"));
    match save_status(&h) {
        SaveStatus::ReadOnly(reason) => assert!(reason.contains(":4:"), "located at line 4: {reason}"),
        other => panic!("expected read-only, got {other:?}"),
    }
    assert!(h.query_by_label("Read-only").is_some(), "the save indicator says so");
    let text = open_text(&h);
    let (s, e) = char_range_of(&text, "The meetings come amid");
    select(&mut h, s, e);
    h.key_press(Key::A);
    h.run_steps(2);
    assert!(open_claims(&h).is_empty(), "no edits on a read-only file");
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.state_mut().apply(CodingIntent::NextDocument);
    h.run_steps(2);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), broken, "the broken file is untouched");
}

#[test]
fn a_misspelled_field_opens_read_only_and_the_next_claim_does_not_rewrite_the_file() {
    let corpus = seed_corpus(true);
    let path = corpus.path().join(format!("{DOC0}.analyst-a.ron"));
    let broken = std::fs::read_to_string(&path).unwrap().replacen("    claims: [", "    claimz: [", 1);
    std::fs::write(&path, &broken).unwrap();
    let mut h = app(corpus.path(), Some("analyst-a"));
    match save_status(&h) {
        SaveStatus::ReadOnly(reason) => {
            assert!(reason.contains(":21:5: unknown field `claimz`; did you mean `claims`?"), "{reason}")
        }
        other => panic!("expected read-only, got {other:?}"),
    }
    let row = h.state().workspace().and_then(|w| w.listing.rows[0].clone()).expect("listed");
    assert!(row.error.is_some_and(|e| e.contains("claimz")), "the list shows the error, not \"0 claims\"");
    let text = open_text(&h);
    let (s, e) = char_range_of(&text, "The meetings come amid");
    select(&mut h, s, e);
    h.key_press(Key::A);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.state_mut().apply(CodingIntent::NextDocument);
    h.run_steps(2);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), broken, "the 12 claims are still on disk");
}

#[test]
fn a_newer_format_opens_read_only() {
    let corpus = seed_corpus(true);
    let path = corpus.path().join(format!("{DOC0}.analyst-a.ron"));
    let newer = std::fs::read_to_string(&path).unwrap().replace("format: 1,", "format: 7,\n    reviewers: [\"x\"],");
    std::fs::write(&path, &newer).unwrap();
    let mut h = app(corpus.path(), Some("analyst-a"));
    assert!(matches!(save_status(&h), SaveStatus::ReadOnly(r) if r.contains("format 7")));
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(1);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), newer);
}

#[test]
fn a_changed_text_re_anchors_claims_and_keeps_orphans() {
    let corpus = seed_corpus(true);
    let text_path = corpus.path().join(format!("{DOC0}.txt"));
    let before = claimcoder::store::parse_annotation(
        "a",
        &std::fs::read_to_string(corpus.path().join(format!("{DOC0}.analyst-a.ron"))).unwrap(),
    )
    .unwrap();
    let text = std::fs::read_to_string(&text_path).unwrap();
    let gone = "\"We have a very important relationship with the Chinese,\"";
    assert!(text.contains(gone));
    let edited = format!("Editor's note: updated.\n\n{}", text.replace(gone, "\"We have ties with China,\""));
    std::fs::write(&text_path, edited).unwrap();

    let mut h = app(corpus.path(), Some("analyst-a"));
    let open = h.state().workspace().and_then(|w| w.open.as_ref()).expect("open");
    assert_eq!(open.claims().len(), before.claims.len(), "no claim is dropped");
    assert_eq!(open.orphans.len(), 1, "the claim whose quote vanished is orphaned");
    let new_text = open.doc.text.as_str().to_owned();
    for c in open.claims().iter().filter(|c| !open.orphans.contains(&c.id)) {
        assert_eq!(chars(&new_text, c.content.start, c.content.end), c.content.quote);
    }
    assert!(h.query_by_label_contains("orphaned claim").is_some(), "orphans are shown to the user");
    h.state_mut().apply(CodingIntent::ToggleDone);
    h.state_mut().apply(CodingIntent::Save);
    h.run_steps(1);
    let after = read_annotations(corpus.path(), DOC0, "analyst-a");
    assert_eq!(after.claims.len(), before.claims.len(), "orphans are written back");
}

fn conflict_copies(corpus: &std::path::Path, file: &str) -> Vec<String> {
    let mut side: Vec<_> = std::fs::read_dir(corpus)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(&format!("{file}.conflict-")))
        .collect();
    side.sort();
    side
}

fn notice(h: &egui_kittest::Harness<'static, claimcoder::ui::App>) -> String {
    h.state().workspace().and_then(|w| w.notice.clone()).unwrap_or_default()
}

#[test]
fn a_file_changed_by_another_program_is_merged_not_clobbered() {
    let corpus = seed_corpus(false);
    let mut h = app(corpus.path(), Some("tester"));
    let text = open_text(&h);
    let (s, e) = char_range_of(&text, "The meetings come amid");
    select(&mut h, s, e);
    h.key_press(Key::A);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(2);
    let path = corpus.path().join(format!("{DOC0}.tester.ron"));
    let theirs = std::fs::read_to_string(&path).unwrap().replace("note: \"\"", "note: \"edited elsewhere\"");

    // Theirs changed claim 1's note, ours adds claim 2: both survive, no copy. Our
    // change is made before theirs lands, so the file watcher (which may see theirs
    // first on a slow machine) and the save both find unsaved work to merge.
    let (s2, e2) = char_range_of(&text, "Lew left Washington for Beijing");
    select(&mut h, s2, e2);
    h.key_press(Key::C);
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(&path, &theirs).unwrap();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(2);
    let on_disk = read_annotations(corpus.path(), DOC0, "tester");
    let mut summary: Vec<(u64, &str, &str)> =
        on_disk.claims.iter().map(|c| (c.id, c.kind.as_str(), c.note.as_str())).collect();
    summary.sort();
    assert_eq!(summary, [(1, "assertion", "edited elsewhere"), (2, "commitment", "")]);
    assert!(conflict_copies(corpus.path(), &format!("{DOC0}.tester.ron")).is_empty());
    assert_eq!(open_claims(&h).len(), 2, "the merged file is what the coder sees");
    // The save merged, or (on a slow machine) the watcher saw their file first.
    let told = notice(&h);
    assert!(told.contains("merged with your work") || told.contains("changed on disk"), "{told}");

    // Both change claim 1's kind: the file keeps theirs, ours is kept in a copy.
    let theirs = std::fs::read_to_string(&path).unwrap().replacen("kind: \"assertion\"", "kind: \"denial\"", 1);
    h.state_mut().apply(claimcoder::ui::CodingIntent::SetKind(1, "commitment".into()));
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(&path, &theirs).unwrap();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(2);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs, "the other program's version of claim 1 is kept");
    let side = conflict_copies(corpus.path(), &format!("{DOC0}.tester.ron"));
    assert_eq!(side.len(), 1, "our version is kept beside it: {side:?}");
    let ours =
        claimcoder::store::parse_annotation("x", &std::fs::read_to_string(corpus.path().join(&side[0])).unwrap())
            .unwrap();
    assert_eq!(ours.claim(1).map(|c| c.kind.as_str()), Some("commitment"));
    assert!(notice(&h).contains("1 claim(s) changed on both sides"), "{}", notice(&h));
}

#[test]
fn an_unwritable_folder_keeps_the_work_and_says_why() {
    let corpus = seed_corpus(false);
    let mut h = app(corpus.path(), Some("tester"));
    let text = open_text(&h);
    let (s, e) = char_range_of(&text, "The meetings come amid");
    select(&mut h, s, e);
    let moved = corpus.path().with_extension("away");
    std::fs::rename(corpus.path(), &moved).unwrap();
    h.key_press(Key::A);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(2);
    match save_status(&h) {
        SaveStatus::Failed { reason, .. } => assert!(reason.contains(&format!("{DOC0}.tester.ron")), "{reason}"),
        other => panic!("expected a failed save, got {other:?}"),
    }
    assert_eq!(open_claims(&h).len(), 1, "the work stays in memory");
    assert!(h.query_by_label("Not saved").is_some(), "the indicator says so");
    std::fs::rename(&moved, corpus.path()).unwrap();
    h.state_mut().apply(CodingIntent::Save);
    h.run_steps(1);
    assert_eq!(read_annotations(corpus.path(), DOC0, "tester").claims.len(), 1, "the retry writes it");
}

#[test]
fn an_invalid_utf8_document_is_listed_with_its_error() {
    let corpus = seed_corpus(false);
    std::fs::write(corpus.path().join("zz_bad.txt"), b"Headline\n\xFF\xFE broken").unwrap();
    let mut h = app(corpus.path(), Some("tester"));
    let row = h.state().workspace().and_then(|w| w.listing.rows[5].clone()).expect("listed");
    assert_eq!(row.error.as_deref(), Some("zz_bad.txt is not valid UTF-8 at byte 9"));
    h.state_mut().apply(CodingIntent::OpenDocument(5));
    h.run_steps(2);
    assert!(h.query_by_label("This document cannot be opened").is_some());
    assert_eq!(std::fs::read(corpus.path().join("zz_bad.txt")).unwrap(), b"Headline\n\xFF\xFE broken");
    h.state_mut().apply(CodingIntent::OpenDocument(0));
    h.run_steps(2);
    assert!(!open_text(&h).is_empty(), "the rest of the corpus works");
}

#[test]
fn an_empty_corpus_shows_a_friendly_empty_state() {
    let corpus = tempfile::tempdir().unwrap();
    let h = app(corpus.path(), Some("tester"));
    assert!(h.query_by_label("This folder has no documents yet").is_some());
}

#[test]
fn crlf_and_bom_texts_count_characters_as_the_contract_says() {
    let corpus = tempfile::tempdir().unwrap();
    std::fs::write(corpus.path().join("crlf.txt"), "\u{feff}Title\r\n\r\n“Quote,” Lew said.\r\n").unwrap();
    let mut h = app(corpus.path(), Some("tester"));
    let text = open_text(&h);
    assert!(text.starts_with("Title\r\n"), "the BOM is not part of the text");
    let (s, e) = char_range_of(&text, "“Quote,”");
    assert_eq!((s, e), (9, 17), "CRLF counts as two characters");
    select(&mut h, s, e);
    h.key_press(Key::A);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(2);
    let file = read_annotations(corpus.path(), "crlf", "tester");
    assert_eq!((file.claims[0].content.start, file.claims[0].content.end), (9, 17));
}

#[test]
fn a_mouse_drag_selects_text_that_can_be_coded() {
    let corpus = seed_corpus(false);
    let mut h = app(corpus.path(), Some("tester"));
    let rect = h.get_by_role_and_label(egui::accesskit::Role::Document, "Document text").rect();
    let from = rect.left_top() + egui::vec2(4.0, 12.0);
    let to = rect.left_top() + egui::vec2(300.0, 12.0);
    h.drag_at(from);
    h.run_steps(1);
    h.hover_at(to);
    h.run_steps(1);
    h.drop_at(to);
    h.run_steps(2);
    let selection = h.state().workspace().and_then(|w| w.open.as_ref()).and_then(|o| o.selection);
    let (s, e) = selection.expect("dragging selects");
    assert!(e > s + 5, "{s}..{e}");
    h.key_press(Key::A);
    h.run_steps(2);
    let claims = open_claims(&h);
    assert_eq!(claims.len(), 1);
    assert_eq!(claims[0].content.quote, chars(&open_text(&h), s, e));
}

/// Issue 7, case 3: the app reads a symlinked annotation file and its saves go
/// through the link, which stays a link.
#[cfg(unix)]
#[test]
fn a_symlinked_annotation_file_stays_a_link_after_saving() {
    let corpus = seed_corpus(true);
    let shared = tempfile::tempdir().unwrap();
    let name = format!("{DOC0}.analyst-a.ron");
    let (link, target) = (corpus.path().join(&name), shared.path().join(&name));
    std::fs::rename(&link, &target).unwrap();
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let mut h = app(corpus.path(), Some("analyst-a"));
    assert_eq!(open_claims(&h).len(), 12, "read through the link");
    let text = open_text(&h);
    let (s, e) = char_range_of(&text, "The meetings come amid");
    select(&mut h, s, e);
    h.key_press(Key::A);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(2);
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink(), "the link stays a link");
    let saved = claimcoder::store::parse_annotation("x", &std::fs::read_to_string(&target).unwrap()).unwrap();
    assert_eq!(saved.claims.len(), 13, "the claim went into the linked file");
}
