//! Matching two annotators' claims on one document (FORMAT.md section 5).

use claimcoder::agreement::matching::{Overlap, overlap_candidates};
use claimcoder::agreement::units::clusters;
use claimcoder::agreement::{Pair, match_exact, match_overlap};
use claimcoder::model::{Claim, Span};
use proptest::prelude::*;

fn claim(id: u64, start: usize, end: usize) -> Claim {
    Claim::new(id, "assertion", Span { start, end, quote: String::new() })
}

fn pairs(list: &[(usize, usize)]) -> Vec<Pair> {
    list.iter().map(|&(a, b)| Pair { a, b }).collect()
}

#[test]
fn jaccard_of_exactly_one_half_matches() {
    let a = [claim(1, 0, 4)];
    assert_eq!(match_overlap(&a, &[claim(1, 0, 2)]), pairs(&[(0, 0)]));
    assert_eq!(match_overlap(&a, &[claim(1, 2, 6)]), vec![], "2 shared of 6 is 1/3");
    assert_eq!(match_overlap(&[claim(1, 0, 5)], &[claim(1, 0, 2)]), vec![], "2/5 is below one half");
    assert!(Overlap::of(&a[0].content, &claim(1, 1, 3).content).matches());
}

#[test]
fn empty_and_disjoint_spans_never_match() {
    assert_eq!(match_overlap(&[claim(1, 3, 3)], &[claim(1, 3, 3)]), vec![]);
    assert_eq!(match_overlap(&[claim(1, 0, 4)], &[claim(1, 4, 8)]), vec![]);
}

/// Issue 7, case 8: two empty spans at the same place are not an exact match
/// either (FORMAT.md section 7: empty spans never match), nor are reversed ones;
/// the real claims around them still pair.
#[test]
fn empty_spans_never_match_exactly() {
    assert_eq!(match_exact(&[claim(1, 3, 3)], &[claim(1, 3, 3)]), vec![]);
    assert_eq!(match_exact(&[claim(1, 5, 2)], &[claim(1, 5, 2)]), vec![]);
    let a = [claim(1, 3, 3), claim(2, 3, 9)];
    let b = [claim(7, 3, 9), claim(8, 3, 3)];
    assert_eq!(match_exact(&a, &b), pairs(&[(1, 0)]));
}

#[test]
fn nested_claims_match_their_own_counterparts() {
    let a = [claim(1, 0, 10), claim(2, 2, 6)];
    let b = [claim(5, 2, 6), claim(6, 0, 10)];
    let mut overlap = match_overlap(&a, &b);
    overlap.sort_by_key(|p| p.a);
    assert_eq!(overlap, pairs(&[(0, 1), (1, 0)]));
    assert_eq!(match_exact(&a, &b).len(), 2);
}

#[test]
fn a_claim_overlapping_two_takes_the_higher_jaccard() {
    let a = [claim(1, 0, 10)];
    let b = [claim(1, 0, 6), claim(2, 2, 10)];
    assert_eq!(match_overlap(&a, &b), pairs(&[(0, 1)]), "8/10 beats 6/10");
    let a = [claim(1, 1, 10), claim(2, 0, 10)];
    let b = [claim(1, 0, 10)];
    assert_eq!(match_overlap(&a, &b), pairs(&[(1, 0)]), "each claim is matched at most once");
}

#[test]
fn ties_go_to_the_lower_start_of_a_then_of_b() {
    let a = [claim(1, 0, 10)];
    let b = [claim(1, 4, 10), claim(2, 0, 6)];
    assert_eq!(match_overlap(&a, &b), pairs(&[(0, 1)]), "both 6/10: B's lower start wins");
    let a = [claim(1, 4, 10), claim(2, 0, 6)];
    let b = [claim(1, 0, 10)];
    assert_eq!(match_overlap(&a, &b), pairs(&[(1, 0)]), "both 6/10: A's lower start wins");
}

#[test]
fn ties_on_start_go_to_the_lower_claim_id() {
    let a = [claim(1, 0, 10)];
    let b = [claim(7, 0, 6), claim(3, 0, 6)];
    assert_eq!(match_overlap(&a, &b), pairs(&[(0, 1)]), "B's id 3 beats id 7");
    let a = [claim(9, 0, 6), claim(4, 0, 6)];
    let b = [claim(1, 0, 10)];
    assert_eq!(match_overlap(&a, &b), pairs(&[(1, 0)]), "A's id 4 beats id 9");
}

#[test]
fn exact_matching_needs_both_ends_and_pairs_duplicates_once() {
    let a = [claim(1, 0, 10), claim(2, 0, 10), claim(3, 20, 30)];
    let b = [claim(1, 0, 10), claim(2, 20, 31)];
    assert_eq!(match_exact(&a, &b), pairs(&[(0, 0)]));
    assert_eq!(match_overlap(&a, &b).len(), 2);
}

fn arb_claims() -> impl Strategy<Value = Vec<Claim>> {
    prop::collection::vec((0usize..60, 1usize..25), 0..8).prop_map(|spans| {
        spans.into_iter().enumerate().map(|(i, (start, len))| claim(i as u64 + 1, start, start + len)).collect()
    })
}

proptest! {
    #[test]
    fn matchings_are_one_to_one_and_overlap_finds_every_exact_pair(a in arb_claims(), b in arb_claims()) {
        let overlap = match_overlap(&a, &b);
        let exact = match_exact(&a, &b);
        for found in [&overlap, &exact] {
            let mut left: Vec<usize> = found.iter().map(|p| p.a).collect();
            let mut right: Vec<usize> = found.iter().map(|p| p.b).collect();
            left.sort_unstable();
            left.dedup();
            right.sort_unstable();
            right.dedup();
            prop_assert_eq!(left.len(), found.len());
            prop_assert_eq!(right.len(), found.len());
        }
        for p in &overlap {
            prop_assert!(a[p.a].content.jaccard(&b[p.b].content) >= 0.5);
        }
        prop_assert!(overlap.len() >= exact.len());
        prop_assert!(overlap.len() <= overlap_candidates(&a, &b).len());
    }

    #[test]
    fn units_of_two_annotators_are_the_overlap_matching(a in arb_claims(), b in arb_claims()) {
        let mut from_units: Vec<Pair> = clusters(&[&a, &b])
            .into_iter()
            .filter_map(|u| Some(Pair { a: u[0]?, b: u[1]? }))
            .collect();
        let mut matched = match_overlap(&a, &b);
        from_units.sort_by_key(|p| (p.a, p.b));
        matched.sort_by_key(|p| (p.a, p.b));
        prop_assert_eq!(from_units, matched);
    }
}
