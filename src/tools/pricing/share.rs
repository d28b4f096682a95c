use leptos::prelude::*;

use crate::components::notices::offer;
use crate::components::share_panel::SharePanel;
use crate::domain::documents::PricingDoc;
use crate::domain::envelope::{self, Kind};
use crate::domain::files::slug;
use crate::domain::share::body::{pricing_link, Sender};
use crate::state::{Lib, Notices};

/// Share the comparison as a link, or as a JSON file that imports as a new workspace.
#[component]
pub fn SharePricing() -> impl IntoView {
    let lib = Lib::get();
    let notices = expect_context::<Notices>();
    let doc = move || lib.0.with_untracked(|l| PricingDoc::of(l.active()));
    let make_link = Callback::new(move |sender: Sender| pricing_link(&doc(), &sender));
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
    view! { <SharePanel what="pricing comparison" make_link=make_link download_json=download /> }
}
