//! `claimcoder check CORPUS` run as the real binary (FORMAT.md section 4): every
//! problem on stdout as `path:line:col: message`, exit 1 if any, 0 on a clean corpus,
//! one clear sentence on stderr when the corpus is missing, and never a panic.

use std::path::Path;
use std::process::{Command, Output};

use claimcoder::model::{ActorRegistry, Annotator, Claim, Corpus, Document, Span};
use claimcoder::store::{load_annotations, save_annotations};

const STORY: &str = "“This is a very serious threat,” Lew told reporters.\r\n\
China's government denounced the report.\r\n";

fn check(corpus: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimcoder")).arg("check").arg(corpus).output().expect("binary runs")
}

fn write(dir: &Path, rel: &str, bytes: &[u8]) {
    let path = dir.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

/// Codes `quotes` in document `id` as alice and saves, as the app would.
fn code(dir: &Path, id: &str, quotes: &[&str]) {
    let corpus = Corpus::scan(dir).unwrap();
    let entry = corpus.document(id).unwrap();
    let doc = Document::load(&entry.id, &entry.path).unwrap();
    let mut loaded = load_annotations(entry, &Annotator::parse("alice").unwrap(), &doc);
    for quote in quotes {
        let start = doc.text.find_all(quote)[0];
        let span = Span::from_text(&doc.text, start, start + quote.chars().count()).unwrap();
        let id = loaded.file.take_claim_id();
        loaded.file.claims.push(Claim::new(id, "assertion", span));
    }
    save_annotations(&mut loaded, &doc, &ActorRegistry::default()).unwrap();
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{from:?} not in {}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

/// `(path, line, col, message)` of every stdout line, failing on any other shape.
fn problems(out: &Output) -> Vec<(String, usize, usize, String)> {
    String::from_utf8(out.stdout.clone())
        .expect("stdout is UTF-8")
        .lines()
        .map(|l| {
            let parsed = l.match_indices(": ").find_map(|(i, _)| {
                let mut loc = l[..i].rsplitn(3, ':');
                let col = loc.next()?.parse().ok()?;
                let line = loc.next()?.parse().ok()?;
                Some((loc.next()?.to_owned(), line, col, l[i + 2..].to_owned()))
            });
            parsed.unwrap_or_else(|| panic!("not path:line:col: message: {l}"))
        })
        .collect()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn clean_corpus_exits_zero_with_nothing_on_stdout() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.b.txt", STORY.as_bytes());
    write(dir.path(), "2013/lat-0318.txt", b"\xEF\xBB\xBF\xE2\x80\x9CBOM,\xE2\x80\x9D he said.");
    code(dir.path(), "a.b.txt", &["Lew told", "denounced"]);
    code(dir.path(), "2013/lat-0318.txt", &["he said"]);
    let out = check(dir.path());
    assert_eq!(out.status.code(), Some(0), "stdout: {}", String::from_utf8_lossy(&out.stdout));
    assert!(out.stdout.is_empty());
    assert!(!stderr(&out).contains("panicked"));
}

#[test]
fn empty_corpus_is_clean() {
    let dir = tempfile::tempdir().unwrap();
    let out = check(dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
}

#[test]
fn missing_corpus_is_one_clear_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-corpus");
    let out = check(&missing);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains(&missing.display().to_string()) && err.contains("does not exist"), "{err}");
}

#[test]
fn usage_error_exits_two() {
    let out = Command::new(env!("CARGO_BIN_EXE_claimcoder")).arg("check").output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
}

#[test]
fn every_bad_file_is_reported_located_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for id in ["broken.txt", "utf8ron.txt", "newer.txt", "edited.txt", "sub/dir/deep.v2.txt", "clean.txt"] {
        write(root, id, STORY.as_bytes());
        code(root, id, &["Lew told", "denounced the report"]);
    }
    write(root, "badtext.txt", b"line one\nline \xFF two\n");
    write(root, "ghost.alice.ron", b"(format: 1)");
    edit(&root.join("broken.alice.ron"), "    status: InProgress,", "    status: Maybe,");
    let mut bytes = std::fs::read(root.join("utf8ron.alice.ron")).unwrap();
    let at = bytes.windows(9).position(|w| w == b"annotator").unwrap();
    bytes[at] = 0xC3;
    std::fs::write(root.join("utf8ron.alice.ron"), &bytes).unwrap();
    edit(&root.join("newer.alice.ron"), "format: 1,", "format: 7,");
    std::fs::write(root.join("edited.txt"), format!("Update. {}", STORY.replace("denounced", "rejected"))).unwrap();
    edit(&root.join("sub/dir/deep.v2.alice.ron"), "kind: \"assertion\"", "kind: \"rumour\"");

    let snapshot = |p: &Path| -> Vec<(String, Vec<u8>)> {
        let mut all: Vec<_> = walkdir::WalkDir::new(p)
            .into_iter()
            .map(|e| e.unwrap())
            .filter(|e| e.file_type().is_file())
            .map(|e| (e.path().display().to_string(), std::fs::read(e.path()).unwrap()))
            .collect();
        all.sort();
        all
    };
    let before = snapshot(root);
    let out = check(root);
    assert_eq!(snapshot(root), before, "check never writes");
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
    let found = problems(&out);
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let shown = |rel: &str| root.join(rel).display().to_string();
    let has = |rel: &str, line: usize, col: usize, words: &[&str]| {
        assert!(
            found
                .iter()
                .any(|(p, l, c, m)| *p == shown(rel) && (*l, *c) == (line, col) && words.iter().all(|w| m.contains(w))),
            "no {rel}:{line}:{col}: …{words:?}… in\n{stdout}"
        );
    };
    has("broken.alice.ron", 6, 13, &["Maybe"]);
    has("utf8ron.alice.ron", 5, 5, &["UTF-8"]);
    has("newer.alice.ron", 1, 1, &["format 7", "newer"]);
    has("badtext.txt", 2, 6, &["UTF-8", "byte 14"]);
    has("sub/dir/deep.v2.alice.ron", 11, 13, &["rumour", "codebook"]);
    has("ghost.alice.ron", 1, 1, &["ghost.txt"]);
    let edited: Vec<_> = found.iter().filter(|(p, ..)| *p == shown("edited.alice.ron")).collect();
    assert!(edited.iter().any(|(.., m)| m.contains("claim 1 content") && m.contains("found at 41")), "{stdout}");
    assert!(edited.iter().any(|(.., m)| m.contains("claim 2 content is orphaned")), "{stdout}");
    assert!(!found.iter().any(|(p, ..)| p.contains("clean")), "{stdout}");
    assert_eq!(found.len(), 8, "{stdout}");
}

#[test]
fn documents_csv_problems_are_located_and_the_rest_still_works() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", STORY.as_bytes());
    write(dir.path(), "2013/b.txt", STORY.as_bytes());
    write(
        dir.path(),
        "documents.csv",
        "document,title,date,outlet\n\
         a.txt,\"Lew, in Beijing\",2013-03-18,LAT\n\
         gone.txt,Renamed,2013-03-19,\n\
         2013/b.txt,\"Two\nlines\",March 2013,AFP\n\
         a.txt,Again,,\n\
         short.txt\n"
            .as_bytes(),
    );
    let out = check(dir.path());
    assert_eq!(out.status.code(), Some(1));
    let csv = dir.path().join("documents.csv").display().to_string();
    let got: Vec<(usize, usize, String)> =
        problems(&out).into_iter().filter(|p| p.0 == csv).map(|(_, l, c, m)| (l, c, m)).collect();
    let want = [
        (3, 1, "document `gone.txt` is not in the corpus"),
        (5, 8, "date `March 2013` is neither YYYY-MM-DD nor an RFC 3339 time"),
        (6, 1, "document `a.txt` is described twice; the row on line 2 is used"),
        (7, 1, "this row has 1 fields but the header has 4"),
        (7, 1, "document `short.txt` is not in the corpus"),
    ];
    assert_eq!(got.len(), want.len(), "{got:?}");
    for ((l, c, m), (wl, wc, wm)) in got.iter().zip(want) {
        assert_eq!((*l, *c), (wl, wc), "{m}");
        assert!(m.contains(wm), "{m} vs {wm}");
    }
    assert_eq!(problems(&out).len(), want.len(), "nothing else is wrong");
    let metadata = claimcoder::store::metadata_io::read_metadata(&dir.path().join("documents.csv")).unwrap().0;
    assert_eq!(metadata.get("a.txt").and_then(|m| m.title()), Some("Lew, in Beijing"), "the rest still works");
}

#[test]
fn an_unusable_documents_csv_is_one_located_problem() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", STORY.as_bytes());
    write(dir.path(), "documents.csv", b"document,title\na.txt,Caf\xE9\n");
    let got = problems(&check(dir.path()));
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!((got[0].1, got[0].2), (2, 10));
    assert!(got[0].3.contains("not valid UTF-8; no document metadata is shown"), "{got:?}");
    write(dir.path(), "documents.csv", b"id,title\na.txt,x\n");
    let got = problems(&check(dir.path()));
    assert!(got[0].3.contains("no `document` column"), "{got:?}");
}
