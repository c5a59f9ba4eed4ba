//! Everything that touches annotation and project files on disk: atomic writes,
//! parsing with precise errors, re-anchoring after text changes, and the guard that
//! keeps a file changed by someone else from being clobbered.

pub mod annotation_io;
pub mod atomic;
pub mod atomic_batch;
pub mod check;
pub mod codebook_usage;
pub mod conflict;
pub mod convert_utf8;
pub mod dataset;
pub mod disk_stamp;
pub mod merge;
pub mod metadata_io;
pub mod own_writes;
pub mod project_io;
pub mod reanchor;
pub mod ron_error;
pub mod ron_reader;
pub mod ron_writer;
pub mod session;
pub mod watch;

pub use annotation_io::{LoadError, parse_annotation, parse_annotation_strict, to_ron};
pub use atomic::write_atomic;
pub use dataset::{CodedDocument, Dataset, load_dataset, load_dataset_where};
pub use disk_stamp::DiskStamp;
pub use reanchor::{ReanchorReport, reanchor};
pub use session::{Access, LoadedAnnotations, SaveError, load_annotations, save_annotations};
