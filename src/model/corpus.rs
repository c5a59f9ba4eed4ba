//! A corpus is a folder of `.txt` documents (FORMAT.md section 1) with annotation
//! files beside them; this finds them without reading any text, so that even a large
//! corpus lists at once.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::Annotator;

/// The project file's name in the corpus folder.
pub const PROJECT_FILE: &str = "claimcoder.ron";

/// One document of the corpus and the annotation files found beside it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocumentEntry {
    /// Path relative to the corpus, `/` separators.
    pub id: String,
    /// Absolute path of the `.txt`.
    pub path: PathBuf,
    /// Annotators with a file for this document, with its path.
    pub annotations: BTreeMap<Annotator, PathBuf>,
}

impl DocumentEntry {
    /// Where `annotator`'s file for this document is or would be:
    /// `<stem>.<annotator>.ron` next to the text.
    pub fn annotation_path(&self, annotator: &Annotator) -> PathBuf {
        annotation_path(&self.path, annotator)
    }
}

/// `<stem>.<annotator>.ron` beside `text_path`.
pub fn annotation_path(text_path: &Path, annotator: &Annotator) -> PathBuf {
    let stem = text_path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    text_path.with_file_name(format!("{stem}.{annotator}.ron"))
}

/// A scanned corpus folder.
#[derive(Clone, Debug)]
pub struct Corpus {
    /// The corpus folder.
    pub root: PathBuf,
    /// Documents sorted by id.
    pub documents: Vec<DocumentEntry>,
    /// Files the scan found but did not make part of the corpus, sorted by path, so
    /// that `check` (and the app) can say so instead of leaving them out silently.
    pub left_out: Vec<LeftOut>,
}

/// A file or folder in the corpus that is not part of it, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LeftOut {
    /// The file or folder.
    pub path: PathBuf,
    /// Why it is left out.
    pub reason: LeftOutReason,
}

/// Why a file or folder is not part of the corpus.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LeftOutReason {
    /// A `.ron` whose name is not `<stem>.<annotator>.ron` with a valid annotator.
    BadAnnotationName(String),
    /// `<stem>.<annotator>.ron` without a `<stem>.txt` beside it.
    NoDocument(String),
    /// A conflict copy (`<file>.ron.conflict-…`) not yet merged or deleted.
    ConflictCopy(String),
    /// A symbolic link to a folder: not followed, so a link loop cannot hang a scan.
    LinkedFolder,
}

impl LeftOutReason {
    /// One sentence for `check`.
    pub fn message(&self) -> String {
        match self {
            LeftOutReason::BadAnnotationName(why) => format!(
                "not read as annotations: the name is not `<document stem>.<annotator>.ron` with a valid annotator ({why})"
            ),
            LeftOutReason::NoDocument(doc) => {
                format!("annotation file for `{doc}`, which is not in the corpus; its claims are not shown")
            }
            LeftOutReason::ConflictCopy(of) => format!(
                "conflict copy of `{of}`: a version kept aside when both sides changed the same claims; \
                 compare it with `{of}`, take what you need, then delete it"
            ),
            LeftOutReason::LinkedFolder => {
                "symbolic link to a folder: not followed, so its documents are not part of the corpus".to_owned()
            }
        }
    }
}

/// Why a folder cannot be opened as a corpus.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    /// The path does not exist.
    #[error("corpus folder {0} does not exist")]
    Missing(String),
    /// The path is a file.
    #[error("{0} is not a folder")]
    NotAFolder(String),
    /// Walking the folder failed.
    #[error("cannot read corpus folder {path}: {reason}")]
    Unreadable {
        /// The folder or entry that failed.
        path: String,
        /// The OS error.
        reason: String,
    },
}

impl Corpus {
    /// Lists the documents and annotation files under `root`. Hidden folders and
    /// files (`.git`, ...) are skipped. A symbolic link to a file is followed (read
    /// as the file it points to; the app writes through it); a link to a folder is
    /// not followed, so a link loop cannot hang the scan, and is listed in
    /// [`Corpus::left_out`] with every other file the corpus does not use.
    pub fn scan(root: &Path) -> Result<Self, CorpusError> {
        let shown = root.display().to_string();
        let meta = std::fs::metadata(root).map_err(|_| CorpusError::Missing(shown.clone()))?;
        if !meta.is_dir() {
            return Err(CorpusError::NotAFolder(shown));
        }
        let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
        let mut texts: BTreeMap<PathBuf, String> = BTreeMap::new();
        let mut rons: Vec<PathBuf> = Vec::new();
        let mut left_out = Vec::new();
        let walker = walkdir::WalkDir::new(&root)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
        for entry in walker {
            let entry = entry.map_err(|e| CorpusError::Unreadable {
                path: e.path().map(|p| p.display().to_string()).unwrap_or_else(|| shown.clone()),
                reason: e.to_string(),
            })?;
            let path = entry.path();
            if entry.path_is_symlink() && std::fs::metadata(path).is_ok_and(|m| m.is_dir()) {
                left_out.push(LeftOut { path: path.to_path_buf(), reason: LeftOutReason::LinkedFolder });
                continue;
            }
            if entry.file_type().is_dir() {
                continue;
            }
            let name = entry.file_name().to_string_lossy();
            if let Some(of) = conflict_copy_of(&name) {
                let reason = LeftOutReason::ConflictCopy(of.to_owned());
                left_out.push(LeftOut { path: path.to_path_buf(), reason });
                continue;
            }
            match path.extension().and_then(|e| e.to_str()) {
                Some("txt") => {
                    let rel = path.strip_prefix(&root).unwrap_or(path);
                    let id = rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
                    texts.insert(path.to_path_buf(), id);
                }
                Some("ron") if name != PROJECT_FILE => rons.push(path.to_path_buf()),
                _ => {}
            }
        }
        let mut documents: BTreeMap<PathBuf, DocumentEntry> = texts
            .into_iter()
            .map(|(path, id)| (path.clone(), DocumentEntry { id, path, annotations: BTreeMap::new() }))
            .collect();
        for ron in rons {
            match parse_annotation_name(&ron) {
                Ok((text_path, annotator)) => match documents.get_mut(&text_path) {
                    Some(doc) => {
                        doc.annotations.insert(annotator, ron);
                    }
                    None => {
                        let doc = text_path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                        left_out.push(LeftOut { path: ron, reason: LeftOutReason::NoDocument(doc) });
                    }
                },
                Err(why) => left_out.push(LeftOut { path: ron, reason: LeftOutReason::BadAnnotationName(why) }),
            }
        }
        let mut documents: Vec<DocumentEntry> = documents.into_values().collect();
        documents.sort_by(|a, b| a.id.cmp(&b.id));
        left_out.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(Self { root, documents, left_out })
    }

    /// The document with `id`.
    pub fn document(&self, id: &str) -> Option<&DocumentEntry> {
        self.documents.iter().find(|d| d.id == id)
    }

    /// Every annotator with at least one file in the corpus, `gold` included.
    pub fn annotators(&self) -> Vec<Annotator> {
        let mut all: Vec<Annotator> = self.documents.iter().flat_map(|d| d.annotations.keys().cloned()).collect();
        all.sort();
        all.dedup();
        all
    }

    /// `claimcoder.ron` in the corpus folder.
    pub fn project_path(&self) -> PathBuf {
        self.root.join(PROJECT_FILE)
    }

    /// The folder's name, for the window title.
    pub fn name(&self) -> String {
        self.root
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| self.root.display().to_string())
    }
}

/// For `dir/<stem>.<annotator>.ron`, the text path `dir/<stem>.txt` and the
/// annotator; `None` for any other `.ron` (the project file, stray files).
pub fn split_annotation_path(path: &Path) -> Option<(PathBuf, Annotator)> {
    parse_annotation_name(path).ok()
}

/// [`split_annotation_path`], or why the name is not an annotation file's.
fn parse_annotation_name(path: &Path) -> Result<(PathBuf, Annotator), String> {
    let name = path.file_name().and_then(|n| n.to_str()).ok_or("the name is not UTF-8")?;
    let base = name.strip_suffix(".ron").ok_or("it does not end in `.ron`")?;
    let (stem, annotator) = base.rsplit_once('.').ok_or("there is no annotator part")?;
    if stem.is_empty() {
        return Err("there is no document stem".to_owned());
    }
    if annotator.is_empty() {
        return Err("the annotator part is empty".to_owned());
    }
    let annotator = Annotator::parse_any(annotator).map_err(|e| format!("annotator `{annotator}`: {e}"))?;
    Ok((path.with_file_name(format!("{stem}.txt")), annotator))
}

/// For a conflict copy's file name (`a.alice.ron.conflict-…`), the annotation
/// file's name it was kept beside.
pub fn conflict_copy_of(file_name: &str) -> Option<&str> {
    let (original, _) = file_name.split_once(CONFLICT_MARK)?;
    original.ends_with(".ron").then_some(original)
}

/// The marker between an annotation file's name and a conflict copy's suffix.
pub const CONFLICT_MARK: &str = ".conflict-";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_documents_and_their_annotators() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("2013")).unwrap();
        std::fs::create_dir_all(root.join(".git")).unwrap();
        std::fs::write(root.join("a.txt"), "A").unwrap();
        std::fs::write(root.join("a.alice.ron"), "()").unwrap();
        std::fs::write(root.join("a.gold.ron"), "()").unwrap();
        std::fs::write(root.join("a.Bad.ron"), "()").unwrap();
        std::fs::write(root.join("2013/lat.v2.txt"), "B").unwrap();
        std::fs::write(root.join("2013/lat.v2.bob.ron"), "()").unwrap();
        std::fs::write(root.join(".git/x.txt"), "hidden").unwrap();
        std::fs::write(root.join("claimcoder.ron"), "()").unwrap();
        std::fs::write(root.join("orphan.carol.ron"), "()").unwrap();
        std::fs::write(root.join("a..ron"), "()").unwrap();
        std::fs::write(root.join("a.alice.ron.conflict-20261122T120000.000001Z-1"), "()").unwrap();
        let c = Corpus::scan(root).unwrap();
        let left_out: Vec<(String, &LeftOutReason)> = c
            .left_out
            .iter()
            .map(|l| (l.path.file_name().unwrap().to_string_lossy().into_owned(), &l.reason))
            .collect();
        assert_eq!(
            left_out,
            [
                ("a..ron".to_owned(), &LeftOutReason::BadAnnotationName("the annotator part is empty".into())),
                (
                    "a.Bad.ron".to_owned(),
                    &LeftOutReason::BadAnnotationName(
                        "annotator `Bad`: use only lower-case letters a-z, digits, '-' and '_' (not 'B')".into()
                    )
                ),
                (
                    "a.alice.ron.conflict-20261122T120000.000001Z-1".to_owned(),
                    &LeftOutReason::ConflictCopy("a.alice.ron".into())
                ),
                ("orphan.carol.ron".to_owned(), &LeftOutReason::NoDocument("orphan.txt".into())),
            ]
        );
        let ids: Vec<&str> = c.documents.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["2013/lat.v2.txt", "a.txt"]);
        let names = |i: usize| c.documents[i].annotations.keys().map(|a| a.to_string()).collect::<Vec<_>>();
        assert_eq!(names(0), ["bob"]);
        assert_eq!(names(1), ["alice", "gold"]);
        let all: Vec<String> = c.annotators().iter().map(|a| a.to_string()).collect();
        assert_eq!(all, ["alice", "bob", "gold"]);
    }

    #[test]
    fn missing_and_file_paths_are_named_errors() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(Corpus::scan(&dir.path().join("nope")), Err(CorpusError::Missing(_))));
        let f = dir.path().join("f.txt");
        std::fs::write(&f, "x").unwrap();
        assert!(matches!(Corpus::scan(&f), Err(CorpusError::NotAFolder(_))));
    }

    #[test]
    fn empty_folder_is_an_empty_corpus() {
        let dir = tempfile::tempdir().unwrap();
        assert!(Corpus::scan(dir.path()).unwrap().documents.is_empty());
    }
}
