use leptos::prelude::*;

use crate::components::notices::offer;
use crate::components::share_panel::SharePanel;
use crate::domain::documents::RaciDoc;
use crate::domain::envelope::{self, Kind};
use crate::domain::files::slug;
use crate::domain::share::body::{raci_link, Sender};
use crate::state::{Lib, Notices};

/// Share the matrix as a link, or as a JSON file that imports as a new workspace.
#[component]
pub fn ShareRaci() -> impl IntoView {
    let lib = Lib::get();
    let notices = expect_context::<Notices>();
    let doc = move || lib.0.with_untracked(|l| RaciDoc::of(l.active()));
    let make_link = Callback::new(move |sender: Sender| raci_link(&doc(), &sender));
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
    view! { <SharePanel what="RACI" make_link=make_link download_json=download /> }
}
