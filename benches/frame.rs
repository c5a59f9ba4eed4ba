//! Frame time of the real app, headless: `App::logic` + `App::ui` + tessellation with
//! a real egui context and no GPU, while the text scrolls. Also how long a corpus of
//! 10,000 documents takes to show its list, and whether an idle app repaints.
//!
//! `cargo bench --bench frame` prints the figures (`-- edit` runs one part, see
//! [`wanted`]). The targets: under 4 ms a frame for a 200,000-character
//! document with 2,000 claims; the list of 10,000 documents in under 0.5 s. Issue 9
//! adds edit latency (the key that codes a claim to the end of the next frame,
//! median under 8 ms in the 200,000-character document) and a 10 MB document: open,
//! code a claim, save.

use std::path::Path;
use std::time::{Duration, Instant};

use claimcoder::model::{AnnotationFile, Claim, Document, Span};
use claimcoder::store::{to_ron, write_atomic};
use claimcoder::ui::CodingIntent;
#[path = "support/headless.rs"]
mod headless;
use headless::Headless;

/// Writes `text` as `doc.txt` with `claims` evenly spread claims by `bench`.
fn corpus_with(dir: &Path, text: &str, claims: usize) {
    std::fs::write(dir.join("doc.txt"), text).expect("write text");
    let doc = Document::from_bytes("doc.txt", text.as_bytes()).expect("utf-8");
    let mut file = AnnotationFile::new("doc.txt", "bench", &doc.sha256);
    let len = doc.text.char_len();
    let kinds = ["assertion", "denial", "commitment"];
    for i in 0..claims {
        let start = i * len / claims;
        let end = (start + 60).min(len);
        let Some(span) = Span::from_text(&doc.text, start, end) else { continue };
        let id = file.take_claim_id();
        let mut claim = Claim::new(id, kinds[i % 3], span);
        claim.source_mention = Span::from_text(&doc.text, end.saturating_sub(10), end.saturating_sub(7));
        claim.cue = Span::from_text(&doc.text, end.saturating_sub(6), end.saturating_sub(2));
        file.claims.push(claim);
    }
    let ron = to_ron(&file);
    write_atomic(&dir.join("doc.bench.ron"), ron.as_bytes()).expect("write annotations");
}

fn seed_text(min_chars: usize) -> String {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut all = String::new();
    let mut names: Vec<_> = std::fs::read_dir(&seeds).expect("seeds").map(|e| e.expect("entry").path()).collect();
    names.sort();
    let texts: Vec<String> = names
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| std::fs::read_to_string(p).expect("seed text"))
        .collect();
    while all.chars().count() < min_chars {
        for t in &texts {
            all.push_str(t);
            all.push_str("\n\n");
        }
    }
    all.chars().take(min_chars).collect()
}

fn scroll_figures(name: &str, corpus: &Path) {
    let mut app = Headless::open(corpus);
    app.settle();
    let over_text = egui::pos2(640.0, 400.0);
    let mut times = Vec::new();
    for i in 0..400 {
        let dy = if (i / 100) % 2 == 0 { -60.0 } else { 60.0 };
        let events = vec![
            egui::Event::PointerMoved(over_text),
            egui::Event::MouseWheel {
                unit: egui::MouseWheelUnit::Point,
                delta: egui::vec2(0.0, dy),
                phase: egui::TouchPhase::Move,
                source: egui::MouseWheelSource::Wheel,
                modifiers: egui::Modifiers::NONE,
            },
        ];
        times.push(app.frame(events).0);
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let rebuilds = app.app_cache_rebuilds();
    println!(
        "{name}: median {:.2} ms, p90 {:.2} ms, max {:.2} ms per frame over {} scrolling frames ({rebuilds} blocks laid out)",
        ms(times[times.len() / 2]),
        ms(times[times.len() * 9 / 10]),
        ms(times[times.len() - 1]),
        times.len()
    );
    app.settle();
    let idle: Vec<bool> = (0..5).map(|_| app.frame(Vec::new()).1).collect();
    println!("{name}: idle frames asking for a repaint: {} of 5", idle.iter().filter(|r| **r).count());
}

impl Headless {
    /// Runs frames for a little over a second of real time, so that animations and
    /// tooltip delays have run out, as they would have for a user who stopped.
    fn settle(&mut self) {
        for _ in 0..25 {
            self.frame(Vec::new());
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn app_cache_rebuilds(&self) -> u64 {
        self.app.text_layouts()
    }
}

/// A key press (and release) as the window sends it.
fn key(key: egui::Key, modifiers: egui::Modifiers) -> Vec<egui::Event> {
    [true, false]
        .into_iter()
        .map(|pressed| egui::Event::Key { key, physical_key: None, pressed, repeat: false, modifiers })
        .collect()
}

/// Selects a passage of the open document (as a drag does) and returns the time of
/// the frame in which the kind key A codes it.
fn code_a_claim(app: &mut Headless, at: usize) -> Duration {
    let len = app.app.workspace().and_then(|w| w.open.as_ref()).map_or(0, |o| o.doc.text.char_len());
    let start = at.min(len.saturating_sub(40));
    app.app.apply(CodingIntent::SelectText(Some((start, start + 30))));
    app.frame(Vec::new());
    app.frame(Vec::new());
    app.frame(key(egui::Key::A, egui::Modifiers::NONE)).0
}

fn edit_latency_figures(name: &str, corpus: &Path) {
    let mut app = Headless::open(corpus);
    app.settle();
    let before = app.app.workspace().and_then(|w| w.open.as_ref()).map_or(0, |o| o.claims().len());
    let mut times: Vec<Duration> = (0..100).map(|i| code_a_claim(&mut app, 1_000 + i * 1_937)).collect();
    let after = app.app.workspace().and_then(|w| w.open.as_ref()).map_or(0, |o| o.claims().len());
    assert!(after > before, "the key coded claims ({before} -> {after})");
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{name}: edit latency (key A to the end of its frame): median {:.2} ms, p90 {:.2} ms over {} claims coded",
        ms(times[times.len() / 2]),
        ms(times[times.len() * 9 / 10]),
        after - before
    );
}

fn ten_megabyte_figures() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = seed_text(10_000_000);
    corpus_with(dir.path(), &text, 2_000);
    let t = Instant::now();
    let mut app = Headless::open(dir.path());
    app.frame(Vec::new());
    let opened = t.elapsed();
    // The first edit comes at once, while the document list may still be read in
    // the background: the open document's row is then made from memory.
    let listing_busy = app.app.is_busy();
    let coded = code_a_claim(&mut app, 5_000_000);
    app.settle();
    let later = code_a_claim(&mut app, 7_000_000);
    let saved = app.frame(key(egui::Key::S, egui::Modifiers::COMMAND)).0;
    let dirty = app.app.workspace().and_then(|w| w.open.as_ref()).is_some_and(|o| o.dirty);
    assert!(!dirty, "Ctrl+S saved");
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "10 MB document ({} chars, 2,000 claims): open and first frame {:.0} ms; coding a claim (its frame{}) {:.1} ms, a later one {:.1} ms; Ctrl+S (its frame, writing {} KB) {:.1} ms",
        text.chars().count(),
        ms(opened),
        if listing_busy { ", the list still being read" } else { "" },
        ms(coded),
        ms(later),
        std::fs::metadata(dir.path().join("doc.bench.ron")).map_or(0, |m| m.len() / 1024),
        ms(saved)
    );
}

fn large_corpus_figures() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = seed_text(3_000);
    for i in 0..10_000 {
        std::fs::write(dir.path().join(format!("doc{i:05}.txt")), &text).expect("write");
    }
    let t = Instant::now();
    let mut app = Headless::open(dir.path());
    app.frame(Vec::new());
    let shown = t.elapsed();
    let t = Instant::now();
    while app.app.is_busy() {
        app.frame(Vec::new());
        std::thread::sleep(Duration::from_millis(20));
    }
    println!(
        "10,000 documents: list shown after {:.0} ms (scan, first document, first frame); counts and statuses filled in {:.2} s more",
        shown.as_secs_f64() * 1000.0,
        t.elapsed().as_secs_f64()
    );
}

/// Which parts to run: `cargo bench --bench frame -- edit` runs the parts whose name
/// holds "edit" (scroll, edit, 10mb, list); no filter runs them all.
fn wanted(part: &str) -> bool {
    let filter = std::env::args().skip(1).find(|a| !a.starts_with("--"));
    filter.is_none_or(|f| part.contains(f.as_str()))
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    if wanted("scroll") {
        let seed = tempfile::tempdir().expect("temp dir");
        let article =
            std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/002_1d370110a937c195.txt"))
                .expect("seed article");
        corpus_with(seed.path(), &article, 20);
        scroll_figures("(a) seed article, 6,140 chars, 20 claims", seed.path());
    }
    let long = tempfile::tempdir().expect("temp dir");
    corpus_with(long.path(), &seed_text(200_000), 2_000);
    if wanted("scroll") {
        scroll_figures("(b) 200,000 chars, 2,000 claims", long.path());
    }
    if wanted("edit") {
        edit_latency_figures("(b) 200,000 chars, 2,000 claims", long.path());
    }
    if wanted("10mb") {
        ten_megabyte_figures();
    }
    if wanted("list") {
        large_corpus_figures();
    }
}
