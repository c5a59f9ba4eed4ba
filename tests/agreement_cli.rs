//! `claimcoder agreement` run as a user runs it, on a corpus written to a temp folder.

use std::path::Path;
use std::process::{Command, Output};

use claimcoder::model::document::sha256_hex;
use claimcoder::model::{AnnotationFile, Claim, Span};
use claimcoder::store::to_ron;

const TEXT: &str =
    "Lew said the hacking must stop. China denied it. Officials promised talks next week, said one aide.";

fn claim(id: u64, kind: &str, start: usize, end: usize, source: Option<&str>) -> Claim {
    let quote = TEXT.chars().skip(start).take(end - start).collect();
    let mut c = Claim::new(id, kind, Span { start, end, quote });
    c.source = source.map(str::to_owned);
    c
}

fn write_file(root: &Path, stem: &str, annotator: &str, claims: Vec<Claim>) {
    let mut file = AnnotationFile::new(&format!("{stem}.txt"), annotator, &sha256_hex(TEXT.as_bytes()));
    file.claims = claims;
    std::fs::write(root.join(format!("{stem}.{annotator}.ron")), to_ron(&file)).unwrap();
}

/// Two documents coded by alice and bob, one only by alice, and a gold file that
/// the default selection must leave out.
fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for stem in ["d1", "d2", "d3"] {
        std::fs::write(root.join(format!("{stem}.txt")), TEXT).unwrap();
    }
    write_file(
        root,
        "d1",
        "alice",
        vec![claim(1, "assertion", 9, 30, Some("lew")), claim(2, "denial", 32, 47, Some("china"))],
    );
    write_file(
        root,
        "d1",
        "bob",
        vec![claim(1, "assertion", 9, 30, Some("lew")), claim(2, "assertion", 38, 47, Some("china"))],
    );
    write_file(root, "d2", "alice", vec![claim(1, "commitment", 49, 83, None)]);
    write_file(root, "d2", "bob", vec![claim(4, "commitment", 49, 83, None), claim(5, "assertion", 0, 30, None)]);
    write_file(root, "d3", "alice", vec![claim(1, "assertion", 0, 30, None)]);
    write_file(root, "d1", "gold", vec![claim(1, "assertion", 9, 30, Some("lew"))]);
    dir
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimcoder")).arg("agreement").args(args).output().unwrap()
}

#[test]
fn json_report_has_the_figures() {
    let dir = corpus();
    let out = run(&[dir.path().to_str().unwrap(), "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["annotators"], serde_json::json!(["alice", "bob"]), "gold is left out by default");
    assert_eq!(json["documents"], 2);
    assert_eq!(json["claims"], serde_json::json!({"alice": 3, "bob": 4}));
    let pair = &json["pairs"][0];
    assert_eq!((pair["a"].as_str(), pair["b"].as_str()), (Some("alice"), Some("bob")));
    assert_eq!(pair["matched_exact"], 2);
    assert_eq!(pair["matched_overlap"], 3, "denial 32..47 and 38..47 share 9 of 15: 0.6");
    assert_eq!(pair["span_f1_exact"], 0.5714, "2*2/7, rounded to four decimals");
    assert_eq!(pair["span_f1_overlap"], 0.8571, "2*3/7");
    assert_eq!(pair["kind_kappa"], 0.5, "po 2/3, pe 1/3");
    assert_eq!(
        pair["confusion"],
        serde_json::json!({
            "assertion": {"assertion": 1},
            "commitment": {"commitment": 1},
            "denial": {"assertion": 1},
            "none": {"assertion": 1},
        })
    );
    assert_eq!(json["source_alpha"], 1.0);
    let kind_alpha = json["kind_alpha"].as_f64().unwrap();
    assert!((kind_alpha - 0.5455).abs() < 1e-4, "1 - 5 * 2 / 22 over units aa, da, cc: {kind_alpha}");
    assert_eq!(json["per_document"].as_array().unwrap().len(), 2);
}

#[test]
fn table_shows_pairs_and_the_confusion_grid() {
    let dir = corpus();
    let out = run(&[dir.path().to_str().unwrap(), "--annotator", "alice", "--annotator", "gold"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(table.contains("Annotators:         alice, gold"), "{table}");
    assert!(table.contains("Documents compared: 1"), "{table}");
    assert!(table.contains("alice / gold"), "{table}");
    assert!(table.contains("Kinds: alice (rows) by gold (columns)"), "{table}");
    assert!(table.contains("Kind alpha:         n/a (a single category)"), "{table}");
}

#[test]
fn missing_corpus_is_a_data_error_naming_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-corpus");
    let out = run(&[missing.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("no-such-corpus") && err.lines().count() == 1, "{err}");
}

#[test]
fn bad_annotator_name_is_a_usage_error() {
    let dir = corpus();
    let out = run(&[dir.path().to_str().unwrap(), "--annotator", "Alice"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn fewer_than_two_annotators_is_a_data_error() {
    let dir = corpus();
    let out = run(&[dir.path().to_str().unwrap(), "--annotator", "alice"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("at least two annotators"));
    let out = run(&[dir.path().to_str().unwrap(), "--annotator", "alice", "--annotator", "carol"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("carol"));
}

#[test]
fn a_broken_file_stops_the_command() {
    let dir = corpus();
    std::fs::write(dir.path().join("d3.bob.ron"), "(format: 1, claims: [").unwrap();
    let out = run(&[dir.path().to_str().unwrap(), "--json"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "no partial report");
    assert!(String::from_utf8_lossy(&out.stderr).contains("d3.bob.ron"));
}

/// `suggested` (a program's proposals) and `gold` are left out of agreement and
/// statistics unless named; a broken suggested file then blocks neither.
#[test]
fn suggested_and_gold_are_left_out_unless_named() {
    let dir = corpus();
    let root = dir.path();
    write_file(root, "d1", "suggested", vec![claim(1, "denial", 0, 30, None), claim(2, "denial", 32, 47, None)]);
    write_file(root, "d2", "suggested", vec![claim(1, "denial", 49, 83, None)]);
    std::fs::write(root.join("d3.suggested.ron"), "(format: 1, broken").unwrap();
    let out = run(&[root.to_str().unwrap(), "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["annotators"], serde_json::json!(["alice", "bob"]));
    let out = run(&[root.to_str().unwrap(), "--json", "--annotator", "alice", "--annotator", "suggested"]);
    assert_eq!(out.status.code(), Some(1), "the broken suggested file now counts");
    std::fs::remove_file(root.join("d3.suggested.ron")).unwrap();
    let out = run(&[root.to_str().unwrap(), "--json", "--annotator", "alice", "--annotator", "suggested"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["annotators"], serde_json::json!(["alice", "suggested"]));

    let stats = |extra: &[&str]| -> serde_json::Value {
        let out = Command::new(env!("CARGO_BIN_EXE_claimcoder"))
            .args(["stats", root.to_str().unwrap(), "--json"])
            .args(extra)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice(&out.stdout).unwrap()
    };
    assert_eq!(stats(&[])["claims"], 8, "alice 4 + bob 4; gold and suggested left out");
    assert_eq!(stats(&["--annotator", "suggested"])["claims"], 3);
    assert_eq!(stats(&["--annotator", "gold"])["claims"], 1);
}
