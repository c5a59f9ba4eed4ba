//! Texts in legacy encodings (windows-1252 from old newspaper archives, GBK, KOI8-R,
//! Shift_JIS): decoding them exactly, previewing how a text reads in an encoding, and
//! converting a corpus text to UTF-8 for good. The original bytes are kept beside the
//! text as `<name>.txt.orig`, so a wrong guess of the encoding is never a loss.

use std::path::{Path, PathBuf};

use encoding_rs::{DecoderResult, Encoding};

use super::atomic::write_atomic;

/// The first byte that is not valid in the encoding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Malformed {
    /// Position in the input, BOM included.
    pub byte: usize,
}

/// Decodes `bytes` as `encoding`, without replacing anything: a byte sequence the
/// encoding does not allow is an error at its position. A leading byte-order mark of
/// that encoding is not part of the text.
pub fn decode_exact(bytes: &[u8], encoding: &'static Encoding) -> Result<String, Malformed> {
    let skip = match Encoding::for_bom(bytes) {
        Some((bom_encoding, len)) if bom_encoding == encoding => len,
        _ => 0,
    };
    let input = &bytes[skip..];
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let capacity = decoder.max_utf8_buffer_length_without_replacement(input.len()).unwrap_or(usize::MAX / 2);
    let mut out = String::with_capacity(capacity);
    let (result, read) = decoder.decode_to_string_without_replacement(input, &mut out, true);
    match result {
        DecoderResult::InputEmpty => Ok(out),
        DecoderResult::Malformed(bad, after) => {
            Err(Malformed { byte: skip + read - usize::from(after) - usize::from(bad) })
        }
        DecoderResult::OutputFull => Err(Malformed { byte: skip + read }),
    }
}

/// How a text reads in an encoding, before converting it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConversionPreview {
    /// The encoding's name (`windows-1252`).
    pub encoding: &'static str,
    /// The start of the text, decoded (malformed bytes shown as U+FFFD).
    pub text: String,
    /// The first byte the encoding does not allow, when there is one: converting
    /// would then be refused.
    pub malformed: Option<Malformed>,
    /// How many characters of the whole text could not be read (each a U+FFFD in
    /// the preview's decoding).
    pub unreadable: usize,
}

/// The encodings offered for a text that is not UTF-8: the legacy encodings news
/// archives are found in (Western and Central European, Cyrillic, Greek, Turkish,
/// Hebrew, Arabic, Baltic, Vietnamese, Thai, Chinese, Japanese, Korean), then the
/// ISO-8859 family and UTF-16.
pub const ENCODINGS: &[&Encoding] = &[
    encoding_rs::WINDOWS_1252,
    encoding_rs::WINDOWS_1250,
    encoding_rs::WINDOWS_1251,
    encoding_rs::KOI8_R,
    encoding_rs::KOI8_U,
    encoding_rs::IBM866,
    encoding_rs::WINDOWS_1253,
    encoding_rs::WINDOWS_1254,
    encoding_rs::WINDOWS_1255,
    encoding_rs::WINDOWS_1256,
    encoding_rs::WINDOWS_1257,
    encoding_rs::WINDOWS_1258,
    encoding_rs::WINDOWS_874,
    encoding_rs::GBK,
    encoding_rs::GB18030,
    encoding_rs::BIG5,
    encoding_rs::SHIFT_JIS,
    encoding_rs::EUC_JP,
    encoding_rs::ISO_2022_JP,
    encoding_rs::EUC_KR,
    encoding_rs::ISO_8859_2,
    encoding_rs::ISO_8859_3,
    encoding_rs::ISO_8859_4,
    encoding_rs::ISO_8859_5,
    encoding_rs::ISO_8859_6,
    encoding_rs::ISO_8859_7,
    encoding_rs::ISO_8859_8,
    encoding_rs::ISO_8859_10,
    encoding_rs::ISO_8859_13,
    encoding_rs::ISO_8859_14,
    encoding_rs::ISO_8859_15,
    encoding_rs::ISO_8859_16,
    encoding_rs::MACINTOSH,
    encoding_rs::X_MAC_CYRILLIC,
    encoding_rs::UTF_16LE,
    encoding_rs::UTF_16BE,
];

/// One encoding as the conversion offers it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EncodingChoice {
    /// The encoding.
    pub encoding: &'static Encoding,
    /// Whether every byte of the text is valid in it (only then can it convert).
    pub exact: bool,
}

/// Every encoding of [`ENCODINGS`], the likeliest for `bytes` first: a byte-order
/// mark decides; otherwise encodings that read every byte come before those that do
/// not, ranked by how much the decoded text looks like words of one script (see
/// [`plausibility`]), ties in [`ENCODINGS`] order. The first is the guess to offer.
pub fn rank_encodings(bytes: &[u8]) -> Vec<EncodingChoice> {
    let bom = Encoding::for_bom(bytes).map(|(e, _)| e);
    let mut ranked: Vec<(EncodingChoice, i64)> = ENCODINGS
        .iter()
        .map(|&encoding| {
            let decoded = decode_exact(bytes, encoding);
            let exact = decoded.is_ok();
            let score = match (&decoded, bom) {
                (Ok(_), Some(b)) if b == encoding => i64::MAX,
                // Without its mark, UTF-16 reads almost any even-length bytes as
                // something: only offered, never guessed.
                _ if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE => i64::MIN + 1,
                (Ok(text), _) => plausibility(text),
                (Err(_), _) => i64::MIN,
            };
            (EncodingChoice { encoding, exact }, score)
        })
        .collect();
    ranked.sort_by_key(|(choice, score)| (!choice.exact, std::cmp::Reverse(*score)));
    ranked.into_iter().map(|(choice, _)| choice).collect()
}

/// How much `text` reads like a language: letters in words count for it, except
/// words that are all accented Latin letters (`ÇáÑÆ`, Arabic or Cyrillic bytes read
/// as windows-1252; only a lone lower-case one such as `à` is a word), words that switch from lower to upper case at a letter beyond ASCII (`пРИВЕТ`,
/// windows-1251 read as KOI8-R; `cafÈ`, windows-1252 read as Mac Roman) or mix scripts, and control characters, which count
/// against it.
pub fn plausibility(text: &str) -> i64 {
    let mut score = 0i64;
    for c in text.chars() {
        if c.is_control() && !c.is_whitespace() {
            score -= 10;
        }
    }
    for word in text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()) {
        // A CJK character is two bytes in every legacy encoding of it: weighed by
        // bytes, a text reads the same whether its encoding has one or two per letter.
        let len = word.chars().map(|c| if matches!(script(c), 6 | 7) { 2 } else { 1 }).sum::<i64>();
        let ascii = word.chars().any(|c| c.is_ascii_alphabetic());
        let accented_only = !ascii && word.chars().all(|c| script(c) == 0);
        let first = script(word.chars().next().unwrap_or(' '));
        let mixed = word.chars().any(|c| script(c) != first);
        let case_flip = word
            .chars()
            .zip(word.chars().skip(1))
            .any(|(a, b)| a.is_lowercase() && b.is_uppercase() && !(a.is_ascii() && b.is_ascii()));
        if (accented_only && (len > 1 || word.chars().any(char::is_uppercase))) || mixed || case_flip {
            score -= len;
        } else {
            score += len;
        }
    }
    score
}

/// A coarse script class of a letter, enough to tell a word that mixes scripts.
fn script(c: char) -> u8 {
    match c as u32 {
        0..=0x24F => 0,
        0x370..=0x3FF => 1,
        0x400..=0x52F => 2,
        0x590..=0x5FF => 3,
        0x600..=0x6FF | 0x750..=0x77F | 0xFB50..=0xFEFF => 4,
        0xE00..=0xE7F => 5,
        0x1E00..=0x1EFF => 0,
        0x3040..=0x30FF | 0x31F0..=0x31FF => 6,
        // Half-width katakana: legacy, and what GBK or Big5 bytes read as Shift_JIS give.
        0xFF61..=0xFF9F => 9,
        0x3400..=0x9FFF | 0xF900..=0xFAFF => 6,
        0xAC00..=0xD7AF | 0x1100..=0x11FF | 0x3130..=0x318F => 7,
        _ => 8,
    }
}

/// Why a text was not converted.
#[derive(Debug, thiserror::Error)]
pub enum ConvertError {
    /// The text or its folder cannot be read or written.
    #[error("cannot convert {path}: {reason}")]
    Io {
        /// The file.
        path: String,
        /// The OS error.
        reason: String,
    },
    /// The bytes are not valid in the chosen encoding.
    #[error("{path} is not valid {encoding} at byte {byte}; try another encoding")]
    Malformed {
        /// The file.
        path: String,
        /// The encoding tried.
        encoding: &'static str,
        /// The first invalid byte.
        byte: usize,
    },
    /// The text is no longer what was previewed (another program changed it).
    #[error("{path} changed since it was previewed; look at the preview again before converting")]
    Changed {
        /// The text.
        path: String,
    },
    /// A different `.orig` is already there; it is never overwritten.
    #[error("{orig} already exists and differs from {path}; move it away before converting")]
    OrigExists {
        /// The text.
        path: String,
        /// The existing original.
        orig: String,
    },
}

/// Where the original of `text_path` is kept: `<name>.txt.orig`.
pub fn orig_path(text_path: &Path) -> PathBuf {
    let mut name = text_path.file_name().unwrap_or_default().to_os_string();
    name.push(".orig");
    text_path.with_file_name(name)
}

/// The first `max_chars` characters of the text at `path` read as `encoding`.
pub fn preview_conversion(
    path: &Path,
    encoding: &'static Encoding,
    max_chars: usize,
) -> Result<ConversionPreview, ConvertError> {
    Ok(preview_bytes(&read(path)?, encoding, usize::MAX, max_chars))
}

/// The first `max_lines` lines (at most `max_chars` characters) of `bytes` read as
/// `encoding`.
pub fn preview_bytes(
    bytes: &[u8],
    encoding: &'static Encoding,
    max_lines: usize,
    max_chars: usize,
) -> ConversionPreview {
    let malformed = decode_exact(bytes, encoding).err();
    let (text, _, _) = encoding.decode(bytes);
    let unreadable = if malformed.is_some() { text.chars().filter(|&c| c == '\u{FFFD}').count() } else { 0 };
    let mut start = String::new();
    for (i, line) in text.split_inclusive('\n').enumerate() {
        if i == max_lines {
            break;
        }
        start.push_str(line);
    }
    let start = start.trim_end_matches(['\r', '\n']).chars().take(max_chars).collect();
    ConversionPreview { encoding: encoding.name(), text: start, malformed, unreadable }
}

/// Rewrites the text at `path` as UTF-8, read as `encoding`: the original bytes go to
/// `<name>.txt.orig` first (an identical `.orig` is reused, a different one refuses the
/// conversion), then the UTF-8 text replaces the file atomically. Annotation files
/// re-anchor on the new text when next loaded. Returns the `.orig` path.
pub fn convert_to_utf8(path: &Path, encoding: &'static Encoding) -> Result<PathBuf, ConvertError> {
    convert(path, encoding, None)
}

/// [`convert_to_utf8`], but only when the text still holds the `previewed` bytes the
/// user looked at: a text another program changed meanwhile is refused
/// ([`ConvertError::Changed`]) and nothing is written.
pub fn convert_previewed(path: &Path, encoding: &'static Encoding, previewed: &[u8]) -> Result<PathBuf, ConvertError> {
    convert(path, encoding, Some(previewed))
}

fn convert(path: &Path, encoding: &'static Encoding, previewed: Option<&[u8]>) -> Result<PathBuf, ConvertError> {
    let bytes = read(path)?;
    if previewed.is_some_and(|p| p != bytes) {
        return Err(ConvertError::Changed { path: path.display().to_string() });
    }
    let text = decode_exact(&bytes, encoding).map_err(|m| ConvertError::Malformed {
        path: path.display().to_string(),
        encoding: encoding.name(),
        byte: m.byte,
    })?;
    let orig = orig_path(path);
    let io = |e: std::io::Error| ConvertError::Io { path: path.display().to_string(), reason: e.to_string() };
    match std::fs::read(&orig) {
        Ok(existing) if existing == bytes => {}
        Ok(_) => {
            return Err(ConvertError::OrigExists {
                path: path.display().to_string(),
                orig: orig.display().to_string(),
            });
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => write_atomic(&orig, &bytes).map_err(io)?,
        Err(e) => return Err(io(e)),
    }
    write_atomic(path, text.as_bytes()).map_err(io)?;
    Ok(orig)
}

fn read(path: &Path) -> Result<Vec<u8>, ConvertError> {
    std::fs::read(path).map_err(|e| ConvertError::Io { path: path.display().to_string(), reason: e.to_string() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_legacy_encodings_exactly() {
        assert_eq!(decode_exact(b"caf\xE9 \x93quoted\x94", encoding_rs::WINDOWS_1252).unwrap(), "café “quoted”");
        assert_eq!(decode_exact(b"\xC4\xE3\xBA\xC3", encoding_rs::GBK).unwrap(), "你好");
        assert_eq!(decode_exact(b"\xEF\xBB\xBFok", encoding_rs::UTF_8).unwrap(), "ok", "its BOM is not text");
        assert_eq!(decode_exact(b"\xFF\xFEh\x00i\x00", encoding_rs::UTF_16LE).unwrap(), "hi");
        assert_eq!(decode_exact(b"ok \xFF no", encoding_rs::UTF_8), Err(Malformed { byte: 3 }));
        assert_eq!(decode_exact(b"\xEF\xBB\xBFab\xC3", encoding_rs::UTF_8), Err(Malformed { byte: 5 }));
        assert_eq!(decode_exact(b"\x82\xA0 \x82", encoding_rs::SHIFT_JIS), Err(Malformed { byte: 3 }));
    }

    #[test]
    fn converting_keeps_the_original_beside_the_text() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("lat.txt");
        std::fs::write(&path, b"Caf\xE9 \x96 Lew said").unwrap();
        let preview = preview_conversion(&path, encoding_rs::WINDOWS_1252, 6).unwrap();
        assert_eq!((preview.text.as_str(), preview.malformed, preview.unreadable), ("Café –", None, 0));
        let utf8 = preview_conversion(&path, encoding_rs::UTF_8, 100).unwrap();
        assert_eq!(utf8.malformed, Some(Malformed { byte: 3 }));
        assert!(utf8.text.contains('\u{FFFD}'));
        let err = convert_to_utf8(&path, encoding_rs::UTF_8).unwrap_err().to_string();
        assert!(err.contains("is not valid UTF-8 at byte 3"), "{err}");
        assert!(!orig_path(&path).exists(), "nothing written on a refusal");
        let orig = convert_to_utf8(&path, encoding_rs::WINDOWS_1252).unwrap();
        assert_eq!(orig, dir.path().join("lat.txt.orig"));
        assert_eq!(std::fs::read(&orig).unwrap(), b"Caf\xE9 \x96 Lew said");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "Café – Lew said");
    }

    #[test]
    fn the_guess_is_the_encoding_the_text_was_written_in() {
        let cases: [(&str, &'static Encoding); 7] = [
            ("Le café était fermé; « Nous ne céderons pas », a déclaré le maire.", encoding_rs::WINDOWS_1252),
            ("قال المتحدث باسم الحكومة إن المفاوضات ستستمر الأسبوع المقبل", encoding_rs::WINDOWS_1256),
            ("Представитель министерства заявил, что переговоры продолжатся", encoding_rs::WINDOWS_1251),
            ("Представитель министерства заявил, что переговоры продолжатся", encoding_rs::KOI8_R),
            ("外交部发言人表示，谈判将于下周继续进行。", encoding_rs::GBK),
            ("Ο εκπρόσωπος της κυβέρνησης δήλωσε ότι οι συνομιλίες θα συνεχιστούν", encoding_rs::WINDOWS_1253),
            ("Rzecznik rządu powiedział, że rozmowy będą kontynuowane", encoding_rs::WINDOWS_1250),
        ];
        for (text, encoding) in cases {
            let (bytes, _, lossy) = encoding.encode(text);
            assert!(!lossy, "{}", encoding.name());
            let ranked = rank_encodings(&bytes);
            assert_eq!(ranked.len(), ENCODINGS.len());
            assert_eq!(ranked[0].encoding.name(), encoding.name(), "{text}");
            assert!(ranked[0].exact);
            assert_eq!(decode_exact(&bytes, ranked[0].encoding).unwrap(), text);
        }
        let with_bom = b"\xFF\xFEh\x00i\x00";
        assert_eq!(rank_encodings(with_bom)[0].encoding, encoding_rs::UTF_16LE, "a byte-order mark decides");
        let ranked = rank_encodings(b"abc \x81\x20");
        let gbk = ranked.iter().find(|c| c.encoding == encoding_rs::GBK).unwrap();
        assert!(!gbk.exact, "a GBK lead byte before a space is not GBK");
        assert!(ranked.iter().position(|c| !c.exact).unwrap() > 0, "exact ones come first");
    }

    #[test]
    fn the_preview_shows_the_first_lines_and_counts_what_cannot_be_read() {
        let bytes = b"one\r\ntwo\nthree\xFF\nfour \xFF\n";
        let p = preview_bytes(bytes, encoding_rs::UTF_8, 2, 100);
        assert_eq!((p.text.as_str(), p.malformed, p.unreadable), ("one\r\ntwo", Some(Malformed { byte: 14 }), 2));
        let p = preview_bytes(bytes, encoding_rs::WINDOWS_1252, 10, 7);
        assert_eq!((p.text.as_str(), p.malformed, p.unreadable), ("one\r\ntw", None, 0));
    }

    #[test]
    fn a_text_changed_since_its_preview_is_not_converted() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, b"\xE9t\xE9").unwrap();
        let err = convert_previewed(&path, encoding_rs::WINDOWS_1252, b"\xE9t\xE9 before").unwrap_err();
        assert_eq!(
            err.to_string(),
            format!("{} changed since it was previewed; look at the preview again before converting", path.display())
        );
        assert!(!orig_path(&path).exists());
        assert_eq!(std::fs::read(&path).unwrap(), b"\xE9t\xE9");
        convert_previewed(&path, encoding_rs::WINDOWS_1252, b"\xE9t\xE9").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "été");
    }

    #[test]
    fn a_different_orig_is_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, b"\xE9t\xE9").unwrap();
        std::fs::write(orig_path(&path), b"an older original").unwrap();
        let err = convert_to_utf8(&path, encoding_rs::WINDOWS_1252).unwrap_err();
        assert!(matches!(err, ConvertError::OrigExists { .. }), "{err}");
        assert_eq!(std::fs::read(orig_path(&path)).unwrap(), b"an older original");
        assert_eq!(std::fs::read(&path).unwrap(), b"\xE9t\xE9", "the text is untouched");
        std::fs::write(orig_path(&path), b"\xE9t\xE9").unwrap();
        convert_to_utf8(&path, encoding_rs::WINDOWS_1252).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "été", "an identical .orig is reused");
    }
}
