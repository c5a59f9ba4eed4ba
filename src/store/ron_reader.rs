//! A fast reader for annotation files laid out exactly as [`super::ron_writer`]
//! writes them, which is what almost every file on disk is. Anything else (a
//! comment, other spacing, another field order, an unknown field, a number or an
//! escape the writer would not write, a hand edit) makes it give up with `None`, and
//! the caller parses strictly with ron. It must never accept what the strict parser
//! rejects nor read anything different: property tests hold that for every file the
//! writer produces and for random mutations of them. It exists because corpus-wide
//! analyses read hundreds of thousands of claims.

use std::collections::BTreeMap;

use crate::model::time::{Timestamp, parse_file_time};
use crate::model::{AnnotationFile, Claim, FORMAT_VERSION, Span, Status};

/// Reads a file in the writer's exact layout, or `None` to fall back to ron.
pub fn read_written_layout(text: &str) -> Option<AnnotationFile> {
    let mut lines = Lines { rest: text };
    lines.exact("(")?;
    let format = number(lines.field("    format: ")?)?;
    if format != FORMAT_VERSION {
        return None;
    }
    let document = string_field(&mut lines, "    document: ")?;
    let text_sha256 = string_field(&mut lines, "    text_sha256: ")?;
    let annotator = string_field(&mut lines, "    annotator: ")?;
    let status = match lines.field("    status: ")? {
        "InProgress" => Status::InProgress,
        "Done" => Status::Done,
        _ => return None,
    };
    let modified = timestamp(lines.field("    modified: ")?)?;
    let actors = read_actors(&mut lines)?;
    let claims = read_claims(&mut lines)?;
    let next_id = number(lines.field("    next_id: ")?)?;
    let rejected = read_rejected(&mut lines)?;
    lines.exact(")")?;
    if !lines.rest.is_empty() {
        return None;
    }
    Some(AnnotationFile {
        format,
        document,
        text_sha256,
        annotator,
        status,
        modified,
        actors,
        claims,
        next_id,
        rejected,
    })
}

/// The text line by line, each line without its `\n`.
struct Lines<'a> {
    rest: &'a str,
}

impl<'a> Lines<'a> {
    fn next(&mut self) -> Option<&'a str> {
        let end = self.rest.find('\n')?;
        let line = &self.rest[..end];
        self.rest = &self.rest[end + 1..];
        Some(line)
    }

    fn peek(&self) -> Option<&'a str> {
        self.rest.find('\n').map(|end| &self.rest[..end])
    }

    fn exact(&mut self, expected: &str) -> Option<()> {
        (self.next()? == expected).then_some(())
    }

    /// The value of a `prefix<value>,` line.
    fn field(&mut self, prefix: &str) -> Option<&'a str> {
        self.next()?.strip_prefix(prefix)?.strip_suffix(',')
    }
}

fn string_field(lines: &mut Lines<'_>, prefix: &str) -> Option<String> {
    let (s, rest) = string(lines.field(prefix)?)?;
    rest.is_empty().then_some(s)
}

fn read_actors(lines: &mut Lines<'_>) -> Option<BTreeMap<String, String>> {
    let mut actors = BTreeMap::new();
    match lines.next()? {
        "    actors: {}," => return Some(actors),
        "    actors: {" => {}
        _ => return None,
    }
    loop {
        let line = lines.next()?;
        if line == "    }," {
            return Some(actors);
        }
        let (id, rest) = string(line.strip_prefix("        ")?)?;
        let (name, rest) = string(rest.strip_prefix(": ")?)?;
        if rest != "," || actors.insert(id, name).is_some() {
            return None;
        }
    }
}

fn read_claims(lines: &mut Lines<'_>) -> Option<Vec<Claim>> {
    let mut claims = Vec::new();
    match lines.next()? {
        "    claims: []," => return Some(claims),
        "    claims: [" => {}
        _ => return None,
    }
    loop {
        match lines.next()? {
            "    ]," => return Some(claims),
            "        (" => claims.push(read_claim(lines)?),
            _ => return None,
        }
    }
}

fn read_claim(lines: &mut Lines<'_>) -> Option<Claim> {
    const IN: &str = "            ";
    let id = number(lines.field(&format!("{IN}id: "))?)?;
    let kind = string_field(lines, &format!("{IN}kind: "))?;
    let content = whole_span(lines.field(&format!("{IN}content: "))?)?;
    let source = match lines.field(&format!("{IN}source: "))? {
        "None" => None,
        v => {
            let (s, rest) = string(v.strip_prefix("Some(")?)?;
            (rest == ")").then_some(())?;
            Some(s)
        }
    };
    let source_mention = optional_span(lines.field(&format!("{IN}source_mention: "))?)?;
    let cue = optional_span(lines.field(&format!("{IN}cue: "))?)?;
    let note = string_field(lines, &format!("{IN}note: "))?;
    let fields = match lines.peek()?.strip_prefix(&format!("{IN}fields: ")) {
        Some(value) => {
            lines.next()?;
            string_map(value.strip_suffix(',')?)?
        }
        None => BTreeMap::new(),
    };
    let created = timestamp(lines.field(&format!("{IN}created: "))?)?;
    let modified = timestamp(lines.field(&format!("{IN}modified: "))?)?;
    lines.exact("        ),")?;
    Some(Claim { id, kind, content, source, source_mention, cue, note, fields, created, modified })
}

/// `{"k": "v", "k2": "v2"}` as the writer prints a non-empty map on one line; a
/// repeated key is left to the strict parser, which reports it.
fn string_map(value: &str) -> Option<BTreeMap<String, String>> {
    let mut rest = value.strip_prefix('{')?;
    let mut map = BTreeMap::new();
    loop {
        let (key, after) = string(rest)?;
        let (val, after) = string(after.strip_prefix(": ")?)?;
        if map.insert(key, val).is_some() {
            return None;
        }
        if after == "}" {
            return Some(map);
        }
        rest = after.strip_prefix(", ")?;
    }
}

fn read_rejected(lines: &mut Lines<'_>) -> Option<Vec<Span>> {
    let mut rejected = Vec::new();
    if lines.peek()? != "    rejected: [" {
        return Some(rejected);
    }
    lines.next()?;
    loop {
        match lines.next()? {
            "    ]," => return Some(rejected),
            "        (" => {
                let start = number(lines.field("            start: ")?)?;
                let end = number(lines.field("            end: ")?)?;
                let quote = string_field(lines, "            quote: ")?;
                lines.exact("        ),")?;
                rejected.push(Span { start, end, quote });
            }
            _ => return None,
        }
    }
}

/// `Some((start: …))` or `None`, with `Some(None)` meaning the field is `None`.
fn optional_span(value: &str) -> Option<Option<Span>> {
    if value == "None" {
        return Some(None);
    }
    let inner = value.strip_prefix("Some(")?.strip_suffix(')')?;
    whole_span(inner).map(Some)
}

/// `(start: N, end: N, quote: "…")` and nothing after it.
fn whole_span(value: &str) -> Option<Span> {
    let rest = value.strip_prefix("(start: ")?;
    let (start, rest) = rest.split_once(", end: ")?;
    let (end, rest) = rest.split_once(", quote: ")?;
    let (quote, rest) = string(rest)?;
    (rest == ")").then_some(())?;
    Some(Span { start: number(start)?, end: number(end)?, quote })
}

/// A number as the writer prints it: ASCII digits, no sign, no leading zero. Rust's
/// `parse` would also take `+7`, which ron may read otherwise; such a file goes to
/// the strict parser.
fn number<T: std::str::FromStr>(s: &str) -> Option<T> {
    let canonical = match s.as_bytes() {
        [b'0'] => true,
        [b'1'..=b'9', rest @ ..] => rest.iter().all(u8::is_ascii_digit),
        _ => false,
    };
    if canonical { s.parse().ok() } else { None }
}

/// `"YYYY-MM-DDTHH:MM:SSZ"`, read by the same rule as the strict parser.
fn timestamp(value: &str) -> Option<Timestamp> {
    parse_file_time(value.strip_prefix('"')?.strip_suffix('"')?)
}

/// A quoted string at the start of `s`, unescaped as ron unescapes what
/// `char::escape_debug` wrote, and the text after its closing quote.
fn string(s: &str) -> Option<(String, &str)> {
    let body = s.strip_prefix('"')?;
    let mut out = String::with_capacity(body.len());
    let mut chars = body.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((out, &body[i + 1..])),
            '\\' => {
                let (_, e) = chars.next()?;
                out.push(match e {
                    'n' => '\n',
                    'r' => '\r',
                    't' => '\t',
                    '0' => '\0',
                    '\\' | '\'' | '"' => e,
                    'u' => {
                        let (open, brace) = chars.next()?;
                        if brace != '{' {
                            return None;
                        }
                        let rest = &body[open + 1..];
                        let close = rest.find('}')?;
                        let hex = rest.get(..close)?;
                        if hex.is_empty() || hex.len() > 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                            return None;
                        }
                        let code = u32::from_str_radix(hex, 16).ok()?;
                        for _ in 0..=close {
                            chars.next()?;
                        }
                        char::from_u32(code)?
                    }
                    _ => return None,
                });
            }
            c => out.push(c),
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unescapes_what_escape_debug_writes() {
        let original = "a\"b\\c'd\te\n\u{301}\u{0}\u{7f}中“”";
        let escaped: String = original.chars().flat_map(char::escape_debug).collect();
        let quoted = format!("\"{escaped}\"),");
        let (s, rest) = string(&quoted).unwrap();
        assert_eq!(s, original);
        assert_eq!(rest, "),");
    }

    #[test]
    fn anything_unexpected_falls_back() {
        assert!(read_written_layout("(format: 1)").is_none());
        assert!(read_written_layout("").is_none());
        assert!(string("\"unterminated").is_none());
        assert!(timestamp("\"2026-11-22T12:00:00+01:00\"").is_none());
        assert!(string("\"\\u{+41}\"").is_none());
        assert!(string("\"\\u{0000041}\"").is_none());
        assert_eq!(number::<u64>("+7"), None);
        assert_eq!(number::<u64>("07"), None);
        assert_eq!(number::<u64>("0"), Some(0));
        assert_eq!(number::<u64>("70"), Some(70));
    }
}
