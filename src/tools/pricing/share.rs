//! Sharing the pricing comparison as a link or as a JSON file.

use leptos::prelude::*;

use crate::browser::download::offer;
use crate::browser::state::{Lib, Notices};
use crate::components::share_panel::SharePanel;
use crate::domain::documents::PricingDoc;
use crate::domain::envelope::{self, Kind};
use crate::domain::files::slug;
use crate::domain::share::body::SharedDoc;

/// Share the comparison as a link, or as a JSON file that imports as a new workspace.
#[component]
pub fn SharePricing() -> impl IntoView {
    let lib = Lib::get();
    let notices = expect_context::<Notices>();
    let doc = move || lib.0.with_untracked(|l| PricingDoc::of(l.active()));
    let shared = Callback::new(move |_| SharedDoc::Pricing(Box::new(doc())));
    let download = Callback::new(move |()| {
        let doc = doc();
        let name = format!("splitline-pricing-{}.json", slug(&doc.name));
        offer(
            notices,
            &name,
            "application/json",
            &envelope::encode_pretty(Kind::Pricing, &doc),
        );
    });
    view! { <SharePanel what="pricing comparison" doc=shared download_json=download /> }
}
