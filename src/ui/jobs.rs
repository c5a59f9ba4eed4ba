//! The app's background jobs, all of one type ([`crate::job::Job`]): listing the
//! documents, reading the corpus into the shared dataset, the file dialogs, finding
//! the annotators to export, exporting and importing. Each runs for a [`Task`]; at
//! most one job per task runs, so starting one cancels the one before (opening
//! another corpus stops listing the first). What a job hands back comes home as an
//! intent, applied by the reducer that asked for it, in one match below.

use std::path::PathBuf;
use std::sync::Arc;

use super::coding::CodingIntent;
use super::datasets::DatasetsIntent;
use super::intent::{AppIntent, Intent};
use crate::coding::DocSummary;
use crate::export::import_corpus::{CorpusImportError, CorpusImportSummary, CorpusPreview};
use crate::export::{ExportSummary, ImportError, ImportSummary};
use crate::job::{Job, JobFailed, Progress, Reporter, Waker};
use crate::model::Annotator;
use crate::store::Dataset;

/// What a background job is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Task {
    /// Reading every document's title, claim count and status for the list.
    Listing,
    /// Reading the corpus with every annotator's files (review, statistics).
    Dataset,
    /// A file dialog.
    Pick(PickFor),
    /// Finding every annotator with files, for the export window.
    ScanAnnotators,
    /// Writing an export.
    Export,
    /// Importing a brat folder.
    Import,
    /// Reading articles for the Import articles preview.
    PreviewArticles,
    /// Importing articles into the corpus.
    ImportArticles,
    /// Reading a text for the Convert to UTF-8 window.
    ReadForConversion,
    /// Converting a text to UTF-8.
    ConvertText,
    /// The built-in suggester reading the open document.
    Suggest,
}

/// Which window asked for a path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PickFor {
    /// "Open corpus".
    Corpus,
    /// The export's file or folder.
    ExportTarget,
    /// The brat folder to import.
    ImportFolder,
    /// The articles to import.
    ArticlesSource,
}

/// What a finished job hands back.
pub(crate) enum Done {
    /// Every row of the list was read (they arrived as parts).
    Listed,
    /// The corpus as read.
    Dataset(Result<Arc<Dataset>, String>),
    /// The path the user chose (`None`: cancelled or no dialog available).
    Picked(PickFor, Option<PathBuf>),
    /// The corpus's annotators.
    Annotators(Vec<Annotator>),
    /// What the export wrote, or why it wrote nothing.
    Exported(Result<ExportSummary, String>),
    /// What the import wrote, or why it wrote nothing.
    Imported(Result<ImportSummary, ImportError>),
    /// What importing the articles would do.
    ArticlesPreviewed(Result<CorpusPreview, String>),
    /// What the articles' import wrote, or why it wrote nothing.
    ArticlesImported(Result<CorpusImportSummary, CorpusImportError>),
    /// A text's bytes, for converting it.
    ConvertRead(Result<Vec<u8>, String>),
    /// The `.orig` file the conversion kept, or why it wrote nothing.
    Converted(Result<PathBuf, String>),
    /// The built-in suggester's claims for a document (id, text hash).
    Suggested(String, String, Vec<crate::coding::Offer>),
}

/// What a job hands back while it runs.
pub(crate) enum Part {
    /// One document's row of the list.
    Row {
        /// Its index in the corpus.
        index: usize,
        /// Its id, so a row of a corpus opened before is never put in.
        id: String,
        /// The row.
        summary: DocSummary,
    },
}

impl Task {
    fn thread_name(self) -> &'static str {
        match self {
            Task::Listing => "claimcoder-listing",
            Task::Dataset => "claimcoder-dataset",
            Task::Pick(_) => "claimcoder-file-dialog",
            Task::ScanAnnotators => "claimcoder-annotators",
            Task::Export => "claimcoder-export",
            Task::Import => "claimcoder-import",
            Task::PreviewArticles | Task::ImportArticles => "claimcoder-articles",
            Task::ReadForConversion | Task::ConvertText => "claimcoder-convert",
            Task::Suggest => "claimcoder-suggest",
        }
    }

    /// The intent that reports a job that stopped without a result.
    fn failed(self, failure: JobFailed) -> Option<Intent> {
        let reason = failure.to_string();
        Some(match self {
            Task::Listing => CodingIntent::ListingFailed(reason).into(),
            Task::Dataset => AppIntent::DatasetLoaded(Err(reason)).into(),
            Task::Pick(PickFor::Corpus) => AppIntent::CorpusPicked(Err(reason)).into(),
            Task::Pick(PickFor::ExportTarget) => DatasetsIntent::ExportPathPicked(Err(reason)).into(),
            Task::Pick(PickFor::ImportFolder) => DatasetsIntent::ImportFolderPicked(Err(reason)).into(),
            Task::ScanAnnotators => return None,
            Task::Suggest => CodingIntent::SuggestionsFailed(reason).into(),
            Task::Export => DatasetsIntent::Exported(Err(reason)).into(),
            Task::Import => DatasetsIntent::Imported(Err(ImportError::Unreadable(reason))).into(),
            Task::Pick(PickFor::ArticlesSource) => DatasetsIntent::ArticlesPicked(Err(reason)).into(),
            Task::PreviewArticles => DatasetsIntent::ArticlesPreviewed(Err(reason)).into(),
            Task::ImportArticles => DatasetsIntent::ArticlesImported(Err(CorpusImportError::Unreadable(reason))).into(),
            Task::ReadForConversion => DatasetsIntent::ConvertRead(Err(reason)).into(),
            Task::ConvertText => DatasetsIntent::Converted(Err(reason)).into(),
        })
    }
}

impl Done {
    /// The intent that brings the result home.
    fn into_intent(self) -> Option<Intent> {
        Some(match self {
            Done::Listed => return None,
            Done::Dataset(result) => AppIntent::DatasetLoaded(result).into(),
            Done::Picked(PickFor::Corpus, path) => AppIntent::CorpusPicked(Ok(path)).into(),
            Done::Picked(PickFor::ExportTarget, path) => DatasetsIntent::ExportPathPicked(Ok(path)).into(),
            Done::Picked(PickFor::ImportFolder, path) => DatasetsIntent::ImportFolderPicked(Ok(path)).into(),
            Done::Picked(PickFor::ArticlesSource, path) => DatasetsIntent::ArticlesPicked(Ok(path)).into(),
            Done::ArticlesPreviewed(result) => DatasetsIntent::ArticlesPreviewed(result).into(),
            Done::ArticlesImported(result) => DatasetsIntent::ArticlesImported(result).into(),
            Done::Annotators(found) => DatasetsIntent::AnnotatorsFound(found).into(),
            Done::Exported(result) => DatasetsIntent::Exported(result).into(),
            Done::Imported(result) => DatasetsIntent::Imported(result).into(),
            Done::ConvertRead(result) => DatasetsIntent::ConvertRead(result).into(),
            Done::Converted(result) => DatasetsIntent::Converted(result).into(),
            Done::Suggested(document, sha256, offers) => {
                CodingIntent::SuggestionsReady { document, sha256, offers }.into()
            }
        })
    }
}

impl Part {
    fn into_intent(self) -> Intent {
        match self {
            Part::Row { index, id, summary } => CodingIntent::ListingRow { index, id, summary }.into(),
        }
    }
}

/// The running jobs.
pub(crate) struct Jobs {
    wake: Waker,
    running: Vec<(Task, Job<Done, Part>)>,
}

impl Jobs {
    /// No jobs yet; `wake` asks the window for a repaint when a job reports.
    pub(crate) fn new(wake: Waker) -> Self {
        Self { wake, running: Vec::new() }
    }

    /// Runs `work` for `task`, cancelling the job that ran for it before.
    pub(crate) fn start(&mut self, task: Task, work: impl FnOnce(&Reporter<Done, Part>) -> Done + Send + 'static) {
        self.cancel(task);
        let job = Job::spawn(task.thread_name(), self.wake.clone(), work);
        self.running.push((task, job));
    }

    /// Stops the job running for `task`, if any; its result is never delivered.
    pub(crate) fn cancel(&mut self, task: Task) {
        self.running.retain(|(t, _)| *t != task);
    }

    /// Whether a job runs for `task`.
    pub(crate) fn is_running(&self, task: Task) -> bool {
        self.running.iter().any(|(t, _)| *t == task)
    }

    /// The progress of the job running for `task`.
    pub(crate) fn progress(&self, task: Task) -> Option<Progress> {
        self.running.iter().find(|(t, _)| *t == task).map(|(_, j)| j.progress())
    }

    /// Whether any job runs.
    pub(crate) fn any(&self) -> bool {
        !self.running.is_empty()
    }

    /// Takes what the jobs sent since the last frame, as intents in arrival order
    /// per job; finished jobs are removed.
    pub(crate) fn poll(&mut self) -> Vec<Intent> {
        let mut intents = Vec::new();
        self.running.retain_mut(|(task, job)| {
            let done = job.poll(|part| intents.push(part.into_intent()));
            match done {
                None => true,
                Some(Ok(result)) => {
                    intents.extend(result.into_intent());
                    false
                }
                Some(Err(failure)) => {
                    intents.extend(task.failed(failure));
                    false
                }
            }
        });
        intents
    }
}
