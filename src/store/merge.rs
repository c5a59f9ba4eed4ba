//! Three-way merge of one annotator's file: the version last loaded or written
//! (base), the coder's unsaved version (ours) and the one on disk now (theirs, from
//! a sync folder, `git pull` or another program), claim by claim by id
//! (FORMAT.md section 3, "Never losing or clobbering a file").
//!
//! - A claim only one side changed takes that side's version; a claim both changed
//!   merges field by field (each entry of `fields` counts as a field), and only a
//!   field both changed differently is a conflict. `modified` never conflicts: the
//!   merged claim has the later one.
//! - A claim one side deleted is deleted if the other left it unchanged; if the other
//!   changed it, that is a conflict.
//! - A conflict keeps theirs in the file (their claim, or its absence) and lists ours
//!   beside it; the caller keeps ours whole in a conflict copy.
//! - Claims both sides added with the same id are different claims (unless equal):
//!   ours is renumbered past both sides' `next_id`, so ids are never reused.
//! - `status` and each `rejected` extent merge three ways as well (an extent either
//!   side added is kept, one either side removed is removed); `actors` names every
//!   source of the merged claims, theirs' name first; `next_id` is past every id
//!   either side handed out; `modified` is the later one.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{AnnotationFile, Claim, ClaimId, Span};

/// A claim both sides changed in ways that do not merge.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    /// The claim's id (in the merged file when theirs is kept there).
    pub id: ClaimId,
    /// The coder's version; `None` when the coder deleted the claim.
    pub ours: Option<Claim>,
    /// The version on disk, which the merged file keeps; `None` when it was deleted there.
    pub theirs: Option<Claim>,
    /// What both changed: field names (`kind`, `content`, `fields.position`, ...),
    /// or `deleted` when one side deleted the claim.
    pub fields: Vec<String>,
}

/// The result of a merge.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Merged {
    /// The file to write.
    pub file: AnnotationFile,
    /// True conflicts; the file holds theirs for each.
    pub conflicts: Vec<Conflict>,
    /// Claims of ours that got a new id: `(old, new)`.
    pub renumbered: Vec<(ClaimId, ClaimId)>,
}

/// Merges `ours` and `theirs`, both descended from `base`.
pub fn merge(base: &AnnotationFile, ours: &AnnotationFile, theirs: &AnnotationFile) -> Merged {
    let unchanged = |f: &AnnotationFile| same_file(f, base);
    if unchanged(ours) || same_file(ours, theirs) {
        return Merged { file: theirs.clone(), conflicts: Vec::new(), renumbered: Vec::new() };
    }
    if unchanged(theirs) {
        return Merged { file: ours.clone(), conflicts: Vec::new(), renumbered: Vec::new() };
    }
    let b = by_id(base);
    let o = by_id(ours);
    let t = by_id(theirs);
    let mut claims: Vec<Claim> = Vec::new();
    let mut conflicts = Vec::new();
    let mut added_by_ours: Vec<&Claim> = Vec::new();
    let ids: BTreeSet<ClaimId> = b.keys().chain(o.keys()).chain(t.keys()).copied().collect();
    for id in ids {
        match (b.get(&id), o.get(&id), t.get(&id)) {
            (None, Some(oc), Some(tc)) => {
                claims.push((*tc).clone());
                if !same_claim(oc, tc) {
                    added_by_ours.push(oc);
                }
            }
            (None, Some(oc), None) => added_by_ours.push(oc),
            (None, None, Some(tc)) => claims.push((*tc).clone()),
            (Some(bc), Some(oc), Some(tc)) => match merge_claim(bc, oc, tc) {
                Ok(c) => claims.push(c),
                Err(fields) => {
                    claims.push((*tc).clone());
                    conflicts.push(Conflict { id, ours: Some((*oc).clone()), theirs: Some((*tc).clone()), fields });
                }
            },
            (Some(bc), Some(oc), None) => {
                if !same_claim(oc, bc) {
                    let fields = vec!["deleted".to_owned()];
                    conflicts.push(Conflict { id, ours: Some((*oc).clone()), theirs: None, fields });
                }
            }
            (Some(bc), None, Some(tc)) => {
                if !same_claim(tc, bc) {
                    claims.push((*tc).clone());
                    let fields = vec!["deleted".to_owned()];
                    conflicts.push(Conflict { id, ours: None, theirs: Some((*tc).clone()), fields });
                }
            }
            (Some(_), None, None) | (None, None, None) => {}
        }
    }
    // Ours' new claims keep their ids unless theirs handed the same id out (a claim
    // it holds, or one it added and deleted since): then they are renumbered past
    // every id either side handed out.
    let theirs_next = next_free(theirs);
    let mut next = next_free(ours).max(theirs_next);
    let mut renumbered = Vec::new();
    for c in added_by_ours {
        let mut c = c.clone();
        if t.contains_key(&c.id) || c.id < theirs_next {
            renumbered.push((c.id, next));
            c.id = next;
            next += 1;
        }
        claims.push(c);
    }
    let mut file = theirs.clone();
    file.claims = claims;
    file.sort_claims();
    file.next_id = next.max(file.claims.iter().map(|c| c.id + 1).max().unwrap_or(1));
    file.status = *three(&base.status, &ours.status, &theirs.status).unwrap_or(&theirs.status);
    file.rejected = merge_rejected(&base.rejected, &ours.rejected, &theirs.rejected);
    file.modified = ours.modified.max(theirs.modified);
    file.actors = actor_names(&file.claims, theirs, ours);
    Merged { file, conflicts, renumbered }
}

/// The id the next claim of `file` would get: past its `next_id` and every id in it.
fn next_free(file: &AnnotationFile) -> ClaimId {
    file.claims.iter().map(|c| c.id + 1).max().unwrap_or(1).max(file.next_id).max(1)
}

fn by_id(file: &AnnotationFile) -> BTreeMap<ClaimId, &Claim> {
    file.claims.iter().map(|c| (c.id, c)).collect()
}

/// The value a three-way merge of one field takes, or `None` when both sides
/// changed it differently.
fn three<'a, T: PartialEq>(base: &'a T, ours: &'a T, theirs: &'a T) -> Option<&'a T> {
    if ours == base || ours == theirs {
        Some(theirs)
    } else if theirs == base {
        Some(ours)
    } else {
        None
    }
}

/// Equal in everything but `modified`, which every edit bumps.
fn same_claim(a: &Claim, b: &Claim) -> bool {
    a.id == b.id
        && a.kind == b.kind
        && a.content == b.content
        && a.source == b.source
        && a.source_mention == b.source_mention
        && a.cue == b.cue
        && a.note == b.note
        && a.fields == b.fields
        && a.created == b.created
}

/// Equal in what a coder changes: claims (but their `modified`), status, rejections,
/// the ids handed out.
fn same_file(a: &AnnotationFile, b: &AnnotationFile) -> bool {
    a.status == b.status
        && a.rejected == b.rejected
        && next_free(a) == next_free(b)
        && a.claims.len() == b.claims.len()
        && {
            let bb = by_id(b);
            a.claims.iter().all(|c| bb.get(&c.id).is_some_and(|d| same_claim(c, d)))
        }
}

/// A claim both sides changed, merged field by field, or the fields both changed
/// differently.
fn merge_claim(base: &Claim, ours: &Claim, theirs: &Claim) -> Result<Claim, Vec<String>> {
    let mut conflicts = Vec::new();
    let mut merged = theirs.clone();
    macro_rules! field {
        ($name:ident) => {
            match three(&base.$name, &ours.$name, &theirs.$name) {
                Some(v) => merged.$name = v.clone(),
                None => conflicts.push(stringify!($name).to_owned()),
            }
        };
    }
    field!(kind);
    field!(content);
    field!(source);
    field!(source_mention);
    field!(cue);
    field!(note);
    field!(created);
    let keys: BTreeSet<&String> = base.fields.keys().chain(ours.fields.keys()).chain(theirs.fields.keys()).collect();
    merged.fields.clear();
    for key in keys {
        let (b, o, t) = (base.fields.get(key), ours.fields.get(key), theirs.fields.get(key));
        match three(&b, &o, &t) {
            Some(Some(v)) => {
                merged.fields.insert(key.clone(), (*v).clone());
            }
            Some(None) => {}
            None => conflicts.push(format!("fields.{key}")),
        }
    }
    merged.modified = ours.modified.max(theirs.modified);
    if conflicts.is_empty() { Ok(merged) } else { Err(conflicts) }
}

/// Rejected extents: theirs', less those ours removed, plus those ours added.
fn merge_rejected(base: &[Span], ours: &[Span], theirs: &[Span]) -> Vec<Span> {
    let mut out: Vec<Span> = theirs.iter().filter(|s| ours.contains(s) || !base.contains(s)).cloned().collect();
    for s in ours {
        if !base.contains(s) && !out.contains(s) {
            out.push(s.clone());
        }
    }
    out
}

/// A display name for every source of `claims`: theirs' name, else ours', else the id.
fn actor_names(claims: &[Claim], theirs: &AnnotationFile, ours: &AnnotationFile) -> BTreeMap<String, String> {
    claims
        .iter()
        .filter_map(|c| c.source.as_ref())
        .map(|id| {
            let name = theirs.actors.get(id).or_else(|| ours.actors.get(id)).cloned().unwrap_or_else(|| id.clone());
            (id.clone(), name)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TextIndex;

    fn text() -> TextIndex {
        TextIndex::new("Lew told reporters the hacking must stop. China denied it. Officials promised talks.".into())
    }

    fn claim(id: ClaimId, start: usize, end: usize) -> Claim {
        Claim::new(id, "assertion", Span::from_text(&text(), start, end).unwrap())
    }

    fn file(claims: Vec<Claim>) -> AnnotationFile {
        let mut f = AnnotationFile::new("d.txt", "alice", "x");
        f.next_id = claims.iter().map(|c| c.id + 1).max().unwrap_or(1);
        f.claims = claims;
        f
    }

    #[test]
    fn changes_to_different_claims_and_fields_merge_silently() {
        let base = file(vec![claim(1, 0, 8), claim(2, 42, 57)]);
        let mut ours = base.clone();
        ours.claims[0].kind = "denial".into();
        ours.claims[1].note = "check".into();
        let mut theirs = base.clone();
        theirs.claims[1].source = Some("china".into());
        theirs.actors.insert("china".into(), "China".into());
        let m = merge(&base, &ours, &theirs);
        assert!(m.conflicts.is_empty());
        assert_eq!(m.file.claims[0].kind, "denial");
        assert_eq!(m.file.claims[1].note, "check");
        assert_eq!(m.file.claims[1].source.as_deref(), Some("china"));
        assert_eq!(m.file.actors.get("china").map(String::as_str), Some("China"));
    }

    #[test]
    fn the_same_field_changed_twice_is_a_conflict_that_keeps_theirs() {
        let base = file(vec![claim(1, 0, 8)]);
        let mut ours = base.clone();
        ours.claims[0].kind = "denial".into();
        ours.claims[0].fields.insert("position".into(), "1".into());
        let mut theirs = base.clone();
        theirs.claims[0].kind = "commitment".into();
        theirs.claims[0].fields.insert("position".into(), "-1".into());
        let m = merge(&base, &ours, &theirs);
        assert_eq!(m.file.claims[0].kind, "commitment");
        assert_eq!(m.conflicts.len(), 1);
        assert_eq!(m.conflicts[0].fields, ["kind", "fields.position"]);
        assert_eq!(m.conflicts[0].ours.as_ref(), Some(&ours.claims[0]));
    }

    #[test]
    fn deleting_a_claim_the_other_changed_is_a_conflict() {
        let base = file(vec![claim(1, 0, 8), claim(2, 42, 57)]);
        let mut ours = base.clone();
        ours.claims.remove(0);
        ours.claims[0].note = "ours".into();
        let mut theirs = base.clone();
        theirs.claims[0].note = "theirs".into();
        theirs.claims.remove(1);
        let m = merge(&base, &ours, &theirs);
        let ids: Vec<ClaimId> = m.file.claims.iter().map(|c| c.id).collect();
        assert_eq!(ids, [1], "theirs' changed claim 1 stays; claim 2 is deleted as theirs did");
        let sides: Vec<(bool, bool)> = m.conflicts.iter().map(|c| (c.ours.is_some(), c.theirs.is_some())).collect();
        assert_eq!(sides, [(false, true), (true, false)]);
    }

    #[test]
    fn claims_added_on_both_sides_with_one_id_are_both_kept() {
        let base = file(vec![claim(1, 0, 8)]);
        let mut ours = base.clone();
        ours.claims.push(claim(2, 42, 57));
        ours.next_id = 3;
        let mut theirs = base.clone();
        theirs.claims.push(claim(2, 59, 83));
        theirs.claims.push(claim(3, 9, 18));
        theirs.next_id = 5;
        let m = merge(&base, &ours, &theirs);
        assert_eq!(m.renumbered, [(2, 5)]);
        let ids: Vec<(ClaimId, usize)> = m.file.claims.iter().map(|c| (c.id, c.content.start)).collect();
        assert_eq!(ids, [(1, 0), (3, 9), (5, 42), (2, 59)]);
        assert_eq!(m.file.next_id, 6);
    }

    #[test]
    fn status_and_rejections_merge_three_ways() {
        let r = |s: usize| Span { start: s, end: s + 1, quote: String::new() };
        let mut base = file(vec![claim(1, 0, 8)]);
        base.rejected = vec![r(1), r(2)];
        let mut ours = base.clone();
        ours.status = crate::model::Status::Done;
        ours.rejected = vec![r(1), r(3)];
        let mut theirs = base.clone();
        theirs.rejected = vec![r(2), r(1), r(4)];
        theirs.claims[0].note = "x".into();
        let m = merge(&base, &ours, &theirs);
        assert_eq!(m.file.status, crate::model::Status::Done);
        assert_eq!(m.file.rejected, [r(1), r(4), r(3)]);
    }
}
