use leptos::prelude::*;

use crate::clock::{fresh_id, now_ms};
use crate::components::notices::offer;
use crate::components::share_panel::SharePanel;
use crate::domain::scorecard::merge::{card_file, encode, file_name, CardFile};
use crate::domain::share::body::scorecard_link;
use crate::state::{Lib, Notices};

/// This evaluator's card as it is shared: the card gets its id the first time.
fn current_card(lib: Lib) -> CardFile {
    let mut card = None;
    lib.update_active(|ws| {
        if ws.scorecard.card_id.is_empty() {
            ws.scorecard.card_id = fresh_id();
        }
        card = Some(card_file(
            &ws.scorecard,
            &ws.providers,
            ws.display_name(),
            now_ms(),
        ));
    });
    card.expect("update_active always runs")
}

/// Share this evaluator's card as a link, or as the JSON file colleagues import.
#[component]
pub fn ShareScorecard() -> impl IntoView {
    let lib = Lib::get();
    let notices = expect_context::<Notices>();
    let evaluator = Signal::derive(move || lib.0.with(|l| l.active().scorecard.evaluator.clone()));
    let make_link = Callback::new(move |_| scorecard_link(&current_card(lib)));
    let download = Callback::new(move |()| {
        let card = current_card(lib);
        offer(
            notices,
            &file_name(&card.evaluator),
            "application/json",
            &encode(&card),
        );
    });
    view! { <SharePanel what="scorecard" make_link=make_link download_json=download fixed_name=evaluator /> }
}
