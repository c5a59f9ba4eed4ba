//! How the word-snapping rule (`claimcoder::text::snap`) would change a corpus's
//! codings, without writing anything: how many spans it moves, a few examples, and
//! exact and overlap span agreement before and after snapping every annotator's
//! content spans.
//!
//! `cargo run --example snap_report [CORPUS]` (default: the shipped `seeds/`).

use std::path::PathBuf;

use claimcoder::agreement::{agreement, match_exact, match_overlap};
use claimcoder::model::{Annotator, Span};
use claimcoder::store::dataset::{Dataset, load_dataset};
use claimcoder::text::{Precision, TextIndex};

/// The span snapped, or unchanged when nothing in it is a word.
fn snapped(text: &TextIndex, span: &Span) -> Span {
    text.snap(span.start, span.end, Precision::Words)
        .and_then(|(s, e)| Span::from_text(text, s, e))
        .unwrap_or_else(|| span.clone())
}

fn figures(dataset: &Dataset, annotators: &[Annotator]) -> String {
    let report = agreement(&dataset.documents, annotators);
    report
        .pairs
        .iter()
        .map(|p| {
            let f = |x: &Result<f64, _>| x.map_or("n/a".to_owned(), |v| format!("{v:.3}"));
            format!(
                "{} × {}: exact {} of {} / {} claims (span F1 {}), overlap {} (span F1 {})",
                p.a,
                p.b,
                p.matched_exact,
                p.claims_a,
                p.claims_b,
                f(&p.span_f1_exact),
                p.matched_overlap,
                f(&p.span_f1_overlap)
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn main() {
    let root = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds"));
    let mut dataset = match load_dataset(&root, &[]) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    for e in &dataset.errors {
        eprintln!("warning: {e}");
    }
    let annotators: Vec<Annotator> =
        dataset.annotators().into_iter().filter(|a| !matches!(a.as_str(), "gold" | "suggested")).collect();
    println!("Before snapping:\n{}", figures(&dataset, &annotators));

    let (mut spans, mut moved) = ([0usize; 3], [0usize; 3]);
    let mut examples = Vec::new();
    for doc in &mut dataset.documents {
        let text = doc.document.text.clone();
        for (annotator, file) in &mut doc.files {
            for claim in &mut file.claims {
                let roles = [Some(&mut claim.content), claim.source_mention.as_mut(), claim.cue.as_mut()];
                for (role, span) in roles.into_iter().enumerate() {
                    let Some(span) = span else { continue };
                    spans[role] += 1;
                    let new = snapped(&text, span);
                    if new != *span {
                        moved[role] += 1;
                        if examples.len() < 12 {
                            let name = ["content", "mention", "cue"][role];
                            examples.push(format!("  {annotator} {name}: {:?} -> {:?}", span.quote, new.quote));
                        }
                        *span = new;
                    }
                }
            }
        }
    }
    println!(
        "\nThe rule moves {} of {} content spans, {} of {} source mentions, {} of {} cues. For example:\n{}",
        moved[0],
        spans[0],
        moved[1],
        spans[1],
        moved[2],
        spans[2],
        examples.join("\n")
    );
    println!("\nAfter snapping every annotator's spans:\n{}", figures(&dataset, &annotators));
    println!("\nClaims matched by overlap whose snapped spans still differ (first 8):");
    let mut shown = 0;
    for doc in &dataset.documents {
        let files: Vec<_> = annotators.iter().filter_map(|a| doc.files.get(a)).collect();
        let [a, b] = files.as_slice() else { continue };
        let exact = match_exact(&a.claims, &b.claims);
        for pair in match_overlap(&a.claims, &b.claims) {
            if exact.iter().any(|p| p.a == pair.a && p.b == pair.b) || shown >= 8 {
                continue;
            }
            shown += 1;
            let (x, y) = (&a.claims[pair.a].content, &b.claims[pair.b].content);
            let text = &doc.document.text;
            let edge = |p: usize, q: usize| text.slice(p.min(q), p.max(q)).to_owned();
            println!(
                "  {}: start {:?} apart, end {:?} apart",
                doc.entry.id,
                edge(x.start, y.start),
                edge(x.end, y.end)
            );
        }
    }
}
