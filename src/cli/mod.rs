//! The command line (FORMAT.md section 4): one binary, the app by default, and
//! subcommands for checking, exporting, importing and measuring a corpus. Exit
//! status: 0 success, 1 a problem with the user's data, 2 a usage error.

pub mod agreement;
pub mod check;
pub mod export;
pub mod import;
pub mod import_corpus;
pub mod stats;
pub mod suggest;

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
    /// Write the built-in suggester's claims as <stem>.suggested.ron for every document (or those named).
    Suggest(suggest::SuggestArgs),
}

/// Parses the process's arguments; on `--help`, `--version` or a usage error the
/// text is printed and the exit status returned. A mistyped command and the app's
/// arguments (corpus folder, annotator name) are checked here too, so a usage error
/// never opens a window. `main.rs` then opens the app (no subcommand) or [`run`]s the
/// subcommand, so the command line never depends on the app.
pub fn parse() -> Result<Cli, i32> {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    if let Some(message) = unknown_command(&args) {
        eprintln!("error: {message}");
        return Err(EXIT_USAGE);
    }
    let cli = Cli::try_parse_from(&args).map_err(|e| {
        let code = if e.use_stderr() { EXIT_USAGE } else { EXIT_OK };
        let _ = e.print();
        code
    })?;
    if cli.command.is_none()
        && let Err(message) = app_arguments(cli.corpus.as_deref(), cli.annotator.as_deref())
    {
        eprintln!("error: {message}");
        return Err(EXIT_USAGE);
    }
    Ok(cli)
}

/// Runs a subcommand; returns the process exit status.
pub fn run(command: Command) -> i32 {
    end_quietly_on_closed_pipe();
    match command {
        Command::Check(args) => check::run(&args),
        Command::Export(args) => export::run(&args),
        Command::Agreement(args) => agreement::run(&args),
        Command::ImportBrat(args) => import::run(&args),
        Command::ImportCorpus(args) => import_corpus::run(&args),
        Command::Stats(args) => stats::run(&args),
        Command::Suggest(args) => suggest::run(&args),
    }
}

/// A first argument that is neither a command nor an existing path but looks like a
/// mistyped command (`chekc`), or is followed by more arguments the app does not
/// take: clap would read it as the app's CORPUS and give a confusing message.
fn unknown_command(args: &[std::ffi::OsString]) -> Option<String> {
    let first = args.get(1)?.to_str()?;
    if first.starts_with('-') || std::path::Path::new(first).exists() {
        return None;
    }
    let command = <Cli as clap::CommandFactory>::command();
    let names: Vec<&str> = command.get_subcommands().map(|c| c.get_name()).chain(["help"]).collect();
    if names.contains(&first) {
        return None;
    }
    let meant = names
        .iter()
        .map(|n| (strsim::jaro_winkler(first, n), *n))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, n)| n);
    let more = args.iter().skip(2).any(|a| !a.to_string_lossy().starts_with('-'));
    match meant {
        Some(meant) => Some(format!("unknown command `{first}`; did you mean `{meant}`?")),
        None if more => Some(format!("unknown command `{first}` (commands: {})", names.join(", "))),
        None => None,
    }
}

/// Checks the app's arguments before a window opens: the corpus must be an
/// existing folder and the annotator a valid name that is not reserved.
fn app_arguments(corpus: Option<&std::path::Path>, annotator: Option<&str>) -> Result<(), String> {
    if let Some(corpus) = corpus {
        match std::fs::metadata(corpus) {
            Err(_) => return Err(format!("corpus folder {} does not exist", corpus.display())),
            Ok(m) if !m.is_dir() => {
                return Err(format!("{} is not a folder; give the corpus folder", corpus.display()));
            }
            Ok(_) => {}
        }
    }
    if let Some(name) = annotator {
        crate::model::Annotator::parse(name).map_err(|e| format!("--annotator {name:?}: {e}"))?;
    }
    Ok(())
}

/// A command whose output goes to a pipe closed early (`claimcoder check C | head
/// -1`) ends there, quietly, as Unix tools do, instead of panicking on the failed
/// write. Only the subcommands: the app must never die of a closed terminal while
/// it holds unsaved work.
fn end_quietly_on_closed_pipe() {
    #[cfg(unix)]
    // SAFETY: restoring the default action of SIGPIPE before any thread starts;
    // `signal` with SIG_DFL has no other effect.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
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
