//! The recommendation: who to choose, how robust that is, what to settle first.

use leptos::prelude::*;

use super::BriefMemo;

#[component]
pub fn RecommendationPanel() -> impl IntoView {
    let brief = expect_context::<BriefMemo>().0;
    let r = move || brief.with(|b| b.recommendation.clone());
    let class = move || {
        if r().provider.is_some() {
            "panel recommendation chosen"
        } else {
            "panel recommendation"
        }
    };
    view! {
        <section class=class aria-labelledby="rec-title">
            <h2 id="rec-title">"Recommendation"</h2>
            <p class="rec-headline" aria-live="polite">
                <strong>{move || r().headline}</strong>
            </p>
            <Show when=move || !r().robustness.is_empty()>
                <h3>"How robust it is"</h3>
                <ul class="rec-lines">
                    {move || {
                        r().robustness
                            .into_iter()
                            .map(|l| view! { <li><strong>{l.topic}"."</strong>" "{l.text}</li> })
                            .collect_view()
                    }}
                </ul>
            </Show>
            <Show when=move || !r().settle.is_empty()>
                <h3>"Before signing"</h3>
                <ul class="rec-lines">
                    {move || r().settle.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
                </ul>
            </Show>
        </section>
    }
}
