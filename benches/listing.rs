//! A corpus of 10,000 documents with `documents.csv` (headline, date, outlet,
//! author), 1,000 of them coded: how long until the document list shows (target:
//! under 0.5 s), and until the background listing job (`coding/listing.rs`) has
//! filled in every row's claim count and status. Both drive the real `App`
//! headless, as the window does: `App::new` opens the corpus and starts the job,
//! then frames run (`App::logic`, `App::ui`, tessellation).
//!
//! `cargo bench --bench listing` prints criterion's median for each.

use std::path::Path;
use std::time::{Duration, Instant};

use claimcoder::model::{AnnotationFile, Claim, Document, Span};
use claimcoder::store::{to_ron, write_atomic};

use criterion::{Criterion, criterion_group, criterion_main};
#[path = "support/headless.rs"]
mod headless;
use headless::Headless;

const DOCUMENTS: usize = 10_000;
const CODED: usize = 1_000;

/// Writes the corpus: each text about 3,000 characters (seed articles cut), a row of
/// `documents.csv` per document, and a file of 5 claims on every tenth document.
fn write_corpus(dir: &Path) {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut texts: Vec<String> = std::fs::read_dir(&seeds)
        .expect("seeds")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| std::fs::read_to_string(p).expect("seed text").chars().take(3_000).collect())
        .collect();
    texts.sort();
    let mut csv = String::from("document,title,date,outlet,author\n");
    for i in 0..DOCUMENTS {
        let id = format!("doc{i:05}.txt");
        let text = &texts[i % texts.len()];
        std::fs::write(dir.join(&id), text).expect("write text");
        csv.push_str(&format!(
            "{id},\"Lew to press China on cyber attacks, part {i}\",2013-{:02}-{:02},Outlet {},Reporter {}\n",
            1 + i % 12,
            1 + i % 28,
            i % 40,
            i % 300
        ));
        if i % (DOCUMENTS / CODED) == 0 {
            let doc = Document::from_bytes(&id, text.as_bytes()).expect("utf-8");
            let mut file = AnnotationFile::new(&id, "bench", &doc.sha256);
            for c in 0..5 {
                let Some(span) = Span::from_text(&doc.text, c * 400, c * 400 + 80) else { continue };
                let claim_id = file.take_claim_id();
                file.claims.push(Claim::new(claim_id, "assertion", span));
            }
            let path = dir.join(format!("doc{i:05}.bench.ron"));
            write_atomic(&path, to_ron(&file).as_bytes()).expect("write annotations");
        }
    }
    std::fs::write(dir.join("documents.csv"), csv).expect("write documents.csv");
}

/// Opens the corpus and draws the first frame: the list shows, with every headline.
fn list_shown(corpus: &Path) -> (Duration, Headless) {
    let t = Instant::now();
    let mut app = Headless::open(corpus);
    app.frame(Vec::new());
    let shown = t.elapsed();
    let ws = app.app.workspace().expect("the corpus opened");
    assert_eq!(ws.corpus.documents.len(), DOCUMENTS);
    assert_eq!(ws.title(9_999), "Lew to press China on cyber attacks, part 9999", "headlines from documents.csv");
    (shown, app)
}

fn listing_10k(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    write_corpus(dir.path());
    let mut group = c.benchmark_group("listing");
    group.sample_size(10).measurement_time(Duration::from_secs(20));
    group.bench_function("list_shown_10k_documents_with_documents_csv", |b| {
        b.iter_custom(|iters| (0..iters).map(|_| list_shown(dir.path()).0).sum())
    });
    group.bench_function("every_row_filled_10k_documents", |b| {
        b.iter_custom(|iters| {
            (0..iters)
                .map(|_| {
                    let t = Instant::now();
                    let (_, mut app) = list_shown(dir.path());
                    while app.app.is_busy() {
                        std::thread::sleep(Duration::from_millis(5));
                        app.frame(Vec::new());
                    }
                    let ws = app.app.workspace().expect("open");
                    assert_eq!(ws.listing.progress(), (DOCUMENTS, DOCUMENTS), "every row read");
                    assert_eq!(ws.listing.rows[10].as_ref().map(|r| r.claims), Some(5));
                    t.elapsed()
                })
                .sum()
        })
    });
    group.finish();
}

criterion_group!(benches, listing_10k);
criterion_main!(benches);
