//! The actors claims are attributed to, curated per corpus so that "Lew", "Treasury
//! Secretary Jacob J. Lew" and "Jacob J. Lew" count as one source.

use serde::{Deserialize, Serialize};

/// One entry of the registry (FORMAT.md section 2); `id` and `name` are required.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    /// Stable id, `[a-z0-9][a-z0-9_-]*`, what claims store.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Other ways the text names the actor; the type-ahead searches them too.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// A grouping for statistics ("United States", "China").
    #[serde(default)]
    pub group: String,
    /// The actor's function ("Treasury Secretary").
    #[serde(default)]
    pub role: String,
}

impl Actor {
    /// A new actor named `name`, with the id the contract derives from it.
    pub fn named(name: &str) -> Self {
        Self {
            id: id_from_name(name),
            name: name.trim().to_owned(),
            aliases: Vec::new(),
            group: String::new(),
            role: String::new(),
        }
    }

    /// How well `query` matches this actor: lower is better, `None` for no match.
    /// Prefix matches on the name beat prefix matches on a word or an alias, which
    /// beat substring matches, so the likely actor is first in the type-ahead.
    pub fn match_rank(&self, query: &str) -> Option<u8> {
        let q = query.trim().to_lowercase();
        if q.is_empty() {
            return Some(3);
        }
        let name = self.name.to_lowercase();
        if name.starts_with(&q) {
            return Some(0);
        }
        let aliases: Vec<String> = self.aliases.iter().map(|a| a.to_lowercase()).collect();
        if name.split_whitespace().any(|w| w.starts_with(&q)) || aliases.iter().any(|a| a.starts_with(&q)) {
            return Some(1);
        }
        if name.contains(&q) || aliases.iter().any(|a| a.contains(&q)) || self.id.contains(&q) {
            return Some(2);
        }
        None
    }
}

/// The id the contract makes from a name: lower-cased words joined by `-`
/// (`Jacob J. Lew` -> `jacob-j-lew`). Non-ASCII letters are dropped, and a name with
/// no ASCII letters or digits gets `actor`, so that every name yields a valid id.
pub fn id_from_name(name: &str) -> String {
    let words: Vec<String> = name
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_ascii_lowercase())
        .collect();
    if words.is_empty() { "actor".to_owned() } else { words.join("-") }
}

/// The curated list of actors, in the order the user keeps them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ActorRegistry {
    /// The actors; ids are unique.
    pub actors: Vec<Actor>,
}

impl ActorRegistry {
    /// The actor with `id`.
    pub fn get(&self, id: &str) -> Option<&Actor> {
        self.actors.iter().find(|a| a.id == id)
    }

    /// Mutable access to the actor with `id`.
    pub fn get_mut(&mut self, id: &str) -> Option<&mut Actor> {
        self.actors.iter_mut().find(|a| a.id == id)
    }

    /// The actor whose name or alias equals `name`, ignoring case, so that typing an
    /// existing name never creates a duplicate.
    pub fn find_by_name(&self, name: &str) -> Option<&Actor> {
        let n = name.trim().to_lowercase();
        self.actors.iter().find(|a| a.name.to_lowercase() == n || a.aliases.iter().any(|al| al.to_lowercase() == n))
    }

    /// Actors matching `query`, best first, at most `limit`.
    pub fn search(&self, query: &str, limit: usize) -> Vec<&Actor> {
        let mut hits: Vec<(u8, &Actor)> =
            self.actors.iter().filter_map(|a| a.match_rank(query).map(|r| (r, a))).collect();
        hits.sort_by(|x, y| x.0.cmp(&y.0).then_with(|| x.1.name.cmp(&y.1.name)));
        hits.into_iter().take(limit).map(|(_, a)| a).collect()
    }

    /// A fresh id for `name` that no actor has yet (`-2`, `-3`, ... appended).
    pub fn unique_id(&self, name: &str) -> String {
        let base = id_from_name(name);
        let mut id = base.clone();
        let mut n = 2;
        while self.get(&id).is_some() {
            id = format!("{base}-{n}");
            n += 1;
        }
        id
    }

    /// Adds an actor named `name` (or returns the existing one with that name) and
    /// gives its id.
    pub fn ensure(&mut self, name: &str) -> String {
        if let Some(a) = self.find_by_name(name) {
            return a.id.clone();
        }
        let mut actor = Actor::named(name);
        actor.id = self.unique_id(name);
        let id = actor.id.clone();
        self.actors.push(actor);
        id
    }

    /// Folds actor `from` into `into`: its name and aliases become aliases of `into`
    /// and it leaves the registry. Claims must be re-pointed by the caller.
    pub fn merge(&mut self, from: &str, into: &str) -> bool {
        if from == into {
            return false;
        }
        let Some(pos) = self.actors.iter().position(|a| a.id == from) else { return false };
        if self.get(into).is_none() {
            return false;
        }
        let gone = self.actors.remove(pos);
        if let Some(target) = self.get_mut(into) {
            for alias in std::iter::once(gone.name).chain(gone.aliases) {
                if alias != target.name && !target.aliases.contains(&alias) {
                    target.aliases.push(alias);
                }
            }
            if target.group.is_empty() {
                target.group = gone.group;
            }
            if target.role.is_empty() {
                target.role = gone.role;
            }
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_come_from_names_as_the_contract_says() {
        assert_eq!(id_from_name("Jacob J. Lew"), "jacob-j-lew");
        assert_eq!(id_from_name("China's Foreign Ministry"), "china-s-foreign-ministry");
        assert_eq!(id_from_name("  a senior U.S. official "), "a-senior-u-s-official");
        assert_eq!(id_from_name("习近平"), "actor");
        assert!(crate::model::is_valid_id(&id_from_name("Ünïcode Name")));
    }

    #[test]
    fn search_ranks_prefixes_and_aliases() {
        let mut reg = ActorRegistry::default();
        let lew = reg.ensure("Jacob J. Lew");
        reg.get_mut(&lew).unwrap().aliases.push("Treasury Secretary".into());
        reg.ensure("Xi Jinping");
        reg.ensure("Lewis Hamilton");
        let names: Vec<&str> = reg.search("lew", 5).iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["Lewis Hamilton", "Jacob J. Lew"]);
        assert_eq!(reg.search("treasury", 5)[0].id, "jacob-j-lew");
        assert!(reg.search("nobody", 5).is_empty());
    }

    #[test]
    fn ensure_reuses_names_and_makes_unique_ids() {
        let mut reg = ActorRegistry::default();
        assert_eq!(reg.ensure("Lew"), "lew");
        assert_eq!(reg.ensure("lew"), "lew");
        reg.actors.push(Actor { id: "x".into(), ..Actor::named("X") });
        reg.actors[1].name = "Other".into();
        assert_eq!(reg.ensure("X"), "x-2");
    }

    #[test]
    fn merge_keeps_names_as_aliases() {
        let mut reg = ActorRegistry::default();
        let a = reg.ensure("Lew");
        let b = reg.ensure("Jacob J. Lew");
        assert!(reg.merge(&a, &b));
        assert_eq!(reg.actors.len(), 1);
        assert_eq!(reg.actors[0].aliases, ["Lew"]);
        assert!(!reg.merge(&b, &b));
    }
}
