//! A function's kinds in its details: one checkbox per kind, and under a kind its name
//! suggested, the words that suggested it. Unticking a suggestion is the buyer's choice
//! and sticks; Ctrl+Z takes it back like any edit.

use leptos::prelude::*;

use super::ctx::Editor;
use crate::domain::raci::{Id, Mark, RaciEdit};

/// The id of the checkbox of a kind.
fn field_id(mark: Mark) -> &'static str {
    match mark {
        Mark::AroundClock => "raci-mark-24x7",
        Mark::Incident => "raci-mark-incident",
        Mark::Compliance => "raci-mark-compliance",
        Mark::Exit => "raci-mark-exit",
        Mark::Tools => "raci-mark-tools",
    }
}

#[component]
pub fn Kinds(fid: Id) -> impl IntoView {
    let editor = Editor::get();
    let state = Memo::new(move |_| {
        editor.with(|r| {
            r.function(fid)
                .map(|f| (f.marks, f.suggestions()))
                .unwrap_or_default()
        })
    });
    let row = move |m: Mark| {
        let why = move || state.with(|s| s.1[m as usize].clone());
        let why_id = format!("{}-why", field_id(m));
        view! {
            <div class="kind">
                <label class="check">
                    <input
                        type="checkbox"
                        id=field_id(m)
                        prop:checked=move || state.with(|s| s.0.get(m))
                        aria-describedby=move || why().map(|_| why_id.clone())
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            let _ = editor
                                .apply(RaciEdit::SetMark {
                                    function: fid,
                                    mark: m,
                                    on,
                                });
                        }
                    />
                    {m.label()}
                </label>
                <Show when=move || why().is_some()>
                    <p class="hint suggested" id=format!("{}-why", field_id(m))>
                        "Suggested because the name says “"
                        {why}
                        "”. Untick it if it does not apply."
                    </p>
                </Show>
            </div>
        }
    };
    view! {
        <fieldset class="marks">
            <legend>"What kind of function is this?"</legend>
            {Mark::ALL.into_iter().map(row).collect_view()}
        </fieldset>
    }
}
