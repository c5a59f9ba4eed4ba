//! How a view acts on a [`ViewRequest`] once without writing the app's state: it
//! remembers the number of the last request it handled in egui's memory, keyed by
//! the widget it concerns.

use crate::coding::ViewRequest;

/// A request the view has not handled yet.
pub(crate) trait Fresh<T> {
    /// The value of the latest request when the widget `id` has not handled it yet
    /// (and marks it handled).
    fn fresh(&self, ctx: &egui::Context, id: egui::Id) -> Option<&T>;
}

impl<T> Fresh<T> for ViewRequest<T> {
    fn fresh(&self, ctx: &egui::Context, id: egui::Id) -> Option<&T> {
        let (serial, value) = self.latest()?;
        let key = id.with("claimcoder-handled-request");
        if ctx.data(|d| d.get_temp::<u64>(key)) == Some(serial) {
            return None;
        }
        ctx.data_mut(|d| d.insert_temp(key, serial));
        Some(value)
    }
}
