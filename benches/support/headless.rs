//! The real app with a real egui context, no window and no GPU, shared by the
//! benchmarks that time what a user waits for (frames, the document list).

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use claimcoder::ui::{App, PathRequest, Picker, StartOptions};
use eframe::App as _;

/// No file dialogs in a benchmark.
struct NoPicker;

impl Picker for NoPicker {
    fn choose(&self, _request: &PathRequest) -> Option<std::path::PathBuf> {
        None
    }
}

/// The app, its context and frame, and when it started (egui's clock).
pub(crate) struct Headless {
    ctx: egui::Context,
    pub(crate) app: App,
    frame: eframe::Frame,
    started: Instant,
}

impl Headless {
    pub(crate) fn open(corpus: &Path) -> Self {
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
    pub(crate) fn frame(&mut self, events: Vec<egui::Event>) -> (Duration, bool) {
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
}
