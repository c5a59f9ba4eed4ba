//! `claimcoder check CORPUS` run as the real binary (FORMAT.md section 4): every
//! problem on stdout as `path:line:col: message`, exit 1 if any, 0 on a clean corpus,
//! one clear sentence on stderr when the corpus is missing, and never a panic.

use std::path::Path;
use std::process::{Command, Output};

use crate::process::{run, seeds, stderr};

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

/// Field values the codebook does not allow are reported at the claim's `id:` line,
/// and kept: the file is not touched and still loads with them.
#[test]
fn field_values_the_codebook_does_not_allow_are_reported_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "claimcoder.ron",
        br##"(format: 1,
    kinds: [(id: "assertion", label: "Assertion", key: "A", color: "#3b82f6")],
    fields: [
        (id: "addressee", label: "Addressee", type: Actor),
        (id: "position", label: "Position", type: Scale,
         values: [(value: "-1", label: "against"), (value: "0", label: "neutral"), (value: "1", label: "for")]),
        (id: "issue", label: "Issue", type: Category, values: [(value: "trade", label: "Trade")]),
        (id: "frame", label: "Frame", type: Text),
    ],
)"##,
    );
    write(root, "a.txt", STORY.as_bytes());
    code(root, "a.txt", &["Lew told", "denounced the report"]);
    let path = root.join("a.alice.ron");
    let mut file = claimcoder::store::parse_annotation("a", &std::fs::read_to_string(&path).unwrap()).unwrap();
    let set = |c: &mut Claim, values: &[(&str, &str)]| {
        c.fields = values.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
    };
    set(
        &mut file.claims[0],
        &[("addressee", "chinese-government"), ("position", "-1"), ("issue", "trade"), ("frame", "any words")],
    );
    set(&mut file.claims[1], &[("addressee", "Chinese Gov"), ("position", "+1"), ("issue", "cyber"), ("stance", "x")]);
    std::fs::write(&path, claimcoder::store::to_ron(&file)).unwrap();
    let before = std::fs::read(&path).unwrap();
    let out = check(root);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(std::fs::read(&path).unwrap(), before, "check never writes");
    let found = problems(&out);
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let id_line = before.split(|b| *b == b'\n').position(|l| l.ends_with(b"id: 2,")).unwrap() + 1;
    let messages: Vec<&str> = found.iter().map(|(.., m)| m.as_str()).collect();
    assert_eq!(
        messages,
        [
            "claim 2 field `addressee` has `Chinese Gov`, which is not a valid actor id; the value is kept",
            "claim 2 field `issue` has `cyber`, which is not one of its values (trade); the value is kept",
            "claim 2 field `position` has `+1`, which is not one of its values (-1, 0, 1); the value is kept",
            "claim 2 field `stance` is not a field of the codebook (value `x`); the value is kept",
        ],
        "{stdout}"
    );
    assert!(found.iter().all(|(p, l, c, _)| p.ends_with("a.alice.ron") && (*l, *c) == (id_line, 13)), "{stdout}");
    let reread = claimcoder::store::parse_annotation("a", &String::from_utf8(before).unwrap()).unwrap();
    assert_eq!(reread.claims[1].fields.get("stance").map(String::as_str), Some("x"));
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

#[test]
fn a_kind_key_taken_by_an_app_shortcut_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "story.txt", STORY.as_bytes());
    let codebook = claimcoder::model::codebook::DEFAULT_PROJECT_RON.replace("key: \"C\"", "key: \"s\"");
    assert_ne!(codebook, claimcoder::model::codebook::DEFAULT_PROJECT_RON, "the built-in codebook has key C");
    write(dir.path(), "claimcoder.ron", codebook.as_bytes());
    let out = check(dir.path());
    assert_eq!(out.status.code(), Some(1));
    let found = problems(&out);
    assert_eq!(found.len(), 1, "{found:?}");
    let (path, line, col, message) = &found[0];
    assert!(path.ends_with("claimcoder.ron") && (*line, *col) == (1, 1), "{path}:{line}:{col}");
    assert!(
        message.starts_with("kind `commitment` key `S` is taken by the command \"Mark source mention\""),
        "{message}"
    );
}

fn csv_rows(corpus: &Path) -> usize {
    let out = corpus.join("out.csv");
    let _ = std::fs::remove_file(&out);
    let o = run(&[
        "export".as_ref(),
        corpus.as_os_str(),
        "--format".as_ref(),
        "csv".as_ref(),
        "--out".as_ref(),
        out.as_os_str(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let rows = csv::Reader::from_path(&out).unwrap().records().count();
    std::fs::remove_file(&out).unwrap();
    rows
}

/// Issue 7, case 3: a symlinked annotation file counts for check, export and
/// agreement as the app counts it.
#[cfg(unix)]
#[test]
fn a_symlinked_annotation_file_is_followed_by_every_command() {
    let dir = seeds();
    let root = dir.path();
    let all = csv_rows(root);
    let shared = tempfile::tempdir().unwrap();
    let name = "000_f61589d60f9b959b.analyst-a.ron";
    std::fs::rename(root.join(name), shared.path().join(name)).unwrap();
    std::os::unix::fs::symlink(shared.path().join(name), root.join(name)).unwrap();
    assert_eq!(csv_rows(root), all, "export has every claim");
    let o = run(&["agreement".as_ref(), root.as_os_str(), "--json".as_ref()]);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["documents"], 5, "{}", stderr(&o));

    edit(&shared.path().join(name), "kind: \"commitment\"", "kind: \"rumour\"");
    let out = check(root);
    assert!(
        problems(&out).iter().any(|(p, _, _, m)| p.ends_with(name) && m.contains("rumour")),
        "check reads through the link: {}",
        String::from_utf8_lossy(&out.stdout)
    );
}

/// Issue 7, case 3: annotation files whose annotator part is invalid, and conflict
/// copies, are reported instead of being ignored without a word.
#[test]
fn files_the_corpus_leaves_out_are_reported() {
    let dir = seeds();
    let root = dir.path();
    let original = root.join("000_f61589d60f9b959b.analyst-a.ron");
    std::fs::copy(&original, root.join("000_f61589d60f9b959b.Analyst-A.ron")).unwrap();
    std::fs::copy(&original, root.join("000_f61589d60f9b959b..ron")).unwrap();
    std::fs::copy(&original, root.join("000_f61589d60f9b959b.analyst-a.ron.conflict-20261122T120000.000001Z-1"))
        .unwrap();
    let out = check(root);
    assert_eq!(out.status.code(), Some(1));
    let found: Vec<(String, String)> =
        problems(&out).into_iter().map(|(p, _, _, m)| (p.rsplit('/').next().unwrap().to_owned(), m)).collect();
    let names: Vec<&str> = found.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(
        names,
        [
            "000_f61589d60f9b959b..ron",
            "000_f61589d60f9b959b.Analyst-A.ron",
            "000_f61589d60f9b959b.analyst-a.ron.conflict-20261122T120000.000001Z-1"
        ]
    );
    assert!(found[0].1.contains("the annotator part is empty"), "{}", found[0].1);
    assert!(found[1].1.contains("annotator `Analyst-A`"), "{}", found[1].1);
    assert!(found[2].1.starts_with("conflict copy of `000_f61589d60f9b959b.analyst-a.ron`"), "{}", found[2].1);
}

/// Issue 7, case 5: one unreadable text with no annotation files is a warning for
/// export and agreement, not a refusal; with annotation files it still blocks.
#[test]
fn an_unreadable_text_without_codings_is_only_a_warning() {
    let dir = seeds();
    let root = dir.path();
    write(root, "latin1.txt", b"caf\xE9 cr\xE8me\n");
    let out = root.join("out.csv");
    let o = run(&[
        "export".as_ref(),
        root.as_os_str(),
        "--format".as_ref(),
        "csv".as_ref(),
        "--out".as_ref(),
        out.as_os_str(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("warning: latin1.txt is not valid UTF-8 at byte 3"), "{}", stderr(&o));
    let o = run(&["agreement".as_ref(), root.as_os_str()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("warning: latin1.txt"), "{}", stderr(&o));

    let coding = std::fs::read_to_string(root.join("000_f61589d60f9b959b.analyst-a.ron")).unwrap();
    std::fs::write(root.join("latin1.analyst-a.ron"), coding).unwrap();
    let o = run(&[
        "export".as_ref(),
        root.as_os_str(),
        "--format".as_ref(),
        "csv".as_ref(),
        "--out".as_ref(),
        out.as_os_str(),
        "--force".as_ref(),
    ]);
    assert_eq!(o.status.code(), Some(1), "a coded document that cannot be read still blocks: {}", stderr(&o));
}

/// Issue 7, case 8: problems come sorted by file, then line.
#[test]
fn problems_are_sorted_by_file_then_line() {
    let dir = seeds();
    let root = dir.path();
    let path = root.join("001_ac006dcb873ec60d.analyst-b.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    let bad: String = text
        .replace("kind: \"assertion\"", "kind: \"rumour\"")
        .replace("annotator: \"analyst-b\"", "annotator: \"someone\"");
    std::fs::write(&path, bad).unwrap();
    // Claim 1's passage is removed (orphaned), the rest move: `check` finds moved
    // spans before orphaned ones, so unsorted output would list line 30 before 20.
    let text_path = root.join("000_f61589d60f9b959b.txt");
    let story = std::fs::read_to_string(&text_path).unwrap();
    let changed = format!("Update. {}", story.replace("one focus of Lew's talks in China", "one topic"));
    std::fs::write(&text_path, changed).unwrap();
    let out = check(root);
    let found = problems(&out);
    assert!(found.len() > 4, "{}", String::from_utf8_lossy(&out.stdout));
    let keys: Vec<(String, usize, usize)> = found.iter().map(|(p, l, c, _)| (p.clone(), *l, *c)).collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
}

/// Issue 7, case 4: `claimcoder check CORPUS | head -1` and every other command
/// whose output pipe closes early end quietly: no panic, no message.
#[cfg(unix)]
#[test]
fn a_closed_output_pipe_ends_every_command_quietly() {
    use std::os::unix::process::ExitStatusExt;
    let dir = seeds();
    let root = dir.path();
    std::fs::write(root.join("000_f61589d60f9b959b.txt"), "The text changed entirely.").unwrap();
    let commands: [&[&str]; 6] =
        [&["check"], &["agreement"], &["agreement", "--json"], &["stats"], &["stats", "--json"], &["--version"]];
    for args in commands {
        let mut child = Command::new(env!("CARGO_BIN_EXE_claimcoder"))
            .args(args)
            .args((args[0] != "--version").then_some(root.as_os_str()))
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let err = stderr(&out);
        assert!(!err.contains("panicked") && !err.contains("failed printing"), "{args:?}: {err}");
        let quiet = out.status.signal() == Some(libc_sigpipe()) || out.status.code().is_some_and(|c| c <= 1);
        assert!(quiet, "{args:?}: {:?} {err}", out.status);
    }
    // The first line arrives, then the reader goes away, as with `| head -1`.
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimcoder"))
        .arg("check")
        .arg(root)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    std::io::BufRead::read_line(&mut std::io::BufReader::new(child.stdout.take().unwrap()), &mut first).unwrap();
    assert!(first.contains("000_f61589d60f9b959b"), "{first}");
    let out = child.wait_with_output().unwrap();
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
}

/// SIGPIPE's number on the Unix systems Claimcoder runs on.
#[cfg(unix)]
fn libc_sigpipe() -> i32 {
    13
}

/// Issue 7, case 8: a mistyped command says which command was meant (exit 2).
#[test]
fn a_mistyped_command_suggests_the_right_one() {
    let dir = seeds();
    for (typed, meant) in [("chekc", "check"), ("expotr", "export"), ("agrement", "agreement"), ("stat", "stats")] {
        let out = run(&[typed.as_ref(), dir.path().as_os_str()]);
        assert_eq!(out.status.code(), Some(2), "{typed}");
        assert_eq!(stderr(&out), format!("error: unknown command `{typed}`; did you mean `{meant}`?\n"));
    }
    let out = run(&["frobnicate".as_ref(), dir.path().as_os_str()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("error: unknown command `frobnicate` (commands: check, export"),
        "{}",
        stderr(&out)
    );
}

/// Issue 7, case 8: the app checks its arguments before it opens a window.
#[test]
fn the_app_checks_its_arguments_before_opening_a_window() {
    let dir = seeds();
    let file = dir.path().join("000_f61589d60f9b959b.txt");
    let missing = dir.path().join("no-such-dir");
    let cases: [(Vec<&std::ffi::OsStr>, String); 5] = [
        (vec![missing.as_os_str()], format!("error: corpus folder {} does not exist\n", missing.display())),
        (vec![file.as_os_str()], format!("error: {} is not a folder; give the corpus folder\n", file.display())),
        (
            vec![dir.path().as_os_str(), "--annotator".as_ref(), "Bad".as_ref()],
            "error: --annotator \"Bad\": use only lower-case letters a-z, digits, '-' and '_' (not 'B')\n".to_owned(),
        ),
        (
            vec![dir.path().as_os_str(), "--annotator".as_ref(), "gold".as_ref()],
            "error: --annotator \"gold\": 'gold' is reserved (the adjudicated version)\n".to_owned(),
        ),
        (
            vec!["--annotator".as_ref(), "suggested".as_ref()],
            "error: --annotator \"suggested\": 'suggested' is reserved (claims proposed by a program)\n".to_owned(),
        ),
    ];
    for (args, expected) in cases {
        let out = Command::new(env!("CARGO_BIN_EXE_claimcoder"))
            .args(&args)
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert_eq!(stderr(&out), expected);
    }
}
