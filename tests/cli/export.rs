//! The real binary: exit codes 0/1/2, refusal to overwrite, --force, --status,
//! import-brat and stats.

use std::path::Path;
use std::process::{Command, Output};

use crate::export_support::seed_corpus;
use crate::process::stderr;

fn claimcoder(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimcoder")).args(args).output().unwrap()
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn export_writes_then_refuses_to_overwrite_unless_forced() {
    let corpus = seed_corpus();
    let out = corpus.path().join("out.csv");
    let o = claimcoder(&["export", s(corpus.path()), "--format", "csv", "--out", s(&out)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("claims from 9 annotation files on 5 documents"), "{}", stderr(&o));
    std::fs::write(&out, "mine").unwrap();
    let o = claimcoder(&["export", s(corpus.path()), "--format", "csv", "--out", s(&out)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("out.csv already exists"), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "mine");
    let o = claimcoder(&["export", s(corpus.path()), "--format", "csv", "--out", s(&out), "--force"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(std::fs::read_to_string(&out).unwrap().starts_with("document,annotator,claim_id"));
}

#[test]
fn brat_folder_is_replaced_only_with_force() {
    let corpus = seed_corpus();
    let out = corpus.path().join("brat");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("keep.txt"), "x").unwrap();
    let o = claimcoder(&["export", s(corpus.path()), "--format", "brat", "--out", s(&out)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(out.join("keep.txt").exists());
    let o = claimcoder(&["export", s(corpus.path()), "--format", "brat", "--out", s(&out), "--force"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!out.join("keep.txt").exists());
    assert!(out.join("annotation.conf").exists() && out.join("gold/001_ac006dcb873ec60d.ann").exists());
    let leftovers: Vec<_> = std::fs::read_dir(corpus.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".claimcoder"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn status_and_annotator_filters_select_files() {
    let corpus = seed_corpus();
    let out = corpus.path().join("done.jsonl");
    let o = claimcoder(&["export", s(corpus.path()), "--format", "jsonl", "--out", s(&out), "--status", "done"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let lines = std::fs::read_to_string(&out).unwrap();
    assert_eq!(lines.lines().count(), 3, "alice's two done files and gold");
    let out = corpus.path().join("bob.jsonl");
    let o = claimcoder(&["export", s(corpus.path()), "--format", "jsonl", "--out", s(&out), "--annotator", "bob"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let lines = std::fs::read_to_string(&out).unwrap();
    assert_eq!(lines.lines().count(), 3);
    assert!(lines.lines().all(|l| l.contains("\"annotator\":\"bob\"")));
}

#[test]
fn usage_errors_exit_2() {
    let corpus = seed_corpus();
    let out = corpus.path().join("x");
    let o = claimcoder(&["export", s(corpus.path()), "--format", "xml", "--out", s(&out)]);
    assert_eq!(o.status.code(), Some(2));
    let o = claimcoder(&["export", s(corpus.path()), "--format", "csv", "--out", s(&out), "--annotator", "Bad"]);
    assert_eq!(o.status.code(), Some(2));
    let o = claimcoder(&["export", s(corpus.path()), "--format", "csv", "--out", s(&out), "--status", "maybe"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!out.exists());
}

#[test]
fn data_errors_exit_1_and_write_nothing() {
    let corpus = seed_corpus();
    let out = corpus.path().join("x.csv");
    let o = claimcoder(&["export", s(&corpus.path().join("nope")), "--format", "csv", "--out", s(&out)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("nope"), "{}", stderr(&o));
    let o =
        claimcoder(&["export", s(corpus.path()), "--format", "csv", "--out", s(&corpus.path().join("no/dir/x.csv"))]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("does not exist"), "{}", stderr(&o));
    std::fs::write(corpus.path().join("000_f61589d60f9b959b.bob.ron"), "(format: 1, oops").unwrap();
    let o = claimcoder(&["export", s(corpus.path()), "--format", "csv", "--out", s(&out)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("000_f61589d60f9b959b.bob.ron:1:"), "{}", stderr(&o));
    assert_eq!(stderr(&o).lines().count(), 1, "one sentence: {}", stderr(&o));
    assert!(!out.exists());
}

#[test]
fn import_brat_round_trips_and_reports_problems() {
    let corpus = seed_corpus();
    let out = corpus.path().join("brat");
    let o = claimcoder(&["export", s(corpus.path()), "--format", "brat", "--out", s(&out), "--annotator", "bob"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = claimcoder(&["import-brat", s(&out.join("bob")), s(corpus.path()), "--annotator", "dave"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("into 3 annotation files for dave"), "{}", stderr(&o));
    let o = claimcoder(&["import-brat", s(&out.join("bob")), s(corpus.path()), "--annotator", "dave"]);
    assert_eq!(o.status.code(), Some(1), "files exist now");
    assert!(stderr(&o).contains("already exists"), "{}", stderr(&o));
    let o = claimcoder(&["import-brat", s(&out.join("bob")), s(corpus.path()), "--annotator", "gold"]);
    assert_eq!(o.status.code(), Some(2));
    std::fs::write(out.join("bob/000_f61589d60f9b959b.ann"), "T1\tAssertion 0 3\tXYZ\n").unwrap();
    let o = claimcoder(&["import-brat", s(&out.join("bob")), s(corpus.path()), "--annotator", "erin"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("000_f61589d60f9b959b.ann:1: the text at 0 3"), "{}", stderr(&o));
    assert!(!corpus.path().join("001_ac006dcb873ec60d.erin.ron").exists(), "nothing half-written");
}

#[test]
fn import_brat_takes_annotators_from_file_names() {
    let corpus = seed_corpus();
    let brat = corpus.path().join("attr");
    std::fs::create_dir(&brat).unwrap();
    let ann = "T1\tSource 0 3\tYOU\nT2\tContent 4 7\tARE\nT3\tAttribution 8 12\tHERE\n\
               E1\tAttribution:T3 Content:T2 Source:T1\n";
    std::fs::write(brat.join("000_f61589d60f9b959b_Fay.ann"), ann).unwrap();
    std::fs::write(brat.join("000_f61589d60f9b959b_gus.ann"), ann).unwrap();
    let import = |extra: &[&str]| claimcoder(&[&["import-brat", s(&brat), s(corpus.path())], extra].concat());
    for (args, needle) in [
        (&[][..], "--annotator"),
        (&["--annotator", "fay", "--annotator-from-suffix"][..], "cannot be used with"),
        (&["--annotator-from-suffix", "--default-kind", "rumour"][..], "--default-kind \"rumour\" is not a kind"),
    ] {
        let o = import(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).contains(needle), "{args:?}: {}", stderr(&o));
    }
    let o = import(&["--annotator-from-suffix", "--default-kind", "denial"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("imported 2 claims into 2 annotation files (fay 1 in 1, gus 1 in 1)"),
        "{}",
        stderr(&o)
    );
    let fay = std::fs::read_to_string(corpus.path().join("000_f61589d60f9b959b.fay.ron")).unwrap();
    assert!(fay.contains("kind: \"denial\""), "{fay}");
    let o = claimcoder(&["agreement", s(corpus.path()), "--annotator", "fay", "--annotator", "gus", "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("\"span_f1_exact\": 1.0"));
}

#[test]
fn stats_prints_tables_and_json() {
    let corpus = seed_corpus();
    let o = claimcoder(&["stats", s(corpus.path())]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.starts_with("documents 5, coded 5, done 2, claims "), "{out}");
    assert!(out.contains("Claims by source actor") && out.contains("Jacob J. Lew") && out.contains("United States"));
    let rows = |title: &str| -> Vec<Vec<String>> {
        let lines = out.lines().skip_while(|l| *l != title).skip(2);
        lines
            .take_while(|l| !l.trim().is_empty())
            .map(|l| l.split("  ").map(str::trim).filter(|c| !c.is_empty()).map(str::to_owned).collect())
            .collect()
    };
    let outlets: Vec<(String, String)> =
        rows("Claims by outlet").into_iter().map(|r| (r[0].clone(), r[1].clone())).collect();
    assert_eq!(outlets.len(), 4, "{out}");
    assert_eq!(outlets[3], ("(no outlet)".to_owned(), "2".to_owned()), "{out}");
    let months: Vec<(String, String)> =
        rows("Claims by month").into_iter().map(|r| (r[0].clone(), r[1].clone())).collect();
    let expected = [("2013-03", "1"), ("2013-06", "1"), ("2014-07", "1"), ("(no date)", "2")];
    assert_eq!(months, expected.map(|(a, b)| (a.to_owned(), b.to_owned())), "{out}");
    let o = claimcoder(&["stats", s(corpus.path()), "--annotator", "bob", "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["coded"], 3);
    assert_eq!(v["by_annotator"].as_array().unwrap().len(), 1);
    assert_eq!(v["by_annotator"][0]["not_started"], 2);
    assert_eq!((&v["by_outlet"][3]["key"], &v["by_outlet"][3]["documents"]), (&"(no outlet)".into(), &2.into()));
    assert_eq!(v["by_month"].as_array().unwrap().iter().map(|m| m["documents"].as_u64().unwrap()).sum::<u64>(), 5);
}

#[test]
fn export_leaves_suggested_out_unless_named() {
    let corpus = seed_corpus();
    let seed = std::fs::read_dir(corpus.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().ends_with(".ron") && !p.ends_with("claimcoder.ron"))
        .unwrap();
    let name = seed.file_name().unwrap().to_string_lossy().into_owned();
    let (stem, who) = name.strip_suffix(".ron").unwrap().rsplit_once('.').unwrap();
    let text =
        std::fs::read_to_string(&seed).unwrap().replace(&format!("annotator: \"{who}\""), "annotator: \"suggested\"");
    std::fs::write(corpus.path().join(format!("{stem}.suggested.ron")), text).unwrap();
    let out = corpus.path().join("out.csv");
    let o = claimcoder(&["export", s(corpus.path()), "--format", "csv", "--out", s(&out)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("from 9 annotation files"), "{}", stderr(&o));
    assert!(!std::fs::read_to_string(&out).unwrap().contains(",suggested,"));
    let o = claimcoder(&[
        "export",
        s(corpus.path()),
        "--format",
        "csv",
        "--out",
        s(&out),
        "--force",
        "--annotator",
        "suggested",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("from 1 annotation files"), "{}", stderr(&o));
    assert!(std::fs::read_to_string(&out).unwrap().contains(",suggested,"));
}

#[test]
fn import_corpus_exit_codes_and_summary() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("a.csv");
    std::fs::write(&src, "id,title,outlet,text\nx1,One,AFP,\"Text, one\"\nx2,Two,AFP,\n").unwrap();
    let corpus = dir.path().join("corpus");
    let o = claimcoder(&["import-corpus", s(&src), s(&corpus)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("a.csv:3: skipped: no text"), "{err}");
    assert!(err.contains("imported 1 articles into"), "{err}");
    assert!(
        err.contains("1 added, 0 replaced, 0 already there, 1 skipped; documents.csv columns: title, outlet, id"),
        "{err}"
    );
    let o = claimcoder(&["check", s(&corpus)]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stdout));
    for (args, needle) in [
        (&["--format", "xml"][..], "invalid value 'xml' for '--format"),
        (&["--encoding", "klingon"][..], "--encoding \"klingon\" is not an encoding name"),
        (&["--text-field", "body"][..], "no field `body` holds the text"),
    ] {
        let o = claimcoder(&[&["import-corpus", s(&src), s(&corpus)], args].concat());
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).contains(needle), "{args:?}: {}", stderr(&o));
    }
    std::fs::write(&src, "id,text\nx1,Changed\n").unwrap();
    let o = claimcoder(&["import-corpus", s(&src), s(&corpus)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("x1.txt exists in the corpus with a different text"), "{}", stderr(&o));
    let o = claimcoder(&["import-corpus", s(&dir.path().join("missing.csv")), s(&corpus)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("missing.csv does not exist"), "{}", stderr(&o));
}

#[test]
fn bio_export_warns_of_claims_it_cannot_tag_whole() {
    let corpus = seed_corpus();
    let path = corpus.path().join("000_f61589d60f9b959b.alice.ron");
    let mut file = claimcoder::store::parse_annotation("x", &std::fs::read_to_string(&path).unwrap()).unwrap();
    let mut inner = file.claims[0].clone();
    inner.id = 50;
    inner.content.start += 1;
    inner.content.quote.remove(0);
    file.claims.push(inner);
    file.next_id = 51;
    std::fs::write(&path, claimcoder::store::to_ron(&file)).unwrap();
    let out = corpus.path().join("tags.bio");
    let o = claimcoder(&["export", s(corpus.path()), "--format", "bio", "--out", s(&out)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("warning: 1 claim could not be represented whole in token tags")
            && err.contains("e.g. 000_f61589d60f9b959b.txt (alice) claim 50"),
        "{err}"
    );
    assert!(std::fs::read_to_string(&out).unwrap().starts_with("# document = 000_f61589d60f9b959b.txt\n"));
}
