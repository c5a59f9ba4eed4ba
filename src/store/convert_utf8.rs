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
    let bytes = read(path)?;
    let malformed = decode_exact(&bytes, encoding).err();
    let (text, _, _) = encoding.decode(&bytes);
    Ok(ConversionPreview { encoding: encoding.name(), text: text.chars().take(max_chars).collect(), malformed })
}

/// Rewrites the text at `path` as UTF-8, read as `encoding`: the original bytes go to
/// `<name>.txt.orig` first (an identical `.orig` is reused, a different one refuses the
/// conversion), then the UTF-8 text replaces the file atomically. Annotation files
/// re-anchor on the new text when next loaded. Returns the `.orig` path.
pub fn convert_to_utf8(path: &Path, encoding: &'static Encoding) -> Result<PathBuf, ConvertError> {
    let bytes = read(path)?;
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
        assert_eq!((preview.text.as_str(), preview.malformed), ("Café –", None));
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
