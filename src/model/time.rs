//! Timestamps as the files store them: UTC, RFC 3339, whole seconds, so that a file
//! written twice in the same second does not differ in noise digits.

use chrono::{DateTime, SecondsFormat, SubsecRound, Utc};
use serde::{Deserialize, Deserializer, Serializer};

/// A moment in a file, always UTC and truncated to the second.
pub type Timestamp = DateTime<Utc>;

/// The current time, truncated to the second as the files store it.
pub fn now() -> Timestamp {
    Utc::now().trunc_subsecs(0)
}

/// Serde adapter writing `2026-11-22T12:00:00Z`; reading accepts any RFC 3339 offset.
pub mod rfc3339 {
    use super::*;

    /// Writes the timestamp to the second with a `Z` suffix.
    pub fn serialize<S: Serializer>(t: &Timestamp, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&t.to_rfc3339_opts(SecondsFormat::Secs, true))
    }

    /// Reads any RFC 3339 time and converts it to UTC.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Timestamp, D::Error> {
        let s = String::deserialize(d)?;
        DateTime::parse_from_rfc3339(&s)
            .map(|t| t.with_timezone(&Utc).trunc_subsecs(0))
            .map_err(|e| serde::de::Error::custom(format!("`{s}` is not an RFC 3339 time: {e}")))
    }
}
