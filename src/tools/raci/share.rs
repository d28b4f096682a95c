//! Sharing the RACI matrix as a link or as a JSON file.

use leptos::prelude::*;

use crate::browser::download::offer;
use crate::browser::state::{Lib, Notices};
use crate::components::share_panel::SharePanel;
use crate::domain::documents::RaciDoc;
use crate::domain::envelope::{self, Kind};
use crate::domain::files::slug;
use crate::domain::share::body::SharedDoc;

/// Share the matrix as a link, or as a JSON file that imports as a new workspace.
#[component]
pub fn ShareRaci() -> impl IntoView {
    let lib = Lib::get();
    let notices = expect_context::<Notices>();
    let doc = move || lib.0.with_untracked(|l| RaciDoc::of(l.active()));
    let shared = Callback::new(move |_| SharedDoc::Raci(Box::new(doc())));
    let download = Callback::new(move |()| {
        let doc = doc();
        let name = format!("splitline-raci-{}.json", slug(&doc.name));
        offer(
            notices,
            &name,
            "application/json",
            &envelope::encode_pretty(Kind::Raci, &doc),
        );
    });
    view! { <SharePanel what="RACI" doc=shared download_json=download /> }
}
