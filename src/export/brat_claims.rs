//! Turning one parsed `.ann` into claims: text-bound annotations typed by a kind,
//! linked to their source mention and cue by relations (the brat export's shape),
//! and events whose `Content`, `Cue` and `Source` arguments make one claim each (the
//! shape of attribution corpora such as PolNeAR).

use std::collections::{BTreeMap, HashMap, HashSet};

use super::brat_conf::BratTypes;
use super::brat_parse::{Link, ParsedAnn, Role, TextBound};
use crate::model::actor::id_from_name;
use crate::model::{AnnotationFile, Claim, Document, Project, Span, is_valid_id};

/// What the claims are built with.
pub(crate) struct ClaimContext<'a> {
    /// The codebook's brat types.
    pub types: &'a BratTypes,
    /// Kind of an event whose type and content type are no kind of the codebook.
    pub default_kind: &'a str,
    /// The registry, for actor names.
    pub project: &'a Project,
}

/// Problems met while building, each with its line in the `.ann`.
#[derive(Default)]
pub(crate) struct Findings {
    /// Broken references: the import fails.
    pub errors: Vec<(usize, String)>,
    /// Lines with no place in a claim: reported, the import goes on.
    pub unmapped: Vec<(usize, String)>,
    /// Actors (id, name) not in the registry.
    pub new_actors: BTreeMap<String, String>,
}

/// The role an event argument plays: its name lower-cased without a trailing number
/// (`Content2` is a second `Content`).
fn event_role(name: &str) -> String {
    name.trim_end_matches(|c: char| c.is_ascii_digit()).to_lowercase()
}

/// Fills `file.claims` from `parsed`; ids follow the order of the content spans.
pub(crate) fn build_claims(
    parsed: &ParsedAnn,
    doc: &Document,
    cx: &ClaimContext<'_>,
    file: &mut AnnotationFile,
    found: &mut Findings,
) {
    let span = |start: usize, end: usize| Span { start, end, quote: doc.text.slice(start, end).to_owned() };
    let tb_span = |tb: &TextBound| span(tb.start, tb.end);
    let in_events: HashSet<&str> = parsed
        .links
        .iter()
        .filter_map(|(_, l)| match l {
            Link::Event { trigger, args, .. } => Some(std::iter::once(trigger).chain(args.iter().map(|(_, t)| t))),
            _ => None,
        })
        .flatten()
        .map(String::as_str)
        .collect();

    let mut claim_tbs: Vec<(&String, &TextBound, &String)> = parsed
        .textbounds
        .iter()
        .filter(|(id, _)| !in_events.contains(id.as_str()))
        .filter_map(|(id, tb)| match &tb.role {
            Role::Claim(kind) => Some((id, tb, kind)),
            _ => None,
        })
        .collect();
    claim_tbs.sort_by_key(|(id, tb, _)| (tb.start, tb.end, id.trim_start_matches('T').parse::<u64>().unwrap_or(0)));
    // Claims are built in this vector, then sorted and numbered at the end.
    let mut claims: Vec<Claim> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for (id, tb, kind) in &claim_tbs {
        let mut claim = Claim::new(0, kind, tb_span(tb));
        if let Some(offsets) = &tb.discontinuous {
            claim.note = format!("brat discontinuous span {offsets} imported as its covering span");
        }
        index.insert(id.as_str(), claims.len());
        claims.push(claim);
    }
    // Text-bounds and events attached to claims (relation targets, event arguments).
    let mut attached: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut links: Vec<&(usize, Link)> = parsed.links.iter().collect();
    links.sort_by_key(|(_, l)| match l {
        Link::Event { .. } => 0,
        Link::Relation { .. } => 1,
        _ => 2,
    });
    for (line, link) in links {
        let line = *line;
        match link {
            Link::Event { id, event_type, trigger, args } => {
                let Some(claim) = event_claim(line, id, event_type, trigger, args, parsed, cx, &span, found) else {
                    continue;
                };
                let ci = claims.len();
                claims.push(claim);
                attached.entry(id.as_str()).or_default().push(ci);
                for t in std::iter::once(trigger).chain(args.iter().map(|(_, t)| t)) {
                    attached.entry(t.as_str()).or_default().push(ci);
                }
            }
            Link::Relation { role, claim, target } => {
                let (Some(&ci), Some(tb)) = (index.get(claim.as_str()), parsed.textbounds.get(target)) else {
                    found
                        .errors
                        .push((line, format!("relation refers to {claim} or {target}, which is not a claim here")));
                    continue;
                };
                if &tb.role != role {
                    found.errors.push((line, format!("{target} is not a {role:?} annotation")));
                    continue;
                }
                let c = &mut claims[ci];
                let slot = if *role == Role::Source { &mut c.source_mention } else { &mut c.cue };
                if slot.is_some() {
                    found.unmapped.push((line, format!("{claim} already has a {role:?}; this one is not imported")));
                    continue;
                }
                *slot = Some(tb_span(tb));
                attached.entry(target.as_str()).or_default().push(ci);
            }
            Link::Actor { target, id, name } => {
                let targets = match index.get(target.as_str()) {
                    Some(&ci) => vec![ci],
                    None => attached.get(target.as_str()).cloned().unwrap_or_default(),
                };
                if targets.is_empty() {
                    not_on_a_claim(line, target, "actor reference", parsed, found);
                    continue;
                }
                let actor = resolve_actor(id, name, cx.project, file, &mut found.new_actors);
                for ci in targets {
                    claims[ci].source = Some(actor.clone());
                }
            }
            Link::Note { target, text } => {
                let targets = match index.get(target.as_str()) {
                    Some(&ci) => vec![ci],
                    None => attached.get(target.as_str()).cloned().unwrap_or_default(),
                };
                if targets.is_empty() {
                    not_on_a_claim(line, target, "note", parsed, found);
                }
                for ci in targets {
                    let c = &mut claims[ci];
                    c.note = if c.note.is_empty() { text.clone() } else { format!("{}; {}", text, c.note) };
                }
            }
        }
    }
    for (id, tb) in &parsed.textbounds {
        if attached.contains_key(id.as_str()) || index.contains_key(id.as_str()) {
            continue;
        }
        let line = tb.line;
        if in_events.contains(id.as_str()) {
            found.unmapped.push((line, format!("`{id}` not imported: the event that uses it is not imported")));
            continue;
        }
        match &tb.role {
            Role::Claim(_) => {}
            Role::Source | Role::Cue => found
                .unmapped
                .push((line, format!("`{id}` not imported: no Source or Cue relation or event links it to a claim"))),
            Role::Other(type_name) => {
                let known: Vec<&str> = cx.types.kinds.iter().map(|k| k.label.as_str()).collect();
                found.unmapped.push((
                    line,
                    format!(
                        "`{id}` not imported: type `{type_name}` is not a kind of the codebook ({}, Source, Cue) and no event uses it",
                        known.join(", ")
                    ),
                ));
            }
        }
    }
    for c in &claims {
        if let Some(actor) = &c.source
            && !file.actors.contains_key(actor)
            && let Some(a) = cx.project.actors.get(actor)
        {
            file.actors.insert(actor.clone(), a.name.clone());
        }
    }
    let mut order: Vec<usize> = (0..claims.len()).collect();
    order.sort_by_key(|&i| (claims[i].content.start, claims[i].content.end, i));
    let mut slots: Vec<Option<Claim>> = claims.into_iter().map(Some).collect();
    for (n, i) in order.into_iter().enumerate() {
        if let Some(mut c) = slots[i].take() {
            c.id = n as u64 + 1;
            file.claims.push(c);
        }
    }
    file.next_id = file.claims.len() as u64 + 1;
}

/// A note or actor reference on `target`, which is no part of a claim: unmapped when
/// `target` is an annotation that was not imported, an error when it is not there.
fn not_on_a_claim(line: usize, target: &str, what: &str, parsed: &ParsedAnn, found: &mut Findings) {
    if parsed.textbounds.contains_key(target) {
        found
            .unmapped
            .push((line, format!("{what} on {target} not imported: {target} is not imported as part of a claim")));
    } else {
        found.errors.push((line, format!("{what} on {target}, which is not defined in this file")));
    }
}

/// The claim an event makes, or `None` (reported) when it has no content or refers
/// to an annotation that is not there.
#[allow(clippy::too_many_arguments)]
fn event_claim(
    line: usize,
    id: &str,
    event_type: &str,
    trigger: &str,
    args: &[(String, String)],
    parsed: &ParsedAnn,
    cx: &ClaimContext<'_>,
    span: &dyn Fn(usize, usize) -> Span,
    found: &mut Findings,
) -> Option<Claim> {
    let mut missing: Vec<&str> = Vec::new();
    if !parsed.textbounds.contains_key(trigger) {
        missing.push(trigger);
    }
    let (mut contents, mut cues, mut sources) = (Vec::new(), Vec::new(), Vec::new());
    for (role, t) in args {
        let Some(tb) = parsed.textbounds.get(t) else {
            missing.push(t);
            continue;
        };
        match event_role(role).as_str() {
            "content" => contents.push((t.as_str(), tb)),
            "cue" => cues.push((t.as_str(), tb)),
            "source" => sources.push((t.as_str(), tb)),
            _ => found.unmapped.push((
                line,
                format!("`{id}`: argument {role}:{t} not imported: the role is not Content, Cue or Source"),
            )),
        }
    }
    if !missing.is_empty() {
        found.errors.push((line, format!("event {id} refers to {}, not defined in this file", missing.join(", "))));
        return None;
    }
    if contents.is_empty() {
        found.unmapped.push((line, format!("`{id}` not imported: the event has no Content argument")));
        return None;
    }
    let mut notes = Vec::new();
    let content = covering(&contents, "Content", span, &mut notes)?;
    let kind = cx
        .types
        .kind_of(event_type)
        .or_else(|| match &contents[0].1.role {
            Role::Claim(kind) => Some(kind.as_str()),
            _ => None,
        })
        .unwrap_or(cx.default_kind);
    let mut claim = Claim::new(0, kind, content);
    claim.cue = covering(&cues, "Cue", span, &mut notes);
    claim.source_mention = covering(&sources, "Source", span, &mut notes);
    if let Some(mention) = &claim.source_mention
        && let Some(actor) = cx.project.actors.find_by_name(&mention.quote)
    {
        claim.source = Some(actor.id.clone());
    }
    claim.note = notes.join("; ");
    Some(claim)
}

/// The span covering `parts` (an argument given twice, `Content` and `Content2`, or
/// one discontinuous span); how it was joined goes to `notes`.
fn covering(
    parts: &[(&str, &TextBound)],
    role: &str,
    span: &dyn Fn(usize, usize) -> Span,
    notes: &mut Vec<String>,
) -> Option<Span> {
    let start = parts.iter().map(|(_, tb)| tb.start).min()?;
    let end = parts.iter().map(|(_, tb)| tb.end).max()?;
    if parts.len() > 1 {
        let each: Vec<String> = parts.iter().map(|(t, tb)| format!("{t} {} {}", tb.start, tb.end)).collect();
        notes.push(format!(
            "brat event with {} {role} spans ({}) imported as their covering span",
            parts.len(),
            each.join("; ")
        ));
    } else if let Some(offsets) = parts.first().and_then(|(_, tb)| tb.discontinuous.as_ref()) {
        notes.push(format!("brat discontinuous {role} span {offsets} imported as its covering span"));
    }
    Some(span(start, end))
}

/// The actor id to store: the brat id when valid (else one made from the name),
/// named from the registry, else from the `N` line.
fn resolve_actor(
    id: &str,
    name: &str,
    project: &Project,
    file: &mut AnnotationFile,
    new_actors: &mut BTreeMap<String, String>,
) -> String {
    let id = if is_valid_id(id) { id.to_owned() } else { id_from_name(if name.is_empty() { id } else { name }) };
    let shown = match project.actors.get(&id) {
        Some(a) => a.name.clone(),
        None => {
            let n = if name.is_empty() { id.clone() } else { name.to_owned() };
            new_actors.insert(id.clone(), n.clone());
            n
        }
    };
    file.actors.insert(id.clone(), shown);
    id
}
