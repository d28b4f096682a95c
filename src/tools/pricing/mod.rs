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
mod quote_card;
mod quote_fields;
mod rate_card;
mod results;
mod share;
mod usage;

use leptos::prelude::*;

use crate::browser::state::Lib;
use crate::components::page_intro::PageIntro;
use crate::domain::duty::MspDuty;
use crate::domain::pricing::compare::{compare, Comparison};
use crate::domain::pricing::money::Currency;
use crate::domain::pricing::quote::Quote;
use crate::domain::pricing::Pricing;
use crate::domain::route::Route;
use crate::domain::workspace::Workspace;

/// The comparison of the open workspace, derived once for every view on the page.
#[derive(Clone, Copy)]
pub struct Cmp(pub Memo<Comparison>);

/// The functions the workspace's RACI gives the MSP, for the cross-check.
pub fn msp_duties(ws: &Workspace) -> Vec<MspDuty> {
    ws.raci.msp_duties()
}

/// Changes the pricing document of the open workspace.
pub fn edit(lib: Lib, change: impl FnOnce(&mut Pricing)) {
    lib.update_active(|ws| change(&mut ws.pricing));
}

/// Changes one quote; a quote deleted meanwhile is left alone.
pub fn edit_quote(lib: Lib, provider: &str, change: impl FnOnce(&mut Quote)) {
    lib.update_active(|ws| {
        if let Some(q) = ws.pricing.quote_mut(provider) {
            change(q);
        }
    });
}

/// The currency the comparison is in.
pub fn currency(lib: Lib) -> Signal<Currency> {
    Signal::derive(move || lib.0.with(|l| l.active().pricing.env.currency))
}

/// The Pricing page.
#[component]
pub fn PricingPage() -> impl IntoView {
    let lib = Lib::get();
    let cmp = Memo::new(move |_| {
        lib.0.with(|l| {
            let ws = l.active();
            compare(&ws.pricing, &ws.profile, &ws.providers, &msp_duties(ws))
        })
    });
    provide_context(Cmp(cmp));
    view! {
        <PageIntro route=Route::Pricing />
        <div class="pricing">
            <export::PrintHeading />
            <environment::EnvironmentPanel />
            <usage::UsagePanel />
            <quote_card::QuotesPanel />
            <results::ResultsPanel />
            <alternatives::AlternativesPanel />
            <export::ExportPanel />
            <share::SharePricing />
        </div>
    }
}
