//! `claimcoder agreement CORPUS [--annotator NAME ...] [--json]` (FORMAT.md
//! sections 4 and 5). Without `--annotator` every annotator with a file in the
//! corpus is compared except `gold`, which is the adjudicated result rather than
//! an independent coding, and `suggested`, a program's proposals; name either with
//! `--annotator` to compare against it.
//! Any file that cannot be read stops the command: agreement on part of the data
//! would look like agreement on all of it.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::PathBuf;

use super::EXIT_DATA;
use crate::agreement::pairs::NONE;
use crate::agreement::{AgreementReport, Confusion, Figure, PairAgreement, agreement};
use crate::model::Annotator;
use crate::store::Dataset;

/// Arguments of `agreement`.
#[derive(Debug, clap::Args)]
pub struct AgreementArgs {
    /// The corpus folder.
    pub corpus: PathBuf,
    /// Annotators to compare (default: every annotator but gold and suggested).
    #[arg(long = "annotator")]
    pub annotators: Vec<String>,
    /// Print one JSON object instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// Runs the command: prints the report on stdout, problems on stderr.
pub fn run(args: &AgreementArgs) -> i32 {
    let (chosen, dataset) = match super::load_for_command(&args.corpus, &args.annotators, |a| !a.is_reserved()) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    for w in &dataset.warnings {
        eprintln!("warning: {w}");
    }
    if !dataset.errors.is_empty() {
        for e in &dataset.errors {
            eprintln!("error: {e}");
        }
        eprintln!("error: agreement not computed: {} file(s) in the corpus could not be read", dataset.errors.len());
        return EXIT_DATA;
    }
    let annotators = match compared(&dataset, &chosen) {
        Ok(a) => a,
        Err(message) => {
            eprintln!("error: {message}");
            return EXIT_DATA;
        }
    };
    warn_orphans(&dataset, &annotators);
    let report = agreement(&dataset.documents, &annotators);
    super::print_report(&report, args.json, || table(&report))
}

/// The annotators to compare, or why there are not two of them.
fn compared(dataset: &Dataset, chosen: &[Annotator]) -> Result<Vec<Annotator>, String> {
    let present: BTreeSet<Annotator> = dataset.annotators().into_iter().collect();
    let root = dataset.corpus.root.display();
    if let Some(absent) = chosen.iter().find(|a| !present.contains(*a)) {
        return Err(format!("annotator {absent} has no annotation files in {root}"));
    }
    let mut annotators: Vec<Annotator> =
        if chosen.is_empty() { present.into_iter().filter(|a| !a.is_reserved()).collect() } else { chosen.to_vec() };
    annotators.sort();
    annotators.dedup();
    if annotators.len() < 2 {
        let found = annotators.iter().map(Annotator::as_str).collect::<Vec<_>>().join(", ");
        return Err(format!(
            "agreement needs at least two annotators; {root} has {} to compare ({})",
            annotators.len(),
            if found.is_empty() { "none" } else { &found }
        ));
    }
    Ok(annotators)
}

/// Warns when claims could not be re-anchored after a text change: they are
/// compared at their saved offsets, which may no longer be where the quote is.
fn warn_orphans(dataset: &Dataset, annotators: &[Annotator]) {
    for doc in &dataset.documents {
        for (annotator, report) in doc.reports.iter().filter(|(a, _)| annotators.contains(a)) {
            if !report.orphaned.is_empty() {
                eprintln!(
                    "warning: {}: {} span(s) by {annotator} no longer match the text; compared at their saved offsets",
                    doc.entry.id,
                    report.orphaned.len()
                );
            }
        }
    }
}

/// The readable report: overview, one row per pair, then each pair's kind confusion grid.
fn table(report: &AgreementReport) -> String {
    let mut out = String::new();
    let names: Vec<&str> = report.annotators.iter().map(Annotator::as_str).collect();
    let _ = writeln!(out, "Annotators:         {}", names.join(", "));
    let _ = writeln!(out, "Documents compared: {}", report.documents);
    let claims: Vec<String> = report.claims.iter().map(|(a, n)| format!("{a} {n}")).collect();
    let _ = writeln!(out, "Claims:             {}", claims.join(", "));
    let _ = writeln!(out, "Kind alpha:         {}", figure_long(&report.kind_alpha));
    let _ = writeln!(out, "Source alpha:       {}", figure_long(&report.source_alpha));
    let _ = writeln!(out);
    let width = report.pairs.iter().map(|p| p.a.as_str().len() + p.b.as_str().len() + 3).max().unwrap_or(4).max(4);
    let _ = writeln!(
        out,
        "{:<width$}  {:>5}  {:>5}  {:>7}  {:>8}  {:>10}  {:>10}",
        "pair", "docs", "exact", "overlap", "F1 exact", "F1 overlap", "kind kappa"
    );
    for p in &report.pairs {
        let _ = writeln!(
            out,
            "{:<width$}  {:>5}  {:>5}  {:>7}  {:>8}  {:>10}  {:>10}",
            format!("{} / {}", p.a, p.b),
            p.documents,
            p.matched_exact,
            p.matched_overlap,
            figure(&p.span_f1_exact),
            figure(&p.span_f1_overlap),
            figure(&p.kind_kappa)
        );
    }
    for p in &report.pairs {
        let _ = writeln!(out);
        out.push_str(&confusion_grid(p));
    }
    out
}

/// One pair's kind confusion as a grid, A's kinds as rows, "none" last.
fn confusion_grid(pair: &PairAgreement) -> String {
    let mut out = format!("Kinds: {} (rows) by {} (columns), overlap-matched; none = not matched\n", pair.a, pair.b);
    let rows = with_none_last(pair.confusion.keys());
    let columns = with_none_last(pair.confusion.values().flat_map(|r| r.keys()));
    let width = rows.iter().chain(&columns).map(|k| k.len()).max().unwrap_or(4).max(5);
    let _ = write!(out, "{:<width$}", "");
    for c in &columns {
        let _ = write!(out, "  {c:>width$}");
    }
    out.push('\n');
    for r in &rows {
        let _ = write!(out, "{r:<width$}");
        for c in &columns {
            let _ = write!(out, "  {:>width$}", count(&pair.confusion, r, c));
        }
        out.push('\n');
    }
    out
}

/// Distinct kind ids in order, "none" moved to the end where a reader expects it.
fn with_none_last<'a>(keys: impl Iterator<Item = &'a String>) -> Vec<&'a str> {
    let set: BTreeSet<&str> = keys.map(String::as_str).collect();
    let mut keys: Vec<&str> = set.iter().copied().filter(|k| *k != NONE).collect();
    if set.contains(NONE) {
        keys.push(NONE);
    }
    keys
}

/// The count in one cell, zero when the pair never occurred.
fn count(confusion: &Confusion, row: &str, column: &str) -> u64 {
    confusion.get(row).and_then(|r| r.get(column)).copied().unwrap_or(0)
}

/// A figure in a table cell: three decimals, or "n/a".
fn figure(f: &Figure) -> String {
    f.map(|v| format!("{v:.3}")).unwrap_or_else(|_| "n/a".to_owned())
}

/// A figure on its own line, with the reason when it is undefined.
fn figure_long(f: &Figure) -> String {
    match f {
        Ok(v) => format!("{v:.3} (Krippendorff, nominal)"),
        Err(reason) => format!("n/a ({reason})"),
    }
}
