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
    /// Lists the documents and annotation files under `root`. Hidden folders
    /// (`.git`, ...) are skipped; links are not followed, so a link loop cannot hang it.
    pub fn scan(root: &Path) -> Result<Self, CorpusError> {
        let shown = root.display().to_string();
        let meta = std::fs::metadata(root).map_err(|_| CorpusError::Missing(shown.clone()))?;
        if !meta.is_dir() {
            return Err(CorpusError::NotAFolder(shown));
        }
        let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
        let mut texts: BTreeMap<PathBuf, String> = BTreeMap::new();
        let mut rons: Vec<PathBuf> = Vec::new();
        let walker = walkdir::WalkDir::new(&root)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
        for entry in walker {
            let entry = entry.map_err(|e| CorpusError::Unreadable {
                path: e.path().map(|p| p.display().to_string()).unwrap_or_else(|| shown.clone()),
                reason: e.to_string(),
            })?;
            if !entry.file_type().is_file() {
                continue;
            }
            let path = entry.path();
            match path.extension().and_then(|e| e.to_str()) {
                Some("txt") => {
                    let rel = path.strip_prefix(&root).unwrap_or(path);
                    let id = rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
                    texts.insert(path.to_path_buf(), id);
                }
                Some("ron") => rons.push(path.to_path_buf()),
                _ => {}
            }
        }
        let mut documents: BTreeMap<PathBuf, DocumentEntry> = texts
            .into_iter()
            .map(|(path, id)| (path.clone(), DocumentEntry { id, path, annotations: BTreeMap::new() }))
            .collect();
        for ron in rons {
            if let Some((text_path, annotator)) = split_annotation_path(&ron)
                && let Some(doc) = documents.get_mut(&text_path)
            {
                doc.annotations.insert(annotator, ron);
            }
        }
        let mut documents: Vec<DocumentEntry> = documents.into_values().collect();
        documents.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(Self { root, documents })
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
    let name = path.file_name()?.to_str()?;
    let base = name.strip_suffix(".ron")?;
    let (stem, annotator) = base.rsplit_once('.')?;
    if stem.is_empty() {
        return None;
    }
    let annotator = Annotator::parse_any(annotator).ok()?;
    Some((path.with_file_name(format!("{stem}.txt")), annotator))
}

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
        let c = Corpus::scan(root).unwrap();
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
