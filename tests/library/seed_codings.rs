//! The sample codings shipped in `seeds/` must be valid, consistent with their
//! documents and the project's actor registry, and written exactly as the app's own
//! writer would write them, so that a new user sees review and agreement working on
//! first run and the first save does not rewrite every file.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use claimcoder::model::document::sha256_hex;
use claimcoder::model::{Document, FieldType, Span, Status};
use claimcoder::store::annotation_io::pretty;
use claimcoder::store::project_io::load_project;
use claimcoder::store::{parse_annotation, to_ron};

const ANNOTATORS: [&str; 2] = ["analyst-a", "analyst-b"];

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

/// Every `seeds/*.txt` file name, sorted.
fn documents() -> Vec<String> {
    let mut docs: Vec<String> = std::fs::read_dir(seeds())
        .expect("seeds/ is readable")
        .map(|e| e.expect("seeds/ entry").file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".txt"))
        .collect();
    docs.sort();
    docs
}

/// Every `seeds/*.analyst-*.ron` file name, sorted.
fn annotation_files() -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(seeds())
        .expect("seeds/ is readable")
        .map(|e| e.expect("seeds/ entry").file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".ron") && name.contains(".analyst-"))
        .collect();
    files.sort();
    files
}

fn assert_span(doc: &Document, file: &str, claim: u64, role: &str, span: &Span) {
    assert!(span.start < span.end, "{file}: claim {claim} {role} is empty or reversed");
    assert!(span.end <= doc.text.char_len(), "{file}: claim {claim} {role} runs past the end of the text");
    assert_eq!(
        doc.text.slice(span.start, span.end),
        span.quote,
        "{file}: claim {claim} {role} quote differs from the text at {}..{}",
        span.start,
        span.end
    );
}

#[test]
fn every_document_has_a_done_file_per_analyst() {
    let docs = documents();
    assert_eq!(docs.len(), 5, "five sample articles");
    let files: BTreeSet<String> = annotation_files().into_iter().collect();
    let mut expected = BTreeSet::new();
    for doc in &docs {
        let stem = doc.trim_end_matches(".txt");
        for annotator in ANNOTATORS {
            expected.insert(format!("{stem}.{annotator}.ron"));
        }
    }
    assert_eq!(files, expected);
}

#[test]
fn seed_codings_are_valid_and_match_their_documents() {
    let project = load_project(&seeds().join("claimcoder.ron")).expect("seeds/claimcoder.ron parses");
    let codebook = project.codebook();
    for name in annotation_files() {
        let path = seeds().join(&name);
        let text = std::fs::read_to_string(&path).expect("annotation file is UTF-8");
        let file = parse_annotation(&name, &text).expect("annotation file parses");

        let (stem, rest) = name.split_once('.').expect("file name has a stem");
        let annotator = rest.trim_end_matches(".ron");
        let doc_id = format!("{stem}.txt");
        assert_eq!(file.annotator, annotator, "{name}: annotator");
        assert_eq!(file.document, doc_id, "{name}: document");
        assert_eq!(file.status, Status::Done, "{name}: status");
        assert_eq!(file.format, claimcoder::model::FORMAT_VERSION, "{name}: format");

        let bytes = std::fs::read(seeds().join(&doc_id)).expect("document is readable");
        assert_eq!(file.text_sha256, sha256_hex(&bytes), "{name}: text_sha256");
        let doc = Document::from_bytes(&doc_id, &bytes).expect("document is UTF-8");

        assert!((5..=12).contains(&file.claims.len()), "{name}: {} claims, expected 5 to 12", file.claims.len());
        let mut ids = BTreeSet::new();
        let mut named = BTreeSet::new();
        for claim in &file.claims {
            assert!(ids.insert(claim.id), "{name}: claim id {} used twice", claim.id);
            assert!(codebook.kind(&claim.kind).is_some(), "{name}: claim {} kind `{}`", claim.id, claim.kind);
            assert!(claim.created <= claim.modified, "{name}: claim {} modified before created", claim.id);
            assert!(claim.modified <= file.modified, "{name}: claim {} modified after the file", claim.id);
            for (role, span) in claim.spans() {
                assert_span(&doc, &name, claim.id, role.field(), span);
            }
            let problems = codebook.field_value_problems(&claim.fields);
            assert!(problems.is_empty(), "{name}: claim {}: {problems:?}", claim.id);
            let actor_fields = codebook.fields.iter().filter(|f| f.r#type == FieldType::Actor);
            let addressed = actor_fields.filter_map(|f| claim.fields.get(&f.id));
            for actor_id in claim.source.iter().chain(addressed) {
                let actor = project.actors.get(actor_id);
                assert!(actor.is_some(), "{name}: claim {} names `{actor_id}`, which is not in the registry", claim.id);
                let shown = file.actors.get(actor_id);
                assert_eq!(shown, actor.map(|a| &a.name), "{name}: actors map entry for `{actor_id}`");
                named.insert(actor_id.clone());
            }
        }
        let listed: BTreeSet<String> = file.actors.keys().cloned().collect();
        assert_eq!(listed, named, "{name}: actors map lists exactly the actors its claims name (sources, addressees)");
        let max_id = ids.iter().max().copied().unwrap_or(0);
        assert_eq!(file.next_id, max_id + 1, "{name}: next_id");

        let sorted = file.claims.windows(2).all(|w| (w[0].content.start, w[0].id) <= (w[1].content.start, w[1].id));
        assert!(sorted, "{name}: claims are not sorted by content start, then id");
        assert_eq!(to_ron(&file), text, "{name}: not byte-identical to the app's writer");
    }
}

#[test]
fn project_file_has_the_builtin_kinds_and_a_valid_registry() {
    let path = seeds().join("claimcoder.ron");
    let project = load_project(&path).expect("seeds/claimcoder.ron parses");
    assert!(project.problems().is_empty(), "{:?}", project.problems());
    assert_eq!(project.kinds, claimcoder::model::Project::builtin().kinds, "kinds are the built-in codebook's");
    assert!(!project.actors.actors.is_empty());
    for actor in &project.actors.actors {
        assert_eq!(actor.id, claimcoder::model::actor::id_from_name(&actor.name), "actor id made from its name");
        assert!(!actor.group.is_empty() && !actor.role.is_empty(), "actor `{}` has a group and a role", actor.id);
    }
    let text = std::fs::read_to_string(&path).expect("project file is UTF-8");
    let mut written = ron::ser::to_string_pretty(&project, pretty().depth_limit(4)).expect("serialises");
    written.push('\n');
    assert_eq!(written, text, "seeds/claimcoder.ron is not byte-identical to the app's writer");
}

#[test]
fn every_registered_actor_is_used_by_some_seed_claim() {
    let project = load_project(&seeds().join("claimcoder.ron")).expect("seeds/claimcoder.ron parses");
    let mut used = BTreeSet::new();
    for name in annotation_files() {
        let text = std::fs::read_to_string(seeds().join(&name)).expect("annotation file is UTF-8");
        let file = parse_annotation(&name, &text).expect("annotation file parses");
        used.extend(file.claims.iter().filter_map(|c| c.source.clone()));
    }
    for actor in &project.actors.actors {
        assert!(used.contains(&actor.id), "actor `{}` speaks in no seed coding", actor.id);
    }
}

/// The seed codebook has the claim variables of political claims analysis, and both
/// analysts code them in at least two articles, so the dashboard shows field
/// agreement on first run.
#[test]
fn both_analysts_code_the_claim_fields_in_at_least_two_articles() {
    let project = load_project(&seeds().join("claimcoder.ron")).expect("seeds/claimcoder.ron parses");
    let fields: Vec<(&str, FieldType)> = project.fields.iter().map(|f| (f.id.as_str(), f.r#type)).collect();
    assert_eq!(
        fields,
        [("addressee", FieldType::Actor), ("position", FieldType::Scale), ("issue", FieldType::Category)]
    );
    assert!(project.fields.iter().all(|f| !f.definition.is_empty()), "every field has a definition");
    let scale: Vec<(&str, &str)> =
        project.fields[1].values.iter().map(|c| (c.value.as_str(), c.label.as_str())).collect();
    assert_eq!(scale, [("-1", "against"), ("0", "neutral"), ("1", "for")]);
    for annotator in ANNOTATORS {
        let coded = documents()
            .iter()
            .filter(|doc| {
                let name = format!("{}.{annotator}.ron", doc.trim_end_matches(".txt"));
                let text = std::fs::read_to_string(seeds().join(&name)).expect("annotation file is UTF-8");
                let file = parse_annotation(&name, &text).expect("annotation file parses");
                file.claims.iter().all(|c| c.fields.contains_key("position") && c.fields.contains_key("issue"))
            })
            .count();
        assert!(coded >= 2, "{annotator} codes position and issue of every claim in {coded} articles");
    }
}

/// The seeds' field agreement as the README reports it: changing a seed coding
/// changes these on purpose, and the README with them.
#[test]
fn seed_field_agreement_is_what_the_readme_reports() {
    let dataset = claimcoder::store::load_dataset(&seeds(), &[]).expect("seeds load");
    assert!(dataset.errors.is_empty(), "{:?}", dataset.errors);
    let annotators: Vec<claimcoder::model::Annotator> =
        ANNOTATORS.iter().map(|a| claimcoder::model::Annotator::parse(a).expect("name")).collect();
    let report = claimcoder::agreement::agreement_with_fields(&dataset.documents, &annotators, &dataset.project.fields);
    let three = |f: f64| (f * 1000.0).round() / 1000.0;
    let figures: Vec<(&str, &str, usize, f64, f64)> = report
        .fields
        .iter()
        .zip(&report.pairs[0].fields)
        .map(|(f, share)| {
            (f.id.as_str(), f.level.as_str(), f.units, three(f.alpha.unwrap()), three(share.share.unwrap()))
        })
        .collect();
    assert_eq!(
        figures,
        [
            ("addressee", "nominal", 45, 0.933, 0.978),
            ("position", "ordinal", 49, 0.899, 0.878),
            ("issue", "nominal", 49, 0.808, 0.878),
        ]
    );
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).expect("README");
    assert!(
        readme.contains(
            "| position: Krippendorff's alpha (ordinal, 49 units) / matched pairs agreeing | 0.899 / 0.878 |"
        )
    );
}
