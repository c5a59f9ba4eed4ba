//! Inter-annotator agreement (FORMAT.md section 5), free of any GUI or file access
//! so the command line, the review screen and the tests compute the same numbers.
//!
//! - [`matching`]: pairing two annotators' claims on a document, exact and by overlap.
//! - [`units`]: claims grouped across annotators, with a label for the review.
//! - [`alpha`], [`kappa`]: the general reliability coefficients.
//! - [`fields`]: agreement on the codebook's claim fields.
//! - [`pairs`], [`report`]: the corpus figures and their JSON.

pub mod alpha;
pub mod fields;
pub mod figure;
pub mod json;
pub mod kappa;
pub mod matching;
pub mod pairs;
pub mod report;
pub mod units;

pub use alpha::{Level, krippendorff_alpha, nominal_alpha};
pub use fields::{FieldAgreement, FieldShare};
pub use figure::{Figure, Undefined};
pub use json::serialize_name;
pub use kappa::{cohen_kappa, fleiss_kappa};
pub use matching::{Pair, match_exact, match_overlap};
pub use pairs::{Confusion, PairAgreement};
pub use report::{AgreementReport, DocumentAgreement, agreement, agreement_with_fields};
pub use units::{Label, Unit, document_units};
