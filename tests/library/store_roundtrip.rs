//! Property: whatever claims a user codes, writing them and reading them back gives
//! the same claims, both through the RON text (`to_ron` + `parse_annotation`) and
//! through the real files on disk (`save_annotations` + `load_annotations`).

use std::collections::BTreeMap;

use chrono::{TimeZone, Utc};
use claimcoder::model::time::Timestamp;
use claimcoder::model::{ActorRegistry, AnnotationFile, Annotator, Claim, Corpus, Document, Span, Status, TextIndex};
use claimcoder::store::session::refresh_actor_names;
use claimcoder::store::{Access, load_annotations, parse_annotation, save_annotations, to_ron};
use proptest::prelude::*;

/// Characters that have tripped serialisers before: quotes of every kind, escapes,
/// line breaks, control characters, non-BMP and right-to-left text.
fn tricky_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => proptest::char::range('a', 'z'),
        2 => Just(' '),
        1 => prop::sample::select(vec![
            '"', '\'', '\\', '\n', '\r', '\t', '“', '”', '‘', '’', '«', '»', '—', '…', '中', '文', '日', 'é',
            '\u{a0}', '\u{0}', '\u{7f}', '\u{1b}', '\u{2028}', '\u{2029}', '\u{feff}', '😀', '𝄞', 'ש', '(', ')',
            ',', ':', '{', '}', '[', ']', '#', '/', '*',
        ]),
        1 => any::<char>(),
    ]
}

fn tricky_string(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(tricky_char(), 0..max).prop_map(|v| v.into_iter().collect())
}

/// Times as the files store them: whole seconds, years 1970-2100.
fn timestamp() -> impl Strategy<Value = Timestamp> {
    (0i64..4_102_444_800).prop_map(|s| Utc.timestamp_opt(s, 0).unwrap())
}

/// A text of at least one character, CRLF and all.
fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(tricky_char(), 1..200).prop_map(|v| v.into_iter().collect())
}

fn span_in(len: usize) -> impl Strategy<Value = (usize, usize)> {
    (0..len).prop_flat_map(move |s| (Just(s), s + 1..=len))
}

#[derive(Clone, Debug)]
struct ClaimSpec {
    id: u64,
    kind: String,
    content: (usize, usize),
    source: Option<String>,
    mention: Option<(usize, usize)>,
    cue: Option<(usize, usize)>,
    note: String,
    fields: BTreeMap<String, String>,
    created: Timestamp,
    modified: Timestamp,
}

fn claim_spec(len: usize) -> impl Strategy<Value = ClaimSpec> {
    (
        any::<u64>(),
        tricky_string(12),
        span_in(len),
        prop::option::of(tricky_string(12)),
        prop::option::of(span_in(len)),
        prop::option::of(span_in(len)),
        (tricky_string(60), prop::collection::btree_map(tricky_string(8), tricky_string(12), 0..3)),
        timestamp(),
        timestamp(),
    )
        .prop_map(|(id, kind, content, source, mention, cue, (note, fields), created, modified)| ClaimSpec {
            id,
            kind,
            content,
            source,
            mention,
            cue,
            note,
            fields,
            created,
            modified,
        })
}

/// A text and a file of claims on it, with unique ids as the contract requires.
fn coded_text() -> impl Strategy<Value = (String, AnnotationFile)> {
    text().prop_flat_map(|t| {
        let len = t.chars().count();
        (
            Just(t),
            prop::collection::vec(claim_spec(len), 0..12),
            tricky_string(10),
            prop::bool::ANY,
            timestamp(),
            prop::collection::btree_map(tricky_string(8), tricky_string(16), 0..4),
        )
            .prop_map(|(t, specs, document, done, modified, actors)| {
                let index = TextIndex::new(t.clone());
                let span = |(s, e): (usize, usize)| Span::from_text(&index, s, e).expect("valid span");
                let mut file = AnnotationFile::new(&document, "alice", "0123abcd");
                file.status = if done { Status::Done } else { Status::InProgress };
                file.modified = modified;
                file.actors = actors;
                let mut seen = std::collections::HashSet::new();
                for spec in specs.into_iter().filter(|s| seen.insert(s.id)) {
                    file.claims.push(Claim {
                        id: spec.id,
                        kind: spec.kind,
                        content: span(spec.content),
                        source: spec.source,
                        source_mention: spec.mention.map(span),
                        cue: spec.cue.map(span),
                        note: spec.note,
                        fields: spec.fields,
                        created: spec.created,
                        modified: spec.modified,
                    });
                }
                file.next_id = file.claims.iter().map(|c| c.id.saturating_add(1)).max().unwrap_or(1);
                (t, file)
            })
    })
}

fn sorted(mut file: AnnotationFile) -> AnnotationFile {
    file.sort_claims();
    file
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// `to_ron` then `parse_annotation` is the identity (up to the written claim order),
    /// and the written claims are in the contract's order.
    #[test]
    fn ron_text_round_trips_every_claim((_text, file) in coded_text()) {
        let ron = to_ron(&file);
        let back = parse_annotation("x.alice.ron", &ron).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&back, &sorted(file));
        let order: Vec<(usize, u64)> = back.claims.iter().map(|c| (c.content.start, c.id)).collect();
        let mut expected = order.clone();
        expected.sort();
        prop_assert_eq!(order, expected);
        prop_assert_eq!(to_ron(&back), ron, "writing is deterministic");
    }

    /// Saving to disk and loading again gives the same claims, re-anchoring finds every
    /// span where it was, and the file stays editable.
    #[test]
    fn disk_round_trips_every_claim((text, file) in coded_text(), bom in prop::bool::ANY, subfolder in prop::bool::ANY) {
        let dir = tempfile::tempdir().unwrap();
        let rel = if subfolder { "2013/doc.v2.txt" } else { "doc.v2.txt" };
        let doc_path = dir.path().join(rel);
        std::fs::create_dir_all(doc_path.parent().unwrap()).unwrap();
        // A text that itself starts with U+FEFF reads back only behind a BOM: a leading
        // BOM is never text (FORMAT.md section 1).
        let bom = bom || text.starts_with('\u{feff}');
        let mut bytes = if bom { b"\xEF\xBB\xBF".to_vec() } else { Vec::new() };
        bytes.extend_from_slice(text.as_bytes());
        std::fs::write(&doc_path, &bytes).unwrap();

        let corpus = Corpus::scan(dir.path()).unwrap();
        let entry = corpus.document(rel).expect("document found").clone();
        let doc = Document::load(&entry.id, &entry.path).unwrap();
        prop_assert_eq!(doc.text.as_str(), text.as_str());
        let alice = Annotator::parse("alice").unwrap();

        let mut loaded = load_annotations(&entry, &alice, &doc);
        prop_assert_eq!(&loaded.access, &Access::Editable);
        prop_assert!(loaded.file.claims.is_empty());
        let mut file = file;
        file.document = entry.id.clone();
        loaded.file = file.clone();
        let registry = ActorRegistry::default();
        save_annotations(&mut loaded, &doc, &registry).map_err(|e| TestCaseError::fail(e.to_string()))?;

        let corpus = Corpus::scan(dir.path()).unwrap();
        let entry = corpus.document(rel).unwrap().clone();
        prop_assert_eq!(entry.annotations.get(&alice), Some(&loaded.path));
        let again = load_annotations(&entry, &alice, &doc);
        prop_assert_eq!(&again.access, &Access::Editable);
        prop_assert!(again.report.is_clean(), "{:?}", again.report);

        let mut expected = file;
        expected.text_sha256 = doc.sha256.clone();
        refresh_actor_names(&mut expected, &registry);
        prop_assert_eq!(again.file, sorted(expected));
    }
}

/// `refresh_actor_names` gives every named source a display name (registry first, then
/// the file's own, then the id), so the saved `actors` map is what the contract asks.
#[test]
fn saved_actor_map_names_every_source() {
    let index = TextIndex::new("Lew told reporters.".into());
    let mut file = AnnotationFile::new("d.txt", "alice", "x");
    for (id, source) in [(1, "jacob-lew"), (2, "colleague-actor"), (3, "unknown")] {
        let mut c = Claim::new(id, "assertion", Span::from_text(&index, 0, 3).unwrap());
        c.source = Some(source.into());
        file.claims.push(c);
    }
    file.actors.insert("colleague-actor".into(), "A Colleague's Actor".into());
    file.actors.insert("stale".into(), "No claim names me".into());
    let mut registry = ActorRegistry::default();
    registry.ensure("Jacob Lew");
    registry.actors[0].id = "jacob-lew".into();
    refresh_actor_names(&mut file, &registry);
    let expected: BTreeMap<String, String> =
        [("colleague-actor", "A Colleague's Actor"), ("jacob-lew", "Jacob Lew"), ("unknown", "unknown")]
            .into_iter()
            .map(|(a, b)| (a.to_owned(), b.to_owned()))
            .collect();
    assert_eq!(file.actors, expected);
}
