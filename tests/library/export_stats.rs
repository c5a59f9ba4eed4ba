//! Statistics add up: every claim is counted once per breakdown, groups come from
//! the registry, unattributed claims are their own row.

use crate::export_support::seed_corpus;
use claimcoder::export::corpus_stats;
use claimcoder::export::stats::{NO_GROUP, UNATTRIBUTED};
use claimcoder::store::load_dataset;

#[test]
fn breakdowns_add_up_to_the_total() {
    let corpus = seed_corpus();
    let dataset = load_dataset(corpus.path(), &[]).unwrap();
    let s = corpus_stats(&dataset);
    let total: usize = dataset.documents.iter().flat_map(|d| d.files.values()).map(|f| f.claims.len()).sum();
    assert_eq!((s.documents, s.coded, s.done), (5, 5, 2));
    assert_eq!(s.claims, total);
    assert_eq!(s.by_kind.values().sum::<usize>(), total);
    assert_eq!(s.actors.iter().map(|a| a.claims).sum::<usize>(), total);
    assert_eq!(s.groups.iter().map(|g| g.claims).sum::<usize>(), total);
    assert_eq!(s.by_document.iter().map(|d| d.claims).sum::<usize>(), total);
    assert_eq!(s.by_annotator.iter().map(|a| a.claims).sum::<usize>(), total);
    let ids: Vec<&str> = s.kinds.iter().map(|k| k.id.as_str()).collect();
    assert_eq!(ids, ["assertion", "denial", "commitment"]);
    let lew = s.actors.iter().find(|a| a.id.as_deref() == Some("jacob-lew")).unwrap();
    assert_eq!((lew.name.as_str(), lew.group.as_str()), ("Jacob J. Lew", "United States"));
    assert!(s.actors.iter().any(|a| a.id.is_none() && a.name == UNATTRIBUTED));
    assert!(s.groups.iter().any(|g| g.group == NO_GROUP));
    assert!(s.actors.windows(2).all(|w| w[0].claims >= w[1].claims), "most claims first");
    let alice = s.by_annotator.iter().find(|a| a.annotator == "alice").unwrap();
    assert_eq!((alice.files, alice.done, alice.in_progress, alice.not_started), (5, 2, 3, 0));
    assert!(s.mean_sources_per_document.unwrap() > 0.0);
}

#[test]
fn an_empty_corpus_has_no_made_up_means() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "text").unwrap();
    let s = corpus_stats(&load_dataset(dir.path(), &[]).unwrap());
    assert_eq!((s.documents, s.coded, s.claims), (1, 0, 0));
    assert_eq!(s.mean_sources_per_document, None);
}

/// Field distributions and mean positions, recounted here from the claims.
#[test]
fn field_values_and_mean_positions_add_up() {
    use claimcoder::export::field_stats::NO_ADDRESSEE;
    use std::collections::BTreeMap;

    let corpus = seed_corpus();
    let dataset = load_dataset(corpus.path(), &[]).unwrap();
    let s = corpus_stats(&dataset);
    let claims: Vec<&claimcoder::model::Claim> =
        dataset.documents.iter().flat_map(|d| d.files.values()).flat_map(|f| &f.claims).collect();
    let ids: Vec<&str> = s.fields.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids, ["addressee", "position", "issue", "frame"]);
    for f in &s.fields {
        let with = claims.iter().filter(|c| c.fields.contains_key(&f.id)).count();
        assert_eq!((f.with_value, f.without_value), (with, claims.len() - with), "{}", f.id);
        assert_eq!(f.values.iter().map(|v| v.claims).sum::<usize>(), with, "{}", f.id);
        for v in &f.values {
            let n = claims.iter().filter(|c| c.fields.get(&f.id) == Some(&v.value)).count();
            assert_eq!(v.claims, n, "{} = {}", f.id, v.value);
        }
    }
    let issue = &s.fields[2];
    let listed: Vec<(&str, &str)> = issue.values.iter().map(|v| (v.value.as_str(), v.label.as_str())).collect();
    assert_eq!(listed, [("cybersecurity", "Cybersecurity"), ("trade", "Trade"), ("human rights", "Human rights")]);
    let addressee = &s.fields[0];
    let lew = addressee.values.iter().find(|v| v.value == "jacob-lew").unwrap();
    assert_eq!(lew.label, "Jacob J. Lew", "actors are named from the registry");

    assert_eq!(s.positions.len(), 1);
    let table = &s.positions[0];
    assert_eq!((table.field.as_str(), table.addressee_field.as_deref()), ("position", Some("addressee")));
    assert_eq!(table.scale, [(-1, "against".to_owned()), (0, "neutral".to_owned()), (1, "for".to_owned())]);
    let mut by_hand: BTreeMap<(Option<String>, Option<String>), (usize, i64)> = BTreeMap::new();
    for c in &claims {
        if let Some(p) = c.fields.get("position") {
            let cell = by_hand.entry((c.source.clone(), c.fields.get("addressee").cloned())).or_default();
            cell.0 += 1;
            cell.1 += p.parse::<i64>().unwrap();
        }
    }
    assert_eq!(table.cells.len(), by_hand.len());
    for cell in &table.cells {
        let key = (table.claimants[cell.claimant].id.clone(), table.addressees[cell.addressee].id.clone());
        let (n, sum) = by_hand[&key];
        assert_eq!(cell.claims, n, "{key:?}");
        assert!((cell.mean - sum as f64 / n as f64).abs() < 1e-12, "{key:?}");
    }
    assert_eq!(table.addressees.last().map(|p| p.name.as_str()), Some(NO_ADDRESSEE), "no addressee comes last");
    assert_eq!(table.off_scale, 0);
}
