//! brat import: a round trip through brat gives back the claims, and each kind of
//! bad input is an error naming file and line, with nothing written.

mod export_support;

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

type Essentials = (String, (usize, usize), Option<String>, Option<(usize, usize)>, Option<(usize, usize)>);

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
    std::fs::write(dir.path().join("d.alice.ron"), claimcoder::store::to_ron(&file).unwrap()).unwrap();
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
        ("assertion".into(), (10, 48), None, None, None),
        ("assertion".into(), (30, 48), None, Some((10, 13)), Some((14, 18))),
        ("denial".into(), (49, 65), None, None, None),
    ];
    assert_eq!(claims_of(corpus.path(), "carol"), [("d.txt".to_owned(), trimmed)]);
}
