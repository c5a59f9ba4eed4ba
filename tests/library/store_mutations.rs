//! Mutated files against the loaders (FORMAT.md section 3, "Reading is strict").
//!
//! Written files (the seed codings, a file with claim fields, a gold file with
//! rejections, the project file) are mutated at random: byte flips, truncations,
//! renamed and duplicated fields, repeated map keys, swapped and inserted tokens,
//! broken times, `format: 0`. Two properties:
//!
//! - the annotation loader (fast reader, then the strict parser) gives exactly what
//!   the strict parser alone gives, error or value, on every input;
//! - the fuzz: no loader panics or hangs, none accepts a mutation known to break the
//!   schema, and whatever one accepts is kept whole: every key and value of the text
//!   is still there after reading it and writing it back.
//!
//! `CLAIMCODER_FUZZ_CASES=100000 cargo test --release --test store_mutations -- --nocapture`
//! runs a longer fuzz; the default is 10,000 cases.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use claimcoder::store::annotation_io::decode;
use claimcoder::store::project_io::{parse_project, project_to_ron};
use claimcoder::store::{parse_annotation, parse_annotation_strict, to_ron};
use proptest::prelude::*;

/// Every field name of the schema: a rename to any other name must be refused.
const SCHEMA_NAMES: &[&str] = &[
    "format",
    "document",
    "text_sha256",
    "annotator",
    "status",
    "modified",
    "actors",
    "claims",
    "next_id",
    "rejected",
    "id",
    "kind",
    "content",
    "source",
    "source_mention",
    "cue",
    "note",
    "fields",
    "created",
    "start",
    "end",
    "quote",
    "kinds",
    "label",
    "key",
    "color",
    "definition",
    "examples",
    "type",
    "values",
    "value",
    "name",
    "aliases",
    "group",
    "role",
];

/// Tokens inserted at random places.
const TOKENS: &[&str] = &[
    ",",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ":",
    "\"",
    "None",
    "Some(",
    "0",
    "-1",
    "18446744073709551616",
    "1e3",
    "0x10",
    "+7",
    "//",
    "/*",
    "\\",
    "\\u{",
    "r#\"",
    "'",
    "Done",
    "true",
    "\u{feff}",
    "\r",
    "\n",
    "format: 0,",
    "id: 1,",
    "x: 1,",
    "\"k\": \"v\",",
];

/// A small deterministic generator (splitmix64), so a failing case can be rerun.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next() % n as u64) as usize }
    }
}

/// Which loader a base file is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Loader {
    Annotation,
    Project,
}

/// The files mutated: every seed coding, one with claim fields, a gold file with
/// rejections, and the project file with and without codebook fields.
fn bases() -> &'static [(Loader, String)] {
    static BASES: std::sync::OnceLock<Vec<(Loader, String)>> = std::sync::OnceLock::new();
    BASES.get_or_init(read_bases)
}

fn read_bases() -> Vec<(Loader, String)> {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut names: Vec<_> = std::fs::read_dir(&seeds)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".ron") && n != "claimcoder.ron")
        .collect();
    names.sort();
    let mut out: Vec<(Loader, String)> =
        names.iter().map(|n| (Loader::Annotation, std::fs::read_to_string(seeds.join(n)).unwrap())).collect();
    let first = out[0].1.clone();
    let mut with_fields = parse_annotation("x", &first).unwrap();
    for (i, claim) in with_fields.claims.iter_mut().enumerate() {
        claim.fields.insert("position".into(), format!("{}", i as i64 % 3 - 1));
        if i % 2 == 0 {
            claim.fields.insert("addressee".into(), "chinese-government".into());
        }
    }
    out.push((Loader::Annotation, to_ron(&with_fields)));
    let mut gold = with_fields.clone();
    gold.annotator = "gold".into();
    gold.rejected = gold.claims.iter().take(3).map(|c| c.content.clone()).collect();
    gold.claims.truncate(4);
    out.push((Loader::Annotation, to_ron(&gold)));
    let project_text = std::fs::read_to_string(seeds.join("claimcoder.ron")).unwrap();
    let mut project = parse_project("p", &project_text).unwrap();
    out.push((Loader::Project, project_to_ron(&project).unwrap()));
    project.fields = ron::from_str(
        r#"[(id: "position", label: "Position", type: Scale, definition: "Stance.",
             values: [(value: "-1", label: "against"), (value: "0", label: "neutral"), (value: "1", label: "for")]),
            (id: "frame", label: "Frame", type: Text, definition: "Why.")]"#,
    )
    .unwrap();
    out.push((Loader::Project, project_to_ron(&project).unwrap()));
    out
}

/// One mutation applied to a text; `breaks` when the result can never be a valid
/// file (the oracle is independent of the code under test).
fn mutate_once(rng: &mut Rng, bytes: &mut Vec<u8>, loader: Loader) -> (&'static str, bool) {
    let text = String::from_utf8_lossy(bytes).into_owned();
    match rng.below(10) {
        0 => {
            if !bytes.is_empty() {
                let i = rng.below(bytes.len());
                bytes[i] ^= 1 << rng.below(8);
            }
            ("flip", false)
        }
        1 => {
            let cut = rng.below(bytes.len());
            let removed_something = bytes[cut..].iter().any(|b| !b.is_ascii_whitespace());
            bytes.truncate(cut);
            ("truncate", removed_something)
        }
        2 => {
            let names: Vec<(usize, usize)> = field_names(&text);
            if names.is_empty() {
                return ("rename", false);
            }
            let (start, end) = names[rng.below(names.len())];
            let old = &text[start..end];
            let mut new: Vec<u8> = old.bytes().collect();
            match rng.below(3) {
                0 => {
                    let i = rng.below(new.len());
                    new[i] = b"abcdefghijklmnopqrstuvwxyz_"[rng.below(27)];
                }
                1 => new.push(b"zs_"[rng.below(3)]),
                _ => {
                    new.remove(rng.below(new.len()));
                }
            }
            let new = String::from_utf8(new).unwrap();
            let unknown = !new.is_empty() && !SCHEMA_NAMES.contains(&new.as_str());
            *bytes = format!("{}{}{}", &text[..start], new, &text[end..]).into_bytes();
            ("rename", unknown)
        }
        3 => {
            let lines: Vec<&str> = text.split_inclusive('\n').collect();
            if lines.is_empty() {
                return ("duplicate", false);
            }
            let i = rng.below(lines.len());
            let dup = lines[i];
            let out: String =
                lines[..=i].iter().copied().chain(std::iter::once(dup)).chain(lines[i + 1..].iter().copied()).collect();
            *bytes = out.into_bytes();
            // In the annotation layout every line is a field, an opening or a closing:
            // a copy is a repeated field or key, or a syntax error. The project file
            // has lists of strings (aliases, examples), where a copy is valid.
            ("duplicate", loader == Loader::Annotation && !dup.trim().is_empty())
        }
        4 => {
            let lines: Vec<&str> = text.split_inclusive('\n').collect();
            if lines.is_empty() {
                return ("delete", false);
            }
            let i = rng.below(lines.len());
            let out: String = lines.iter().enumerate().filter(|(j, _)| *j != i).map(|(_, l)| *l).collect();
            *bytes = out.into_bytes();
            ("delete", false)
        }
        5 => {
            let tokens = tokens(&text);
            if tokens.len() < 2 {
                return ("swap", false);
            }
            let (a, b) = (rng.below(tokens.len()), rng.below(tokens.len()));
            let (a, b) = (tokens[a.min(b)], tokens[a.max(b)]);
            if a == b || a.1 > b.0 {
                return ("swap", false);
            }
            let out =
                format!("{}{}{}{}{}", &text[..a.0], &text[b.0..b.1], &text[a.1..b.0], &text[a.0..a.1], &text[b.1..]);
            *bytes = out.into_bytes();
            ("swap", false)
        }
        6 => {
            let at = char_boundary(&text, rng.below(text.len() + 1));
            let token = TOKENS[rng.below(TOKENS.len())];
            *bytes = format!("{}{}{}", &text[..at], token, &text[at..]).into_bytes();
            ("insert", false)
        }
        7 => {
            let times: Vec<usize> = text.match_indices("Z\"").map(|(i, _)| i).filter(|&i| i >= 19).collect();
            if times.is_empty() {
                return ("time", false);
            }
            let end = times[rng.below(times.len())] + 1;
            let start = end - 20;
            let mut time: Vec<u8> = text.as_bytes()[start..end].to_vec();
            let i = rng.below(time.len());
            time[i] = b"0123456789+-:.TtZz "[rng.below(19)];
            let time = String::from_utf8_lossy(&time).into_owned();
            let valid = is_file_time(&time);
            *bytes = format!("{}{}{}", &text[..start], time, &text[end..]).into_bytes();
            ("time", !valid)
        }
        8 => {
            // Repeat a key of a map (`actors`, or a claim's `fields`).
            let entry = text.lines().enumerate().find_map(|(n, l)| {
                let t = l.trim_start();
                (t.starts_with('"') && t.contains("\": \"") && rng.below(4) == 0).then_some(n)
            });
            let fields = text.find("fields: {\"");
            if let Some(at) = fields.filter(|_| rng.below(2) == 0) {
                let open = at + "fields: {".len();
                let close = open + text[open..].find('}').unwrap_or(0);
                let first = text[open..close].split(", ").next().unwrap_or("").to_owned();
                if first.contains(": ") {
                    *bytes = format!("{}{first}, {}", &text[..open], &text[open..]).into_bytes();
                    return ("repeat key", true);
                }
            }
            match entry {
                Some(n) => {
                    let lines: Vec<&str> = text.split_inclusive('\n').collect();
                    let out: String = lines[..=n]
                        .iter()
                        .copied()
                        .chain(std::iter::once(lines[n]))
                        .chain(lines[n + 1..].iter().copied())
                        .collect();
                    *bytes = out.into_bytes();
                    ("repeat key", loader == Loader::Annotation)
                }
                None => ("repeat key", false),
            }
        }
        _ => match text.find("format: 1,") {
            Some(at) => {
                let n = ["0", "00", "2", "-1", "1.0", "01"][rng.below(6)];
                *bytes = format!("{}format: {n},{}", &text[..at], &text[at + "format: 1,".len()..]).into_bytes();
                ("format", n == "0" || n == "00" || n == "-1" || n == "1.0")
            }
            None => ("format", false),
        },
    }
}

/// `YYYY-MM-DDTHH:MM:SSZ` with a real date: the oracle for time mutations.
fn is_file_time(s: &str) -> bool {
    let b = s.as_bytes();
    let shape = b.len() == 20
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            10 => *c == b'T',
            13 | 16 => *c == b':',
            19 => *c == b'Z',
            _ => c.is_ascii_digit(),
        });
    shape && chrono::NaiveDateTime::parse_from_str(&s[..19], "%Y-%m-%dT%H:%M:%S").is_ok()
}

/// Byte ranges of `name` in every `name:` of the text (field names, not map keys).
fn field_names(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    for (colon, _) in text.match_indices(':') {
        let mut start = colon;
        while start > 0 && (bytes[start - 1].is_ascii_alphanumeric() || bytes[start - 1] == b'_') {
            start -= 1;
        }
        let before = if start == 0 { b' ' } else { bytes[start - 1] };
        if start < colon && matches!(before, b' ' | b'(' | b'\n' | b',') {
            out.push((start, colon));
        }
    }
    out
}

/// Byte ranges of rough tokens: words, strings are split too; enough for swaps.
fn tokens(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let word = c.is_alphanumeric() || c == '_' || c == '-';
        match (word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
        if !word && !c.is_whitespace() {
            out.push((i, i + c.len_utf8()));
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

fn char_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// A text mutated one to three times, with what was done and whether it is known broken.
fn mutated(rng: &mut Rng, base: &str, loader: Loader) -> (Vec<u8>, Vec<&'static str>, bool) {
    let mut bytes = base.as_bytes().to_vec();
    let mut done = Vec::new();
    let mut breaks = false;
    for _ in 0..1 + rng.below(3) {
        let (what, broke) = mutate_once(rng, &mut bytes, loader);
        done.push(what);
        // A later mutation may repair an earlier break (a renamed field renamed back);
        // only the last mutation's verdict is certain when it breaks.
        breaks = broke;
    }
    (bytes, done, breaks)
}

/// What a loader made of a text.
enum Outcome {
    Rejected,
    /// Accepted, with the text the program would write back.
    Accepted(String),
}

fn load(loader: Loader, bytes: &[u8]) -> (Outcome, bool) {
    let Ok(text) = decode("f.ron", bytes) else { return (Outcome::Rejected, true) };
    match loader {
        Loader::Annotation => {
            let loaded = parse_annotation("f.ron", &text);
            let agrees = loaded == parse_annotation_strict("f.ron", &text);
            match loaded {
                Ok(file) => (Outcome::Accepted(to_ron(&file)), agrees),
                Err(_) => (Outcome::Rejected, agrees),
            }
        }
        Loader::Project => match parse_project("f.ron", &text) {
            Ok(p) => (Outcome::Accepted(project_to_ron(&p).unwrap()), true),
            Err(_) => (Outcome::Rejected, true),
        },
    }
}

/// Whether everything `original` holds is in `written`: every map key with a value
/// kept whole, an empty list or map counting as absent (the writer leaves out an
/// empty `fields` or `rejected`), list elements in any order (claims are re-sorted).
fn kept_whole(original: &ron::Value, written: &ron::Value) -> bool {
    use ron::Value;
    match (original, written) {
        (Value::Map(a), Value::Map(b)) => a.iter().all(|(k, v)| match b.get(k) {
            Some(w) => kept_whole(v, w),
            None => is_empty(v),
        }),
        (Value::Seq(a), Value::Seq(b)) => a.len() == b.len() && a.iter().all(|x| b.iter().any(|y| kept_whole(x, y))),
        (Value::Option(Some(a)), Value::Option(Some(b))) => kept_whole(a, b),
        (a, b) => a == b,
    }
}

fn is_empty(v: &ron::Value) -> bool {
    match v {
        ron::Value::Map(m) => m.is_empty(),
        ron::Value::Seq(s) => s.is_empty(),
        _ => false,
    }
}

/// The fuzz's tally.
#[derive(Debug, Default)]
struct Tally {
    cases: u64,
    accepted: u64,
    rejected: u64,
    panics: u64,
    hangs: u64,
    known_broken_accepted: u64,
    lossy_accepted: u64,
    loader_disagrees: u64,
    slowest: Duration,
    by_mutation: BTreeMap<&'static str, u64>,
}

fn fuzz(cases: u64, seed: u64) -> Tally {
    let bases = bases();
    let mut rng = Rng(seed);
    let mut tally = Tally::default();
    // The watchdog: a case still running after HANG has hung; the process is
    // stopped with the case's number, since a hung thread cannot be cancelled.
    const HANG: Duration = Duration::from_secs(20);
    let started = Arc::new(AtomicU64::new(0));
    let current = Arc::new(AtomicU64::new(u64::MAX));
    let epoch = Instant::now();
    {
        let (started, current) = (Arc::clone(&started), Arc::clone(&current));
        std::thread::spawn(move || {
            loop {
                std::thread::sleep(Duration::from_millis(200));
                let case = current.load(Ordering::SeqCst);
                if case == u64::MAX - 1 {
                    return;
                }
                let since = epoch.elapsed().as_millis() as u64 - started.load(Ordering::SeqCst);
                if case != u64::MAX && since > HANG.as_millis() as u64 {
                    eprintln!("hang: fuzz case {case} (seed {seed}) ran for {since} ms");
                    std::process::abort();
                }
            }
        });
    }
    for case in 0..cases {
        let (loader, base) = &bases[rng.below(bases.len())];
        let (bytes, done, breaks) = mutated(&mut rng, base, *loader);
        for d in &done {
            *tally.by_mutation.entry(d).or_default() += 1;
        }
        started.store(epoch.elapsed().as_millis() as u64, Ordering::SeqCst);
        current.store(case, Ordering::SeqCst);
        let t0 = Instant::now();
        let result = std::panic::catch_unwind(|| load(*loader, &bytes));
        tally.slowest = tally.slowest.max(t0.elapsed());
        tally.cases += 1;
        let Ok((outcome, agrees)) = result else {
            tally.panics += 1;
            eprintln!("panic on case {case} ({done:?}): {:?}", String::from_utf8_lossy(&bytes));
            continue;
        };
        if !agrees {
            tally.loader_disagrees += 1;
            eprintln!("fast reader and strict parser disagree on case {case} ({done:?})");
        }
        match outcome {
            Outcome::Rejected => tally.rejected += 1,
            Outcome::Accepted(written) => {
                tally.accepted += 1;
                if breaks {
                    tally.known_broken_accepted += 1;
                    eprintln!("broken file accepted, case {case} ({done:?}): {}", String::from_utf8_lossy(&bytes));
                }
                let text = String::from_utf8_lossy(&bytes);
                let kept = match (ron::from_str::<ron::Value>(&text), ron::from_str::<ron::Value>(&written)) {
                    (Ok(original), Ok(back)) => kept_whole(&original, &back),
                    _ => false,
                };
                if !kept {
                    tally.lossy_accepted += 1;
                    eprintln!("accepted but not kept whole, case {case} ({done:?}): {text}");
                }
            }
        }
    }
    current.store(u64::MAX - 1, Ordering::SeqCst);
    tally
}

/// The mutation fuzz over the three loaders: at least 10,000 cases, no panic, no
/// hang, no broken file accepted, no accepted file read as less than it holds.
#[test]
fn mutation_fuzz_finds_no_panic_hang_or_accepted_broken_file() {
    let cases = std::env::var("CLAIMCODER_FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(10_000);
    let seed = std::env::var("CLAIMCODER_FUZZ_SEED").ok().and_then(|v| v.parse().ok()).unwrap_or(7);
    let t0 = Instant::now();
    let tally = fuzz(cases, seed);
    println!("mutation fuzz, seed {seed}, {:.1} s: {tally:#?}", t0.elapsed().as_secs_f64());
    assert_eq!(tally.cases, cases);
    assert_eq!(tally.panics, 0);
    assert_eq!(tally.hangs, 0);
    assert_eq!(tally.known_broken_accepted, 0);
    assert_eq!(tally.lossy_accepted, 0);
    assert_eq!(tally.loader_disagrees, 0);
    assert!(tally.accepted > 0 && tally.rejected > 0, "the fuzz exercises both outcomes: {tally:?}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// The loader never accepts what the strict parser rejects and never reads
    /// anything different from it, on written files mutated at random.
    #[test]
    fn the_loader_agrees_with_the_strict_parser_on_mutated_files(seed in any::<u64>()) {
        let bases = bases();
        let mut rng = Rng(seed);
        let annotation: Vec<&String> =
            bases.iter().filter(|(l, _)| *l == Loader::Annotation).map(|(_, t)| t).collect();
        let base = annotation[rng.below(annotation.len())];
        let (bytes, done, _) = mutated(&mut rng, base, Loader::Annotation);
        if let Ok(text) = std::str::from_utf8(&bytes) {
            let loaded = parse_annotation("f.ron", text);
            let strict = parse_annotation_strict("f.ron", text);
            prop_assert_eq!(loaded, strict, "after {:?}", done);
        }
    }
}
