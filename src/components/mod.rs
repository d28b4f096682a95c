//! Widgets shared by the pages and tools.

pub mod confirm;
pub mod conflicts;
pub mod footer;
pub mod header;
pub mod item_actions;
pub mod notices;
pub mod number_field;
pub mod page_intro;
pub mod share_panel;

use std::sync::atomic::{AtomicU32, Ordering};

/// An id unique within the page, for label/description wiring.
pub fn unique_id(prefix: &str) -> String {
    static NEXT: AtomicU32 = AtomicU32::new(1);
    format!("{prefix}-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}
