//! File > Convert to UTF-8… driven through the real app: a windows-1256 Arabic text
//! that cannot be opened is previewed in the guessed encoding, converted, kept as
//! `.orig` and opened; and every way it can go wrong leaves the files as they were.

use std::path::Path;

use crate::common::*;
use claimcoder::ui::{App, CodingIntent, DatasetsIntent};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

/// An Arabic news paragraph written for this test.
const ARABIC: &str =
    "قال المتحدث باسم وزارة الخارجية إن المفاوضات ستستمر الأسبوع المقبل.\n\nوأضاف أن الحكومة «لن تتراجع» عن موقفها.";

fn windows_1256(text: &str) -> Vec<u8> {
    let (bytes, _, lossy) = encoding_rs::WINDOWS_1256.encode(text);
    assert!(!lossy);
    bytes.into_owned()
}

/// The corpus's seeds plus `id` holding `bytes`; the app opened on that document.
fn app_on(id: &str, bytes: &[u8]) -> (tempfile::TempDir, Harness<'static, App>) {
    let corpus = seed_corpus(false);
    let path = corpus.path().join(id);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, bytes).unwrap();
    let mut h = app(corpus.path(), Some("tester"));
    // The test machine's fonts have no Arabic: tofu, and the app's warning, instead.
    h.ctx.set_missing_glyph_policy(egui::MissingGlyphPolicy::Tofu);
    let index = h.state().workspace().unwrap().corpus.documents.iter().position(|d| d.id == id).expect("listed");
    h.state_mut().apply(CodingIntent::OpenDocument(index));
    h.run_steps(2);
    assert!(h.query_by_label("This document cannot be opened").is_some());
    (corpus, h)
}

/// Presses "Convert to UTF-8…" where the app reports the unreadable text.
fn open_dialog(h: &mut Harness<'static, App>) {
    h.get_by_label("Convert to UTF-8…").click();
    h.run_steps(2);
    settle(h);
    assert!(h.state().convert_dialog().is_some(), "the window is open");
}

fn outcome(h: &Harness<'static, App>) -> String {
    h.state().convert_dialog().and_then(|d| d.outcome.as_ref()).map(|o| o.headline.clone()).unwrap_or_default()
}

#[test]
fn an_arabic_windows_1256_text_is_previewed_converted_kept_and_opened() {
    let bytes = windows_1256(ARABIC);
    let (corpus, mut h) = app_on("zz_arabic.txt", &bytes);
    open_dialog(&mut h);
    let dialog = h.state().convert_dialog().unwrap();
    assert_eq!(dialog.encoding.map(|e| e.name()), Some("windows-1256"), "the likeliest encoding comes first");
    let preview = dialog.preview.as_ref().expect("a preview before anything is written");
    assert!(preview.text.starts_with("قال المتحدث"), "{}", preview.text);
    assert_eq!((preview.malformed, preview.unreadable), (None, 0));
    assert!(h.query_all_by_value("windows-1256 (likeliest)").next().is_some(), "the menu shows the guess");
    assert!(h.query_by_label_contains("Every byte reads as windows-1256").is_some());
    assert!(!corpus.path().join("zz_arabic.txt.orig").exists(), "nothing written by the preview");
    assert_eq!(std::fs::read(corpus.path().join("zz_arabic.txt")).unwrap(), bytes);

    h.get_by_label("Convert").click();
    h.run_steps(1);
    settle(&mut h);
    assert_eq!(std::fs::read_to_string(corpus.path().join("zz_arabic.txt")).unwrap(), ARABIC);
    assert_eq!(std::fs::read(corpus.path().join("zz_arabic.txt.orig")).unwrap(), bytes, "the original is kept");
    assert_eq!(open_text(&h), ARABIC, "the document opens");
    assert!(outcome(&h).contains("converted from windows-1256 to UTF-8"), "{}", outcome(&h));
    let ws = h.state().workspace().unwrap();
    let row = ws.listing.rows[ws.current_index().unwrap()].clone().expect("listed again");
    assert_eq!(
        (row.title.as_str(), row.error),
        ("قال المتحدث باسم وزارة الخارجية إن المفاوضات ستستمر الأسبوع المقبل.", None)
    );
    assert!(!ws.corpus.documents.iter().any(|d| d.id.ends_with(".orig")), ".orig is not a document");
    h.get_by_label("Close").click();
    h.run_steps(2);
    assert!(h.state().convert_dialog().is_none());
}

#[test]
fn an_encoding_that_cannot_read_the_text_cannot_convert_it() {
    let bytes = windows_1256(ARABIC);
    let (corpus, mut h) = app_on("zz_arabic.txt", &bytes);
    open_dialog(&mut h);
    h.state_mut().apply(DatasetsIntent::ChooseEncoding(encoding_rs::ISO_8859_6));
    h.run_steps(2);
    let preview = h.state().convert_dialog().and_then(|d| d.preview.clone()).unwrap();
    assert!(preview.malformed.is_some() && preview.unreadable > 0, "ISO-8859-6 lacks some windows-1256 letters");
    assert!(preview.text.contains('\u{FFFD}'));
    assert!(h.query_by_label_contains("cannot be read as ISO-8859-6").is_some(), "flagged");
    assert!(h.get_by_label("Convert").accesskit_node().is_disabled(), "converting is refused");
    h.state_mut().apply(DatasetsIntent::RunConvert);
    settle(&mut h);
    assert_eq!(std::fs::read(corpus.path().join("zz_arabic.txt")).unwrap(), bytes);
    assert!(!corpus.path().join("zz_arabic.txt.orig").exists());
}

#[test]
fn an_existing_orig_is_never_overwritten() {
    let bytes = windows_1256(ARABIC);
    let (corpus, mut h) = app_on("zz_arabic.txt", &bytes);
    let orig = corpus.path().join("zz_arabic.txt.orig");
    std::fs::write(&orig, b"an older original").unwrap();
    open_dialog(&mut h);
    h.get_by_label("Convert").click();
    h.run_steps(1);
    settle(&mut h);
    assert!(outcome(&h).contains("zz_arabic.txt.orig already exists"), "{}", outcome(&h));
    assert_eq!(std::fs::read(&orig).unwrap(), b"an older original");
    assert_eq!(std::fs::read(corpus.path().join("zz_arabic.txt")).unwrap(), bytes);
    assert!(h.state().workspace().unwrap().open.is_none(), "still not opened");
}

#[test]
fn a_text_changed_after_its_preview_is_not_converted() {
    let bytes = windows_1256(ARABIC);
    let (corpus, mut h) = app_on("zz_arabic.txt", &bytes);
    open_dialog(&mut h);
    let changed = windows_1256("وأضاف أن الحكومة لن تتراجع.");
    std::fs::write(corpus.path().join("zz_arabic.txt"), &changed).unwrap();
    h.get_by_label("Convert").click();
    h.run_steps(1);
    settle(&mut h);
    assert!(outcome(&h).contains("changed since it was previewed"), "{}", outcome(&h));
    assert_eq!(std::fs::read(corpus.path().join("zz_arabic.txt")).unwrap(), changed, "the other program's text stays");
    assert!(!corpus.path().join("zz_arabic.txt.orig").exists());
}

/// Makes `dir` unwritable even for root where the system allows (the immutable
/// attribute); returns how to undo it, or `None` when the folder stays writable.
#[cfg(unix)]
fn make_unwritable(dir: &Path) -> Option<Box<dyn Fn()>> {
    use std::os::unix::fs::PermissionsExt;
    let writable = |dir: &Path| {
        let probe = dir.join(".probe");
        let ok = std::fs::write(&probe, b"").is_ok();
        let _ = std::fs::remove_file(&probe);
        ok
    };
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o555)).unwrap();
    let owned = dir.to_path_buf();
    let undo_mode = move || std::fs::set_permissions(&owned, std::fs::Permissions::from_mode(0o755)).unwrap();
    if !writable(dir) {
        return Some(Box::new(undo_mode));
    }
    let chattr = |flag: &str, dir: &Path| std::process::Command::new("chattr").arg(flag).arg(dir).status();
    if chattr("+i", dir).is_ok_and(|s| s.success()) && !writable(dir) {
        let owned = dir.to_path_buf();
        return Some(Box::new(move || {
            let _ = chattr("-i", &owned);
            undo_mode();
        }));
    }
    let _ = chattr("-i", dir);
    undo_mode();
    None
}

#[cfg(unix)]
#[test]
fn an_unwritable_folder_converts_nothing_and_says_why() {
    let bytes = windows_1256(ARABIC);
    let (corpus, mut h) = app_on("arabic/statement.txt", &bytes);
    open_dialog(&mut h);
    let folder = corpus.path().join("arabic");
    let Some(undo) = make_unwritable(&folder) else {
        eprintln!("skipped: the folder stays writable here (root without chattr)");
        return;
    };
    h.get_by_label("Convert").click();
    h.run_steps(1);
    settle(&mut h);
    undo();
    let said = outcome(&h);
    assert!(said.starts_with("Nothing was converted: cannot convert") && said.contains("statement.txt"), "{said}");
    assert_eq!(std::fs::read(folder.join("statement.txt")).unwrap(), bytes);
    assert_eq!(std::fs::read_dir(&folder).unwrap().count(), 1, "no .orig, no temporary file left");
}

#[test]
fn a_utf8_text_has_nothing_to_convert() {
    let corpus = seed_corpus(false);
    let mut h = app(corpus.path(), Some("tester"));
    h.get_by_label("File").click();
    h.run_steps(2);
    h.get_by_label("Convert to UTF-8…").click();
    h.run_steps(2);
    settle(&mut h);
    assert!(h.query_by_label_contains("is already UTF-8: there is nothing to convert").is_some());
    assert!(h.query_by_label("Convert").is_none());
    h.get_by_label("Cancel").click();
    h.run_steps(2);
    assert!(h.state().convert_dialog().is_none());
}
