//! A one-shot request from the session to whatever shows it (scroll the text to a
//! claim, select a found passage, give the text the keyboard focus). Each request is
//! numbered, so a view acts on every request once by remembering the last number it
//! handled, and never has to write the session to acknowledge it. Numbers are unique
//! in the process, so a request of a newly opened document is never taken for one
//! the view already handled.

use std::sync::atomic::{AtomicU64, Ordering};

static NEXT_SERIAL: AtomicU64 = AtomicU64::new(1);

/// The latest request of one kind.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ViewRequest<T> {
    serial: u64,
    value: Option<T>,
}

impl<T> ViewRequest<T> {
    /// Makes a new request, replacing any earlier one.
    pub fn send(&mut self, value: T) {
        self.serial = NEXT_SERIAL.fetch_add(1, Ordering::Relaxed);
        self.value = Some(value);
    }

    /// The latest request with its number, if any was ever made.
    pub fn latest(&self) -> Option<(u64, &T)> {
        self.value.as_ref().map(|v| (self.serial, v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_request_gets_a_new_number() {
        let mut r = ViewRequest::default();
        assert_eq!(r.latest(), None);
        r.send(5);
        let first = r.latest().map(|(n, _)| n);
        r.send(5);
        let second = r.latest().map(|(n, _)| n);
        assert!(first.is_some() && second > first, "the same value twice is two requests");
        let mut other = ViewRequest::default();
        other.send(5);
        assert!(other.latest().map(|(n, _)| n) > second, "numbers are never reused");
    }
}
