//! brat import: a round trip through brat gives back the claims, and each kind of
//! bad input is an error naming file and line, with nothing written.

use std::collections::BTreeMap;
use std::path::Path;

use crate::export_support::{seed_corpus, tricky_corpus};
use claimcoder::export::{
    BratImportOptions, ExportOptions, Format, ImportAnnotators, ImportError, ImportOptions, export, import_brat,
    import_brat_with,
};
use claimcoder::model::{Annotator, Claim};
use claimcoder::store::load_dataset;

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
fn kinds_outside_the_codebook_are_reported_not_imported() {
    let (corpus, brat) = brat_fixture("T1\tRumour 0 8\tHeadline\nT2\tAssertion 24 40\tChina’s ministry\n");
    let summary = import(&brat, corpus.path(), "carol", false).unwrap();
    assert_eq!(summary.claims, 1);
    assert_eq!(summary.unmapped.len(), 1, "{:?}", summary.unmapped);
    let text = summary.unmapped[0].to_string();
    assert!(text.contains("tricky.ann:1: `T1` not imported: type `Rumour` is not a kind of the codebook"), "{text}");
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
    for (rel, bytes) in crate::export_support::read_tree(&out).iter().filter(|(rel, _)| rel.ends_with(".ann")) {
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

fn import_with(
    brat_dir: &Path,
    corpus: &Path,
    annotators: ImportAnnotators,
    default_kind: Option<&str>,
) -> Result<claimcoder::export::ImportSummary, ImportError> {
    let opts = BratImportOptions {
        brat_dir: brat_dir.to_path_buf(),
        corpus: corpus.to_path_buf(),
        annotators,
        default_kind: default_kind.map(str::to_owned),
        force: false,
    };
    import_brat_with(&opts)
}

fn carol() -> ImportAnnotators {
    ImportAnnotators::Named(Annotator::parse("carol").unwrap())
}

fn file_of(root: &Path, annotator: &str) -> claimcoder::model::AnnotationFile {
    let a = Annotator::parse_any(annotator).unwrap();
    let dataset = load_dataset(root, std::slice::from_ref(&a)).unwrap();
    assert!(dataset.errors.is_empty(), "{:?}", dataset.errors);
    dataset.documents.iter().find_map(|d| d.files.get(&a).cloned()).expect("a file")
}

/// An attribution corpus's shape: text-bounds `Source`, `Cue`, `Content` and a
/// trigger, linked by events.
const EVENTS: &str = "T1\tSource 24 40\tChina’s ministry\nT2\tCue 41 45\tsaid\nT3\tContent 48 62\tWe never hack.\n\
    T4\tAttribution 41 45\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n\
    T5\tSource 115 118\tLew\nT6\tCue 119 123\ttold\nT7\tContent 142 154\tvery serious\n\
    T8\tContent 92 97\tfrank\nT9\tAttribution 119 123\ttold\n\
    E2\tAttribution:T9 content:T7 CUE:T6 Source1:T5 Content2:T8\n";

#[test]
fn events_become_claims_with_cue_and_mention() {
    let (corpus, brat) = brat_fixture(EVENTS);
    let summary = import_with(&brat, corpus.path(), carol(), None).unwrap();
    assert!(summary.unmapped.is_empty(), "{:?}", summary.unmapped);
    assert_eq!(summary.claims, 2);
    let file = file_of(corpus.path(), "carol");
    let ids: Vec<u64> = file.claims.iter().map(|c| c.id).collect();
    assert_eq!(ids, [1, 2], "numbered in text order");
    let first = &file.claims[0];
    assert_eq!((first.content.start, first.content.end, first.content.quote.as_str()), (48, 62, "We never hack."));
    assert_eq!(first.kind, "assertion", "Attribution is no kind: the codebook's first");
    assert_eq!(first.cue.as_ref().map(|s| (s.start, s.end)), Some((41, 45)));
    assert_eq!(first.source_mention.as_ref().map(|s| s.quote.as_str()), Some("China’s ministry"));
    assert_eq!(first.source, None, "no registry actor is named that");
    let second = &file.claims[1];
    assert_eq!((second.content.start, second.content.end), (92, 154), "Content and Content2 covered");
    assert!(second.note.contains("2 Content spans (T7 142 154; T8 92 97)"), "{}", second.note);
    assert_eq!(second.source.as_deref(), Some("jacob-lew"), "the mention is an alias in the registry");
    assert_eq!(file.actors.get("jacob-lew").map(String::as_str), Some("Jacob J. Lew"));
}

/// A field set on an event (brat's way to attribute an event) is its claim's; one set
/// on an argument (the source mention) is not the claim's and is reported.
#[test]
fn attributes_of_events_are_their_claims_fields() {
    let ann = format!("{EVENTS}A1\tposition E1 -1\nA2\tposition T1 1\nA3\tissue E2 trade\n");
    let (corpus, brat) = brat_fixture(&ann);
    let summary = import_with(&brat, corpus.path(), carol(), None).unwrap();
    let reported: Vec<(usize, &str)> = summary.unmapped.iter().map(|u| (u.line, u.message.as_str())).collect();
    assert_eq!(reported, [(13, "attribute on T1, which is not a claim; not imported")]);
    let file = file_of(corpus.path(), "carol");
    let fields: Vec<Vec<(&str, &str)>> =
        file.claims.iter().map(|c| c.fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect()).collect();
    assert_eq!(fields, [vec![("position", "-1")], vec![("issue", "trade")]]);
}

#[test]
fn event_kinds_come_from_the_event_the_content_or_the_default() {
    let ann = EVENTS.replace("E2\tAttribution:T9", "E2\tDenial:T9");
    let (corpus, brat) = brat_fixture(&ann);
    import_with(&brat, corpus.path(), carol(), Some("Commitment")).unwrap();
    let kinds: Vec<String> = file_of(corpus.path(), "carol").claims.iter().map(|c| c.kind.clone()).collect();
    assert_eq!(kinds, ["commitment", "denial"]);
    let ann = EVENTS.replace("T3\tContent 48", "T3\tDenial 48");
    let (corpus, brat) = brat_fixture(&ann);
    import_with(&brat, corpus.path(), carol(), None).unwrap();
    let file = file_of(corpus.path(), "carol");
    assert_eq!(file.claims.len(), 2, "a content typed by a kind is not a claim of its own too");
    assert_eq!(file.claims[0].kind, "denial");
    let err = import_with(&brat, corpus.path(), carol(), Some("rumour")).unwrap_err();
    assert!(matches!(err, ImportError::Usage(_)), "{err}");
    assert!(err.to_string().contains("--default-kind \"rumour\" is not a kind of the codebook"), "{err}");
}

#[test]
fn events_without_content_and_unknown_roles_are_reported_with_their_lines() {
    let ann = format!(
        "{EVENTS}T10\tAttribution-no-source 64 73\tOfficials\nE3\tAttribution-no-source:T10\n\
         E4\tAttribution:T4 Content:T3 Target:T1\nT11\tDiscuss 0 8\tHeadline\n#1\tAnnotatorNotes T11\tunsure\n"
    );
    let (corpus, brat) = brat_fixture(&ann);
    let summary = import_with(&brat, corpus.path(), carol(), None).unwrap();
    let lines: Vec<(usize, String)> = summary.unmapped.iter().map(|u| (u.line, u.message.clone())).collect();
    assert_eq!(summary.claims, 3, "E1, E2 and E4");
    let find = |line: usize, needle: &str| {
        assert!(lines.iter().any(|(l, m)| *l == line && m.contains(needle)), "line {line} {needle:?} in {lines:?}");
    };
    find(12, "the event that uses it is not imported");
    find(13, "`E3` not imported: the event has no Content argument");
    find(14, "argument Target:T1 not imported: the role is not Content, Cue or Source");
    find(15, "type `Discuss` is not a kind of the codebook");
    find(16, "note on T11 not imported");
    assert_eq!(lines.len(), 5, "{lines:?}");
}

#[test]
fn events_naming_missing_annotations_are_errors() {
    expect_error(&format!("{EVENTS}E3\tAttribution:T4 Content:T99\n"), 12, "event E3 refers to T99");
    expect_error("E1\tAttribution Content:T3\n", 1, "is not `<type>:<trigger> <role>:<id> ...`");
}

#[test]
fn discontinuous_event_spans_are_covered_with_a_note() {
    let ann = EVENTS.replace("T1\tSource 24 40\tChina’s ministry", "T1\tSource 24 31;32 40\tChina’s ministry");
    let (corpus, brat) = brat_fixture(&ann);
    import_with(&brat, corpus.path(), carol(), None).unwrap();
    let first = &file_of(corpus.path(), "carol").claims[0];
    assert_eq!(first.source_mention.as_ref().map(|s| (s.start, s.end)), Some((24, 40)));
    assert!(first.note.contains("brat discontinuous Source span 24 31;32 40 imported as its covering span"));
}

#[test]
fn text_spilling_over_lines_is_read_as_one_annotation() {
    // The span crosses the text's `\r\n`, written raw into the `.ann`.
    let ann = "T1\tContent 0 31\tHeadline — “Trade” row\r\nChina’s\nT2\tAttribution 41 45\tsaid\n\
               E1\tAttribution:T2 Content:T1\n";
    let (corpus, brat) = brat_fixture(ann);
    let summary = import_with(&brat, corpus.path(), carol(), None).unwrap();
    assert_eq!(summary.claims, 1);
    assert_eq!(summary.repaired.len(), 1, "{:?}", summary.repaired);
    assert!(summary.repaired[0].to_string().contains("tricky.ann:1: `T1`: its text runs over 2 lines"));
    let (corpus, brat) = brat_fixture("T1\tContent 0 8\tHeadline\ngarbage\n");
    let err = import_with(&brat, corpus.path(), carol(), None).unwrap_err().to_string();
    assert!(err.contains("tricky.ann:2: `garbage` is not a brat annotation id"), "{err}");
}

/// `<stem>_<name>.ann` files over the corpus's texts, as attribution corpora ship.
fn suffix_fixture(files: &[(&str, &str)]) -> (tempfile::TempDir, std::path::PathBuf) {
    let corpus = tricky_corpus();
    let brat = corpus.path().join("attr");
    for (name, content) in files {
        let p = brat.join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, content).unwrap();
    }
    (corpus, brat.clone())
}

#[test]
fn annotators_come_from_the_file_names() {
    let (corpus, brat) = suffix_fixture(&[
        ("2013/tricky_Dave.ann", EVENTS),
        ("2013/tricky_e5f0.ann", "T1\tContent 0 8\tHeadline\nT2\tCue 41 45\tsaid\nE1\tX:T2 Content:T1\n"),
    ]);
    let summary = import_with(&brat, corpus.path(), ImportAnnotators::FromSuffix, None).unwrap();
    assert_eq!(summary.annotators.get("dave"), Some(&(1, 2)));
    assert_eq!(summary.annotators.get("e5f0"), Some(&(1, 1)));
    assert_eq!(file_of(corpus.path(), "dave").claims.len(), 2);
    assert_eq!(file_of(corpus.path(), "e5f0").claims[0].content.quote, "Headline");
    let again = import_with(&brat, corpus.path(), ImportAnnotators::FromSuffix, None).unwrap_err().to_string();
    assert!(again.contains("tricky.dave.ron already exists"), "{again}");
}

#[test]
fn suffix_names_that_give_no_annotator_are_errors() {
    for (name, needle) in [
        ("2013/tricky_gold.ann", "annotator \"gold\" from the file name"),
        ("2013/tricky.ann", "does not end in _<annotator>.ann"),
        ("2013/tricky_a b.ann", "annotator \"a b\" from the file name"),
        ("2013/other_alice.ann", "no document 2013/other.txt"),
    ] {
        let (corpus, brat) = suffix_fixture(&[(name, EVENTS)]);
        let err = import_with(&brat, corpus.path(), ImportAnnotators::FromSuffix, None).unwrap_err().to_string();
        assert!(err.contains(needle), "{name}: {err}");
    }
}

#[test]
fn a_text_beside_the_ann_must_be_the_corpus_text() {
    let (corpus, brat) = suffix_fixture(&[("2013/tricky_dave.ann", EVENTS), ("2013/tricky.txt", "another text")]);
    let err = import_with(&brat, corpus.path(), ImportAnnotators::FromSuffix, None).unwrap_err().to_string();
    assert!(err.contains("differs from the corpus text 2013/tricky.txt"), "{err}");
    assert!(!corpus.path().join("2013/tricky.dave.ron").exists(), "nothing written");
    std::fs::write(brat.join("2013/tricky.txt"), crate::export_support::TRICKY_TEXT).unwrap();
    import_with(&brat, corpus.path(), ImportAnnotators::FromSuffix, None).unwrap();
}

/// The attribution corpus of the evaluation set, when this checkout has it.
fn attribution_corpus() -> Option<std::path::PathBuf> {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let found = here.ancestors().skip(1).map(|a| a.join("shared/eval/attribution-train")).find(|p| p.is_dir());
    if found.is_none() {
        eprintln!("note: ../shared/eval/attribution-train is absent; the real-corpus import test is skipped");
    }
    found
}

#[test]
fn the_attribution_corpus_imports_every_event_with_content() {
    let Some(src) = attribution_corpus() else { return };
    let corpus = tempfile::tempdir().unwrap();
    for e in std::fs::read_dir(src.join("text")).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, corpus.path().join(p.file_name().unwrap())).unwrap();
    }
    let summary = import_with(&src.join("attributions"), corpus.path(), ImportAnnotators::FromSuffix, None).unwrap();
    // Counted independently: every `E` line with an argument whose role is Content[n].
    let mut events_with_content = 0;
    let mut files = 0;
    for e in std::fs::read_dir(src.join("attributions")).unwrap() {
        let text = std::fs::read_to_string(e.unwrap().path()).unwrap();
        files += 1;
        events_with_content += text
            .lines()
            .filter(|l| l.starts_with('E'))
            .filter(|l| {
                l.split('\t').nth(1).unwrap_or("").split(' ').skip(1).any(|a| {
                    a.split(':').next().unwrap_or("").trim_end_matches(|c: char| c.is_ascii_digit()) == "Content"
                })
            })
            .count();
    }
    assert_eq!(summary.written.len(), files);
    assert_eq!(summary.claims, events_with_content);
    assert_eq!(summary.annotators.len(), 6);
    assert_eq!(summary.repaired.len(), 3, "{:?}", summary.repaired);
    assert!(summary.unmapped.iter().all(|u| u.line > 0), "every unmapped line is located");
}

/// Issue 7, case 6: `tools.conf` names no database that does not exist; brat's
/// convention for a resource without one is `DB:<NONE>`.
#[test]
fn tools_conf_declares_actors_without_a_database() {
    let corpus = seed_corpus();
    let out = corpus.path().join("brat-out");
    export_brat(corpus.path(), &out);
    let tools = std::fs::read_to_string(out.join("tools.conf")).unwrap();
    let line = tools.lines().find(|l| l.starts_with("Actors\t")).expect("the Actors resource is declared");
    assert_eq!(line, "Actors\tDB:<NONE>, <URL>:about:blank");
}

const SPACY: &str = "Headline\n\nLew told reporters:\n“This is serious.”\nChina denied it.\n \nEnd.";

/// A corpus whose claims begin and end in line breaks and spaces, with a cue that
/// is a line break and a claim that is only whitespace.
fn spacy_corpus() -> tempfile::TempDir {
    use claimcoder::model::{AnnotationFile, Span, TextIndex};
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("d.txt"), SPACY).unwrap();
    let text = TextIndex::new(SPACY.to_owned());
    let at = |needle: &str| text.find_all(needle)[0];
    let span = |start: usize, len: usize| Span::from_text(&text, start, start + len).unwrap();
    let mut claims = Vec::new();
    let quote = at("“This");
    let mut a = Claim::new(1, "assertion", span(quote - 1, "“This is serious.”".chars().count() + 2));
    a.source_mention = Some(span(at("Lew"), 3));
    a.cue = Some(span(at("told") - 1, 6));
    claims.push(a);
    let mut b = Claim::new(2, "denial", span(at("China"), "China denied it.".len()));
    b.cue = Some(span(at("China denied it.") + "China denied it.".len(), 1));
    claims.push(b);
    claims.push(Claim::new(3, "assertion", span(at("it.\n") + 3, 3)));
    claims.push(Claim::new(4, "assertion", span(at("Lew"), "Lew told reporters:\n“This is serious.”".chars().count())));
    let doc = claimcoder::model::Document::from_bytes("d.txt", SPACY.as_bytes()).unwrap();
    let mut file = AnnotationFile::new("d.txt", "alice", &doc.sha256);
    file.claims = claims;
    file.next_id = 5;
    std::fs::write(dir.path().join("d.alice.ron"), claimcoder::store::to_ron(&file)).unwrap();
    dir
}

/// Issue 7, case 6: brat spans never begin or end in whitespace and are never
/// whitespace-only; such spans are warned about and `check` reports them; the round
/// trip gives back the same claims, trimmed.
#[test]
fn brat_spans_are_trimmed_and_whitespace_only_ones_left_out() {
    let corpus = spacy_corpus();
    let out = corpus.path().join("brat-out");
    let dataset = load_dataset(corpus.path(), &[]).unwrap();
    let opts =
        ExportOptions { format: Format::Brat, annotators: vec![], only_done: false, out: out.clone(), force: false };
    let summary = export(&dataset, &opts, &mut |_, _| {}).unwrap();
    assert_eq!(
        summary.warnings,
        [
            "d.txt (alice): claim 2 cue left out of brat, it is only whitespace",
            "d.txt (alice): claim 3 left out of brat, its content is only whitespace",
        ]
    );
    assert_eq!(summary.claims, 3);

    let ann = std::fs::read_to_string(out.join("alice/d.ann")).unwrap();
    let chars: Vec<char> = SPACY.chars().collect();
    for line in ann.lines().filter(|l| l.starts_with('T')) {
        let fields: Vec<&str> = line.split('\t').collect();
        let offsets = fields[1].split_once(' ').unwrap().1;
        for fragment in offsets.split(';') {
            let (s, e) = fragment.split_once(' ').unwrap();
            let (s, e): (usize, usize) = (s.parse().unwrap(), e.parse().unwrap());
            assert!(s < e, "{line}");
            assert!(!chars[s].is_whitespace() && !chars[e - 1].is_whitespace(), "{line}");
        }
        assert_eq!(fields[2], fields[2].trim(), "{line}");
    }
    assert!(ann.contains("\tAssertion 30 48\t“This is serious.”\n"), "{ann}");
    assert!(ann.contains("\tCue 14 18\ttold\n"), "{ann}");

    let check =
        std::process::Command::new(env!("CARGO_BIN_EXE_claimcoder")).arg("check").arg(corpus.path()).output().unwrap();
    let stdout = String::from_utf8_lossy(&check.stdout);
    assert!(stdout.contains("claim 2 cue is only whitespace (65..66, \"\\n\")"), "{stdout}");
    assert!(stdout.contains("claim 3 content is only whitespace"), "{stdout}");

    let summary = import(&out.join("alice"), corpus.path(), "carol", false).unwrap();
    assert!(summary.unmapped.is_empty(), "{:?}", summary.unmapped);
    let trimmed: Vec<Essentials> = vec![
        ("assertion".into(), (10, 48), None, None, None, BTreeMap::new()),
        ("assertion".into(), (30, 48), None, Some((10, 13)), Some((14, 18)), BTreeMap::new()),
        ("denial".into(), (49, 65), None, None, None, BTreeMap::new()),
    ];
    assert_eq!(claims_of(corpus.path(), "carol"), [("d.txt".to_owned(), trimmed)]);
}
