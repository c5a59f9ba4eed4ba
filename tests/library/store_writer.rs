//! The fast annotation writer prints exactly what ron's pretty printer prints, for
//! any file, so the files stay the contract's and readable by any RON reader.

use std::collections::BTreeMap;

use chrono::{TimeZone, Utc};
use claimcoder::model::{AnnotationFile, Claim, Span, Status};
use claimcoder::store::annotation_io::{parse_annotation, pretty};
use claimcoder::store::ron_writer::write_annotation;
use proptest::prelude::*;

fn reference(file: &AnnotationFile) -> String {
    let mut text = ron::ser::to_string_pretty(file, pretty()).expect("ron serialises");
    text.push('\n');
    text
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 ,.:_-]{0,20}",
        any::<String>(),
        "[“”’'\"\\\\\t\r\n\u{a0}—é中文\u{301}\u{200b}\u{2028}\u{feff}\u{0}\u{7f}😀#]{0,12}",
    ]
}

fn any_span() -> impl Strategy<Value = Span> {
    (0usize..1_000_000, 0usize..500, any_text()).prop_map(|(start, len, quote)| Span { start, end: start + len, quote })
}

fn any_claim() -> impl Strategy<Value = Claim> {
    (
        1u64..100_000,
        any_text(),
        any_span(),
        proptest::option::of(any_text()),
        proptest::option::of(any_span()),
        proptest::option::of(any_span()),
        any_text(),
        proptest::collection::btree_map(any_text(), any_text(), 0..3),
        0i64..4_000_000_000,
    )
        .prop_map(|(id, kind, content, source, source_mention, cue, note, fields, secs)| {
            let t = Utc.timestamp_opt(secs, 0).single().unwrap_or_default();
            Claim { id, kind, content, source, source_mention, cue, note, fields, created: t, modified: t }
        })
}

fn any_file() -> impl Strategy<Value = AnnotationFile> {
    (
        any_text(),
        any_text(),
        any::<bool>(),
        proptest::collection::btree_map(any_text(), any_text(), 0..4),
        proptest::collection::vec(any_claim(), 0..6),
        any::<u64>(),
        proptest::collection::vec(any_span(), 0..3),
    )
        .prop_map(|(document, annotator, done, actors, claims, next_id, rejected)| {
            let mut file = AnnotationFile::new(&document, &annotator, "ab12");
            file.status = if done { Status::Done } else { Status::InProgress };
            file.actors = actors;
            file.claims = claims;
            file.next_id = next_id;
            file.rejected = rejected;
            file
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    #[test]
    fn writer_matches_ron_pretty_printer(file in any_file()) {
        prop_assert_eq!(write_annotation(&file), reference(&file));
    }

    #[test]
    fn the_fast_reader_reads_what_ron_reads(file in any_file()) {
        let text = write_annotation(&file);
        let fast = claimcoder::store::ron_reader::read_written_layout(&text);
        prop_assert_eq!(fast.as_ref(), Some(&file), "the writer's layout is read by the fast path");
        let by_ron: AnnotationFile = ron::from_str(&text).expect("ron parses");
        prop_assert_eq!(fast, Some(by_ron));
    }

    #[test]
    fn written_files_read_back(file in any_file()) {
        let text = write_annotation(&file);
        let back = parse_annotation("x", &text).expect("parses");
        prop_assert_eq!(back, file);
    }
}

#[test]
fn empty_maps_and_lists_are_written_inline() {
    let mut file = AnnotationFile::new("d.txt", "alice", "ab");
    file.actors = BTreeMap::new();
    let text = write_annotation(&file);
    assert!(text.contains("    actors: {},\n    claims: [],\n"), "{text}");
    assert_eq!(text, reference(&file));
}
