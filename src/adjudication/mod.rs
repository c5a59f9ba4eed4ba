//! Adjudication: settling units of disagreement into the `gold` file (FORMAT.md
//! section 5), free of any GUI so the rules are unit-tested and the review view only
//! says which [`Decision`] the lead took.
//!
//! **When a unit is settled.** A unit (a cluster of the annotators' claims, see
//! [`crate::agreement::units`]) is settled when the gold file has a claim whose content
//! overlap-matches (Jaccard >= 0.5, the rule of section 5) the content of one of the
//! unit's claims, or when the unit was rejected.
//!
//! **How rejections are remembered.** Rejecting a unit ("not a claim") records its
//! extent (first start to last end of its claims, with the quote) in the optional
//! `rejected` list of the gold file. A unit whose extent overlap-matches a rejected
//! span counts as rejected. Accepting a version of a unit first removes the gold
//! claims and rejections that settle it, so a unit has one decision at a time.

use crate::agreement::matching::Overlap;
use crate::agreement::{Label, Unit};
use crate::model::time::now;
use crate::model::{AnnotationFile, Claim, Span, TextIndex};

/// Whether two spans overlap-match (FORMAT.md section 5).
fn matches(a: &Span, b: &Span) -> bool {
    Overlap::of(a, b).matches()
}

/// The span from the first start to the last end of `claims`, quoted from `text`.
pub fn extent(claims: &[&Claim], text: &TextIndex) -> Option<Span> {
    let start = claims.iter().map(|c| c.content.start).min()?;
    let end = claims.iter().map(|c| c.content.end).max()?;
    Span::from_text(text, start, end)
}

/// The gold claim that settles a unit made of `claims`, if any.
pub fn gold_claim<'g>(claims: &[&Claim], gold: &'g AnnotationFile) -> Option<&'g Claim> {
    gold.claims.iter().find(|g| claims.iter().any(|c| matches(&g.content, &c.content)))
}

/// Whether the unit made of `claims` was rejected as not a claim.
pub fn is_rejected(claims: &[&Claim], gold: &AnnotationFile) -> bool {
    let Some(start) = claims.iter().map(|c| c.content.start).min() else { return false };
    let end = claims.iter().map(|c| c.content.end).max().unwrap_or(start);
    let extent = Span { start, end, quote: String::new() };
    gold.rejected.iter().any(|r| matches(r, &extent))
}

/// Whether the unit made of `claims` is settled (see the module documentation).
pub fn is_settled(claims: &[&Claim], gold: &AnnotationFile) -> bool {
    gold_claim(claims, gold).is_some() || is_rejected(claims, gold)
}

/// Removes every decision on the unit made of `claims`: matching gold claims and
/// matching rejections. Returns whether anything was removed.
fn clear(gold: &mut AnnotationFile, claims: &[&Claim]) -> bool {
    let before = (gold.claims.len(), gold.rejected.len());
    gold.claims.retain(|g| !claims.iter().any(|c| matches(&g.content, &c.content)));
    if let Some(start) = claims.iter().map(|c| c.content.start).min() {
        let end = claims.iter().map(|c| c.content.end).max().unwrap_or(start);
        let extent = Span { start, end, quote: String::new() };
        gold.rejected.retain(|r| !matches(r, &extent));
    }
    before != (gold.claims.len(), gold.rejected.len())
}

/// Settles the unit made of `claims` with `version`: a copy of it becomes the gold
/// claim (new id, stamped now), replacing any earlier decision on the unit.
pub fn accept(gold: &mut AnnotationFile, claims: &[&Claim], version: &Claim) {
    clear(gold, claims);
    let stamp = now();
    let claim = Claim { id: gold.take_claim_id(), created: stamp, modified: stamp, ..version.clone() };
    gold.claims.push(claim);
    gold.sort_claims();
    gold.modified = stamp;
}

/// Settles the unit made of `claims` as not a claim. Returns false when the unit
/// has no extent in `text` (nothing was changed).
pub fn reject(gold: &mut AnnotationFile, claims: &[&Claim], text: &TextIndex) -> bool {
    let Some(span) = extent(claims, text) else { return false };
    clear(gold, claims);
    gold.rejected.push(span);
    gold.rejected.sort_by_key(|s| (s.start, s.end));
    gold.modified = now();
    true
}

/// Which annotator's claim each part of a merged version comes from (positions in
/// the unit's slots).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Merge {
    /// The claim whose kind is taken.
    pub kind_from: usize,
    /// The claim whose content span, cue and note are taken.
    pub span_from: usize,
    /// The claim whose source and source mention are taken.
    pub source_from: usize,
}

/// The merged version of a unit's claims (`slots` as in [`crate::agreement::Unit`]),
/// or `None` when a chosen slot has no claim.
pub fn merged(slots: &[Option<&Claim>], merge: Merge) -> Option<Claim> {
    let get = |i: usize| slots.get(i).copied().flatten();
    let (kind, span, source) = (get(merge.kind_from)?, get(merge.span_from)?, get(merge.source_from)?);
    Some(Claim {
        kind: kind.kind.clone(),
        source: source.source.clone(),
        source_mention: source.source_mention.clone(),
        ..span.clone()
    })
}

/// The claims present in a unit.
pub fn present<'a>(unit: &Unit<'a>) -> Vec<&'a Claim> {
    unit.claims.iter().flatten().copied().collect()
}

/// What the lead decided about the units of one document (indices into its units).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    /// Settle a unit with the claim of the annotator in `slot`.
    Accept {
        /// The unit.
        unit: usize,
        /// The annotator's position among the compared ones.
        slot: usize,
    },
    /// Settle a unit with the version merged as `merge` says.
    AcceptMerged {
        /// The unit.
        unit: usize,
        /// Which annotator each part comes from.
        merge: Merge,
    },
    /// Settle a unit as not a claim.
    Reject {
        /// The unit.
        unit: usize,
    },
    /// Settle every unit all annotators agree on with their version.
    AcceptAllAgreed,
}

/// Applies `decision` to `gold`, the gold file of the document whose text is `text`
/// and whose units are `units`. Returns whether the gold file changed (a decision on
/// a unit that does not exist, or on a slot without a claim, changes nothing).
pub fn decide(gold: &mut AnnotationFile, units: &[Unit<'_>], text: &TextIndex, decision: Decision) -> bool {
    match decision {
        Decision::Accept { unit, slot } => {
            let Some(u) = units.get(unit) else { return false };
            let Some(version) = u.claims.get(slot).copied().flatten() else { return false };
            accept(gold, &present(u), version);
            true
        }
        Decision::AcceptMerged { unit, merge } => {
            let Some(u) = units.get(unit) else { return false };
            let Some(version) = merged(&u.claims, merge) else { return false };
            accept(gold, &present(u), &version);
            true
        }
        Decision::Reject { unit } => units.get(unit).is_some_and(|u| reject(gold, &present(u), text)),
        Decision::AcceptAllAgreed => {
            let mut any = false;
            for u in units.iter().filter(|u| u.label == Label::Agree) {
                let claims = present(u);
                if let Some(first) = claims.first()
                    && !is_settled(&claims, gold)
                {
                    accept(gold, &claims, first);
                    any = true;
                }
            }
            any
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text() -> TextIndex {
        TextIndex::new("“Serious,” Lew told reporters. China denied it on Monday.".into())
    }

    fn claim(id: u64, kind: &str, start: usize, end: usize, source: Option<&str>) -> Claim {
        let mut c = Claim::new(id, kind, Span::from_text(&text(), start, end).expect("span"));
        c.source = source.map(str::to_owned);
        c
    }

    #[test]
    fn accepting_a_version_settles_the_unit_with_a_fresh_copy() {
        let a = claim(7, "assertion", 0, 10, Some("lew"));
        let b = claim(3, "denial", 0, 9, None);
        let unit = [&a, &b];
        let mut gold = AnnotationFile::new("d.txt", "gold", "x");
        assert!(!is_settled(&unit, &gold));
        accept(&mut gold, &unit, &b);
        assert!(is_settled(&unit, &gold));
        assert_eq!(gold.claims.len(), 1);
        assert_eq!((gold.claims[0].id, gold.claims[0].kind.as_str()), (1, "denial"));
        accept(&mut gold, &unit, &a);
        assert_eq!(gold.claims.len(), 1, "a second decision replaces the first");
        assert_eq!((gold.claims[0].id, gold.claims[0].source.as_deref()), (2, Some("lew")));
        assert_eq!(gold.claims[0].content.quote, "“Serious,”");
    }

    #[test]
    fn rejecting_is_remembered_and_undone_by_accepting() {
        let a = claim(1, "assertion", 31, 57, None);
        let unit = [&a];
        let mut gold = AnnotationFile::new("d.txt", "gold", "x");
        assert!(reject(&mut gold, &unit, &text()));
        assert!(is_rejected(&unit, &gold) && is_settled(&unit, &gold));
        assert!(gold.claims.is_empty());
        assert_eq!(gold.rejected[0].quote, "China denied it on Monday.");
        accept(&mut gold, &unit, &a);
        assert!(!is_rejected(&unit, &gold));
        assert_eq!(gold.claims.len(), 1);
    }

    #[test]
    fn other_units_stay_unsettled() {
        let a = claim(1, "assertion", 0, 10, None);
        let far = claim(2, "denial", 31, 57, None);
        let mut gold = AnnotationFile::new("d.txt", "gold", "x");
        accept(&mut gold, &[&a], &a);
        assert!(!is_settled(&[&far], &gold));
    }

    #[test]
    fn merged_takes_each_part_from_the_chosen_claim() {
        let a = claim(1, "assertion", 0, 10, Some("lew"));
        let mut b = claim(2, "denial", 1, 9, None);
        b.note = "from b".into();
        let slots = [Some(&a), Some(&b), None];
        let m = merged(&slots, Merge { kind_from: 1, span_from: 0, source_from: 0 }).expect("merged");
        assert_eq!((m.kind.as_str(), m.content.start, m.source.as_deref()), ("denial", 0, Some("lew")));
        let m = merged(&slots, Merge { kind_from: 0, span_from: 1, source_from: 1 }).expect("merged");
        assert_eq!((m.kind.as_str(), m.content.start, m.source, m.note.as_str()), ("assertion", 1, None, "from b"));
        assert!(merged(&slots, Merge { kind_from: 2, span_from: 0, source_from: 0 }).is_none());
    }
}
