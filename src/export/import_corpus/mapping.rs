//! Which field of the source becomes what: the text, the id, the columns the
//! contract names (`title`, `date`, `outlet`, `author`, `url`, from the names
//! exports of Nexis, Factiva, Media Cloud and news-please use), and every other field
//! as a column of its own name.

use chrono::{DateTime, NaiveDate, NaiveDateTime};

use crate::model::metadata::{AUTHOR, DATE, DOCUMENT_COLUMN, OUTLET, TITLE, URL, parse_date};

/// Source field names for each known column, in order of preference (compared
/// trimmed and ignoring case).
pub const ALIASES: [(&str, &[&str]); 5] = [
    (TITLE, &["title"]),
    (DATE, &["date", "date_publish"]),
    (OUTLET, &["outlet", "publisher", "source_domain"]),
    (AUTHOR, &["author", "authors"]),
    (URL, &["url"]),
];

/// What each field of a source becomes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldMap {
    /// The field holding the text.
    pub text: usize,
    /// The field holding the id, when there is one.
    pub id: Option<usize>,
    /// Every field written to `documents.csv`: (column, field), known columns first.
    pub columns: Vec<(String, usize)>,
}

impl FieldMap {
    /// The field that fills `column`.
    pub fn field_of(&self, column: &str) -> Option<usize> {
        self.columns.iter().find(|(c, _)| c == column).map(|(_, f)| *f)
    }
}

/// Maps `fields`: the text from `text_field`, the id from `id_field` (given: it must
/// exist; default `id`: used when present).
pub fn map_fields(fields: &[String], text_field: &str, id_field: Option<&str>) -> Result<FieldMap, String> {
    let find = |name: &str| fields.iter().position(|f| f.trim().eq_ignore_ascii_case(name.trim()));
    let listed = || fields.iter().map(|f| format!("`{f}`")).collect::<Vec<_>>().join(", ");
    let text = find(text_field).ok_or_else(|| {
        format!("no field `{text_field}` holds the text (the fields are {}); name it with --text-field", listed())
    })?;
    let id = match id_field {
        Some(name) => {
            Some(find(name).ok_or_else(|| format!("no field `{name}` for --id-field (the fields are {})", listed()))?)
        }
        None => find("id"),
    };
    let mut used = vec![false; fields.len()];
    used[text] = true;
    let mut columns = Vec::new();
    for (column, aliases) in ALIASES {
        if let Some(f) = aliases
            .iter()
            .find_map(|a| (0..fields.len()).find(|&i| !used[i] && fields[i].trim().eq_ignore_ascii_case(a)))
        {
            used[f] = true;
            columns.push((column.to_owned(), f));
        }
    }
    for (f, name) in fields.iter().enumerate() {
        if used[f] {
            continue;
        }
        let name = name.trim();
        let mut column = if name == DOCUMENT_COLUMN { format!("source_{name}") } else { name.to_owned() };
        while columns.iter().any(|(c, _)| *c == column) {
            column.push('_');
        }
        columns.push((column, f));
    }
    Ok(FieldMap { text, id, columns })
}

/// A source's date as `documents.csv` holds it: kept when it already is `YYYY-MM-DD`
/// or RFC 3339; a date with a time but no offset (news-please's `2017-04-18 14:34:00`)
/// becomes its day, since the offset is unknown; RFC 2822 becomes RFC 3339; a few
/// spelled-out forms (`March 18, 2013`, Nexis's `March 18, 2013 Monday`) become their
/// day. `None` when none of these fits (the value is then kept as it is and reported).
pub fn normalize_date(raw: &str) -> Option<String> {
    let v = raw.trim();
    if parse_date(v).is_some() {
        return Some(v.to_owned());
    }
    for f in
        ["%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S%.f", "%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M"]
    {
        if let Ok(t) = NaiveDateTime::parse_from_str(v, f) {
            return Some(t.date().format("%Y-%m-%d").to_string());
        }
    }
    if let Ok(t) = DateTime::parse_from_rfc2822(v) {
        return Some(t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true));
    }
    let words: Vec<&str> = v.split_whitespace().collect();
    let candidates = [v.to_owned(), words.iter().take(3).copied().collect::<Vec<_>>().join(" ")];
    for c in &candidates {
        for f in ["%Y/%m/%d", "%B %d, %Y", "%B %d %Y", "%b %d, %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y", "%b. %d, %Y"] {
            if let Ok(d) = NaiveDate::parse_from_str(c, f) {
                return Some(d.format("%Y-%m-%d").to_string());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn known_fields_map_to_the_contract_columns() {
        let fields =
            names(&["ID", "Title", "maintext", "date_publish", "source_domain", "authors", "url", "language", "Date"]);
        let m = map_fields(&fields, "maintext", None).unwrap();
        assert_eq!(m.text, 2);
        assert_eq!(m.id, Some(0), "`id` is found ignoring case");
        let cols: Vec<(&str, usize)> = m.columns.iter().map(|(c, f)| (c.as_str(), *f)).collect();
        assert_eq!(
            cols,
            [
                ("title", 1),
                ("date", 8),
                ("outlet", 4),
                ("author", 5),
                ("url", 6),
                ("ID", 0),
                ("date_publish", 3),
                ("language", 7),
            ],
            "`date` is preferred to `date_publish`, which stays a column of its own"
        );
        assert_eq!(m.field_of("outlet"), Some(4));
    }

    #[test]
    fn missing_text_or_id_fields_are_named() {
        let fields = names(&["headline", "body", "document"]);
        let err = map_fields(&fields, "text", None).unwrap_err();
        assert!(
            err.contains("no field `text` holds the text (the fields are `headline`, `body`, `document`)"),
            "{err}"
        );
        let err = map_fields(&fields, "body", Some("uid")).unwrap_err();
        assert!(err.contains("no field `uid` for --id-field"), "{err}");
        let m = map_fields(&fields, "body", None).unwrap();
        assert_eq!(m.id, None);
        assert_eq!(m.columns[1].0, "source_document", "never a second `document` column");
    }

    #[test]
    fn dates_are_normalized_where_that_loses_nothing_known() {
        for (raw, want) in [
            ("2013-03-18", Some("2013-03-18")),
            ("2013-03-18T10:00:00+08:00", Some("2013-03-18T10:00:00+08:00")),
            ("2017-04-18 14:34:00", Some("2017-04-18")),
            ("2017-04-18T14:34:00", Some("2017-04-18")),
            ("Mon, 18 Mar 2013 10:00:00 +0000", Some("2013-03-18T10:00:00Z")),
            ("March 18, 2013", Some("2013-03-18")),
            ("March 18, 2013 Monday", Some("2013-03-18")),
            ("March 18 2013", Some("2013-03-18")),
            ("18 Mar 2013", Some("2013-03-18")),
            ("2013/03/18", Some("2013-03-18")),
            ("18 March 2013", Some("2013-03-18")),
            ("last Tuesday", None),
            ("18.03.13", None),
        ] {
            assert_eq!(normalize_date(raw).as_deref(), want, "{raw}");
        }
    }
}
