//! Article ids made into file names that are safe on every system a team shares a
//! corpus with: never a path outside the corpus, never hidden, never a name Windows
//! reserves (`CON`, `NUL`, `COM1`, ...), never two names that differ only in case.

use crate::model::document::sha256_hex;

/// Longest stem in bytes: with `.<annotator>.ron` (up to 37 bytes) a name stays under
/// the 255 bytes file systems allow.
const MAX_STEM_BYTES: usize = 150;
/// Characters of a title kept in an id made from it.
const TITLE_CHARS: usize = 60;

/// The first 8 hex digits of the SHA-256 of `s`: short, and the same every time, so
/// importing the same article again gives the same id.
pub fn short_hash(s: &str) -> String {
    sha256_hex(s.as_bytes())[..8].to_owned()
}

/// `raw` as a file stem: path separators, characters Windows forbids, control
/// characters and white space become `_`; leading dots and trailing dots or spaces go
/// (no hidden files, no `..`); a trailing `.txt` goes (it is added back); a name
/// Windows reserves gets a leading `_`; a long one is cut and given a hash of the whole.
/// `None` when nothing is left.
pub fn safe_stem(raw: &str) -> Option<String> {
    let raw = raw.trim();
    let raw = match raw.len().checked_sub(4) {
        Some(cut) if raw.is_char_boundary(cut) && raw[cut..].eq_ignore_ascii_case(".txt") => &raw[..cut],
        _ => raw,
    };
    let mut stem: String = raw
        .chars()
        .map(|c| if c.is_control() || c.is_whitespace() || "/\\:*?\"<>|".contains(c) { '_' } else { c })
        .collect();
    stem = stem.trim_start_matches('.').trim_end_matches(['.', ' ']).to_owned();
    if stem.is_empty() || stem.chars().all(|c| c == '_') {
        return None;
    }
    if is_reserved(&stem) {
        stem.insert(0, '_');
    }
    if stem.len() > MAX_STEM_BYTES {
        let mut cut = MAX_STEM_BYTES - 9;
        while !stem.is_char_boundary(cut) {
            cut -= 1;
        }
        stem = format!("{}-{}", &stem[..cut], short_hash(raw));
    }
    Some(stem)
}

/// An id for an article without one: its title made safe (cut to 60 characters) and
/// a hash of its text, else `article-<hash>`.
pub fn id_from_title(title: Option<&str>, text: &str) -> String {
    let hash = short_hash(text);
    let title: Option<String> = title.map(|t| t.trim().chars().take(TITLE_CHARS).collect());
    match title.as_deref().and_then(safe_stem) {
        Some(t) => format!("{}-{hash}", t.trim_end_matches('_')),
        None => format!("article-{hash}"),
    }
}

/// Whether Windows reserves `stem` as a device name, with or without an extension.
fn is_reserved(stem: &str) -> bool {
    let base = stem.split('.').next().unwrap_or(stem).trim_end().to_ascii_uppercase();
    matches!(base.as_str(), "CON" | "PRN" | "AUX" | "NUL" | "CONIN$" | "CONOUT$")
        || ((base.starts_with("COM") || base.starts_with("LPT"))
            && base.chars().nth(3).is_some_and(|c| c.is_ascii_digit() || "¹²³".contains(c))
            && base.chars().count() == 4)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_never_leave_the_corpus_or_hide() {
        for (raw, want) in [
            ("lat-0318", Some("lat-0318")),
            ("2013/03/lat 18", Some("2013_03_lat_18")),
            ("../../etc/passwd", Some("_.._etc_passwd")),
            ("..", None),
            (".hidden", Some("hidden")),
            ("C:\\\\Users\\\\x", Some("C___Users__x")),
            ("a:b*c?d\"e<f>g|h", Some("a_b_c_d_e_f_g_h")),
            ("tab\there\nline", Some("tab_here_line")),
            ("ends in dots...", Some("ends_in_dots")),
            ("report.TXT", Some("report")),
            ("   ", None),
            ("///", None),
            ("新华社 2013", Some("新华社_2013")),
            ("خبر-١", Some("خبر-١")),
        ] {
            assert_eq!(safe_stem(raw).as_deref(), want, "{raw:?}");
        }
    }

    #[test]
    fn reserved_device_names_are_prefixed() {
        for raw in ["CON", "con", "Nul.txt", "aux.tar", "COM1", "lpt9", "COM¹"] {
            let stem = safe_stem(raw).unwrap();
            assert!(stem.starts_with('_'), "{raw} -> {stem}");
        }
        for raw in ["CONSOLE", "COM10", "LPT", "nullable", "auxiliary"] {
            assert_eq!(safe_stem(raw).as_deref(), Some(raw), "{raw}");
        }
    }

    #[test]
    fn long_ids_are_cut_with_a_hash_of_the_whole() {
        let a = "x".repeat(400);
        let b = format!("{}y", "x".repeat(399));
        let (sa, sb) = (safe_stem(&a).unwrap(), safe_stem(&b).unwrap());
        assert!(sa.len() <= 150 && sb.len() <= 150);
        assert_ne!(sa, sb, "cut ids stay distinct");
        let arabic = "خ".repeat(200);
        assert!(safe_stem(&arabic).unwrap().len() <= 150, "cut on a character boundary");
    }

    #[test]
    fn ids_from_titles_are_stable() {
        let id = id_from_title(Some("Lew to press China: “serious threat”"), "text");
        assert_eq!(id, format!("Lew_to_press_China__“serious_threat”-{}", short_hash("text")));
        assert_eq!(id_from_title(Some("Lew to press China: “serious threat”"), "text"), id);
        assert_eq!(id_from_title(None, "text"), format!("article-{}", short_hash("text")));
        assert_eq!(id_from_title(Some(" / "), "t"), format!("article-{}", short_hash("t")));
    }
}
