//! Sharing this evaluator's scorecard as a link or as the JSON file colleagues import.

use leptos::prelude::*;

use super::live::ScorecardDoc;
use crate::browser::clock::{fresh_id, now_ms};
use crate::browser::download::offer;
use crate::browser::state::{Lib, Notices};
use crate::components::share_panel::SharePanel;
use crate::domain::scorecard::card_file::{card_file, encode, file_name, CardFile};
use crate::domain::share::body::{Sender, SharedDoc};

/// This evaluator's card as it is shared at `at_ms`: the card gets its id the first time
/// (later calls, such as the share panel's check for edits, only read).
fn current_card(lib: Lib, doc: ScorecardDoc, at_ms: i64) -> CardFile {
    doc.note(|sc| sc.stamp_card_id(fresh_id()));
    lib.0.with_untracked(|l| {
        let ws = l.active();
        card_file(&ws.scorecard, &ws.providers, ws.display_name(), at_ms)
    })
}

/// Share this evaluator's card as a link, or as the JSON file colleagues import.
#[component]
pub fn ShareScorecard() -> impl IntoView {
    let lib = Lib::get();
    let doc = super::live::doc();
    let notices = expect_context::<Notices>();
    let evaluator = Signal::derive(move || lib.0.with(|l| l.active().scorecard.evaluator.clone()));
    let shared = Callback::new(move |sender: Sender| {
        SharedDoc::Scorecard(Box::new(current_card(lib, doc, sender.at_ms)))
    });
    let download = Callback::new(move |()| {
        let card = current_card(lib, doc, now_ms());
        offer(
            notices,
            &file_name(&card.evaluator),
            "application/json",
            &encode(&card),
        );
    });
    view! { <SharePanel what="scorecard" doc=shared download_json=download fixed_name=evaluator /> }
}
