//! Import speed on real sizes: `import-brat` of the attribution training corpus
//! (840 articles, six annotators, 919 `.ann` files, about 22,500 events), when this
//! checkout has it beside the crate (`../shared/eval/attribution-train`).

use std::path::{Path, PathBuf};
use std::time::Duration;

use claimcoder::export::{BratImportOptions, ImportAnnotators, import_brat_with};
use criterion::{Criterion, criterion_group, criterion_main};

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

criterion_group!(benches, import_brat_attribution);
criterion_main!(benches);
