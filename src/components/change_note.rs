//! A word on the change just made ("Deleted the quote from Acme IT."), kept until the
//! workspace's next change, an undo among them: it must not outlive what it describes.

use leptos::prelude::*;

use crate::browser::state::Lib;

#[derive(Clone, Copy)]
pub struct ChangeNote {
    text: RwSignal<String>,
    /// Said since the last change was seen: that change is the one it describes.
    fresh: StoredValue<bool>,
}

impl ChangeNote {
    pub fn new(lib: Lib) -> ChangeNote {
        let note = ChangeNote {
            text: RwSignal::new(String::new()),
            fresh: StoredValue::new(false),
        };
        // Changes are seen after the handler that made them (and said so) has returned.
        Effect::new(move |_| {
            lib.0.track();
            if note.fresh.get_value() {
                note.fresh.set_value(false);
            } else if !note.text.with_untracked(String::is_empty) {
                note.text.set(String::new());
            }
        });
        note
    }

    /// Says `text` about the change just made, in the same handler.
    pub fn say(self, text: String) {
        self.fresh.set_value(true);
        self.text.set(text);
    }

    /// What is said, empty once a later change came (tracked).
    pub fn text(self) -> String {
        self.text.get()
    }
}
