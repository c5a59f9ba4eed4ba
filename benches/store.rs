//! Storage-core speed on realistic sizes: an atomic save of a 2,000-claim file on a
//! ~200,000-character article (target: under 10 ms median), loading it back, and
//! scanning a corpus of 10,000 small documents (target: well under 0.5 s).

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use claimcoder::model::{ActorRegistry, Annotator, Claim, Corpus, Document, DocumentEntry, Span};
use claimcoder::store::{load_annotations, save_annotations, to_ron, write_atomic};
use criterion::{Criterion, criterion_group, criterion_main};

/// About 200,000 characters of news prose with curly quotes and non-ASCII names.
fn article() -> String {
    let sentence = "“This is a very serious threat to our economic interests,” Treasury Secretary \
                    Jacob J. Lew told reporters in Beijing (北京) on Tuesday, citing officials. ";
    let mut text = String::new();
    let mut n = 0;
    while text.chars().count() < 200_000 {
        text.push_str(&format!("[{n}] {sentence}"));
        if n % 5 == 4 {
            text.push_str("\r\n\r\n");
        }
        n += 1;
    }
    text
}

/// A corpus folder with the article and alice's 2,000 claims on it, saved once.
fn coded_article(dir: &Path) -> (DocumentEntry, Document, Annotator) {
    std::fs::write(dir.join("article.txt"), article()).unwrap();
    let corpus = Corpus::scan(dir).unwrap();
    let entry = corpus.documents[0].clone();
    let doc = Document::load(&entry.id, &entry.path).unwrap();
    let alice = Annotator::parse("alice").unwrap();
    let mut loaded = load_annotations(&entry, &alice, &doc);
    let starts = doc.text.find_all("“This is a very serious threat");
    let cues = doc.text.find_all("told");
    for i in 0..2000 {
        let start = starts[i % starts.len()];
        let id = loaded.file.take_claim_id();
        let mut claim = Claim::new(id, "assertion", Span::from_text(&doc.text, start, start + 58).unwrap());
        claim.source = Some("jacob-lew".into());
        claim.cue = Span::from_text(&doc.text, cues[i % cues.len()], cues[i % cues.len()] + 4);
        claim.note = format!("claim {i}: checked against the wire copy");
        loaded.file.claims.push(claim);
    }
    save_annotations(&mut loaded, &doc, &ActorRegistry::default()).unwrap();
    (entry, doc, alice)
}

fn save_and_load(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let (entry, doc, alice) = coded_article(dir.path());
    let registry = ActorRegistry::default();
    let mut group = c.benchmark_group("annotations_2000_claims_200k_chars");
    group.sample_size(50).measurement_time(Duration::from_secs(8));
    let mut loaded = load_annotations(&entry, &alice, &doc);
    assert_eq!(loaded.file.claims.len(), 2000);
    group.bench_function("save_atomic", |b| {
        b.iter(|| {
            loaded.file.claims[0].note.push('.');
            save_annotations(&mut loaded, &doc, &registry).unwrap();
        })
    });
    // The parts of a save, to tell serialising from the flush to disk.
    let ron = to_ron(&loaded.file);
    group.bench_function("to_ron_only", |b| b.iter(|| black_box(to_ron(&loaded.file).len())));
    let scratch = dir.path().join("scratch.ron");
    group.bench_function("write_atomic_only", |b| b.iter(|| write_atomic(&scratch, ron.as_bytes()).unwrap()));
    group.bench_function("load_parse_reanchor", |b| {
        b.iter(|| {
            let loaded = load_annotations(&entry, &alice, &doc);
            assert!(loaded.is_editable());
            black_box(loaded.file.claims.len())
        })
    });
    group.finish();
}

fn scan(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..10_000 {
        let folder = dir.path().join(format!("{:02}", i % 50));
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(folder.join(format!("{i:05}_story.txt")), "“Short,” she said.\n").unwrap();
        if i % 4 == 0 {
            std::fs::write(folder.join(format!("{i:05}_story.alice.ron")), "()").unwrap();
        }
    }
    let mut group = c.benchmark_group("corpus");
    group.sample_size(10).measurement_time(Duration::from_secs(10));
    group.bench_function("scan_10000_documents", |b| {
        b.iter(|| {
            let corpus = Corpus::scan(dir.path()).unwrap();
            assert_eq!(corpus.documents.len(), 10_000);
            black_box(corpus)
        })
    });
    group.finish();
}

criterion_group!(benches, save_and_load, scan);
criterion_main!(benches);
