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
