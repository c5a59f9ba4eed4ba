//! Suggested claims in the app: Tab to one, Enter accepts it, Backspace rejects it,
//! the View menu hides them, and a `<stem>.suggested.ron` file replaces the built-in
//! suggester (FORMAT.md sections 3 and 7). Every check reads the files on disk.

use std::path::Path;

use crate::common::*;
use claimcoder::coding::Offer;
use claimcoder::model::{AnnotationFile, Claim, Span, TextIndex};
use claimcoder::ui::{App, AppIntent, TEXT_ID};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

const DOC0: &str = "000_f61589d60f9b959b";

/// The suggestions the open document offers now, in text order.
fn offered(h: &Harness<'static, App>) -> Vec<Offer> {
    let open = h.state().workspace().and_then(|w| w.open.as_ref()).expect("a document is open");
    open.live_suggestions().iter().map(|&i| open.suggestions.offers()[i].clone()).collect()
}

/// The selected suggestion.
fn selected(h: &Harness<'static, App>) -> Option<Offer> {
    let open = h.state().workspace().and_then(|w| w.open.as_ref())?;
    open.selected_offer().map(|(_, o)| o.clone())
}

fn press(h: &mut Harness<'static, App>, key: Key) {
    h.key_press(key);
    h.run_steps(2);
}

fn save(h: &mut Harness<'static, App>) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(2);
}

/// The built-in suggester's claims on document 0, computed apart from the app.
fn builtin_suggestions(corpus: &Path) -> Vec<claimcoder::suggest::Suggestion> {
    let project = claimcoder::store::project_io::load_project(&corpus.join("claimcoder.ron")).expect("project");
    let text = std::fs::read_to_string(corpus.join(format!("{DOC0}.txt"))).expect("text");
    claimcoder::suggest::Suggester::new(&project).suggest(&TextIndex::new(text))
}

/// Kind, content, source, mention and cue.
type Coded = (String, (usize, usize), Option<String>, Option<(usize, usize)>, Option<(usize, usize)>);

fn spans(c: &Claim) -> Coded {
    let at = |s: &Span| (s.start, s.end);
    (c.kind.clone(), at(&c.content), c.source.clone(), c.source_mention.as_ref().map(at), c.cue.as_ref().map(at))
}

#[test]
fn tab_goes_to_a_suggestion_enter_accepts_it_on_disk_and_undo_takes_it_back() {
    let corpus = seed_corpus(false);
    let expected = builtin_suggestions(corpus.path());
    assert!(expected.len() >= 3, "the built-in suggester finds claims in document 0");
    let mut h = app(corpus.path(), Some("tester"));
    assert_eq!(offered(&h).len(), expected.len(), "every built-in suggestion is offered");

    press(&mut h, Key::Tab);
    let first = selected(&h).expect("Tab selects the first suggestion");
    assert_eq!(
        (first.claim.content.start, first.claim.content.end),
        (expected[0].content.start, expected[0].content.end)
    );
    press(&mut h, Key::Tab);
    let second = selected(&h).expect("Tab goes on");
    assert_eq!(second.claim.content, expected[1].content);
    assert_eq!(h.ctx.memory(|m| m.focused()), Some(egui::Id::unique(TEXT_ID)), "Tab did not move the focus");
    h.key_press_modifiers(Modifiers::SHIFT, Key::Tab);
    h.run_steps(2);
    assert_eq!(selected(&h).map(|o| o.claim.content), Some(first.claim.content.clone()), "Shift+Tab goes back");
    press(&mut h, Key::Tab);

    press(&mut h, Key::Enter);
    let claims = open_claims(&h);
    assert_eq!(claims.len(), 1, "Enter accepted the suggestion");
    let s = &expected[1];
    let want = s.to_claim(1);
    assert_eq!(spans(&claims[0]), spans(&want), "kind, span, source, mention and cue as suggested");
    assert_eq!(claims[0].note, s.note());
    assert!(selected(&h).is_none(), "the new claim is selected, not a suggestion");
    assert_eq!(h.state().workspace().and_then(|w| w.selected_claim_id()), Some(claims[0].id));
    assert_eq!(offered(&h).len(), expected.len() - 1, "an accepted suggestion is no longer offered");

    save(&mut h);
    let file = read_annotations(corpus.path(), DOC0, "tester");
    assert_eq!(file.claims.len(), 1);
    assert_eq!(spans(&file.claims[0]), spans(&want));
    let text = open_text(&h);
    assert_eq!(file.claims[0].content.quote, chars(&text, s.content.start, s.content.end));
    if let Some(m) = &file.claims[0].source_mention {
        assert_eq!(m.quote, chars(&text, m.start, m.end));
    }

    // A kind key changes the accepted claim as it does any claim.
    press(&mut h, Key::D);
    assert_eq!(open_claims(&h)[0].kind, "denial");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(1);
    assert!(open_claims(&h).is_empty(), "accepting is one undo step");
    assert_eq!(offered(&h).len(), expected.len(), "undone, it is offered again");
    save(&mut h);
    assert!(read_annotations(corpus.path(), DOC0, "tester").claims.is_empty());
}

#[test]
fn backspace_rejects_a_suggestion_on_disk_and_it_is_never_offered_again() {
    let corpus = seed_corpus(false);
    let mut h = app(corpus.path(), Some("tester"));
    let before = offered(&h);
    press(&mut h, Key::Tab);
    let rejected = selected(&h).expect("a suggestion");
    press(&mut h, Key::Backspace);
    assert_eq!(offered(&h).len(), before.len() - 1);
    assert_eq!(selected(&h).map(|o| o.claim.content), Some(before[1].claim.content.clone()), "on to the next one");
    assert!(open_claims(&h).is_empty(), "rejecting codes nothing");

    // Undo offers it again, redo rejects it again.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(1);
    assert_eq!(offered(&h).len(), before.len());
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run_steps(1);
    assert_eq!(offered(&h).len(), before.len() - 1);

    std::thread::sleep(std::time::Duration::from_millis(700));
    h.run_steps(2);
    let file = read_annotations(corpus.path(), DOC0, "tester");
    assert_eq!(
        file.rejected,
        std::slice::from_ref(&rejected.claim.content),
        "autosaved under `rejected`, with its quote"
    );
    drop(h);

    let mut h = app(corpus.path(), Some("tester"));
    let now = offered(&h);
    assert_eq!(now.len(), before.len() - 1);
    assert!(now.iter().all(|o| o.claim.content != rejected.claim.content));
    for _ in 0..=now.len() {
        press(&mut h, Key::Tab);
        assert_ne!(selected(&h).map(|o| o.claim.content), Some(rejected.claim.content.clone()), "Tab never reaches it");
    }
}

#[test]
fn the_view_menu_hides_suggestions_for_every_corpus_opened_after() {
    let corpus = seed_corpus(false);
    let mut h = app(corpus.path(), Some("tester"));
    assert!(h.query_all_by_label_contains("Suggested 0.").next().is_some(), "suggestions are listed with the claims");
    h.get_by_label("View").click();
    h.run_steps(2);
    h.get_by_label("Suggestions").click();
    h.run_steps(2);
    assert!(!h.state().workspace().is_some_and(|w| w.suggestions_shown));
    assert!(h.query_all_by_label_contains("Suggested 0.").next().is_none(), "hidden from the claim list");
    press(&mut h, Key::Tab);
    assert!(selected(&h).is_none(), "Tab reaches no hidden suggestion");
    press(&mut h, Key::Enter);
    assert!(open_claims(&h).is_empty());

    h.state_mut().apply(AppIntent::OpenCorpus(corpus.path().to_path_buf()));
    settle(&mut h);
    assert!(!h.state().workspace().is_some_and(|w| w.suggestions_shown), "the choice is remembered");
    h.state_mut().apply(AppIntent::ToggleSuggestions);
    settle(&mut h);
    assert!(!offered(&h).is_empty(), "shown again, the suggester runs");
    press(&mut h, Key::Tab);
    assert!(selected(&h).is_some());
}

/// A suggested file with one claim by a tool: an actor the registry lacks, a field
/// and its own note.
fn write_suggested_file(corpus: &Path) -> Span {
    let text = TextIndex::new(std::fs::read_to_string(corpus.join(format!("{DOC0}.txt"))).expect("text"));
    let find = |needle: &str| {
        let (s, e) = char_range_of(text.as_str(), needle);
        Span::from_text(&text, s, e).expect("span")
    };
    let bytes = std::fs::read(corpus.join(format!("{DOC0}.txt"))).expect("text");
    let sha = claimcoder::model::document::sha256_hex(&bytes);
    let mut file = AnnotationFile::new(&format!("{DOC0}.txt"), "suggested", &sha);
    let content = find("We have a very important relationship with the Chinese");
    let mut claim = Claim::new(1, "commitment", content.clone());
    claim.source = Some("model-speaker".into());
    claim.source_mention = Some(find("Lew told Bloomberg TV"));
    claim.cue = Some(find("told"));
    claim.note = "a statistical model; confidence 0.42".into();
    claim.fields.insert("issue".into(), "cyber".into());
    file.actors.insert("model-speaker".into(), "Model Speaker".into());
    file.claims.push(claim);
    file.next_id = 2;
    std::fs::write(corpus.join(format!("{DOC0}.suggested.ron")), claimcoder::store::to_ron(&file)).expect("write");
    content
}

#[test]
fn a_suggested_file_replaces_the_built_in_suggester_and_accepting_adds_its_actor() {
    let corpus = seed_corpus(false);
    let content = write_suggested_file(corpus.path());
    let mut h = app(corpus.path(), Some("tester"));
    let offers = offered(&h);
    assert_eq!(offers.len(), 1, "only the file's suggestion");
    assert_eq!(offers[0].confidence, Some(0.42));
    assert_eq!(offers[0].reason, "a statistical model");
    assert!(h.query_by_label_contains("Suggested 0.42 · Commitment · Model Speaker").is_some());

    press(&mut h, Key::Tab);
    press(&mut h, Key::Enter);
    save(&mut h);
    let file = read_annotations(corpus.path(), DOC0, "tester");
    assert_eq!(file.claims.len(), 1);
    let c = &file.claims[0];
    assert_eq!((c.kind.as_str(), &c.content), ("commitment", &content));
    assert_eq!(c.source.as_deref(), Some("model-speaker"));
    assert_eq!(c.cue.as_ref().map(|s| s.quote.as_str()), Some("told"));
    assert_eq!(c.source_mention.as_ref().map(|s| s.quote.as_str()), Some("Lew told Bloomberg TV"));
    assert_eq!(c.fields.get("issue").map(String::as_str), Some("cyber"));
    assert_eq!(c.note, "a statistical model; confidence 0.42");
    assert_eq!(file.actors.get("model-speaker").map(String::as_str), Some("Model Speaker"));
    let project = claimcoder::store::project_io::load_project(&corpus.path().join("claimcoder.ron")).unwrap();
    assert_eq!(project.actors.get("model-speaker").map(|a| a.name.as_str()), Some("Model Speaker"), "registered");
    assert!(corpus.path().join(format!("{DOC0}.suggested.ron")).exists(), "the suggested file is never touched");
}

#[test]
fn an_unreadable_suggested_file_offers_nothing_and_names_the_file() {
    for (what, bytes) in [
        ("unknown key", b"(format: 1, claimz: [])".to_vec()),
        ("not utf-8", b"(format: 1, \xff)".to_vec()),
        ("truncated", b"(format: 1, document: \"0".to_vec()),
    ] {
        let corpus = seed_corpus(false);
        let path = corpus.path().join(format!("{DOC0}.suggested.ron"));
        std::fs::write(&path, &bytes).unwrap();
        let mut h = app(corpus.path(), Some("tester"));
        assert!(offered(&h).is_empty(), "{what}: nothing offered");
        let shown = format!("no suggestions: {}:", path.display());
        assert!(h.query_by_label_contains(&shown).is_some(), "{what}: the status bar names the file");
        press(&mut h, Key::Tab);
        assert!(selected(&h).is_none(), "{what}");
        press(&mut h, Key::Enter);
        press(&mut h, Key::Backspace);
        assert!(open_claims(&h).is_empty(), "{what}");
        assert_eq!(std::fs::read(&path).unwrap(), bytes, "{what}: the file is left as it was");
    }
}

#[test]
fn a_suggested_file_written_while_the_document_is_open_takes_over_at_once() {
    let corpus = seed_corpus(false);
    let mut h = app(corpus.path(), Some("tester"));
    assert!(offered(&h).len() > 1, "the built-in suggester's claims");
    write_suggested_file(corpus.path());
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while offered(&h).len() != 1 && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(50));
        h.run_steps(1);
    }
    assert_eq!(offered(&h).len(), 1, "the file's one suggestion replaced the built-in ones");
    std::fs::remove_file(corpus.path().join(format!("{DOC0}.suggested.ron"))).unwrap();
    while offered(&h).len() == 1 && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(50));
        h.run_steps(1);
    }
    settle(&mut h);
    assert!(offered(&h).len() > 1, "deleted, the built-in suggester takes over again");
}

#[test]
fn a_read_only_coder_file_is_never_written_by_accepting_or_rejecting() {
    let corpus = seed_corpus(false);
    let mine = corpus.path().join(format!("{DOC0}.tester.ron"));
    let broken = b"(format: 1, claimz: [])".to_vec();
    std::fs::write(&mine, &broken).unwrap();
    let mut h = app(corpus.path(), Some("tester"));
    press(&mut h, Key::Tab);
    assert!(selected(&h).is_some(), "suggestions are offered on a read-only document");
    press(&mut h, Key::Enter);
    press(&mut h, Key::Backspace);
    save(&mut h);
    assert!(open_claims(&h).is_empty());
    let notice = h.state().workspace().and_then(|w| w.notice.clone()).unwrap_or_default();
    assert!(notice.starts_with("This document is read-only for you"), "{notice}");
    assert_eq!(std::fs::read(&mine).unwrap(), broken, "the broken file is left as it was");
}

#[test]
fn the_claim_list_lays_out_only_rows_in_view_and_the_selected_suggestion_is_shown_at_the_top() {
    let corpus = seed_corpus(false);
    let mut h = app(corpus.path(), Some("tester"));
    h.state_mut().apply(claimcoder::ui::CodingIntent::OpenDocument(2));
    settle(&mut h);
    let live = offered(&h).len();
    assert!(live > 15, "document 2 has many suggestions ({live})");
    let rows = |h: &Harness<'static, App>| h.query_all_by_label_contains("Suggested ").count();
    assert!(rows(&h) < live, "only the rows in view are laid out ({} of {live})", rows(&h));
    assert!(h.query_by_label("Suggested claim").is_none(), "no card before a suggestion is selected");
    // Down at the end of the list, Shift+Tab goes to the last suggestion and the
    // inspector's one scroll brings its card into view.
    for _ in 0..30 {
        h.get_all_by_label_contains("Suggested ").last().expect("a row in view").scroll_down();
        h.run_steps(1);
    }
    assert!(h.query_by_label("Claims").is_none_or(|n| n.rect().bottom() < 0.0), "scrolled down the list");
    h.key_press_modifiers(Modifiers::SHIFT, Key::Tab);
    h.run_steps(4);
    let last = offered(&h).last().map(|o| o.claim.content.clone());
    assert_eq!(selected(&h).map(|o| o.claim.content), last);
    let card = h.get_by_label("Suggested claim").rect();
    let accept = h.get_by_label_contains("Accept (").rect();
    assert!(card.top() >= 0.0 && accept.bottom() <= 820.0, "the card is in view: {card:?}, {accept:?}");
}
