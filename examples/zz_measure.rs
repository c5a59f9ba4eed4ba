use std::time::{Duration, Instant};
use claimcoder::text::TextIndex;
use claimcoder::ui::document_view::{ClaimMark, DocumentView, Marks};

fn main() {
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut all = String::new();
    let mut names: Vec<_> = std::fs::read_dir(&seeds).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "txt")).collect();
    names.sort();
    while all.chars().count() < 200_000 { for p in &names { all.push_str(&std::fs::read_to_string(p).unwrap()); all.push_str("\n\n"); } }
    let text: String = all.chars().take(200_000).collect();
    let t = Instant::now();
    let idx = TextIndex::new(text);
    let len = idx.char_len();
    let claims: Vec<ClaimMark> = (0..2000).map(|i| { let s = i * len / 2000; ClaimMark { id: i as u64, content: s..(s+60).min(len), mention: Some(s+50..s+53), cue: Some(s+54..s+58), color: egui::Color32::from_rgb(59,130,246)} }).collect();
    let mut view = DocumentView::new(egui::Id::new("v"), idx);
    println!("new: {:?}", t.elapsed());
    let ctx = egui::Context::default();
    let started = Instant::now();
    let mut times = Vec::new();
    for i in 0..400 {
        let dy = if (i / 100) % 2 == 0 { -60.0 } else { 60.0 };
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1280.0, 820.0))),
            events: vec![egui::Event::PointerMoved(egui::pos2(640.0, 400.0)), egui::Event::MouseWheel { unit: egui::MouseWheelUnit::Point, delta: egui::vec2(0.0, dy), phase: egui::TouchPhase::Move, source: egui::MouseWheelSource::Wheel, modifiers: egui::Modifiers::NONE }],
            time: Some(started.elapsed().as_secs_f64()),
            ..Default::default()
        };
        let t = Instant::now();
        let out = ctx.run_ui(input, |ui| {
            egui::CentralPanel::default().show(ui, |ui| {
                let marks = Marks { claims: &claims, selected: Some(5), ..Default::default() };
                view.show(ui, &marks);
            });
        });
        let prim = ctx.tessellate(out.shapes, out.pixels_per_point);
        std::hint::black_box(prim);
        times.push(t.elapsed());
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!("median {:.2} p90 {:.2} max {:.2} ms; layouts {}; scroll {}", ms(times[200]), ms(times[360]), ms(times[399]), view.layouts, view.scroll_offset());
    // 10 MB
    let big = "word ".repeat(2_000_000);
    let t = Instant::now();
    let idx = TextIndex::new(big);
    let mut view = DocumentView::new(egui::Id::new("w"), idx);
    let out = ctx.run_ui(egui::RawInput { screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1280.0, 820.0))), ..Default::default() }, |ui| { egui::CentralPanel::default().show(ui, |ui| { view.show(ui, &Marks::default()); }); });
    ctx.tessellate(out.shapes, out.pixels_per_point);
    println!("10MB one line: index+view+first frame {:?}", t.elapsed());
}
