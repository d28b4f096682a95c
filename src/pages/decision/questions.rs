//! The questions to settle before signing, per provider, each with where it came from
//! and a link there; then the RACI's, asked of whichever provider is chosen.

use leptos::prelude::*;

use super::BriefMemo;
use crate::domain::decision::questions::Question;

fn list(questions: Vec<Question>) -> impl IntoView {
    questions
        .into_iter()
        .map(|q| {
            view! {
                <li>
                    {q.text} " " <a class="from" href=q.href>
                        {q.from}
                    </a>
                </li>
            }
        })
        .collect_view()
}

#[component]
pub fn QuestionsPanel() -> impl IntoView {
    let brief = expect_context::<BriefMemo>().0;
    let per_provider = move || {
        brief.with(|b| {
            b.asked
                .iter()
                .map(|a| {
                    let body = if a.questions.is_empty() {
                        view! { <p>"Nothing open."</p> }.into_any()
                    } else {
                        view! { <ol class="questions">{list(a.questions.clone())}</ol> }.into_any()
                    };
                    view! {
                        <h3>{a.name.clone()}</h3>
                        {body}
                    }
                })
                .collect_view()
        })
    };
    let shared = move || brief.with(|b| b.asked_of_all.clone());
    view! {
        <section class="panel questions-panel" aria-labelledby="questions-title">
            <h2 id="questions-title">"Questions to settle before signing"</h2>
            <p class="hint">"Each question says where it came from; the link opens that tool."</p>
            <Show when=move || brief.with(|b| b.asked.is_empty() && b.asked_of_all.is_empty())>
                <p>
                    "No questions yet. They come from each provider's scores and quote, and \
                    from the gaps in your RACI."
                </p>
            </Show>
            {per_provider}
            <Show when=move || !shared().is_empty()>
                <h3>"Whichever provider you choose (from your RACI)"</h3>
                <ol class="questions">{move || list(shared())}</ol>
            </Show>
        </section>
    }
}
