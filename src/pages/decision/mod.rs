//! The decision brief: the RACI, the scorecard and the quotes of the open workspace on
//! one page, with a recommendation and the questions to settle before signing. Every
//! figure and sentence comes from `domain::decision`; these views only lay them out.

mod chart;
mod export;
mod questions;
mod readiness;
mod recommendation;
mod summary;

use leptos::prelude::*;

use crate::browser::open_docs::open_all;
use crate::browser::state::Lib;
use crate::components::page_intro::PageIntro;
use crate::components::page_jumps::PageJumps;
use crate::domain::decision::Brief;
use crate::domain::route::Route;

/// With three providers the brief is about 7,000 px tall on a phone, and the questions to
/// settle sit below everything else.
const SECTIONS: &[(&str, &str)] = &[
    ("Providers", "summary-title"),
    ("Value for money", "value-title"),
    ("RACI", "ready-title"),
    ("Questions", "questions-title"),
    ("Print or copy", "brief-export-title"),
];

/// The brief of the open workspace, computed once per change for every section.
#[derive(Clone, Copy)]
pub struct BriefMemo(pub Memo<Brief>);

/// The Decision brief page.
#[component]
pub fn DecisionPage() -> impl IntoView {
    open_all();
    let lib = Lib::get();
    let brief = Memo::new(move |_| lib.0.with(|l| Brief::build(l.active())));
    provide_context(BriefMemo(brief));
    view! {
        <PageIntro route=Route::Decision />
        <div class="brief-jumps no-print">
            <PageJumps sections=SECTIONS />
        </div>
        <div class="decision">
            <crate::components::print_heading::PrintHeading what="managed IT provider decision" />
            <recommendation::RecommendationPanel />
            <summary::SummaryPanel />
            <chart::ValuePanel />
            <readiness::ReadinessPanel />
            <questions::QuestionsPanel />
            <export::ExportPanel />
        </div>
    }
}
