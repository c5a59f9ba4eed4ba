//! The `claimcoder` binary: the app without a subcommand, else the command line.

use claimcoder::cli::{self, EXIT_DATA, EXIT_OK};

fn main() {
    let cli = match cli::parse() {
        Ok(cli) => cli,
        Err(code) => std::process::exit(code),
    };
    let code = match cli.command {
        None => match claimcoder::ui::run(cli.corpus, cli.annotator) {
            Ok(()) => EXIT_OK,
            Err(e) => {
                eprintln!("error: cannot open the window: {e}. Claimcoder needs a desktop session with OpenGL.");
                EXIT_DATA
            }
        },
        Some(command) => cli::run(command),
    };
    std::process::exit(code);
}
