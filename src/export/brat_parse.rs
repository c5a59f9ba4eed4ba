//! Reading one brat `.ann` file against the corpus text: every line is parsed and
//! checked, text-bound offsets must give back the line's text, and each line either
//! becomes part of a claim, is reported as not mapped, or is an error.
//!
//! Attribution corpora (PolNeAR and the like) link a source, a cue and a content by
//! an event (`E` line); their text-bound types are not claim kinds, so a type the
//! codebook lacks is kept as [`Role::Other`] for the events to use.

use std::collections::HashMap;

use super::brat_conf::{ACTOR_DB, BratTypes, CUE_TYPE, SOURCE_TYPE};
use crate::model::TextIndex;

/// A problem tied to a line of a brat file (`file:line: message`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineIssue {
    /// The `.ann` file as the user named it.
    pub file: String,
    /// 1-based line; 0 for the file as a whole.
    pub line: usize,
    /// One sentence.
    pub message: String,
}

impl std::fmt::Display for LineIssue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(f, "{}:{}: {}", self.file, self.line, self.message)
        }
    }
}

/// What a text-bound annotation marks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    /// A claim of this kind id.
    Claim(String),
    /// The words naming the source.
    Source,
    /// The reporting cue.
    Cue,
    /// Any other type (`Content`, `Attribution`, ...), usable as an event argument.
    Other(String),
}

/// A text-bound (`T`) annotation, its fragments merged into their covering span.
#[derive(Clone, Debug)]
pub(crate) struct TextBound {
    /// Claim of a kind, source mention or cue.
    pub role: Role,
    /// Start of the covering span, in chars.
    pub start: usize,
    /// End of the covering span, in chars.
    pub end: usize,
    /// The brat offsets when the fragments leave out more than line breaks.
    pub discontinuous: Option<String>,
    /// Line in the `.ann`, for messages.
    pub line: usize,
}

/// A `Source`/`Cue` relation, an event, a `Reference` to an actor or a note.
#[derive(Clone, Debug)]
pub(crate) enum Link {
    Relation {
        role: Role,
        claim: String,
        target: String,
    },
    /// `E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1`: the event's id, type and
    /// trigger, then its arguments as (role as written, text-bound id).
    Event {
        id: String,
        event_type: String,
        trigger: String,
        args: Vec<(String, String)>,
    },
    Actor {
        target: String,
        id: String,
        name: String,
    },
    Note {
        target: String,
        text: String,
    },
}

/// A parsed `.ann`: text-bounds by id (`T3`), links with their line numbers.
#[derive(Default)]
pub(crate) struct ParsedAnn {
    /// Text-bound annotations by id.
    pub textbounds: HashMap<String, TextBound>,
    /// Relations, references and notes, with their line numbers.
    pub links: Vec<(usize, Link)>,
    /// Lines that make the import fail, with their line numbers.
    pub errors: Vec<(usize, String)>,
    /// Lines that were skipped (reported, not fatal), with their line numbers.
    pub unmapped: Vec<(usize, String)>,
    /// Lines read in spite of a flaw (reported, not fatal), with their line numbers.
    pub repaired: Vec<(usize, String)>,
}

/// Parses `content` against `text`, mapping types with `types`.
pub(crate) fn parse_ann(content: &str, text: &TextIndex, types: &BratTypes) -> ParsedAnn {
    let mut p = ParsedAnn::default();
    let raws: Vec<&str> = content.split_inclusive('\n').collect();
    let lines: Vec<&str> = raws.iter().map(|l| l.trim_end_matches('\n').trim_end_matches('\r')).collect();
    let mut i = 0;
    while i < lines.len() {
        let line = i + 1;
        let raw = lines[i];
        i += 1;
        if raw.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = raw.splitn(3, '\t').collect();
        let id = fields[0];
        let body = fields.get(1).copied().unwrap_or("");
        let tail = fields.get(2).copied().unwrap_or("");
        let result = match id.chars().next() {
            Some('T') => {
                let continued = continuation(&lines[i..]);
                match textbound(body, tail, line, text, types) {
                    Err(Issue::Error(m)) if continued > 0 => {
                        // The text with its own line breaks, as the raw lines hold them.
                        let mut joined = raws[i - 1].splitn(3, '\t').nth(2).unwrap_or("").to_owned();
                        joined.extend(raws[i..i + continued].iter().copied());
                        let joined = joined.strip_suffix('\n').unwrap_or(&joined);
                        let joined = joined.strip_suffix('\r').unwrap_or(joined);
                        match textbound(body, joined, line, text, types) {
                            Ok(tb) => {
                                i += continued;
                                p.repaired.push((
                                    line,
                                    format!(
                                        "`{id}`: its text runs over {} lines (line breaks inside brat text); read as one annotation",
                                        continued + 1
                                    ),
                                ));
                                Ok(tb)
                            }
                            Err(_) => Err(Issue::Error(m)),
                        }
                    }
                    other => other,
                }
                .map(|tb| {
                    p.textbounds.insert(id.to_owned(), tb);
                })
            }
            Some('R') => relation(body).map(|l| p.links.push((line, l))),
            Some('E') => event(id, body).map(|l| p.links.push((line, l))),
            Some('N') => normalization(body, tail).map(|l| p.links.push((line, l))),
            Some('#') => note(body, tail).map(|l| p.links.push((line, l))),
            Some('A') | Some('M') => Err(Issue::Unmapped("attributes have no place in a claim".to_owned())),
            Some('*') => Err(Issue::Unmapped("equivalence relations have no place in a claim".to_owned())),
            _ => Err(Issue::Error(format!("`{id}` is not a brat annotation id (T, R, N, A, E, M, * or #)"))),
        };
        match result {
            Ok(()) => {}
            Err(Issue::Error(m)) => p.errors.push((line, m)),
            Err(Issue::Unmapped(m)) => p.unmapped.push((line, format!("`{id}` not imported: {m}"))),
        }
    }
    p
}

/// How many of `rest` continue the line before them: lines that do not start with a
/// brat annotation id. Some tools write a span's text with its line breaks, which
/// spills the text over several lines of the `.ann`.
fn continuation(rest: &[&str]) -> usize {
    rest.iter().take_while(|l| !starts_with_annotation_id(l)).count()
}

/// Whether `line` starts like a brat annotation: `T12<TAB>`, `#3<TAB>`, `*<TAB>`.
fn starts_with_annotation_id(line: &str) -> bool {
    let Some((id, _)) = line.split_once('\t') else { return false };
    let mut chars = id.chars();
    match chars.next() {
        Some('T' | 'R' | 'E' | 'N' | 'A' | 'M') => {
            let rest = chars.as_str();
            !rest.is_empty() && rest.chars().all(|c| c.is_ascii_digit())
        }
        Some('#' | '*') => chars.as_str().chars().all(|c| c.is_ascii_digit()),
        _ => false,
    }
}

enum Issue {
    Error(String),
    Unmapped(String),
}

fn textbound(body: &str, tail: &str, line: usize, text: &TextIndex, types: &BratTypes) -> Result<TextBound, Issue> {
    let (type_name, offsets) = body.split_once(' ').ok_or_else(|| Issue::Error(format!("`{body}` has no offsets")))?;
    let role = if type_name.eq_ignore_ascii_case(SOURCE_TYPE) {
        Role::Source
    } else if type_name.eq_ignore_ascii_case(CUE_TYPE) {
        Role::Cue
    } else {
        match types.kind_of(type_name) {
            Some(kind) => Role::Claim(kind.to_owned()),
            None => Role::Other(type_name.to_owned()),
        }
    };
    let mut frags = Vec::new();
    for frag in offsets.split(';') {
        let mut nums = frag.split_whitespace().map(str::parse::<usize>);
        match (nums.next(), nums.next(), nums.next()) {
            (Some(Ok(s)), Some(Ok(e)), None) if s <= e => frags.push((s, e)),
            _ => return Err(Issue::Error(format!("`{offsets}` are not brat offsets (`start end;start end`)"))),
        }
    }
    let len = text.char_len();
    let start = frags.iter().map(|f| f.0).min().unwrap_or(0);
    let end = frags.iter().map(|f| f.1).max().unwrap_or(0);
    if end > len {
        return Err(Issue::Error(format!("offsets {offsets} run past the end of the text ({len} characters)")));
    }
    if start >= end {
        return Err(Issue::Error(format!("offsets {offsets} mark no text")));
    }
    let found: Vec<&str> = frags.iter().map(|&(s, e)| text.slice(s, e)).collect();
    let found = found.join(" ");
    if found != tail {
        return Err(Issue::Error(format!("the text at {offsets} is {found:?} in the corpus, not {tail:?}")));
    }
    let only_line_breaks = frags.windows(2).all(|w| text.slice(w[0].1, w[1].0).chars().all(|c| c == '\n' || c == '\r'));
    let discontinuous = (!only_line_breaks).then(|| offsets.to_owned());
    Ok(TextBound { role, start, end, discontinuous, line })
}

fn relation(body: &str) -> Result<Link, Issue> {
    let mut parts = body.split_whitespace();
    let type_name = parts.next().unwrap_or("");
    let role = if type_name.eq_ignore_ascii_case(SOURCE_TYPE) {
        Role::Source
    } else if type_name.eq_ignore_ascii_case(CUE_TYPE) {
        Role::Cue
    } else {
        return Err(Issue::Unmapped(format!("relation type `{type_name}` is neither Source nor Cue")));
    };
    let arg = |p: Option<&str>, name: &str| {
        p.and_then(|a| a.strip_prefix(name))
            .and_then(|a| a.strip_prefix(':'))
            .map(str::to_owned)
            .ok_or_else(|| Issue::Error(format!("relation `{body}` needs `{name}:<id>`")))
    };
    let claim = arg(parts.next(), "Arg1")?;
    let target = arg(parts.next(), "Arg2")?;
    Ok(Link::Relation { role, claim, target })
}

/// `Attribution:T4 Content:T3 Cue:T2 Source:T1`: the type and trigger, then the arguments.
fn event(id: &str, body: &str) -> Result<Link, Issue> {
    let mut parts = body.split_whitespace().map(|p| p.split_once(':'));
    let malformed = || Issue::Error(format!("event `{body}` is not `<type>:<trigger> <role>:<id> ...`"));
    let Some(Some((event_type, trigger))) = parts.next() else { return Err(malformed()) };
    let args = parts.map(|p| p.map(|(r, t)| (r.to_owned(), t.to_owned()))).collect::<Option<Vec<_>>>();
    let args = args.ok_or_else(malformed)?;
    if args.iter().any(|(r, t)| r.is_empty() || t.is_empty()) {
        return Err(malformed());
    }
    Ok(Link::Event { id: id.to_owned(), event_type: event_type.to_owned(), trigger: trigger.to_owned(), args })
}

fn normalization(body: &str, tail: &str) -> Result<Link, Issue> {
    let parts: Vec<&str> = body.split_whitespace().collect();
    let [_, target, reference] = parts.as_slice() else {
        return Err(Issue::Error(format!("normalization `{body}` is not `Reference T<n> <db>:<id>`")));
    };
    let Some((db, id)) = reference.split_once(':') else {
        return Err(Issue::Error(format!("normalization reference `{reference}` is not `<db>:<id>`")));
    };
    if !db.eq_ignore_ascii_case(ACTOR_DB) {
        return Err(Issue::Unmapped(format!("normalization database `{db}` is not `{ACTOR_DB}`")));
    }
    Ok(Link::Actor { target: (*target).to_owned(), id: id.to_owned(), name: tail.trim().to_owned() })
}

fn note(body: &str, tail: &str) -> Result<Link, Issue> {
    match body.split_whitespace().collect::<Vec<_>>().as_slice() {
        ["AnnotatorNotes", target] => Ok(Link::Note { target: (*target).to_owned(), text: tail.to_owned() }),
        _ => Err(Issue::Unmapped(format!("comment `{body}` is not `AnnotatorNotes T<n>`"))),
    }
}
