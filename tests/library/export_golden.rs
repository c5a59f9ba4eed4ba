//! Golden files: exporting the seed corpus with a fixed set of claims must give
//! exactly the committed bytes. Run with `UPDATE_GOLDEN=1` to rewrite them after an
//! intended format change (and review the diff).

use std::path::{Path, PathBuf};

use crate::export_support::{read_tree, seed_corpus};
use claimcoder::export::{ExportOptions, Format, export};
use claimcoder::store::load_dataset;

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

fn export_seeds(format: Format, out: &Path) {
    let corpus = seed_corpus();
    let dataset = load_dataset(corpus.path(), &[]).unwrap();
    assert!(dataset.errors.is_empty(), "{:?}", dataset.errors);
    let opts = ExportOptions { format, annotators: vec![], only_done: false, out: out.to_path_buf(), force: false };
    let summary = export(&dataset, &opts, &mut |_, _| {}).unwrap();
    assert!(summary.skipped.is_empty(), "{:?}", summary.skipped);
    assert_eq!(summary.files, 9, "alice 5 + bob 3 + gold 1");
}

fn check_file(format: Format, name: &str) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join(name);
    export_seeds(format, &out);
    let got = std::fs::read(&out).unwrap();
    let golden = golden_dir().join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&golden, &got).unwrap();
    }
    let want = std::fs::read(&golden).expect("golden file exists (UPDATE_GOLDEN=1 writes it)");
    assert!(got == want, "{name} differs from {}", golden.display());
}

#[test]
fn csv_matches_golden_file() {
    check_file(Format::Csv, "seeds.csv");
}

#[test]
fn jsonl_matches_golden_file() {
    check_file(Format::Jsonl, "seeds.jsonl");
}

#[test]
fn brat_matches_golden_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("brat");
    export_seeds(Format::Brat, &out);
    let got = read_tree(&out);
    let golden = golden_dir().join("brat");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        let _ = std::fs::remove_dir_all(&golden);
        for (rel, bytes) in &got {
            let p = golden.join(rel);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, bytes).unwrap();
        }
    }
    let want = read_tree(&golden);
    assert_eq!(got.keys().collect::<Vec<_>>(), want.keys().collect::<Vec<_>>());
    for (rel, bytes) in &got {
        assert!(bytes == &want[rel], "{rel} differs from the golden file");
    }
}

/// The seeds with two codebook fields, values on alice's first claim of the first
/// document, and a `documents.csv` column the contract does not name.
fn corpus_with_fields() -> tempfile::TempDir {
    use claimcoder::model::{Choice, Field, FieldType};
    let corpus = seed_corpus();
    let mut project = crate::export_support::project();
    let choice = |v: &str| Choice { value: v.into(), label: v.into() };
    project.fields = vec![
        Field {
            id: "position".into(),
            label: "Position".into(),
            r#type: FieldType::Scale,
            definition: String::new(),
            values: vec![choice("-1"), choice("0"), choice("1")],
        },
        Field {
            id: "issue".into(),
            label: "Issue".into(),
            r#type: FieldType::Category,
            definition: String::new(),
            values: vec![choice("trade")],
        },
    ];
    claimcoder::store::project_io::save_project(&corpus.path().join("claimcoder.ron"), &project).unwrap();
    let path = corpus.path().join("000_f61589d60f9b959b.alice.ron");
    let mut file = claimcoder::store::parse_annotation("x", &std::fs::read_to_string(&path).unwrap()).unwrap();
    file.claims[0].fields.insert("position".into(), "-1".into());
    file.claims[0].fields.insert("issue".into(), "trade".into());
    std::fs::write(&path, claimcoder::store::to_ron(&file)).unwrap();
    let csv = std::fs::read_to_string(corpus.path().join("documents.csv")).unwrap();
    let csv = csv.replacen("outlet,author\n", "outlet,author,desk\n", 1).replacen(
        "Puzzanghera\n",
        "Puzzanghera,\"Business, Tech\"\n",
        1,
    );
    std::fs::write(corpus.path().join("documents.csv"), csv).unwrap();
    corpus
}

fn export_to(corpus: &Path, format: Format, out: &Path) -> Result<(), claimcoder::export::ExportError> {
    let dataset = load_dataset(corpus, &[]).unwrap();
    let opts = ExportOptions { format, annotators: vec![], only_done: false, out: out.to_path_buf(), force: false };
    export(&dataset, &opts, &mut |_, _| {}).map(|_| ())
}

#[test]
fn metadata_and_fields_follow_the_fixed_csv_columns() {
    let corpus = corpus_with_fields();
    let out = corpus.path().join("out.csv");
    export_to(corpus.path(), Format::Csv, &out).unwrap();
    let mut reader = csv::Reader::from_path(&out).unwrap();
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(
        header[18..],
        [
            "doc_title",
            "doc_date",
            "doc_outlet",
            "doc_author",
            "doc_desk",
            "field_position",
            "field_issue",
            "field_addressee",
            "field_frame"
        ],
        "codebook fields in codebook order, then those only claims use, sorted"
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let first = &rows[0];
    assert_eq!((&first[0], &first[2]), ("000_f61589d60f9b959b.txt", "1"));
    assert_eq!(&first[18], "Treasury Secretary Lew to press Chinese leaders on cyber attacks");
    assert_eq!((&first[19], &first[20], &first[22]), ("2013-03-18", "Los Angeles Times", "Business, Tech"));
    assert_eq!((&first[23], &first[24]), ("-1", "trade"));
    let second_doc = rows.iter().find(|r| &r[0] == "001_ac006dcb873ec60d.txt").unwrap();
    assert_eq!((&second_doc[19], &second_doc[20]), ("", ""), "no value: an empty cell");
    assert!(rows.iter().all(|r| r.len() == header.len()));
}

#[test]
fn metadata_and_fields_reach_jsonl() {
    let corpus = corpus_with_fields();
    let out = corpus.path().join("out.jsonl");
    export_to(corpus.path(), Format::Jsonl, &out).unwrap();
    let lines: Vec<serde_json::Value> =
        std::fs::read_to_string(&out).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let first = &lines[0];
    assert_eq!(first["meta"]["outlet"], "Los Angeles Times");
    assert_eq!(first["meta"]["desk"], "Business, Tech");
    assert!(first["meta"].get("document").is_none(), "the id is the line's document");
    assert_eq!(
        first["claims"][0]["fields"],
        serde_json::json!({"addressee": "jacob-lew", "issue": "trade", "position": "-1"})
    );
    let mut every_claim = lines.iter().flat_map(|l| l["claims"].as_array().unwrap());
    assert!(every_claim.all(|c| c["fields"].is_object()), "every claim has its fields, `{{}}` when none");
    let second = lines.iter().find(|l| l["document"] == "001_ac006dcb873ec60d.txt").unwrap();
    assert_eq!(
        second["meta"],
        serde_json::json!({"title": "U.S. presses China on cyberattack"}),
        "empty cells left out"
    );
}

#[test]
fn an_unusable_documents_csv_stops_the_export() {
    let corpus = seed_corpus();
    std::fs::write(corpus.path().join("documents.csv"), b"document,title\n000.txt,Caf\xE9\n").unwrap();
    let out = corpus.path().join("out.csv");
    let err = export_to(corpus.path(), Format::Csv, &out).unwrap_err().to_string();
    assert!(err.contains("documents.csv:2:12: not valid UTF-8"), "{err}");
    assert!(!out.exists());
}

#[test]
fn bio_matches_golden_file() {
    check_file(Format::Bio, "seeds.bio");
}

/// One line of a `bio` file.
struct BioLine {
    token: String,
    start: usize,
    end: usize,
    claim: String,
    role: String,
}

/// The bio file as (document, annotator, sentences of lines), checking its shape.
fn parse_bio(bio: &str) -> Vec<(String, String, Vec<Vec<BioLine>>)> {
    let mut out: Vec<(String, String, Vec<Vec<BioLine>>)> = Vec::new();
    let mut sentence: Vec<BioLine> = Vec::new();
    for line in bio.split('\n') {
        if let Some(id) = line.strip_prefix("# document = ") {
            assert!(sentence.is_empty(), "a sentence ends with a blank line before the next document");
            out.push((id.to_owned(), String::new(), Vec::new()));
        } else if let Some(name) = line.strip_prefix("# annotator = ") {
            out.last_mut().unwrap().1 = name.to_owned();
        } else if line.starts_with("# doc_") {
        } else if line.is_empty() {
            if !sentence.is_empty() {
                out.last_mut().unwrap().2.push(std::mem::take(&mut sentence));
            }
        } else {
            let cells: Vec<&str> = line.split('\t').collect();
            assert_eq!(cells.len(), 5, "{line:?}");
            sentence.push(BioLine {
                token: cells[0].to_owned(),
                start: cells[1].parse().unwrap(),
                end: cells[2].parse().unwrap(),
                claim: cells[3].to_owned(),
                role: cells[4].to_owned(),
            });
        }
    }
    assert!(sentence.is_empty(), "the file ends with a blank line");
    out
}

/// The spans a tag column encodes: (label, start of first token, end of last token).
fn spans_of(lines: &[&BioLine], column: impl Fn(&BioLine) -> &str) -> Vec<(String, usize, usize)> {
    let mut spans: Vec<(String, usize, usize)> = Vec::new();
    for l in lines {
        let tag = column(l);
        if let Some(label) = tag.strip_prefix("B-") {
            spans.push((label.to_owned(), l.start, l.end));
        } else if let Some(label) = tag.strip_prefix("I-") {
            let last = spans.last_mut().expect("I- follows B- or I-");
            assert_eq!(last.0, label, "I- continues its own label");
            last.2 = l.end;
        } else {
            assert_eq!(tag, "O");
        }
    }
    spans
}

#[test]
fn bio_tokens_give_back_the_text_and_tags_give_back_the_claims() {
    let corpus = seed_corpus();
    let out = corpus.path().join("out.bio");
    export_to(corpus.path(), Format::Bio, &out).unwrap();
    let bio = std::fs::read_to_string(&out).unwrap();
    let dataset = load_dataset(corpus.path(), &[]).unwrap();
    let docs = parse_bio(&bio);
    assert_eq!(docs.len(), 9, "a block per document and annotator");
    for (id, annotator, sentences) in &docs {
        let doc = dataset.documents.iter().find(|d| &d.entry.id == id).unwrap();
        let chars: Vec<char> = doc.document.text.as_str().chars().collect();
        let lines: Vec<&BioLine> = sentences.iter().flatten().collect();
        let mut last_end = 0;
        for l in &lines {
            assert_eq!(l.token, chars[l.start..l.end].iter().collect::<String>(), "offsets give back the token");
            assert!(!l.token.chars().any(char::is_whitespace), "{:?} holds white space", l.token);
            assert!(l.start >= last_end, "tokens in text order, never overlapping");
            last_end = l.end;
        }
        let covered: usize = lines.iter().map(|l| l.end - l.start).sum();
        let non_space = chars.iter().filter(|c| !c.is_whitespace()).count();
        assert_eq!(covered, non_space, "every character that is not white space is in a token");
        let (_, file) = doc.files.iter().find(|(a, _)| a.as_str() == annotator).unwrap();
        // Independently: the token span of each claim is from the first token it
        // touches to the last; with no overlaps in these fixtures, every claim is there.
        let expected = |s: &claimcoder::model::Span, label: &str| {
            let touched: Vec<&&BioLine> = lines.iter().filter(|l| l.start < s.end && s.start < l.end).collect();
            (label.to_owned(), touched.first().unwrap().start, touched.last().unwrap().end)
        };
        let mut want: Vec<(String, usize, usize)> = file.claims.iter().map(|c| expected(&c.content, &c.kind)).collect();
        want.sort_by_key(|s| (s.1, s.2));
        assert_eq!(spans_of(&lines, |l| &l.claim), want, "{id} {annotator}");
        let mut roles: Vec<(String, usize, usize)> = file
            .claims
            .iter()
            .flat_map(|c| {
                let m = c.source_mention.as_ref().map(|s| expected(s, "SOURCE"));
                m.into_iter().chain(c.cue.as_ref().map(|s| expected(s, "CUE")))
            })
            .collect();
        roles.sort_by_key(|s| (s.1, s.2));
        roles.dedup();
        assert_eq!(spans_of(&lines, |l| &l.role), roles, "{id} {annotator}");
    }
}

/// A claim as `(id, kind, start, end, source mention)`.
type ClaimSpec<'a> = (u64, &'a str, usize, usize, Option<(usize, usize)>);

/// A one-document corpus with `text` and alice's claims.
fn corpus_with_claims(text: &str, claims: &[ClaimSpec<'_>]) -> tempfile::TempDir {
    use claimcoder::model::{AnnotationFile, Claim, Document, Span};
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("d.txt"), text).unwrap();
    let doc = Document::from_bytes("d.txt", text.as_bytes()).unwrap();
    let mut file = AnnotationFile::new("d.txt", "alice", &doc.sha256);
    for &(id, kind, start, end, mention) in claims {
        let mut c = Claim::new(id, kind, Span::from_text(&doc.text, start, end).unwrap());
        c.source_mention = mention.and_then(|(s, e)| Span::from_text(&doc.text, s, e));
        file.claims.push(c);
    }
    file.next_id = 100;
    std::fs::write(dir.path().join("d.alice.ron"), claimcoder::store::to_ron(&file)).unwrap();
    dir
}

fn bio_of(corpus: &Path) -> (Vec<Vec<BioLine>>, Vec<String>) {
    let dataset = load_dataset(corpus, &[]).unwrap();
    let out = corpus.join("out.bio");
    let opts =
        ExportOptions { format: Format::Bio, annotators: vec![], only_done: false, out: out.clone(), force: false };
    let summary = export(&dataset, &opts, &mut |_, _| {}).unwrap();
    let mut docs = parse_bio(&std::fs::read_to_string(&out).unwrap());
    assert_eq!(docs.len(), 1);
    (docs.remove(0).2, summary.warnings)
}

fn tags(sentences: &[Vec<BioLine>]) -> Vec<Vec<(String, String, String)>> {
    sentences.iter().map(|s| s.iter().map(|l| (l.token.clone(), l.claim.clone(), l.role.clone())).collect()).collect()
}

fn t(token: &str, claim: &str, role: &str) -> (String, String, String) {
    (token.into(), claim.into(), role.into())
}

#[test]
fn bio_overlapping_claims_go_to_the_earlier_one_and_are_counted() {
    //          0         1         2         3         4
    //          0123456789012345678901234567890123456789012
    let text = "Lew said talks went well. Li denied it all.";
    let corpus = corpus_with_claims(
        text,
        &[
            (1, "assertion", 9, 24, Some((0, 3))), // talks went well
            (2, "assertion", 15, 28, None),        // went well. Li (overlaps 1, starts later)
            (3, "denial", 36, 42, Some((26, 28))), // it all
            (4, "denial", 39, 42, None),           // all: inside 3
        ],
    );
    let (sentences, warnings) = bio_of(corpus.path());
    assert_eq!(
        tags(&sentences),
        [
            vec![
                t("Lew", "O", "B-SOURCE"),
                t("said", "O", "O"),
                t("talks", "B-assertion", "O"),
                t("went", "I-assertion", "O"),
                t("well", "I-assertion", "O"),
                t(".", "B-assertion", "O"),
            ],
            vec![
                t("Li", "I-assertion", "B-SOURCE"),
                t("denied", "O", "O"),
                t("it", "B-denial", "O"),
                t("all", "I-denial", "O"),
                t(".", "O", "O"),
            ],
        ],
        "claim 2 keeps only its tokens outside claim 1 and runs on over the sentence break; claim 4 none"
    );
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].starts_with("2 claims could not be represented whole"), "{warnings:?}");
}

#[test]
fn bio_adjacent_claims_of_one_kind_stay_apart_and_other_scripts_tokenize() {
    let text = "الوزير قال: «لن نتراجع». 部长说“我们不会让步”。";
    let word = |w: &str| {
        let byte = text.find(w).unwrap();
        let start = text[..byte].chars().count();
        (start, start + w.chars().count())
    };
    let (a, b) = (word("لن نتراجع"), word("我们不会让步"));
    let corpus = corpus_with_claims(
        text,
        &[(1, "commitment", a.0, a.0 + 2, None), (2, "commitment", a.0 + 3, a.1, None), (3, "denial", b.0, b.1, None)],
    );
    let (sentences, warnings) = bio_of(corpus.path());
    assert!(warnings.is_empty(), "{warnings:?}");
    let lines: Vec<&BioLine> = sentences.iter().flatten().collect();
    let find = |tok: &str| lines.iter().find(|l| l.token == tok).unwrap_or_else(|| panic!("no token {tok}"));
    assert_eq!(find("لن").claim, "B-commitment");
    assert_eq!(find("نتراجع").claim, "B-commitment", "a second claim of the same kind begins anew");
    assert_eq!(find("«").claim, "O");
    assert_eq!(find("我").claim, "B-denial", "Chinese is a token per ideograph");
    assert_eq!(find("步").claim, "I-denial");
    assert_eq!(find("”").claim, "O");
    assert!(sentences.len() >= 2, "two sentences: {}", sentences.len());
}

#[test]
fn bio_claim_of_white_space_only_is_counted() {
    let corpus = corpus_with_claims("Lew said  it.", &[(1, "assertion", 8, 10, None)]);
    let (sentences, warnings) = bio_of(corpus.path());
    assert!(sentences.iter().flatten().all(|l| l.claim == "O"));
    assert!(warnings[0].starts_with("1 claim could not be represented whole"), "{warnings:?}");
    assert!(warnings[0].contains("d.txt (alice) claim 1"), "{warnings:?}");
}
