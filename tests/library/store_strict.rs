//! Reading is strict (FORMAT.md section 3): every mutation the fuzz found
//! accepted (renamed fields, malformed times, repeated map keys, `format: 0`) is now
//! a located error, the file opens read-only and nothing rewrites it, and `check`
//! and `export` say so instead of silently dropping claims.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use claimcoder::model::{ActorRegistry, Annotator, Choice, Corpus, Document, Field, FieldType};
use claimcoder::store::project_io::{load_project, save_project};
use claimcoder::store::{Access, LoadError, SaveError, load_annotations, parse_annotation, save_annotations};

const DOC0: &str = "000_f61589d60f9b959b";

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

fn seed_file() -> String {
    std::fs::read_to_string(seeds().join(format!("{DOC0}.analyst-a.ron"))).unwrap()
}

/// A temporary copy of the seeds with the codings.
fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(seeds()).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    dir
}

fn run(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimcoder")).args(args).output().unwrap()
}

/// The located error `parse_annotation` gives for the seed file with `from`
/// replaced by `to` once.
fn error_after(from: &str, to: &str) -> (usize, usize, String) {
    let text = seed_file();
    assert!(text.contains(from), "{from}");
    match parse_annotation("f.ron", &text.replacen(from, to, 1)) {
        Err(LoadError::Syntax { line, col, reason, .. }) => (line, col, reason),
        other => panic!("{from:?} -> {to:?} was not refused: {other:?}"),
    }
}

#[test]
fn a_misspelled_claims_field_loses_nothing() {
    let dir = corpus();
    let path = dir.path().join(format!("{DOC0}.analyst-a.ron"));
    let original = std::fs::read_to_string(&path).unwrap();
    let broken = original.replacen("    claims: [", "    claimz: [", 1);
    std::fs::write(&path, &broken).unwrap();

    // check names it, with the field meant, and exits 1.
    let out = run(&["check".as_ref(), dir.path().as_os_str()]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let expected = format!("{}:21:5: unknown field `claimz`; did you mean `claims`?", path.display());
    assert!(stdout.lines().any(|l| l == expected), "{stdout}");

    // export refuses rather than write a dataset without the file's 12 claims.
    let csv = dir.path().join("out.csv");
    let out = run(&[
        "export".as_ref(),
        dir.path().as_os_str(),
        "--format".as_ref(),
        "csv".as_ref(),
        "--out".as_ref(),
        csv.as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean `claims`?"));
    assert!(!csv.exists());

    // the coder's session is read-only with the reason, and a save writes nothing.
    let corpus = Corpus::scan(dir.path()).unwrap();
    let entry = corpus.document(&format!("{DOC0}.txt")).unwrap();
    let doc = Document::load(&entry.id, &entry.path).unwrap();
    let mut loaded = load_annotations(entry, &Annotator::parse("analyst-a").unwrap(), &doc);
    match &loaded.access {
        Access::ReadOnly(e) => assert!(e.to_string().contains("did you mean `claims`?"), "{e}"),
        other => panic!("{other:?}"),
    }
    let id = loaded.file.take_claim_id();
    loaded.file.claims.push(claimcoder::model::Claim::new(
        id,
        "assertion",
        claimcoder::model::Span::from_text(&doc.text, 0, 5).unwrap(),
    ));
    assert!(matches!(save_annotations(&mut loaded, &doc, &ActorRegistry::default()), Err(SaveError::ReadOnly { .. })));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), broken, "the 12 claims are still in the file");
}

#[test]
fn a_misspelled_source_is_an_error_not_a_missing_source() {
    let (line, col, reason) = error_after("            source: Some(", "            sourse: Some(");
    assert_eq!((line, col), (26, 13));
    assert_eq!(reason, "unknown field `sourse` in a claim; did you mean `source`?");
}

#[test]
fn unknown_fields_are_errors_at_any_depth() {
    let (_, _, reason) = error_after("format: 1,", "format: 1,\n    reviewer: \"bob\",");
    assert!(reason.starts_with("unknown field `reviewer` (known fields: `format`, `document`"), "{reason}");
    let (line, _, reason) = error_after("(start: 560, end: 598,", "(start: 560, ende: 598,");
    assert_eq!(line, 27);
    assert_eq!(reason, "unknown field `ende` in a span; did you mean `end`?");
    let (_, _, reason) = error_after("status: Done", "status: Dnoe");
    assert_eq!(reason, "unknown value `Dnoe`; did you mean `Done`?");
}

#[test]
fn missing_required_fields_are_errors_and_optional_ones_are_not() {
    for (field, line) in [
        ("note", "            note: \"\",\n"),
        ("cue", "            cue: Some((start: 599, end: 603, quote: \"told\")),\n"),
    ] {
        let (_, _, reason) = error_after(line, "");
        assert_eq!(reason, format!("missing field `{field}` in a claim"));
    }
    for (field, from) in [("actors", "    actors: {"), ("claims", "    claims: [")] {
        let text = seed_file();
        let start = text.find(from).unwrap();
        let close = if field == "actors" { "\n    },\n" } else { "\n    ],\n" };
        let end = start + text[start..].find(close).unwrap() + close.len();
        let cut = format!("{}{}", &text[..start], &text[end..]);
        match parse_annotation("f.ron", &cut) {
            Err(LoadError::Syntax { reason, .. }) => assert_eq!(reason, format!("missing field `{field}`")),
            other => panic!("{field}: {other:?}"),
        }
    }
    // next_id, rejected and fields are optional.
    let text = seed_file();
    let without_next_id: String =
        text.lines().filter(|l| !l.starts_with("    next_id:")).map(|l| format!("{l}\n")).collect();
    let file = parse_annotation("f.ron", &without_next_id).unwrap();
    assert_eq!(file.claims.len(), 12);
}

#[test]
fn malformed_times_are_errors() {
    for bad in [
        "2026-11-21T+7:47:33Z",
        "2026-11-20T09:02:00+00:00",
        "2026-11-20T09:02:00.250Z",
        "2026-11-20 09:02:00Z",
        "2026-02-30T09:02:00Z",
        "yesterday",
    ] {
        let (line, col, reason) = error_after("created: \"2026-11-20T09:02:00Z\"", &format!("created: \"{bad}\""));
        assert_eq!(line, 31, "{bad}");
        assert!(col >= 22, "{bad}: {col}");
        assert_eq!(reason, format!("`{bad}` is not a UTC time to the second (like `2026-11-22T12:00:00Z`)"));
    }
    let (line, _, _) = error_after("modified: \"2026-11-21T10:22:27Z\"", "modified: \"2026-11-21T10:22:27z\"");
    assert_eq!(line, 7);
}

#[test]
fn repeated_map_keys_are_errors() {
    let (line, _, reason) = error_after(
        "        \"barack-obama\": \"Barack Obama\",\n",
        "        \"barack-obama\": \"Barack Obama\",\n        \"barack-obama\": \"Obama\",\n",
    );
    assert_eq!((line, reason.as_str()), (12, "`barack-obama` appears twice in `actors`"));
    let (_, _, reason) =
        error_after("            fields: {\"addressee\"", "            fields: {\"position\": \"1\", \"addressee\"");
    assert_eq!(reason, "`position` appears twice in `fields`");
    let (_, _, reason) = error_after("            note: \"\",\n", "            note: \"\",\n            fields: {},\n");
    assert_eq!(reason, "field `fields` appears twice in a claim");
    let (_, _, reason) = error_after("    claims: [", "    claims: [],\n    claims: [");
    assert_eq!(reason, "field `claims` appears twice");
}

#[test]
fn format_zero_is_an_error_and_a_newer_format_is_read_only() {
    let (line, col, reason) = error_after("format: 1,", "format: 0,");
    assert_eq!((line, col), (2, 13));
    assert_eq!(reason, "format 0 does not exist; this program reads format 1");
    let newer = seed_file().replacen("format: 1,", "format: 2,\n    claimz: [],", 1);
    assert!(matches!(parse_annotation("f.ron", &newer), Err(LoadError::NewerFormat { found: 2, .. })));
}

#[test]
fn claim_fields_round_trip_in_the_contract_layout() {
    let text = seed_file();
    assert!(text.contains(
        "            fields: {\"addressee\": \"chinese-government\", \"issue\": \"cyber-attacks\", \"position\": \"-1\"},\n"
    ));
    let file = parse_annotation("f.ron", &text).unwrap();
    assert_eq!(file.claims[0].fields.get("position").map(String::as_str), Some("-1"));
    assert_eq!(claimcoder::store::to_ron(&file), text, "written back byte for byte");
}

#[test]
fn gold_files_are_read_strictly_too() {
    let dir = corpus();
    let gold = dir.path().join(format!("{DOC0}.gold.ron"));
    let text =
        seed_file().replacen("analyst-a", "gold", 1).replacen("    next_id:", "    rejectd: [],\n    next_id:", 1);
    std::fs::write(&gold, &text).unwrap();
    let out = run(&["check".as_ref(), dir.path().as_os_str()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("unknown field `rejectd`; did you mean `rejected`?"), "{stdout}");
    assert_eq!(std::fs::read_to_string(&gold).unwrap(), text);
}

fn project_text() -> String {
    std::fs::read_to_string(seeds().join("claimcoder.ron")).unwrap()
}

/// The seed project file with its `fields` left out (a codebook without claim fields).
fn project_text_without_fields() -> String {
    let text = project_text();
    let start = text.find("    fields: [\n").expect("the seed codebook has fields");
    let end = start + text[start..].find("\n    ],\n").expect("fields end") + "\n    ],\n".len();
    format!("{}{}", &text[..start], &text[end..])
}

#[test]
fn the_project_file_is_strict_and_keeps_its_fields() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("claimcoder.ron");
    for (from, to, expected) in [
        ("label: \"Denial\"", "lable: \"Denial\"", "unknown field `lable` in a kind; did you mean `label`?"),
        (
            "            role: \"Treasury Secretary\",",
            "            rol: \"x\",",
            "unknown field `rol` in an actor; did you mean `role`?",
        ),
        ("    actors: [", "    actor: [", "unknown field `actor`; did you mean `actors`?"),
        ("format: 1,", "format: 0,", "format 0 does not exist; this program reads format 1"),
        ("            color: \"#3b82f6\",\n", "", "missing field `color` in a kind"),
    ] {
        std::fs::write(&path, project_text().replacen(from, to, 1)).unwrap();
        match load_project(&path) {
            Err(LoadError::Syntax { reason, .. }) => assert_eq!(reason, expected),
            other => panic!("{from}: {other:?}"),
        }
    }
    assert_eq!(load_project(&seeds().join("claimcoder.ron")).unwrap().fields.len(), 3);
    let with_fields = project_text_without_fields().replacen(
        "    actors: [",
        "    fields: [\n        (id: \"position\", label: \"Position\", type: Scale, definition: \"Stance.\",\n         values: [(value: \"-1\", label: \"against\"), (value: \"1\", label: \"for\")]),\n        (id: \"frame\", label: \"Frame\", type: Text),\n    ],\n    actors: [",
        1,
    );
    std::fs::write(&path, &with_fields).unwrap();
    let project = load_project(&path).unwrap();
    assert_eq!(project.fields.len(), 2);
    assert_eq!(project.fields[0].r#type, FieldType::Scale);
    assert_eq!(project.fields[0].values[0], Choice { value: "-1".into(), label: "against".into() });
    assert_eq!(project.fields[1].definition, "");
    save_project(&path, &project).unwrap();
    let written = std::fs::read_to_string(&path).unwrap();
    assert!(written.contains("            type: Scale,\n"), "{written}");
    assert_eq!(load_project(&path).unwrap(), project);

    let bad = with_fields.replacen("type: Text", "type: Txt", 1);
    std::fs::write(&path, bad).unwrap();
    match load_project(&path) {
        Err(LoadError::Syntax { reason, .. }) => assert_eq!(reason, "unknown value `Txt`; did you mean `Text`?"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn check_reports_codebook_field_problems() {
    let dir = corpus();
    let mut project = load_project(&dir.path().join("claimcoder.ron")).unwrap();
    project.fields = vec![
        Field {
            id: "position".into(),
            label: "Position".into(),
            r#type: FieldType::Scale,
            definition: String::new(),
            values: vec![Choice { value: "high".into(), label: "High".into() }],
        },
        Field {
            id: "position".into(),
            label: "Again".into(),
            r#type: FieldType::Category,
            definition: String::new(),
            values: vec![],
        },
    ];
    save_project(&dir.path().join("claimcoder.ron"), &project).unwrap();
    let out = run(&["check".as_ref(), dir.path().as_os_str()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    for expected in [
        "field `position` is a Scale, but its value `high` is not an integer",
        "field id `position` is used twice",
        "field `position` is a Category and needs values",
    ] {
        assert!(stdout.contains(expected), "{expected}: {stdout}");
    }
}

/// FORMAT.md section 3: a field value the codebook does not allow is reported by
/// `check` and kept in the file.
#[test]
fn check_reports_claim_field_values_the_codebook_does_not_allow() {
    let dir = corpus();
    let mut project = load_project(&dir.path().join("claimcoder.ron")).unwrap();
    let choice = |v: &str| Choice { value: v.into(), label: v.into() };
    let field = |id: &str, r#type: FieldType, values: Vec<Choice>| Field {
        id: id.into(),
        label: id.into(),
        r#type,
        definition: String::new(),
        values,
    };
    project.fields = vec![
        field("position", FieldType::Scale, vec![choice("-1"), choice("0"), choice("1")]),
        field("addressee", FieldType::Actor, vec![]),
        field("frame", FieldType::Text, vec![]),
    ];
    save_project(&dir.path().join("claimcoder.ron"), &project).unwrap();
    let path = dir.path().join(format!("{DOC0}.analyst-a.ron"));
    let seed = seed_file();
    let first_fields = seed.lines().find(|l| l.trim_start().starts_with("fields: ")).unwrap();
    let text = seed.replacen(
        first_fields,
        "            fields: {\"addressee\": \"Chinese Government\", \"frame\": \"any text\", \"mood\": \"x\", \"position\": \"2\"},",
        1,
    );
    std::fs::write(&path, &text).unwrap();
    let out = run(&["check".as_ref(), dir.path().as_os_str()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let id_line = text.lines().position(|l| l.trim() == "id: 1,").unwrap() + 1;
    let at = format!("{}:{id_line}:13: claim 1 ", path.display());
    for expected in [
        "field `addressee` has `Chinese Government`, which is not a valid actor id; the value is kept",
        "field `mood` is not a field of the codebook (value `x`); the value is kept",
        "field `position` has `2`, which is not one of its values (-1, 0, 1); the value is kept",
    ] {
        assert!(stdout.contains(&format!("{at}{expected}")), "{expected}: {stdout}");
    }
    assert!(!stdout.contains("frame"), "{stdout}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text, "kept");
}
