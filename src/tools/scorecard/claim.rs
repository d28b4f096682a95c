//! A provider's own answer to the selected question, from its response to a request for
//! proposal: shown beside the score (detail panel and call mode) so the buyer scores
//! against it. Its self-rating is labelled a claim and never fills in a score.

use leptos::prelude::*;

use crate::domain::scorecard::claims::{web_address, Claim};
use crate::domain::text::possessive;

/// The claim of `provider` (its name) on the shown criterion, if its response had one.
#[component]
pub fn ClaimNote(claim: Signal<Option<(String, Claim)>>) -> impl IntoView {
    move || {
        claim.get().map(|(provider, c)| {
            let rating = c
                .rating
                .map(|r| format!("Their own rating: {r} of 5 (their claim, not your score)."));
            let evidence = (!c.evidence.is_empty()).then(|| match web_address(&c.evidence) {
                Some(href) => view! {
                    <p>
                        "Evidence: "
                        <a href=href rel="noopener noreferrer" target="_blank">
                            {c.evidence.clone()}
                        </a>
                    </p>
                }
                .into_any(),
                None => view! { <p>{format!("Evidence: {}", c.evidence)}</p> }.into_any(),
            });
            let earlier = c.earlier_wording.then(|| {
                view! { <p class="hint">"They answered an earlier wording of this question."</p> }
            });
            view! {
                <aside class="claim" aria-label=format!("{} answer", possessive(&provider))>
                    <p class="claim-title">{format!("What {provider} said in their response")}</p>
                    <p class="claim-text">{c.text.clone()}</p>
                    {rating.map(|r| view! { <p>{r}</p> })}
                    {evidence}
                    {earlier}
                </aside>
            }
        })
    }
}
