//! Every file the app and the command line write follows the user's umask (issue 7,
//! case 7: exports were written 0600, so a colleague or a brat server running as
//! another user could not read them): annotation files, conflict copies, the project
//! file, CSV, JSONL and bio exports, brat folders and their files, imported corpora
//! with their `documents.csv`, texts converted to UTF-8 and their `.orig`. A child process sets
//! the umask (it is process-wide, so the other tests are left alone) and writes one
//! of each; the parent checks the modes.
#![cfg(unix)]

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;

use claimcoder::export::import_corpus::{CorpusImportOptions, import_corpus};
use claimcoder::export::{ExportOptions, Format, export};
use claimcoder::model::{ActorRegistry, Annotator, Claim, Corpus, Document, Span};
use claimcoder::store::conflict::write_conflict_copy;
use claimcoder::store::convert_utf8::convert_to_utf8;
use claimcoder::store::project_io::save_project;
use claimcoder::store::{load_annotations, load_dataset, save_annotations};

const CHILD: &str = "CLAIMCODER_PERMISSIONS_CHILD";
const MASK: &str = "CLAIMCODER_PERMISSIONS_UMASK";

/// The child: under the umask it is given, writes one file of every kind.
#[test]
fn permissions_child() {
    let (Ok(dir), Ok(mask)) = (std::env::var(CHILD), std::env::var(MASK)) else { return };
    let mask = u32::from_str_radix(&mask, 8).unwrap();
    // SAFETY: umask only changes this process's file creation mask.
    unsafe { libc::umask(mask as libc::mode_t) };
    let root = Path::new(&dir);
    std::fs::write(root.join("d.txt"), "Lew told reporters the hacking must stop.").unwrap();
    let corpus = Corpus::scan(root).unwrap();
    let entry = corpus.document("d.txt").unwrap();
    let doc = Document::load(&entry.id, &entry.path).unwrap();
    let mut loaded = load_annotations(entry, &Annotator::parse("alice").unwrap(), &doc);
    loaded.file.claims.push(Claim::new(1, "assertion", Span::from_text(&doc.text, 0, 8).unwrap()));
    save_annotations(&mut loaded, &doc, &ActorRegistry::default()).unwrap();
    write_conflict_copy(&loaded.path, b"copy").unwrap();
    save_project(&root.join("claimcoder.ron"), &claimcoder::model::Project::builtin()).unwrap();
    let out = root.join("out");
    std::fs::create_dir(&out).unwrap();
    let dataset = load_dataset(root, &[]).unwrap();
    for (format, name) in [
        (Format::Csv, "claims.csv"),
        (Format::Jsonl, "claims.jsonl"),
        (Format::Brat, "brat"),
        (Format::Bio, "claims.bio"),
    ] {
        let opts = ExportOptions { format, annotators: vec![], only_done: false, out: out.join(name), force: false };
        export(&dataset, &opts, &mut |_, _| {}).unwrap();
    }
    let articles = root.join("articles.csv");
    std::fs::write(&articles, "id,title,text\nlat-1,Lew in Beijing,Lew said so.\n").unwrap();
    let import = CorpusImportOptions {
        source: articles.clone(),
        corpus: root.join("imported"),
        format: None,
        id_field: None,
        text_field: None,
        encoding: None,
        force: false,
    };
    import_corpus(&import, &mut |_, _| {}).unwrap();
    std::fs::write(root.join("legacy.txt"), b"Caf\xE9").unwrap();
    convert_to_utf8(&root.join("legacy.txt"), encoding_rs::WINDOWS_1252).unwrap();
}

/// Runs the child under `mask` and gives every path it wrote with its mode.
fn written_under(mask: &str) -> (tempfile::TempDir, Vec<(String, bool, u32)>) {
    let dir = tempfile::tempdir().unwrap();
    let status = Command::new(std::env::current_exe().unwrap())
        .args(["store_permissions::permissions_child", "--exact", "--test-threads=1"])
        .env(CHILD, dir.path())
        .env(MASK, mask)
        .stdout(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    let modes = walkdir::WalkDir::new(dir.path())
        .min_depth(1)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| ![dir.path().join("d.txt"), dir.path().join("articles.csv")].contains(&e.path().to_path_buf()))
        .map(|e| {
            let rel = e.path().strip_prefix(dir.path()).unwrap().to_string_lossy().into_owned();
            (rel, e.file_type().is_dir(), e.metadata().unwrap().permissions().mode() & 0o777)
        })
        .collect();
    (dir, modes)
}

#[test]
fn every_written_file_follows_the_umask() {
    if std::env::var(CHILD).is_ok() {
        return;
    }
    for (mask, file_mode, dir_mode) in [("022", 0o644, 0o755), ("027", 0o640, 0o750), ("002", 0o664, 0o775)] {
        let (_dir, modes) = written_under(mask);
        let names: Vec<&str> = modes.iter().map(|(n, ..)| n.as_str()).collect();
        for expected in [
            "d.alice.ron",
            "claimcoder.ron",
            "out/claims.csv",
            "out/claims.jsonl",
            "out/brat",
            "out/brat/tools.conf",
            "out/brat/alice",
            "out/brat/alice/d.ann",
            "out/brat/alice/d.txt",
            "out/claims.bio",
            "imported",
            "imported/lat-1.txt",
            "imported/documents.csv",
            "legacy.txt",
            "legacy.txt.orig",
        ] {
            assert!(names.contains(&expected), "{expected} not written: {names:?}");
        }
        assert!(names.iter().any(|n| n.starts_with("d.alice.ron.conflict-")), "{names:?}");
        for (name, is_dir, mode) in &modes {
            let want = if *is_dir { dir_mode } else { file_mode };
            assert_eq!(*mode, want, "umask {mask}: {name} is {mode:o}, not {want:o}");
        }
    }
}
