//! Statistics add up: every claim is counted once per breakdown, groups come from
//! the registry, unattributed claims are their own row.

mod export_support;

use claimcoder::export::stats::{NO_GROUP, UNATTRIBUTED};
use claimcoder::export::corpus_stats;
use claimcoder::store::load_dataset;
use export_support::seed_corpus;

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
