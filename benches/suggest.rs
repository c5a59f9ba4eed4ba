//! Suggestion speed (issue 11): the suggester on one 200,000-character document
//! (target: under 50 ms), and `claimcoder suggest` over a corpus of 10,000 documents,
//! every file written atomically (target: under 10 s). The texts are made here from
//! hand-written sentences in every reporting pattern the suggester reads, with
//! names and numbers varied so that no two paragraphs are alike.

use std::time::Duration;

use claimcoder::model::{Actor, Project};
use claimcoder::suggest::{SuggestOptions, Suggester, suggest_corpus};
use claimcoder::text::TextIndex;
use criterion::{Criterion, criterion_group, criterion_main};

const NAMES: &[&str] = &["Lew", "Mr. Nevins", "the ministry", "U.S. officials", "Ms. Okafor", "Senator Ruiz"];

/// Paragraph `i` of a made-up news story: a quote, indirect speech, a denial, a
/// commitment, an "according to" and plain narration.
fn paragraph(i: usize) -> String {
    let who = NAMES[i % NAMES.len()];
    let n = i * 7 % 97;
    match i % 6 {
        0 => format!(
            "\u{201c}This is a very serious threat to our {n} economic interests,\u{201d} {who} told reporters on Monday."
        ),
        1 => format!(
            "{who} said that the talks on the {n} tariffs would resume next week, despite the objections of the partners."
        ),
        2 => format!(
            "China's foreign ministry denied that it had engaged in {n} acts of cyber-espionage against American companies."
        ),
        3 => format!(
            "According to {who}, the negotiators met {n} times in Geneva before the summer break; nobody expects a deal."
        ),
        4 => format!(
            "{who} vowed to cut the deficit by {n} percent, and added: \"We will not raise taxes on working families.\""
        ),
        _ => format!("The delegation arrived in a motorcade of {n} cars and left for the hotel without comment."),
    }
}

fn document(chars: usize, seed: usize) -> String {
    let mut text = String::new();
    let mut i = seed;
    while text.chars().count() < chars {
        text.push_str(&paragraph(i));
        text.push_str("\n\n");
        i += 1;
    }
    text
}

fn project() -> Project {
    let mut p = Project::builtin();
    p.actors.actors.push(Actor { aliases: vec!["Lew".into()], ..Actor::named("Jacob J. Lew") });
    p.actors.actors.push(Actor::named("U.S. officials"));
    p
}

fn one_long_document(c: &mut Criterion) {
    let text = document(200_000, 0);
    let suggester = Suggester::new(&project());
    let mut group = c.benchmark_group("suggest");
    group.sample_size(20);
    group.bench_function("document_200k_chars", |b| {
        b.iter(|| {
            // A fresh index each time: the text's analyses are part of the cost.
            let index = TextIndex::new(text.clone());
            let found = suggester.suggest(&index);
            assert!(found.len() > 1000, "{}", found.len());
        })
    });
    group.finish();
}

fn corpus_of_10k_documents(c: &mut Criterion) {
    let corpus = tempfile::tempdir().unwrap();
    for d in 0..10_000 {
        std::fs::write(corpus.path().join(format!("{d:05}.txt")), document(2_500, d)).unwrap();
    }
    let opts = SuggestOptions { corpus: corpus.path().to_path_buf(), documents: Vec::new(), force: true };
    let mut group = c.benchmark_group("suggest");
    group.sample_size(10).measurement_time(Duration::from_secs(60));
    group.bench_function("cli_corpus_10k_documents", |b| {
        b.iter(|| {
            let summary = suggest_corpus(&opts).unwrap();
            assert_eq!(summary.written, 10_000);
        })
    });
    group.finish();
}

criterion_group!(benches, one_long_document, corpus_of_10k_documents);
criterion_main!(benches);
