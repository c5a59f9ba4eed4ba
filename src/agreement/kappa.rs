//! Chance-corrected agreement of categorical ratings: Cohen's kappa for two raters
//! (what FORMAT.md section 5 asks per annotator pair) and Fleiss' kappa for many
//! raters of equal number, for users comparing with studies that report it.

use super::figure::{Figure, Undefined};

/// Cohen's kappa from a contingency table: `table[i][j]` counts items rater A put
/// in category i and rater B in category j. A ragged or non-square table is read as
/// padded with zeros, so a category only one rater used still counts.
pub fn cohen_kappa(table: &[Vec<u64>]) -> Figure {
    let size = table.iter().map(Vec::len).max().unwrap_or(0).max(table.len());
    let cell = |i: usize, j: usize| table.get(i).and_then(|r| r.get(j)).copied().unwrap_or(0) as f64;
    let total: f64 = (0..size).flat_map(|i| (0..size).map(move |j| (i, j))).map(|(i, j)| cell(i, j)).sum();
    if total == 0.0 {
        return Err(Undefined::NoPairs);
    }
    let observed = (0..size).map(|i| cell(i, i)).sum::<f64>() / total;
    let chance = (0..size)
        .map(|c| {
            let by_a: f64 = (0..size).map(|j| cell(c, j)).sum();
            let by_b: f64 = (0..size).map(|i| cell(i, c)).sum();
            by_a * by_b
        })
        .sum::<f64>()
        / (total * total);
    if chance >= 1.0 {
        return Err(Undefined::SingleCategory);
    }
    Ok((observed - chance) / (1.0 - chance))
}

/// Fleiss' kappa: `table[s][c]` counts the raters who put subject s in category c.
/// Every subject needs the same number of ratings (two or more), as the method assumes.
pub fn fleiss_kappa(table: &[Vec<u64>]) -> Figure {
    let raters = table.first().map(|row| row.iter().sum::<u64>()).ok_or(Undefined::NoUnits)?;
    if table.iter().any(|row| row.iter().sum::<u64>() != raters) {
        return Err(Undefined::UnequalRaters);
    }
    if raters < 2 {
        return Err(Undefined::TooFewRaters);
    }
    let n = raters as f64;
    let subjects = table.len() as f64;
    let categories = table.iter().map(Vec::len).max().unwrap_or(0);
    let observed = table
        .iter()
        .map(|row| row.iter().map(|&x| (x * x) as f64).sum::<f64>() - n)
        .map(|agreeing| agreeing / (n * (n - 1.0)))
        .sum::<f64>()
        / subjects;
    let chance: f64 = (0..categories)
        .map(|c| table.iter().map(|row| row.get(c).copied().unwrap_or(0) as f64).sum::<f64>() / (subjects * n))
        .map(|p| p * p)
        .sum();
    if chance >= 1.0 {
        return Err(Undefined::SingleCategory);
    }
    Ok((observed - chance) / (1.0 - chance))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn degenerate_tables_are_undefined() {
        assert_eq!(cohen_kappa(&[]), Err(Undefined::NoPairs));
        assert_eq!(cohen_kappa(&[vec![5]]), Err(Undefined::SingleCategory));
        assert_eq!(fleiss_kappa(&[]), Err(Undefined::NoUnits));
        assert_eq!(fleiss_kappa(&[vec![1, 0]]), Err(Undefined::TooFewRaters));
        assert_eq!(fleiss_kappa(&[vec![1, 1], vec![3, 0]]), Err(Undefined::UnequalRaters));
        assert_eq!(fleiss_kappa(&[vec![2, 0], vec![2, 0]]), Err(Undefined::SingleCategory));
    }

    #[test]
    fn ragged_tables_are_padded() {
        assert_eq!(cohen_kappa(&[vec![2, 1], vec![0]]), Ok(0.0));
        assert_eq!(cohen_kappa(&[vec![2, 1]]), cohen_kappa(&[vec![2, 1], vec![0, 0]]));
    }
}
