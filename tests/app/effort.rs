//! Effort (issue 11): one seed article coded to match `analyst-a`'s coding twice in
//! the real app, once by hand and once by accepting and fixing suggestions, counting
//! the coder's actions. Each key press, each drag (a text selection) and each click
//! is one action; typing a source's name into the Source field is one action, as the
//! issue counts it ("type the source"), and the click into the field and the Enter
//! that picks the actor are one each.
//!
//! By hand, a claim costs: drag its passage, press its kind's key; click the Source
//! field, type the name, Enter; drag the source mention, S; drag the cue, Q.
//! With suggestions: Tab to the next one; one that overlap-matches a claim of
//! `analyst-a` is accepted with Enter (or with the right kind's key, when the kind is
//! wrong) and its wrong parts fixed as any claim's are (a drag and X for the span; the
//! source as by hand; a drag and S or Q for a mention or cue, a click on × to remove
//! one); any other is rejected with Backspace, which also goes on to the next one.
//! The claims no suggestion found are then coded by hand.
//!
//! The test prints both counts and fails if the suggestion path ever costs more.

use std::collections::BTreeSet;
use std::path::Path;

use crate::common::*;
use claimcoder::coding::Mark;
use claimcoder::model::{Claim, Project, Span};
use claimcoder::ui::{App, CodingIntent};
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// The article coded: the first seed, 12 claims by `analyst-a`.
const DOC: &str = "000_f61589d60f9b959b";

/// A claim as the comparison sees it: kind, content, source, mention and cue.
type Coded = (String, (usize, usize), Option<String>, Option<(usize, usize)>, Option<(usize, usize)>);

fn coded(c: &Claim) -> Coded {
    let at = |s: &Span| (s.start, s.end);
    (c.kind.clone(), at(&c.content), c.source.clone(), c.source_mention.as_ref().map(at), c.cue.as_ref().map(at))
}

/// The actions taken, by sort.
#[derive(Clone, Copy, Debug, Default)]
struct Actions {
    keys: usize,
    drags: usize,
    clicks: usize,
    typed: usize,
}

impl Actions {
    fn total(self) -> usize {
        self.keys + self.drags + self.clicks + self.typed
    }
}

impl std::fmt::Display for Actions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let Actions { keys, drags, clicks, typed } = self;
        write!(f, "{} actions ({keys} keys, {drags} drags, {clicks} clicks, {typed} names typed)", self.total())
    }
}

/// The app and the actions taken in it.
struct Coder {
    h: Harness<'static, App>,
    actions: Actions,
    project: Project,
}

impl Coder {
    fn new(corpus: &Path, annotator: &str) -> Self {
        let h = app(corpus, Some(annotator));
        let project = claimcoder::store::project_io::load_project(&corpus.join("claimcoder.ron")).expect("project");
        Self { h, actions: Actions::default(), project }
    }

    fn key(&mut self, key: Key) {
        self.h.key_press(key);
        self.h.run_steps(2);
        self.actions.keys += 1;
    }

    fn drag(&mut self, span: &Span) {
        select(&mut self.h, span.start, span.end);
        self.actions.drags += 1;
    }

    /// A click on a button (the × beside a source, mention or cue).
    fn click(&mut self, intent: CodingIntent) {
        self.h.state_mut().apply(intent);
        self.h.run_steps(2);
        self.actions.clicks += 1;
    }

    fn selected_claim(&self) -> Claim {
        let ws = self.h.state().workspace().expect("a corpus");
        let id = ws.selected_claim_id().expect("a claim is selected");
        ws.open.as_ref().and_then(|o| o.loaded.file.claim(id)).cloned().expect("the selected claim")
    }

    /// The kind's key of `kind`.
    fn kind_key(&self, kind: &str) -> Key {
        let key = self.project.kinds.iter().find(|k| k.id == kind).and_then(|k| k.key_char()).expect("a kind key");
        Key::from_name(&key.to_ascii_uppercase().to_string()).expect("a key")
    }

    /// Attributes the selected claim as `want` is: click the field, type the name,
    /// Enter; or click × to unattribute.
    fn fix_source(&mut self, want: &Claim) {
        let have = self.selected_claim();
        if have.source == want.source {
            return;
        }
        let Some(id) = &want.source else {
            self.click(CodingIntent::SetSource(have.id, None));
            return;
        };
        let name = self.project.actors.get(id).map(|a| a.name.clone()).expect("analyst-a's sources are registered");
        self.h.get_by_label("Source").focus();
        self.h.run_steps(1);
        self.h.get_by_label("Source").type_text(&name);
        self.h.run_steps(1);
        self.h.key_press(Key::Enter);
        self.h.run_steps(2);
        self.actions.clicks += 1;
        self.actions.typed += 1;
        self.actions.keys += 1;
    }

    /// Marks the selected claim's mention or cue as `want` has it.
    fn fix_mark(&mut self, want: Option<&Span>, mark: Mark) {
        let have = self.selected_claim();
        let slot = match mark {
            Mark::SourceMention => have.source_mention.as_ref(),
            Mark::Cue => have.cue.as_ref(),
        };
        if slot == want {
            return;
        }
        match want {
            Some(span) => {
                self.drag(span);
                self.key(match mark {
                    Mark::SourceMention => Key::S,
                    Mark::Cue => Key::Q,
                });
            }
            None => self.click(CodingIntent::ClearMark(have.id, mark)),
        }
    }

    /// Makes the selected claim what `want` is, part by part.
    fn fix(&mut self, want: &Claim) {
        if self.selected_claim().content != want.content {
            self.drag(&want.content);
            self.key(Key::X);
        }
        self.fix_source(want);
        self.fix_mark(want.source_mention.as_ref(), Mark::SourceMention);
        self.fix_mark(want.cue.as_ref(), Mark::Cue);
    }

    /// Codes `want` by hand.
    fn code_by_hand(&mut self, want: &Claim) {
        self.drag(&want.content);
        self.key(self.kind_key(&want.kind));
        self.fix(want);
    }

    /// The coder's file on disk, as compared.
    fn saved(&mut self, corpus: &Path, annotator: &str) -> BTreeSet<Coded> {
        self.h.state_mut().apply(CodingIntent::Save);
        self.h.run_steps(2);
        read_annotations(corpus, DOC, annotator).claims.iter().map(coded).collect()
    }
}

/// The selected suggestion's claim.
fn selected_suggestion(h: &Harness<'static, App>) -> Option<Claim> {
    let open = h.state().workspace()?.open.as_ref()?;
    open.selected_offer().map(|(_, o)| o.claim.clone())
}

/// `analyst-a`'s claim (not yet taken) that `content` overlap-matches best.
fn best_match(content: &Span, wanted: &[Claim], taken: &[bool]) -> Option<usize> {
    (0..wanted.len())
        .filter(|&i| !taken[i] && content.jaccard(&wanted[i].content) >= 0.5)
        .max_by(|&a, &b| content.jaccard(&wanted[a].content).total_cmp(&content.jaccard(&wanted[b].content)))
}

fn by_hand(corpus: &Path, wanted: &[Claim]) -> (Actions, BTreeSet<Coded>) {
    let mut coder = Coder::new(corpus, "hand");
    for want in wanted {
        coder.code_by_hand(want);
    }
    (coder.actions, coder.saved(corpus, "hand"))
}

fn with_suggestions(corpus: &Path, wanted: &[Claim]) -> (Actions, BTreeSet<Coded>, usize, usize) {
    let mut coder = Coder::new(corpus, "assisted");
    let mut taken = vec![false; wanted.len()];
    let (mut accepted, mut rejected) = (0, 0);
    loop {
        if selected_suggestion(&coder.h).is_none() {
            coder.h.key_press(Key::Tab);
            coder.h.run_steps(2);
            // A Tab that finds nothing left is not counted: the status bar says so.
            if selected_suggestion(&coder.h).is_none() {
                break;
            }
            coder.actions.keys += 1;
        }
        let offer = selected_suggestion(&coder.h).expect("a suggestion");
        match best_match(&offer.content, wanted, &taken) {
            Some(i) => {
                taken[i] = true;
                accepted += 1;
                let want = &wanted[i];
                if offer.kind == want.kind {
                    coder.key(Key::Enter);
                } else {
                    coder.key(coder.kind_key(&want.kind));
                }
                coder.fix(want);
            }
            None => {
                rejected += 1;
                coder.key(Key::Backspace);
            }
        }
    }
    for (want, _) in wanted.iter().zip(&taken).filter(|(_, t)| !**t) {
        coder.code_by_hand(want);
    }
    (coder.actions, coder.saved(corpus, "assisted"), accepted, rejected)
}

#[test]
fn accepting_and_fixing_suggestions_never_costs_more_than_coding_by_hand() {
    let corpus = seed_corpus(true);
    let wanted = read_annotations(corpus.path(), DOC, "analyst-a").claims;
    let target: BTreeSet<Coded> = wanted.iter().map(coded).collect();
    assert_eq!(target.len(), 12, "analyst-a coded 12 claims in the article");

    let (hand, by_hand) = by_hand(corpus.path(), &wanted);
    assert_eq!(by_hand, target, "by hand, the file matches analyst-a's coding");
    let (assisted, with_suggestions, accepted, rejected) = with_suggestions(corpus.path(), &wanted);
    assert_eq!(with_suggestions, target, "with suggestions, the file matches analyst-a's coding");

    println!(
        "effort on {DOC} ({} claims of analyst-a): by hand {hand}; with suggestions {assisted} \
         ({accepted} suggestions accepted and fixed, {rejected} rejected, {} claims coded by hand)",
        wanted.len(),
        wanted.len() - accepted
    );
    assert!(assisted.total() <= hand.total(), "suggestions cost {assisted}, coding by hand {hand}");
    assert!(accepted > 0, "some suggestion was accepted");
}
