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
    let text = "x".repeat(200);
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
