//! Golden files: exporting the seed corpus with a fixed set of claims must give
//! exactly the committed bytes. Run with `UPDATE_GOLDEN=1` to rewrite them after an
//! intended format change (and review the diff).

mod export_support;

use std::path::{Path, PathBuf};

use claimcoder::export::{ExportOptions, Format, export};
use claimcoder::store::load_dataset;
use export_support::{read_tree, seed_corpus};

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

fn export_seeds(format: Format, out: &Path) {
    let corpus = seed_corpus();
    let dataset = load_dataset(corpus.path(), &[]).unwrap();
    assert!(dataset.errors.is_empty(), "{:?}", dataset.errors);
    let opts = ExportOptions { format, annotators: vec![], only_done: false, out: out.to_path_buf(), force: false };
    let summary = export(&dataset, &opts, &mut |_, _| {}).unwrap();
    assert!(summary.skipped.is_empty(), "{:?}", summary.skipped);
    assert_eq!(summary.files, 9, "alice 5 + bob 3 + gold 1");
}

fn check_file(format: Format, name: &str) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join(name);
    export_seeds(format, &out);
    let got = std::fs::read(&out).unwrap();
    let golden = golden_dir().join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&golden, &got).unwrap();
    }
    let want = std::fs::read(&golden).expect("golden file exists (UPDATE_GOLDEN=1 writes it)");
    assert!(got == want, "{name} differs from {}", golden.display());
}

#[test]
fn csv_matches_golden_file() {
    check_file(Format::Csv, "seeds.csv");
}

#[test]
fn jsonl_matches_golden_file() {
    check_file(Format::Jsonl, "seeds.jsonl");
}

#[test]
fn brat_matches_golden_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("brat");
    export_seeds(Format::Brat, &out);
    let got = read_tree(&out);
    let golden = golden_dir().join("brat");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        let _ = std::fs::remove_dir_all(&golden);
        for (rel, bytes) in &got {
            let p = golden.join(rel);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, bytes).unwrap();
        }
    }
    let want = read_tree(&golden);
    assert_eq!(got.keys().collect::<Vec<_>>(), want.keys().collect::<Vec<_>>());
    for (rel, bytes) in &got {
        assert!(bytes == &want[rel], "{rel} differs from the golden file");
    }
}

/// The seeds with two codebook fields, values on alice's first claim of the first
/// document, and a `documents.csv` column the contract does not name.
fn corpus_with_fields() -> tempfile::TempDir {
    use claimcoder::model::{Choice, Field, FieldType};
    let corpus = seed_corpus();
    let mut project = export_support::project();
    let choice = |v: &str| Choice { value: v.into(), label: v.into() };
    project.fields = vec![
        Field {
            id: "position".into(),
            label: "Position".into(),
            r#type: FieldType::Scale,
            definition: String::new(),
            values: vec![choice("-1"), choice("0"), choice("1")],
        },
        Field {
            id: "issue".into(),
            label: "Issue".into(),
            r#type: FieldType::Category,
            definition: String::new(),
            values: vec![choice("trade")],
        },
    ];
    claimcoder::store::project_io::save_project(&corpus.path().join("claimcoder.ron"), &project).unwrap();
    let path = corpus.path().join("000_f61589d60f9b959b.alice.ron");
    let mut file = claimcoder::store::parse_annotation("x", &std::fs::read_to_string(&path).unwrap()).unwrap();
    file.claims[0].fields.insert("position".into(), "-1".into());
    file.claims[0].fields.insert("issue".into(), "trade".into());
    std::fs::write(&path, claimcoder::store::to_ron(&file)).unwrap();
    let csv = std::fs::read_to_string(corpus.path().join("documents.csv")).unwrap();
    let csv = csv.replacen("outlet,author\n", "outlet,author,desk\n", 1).replacen(
        "Puzzanghera\n",
        "Puzzanghera,\"Business, Tech\"\n",
        1,
    );
    std::fs::write(corpus.path().join("documents.csv"), csv).unwrap();
    corpus
}

fn export_to(corpus: &Path, format: Format, out: &Path) -> Result<(), claimcoder::export::ExportError> {
    let dataset = load_dataset(corpus, &[]).unwrap();
    let opts = ExportOptions { format, annotators: vec![], only_done: false, out: out.to_path_buf(), force: false };
    export(&dataset, &opts, &mut |_, _| {}).map(|_| ())
}

#[test]
fn metadata_and_fields_follow_the_fixed_csv_columns() {
    let corpus = corpus_with_fields();
    let out = corpus.path().join("out.csv");
    export_to(corpus.path(), Format::Csv, &out).unwrap();
    let mut reader = csv::Reader::from_path(&out).unwrap();
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(
        header[18..],
        ["doc_title", "doc_date", "doc_outlet", "doc_author", "doc_desk", "field_position", "field_issue"]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let first = &rows[0];
    assert_eq!((&first[0], &first[2]), ("000_f61589d60f9b959b.txt", "1"));
    assert_eq!(&first[18], "Treasury Secretary Lew to press Chinese leaders on cyber attacks");
    assert_eq!((&first[19], &first[20], &first[22]), ("2013-03-18", "Los Angeles Times", "Business, Tech"));
    assert_eq!((&first[23], &first[24]), ("-1", "trade"));
    let second_doc = rows.iter().find(|r| &r[0] == "001_ac006dcb873ec60d.txt").unwrap();
    assert_eq!((&second_doc[19], &second_doc[20], &second_doc[23]), ("", "", ""), "no value: an empty cell");
    assert!(rows.iter().all(|r| r.len() == header.len()));
}

#[test]
fn metadata_and_fields_reach_jsonl() {
    let corpus = corpus_with_fields();
    let out = corpus.path().join("out.jsonl");
    export_to(corpus.path(), Format::Jsonl, &out).unwrap();
    let lines: Vec<serde_json::Value> =
        std::fs::read_to_string(&out).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let first = &lines[0];
    assert_eq!(first["meta"]["outlet"], "Los Angeles Times");
    assert_eq!(first["meta"]["desk"], "Business, Tech");
    assert!(first["meta"].get("document").is_none(), "the id is the line's document");
    assert_eq!(first["claims"][0]["fields"], serde_json::json!({"issue": "trade", "position": "-1"}));
    assert_eq!(first["claims"][1]["fields"], serde_json::json!({}));
    let second = lines.iter().find(|l| l["document"] == "001_ac006dcb873ec60d.txt").unwrap();
    assert_eq!(
        second["meta"],
        serde_json::json!({"title": "U.S. presses China on cyberattack"}),
        "empty cells left out"
    );
}

#[test]
fn an_unusable_documents_csv_stops_the_export() {
    let corpus = seed_corpus();
    std::fs::write(corpus.path().join("documents.csv"), b"document,title\n000.txt,Caf\xE9\n").unwrap();
    let out = corpus.path().join("out.csv");
    let err = export_to(corpus.path(), Format::Csv, &out).unwrap_err().to_string();
    assert!(err.contains("documents.csv:2:12: not valid UTF-8"), "{err}");
    assert!(!out.exists());
}
