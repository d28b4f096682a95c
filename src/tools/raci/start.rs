//! The first screen of an empty matrix: start from the co-managed template for an industry, start
//! blank, or import a CSV file.

use leptos::prelude::*;

use super::ctx::Editor;
use super::io::{ImportButton, ImportReport};
use crate::browser::state::Lib;
use crate::components::{focus_by_id, focus_lost, unique_id, watch_focus};
use crate::domain::profile::Industry;
use crate::domain::raci::template;

/// The start screen goes with the button pressed: focus goes to the matrix's heading once
/// the editor is drawn, not to the top of the document. The heading rather than a cell: a
/// screen reader says where the buyer now is, one Tab enters the grid, and a blank
/// matrix has no cell to land on.
fn focus_matrix() {
    watch_focus(|| focus_lost() && focus_by_id("raci-grid-title"));
}

/// The first screen of an empty matrix: the co-managed template (for the company's
/// industry), a blank start, or a CSV file.
#[component]
pub fn StartPanel() -> impl IntoView {
    let editor = Editor::get();
    let lib = Lib::get();
    let industry = RwSignal::new(lib.0.with_untracked(|l| l.active().profile.industry));
    let select_id = unique_id("start-industry");
    let from_template = move |_| {
        let i = industry.get_untracked();
        editor.replace(template::co_managed(i));
        editor.say(match i {
            Industry::General => "Started from the co-managed template.".to_owned(),
            i => format!(
                "Started from the co-managed template for {}.",
                i.label().to_ascii_lowercase()
            ),
        });
        focus_matrix();
    };
    let blank = move |_| {
        editor.replace(template::blank());
        editor.say("Started a blank matrix with three parties.");
        focus_matrix();
    };
    let extra = move || template::extras(industry.get()).len();
    view! {
        <section class="panel raci-start" aria-labelledby="raci-start-title">
            <h2 id="raci-start-title">"Start the matrix"</h2>
            <p>
                "The template lists every function a co-managed contract should name, with the \
                    usual split between internal IT and the MSP filled in. Change anything: it is \
                    a starting point, not advice."
            </p>
            <div class="field">
                <label for=select_id.clone()>"Industry"</label>
                <p class="hint">
                    "Chosen from the company profile; change it here for this matrix only."
                </p>
                <select
                    id=select_id
                    on:change=move |ev| {
                        if let Some(i) = Industry::from_key(&event_target_value(&ev)) {
                            industry.set(i);
                        }
                    }
                >
                    {Industry::ALL
                        .into_iter()
                        .map(|i| {
                            view! {
                                <option value=i.key() selected=move || industry.get() == i>
                                    {i.label()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
                <p class="hint">
                    {move || {
                        let n = extra();
                        if n == 0 {
                            format!("{} functions in 7 categories.", template::GENERAL.len())
                        } else {
                            format!(
                                "{} functions: the general {} plus {n} for {}.",
                                template::GENERAL.len() + n,
                                template::GENERAL.len(),
                                industry.get().label().to_ascii_lowercase(),
                            )
                        }
                    }}
                </p>
            </div>
            // `data-fills-page`: clicked on the static first screen, these make room for
            // the editor at once (public/boot.js).
            <div class="actions">
                <button type="button" data-fills-page on:click=from_template>
                    "Start from the co-managed template"
                </button>
                <button type="button" class="secondary" data-fills-page on:click=blank>
                    "Start blank"
                </button>
                <ImportButton />
                <Show when=move || editor.doc.can_undo.get()>
                    <button type="button" class="secondary" on:click=move |_| editor.undo()>
                        "Undo"
                    </button>
                </Show>
            </div>
            <ImportReport />
        </section>
    }
}
