//! Every bad input the storage core meets in the wild, each with the named error the
//! contract promises (FORMAT.md sections 1 and 3), and the proof that nothing on disk
//! was lost or clobbered on the way.

use std::path::Path;

use claimcoder::model::document::sha256_hex;
use claimcoder::model::{
    ActorRegistry, AnnotationFile, Annotator, Claim, Corpus, Document, DocumentEntry, DocumentError, Span,
};
use claimcoder::store::{
    Access, LoadError, LoadedAnnotations, SaveError, load_annotations, load_dataset, parse_annotation,
    save_annotations, to_ron,
};

const STORY: &str = "“This is a very serious threat to our economic interests,” Lew told reporters.\n\
China's government denounced the report, asserting it does not engage in cyber-espionage.\n";

fn alice() -> Annotator {
    Annotator::parse("alice").unwrap()
}

/// A corpus folder holding `files` (relative path, bytes).
fn corpus_with(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (rel, bytes) in files {
        let path = dir.path().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    dir
}

fn entry(dir: &Path, id: &str) -> DocumentEntry {
    Corpus::scan(dir).unwrap().document(id).unwrap_or_else(|| panic!("{id} not in corpus")).clone()
}

fn open(dir: &Path, id: &str) -> (DocumentEntry, Document, LoadedAnnotations) {
    let entry = entry(dir, id);
    let doc = Document::load(&entry.id, &entry.path).unwrap();
    let loaded = load_annotations(&entry, &alice(), &doc);
    (entry, doc, loaded)
}

/// Codes the first occurrence of each of `quotes` in `doc` as a claim with a cue.
fn code(loaded: &mut LoadedAnnotations, doc: &Document, quotes: &[&str]) {
    for quote in quotes {
        let start = doc.text.find_all(quote)[0];
        let end = start + quote.chars().count();
        let id = loaded.file.take_claim_id();
        let mut claim = Claim::new(id, "assertion", Span::from_text(&doc.text, start, end).unwrap());
        claim.cue = Span::from_text(&doc.text, end.saturating_sub(2), end);
        claim.note = format!("note on “{quote}”\nsecond line \\ \"quoted\"");
        loaded.file.claims.push(claim);
    }
}

/// A saved file of three claims on `STORY` in `a.txt`; returns the folder.
fn coded_corpus() -> tempfile::TempDir {
    let dir = corpus_with(&[("a.txt", STORY.as_bytes())]);
    let (_, doc, mut loaded) = open(dir.path(), "a.txt");
    code(&mut loaded, &doc, &["This is a very serious threat", "Lew told", "denounced the report"]);
    save_annotations(&mut loaded, &doc, &ActorRegistry::default()).unwrap();
    dir
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

fn no_temp_files(dir: &Path) {
    for entry in walkdir::WalkDir::new(dir) {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(!name.ends_with(".tmp") && !name.starts_with(".claimcoder-"), "leftover temp file {name}");
    }
}

/// Claims must refuse to save and leave the file's bytes as they were.
fn assert_refused(loaded: &mut LoadedAnnotations, doc: &Document, path: &Path, expect: fn(&SaveError) -> bool) {
    let before = std::fs::read(path).ok();
    let claims = loaded.file.claims.clone();
    let err = save_annotations(loaded, doc, &ActorRegistry::default()).unwrap_err();
    assert!(expect(&err), "unexpected error {err:?}");
    assert!(err.to_string().contains(&path.display().to_string()), "the message names the file: {err}");
    assert_eq!(std::fs::read(path).ok(), before, "the file on disk is untouched");
    assert_eq!(loaded.file.claims, claims, "the work stays in memory");
    no_temp_files(path.parent().unwrap());
}

// ---- broken, invalid and newer annotation files -------------------------------

#[test]
fn broken_ron_opens_read_only_located_and_is_never_overwritten() {
    let dir = coded_corpus();
    let path = dir.path().join("a.alice.ron");
    let good = std::fs::read_to_string(&path).unwrap();
    let cases: [(&str, &str, usize, usize, &str); 4] = [
        // (replace, with, line, col, part of the reason)
        ("    status: InProgress,\n", "    status: InProgress\n", 7, 5, "comma"),
        ("    status: InProgress,", "    status: Maybe,", 6, 13, "Maybe"),
        ("    annotator: \"alice\",", "    annotator: 42,", 5, 16, "string"),
        ("    annotator: \"alice\",", "    annotator:\n        [1],", 6, 9, "string"),
    ];
    for (from, to, line, col, reason) in cases {
        assert!(good.contains(from), "fixture lacks {from:?}");
        let broken = good.replacen(from, to, 1);
        std::fs::write(&path, &broken).unwrap();
        let (_, doc, mut loaded) = open(dir.path(), "a.txt");
        match &loaded.access {
            Access::ReadOnly(LoadError::Syntax { path: p, line: l, col: c, reason: r }) => {
                assert_eq!((*l, *c), (line, col), "{to:?}: {r}");
                assert!(r.contains(reason), "{r}");
                assert!(p.ends_with("a.alice.ron"), "{p}");
            }
            other => panic!("{to:?}: expected a located syntax error, got {other:?}"),
        }
        assert!(!loaded.is_editable());
        code(&mut loaded, &doc, &["Lew told"]);
        assert_refused(&mut loaded, &doc, &path, |e| matches!(e, SaveError::ReadOnly { .. }));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), broken);
    }
}

#[test]
fn truncated_file_is_located_at_its_end() {
    let dir = coded_corpus();
    let path = dir.path().join("a.alice.ron");
    let good = std::fs::read_to_string(&path).unwrap();
    let cut = &good[..good.len() / 2];
    std::fs::write(&path, cut).unwrap();
    let (_, _, loaded) = open(dir.path(), "a.txt");
    match loaded.access {
        Access::ReadOnly(LoadError::Syntax { line, .. }) => assert_eq!(line, cut.lines().count()),
        other => panic!("{other:?}"),
    }
}

#[test]
fn invalid_utf8_annotation_file_is_located_and_read_only() {
    let dir = coded_corpus();
    let path = dir.path().join("a.alice.ron");
    let mut bytes = std::fs::read(&path).unwrap();
    let at = bytes.windows(9).position(|w| w == b"annotator").unwrap();
    bytes[at + 2] = 0xFF;
    std::fs::write(&path, &bytes).unwrap();
    let (_, doc, mut loaded) = open(dir.path(), "a.txt");
    match &loaded.access {
        Access::ReadOnly(e @ LoadError::NotUtf8 { line, col, .. }) => {
            assert_eq!((*line, *col), (5, 7));
            assert!(e.located().ends_with("a.alice.ron:5:7: not valid UTF-8"), "{}", e.located());
        }
        other => panic!("{other:?}"),
    }
    assert_refused(&mut loaded, &doc, &path, |e| matches!(e, SaveError::ReadOnly { .. }));
}

#[test]
fn newer_format_is_read_only_and_never_rewritten() {
    let dir = coded_corpus();
    let path = dir.path().join("a.alice.ron");
    let newer = std::fs::read_to_string(&path)
        .unwrap()
        .replace("    format: 1,", "    format: 2,\n    review: (by: \"bob\", verdict: Accepted),");
    std::fs::write(&path, &newer).unwrap();
    let (_, doc, mut loaded) = open(dir.path(), "a.txt");
    match &loaded.access {
        Access::ReadOnly(e @ LoadError::NewerFormat { found: 2, .. }) => {
            assert!(e.to_string().contains("newer"), "{e}");
        }
        other => panic!("{other:?}"),
    }
    assert_refused(&mut loaded, &doc, &path, |e| matches!(e, SaveError::ReadOnly { .. }));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), newer);
}

#[test]
fn unreadable_annotation_path_is_read_only() {
    let dir = corpus_with(&[("a.txt", STORY.as_bytes())]);
    let path = dir.path().join("a.alice.ron");
    std::fs::create_dir(&path).unwrap();
    std::fs::write(path.join("keep.txt"), "precious").unwrap();
    let (_, doc, mut loaded) = open(dir.path(), "a.txt");
    assert!(matches!(loaded.access, Access::ReadOnly(LoadError::Unreadable { .. })), "{:?}", loaded.access);
    code(&mut loaded, &doc, &["Lew told"]);
    assert!(save_annotations(&mut loaded, &doc, &ActorRegistry::default()).is_err());
    assert_eq!(std::fs::read_to_string(path.join("keep.txt")).unwrap(), "precious");
    assert_eq!(loaded.file.claims.len(), 1, "the work stays in memory");
}

// ---- the document changed, or the file changed under us --------------------

#[test]
fn edited_document_reanchors_and_saves_every_claim() {
    let dir = coded_corpus();
    let path = dir.path().join("a.alice.ron");
    let (_, _, original) = open(dir.path(), "a.txt");
    assert!(original.report.is_clean());
    let old_claims = original.file.claims.clone();

    // An editor fixes a typo before the first claim and rewrites the second sentence.
    let edited = format!("UPDATED: {}", STORY.replace("denounced the report", "rejected the report"));
    std::fs::write(dir.path().join("a.txt"), &edited).unwrap();
    let (_, doc, mut loaded) = open(dir.path(), "a.txt");
    assert_eq!(loaded.access, Access::Editable);
    let ids = |claims: &[Claim]| claims.iter().map(|c| c.id).collect::<Vec<_>>();
    assert_eq!(ids(&loaded.file.claims), ids(&old_claims));
    let orphan = old_claims.iter().find(|c| c.content.quote == "denounced the report").unwrap();
    assert!(loaded.report.is_orphan(orphan.id));
    assert_eq!(loaded.file.claim(orphan.id).unwrap().content, orphan.content, "orphan keeps its old offsets");
    for claim in old_claims.iter().filter(|c| c.id != orphan.id) {
        let now = loaded.file.claim(claim.id).unwrap();
        assert_eq!(now.content.start, claim.content.start + "UPDATED: ".len());
        assert_eq!(doc.text.slice(now.content.start, now.content.end), claim.content.quote);
    }

    save_annotations(&mut loaded, &doc, &ActorRegistry::default()).unwrap();
    let saved = parse_annotation("a", &std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(ids(&saved.claims), ids(&old_claims), "nothing dropped on save");
    let saved_orphan = saved.claim(orphan.id).unwrap();
    assert_eq!(saved_orphan.content, orphan.content, "orphaned span written back unchanged");
    assert_eq!((&saved_orphan.note, &saved_orphan.kind), (&orphan.note, &orphan.kind));
    assert_eq!(saved.text_sha256, sha256_hex(edited.as_bytes()));

    let (_, _, again) = open(dir.path(), "a.txt");
    assert_eq!(again.report.orphaned, loaded.report.orphaned, "the orphan is still reported after reloading");
    assert!(again.report.moved.is_empty());
}

#[test]
fn file_changed_by_another_program_is_not_clobbered() {
    let dir = coded_corpus();
    let path = dir.path().join("a.alice.ron");
    let (_, doc, mut loaded) = open(dir.path(), "a.txt");
    let theirs = std::fs::read_to_string(&path).unwrap().replace("status: InProgress", "status: Done");
    std::fs::write(&path, &theirs).unwrap();
    code(&mut loaded, &doc, &["cyber-espionage"]);
    assert!(loaded.changed_on_disk());
    assert_refused(&mut loaded, &doc, &path, |e| matches!(e, SaveError::ChangedOnDisk { .. }));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs);
}

#[test]
fn same_size_change_in_the_same_clock_tick_is_still_a_change() {
    // A coarse file-system clock (or a tool that restores mtimes) can leave a rewritten
    // file with the size and mtime we stamped; only its content tells.
    let dir = coded_corpus();
    let path = dir.path().join("a.alice.ron");
    let (_, doc, mut loaded) = open(dir.path(), "a.txt");
    let mtime = std::fs::metadata(&path).unwrap().modified().unwrap();
    let ours_len = std::fs::metadata(&path).unwrap().len();
    let theirs = std::fs::read_to_string(&path).unwrap().replace("kind: \"assertion\"", "kind: \"abcdefghi\"");
    assert_eq!(theirs.len() as u64, ours_len, "same size on purpose");
    std::fs::write(&path, &theirs).unwrap();
    std::fs::File::options().write(true).open(&path).unwrap().set_modified(mtime).unwrap();
    assert!(loaded.changed_on_disk());
    assert_refused(&mut loaded, &doc, &path, |e| matches!(e, SaveError::ChangedOnDisk { .. }));
}

#[test]
fn touch_without_change_is_not_a_change() {
    let dir = coded_corpus();
    let path = dir.path().join("a.alice.ron");
    let (_, doc, mut loaded) = open(dir.path(), "a.txt");
    let later = std::time::SystemTime::now() + std::time::Duration::from_secs(60);
    std::fs::File::options().write(true).open(&path).unwrap().set_modified(later).unwrap();
    assert!(!loaded.changed_on_disk());
    code(&mut loaded, &doc, &["cyber-espionage"]);
    save_annotations(&mut loaded, &doc, &ActorRegistry::default()).unwrap();
    assert_eq!(parse_annotation("a", &std::fs::read_to_string(&path).unwrap()).unwrap().claims.len(), 4);
}

#[test]
fn file_created_or_deleted_by_another_program_is_a_change() {
    let dir = corpus_with(&[("a.txt", STORY.as_bytes())]);
    let path = dir.path().join("a.alice.ron");
    let (_, doc, mut loaded) = open(dir.path(), "a.txt");
    assert!(loaded.stamp.is_none());
    std::fs::write(&path, "a colleague's file").unwrap();
    code(&mut loaded, &doc, &["Lew told"]);
    assert_refused(&mut loaded, &doc, &path, |e| matches!(e, SaveError::ChangedOnDisk { .. }));

    let dir = coded_corpus();
    let path = dir.path().join("a.alice.ron");
    let (_, doc, mut loaded) = open(dir.path(), "a.txt");
    std::fs::remove_file(&path).unwrap();
    assert_refused(&mut loaded, &doc, &path, |e| matches!(e, SaveError::ChangedOnDisk { .. }));
}

#[test]
fn consecutive_saves_are_not_mistaken_for_outside_changes() {
    let dir = coded_corpus();
    let (_, doc, mut loaded) = open(dir.path(), "a.txt");
    for quote in ["cyber-espionage", "China", "reporters"] {
        code(&mut loaded, &doc, &[quote]);
        save_annotations(&mut loaded, &doc, &ActorRegistry::default()).unwrap();
    }
    let (_, _, again) = open(dir.path(), "a.txt");
    assert_eq!(again.file.claims.len(), 6);
}

// ---- documents ---------------------------------------------------------------

#[test]
fn invalid_utf8_document_names_the_byte_and_the_rest_still_loads() {
    let mut bad = b"\xEF\xBB\xBFgood start\n".to_vec();
    bad.extend_from_slice(b"caf\xE9\n");
    let dir = corpus_with(&[("bad.txt", &bad), ("good.txt", STORY.as_bytes())]);
    let corpus = Corpus::scan(dir.path()).unwrap();
    assert_eq!(corpus.documents.len(), 2, "the broken document is still listed");
    let bad_entry = corpus.document("bad.txt").unwrap();
    let err = Document::load(&bad_entry.id, &bad_entry.path).unwrap_err();
    assert_eq!(err, DocumentError::NotUtf8 { path: "bad.txt".into(), byte: 3 + 11 + 3 });
    assert!(err.to_string().contains("bad.txt") && err.to_string().contains("byte 17"), "{err}");
    assert_eq!(std::fs::read(&bad_entry.path).unwrap(), bad, "never rewritten");

    let (_, doc, loaded) = open(dir.path(), "good.txt");
    assert_eq!(doc.text.as_str(), STORY);
    assert!(loaded.is_editable());
    let dataset = load_dataset(dir.path(), &[]).unwrap();
    assert_eq!(dataset.documents.len(), 1);
    assert!(dataset.errors.is_empty(), "no annotation file of it is missing: {:?}", dataset.errors);
    assert_eq!(dataset.warnings.len(), 1);
    assert!(dataset.warnings[0].contains("bad.txt"), "{:?}", dataset.warnings);
}

#[test]
fn empty_corpus_is_fine() {
    let dir = tempfile::tempdir().unwrap();
    assert!(Corpus::scan(dir.path()).unwrap().documents.is_empty());
    let dataset = load_dataset(dir.path(), &[]).unwrap();
    assert!(dataset.documents.is_empty() && dataset.errors.is_empty());
}

#[test]
fn crlf_counts_two_chars_per_line_break() {
    let text = "Headline\r\n“Serious,” Lew said.\r\nEnd.\r\n";
    let dir = corpus_with(&[("crlf.txt", text.as_bytes())]);
    let (_, doc, mut loaded) = open(dir.path(), "crlf.txt");
    assert_eq!(doc.text.char_len(), text.chars().count());
    code(&mut loaded, &doc, &["Lew said", "said.\r\nEnd"]);
    assert_eq!(loaded.file.claims[0].content.start, 21, "8 + 2 + 11 chars before `Lew`");
    save_annotations(&mut loaded, &doc, &ActorRegistry::default()).unwrap();
    let raw = std::fs::read_to_string(&loaded.path).unwrap();
    assert!(raw.contains(r#"quote: "said.\r\nEnd""#), "{raw}");
    assert!(!raw.contains('\r'), "line breaks inside quotes are escaped, the file itself is LF");
    let (_, _, again) = open(dir.path(), "crlf.txt");
    assert!(again.report.is_clean());
    assert_eq!(again.file.claims, loaded.file.claims);
}

#[test]
fn bom_is_not_text_but_is_hashed() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(STORY.as_bytes());
    let dir = corpus_with(&[("bom.txt", &bytes)]);
    let (_, doc, mut loaded) = open(dir.path(), "bom.txt");
    assert_eq!(doc.text.as_str(), STORY);
    assert_eq!(doc.sha256, sha256_hex(&bytes));
    code(&mut loaded, &doc, &["“This"]);
    assert_eq!(loaded.file.claims[0].content.start, 0, "the BOM shifts no offset");
    save_annotations(&mut loaded, &doc, &ActorRegistry::default()).unwrap();
    let saved = parse_annotation("a", &std::fs::read_to_string(&loaded.path).unwrap()).unwrap();
    assert_eq!(saved.text_sha256, sha256_hex(&bytes));

    // An editor drops the BOM: the hash changes, but every claim still holds.
    std::fs::write(dir.path().join("bom.txt"), STORY).unwrap();
    let (_, doc, again) = open(dir.path(), "bom.txt");
    assert_ne!(doc.sha256, saved.text_sha256);
    assert!(again.report.is_clean());
}

#[test]
fn ten_megabyte_document_loads_reanchors_and_saves_in_linear_time() {
    let paragraph = "“We will respond,” the ministry said on Tuesday, citing officials in 北京. ";
    let mut text = String::with_capacity(10_500_000);
    let mut line_starts = Vec::new();
    let mut chars = 0;
    while text.len() < 10_000_000 {
        let line = format!("{:07} {paragraph}\n", line_starts.len());
        line_starts.push(chars);
        chars += line.chars().count();
        text.push_str(&line);
    }
    let dir = corpus_with(&[("big.txt", text.as_bytes())]);
    let started = std::time::Instant::now();
    let (_, doc, mut loaded) = open(dir.path(), "big.txt");
    let step = line_starts.len() / 2000;
    for i in 0..2000 {
        let start = line_starts[i * step];
        let id = loaded.file.take_claim_id();
        let span = Span::from_text(&doc.text, start, start + 26).unwrap();
        assert_eq!(span.quote, format!("{:07} “We will respond,”", i * step));
        loaded.file.claims.push(Claim::new(id, "commitment", span));
    }
    save_annotations(&mut loaded, &doc, &ActorRegistry::default()).unwrap();

    // Insert a paragraph at the top: every claim must move, none may be lost.
    let edited = format!("Correction appended.\n{text}");
    std::fs::write(dir.path().join("big.txt"), &edited).unwrap();
    let (_, doc, mut again) = open(dir.path(), "big.txt");
    assert_eq!(again.report.moved.len(), 2000);
    assert!(again.report.orphaned.is_empty());
    save_annotations(&mut again, &doc, &ActorRegistry::default()).unwrap();
    let elapsed = started.elapsed();
    assert!(elapsed.as_secs() < 10, "10 MB round trip took {elapsed:?}");
    assert_eq!(again.file.claims.len(), 2000);
}

// ---- file names and places ---------------------------------------------------

#[test]
fn dotted_names_subfolders_and_unknown_documents() {
    let dir = corpus_with(&[
        ("a.txt", b"plain"),
        ("a.b.txt", STORY.as_bytes()),
        ("2013/lat-0318.txt", STORY.as_bytes()),
        ("ghost.alice.ron", b"()"),
    ]);
    let (entry, doc, mut loaded) = open(dir.path(), "a.b.txt");
    assert_eq!(loaded.path, entry.path.with_file_name("a.b.alice.ron"));
    code(&mut loaded, &doc, &["Lew told"]);
    save_annotations(&mut loaded, &doc, &ActorRegistry::default()).unwrap();
    let corpus = Corpus::scan(dir.path()).unwrap();
    assert!(corpus.document("a.txt").unwrap().annotations.is_empty(), "a.b.alice.ron is not a.txt's");
    assert_eq!(corpus.document("a.b.txt").unwrap().annotations.keys().collect::<Vec<_>>(), [&alice()]);
    assert!(corpus.document("ghost.txt").is_none(), "an annotation file does not invent a document");

    let (entry, doc, mut loaded) = open(dir.path(), "2013/lat-0318.txt");
    assert_eq!(entry.id, "2013/lat-0318.txt");
    code(&mut loaded, &doc, &["Lew told"]);
    save_annotations(&mut loaded, &doc, &ActorRegistry::default()).unwrap();
    assert_eq!(names_in(&dir.path().join("2013")), ["lat-0318.alice.ron", "lat-0318.txt"]);
    let saved: AnnotationFile = parse_annotation("x", &std::fs::read_to_string(&loaded.path).unwrap()).unwrap();
    assert_eq!(saved.document, "2013/lat-0318.txt");
    assert_eq!(saved.annotator, "alice");
}

// ---- atomicity and failed writes ---------------------------------------------

#[test]
fn successful_save_leaves_no_temp_file_and_a_whole_file() {
    let dir = coded_corpus();
    no_temp_files(dir.path());
    assert_eq!(names_in(dir.path()), ["a.alice.ron", "a.txt"]);
    let raw = std::fs::read_to_string(dir.path().join("a.alice.ron")).unwrap();
    let file = parse_annotation("a", &raw).unwrap();
    assert_eq!(to_ron(&file), raw, "the file on disk is exactly what to_ron writes");
}

#[test]
fn document_folder_removed_after_loading_is_an_io_error_and_work_is_kept() {
    let dir = corpus_with(&[("2013/a.txt", STORY.as_bytes())]);
    let (_, doc, mut loaded) = open(dir.path(), "2013/a.txt");
    code(&mut loaded, &doc, &["Lew told"]);
    std::fs::remove_dir_all(dir.path().join("2013")).unwrap();
    let err = save_annotations(&mut loaded, &doc, &ActorRegistry::default()).unwrap_err();
    match &err {
        SaveError::Io { path, .. } => assert!(path.ends_with("a.alice.ron"), "{path}"),
        other => panic!("{other:?}"),
    }
    assert!(err.to_string().starts_with("cannot write "), "{err}");
    assert_eq!(loaded.file.claims.len(), 1, "the work stays in memory");
    assert!(loaded.stamp.is_none());

    // Once the folder is back, the same work saves.
    std::fs::create_dir(dir.path().join("2013")).unwrap();
    save_annotations(&mut loaded, &doc, &ActorRegistry::default()).unwrap();
    assert!(loaded.path.exists());
}

#[test]
fn annotation_path_turned_into_a_folder_is_refused_and_the_folder_kept() {
    let dir = corpus_with(&[("a.txt", STORY.as_bytes())]);
    let (_, doc, mut loaded) = open(dir.path(), "a.txt");
    code(&mut loaded, &doc, &["Lew told"]);
    let path = dir.path().join("a.alice.ron");
    std::fs::create_dir(&path).unwrap();
    std::fs::write(path.join("keep.txt"), "precious").unwrap();
    assert!(save_annotations(&mut loaded, &doc, &ActorRegistry::default()).is_err());
    assert_eq!(std::fs::read_to_string(path.join("keep.txt")).unwrap(), "precious");
    assert_eq!(loaded.file.claims.len(), 1);
    no_temp_files(dir.path());
}

#[test]
fn write_atomic_failing_at_rename_leaves_the_old_target_and_no_temp() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("x.alice.ron");
    std::fs::create_dir(&target).unwrap();
    assert!(claimcoder::store::write_atomic(&target, b"new").is_err());
    assert!(target.is_dir());
    assert_eq!(names_in(dir.path()), ["x.alice.ron"]);
}

#[cfg(unix)]
#[test]
fn read_only_folder_is_an_io_error_unless_running_as_root() {
    use std::os::unix::fs::PermissionsExt;
    let dir = coded_corpus();
    let path = dir.path().join("a.alice.ron");
    let (_, doc, mut loaded) = open(dir.path(), "a.txt");
    code(&mut loaded, &doc, &["cyber-espionage"]);
    let before = std::fs::read(&path).unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
    let result = save_annotations(&mut loaded, &doc, &ActorRegistry::default());
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    match result {
        Ok(()) => eprintln!("skipped: the folder stayed writable (running as root)"),
        Err(SaveError::Io { path: p, .. }) => {
            assert!(p.ends_with("a.alice.ron"));
            assert_eq!(std::fs::read(&path).unwrap(), before);
            assert_eq!(loaded.file.claims.len(), 4);
        }
        Err(other) => panic!("{other:?}"),
    }
}

#[cfg(unix)]
#[test]
fn saving_keeps_the_file_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = coded_corpus();
    let path = dir.path().join("a.alice.ron");
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_ne!(mode(&path), 0o600, "a new file gets the usual permissions, not a temp file's 0600");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o664)).unwrap();
    let (_, doc, mut loaded) = open(dir.path(), "a.txt");
    code(&mut loaded, &doc, &["cyber-espionage"]);
    save_annotations(&mut loaded, &doc, &ActorRegistry::default()).unwrap();
    assert_eq!(mode(&path), 0o664, "a shared file stays readable by the team");
}
