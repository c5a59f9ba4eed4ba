//! The File > Import articles… window: a spreadsheet or JSON export of articles
//! added to the open corpus (FORMAT.md section 4, `import-corpus`). A preview first
//! shows the fields found, which becomes the text, the id, the title, date and outlet,
//! and the first rows; the import then runs with a progress bar and a summary.

use egui::RichText;

use super::{DatasetsIntent, Outcome};
use crate::export::import_corpus::{
    CorpusImportError, CorpusImportOptions, CorpusImportSummary, CorpusPreview, SourceFormat,
};
use crate::ui::intent::Intent;
use crate::ui::jobs::{Jobs, PickFor, Task};
use crate::ui::widgets::style::{error, muted};
use crate::ui::widgets::working::working;

/// The window's inputs, edited by the view as a copy and sent back whole.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ArticlesForm {
    /// The CSV, TSV or JSONL file, or news-please folder, as typed or chosen.
    pub source: String,
    /// The format; `None`: from the file's name.
    pub format: Option<SourceFormat>,
    /// The field holding the text; empty: `text` (news-please: `maintext`).
    pub text_field: String,
    /// The field holding the id; empty: `id` when there is one.
    pub id_field: String,
    /// The source's encoding; empty: UTF-8.
    pub encoding: String,
    /// Replace texts that differ and metadata cells that are set.
    pub force: bool,
}

impl ArticlesForm {
    /// The import's options into `corpus`, or why the inputs are refused.
    pub(crate) fn options(&self, corpus: &std::path::Path) -> Result<CorpusImportOptions, String> {
        let source = self.source.trim();
        if source.is_empty() {
            return Err("Type the file of articles to import, or use Choose….".to_owned());
        }
        let encoding = match self.encoding.trim() {
            "" => None,
            label => Some(encoding_rs::Encoding::for_label(label.as_bytes()).ok_or_else(|| {
                format!("{label:?} is not an encoding name (e.g. utf-8, windows-1252, gbk, koi8-r, shift_jis).")
            })?),
        };
        let field = |f: &str| (!f.trim().is_empty()).then(|| f.trim().to_owned());
        Ok(CorpusImportOptions {
            source: source.into(),
            corpus: corpus.to_path_buf(),
            format: self.format,
            id_field: field(&self.id_field),
            text_field: field(&self.text_field),
            encoding,
            force: self.force,
        })
    }
}

/// The window's state.
#[derive(Debug, Default)]
pub struct ArticlesDialog {
    /// What the user chose.
    pub form: ArticlesForm,
    /// Why the inputs are refused.
    pub error: Option<String>,
    /// Why the desktop's dialog gave nothing.
    pub note: Option<String>,
    /// The preview of the source as the form reads it, or why it cannot be read.
    pub preview: Option<Result<CorpusPreview, String>>,
    /// How the last import went.
    pub outcome: Option<Outcome>,
}

/// The result as the window reports it.
pub(crate) fn outcome(result: Result<CorpusImportSummary, CorpusImportError>) -> Outcome {
    match result {
        Ok(s) => {
            let details = s.skipped.iter().chain(&s.notes).map(ToString::to_string).collect();
            let headline = format!(
                "Imported {} articles: {} added, {} replaced, {} already there, {} skipped.",
                s.articles - s.skipped.len(),
                s.added,
                s.replaced,
                s.unchanged,
                s.skipped.len()
            );
            Outcome { ok: true, headline, details }
        }
        Err(CorpusImportError::Invalid(issues)) => Outcome {
            ok: false,
            headline: format!("Nothing was imported: {} problem(s), listed below.", issues.len()),
            details: issues.iter().map(ToString::to_string).collect(),
        },
        Err(e) => Outcome::failed(format!("Nothing was imported: {}", e.to_string().replace("--", ""))),
    }
}

/// Shows the window.
pub(crate) fn show(ctx: &egui::Context, dialog: &ArticlesDialog, jobs: &Jobs, out: &mut Vec<Intent>) {
    let busy = jobs.is_running(Task::ImportArticles) || jobs.is_running(Task::PreviewArticles);
    let choosing = jobs.is_running(Task::Pick(PickFor::ArticlesSource));
    egui::Modal::new(egui::Id::unique("articles-dialog")).show(ctx, |ui| {
        ui.set_width(720.0);
        ui.heading("Import articles");
        ui.label(
            RichText::new(
                "Each article becomes a text of this corpus; its other fields become its row of documents.csv.",
            )
            .color(muted(ui)),
        );
        let mut form = dialog.form.clone();
        ui.add_enabled_ui(!busy, |ui| inputs(ui, &mut form, dialog, choosing, out));
        if form != dialog.form {
            out.push(DatasetsIntent::EditArticles(form).into());
        }
        if let Some(e) = &dialog.error {
            ui.colored_label(error(ui), e);
        }
        match &dialog.preview {
            Some(Ok(preview)) => show_preview(ui, preview),
            Some(Err(e)) => {
                ui.colored_label(error(ui), e);
            }
            None => {}
        }
        if let Some(fraction) = jobs.progress(Task::ImportArticles).and_then(|p| p.fraction()) {
            ui.add(egui::ProgressBar::new(fraction).show_percentage().text("Writing the texts…"));
        } else if busy {
            working(ui, "Reading the articles…");
        }
        if let Some(outcome) = &dialog.outcome {
            outcome.show(ui);
        }
        ui.separator();
        ui.horizontal(|ui| {
            if ui.add_enabled(!busy, egui::Button::new("Preview")).clicked() {
                out.push(DatasetsIntent::PreviewArticles.into());
            }
            let ready = matches!(&dialog.preview, Some(Ok(p)) if p.map.is_ok());
            if ui.add_enabled(!busy && ready, egui::Button::new("Import")).clicked() {
                out.push(DatasetsIntent::RunArticles.into());
            }
            if ui.add_enabled(!busy, egui::Button::new("Close")).clicked() {
                out.push(DatasetsIntent::CloseArticles.into());
            }
        });
    });
}

fn inputs(ui: &mut egui::Ui, form: &mut ArticlesForm, dialog: &ArticlesDialog, choosing: bool, out: &mut Vec<Intent>) {
    let label = ui.label(RichText::new("Articles (CSV, TSV, JSONL, or a news-please folder)").strong());
    ui.horizontal(|ui| {
        let field =
            egui::TextEdit::singleline(&mut form.source).hint_text("/path/to/articles.csv").desired_width(560.0);
        ui.add(field).labelled_by(label.id);
        if ui.add_enabled(!choosing, egui::Button::new("Choose…")).clicked() {
            out.push(DatasetsIntent::ChooseArticles.into());
        }
    });
    super::dialog_status(ui, choosing, "file dialog", dialog.note.as_ref());
    egui::Grid::new("articles-options").num_columns(2).show(ui, |ui| {
        let label = ui.label("Format");
        let shown = |f: Option<SourceFormat>| match f {
            None => "from the file name",
            Some(SourceFormat::Csv) => "CSV",
            Some(SourceFormat::Tsv) => "TSV",
            Some(SourceFormat::Jsonl) => "JSON lines",
            Some(SourceFormat::NewsPlease) => "news-please",
        };
        egui::ComboBox::from_id_salt("articles-format")
            .selected_text(shown(form.format))
            .show_ui(ui, |ui| {
                for f in [
                    None,
                    Some(SourceFormat::Csv),
                    Some(SourceFormat::Tsv),
                    Some(SourceFormat::Jsonl),
                    Some(SourceFormat::NewsPlease),
                ] {
                    ui.selectable_value(&mut form.format, f, shown(f));
                }
            })
            .response
            .labelled_by(label.id);
        ui.end_row();
        for (name, value, hint) in [
            ("Text field", &mut form.text_field, "text (news-please: maintext)"),
            ("Id field", &mut form.id_field, "id, else the title and a hash"),
            ("Encoding", &mut form.encoding, "UTF-8, or e.g. windows-1252"),
        ] {
            let label = ui.label(name);
            ui.add(egui::TextEdit::singleline(value).hint_text(hint).desired_width(260.0)).labelled_by(label.id);
            ui.end_row();
        }
    });
    ui.checkbox(&mut form.force, "Replace texts that differ, and metadata already filled in");
}

/// The fields found, what each becomes, and the first rows.
fn show_preview(ui: &mut egui::Ui, preview: &CorpusPreview) {
    ui.separator();
    let map = match &preview.map {
        Ok(map) => map,
        Err(e) => {
            ui.colored_label(error(ui), format!("{e}."));
            return;
        }
    };
    ui.label(format!("{} articles in {} fields:", preview.articles, preview.fields.len()));
    let role = |f: usize| -> String {
        if f == map.text {
            "text".to_owned()
        } else if map.id == Some(f) {
            "id (and a column)".to_owned()
        } else {
            map.columns.iter().find(|(_, i)| *i == f).map(|(c, _)| format!("column {c}")).unwrap_or_default()
        }
    };
    egui::ScrollArea::both().id_salt("articles-preview").max_height(200.0).show(ui, |ui| {
        egui::Grid::new("articles-preview-grid").striped(true).show(ui, |ui| {
            for (f, name) in preview.fields.iter().enumerate() {
                ui.label(RichText::new(name).strong());
                ui.label(RichText::new(role(f)).color(muted(ui)));
                for row in &preview.rows {
                    ui.label(row.get(f).map(String::as_str).unwrap_or(""));
                }
                ui.end_row();
            }
        });
    });
    if map.id.is_none() {
        ui.label(RichText::new("No id field: each file is named by its title and a short hash.").color(muted(ui)));
    }
    if !preview.problems.is_empty() {
        ui.colored_label(
            error(ui),
            format!("{} problem(s) would stop the import, e.g. {}", preview.problems.len(), preview.problems[0]),
        );
    }
}
