//! Figures that can be undefined on the data. FORMAT.md section 5 forbids NaN and
//! made-up numbers, so every agreement figure carries either its value or the reason
//! it has none, and JSON prints the latter as `null`.

use serde::Serializer;

/// Why a figure has no value on the data at hand; the table prints the reason so a
/// user can tell "no data" from "everyone used one category".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, thiserror::Error)]
pub enum Undefined {
    /// Neither annotator coded a claim, so a span F1 would be 0/0.
    #[error("no claims")]
    NoClaims,
    /// No matched claim pairs, so there is nothing to compare kinds on.
    #[error("no matched pairs")]
    NoPairs,
    /// No matched pair in which both claims have a value for the field.
    #[error("no matched pairs both with a value")]
    NoValues,
    /// No unit with two or more values, so no coder can be compared with another.
    #[error("no units with two values")]
    NoUnits,
    /// Every value falls in one category (or all are equal), so chance agreement is
    /// perfect and the coefficient is 0/0.
    #[error("a single category")]
    SingleCategory,
    /// Fleiss' kappa needs at least two ratings per subject.
    #[error("fewer than two raters")]
    TooFewRaters,
    /// Fleiss' kappa needs the same number of ratings for every subject.
    #[error("unequal numbers of raters")]
    UnequalRaters,
}

/// A figure: its value, or why it has none.
pub type Figure = Result<f64, Undefined>;

/// Decimals kept in JSON output: enough to compare runs, few enough that float noise
/// (0.7434210526315789) does not make diffs of saved reports churn.
pub const JSON_DECIMALS: i32 = 4;

/// Rounds to [`JSON_DECIMALS`] so that scripts see stable numbers.
pub fn round(value: f64) -> f64 {
    let scale = 10f64.powi(JSON_DECIMALS);
    (value * scale).round() / scale
}

/// Serde adapter writing a [`Figure`] as a rounded number or `null`.
pub fn serialize_figure<S: Serializer>(figure: &Figure, s: S) -> Result<S::Ok, S::Error> {
    match figure {
        Ok(v) if v.is_finite() => s.serialize_f64(round(*v)),
        _ => s.serialize_none(),
    }
}

/// `part / whole`, undefined as `reason` when `whole` is zero, so ratios never divide by zero.
pub fn ratio(part: f64, whole: f64, reason: Undefined) -> Figure {
    if whole == 0.0 { Err(reason) } else { Ok(part / whole) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undefined_figures_print_as_null() {
        let json = |f: Figure| {
            let mut out = Vec::new();
            serialize_figure(&f, &mut serde_json::Serializer::new(&mut out)).unwrap();
            String::from_utf8(out).unwrap()
        };
        assert_eq!(json(Err(Undefined::NoPairs)), "null");
        assert_eq!(json(Ok(f64::NAN)), "null");
        assert_eq!(json(Ok(0.743421052)), "0.7434");
        assert_eq!(ratio(1.0, 0.0, Undefined::NoClaims), Err(Undefined::NoClaims));
    }
}
