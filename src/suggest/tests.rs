//! Unit tests of the suggester: one per pattern, and properties of every suggestion.
