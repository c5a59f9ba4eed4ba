//! Agreement on a corpus the size of a large project: 10,000 documents coded by
//! three annotators, ten claims each per document (exactly 300,000 claims), with the
//! differences real coders make (shifted boundaries, other kinds and sources, a
//! claim missed where the coder found another passage instead). Measures the computation on a loaded dataset and what
//! `claimcoder agreement` does end to end (load + compute), without claim fields and
//! with three (an Actor, a Scale and a Category field, as political claims analysis
//! codes them, some values missing or different).

use std::path::Path;
use std::time::Duration;

use claimcoder::agreement::agreement_with_fields;
use claimcoder::model::document::sha256_hex;
use claimcoder::model::{AnnotationFile, Annotator, Choice, Claim, Field, FieldType, Span};
use claimcoder::store::{load_dataset, to_ron};
use criterion::{Criterion, criterion_group, criterion_main};

const DOCUMENTS: usize = 10_000;
const CLAIMS_PER_DOCUMENT: usize = 10;
const ANNOTATORS: [&str; 3] = ["alice", "bob", "carol"];
const KINDS: [&str; 3] = ["assertion", "denial", "commitment"];
const ACTORS: [&str; 5] = ["jacob-lew", "china", "obama", "mandiant", "pentagon"];
const POSITIONS: [&str; 3] = ["-1", "0", "1"];
const ISSUES: [&str; 4] = ["cyber-attacks", "cyber-norms", "economy", "relations"];
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

/// The codebook fields of the benchmark: addressee, position and issue.
fn fields() -> Vec<Field> {
    let field = |id: &str, r#type, values: &[&str]| Field {
        id: id.into(),
        label: id.into(),
        r#type,
        definition: String::new(),
        values: values.iter().map(|v| Choice { value: (*v).into(), label: (*v).into() }).collect(),
    };
    vec![
        field("addressee", FieldType::Actor, &[]),
        field("position", FieldType::Scale, &POSITIONS),
        field("issue", FieldType::Category, &ISSUES),
    ]
}

/// A field value: usually the claim's own (`truth`), sometimes another, sometimes none.
fn value<'a>(rng: &mut Lcg, truth: usize, values: &[&'a str]) -> Option<&'a str> {
    match rng.next(10) {
        0 => None,
        1 => Some(values[rng.next(values.len())]),
        _ => Some(values[truth % values.len()]),
    }
}

/// One annotator's version of the document's claims, always ten: mostly the same,
/// sometimes not (one in ten missed, and another passage coded in its place); with
/// `with_fields`, each claim also has an addressee, a position and an issue.
fn coding(text: &str, rng: &mut Lcg, with_fields: bool) -> Vec<Claim> {
    let mut claims = Vec::new();
    let mut id = 1;
    for i in 0..CLAIMS_PER_DOCUMENT {
        let base = 40 + i * 120;
        if rng.next(10) == 0 {
            claims.push(Claim::new(id, KINDS[0], span(text, base + 95, base + 115)));
            id += 1;
            continue;
        }
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
        if with_fields {
            for (id, v) in [
                ("addressee", value(rng, i + 1, &ACTORS)),
                ("position", value(rng, i, &POSITIONS)),
                ("issue", value(rng, i, &ISSUES)),
            ] {
                if let Some(v) = v {
                    claim.fields.insert(id.to_owned(), v.to_owned());
                }
            }
        }
        claims.push(claim);
        id += 1;
    }
    claims
}

/// Writes the corpus once: texts and every annotator's RON file.
fn write_corpus(root: &Path, with_fields: bool) {
    let mut rng = Lcg(7);
    for d in 0..DOCUMENTS {
        let stem = format!("{d:05}");
        let text = text(&mut rng);
        let sha = sha256_hex(text.as_bytes());
        for annotator in ANNOTATORS {
            let mut file = AnnotationFile::new(&format!("{stem}.txt"), annotator, &sha);
            file.claims = coding(&text, &mut rng, with_fields);
            let ron = to_ron(&file);
            std::fs::write(root.join(format!("{stem}.{annotator}.ron")), ron).unwrap_or_default();
        }
        std::fs::write(root.join(format!("{stem}.txt")), text).unwrap_or_default();
    }
}

fn bench(c: &mut Criterion) {
    let annotators: Vec<Annotator> = ANNOTATORS.iter().filter_map(|a| Annotator::parse(a).ok()).collect();
    let mut group = c.benchmark_group("agreement");
    group.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(10));
    for with_fields in [false, true] {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("cannot create a temp folder: {e}"));
        write_corpus(dir.path(), with_fields);
        let dataset = load_dataset(dir.path(), &annotators).unwrap_or_else(|e| panic!("cannot load the corpus: {e}"));
        assert!(dataset.errors.is_empty(), "{:?}", dataset.errors.first());
        let claims: usize = dataset.documents.iter().flat_map(|d| d.files.values()).map(|f| f.claims.len()).sum();
        let codebook = if with_fields { fields() } else { Vec::new() };
        let suffix = if with_fields { "_3_fields" } else { "" };
        eprintln!("corpus: {} documents, {claims} claims, {} claim fields", dataset.documents.len(), codebook.len());
        assert_eq!(claims, DOCUMENTS * ANNOTATORS.len() * CLAIMS_PER_DOCUMENT, "exactly 300,000 claims");
        if with_fields {
            let report = agreement_with_fields(&dataset.documents, &annotators, &codebook);
            assert_eq!(report.fields.len(), 3, "every field has a figure");
            assert!(report.fields.iter().all(|f| f.alpha.is_ok()), "{:?}", report.fields);
        }
        group.bench_function(format!("compute_10k_docs_3_annotators{suffix}"), |b| {
            b.iter(|| agreement_with_fields(&dataset.documents, &annotators, &codebook));
        });
        group.bench_function(format!("load_and_compute_10k_docs_3_annotators{suffix}"), |b| {
            b.iter(|| {
                let loaded = load_dataset(dir.path(), &annotators).unwrap_or_else(|e| panic!("{e}"));
                agreement_with_fields(&loaded.documents, &annotators, &codebook)
            });
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
