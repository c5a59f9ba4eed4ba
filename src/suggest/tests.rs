//! Unit tests of the suggester: one per reporting pattern on small hand-made texts,
//! sources from the registry and guessed from pronouns, kinds, the corpus's own cues,
//! and properties every suggestion has, on English, Russian, Arabic and Chinese news.

use super::*;
use crate::model::{Actor, Cue, CueRole};

fn project() -> Project {
    let mut p = Project::builtin();
    let mut lew = Actor::named("Jacob J. Lew");
    lew.aliases = vec!["Lew".into(), "Treasury Secretary Jacob J. Lew".into()];
    p.actors.actors.push(lew);
    p.actors.actors.push(Actor::named("Chinese Foreign Ministry"));
    p.actors.actors.push(Actor::named("U.S. officials"));
    p
}

/// (content, kind, source actor, mention, cue) of each suggestion.
type Row = (String, String, Option<String>, String, String);

fn suggest_with(p: &Project, text: &str) -> Vec<Row> {
    let t = TextIndex::new(text.to_owned());
    let s = Suggester::new(p).suggest(&t);
    for x in &s {
        for span in std::iter::once(&x.content).chain(&x.source_mention).chain(&x.cue) {
            assert!(span.start < span.end && span.end <= t.char_len(), "{span:?} in {text:?}");
            assert_eq!(span.quote, t.slice(span.start, span.end), "quote of {span:?}");
        }
        assert!((0.0..=1.0).contains(&x.confidence));
        assert!(!x.reason.is_empty());
    }
    let q = |s: &Option<Span>| s.as_ref().map(|s| s.quote.clone()).unwrap_or_default();
    s.iter()
        .map(|x| (x.content.quote.clone(), x.kind.clone(), x.source.clone(), q(&x.source_mention), q(&x.cue)))
        .collect()
}

fn suggest(text: &str) -> Vec<Row> {
    suggest_with(&project(), text)
}

fn row(content: &str, kind: &str, source: Option<&str>, mention: &str, cue: &str) -> Row {
    (content.into(), kind.into(), source.map(Into::into), mention.into(), cue.into())
}

#[test]
fn direct_quote_before_the_attribution() {
    assert_eq!(
        suggest("\u{201c}This is a very serious threat to our economic interests,\u{201d} Lew told reporters."),
        [row(
            "\u{201c}This is a very serious threat to our economic interests,\u{201d}",
            "assertion",
            Some("jacob-j-lew"),
            "Lew",
            "told"
        )]
    );
    assert_eq!(
        suggest("\"We never did it,\" said Mr. Nevins of Showtime on Monday."),
        [row("\"We never did it,\"", "assertion", None, "Mr. Nevins of Showtime", "said")]
    );
}

#[test]
fn direct_quote_after_the_attribution() {
    assert_eq!(
        suggest("Lew told reporters: \"This is a very serious threat.\""),
        [row("\"This is a very serious threat.\"", "assertion", Some("jacob-j-lew"), "Lew", "told")]
    );
}

#[test]
fn indirect_speech_to_the_end_of_the_clause() {
    assert_eq!(
        suggest("U.S. officials said that the attacks came from China; nobody was hurt."),
        [row("the attacks came from China", "assertion", Some("u-s-officials"), "U.S. officials", "said")]
    );
    assert_eq!(
        suggest("Treasury Secretary Jacob J. Lew told reporters on Monday that talks would resume."),
        [row("talks would resume", "assertion", Some("jacob-j-lew"), "Treasury Secretary Jacob J. Lew", "told")]
    );
}

#[test]
fn denials_and_commitments_from_the_cue() {
    assert_eq!(
        suggest("The Chinese Foreign Ministry denied that it engages in hacking."),
        [row(
            "it engages in hacking",
            "denial",
            Some("chinese-foreign-ministry"),
            "The Chinese Foreign Ministry",
            "denied"
        )]
    );
    assert_eq!(
        suggest("China vowed to cooperate on cybersecurity."),
        [row("to cooperate on cybersecurity", "commitment", None, "China", "vowed")]
    );
}

#[test]
fn a_source_speaking_of_its_own_future_makes_a_commitment() {
    let rows = suggest("\"We will work with the United States,\" the ministry said.");
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0].1, "commitment");
    assert_eq!(rows[0].3, "the ministry");
    assert_eq!(rows[0].2.as_deref(), None, "no ministry named before it");
}

#[test]
fn according_to_before_and_after() {
    assert_eq!(
        suggest("According to U.S. officials, the hackers worked for the army."),
        [row("the hackers worked for the army", "assertion", Some("u-s-officials"), "U.S. officials", "According to")]
    );
    assert_eq!(
        suggest("The hackers worked for the army, according to U.S. officials."),
        [row("The hackers worked for the army", "assertion", Some("u-s-officials"), "U.S. officials", "according to")]
    );
}

#[test]
fn trailing_and_parenthetical_attribution() {
    assert_eq!(
        suggest("Growth will slow next year, Lew said."),
        [row("Growth will slow next year", "assertion", Some("jacob-j-lew"), "Lew", "said")]
    );
    let rows = suggest("The attacks, he said, were a key point of concern.");
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0].0, "The attacks, he said, were a key point of concern");
    assert_eq!(rows[0].3, "he");
}

#[test]
fn pronouns_are_given_to_the_nearest_actor_that_fits_as_a_guess() {
    let t = TextIndex::new("Lew met the Chinese Foreign Ministry. He said that talks went well.".to_owned());
    let s = Suggester::new(&project()).suggest(&t);
    assert_eq!(s.len(), 1, "{s:?}");
    assert_eq!(s[0].source.as_deref(), Some("jacob-j-lew"), "\"he\" is a person, not the ministry");
    assert!(s[0].reason.contains("guessed"), "{}", s[0].reason);
    let t = TextIndex::new("Lew met the Chinese Foreign Ministry. It said that talks went well.".to_owned());
    let s = Suggester::new(&project()).suggest(&t);
    assert_eq!(s[0].source.as_deref(), Some("chinese-foreign-ministry"));
}

#[test]
fn quotes_continued_over_paragraphs_and_colon_quotes() {
    let text = "\"The first part,\" Lew said. \"It goes on.\n\n\"And it ends here.\"";
    let rows = suggest(text);
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0].0, text, "the quotation going on over the paragraph break is part of the claim");
    let text = "\"We are ready,\" Lew said.\n\"Nothing will change that.\"";
    let rows = suggest(text);
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(rows[1].0, "\"Nothing will change that.\"");
    assert_eq!(rows[1].2.as_deref(), Some("jacob-j-lew"), "the same speaker goes on");
    let rows = suggest("Lew: \"No deal.\"");
    assert_eq!(rows, [row("\"No deal.\"", "assertion", Some("jacob-j-lew"), "Lew", ":")]);
}

#[test]
fn words_that_are_not_reporting_here_suggest_nothing() {
    assert_eq!(suggest("The report was long. Unsaid things stay unsaid."), Vec::<Row>::new());
    assert_eq!(suggest(""), Vec::<Row>::new());
    assert_eq!(suggest("said"), Vec::<Row>::new());
    assert_eq!(suggest("\"\"\" said , said: \u{201c}"), suggest("\"\"\" said , said: \u{201c}"), "deterministic");
}

#[test]
fn the_corpus_cues_come_before_the_builtin_lexicon() {
    let text = "The ministry skewered the report as baseless.";
    assert_eq!(suggest(text), Vec::<Row>::new());
    let mut p = project();
    p.cues.push(Cue { kind: "denial".into(), role: CueRole::Verb, forms: vec!["skewered".into()] });
    let rows = suggest_with(&p, text);
    assert_eq!(rows, [row("the report as baseless", "denial", None, "The ministry", "skewered")]);
    p.cues[0].kind = "rebuttal".into();
    assert_eq!(suggest_with(&p, text)[0].1, "assertion", "a kind the codebook lacks becomes its first kind");
}

#[test]
fn other_languages_never_panic_and_quotes_with_a_known_source_are_offered() {
    let mut p = project();
    // Ids given: `Actor::named` makes ids of ASCII words only.
    p.actors.actors.push(Actor { id: "peskov".into(), ..Actor::named("Песков") });
    p.actors.actors.push(Actor { id: "spokesman".into(), ..Actor::named("المتحدث") });
    p.actors.actors.push(Actor { id: "mfa".into(), ..Actor::named("外交部") });
    let texts = [
        "Песков: «Мы не будем это комментировать».\nОн сказал, что переговоры продолжатся.",
        "المتحدث: «لن نقبل ذلك». وقال إن المفاوضات ستستمر.",
        "外交部：「中方从不从事网络窃密。」他说，谈判将继续。",
        "“引号”没有关闭 «и эта тоже 'x\n\n\u{200f}«",
    ];
    let rows: Vec<Vec<Row>> = texts.iter().map(|t| suggest_with(&p, t)).collect();
    // Colon quotes need no English cue: the name before a colon that opens a quotation.
    assert_eq!(rows[0], [row("«Мы не будем это комментировать»", "assertion", Some("peskov"), "Песков", ":")]);
    assert_eq!(rows[1], [row("«لن نقبل ذلك»", "assertion", Some("spokesman"), "المتحدث", ":")]);
    assert!(rows[3].is_empty(), "{:?}", rows[3]);
    assert_eq!(rows[2], [row("「中方从不从事网络窃密。」", "assertion", Some("mfa"), "外交部", "：")]);
}

#[test]
fn suggested_files_carry_notes_and_actor_names() {
    let doc = Document::from_bytes("d.txt", b"Growth will slow, Lew said.").expect("UTF-8");
    let file = Suggester::new(&project()).annotation(&doc);
    assert_eq!(file.annotator, "suggested");
    assert_eq!(file.claims.len(), 1);
    assert!(file.claims[0].note.starts_with("cue \"said\"; trailing attribution"), "{}", file.claims[0].note);
    assert_eq!(file.actors.get("jacob-j-lew").map(String::as_str), Some("Jacob J. Lew"));
}

#[test]
fn a_quote_going_on_after_its_attribution_is_one_claim() {
    let rows = suggest("\"CNN did badly,\" Lew said. \"They followed ratings. I love CNN.\"\nNext line.");
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0].0, "\"CNN did badly,\" Lew said. \"They followed ratings. I love CNN.\"");
    assert_eq!(rows[0].4, "said");
}

#[test]
fn subjects_with_an_apposition_and_sentences_opening_with_an_adjunct() {
    assert_eq!(
        suggest("Marley Anderson, 21, a student from Reno, said she came to support him."),
        [row("she came to support him", "assertion", None, "Marley Anderson, 21, a student from Reno", "said")]
    );
    assert_eq!(
        suggest("At a briefing on Monday, Lew said the talks would go on."),
        [row("the talks would go on", "assertion", Some("jacob-j-lew"), "Lew", "said")]
    );
    let rows = suggest("Brafman said he had come to the conclusion that the charges were selective.");
    assert_eq!(rows[0].0, "he had come to the conclusion that the charges were selective", "{rows:?}");
    let rows = suggest("\"No,\" said she turned away.");
    assert!(rows.iter().all(|r| r.3 != "she turned away"), "{rows:?}");
}

#[test]
fn an_attribution_after_a_quote_may_run_on_to_the_sentence_end() {
    // An apposition after the inverted source, then the quotation's second part.
    let rows = suggest("\"It is vast,\" said Steve Duprey, a party member from Concord. \"It is combat.\"\nNext.");
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0].0, "\"It is vast,\" said Steve Duprey, a party member from Concord. \"It is combat.\"");
    assert_eq!(rows[0].3, "Steve Duprey");
    // A quoted programme name inside the attribution is no content.
    let rows = suggest("\"I expect to be vetted,\" he said on \"Meet the Press.\" Later he left.");
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0].0, "\"I expect to be vetted,\"");
}

#[test]
fn an_adjunct_after_the_verb_is_no_content_and_a_topic_follows_its_preposition() {
    // The quotation is the claim; "in an interview ..." only says where.
    let rows = suggest("Lew said in an interview with reporters on Monday.");
    assert!(rows.is_empty(), "{rows:?}");
    assert_eq!(
        suggest("Lew commented on the reason for the delay."),
        [row("the reason for the delay", "assertion", Some("jacob-j-lew"), "Lew", "commented")]
    );
}

#[test]
fn a_quotation_then_a_subject_with_an_apposition() {
    assert_eq!(
        suggest("\"We should not take growth for granted,\" Lael Brainard, a Fed governor, said in a speech."),
        [row("\"We should not take growth for granted,\"", "assertion", None, "Lael Brainard, a Fed governor", "said")]
    );
}

#[test]
fn a_second_reporting_verb_ends_the_first_content() {
    let rows = suggest("Lew criticized the new rules and said the talks had failed.");
    assert_eq!(rows[0].0, "the new rules", "{rows:?}");
}

#[test]
fn a_note_splits_into_reason_and_confidence() {
    assert_eq!(split_note("cue \"said\"; direct quote; confidence 0.70"), ("cue \"said\"; direct quote", Some(0.7)));
    assert_eq!(split_note("confidence 0.5"), ("", Some(0.5)));
    assert_eq!(split_note("a model's guess"), ("a model's guess", None));
    assert_eq!(split_note("x; confidence 7"), ("x; confidence 7", None), "out of range is reason");
    assert_eq!(split_note(""), ("", None));
}

#[test]
fn the_tagger_reads_stances_the_rules_have_no_pattern_for_within_a_paragraph() {
    let text = "The senator opposes any new limits on campaign spending, aides confirmed.\n\n\
                Most Republicans want a tougher border policy.\n\nThe governor seemed unconvinced that the plan would pass.";
    let t = TextIndex::new(text.to_owned());
    let s = Suggester::new(&project()).suggest(&t);
    let stance = s.iter().find(|x| x.cue.as_ref().is_some_and(|c| c.quote == "opposes")).expect("a stance");
    assert_eq!(stance.content.quote, "any new limits on campaign spending");
    assert_eq!(stance.source_mention.as_ref().map(|m| m.quote.as_str()), Some("The senator"));
    assert!(stance.reason.contains("learned reading"), "{}", stance.reason);
    assert!(Suggester::rules_only(&project()).suggest(&t).iter().all(|x| x.content != stance.content));
    // No source mention is taken from another paragraph.
    for x in &s {
        let paragraph =
            |pos: usize| text[..text.char_indices().nth(pos).map_or(text.len(), |(b, _)| b)].matches("\n\n").count();
        if let Some(m) = &x.source_mention {
            assert_eq!(paragraph(m.start), paragraph(x.content.start), "{x:?}");
        }
    }
}

#[test]
fn a_reading_of_the_tagger_shares_no_word_with_a_kept_one() {
    let lexicon = Lexicon::new(&builtin_cues());
    let reading = |content: (usize, usize), cue: usize, pattern: Pattern| Reading {
        content,
        cue: Some((cue, cue + 4)),
        mention: None,
        pattern,
        entry: None,
    };
    // Jaccard 0.2: the rules keep both readings of one passage, never the tagger's.
    let rule = reading((0, 100), 200, Pattern::Indirect);
    let other_rule = reading((80, 180), 300, Pattern::Trailing);
    let learned = reading((80, 180), 300, Pattern::Learned { sureness: 90 });
    assert_eq!(choose(vec![rule.clone(), other_rule.clone()], &lexicon).len(), 2);
    assert_eq!(choose(vec![learned.clone(), rule.clone()], &lexicon), std::slice::from_ref(&rule));
    // Apart, both are kept.
    let apart = reading((120, 180), 300, Pattern::Learned { sureness: 90 });
    assert_eq!(choose(vec![apart.clone(), rule.clone()], &lexicon).len(), 2);
}
