//! Editing a codebook (FORMAT.md section 7, "Editing the codebook"): adding kinds,
//! fields and choices with ids, keys and colours that are free, moving and removing
//! them; and what such a change does to coded claims. An id (a kind's, a field's,
//! a choice's value) is what claims store, so once any claim uses it, it is fixed;
//! removing it leaves claims whose value the codebook no longer allows
//! ([`orphans`]), and those are mapped to another value ([`Remap`]) or, where the
//! coder says so explicitly, cleared: never dropped silently.

use std::collections::{BTreeMap, BTreeSet};

use super::codebook::{Choice, Codebook, Field, FieldType, Kind};
use super::codebook_check::Place;
use super::{AnnotationFile, Claim};

/// Colours a new kind takes, the first one no kind has yet.
const PALETTE: [&str; 8] = ["#8b5cf6", "#f59e0b", "#14b8a6", "#ec4899", "#64748b", "#84cc16", "#0ea5e9", "#d946ef"];

impl Codebook {
    /// Appends a new kind with a free id (`kind`, `kind-2`, ...), a free key (the
    /// first letter no kind and no `reserved` letter takes) and a colour of its own;
    /// returns its index.
    pub fn add_kind(&mut self, reserved: &[char]) -> usize {
        let id = free_id("kind", |id| self.kind(id).is_some());
        let taken: BTreeSet<char> =
            self.kinds.iter().filter_map(Kind::key_char).chain(reserved.iter().copied()).collect();
        let key = ('A'..='Z').chain('0'..='9').find(|c| !taken.contains(c)).map(String::from).unwrap_or_default();
        let color =
            PALETTE.iter().find(|c| self.kinds.iter().all(|k| !k.color.eq_ignore_ascii_case(c))).unwrap_or(&PALETTE[0]);
        self.kinds.push(Kind {
            id,
            label: "New kind".to_owned(),
            key,
            color: (*color).to_owned(),
            definition: String::new(),
            examples: Vec::new(),
        });
        self.kinds.len() - 1
    }

    /// Appends a new field of type `kind` with a free id (`field`, `field-2`, ...);
    /// a Category or Scale starts with one choice, so it is valid at once. Returns
    /// its index.
    pub fn add_field(&mut self, kind: FieldType) -> usize {
        let id = free_id("field", |id| self.field(id).is_some());
        self.fields.push(Field {
            id,
            label: "New field".to_owned(),
            r#type: kind,
            definition: String::new(),
            values: Vec::new(),
        });
        let index = self.fields.len() - 1;
        if matches!(kind, FieldType::Category | FieldType::Scale) {
            self.add_choice(index);
        }
        index
    }

    /// Appends a choice to field `field`: for a Scale the next integer after the
    /// largest, else a free `value`, `value-2`, ...
    pub fn add_choice(&mut self, field: usize) {
        let Some(f) = self.fields.get_mut(field) else { return };
        let value = if f.r#type == FieldType::Scale {
            let top = f.values.iter().filter_map(|c| c.value.parse::<i64>().ok()).max();
            top.map_or(1, |t| t.saturating_add(1)).to_string()
        } else {
            free_id("value", |v| f.values.iter().any(|c| c.value == v))
        };
        f.values.push(Choice { label: value.clone(), value });
    }

    /// Moves the kind, field or choice at `place` one up (or down); returns where it
    /// is now, `None` when it cannot move.
    pub fn move_item(&mut self, place: Place, up: bool) -> Option<Place> {
        let step = |i: usize, len: usize| if up { i.checked_sub(1) } else { Some(i + 1).filter(|j| *j < len) };
        match place {
            Place::Kind(i) => {
                let j = step(i, self.kinds.len())?;
                self.kinds.swap(i, j);
                Some(Place::Kind(j))
            }
            Place::Field(i) => {
                let j = step(i, self.fields.len())?;
                self.fields.swap(i, j);
                Some(Place::Field(j))
            }
            Place::Choice(f, i) => {
                let values = &mut self.fields.get_mut(f)?.values;
                let j = step(i, values.len())?;
                values.swap(i, j);
                Some(Place::Choice(f, j))
            }
        }
    }

    /// Removes the kind, field or choice at `place` (the claims that used it are
    /// then [`orphans`]).
    pub fn remove_item(&mut self, place: Place) {
        match place {
            Place::Kind(i) if i < self.kinds.len() => {
                self.kinds.remove(i);
            }
            Place::Field(i) if i < self.fields.len() => {
                self.fields.remove(i);
            }
            Place::Choice(f, i) => {
                if let Some(field) = self.fields.get_mut(f)
                    && i < field.values.len()
                {
                    field.values.remove(i);
                }
            }
            Place::Kind(_) | Place::Field(_) => {}
        }
    }
}

/// `base`, else `base-2`, `base-3`, ... the first that `taken` says is free.
fn free_id(base: &str, taken: impl Fn(&str) -> bool) -> String {
    std::iter::once(base.to_owned())
        .chain((2..).map(|n| format!("{base}-{n}")))
        .find(|id| !taken(id))
        .unwrap_or_default()
}

/// How many claims use one id or value, in how many files, by whom.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UseCount {
    /// Claims that use it.
    pub claims: usize,
    /// Annotation files with such claims.
    pub files: usize,
    /// The annotators of those files.
    pub annotators: BTreeSet<String>,
}

impl UseCount {
    /// "12 claims in 4 files (analyst-a, analyst-b)".
    pub fn describe(&self) -> String {
        let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        format!(
            "{} in {} ({})",
            plural(self.claims, "claim", "claims"),
            plural(self.files, "file", "files"),
            self.annotators.iter().map(String::as_str).collect::<Vec<_>>().join(", ")
        )
    }
}

/// What the corpus's claims use: kinds, fields and each field's values, counted
/// over every annotator's files (gold and suggestions too), and the files that
/// could not be read (they are counted as nothing and named).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Usage {
    /// Kind id -> its claims.
    pub kinds: BTreeMap<String, UseCount>,
    /// Field id -> the claims with a value for it.
    pub fields: BTreeMap<String, UseCount>,
    /// (field id, value) -> the claims with that value.
    pub values: BTreeMap<(String, String), UseCount>,
    /// Files that could not be read, each as its located error.
    pub unreadable: Vec<String>,
}

impl Usage {
    /// Counts one annotation file's claims.
    pub fn add_file(&mut self, file: &AnnotationFile) {
        let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
        let mut fields: BTreeMap<&str, usize> = BTreeMap::new();
        let mut values: BTreeMap<(&str, &str), usize> = BTreeMap::new();
        for claim in &file.claims {
            *kinds.entry(&claim.kind).or_default() += 1;
            for (field, value) in &claim.fields {
                *fields.entry(field).or_default() += 1;
                *values.entry((field, value)).or_default() += 1;
            }
        }
        let add = |count: &mut UseCount, n: usize| {
            count.claims += n;
            count.files += 1;
            count.annotators.insert(file.annotator.clone());
        };
        for (k, n) in kinds {
            add(self.kinds.entry(k.to_owned()).or_default(), n);
        }
        for (f, n) in fields {
            add(self.fields.entry(f.to_owned()).or_default(), n);
        }
        for ((f, v), n) in values {
            add(self.values.entry((f.to_owned(), v.to_owned())).or_default(), n);
        }
    }

    /// Whether any claim has kind `id`.
    pub fn uses_kind(&self, id: &str) -> bool {
        self.kinds.contains_key(id)
    }

    /// Whether any claim has a value for field `id`.
    pub fn uses_field(&self, id: &str) -> bool {
        self.fields.contains_key(id)
    }

    /// Whether any claim has `value` in field `field`.
    pub fn uses_value(&self, field: &str, value: &str) -> bool {
        self.values.contains_key(&(field.to_owned(), value.to_owned()))
    }
}

/// An id or value claims use that an edited codebook no longer allows.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Orphan {
    /// A removed kind.
    Kind(String),
    /// A removed field.
    Field(String),
    /// A value of a field that stays, which the field no longer allows (a removed
    /// choice, or any value after its type changed).
    Value {
        /// The field.
        field: String,
        /// The value.
        value: String,
    },
}

impl Orphan {
    /// What the editor says about it.
    pub fn describe(&self, old: &Codebook) -> String {
        match self {
            Orphan::Kind(id) => format!("Kind “{}” ({id})", old.label(id)),
            Orphan::Field(id) => format!("Field “{}” ({id})", old.field(id).map_or(id.as_str(), |f| f.label.as_str())),
            Orphan::Value { field, value } => {
                let f = old.field(field);
                let label = f.map_or(value.as_str(), |f| f.value_label(value));
                format!("“{label}” ({value}) of {}", f.map_or(field.as_str(), |f| f.label.as_str()))
            }
        }
    }
}

/// The claims that going from codebook `old` to `new` would leave with a value the
/// codebook does not allow, each with how many use it, in codebook order of `old`.
pub fn orphans(old: &Codebook, new: &Codebook, usage: &Usage) -> Vec<(Orphan, UseCount)> {
    let mut out = Vec::new();
    for k in &old.kinds {
        if new.kind(&k.id).is_none()
            && let Some(count) = usage.kinds.get(&k.id)
        {
            out.push((Orphan::Kind(k.id.clone()), count.clone()));
        }
    }
    for f in &old.fields {
        let Some(after) = new.field(&f.id) else {
            if let Some(count) = usage.fields.get(&f.id) {
                out.push((Orphan::Field(f.id.clone()), count.clone()));
            }
            continue;
        };
        for ((field, value), count) in usage.values.range((f.id.clone(), String::new())..) {
            if *field != f.id {
                break;
            }
            if f.disallowed(value).is_none() && after.disallowed(value).is_some() {
                out.push((Orphan::Value { field: field.clone(), value: value.clone() }, count.clone()));
            }
        }
    }
    out
}

/// What an orphaned id or value becomes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MapTo {
    /// Another kind id, or another value of the same field.
    Value(String),
    /// No value: the field is removed from those claims (never for a kind: every
    /// claim has one).
    Clear,
}

/// Why a mapping cannot be applied.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RemapError {
    /// An orphan without a decision.
    #[error("{what} is used by {count}; choose what those claims get instead")]
    Unmapped {
        /// The orphan, described.
        what: String,
        /// How many use it, described.
        count: String,
    },
    /// A target the new codebook does not allow.
    #[error("{what} cannot become `{target}`: the codebook does not allow it")]
    BadTarget {
        /// The orphan, described.
        what: String,
        /// The chosen target.
        target: String,
    },
}

/// The decisions for orphans: each maps to a value or is cleared.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Remap(pub BTreeMap<Orphan, MapTo>);

impl Remap {
    /// Whether every orphan has a decision the `new` codebook allows.
    pub fn check(&self, old: &Codebook, new: &Codebook, orphans: &[(Orphan, UseCount)]) -> Result<(), RemapError> {
        for (orphan, count) in orphans {
            let what = orphan.describe(old);
            let Some(to) = self.0.get(orphan) else {
                return Err(RemapError::Unmapped { what, count: count.describe() });
            };
            let allowed = match (orphan, to) {
                (Orphan::Kind(_), MapTo::Value(k)) => new.kind(k).is_some(),
                (Orphan::Kind(_), MapTo::Clear) => false,
                (Orphan::Field(_), MapTo::Clear) | (Orphan::Value { .. }, MapTo::Clear) => true,
                (Orphan::Field(_), MapTo::Value(_)) => false,
                (Orphan::Value { field, .. }, MapTo::Value(v)) => {
                    new.field(field).is_some_and(|f| f.disallowed(v).is_none())
                }
            };
            if !allowed {
                let target = match to {
                    MapTo::Value(v) => v.clone(),
                    MapTo::Clear => "no value".to_owned(),
                };
                return Err(RemapError::BadTarget { what, target });
            }
        }
        Ok(())
    }

    /// Whether there is nothing to map.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Applies the decisions to one claim; returns whether it changed (its
    /// `modified` time is then the caller's to stamp).
    pub fn apply(&self, claim: &mut Claim) -> bool {
        let mut changed = false;
        if let Some(MapTo::Value(kind)) = self.0.get(&Orphan::Kind(claim.kind.clone())) {
            claim.kind = kind.clone();
            changed = true;
        }
        let ids: Vec<String> = claim.fields.keys().cloned().collect();
        for field in ids {
            if self.0.get(&Orphan::Field(field.clone())) == Some(&MapTo::Clear) {
                claim.fields.remove(&field);
                changed = true;
                continue;
            }
            let Some(value) = claim.fields.get(&field).cloned() else { continue };
            match self.0.get(&Orphan::Value { field: field.clone(), value }) {
                Some(MapTo::Value(v)) => {
                    claim.fields.insert(field, v.clone());
                    changed = true;
                }
                Some(MapTo::Clear) => {
                    claim.fields.remove(&field);
                    changed = true;
                }
                None => {}
            }
        }
        changed
    }

    /// Applies the decisions to every claim of `file`, stamping the claims changed
    /// and the file; returns how many claims changed.
    pub fn apply_file(&self, file: &mut AnnotationFile) -> usize {
        let now = super::time::now();
        let mut changed = 0;
        for claim in &mut file.claims {
            if self.apply(claim) {
                claim.modified = now;
                changed += 1;
            }
        }
        if changed > 0 {
            file.modified = now;
        }
        changed
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Project, Span, TextIndex};

    fn codebook() -> Codebook {
        let mut c = Project::builtin().codebook();
        let issue = c.add_field(FieldType::Category);
        c.fields[issue].id = "issue".into();
        c.fields[issue].values[0].value = "trade".into();
        c.add_choice(issue);
        c.fields[issue].values[1].value = "cyber".into();
        c
    }

    fn file(annotator: &str, claims: &[(&str, Option<&str>)]) -> AnnotationFile {
        let text = TextIndex::new("a b c d e f".into());
        let mut f = AnnotationFile::new("d.txt", annotator, "x");
        for (i, (kind, issue)) in claims.iter().enumerate() {
            let id = f.take_claim_id();
            let mut c = Claim::new(id, kind, Span::from_text(&text, i * 2, i * 2 + 1).unwrap());
            if let Some(v) = issue {
                c.fields.insert("issue".into(), (*v).into());
            }
            f.claims.push(c);
        }
        f
    }

    #[test]
    fn new_kinds_fields_and_choices_get_free_ids_keys_and_colours() {
        let mut c = codebook();
        let i = c.add_kind(&['B', 'E']);
        assert_eq!((c.kinds[i].id.as_str(), c.kinds[i].key.as_str()), ("kind", "F"), "A, C, D taken; B, E reserved");
        let j = c.add_kind(&[]);
        assert_eq!((c.kinds[j].id.as_str(), c.kinds[j].key.as_str()), ("kind-2", "B"));
        assert_ne!(c.kinds[i].color, c.kinds[j].color);
        let s = c.add_field(FieldType::Scale);
        c.fields[s].values[0].value = "-1".into();
        c.add_choice(s);
        c.add_choice(s);
        let values: Vec<&str> = c.fields[s].values.iter().map(|v| v.value.as_str()).collect();
        assert_eq!(values, ["-1", "0", "1"], "a Scale counts on");
        let t = c.add_field(FieldType::Text);
        assert!(c.fields[t].values.is_empty());
        assert_eq!(c.fields[t].id, "field-2", "`field` went to the Scale");
        assert!(c.validate(&[]).is_empty(), "{:?}", c.validate(&[]));
    }

    #[test]
    fn items_move_within_their_list_and_stop_at_its_ends() {
        let mut c = codebook();
        assert_eq!(c.move_item(Place::Kind(0), true), None);
        assert_eq!(c.move_item(Place::Kind(0), false), Some(Place::Kind(1)));
        assert_eq!(c.kinds[1].id, "assertion");
        assert_eq!(c.move_item(Place::Choice(0, 1), true), Some(Place::Choice(0, 0)));
        assert_eq!(c.fields[0].values[0].value, "cyber");
        assert_eq!(c.move_item(Place::Choice(0, 1), false), None);
        c.remove_item(Place::Choice(0, 0));
        c.remove_item(Place::Kind(9));
        assert_eq!(c.fields[0].values.len(), 1);
        assert_eq!(c.kinds.len(), 3);
    }

    #[test]
    fn usage_counts_claims_files_and_annotators() {
        let mut u = Usage::default();
        u.add_file(&file("alice", &[("assertion", Some("trade")), ("assertion", Some("cyber"))]));
        u.add_file(&file("bob", &[("assertion", Some("trade")), ("denial", None)]));
        let trade = &u.values[&("issue".to_owned(), "trade".to_owned())];
        assert_eq!((trade.claims, trade.files), (2, 2));
        assert_eq!(trade.describe(), "2 claims in 2 files (alice, bob)");
        assert_eq!(u.kinds["assertion"].claims, 3);
        assert_eq!(u.kinds["denial"].describe(), "1 claim in 1 file (bob)");
        assert!(u.uses_field("issue") && u.uses_value("issue", "cyber") && !u.uses_kind("commitment"));
    }

    #[test]
    fn removing_what_claims_use_needs_a_decision_and_mapping_applies_it() {
        let old = codebook();
        let mut u = Usage::default();
        let mut f = file("alice", &[("denial", Some("trade")), ("assertion", Some("cyber")), ("commitment", None)]);
        u.add_file(&f);
        let mut new = old.clone();
        new.remove_item(Place::Choice(0, 0));
        new.remove_item(Place::Kind(1));
        new.remove_item(Place::Kind(1));
        let found = orphans(&old, &new, &u);
        let which: Vec<&Orphan> = found.iter().map(|(o, _)| o).collect();
        let trade = Orphan::Value { field: "issue".into(), value: "trade".into() };
        assert_eq!(which, [&Orphan::Kind("denial".into()), &Orphan::Kind("commitment".into()), &trade]);
        let mut remap = Remap::default();
        assert!(matches!(remap.check(&old, &new, &found), Err(RemapError::Unmapped { .. })));
        remap.0.insert(Orphan::Kind("denial".into()), MapTo::Clear);
        let err = remap.check(&old, &new, &found).unwrap_err();
        assert_eq!(err.to_string(), "Kind “Denial” (denial) cannot become `no value`: the codebook does not allow it");
        remap.0.insert(Orphan::Kind("denial".into()), MapTo::Value("assertion".into()));
        remap.0.insert(Orphan::Kind("commitment".into()), MapTo::Value("assertion".into()));
        remap.0.insert(trade.clone(), MapTo::Value("trade".into()));
        assert!(matches!(remap.check(&old, &new, &found), Err(RemapError::BadTarget { .. })), "trade is gone");
        remap.0.insert(trade, MapTo::Value("cyber".into()));
        assert_eq!(remap.check(&old, &new, &found), Ok(()));
        assert_eq!(remap.apply_file(&mut f), 2);
        let got: Vec<(&str, Option<&str>)> =
            f.claims.iter().map(|c| (c.kind.as_str(), c.fields.get("issue").map(String::as_str))).collect();
        assert_eq!(got, [("assertion", Some("cyber")), ("assertion", Some("cyber")), ("assertion", None)]);
    }

    #[test]
    fn removing_a_field_in_use_clears_it_only_when_asked() {
        let old = codebook();
        let mut u = Usage::default();
        let mut f = file("alice", &[("assertion", Some("trade"))]);
        u.add_file(&f);
        let mut new = old.clone();
        new.remove_item(Place::Field(0));
        let found = orphans(&old, &new, &u);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, Orphan::Field("issue".into()));
        let mut remap = Remap::default();
        remap.0.insert(Orphan::Field("issue".into()), MapTo::Value("x".into()));
        assert!(remap.check(&old, &new, &found).is_err());
        remap.0.insert(Orphan::Field("issue".into()), MapTo::Clear);
        assert_eq!(remap.check(&old, &new, &found), Ok(()));
        assert_eq!(remap.apply_file(&mut f), 1);
        assert!(f.claims[0].fields.is_empty());
    }

    #[test]
    fn a_type_change_orphans_the_values_the_new_type_refuses() {
        let old = codebook();
        let mut u = Usage::default();
        u.add_file(&file("alice", &[("assertion", Some("trade"))]));
        let mut new = old.clone();
        new.fields[0].r#type = FieldType::Scale;
        new.fields[0].values = vec![Choice { value: "1".into(), label: "one".into() }];
        let found = orphans(&old, &new, &u);
        assert_eq!(found[0].0, Orphan::Value { field: "issue".into(), value: "trade".into() });
        new.fields[0].r#type = FieldType::Text;
        assert!(orphans(&old, &new, &u).is_empty(), "Text allows any value");
    }
}
