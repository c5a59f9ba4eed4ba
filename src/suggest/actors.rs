//! The actor registry as the suggester sees it: every name and alias of every actor
//! found in a text in one pass, and what sort of actor each is, so that "he" can be
//! given to the nearest person and "the ministry" to the nearest ministry.

use super::layout::Layout;
use super::matcher::PhraseMatcher;
use super::words::{ORG_WORDS, PERSON_NOUNS, is_in};
use crate::model::ActorRegistry;

/// What a pronoun or a description may stand for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Sort {
    /// A person: "he", "she".
    Person,
    /// Several people: "they".
    People,
    /// An organisation, a country, a document: "it", "they".
    Organisation,
}

/// One registry actor.
#[derive(Clone, Debug)]
pub(crate) struct Known {
    pub id: String,
    pub name: String,
    pub sort: Sort,
    /// The lower-cased words of its name and aliases, for "the ministry".
    words: Vec<String>,
}

impl Known {
    /// Whether a pronoun or description (lower case) fits this actor.
    /// `phrase` is trimmed and lower-cased by the caller, once for all actors.
    pub fn fits(&self, phrase: &str) -> bool {
        match phrase {
            "he" | "she" | "who" | "i" => self.sort == Sort::Person,
            "they" | "we" => self.sort != Sort::Person,
            "it" => self.sort == Sort::Organisation,
            _ => {
                let Some(head) = phrase.split_whitespace().last() else { return false };
                let head = head.trim_end_matches("'s").trim_end_matches("’s");
                let singular = head.strip_suffix('s').unwrap_or(head);
                self.words.iter().any(|w| w == head || w == singular)
            }
        }
    }
}

/// A registry name or alias found in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Mention {
    pub start: usize,
    pub end: usize,
    /// Index into [`Registry::actors`].
    pub actor: usize,
}

/// The compiled registry.
pub(crate) struct Registry {
    names: PhraseMatcher,
    /// Per pattern: its actor, and whether its first letter must be upper case in
    /// the text (a capitalised name), so that the alias "Rice" never matches "rice".
    patterns: Vec<(usize, bool)>,
    pub actors: Vec<Known>,
}

impl Registry {
    pub fn new(registry: &ActorRegistry) -> Self {
        let (mut names, mut patterns, mut actors) = (Vec::new(), Vec::new(), Vec::new());
        for (i, a) in registry.actors.iter().enumerate() {
            let mut words = Vec::new();
            for n in std::iter::once(&a.name).chain(&a.aliases) {
                let n = n.trim();
                if n.is_empty() {
                    continue;
                }
                names.push(n.to_owned());
                patterns.push((i, n.chars().next().is_some_and(char::is_uppercase)));
                words.extend(n.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase));
            }
            actors.push(Known { id: a.id.clone(), name: a.name.clone(), sort: sort_of(&a.name), words });
        }
        Self { names: PhraseMatcher::new(&names), patterns, actors }
    }

    /// Every registry name in the text, as whole words, in text order.
    pub fn find(&self, layout: &Layout) -> Vec<Mention> {
        let text = layout.text;
        let s = text.as_str();
        let mut out = Vec::new();
        for m in self.names.find_whole(s, char::is_alphanumeric) {
            let (actor, capital) = self.patterns[m.pattern];
            if capital && !s[m.start..].starts_with(char::is_uppercase) {
                continue;
            }
            out.push(Mention { start: text.char_of(m.start), end: text.char_of(m.end), actor });
        }
        out
    }
}

/// Person, people or organisation, from the name alone: a name with an
/// organisation word is one; a plural common noun last ("U.S. officials") is
/// people; two or more capitalised words, or a person noun last, is a person.
fn sort_of(name: &str) -> Sort {
    let words: Vec<&str> = name.split(|c: char| !(c.is_alphanumeric() || c == '.')).filter(|w| !w.is_empty()).collect();
    let last = words.last().copied().unwrap_or("");
    if words.iter().any(|w| is_in(ORG_WORDS, w)) {
        return Sort::Organisation;
    }
    let lower_last = last.chars().next().is_some_and(char::is_lowercase);
    if lower_last && last.ends_with('s') && !is_in(PERSON_NOUNS, last) {
        return Sort::People;
    }
    if is_in(PERSON_NOUNS, last) {
        return Sort::Person;
    }
    let capitalised = words.iter().filter(|w| w.chars().next().is_some_and(char::is_uppercase)).count();
    if words.len() >= 2 && capitalised == words.len() { Sort::Person } else { Sort::Organisation }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, TextIndex};

    fn registry() -> ActorRegistry {
        let mut r = ActorRegistry::default();
        let mut lew = Actor::named("Jacob J. Lew");
        lew.aliases = vec!["Lew".into(), "Treasury Secretary Jacob J. Lew".into()];
        r.actors.push(lew);
        r.actors.push(Actor::named("Chinese Foreign Ministry"));
        r.actors.push(Actor::named("U.S. officials"));
        r.actors.push(Actor::named("A senior U.S. official"));
        r.actors.push(Actor { aliases: vec!["Rice".into()], ..Actor::named("Susan Rice") });
        r
    }

    #[test]
    fn names_are_found_longest_first_and_capitalised_ones_only_capitalised() {
        let reg = Registry::new(&registry());
        let t = TextIndex::new("Treasury Secretary Jacob J. Lew ate rice. Lewis left; LEW and Rice stayed.".into());
        let l = Layout::new(&t);
        let found: Vec<(&str, &str)> =
            reg.find(&l).iter().map(|m| (t.slice(m.start, m.end), reg.actors[m.actor].id.as_str())).collect();
        assert_eq!(
            found,
            [("Treasury Secretary Jacob J. Lew", "jacob-j-lew"), ("LEW", "jacob-j-lew"), ("Rice", "susan-rice")]
        );
    }

    #[test]
    fn sorts_and_fits() {
        let reg = Registry::new(&registry());
        let sorts: Vec<Sort> = reg.actors.iter().map(|a| a.sort).collect();
        assert_eq!(sorts, [Sort::Person, Sort::Organisation, Sort::People, Sort::Person, Sort::Person]);
        assert!(reg.actors[0].fits("he"));
        assert!(!reg.actors[0].fits("it"));
        assert!(reg.actors[1].fits("the ministry"));
        assert!(reg.actors[1].fits("it"));
        assert!(reg.actors[2].fits("they"));
        assert!(reg.actors[2].fits("the officials"));
        assert!(reg.actors[3].fits("the official"));
        assert!(!reg.actors[3].fits("the ministry"));
    }
}
