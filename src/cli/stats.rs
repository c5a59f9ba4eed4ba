//! `claimcoder stats CORPUS [--annotator NAME] [--json]`.

use std::path::PathBuf;

use crate::export::stats::{CorpusStats, KindCounts, NO_DATE, NO_OUTLET, corpus_stats};

/// Arguments of `stats`.
#[derive(Debug, clap::Args)]
pub struct StatsArgs {
    /// The corpus folder.
    pub corpus: PathBuf,
    /// Only this annotator's claims (default: every annotator but gold and suggested).
    #[arg(long)]
    pub annotator: Option<String>,
    /// Print JSON instead of tables.
    #[arg(long)]
    pub json: bool,
}

/// Prints the statistics on stdout; broken files are warned about on stderr and
/// left out, since statistics (unlike an export) are a look, not a dataset.
pub fn run(args: &StatsArgs) -> i32 {
    let (_, dataset) = match super::load_for_command(&args.corpus, args.annotator.as_slice(), |a| !a.is_reserved()) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    for e in &dataset.errors {
        eprintln!("warning: {e} (left out of the statistics)");
    }
    for w in &dataset.warnings {
        eprintln!("warning: {w}");
    }
    let stats = corpus_stats(&dataset);
    super::print_report(&stats, args.json, || render(&stats))
}

/// The readable report: a summary line, then one table per breakdown.
pub fn render(s: &CorpusStats) -> String {
    let mut out = format!(
        "documents {}, coded {}, done {}, claims {}, sources per coded document {}\n",
        s.documents,
        s.coded,
        s.done,
        s.claims,
        s.mean_sources_per_document.map(|m| format!("{m:.2}")).unwrap_or_else(|| "-".to_owned())
    );
    let kind_ids: Vec<&str> = s.kinds.iter().map(|k| k.id.as_str()).collect();
    let kind_cells =
        |c: &KindCounts| kind_ids.iter().map(|k| c.get(*k).copied().unwrap_or(0).to_string()).collect::<Vec<_>>();
    let mut with_kinds = |title: &str, first: &[&str], rows: Vec<(Vec<String>, usize, &KindCounts)>| {
        let mut header: Vec<String> = first.iter().map(|h| (*h).to_owned()).collect();
        header.push("claims".to_owned());
        header.extend(s.kinds.iter().map(|k| k.label.clone()));
        let body = rows
            .into_iter()
            .map(|(mut cells, total, counts)| {
                cells.push(total.to_string());
                cells.extend(kind_cells(counts));
                cells
            })
            .collect();
        out.push_str(&format!("\n{title}\n{}", table(&header, body, first.len())));
    };
    with_kinds("Claims by kind", &[], vec![(vec![], s.claims, &s.by_kind)]);
    with_kinds(
        "Claims by source actor",
        &["actor", "group"],
        s.actors.iter().map(|a| (vec![a.name.clone(), a.group.clone()], a.claims, &a.by_kind)).collect(),
    );
    with_kinds(
        "Claims by actor group",
        &["group"],
        s.groups.iter().map(|g| (vec![g.group.clone()], g.claims, &g.by_kind)).collect(),
    );
    with_kinds(
        "Claims per document",
        &["document", "annotators", "done", "sources"],
        s.by_document
            .iter()
            .map(|d| {
                let cells = vec![
                    d.document.clone(),
                    d.annotators.to_string(),
                    if d.done { "yes" } else { "no" }.to_owned(),
                    d.sources.to_string(),
                ];
                (cells, d.claims, &d.by_kind)
            })
            .collect(),
    );
    // Only a corpus with outlets or dates in documents.csv gets these tables; the
    // JSON always has them.
    for (title, first, table, none) in
        [("Claims by outlet", "outlet", &s.by_outlet, NO_OUTLET), ("Claims by month", "month", &s.by_month, NO_DATE)]
    {
        if table.iter().any(|m| m.key != none) {
            with_kinds(
                title,
                &[first, "documents"],
                table.iter().map(|m| (vec![m.key.clone(), m.documents.to_string()], m.claims, &m.by_kind)).collect(),
            );
        }
    }
    with_kinds(
        "Claims per annotator",
        &["annotator", "files", "done", "in progress", "not started"],
        s.by_annotator
            .iter()
            .map(|a| {
                let cells = vec![
                    a.annotator.clone(),
                    a.files.to_string(),
                    a.done.to_string(),
                    a.in_progress.to_string(),
                    a.not_started.to_string(),
                ];
                (cells, a.claims, &a.by_kind)
            })
            .collect(),
    );
    out.push_str(&fields(s));
    out
}

/// One table per claim field (its values and how many claims have each), then per
/// Scale field the mean position of each claimant toward each addressee.
fn fields(s: &CorpusStats) -> String {
    let mut out = String::new();
    for f in &s.fields {
        let kind = f.r#type.unwrap_or("not in the codebook");
        out.push_str(&format!(
            "\nField {} ({kind}): {}/{} claims with a value\n",
            f.label,
            f.with_value,
            f.with_value + f.without_value
        ));
        let header = ["value", "label", "claims"].map(str::to_owned);
        let rows = f.values.iter().map(|v| vec![v.value.clone(), v.label.clone(), v.claims.to_string()]).collect();
        out.push_str(&table(&header, rows, 2));
    }
    for p in &s.positions {
        let scale: Vec<String> = p.scale.iter().map(|(v, l)| format!("{v} {l}")).collect();
        let toward = p.addressee_field.as_deref().unwrap_or("none: the codebook has no Actor field");
        out.push_str(&format!(
            "\nMean {} of each claimant toward each addressee (scale {}; addressee field: {toward})\n",
            p.label,
            scale.join(", ")
        ));
        let header = ["claimant", "addressee", "claims", "mean"].map(str::to_owned);
        let rows = p
            .cells
            .iter()
            .map(|c| {
                vec![
                    p.claimants[c.claimant].name.clone(),
                    p.addressees[c.addressee].name.clone(),
                    c.claims.to_string(),
                    format!("{:+.2}", c.mean),
                ]
            })
            .collect();
        out.push_str(&table(&header, rows, 2));
        if p.off_scale > 0 {
            out.push_str(&format!(
                "  left out: {} with a value not on the scale (see `claimcoder check`)\n",
                p.off_scale
            ));
        }
    }
    out
}

/// Columns padded to their widest cell; the first `text_cols` left-aligned, the
/// numbers after them right-aligned.
fn table(header: &[String], rows: Vec<Vec<String>>, text_cols: usize) -> String {
    let width = |i: usize| {
        rows.iter().map(|r| r.get(i).map_or(0, |c| c.chars().count())).chain([header[i].chars().count()]).max()
    };
    let widths: Vec<usize> = (0..header.len()).map(|i| width(i).unwrap_or(0)).collect();
    let line = |cells: &[String]| {
        let padded: Vec<String> = cells
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let w = widths.get(i).copied().unwrap_or(0);
                if i < text_cols { format!("{c:<w$}") } else { format!("{c:>w$}") }
            })
            .collect();
        format!("  {}\n", padded.join("  ").trim_end())
    };
    let mut out = line(header);
    for r in &rows {
        out.push_str(&line(r));
    }
    out
}
