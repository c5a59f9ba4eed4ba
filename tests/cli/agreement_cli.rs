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

/// The codebook of a corpus with claim fields: kinds as built in, then an Actor, a
/// Scale and a Text field.
const PROJECT_WITH_FIELDS: &str = r##"(
    format: 1,
    kinds: [
        (id: "assertion", label: "Assertion", key: "A", color: "#3b82f6"),
        (id: "denial", label: "Denial", key: "D", color: "#ef4444"),
        (id: "commitment", label: "Commitment", key: "C", color: "#22c55e"),
    ],
    fields: [
        (id: "addressee", label: "Addressee", type: Actor),
        (id: "position", label: "Position", type: Scale,
         values: [(value: "-1", label: "against"), (value: "0", label: "neutral"), (value: "1", label: "for")]),
        (id: "frame", label: "Frame", type: Text),
    ],
)
"##;

fn with_fields(mut c: Claim, values: &[(&str, &str)]) -> Claim {
    c.fields = values.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
    c
}

#[test]
fn claim_fields_have_a_row_each_and_their_json() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("claimcoder.ron"), PROJECT_WITH_FIELDS).unwrap();
    std::fs::write(root.join("d1.txt"), TEXT).unwrap();
    let lew = |id, position| {
        with_fields(claim(id, "assertion", 9, 30, None), &[("addressee", "china"), ("position", position)])
    };
    let china = |id, position| with_fields(claim(id, "denial", 32, 47, None), &[("position", position)]);
    write_file(root, "d1", "alice", vec![lew(1, "-1"), china(2, "0")]);
    write_file(root, "d1", "bob", vec![lew(1, "-1"), china(2, "-1")]);
    let out = run(&[root.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let table = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<&str> = table.lines().skip_while(|l| !l.starts_with("field ")).take(3).collect();
    assert_eq!(rows.len(), 3, "{table}");
    assert!(rows[0].contains("level") && rows[0].contains("alice / bob"), "{table}");
    assert!(rows[1].starts_with("addressee") && rows[1].contains("nominal") && rows[1].contains("n/a"), "{table}");
    assert!(rows[2].starts_with("position") && rows[2].contains("ordinal") && rows[2].contains("0.500"), "{table}");
    assert!(table.contains("n/a: addressee: a single category"), "{table}");
    assert!(!table.contains("frame"), "Text fields are not compared: {table}");

    let out = run(&[root.to_str().unwrap(), "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        json["fields"]["addressee"],
        serde_json::json!({"alpha": null, "level": "nominal", "units": 1}),
        "one unit with two values, both china"
    );
    assert_eq!(json["fields"]["position"]["level"], "ordinal");
    assert_eq!(json["fields"]["position"]["units"], 2);
    assert_eq!(json["pairs"][0]["fields"], serde_json::json!({"addressee": 1.0, "position": 0.5}));
}

#[test]
fn stats_show_field_values_and_mean_positions() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("claimcoder.ron"), PROJECT_WITH_FIELDS).unwrap();
    std::fs::write(root.join("d1.txt"), TEXT).unwrap();
    let c = |id, source, values: &[(&str, &str)]| with_fields(claim(id, "assertion", 9, 30, source), values);
    write_file(
        root,
        "d1",
        "alice",
        vec![
            c(1, Some("lew"), &[("addressee", "china"), ("position", "-1")]),
            c(2, Some("lew"), &[("addressee", "china"), ("position", "0")]),
            c(3, None, &[("position", "1"), ("stance", "odd")]),
            c(4, Some("lew"), &[("position", "5")]),
        ],
    );
    let out = Command::new(env!("CARGO_BIN_EXE_claimcoder")).args(["stats", root.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(table.contains("Field Position (Scale): 4/4 claims with a value"), "{table}");
    assert!(table.contains("Field stance (not in the codebook): 1/4 claims with a value"), "{table}");
    let means: Vec<&str> = table.lines().skip_while(|l| !l.starts_with("Mean Position")).skip(2).take(2).collect();
    let cells: Vec<Vec<&str>> = means.iter().map(|l| l.split_whitespace().collect()).collect();
    assert_eq!(cells[0], ["lew", "china", "2", "-0.50"], "{table}");
    assert_eq!(cells[1], ["(unattributed)", "(no", "addressee)", "1", "+1.00"], "{table}");
    assert!(table.contains("left out: 1 with a value not on the scale"), "{table}");
}
