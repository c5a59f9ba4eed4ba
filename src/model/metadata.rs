//! Document metadata (FORMAT.md section 1, `documents.csv`): a headline, date, outlet,
//! author and url per document, plus any column a team adds. Analysts compare claims
//! by outlet and over time, so these travel with the document into the list, the
//! statistics and every export. Every row and column read is kept as it was, so that
//! writing the table back never loses what another tool put there.

use std::collections::HashMap;

use chrono::NaiveDate;

/// The file's name in the corpus folder.
pub const METADATA_FILE: &str = "documents.csv";
/// The required column: the document id.
pub const DOCUMENT_COLUMN: &str = "document";
/// The headline.
pub const TITLE: &str = "title";
/// `YYYY-MM-DD` or an RFC 3339 time.
pub const DATE: &str = "date";
/// The publication.
pub const OUTLET: &str = "outlet";
/// Authors, several joined with `; `.
pub const AUTHOR: &str = "author";
/// Where the article was published.
pub const URL: &str = "url";
/// The columns the contract names, in the order a new file gets them.
pub const KNOWN_COLUMNS: [&str; 5] = [TITLE, DATE, OUTLET, AUTHOR, URL];

/// One row as read: its cells (as many as the row had) and its line in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MetadataRow {
    /// Cells in column order; a malformed row may have more or fewer than the header.
    pub cells: Vec<String>,
    /// 1-based line where the row starts (0 for a row added in memory).
    pub line: usize,
}

/// The whole `documents.csv`: header, every row in file order, and an index of the
/// rows that describe a document (the first row for each id).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Metadata {
    columns: Vec<String>,
    rows: Vec<MetadataRow>,
    index: HashMap<String, usize>,
}

impl Metadata {
    /// A table with `columns` (which must include [`DOCUMENT_COLUMN`]) and `rows`;
    /// rows whose document cell is empty or repeated are kept but not indexed.
    pub fn new(columns: Vec<String>, rows: Vec<MetadataRow>) -> Self {
        let mut table = Self { columns, rows, index: HashMap::new() };
        table.reindex();
        table
    }

    fn reindex(&mut self) {
        self.index.clear();
        let Some(d) = self.document_col() else { return };
        for (i, row) in self.rows.iter().enumerate() {
            if let Some(id) = row.cells.get(d).filter(|id| !id.is_empty()) {
                self.index.entry(id.clone()).or_insert(i);
            }
        }
    }

    /// Position of the `document` column.
    fn document_col(&self) -> Option<usize> {
        self.columns.iter().position(|c| c == DOCUMENT_COLUMN)
    }

    /// Whether no document has metadata.
    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }

    /// The header as in the file.
    pub fn columns(&self) -> &[String] {
        &self.columns
    }

    /// Every column but `document`, in file order, a repeated one once: what
    /// exports add per document.
    pub fn value_columns(&self) -> impl Iterator<Item = &str> {
        let columns = &self.columns;
        columns
            .iter()
            .enumerate()
            .filter(move |(i, c)| c.as_str() != DOCUMENT_COLUMN && !columns[..*i].contains(c))
            .map(|(_, c)| c.as_str())
    }

    /// Every row in file order, malformed and repeated ones included.
    pub fn rows(&self) -> &[MetadataRow] {
        &self.rows
    }

    /// Ids of the documents described, in file order.
    pub fn documents(&self) -> impl Iterator<Item = &str> {
        let d = self.document_col();
        self.rows.iter().enumerate().filter_map(move |(i, r)| {
            let id = r.cells.get(d?)?;
            (self.index.get(id) == Some(&i)).then_some(id.as_str())
        })
    }

    /// The metadata of document `id`, when a row names it.
    pub fn get(&self, id: &str) -> Option<DocumentMeta<'_>> {
        let row = &self.rows[*self.index.get(id)?];
        Some(DocumentMeta { columns: &self.columns, row })
    }

    /// Sets `column` of document `id` to `value`, adding the column (at the end) and
    /// the row (at the end) when missing.
    pub fn set(&mut self, id: &str, column: &str, value: &str) {
        let col = match self.columns.iter().position(|c| c == column) {
            Some(c) => c,
            None => {
                if self.document_col().is_none() {
                    self.columns.insert(0, DOCUMENT_COLUMN.to_owned());
                    for row in &mut self.rows {
                        row.cells.insert(0, String::new());
                    }
                    self.reindex();
                }
                self.columns.push(column.to_owned());
                self.columns.len() - 1
            }
        };
        let row = match self.index.get(id) {
            Some(&r) => r,
            None => {
                let d = self.document_col().unwrap_or(0);
                let mut cells = vec![String::new(); self.columns.len()];
                cells[d] = id.to_owned();
                self.rows.push(MetadataRow { cells, line: 0 });
                self.index.insert(id.to_owned(), self.rows.len() - 1);
                self.rows.len() - 1
            }
        };
        let cells = &mut self.rows[row].cells;
        if cells.len() <= col {
            cells.resize(col + 1, String::new());
        }
        cells[col] = value.to_owned();
    }
}

/// One document's row.
#[derive(Clone, Copy, Debug)]
pub struct DocumentMeta<'a> {
    columns: &'a [String],
    row: &'a MetadataRow,
}

impl<'a> DocumentMeta<'a> {
    /// The value in `column`, `None` when the column is missing or the cell empty.
    pub fn value(&self, column: &str) -> Option<&'a str> {
        let i = self.columns.iter().position(|c| c == column)?;
        self.row.cells.get(i).map(String::as_str).filter(|v| !v.trim().is_empty())
    }

    /// Every non-empty value but the document id, in column order (a repeated
    /// column counts once, as in [`Self::value`]).
    pub fn values(&self) -> impl Iterator<Item = (&'a str, &'a str)> {
        let columns = self.columns;
        columns
            .iter()
            .zip(&self.row.cells)
            .enumerate()
            .filter(move |(i, (c, v))| {
                c.as_str() != DOCUMENT_COLUMN && !v.trim().is_empty() && !columns[..*i].contains(c)
            })
            .map(|(_, (c, v))| (c.as_str(), v.as_str()))
    }

    /// The headline.
    pub fn title(&self) -> Option<&'a str> {
        self.value(TITLE)
    }

    /// The publication date, when the cell holds one that parses.
    pub fn date(&self) -> Option<NaiveDate> {
        self.value(DATE).and_then(parse_date)
    }

    /// The outlet.
    pub fn outlet(&self) -> Option<&'a str> {
        self.value(OUTLET)
    }

    /// The authors as written (`; ` between several).
    pub fn author(&self) -> Option<&'a str> {
        self.value(AUTHOR)
    }

    /// The line of the row in `documents.csv`.
    pub fn line(&self) -> usize {
        self.row.line
    }
}

/// A `date` cell as the contract allows it: `YYYY-MM-DD`, or an RFC 3339 time, whose
/// calendar day is taken where it was written (its own offset), as the outlet dated it.
pub fn parse_date(value: &str) -> Option<NaiveDate> {
    let v = value.trim();
    if let Ok(d) = NaiveDate::parse_from_str(v, "%Y-%m-%d")
        && v.len() == 10
    {
        return Some(d);
    }
    chrono::DateTime::parse_from_rfc3339(v).ok().map(|t| t.date_naive())
}

/// A document's title: its `title`, else its first non-empty line (trimmed, cut to
/// 120 characters), so that a list never shows an empty row.
pub fn document_title(meta: Option<DocumentMeta<'_>>, text: &str) -> String {
    match meta.and_then(|m| m.title()) {
        Some(t) => super::document::title_of(t),
        None => super::document::title_of(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Metadata {
        let cols = ["document", "title", "date", "desk"].map(String::from).to_vec();
        let row = |cells: &[&str], line| MetadataRow { cells: cells.iter().map(|s| s.to_string()).collect(), line };
        Metadata::new(
            cols,
            vec![
                row(&["a.txt", "Lew to press China", "2013-03-18", "business"], 2),
                row(&["b.txt", "", "2013-03-21T23:30:00-05:00", ""], 3),
                row(&["a.txt", "repeated", "", ""], 4),
                row(&["short.txt"], 5),
            ],
        )
    }

    #[test]
    fn known_columns_and_others_are_read() {
        let t = table();
        let a = t.get("a.txt").unwrap();
        assert_eq!(a.title(), Some("Lew to press China"), "the first row of a repeated id counts");
        assert_eq!(a.date(), NaiveDate::from_ymd_opt(2013, 3, 18));
        assert_eq!(a.value("desk"), Some("business"));
        assert_eq!(a.outlet(), None);
        assert_eq!(
            a.values().collect::<Vec<_>>(),
            [("title", "Lew to press China"), ("date", "2013-03-18"), ("desk", "business")]
        );
        let b = t.get("b.txt").unwrap();
        assert_eq!(b.title(), None, "an empty cell is no value");
        assert_eq!(b.date(), NaiveDate::from_ymd_opt(2013, 3, 21), "the day where it was written");
        assert_eq!(t.get("short.txt").unwrap().title(), None, "a short row has empty cells");
        assert!(t.get("c.txt").is_none());
        assert_eq!(t.documents().collect::<Vec<_>>(), ["a.txt", "b.txt", "short.txt"]);
        assert_eq!(t.value_columns().collect::<Vec<_>>(), ["title", "date", "desk"]);
    }

    #[test]
    fn dates_follow_the_contract() {
        assert_eq!(parse_date("2013-03-18"), NaiveDate::from_ymd_opt(2013, 3, 18));
        assert_eq!(parse_date(" 2013-03-18T10:00:00Z "), NaiveDate::from_ymd_opt(2013, 3, 18));
        for bad in ["18/03/2013", "2013-3-18", "2013-02-30", "March 18, 2013", "2013-03-18 10:00:00", ""] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn set_adds_columns_and_rows_and_keeps_the_rest() {
        let mut t = table();
        t.set("b.txt", "title", "U.S. presses China");
        t.set("new.txt", "outlet", "AFP");
        t.set("short.txt", "desk", "world");
        assert_eq!(t.columns(), ["document", "title", "date", "desk", "outlet"]);
        assert_eq!(t.get("b.txt").unwrap().title(), Some("U.S. presses China"));
        assert_eq!(t.get("new.txt").unwrap().outlet(), Some("AFP"));
        assert_eq!(t.get("short.txt").unwrap().value("desk"), Some("world"));
        assert_eq!(t.rows().len(), 5, "the repeated row is kept");
        let mut empty = Metadata::default();
        empty.set("x.txt", "title", "X");
        assert_eq!(empty.columns(), ["document", "title"]);
        assert_eq!(empty.get("x.txt").unwrap().title(), Some("X"));
    }

    #[test]
    fn the_title_falls_back_to_the_first_line() {
        let t = table();
        assert_eq!(document_title(t.get("a.txt"), "YOU ARE HERE\nbody"), "Lew to press China");
        assert_eq!(document_title(t.get("b.txt"), "\n  Hi 23° | Lo 9°\nbody"), "Hi 23° | Lo 9°");
        assert_eq!(document_title(None, ""), "");
    }
}
