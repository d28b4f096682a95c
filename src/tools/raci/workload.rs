//! Who carries the work: letter counts and share per party, the overload limit, and a
//! compact category × party heatmap.

use leptos::prelude::*;

use super::ctx::{side_tag, Editor};
use crate::components::number_text::NumberText;
use crate::domain::raci::workload::{heatmap, workload};
use crate::domain::raci::RaciEdit;

/// Workload table, overload limit and heatmap.
#[component]
pub fn WorkloadPanel() -> impl IntoView {
    let editor = Editor::get();
    let loads = Memo::new(move |_| editor.with_settled(workload));
    view! {
        <section class="panel workload no-print" aria-labelledby="raci-workload-title">
            <h2 id="raci-workload-title">"Workload"</h2>
            // Above the table, not its caption: a caption is as wide as its table, so on
            // a phone, where the table scrolls, the end of the line was cut off.
            <p class="hint" id="raci-workload-hint">
                "Letters each party holds, and the share of functions it does the work on (R), \
                    which the overload limit below is checked against."
            </p>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Workload per party">
                <table class="workload-table" aria-describedby="raci-workload-hint">
                    <thead>
                        <tr>
                            <th scope="col">"Party"</th>
                            <th scope="col">
                                <abbr title="Responsible">"R"</abbr>
                            </th>
                            <th scope="col">
                                <abbr title="Accountable">"A"</abbr>
                            </th>
                            <th scope="col">
                                <abbr title="Consulted">"C"</abbr>
                            </th>
                            <th scope="col">
                                <abbr title="Informed">"I"</abbr>
                            </th>
                            <th scope="col">"Share"</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || loads.get() key=|l| l.clone() let(l)>
                            <tr class:over=l.overloaded>
                                <th scope="row">
                                    {l.name.clone()} " " {side_tag(&l.name, l.side)}
                                </th>
                                <td>{l.r}</td>
                                <td>{l.a}</td>
                                <td>{l.c}</td>
                                <td>{l.i}</td>
                                <td class="share">
                                    <span class="bar" aria-hidden="true">
                                        <span
                                            class="fill"
                                            style:width=format!("{}%", l.share_pct)
                                        ></span>
                                    </span>
                                    {format!("{}%", l.share_pct)}
                                    {l.overloaded.then(over_limit)}
                                </td>
                            </tr>
                        </For>
                    </tbody>
                </table>
            </div>
            <OverloadLimit />
            <Heatmap />
        </section>
    }
}

/// The share of functions a party may do the work on before the check calls it overloaded.
#[component]
fn OverloadLimit() -> impl IntoView {
    let editor = Editor::get();
    // Through `NumberText`: a refused entry ("150") leaves the limit it began from, not 15.
    let limit = NumberText::new(
        "raci-overload",
        Signal::stored("Overload limit".to_owned()),
        Signal::derive(move || editor.with(|r| i64::from(r.overload_pct))),
        Callback::new(move |v: i64| {
            let _ = editor.typed("overload", RaciEdit::OverloadPct(v));
        }),
        Callback::new(|t: String| {
            crate::domain::input::parse_whole(&t, 1, 100).map_err(|e| e.message())
        }),
        |v| v.to_string(),
    );
    view! {
        <div class="field overload">
            <label for="raci-overload">"Overload limit (% of functions with R)"</label>
            <input
                id="raci-overload"
                type="text"
                inputmode="numeric"
                autocomplete="off"
                prop:value=limit.text
                on:input=move |ev| limit.input(ev)
                on:blur=move |_| limit.blur()
                aria-invalid=move || limit.invalid()
                aria-describedby="raci-overload-hint raci-overload-error"
            />
            <p class="hint" id="raci-overload-hint">
                "A party doing the work on more than this share of all functions is flagged as a \
                    single point of failure."
            </p>
            <p class="field-error" id="raci-overload-error" aria-live="polite">
                {limit.error}
            </p>
        </div>
    }
}

/// Categories × parties: how many functions of each category a party owns (R or A).
#[component]
fn Heatmap() -> impl IntoView {
    let editor = Editor::get();
    let heat = Memo::new(move |_| editor.with_settled(heatmap));
    let parties = Memo::new(move |_| {
        editor.with_settled(|r| r.parties.iter().map(|p| p.name.clone()).collect::<Vec<_>>())
    });
    view! {
        <h3 id="raci-heat-title">"Heatmap"</h3>
        <p class="hint" id="raci-heat-hint">
            "Functions in each category where the party is responsible or accountable; darker \
                is more."
        </p>
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="raci-heat-title">
            <table class="heatmap" aria-describedby="raci-heat-hint">
                <thead>
                    <tr>
                        <th scope="col">"Category"</th>
                        <For each=move || parties.get() key=|p| p.clone() let(p)>
                            <th scope="col">{p}</th>
                        </For>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || heat.get() key=|h| h.clone() let(h)>
                        <tr>
                            <th scope="row">{h.name.clone()}</th>
                            {h
                                .cells
                                .iter()
                                .map(|(n, level)| {
                                    view! {
                                        <td class=format!(
                                            "heat heat-{level}",
                                        )>{format!("{n}/{}", h.functions)}</td>
                                    }
                                })
                                .collect_view()}
                        </tr>
                    </For>
                </tbody>
            </table>
        </div>
    }
}

fn over_limit() -> impl IntoView {
    view! { <span class="over-tag">" over the limit"</span> }
}
