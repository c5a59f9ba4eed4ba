//! Agreement on a corpus the size of a large project: 10,000 documents coded by
//! three annotators, about ten claims each per document (~300,000 claims), with the
//! differences real coders make (shifted boundaries, other kinds and sources,
//! missed and extra claims). Measures the computation on a loaded dataset and what
//! `claimcoder agreement` does end to end (load + compute).

use std::path::Path;
use std::time::Duration;

use claimcoder::agreement::agreement;
use claimcoder::model::document::sha256_hex;
use claimcoder::model::{AnnotationFile, Annotator, Claim, Span};
use claimcoder::store::{load_dataset, to_ron};
use criterion::{Criterion, criterion_group, criterion_main};

const DOCUMENTS: usize = 10_000;
const CLAIMS_PER_DOCUMENT: usize = 10;
const ANNOTATORS: [&str; 3] = ["alice", "bob", "carol"];
const KINDS: [&str; 3] = ["assertion", "denial", "commitment"];
const ACTORS: [&str; 5] = ["jacob-lew", "china", "obama", "mandiant", "pentagon"];
const WORDS: [&str; 12] =
    ["the", "minister", "said", "hacking", "talks", "would", "continue", "denied", "report", "on", "trade", "week"];

/// A small deterministic generator, so every run measures the same corpus.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % below as u64) as usize
    }
}

fn text(rng: &mut Lcg) -> String {
    let mut text = String::new();
    while text.len() < CLAIMS_PER_DOCUMENT * 120 + 60 {
        text.push_str(WORDS[rng.next(WORDS.len())]);
        text.push(' ');
    }
    text
}

fn span(text: &str, start: usize, end: usize) -> Span {
    Span { start, end, quote: text[start..end].to_owned() }
}

/// One annotator's version of the document's claims: mostly the same, sometimes not.
fn coding(text: &str, rng: &mut Lcg) -> Vec<Claim> {
    let mut claims = Vec::new();
    let mut id = 1;
    for i in 0..CLAIMS_PER_DOCUMENT {
        if rng.next(10) == 0 {
            continue;
        }
        let base = 40 + i * 120;
        let (start, end) =
            if rng.next(3) == 0 { (base + rng.next(8), base + 90 - rng.next(8)) } else { (base, base + 90) };
        let kind = if rng.next(7) == 0 { KINDS[rng.next(3)] } else { KINDS[i % 3] };
        let mut claim = Claim::new(id, kind, span(text, start, end));
        claim.source = match rng.next(8) {
            0 => None,
            1 => Some(ACTORS[rng.next(ACTORS.len())].to_owned()),
            _ => Some(ACTORS[i % ACTORS.len()].to_owned()),
        };
        claim.source_mention = Some(span(text, base - 30, base - 25));
        claim.cue = Some(span(text, base - 20, base - 15));
        claims.push(claim);
        id += 1;
        if rng.next(20) == 0 {
            claims.push(Claim::new(id, KINDS[0], span(text, base + 95, base + 115)));
            id += 1;
        }
    }
    claims
}

/// Writes the corpus once: texts and every annotator's RON file.
fn write_corpus(root: &Path) {
    let mut rng = Lcg(7);
    for d in 0..DOCUMENTS {
        let stem = format!("{d:05}");
        let text = text(&mut rng);
        let sha = sha256_hex(text.as_bytes());
        for annotator in ANNOTATORS {
            let mut file = AnnotationFile::new(&format!("{stem}.txt"), annotator, &sha);
            file.claims = coding(&text, &mut rng);
            let ron = to_ron(&file);
            std::fs::write(root.join(format!("{stem}.{annotator}.ron")), ron).unwrap_or_default();
        }
        std::fs::write(root.join(format!("{stem}.txt")), text).unwrap_or_default();
    }
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("cannot create a temp folder: {e}"));
    write_corpus(dir.path());
    let annotators: Vec<Annotator> = ANNOTATORS.iter().filter_map(|a| Annotator::parse(a).ok()).collect();
    let dataset = load_dataset(dir.path(), &annotators).unwrap_or_else(|e| panic!("cannot load the corpus: {e}"));
    assert!(dataset.errors.is_empty(), "{:?}", dataset.errors.first());
    let claims: usize = dataset.documents.iter().flat_map(|d| d.files.values()).map(|f| f.claims.len()).sum();
    eprintln!("corpus: {} documents, {claims} claims", dataset.documents.len());
    let mut group = c.benchmark_group("agreement");
    group.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(10));
    group.bench_function("compute_10k_docs_3_annotators", |b| {
        b.iter(|| agreement(&dataset.documents, &annotators));
    });
    group.bench_function("load_and_compute_10k_docs_3_annotators", |b| {
        b.iter(|| {
            let loaded = load_dataset(dir.path(), &annotators).unwrap_or_else(|e| panic!("{e}"));
            agreement(&loaded.documents, &annotators)
        });
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
