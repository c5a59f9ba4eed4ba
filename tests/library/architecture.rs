//! The layering the crate promises (`lib.rs`): the core never names the GUI or the
//! command line, so it stays usable from both and from scripts, and its tests need
//! no window.

use std::path::{Path, PathBuf};

/// The core's modules: a folder or a single file under `src/`. `text` arrives with
/// the document-view issue and is checked once it exists.
const CORE: &[&str] = &["model", "store", "agreement", "export", "text", "coding", "adjudication", "suggest", "job.rs"];

/// What the core must not name.
const FORBIDDEN: &[&str] =
    &["egui", "eframe", "egui_extras", "egui_plot", "rfd", "crate::ui", "crate::cli", "super::ui", "super::cli"];

fn rust_files(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> =
            std::fs::read_dir(path).expect("readable").map(|e| e.expect("entry").path()).collect();
        entries.sort();
        for entry in entries {
            rust_files(&entry, out);
        }
    } else if path.extension().is_some_and(|e| e == "rs") {
        out.push(path.to_path_buf());
    }
}

/// The code of a line without its `//` comment (documentation may name the GUI).
fn code(line: &str) -> &str {
    line.split("//").next().unwrap_or("")
}

/// Whether `needle` occurs in `code` as a whole path segment (so `egui` does not
/// match `eguiish`, and `rfd` does not match `surfdata`).
fn names(code: &str, needle: &str) -> bool {
    let is_ident = |c: char| c.is_ascii_alphanumeric() || c == '_';
    code.match_indices(needle).any(|(i, _)| {
        let before = code[..i].chars().next_back();
        let after = code[i + needle.len()..].chars().next();
        !before.is_some_and(is_ident) && !after.is_some_and(is_ident)
    })
}

#[test]
fn the_core_never_names_the_gui_or_the_command_line() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    for module in CORE {
        rust_files(&src.join(module), &mut files);
    }
    assert!(files.len() > 40, "the core's files are found: {}", files.len());
    let mut offences = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("readable source");
        for (n, line) in text.lines().enumerate() {
            for needle in FORBIDDEN {
                if names(code(line), needle) {
                    offences.push(format!("{}:{}: names `{needle}`", file.display(), n + 1));
                }
            }
        }
    }
    assert!(offences.is_empty(), "the core must stay free of GUI and CLI code:\n{}", offences.join("\n"));
}

#[test]
fn the_check_finds_what_it_looks_for() {
    assert!(names("use egui::Key;", "egui"));
    assert!(names("let x = crate::ui::App::new();", "crate::ui"));
    assert!(!names("let surfdata = 1;", "rfd"));
    assert!(!names("egui_kittest", "egui"));
    assert!(!names(code("let a = 1; // egui would draw it"), "egui"));
}
