//! Closed classes of English function words the reporting patterns turn on. Rules
//! cannot tag parts of speech, but the few words that end a subject, stand between
//! a source and its verb, or open a clause are a short, fixed list.

/// Whether `w` is in `list`, ignoring ASCII case.
pub(crate) fn is_in(list: &[&str], w: &str) -> bool {
    list.iter().any(|x| x.eq_ignore_ascii_case(w))
}

/// Subject pronouns that can be a source ("he said"); `who` opens a relative clause
/// whose antecedent is the source.
pub(crate) const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "you", "who"];

/// Words between a source and its verb: auxiliaries, negation and the adverbs news
/// puts there ("has also said", "would later deny", "flatly rejected").
pub(crate) const BETWEEN: &[&str] = &[
    "has", "have", "had", "also", "previously", "repeatedly", "later", "then", "would", "will", "did", "does", "do",
    "is", "was", "were", "are", "been", "be", "being", "once", "again", "first", "recently", "publicly", "privately",
    "reportedly", "flatly", "quickly", "separately", "earlier", "often", "never", "not", "n't", "long", "since",
    "already", "still", "just", "even", "only", "ultimately", "subsequently", "initially", "originally", "famously",
    "openly", "explicitly", "strongly", "firmly", "angrily", "bluntly", "simply", "frequently", "consistently",
    "specifically", "personally", "officially", "formally", "allegedly", "apparently", "clearly", "may", "might",
    "could", "should", "can", "must", "shall", "widely", "generally", "certainly", "actually", "now", "always",
    "sometimes", "immediately", "quietly", "loudly", "emphatically", "vehemently", "categorically", "directly",
    "indirectly", "correctly", "falsely", "wrongly", "rightly", "similarly", "likewise",
];

/// Words that end a subject going left: they open the clause the verb is in.
pub(crate) const CLAUSE_OPENERS: &[&str] = &[
    "that", "which", "and", "but", "or", "nor", "as", "while", "when", "whereas", "because", "if", "after", "before",
    "since", "although", "though", "so", "where", "than", "until", "unless", "whether", "once", "yet", "whom", "what",
    "how", "why",
];

/// Determiners and possessives: a cue right after one is a noun ("the report said").
pub(crate) const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "these", "those", "every", "each",
    "any", "no", "some", "such", "another", "whose",
];

/// Words that end a source named after its verb ("said Lew on Monday").
pub(crate) const AFTER_SOURCE: &[&str] = &[
    "on", "in", "at", "during", "after", "before", "when", "while", "who", "which", "as", "last", "this", "yesterday",
    "today", "tonight", "earlier", "later", "recently", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "that", "because", "adding", "noting", "and", "but", "with", "to", "told", "said", "says",
    "from", "via", "through", "by", "about", "over", "amid", "citing",
];

/// Adjuncts news puts between a verb and its content ("said Monday that", "said in
/// a statement that"): skipped when looking for the `that` that opens the content.
pub(crate) const TIME_WORDS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today", "tonight",
    "earlier", "later", "recently", "last", "week", "month", "year", "night", "morning", "afternoon", "evening",
];

/// Verbs whose first complement is the person addressed ("told reporters that").
pub(crate) const ADDRESSING: &[&str] = &[
    "tell", "inform", "assure", "reassure", "warn", "remind", "urge", "ask", "brief", "caution", "advise", "convince",
    "persuade", "promise", "notify", "alert", "instruct", "show",
];

/// Auxiliaries and modals that, after a subject, make a statement about the future
/// ("we will", "he would"): the mark of a commitment.
pub(crate) const FUTURE: &[&str] = &["will", "shall", "would", "won't", "wouldn't", "intends", "intend", "plans", "plan"];

/// Nouns that name a person, for pronoun agreement ("the official" is a he or she).
pub(crate) const PERSON_NOUNS: &[&str] = &[
    "official", "spokesman", "spokeswoman", "spokesperson", "secretary", "minister", "president", "senator",
    "adviser", "advisor", "director", "chairman", "chairwoman", "chair", "governor", "mayor", "leader", "premier",
    "ambassador", "diplomat", "general", "candidate", "nominee", "aide", "analyst", "expert", "lawyer", "attorney",
    "judge", "chief", "executive", "manager", "professor", "representative", "congressman", "congresswoman",
    "strategist", "economist", "researcher", "author", "writer", "reporter", "commentator", "host", "founder",
];

/// Words that name an organisation, which is an "it" or a "they", never a "he".
pub(crate) const ORG_WORDS: &[&str] = &[
    "government", "ministry", "house", "department", "times", "post", "news", "agency", "council", "party",
    "committee", "office", "pentagon", "congress", "senate", "group", "company", "inc", "corp", "association",
    "institute", "university", "bank", "court", "commission", "army", "military", "administration", "campaign",
    "statement", "report", "readout", "network", "service", "board", "union", "organization", "organisation",
    "foundation", "center", "centre", "fund", "journal", "press", "media", "television", "tv", "radio", "state",
    "states", "embassy", "police", "fbi", "cia", "nato", "un", "eu", "team", "firm", "republic", "kingdom",
    "parliament", "assembly", "cabinet", "bureau", "authority", "authorities",
];
