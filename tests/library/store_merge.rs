//! Three-way merge of an annotation file changed on disk while the coder had
//! unsaved work (FORMAT.md section 3): no claim of either side is ever lost, an
//! unchanged side gives the other side, conflict copies never overwrite each other,
//! and the store's save-with-merge writes the merged file and renews its base.

use std::collections::BTreeMap;
use std::path::Path;

use claimcoder::model::{ActorRegistry, AnnotationFile, Annotator, Claim, ClaimId, Corpus, Document, Span, Status};
use claimcoder::store::conflict::{conflict_copies, save_merging, write_conflict_copy};
use claimcoder::store::merge::{Merged, merge};
use claimcoder::store::{Access, load_annotations, parse_annotation, save_annotations, to_ron};
use proptest::prelude::*;

const TEXT: &str = "Lew told reporters the hacking must stop. China denied it. Officials promised talks next week. \
                    The ministry said nothing, an aide said later.";

fn span(start: usize, len: usize) -> Span {
    let chars: Vec<char> = TEXT.chars().collect();
    let start = start % (chars.len() - 1);
    let end = (start + 1 + len).min(chars.len());
    Span { start, end, quote: chars[start..end].iter().collect() }
}

/// One edit a coder (or the other program) makes.
#[derive(Clone, Debug)]
enum Edit {
    Add(usize, usize),
    Delete(usize),
    Kind(usize, u8),
    Note(usize, u8),
    Source(usize, u8),
    Field(usize, u8, u8),
    Unfield(usize, u8),
    Content(usize, usize),
    Status(bool),
    Reject(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (0usize..200, 0usize..30).prop_map(|(s, l)| Edit::Add(s, l)),
        (0usize..8).prop_map(Edit::Delete),
        (0usize..8, 0u8..3).prop_map(|(i, k)| Edit::Kind(i, k)),
        (0usize..8, 0u8..3).prop_map(|(i, n)| Edit::Note(i, n)),
        (0usize..8, 0u8..3).prop_map(|(i, n)| Edit::Source(i, n)),
        (0usize..8, 0u8..2, 0u8..3).prop_map(|(i, k, v)| Edit::Field(i, k, v)),
        (0usize..8, 0u8..2).prop_map(|(i, k)| Edit::Unfield(i, k)),
        (0usize..8, 0usize..200).prop_map(|(i, s)| Edit::Content(i, s)),
        any::<bool>().prop_map(Edit::Status),
        (0usize..200).prop_map(Edit::Reject),
    ]
}

fn apply(file: &mut AnnotationFile, edits: &[Edit]) {
    const KINDS: [&str; 3] = ["assertion", "denial", "commitment"];
    const KEYS: [&str; 2] = ["position", "issue"];
    for e in edits {
        let n = file.claims.len();
        let pick = |i: usize| if n == 0 { None } else { Some(i % n) };
        match *e {
            Edit::Add(s, l) => {
                let id = file.take_claim_id();
                file.claims.push(Claim::new(id, "assertion", span(s, l)));
            }
            Edit::Delete(i) => {
                if let Some(i) = pick(i) {
                    file.claims.remove(i);
                }
            }
            Edit::Kind(i, k) => {
                if let Some(i) = pick(i) {
                    file.claims[i].kind = KINDS[k as usize].into();
                }
            }
            Edit::Note(i, v) => {
                if let Some(i) = pick(i) {
                    file.claims[i].note = format!("note {v}");
                }
            }
            Edit::Source(i, v) => {
                if let Some(i) = pick(i) {
                    file.claims[i].source = (v > 0).then(|| format!("actor-{v}"));
                }
            }
            Edit::Field(i, k, v) => {
                if let Some(i) = pick(i) {
                    file.claims[i].fields.insert(KEYS[k as usize].into(), format!("{v}"));
                }
            }
            Edit::Unfield(i, k) => {
                if let Some(i) = pick(i) {
                    file.claims[i].fields.remove(KEYS[k as usize]);
                }
            }
            Edit::Content(i, s) => {
                if let Some(i) = pick(i) {
                    file.claims[i].content = span(s, 12);
                }
            }
            Edit::Status(done) => file.status = if done { Status::Done } else { Status::InProgress },
            Edit::Reject(s) => file.rejected.push(span(s, 5)),
        }
    }
}

fn base_file(claims: usize) -> AnnotationFile {
    let mut f = AnnotationFile::new("d.txt", "alice", "x");
    for i in 0..claims {
        let id = f.take_claim_id();
        f.claims.push(Claim::new(id, "assertion", span(i * 23, 10)));
    }
    f
}

/// Equal in everything but `modified`.
fn same(a: &Claim, b: &Claim) -> bool {
    let mut b = b.clone();
    b.modified = a.modified;
    *a == b
}

/// Every change `side` made to `c` (relative to `base`, or all of it when `c` is
/// new) is in `m`.
fn changes_kept(c: &Claim, base: Option<&Claim>, m: &Claim) -> bool {
    let changed = |f: fn(&Claim) -> String| base.is_none_or(|b| f(b) != f(c));
    let kept = |f: fn(&Claim) -> String| !changed(f) || f(m) == f(c);
    let fields_kept = c
        .fields
        .iter()
        .map(|(k, v)| (k, Some(v)))
        .chain(base.iter().flat_map(|b| b.fields.keys().filter(|k| !c.fields.contains_key(*k)).map(|k| (k, None))))
        .all(|(k, v)| base.is_some_and(|b| b.fields.get(k) == v) || m.fields.get(k) == v);
    kept(|x| x.kind.clone())
        && kept(|x| format!("{:?}", x.content))
        && kept(|x| format!("{:?}", x.source))
        && kept(|x| format!("{:?}", x.source_mention))
        && kept(|x| format!("{:?}", x.cue))
        && kept(|x| x.note.clone())
        && fields_kept
}

/// No claim of `side` lost: unchanged ones may be deleted by the other side;
/// changed or new ones are in the merged file with their changes, or listed.
fn nothing_lost(base: &AnnotationFile, side: &AnnotationFile, merged: &Merged, ours: bool) -> Result<(), String> {
    let renumbered: BTreeMap<ClaimId, ClaimId> =
        if ours { merged.renumbered.iter().copied().collect() } else { BTreeMap::new() };
    for c in &side.claims {
        let b = base.claim(c.id);
        if b.is_some_and(|b| same(b, c)) {
            continue;
        }
        let listed = merged.conflicts.iter().any(|k| if ours { k.ours.as_ref() } else { k.theirs.as_ref() } == Some(c));
        let id = renumbered.get(&c.id).copied().unwrap_or(c.id);
        let in_file = merged.file.claim(id).is_some_and(|m| changes_kept(c, b, m));
        if !listed && !in_file {
            return Err(format!("claim {} of {} lost: {c:?}", c.id, if ours { "ours" } else { "theirs" }));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn no_claim_of_either_side_is_ever_lost(
        n in 0usize..6,
        ours_edits in prop::collection::vec(edit(), 0..8),
        theirs_edits in prop::collection::vec(edit(), 0..8),
    ) {
        let base = base_file(n);
        let (mut ours, mut theirs) = (base.clone(), base.clone());
        apply(&mut ours, &ours_edits);
        apply(&mut theirs, &theirs_edits);
        let merged = merge(&base, &ours, &theirs);
        nothing_lost(&base, &ours, &merged, true).map_err(TestCaseError::fail)?;
        nothing_lost(&base, &theirs, &merged, false).map_err(TestCaseError::fail)?;
        let mut ids: Vec<ClaimId> = merged.file.claims.iter().map(|c| c.id).collect();
        let count = ids.len();
        ids.sort();
        ids.dedup();
        prop_assert_eq!(ids.len(), count, "ids stay unique");
        prop_assert!(merged.file.claims.iter().all(|c| c.id < merged.file.next_id));
        prop_assert!(merged.file.next_id >= theirs.next_id.max(ours.next_id));
        for k in &merged.conflicts {
            prop_assert_eq!(merged.file.claim(k.id), k.theirs.as_ref(), "the file keeps theirs");
        }
        // The file round-trips, so what was merged is what is written.
        let mut written = merged.file.clone();
        written.sort_claims();
        let text = to_ron(&written);
        prop_assert_eq!(parse_annotation("x", &text).unwrap(), written);
    }

    #[test]
    fn merging_with_an_unchanged_side_gives_the_other_side(
        n in 0usize..6,
        edits in prop::collection::vec(edit(), 0..8),
    ) {
        let base = base_file(n);
        let mut changed = base.clone();
        apply(&mut changed, &edits);
        let m = merge(&base, &base, &changed);
        prop_assert_eq!(&m.file, &changed);
        prop_assert!(m.conflicts.is_empty() && m.renumbered.is_empty());
        let m = merge(&base, &changed, &base);
        prop_assert_eq!(&m.file, &changed);
        prop_assert!(m.conflicts.is_empty() && m.renumbered.is_empty());
    }
}

#[test]
fn conflict_copies_never_overwrite_each_other() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.alice.ron");
    let copies: Vec<_> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..4)
            .map(|t| {
                let path = &path;
                s.spawn(move || {
                    (0..50)
                        .map(|i| {
                            let body = format!("thread {t} copy {i}");
                            (write_conflict_copy(path, body.as_bytes()).unwrap(), body)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles.into_iter().flat_map(|h| h.join().unwrap()).collect()
    });
    assert_eq!(copies.len(), 200);
    for (copy, body) in &copies {
        assert_eq!(std::fs::read_to_string(copy).unwrap(), *body, "{} kept its own content", copy.display());
        let name = copy.file_name().unwrap().to_string_lossy().into_owned();
        let stamp = name.strip_prefix("d.alice.ron.conflict-").unwrap();
        assert!(stamp.len() >= "20261122T120000.000000Z-1".len(), "sub-second time and a counter: {name}");
    }
    assert_eq!(conflict_copies(&path).len(), 200, "200 copies written within a second or so, 200 on disk");
    let temps = std::fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| e.as_ref().unwrap().file_name().to_string_lossy().ends_with(".tmp"))
        .count();
    assert_eq!(temps, 0);
}

/// A corpus of one document coded by alice, loaded for editing.
fn coded() -> (tempfile::TempDir, Document, claimcoder::store::LoadedAnnotations) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("d.txt"), TEXT).unwrap();
    let (doc, mut loaded) = load(dir.path());
    let mut base = base_file(3);
    base.document = "d.txt".into();
    loaded.file = base;
    save_annotations(&mut loaded, &doc, &ActorRegistry::default()).unwrap();
    (dir, doc, loaded)
}

fn load(root: &Path) -> (Document, claimcoder::store::LoadedAnnotations) {
    let corpus = Corpus::scan(root).unwrap();
    let entry = corpus.document("d.txt").unwrap();
    let doc = Document::load(&entry.id, &entry.path).unwrap();
    let loaded = load_annotations(entry, &Annotator::parse("alice").unwrap(), &doc);
    (doc, loaded)
}

/// Rewrites the file on disk as another program would.
fn outside_edit(path: &Path, edit: impl FnOnce(&mut AnnotationFile)) {
    let mut theirs = parse_annotation("x", &std::fs::read_to_string(path).unwrap()).unwrap();
    edit(&mut theirs);
    std::thread::sleep(std::time::Duration::from_millis(5));
    std::fs::write(path, to_ron(&theirs)).unwrap();
}

#[test]
fn a_save_after_an_outside_change_merges_and_renews_the_base() {
    let (dir, doc, mut loaded) = coded();
    let reg = ActorRegistry::default();
    outside_edit(&loaded.path, |f| {
        f.claims[0].note = "theirs".into();
        let id = f.take_claim_id();
        f.claims.push(Claim::new(id, "denial", span(50, 8)));
    });
    loaded.file.claims[1].kind = "commitment".into();
    let id = loaded.file.take_claim_id();
    loaded.file.claims.push(Claim::new(id, "assertion", span(100, 8)));
    let report = save_merging(&mut loaded, &doc, &reg).unwrap();
    assert!(report.merged && report.conflicts.is_empty() && report.copy.is_none());
    assert_eq!(report.renumbered, [(4, 5)], "both added claim 4; ours becomes 5");
    let (_, again) = load(dir.path());
    let summary: Vec<(ClaimId, String, String)> =
        again.file.claims.iter().map(|c| (c.id, c.kind.clone(), c.note.clone())).collect::<Vec<_>>();
    let mut summary = summary;
    summary.sort();
    assert_eq!(
        summary,
        [
            (1, "assertion".into(), "theirs".into()),
            (2, "commitment".into(), String::new()),
            (3, "assertion".into(), String::new()),
            (4, "denial".into(), String::new()),
            (5, "assertion".into(), String::new()),
        ]
    );
    assert_eq!(loaded.base.as_ref(), Some(&loaded.file), "the merged file is the new base");
    assert!(!loaded.changed_on_disk(), "the stamp is renewed");
    loaded.file.claims[0].note = "ours later".into();
    save_annotations(&mut loaded, &doc, &reg).expect("a plain save follows");
}

#[test]
fn a_true_conflict_keeps_theirs_in_the_file_and_ours_in_a_copy() {
    let (dir, doc, mut loaded) = coded();
    outside_edit(&loaded.path, |f| f.claims[0].kind = "denial".into());
    loaded.file.claims[0].kind = "commitment".into();
    loaded.file.claims[2].note = "mine".into();
    let report = save_merging(&mut loaded, &doc, &ActorRegistry::default()).unwrap();
    assert_eq!(report.conflicts.len(), 1);
    assert_eq!(report.conflicts[0].fields, ["kind"]);
    let copy = report.copy.expect("a conflict copy");
    assert_eq!(conflict_copies(&loaded.path), std::slice::from_ref(&copy));
    let kept = parse_annotation("x", &std::fs::read_to_string(&copy).unwrap()).unwrap();
    assert_eq!(kept.claims[0].kind, "commitment", "the copy holds the coder's whole version");
    let (_, again) = load(dir.path());
    assert_eq!(again.file.claims[0].kind, "denial");
    assert_eq!(again.file.claims[2].note, "mine", "the rest merged");
}

#[test]
fn a_deleted_file_is_written_back_and_a_broken_one_is_never_overwritten() {
    let (_dir, doc, mut loaded) = coded();
    std::fs::remove_file(&loaded.path).unwrap();
    loaded.file.claims[0].note = "still here".into();
    let report = save_merging(&mut loaded, &doc, &ActorRegistry::default()).unwrap();
    assert!(!report.merged);
    assert_eq!(parse_annotation("x", &std::fs::read_to_string(&loaded.path).unwrap()).unwrap().claims.len(), 3);

    std::fs::write(&loaded.path, "(format: 1, claimz: [])").unwrap();
    loaded.file.claims[1].note = "unsaved".into();
    let err = save_merging(&mut loaded, &doc, &ActorRegistry::default()).unwrap_err();
    assert!(err.to_string().contains("your version is kept in"), "{err}");
    assert_eq!(std::fs::read_to_string(&loaded.path).unwrap(), "(format: 1, claimz: [])");
    assert!(matches!(loaded.access, Access::ReadOnly(_)));
    let copies = conflict_copies(&loaded.path);
    assert_eq!(copies.len(), 1);
    let kept = parse_annotation("x", &std::fs::read_to_string(&copies[0]).unwrap()).unwrap();
    assert_eq!(kept.claims[1].note, "unsaved");
}
