//! The provider scorecard page: providers, the score grid, call mode, criteria and
//! weights, knock-outs, results, evaluators, export. Each view renders what
//! `domain::scorecard` computes.

mod call;
mod cell;
mod chart;
mod claim;
mod criteria;
mod details;
mod evaluators;
mod export;
mod grid;
mod import;
mod knockouts;
mod live;
mod merge;
mod print;
mod providers;
mod results;
mod scores;
mod share;
mod sig;
mod tabs;

use leptos::prelude::*;

use crate::browser::open_docs::{open, open_soon};
use crate::browser::state::Lib;
use crate::components::doc::undo_controls;
use crate::components::later::Later;
use crate::components::page_intro::PageIntro;
use crate::domain::pricing::Pricing;
use crate::domain::raci::Raci;
use crate::domain::route::Route;
use crate::domain::scorecard::tab::Tab;
use crate::domain::scorecard::Scorecard;
use live::{Live, ScorecardDoc};
use sig::show;

/// The Scorecard page.
#[component]
pub fn ScorecardPage() -> impl IntoView {
    // Removing a provider here takes its quote and RACI proposals out too, so all three
    // documents are read and checked; the other two in tasks of their own, as the page
    // does not show them.
    open::<Scorecard>();
    open_soon::<Raci>();
    open_soon::<Pricing>();
    let lib = Lib::get();
    let doc = ScorecardDoc::new(lib);
    provide_context(doc);
    let live = Live::new(lib, doc);
    provide_context(live);
    let tab = RwSignal::new(Tab::from_fragment(
        &crate::browser::router::location_hash_raw(),
    ));
    view! {
        <div class="sc-page">
            <PageIntro route=Route::Scorecard />
            // The controls, then the panel's content, are built in tasks after the intro.
            <Later offscreen=true>
                <div class="sc-screen-only">
                    {undo_controls(doc, "Scorecard actions", ().into_any())}
                    // On a call the question comes first: the provider is picked in call mode.
                    {show(
                        move || tab.get() != Tab::Call,
                        move || {
                            view! {
                                <evaluators::EvaluatorName />
                                <providers::ProvidersPanel />
                            }
                                .into_any()
                        },
                    )} <tabs::TabList tab=tab />
                </div>
            </Later>
            // The panel itself is always there, so the tabs' `aria-controls` always
            // names an element; what it shows is built in a later task (`Later`).
            <div
                class="sc-panel"
                id="sc-panel"
                role="tabpanel"
                aria-labelledby=sig::text(move || tabs::tab_id(tab.get()))
            >
                <Later>
                    {move || match tab.get() {
                        Tab::Grid => view! { <grid::ScoreGrid /> }.into_any(),
                        Tab::Call => view! { <call::CallMode /> }.into_any(),
                        Tab::Criteria => view! { <criteria::CriteriaEditor /> }.into_any(),
                        Tab::KnockOuts => view! { <knockouts::KnockOuts /> }.into_any(),
                        Tab::Results => view! { <results::ResultsView /> }.into_any(),
                        Tab::Evaluators => view! { <evaluators::Evaluators /> }.into_any(),
                        Tab::Export => view! { <export::ExportView /> }.into_any(),
                    }}
                </Later>
            </div>
        </div>
    }
}
