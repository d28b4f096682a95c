use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::unique_id;

/// A modal question before something that cannot be undone. Built on `<dialog>`, so
/// focus stays inside it and Escape cancels.
#[component]
pub fn ConfirmDialog(
    /// Whether the dialog is open; it sets this back to false when it closes.
    open: RwSignal<bool>,
    /// The question, as a heading.
    #[prop(into)]
    title: Signal<String>,
    /// What will happen, in one or two sentences.
    #[prop(into)]
    message: Signal<String>,
    /// The label of the button that goes ahead.
    #[prop(into)]
    confirm_label: Signal<String>,
    /// Runs when the buyer confirms.
    on_confirm: Callback<()>,
) -> impl IntoView {
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let title_id = unique_id("dialog-title");
    let returns_to = StoredValue::new_local(None::<web_sys::HtmlElement>);
    Effect::new(move |_| {
        let Some(el) = dialog.get() else { return };
        if open.get() && !el.open() {
            let active = document()
                .active_element()
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            returns_to.set_value(active);
            let _ = el.show_modal();
        } else if !open.get() && el.open() {
            el.close();
        }
    });
    let on_close = move |_| {
        open.set(false);
        if let Some(el) = returns_to.get_value().filter(|e| e.is_connected()) {
            let _ = el.focus();
        }
    };
    view! {
        <dialog node_ref=dialog class="confirm" aria-labelledby=title_id.clone() on:close=on_close>
            <h2 id=title_id.clone()>{title}</h2>
            <p>{message}</p>
            <div class="actions">
                <button type="button" class="danger" on:click=move |_| {
                    open.set(false);
                    on_confirm.run(());
                }>{confirm_label}</button>
                <button type="button" autofocus on:click=move |_| open.set(false)>
                    "Cancel"
                </button>
            </div>
        </dialog>
    }
}
