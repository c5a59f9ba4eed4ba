//! Crash test (FORMAT.md section 3, "Every write goes to a temporary file ... a
//! crash leaves the old or the new file, whole"): a child process saves a growing
//! annotation file in a loop through the store's atomic write and is killed with
//! SIGKILL 200 times at random moments; after every kill the file on disk parses
//! and holds one whole version, never a mix of two.
#![cfg(unix)]

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use claimcoder::model::{ActorRegistry, Annotator, Claim, Corpus, Document, Span};
use claimcoder::store::{load_annotations, parse_annotation, save_annotations};

const CHILD: &str = "CLAIMCODER_CRASH_CHILD";
const TEXT: &str = "Lew told reporters the hacking must stop, and China denied it on Monday.";
/// Version `v` of the file holds `v % CYCLE + 1` claims, so it grows and stays small.
const CYCLE: u64 = 40;

/// The version a file holds: every claim carries it in its note, the claim count
/// follows from it, and claim `i` has the content version `v` gives it. `None` for
/// a mix of versions.
fn version_of(file: &claimcoder::model::AnnotationFile) -> Option<u64> {
    let v: u64 = file.claims.first()?.note.strip_prefix('v')?.parse().ok()?;
    let whole = file.claims.len() as u64 == v % CYCLE + 1
        && file.claims.iter().all(|c| c.note == format!("v{v}") && c.content == content(c.id));
    whole.then_some(v)
}

fn content(id: u64) -> Span {
    let start = (id as usize * 7) % (TEXT.len() - 10);
    Span { start, end: start + 10, quote: TEXT[start..start + 10].to_owned() }
}

/// The child: from the version on disk, writes version after version until killed,
/// saying `ready` once the first one is written.
#[test]
fn crash_child() {
    let Ok(dir) = std::env::var(CHILD) else { return };
    let corpus = Corpus::scan(Path::new(&dir)).unwrap();
    let entry = corpus.document("d.txt").unwrap();
    let doc = Document::load(&entry.id, &entry.path).unwrap();
    let mut loaded = load_annotations(entry, &Annotator::parse("alice").unwrap(), &doc);
    let mut v = version_of(&loaded.file).map_or(0, |v| v + 1);
    let registry = ActorRegistry::default();
    let mut said_ready = false;
    loop {
        let count = v % CYCLE + 1;
        loaded.file.claims = (1..=count)
            .map(|id| {
                let mut c = Claim::new(id, "assertion", content(id));
                c.note = format!("v{v}");
                c
            })
            .collect();
        loaded.file.next_id = count + 1;
        save_annotations(&mut loaded, &doc, &registry).unwrap();
        if !said_ready {
            println!("ready");
            said_ready = true;
        }
        v += 1;
    }
}

/// A small deterministic generator for the kill delays.
fn delays(seed: u64) -> impl Iterator<Item = Duration> {
    let mut x = seed;
    std::iter::from_fn(move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        Some(Duration::from_micros(x % 4_000))
    })
}

#[test]
fn two_hundred_kills_never_leave_a_torn_file() {
    if std::env::var(CHILD).is_ok() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("d.txt"), TEXT).unwrap();
    let path = dir.path().join("d.alice.ron");
    let started = Instant::now();
    let mut last = None;
    let mut versions_seen = 0;
    for (kill, delay) in delays(0x9E37_79B9_7F4A_7C15).take(200).enumerate() {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["store_crash::crash_child", "--exact", "--nocapture", "--test-threads=1"])
            .env(CHILD, dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut out = BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        while !line.contains("ready") {
            line.clear();
            assert!(out.read_line(&mut line).unwrap() > 0, "the child died before writing (kill {kill})");
        }
        std::thread::sleep(delay);
        child.kill().unwrap();
        child.wait().unwrap();

        let text = std::fs::read_to_string(&path).unwrap();
        let file = parse_annotation("d.alice.ron", &text).unwrap_or_else(|e| panic!("kill {kill}: {e}"));
        let v = version_of(&file).unwrap_or_else(|| panic!("kill {kill}: a mix of versions:\n{text}"));
        assert!(last.is_none_or(|l| v >= l), "kill {kill}: version {v} after {last:?}");
        if last != Some(v) {
            versions_seen += 1;
        }
        last = Some(v);
    }
    let temps = std::fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| e.as_ref().unwrap().file_name().to_string_lossy().ends_with(".tmp"))
        .count();
    println!(
        "crash test: 200 SIGKILLs in {:.1} s, {} versions written, {versions_seen} distinct versions found on disk after a kill, \
         0 torn, {temps} temporary files left behind",
        started.elapsed().as_secs_f64(),
        last.unwrap_or(0) + 1
    );
}
