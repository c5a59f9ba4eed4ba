//! The real app driven like a user: select text, press keys, click, and check the
//! state and the files written.

use crate::common::*;
use claimcoder::ui::{AppIntent, CodingIntent};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

const DOC3: &str = "003_3ea6fb826d1b81b4";

fn open_doc(harness: &mut egui_kittest::Harness<'static, claimcoder::ui::App>, index: usize) {
    harness.state_mut().apply(CodingIntent::OpenDocument(index));
    harness.run_steps(2);
}

#[test]
fn a_selected_passage_after_curly_quotes_becomes_a_claim_on_disk() {
    let corpus = seed_corpus(false);
    let mut h = app(corpus.path(), Some("tester"));
    open_doc(&mut h, 3);
    let text = open_text(&h);
    let curly = text.find('”').expect("doc 3 has curly quotes");
    assert!(text[..curly].chars().any(|c| c == '“'));
    let (start, _) = char_range_of(&text[curly..], "”");
    let start = text[..curly].chars().count() + start + 2;
    let end = start + 40;
    select(&mut h, start, end);
    h.key_press(Key::A);
    h.run_steps(2);
    let claims = open_claims(&h);
    assert_eq!(claims.len(), 1);
    assert_eq!(claims[0].kind, "assertion");
    assert_eq!((claims[0].content.start, claims[0].content.end), (start, end));
    assert_eq!(claims[0].content.quote, chars(&text, start, end));

    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(2);
    let file = read_annotations(corpus.path(), DOC3, "tester");
    assert_eq!(file.annotator, "tester");
    assert_eq!(file.document, format!("{DOC3}.txt"));
    assert_eq!(file.claims.len(), 1);
    let c = &file.claims[0];
    assert_eq!(c.content.quote, chars(&text, c.content.start, c.content.end), "quote equals the text at char offsets");
    let bytes = std::fs::read(corpus.path().join(format!("{DOC3}.txt"))).unwrap();
    assert_eq!(file.text_sha256, claimcoder::model::document::sha256_hex(&bytes));
}

#[test]
fn autosave_writes_within_a_second_without_any_command() {
    let corpus = seed_corpus(false);
    let mut h = app(corpus.path(), Some("tester"));
    let text = open_text(&h);
    let (s, e) = char_range_of(&text, "Treasury Secretary Jacob J. Lew plans to pressure Chinese leaders");
    select(&mut h, s, e);
    h.key_press(Key::C);
    h.run_steps(1);
    let path = corpus.path().join("000_f61589d60f9b959b.tester.ron");
    assert!(!path.exists(), "not written before the autosave delay");
    std::thread::sleep(std::time::Duration::from_millis(700));
    h.run_steps(1);
    assert!(path.exists(), "written by autosave");
    let file = read_annotations(corpus.path(), "000_f61589d60f9b959b", "tester");
    assert_eq!(file.claims[0].kind, "commitment");
}

#[test]
fn source_is_set_by_typing_and_an_unknown_name_creates_the_actor() {
    let corpus = seed_corpus(true);
    let mut h = app(corpus.path(), Some("tester"));
    let text = open_text(&h);
    let (s, e) = char_range_of(&text, "We have a very important relationship with the Chinese,");
    select(&mut h, s, e);
    h.key_press(Key::A);
    h.run_steps(2);

    h.get_by_label("Source").focus();
    h.run_steps(1);
    h.get_by_label("Source").type_text("Jacob J");
    h.run_steps(1);
    h.key_press(Key::Enter);
    h.run_steps(2);
    assert_eq!(open_claims(&h)[0].source.as_deref(), Some("jacob-j-lew"));

    h.get_by_label("Source").focus();
    h.run_steps(1);
    h.get_by_label("Source").type_text("Bloomberg TV");
    h.run_steps(1);
    h.key_press(Key::Enter);
    h.run_steps(2);
    assert_eq!(open_claims(&h)[0].source.as_deref(), Some("bloomberg-tv"));
    let project = claimcoder::store::project_io::load_project(&corpus.path().join("claimcoder.ron")).unwrap();
    assert_eq!(project.actors.get("bloomberg-tv").map(|a| a.name.as_str()), Some("Bloomberg TV"));
}

#[test]
fn undo_and_redo_every_change() {
    let corpus = seed_corpus(false);
    let mut h = app(corpus.path(), Some("tester"));
    let text = open_text(&h);
    let (s, e) = char_range_of(&text, "The meetings come amid heightened concern");
    select(&mut h, s, e);
    h.key_press(Key::A);
    h.run_steps(2);
    h.key_press(Key::D);
    h.run_steps(2);
    assert_eq!(open_claims(&h)[0].kind, "denial", "a kind key with no selection re-kinds the selected claim");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(1);
    assert_eq!(open_claims(&h)[0].kind, "assertion");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(1);
    assert!(open_claims(&h).is_empty());
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run_steps(1);
    assert_eq!(open_claims(&h).len(), 1);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run_steps(1);
    assert_eq!(open_claims(&h)[0].kind, "denial");
}

#[test]
fn switching_documents_saves_and_reopening_finds_the_claims() {
    let corpus = seed_corpus(false);
    let mut h = app(corpus.path(), Some("tester"));
    let text = open_text(&h);
    let (s, e) = char_range_of(&text, "The meetings come amid heightened concern in the U.S. about cyber attacks.");
    select(&mut h, s, e);
    h.key_press(Key::A);
    h.run_steps(2);
    h.state_mut().apply(AppIntent::Escape);
    h.run_steps(1);
    h.key_press(Key::N);
    h.run_steps(2);
    assert_eq!(h.state().workspace().and_then(|w| w.current_index()), Some(1));
    assert_eq!(read_annotations(corpus.path(), "000_f61589d60f9b959b", "tester").claims.len(), 1);
    drop(h);

    let mut again = app(corpus.path(), Some("tester"));
    again.run_steps(1);
    let claims = open_claims(&again);
    assert_eq!(claims.len(), 1);
    assert_eq!(claims[0].content.quote, "The meetings come amid heightened concern in the U.S. about cyber attacks.");
    let row = again.state().workspace().and_then(|w| w.listing.rows[0].clone()).expect("row read");
    assert_eq!(row.claims, 1);
}

#[test]
fn source_mention_and_cue_are_marked_with_s_and_q() {
    let corpus = seed_corpus(false);
    let mut h = app(corpus.path(), Some("tester"));
    let text = open_text(&h);
    let sentence = "\"It’s important that we engage immediately on a broad range of issues because it’s important to each of us to have that conversation,\" Lew said.";
    let (s, _) = char_range_of(&text, sentence);
    let quote_len = sentence.find(" Lew said").map(|b| sentence[..b].chars().count()).unwrap();
    select(&mut h, s, s + quote_len);
    h.key_press(Key::A);
    h.run_steps(2);
    let lew = s + quote_len + 1;
    select(&mut h, lew, lew + 3);
    h.key_press(Key::S);
    h.run_steps(2);
    select(&mut h, lew + 4, lew + 8);
    h.key_press(Key::Q);
    h.run_steps(2);
    let c = &open_claims(&h)[0];
    assert_eq!(c.source_mention.as_ref().map(|m| m.quote.as_str()), Some("Lew"));
    assert_eq!(c.cue.as_ref().map(|m| m.quote.as_str()), Some("said"));
}

#[test]
fn j_and_k_walk_the_claims_and_delete_removes_one() {
    let corpus = seed_corpus(true);
    let mut h = app(corpus.path(), Some("analyst-a"));
    let claims = open_claims(&h);
    assert!(claims.len() >= 5);
    h.key_press(Key::J);
    h.run_steps(1);
    h.key_press(Key::J);
    h.run_steps(1);
    let selected = h.state().workspace().and_then(|w| w.open.as_ref()).and_then(|o| o.selected);
    assert_eq!(selected, Some(claims[1].id));
    h.key_press(Key::K);
    h.run_steps(1);
    let selected = h.state().workspace().and_then(|w| w.open.as_ref()).and_then(|o| o.selected);
    assert_eq!(selected, Some(claims[0].id));
    h.key_press(Key::Delete);
    h.run_steps(1);
    assert_eq!(open_claims(&h).len(), claims.len() - 1);
}

#[test]
fn find_selects_a_hit_that_can_be_coded() {
    let corpus = seed_corpus(false);
    let mut h = app(corpus.path(), Some("tester"));
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run_steps(2);
    h.get_by_label("Find:").type_text("DENIAL-OF-SERVICE");
    h.run_steps(1);
    h.key_press(Key::Enter);
    h.run_steps(2);
    let selection = h.state().workspace().and_then(|w| w.open.as_ref()).and_then(|o| o.selection);
    let text = open_text(&h);
    let (s, e) = selection.expect("the hit is selected");
    assert_eq!(chars(&text, s, e), "denial-of-service");
    h.key_press(Key::Escape);
    h.run_steps(2);
    assert!(!h.state().is_finding(), "Escape closes the find bar");
    h.key_press(Key::D);
    h.run_steps(2);
    let claims = open_claims(&h);
    assert_eq!(claims.len(), 1, "the found passage is coded from the keyboard");
    assert_eq!((claims[0].content.start, claims[0].content.end, claims[0].kind.as_str()), (s, e, "denial"));
}

#[test]
fn mark_done_shows_in_the_list_and_the_file() {
    let corpus = seed_corpus(false);
    let mut h = app(corpus.path(), Some("tester"));
    h.get_by_label("Mark document done").click();
    h.run_steps(2);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(1);
    let file = read_annotations(corpus.path(), "000_f61589d60f9b959b", "tester");
    assert_eq!(file.status, claimcoder::model::Status::Done);
    assert_eq!(h.state().workspace().map(|w| w.listing.done()), Some((1, 5)));
}

/// Issue 12: the inspector codes the seed codebook's fields from the keyboard: F goes
/// to the addressee (typed like the source, an unknown name creates the actor), F
/// again to the position and a digit picks it, the same digit clears it; every change
/// is undone one by one and the file written holds the values (and the new actor's
/// name).
#[test]
fn claim_fields_are_coded_from_the_keyboard_undone_and_written() {
    let corpus = seed_corpus(true);
    let mut h = app(corpus.path(), Some("tester"));
    let text = open_text(&h);
    let (s, e) = char_range_of(&text, "Treasury Secretary Jacob J. Lew plans to pressure Chinese leaders");
    select(&mut h, s, e);
    h.key_press(Key::C);
    h.run_steps(2);

    h.key_press(Key::F);
    h.run_steps(2);
    h.get_by_label("Addressee").type_text("Chinese lead");
    h.run_steps(1);
    h.key_press(Key::Enter);
    h.run_steps(2);
    let fields = |h: &egui_kittest::Harness<'static, claimcoder::ui::App>| open_claims(h)[0].fields.clone();
    assert_eq!(fields(&h).get("addressee").map(String::as_str), Some("chinese-leaders"), "an alias of the registry");

    h.get_by_label("Addressee").focus();
    h.run_steps(1);
    h.get_by_label("Addressee").type_text("Ministry of Commerce");
    h.run_steps(1);
    h.key_press(Key::Enter);
    h.run_steps(2);
    assert_eq!(fields(&h).get("addressee").map(String::as_str), Some("ministry-of-commerce"), "a new actor");

    // Enter left the line, so plain keys act again.
    h.key_press(Key::F);
    h.run_steps(1);
    h.key_press(Key::Num1);
    h.run_steps(2);
    assert_eq!(fields(&h).get("position").map(String::as_str), Some("-1"), "1 picks 'against'");
    h.key_press(Key::Num3);
    h.run_steps(2);
    assert_eq!(fields(&h).get("position").map(String::as_str), Some("1"), "3 picks 'for'");
    h.key_press(Key::Num3);
    h.run_steps(2);
    assert_eq!(fields(&h).get("position"), None, "the same digit clears it");
    h.key_press(Key::Num3);
    h.run_steps(2);

    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(2);
    let file = read_annotations(corpus.path(), "000_f61589d60f9b959b", "tester");
    let written: Vec<(&str, &str)> = file.claims[0].fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    assert_eq!(written, [("addressee", "ministry-of-commerce"), ("position", "1")]);
    assert_eq!(file.actors.get("ministry-of-commerce").map(String::as_str), Some("Ministry of Commerce"));
    let project = claimcoder::store::project_io::load_project(&corpus.path().join("claimcoder.ron")).unwrap();
    assert!(project.actors.get("ministry-of-commerce").is_some(), "the registry has the new actor");

    for expected in [None, Some("1"), Some("-1"), None] {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.run_steps(1);
        assert_eq!(fields(&h).get("position").map(String::as_str), expected);
    }
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(1);
    assert_eq!(fields(&h).get("addressee").map(String::as_str), Some("chinese-leaders"));
}

/// Clicking a choice sets it and a Text field is typed as a line; a value the
/// codebook does not allow, read from a file, is shown and kept.
#[test]
fn choices_are_clicked_and_a_disallowed_value_is_shown_and_kept() {
    let corpus = seed_corpus(true);
    let ron = corpus.path().join("000_f61589d60f9b959b.analyst-a.ron");
    let content = std::fs::read_to_string(&ron).unwrap();
    let first = content.lines().find(|l| l.trim_start().starts_with("fields: ")).unwrap();
    let broken = content.replacen(first, "            fields: {\"issue\": \"weather\", \"position\": \"-1\"},", 1);
    std::fs::write(&ron, &broken).unwrap();
    let mut h = app(corpus.path(), Some("analyst-a"));
    h.state_mut().apply(CodingIntent::NextClaim);
    h.run_steps(2);
    let claim = open_claims(&h).into_iter().find(|c| c.fields.get("issue").map(String::as_str) == Some("weather"));
    let claim = claim.expect("the edited claim");
    h.state_mut().apply(CodingIntent::SelectClaim(Some(claim.id)));
    h.run_steps(2);
    assert!(h.query_by_label_contains("Issue has `weather`, which is not one of its values").is_some());
    h.get_by_label("2 neutral").click();
    h.run_steps(2);
    let now = open_claims(&h).into_iter().find(|c| c.id == claim.id).unwrap();
    assert_eq!(now.fields.get("position").map(String::as_str), Some("0"));
    assert_eq!(now.fields.get("issue").map(String::as_str), Some("weather"), "kept until changed");
}

/// Presses and releases the primary button at `at`, in two frames, as a hand does.
fn click_at(h: &mut egui_kittest::Harness<'static, claimcoder::ui::App>, at: egui::Pos2) {
    h.event(egui::Event::PointerMoved(at));
    for pressed in [true, false] {
        let button = egui::PointerButton::Primary;
        h.event(egui::Event::PointerButton { pos: at, button, pressed, modifiers: Modifiers::NONE });
        h.run_steps(1);
    }
}

/// Issue 9: a drag codes whole words, and a double click on a word beside the
/// selected claim selects the word without losing the claim, so S marks it as the
/// claim's source mention.
#[test]
fn a_drag_codes_whole_words_and_a_double_click_keeps_the_claim_for_s() {
    let corpus = seed_corpus(false);
    let mut h = app_stepping(corpus.path(), Some("tester"), 1.0 / 60.0);
    let text = open_text(&h);
    let rect = h.get_by_role_and_label(egui::accesskit::Role::Document, "Document text").rect();
    let line = rect.top() + 14.0;
    let (from, to) = (egui::pos2(rect.left() + 40.0, line), egui::pos2(rect.left() + 120.0, line));
    h.drag_at(from);
    h.run_steps(1);
    h.hover_at(to);
    h.run_steps(1);
    h.drop_at(to);
    h.run_steps(2);
    h.key_press(Key::A);
    h.run_steps(2);
    let claims = open_claims(&h);
    assert_eq!(claims.len(), 1, "A codes the dragged passage");
    let (s, e) = (claims[0].content.start, claims[0].content.end);
    let all: Vec<char> = text.chars().collect();
    let word = |c: Option<&char>| c.is_some_and(|c| c.is_alphanumeric());
    assert!(word(all.get(s)) && !word(s.checked_sub(1).and_then(|i| all.get(i))), "starts at a word: {s}");
    assert!(word(all.get(e - 1)) && !word(all.get(e)), "ends at a word's end: {:?}", claims[0].content.quote);

    let beside = egui::pos2(rect.left() + 220.0, line);
    click_at(&mut h, beside);
    click_at(&mut h, beside);
    let open = h.state().workspace().and_then(|w| w.open.as_ref()).expect("open");
    assert_eq!(open.selected, Some(claims[0].id), "the double click keeps the claim selected");
    let (ws, we) = open.selection.expect("the double click selects a word");
    let picked = chars(&text, ws, we);
    assert!(ws >= e && picked.chars().all(char::is_alphanumeric), "a word after the claim: {picked:?}");
    h.key_press(Key::S);
    h.run_steps(2);
    let mention = open_claims(&h)[0].source_mention.clone().expect("S marks the word");
    assert_eq!((mention.start, mention.end), (ws, we));
}

/// Issue 9: at 800×600 the document list folds away so the text keeps a readable
/// column (45 characters or more a line); Ctrl+B brings it back.
#[test]
fn a_small_window_folds_the_document_list_and_ctrl_b_brings_it_back() {
    let corpus = seed_corpus(false);
    let mut h = app(corpus.path(), Some("tester"));
    h.set_size(egui::vec2(800.0, 600.0));
    h.run_steps(3);
    assert!(h.query_by_label("Documents").is_none(), "the document list is folded away");
    assert!(h.query_by_label("Claims").is_some(), "the inspector's claim list stays");
    let text = h.get_by_role_and_label(egui::accesskit::Role::Document, "Document text").rect();
    assert!(text.width() >= 440.0, "a readable text column: {} px", text.width());
    h.key_press_modifiers(Modifiers::COMMAND, Key::B);
    h.run_steps(3);
    assert!(h.query_by_label("Documents").is_some(), "Ctrl+B shows the list");
}

/// Issue 9: at 800×600 the inspector scrolls as one, the claim and the claim list
/// below it: the note and Delete of a selected claim are reached by scrolling and
/// work, and selecting another claim brings the claim's inspector back into view.
#[test]
fn at_800_by_600_the_inspector_scrolls_as_one_to_the_note_and_delete() {
    let corpus = seed_corpus(true);
    let mut h = app(corpus.path(), Some("analyst-a"));
    h.set_size(egui::vec2(800.0, 600.0));
    h.run_steps(3);
    let claims = open_claims(&h);
    assert!(claims.len() >= 5, "a list longer than the window");
    h.key_press(Key::J);
    h.run_steps(2);
    let window = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(800.0, 600.0));
    let note = h.get_by_label("Note");
    note.scroll_to_me();
    h.run_steps(3);
    let note = h.get_by_label("Note");
    assert!(window.contains_rect(note.rect()), "the note is on screen: {:?}", note.rect());
    note.focus();
    h.run_steps(1);
    h.get_by_label("Note").type_text("check the date");
    h.run_steps(2);
    let delete = h.get_by_label_contains("Delete claim");
    delete.scroll_to_me();
    h.run_steps(3);
    let delete = h.get_by_label_contains("Delete claim");
    assert!(window.contains_rect(delete.rect()), "Delete is on screen: {:?}", delete.rect());
    // One scroll: Delete and the claim list's heading move together.
    let (delete_top, list_top) = (delete.rect().top(), h.get_by_label("Claims").rect().top());
    delete.scroll_down();
    h.run_steps(3);
    let moved = delete_top - h.get_by_label_contains("Delete claim").rect().top();
    assert!(moved > 10.0, "the inspector scrolled ({moved} px)");
    assert!((list_top - h.get_by_label("Claims").rect().top() - moved).abs() < 1.0, "the list moved with it");
    h.get_by_label_contains("Delete claim").scroll_to_me();
    h.run_steps(3);
    h.get_by_label_contains("Delete claim").click();
    h.run_steps(2);
    let after = open_claims(&h);
    assert_eq!(after.len() + 1, claims.len(), "Delete removed the claim");
    assert!(after.iter().all(|c| c.id != claims[0].id));
    // The note was typed into the claim that was then deleted: undo brings both back.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    let back = open_claims(&h);
    let restored = back.iter().find(|c| c.id == claims[0].id).expect("undo restores the claim");
    assert_eq!(restored.note, "check the date");
    // Scrolled down to the list, K selects the last claim and shows its inspector.
    h.get_by_label("Claims").scroll_to_me();
    h.run_steps(3);
    h.key_press(Key::K);
    h.run_steps(3);
    let last = back.last().expect("claims").id;
    let label = format!("Claim {last}");
    let heading = h.get_by_label(&label);
    assert!(window.contains_rect(heading.rect()), "the claim's inspector is in view: {:?}", heading.rect());
}

/// Issue 9: the View menu chooses the light or dark theme, and the text is drawn
/// anew in it.
#[test]
fn the_view_menu_chooses_the_theme() {
    let corpus = seed_corpus(false);
    let mut h = app(corpus.path(), Some("tester"));
    for (item, dark) in [("Light theme", false), ("Dark theme", true)] {
        let layouts = h.state().text_layouts();
        h.get_by_label("View").click();
        h.run_steps(2);
        h.get_by_label(item).click();
        h.run_steps(3);
        assert_eq!(h.ctx.global_style().visuals.dark_mode, dark, "{item}");
        // The glyph atlas is rebuilt for the new theme: the text must be laid out
        // again, or it draws with the old atlas's glyphs (garbled).
        assert!(h.state().text_layouts() > layouts, "{item}: the text is laid out again");
    }
}

#[test]
fn the_document_list_shows_headline_date_and_outlet_and_sorts_and_filters_by_them() {
    let corpus = seed_corpus(false);
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut csv = std::fs::read_to_string(seeds.join("documents.csv")).unwrap();
    csv.push_str("004_x.txt,Not in the corpus,,,,\n");
    std::fs::write(corpus.path().join("documents.csv"), csv).unwrap();
    let mut h = app(corpus.path(), Some("tester"));
    settle(&mut h);
    let headline = "Treasury Secretary Lew to press Chinese leaders on cyber attacks";
    assert_eq!(
        h.query_all_by_label(headline).count(),
        2,
        "the headline, not the page's first line, names the row and heads the text"
    );
    assert!(h.query_by_label("YOU ARE HERE: LAT HomeCollections").is_none(), "the boilerplate line is gone");
    assert!(
        h.query_by_label("18 March 2013 · Los Angeles Times · Jim Puzzanghera").is_some(),
        "date, outlet and author above the text"
    );

    h.get_by_label("Sort by").click();
    h.run_steps(2);
    h.get_by_label("Outlet").click();
    h.run_steps(2);
    let ws = h.state().workspace().unwrap();
    let outlets: Vec<String> =
        ws.visible_indices().iter().map(|&i| ws.meta(i).and_then(|m| m.outlet()).unwrap_or("").to_owned()).collect();
    let mut with_outlet: Vec<String> = outlets.iter().filter(|o| !o.is_empty()).cloned().collect();
    let sorted = {
        let mut s = with_outlet.clone();
        s.sort_by_key(|o| o.to_lowercase());
        s
    };
    assert_eq!(with_outlet, sorted, "by outlet: {outlets:?}");
    with_outlet.dedup();
    assert!(with_outlet.len() >= 2, "the seeds have several outlets: {outlets:?}");
    let first_empty = outlets.iter().position(String::is_empty).unwrap_or(outlets.len());
    assert!(outlets[first_empty..].iter().all(String::is_empty), "documents without an outlet last: {outlets:?}");

    let filter_box =
        |n: &egui_kittest::kittest::AccessKitNode<'_>| n.placeholder() == Some("Filter by title, text, outlet, date…");
    h.get_by(filter_box).click();
    h.run_steps(1);
    h.get_by(filter_box).type_text("2014-07-02");
    h.run_steps(2);
    let ws = h.state().workspace().unwrap();
    let visible: Vec<&str> = ws.visible_indices().iter().map(|&i| ws.corpus.documents[i].id.as_str()).collect();
    assert_eq!(visible, [format!("{DOC3}.txt")], "the date is only in documents.csv, not in any text");
}
