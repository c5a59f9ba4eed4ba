//! Corpus and per-document agreement figures, review units and their JSON.

use std::collections::BTreeMap;

use claimcoder::agreement::{Label, Undefined, agreement, document_units};
use claimcoder::model::{AnnotationFile, Annotator, Claim, Document, DocumentEntry, Span};
use claimcoder::store::CodedDocument;

fn claim(id: u64, kind: &str, start: usize, end: usize, source: Option<&str>) -> Claim {
    let mut c = Claim::new(id, kind, Span { start, end, quote: String::new() });
    c.source = source.map(str::to_owned);
    c
}

fn name(n: &str) -> Annotator {
    Annotator::parse_any(n).unwrap()
}

fn document(id: &str, coded: Vec<(&str, Vec<Claim>)>) -> CodedDocument {
    document_sized(id, 200, coded)
}

fn document_sized(id: &str, chars: usize, coded: Vec<(&str, Vec<Claim>)>) -> CodedDocument {
    let text = "x".repeat(chars);
    let document = Document::from_bytes(id, text.as_bytes()).unwrap();
    let files = coded
        .into_iter()
        .map(|(who, claims)| {
            let mut file = AnnotationFile::new(id, who, &document.sha256);
            file.claims = claims;
            (name(who), file)
        })
        .collect();
    let entry = DocumentEntry { id: id.to_owned(), path: id.into(), annotations: BTreeMap::new() };
    CodedDocument { entry, document, files, reports: BTreeMap::new() }
}

fn alice_and_bob() -> Vec<CodedDocument> {
    vec![document(
        "a.txt",
        vec![
            (
                "alice",
                vec![
                    claim(1, "assertion", 0, 10, Some("lew")),
                    claim(2, "denial", 20, 30, None),
                    claim(3, "assertion", 50, 60, None),
                ],
            ),
            (
                "bob",
                vec![
                    claim(1, "assertion", 0, 10, Some("lew")),
                    claim(2, "assertion", 21, 30, None),
                    claim(3, "commitment", 80, 90, None),
                ],
            ),
        ],
    )]
}

#[test]
fn pair_counts_exact_and_overlap_matches_and_confusion_has_none() {
    let report = agreement(&alice_and_bob(), &[name("bob"), name("alice")]);
    assert_eq!(report.documents, 1);
    let pair = &report.pairs[0];
    assert_eq!((pair.a.as_str(), pair.b.as_str()), ("alice", "bob"), "the earlier name is A");
    assert_eq!((pair.matched_exact, pair.matched_overlap), (1, 2));
    assert_eq!(pair.span_f1_exact, Ok(2.0 / 6.0));
    assert_eq!(pair.span_f1_overlap, Ok(4.0 / 6.0));
    assert_eq!(pair.kind_kappa, Ok(0.0), "A's kinds split evenly, B always said assertion");
    let json = serde_json::to_value(&pair.confusion).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "assertion": {"assertion": 1, "none": 1},
            "denial": {"assertion": 1},
            "none": {"commitment": 1},
        })
    );
}

#[test]
fn json_has_the_documented_keys_and_null_for_undefined() {
    let docs = vec![document("e.txt", vec![("alice", vec![]), ("bob", vec![])])];
    let report = agreement(&docs, &[name("alice"), name("bob")]);
    assert_eq!(report.kind_alpha, Err(Undefined::NoUnits));
    assert_eq!(report.pairs[0].kind_kappa, Err(Undefined::NoPairs));
    assert_eq!(report.pairs[0].span_f1_overlap, Err(Undefined::NoClaims));
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["annotators"], serde_json::json!(["alice", "bob"]));
    assert_eq!(json["documents"], 1);
    assert_eq!(json["claims"], serde_json::json!({"alice": 0, "bob": 0}));
    assert!(json["kind_alpha"].is_null() && json["source_alpha"].is_null());
    let pair = &json["pairs"][0];
    for key in ["a", "b", "matched_exact", "matched_overlap", "span_f1_exact", "span_f1_overlap", "kind_kappa"] {
        assert!(pair.get(key).is_some(), "missing {key}");
    }
    assert!(pair["kind_kappa"].is_null() && pair["span_f1_exact"].is_null());
    assert_eq!(pair["confusion"], serde_json::json!({}));
}

#[test]
fn alpha_uses_units_and_none_for_unattributed_sources() {
    let docs = vec![document(
        "a.txt",
        vec![
            ("alice", vec![claim(1, "assertion", 0, 10, Some("lew")), claim(2, "denial", 20, 30, None)]),
            ("bob", vec![claim(1, "assertion", 0, 10, None), claim(2, "denial", 20, 30, None)]),
        ],
    )];
    let report = agreement(&docs, &[name("alice"), name("bob")]);
    assert_eq!(report.kind_alpha, Ok(1.0));
    let source = report.source_alpha.unwrap();
    assert!((source - 0.0).abs() < 1e-12, "lew/none then none/none over 4 values: {source}");
}

#[test]
fn documents_with_one_coder_are_not_compared() {
    let mut docs = alice_and_bob();
    docs.push(document("solo.txt", vec![("alice", vec![claim(1, "assertion", 0, 10, None)])]));
    let report = agreement(&docs, &[name("alice"), name("bob")]);
    assert_eq!(report.documents, 1);
    assert_eq!(report.claims[&name("alice")], 3);
    assert_eq!(report.per_document.len(), 1);
}

#[test]
fn units_are_labelled_by_precedence() {
    let doc = document(
        "a.txt",
        vec![
            (
                "alice",
                vec![
                    claim(1, "assertion", 0, 10, None),
                    claim(2, "assertion", 20, 30, Some("lew")),
                    claim(3, "denial", 40, 50, None),
                    claim(4, "assertion", 60, 70, None),
                    claim(5, "assertion", 80, 90, None),
                    claim(6, "assertion", 100, 110, None),
                ],
            ),
            (
                "bob",
                vec![
                    claim(1, "assertion", 0, 10, None),
                    claim(2, "assertion", 20, 30, None),
                    claim(3, "assertion", 41, 50, Some("lew")),
                    claim(4, "assertion", 61, 70, None),
                    claim(5, "assertion", 80, 90, None),
                ],
            ),
            ("carol", vec![claim(1, "assertion", 0, 10, None), claim(2, "assertion", 60, 70, None)]),
        ],
    );
    let annotators = [name("alice"), name("bob"), name("carol")];
    let units = document_units(&doc, &annotators);
    let labels: Vec<Label> = units.iter().map(|u| u.label.clone()).collect();
    assert_eq!(
        labels,
        vec![
            Label::Agree,
            Label::SourceDiffers,
            Label::KindDiffers,
            Label::SpanDiffers,
            Label::Missing(vec![name("carol")]),
            Label::Only(name("alice")),
        ]
    );
    assert_eq!(units[3].claims.iter().flatten().count(), 3);
    assert_eq!((units[2].start(), units[2].end()), (40, 50));
}

#[test]
fn a_unit_never_holds_claims_that_would_not_match_each_other() {
    let doc = document(
        "a.txt",
        vec![
            ("alice", vec![claim(1, "assertion", 0, 10, None)]),
            ("bob", vec![claim(1, "assertion", 0, 14, None)]),
            ("carol", vec![claim(1, "assertion", 4, 18, None)]),
        ],
    );
    let annotators = [name("alice"), name("bob"), name("carol")];
    let units = document_units(&doc, &annotators);
    let sizes: Vec<usize> = units.iter().map(|u| u.values()).collect();
    assert_eq!(sizes, vec![2, 1], "alice-bob 10/14 first; carol matches bob (10/18) but not alice (6/18)");
    assert_eq!(units[1].label, Label::Only(name("carol")));
}

#[test]
fn worst_documents_come_first() {
    let mut docs = alice_and_bob();
    docs.push(document(
        "b.txt",
        vec![("alice", vec![claim(1, "assertion", 0, 10, None)]), ("bob", vec![claim(1, "assertion", 0, 10, None)])],
    ));
    docs.push(document("c.txt", vec![("alice", vec![]), ("bob", vec![])]));
    let report = agreement(&docs, &[name("alice"), name("bob")]);
    let order: Vec<&str> = report.worst_first().iter().map(|d| d.document.as_str()).collect();
    assert_eq!(order, ["a.txt", "b.txt", "c.txt"]);
    assert_eq!(report.per_document[0].agreement, Ok(1.0 / 4.0), "one agreed unit of four");
}

// ---- Claim fields (FORMAT.md section 5, "Claim fields") ----

use claimcoder::agreement::{FieldAgreement, agreement_with_fields};
use claimcoder::model::{Choice, Field, FieldType};

fn codebook_field(id: &str, r#type: FieldType, values: &[&str]) -> Field {
    Field {
        id: id.into(),
        label: id.into(),
        r#type,
        definition: String::new(),
        values: values.iter().map(|v| Choice { value: (*v).into(), label: (*v).into() }).collect(),
    }
}

fn with_fields(mut c: Claim, values: &[(&str, &str)]) -> Claim {
    c.fields = values.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
    c
}

fn field_alpha<'a>(fields: &'a [FieldAgreement], id: &str) -> &'a FieldAgreement {
    fields.iter().find(|f| f.id == id).unwrap_or_else(|| panic!("no figure for field {id}"))
}

/// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C,
/// coded as claims: four annotators each code the same twelve claims; a missing value
/// in the published table is a claim without a value for the field.
fn krippendorff_2011_claims() -> Vec<CodedDocument> {
    let coders: [(&str, [Option<u8>; 12]); 4] = [
        ("a", [Some(1), Some(2), Some(3), Some(3), Some(2), Some(1), Some(4), Some(1), Some(2), None, None, None]),
        (
            "b",
            [Some(1), Some(2), Some(3), Some(3), Some(2), Some(2), Some(4), Some(1), Some(2), Some(5), None, Some(3)],
        ),
        ("c", [None, Some(3), Some(3), Some(3), Some(2), Some(3), Some(4), Some(2), Some(2), Some(5), Some(1), None]),
        (
            "d",
            [Some(1), Some(2), Some(3), Some(3), Some(2), Some(4), Some(4), Some(1), Some(2), Some(5), Some(1), None],
        ),
    ];
    let coded = coders
        .iter()
        .map(|(who, values)| {
            let claims = values
                .iter()
                .enumerate()
                .map(|(u, v)| {
                    let c = claim(u as u64 + 1, "assertion", u * 10, u * 10 + 5, None);
                    match v {
                        Some(v) => with_fields(c, &[("position", &v.to_string()), ("issue", &format!("i{v}"))]),
                        None => c,
                    }
                })
                .collect();
            (*who, claims)
        })
        .collect();
    vec![document("k.txt", coded)]
}

#[test]
fn field_alpha_reproduces_krippendorff_2011_through_claims() {
    let fields = [
        codebook_field("position", FieldType::Scale, &["1", "2", "3", "4", "5"]),
        codebook_field("issue", FieldType::Category, &["i1", "i2", "i3", "i4", "i5"]),
        codebook_field("frame", FieldType::Text, &[]),
    ];
    let annotators = [name("a"), name("b"), name("c"), name("d")];
    let report = agreement_with_fields(&krippendorff_2011_claims(), &annotators, &fields);
    assert_eq!(report.fields.len(), 2, "Text fields are not part of agreement");
    let position = field_alpha(&report.fields, "position");
    let ordinal = position.alpha.unwrap();
    assert!((ordinal - 0.815).abs() < 5e-4, "ordinal alpha {ordinal}, published 0.815");
    assert_eq!(position.units, 11, "the unit only one coder valued is left out");
    let issue = field_alpha(&report.fields, "issue");
    let nominal = issue.alpha.unwrap();
    assert!((nominal - 0.743421).abs() < 1e-6, "nominal alpha {nominal}, published 0.743");
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["fields"]["position"]["level"], "ordinal");
    assert_eq!(json["fields"]["issue"]["level"], "nominal");
    assert_eq!(json["fields"]["issue"]["units"], 11);
    assert_eq!(json["fields"]["position"]["alpha"], 0.8154, "rounded to four decimals");
    assert!(json["fields"].get("frame").is_none());
}

#[test]
fn a_scale_is_ranked_in_codebook_order_not_numerically() {
    // Listed high to low: "1" ranks first. Ordinal alpha depends on the order only, so
    // reversing the listing gives the same figure, and a value the scale does not list
    // counts as missing.
    let docs = krippendorff_2011_claims();
    let annotators = [name("a"), name("b"), name("c"), name("d")];
    let reversed = [codebook_field("position", FieldType::Scale, &["5", "4", "3", "2", "1"])];
    let report = agreement_with_fields(&docs, &annotators, &reversed);
    assert!((report.fields[0].alpha.unwrap() - 0.815).abs() < 5e-4);
    let shuffled = [codebook_field("position", FieldType::Scale, &["3", "1", "5", "2", "4"])];
    let report = agreement_with_fields(&docs, &annotators, &shuffled);
    assert!((report.fields[0].alpha.unwrap() - 0.815).abs() > 0.05, "another order is another ordinal scale");
    let partial = [codebook_field("position", FieldType::Scale, &["1", "2", "3", "4"])];
    let report = agreement_with_fields(&docs, &annotators, &partial);
    assert_eq!(report.fields[0].units, 10, "unit 10 (5, 5, 5) has no ranked value left when 5 is not listed");
}

/// A small deterministic generator for the independent check.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

/// Alpha written from the definition, pair by pair, independently of the library:
/// D_o = 1/n Σ_u 1/(m_u - 1) Σ_{i≠j} δ(v_ui, v_uj), D_e = 1/(n(n-1)) Σ_{c,k} n_c n_k δ(c, k),
/// alpha = 1 - D_o / D_e. Values are ranks; `ordinal` picks Krippendorff's ordinal δ.
fn alpha_by_hand(units: &[Vec<Option<usize>>], ordinal: bool) -> f64 {
    let pairable: Vec<Vec<usize>> =
        units.iter().map(|u| u.iter().flatten().copied().collect::<Vec<_>>()).filter(|v| v.len() >= 2).collect();
    let max = pairable.iter().flatten().copied().max().unwrap_or(0);
    let mut n_c = vec![0.0; max + 1];
    for v in pairable.iter().flatten() {
        n_c[*v] += 1.0;
    }
    let n: f64 = n_c.iter().sum();
    let delta = |c: usize, k: usize| -> f64 {
        if c == k {
            return 0.0;
        }
        if !ordinal {
            return 1.0;
        }
        let (lo, hi) = (c.min(k), c.max(k));
        let between: f64 = n_c[lo..=hi].iter().sum::<f64>() - (n_c[lo] + n_c[hi]) / 2.0;
        between * between
    };
    let mut observed = 0.0;
    for values in &pairable {
        let m = values.len() as f64;
        for (i, x) in values.iter().enumerate() {
            for (j, y) in values.iter().enumerate() {
                if i != j {
                    observed += delta(*x, *y) / (m - 1.0);
                }
            }
        }
    }
    observed /= n;
    let mut expected = 0.0;
    for c in 0..=max {
        for k in 0..=max {
            expected += n_c[c] * n_c[k] * delta(c, k);
        }
    }
    expected /= n * (n - 1.0);
    1.0 - observed / expected
}

#[test]
fn field_alpha_and_pair_shares_equal_an_independent_computation() {
    // Three coders, 30 documents of 8 claim slots; a coder skips a slot (a missing
    // claim), shifts its boundary a little (still the same unit), or leaves a field
    // empty (a missing value). Units are known by slot, so the expected figures need
    // neither the library's clustering nor its alpha.
    let scale = ["-2", "-1", "0", "1", "2"];
    let issues = ["trade", "cyber", "security"];
    let fields =
        [codebook_field("position", FieldType::Scale, &scale), codebook_field("issue", FieldType::Category, &issues)];
    let coders = ["ann", "ben", "cat"];
    let mut rng = Lcg(11);
    let mut docs = Vec::new();
    let (mut position_units, mut issue_units) = (Vec::new(), Vec::new());
    let (mut agree_ab, mut both_ab) = ([0usize; 2], [0usize; 2]);
    for d in 0..30 {
        let mut files: Vec<(&str, Vec<Claim>)> = coders.iter().map(|c| (*c, Vec::new())).collect();
        for slot in 0..8 {
            let truth_position = rng.below(5) as usize;
            let truth_issue = rng.below(3) as usize;
            let mut position_row = Vec::new();
            let mut issue_row = Vec::new();
            for (_, claims) in files.iter_mut() {
                if rng.below(6) == 0 {
                    position_row.push(None);
                    issue_row.push(None);
                    continue;
                }
                let start = slot * 100 + rng.below(4) as usize;
                let mut c = claim(claims.len() as u64 + 1, "assertion", start, slot * 100 + 50, None);
                let position = match rng.below(10) {
                    0 | 1 => None,
                    2 | 3 => Some(rng.below(5) as usize),
                    _ => Some(truth_position),
                };
                let issue = match rng.below(10) {
                    0 => None,
                    1 | 2 => Some(rng.below(3) as usize),
                    _ => Some(truth_issue),
                };
                if let Some(p) = position {
                    c.fields.insert("position".into(), scale[p].into());
                }
                if let Some(i) = issue {
                    c.fields.insert("issue".into(), issues[i].into());
                }
                position_row.push(position);
                issue_row.push(issue);
                claims.push(c);
            }
            for (f, row) in [&position_row, &issue_row].into_iter().enumerate() {
                if let (Some(x), Some(y)) = (row[0], row[1]) {
                    both_ab[f] += 1;
                    agree_ab[f] += usize::from(x == y);
                }
            }
            position_units.push(position_row);
            issue_units.push(issue_row);
        }
        docs.push(document_sized(&format!("d{d}.txt"), 900, files));
    }
    let annotators: Vec<Annotator> = coders.iter().map(|c| name(c)).collect();
    let report = agreement_with_fields(&docs, &annotators, &fields);
    let expected_ordinal = alpha_by_hand(&position_units, true);
    let expected_nominal = alpha_by_hand(&issue_units, false);
    let position = field_alpha(&report.fields, "position").alpha.unwrap();
    let issue = field_alpha(&report.fields, "issue").alpha.unwrap();
    assert!((position - expected_ordinal).abs() < 1e-9, "ordinal: library {position}, by hand {expected_ordinal}");
    assert!((issue - expected_nominal).abs() < 1e-9, "nominal: library {issue}, by hand {expected_nominal}");
    assert!(expected_ordinal > 0.2 && expected_ordinal < 0.9, "a corpus with honest disagreement: {expected_ordinal}");
    let pairable = |units: &[Vec<Option<usize>>]| units.iter().filter(|u| u.iter().flatten().count() >= 2).count();
    assert_eq!(field_alpha(&report.fields, "position").units, pairable(&position_units));
    let ab = &report.pairs[0];
    assert_eq!((ab.a.as_str(), ab.b.as_str()), ("ann", "ben"));
    assert_eq!(ab.fields[0].share, Ok(agree_ab[0] as f64 / both_ab[0] as f64));
    assert_eq!(ab.fields[1].share, Ok(agree_ab[1] as f64 / both_ab[1] as f64));
    assert_eq!(ab.fields[0].pairs, both_ab[0]);
}

#[test]
fn fields_differ_after_kind_and_source_and_undefined_field_figures_are_null() {
    let fields = [
        codebook_field("addressee", FieldType::Actor, &[]),
        codebook_field("position", FieldType::Scale, &["-1", "0", "1"]),
        codebook_field("frame", FieldType::Text, &[]),
    ];
    let docs = vec![document(
        "a.txt",
        vec![
            (
                "alice",
                vec![
                    with_fields(claim(1, "assertion", 0, 10, None), &[("addressee", "china")]),
                    with_fields(claim(2, "denial", 20, 30, None), &[("addressee", "china")]),
                    with_fields(claim(3, "assertion", 40, 50, None), &[("frame", "economic harm")]),
                    with_fields(claim(4, "assertion", 60, 70, None), &[("addressee", "china")]),
                ],
            ),
            (
                "bob",
                vec![
                    with_fields(claim(1, "assertion", 0, 10, None), &[("addressee", "usa")]),
                    with_fields(claim(2, "assertion", 20, 30, None), &[("addressee", "usa")]),
                    with_fields(claim(3, "assertion", 40, 50, None), &[("frame", "jobs")]),
                    with_fields(claim(4, "assertion", 60, 70, None), &[("addressee", "china")]),
                ],
            ),
        ],
    )];
    let annotators = [name("alice"), name("bob")];
    let labels: Vec<Label> = document_units(&docs[0], &annotators).into_iter().map(|u| u.label).collect();
    assert_eq!(labels, [Label::FieldsDiffer, Label::KindDiffers, Label::FieldsDiffer, Label::Agree]);
    let report = agreement_with_fields(&docs, &annotators, &fields);
    assert_eq!(report.per_document[0].agreed, 1, "a unit whose fields differ is not agreed");
    let addressee = field_alpha(&report.fields, "addressee");
    assert_eq!(addressee.units, 3);
    let position = field_alpha(&report.fields, "position");
    assert_eq!((position.alpha, position.units), (Err(Undefined::NoUnits), 0));
    assert_eq!(report.pairs[0].fields[0].share, Ok(1.0 / 3.0));
    assert_eq!(report.pairs[0].fields[1].share, Err(Undefined::NoValues));
    let json = serde_json::to_value(&report).unwrap();
    assert!(json["fields"]["position"]["alpha"].is_null());
    assert_eq!(json["fields"]["position"]["units"], 0);
    let pair_fields = &json["pairs"][0]["fields"];
    assert!((pair_fields["addressee"].as_f64().unwrap() - 0.3333).abs() < 1e-9);
    assert!(pair_fields["position"].is_null());
    assert!(pair_fields.get("frame").is_none(), "Text fields have no share");
    let without = agreement(&docs, &annotators);
    assert_eq!(serde_json::to_value(&without).unwrap()["fields"], serde_json::json!({}));
}
