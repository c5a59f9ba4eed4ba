//! Quotations: which quotation mark opens, which closes, and what they enclose.
//!
//! Marks of many typographic traditions pair up: straight `"…"` and `'…'`, English
//! `“…”` and `‘…’`, German `„…“` and `‚…‘`, Polish `„…”`, French, Russian and Arabic
//! `«…»` (with or without spaces inside), Danish `»…«`, Swedish `”…”`, and CJK
//! `「…」` / `『…』`. Quotations nest. Ambiguous marks (straight quotes, `’`, `”`, `»`)
//! are decided by what stands beside them, so the apostrophes of `it’s`, `don't` and
//! `analysts’` are not taken for quotation marks.
//!
//! A quotation may run over paragraphs, as news prints it: the paragraph ends with
//! the quotation still open and the next paragraph opens with a quotation mark again.
//! That repeated mark is a *continuation*, not a new quotation. A quotation left
//! open at a paragraph end without such a continuation ends there, unclosed.

use super::TextIndex;

/// One quotation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quotation {
    /// Char offset of the opening mark.
    pub open: usize,
    /// The opening mark.
    pub mark: char,
    /// Char offset of the closing mark; `None` when the quotation is never closed.
    pub close: Option<usize>,
    /// One past its last char: after the closing mark, or the end of the last
    /// paragraph it reaches when unclosed.
    pub end: usize,
    /// The opening marks that repeat it at the start of following paragraphs.
    pub continuations: Vec<usize>,
    /// 0 for an outermost quotation, 1 inside another, ...
    pub depth: usize,
}

impl Quotation {
    /// The quoted text between the marks (char range).
    pub fn content(&self) -> (usize, usize) {
        (self.open + 1, self.close.unwrap_or(self.end))
    }

    /// Whether `pos` is one of its opening marks (the first or a continuation).
    pub fn opens_at(&self, pos: usize) -> bool {
        self.open == pos || self.continuations.contains(&pos)
    }
}

/// What a quotation mark does in its quotation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkRole {
    /// Opens the quotation.
    Open,
    /// Repeats the opening at the start of a later paragraph.
    Continuation,
    /// Closes it.
    Close,
}

/// Every quotation of a text, in order of their opening marks.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Quotations {
    list: Vec<Quotation>,
    /// Every paired mark: (char offset, index in `list`), by offset.
    marks: Vec<(usize, usize)>,
}

impl Quotations {
    /// All quotations, ordered by their opening mark.
    pub fn all(&self) -> &[Quotation] {
        &self.list
    }

    /// The quotation mark at `pos`, with its quotation and role.
    pub fn mark_at(&self, pos: usize) -> Option<(&Quotation, MarkRole)> {
        let i = self.marks.binary_search_by_key(&pos, |m| m.0).ok()?;
        let q = &self.list[self.marks[i].1];
        let role = if q.open == pos {
            MarkRole::Open
        } else if q.close == Some(pos) {
            MarkRole::Close
        } else {
            MarkRole::Continuation
        };
        Some((q, role))
    }

    /// The quotation marks in `start..end`, in text order.
    pub fn marks_in(&self, start: usize, end: usize) -> impl Iterator<Item = (usize, &Quotation)> {
        let from = self.marks.partition_point(|m| m.0 < start);
        self.marks[from..].iter().take_while(move |m| m.0 < end).map(|&(pos, i)| (pos, &self.list[i]))
    }

    /// The innermost quotation whose content holds `pos`.
    pub fn innermost_at(&self, pos: usize) -> Option<&Quotation> {
        let last = self.list.partition_point(|q| q.open < pos);
        self.list[..last].iter().rev().filter(|q| q.content().0 <= pos && pos < q.content().1).max_by_key(|q| q.depth)
    }
}

/// The mark(s) that close a quotation opened by `open`.
fn closes(open: char, close: char) -> bool {
    matches!(
        (open, close),
        ('"', '"')
            | ('\'', '\'')
            | ('“', '”')
            | ('„', '“' | '”')
            | ('‟', '”')
            | ('”', '”')
            | ('‘', '’')
            | ('‚', '‘' | '’')
            | ('‛', '’')
            | ('«', '»')
            | ('»', '«')
            | ('‹', '›')
            | ('›', '‹')
            | ('「', '」')
            | ('『', '』')
            | ('﹁', '﹂')
            | ('﹃', '﹄')
            | ('｢', '｣')
            | ('〝', '〞' | '〟')
            | ('＂', '＂')
    )
}

/// How a mark may open a quotation.
#[derive(PartialEq)]
enum Opens {
    /// Never (`’`, `」`, ...).
    Never,
    /// Whatever stands beside it (`“`, `«`, `„`, `「`): French `« Il »` has a space inside.
    Always,
    /// Only with a non-space after it and no letter or digit before it (`"`, `'`, `‘`, `”`, `»`).
    Flanked,
}

fn opens(c: char) -> Opens {
    match c {
        '“' | '„' | '‟' | '«' | '‹' | '‚' | '‛' | '「' | '『' | '﹁' | '﹃' | '｢' | '〝' => {
            Opens::Always
        }
        '"' | '\'' | '‘' | '”' | '»' | '›' | '＂' => Opens::Flanked,
        _ => Opens::Never,
    }
}

/// Whether `c` can be a quotation mark at all.
pub(crate) fn is_quote_mark(c: char) -> bool {
    opens(c) != Opens::Never || matches!(c, '’' | '」' | '』' | '﹂' | '﹄' | '｣' | '〞' | '〟')
}

/// Marks whose unclosed quotations are dropped at a paragraph end: single quotes are
/// apostrophes far more often than unfinished quotations (`'90s`, `rock 'n' roll`).
fn is_single(c: char) -> bool {
    matches!(c, '\'' | '‘' | '‚' | '‛' | '‹' | '›')
}

/// The scan's state: open quotations, innermost last.
struct Scanner {
    list: Vec<Quotation>,
    stack: Vec<usize>,
    dropped: Vec<bool>,
}

impl Scanner {
    fn mark(&mut self, c: char, prev: Option<char>, next: Option<char>, pos: usize) {
        let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        let blank = |c: Option<char>| c.is_none_or(char::is_whitespace);
        if matches!(c, '\'' | '’' | '＇') && alnum(prev) && alnum(next) {
            return; // an apostrophe inside a word
        }
        let can_close = !blank(prev) && !alnum(next);
        let flanked_open = !blank(next) && !alnum(prev);
        // A mark that both opens and closes, or is also an apostrophe, closes only
        // after a non-space; `»` after `« non ` closes whatever stands before it.
        let ambiguous_close = matches!(c, '"' | '\'' | '’' | '‘' | '＂');
        if (!ambiguous_close || can_close)
            && let Some(depth) = self.stack.iter().rposition(|&i| closes(self.list[i].mark, c))
        {
            // Inner quotations left open end here, unclosed.
            for i in self.stack.drain(depth + 1..) {
                self.list[i].end = pos;
            }
            if let Some(i) = self.stack.pop() {
                self.list[i].close = Some(pos);
                self.list[i].end = pos + 1;
            }
            return;
        }
        let open = match opens(c) {
            Opens::Always => true,
            Opens::Flanked => flanked_open,
            Opens::Never => false,
        };
        if open {
            self.stack.push(self.list.len());
            self.list.push(Quotation {
                open: pos,
                mark: c,
                close: None,
                end: pos + 1,
                continuations: Vec::new(),
                depth: self.stack.len() - 1,
            });
            self.dropped.push(false);
        }
    }

    /// At the end of a paragraph: the quotations still open continue when the next
    /// paragraph opens with their marks (outermost first), else they end here.
    fn paragraph_end(&mut self, end: usize, next_opening: &[(usize, char)]) -> Vec<usize> {
        let mut continued = 0;
        let mut consumed = Vec::new();
        for &(pos, c) in next_opening {
            let Some(&i) = self.stack.get(continued) else { break };
            if c != self.list[i].mark {
                break;
            }
            self.list[i].continuations.push(pos);
            consumed.push(pos);
            continued += 1;
        }
        for &i in &self.stack {
            self.list[i].end = end;
        }
        for i in self.stack.drain(continued..) {
            if is_single(self.list[i].mark) {
                self.dropped[i] = true;
            }
        }
        consumed
    }
}

/// Finds the quotations of the whole text.
pub(crate) fn scan(text: &TextIndex) -> Quotations {
    let paragraphs = text.paragraphs();
    let mut scanner = Scanner { list: Vec::new(), stack: Vec::new(), dropped: Vec::new() };
    let mut consumed: Vec<usize> = Vec::new();
    for (n, p) in paragraphs.iter().enumerate() {
        let body = text.paragraph_text(p);
        if body.trim().is_empty() {
            continue; // blank lines between paragraphs neither end nor continue a quotation
        }
        let mut prev = None;
        let mut chars = body.chars().peekable();
        let mut pos = p.start;
        while let Some(c) = chars.next() {
            if is_quote_mark(c) && !consumed.contains(&pos) {
                scanner.mark(c, prev, chars.peek().copied(), pos);
            }
            prev = Some(c);
            pos += 1;
        }
        consumed.clear();
        if !scanner.stack.is_empty() {
            let opening = paragraphs[n + 1..]
                .iter()
                .find(|q| !text.paragraph_text(q).trim().is_empty())
                .map(|q| leading_marks(text.paragraph_text(q), q.start))
                .unwrap_or_default();
            consumed = scanner.paragraph_end(p.end, &opening);
        }
    }
    let Scanner { list, dropped, .. } = scanner;
    let mut list: Vec<Quotation> = list.into_iter().zip(dropped).filter(|(_, d)| !d).map(|(q, _)| q).collect();
    list.sort_by_key(|q| q.open);
    let mut marks: Vec<(usize, usize)> = Vec::new();
    for (i, q) in list.iter().enumerate() {
        marks.push((q.open, i));
        marks.extend(q.continuations.iter().map(|&c| (c, i)));
        marks.extend(q.close.map(|c| (c, i)));
    }
    marks.sort_unstable();
    Quotations { list, marks }
}

/// The quotation marks a paragraph opens with (white space between them allowed).
fn leading_marks(body: &str, start: usize) -> Vec<(usize, char)> {
    body.chars()
        .enumerate()
        .filter(|(_, c)| !c.is_whitespace())
        .take_while(|(_, c)| is_quote_mark(*c))
        .map(|(i, c)| (start + i, c))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (quoted content, closed?, depth) of every quotation.
    fn quoted(text: &str) -> Vec<(String, bool, usize)> {
        let t = TextIndex::new(text.into());
        t.quotations()
            .all()
            .iter()
            .map(|q| {
                let (s, e) = q.content();
                (t.slice(s, e).to_owned(), q.close.is_some(), q.depth)
            })
            .collect()
    }

    #[test]
    fn marks_of_many_traditions() {
        assert_eq!(quoted("He said “yes” and ‘no’."), vec![("yes".into(), true, 0), ("no".into(), true, 0)]);
        assert_eq!(quoted("Er sagte „ja“ und „nein”."), vec![("ja".into(), true, 0), ("nein".into(), true, 0)]);
        assert_eq!(quoted("Il a dit « non » hier."), vec![(" non ".into(), true, 0)]);
        assert_eq!(quoted("Han sagde »nej«."), vec![("nej".into(), true, 0)]);
        assert_eq!(quoted("Han sa ”nej” igen."), vec![("nej".into(), true, 0)]);
        assert_eq!(quoted("他说「不是『这样』」。"), vec![("不是『这样』".into(), true, 0), ("这样".into(), true, 1)]);
        assert_eq!(quoted("قال «لا» أمس"), vec![("لا".into(), true, 0)]);
        assert_eq!(quoted("אמר \"לא\" אתמול"), vec![("לא".into(), true, 0)]);
        assert_eq!(
            quoted("Он сказал: «Нет, „никогда“»."),
            vec![("Нет, „никогда“".into(), true, 0), ("никогда".into(), true, 1)]
        );
    }

    #[test]
    fn apostrophes_are_not_quotation_marks() {
        assert_eq!(quoted("It’s the analysts’ view, don't you think? The '90s."), vec![]);
        assert_eq!(
            quoted("\"It's what the 'experts' say,\" Lew's aide said."),
            vec![("It's what the 'experts' say,".into(), true, 0), ("experts".into(), true, 1)]
        );
        assert_eq!(quoted("‘The analysts’ view’"), vec![("The analysts".into(), true, 0)]);
    }

    #[test]
    fn nested_quotation_closed_by_its_outer_mark() {
        let t = TextIndex::new("“He said ‘never.” Then".into());
        let q = t.quotations().all();
        assert_eq!(q.len(), 2);
        assert_eq!((q[0].close, q[1].close), (Some(16), None));
    }

    #[test]
    fn a_quotation_runs_over_paragraphs() {
        let text =
            "“We have a very important relationship.\n\n“It’s important that we engage,” Lew said.\n\n“Another.”";
        let t = TextIndex::new(text.into());
        let q = t.quotations().all();
        assert_eq!(q.len(), 2, "the second paragraph's mark continues the first quotation");
        assert_eq!(q[0].continuations, vec![41]);
        assert_eq!(q[0].close, Some(72));
        assert_eq!(
            t.slice(q[0].open, q[0].end),
            "“We have a very important relationship.\n\n“It’s important that we engage,”"
        );
        assert_eq!(t.quotations().mark_at(41).map(|m| m.1), Some(MarkRole::Continuation));
        assert_eq!(t.quotations().mark_at(72).map(|m| m.1), Some(MarkRole::Close));
        assert_eq!(t.slice(q[1].content().0, q[1].content().1), "Another.");
        assert_eq!(t.quotations().innermost_at(50).map(|q| q.open), Some(0));
    }

    #[test]
    fn straight_quotes_continue_too_and_unclosed_ones_end_with_the_paragraph() {
        let t = TextIndex::new("\"One.\n\"Two,\" he said.\nShe said \"three.\nNo quote here.".into());
        let q = t.quotations().all();
        assert_eq!(q.len(), 2);
        assert_eq!(q[0].continuations, vec![6]);
        assert_eq!(q[0].close, Some(11));
        assert_eq!(q[1].close, None);
        assert_eq!(t.slice(q[1].open, q[1].end), "\"three.");
    }
}
