//! Serde helpers that make reading strict (FORMAT.md section 3, "Reading is
//! strict"): a field the writer always writes must be present, a map key may appear
//! once, and `format` must be a version that exists. Anything else is an error like
//! a syntax error, so a file is never read as less than it holds and then written
//! back without it.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;
use serde::de::{Deserializer, Error, MapAccess, Visitor};

/// Reads the value as usual. Naming it in `deserialize_with` is what matters: serde
/// then requires the field, where a missing `Option` would silently become `None`
/// (`source:` misspelled as `sourse:` would lose the claim's source).
pub fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<T, D::Error> {
    T::deserialize(d)
}

/// A `format` number: 0 never existed; larger numbers are newer formats, which the
/// loaders report (read-only) before this is reached.
pub fn format<'de, D: Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    let n = u32::deserialize(d)?;
    if n == 0 {
        return Err(D::Error::custom(format!(
            "format 0 does not exist; this program reads format {}",
            super::FORMAT_VERSION
        )));
    }
    Ok(n)
}

/// The `actors` map of an annotation file (actor id -> display name), each id once.
pub fn actors<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeMap<String, String>, D::Error> {
    d.deserialize_map(UniqueKeys { map: "actors" })
}

/// The `fields` map of a claim (field id -> value), each id once.
pub fn fields<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeMap<String, String>, D::Error> {
    d.deserialize_map(UniqueKeys { map: "fields" })
}

/// A string map that refuses a repeated key: a `BTreeMap` would keep the last value
/// and drop the other without a word.
struct UniqueKeys {
    map: &'static str,
}

impl<'de> Visitor<'de> for UniqueKeys {
    type Value = BTreeMap<String, String>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a map of strings (`{}`)", self.map)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
        let mut out = BTreeMap::new();
        while let Some(key) = access.next_key::<String>()? {
            if out.contains_key(&key) {
                return Err(A::Error::custom(format!("`{key}` appears twice in `{}`", self.map)));
            }
            let value = access.next_value::<String>()?;
            out.insert(key, value);
        }
        Ok(out)
    }
}
