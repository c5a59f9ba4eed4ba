//! Shared set-up for the app tests: a temporary copy of the shipped seeds, the real
//! app in a kittest harness, and text selection as a user makes it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::Arc;

use claimcoder::model::AnnotationFile;
use claimcoder::ui::{App, CodingIntent, PathRequest, Picker, StartOptions, TEXT_ID};
use egui_kittest::Harness;

/// A file and folder dialog that answers every request with a fixed path.
pub struct FixedPicker(pub Option<PathBuf>);

impl Picker for FixedPicker {
    fn choose(&self, _request: &PathRequest) -> Option<PathBuf> {
        self.0.clone()
    }
}

/// A temporary copy of the shipped seed texts (without the sample codings, unless asked).
pub fn seed_corpus(with_codings: bool) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    for entry in std::fs::read_dir(&seeds).expect("seeds folder") {
        let path = entry.expect("entry").path();
        let name = path.file_name().expect("name").to_string_lossy().into_owned();
        if name.ends_with(".txt") || (with_codings && name.ends_with(".ron")) {
            std::fs::copy(&path, dir.path().join(&name)).expect("copy");
        }
    }
    dir
}

/// The real app on `corpus`, coding as `annotator` (or asking when `None`).
pub fn app(corpus: &Path, annotator: Option<&str>) -> Harness<'static, App> {
    app_stepping(corpus, annotator, 0.25)
}

/// The real app, each frame `step` seconds apart (a double click needs its two
/// clicks within 0.3 s, so tests that double-click use short frames).
pub fn app_stepping(corpus: &Path, annotator: Option<&str>, step: f32) -> Harness<'static, App> {
    opened(corpus, annotator, Harness::builder().with_size(egui::vec2(1280.0, 820.0)).with_step_dt(step))
}

/// The real app built by `builder` on `corpus`, its background jobs over.
fn opened(corpus: &Path, annotator: Option<&str>, builder: egui_kittest::HarnessBuilder<App>) -> Harness<'static, App> {
    let corpus = corpus.to_path_buf();
    let annotator = annotator.map(str::to_owned);
    let mut harness = builder.build_eframe(move |cc| {
        App::new(
            cc,
            StartOptions { corpus: Some(corpus), annotator, picker: Arc::new(FixedPicker(None)), remember: false },
        )
    });
    settle(&mut harness);
    harness
}

/// The real app with a font for Arabic and Hebrew (Debian's DejaVu Sans, when the
/// system has it; else boxes stand in), so right-to-left text is shaped as on a
/// desktop.
pub fn app_rtl(corpus: &Path, annotator: Option<&str>) -> Harness<'static, App> {
    let builder = Harness::builder()
        .with_size(egui::vec2(1280.0, 820.0))
        .with_step_dt(0.25)
        .allow_missing_glyphs()
        .with_context_setup(|ctx| {
            let path = Path::new("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
            match std::fs::read(path) {
                Ok(bytes) => ctx.add_font(egui::epaint::text::FontInsert::new(
                    "dejavu",
                    egui::FontData::from_owned(bytes),
                    vec![egui::epaint::text::InsertFontFamily {
                        family: egui::FontFamily::Proportional,
                        priority: egui::epaint::text::FontPriority::Lowest,
                    }],
                )),
                Err(_) => eprintln!("note: {} is missing; right-to-left glyphs are boxes", path.display()),
            }
        });
    opened(corpus, annotator, builder)
}

/// Runs frames until every background job (the document listing, reading the
/// corpus for review and statistics, a dialog, an export) is over and the UI is still.
pub fn settle(harness: &mut Harness<'static, App>) {
    for _ in 0..1000 {
        harness.run_steps(1);
        if !harness.state().is_busy() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert!(!harness.state().is_busy(), "the background jobs did not finish");
    harness.run_steps(3);
}

/// Selects chars `start..end` in the document text, as a drag with Alt held (char
/// precision) does, and gives the text the keyboard focus.
pub fn select(harness: &mut Harness<'static, App>, start: usize, end: usize) {
    harness.state_mut().apply(CodingIntent::SelectText(Some((start, end))));
    harness.run_steps(2);
    let focused = harness.ctx.memory(|m| m.focused());
    assert_eq!(focused, Some(egui::Id::unique(TEXT_ID)), "the text has the keyboard focus");
}

/// The open document's text.
pub fn open_text(harness: &Harness<'static, App>) -> String {
    harness
        .state()
        .workspace()
        .and_then(|w| w.open.as_ref())
        .map(|o| o.doc.text.as_str().to_owned())
        .unwrap_or_default()
}

/// The open document's claims in the app.
pub fn open_claims(harness: &Harness<'static, App>) -> Vec<claimcoder::model::Claim> {
    harness.state().workspace().and_then(|w| w.open.as_ref()).map(|o| o.claims().to_vec()).unwrap_or_default()
}

/// Char offsets of the first occurrence of `needle` in `text`.
pub fn char_range_of(text: &str, needle: &str) -> (usize, usize) {
    let byte = text.find(needle).unwrap_or_else(|| panic!("{needle:?} not in the text"));
    let start = text[..byte].chars().count();
    (start, start + needle.chars().count())
}

/// Reads `<stem>.<annotator>.ron` from the corpus.
pub fn read_annotations(corpus: &Path, stem: &str, annotator: &str) -> AnnotationFile {
    let path = corpus.join(format!("{stem}.{annotator}.ron"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    claimcoder::store::parse_annotation(&path.display().to_string(), &text).expect("annotation file parses")
}

/// The quote at char offsets, computed independently of the app.
pub fn chars(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}
