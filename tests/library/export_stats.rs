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

/// Claims by outlet and by month, recounted here from each document's files and a
/// `documents.csv` with a missing row, an empty outlet, a date that does not parse
/// and a time with its own offset.
#[test]
fn outlets_and_months_count_every_document_once() {
    use claimcoder::export::stats::{NO_DATE, NO_OUTLET};
    let corpus = seed_corpus();
    let ids: Vec<String> = (0..5)
        .map(|i| {
            let prefix = format!("00{i}_");
            std::fs::read_dir(corpus.path())
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .find(|n| n.starts_with(&prefix) && n.ends_with(".txt"))
                .unwrap()
        })
        .collect();
    let csv = format!(
        "document,title,date,outlet\n{},A,2013-03-18,Los Angeles Times\n{},B,spring 2013,\n{},C,2013-06-04,AFP\n{},D,2014-07-02T23:30:00-05:00, AFP \n",
        ids[0], ids[1], ids[2], ids[3]
    );
    std::fs::write(corpus.path().join("documents.csv"), csv).unwrap();
    let dataset = load_dataset(corpus.path(), &[]).unwrap();
    let s = corpus_stats(&dataset);
    let claims_of = |i: usize| -> usize {
        let doc = dataset.documents.iter().find(|d| d.entry.id == ids[i]).unwrap();
        doc.files.values().map(|f| f.claims.len()).sum()
    };
    let outlets: Vec<(&str, usize, usize)> =
        s.by_outlet.iter().map(|m| (m.key.as_str(), m.documents, m.claims)).collect();
    let mut expected = vec![("AFP", 2, claims_of(2) + claims_of(3)), ("Los Angeles Times", 1, claims_of(0))];
    expected.sort_by(|a, b| b.2.cmp(&a.2).then(b.1.cmp(&a.1)));
    expected.push((NO_OUTLET, 2, claims_of(1) + claims_of(4)));
    assert_eq!(outlets, expected, "most claims first, (no outlet) last");
    let months: Vec<(&str, usize, usize)> =
        s.by_month.iter().map(|m| (m.key.as_str(), m.documents, m.claims)).collect();
    assert_eq!(
        months,
        [
            ("2013-03", 1, claims_of(0)),
            ("2013-06", 1, claims_of(2)),
            ("2014-07", 1, claims_of(3)),
            (NO_DATE, 2, claims_of(1) + claims_of(4)),
        ],
        "in time order; the day as the outlet dated it; an unreadable date is no date"
    );
    for table in [&s.by_outlet, &s.by_month] {
        assert_eq!(table.iter().map(|m| m.documents).sum::<usize>(), s.documents);
        assert_eq!(table.iter().map(|m| m.claims).sum::<usize>(), s.claims);
        assert_eq!(table.iter().flat_map(|m| m.by_kind.values()).sum::<usize>(), s.claims);
    }
    std::fs::remove_file(corpus.path().join("documents.csv")).unwrap();
    let bare = corpus_stats(&load_dataset(corpus.path(), &[]).unwrap());
    assert_eq!(bare.by_outlet.iter().map(|m| (m.key.as_str(), m.documents)).collect::<Vec<_>>(), [(NO_OUTLET, 5)]);
    assert_eq!(bare.by_month.iter().map(|m| (m.key.as_str(), m.claims)).collect::<Vec<_>>(), [(NO_DATE, s.claims)]);
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
