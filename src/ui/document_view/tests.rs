//! The view alone in a kittest harness, driven by raw pointer and key events.

use std::path::Path;

use egui::{Color32, Event, Id, Key, Modifiers, PointerButton, Pos2, Rect, pos2, vec2};
use egui_kittest::Harness;

use super::*;

/// The view and what it reported.
struct Fixture {
    view: DocumentView,
    claims: Vec<ClaimMark>,
    selected: Option<ClaimId>,
    clicked: Option<usize>,
    restored: Option<Option<ClaimId>>,
}

/// A real font for Arabic and Hebrew when the system has one (Debian's DejaVu Sans),
/// so right-to-left text is shaped as in the app; otherwise boxes stand in.
fn add_system_font(ctx: &egui::Context) {
    let path = Path::new("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    if let Ok(bytes) = std::fs::read(path) {
        ctx.add_font(egui::epaint::text::FontInsert::new(
            "dejavu",
            egui::FontData::from_owned(bytes),
            vec![egui::epaint::text::InsertFontFamily {
                family: egui::FontFamily::Proportional,
                priority: egui::epaint::text::FontPriority::Lowest,
            }],
        ));
    } else {
        eprintln!("note: {} is missing; right-to-left glyphs are drawn as boxes", path.display());
    }
}

fn harness(text: &str) -> Harness<'static, Fixture> {
    let fixture = Fixture {
        view: DocumentView::new(Id::unique("test-view"), TextIndex::new(text.to_owned())),
        claims: Vec::new(),
        selected: None,
        clicked: None,
        restored: None,
    };
    let mut h = Harness::builder()
        .with_size(vec2(800.0, 600.0))
        .with_step_dt(1.0 / 60.0)
        .with_context_setup(add_system_font)
        .allow_missing_glyphs()
        .build_ui_state(
            |ui, f: &mut Fixture| {
                let marks = Marks { claims: &f.claims, selected: f.selected, ..Default::default() };
                let out = f.view.show(ui, &marks);
                if out.clicked.is_some() {
                    f.clicked = out.clicked;
                }
                if let Some(restore) = out.restore_claim {
                    f.restored = Some(restore);
                }
            },
            fixture,
        );
    h.run_steps(2);
    h
}

/// The screen rect of the chars `range` (its first line segment).
fn rect_of(h: &Harness<'_, Fixture>, range: Range<usize>) -> Rect {
    let rects = h.state().view.screen_rects(range.clone());
    assert!(!rects.is_empty(), "{range:?} is not on screen");
    rects.into_iter().reduce(|a, b| a.union(b)).unwrap_or(Rect::NOTHING)
}

/// Char offsets of `needle` in `text`.
fn find(text: &str, needle: &str) -> Range<usize> {
    let byte = text.find(needle).expect("needle in text");
    let start = text[..byte].chars().count();
    start..start + needle.chars().count()
}

/// Presses at `from`, moves to `to` over several frames as a hand does, releases.
fn drag(h: &mut Harness<'_, Fixture>, from: Pos2, to: Pos2, modifiers: Modifiers) {
    h.event(Event::ModifiersChanged(modifiers));
    h.event(Event::PointerMoved(from));
    h.run_steps(1);
    h.event(Event::PointerButton { pos: from, button: PointerButton::Primary, pressed: true, modifiers });
    h.run_steps(1);
    for k in 1..=5 {
        let p = from + (to - from) * (k as f32 / 5.0);
        h.event(Event::PointerMoved(p));
        h.run_steps(1);
    }
    h.event(Event::PointerButton { pos: to, button: PointerButton::Primary, pressed: false, modifiers });
    h.run_steps(2);
    h.event(Event::ModifiersChanged(Modifiers::NONE));
}

fn click(h: &mut Harness<'_, Fixture>, at: Pos2, modifiers: Modifiers) {
    h.event(Event::ModifiersChanged(modifiers));
    h.event(Event::PointerMoved(at));
    h.event(Event::PointerButton { pos: at, button: PointerButton::Primary, pressed: true, modifiers });
    h.run_steps(1);
    h.event(Event::PointerButton { pos: at, button: PointerButton::Primary, pressed: false, modifiers });
    h.run_steps(1);
    h.event(Event::ModifiersChanged(Modifiers::NONE));
}

fn selected_text(h: &Harness<'_, Fixture>) -> Option<String> {
    let view = &h.state().view;
    view.selection().map(|(s, e)| view.text().slice(s, e).to_owned())
}

/// A point inside the char range, a fraction of the way from its left edge.
fn inside(r: Rect, fraction: f32) -> Pos2 {
    pos2(r.left() + r.width() * fraction, r.center().y)
}

const ENGLISH: &str = "WASHINGTON -- Treasury Secretary Jacob J. Lew told reporters the attacks were serious. \
                       China has denied it. \"We have a very important relationship,\" Lew said.";

#[test]
fn a_drag_selects_the_whole_words_it_touches() {
    let mut h = harness(ENGLISH);
    let told = rect_of(&h, find(ENGLISH, "told"));
    let attacks = rect_of(&h, find(ENGLISH, "attacks"));
    drag(&mut h, inside(told, 0.6), inside(attacks, 0.3), Modifiers::NONE);
    assert_eq!(selected_text(&h).as_deref(), Some("told reporters the attacks"));
    // Backwards from the middle of a word past a period: no stray punctuation.
    let china = rect_of(&h, find(ENGLISH, "China"));
    let serious = rect_of(&h, find(ENGLISH, "serious"));
    drag(&mut h, inside(china, 0.5), inside(serious, 0.2), Modifiers::NONE);
    assert_eq!(selected_text(&h).as_deref(), Some("serious. China"));
}

#[test]
fn alt_gives_character_precision() {
    let mut h = harness(ENGLISH);
    let told = rect_of(&h, find(ENGLISH, "told"));
    drag(&mut h, pos2(told.left() + 1.0, told.center().y), inside(told, 0.55), Modifiers::ALT);
    assert_eq!(selected_text(&h).as_deref(), Some("to"));
}

#[test]
fn double_click_selects_a_word_and_keeps_the_selected_claim() {
    let mut h = harness(ENGLISH);
    let claim = find(ENGLISH, "China has denied it");
    h.state_mut().claims =
        vec![ClaimMark { id: 7, content: claim.clone(), mention: None, cue: None, color: Color32::RED }];
    h.state_mut().selected = Some(7);
    let told = rect_of(&h, find(ENGLISH, "told"));
    click(&mut h, inside(told, 0.5), Modifiers::NONE);
    click(&mut h, inside(told, 0.5), Modifiers::NONE);
    assert_eq!(selected_text(&h).as_deref(), Some("told"));
    assert_eq!(h.state().restored, Some(Some(7)), "the claim selected before the double click is kept");
    // A third click selects the sentence.
    click(&mut h, inside(told, 0.5), Modifiers::NONE);
    assert_eq!(
        selected_text(&h).as_deref(),
        Some("WASHINGTON -- Treasury Secretary Jacob J. Lew told reporters the attacks were serious.")
    );
}

#[test]
fn a_single_click_reports_its_position_and_clears_the_selection() {
    let mut h = harness(ENGLISH);
    h.state_mut().view.set_selection(Some((0, 10)));
    let lew = find(ENGLISH, "Lew");
    let at = inside(rect_of(&h, lew.clone()), 0.1);
    click(&mut h, at, Modifiers::NONE);
    assert_eq!(h.state().clicked, Some(lew.start));
    assert_eq!(selected_text(&h), None);
}

#[test]
fn shift_click_and_shift_arrows_extend_by_words() {
    let mut h = harness(ENGLISH);
    let told = rect_of(&h, find(ENGLISH, "told"));
    click(&mut h, inside(told, 0.5), Modifiers::NONE);
    click(&mut h, inside(told, 0.5), Modifiers::NONE);
    assert_eq!(selected_text(&h).as_deref(), Some("told"));
    let the = rect_of(&h, find(ENGLISH, "the attacks"));
    click(&mut h, inside(the, 0.1), Modifiers::SHIFT);
    assert_eq!(selected_text(&h).as_deref(), Some("told reporters the"));
    h.key_press_modifiers(Modifiers::SHIFT, Key::ArrowRight);
    h.run_steps(1);
    assert_eq!(selected_text(&h).as_deref(), Some("told reporters the attacks"));
    h.key_press_modifiers(Modifiers::SHIFT, Key::ArrowLeft);
    h.key_press_modifiers(Modifiers::SHIFT, Key::ArrowLeft);
    h.run_steps(1);
    assert_eq!(selected_text(&h).as_deref(), Some("told reporters"));
}

#[test]
fn page_keys_home_and_end_scroll_a_long_text() {
    let text = (0..400).map(|i| format!("Paragraph {i} says something worth reading.\n\n")).collect::<String>();
    let mut h = harness(&text);
    let focus = rect_of(&h, 0..9);
    click(&mut h, inside(focus, 0.5), Modifiers::NONE);
    assert_eq!(h.state().view.scroll_offset(), 0.0);
    h.key_press(Key::PageDown);
    h.run_steps(1);
    let one_page = h.state().view.scroll_offset();
    assert!(one_page > 400.0, "PageDown scrolls about a screen: {one_page}");
    h.key_press(Key::End);
    h.run_steps(2);
    let visible = h.state().view.visible_range();
    assert_eq!(visible.end, text.chars().count(), "End shows the end");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Home);
    h.run_steps(1);
    assert_eq!(h.state().view.scroll_offset(), 0.0);
    h.key_press_modifiers(Modifiers::COMMAND, Key::End);
    h.run_steps(2);
    assert_eq!(h.state().view.visible_range().end, text.chars().count(), "Ctrl+End too");
    h.key_press(Key::PageUp);
    h.run_steps(1);
    assert!(h.state().view.visible_range().end < text.chars().count());
}

#[test]
fn scroll_to_brings_a_far_claim_into_view() {
    let text = (0..300).map(|i| format!("Line {i} of a long report.\n")).collect::<String>();
    let mut h = harness(&text);
    let target = find(&text, "Line 250 ");
    h.state_mut().view.scroll_to(target.start);
    h.run_steps(2);
    let r = rect_of(&h, target);
    assert!(r.top() > 0.0 && r.bottom() < 600.0, "{r:?}");
}

/// Every drawn piece maps back to its own chars: a pointer anywhere over a piece
/// hits a boundary of that piece.
fn assert_hits_follow_drawing(h: &mut Harness<'_, Fixture>) {
    let pieces = h.state().view.drawn_pieces();
    assert!(!pieces.is_empty());
    let ctx = h.ctx.clone();
    for (rect, chars) in pieces {
        if rect.width() < 1.0 {
            continue;
        }
        for f in [0.1, 0.5, 0.9] {
            let p = pos2(rect.left() + rect.width() * f, rect.center().y);
            let (area, column_left) = h.state().view.drawn;
            let hit = h.state_mut().view.hit(p, area, column_left, &ctx).boundary;
            assert!(chars.start <= hit && hit <= chars.end, "{p:?} over {chars:?} hit {hit}");
        }
    }
}

#[test]
fn arabic_is_right_aligned_read_right_to_left_and_hit_where_drawn() {
    let text = "قال المتحدث باسم الوزارة إن الحكومة لن تنشر التقرير قبل نهاية الشهر المقبل، وأضاف أن اللجنة ستجتمع غدا لمناقشة الرد على الاتهامات التي وجهتها الصحيفة.";
    let mut h = harness(text);
    let first = rect_of(&h, find(text, "قال"));
    let second = rect_of(&h, find(text, "المتحدث"));
    let column_right = {
        let (_, left) = h.state().view.drawn;
        left + h.state().view.geometry.0
    };
    assert!((first.right() - column_right).abs() < 2.0, "the first word starts at the right edge");
    assert!(second.right() <= first.left() + 0.5, "the second word is drawn left of the first");
    assert_hits_follow_drawing(&mut h);
    // A drag over the last word of the first line, as drawn, codes that word.
    let words: Vec<crate::text::Token> = h.state().view.text().tokens().filter(|t| t.is_wordlike()).collect();
    let word = words
        .into_iter()
        .filter(|w| (rect_of(&h, w.start..w.end).top() - first.top()).abs() < 1.0)
        .min_by(|a, b| rect_of(&h, a.start..a.end).left().total_cmp(&rect_of(&h, b.start..b.end).left()))
        .expect("words on the first line");
    assert!(word.start > 30, "the leftmost word of the first line is its last");
    let drawn = rect_of(&h, word.start..word.end);
    drag(
        &mut h,
        pos2(drawn.right() - 1.0, drawn.center().y),
        pos2(drawn.left() + 1.0, drawn.center().y),
        Modifiers::NONE,
    );
    assert_eq!(selected_text(&h).as_deref(), Some(h.state().view.text().slice(word.start, word.end)));
}

#[test]
fn hebrew_reads_right_to_left() {
    let text = "הדובר אמר כי הממשלה לא תפרסם את הדוח";
    let mut h = harness(text);
    let a = rect_of(&h, find(text, "הדובר"));
    let b = rect_of(&h, find(text, "הדוח"));
    assert!(b.right() < a.left(), "the last word is drawn at the left");
    assert_hits_follow_drawing(&mut h);
    let (from, to) = (inside(rect_of(&h, find(text, "אמר")), 0.8), inside(rect_of(&h, find(text, "הממשלה")), 0.2));
    drag(&mut h, from, to, Modifiers::NONE);
    assert_eq!(selected_text(&h).as_deref(), Some("אמר כי הממשלה"));
}

#[test]
fn a_latin_name_and_a_number_inside_arabic_follow_the_bidi_order() {
    let text = "قال Jacob Lew إن 2013 عام صعب";
    let mut h = harness(text);
    let qala = rect_of(&h, find(text, "قال"));
    let jacob = rect_of(&h, find(text, "Jacob"));
    let lew = rect_of(&h, find(text, "Lew"));
    let year = rect_of(&h, find(text, "2013"));
    let last = rect_of(&h, find(text, "صعب"));
    assert!(jacob.right() <= lew.left() + 0.5, "Latin reads left to right inside");
    assert!(lew.right() <= qala.left() + 0.5, "the name stands left of the word before it");
    assert!(year.right() <= jacob.left() + 0.5, "the number comes after the name, to its left");
    assert!(last.right() <= year.left() + 0.5, "the last word is leftmost");
    assert_hits_follow_drawing(&mut h);
    drag(&mut h, inside(lew, 0.2), inside(lew, 0.8), Modifiers::NONE);
    assert_eq!(selected_text(&h).as_deref(), Some("Lew"));
}

#[test]
fn a_ten_megabyte_one_line_text_opens_in_blocks() {
    let text = "word ".repeat(2_000_000);
    let mut h = harness(&text);
    assert!(h.state().view.layouts < 10, "only what is on screen is laid out");
    h.key_press(Key::End);
    h.run_steps(2);
    assert_eq!(h.state().view.visible_range().end, text.chars().count());
}
