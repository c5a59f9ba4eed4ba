//! Fixtures shared by the export tests: the five seed articles with a fixed,
//! deterministic set of claims by three annotators, and a small non-ASCII corpus.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, TimeZone, Utc};
use claimcoder::model::actor::id_from_name;
use claimcoder::model::{
    Actor, AnnotationFile, Annotator, Choice, Claim, Field, FieldType, Project, Span, Status, TextIndex,
};
use claimcoder::store::project_io::save_project;
use claimcoder::store::to_ron;

/// The seed corpus shipped with the project.
pub fn seeds_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

/// Every timestamp in the fixtures, so golden files never change.
pub fn fixed_time() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 2, 3, 4, 5).single().unwrap()
}

/// The project: the built-in codebook with an Actor, a Scale, a Category and a
/// Text field, and a registry knowing Lew and Russel.
pub fn project() -> Project {
    let mut p = Project::builtin();
    let choices = |values: &[(&str, &str)]| -> Vec<Choice> {
        values.iter().map(|(value, label)| Choice { value: (*value).into(), label: (*label).into() }).collect()
    };
    let field = |id: &str, label: &str, r#type, values| Field {
        id: id.into(),
        label: label.into(),
        r#type,
        definition: format!("The {id}."),
        values,
    };
    p.fields = vec![
        field("addressee", "Addressee", FieldType::Actor, vec![]),
        field("position", "Position", FieldType::Scale, choices(&[("-1", "against"), ("0", "neutral"), ("1", "for")])),
        field(
            "issue",
            "Issue",
            FieldType::Category,
            choices(&[("cybersecurity", "Cybersecurity"), ("trade", "Trade"), ("human rights", "Human rights")]),
        ),
        field("frame", "Frame", FieldType::Text, vec![]),
    ];
    p.actors.actors.push(Actor {
        id: "jacob-lew".into(),
        name: "Jacob J. Lew".into(),
        aliases: vec!["Lew".into()],
        group: "United States".into(),
        role: "Treasury Secretary".into(),
    });
    p.actors.actors.push(Actor { group: "United States".into(), ..Actor::named("Daniel Russel") });
    p
}

/// Claims built from the text alone: for each of the first `max` reporting verbs
/// ("said", "told"), the verb is the cue, the word before it the source mention and
/// up to 60 characters before that the claim.
pub fn claims_for(text: &TextIndex, max: usize, seed: usize) -> (Vec<Claim>, BTreeMap<String, String>) {
    let mut cues: Vec<usize> =
        text.find_all(" said").into_iter().chain(text.find_all(" told")).map(|p| p + 1).collect();
    cues.sort();
    let chars: Vec<char> = text.as_str().chars().collect();
    let kinds = ["assertion", "denial", "commitment"];
    let mut claims = Vec::new();
    let mut actors = BTreeMap::new();
    for (i, &cue_start) in cues.iter().take(max).enumerate() {
        let mention_end = cue_start - 1;
        let mut mention_start = mention_end;
        while mention_start > 0 && !chars[mention_start - 1].is_whitespace() {
            mention_start -= 1;
        }
        let mut content_start = mention_start.saturating_sub(61);
        while content_start < mention_start && chars[content_start].is_whitespace() {
            content_start += 1;
        }
        let mut content_end = mention_start.saturating_sub(1);
        while content_end > content_start && chars[content_end - 1].is_whitespace() {
            content_end -= 1;
        }
        if content_end <= content_start || mention_end <= mention_start {
            continue;
        }
        let id = (i + 1) as u64;
        let mut c = Claim::new(id, kinds[(i + seed) % 3], Span::from_text(text, content_start, content_end).unwrap());
        c.cue = Span::from_text(text, cue_start, cue_start + 4);
        c.source_mention = Span::from_text(text, mention_start, mention_end);
        if (i + seed) % 3 != 2 {
            let word = text.slice(mention_start, mention_end).to_owned();
            let actor = if word == "Lew" { "jacob-lew".to_owned() } else { id_from_name(&word) };
            actors.insert(actor.clone(), word);
            c.source = Some(actor);
        }
        if i == 1 {
            c.note = format!("check \"quote\", line 1\nline 2 (seed {seed})");
        }
        set_fields(&mut c, i + seed);
        c.created = fixed_time();
        c.modified = fixed_time();
        claims.push(c);
    }
    (claims, actors)
}

/// Claim field values that vary with `n`: an addressee in and out of the registry, a
/// position, an issue with a space in it, and free text that brat must encode.
fn set_fields(c: &mut Claim, n: usize) {
    let mut set = |id: &str, value: &str| {
        c.fields.insert(id.to_owned(), value.to_owned());
    };
    if n % 4 != 3 {
        set("addressee", ["jacob-lew", "chinese-government", "daniel-russel"][n % 3]);
    }
    set("position", ["-1", "0", "1"][(2 * n) % 3]);
    if n.is_multiple_of(2) {
        set("issue", ["cybersecurity", "trade", "human rights"][(n / 2) % 3]);
    }
    if n % 3 == 1 {
        set("frame", &format!("“frank” talks, 100% | <sure>\tline {n}"));
    }
}

/// Writes `annotator`'s file for `doc_id` in `root`.
pub fn write_annotation(root: &Path, doc_id: &str, annotator: &str, status: Status, max: usize, seed: usize) {
    let bytes = std::fs::read(root.join(doc_id)).unwrap();
    let doc = claimcoder::model::Document::from_bytes(doc_id, &bytes).unwrap();
    let (claims, actors) = claims_for(&doc.text, max, seed);
    let mut file = AnnotationFile::new(doc_id, annotator, &doc.sha256);
    file.status = status;
    file.modified = fixed_time();
    file.next_id = claims.len() as u64 + 1;
    file.claims = claims;
    let project = project();
    file.actors = actors
        .into_iter()
        .map(|(id, word)| {
            let name = project.actors.get(&id).map(|a| a.name.clone()).unwrap_or(word);
            (id, name)
        })
        .collect();
    let annotator = Annotator::parse_any(annotator).unwrap();
    let path = claimcoder::model::corpus::annotation_path(&root.join(doc_id), &annotator);
    std::fs::write(path, to_ron(&file)).unwrap();
}

/// The five seeds and their `documents.csv` in a temporary corpus: alice codes all
/// (two done), bob three, gold one.
pub fn seed_corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let mut ids: Vec<String> = std::fs::read_dir(seeds_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    ids.sort();
    for id in &ids {
        std::fs::copy(seeds_dir().join(id), root.join(id)).unwrap();
    }
    std::fs::copy(seeds_dir().join("documents.csv"), root.join("documents.csv")).unwrap();
    save_project(&root.join("claimcoder.ron"), &project()).unwrap();
    for (i, id) in ids.iter().enumerate() {
        let status = if i < 2 { Status::Done } else { Status::InProgress };
        write_annotation(root, id, "alice", status, 4, 0);
        if i < 3 {
            write_annotation(root, id, "bob", Status::InProgress, 3, 1);
        }
        if i == 1 {
            write_annotation(root, id, "gold", Status::Done, 4, 0);
        }
    }
    dir
}

/// A text with a BOM on disk, CRLF line ends, curly quotes, an em dash and a
/// non-breaking space before every span, in a subfolder.
pub const TRICKY_TEXT: &str = "Headline — “Trade” row\r\nChina’s ministry\u{a0}said: “We never hack.” \
     Officials said the talks — “frank” — would go on.\r\nLew told reporters it was “very serious”.\r\n";

/// A corpus with [`TRICKY_TEXT`] at `2013/tricky.txt` (with a BOM) coded by alice.
pub fn tricky_corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("2013")).unwrap();
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(TRICKY_TEXT.as_bytes());
    std::fs::write(root.join("2013/tricky.txt"), bytes).unwrap();
    save_project(&root.join("claimcoder.ron"), &project()).unwrap();
    write_annotation(root, "2013/tricky.txt", "alice", Status::Done, 5, 0);
    let text = TextIndex::new(TRICKY_TEXT.to_owned());
    let mut file =
        claimcoder::store::parse_annotation("x", &std::fs::read_to_string(root.join("2013/tricky.alice.ron")).unwrap())
            .unwrap();
    let start = text.find_all("Headline").first().copied().unwrap();
    let end = text.find_all("ministry").first().copied().unwrap() + "ministry".len();
    let mut across = Claim::new(99, "denial", Span::from_text(&text, start, end).unwrap());
    across.created = fixed_time();
    across.modified = fixed_time();
    file.claims.push(across);
    file.next_id = 100;
    std::fs::write(root.join("2013/tricky.alice.ron"), to_ron(&file)).unwrap();
    dir
}

/// Every file under `dir`, relative path with `/` -> bytes.
pub fn read_tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for e in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let e = e.unwrap();
        if e.file_type().is_file() {
            let rel = e.path().strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/");
            out.insert(rel, std::fs::read(e.path()).unwrap());
        }
    }
    out
}
