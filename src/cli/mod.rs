//! The command line (FORMAT.md section 4): one binary, the app by default, and
//! subcommands for checking, exporting, importing and measuring a corpus. Exit
//! status: 0 success, 1 a problem with the user's data, 2 a usage error.

pub mod agreement;
pub mod check;
pub mod export;
pub mod import;
pub mod import_corpus;
pub mod stats;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// Exit status for success.
pub const EXIT_OK: i32 = 0;
/// Exit status for a problem with the user's data (FORMAT.md section 4).
pub const EXIT_DATA: i32 = 1;
/// Exit status for a usage error.
pub const EXIT_USAGE: i32 = 2;

/// `claimcoder`: code claims in news corpora.
#[derive(Debug, Parser)]
#[command(name = "claimcoder", version, about, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// Corpus folder to open in the app (default: the last one, else `seeds/`).
    pub corpus: Option<PathBuf>,
    /// Who is coding (lower-case letters, digits, '-' and '_').
    #[arg(long)]
    pub annotator: Option<String>,
    /// A subcommand; none opens the app.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate every file of a corpus; print each problem as path:line:col: message.
    Check(check::CheckArgs),
    /// Write the coded dataset as CSV, JSON lines or brat standoff.
    Export(export::ExportArgs),
    /// Inter-annotator agreement: a table, or JSON with --json.
    Agreement(agreement::AgreementArgs),
    /// Import brat standoff annotations as annotation files.
    #[command(name = "import-brat")]
    ImportBrat(import::ImportArgs),
    /// Make (or add to) a corpus from articles in a CSV, TSV, JSONL or news-please export.
    #[command(name = "import-corpus")]
    ImportCorpus(import_corpus::ImportCorpusArgs),
    /// Corpus statistics: documents, progress, claims by kind, source and group.
    Stats(stats::StatsArgs),
}

/// Parses the arguments and runs the command; returns the process exit status.
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { EXIT_USAGE } else { EXIT_OK };
            let _ = e.print();
            return code;
        }
    };
    match cli.command {
        None => crate::ui::run(cli.corpus, cli.annotator),
        Some(Command::Check(args)) => check::run(&args),
        Some(Command::Export(args)) => export::run(&args),
        Some(Command::Agreement(args)) => agreement::run(&args),
        Some(Command::ImportBrat(args)) => import::run(&args),
        Some(Command::ImportCorpus(args)) => import_corpus::run(&args),
        Some(Command::Stats(args)) => stats::run(&args),
    }
}

/// The `--annotator` names parsed and the corpus loaded with their files (without
/// names, the files of every annotator `by_default` accepts): what every dataset
/// command starts with. On failure the error is printed and the exit status
/// returned (2 for a bad name, 1 for a missing or unreadable corpus).
pub fn load_for_command(
    corpus: &std::path::Path,
    names: &[String],
    by_default: fn(&crate::model::Annotator) -> bool,
) -> Result<(Vec<crate::model::Annotator>, crate::store::Dataset), i32> {
    let annotators = parse_annotators(names).map_err(|e| {
        eprintln!("error: {e}");
        EXIT_USAGE
    })?;
    let keep = |a: &crate::model::Annotator| if annotators.is_empty() { by_default(a) } else { annotators.contains(a) };
    let dataset = crate::store::load_dataset_where(corpus, &keep).map_err(|e| {
        eprintln!("error: {e}");
        EXIT_DATA
    })?;
    Ok((annotators, dataset))
}

/// Prints a report as pretty JSON (`--json`) or as its readable table; the exit
/// status of every reporting command.
pub fn print_report(report: &impl serde::Serialize, json: bool, table: impl FnOnce() -> String) -> i32 {
    if !json {
        print!("{}", table());
        return EXIT_OK;
    }
    match serde_json::to_string_pretty(report) {
        Ok(text) => {
            println!("{text}");
            EXIT_OK
        }
        Err(e) => {
            eprintln!("error: cannot write the report as JSON: {e}");
            EXIT_DATA
        }
    }
}

/// Parses `--annotator` values, reporting the first invalid one as a usage error.
pub fn parse_annotators(names: &[String]) -> Result<Vec<crate::model::Annotator>, String> {
    names.iter().map(|n| crate::model::Annotator::parse_any(n).map_err(|e| format!("--annotator {n:?}: {e}"))).collect()
}
