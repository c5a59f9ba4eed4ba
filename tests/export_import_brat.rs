//! brat import: a round trip through brat gives back the claims, and each kind of
//! bad input is an error naming file and line, with nothing written.

mod export_support;

use std::collections::BTreeMap;
use std::path::Path;

use claimcoder::export::{ExportOptions, Format, ImportError, ImportOptions, export, import_brat};
use claimcoder::model::{Annotator, Claim};
use claimcoder::store::load_dataset;
use export_support::{seed_corpus, tricky_corpus};

fn export_brat(root: &Path, out: &Path) {
    let dataset = load_dataset(root, &[]).unwrap();
    let opts = ExportOptions {
        format: Format::Brat,
        annotators: vec![],
        only_done: false,
        out: out.to_path_buf(),
        force: false,
    };
    export(&dataset, &opts, &mut |_, _| {}).unwrap();
}

fn import(
    brat_dir: &Path,
    corpus: &Path,
    annotator: &str,
    force: bool,
) -> Result<claimcoder::export::ImportSummary, ImportError> {
    let opts = ImportOptions {
        brat_dir: brat_dir.to_path_buf(),
        corpus: corpus.to_path_buf(),
        annotator: Annotator::parse(annotator).unwrap(),
        force,
    };
    import_brat(&opts)
}

type Essentials =
    (String, (usize, usize), Option<String>, Option<(usize, usize)>, Option<(usize, usize)>, BTreeMap<String, String>);

fn essentials(claims: &[Claim]) -> Vec<Essentials> {
    let mut v: Vec<Essentials> = claims
        .iter()
        .map(|c| {
            (
                c.kind.clone(),
                (c.content.start, c.content.end),
                c.source.clone(),
                c.source_mention.as_ref().map(|s| (s.start, s.end)),
                c.cue.as_ref().map(|s| (s.start, s.end)),
                c.fields.clone(),
            )
        })
        .collect();
    v.sort();
    v
}

fn claims_of(root: &Path, annotator: &str) -> Vec<(String, Vec<Essentials>)> {
    let a = Annotator::parse_any(annotator).unwrap();
    let dataset = load_dataset(root, std::slice::from_ref(&a)).unwrap();
    assert!(dataset.errors.is_empty(), "{:?}", dataset.errors);
    dataset
        .documents
        .iter()
        .filter_map(|d| d.files.get(&a).map(|f| (d.entry.id.clone(), essentials(&f.claims))))
        .collect()
}

#[test]
fn round_trip_through_brat_keeps_every_claim() {
    for corpus in [seed_corpus(), tricky_corpus()] {
        let out = corpus.path().join("brat-out");
        export_brat(corpus.path(), &out);
        let summary = import(&out.join("alice"), corpus.path(), "carol", false).unwrap();
        assert!(summary.unmapped.is_empty(), "{:?}", summary.unmapped);
        let before = claims_of(corpus.path(), "alice");
        let after = claims_of(corpus.path(), "carol");
        assert!(!before.is_empty());
        let valued = before.iter().flat_map(|(_, c)| c).filter(|c| !c.5.is_empty()).count();
        assert!(valued > 0, "the fixture codes claim fields, so the round trip carries them");
        assert_eq!(before, after);
        assert_eq!(summary.claims, before.iter().map(|(_, c)| c.len()).sum::<usize>());
        let notes: Vec<String> = load_dataset(corpus.path(), &[Annotator::parse("carol").unwrap()])
            .unwrap()
            .documents
            .iter()
            .flat_map(|d| d.files.values().flat_map(|f| f.claims.iter().map(|c| c.note.clone())).collect::<Vec<_>>())
            .filter(|n| !n.is_empty())
            .collect();
        assert!(notes.iter().all(|n| n.starts_with("check \"quote\", line 1 line 2")), "{notes:?}");
    }
}

fn brat_fixture(ann: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let corpus = tricky_corpus();
    let dir = corpus.path().join("hand/2013");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("tricky.ann"), ann).unwrap();
    let brat = corpus.path().join("hand");
    (corpus, brat)
}

fn expect_error(ann: &str, line: usize, needle: &str) {
    let (corpus, brat) = brat_fixture(ann);
    let err = import(&brat, corpus.path(), "carol", false).unwrap_err();
    let text = err.to_string();
    assert!(text.contains(&format!("tricky.ann:{line}: ")), "{text}");
    assert!(text.contains(needle), "{text}");
    assert!(!corpus.path().join("2013/tricky.carol.ron").exists(), "nothing written");
}

#[test]
fn offsets_past_the_end_are_errors() {
    expect_error("T1\tAssertion 0 8\tHeadline\nT2\tAssertion 100 900\tx\n", 2, "past the end of the text");
}

#[test]
fn text_that_does_not_match_the_corpus_is_an_error() {
    expect_error("T1\tAssertion 0 8\tHeadlime\n", 1, "\"Headline\" in the corpus, not \"Headlime\"");
}

#[test]
fn kinds_outside_the_codebook_are_errors() {
    expect_error("T1\tRumour 0 8\tHeadline\n", 1, "type `Rumour` is not a kind of the codebook");
}

#[test]
fn existing_files_are_kept_without_force() {
    let (corpus, brat) = brat_fixture("T1\tassertion 0 8\tHeadline\n");
    let err = import(&brat, corpus.path(), "alice", false).unwrap_err().to_string();
    assert!(err.contains("tricky.alice.ron already exists"), "{err}");
    let summary = import(&brat, corpus.path(), "alice", true).unwrap();
    assert_eq!(summary.claims, 1);
    assert_eq!(claims_of(corpus.path(), "alice")[0].1[0].1, (0, 8));
}

#[test]
fn unmapped_lines_are_reported_and_discontinuous_spans_noted() {
    let ann = "T1\tPolicy 0 8\tHeadline\nT2\tDENIAL 0 8;11 18\tHeadline “Trade”\nA1\tNegated T1\n\
               R1\tSource Arg1:T1 Arg2:T3\nT3\tSource 32 40\tministry\nN1\tReference T3 Actors:china-mfa\tChina MFA\n\
               N2\tReference T2 Wikipedia:1\tX\nT4\tCue 41 45\tsaid\n";
    let (corpus, brat) = brat_fixture(&ann.replace("Policy", "Assertion"));
    let summary = import(&brat, corpus.path(), "carol", false).unwrap();
    let lines: Vec<usize> = summary.unmapped.iter().map(|u| u.line).collect();
    assert_eq!(lines, [3, 7, 8], "{:?}", summary.unmapped);
    assert!(summary.unmapped[0].to_string().contains("tricky.ann:3: `A1` not imported"));
    assert_eq!(summary.new_actors.get("china-mfa").map(String::as_str), Some("China MFA"));
    let dataset = load_dataset(corpus.path(), &[Annotator::parse("carol").unwrap()]).unwrap();
    let file = dataset.documents[0].files.values().next().unwrap();
    let denial = file.claims.iter().find(|c| c.kind == "denial").unwrap();
    assert_eq!((denial.content.start, denial.content.end), (0, 18));
    assert!(denial.note.contains("discontinuous span 0 8;11 18"), "{}", denial.note);
    let assertion = file.claims.iter().find(|c| c.kind == "assertion").unwrap();
    assert_eq!(assertion.source.as_deref(), Some("china-mfa"), "the actor of the linked Source mention");
    assert_eq!(file.actors.get("china-mfa").map(String::as_str), Some("China MFA"));
}

#[test]
fn claim_field_attributes_are_read_back_and_odd_ones_reported() {
    let ann = "T1\tAssertion 0 8\tHeadline\nT2\tSource 32 40\tministry\nR1\tSource Arg1:T1 Arg2:T2\n\
               A1\tposition T1 -1\nA2\tIssue T1 human%20rights\nA3\tframe T1 100%\nA4\tNegation T1 yes\n\
               A5\tposition T2 1\nA6\tposition T1 0\nA7\taddressee T1\n";
    let (corpus, brat) = brat_fixture(ann);
    let summary = import(&brat, corpus.path(), "carol", false).unwrap();
    let reported: Vec<(usize, String)> = summary.unmapped.iter().map(|u| (u.line, u.message.clone())).collect();
    let lines: Vec<usize> = reported.iter().map(|(l, _)| *l).collect();
    assert_eq!(lines, [7, 8, 9, 10], "{reported:?}");
    assert!(reported[0].1.contains("attribute `Negation` is not a field of the codebook"), "{reported:?}");
    assert!(reported[1].1.contains("attribute on T2, which is not a claim"), "{reported:?}");
    assert!(reported[2].1.contains("T1 already has a value for field `position`"), "{reported:?}");
    assert!(reported[3].1.contains("attribute `addressee` has no value"), "{reported:?}");
    let file = claimcoder::store::parse_annotation(
        "carol",
        &std::fs::read_to_string(corpus.path().join("2013/tricky.carol.ron")).unwrap(),
    )
    .unwrap();
    let fields: Vec<(&str, &str)> = file.claims[0].fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    assert_eq!(
        fields,
        [("frame", "100%"), ("issue", "human rights"), ("position", "-1")],
        "label and id both name a field"
    );
}

#[test]
fn a_malformed_attribute_line_is_an_error() {
    let (corpus, brat) = brat_fixture("T1\tAssertion 0 8\tHeadline\nA1\tposition\n");
    let err = import(&brat, corpus.path(), "carol", false).unwrap_err().to_string();
    assert!(err.contains("tricky.ann:2: ") && err.contains("is not `<name> T<n> <value>`"), "{err}");
}

/// What brat's client warns about (visualizer.js): an attribute whose type is not
/// declared for the annotation's type, or whose value is not among the declared
/// `Value:`s; and what its configuration parser rejects: an attribute name outside
/// `[A-Za-z0-9_-]`, an argument that is not `key:value` without whitespace, an empty
/// value, and a `<...>` that is not one of its reserved words.
#[test]
fn exported_attributes_are_declared_as_brat_reads_them() {
    let corpus = seed_corpus();
    let out = corpus.path().join("brat-out");
    export_brat(corpus.path(), &out);
    let conf = std::fs::read_to_string(out.join("annotation.conf")).unwrap();
    let section = |name: &str| -> Vec<String> {
        conf.lines()
            .skip_while(|l| l.trim() != format!("[{name}]"))
            .skip(1)
            .take_while(|l| !l.trim_start().starts_with('['))
            .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
            .map(str::to_owned)
            .collect()
    };
    for line in conf.lines() {
        for (i, _) in line.match_indices('<') {
            let word = &line[i..line[i..].find('>').map_or(line.len(), |j| i + j + 1)];
            assert!(["<OVERLAP>", "<ENTITY>", "<OVL-TYPE>", "<ANY>"].contains(&word), "unknown {word} in {line}");
        }
    }
    let mut declared: BTreeMap<String, (Vec<String>, Vec<String>)> = BTreeMap::new();
    for line in section("attributes") {
        let (name, args) = line.split_once(|c: char| c.is_whitespace()).unwrap();
        assert!(name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-'), "{name}");
        let mut targets = Vec::new();
        let mut values = Vec::new();
        for arg in args.split(',').map(str::trim) {
            let (key, list) = arg.split_once(':').unwrap_or_else(|| panic!("`{arg}` is not key:value"));
            assert!(!arg.chars().any(char::is_whitespace), "whitespace in `{arg}`");
            let items: Vec<String> = list.split('|').map(str::to_owned).collect();
            assert!(items.iter().all(|v| !v.is_empty()), "empty value in `{arg}`");
            match key {
                "Arg" => targets = items,
                "Value" => values = items,
                other => panic!("unexpected argument {other}"),
            }
        }
        declared.insert(name.to_owned(), (targets, values));
    }
    assert_eq!(declared.keys().collect::<Vec<_>>(), ["addressee", "frame", "issue", "position"]);
    let mut attributes = 0;
    for (rel, bytes) in export_support::read_tree(&out).iter().filter(|(rel, _)| rel.ends_with(".ann")) {
        let ann = String::from_utf8(bytes.clone()).unwrap();
        let types: BTreeMap<&str, &str> = ann
            .lines()
            .filter(|l| l.starts_with('T'))
            .map(|l| {
                let mut parts = l.split('\t');
                (parts.next().unwrap(), parts.next().unwrap().split(' ').next().unwrap())
            })
            .collect();
        for line in ann.lines().filter(|l| l.starts_with('A')) {
            let (_, body) = line.split_once('\t').unwrap();
            let parts: Vec<&str> = body.split(' ').collect();
            let [name, target, value] = parts.as_slice() else { panic!("{rel}: `{line}` is not `name T<n> value`") };
            let (targets, values) = declared.get(*name).unwrap_or_else(|| panic!("{rel}: {name} not declared"));
            assert!(targets.iter().any(|t| t == types[target]), "{rel}: {name} not declared for {}", types[target]);
            assert!(values.iter().any(|v| v == value), "{rel}: value {value} of {name} not declared");
            attributes += 1;
        }
    }
    assert!(attributes > 20, "the fixture's field values are exported ({attributes})");
    let visual = std::fs::read_to_string(out.join("visual.conf")).unwrap();
    assert!(visual.contains("position | Position"), "{visual}");
}
