//! Timestamps as the files store them: UTC, RFC 3339, whole seconds, so that a file
//! written twice in the same second does not differ in noise digits.

use chrono::{DateTime, SecondsFormat, SubsecRound, TimeZone, Utc};
use serde::{Deserialize, Deserializer, Serializer};

/// A moment in a file, always UTC and truncated to the second.
pub type Timestamp = DateTime<Utc>;

/// The current time, truncated to the second as the files store it.
pub fn now() -> Timestamp {
    Utc::now().trunc_subsecs(0)
}

/// Parses exactly the form the files hold, `YYYY-MM-DDTHH:MM:SSZ`: a fraction, an
/// offset, a lower-case `t`/`z` or an impossible date is refused, so that a mangled
/// time is reported rather than silently rewritten as some other moment. The fast
/// reader and the strict reader share it, so they never disagree on a time.
pub fn parse_file_time(s: &str) -> Option<Timestamp> {
    let b = s.as_bytes();
    if b.len() != 20 || b[4] != b'-' || b[7] != b'-' || b[10] != b'T' || b[13] != b':' || b[16] != b':' || b[19] != b'Z'
    {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let digits = s.get(r)?;
        if !digits.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        digits.parse().ok()
    };
    let year = i32::try_from(num(0..4)?).ok()?;
    Utc.with_ymd_and_hms(year, num(5..7)?, num(8..10)?, num(11..13)?, num(14..16)?, num(17..19)?).single()
}

/// Serde adapter writing and reading `2026-11-22T12:00:00Z` (FORMAT.md section 3:
/// UTC, RFC 3339, to the second); any other form is an error.
pub mod rfc3339 {
    use super::*;

    /// Writes the timestamp to the second with a `Z` suffix.
    pub fn serialize<S: Serializer>(t: &Timestamp, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&t.to_rfc3339_opts(SecondsFormat::Secs, true))
    }

    /// Reads a time in exactly the written form.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Timestamp, D::Error> {
        let s = String::deserialize(d)?;
        parse_file_time(&s).ok_or_else(|| {
            serde::de::Error::custom(format!("`{s}` is not a UTC time to the second (like `2026-11-22T12:00:00Z`)"))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_written_form_is_a_time() {
        let t = parse_file_time("2026-11-22T12:00:05Z").unwrap();
        assert_eq!(t.to_rfc3339_opts(SecondsFormat::Secs, true), "2026-11-22T12:00:05Z");
        for bad in [
            "2026-11-21T+7:47:33Z",
            "2026-11-22T12:00:00+00:00",
            "2026-11-22T12:00:00.5Z",
            "2026-11-22t12:00:00z",
            "2026-02-30T12:00:00Z",
            "2026-11-22T24:00:00Z",
            "2026-11-22T12:00:60Z",
            "+026-11-22T12:00:00Z",
            "2026-11-22 12:00:00Z",
            "",
            "2026-11-22T12:00:0٣Z",
        ] {
            assert!(parse_file_time(bad).is_none(), "{bad}");
        }
    }
}
