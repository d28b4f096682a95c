//! The scorecard's views as an ARIA tab list, with the open view kept in the address.

use leptos::prelude::*;

use super::sig::{aria, text};
use crate::components::focus_by_id;
use crate::domain::scorecard::tab::Tab;

/// The DOM id of a tab button.
pub fn tab_id(tab: Tab) -> String {
    format!("sc-tab-{}", tab.key())
}

/// Shows `tab` and records it in the address, without a navigation (a reload or a
/// bookmark then opens the same view).
pub fn open(signal: RwSignal<Tab>, tab: Tab) {
    signal.set(tab);
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&tab.href()));
    }
}

fn focus_tab(tab: Tab) {
    focus_by_id(&tab_id(tab));
}

/// The views of the page, as an ARIA tab list: arrow keys, Home and End move between
/// tabs, and only the selected tab is in the Tab order.
#[component]
pub fn TabList(
    /// The view shown.
    tab: RwSignal<Tab>,
) -> impl IntoView {
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let all = Tab::ALL;
        let at = all
            .iter()
            .position(|t| *t == tab.get_untracked())
            .unwrap_or(0);
        let next = match ev.key().as_str() {
            "ArrowRight" => all[(at + 1) % all.len()],
            "ArrowLeft" => all[(at + all.len() - 1) % all.len()],
            "Home" => all[0],
            "End" => all[all.len() - 1],
            _ => return,
        };
        ev.prevent_default();
        open(tab, next);
        focus_tab(next);
    };
    view! {
        <div class="sc-tabs" role="tablist" aria-label="Scorecard views" on:keydown=on_key>
            {Tab::ALL
                .into_iter()
                .map(|t| {
                    view! {
                        <button
                            type="button"
                            role="tab"
                            id=tab_id(t)
                            class="sc-tab"
                            aria-selected=aria(move || tab.get() == t)
                            aria-controls="sc-panel"
                            tabindex=text(move || {
                                if tab.get() == t { "0" } else { "-1" }.to_owned()
                            })
                            on:click=move |_| {
                                open(tab, t);
                                if t == Tab::Call {
                                    request_animation_frame(|| {
                                        focus_by_id("sc-call-card");
                                        // Focus centres a card taller than a phone's screen,
                                        // which hid whom and what it asks about above it.
                                        super::call::bring_question_into_view();
                                    });
                                }
                            }
                        >
                            {t.label()}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
