//! brat's type names and configuration files. brat stores a type name as one token
//! (`[A-Za-z0-9_-]`, no spaces), so every kind gets a type name derived from its
//! label; `visual.conf` maps it back to the label for display, and the import
//! accepts the type name, the label and the kind id.

use std::collections::{BTreeSet, HashSet};
use std::fmt::Write;

use crate::model::Codebook;

/// The entity type of the words naming the source (and the relation linking them).
pub const SOURCE_TYPE: &str = "Source";
/// The entity type of the reporting cue (and the relation linking it).
pub const CUE_TYPE: &str = "Cue";
/// The normalization database the actor ids refer to (`Actors:<actor id>`).
pub const ACTOR_DB: &str = "Actors";

/// The brat type name for a kind label: every character outside `A-Z a-z 0-9 _ -`
/// becomes `_` (`Policy stance` -> `Policy_stance`), as brat itself stores labels.
pub fn brat_type_name(label: &str) -> String {
    label.trim().chars().map(|c| if c.is_ascii_alphanumeric() || c == '_' || c == '-' { c } else { '_' }).collect()
}

/// One claim kind as brat sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct BratKind {
    /// The kind id claims store.
    pub id: String,
    /// The brat type name.
    pub type_name: String,
    /// What brat displays.
    pub label: String,
    /// `#rrggbb`.
    pub color: String,
}

/// The kinds' brat types, unique and distinct from `Source` and `Cue`.
#[derive(Clone, Debug, Default)]
pub(crate) struct BratTypes {
    /// Codebook kinds first, then kinds only claims use, in that order.
    pub kinds: Vec<BratKind>,
}

impl BratTypes {
    /// Types for the codebook plus `extra` kind ids that claims use but the codebook
    /// lacks (a colleague's kinds), so no `.ann` line has an undeclared type. A label
    /// whose type name is empty or taken falls back to the kind id, then `kind-<id>`.
    pub fn new<'a>(codebook: &Codebook, extra: impl IntoIterator<Item = &'a str>) -> Self {
        let mut taken: HashSet<String> = [SOURCE_TYPE, CUE_TYPE].iter().map(|t| t.to_lowercase()).collect();
        let mut kinds = Vec::new();
        let extra: BTreeSet<&str> = extra.into_iter().filter(|id| codebook.kind(id).is_none()).collect();
        let all = codebook
            .kinds
            .iter()
            .map(|k| (k.id.as_str(), k.label.as_str(), format_rgb(k.rgb())))
            .chain(extra.into_iter().map(|id| (id, id, "#9ca3af".to_owned())));
        for (id, label, color) in all {
            let candidates = [brat_type_name(label), brat_type_name(id), format!("kind-{}", brat_type_name(id))];
            let mut type_name =
                candidates.iter().find(|c| !c.is_empty() && !taken.contains(&c.to_lowercase())).cloned();
            let mut n = 2;
            while type_name.is_none() {
                let c = format!("kind-{}-{n}", brat_type_name(id));
                if !taken.contains(&c.to_lowercase()) {
                    type_name = Some(c);
                }
                n += 1;
            }
            let type_name = type_name.unwrap_or_default();
            taken.insert(type_name.to_lowercase());
            kinds.push(BratKind { id: id.to_owned(), type_name, label: label.to_owned(), color });
        }
        Self { kinds }
    }

    /// The type name of kind `id`.
    pub fn type_of(&self, id: &str) -> Option<&str> {
        self.kinds.iter().find(|k| k.id == id).map(|k| k.type_name.as_str())
    }

    /// The kind a brat type names: its type name exactly, else the label, kind id or
    /// type name ignoring case, so hand-made brat projects import too.
    pub fn kind_of(&self, type_name: &str) -> Option<&str> {
        let exact = self.kinds.iter().find(|k| k.type_name == type_name);
        let loose = || {
            self.kinds.iter().find(|k| {
                k.label.to_lowercase() == type_name.to_lowercase()
                    || k.id.eq_ignore_ascii_case(type_name)
                    || k.type_name.eq_ignore_ascii_case(type_name)
            })
        };
        exact.or_else(loose).map(|k| k.id.as_str())
    }

    /// `annotation.conf`: the entity and relation types, nothing else.
    pub fn annotation_conf(&self) -> String {
        let claim_types = self.kinds.iter().map(|k| k.type_name.as_str()).collect::<Vec<_>>().join("|");
        let mut s = String::from("# Written by claimcoder export: one entity type per claim kind, the source\n");
        s.push_str("# mention and the reporting cue, linked to the claim by relations.\n\n[entities]\n\n");
        for k in &self.kinds {
            let _ = writeln!(s, "{}", k.type_name);
        }
        let _ = writeln!(s, "{SOURCE_TYPE}\n{CUE_TYPE}\n\n[relations]\n");
        if !claim_types.is_empty() {
            let _ = writeln!(s, "{SOURCE_TYPE}\tArg1:{claim_types}, Arg2:{SOURCE_TYPE}");
            let _ = writeln!(s, "{CUE_TYPE}\tArg1:{claim_types}, Arg2:{CUE_TYPE}");
        }
        s.push_str("# claims may overlap each other and their source or cue\n");
        s.push_str("<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n\n[events]\n\n[attributes]\n");
        s
    }

    /// `visual.conf`: labels as the codebook spells them, colours from the codebook.
    pub fn visual_conf(&self) -> String {
        let mut s = String::from("[labels]\n\n");
        for k in &self.kinds {
            let _ = writeln!(s, "{} | {}", k.type_name, single_line(&k.label));
        }
        let _ = writeln!(s, "{SOURCE_TYPE} | Source\n{CUE_TYPE} | Cue\n\n[drawing]\n");
        for k in &self.kinds {
            let _ = writeln!(s, "{}\tbgColor:{}", k.type_name, k.color);
        }
        let _ = writeln!(s, "{SOURCE_TYPE}\tbgColor:#e5e7eb, color:#6b7280");
        let _ = writeln!(s, "{CUE_TYPE}\tbgColor:#fde68a, color:#b45309");
        s.push_str("SPAN_DEFAULT\tfgColor:black, bgColor:lightgreen, borderColor:darken\n");
        s.push_str("ARC_DEFAULT\tcolor:black, arrowHead:triangle-5\n");
        s
    }
}

/// `tools.conf`: brat only shows `N` lines of a normalization resource it knows, so
/// `Actors` is declared here, with `DB:<NONE>`: brat's convention for a resource
/// without a local database, whose `N` lines brat shows with the name they carry
/// instead of looking the id up (a database that does not exist would make brat warn
/// on every document). `<URL>` is required by brat; there is no page per actor, so no
/// `<URLBASE>`. Sentences split at newlines so the text keeps its lines.
pub(crate) fn tools_conf() -> String {
    format!(
        "[options]\n\nValidation\tvalidate:all\nTokens\ttokenizer:whitespace\nSentences\tsplitter:newline\n\
         Annotation-log\tlogfile:<NONE>\n\n[search]\n\n[annotators]\n\n[disambiguators]\n\n[normalization]\n\n\
         {ACTOR_DB}\tDB:<NONE>, <URL>:about:blank\n"
    )
}

/// Text for a one-line field of a brat file: tabs and line breaks become spaces.
pub(crate) fn single_line(s: &str) -> String {
    s.chars().map(|c| if matches!(c, '\t' | '\n' | '\r') { ' ' } else { c }).collect()
}

fn format_rgb([r, g, b]: [u8; 3]) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Project;

    #[test]
    fn labels_become_single_token_types() {
        assert_eq!(brat_type_name("Policy stance"), "Policy_stance");
        assert_eq!(brat_type_name("Dénégation/refus"), "D_n_gation_refus");
        assert_eq!(brat_type_name("Assertion"), "Assertion");
    }

    #[test]
    fn colliding_labels_fall_back_to_ids() {
        let mut p = Project::builtin();
        p.kinds[1].label = "Assertion".into();
        p.kinds[2].label = "source".into();
        let t = BratTypes::new(&p.codebook(), ["other kind"]);
        let names: Vec<&str> = t.kinds.iter().map(|k| k.type_name.as_str()).collect();
        assert_eq!(names, ["Assertion", "denial", "commitment", "other_kind"]);
        assert_eq!(t.kind_of("Denial"), Some("denial"), "the kind id still matches");
        assert_eq!(t.kind_of("denial"), Some("denial"));
        assert_eq!(t.kind_of("ASSERTION"), Some("assertion"));
        assert!(t.annotation_conf().contains("Source\tArg1:Assertion|denial|commitment|other_kind, Arg2:Source"));
    }
}
