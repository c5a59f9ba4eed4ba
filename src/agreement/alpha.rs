//! Krippendorff's alpha over a units × coders table with missing values, after
//! Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": values are
//! paired within units into a coincidence matrix, and alpha compares the observed
//! disagreement in it with the disagreement expected by chance.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use super::figure::{Figure, Undefined};

/// How different two values are, which decides what counts as a small or large
/// disagreement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Level {
    /// Categories: any two different values disagree equally (kinds, sources).
    Nominal,
    /// Ranks: distance grows with how many values lie between the two.
    Ordinal,
    /// Numbers: distance is the squared difference.
    Interval,
}

impl Level {
    /// The level as reports name it (`"nominal"`, `"ordinal"`, `"interval"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Nominal => "nominal",
            Level::Ordinal => "ordinal",
            Level::Interval => "interval",
        }
    }
}

/// Alpha of numeric data at `level`. Rows are units, columns coders; `None` (and any
/// non-finite number, which cannot be a rating) is a missing value. Units with fewer
/// than two values cannot be paired and are left out, as the method prescribes.
pub fn krippendorff_alpha(units: &[Vec<Option<f64>>], level: Level) -> Figure {
    let units: Vec<Vec<Option<Rating>>> =
        units.iter().map(|u| u.iter().map(|v| v.filter(|x| x.is_finite()).map(Rating)).collect()).collect();
    let c = Coincidences::build(&units);
    match level {
        Level::Nominal => c.alpha(|_, _| 1.0),
        Level::Ordinal => {
            let prefix = c.prefix_marginals();
            c.alpha(|lo, hi| {
                let between = prefix[hi + 1] - prefix[lo];
                let d = between - (c.marginals[lo] + c.marginals[hi]) / 2.0;
                d * d
            })
        }
        Level::Interval => c.alpha(|lo, hi| {
            let d = c.categories[hi].0 - c.categories[lo].0;
            d * d
        }),
    }
}

/// Nominal alpha of labelled data (kind ids, actor ids): the form agreement uses,
/// so that labels need not be turned into numbers first.
pub fn nominal_alpha<T: Ord>(units: &[Vec<Option<T>>]) -> Figure {
    Coincidences::build(units).alpha(|_, _| 1.0)
}

/// A finite rating, ordered so it can be a category.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Rating(f64);

impl Eq for Rating {}

impl PartialOrd for Rating {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Rating {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.total_cmp(&other.0)
    }
}

/// The coincidence matrix: how often value c was paired with value k within a unit,
/// each unit weighted by 1 / (values in it - 1).
struct Coincidences<'a, T> {
    /// The distinct pairable values, sorted (the order ordinal distance needs).
    categories: Vec<&'a T>,
    /// `matrix[c][k]`, symmetric.
    matrix: Vec<Vec<f64>>,
    /// Row sums: how many pairable values fall in each category.
    marginals: Vec<f64>,
}

impl<'a, T: Ord> Coincidences<'a, T> {
    fn build(units: &'a [Vec<Option<T>>]) -> Self {
        let pairable = || units.iter().filter(|u| u.iter().flatten().nth(1).is_some());
        let mut index: BTreeMap<&'a T, usize> = pairable().flat_map(|u| u.iter().flatten()).map(|v| (v, 0)).collect();
        for (i, slot) in index.values_mut().enumerate() {
            *slot = i;
        }
        let size = index.len();
        let mut matrix = vec![vec![0.0; size]; size];
        let mut counts: Vec<(usize, f64)> = Vec::new();
        for unit in pairable() {
            counts.clear();
            let mut values = 0.0;
            for v in unit.iter().flatten() {
                let c = index[v];
                values += 1.0;
                match counts.iter_mut().find(|(k, _)| *k == c) {
                    Some((_, n)) => *n += 1.0,
                    None => counts.push((c, 1.0)),
                }
            }
            for &(c, nc) in &counts {
                for &(k, nk) in &counts {
                    let pairs = if c == k { nc * (nc - 1.0) } else { nc * nk };
                    matrix[c][k] += pairs / (values - 1.0);
                }
            }
        }
        let marginals = matrix.iter().map(|row| row.iter().sum()).collect();
        Self { categories: index.into_keys().collect(), matrix, marginals }
    }

    /// `prefix[i]` = sum of the marginals of categories below `i`.
    fn prefix_marginals(&self) -> Vec<f64> {
        std::iter::once(0.0)
            .chain(self.marginals.iter().scan(0.0, |acc, n| {
                *acc += n;
                Some(*acc)
            }))
            .collect()
    }

    /// `1 - (n - 1) * Σ o_ck δ_ck / Σ n_c n_k δ_ck`, with `delta(lo, hi)` the squared
    /// distance of categories `lo < hi` (zero on the diagonal).
    fn alpha(&self, delta: impl Fn(usize, usize) -> f64) -> Figure {
        let n: f64 = self.marginals.iter().sum();
        if n == 0.0 {
            return Err(Undefined::NoUnits);
        }
        let (mut observed, mut expected) = (0.0, 0.0);
        for hi in 0..self.categories.len() {
            for lo in 0..hi {
                let d = delta(lo, hi);
                observed += self.matrix[lo][hi] * d;
                expected += self.marginals[lo] * self.marginals[hi] * d;
            }
        }
        if expected == 0.0 {
            return Err(Undefined::SingleCategory);
        }
        Ok(1.0 - (n - 1.0) * observed / expected)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perfect_agreement_is_one_and_single_category_is_undefined() {
        let units = vec![vec![Some("a"), Some("a")], vec![Some("b"), Some("b")]];
        assert_eq!(nominal_alpha(&units), Ok(1.0));
        let one = vec![vec![Some("a"), Some("a")], vec![Some("a"), None]];
        assert_eq!(nominal_alpha(&one), Err(Undefined::SingleCategory));
        let lonely = vec![vec![Some("a"), None]];
        assert_eq!(nominal_alpha(&lonely), Err(Undefined::NoUnits));
        assert_eq!(krippendorff_alpha(&[vec![Some(f64::NAN), Some(1.0)]], Level::Interval), Err(Undefined::NoUnits));
    }
}
