//! Editing a claim's fields (FORMAT.md sections 2-3): the addressee, position,
//! issue and the like that the codebook defines. Like every edit they go through
//! [`Workspace::edit_claim`], so they are undone, autosaved and stamp the claim's
//! `modified` time. A field without a value is left out of the claim's map, never
//! stored empty, and a value the codebook does not allow that a file already holds
//! is kept until the coder changes it.

use super::workspace::Workspace;
use crate::model::{ClaimId, FieldType};

impl Workspace {
    /// Sets claim `id`'s value of field `field`, or clears it with `None` (or an empty
    /// value). Typing in a Text field is one undo step per claim and field.
    pub fn set_field(&mut self, id: ClaimId, field: &str, value: Option<String>) {
        let value = value.filter(|v| !v.is_empty());
        let is_text = self.project.fields.iter().any(|f| f.id == field && f.r#type == FieldType::Text);
        let coalesce = is_text.then(|| format!("field-{id}-{field}"));
        let field = field.to_owned();
        self.edit_claim(id, coalesce, |c, _| match value {
            Some(v) => c.fields.insert(field, v.clone()).as_ref() != Some(&v),
            None => c.fields.remove(&field).is_some(),
        });
    }

    /// Sets an Actor field to the registry actor named `name` (a name or alias,
    /// ignoring case), adding the actor to the registry when it is new, as the
    /// source field does; an empty name clears the field.
    pub fn set_field_actor_by_name(&mut self, id: ClaimId, field: &str, name: &str) {
        let name = name.trim().to_owned();
        let field = field.to_owned();
        self.edit_claim(id, None, |c, project| {
            if name.is_empty() {
                return c.fields.remove(&field).is_some();
            }
            let actor = project.actors.ensure(&name);
            c.fields.insert(field, actor.clone()).as_deref() != Some(actor.as_str())
        });
    }

    /// Picks the `n`th choice (1-based, as the digit keys number them) of a Category
    /// or Scale field for the selected claim; picking the value it already has
    /// clears it, so a digit toggles. Nothing happens without a selected claim or
    /// such a choice.
    pub fn pick_choice(&mut self, field: &str, n: usize) {
        let Some(id) = self.selected_claim_id() else { return };
        let Some(f) = self.project.fields.iter().find(|f| f.id == field) else { return };
        if !matches!(f.r#type, FieldType::Category | FieldType::Scale) {
            return;
        }
        let Some(choice) = n.checked_sub(1).and_then(|i| f.values.get(i)).map(|c| c.value.clone()) else { return };
        let current = self.open.as_ref().and_then(|o| o.loaded.file.claim(id)).and_then(|c| c.fields.get(field));
        let value = if current == Some(&choice) { None } else { Some(choice) };
        self.set_field(id, field, value);
    }
}
