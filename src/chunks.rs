//! Where the wasm is cut: each tool, the workspaces page and the shared-link pages load
//! their code the first time they open, so a new visitor downloads the shell and one tool.
//!
//! Each cut is a `split_point!` (`split.rs`); the tools declare their own smaller cuts
//! (the RACI's file import and export, its panels) the same way.

use leptos::prelude::*;

use crate::domain::route::Route;
use crate::domain::share::body::{Sender, SharedDoc};
use crate::split::{split_point, NotLoaded};

split_point! {
    /// The RACI builder.
    raci, preload_raci, fn raci_page() -> AnyView {
        Ok(view! { <crate::tools::raci::RaciPage /> }.into_any())
    }
}

split_point! {
    /// The provider scorecard.
    scorecard, preload_scorecard, fn scorecard_page() -> AnyView {
        Ok(view! { <crate::tools::scorecard::ScorecardPage /> }.into_any())
    }
}

split_point! {
    /// The pricing comparison.
    pricing, preload_pricing, fn pricing_page() -> AnyView {
        Ok(view! { <crate::tools::pricing::PricingPage /> }.into_any())
    }
}

split_point! {
    /// What the pricing comparison does before its first build (`prepare`).
    pricing, fn prepare_pricing() -> () {
        crate::tools::pricing::fmt::warm_up();
        Ok(())
    }
}

split_point! {
    /// The decision brief.
    decision, preload_decision, fn decision_page() -> AnyView {
        Ok(view! { <crate::pages::decision::DecisionPage /> }.into_any())
    }
}

split_point! {
    /// Managing workspaces: list, profile, files and backups.
    workspaces, preload_workspaces, fn workspaces_page() -> AnyView {
        Ok(view! { <crate::pages::workspaces::WorkspacesPage /> }.into_any())
    }
}

split_point! {
    /// A share link opened read-only.
    shared, preload_shared, fn shared_page() -> AnyView {
        Ok(view! { <crate::pages::shared::SharedPage /> }.into_any())
    }
}

split_point! {
    /// Makes a share link (deflate with the preset dictionary, then base64). It sits
    /// with the shared-link pages, which hold the other half of the codec.
    shared, fn make_link(doc: SharedDoc, sender: Sender) -> String {
        Ok(doc.link(&sender))
    }
}

/// Builds the page for a route whose code is in a chunk, fetching the chunk if needed.
pub async fn page(route: Route) -> Result<AnyView, NotLoaded> {
    match route {
        Route::Raci => raci_page().await,
        Route::Scorecard => scorecard_page().await,
        Route::Pricing => pricing_page().await,
        Route::Decision => decision_page().await,
        Route::Workspaces => workspaces_page().await,
        Route::Shared => shared_page().await,
        Route::Home | Route::NotFound => Err(NotLoaded),
    }
}

/// Runs, once the chunk is loaded, the work a page would otherwise do inside its first
/// build, so that build (one task the visitor cannot interrupt) stays short.
pub async fn prepare(route: Route) {
    if route == Route::Pricing {
        let _ = prepare_pricing().await;
    }
}

/// Fetches a route's chunk without building anything (before the first mount, or when
/// the pointer or focus reaches a link to it). Failures surface when the page opens.
pub async fn preload(route: Route) {
    let _ = match route {
        Route::Raci => preload_raci().await,
        Route::Scorecard => preload_scorecard().await,
        Route::Pricing => preload_pricing().await,
        Route::Decision => preload_decision().await,
        Route::Workspaces => preload_workspaces().await,
        Route::Shared => preload_shared().await,
        Route::Home | Route::NotFound => Ok(()),
    };
}
