//! `claimcoder import-brat BRAT_DIR CORPUS --annotator NAME`.

use std::path::PathBuf;

/// Arguments of `import-brat`.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// Folder of brat `.txt` + `.ann` files.
    pub brat_dir: PathBuf,
    /// The corpus folder to write annotation files into.
    pub corpus: PathBuf,
    /// Whose files to write.
    #[arg(long)]
    pub annotator: String,
    /// Overwrite existing annotation files.
    #[arg(long)]
    pub force: bool,
}

/// Runs the command.
pub fn run(_args: &ImportArgs) -> i32 {
    eprintln!("error: import-brat is not built yet");
    super::EXIT_USAGE
}
