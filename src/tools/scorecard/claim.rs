//! A provider's own answer to the selected question, from its response to a request for
//! proposal: shown beside the score (detail panel and call mode) so the buyer scores
//! against it. Its self-rating is labelled a claim and never fills in a score.

use leptos::prelude::*;

use crate::domain::scorecard::claims::{web_address, Claim};
use crate::domain::text::possessive;

/// The claim of `provider` (its name) on the shown criterion, if its response had one.
/// `short` keeps a long answer to four lines until the buyer asks for the rest: in call
/// mode the score buttons come after it, and on a phone a full answer pushed them a
/// screen or more down.
#[component]
pub fn ClaimNote(
    claim: Signal<Option<(String, Claim)>>,
    #[prop(optional)] short: bool,
) -> impl IntoView {
    // Scoring changes the question's other fields: the note, and whether its whole text
    // is open, stay as they are unless the answer itself changes.
    let claim = Memo::new(move |_| claim.get());
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
                    <ClaimText text=c.text.clone() short=short />
                    {rating.map(|r| view! { <p>{r}</p> })}
                    {evidence}
                    {earlier}
                </aside>
            }
        })
    }
}

/// The answer's text; when `short`, cut to four lines with a button for the rest, shown
/// only when there is more than fits.
#[component]
fn ClaimText(text: String, short: bool) -> impl IntoView {
    if !short {
        return view! { <p class="claim-text">{text}</p> }.into_any();
    }
    let open = RwSignal::new(false);
    let cut = RwSignal::new(false);
    let node = NodeRef::<leptos::html::P>::new();
    let measure = move || {
        if let Some(p) = node.get_untracked() {
            if !open.get_untracked() {
                cut.set(p.scroll_height() > p.client_height() + 1);
            }
        }
    };
    Effect::new(move || {
        node.track();
        measure();
    });
    // A turned phone or a wider window may fit the whole answer, or no longer fit it.
    #[cfg(target_arch = "wasm32")]
    {
        let resized = window_event_listener(leptos::ev::resize, move |_| measure());
        on_cleanup(move || resized.remove());
    }
    let id = crate::components::unique_id("claim-text");
    let label = move || match open.get() {
        true => "Show less of their answer",
        false => "Show all of their answer",
    };
    view! {
        <p class="claim-text" class:clamped=move || !open.get() node_ref=node id=id.clone()>
            {text}
        </p>
        <Show when=move || open.get() || cut.get()>
            <button
                type="button"
                class="link"
                aria-expanded=move || open.get().to_string()
                aria-controls=id.clone()
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {label}
            </button>
        </Show>
    }
    .into_any()
}
