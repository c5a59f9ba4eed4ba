//! Reading articles held elsewhere into one table: a CSV or TSV file (one article a
//! row, text in quoted multi-line cells), a JSON-lines file (one article a line), or
//! news-please output (a folder of JSON files, or a JSON-lines file of them). Every
//! problem is collected with its line or file, so one run lists them all.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use encoding_rs::Encoding;

use super::super::brat_parse::LineIssue;
use crate::store::convert_utf8::decode_exact;

/// The largest field an article may have (16 MiB): more is a quote left open in a
/// CSV, or not an article.
pub const MAX_FIELD_BYTES: usize = 16 << 20;

/// Where the articles come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum SourceFormat {
    /// Comma-separated values with a header row.
    Csv,
    /// Tab-separated values with a header row.
    Tsv,
    /// One JSON object a line.
    Jsonl,
    /// news-please output: a folder of JSON files, or a JSON-lines file of them.
    #[value(name = "news-please")]
    NewsPlease,
}

impl SourceFormat {
    /// The format of `path` from its extension (a folder is news-please output).
    pub fn detect(path: &Path) -> Option<Self> {
        if path.is_dir() {
            return Some(Self::NewsPlease);
        }
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "csv" => Some(Self::Csv),
            "tsv" | "tab" => Some(Self::Tsv),
            "jsonl" | "ndjson" => Some(Self::Jsonl),
            "json" => Some(Self::NewsPlease),
            _ => None,
        }
    }

    /// The field holding the text when `--text-field` is not given.
    pub fn default_text_field(self) -> &'static str {
        match self {
            Self::NewsPlease => "maintext",
            _ => "text",
        }
    }
}

/// One article: a value per field of the table (`None`: missing or null).
#[derive(Clone, Debug, Default)]
pub struct Article {
    /// Index into [`Table::files`].
    pub file: usize,
    /// 1-based line where the article starts; 0 for a whole file.
    pub line: usize,
    /// Values in the order of [`Table::fields`].
    pub values: Vec<Option<String>>,
}

/// The articles of a source.
#[derive(Clone, Debug, Default)]
pub struct Table {
    /// Field names in the order first seen (the header of a CSV).
    pub fields: Vec<String>,
    /// Every article read, in source order.
    pub articles: Vec<Article>,
    /// The files read, as the user named them.
    pub files: Vec<String>,
}

impl Table {
    /// Where `article` is, for messages: `file:line`.
    pub fn issue(&self, article: &Article, message: String) -> LineIssue {
        LineIssue { file: self.files[article.file].clone(), line: article.line, message }
    }

    /// Where `article` is, in a sentence about another one of the same source: `line
    /// 12`, or `in <file>` for a whole-file article.
    pub fn place(&self, article: &Article) -> String {
        match article.line {
            0 => format!("in {}", self.files[article.file]),
            line => format!("at line {line}"),
        }
    }

    /// The file's stem of `article`, for news-please folders (one article a file).
    pub fn file_stem(&self, article: &Article) -> Option<String> {
        let p = Path::new(&self.files[article.file]);
        (article.line == 0).then(|| p.file_stem().map(|s| s.to_string_lossy().into_owned())).flatten()
    }

    fn field(&mut self, name: &str) -> usize {
        match self.fields.iter().position(|f| f == name) {
            Some(i) => i,
            None => {
                self.fields.push(name.to_owned());
                self.fields.len() - 1
            }
        }
    }
}

/// Reads `path` as `format`; bytes are decoded as `encoding`, else must be UTF-8.
/// Problems in rows are collected in `issues`; an `Err` is a source that cannot be
/// read at all.
pub fn read_source(
    path: &Path,
    format: SourceFormat,
    encoding: Option<&'static Encoding>,
    issues: &mut Vec<LineIssue>,
) -> Result<Table, String> {
    let mut table = Table::default();
    match format {
        SourceFormat::Csv | SourceFormat::Tsv => {
            let delimiter = if format == SourceFormat::Tsv { b'\t' } else { b',' };
            let bytes = read(path)?;
            read_delimited(&mut table, path, &bytes, delimiter, encoding, issues)?;
        }
        SourceFormat::Jsonl => read_json_lines(&mut table, path, &read(path)?, encoding, issues)?,
        SourceFormat::NewsPlease if path.is_dir() => {
            for file in json_files(path)? {
                read_json_file(&mut table, &file, &read(&file)?, encoding, issues);
            }
        }
        SourceFormat::NewsPlease => {
            let bytes = read(path)?;
            if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json")) {
                read_json_file(&mut table, path, &bytes, encoding, issues);
            } else {
                read_json_lines(&mut table, path, &bytes, encoding, issues)?;
            }
        }
    }
    Ok(table)
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// The advice for bytes that are not UTF-8.
const ENCODING_HINT: &str = "name the file's encoding with --encoding (e.g. windows-1252)";

/// The whole file decoded, when an encoding is given; else the line and message.
fn decoded(bytes: &[u8], encoding: &'static Encoding) -> Result<String, (usize, String)> {
    decode_exact(bytes, encoding).map_err(|m| {
        let line = bytes[..m.byte].iter().filter(|&&b| b == b'\n').count() + 1;
        (line, format!("byte {} is not valid {}; is it in another encoding?", m.byte, encoding.name()))
    })
}

/// A whole-file decoding failure as the error of a one-file source.
fn fatal(path: &Path, (line, message): (usize, String)) -> String {
    format!("{}:{line}: {message}", path.display())
}

/// The file's bytes as UTF-8: decoded whole from `encoding` when one is given,
/// else as they are without a byte-order mark.
fn utf8_bytes<'a>(path: &Path, bytes: &'a [u8], encoding: Option<&'static Encoding>) -> Result<Cow<'a, [u8]>, String> {
    match encoding {
        Some(e) => Ok(Cow::Owned(decoded(bytes, e).map_err(|f| fatal(path, f))?.into_bytes())),
        None => Ok(Cow::Borrowed(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes))),
    }
}

fn read_delimited(
    table: &mut Table,
    path: &Path,
    bytes: &[u8],
    delimiter: u8,
    encoding: Option<&'static Encoding>,
    issues: &mut Vec<LineIssue>,
) -> Result<(), String> {
    let bytes = utf8_bytes(path, bytes, encoding)?;
    let bytes = bytes.as_ref();
    table.files.push(path.display().to_string());
    let shown = table.files[0].clone();
    let issue = |line: usize, message: String| LineIssue { file: shown.clone(), line, message };
    let mut reader =
        csv::ReaderBuilder::new().delimiter(delimiter).has_headers(false).flexible(true).from_reader(bytes);
    let mut record = csv::ByteRecord::new();
    let mut header: Option<usize> = None;
    let mut last_start = (0, 1);
    loop {
        let line = reader.position().line() as usize;
        let start = (reader.position().byte() as usize, line);
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => last_start = start,
            Err(e) => return Err(format!("{}:{line}: {e}", path.display())),
        }
        let Some(width) = header else {
            for (i, name) in record.iter().enumerate() {
                match std::str::from_utf8(name) {
                    Ok(name) => {
                        let name = name.trim();
                        let name = if name.is_empty() { format!("column {}", i + 1) } else { name.to_owned() };
                        let mut unique = name.clone();
                        let mut n = 2;
                        while table.fields.contains(&unique) {
                            unique = format!("{name}_{n}");
                            n += 1;
                        }
                        table.fields.push(unique);
                    }
                    Err(_) => {
                        return Err(format!("{}:{line}: the header is not UTF-8; {ENCODING_HINT}", path.display()));
                    }
                }
            }
            header = Some(record.len());
            continue;
        };
        if record.len() != width {
            issues.push(issue(
                line,
                format!(
                    "this row has {} fields but the header has {width} (is a quote left open, or a {} in an unquoted cell?)",
                    record.len(),
                    if delimiter == b'\t' { "tab" } else { "comma" }
                ),
            ));
            continue;
        }
        let mut values = Vec::with_capacity(width);
        let mut bad = false;
        for (i, cell) in record.iter().enumerate() {
            let name = &table.fields[i];
            if cell.len() > MAX_FIELD_BYTES {
                issues.push(issue(
                    line,
                    format!(
                        "field `{name}` is {} MB, larger than an article can be (16 MB); is a quote left open?",
                        cell.len() >> 20
                    ),
                ));
                bad = true;
                continue;
            }
            match std::str::from_utf8(cell) {
                Ok(v) => values.push((!v.is_empty()).then(|| v.to_owned())),
                Err(e) => {
                    issues.push(issue(
                        line,
                        format!("field `{name}` is not UTF-8 at its byte {}; {ENCODING_HINT}", e.valid_up_to()),
                    ));
                    bad = true;
                }
            }
        }
        if !bad {
            table.articles.push(Article { file: 0, line, values });
        }
    }
    if header.is_none() {
        return Err(format!("{} is empty: no header row and no articles", path.display()));
    }
    let (byte, line) = last_start;
    if ends_inside_quotes(&bytes[byte.min(bytes.len())..], delimiter) {
        issues.retain(|i| i.line != line);
        table.articles.retain(|a| a.line != line);
        issues.push(issue(
            line,
            "a quote opened in this row is never closed, so the rest of the file is one field".to_owned(),
        ));
    }
    Ok(())
}

/// Whether the CSV record in `raw` (the last one, up to the end of the input) ends
/// inside a quoted field: a quote left open swallows everything after it, which the
/// reader accepts as one long field.
fn ends_inside_quotes(raw: &[u8], delimiter: u8) -> bool {
    #[derive(PartialEq)]
    enum State {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }
    let mut state = State::FieldStart;
    for &b in raw {
        state = match (state, b) {
            (State::FieldStart, b'"') => State::Quoted,
            (State::FieldStart | State::Unquoted | State::QuoteInQuoted, b'\n') => return false,
            (State::FieldStart | State::Unquoted | State::QuoteInQuoted, d) if d == delimiter => State::FieldStart,
            (State::QuoteInQuoted, b'"') => State::Quoted,
            (State::Quoted, b'"') => State::QuoteInQuoted,
            (State::Quoted, _) => State::Quoted,
            _ => State::Unquoted,
        };
    }
    state == State::Quoted
}

fn read_json_lines(
    table: &mut Table,
    path: &Path,
    bytes: &[u8],
    encoding: Option<&'static Encoding>,
    issues: &mut Vec<LineIssue>,
) -> Result<(), String> {
    let bytes = utf8_bytes(path, bytes, encoding)?;
    let bytes = bytes.as_ref();
    let file = table.files.len();
    table.files.push(path.display().to_string());
    for (i, raw) in bytes.split(|&b| b == b'\n').enumerate() {
        let line = i + 1;
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        if raw.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let issue = |message: String| LineIssue { file: table.files[file].clone(), line, message };
        let Ok(raw) = std::str::from_utf8(raw) else {
            issues.push(issue(format!("this line is not UTF-8; {ENCODING_HINT}")));
            continue;
        };
        match serde_json::from_str::<serde_json::Value>(raw) {
            Ok(serde_json::Value::Object(object)) => {
                if let Some(article) = article_of(table, file, line, object, issues) {
                    table.articles.push(article);
                }
            }
            Ok(_) => issues.push(issue("this line is not a JSON object (one article a line)".to_owned())),
            Err(e) => issues.push(issue(format!("this line is not JSON: {e}"))),
        }
    }
    Ok(())
}

/// One news-please file: an object (or an array of objects).
fn read_json_file(
    table: &mut Table,
    path: &Path,
    bytes: &[u8],
    encoding: Option<&'static Encoding>,
    issues: &mut Vec<LineIssue>,
) {
    let file = table.files.len();
    table.files.push(path.display().to_string());
    let issue = |message: String| LineIssue { file: path.display().to_string(), line: 0, message };
    let text = match encoding {
        Some(e) => match decoded(bytes, e) {
            Ok(t) => t,
            Err((line, message)) => {
                issues.push(LineIssue { file: path.display().to_string(), line, message });
                return;
            }
        },
        None => match std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)) {
            Ok(t) => t.to_owned(),
            Err(e) => {
                issues.push(issue(format!("not UTF-8 at byte {}; {ENCODING_HINT}", e.valid_up_to())));
                return;
            }
        },
    };
    match serde_json::from_str::<serde_json::Value>(&text) {
        Ok(serde_json::Value::Object(object)) => {
            if let Some(article) = article_of(table, file, 0, object, issues) {
                table.articles.push(article);
            }
        }
        Ok(serde_json::Value::Array(items)) => {
            for item in items {
                match item {
                    serde_json::Value::Object(object) => {
                        if let Some(article) = article_of(table, file, 0, object, issues) {
                            table.articles.push(article);
                        }
                    }
                    _ => issues.push(issue("an item of the array is not a JSON object".to_owned())),
                }
            }
        }
        Ok(_) => issues.push(issue("not a JSON object (a news-please article)".to_owned())),
        Err(e) => issues.push(LineIssue {
            file: path.display().to_string(),
            line: e.line(),
            message: format!("not JSON: {e}"),
        }),
    }
}

/// The article of a JSON object; values become text (lists joined with `; `).
fn article_of(
    table: &mut Table,
    file: usize,
    line: usize,
    object: serde_json::Map<String, serde_json::Value>,
    issues: &mut Vec<LineIssue>,
) -> Option<Article> {
    let mut values: Vec<Option<String>> = vec![None; table.fields.len()];
    for (key, value) in object {
        let i = table.field(key.trim());
        if values.len() <= i {
            values.resize(i + 1, None);
        }
        let text = match value {
            serde_json::Value::Null => None,
            serde_json::Value::String(s) => Some(s),
            serde_json::Value::Array(items) => {
                let parts: Vec<String> = items.into_iter().filter_map(scalar).filter(|s| !s.is_empty()).collect();
                Some(parts.join("; "))
            }
            other => scalar(other),
        };
        if let Some(t) = &text
            && t.len() > MAX_FIELD_BYTES
        {
            issues.push(LineIssue {
                file: table.files[file].clone(),
                line,
                message: format!("field `{key}` is {} MB, larger than an article can be (16 MB)", t.len() >> 20),
            });
            return None;
        }
        values[i] = text.filter(|t| !t.is_empty());
    }
    Some(Article { file, line, values })
}

/// A JSON value as one cell: strings as they are, other values as JSON.
fn scalar(v: serde_json::Value) -> Option<String> {
    match v {
        serde_json::Value::Null => None,
        serde_json::Value::String(s) => Some(s),
        other => Some(other.to_string()),
    }
}

/// Every `.json` under `dir`, hidden folders skipped, in path order.
fn json_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    let walker = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = entry.map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
        if entry.file_type().is_file() && entry.path().extension().is_some_and(|e| e.eq_ignore_ascii_case("json")) {
            out.push(entry.into_path());
        }
    }
    if out.is_empty() {
        return Err(format!("{} holds no .json files (news-please writes one per article)", dir.display()));
    }
    Ok(out)
}
