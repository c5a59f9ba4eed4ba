//! Every exported offset gives back the exported text on non-ASCII text with a BOM
//! on disk, CRLF line ends, curly quotes, em dashes and non-breaking spaces; orphaned
//! claims are left out and reported, never exported with offsets that lie.

use std::path::Path;

use crate::export_support::{TRICKY_TEXT, tricky_corpus};
use claimcoder::export::{ExportOptions, ExportSummary, Format, export};
use claimcoder::store::load_dataset;

fn slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

fn run(root: &Path, format: Format, out: &Path) -> ExportSummary {
    let dataset = load_dataset(root, &[]).unwrap();
    let opts = ExportOptions { format, annotators: vec![], only_done: false, out: out.to_path_buf(), force: false };
    export(&dataset, &opts, &mut |_, _| {}).unwrap()
}

#[test]
fn csv_offsets_give_back_the_text() {
    let corpus = tricky_corpus();
    let out = corpus.path().join("out.csv");
    let summary = run(corpus.path(), Format::Csv, &out);
    assert_eq!(summary.claims, 3);
    let mut r = csv::Reader::from_path(&out).unwrap();
    let mut rows = 0;
    for rec in r.records() {
        let rec = rec.unwrap();
        for (s, e, t) in [(4, 5, 6), (9, 10, 11), (12, 13, 14)] {
            if rec[s].is_empty() {
                continue;
            }
            let (start, end): (usize, usize) = (rec[s].parse().unwrap(), rec[e].parse().unwrap());
            assert_eq!(slice(TRICKY_TEXT, start, end), &rec[t]);
        }
        rows += 1;
    }
    assert_eq!(rows, 3);
    assert!(!std::fs::read(&out).unwrap().starts_with(b"\xEF\xBB\xBF"), "no BOM");
}

#[test]
fn jsonl_offsets_give_back_the_text() {
    let corpus = tricky_corpus();
    let out = corpus.path().join("out.jsonl");
    run(corpus.path(), Format::Jsonl, &out);
    let content = std::fs::read_to_string(&out).unwrap();
    let line: serde_json::Value = serde_json::from_str(content.lines().next().unwrap()).unwrap();
    let text = line["text"].as_str().unwrap();
    assert_eq!(text, TRICKY_TEXT, "the text without BOM, CRLF kept");
    let claims = line["claims"].as_array().unwrap();
    assert_eq!(claims.len(), 3);
    let check = |v: &serde_json::Value| {
        let (s, e) = (v["start"].as_u64().unwrap() as usize, v["end"].as_u64().unwrap() as usize);
        assert_eq!(slice(text, s, e), v["text"].as_str().unwrap());
    };
    for c in claims {
        check(c);
        for part in ["source_mention", "cue"] {
            if !c[part].is_null() {
                check(&c[part]);
            }
        }
    }
}

#[test]
fn brat_offsets_give_back_the_text() {
    let corpus = tricky_corpus();
    let out = corpus.path().join("brat");
    run(corpus.path(), Format::Brat, &out);
    let txt = std::fs::read_to_string(out.join("alice/2013/tricky.txt")).unwrap();
    assert_eq!(txt, TRICKY_TEXT, "no BOM, CRLF kept, so brat counts as we do");
    let ann = std::fs::read_to_string(out.join("alice/2013/tricky.ann")).unwrap();
    let mut textbounds = 0;
    for line in ann.lines().filter(|l| l.starts_with('T')) {
        let fields: Vec<&str> = line.split('\t').collect();
        let offsets = fields[1].split_once(' ').unwrap().1;
        let got: Vec<String> = offsets
            .split(';')
            .map(|f| {
                let (s, e) = f.split_once(' ').unwrap();
                slice(&txt, s.parse().unwrap(), e.parse().unwrap())
            })
            .collect();
        assert_eq!(got.join(" "), fields[2], "{line}");
        textbounds += 1;
    }
    assert_eq!(textbounds, 7, "3 claims, 2 mentions, 2 cues:\n{ann}");
    assert!(ann.contains(";"), "the claim across CRLF is split into fragments:\n{ann}");
}

#[test]
fn orphaned_claims_are_left_out_and_reported() {
    let corpus = tricky_corpus();
    let path = corpus.path().join("2013/tricky.txt");
    std::fs::write(&path, TRICKY_TEXT.replace("Officials said", "Officials declared")).unwrap();
    let out = corpus.path().join("out.jsonl");
    let summary = run(corpus.path(), Format::Jsonl, &out);
    assert!(!summary.skipped.is_empty());
    assert_eq!(summary.claims + summary.skipped.len(), 3);
    let message = summary.skipped[0].to_string();
    assert!(message.contains("2013/tricky.txt (alice): claim"), "{message}");
    assert!(message.contains("no longer matches the text"), "{message}");
    let content = std::fs::read_to_string(&out).unwrap();
    let line: serde_json::Value = serde_json::from_str(content.lines().next().unwrap()).unwrap();
    let ids: Vec<u64> = line["claims"].as_array().unwrap().iter().map(|c| c["id"].as_u64().unwrap()).collect();
    assert_eq!(ids.len(), summary.claims);
    for s in &summary.skipped {
        assert!(!ids.contains(&s.claim), "orphan {} was exported", s.claim);
    }
}

/// Claim fields leave in every format: CSV `field_<id>` columns after the fixed ones
/// (codebook order, then fields only claims use), JSONL `"fields"` per claim.
#[test]
fn csv_and_jsonl_carry_every_claim_field() {
    let corpus = tricky_corpus();
    let path = corpus.path().join("2013/tricky.alice.ron");
    let mut file = claimcoder::store::parse_annotation("x", &std::fs::read_to_string(&path).unwrap()).unwrap();
    file.claims[0].fields.insert("stance".into(), "a value the codebook lacks".into());
    file.claims[0].fields.insert("issue".into(), "human rights".into());
    std::fs::write(&path, claimcoder::store::to_ron(&file)).unwrap();
    let out = corpus.path().join("out.csv");
    run(corpus.path(), Format::Csv, &out);
    let mut r = csv::Reader::from_path(&out).unwrap();
    let header: Vec<String> = r.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(header[..18].last().map(String::as_str), Some("modified"), "the fixed columns first");
    assert_eq!(header[18..], ["field_addressee", "field_position", "field_issue", "field_frame", "field_stance"]);
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    let by_id = |id: u64| rows.iter().find(|r| r[2] == id.to_string()).unwrap();
    let first = by_id(file.claims[0].id);
    assert_eq!((&first[20], &first[22]), ("human rights", "a value the codebook lacks"));
    for rec in &rows {
        let claim = file.claims.iter().find(|c| rec[2] == c.id.to_string()).unwrap();
        for (i, id) in ["addressee", "position", "issue", "frame", "stance"].iter().enumerate() {
            assert_eq!(&rec[18 + i], claim.fields.get(*id).map(String::as_str).unwrap_or(""), "{id}");
        }
    }

    let out = corpus.path().join("out.jsonl");
    run(corpus.path(), Format::Jsonl, &out);
    let line: serde_json::Value =
        serde_json::from_str(std::fs::read_to_string(&out).unwrap().lines().next().unwrap()).unwrap();
    for c in line["claims"].as_array().unwrap() {
        let claim = file.claims.iter().find(|x| c["id"] == x.id).unwrap();
        assert_eq!(c["fields"], serde_json::to_value(&claim.fields).unwrap(), "every claim has its fields object");
    }
}
