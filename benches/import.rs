//! Import speed on real sizes: `import-corpus` of 10,000 articles in about 50 MB of
//! CSV (target: under 3 s), and `import-brat` of the attribution training corpus
//! (840 articles, six annotators, 919 `.ann` files, about 22,500 events), when this
//! checkout has it beside the crate (`../shared/eval/attribution-train`).

use std::path::{Path, PathBuf};
use std::time::Duration;

use claimcoder::export::import_corpus::{CorpusImportOptions, import_corpus};
use claimcoder::export::{BratImportOptions, ImportAnnotators, import_brat_with};
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};

/// 10,000 articles of about 5,000 bytes each, as a news export holds them: quoted
/// multi-line text with commas, quotes and non-ASCII names, and five metadata fields.
fn articles_csv() -> String {
    let paragraph = "WASHINGTON -- “This is a very serious threat to our economic interests,” Treasury \
                     Secretary Jacob J. Lew told reporters in Beijing (北京), adding that \"we will raise it\" \
                     with Premier Li Keqiang; officials said the talks, the first since March, went on. ";
    let mut csv = String::from("id,title,date,outlet,author,url,text\n");
    for i in 0..10_000 {
        let mut text = String::new();
        let mut p = 0;
        while text.len() < 4_800 {
            text.push_str(&format!("[{i}.{p}] {paragraph}\n\n"));
            p += 1;
        }
        csv.push_str(&format!(
            "lat-{i:05},\"Lew to press China, article {i}\",2013-03-{:02},Los Angeles Times,Jim Puzzanghera,https://example.com/{i},\"{}\"\n",
            1 + i % 28,
            text.replace('"', "\"\"")
        ));
    }
    csv
}

fn import_corpus_10k(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("articles.csv");
    let csv = articles_csv();
    eprintln!("import-corpus source: {:.1} MB", csv.len() as f64 / 1e6);
    std::fs::write(&source, csv).unwrap();
    let mut group = c.benchmark_group("import");
    group.sample_size(10).measurement_time(Duration::from_secs(40));
    // Every import goes to a new folder, as a user's does, and the folders are kept
    // until the end: ext4 skips inodes freed in the last minute when it makes a
    // file, so deleting the last iteration's 10,000 files would make this one
    // measure the deletion too (perf: most of the time in `recently_deleted`).
    let kept = std::cell::RefCell::new(Vec::new());
    group.bench_function("import_corpus_10k_articles_50mb_csv", |b| {
        b.iter_batched(
            || tempfile::tempdir_in(dir.path()).unwrap(),
            |out| {
                let opts = CorpusImportOptions {
                    source: source.clone(),
                    corpus: out.path().join("corpus"),
                    format: None,
                    id_field: None,
                    text_field: None,
                    encoding: None,
                    force: false,
                };
                let summary = import_corpus(&opts, &mut |_, _| {}).unwrap();
                assert_eq!(summary.added, 10_000);
                kept.borrow_mut().push(out);
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

/// The attribution corpus, when present.
fn attribution_corpus() -> Option<PathBuf> {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    here.ancestors().skip(1).map(|a| a.join("shared/eval/attribution-train")).find(|p| p.is_dir())
}

fn import_brat_attribution(c: &mut Criterion) {
    let Some(src) = attribution_corpus() else {
        eprintln!("note: ../shared/eval/attribution-train is absent; the import-brat benchmark is skipped");
        return;
    };
    let corpus = tempfile::tempdir().unwrap();
    for e in std::fs::read_dir(src.join("text")).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, corpus.path().join(p.file_name().unwrap())).unwrap();
    }
    let opts = BratImportOptions {
        brat_dir: src.join("attributions"),
        corpus: corpus.path().to_path_buf(),
        annotators: ImportAnnotators::FromSuffix,
        default_kind: None,
        force: true,
    };
    let mut group = c.benchmark_group("import");
    group.sample_size(10).measurement_time(Duration::from_secs(20));
    group.bench_function("import_brat_attribution_train", |b| {
        b.iter(|| {
            let summary = import_brat_with(&opts).unwrap();
            assert_eq!(summary.written.len(), 919);
        })
    });
    group.finish();
}

criterion_group!(benches, import_corpus_10k, import_brat_attribution);
criterion_main!(benches);
