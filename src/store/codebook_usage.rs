//! What a codebook edit needs from the files on disk: which kinds, fields and values
//! the corpus's claims use ([`scan_usage`]), and mapping orphaned ones to other
//! values in every annotation file at once ([`remap_files`], FORMAT.md section 7).
//! Every annotator's file counts and is mapped (gold and suggestions too): a value
//! the codebook no longer has is the whole team's problem. A file that cannot be read
//! is left alone and named, never rewritten.

use std::path::{Path, PathBuf};

use super::annotation_io::{read_annotation, to_ron};
use super::atomic_batch::write_all_atomic;
use crate::model::{Corpus, Remap, Usage};

/// Every annotation file of the corpus, as (path, shown path).
fn annotation_files(corpus: &Corpus) -> impl Iterator<Item = (&PathBuf, String)> {
    corpus.documents.iter().flat_map(|d| d.annotations.values()).map(|p| (p, p.display().to_string()))
}

/// Counts what the claims of every annotation file of `corpus` but `skip` (the
/// open document's, counted from memory by the caller) use.
pub fn scan_usage(corpus: &Corpus, skip: Option<&Path>) -> Usage {
    let mut usage = Usage::default();
    for (path, shown) in annotation_files(corpus) {
        if Some(path.as_path()) == skip {
            continue;
        }
        match read_annotation(&shown, path) {
            Ok((file, _)) => usage.add_file(&file),
            Err(e) => usage.unreadable.push(e.located()),
        }
    }
    usage
}

/// What [`remap_files`] did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RemapReport {
    /// Files rewritten.
    pub files: usize,
    /// Claims changed in them.
    pub claims: usize,
    /// Files that could not be read, left as they are, each as its located error.
    pub unreadable: Vec<String>,
}

/// Why nothing was mapped.
#[derive(Debug, thiserror::Error)]
#[error("cannot write {}: {source}; no annotation file was changed", path.display())]
pub struct RemapWriteError {
    /// The file that failed.
    pub path: PathBuf,
    /// The OS error.
    pub source: std::io::Error,
}

/// Applies `remap` to every annotation file of `corpus` but `skip` (the open
/// document's, mapped in memory by the caller), writing the changed ones as one
/// atomic batch: a failure before the renames writes none of them. Files that cannot
/// be read are left alone and reported.
pub fn remap_files(corpus: &Corpus, remap: &Remap, skip: Option<&Path>) -> Result<RemapReport, RemapWriteError> {
    let mut report = RemapReport::default();
    let mut writes: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    if remap.is_empty() {
        return Ok(report);
    }
    for (path, shown) in annotation_files(corpus) {
        if Some(path.as_path()) == skip {
            continue;
        }
        match read_annotation(&shown, path) {
            Ok((mut file, _)) => {
                let changed = remap.apply_file(&mut file);
                if changed > 0 {
                    report.claims += changed;
                    writes.push((path.clone(), to_ron(&file).into_bytes()));
                }
            }
            Err(e) => report.unreadable.push(e.located()),
        }
    }
    write_all_atomic(&writes, &mut |_, _| {}).map_err(|(path, source)| RemapWriteError { path, source })?;
    for (path, bytes) in &writes {
        super::own_writes::remember(path, bytes);
    }
    report.files = writes.len();
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AnnotationFile, Claim, MapTo, Orphan, Span, TextIndex};
    use crate::store::parse_annotation;

    fn write_file(dir: &Path, annotator: &str, kinds: &[&str]) -> PathBuf {
        let text = TextIndex::new("one two three".into());
        let mut f = AnnotationFile::new("doc.txt", annotator, &crate::model::document::sha256_hex(b"one two three"));
        for (i, kind) in kinds.iter().enumerate() {
            let id = f.take_claim_id();
            let mut c = Claim::new(id, kind, Span::from_text(&text, i * 4, i * 4 + 3).unwrap());
            c.fields.insert("issue".into(), "trade".into());
            f.claims.push(c);
        }
        let path = dir.join(format!("doc.{annotator}.ron"));
        std::fs::write(&path, to_ron(&f)).unwrap();
        path
    }

    #[test]
    fn every_annotator_s_file_is_counted_and_mapped_and_a_broken_one_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("doc.txt"), "one two three").unwrap();
        let alice = write_file(dir.path(), "alice", &["denial", "assertion"]);
        let bob = write_file(dir.path(), "bob", &["denial"]);
        let gold = write_file(dir.path(), "gold", &["assertion"]);
        let broken = dir.path().join("doc.carol.ron");
        std::fs::write(&broken, "(format: 1, claims: [oops").unwrap();
        let corpus = Corpus::scan(dir.path()).unwrap();
        let usage = scan_usage(&corpus, None);
        assert_eq!(usage.kinds["denial"].describe(), "2 claims in 2 files (alice, bob)");
        assert_eq!(usage.unreadable.len(), 1);
        assert!(usage.unreadable[0].starts_with(&broken.display().to_string()), "{:?}", usage.unreadable);

        let gold_before = std::fs::read(&gold).unwrap();
        let broken_before = std::fs::read(&broken).unwrap();
        let remap = Remap([(Orphan::Kind("denial".into()), MapTo::Value("assertion".into()))].into());
        let report = remap_files(&corpus, &remap, Some(&bob)).unwrap();
        assert_eq!((report.files, report.claims), (1, 1), "bob's file is skipped, gold has no denial");
        assert_eq!(report.unreadable.len(), 1, "the broken file is reported");
        assert_eq!(std::fs::read(&broken).unwrap(), broken_before, "and never written");
        assert_eq!(std::fs::read(&gold).unwrap(), gold_before);
        let text = std::fs::read_to_string(&alice).unwrap();
        let kinds: Vec<String> = parse_annotation("a", &text).unwrap().claims.into_iter().map(|c| c.kind).collect();
        assert_eq!(kinds, ["assertion", "assertion"]);
        assert!(parse_annotation("b", &std::fs::read_to_string(&bob).unwrap()).unwrap().claims[0].kind == "denial");
    }

    #[cfg(unix)]
    #[test]
    fn a_write_that_fails_changes_no_file() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("doc.txt"), "one two three").unwrap();
        let sub = dir.path().join("sub");
        std::fs::create_dir(&sub).unwrap();
        std::fs::write(sub.join("doc.txt"), "one two three").unwrap();
        let alice = write_file(dir.path(), "alice", &["denial"]);
        write_file(&sub, "alice", &["denial"]);
        let before = std::fs::read(&alice).unwrap();
        std::fs::set_permissions(&sub, std::fs::Permissions::from_mode(0o555)).unwrap();
        if std::fs::File::create(sub.join("probe")).is_ok() {
            std::fs::set_permissions(&sub, std::fs::Permissions::from_mode(0o755)).unwrap();
            eprintln!("skipped: this user can write to a read-only folder (root)");
            return;
        }
        let corpus = Corpus::scan(dir.path()).unwrap();
        let remap = Remap([(Orphan::Kind("denial".into()), MapTo::Value("assertion".into()))].into());
        let result = remap_files(&corpus, &remap, None);
        std::fs::set_permissions(&sub, std::fs::Permissions::from_mode(0o755)).unwrap();
        let err = result.unwrap_err();
        assert!(err.to_string().contains("no annotation file was changed"), "{err}");
        assert_eq!(std::fs::read(&alice).unwrap(), before);
    }
}
