//! Reliability coefficients against published worked examples.

use claimcoder::agreement::{Level, Undefined, cohen_kappa, fleiss_kappa, krippendorff_alpha, nominal_alpha};

/// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C:
/// four coders, twelve units, missing values as `None`.
fn krippendorff_2011() -> Vec<Vec<Option<f64>>> {
    let coders: [[Option<u8>; 12]; 4] = [
        [Some(1), Some(2), Some(3), Some(3), Some(2), Some(1), Some(4), Some(1), Some(2), None, None, None],
        [Some(1), Some(2), Some(3), Some(3), Some(2), Some(2), Some(4), Some(1), Some(2), Some(5), None, Some(3)],
        [None, Some(3), Some(3), Some(3), Some(2), Some(3), Some(4), Some(2), Some(2), Some(5), Some(1), None],
        [Some(1), Some(2), Some(3), Some(3), Some(2), Some(4), Some(4), Some(1), Some(2), Some(5), Some(1), None],
    ];
    (0..12).map(|u| coders.iter().map(|c| c[u].map(f64::from)).collect()).collect()
}

fn close(figure: Result<f64, Undefined>, expected: f64, tolerance: f64) {
    let value = figure.unwrap_or_else(|e| panic!("undefined: {e}"));
    assert!((value - expected).abs() < tolerance, "got {value}, expected {expected}");
}

#[test]
fn krippendorff_worked_example_nominal() {
    close(krippendorff_alpha(&krippendorff_2011(), Level::Nominal), 0.743421, 1e-6);
}

#[test]
fn krippendorff_worked_example_ordinal() {
    close(krippendorff_alpha(&krippendorff_2011(), Level::Ordinal), 0.815, 5e-4);
}

#[test]
fn krippendorff_worked_example_interval() {
    close(krippendorff_alpha(&krippendorff_2011(), Level::Interval), 0.849, 5e-4);
}

#[test]
fn nominal_alpha_of_labels_equals_alpha_of_numbers() {
    let labels: Vec<Vec<Option<String>>> =
        krippendorff_2011().iter().map(|u| u.iter().map(|v| v.map(|x| format!("k{x}"))).collect()).collect();
    close(nominal_alpha(&labels), 0.743421, 1e-6);
}

#[test]
fn alpha_without_pairable_units_is_undefined() {
    let units = vec![vec![Some(1.0), None], vec![None, Some(2.0)]];
    assert_eq!(krippendorff_alpha(&units, Level::Interval), Err(Undefined::NoUnits));
    let same = vec![vec![Some(3.0), Some(3.0)], vec![Some(3.0), Some(3.0)]];
    assert_eq!(krippendorff_alpha(&same, Level::Ordinal), Err(Undefined::SingleCategory));
}

#[test]
fn cohen_kappa_fifty_items() {
    close(cohen_kappa(&[vec![20, 5], vec![10, 15]]), 0.40, 1e-9);
}

#[test]
fn fleiss_kappa_fleiss_1971_table() {
    let table = vec![
        vec![0, 0, 0, 0, 14],
        vec![0, 2, 6, 4, 2],
        vec![0, 0, 3, 5, 6],
        vec![0, 3, 9, 2, 0],
        vec![2, 2, 8, 1, 1],
        vec![7, 7, 0, 0, 0],
        vec![3, 2, 6, 3, 0],
        vec![2, 5, 3, 2, 2],
        vec![6, 5, 2, 1, 0],
        vec![0, 2, 2, 3, 7],
    ];
    close(fleiss_kappa(&table), 0.210, 5e-4);
}
