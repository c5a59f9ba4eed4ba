//! The File > Convert to UTF-8… window: a corpus text in a legacy encoding (an old
//! archive's windows-1252, a GBK or windows-1256 scrape) is read in the encoding the
//! user chooses, the likeliest first, with a preview of its first lines before
//! anything is written; converting keeps the original bytes as `<name>.txt.orig`
//! (FORMAT.md section 7) and opens the document.

use std::path::PathBuf;
use std::sync::Arc;

use egui::text::LayoutJob;
use egui::{FontId, RichText, TextFormat};
use encoding_rs::Encoding;

use super::{DatasetsIntent, Outcome};
use crate::store::convert_utf8::{ConversionPreview, EncodingChoice, orig_path, preview_bytes, rank_encodings};
use crate::text::bidi::Direction;
use crate::ui::effect::{Effect, Effects};
use crate::ui::intent::Intent;
use crate::ui::jobs::{Jobs, Task};
use crate::ui::widgets::style::{error, muted, warning};
use crate::ui::widgets::working::working;

/// Lines of the text the preview shows.
const PREVIEW_LINES: usize = 12;
/// Characters of the text the preview shows at most.
const PREVIEW_CHARS: usize = 4000;

/// The window's state.
#[derive(Debug)]
pub struct ConvertDialog {
    /// The document's index in the corpus.
    pub index: usize,
    /// Its id (path in the corpus).
    pub id: String,
    /// Its file.
    pub path: PathBuf,
    /// The bytes as read when the window opened (`None` while reading), or why
    /// they cannot be read. Converting only goes ahead while the file still holds them.
    pub bytes: Option<Result<Arc<[u8]>, String>>,
    /// The encodings offered, the likeliest first.
    pub choices: Vec<EncodingChoice>,
    /// The encoding chosen.
    pub encoding: Option<&'static Encoding>,
    /// How the text reads in it.
    pub preview: Option<ConversionPreview>,
    /// How the conversion went.
    pub outcome: Option<Outcome>,
}

impl ConvertDialog {
    /// The window for document `index`, its bytes still to be read.
    pub(crate) fn new(index: usize, id: String, path: PathBuf) -> Self {
        Self { index, id, path, bytes: None, choices: Vec::new(), encoding: None, preview: None, outcome: None }
    }

    /// Whether the text is UTF-8 already (nothing to convert).
    pub fn is_utf8(&self) -> bool {
        matches!(&self.bytes, Some(Ok(b)) if std::str::from_utf8(b.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(b)).is_ok())
    }

    /// The bytes arrived: rank the encodings and preview the likeliest.
    pub(crate) fn read(&mut self, result: Result<Vec<u8>, String>) {
        self.bytes = Some(result.map(Arc::from));
        if let Some(Ok(bytes)) = &self.bytes {
            self.choices = rank_encodings(bytes);
            if let Some(first) = self.choices.first() {
                self.choose(first.encoding);
            }
        }
    }

    /// Previews the text in `encoding`.
    pub(crate) fn choose(&mut self, encoding: &'static Encoding) {
        let Some(Ok(bytes)) = &self.bytes else { return };
        self.encoding = Some(encoding);
        self.preview = Some(preview_bytes(bytes, encoding, PREVIEW_LINES, PREVIEW_CHARS));
        self.outcome = None;
    }

    /// Asks for the conversion in the chosen encoding, of the bytes previewed.
    pub(crate) fn run(&mut self) -> Effects {
        let (Some(Ok(bytes)), Some(encoding)) = (&self.bytes, self.encoding) else { return Effects::none() };
        if self.is_utf8() || self.preview.as_ref().is_some_and(|p| p.malformed.is_some()) {
            return Effects::none();
        }
        self.outcome = None;
        Effects::one(Effect::ConvertText { path: self.path.clone(), encoding, previewed: bytes.clone() })
    }

    /// The conversion's result: on success the document is read again and opened.
    pub(crate) fn converted(&mut self, result: Result<PathBuf, String>) -> Effects {
        match result {
            Ok(orig) => {
                let encoding = self.encoding.map_or("its encoding", Encoding::name);
                let name = orig.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                self.outcome = Some(Outcome {
                    ok: true,
                    headline: format!(
                        "{} was converted from {encoding} to UTF-8 and is open; the original is kept as {name}.",
                        self.id
                    ),
                    details: Vec::new(),
                });
                Effects::one(Effect::TextConverted(self.index))
            }
            Err(e) => {
                self.outcome = Some(Outcome::failed(format!("Nothing was converted: {e}")));
                Effects::none()
            }
        }
    }
}

/// Shows the window.
pub(crate) fn show(ctx: &egui::Context, dialog: &ConvertDialog, jobs: &Jobs, out: &mut Vec<Intent>) {
    let busy = jobs.is_running(Task::ReadForConversion) || jobs.is_running(Task::ConvertText);
    let converted = dialog.outcome.as_ref().is_some_and(|o| o.ok);
    egui::Modal::new(egui::Id::unique("convert-dialog")).show(ctx, |ui| {
        ui.set_width(760.0);
        ui.heading("Convert to UTF-8");
        match &dialog.bytes {
            None => {
                working(ui, format!("Reading {}…", dialog.id));
            }
            Some(Err(e)) => {
                ui.colored_label(error(ui), format!("{} cannot be read: {e}", dialog.id));
            }
            Some(Ok(_)) if dialog.is_utf8() && !converted => {
                ui.label(format!("{} is already UTF-8: there is nothing to convert.", dialog.id));
            }
            Some(Ok(bytes)) => {
                if !converted {
                    ui.label(format!(
                        "{} is not UTF-8. Choose the encoding it was written in and check the preview: nothing is written until you press Convert.",
                        dialog.id
                    ));
                    ui.add_space(4.0);
                    encoding_choice(ui, dialog, busy, out);
                    if let Some(preview) = &dialog.preview {
                        show_preview(ui, preview, bytes.len());
                    }
                    ui.label(
                        RichText::new(format!(
                            "The converted text replaces {}; its original bytes are kept beside it as {}.",
                            dialog.id,
                            orig_path(std::path::Path::new(&dialog.id)).display()
                        ))
                        .color(muted(ui)),
                    );
                }
            }
        }
        if busy && dialog.bytes.is_some() {
            working(ui, "Converting…");
        }
        if let Some(outcome) = &dialog.outcome {
            outcome.show(ui);
        }
        ui.separator();
        ui.horizontal(|ui| {
            let ready = !converted
                && !dialog.is_utf8()
                && matches!(&dialog.bytes, Some(Ok(_)))
                && dialog.preview.as_ref().is_some_and(|p| p.malformed.is_none());
            let offered = !converted && !dialog.is_utf8() && matches!(&dialog.bytes, Some(Ok(_)));
            if offered
                && ui
                    .add_enabled(!busy && ready, egui::Button::new("Convert"))
                    .on_disabled_hover_text("Choose an encoding that reads every byte of the text")
                    .clicked()
            {
                out.push(DatasetsIntent::RunConvert.into());
            }
            let close = if converted { "Close" } else { "Cancel" };
            if ui.add_enabled(!busy, egui::Button::new(close)).clicked() {
                out.push(DatasetsIntent::CloseConvert.into());
            }
        });
    });
}

/// The encoding menu: the likeliest first, those that cannot read the text last.
fn encoding_choice(ui: &mut egui::Ui, dialog: &ConvertDialog, busy: bool, out: &mut Vec<Intent>) {
    let shown = |choice: &EncodingChoice, first: bool| {
        let name = choice.encoding.name();
        match (first && choice.exact, choice.exact) {
            (true, _) => format!("{name} (likeliest)"),
            (false, true) => name.to_owned(),
            (false, false) => format!("{name} (cannot read every byte)"),
        }
    };
    ui.horizontal(|ui| {
        let label = ui.label("Read it as");
        let current = dialog.choices.iter().enumerate().find(|(_, c)| Some(c.encoding) == dialog.encoding);
        let text = current.map(|(i, c)| shown(c, i == 0)).unwrap_or_default();
        ui.add_enabled_ui(!busy, |ui| {
            egui::ComboBox::from_id_salt("convert-encoding")
                .selected_text(text)
                .width(300.0)
                .height(420.0)
                .show_ui(ui, |ui| {
                    for (i, choice) in dialog.choices.iter().enumerate() {
                        let selected = Some(choice.encoding) == dialog.encoding;
                        if ui.selectable_label(selected, shown(choice, i == 0)).clicked() && !selected {
                            out.push(DatasetsIntent::ChooseEncoding(choice.encoding).into());
                        }
                    }
                })
                .response
                .labelled_by(label.id);
        });
    });
}

/// The first lines as read, characters the encoding cannot read marked, and a line
/// saying whether every byte was read.
fn show_preview(ui: &mut egui::Ui, preview: &ConversionPreview, bytes: usize) {
    let bad = error(ui);
    let text_color = ui.visuals().text_color();
    let font = FontId::proportional(15.0);
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        egui::ScrollArea::vertical().id_salt("convert-preview").max_height(300.0).show(ui, |ui| {
            for line in preview.text.lines() {
                let rtl = Direction::of(line) == Direction::Rtl;
                let mut job = LayoutJob::default();
                job.wrap.max_width = ui.available_width();
                // Each stretch of readable text is one section (so it is shaped as
                // one); a character that cannot be read stands out on its own.
                let mut rest = line;
                while !rest.is_empty() {
                    let cut = rest.find('\u{FFFD}').unwrap_or(rest.len());
                    let (readable, tail) = rest.split_at(cut);
                    if !readable.is_empty() {
                        job.append(readable, 0.0, TextFormat::simple(font.clone(), text_color));
                    }
                    if let Some(bad_char) = tail.chars().next() {
                        let mut format = TextFormat::simple(font.clone(), egui::Color32::WHITE);
                        format.background = bad;
                        job.append(&tail[..bad_char.len_utf8()], 0.0, format);
                        rest = &tail[bad_char.len_utf8()..];
                    } else {
                        rest = tail;
                    }
                }
                let layout = if rtl { egui::Layout::top_down(egui::Align::Max) } else { *ui.layout() };
                ui.with_layout(layout, |ui| ui.label(job));
            }
        });
    });
    let missing = missing_glyphs(ui.ctx(), &preview.text, &font);
    if !missing.is_empty() {
        ui.colored_label(
            warning(ui),
            format!(
                "Some characters cannot be drawn with the fonts on this system ({}); they are still read and converted.",
                missing.iter().collect::<String>()
            ),
        );
    }
    match preview.malformed {
        None => {
            ui.label(format!("Every byte reads as {} ({bytes} bytes).", preview.encoding));
        }
        Some(m) => {
            ui.colored_label(
                warning(ui),
                format!(
                    "{} characters cannot be read as {} (marked \u{FFFD}; the first at byte {}): choose another encoding.",
                    preview.unreadable, preview.encoding, m.byte
                ),
            );
        }
    }
}

/// Up to 8 characters of `text` no installed font can draw.
fn missing_glyphs(ctx: &egui::Context, text: &str, font: &FontId) -> Vec<char> {
    let mut chars: Vec<char> =
        text.chars().filter(|c| !c.is_ascii() && !c.is_whitespace() && *c != '\u{FFFD}').collect();
    chars.sort_unstable();
    chars.dedup();
    ctx.fonts_mut(|f| chars.into_iter().filter(|&c| !f.has_glyph(font, c)).take(8).collect())
}
