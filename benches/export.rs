//! Export speed on a large project: 10,000 documents with 20 claims each (200,000
//! claims, every one with a source mention and a cue) written as CSV, JSON lines and
//! a brat folder. Measures `export` on a loaded dataset, as the CLI and the app's
//! Export dialog run it after loading; every offset is checked against the text on
//! the way, as in real use.

use std::path::Path;
use std::time::Duration;

use claimcoder::export::{ExportOptions, Format, export};
use claimcoder::model::document::sha256_hex;
use claimcoder::model::{AnnotationFile, Claim, Span};
use claimcoder::store::{load_dataset, to_ron};
use criterion::{Criterion, criterion_group, criterion_main};

const DOCUMENTS: usize = 10_000;
const CLAIMS_PER_DOCUMENT: usize = 20;
const SENTENCE: &str = "Treasury Secretary Lew told reporters that “the hacking must stop,” officials said. ";

/// A document of `CLAIMS_PER_DOCUMENT` sentences, each coded as one claim.
fn document(stem: &str) -> (String, AnnotationFile) {
    let text = SENTENCE.repeat(CLAIMS_PER_DOCUMENT);
    let at = |start: usize, len: usize| {
        let quote: String = text.chars().skip(start).take(len).collect();
        Span { start, end: start + len, quote }
    };
    let sentence = SENTENCE.chars().count();
    let mut file = AnnotationFile::new(&format!("{stem}.txt"), "alice", &sha256_hex(text.as_bytes()));
    for i in 0..CLAIMS_PER_DOCUMENT {
        let base = i * sentence;
        let mut claim =
            Claim::new(file.take_claim_id(), ["assertion", "denial", "commitment"][i % 3], at(base + 43, 28));
        claim.source = Some("jacob-lew".into());
        claim.source_mention = Some(at(base + 19, 3));
        claim.cue = Some(at(base + 23, 4));
        claim.note = format!("claim {i}");
        file.claims.push(claim);
    }
    (text, file)
}

fn write_corpus(root: &Path) {
    for d in 0..DOCUMENTS {
        let stem = format!("{d:05}");
        let (text, file) = document(&stem);
        std::fs::write(root.join(format!("{stem}.txt")), text).unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(root.join(format!("{stem}.alice.ron")), to_ron(&file)).unwrap_or_else(|e| panic!("{e}"));
    }
}

fn bench(c: &mut Criterion) {
    let corpus = tempfile::tempdir().unwrap_or_else(|e| panic!("cannot create a temp folder: {e}"));
    write_corpus(corpus.path());
    let dataset = load_dataset(corpus.path(), &[]).unwrap_or_else(|e| panic!("cannot load the corpus: {e}"));
    assert!(dataset.errors.is_empty(), "{:?}", dataset.errors.first());
    let claims: usize = dataset.documents.iter().flat_map(|d| d.files.values()).map(|f| f.claims.len()).sum();
    assert_eq!(claims, DOCUMENTS * CLAIMS_PER_DOCUMENT);
    let out = tempfile::tempdir().unwrap_or_else(|e| panic!("cannot create a temp folder: {e}"));
    let mut group = c.benchmark_group("export_200k_claims_10k_documents");
    group.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(15));
    for (name, format, file) in
        [("csv", Format::Csv, "claims.csv"), ("jsonl", Format::Jsonl, "claims.jsonl"), ("brat", Format::Brat, "brat")]
    {
        let options =
            ExportOptions { format, annotators: vec![], only_done: false, out: out.path().join(file), force: true };
        group.bench_function(name, |b| {
            b.iter(|| {
                let summary = export(&dataset, &options, &mut |_, _| {}).unwrap_or_else(|e| panic!("{e}"));
                assert_eq!(summary.claims, claims);
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
