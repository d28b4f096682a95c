//! The question before deleting a category with functions or a party with letters. One
//! dialog per panel, not per row: the row goes with the delete, and a dialog inside it
//! would go too, before it could hand the focus to the panel's heading.

use leptos::prelude::*;

use crate::components::confirm::ConfirmDialog;

/// The panel's question: what it asks, and the delete it runs when confirmed.
#[derive(Clone, Copy)]
pub struct AskDelete {
    open: RwSignal<bool>,
    title: RwSignal<String>,
    act: StoredValue<Option<Callback<()>>>,
}

impl AskDelete {
    /// The panel's question, handed to its rows as a prop: a context would be the
    /// other panel's too (components share their parent's owner).
    pub fn new() -> AskDelete {
        AskDelete {
            open: RwSignal::new(false),
            title: RwSignal::new(String::new()),
            act: StoredValue::new(None),
        }
    }

    /// Asks `title`; `act` deletes once the buyer confirms.
    pub fn ask(self, title: String, act: Callback<()>) {
        self.title.set(title);
        self.act.set_value(Some(act));
        self.open.set(true);
    }
}

/// The panel's dialog. `message` says what goes and that Ctrl+Z brings it back.
#[component]
pub fn AskDeleteDialog(
    ask: AskDelete,
    message: &'static str,
    confirm_label: &'static str,
) -> impl IntoView {
    let confirm = Callback::new(move |()| {
        // try_run: the row may have gone meanwhile (another tab deleted it), and its
        // delete with it.
        if let Some(act) = ask.act.try_update_value(Option::take).flatten() {
            act.try_run(());
        }
    });
    view! {
        <ConfirmDialog
            open=ask.open
            title=ask.title
            message=message
            confirm_label=confirm_label
            on_confirm=confirm
        />
    }
}
