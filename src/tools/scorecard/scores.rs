//! The score buttons (0 to 5, N/A, Clear) and the list of what 1, 3 and 5 mean for a criterion.

use leptos::prelude::*;

use super::sig::{self, aria, flag};
use crate::domain::scorecard::model::{Anchors, Score};

/// The score buttons 0 to 5, N/A and Clear, with the current score pressed.
#[component]
pub fn ScoreButtons(
    /// The score shown as pressed.
    #[prop(into)]
    current: Signal<Option<Score>>,
    /// Receives the picked score (None clears).
    on_pick: Callback<Option<Score>>,
    /// Names the group for assistive technology.
    #[prop(into)]
    label: Signal<String>,
) -> impl IntoView {
    let buttons = Score::ALL
        .into_iter()
        .map(|s| {
            let pressed = aria(move || current.get() == Some(s));
            let text = match s {
                Score::Points(n) => view! {
                    <span class="visually-hidden">"Score "</span>
                    {n.to_string()}
                }
                .into_any(),
                Score::NotApplicable => view! {
                    <span aria-hidden="true">"N/A"</span>
                    <span class="visually-hidden">"Not applicable"</span>
                }
                .into_any(),
            };
            view! {
                <button
                    type="button"
                    class="sc-score-button"
                    class:na=s == Score::NotApplicable
                    aria-pressed=pressed
                    on:click=move |_| on_pick.run(Some(s))
                >
                    {text}
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="sc-score-buttons" role="group" aria-label=label>
            {buttons}
            <button
                type="button"
                class="secondary sc-score-clear"
                disabled=flag(move || current.get().is_none())
                on:click=move |_| on_pick.run(None)
            >
                "Clear"
            </button>
        </div>
    }
}

/// What 1, 3 and 5 mean for a criterion.
#[component]
pub fn AnchorList(
    /// The anchors to show.
    #[prop(into)]
    anchors: Signal<Anchors>,
) -> impl IntoView {
    let item = move |points: &'static str, text: fn(&Anchors) -> String| {
        view! {
            <div class="sc-anchor">
                <dt>{points}</dt>
                <dd>
                    {sig::text(move || {
                        let t = anchors.with(text);
                        if t.is_empty() { "No anchor written yet.".to_owned() } else { t }
                    })}
                </dd>
            </div>
        }
    };
    view! {
        <dl class="sc-anchors">
            {item("1", |a| a.one.clone())} {item("3", |a| a.three.clone())}
            {item("5", |a| a.five.clone())}
        </dl>
    }
}
