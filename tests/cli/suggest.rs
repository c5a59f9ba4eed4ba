//! `claimcoder suggest CORPUS [--document ID ...] [--force]` run as the real binary
//! (FORMAT.md section 4): one `<stem>.suggested.ron` per document, strict and
//! checkable, measured with `agreement`; existing suggested files kept without
//! `--force`; an unreadable one never replaced; human files never touched; every
//! bad input one sentence naming the file.

use std::path::Path;
use std::process::Output;

use crate::process::{run, seeds, stderr};

use claimcoder::store::parse_annotation_strict;

fn suggest(corpus: &Path, more: &[&str]) -> Output {
    let mut args: Vec<&std::ffi::OsStr> = vec!["suggest".as_ref(), corpus.as_os_str()];
    args.extend(more.iter().map(std::ffi::OsStr::new));
    run(&args)
}

fn files_ending(dir: &Path, suffix: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(suffix))
        .collect();
    names.sort();
    names
}

#[test]
fn writes_one_strict_suggested_file_per_document_and_touches_nothing_else() {
    let dir = seeds();
    let humans: Vec<(String, Vec<u8>)> = files_ending(dir.path(), "analyst-a.ron")
        .into_iter()
        .map(|n| (n.clone(), std::fs::read(dir.path().join(&n)).unwrap()))
        .collect();
    let out = suggest(dir.path(), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("in 5 documents"), "{}", stderr(&out));
    let written = files_ending(dir.path(), ".suggested.ron");
    assert_eq!(written.len(), 5, "{written:?}");
    let mut claims = 0;
    for name in &written {
        let text = std::fs::read_to_string(dir.path().join(name)).unwrap();
        let file = parse_annotation_strict(name, &text).unwrap();
        assert_eq!(file.annotator, "suggested");
        let doc = std::fs::read_to_string(dir.path().join(name.replace(".suggested.ron", ".txt"))).unwrap();
        let chars: Vec<char> = doc.chars().collect();
        for c in &file.claims {
            assert_eq!(c.content.quote, chars[c.content.start..c.content.end].iter().collect::<String>());
            assert!(c.note.contains("confidence"), "{}", c.note);
        }
        claims += file.claims.len();
    }
    assert!(claims >= 20, "{claims} suggested claims on the seeds");
    for (name, bytes) in &humans {
        assert_eq!(&std::fs::read(dir.path().join(name)).unwrap(), bytes, "{name} untouched");
    }
    let check = run(&["check".as_ref(), dir.path().as_os_str()]);
    assert_eq!(check.status.code(), Some(0), "{}", String::from_utf8_lossy(&check.stdout));
    let agreement = run(&[
        "agreement".as_ref(),
        dir.path().as_os_str(),
        "--annotator".as_ref(),
        "analyst-a".as_ref(),
        "--annotator".as_ref(),
        "suggested".as_ref(),
        "--json".as_ref(),
    ]);
    assert_eq!(agreement.status.code(), Some(0), "{}", stderr(&agreement));
    let json: serde_json::Value = serde_json::from_slice(&agreement.stdout).unwrap();
    assert_eq!(json["claims"]["suggested"].as_u64(), Some(claims as u64));
    assert!(json["pairs"][0]["matched_overlap"].as_u64().unwrap() > 10, "{json}");
}

#[test]
fn existing_suggested_files_are_kept_without_force_and_replaced_with_it() {
    let dir = seeds();
    assert_eq!(suggest(dir.path(), &[]).status.code(), Some(0));
    let first = dir.path().join("000_f61589d60f9b959b.suggested.ron");
    std::fs::write(&first, std::fs::read_to_string(&first).unwrap().replace("confidence", "CONFIDENCE")).unwrap();
    let before = std::fs::read(&first).unwrap();
    let out = suggest(dir.path(), &[]);
    assert_eq!(out.status.code(), Some(1));
    let message = stderr(&out);
    assert!(message.contains("5 suggested file(s) exist") && message.contains("--force"), "{message}");
    assert!(message.contains("000_f61589d60f9b959b.suggested.ron"), "{message}");
    assert_eq!(std::fs::read(&first).unwrap(), before, "kept");
    let out = suggest(dir.path(), &["--force"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!std::fs::read_to_string(&first).unwrap().contains("CONFIDENCE"), "replaced");
}

#[test]
fn an_unreadable_suggested_file_is_never_replaced_even_with_force() {
    let dir = seeds();
    let broken = dir.path().join("001_ac006dcb873ec60d.suggested.ron");
    std::fs::write(&broken, "(format: 1, claimz: [").unwrap();
    let out = suggest(dir.path(), &["--force"]);
    assert_eq!(out.status.code(), Some(1));
    let message = stderr(&out);
    assert!(message.contains("001_ac006dcb873ec60d.suggested.ron:1:"), "{message}");
    assert!(message.contains("not replacing it"), "{message}");
    assert_eq!(std::fs::read_to_string(&broken).unwrap(), "(format: 1, claimz: [");
    assert!(files_ending(dir.path(), ".suggested.ron").len() == 1, "nothing else written either");
    let newer = std::fs::read_to_string(dir.path().join("000_f61589d60f9b959b.analyst-a.ron"))
        .unwrap()
        .replacen("format: 1", "format: 9", 1)
        .replace("analyst-a", "suggested");
    std::fs::write(&broken, &newer).unwrap();
    let out = suggest(dir.path(), &["--force"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("newer"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&broken).unwrap(), newer);
}

#[test]
fn named_documents_only_and_a_mistyped_one_is_a_usage_error() {
    let dir = seeds();
    let out = suggest(dir.path(), &["--document", "002_1d370110a937c195.txt"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(files_ending(dir.path(), ".suggested.ron"), ["002_1d370110a937c195.suggested.ron"]);
    let out = suggest(dir.path(), &["--document", "002_1d370110a937c195.tx"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("did you mean 002_1d370110a937c195.txt?"), "{}", stderr(&out));
}

#[test]
fn bad_corpora_are_reported_in_one_sentence_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.txt"), "\"We will win,\" Lew said.").unwrap();
    std::fs::write(dir.path().join("latin1.txt"), b"Caf\xe9 owners said it was fine.").unwrap();
    let out = suggest(dir.path(), &[]);
    assert_eq!(out.status.code(), Some(1), "an unreadable text is a data problem");
    let message = stderr(&out);
    assert!(message.contains("latin1.txt") && message.contains("UTF-8"), "{message}");
    assert_eq!(files_ending(dir.path(), ".suggested.ron"), ["good.suggested.ron"], "the rest still works");
    let good = std::fs::read_to_string(dir.path().join("good.suggested.ron")).unwrap();
    assert!(good.contains("kind: \"commitment\""), "{good}");

    std::fs::write(
        dir.path().join("claimcoder.ron"),
        "(format: 1, kinds: [], cues: [(kind: \"denial\", form: [\"x\"])])",
    )
    .unwrap();
    let out = suggest(dir.path(), &["--force"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("claimcoder.ron:1:"), "{}", stderr(&out));

    let missing = dir.path().join("nowhere");
    let out = suggest(&missing, &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("nowhere"), "{}", stderr(&out));
    assert!(!stderr(&out).contains("panicked"));
}

#[test]
fn the_corpus_cues_in_claimcoder_ron_teach_the_suggester() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "The ministry skewered the report as baseless.").unwrap();
    let project = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/claimcoder.ron")).unwrap();
    let at = project.rfind(')').unwrap();
    let with_cues = format!("{}    cues: [(kind: \"denial\", forms: [\"skewered\"])],\n)\n", &project[..at]);
    std::fs::write(dir.path().join("claimcoder.ron"), with_cues).unwrap();
    let out = suggest(dir.path(), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = std::fs::read_to_string(dir.path().join("a.suggested.ron")).unwrap();
    let file = parse_annotation_strict("a.suggested.ron", &text).unwrap();
    assert_eq!(file.claims.len(), 1, "{text}");
    assert_eq!(file.claims[0].kind, "denial");
    assert_eq!(file.claims[0].cue.as_ref().map(|c| c.quote.as_str()), Some("skewered"));
    let check = run(&["check".as_ref(), dir.path().as_os_str()]);
    assert_eq!(check.status.code(), Some(0), "{}", String::from_utf8_lossy(&check.stdout));
}
