//! The pricing comparison: every quote turned into an all-in, multi-year figure,
//! benchmarked and set beside the alternatives. The numbers all come from
//! `domain::pricing`; these views only show and edit them.

mod add_quote;
mod alternatives;
mod charts;
mod environment;
mod export;
mod fields;
pub mod fmt;
mod hires;
pub mod outcome;
pub mod quote_card;
pub mod quote_fields;
pub mod rate_card;
mod results;
mod share;
mod usage;

use leptos::prelude::*;

use crate::browser::open_docs::{open, open_soon};
use crate::browser::state::Lib;
use crate::components::doc::{undo_controls, Doc};
use crate::components::later::Later;
use crate::components::page_intro::PageIntro;
use crate::components::page_jumps::PageJumps;
use crate::domain::duty::MspDuty;
use crate::domain::pricing::compare::{compare, Comparison};
use crate::domain::pricing::edit::{PricingEdit, QuoteEdit};
use crate::domain::pricing::money::Currency;
use crate::domain::pricing::Pricing;
use crate::domain::route::Route;
use crate::domain::scorecard::{knockout, Scorecard};
use crate::domain::workspace::Workspace;

/// The comparison of the open workspace, derived once for every view on the page.
#[derive(Clone, Copy)]
pub struct Cmp(pub Memo<Comparison>);

/// The comparison of `lib`'s open workspace, for every view on a page that shows quotes.
pub fn comparison(lib: Lib) -> Cmp {
    Cmp(Memo::new(move |_| {
        lib.0.with(|l| {
            let ws = l.active();
            compare(&ws.pricing, &ws.profile, &ws.providers, &msp_duties(ws))
        })
    }))
}

/// The providers the workspace's scorecard knocks out, with their red flags: the lowest
/// price can be a provider the buyer cannot choose, and this page must not hide that.
#[derive(Clone, Copy)]
pub struct KnockedOut(pub Memo<Vec<(String, Vec<String>)>>);

impl KnockedOut {
    /// Whether the scorecard knocks `provider` out (a tracked read).
    pub fn has(&self, provider: &str) -> bool {
        self.0.with(|k| k.iter().any(|(id, _)| id == provider))
    }
}

fn knocked_out(lib: Lib) -> KnockedOut {
    KnockedOut(Memo::new(move |_| {
        lib.0.with(|l| {
            let ws = l.active();
            knockout::knocked_out(&ws.scorecard, &ws.providers)
        })
    }))
}

/// The functions the workspace's RACI gives the MSP, for the cross-check.
pub fn msp_duties(ws: &Workspace) -> Vec<MspDuty> {
    ws.raci.msp_duties()
}

/// The open workspace's pricing comparison and its undo history.
pub type PricingDoc = Doc<Pricing>;

/// The page's handle, made once when the page is built.
pub fn doc() -> PricingDoc {
    expect_context::<PricingDoc>()
}

/// Applies a figure typed into `field` (keystrokes in one field are one undo step).
pub fn typed(doc: PricingDoc, field: &str, edit: PricingEdit) {
    let _ = doc.typed(field, edit);
}

/// Applies a change to one quote typed into `field`.
pub fn typed_quote(doc: PricingDoc, provider: &str, field: &str, edit: QuoteEdit) {
    typed(
        doc,
        &format!("{field}:{provider}"),
        PricingEdit::Quote(provider.to_owned(), edit),
    );
}

/// The currency the comparison is in.
pub fn currency(lib: Lib) -> Signal<Currency> {
    Signal::derive(move || lib.0.with(|l| l.active().pricing.env.currency))
}

/// Where "Go to" takes a buyer on this long page: the comparison sits below every quote.
const SECTIONS: &[(&str, &str)] = &[
    ("Quotes", "quotes-title"),
    ("Comparison", "results-title"),
    ("Alternatives", "alt-title"),
    ("Export and share", "export-title"),
];

/// The Pricing page.
#[component]
pub fn PricingPage() -> impl IntoView {
    // The rate card is checked against the RACI's provider duties, and the ranking marks
    // the scorecard's knock-outs; both are read in a task of their own, before the parts
    // that use them (`Later`, queued after them).
    open::<Pricing>();
    open_soon::<crate::domain::raci::Raci>();
    open_soon::<Scorecard>();
    let lib = Lib::get();
    let doc = PricingDoc::new(lib);
    provide_context(doc);
    provide_context(crate::components::typing::Refused::default());
    provide_context(comparison(lib));
    provide_context(knocked_out(lib));
    let jumps = view! { <PageJumps sections=SECTIONS /> }.into_any();
    view! {
        <PageIntro route=Route::Pricing />
        <div class="pricing">
            <crate::components::print_heading::PrintHeading what="managed IT quotes compared" />
            {undo_controls(doc, "Comparison actions", jumps)}
            <Later offscreen=true>
                <environment::EnvironmentPanel />
            </Later>
            <Later>
                <usage::UsagePanel />
            </Later>
            <Later>
                <quote_card::QuotesPanel />
            </Later>
            <Later>
                <results::ResultsPanel />
            </Later>
            <Later>
                <alternatives::AlternativesPanel />
            </Later>
            <Later>
                <export::ExportPanel />
                <share::SharePricing />
            </Later>
        </div>
    }
}
