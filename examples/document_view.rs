//! The document view alone in a window, for looking at how a text is drawn and
//! selected (right-to-left scripts in particular) before it is coded in the app:
//! `cargo run --example document_view -- FILE.txt [--light]`. The selection is printed as it
//! changes; every sentence of the text is marked as a sample claim.

use claimcoder::text::TextIndex;
use claimcoder::ui::document_view::{ClaimMark, DocumentView, Marks};

struct Viewer {
    view: DocumentView,
    claims: Vec<ClaimMark>,
    selected: Option<u64>,
}

impl eframe::App for Viewer {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| {
            let marks = Marks { claims: &self.claims, selected: self.selected, ..Default::default() };
            let out = self.view.show(ui, &marks);
            if let Some(pos) = out.clicked {
                self.selected = self.claims.iter().find(|c| c.content.contains(&pos)).map(|c| c.id);
            }
            if out.selection_changed
                && let Some((s, e)) = self.view.selection()
            {
                println!("selected {s}..{e}: {:?}", self.view.text().slice(s, e));
            }
        });
    }
}

fn main() -> eframe::Result {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: document_view FILE.txt");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => TextIndex::new(t),
        Err(e) => {
            eprintln!("cannot read {}: {e}", path.to_string_lossy());
            std::process::exit(1);
        }
    };
    let colors = [
        egui::Color32::from_rgb(59, 130, 246),
        egui::Color32::from_rgb(239, 68, 68),
        egui::Color32::from_rgb(34, 197, 94),
    ];
    let claims = text
        .sentences()
        .iter()
        .enumerate()
        .filter(|(i, _)| i % 2 == 0)
        .map(|(i, &(s, e))| {
            let first = text.tokens_in(s, e).into_iter().find(|t| t.is_wordlike());
            ClaimMark {
                id: i as u64,
                content: s..e,
                mention: first.map(|t| t.start..t.end),
                cue: None,
                color: colors[i / 2 % 3],
            }
        })
        .collect();
    let options = eframe::NativeOptions { renderer: eframe::Renderer::Glow, ..Default::default() };
    eframe::run_native(
        "Document view",
        options,
        Box::new(move |cc| {
            if std::env::args().any(|a| a == "--light") {
                cc.egui_ctx.set_theme(egui::Theme::Light);
            }
            Ok(Box::new(Viewer { view: DocumentView::new(egui::Id::unique("document"), text), claims, selected: None }))
        }),
    )
}
