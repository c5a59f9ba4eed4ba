//! The Conflicts panel: every claim of the open document that both the coder and
//! another program changed, the version in the file (theirs) beside the coder's,
//! what differs marked, and a one-key choice each (keep theirs, take mine); below,
//! the conflict copies beside the file on disk.

use egui::RichText;

use super::CodingIntent;
use crate::coding::{PendingConflict, Workspace};
use crate::model::{Claim, Span};
use crate::ui::command::Command;
use crate::ui::intent::{AppIntent, Intent};
use crate::ui::widgets::style::{muted, warning};

/// How many characters of a quote the panel shows.
const QUOTE_CHARS: usize = 60;

/// The widest a version's column grows; longer values wrap.
const COLUMN_WIDTH: f32 = 240.0;

/// Shows the Conflicts panel.
pub(crate) fn show(ctx: &egui::Context, ws: &Workspace, out: &mut Vec<Intent>) {
    let mut open = true;
    let pending = ws.open_conflicts();
    let current = ws.current_conflict();
    egui::Window::new("Conflicts")
        .open(&mut open)
        .default_width(600.0)
        .max_width(640.0)
        .anchor(egui::Align2::RIGHT_TOP, egui::vec2(-12.0, 36.0))
        .show(ctx, |ui| {
            let log = &ws.conflicts;
            ui.label(
                RichText::new(format!(
                    "This session: {} merge(s) with changes made by other programs, {} conflict(s) found.",
                    log.merges, log.conflicts_found
                ))
                .color(muted(ui)),
            );
            if pending.is_empty() {
                ui.label(
                    "No conflicts wait in this document. Changes to different claims or fields merge by themselves.",
                );
            } else {
                let keys = |c: Command| c.shortcut_text(ui.ctx()).unwrap_or_default();
                ui.label(format!(
                    "{} claim(s) were changed both by you and by another program. The file keeps theirs; \
                     {} keeps it, {} puts yours back, {} goes to the next.",
                    pending.len(),
                    keys(Command::KeepTheirs),
                    keys(Command::TakeMine),
                    keys(Command::NextConflict)
                ));
            }
            egui::ScrollArea::vertical().max_height(ui.ctx().content_rect().height() * 0.6).show(ui, |ui| {
                for p in &pending {
                    conflict(ui, ws, p, Some(p.conflict.id) == current, out);
                }
                copies(ui, ws);
            });
        });
    if !open {
        out.push(AppIntent::ToggleConflicts.into());
    }
}

/// One conflict: a header that selects the claim, both versions field by field, and
/// the two choices.
fn conflict(ui: &mut egui::Ui, ws: &Workspace, p: &PendingConflict, current: bool, out: &mut Vec<Intent>) {
    let id = p.conflict.id;
    let in_file: Option<&Claim> = ws.open.as_ref().and_then(|o| o.loaded.file.claim(id));
    let mine = p.conflict.ours.as_ref();
    let frame = if current {
        egui::Frame::group(ui.style()).stroke((2.0, warning(ui)))
    } else {
        egui::Frame::group(ui.style())
    };
    frame.show(ui, |ui| {
        ui.set_width(ui.available_width());
        let title = format!("Claim {id}: both changed {}", p.conflict.fields.join(", "));
        if ui
            .selectable_label(current, RichText::new(title).strong())
            .on_hover_text("Show this claim in the text")
            .clicked()
        {
            out.push(CodingIntent::SelectClaim(Some(id)).into());
        }
        egui::Grid::new(("conflict", id)).num_columns(3).striped(true).max_col_width(COLUMN_WIDTH).show(ui, |ui| {
            ui.label("");
            ui.label(RichText::new("Theirs (in the file)").strong());
            ui.label(RichText::new("Mine").strong());
            ui.end_row();
            for (field, theirs, ours) in rows(ws, in_file, mine) {
                let differs = theirs != ours;
                ui.label(RichText::new(field).color(muted(ui)));
                for value in [theirs, ours] {
                    let text = RichText::new(value);
                    let text = if differs { text.color(warning(ui)).strong() } else { text };
                    ui.add(egui::Label::new(text).wrap());
                }
                ui.end_row();
            }
        });
        ui.horizontal(|ui| {
            let choice = |ui: &mut egui::Ui, command: Command| {
                let spec = command.spec();
                let label = format!("{} ({})", spec.text, command.shortcut_text(ui.ctx()).unwrap_or_default());
                ui.button(label).on_hover_text(spec.tooltip).clicked()
            };
            if choice(ui, Command::KeepTheirs) {
                out.push(CodingIntent::SelectClaim(Some(id)).into());
                out.push(CodingIntent::KeepTheirs.into());
            }
            let editable = ws.open.as_ref().is_some_and(|o| o.loaded.is_editable());
            if ui.add_enabled_ui(editable, |ui| choice(ui, Command::TakeMine)).inner {
                out.push(CodingIntent::SelectClaim(Some(id)).into());
                out.push(CodingIntent::TakeMine.into());
            }
        });
        if let Some(copy) = p.copy.as_ref().and_then(|c| c.file_name()) {
            let text = RichText::new(format!("Yours is also in {}", copy.to_string_lossy())).small().color(muted(ui));
            ui.add(egui::Label::new(text).wrap());
        }
    });
}

/// The fields of both versions as text, in the order the inspector shows them; the
/// claim's own `fields` (codebook fields) each get a row.
fn rows(ws: &Workspace, theirs: Option<&Claim>, mine: Option<&Claim>) -> Vec<(String, String, String)> {
    let deleted = || "(deleted)".to_owned();
    let show = |claim: Option<&Claim>, f: &dyn Fn(&Claim) -> String| claim.map_or_else(deleted, f);
    let kind = |c: &Claim| ws.project.codebook().kind(&c.kind).map_or_else(|| c.kind.clone(), |k| k.label.clone());
    let source = |c: &Claim| match &c.source {
        Some(id) => ws.project.actors.get(id).map_or_else(|| id.clone(), |a| a.name.clone()),
        None => "—".to_owned(),
    };
    let span = |s: Option<&Span>| s.map_or_else(|| "—".to_owned(), quote);
    let mut out: Vec<(String, String, String)> = Vec::new();
    let mut row = |name: &str, f: &dyn Fn(&Claim) -> String| {
        out.push((name.to_owned(), show(theirs, f), show(mine, f)));
    };
    row("kind", &kind);
    row("content", &|c| quote(&c.content));
    row("source", &source);
    row("source mention", &|c| span(c.source_mention.as_ref()));
    row("cue", &|c| span(c.cue.as_ref()));
    row("note", &|c| if c.note.is_empty() { "—".to_owned() } else { c.note.clone() });
    let mut keys: Vec<&String> = theirs.iter().chain(mine.iter()).flat_map(|c| c.fields.keys()).collect();
    keys.sort();
    keys.dedup();
    for key in keys {
        row(key, &|c| c.fields.get(key).cloned().unwrap_or_else(|| "—".to_owned()));
    }
    out
}

/// A span's quote, shortened, with its offsets.
fn quote(span: &Span) -> String {
    let mut text: String = span.quote.chars().take(QUOTE_CHARS).collect();
    if span.quote.chars().count() > QUOTE_CHARS {
        text.push('…');
    }
    format!("“{}” ({}–{})", text.replace('\n', " "), span.start, span.end)
}

/// The conflict copies beside the open document's file.
fn copies(ui: &mut egui::Ui, ws: &Workspace) {
    let copies = &ws.conflicts.copies_on_disk;
    ui.separator();
    ui.label(RichText::new(format!("Conflict copies on disk ({})", copies.len())).strong());
    if copies.is_empty() {
        ui.label(RichText::new("None beside this document's file.").color(muted(ui)));
        return;
    }
    ui.label(
        RichText::new(
            "Each holds your whole file as it was when a conflict was found. They are never read as \
             annotations and never overwritten; delete them once the conflicts are settled.",
        )
        .small()
        .color(muted(ui)),
    );
    for copy in copies {
        let name = copy.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        ui.label(RichText::new(name).monospace()).on_hover_text(copy.display().to_string());
    }
}
