//! `import-corpus` on every source format and every bad input: each problem is a
//! located error with nothing written, and what is already in a corpus is kept.

use std::path::Path;

use super::*;
use crate::store::metadata_io::read_metadata;

fn opts(source: &Path, corpus: &Path) -> CorpusImportOptions {
    CorpusImportOptions {
        source: source.to_path_buf(),
        corpus: corpus.to_path_buf(),
        format: None,
        id_field: None,
        text_field: None,
        encoding: None,
        force: false,
    }
}

fn run(o: &CorpusImportOptions) -> Result<CorpusImportSummary, CorpusImportError> {
    import_corpus(o, &mut |_, _| {})
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let p = dir.join(name);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(&p, bytes).unwrap();
    p
}

fn meta(corpus: &Path) -> Metadata {
    read_metadata(&corpus.join(METADATA_FILE)).unwrap().0
}

fn files(corpus: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(corpus)
        .map(|d| d.map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_default();
    v.sort();
    v
}

/// The error's located lines, `file-name:line: message`.
fn invalid(err: CorpusImportError) -> Vec<String> {
    match err {
        CorpusImportError::Invalid(v) => v
            .iter()
            .map(|i| {
                let name = Path::new(&i.file).file_name().unwrap().to_string_lossy().into_owned();
                format!("{name}:{}: {}", i.line, i.message)
            })
            .collect(),
        other => panic!("not Invalid: {other}"),
    }
}

const CSV: &str = "id,title,date,outlet,text,desk\n\
    lat-0318,\"Lew to press China, officials say\",2013-03-18,Los Angeles Times,\"WASHINGTON -- Lew said:\n\
    \"\"We engage.\"\"\r\nNext paragraph.\",business\n\
    xin-1,新华社报道,2013-03-19,Xinhua,中国政府否认了这份报告。,world\n\
    ahram-7,تقرير,March 20 2013,Al-Ahram,قال المتحدث إن التقرير كاذب.,world\n";

#[test]
fn csv_rows_become_texts_and_metadata() {
    let dir = tempfile::tempdir().unwrap();
    let src = write(dir.path(), "articles.csv", CSV.as_bytes());
    let corpus = dir.path().join("corpus");
    let s = run(&opts(&src, &corpus)).unwrap();
    assert_eq!((s.articles, s.added, s.replaced, s.unchanged), (3, 3, 0, 0));
    assert!(s.skipped.is_empty() && s.notes.is_empty(), "{:?} {:?}", s.skipped, s.notes);
    assert_eq!(files(&corpus), ["ahram-7.txt", "documents.csv", "lat-0318.txt", "xin-1.txt"]);
    let text = std::fs::read_to_string(corpus.join("lat-0318.txt")).unwrap();
    assert_eq!(text, "WASHINGTON -- Lew said:\n\"We engage.\"\r\nNext paragraph.", "the quoted text exactly");
    assert_eq!(std::fs::read_to_string(corpus.join("xin-1.txt")).unwrap(), "中国政府否认了这份报告。");
    let m = meta(&corpus);
    assert_eq!(m.columns(), ["document", "title", "date", "outlet", "id", "desk"]);
    let lat = m.get("lat-0318.txt").unwrap();
    assert_eq!(lat.title(), Some("Lew to press China, officials say"));
    assert_eq!(lat.outlet(), Some("Los Angeles Times"));
    assert_eq!(lat.value("desk"), Some("business"));
    assert_eq!(m.get("ahram-7.txt").unwrap().value("date"), Some("2013-03-20"), "normalized");
    assert_eq!(s.columns, ["title", "date", "outlet", "id", "desk"]);
}

#[test]
fn tsv_and_jsonl_and_news_please_read_too() {
    let dir = tempfile::tempdir().unwrap();
    let tsv = write(dir.path(), "a.tsv", "id\ttext\theadline\nt1\t\"two\nlines\"\tTSV\n".as_bytes());
    let corpus = dir.path().join("c1");
    run(&opts(&tsv, &corpus)).unwrap();
    assert_eq!(std::fs::read_to_string(corpus.join("t1.txt")).unwrap(), "two\nlines");
    assert_eq!(meta(&corpus).get("t1.txt").unwrap().value("headline"), Some("TSV"));

    let jsonl = write(
        dir.path(),
        "a.jsonl",
        "{\"id\": 7, \"text\": \"Seven\", \"authors\": [\"A. One\", \"B. Two\"], \"extra\": {\"k\": 1}, \"n\": null}\n\n\
         {\"id\": \"eight\", \"text\": \"Eight\", \"publisher\": \"AFP\"}\n"
            .as_bytes(),
    );
    let corpus = dir.path().join("c2");
    run(&opts(&jsonl, &corpus)).unwrap();
    let m = meta(&corpus);
    assert_eq!(m.get("7.txt").unwrap().author(), Some("A. One; B. Two"), "lists joined with `; `");
    assert_eq!(m.get("7.txt").unwrap().value("extra"), Some("{\"k\":1}"));
    assert_eq!(m.get("eight.txt").unwrap().outlet(), Some("AFP"));

    let np = dir.path().join("np");
    let article = |title: &str, text: &str| {
        format!(
            "{{\"title\": \"{title}\", \"maintext\": \"{text}\", \"date_publish\": \"2017-04-18 14:34:00\", \
             \"source_domain\": \"www.nytimes.com\", \"authors\": [\"Jane Doe\"], \"url\": \"https://x/{title}\", \
             \"text\": null, \"language\": \"en\"}}"
        )
    };
    write(&np, "www.nytimes.com/2017/a1.json", article("One", "First text.").as_bytes());
    write(&np, "www.nytimes.com/2017/a2.json", article("Two", "Second text.").as_bytes());
    write(&np, ".cache/skip.json", b"not read");
    let corpus = dir.path().join("c3");
    run(&opts(&np, &corpus)).unwrap();
    assert_eq!(files(&corpus), ["a1.txt", "a2.txt", "documents.csv"], "ids from the file names");
    let m = meta(&corpus);
    let a1 = m.get("a1.txt").unwrap();
    assert_eq!((a1.title(), a1.outlet(), a1.value("date")), (Some("One"), Some("www.nytimes.com"), Some("2017-04-18")));
    assert_eq!(a1.value("url"), Some("https://x/One"));

    let np_lines =
        write(dir.path(), "np.jsonl", format!("{}\n{}\n", article("Uno", "Uno."), article("Dos", "Dos.")).as_bytes());
    let corpus = dir.path().join("c4");
    let mut o = opts(&np_lines, &corpus);
    o.format = Some(SourceFormat::NewsPlease);
    run(&o).unwrap();
    let names = files(&corpus);
    assert_eq!(names.len(), 3, "{names:?}");
    assert!(names[0].starts_with("Dos-") && names[1].starts_with("Uno-"), "title and a hash: {names:?}");
}

#[test]
fn legacy_encodings_need_encoding() {
    let dir = tempfile::tempdir().unwrap();
    let src = write(dir.path(), "old.csv", b"id,title,text\nle-1,Caf\xE9,\"\x93Nous d\xE9mentons,\x94 dit-il.\"\n");
    let corpus = dir.path().join("c");
    let err = invalid(run(&opts(&src, &corpus)).unwrap_err());
    assert_eq!(err.len(), 2, "{err:?}");
    assert!(
        err[0].starts_with(
            "old.csv:2: field `title` is not UTF-8 at its byte 3; name the file's encoding with --encoding"
        )
    );
    assert!(err[1].starts_with("old.csv:2: field `text` is not UTF-8 at its byte 0"), "{err:?}");
    assert!(!corpus.exists(), "nothing written");
    let mut o = opts(&src, &corpus);
    o.encoding = Some(encoding_rs::WINDOWS_1252);
    run(&o).unwrap();
    assert_eq!(std::fs::read_to_string(corpus.join("le-1.txt")).unwrap(), "“Nous démentons,” dit-il.");
    assert_eq!(meta(&corpus).get("le-1.txt").unwrap().title(), Some("Café"));
    let bad =
        write(dir.path(), "bad.jsonl", b"{\"id\": \"a\", \"text\": \"ok\"}\n{\"id\": \"b\", \"text\": \"\xFF\"}\n");
    let err = invalid(run(&opts(&bad, &dir.path().join("c2"))).unwrap_err());
    assert_eq!(
        err,
        ["bad.jsonl:2: this line is not UTF-8; name the file's encoding with --encoding (e.g. windows-1252)"]
    );
    let mut o = opts(&bad, &dir.path().join("c2"));
    o.encoding = Some(encoding_rs::SHIFT_JIS);
    let sjis = write(dir.path(), "sjis.csv", b"id,text\na,\x82\xA0\nb,\x82\n");
    o.source = sjis;
    let err = run(&o).unwrap_err().to_string();
    assert!(err.contains("sjis.csv:3: byte 15 is not valid Shift_JIS"), "{err}");
}

#[test]
fn malformed_rows_and_huge_fields_are_located_errors() {
    let dir = tempfile::tempdir().unwrap();
    let src = write(dir.path(), "a.csv", b"id,title,text\na,A,\"ok\"\nb,B\nc,C,\"never closed\nd,D,text\n");
    let corpus = dir.path().join("c");
    let err = invalid(run(&opts(&src, &corpus)).unwrap_err());
    assert_eq!(err.len(), 2, "{err:?}");
    assert!(err[0].starts_with("a.csv:3: this row has 2 fields but the header has 3"), "{err:?}");
    assert_eq!(err[1], "a.csv:4: a quote opened in this row is never closed, so the rest of the file is one field");
    assert!(!corpus.exists());
    let huge = format!("id,text\nbig,\"{}\"\n", "x".repeat(MAX_FIELD_BYTES + 1));
    let src = write(dir.path(), "huge.csv", huge.as_bytes());
    let err = invalid(run(&opts(&src, &corpus)).unwrap_err());
    assert!(err[0].starts_with("huge.csv:2: field `text` is 16 MB, larger than an article can be"), "{err:?}");
}

#[test]
fn rows_without_text_are_skipped_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    let src = write(dir.path(), "a.csv", b"id,text\na,Alpha\nb,\nc,   \n");
    let corpus = dir.path().join("c");
    let s = run(&opts(&src, &corpus)).unwrap();
    let skipped: Vec<String> = s.skipped.iter().map(|i| format!("{}: {}", i.line, i.message)).collect();
    assert_eq!(skipped, ["3: skipped: no text", "4: skipped: no text"]);
    assert_eq!(files(&corpus), ["a.txt", "documents.csv"]);
}

#[test]
fn repeated_ids_and_missing_fields_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    let src = write(dir.path(), "a.csv", b"id,text\na,One\nb,Two\na,Three\n,Four\n");
    let corpus = dir.path().join("c");
    let err = invalid(run(&opts(&src, &corpus)).unwrap_err());
    assert_eq!(err, ["a.csv:4: id `a` is also the id of the article at line 2", "a.csv:5: no id in field `id`"]);
    let mut o = opts(&src, &corpus);
    o.id_field = Some("uid".into());
    assert!(matches!(run(&o), Err(CorpusImportError::Usage(m)) if m.contains("no field `uid` for --id-field")));
    o.id_field = None;
    o.text_field = Some("body".into());
    assert!(matches!(run(&o), Err(CorpusImportError::Usage(m)) if m.contains("no field `body` holds the text")));
    let unknown = write(dir.path(), "a.xml", b"<x/>");
    let err = run(&opts(&unknown, &corpus)).unwrap_err();
    assert!(
        matches!(&err, CorpusImportError::Usage(m) if m.contains("give --format csv, tsv, jsonl or news-please")),
        "{err}"
    );
    assert!(!corpus.exists());
}

#[test]
fn ids_become_safe_unique_file_names() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("c");
    write(&corpus, "Report.txt", b"an older article");
    let src = write(
        dir.path(),
        "a.csv",
        "id,text\n../../escape,One\nCON,Two\na/b,Three\na_b,Four\nreport,Five\n.hidden,Six\n".as_bytes(),
    );
    let s = run(&opts(&src, &corpus)).unwrap();
    let names = files(&corpus);
    let hash = |raw: &str| short_hash(raw);
    let want = [
        "Report.txt".to_owned(),
        format!("a_b-{}.txt", hash("a_b")),
        "a_b.txt".to_owned(),
        "documents.csv".to_owned(),
        "hidden.txt".to_owned(),
        format!("report-{}.txt", hash("report")),
        "_.._escape.txt".to_owned(),
        "_CON.txt".to_owned(),
    ];
    let mut want = want.to_vec();
    want.sort();
    assert_eq!(names, want);
    assert!(!dir.path().join("escape.txt").exists());
    let notes: Vec<String> = s.notes.iter().map(|n| n.message.clone()).collect();
    assert_eq!(notes.len(), 2, "{notes:?}");
    assert!(notes[0].contains("id `a_b` is stored as a_b-"), "{notes:?}");
    assert!(notes[1].contains("differs only in case"), "{notes:?}");
    assert_eq!(std::fs::read_to_string(corpus.join("Report.txt")).unwrap(), "an older article", "kept");
    assert_eq!(meta(&corpus).get("_CON.txt").unwrap().value("id"), Some("CON"), "the original id is kept");
}

#[test]
fn articles_without_ids_get_stable_ones_and_exact_repeats_are_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let src = write(
        dir.path(),
        "a.csv",
        b"title,text\nLew in Beijing,Body one\nLew in Beijing,Body one\nLew in Beijing,Body two\n,No title\n",
    );
    let corpus = dir.path().join("c");
    let s = run(&opts(&src, &corpus)).unwrap();
    assert_eq!(s.added, 3);
    assert_eq!(s.skipped.len(), 1);
    assert!(s.skipped[0].message.contains("skipped: a repeat of the article at line 2"));
    let names = files(&corpus);
    assert!(names.contains(&format!("Lew_in_Beijing-{}.txt", short_hash("Body one"))), "{names:?}");
    assert!(names.contains(&format!("article-{}.txt", short_hash("No title"))), "{names:?}");
    let again = run(&opts(&src, &corpus)).unwrap();
    assert_eq!((again.added, again.unchanged), (0, 3), "the same ids a second time");
}

#[test]
fn adding_to_a_corpus_keeps_what_is_there() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("c");
    write(&corpus, "a.txt", b"Alpha");
    write(&corpus, "old.txt", b"Old");
    write(&corpus, "a.alice.ron", b"(kept as it is)");
    write(
        &corpus,
        METADATA_FILE,
        "document,title,coder_note\na.txt,My curated title,check\nold.txt,Old one,\n".as_bytes(),
    );
    let src = write(dir.path(), "new.csv", b"id,title,outlet,text\na,Imported title,AFP,Alpha\nb,B,AFP,Beta\n");
    let s = run(&opts(&src, &corpus)).unwrap();
    assert_eq!((s.added, s.unchanged), (1, 1));
    assert_eq!(std::fs::read(corpus.join("a.alice.ron")).unwrap(), b"(kept as it is)");
    let m = meta(&corpus);
    assert_eq!(m.columns(), ["document", "title", "coder_note", "outlet", "id"]);
    let a = m.get("a.txt").unwrap();
    assert_eq!((a.title(), a.value("coder_note"), a.outlet()), (Some("My curated title"), Some("check"), Some("AFP")));
    assert_eq!(m.get("old.txt").unwrap().title(), Some("Old one"));
    assert_eq!(m.get("b.txt").unwrap().title(), Some("B"));
    let mut o = opts(&src, &corpus);
    o.force = true;
    run(&o).unwrap();
    assert_eq!(meta(&corpus).get("a.txt").unwrap().title(), Some("Imported title"), "--force replaces cells");
}

#[test]
fn a_different_text_is_replaced_only_with_force() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("c");
    write(&corpus, "a.txt", b"Alpha, as coded");
    let src = write(dir.path(), "a.csv", b"id,text\na,Alpha revised\nb,Beta\n");
    let err = invalid(run(&opts(&src, &corpus)).unwrap_err());
    assert_eq!(err, ["a.csv:2: a.txt exists in the corpus with a different text; not replacing it without --force"]);
    assert!(!corpus.join("b.txt").exists(), "nothing half-written");
    assert!(!corpus.join(METADATA_FILE).exists());
    let mut o = opts(&src, &corpus);
    o.force = true;
    let s = run(&o).unwrap();
    assert_eq!((s.added, s.replaced), (1, 1));
    assert_eq!(std::fs::read_to_string(corpus.join("a.txt")).unwrap(), "Alpha revised");
}

#[test]
fn broken_json_and_unusable_sources_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("c");
    let jsonl =
        write(dir.path(), "a.jsonl", b"{\"id\": \"a\", \"text\": \"ok\"}\n{\"id\": \"b\", \n[1, 2]\n\"text\"\n");
    let err = invalid(run(&opts(&jsonl, &corpus)).unwrap_err());
    assert_eq!(err.len(), 3, "{err:?}");
    assert!(err[0].starts_with("a.jsonl:2: this line is not JSON: EOF while parsing"), "{err:?}");
    assert_eq!(err[1], "a.jsonl:3: this line is not a JSON object (one article a line)");
    assert_eq!(err[2], "a.jsonl:4: this line is not a JSON object (one article a line)");
    let np = dir.path().join("np");
    write(&np, "good.json", b"{\"maintext\": \"Fine.\", \"title\": \"T\"}");
    write(&np, "broken.json", b"{\"maintext\": \"Cut off");
    write(&np, "list.json", b"[{\"maintext\": \"In a list.\"}, 3]");
    let err = invalid(run(&opts(&np, &corpus)).unwrap_err());
    assert_eq!(err.len(), 2, "{err:?}");
    assert!(err[0].starts_with("broken.json:1: not JSON: EOF while parsing a string"), "{err:?}");
    assert_eq!(err[1], "list.json:0: an item of the array is not a JSON object");
    let twins = dir.path().join("twins");
    write(&twins, "2017/a1.json", b"{\"maintext\": \"One.\"}");
    write(&twins, "2018/a1.json", b"{\"maintext\": \"Two.\"}");
    let err = invalid(run(&opts(&twins, &corpus)).unwrap_err());
    assert_eq!(err.len(), 1, "{err:?}");
    assert!(err[0].starts_with("a1.json:0: id `a1` is also the id of the article in "), "{err:?}");
    assert!(err[0].ends_with("2017/a1.json"), "{err:?}");
    let empty_dir = dir.path().join("empty");
    std::fs::create_dir(&empty_dir).unwrap();
    let err = run(&opts(&empty_dir, &corpus)).unwrap_err().to_string();
    assert!(err.contains("holds no .json files (news-please writes one per article)"), "{err}");
    let empty = write(dir.path(), "empty.csv", b"");
    let err = run(&opts(&empty, &corpus)).unwrap_err().to_string();
    assert!(err.ends_with("empty.csv is empty: no header row and no articles"), "{err}");
    let missing = dir.path().join("missing.csv");
    let err = run(&opts(&missing, &corpus)).unwrap_err().to_string();
    assert!(err.ends_with("missing.csv does not exist"), "{err}");
    let file_as_corpus = write(dir.path(), "corpus.txt", b"x");
    let src = write(dir.path(), "ok.csv", b"id,text\na,A\n");
    let err = run(&opts(&src, &file_as_corpus)).unwrap_err().to_string();
    assert!(err.ends_with("corpus.txt is not a folder"), "{err}");
    assert!(!corpus.exists(), "nothing written");
}

#[test]
fn a_folder_named_like_an_article_is_an_error_even_with_force() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("c");
    std::fs::create_dir_all(corpus.join("b.txt")).unwrap();
    let src = write(
        dir.path(),
        "a.csv",
        b"id,text
a,Alpha
b,Beta
",
    );
    let mut o = opts(&src, &corpus);
    o.force = true;
    let err = invalid(run(&o).unwrap_err());
    assert_eq!(err, ["a.csv:3: b.txt is a folder in the corpus, not a text; give another id"]);
    assert_eq!(files(&corpus), ["b.txt"], "nothing written");
}

#[test]
fn a_broken_documents_csv_stops_the_import() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("c");
    write(&corpus, METADATA_FILE, b"id,title\nx,y\n");
    let src = write(dir.path(), "a.csv", b"id,text\na,Alpha\n");
    let err = run(&opts(&src, &corpus)).unwrap_err().to_string();
    assert!(err.contains("no `document` column") && err.contains("fix it before importing"), "{err}");
    assert_eq!(files(&corpus), [METADATA_FILE]);
}

#[test]
fn the_imported_corpus_is_clean_for_check() {
    let dir = tempfile::tempdir().unwrap();
    let src = write(dir.path(), "articles.csv", CSV.as_bytes());
    let corpus = dir.path().join("corpus");
    run(&opts(&src, &corpus)).unwrap();
    let scanned = Corpus::scan(&corpus).unwrap();
    let problems = crate::store::check::check_corpus(&corpus, &scanned);
    assert!(problems.is_empty(), "{problems:?}");
}

#[test]
fn the_preview_shows_fields_mapping_and_first_rows_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let src = write(dir.path(), "articles.csv", CSV.as_bytes());
    let corpus = dir.path().join("corpus");
    let p = preview_corpus(&opts(&src, &corpus), 2).unwrap();
    assert_eq!(p.format, SourceFormat::Csv);
    assert_eq!(p.fields, ["id", "title", "date", "outlet", "text", "desk"]);
    let map = p.map.unwrap();
    assert_eq!((map.text, map.id), (4, Some(0)));
    assert_eq!(p.articles, 3);
    assert_eq!(p.rows.len(), 2);
    assert_eq!(p.rows[0][4], "WASHINGTON -- Lew said: \"We engage.\" Next paragraph.", "one short line");
    assert_eq!(p.rows[1][1], "新华社报道");
    assert!(p.problems.is_empty());
    assert!(!corpus.exists(), "a preview writes nothing");
    let mut o = opts(&src, &corpus);
    o.text_field = Some("body".into());
    let p = preview_corpus(&o, 2).unwrap();
    assert!(p.map.unwrap_err().contains("no field `body` holds the text"));
}
