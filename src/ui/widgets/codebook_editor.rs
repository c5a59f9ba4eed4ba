//! The codebook editor's state and reducer: a draft of the kinds and fields, what
//! the corpus's claims use (so used ids stay fixed and removals show their
//! claims), the decisions for orphaned values, and what the last save did. Every
//! change comes as a [`CodebookIntent`]; the core does the work
//! ([`crate::model::codebook_edit`], [`Workspace::save_codebook`]).

use crate::coding::Workspace;
use crate::coding::codebook_edit::CodebookSaveError;
use crate::model::{Codebook, FieldType, MapTo, Orphan, Place, Remap, Usage, UseCount, orphans};
use crate::ui::command::reserved_keys;

/// An intent of the codebook editor.
#[derive(Debug)]
pub enum CodebookIntent {
    /// Open the codebook window with a fresh draft of the saved codebook.
    StartEditing,
    /// The draft as the view edited its text (labels, keys, colours, ...).
    Edit(Codebook),
    /// Append a kind.
    AddKind,
    /// Append a field of this type.
    AddField(FieldType),
    /// Append a choice to the field at this index.
    AddChoice(usize),
    /// Move a kind, field or choice one up (`true`) or down.
    Move(Place, bool),
    /// Remove a kind, field or choice from the draft.
    Remove(Place),
    /// What the claims of an orphaned id or value get (`None`: undecided).
    MapOrphan(Orphan, Option<MapTo>),
    /// Save the draft to `claimcoder.ron`, mapping orphaned values.
    Save,
    /// Drop the draft and show the codebook again.
    StopEditing,
}

/// What the last save said.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Saved; what was mapped, and files that could not be read.
    Saved(String, Vec<String>),
    /// Not saved, and why.
    Refused(String),
}

/// The editor while it is open.
#[derive(Clone, Debug)]
pub struct CodebookEditor {
    /// The codebook as saved when the draft began (an undo since then shows a note).
    pub base: Codebook,
    /// What the user is editing.
    pub draft: Codebook,
    /// What the corpus's claims use.
    pub usage: Usage,
    /// Decisions for the orphans of the draft.
    pub remap: Remap,
    /// What the last save did.
    pub outcome: Option<Outcome>,
    /// Why `claimcoder.ron` cannot be written now (broken, newer, changed), shown
    /// before any editing.
    pub blocked: Option<String>,
}

impl CodebookEditor {
    /// A draft of `ws`'s codebook.
    pub fn of(ws: &Workspace) -> Self {
        let base = ws.project.codebook();
        Self {
            draft: base.clone(),
            base,
            usage: ws.codebook_usage(),
            remap: Remap::default(),
            outcome: None,
            blocked: ws.project_unwritable(),
        }
    }

    /// The claims the draft would leave without an allowed value.
    pub fn orphans(&self) -> Vec<(Orphan, UseCount)> {
        orphans(&self.base, &self.draft, &self.usage)
    }

    /// Applies an intent (other than starting and stopping, which the app handles).
    pub(crate) fn apply(&mut self, intent: CodebookIntent, ws: &mut Workspace) {
        let letters: Vec<char> = reserved_keys().iter().map(|r| r.letter).collect();
        match intent {
            CodebookIntent::StartEditing | CodebookIntent::StopEditing => {}
            CodebookIntent::Edit(draft) => self.draft = draft,
            CodebookIntent::AddKind => {
                self.draft.add_kind(&letters);
            }
            CodebookIntent::AddField(kind) => {
                self.draft.add_field(kind);
            }
            CodebookIntent::AddChoice(field) => self.draft.add_choice(field),
            CodebookIntent::Move(place, up) => {
                self.draft.move_item(place, up);
            }
            CodebookIntent::Remove(place) => self.draft.remove_item(place),
            CodebookIntent::MapOrphan(orphan, to) => match to {
                Some(to) => {
                    self.remap.0.insert(orphan, to);
                }
                None => {
                    self.remap.0.remove(&orphan);
                }
            },
            CodebookIntent::Save => self.save(ws),
        }
    }

    fn save(&mut self, ws: &mut Workspace) {
        let draft = tidy(self.draft.clone());
        match ws.save_codebook(draft, &self.remap, &reserved_keys()) {
            Ok(report) => {
                let mapped = match (report.claims, report.files) {
                    (0, _) => String::new(),
                    (1, _) => " 1 claim was given its new value.".to_owned(),
                    (c, f) => format!(" {c} claims in {f} files were given their new values."),
                };
                let unreadable = report.unreadable.clone();
                *self = Self::of(ws);
                self.outcome = Some(Outcome::Saved(format!("Saved to claimcoder.ron.{mapped}"), unreadable));
            }
            Err(e) => {
                if let CodebookSaveError::Mapping(_) | CodebookSaveError::ProjectWrite(_) = e {
                    self.usage = ws.codebook_usage();
                }
                self.outcome = Some(Outcome::Refused(e.to_string()));
            }
        }
    }
}

/// The draft as it is saved: examples one a line without blank ones, labels and
/// keys trimmed (the editor keeps what is typed, blank lines included, while typing).
fn tidy(mut codebook: Codebook) -> Codebook {
    for k in &mut codebook.kinds {
        k.examples = k.examples.iter().map(|e| e.trim().to_owned()).filter(|e| !e.is_empty()).collect();
        k.label = k.label.trim().to_owned();
        k.key = k.key.trim().to_uppercase();
        k.color = k.color.trim().to_owned();
    }
    for f in &mut codebook.fields {
        f.label = f.label.trim().to_owned();
        for c in &mut f.values {
            c.label = c.label.trim().to_owned();
        }
        if !matches!(f.r#type, FieldType::Category | FieldType::Scale) {
            f.values.clear();
        }
    }
    codebook
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Project;

    #[test]
    fn a_saved_draft_loses_blank_examples_and_keeps_no_choices_on_a_text_field() {
        let mut c = Project::builtin().codebook();
        c.kinds[0].examples = vec!["  one ".into(), String::new(), "two".into()];
        c.kinds[0].key = " a".into();
        let t = c.add_field(FieldType::Category);
        c.fields[t].r#type = FieldType::Text;
        let tidied = tidy(c);
        assert_eq!(tidied.kinds[0].examples, ["one", "two"]);
        assert_eq!(tidied.kinds[0].key, "A");
        assert!(tidied.fields[0].values.is_empty());
    }
}
