//! The buyer's questions: an answer each, an optional self-rating and evidence link.

use leptos::prelude::*;

use super::Draft;
use crate::components::{focus_by_id, unique_id};
use crate::domain::proposal::request::Question;
use crate::domain::proposal::response::{answer_length_note, MAX_ANSWER_CHARS, MAX_EVIDENCE_CHARS};
use crate::domain::scorecard::claims::web_address;

/// Said under evidence that is not a web address; it is kept, as text.
const NOT_A_LINK: &str = "This is not a web address starting with https://, so the buyer \
    sees it as text, not as a link.";

#[component]
pub fn Questions() -> impl IntoView {
    let draft = Draft::get();
    let questions = draft.request.with_value(|r| r.questions.clone());
    let count = questions.len();
    view! {
        <section class="panel" aria-labelledby="proposal-questions">
            <h2 id="proposal-questions">{format!("2. The buyer's {count} questions")}</h2>
            <p class="hint">
                "Answer in your own words. Under each question is what the buyer will look for \
                    in a weak, a fair and a strong answer. A rating of your own is optional: the \
                    buyer sees it beside your answer, and scores you themselves."
            </p>
            {questions
                .into_iter()
                .map(|q| view! { <QuestionItem question=q /> })
                .collect_view()}
        </section>
    }
}

#[component]
fn QuestionItem(question: Question) -> impl IntoView {
    let draft = Draft::get();
    let qid = StoredValue::new(question.id.clone());
    let answer = Memo::new(move |_| {
        draft
            .response
            .with(|r| r.answer(&qid.get_value()).cloned().unwrap_or_default())
    });
    let edit = move |change: Box<dyn FnOnce(&mut crate::domain::proposal::Answer)>| {
        draft.edit(|req, r| {
            if let Some(a) = r.answer_mut(req, &qid.get_value()) {
                change(a);
            }
        });
    };
    let text_id = unique_id("answer");
    let sum = question.sum();
    // Written for an earlier wording, when the buyer sent the request again with changes.
    let reworded = move || answer.with(|a| a.for_earlier_wording(sum));
    let focus_id = text_id.clone();
    let stands = move |_| {
        draft.edit(|req, r| r.confirm(req, &qid.get_value()));
        focus_by_id(&focus_id);
    };
    let rating_id = unique_id("rating");
    let evidence_id = unique_id("evidence");
    let not_a_link = move || {
        answer.with(|a| !a.evidence.trim().is_empty() && web_address(&a.evidence).is_none())
    };
    // Judged when the provider leaves the field (or on a reloaded draft), not at each
    // key: "h" is not yet a web address. Typing a good one clears it at once.
    let warn = RwSignal::new(not_a_link());
    let heading_id = super::question_anchor(&question.id);
    let labelled_by = heading_id.clone();
    // Each "My answer stands" is read with its question: there can be several.
    let stands_for = heading_id.clone();
    let a = &question.anchors;
    let anchors = [("1", &a.one), ("3", &a.three), ("5", &a.five)]
        .into_iter()
        .filter(|(_, text)| !text.is_empty())
        .map(|(n, text)| view! { <li><strong>{n}</strong>": "{text.clone()}</li> })
        .collect_view();
    view! {
        <article class="proposal-question" aria-labelledby=labelled_by>
            <h3 id=heading_id>
                {question.name.clone()}
                <span class="group">{question.group.clone()}</span>
            </h3>
            <p>{question.question.clone()}</p>
            <details>
                <summary>"What the buyer looks for"</summary>
                <ul class="anchors">{anchors}</ul>
            </details>
            <Show when=reworded>
                <p class="notice warning">
                    "The buyer changed this question after you answered it. Check your answer \
                        against the question as it is now; until you change it or confirm it, the \
                        buyer sees it marked as an answer to the earlier wording. "
                    <button
                        type="button"
                        class="secondary"
                        aria-describedby=stands_for.clone()
                        on:click=stands.clone()
                    >
                        "My answer stands"
                    </button>
                </p>
            </Show>
            <div class="field">
                <label for=text_id.clone()>"Your answer"</label>
                <textarea
                    id=text_id.clone()
                    aria-describedby=format!("{text_id}-length")
                    rows="3"
                    maxlength=MAX_ANSWER_CHARS.to_string()
                    prop:value=move || answer.with(|a| a.text.clone())
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        // Writing the answer is answering the question as it is now.
                        edit(Box::new(move |a| {
                            a.text = text;
                            a.asked = sum;
                        }));
                    }
                ></textarea>
                // Counted as `maxlength` counts (UTF-16), and read with the field rather
                // than at every key.
                <p class="hint" id=format!("{text_id}-length")>
                    {move || answer.with(|a| answer_length_note(a.text.encode_utf16().count()))}
                </p>
            </div>
            <div class="form-grid">
                <div class="field">
                    <label for=rating_id.clone()>"Your own rating (optional)"</label>
                    <select
                        id=rating_id
                        on:change=move |ev| {
                            let rating = event_target_value(&ev).parse::<u8>().ok();
                            edit(Box::new(move |a| a.rating = rating));
                        }
                    >
                        <option value="" selected=move || answer.with(|a| a.rating.is_none())>
                            "No rating"
                        </option>
                        {(1..=5u8)
                            .map(|n| {
                                view! {
                                    <option
                                        value=n.to_string()
                                        selected=move || answer.with(|a| a.rating == Some(n))
                                    >
                                        {format!("{n} of 5")}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for=evidence_id.clone()>"Evidence link (optional)"</label>
                    <input
                        id=evidence_id.clone()
                        aria-describedby=format!("{evidence_id}-note")
                        type="url"
                        maxlength=MAX_EVIDENCE_CHARS.to_string()
                        placeholder="https://"
                        prop:value=move || answer.with(|a| a.evidence.clone())
                        on:input=move |ev| {
                            let text = event_target_value(&ev);
                            edit(Box::new(move |a| a.evidence = text));
                            if !not_a_link() {
                                warn.set(false);
                            }
                        }
                        on:change=move |_| warn.set(not_a_link())
                    />
                    <p class="hint" id=format!("{evidence_id}-note") aria-live="polite">
                        {move || warn.get().then_some(NOT_A_LINK)}
                    </p>
                </div>
            </div>
        </article>
    }
}
