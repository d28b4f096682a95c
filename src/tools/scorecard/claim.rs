//! A provider's own answer to the selected question, from its response to a request for
//! proposal: shown beside the score (detail panel and call mode) so the buyer scores
//! against it. Its self-rating is labelled a claim and never fills in a score.

use leptos::prelude::*;

use crate::domain::scorecard::claims::Claim;
use crate::domain::text::possessive;

/// The evidence as a link only when it is a web address: a response is outside data,
/// and a `javascript:` address must never become a clickable link.
fn web_address(text: &str) -> Option<String> {
    let t = text.trim();
    let lower = t.get(..8).map(str::to_ascii_lowercase).unwrap_or_default();
    (lower.starts_with("https://") || lower.starts_with("http://")).then(|| t.to_owned())
}

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

#[cfg(test)]
mod tests {
    use super::web_address;

    #[test]
    fn only_web_addresses_become_links() {
        assert_eq!(
            web_address(" https://a.example/x "),
            Some("https://a.example/x".into())
        );
        assert_eq!(
            web_address("HTTP://a.example"),
            Some("HTTP://a.example".into())
        );
        assert_eq!(web_address("javascript:alert(1)"), None);
        assert_eq!(web_address("see our SOC 2 report"), None);
        assert_eq!(web_address("é"), None);
    }
}
