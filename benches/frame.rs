//! Frame time of the real app, headless: `App::logic` + `App::ui` + tessellation with
//! a real egui context and no GPU, while the text scrolls. Also how long a corpus of
//! 10,000 documents takes to show its list, and whether an idle app repaints.
//!
//! `cargo bench --bench frame` prints the figures (the targets: under 4 ms a
//! frame for a 200,000-character document with 2,000 claims; the list of 10,000
//! documents in under 0.5 s).

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use claimcoder::model::{AnnotationFile, Claim, Document, Span};
use claimcoder::store::{to_ron, write_atomic};
use claimcoder::ui::{App, PathRequest, Picker, StartOptions};
use eframe::App as _;

struct NoPicker;

impl Picker for NoPicker {
    fn choose(&self, _request: &PathRequest) -> Option<std::path::PathBuf> {
        None
    }
}

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

struct Headless {
    ctx: egui::Context,
    app: App,
    frame: eframe::Frame,
    started: Instant,
}

impl Headless {
    fn open(corpus: &Path) -> Self {
        let ctx = egui::Context::default();
        let cc = eframe::CreationContext::_new_kittest(ctx.clone());
        let app = App::new(
            &cc,
            StartOptions {
                corpus: Some(corpus.to_path_buf()),
                annotator: Some("bench".into()),
                picker: Arc::new(NoPicker),
                remember: false,
            },
        );
        Self { ctx, app, frame: eframe::Frame::_new_kittest(), started: Instant::now() }
    }

    /// One frame with `events`; returns the CPU time and whether egui asked to repaint.
    fn frame(&mut self, events: Vec<egui::Event>) -> (Duration, bool) {
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1280.0, 820.0))),
            events,
            time: Some(self.started.elapsed().as_secs_f64()),
            ..Default::default()
        };
        let t = Instant::now();
        let (app, frame) = (&mut self.app, &mut self.frame);
        let out = self.ctx.run_ui(input, |ui| {
            app.logic(ui.ctx(), frame);
            app.ui(ui, frame);
        });
        let primitives = self.ctx.tessellate(out.shapes, out.pixels_per_point);
        std::hint::black_box(primitives);
        let repaint =
            out.viewport_output.get(&egui::ViewportId::ROOT).is_some_and(|v| v.repaint_delay < Duration::from_secs(60));
        (t.elapsed(), repaint)
    }

    /// Runs frames for a little over a second of real time, so that animations and
    /// tooltip delays have run out, as they would have for a user who stopped.
    fn settle(&mut self) {
        for _ in 0..25 {
            self.frame(Vec::new());
            std::thread::sleep(Duration::from_millis(50));
        }
    }
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
        "{name}: median {:.2} ms, p90 {:.2} ms, max {:.2} ms per frame over {} scrolling frames ({rebuilds} layout rebuilds)",
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
    fn app_cache_rebuilds(&self) -> u64 {
        self.app.text_layout_rebuilds()
    }
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

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let seed = tempfile::tempdir().expect("temp dir");
    let article = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/002_1d370110a937c195.txt"))
        .expect("seed article");
    corpus_with(seed.path(), &article, 20);
    scroll_figures("(a) seed article, 6,140 chars, 20 claims", seed.path());

    let long = tempfile::tempdir().expect("temp dir");
    corpus_with(long.path(), &seed_text(200_000), 2_000);
    scroll_figures("(b) 200,000 chars, 2,000 claims", long.path());

    large_corpus_figures();
}
