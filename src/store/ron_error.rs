//! RON parse errors as a user reads them: located on the value at fault, with the
//! field or value meant when a name is a near miss (`claimz` -> `claims`).

use ron::error::{Error, Position, SpannedError};

use super::annotation_io::LoadError;

/// Turns a RON error into a located [`LoadError::Syntax`], with the column moved
/// onto the value at fault: RON starts the span of a wrong value (`text_sha256: 42`)
/// at the blanks before it, so the column would point at a space the user need not
/// touch.
pub fn syntax_error_in(path: &str, text: &str, e: SpannedError) -> LoadError {
    let (start, end) = (offset_of(text, e.span.start), offset_of(text, e.span.end));
    let at = match (start, end) {
        (Some(s), Some(t)) if s < t && text[s..t].chars().all(char::is_whitespace) => e.span.end,
        _ => e.span.start,
    };
    LoadError::Syntax { path: path.to_owned(), line: at.line.max(1), col: at.col.max(1), reason: describe(&e.code) }
}

/// One sentence for a RON error, naming the field or value meant for a near miss.
pub fn describe(code: &Error) -> String {
    match code {
        Error::NoSuchStructField { expected, found, outer } => match near_miss(found, expected) {
            Some(meant) => format!("unknown field `{found}`{}; did you mean `{meant}`?", within(outer)),
            None => format!("unknown field `{found}`{} (known fields: {})", within(outer), listed(expected)),
        },
        Error::NoSuchEnumVariant { expected, found, outer: _ } => match near_miss(found, expected) {
            Some(meant) => format!("unknown value `{found}`; did you mean `{meant}`?"),
            None => format!("unknown value `{found}` (one of {})", listed(expected)),
        },
        Error::MissingStructField { field, outer } => format!("missing field `{field}`{}", within(outer)),
        Error::DuplicateStructField { field, outer } => format!("field `{field}` appears twice{}", within(outer)),
        other => other.to_string(),
    }
}

/// The closest of `candidates` to `found`, if close enough to be a typo.
fn near_miss<'a>(found: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|c| (strsim::jaro_winkler(found, c), *c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

fn listed(names: &[&str]) -> String {
    names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ")
}

/// ` in a claim` for the struct a field belongs to, in the user's words.
fn within(outer: &Option<String>) -> &'static str {
    match outer.as_deref() {
        Some("Claim") => " in a claim",
        Some("Span") => " in a span",
        Some("Kind") => " in a kind",
        Some("Actor") => " in an actor",
        Some("Field") => " in a field",
        Some("Choice") => " in a field value",
        _ => "",
    }
}

/// Byte offset of a 1-based RON position (column in chars) in `text`.
fn offset_of(text: &str, pos: Position) -> Option<usize> {
    let line_start: usize = text.split_inclusive('\n').take(pos.line.checked_sub(1)?).map(str::len).sum();
    let line = text.get(line_start..)?;
    let col = pos.col.checked_sub(1)?;
    line.char_indices().map(|(b, _)| line_start + b).chain(std::iter::once(text.len())).nth(col)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_misses_are_named() {
        let fields = &["format", "document", "claims", "actors", "next_id"][..];
        assert_eq!(near_miss("claimz", fields), Some("claims"));
        assert_eq!(near_miss("actor", fields), Some("actors"));
        assert_eq!(near_miss("reviewer", fields), None);
        assert_eq!(near_miss("sourse", &["source", "source_mention", "cue"]), Some("source"));
        assert_eq!(near_miss("Dnoe", &["InProgress", "Done"]), Some("Done"));
    }
}
