//! Work that must not freeze the window (reading a whole corpus, writing an export,
//! a blocking file dialog) runs on its own thread and reports through a channel; the
//! UI polls it once per frame and the thread asks for a repaint after every message.

use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};

enum Message<T> {
    Step(usize, usize),
    Done(Result<T, String>),
}

/// A running background task with its last reported progress.
pub struct Job<T> {
    rx: Receiver<Message<T>>,
    /// Units done so far (annotation files for an export).
    pub done: usize,
    /// Units in all; 0 until the task knows.
    pub total: usize,
}

impl<T: Send + 'static> Job<T> {
    /// Runs `work` on a new thread; `work` reports progress through its argument.
    pub fn spawn(
        name: &str,
        ctx: Option<egui::Context>,
        work: impl FnOnce(&mut dyn FnMut(usize, usize)) -> Result<T, String> + Send + 'static,
    ) -> Self {
        let (tx, rx) = channel();
        let thread_tx = tx.clone();
        let spawned = std::thread::Builder::new().name(name.to_owned()).spawn(move || {
            let mut progress = |done, total| send(&thread_tx, ctx.as_ref(), Message::Step(done, total));
            let result = work(&mut progress);
            send(&thread_tx, ctx.as_ref(), Message::Done(result));
        });
        if let Err(e) = spawned {
            let _ = tx.send(Message::Done(Err(format!("cannot start a background task: {e}"))));
        }
        Self { rx, done: 0, total: 0 }
    }

    /// Takes the messages sent since the last frame; the result once the work is over.
    pub fn poll(&mut self) -> Option<Result<T, String>> {
        loop {
            match self.rx.try_recv() {
                Ok(Message::Step(done, total)) => (self.done, self.total) = (done, total),
                Ok(Message::Done(result)) => return Some(result),
                Err(TryRecvError::Empty) => return None,
                Err(TryRecvError::Disconnected) => {
                    return Some(Err("the background task stopped unexpectedly; nothing was reported".to_owned()));
                }
            }
        }
    }

    /// The share done, for a progress bar.
    pub fn fraction(&self) -> f32 {
        if self.total == 0 { 0.0 } else { self.done as f32 / self.total as f32 }
    }
}

fn send<T>(tx: &Sender<Message<T>>, ctx: Option<&egui::Context>, message: Message<T>) {
    let _ = tx.send(message);
    if let Some(ctx) = ctx {
        ctx.request_repaint();
    }
}

/// How a finished task went, as the window shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// Whether it succeeded (the headline is shown in the error colour otherwise).
    pub ok: bool,
    /// One sentence: what was written, or why nothing was.
    pub headline: String,
    /// Further lines (left-out claims, unmapped brat lines), each naming its file.
    pub details: Vec<String>,
}

impl Outcome {
    /// A failure with no details.
    pub fn failed(headline: impl Into<String>) -> Self {
        Self { ok: false, headline: headline.into(), details: Vec::new() }
    }

    /// Shows the headline and the details (scrolling when there are many).
    pub fn show(&self, ui: &mut egui::Ui) {
        let color = if self.ok { ui.visuals().text_color() } else { crate::ui::widgets::style::error(ui) };
        ui.label(egui::RichText::new(&self.headline).color(color));
        if !self.details.is_empty() {
            egui::ScrollArea::vertical().id_salt("outcome-details").max_height(180.0).show(ui, |ui| {
                for line in &self.details {
                    ui.label(egui::RichText::new(line).small());
                }
            });
        }
    }
}
