//! Call mode: one provider and one question at a time for a live call, scored from the keyboard,
//! with a note and the provider's red flags.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::claim::ClaimNote;
use super::knockouts::FlagChecklist;
use super::live::{doc, Live, ScorecardDoc};
use super::scores::{AnchorList, ScoreButtons};
use super::sig::{aria, error_text, flag, list, show_or, text};
use crate::browser::state::Lib;
use crate::components::unique_id;
use crate::domain::scorecard::call::{self, CallKey, Progress};
use crate::domain::scorecard::claims::Claim;
use crate::domain::scorecard::edit::ScorecardEdit;
use crate::domain::scorecard::model::{Anchors, Cursor, Score, MAX_TEXT_CHARS};

#[derive(Clone, Debug, PartialEq)]
struct Question {
    provider: String,
    provider_name: String,
    criterion: String,
    name: String,
    group: String,
    question: String,
    anchors: Anchors,
    score: Option<Score>,
    note: String,
    progress: Progress,
    claim: Option<Claim>,
}

fn go(doc: ScorecardDoc, cursor: Cursor) {
    doc.note(|sc| sc.go_to(cursor));
}

/// Moves `delta` questions (or to the next unscored one) for the current provider.
fn navigate(doc: ScorecardDoc, q: &Question, how: Nav) {
    let order = doc.with_untracked(call::order);
    let target = match how {
        Nav::Step(d) => call::step(&order, &q.criterion, d),
        Nav::Unscored => {
            doc.with_untracked(|sc| call::next_unscored(sc, &q.provider, &order, &q.criterion))
        }
    };
    if let Some(criterion) = target {
        go(
            doc,
            Cursor {
                provider: q.provider.clone(),
                criterion,
            },
        );
        request_animation_frame(bring_question_into_view);
    }
}

/// On a phone the score buttons sit a screen below the question: after moving on, the
/// new question's top (where it is, which one it is) must not stay above the screen.
pub(super) fn bring_question_into_view() {
    use wasm_bindgen::JsCast;
    let Some(top) = document()
        .query_selector(".sc-call-progress")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    if top.get_bounding_client_rect().top() < 0.0 {
        top.scroll_into_view();
    }
}

#[derive(Clone, Copy)]
enum Nav {
    Step(i32),
    Unscored,
}

/// True when a key press belongs to a text field, a list box or a radio group (whose
/// arrows are its own), not to call mode. A checkbox or a button takes no such keys: a
/// score typed after ticking "Go to the next question" was lost there.
fn typing_in_field(ev: &web_sys::KeyboardEvent) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| match el.dyn_ref::<web_sys::HtmlInputElement>() {
            Some(input) => !matches!(
                input.type_().as_str(),
                "checkbox" | "button" | "submit" | "reset"
            ),
            None => matches!(el.tag_name().as_str(), "TEXTAREA" | "SELECT"),
        })
}

/// One provider, one question at a time, for a buyer on a live call. Keys 0 to 5 score,
/// N marks not applicable, arrows move; every change is saved as it happens.
#[component]
pub fn CallMode() -> impl IntoView {
    let lib = Lib::get();
    let doc = doc();
    let question = Memo::new(move |_| {
        lib.0.with(|l| {
            let ws = l.active();
            let sc = &ws.scorecard;
            let cursor = call::resolve(sc, &ws.providers)?;
            let c = sc.criterion(&cursor.criterion)?;
            let cell = sc
                .cell(&cursor.provider, &cursor.criterion)
                .cloned()
                .unwrap_or_default();
            let order = call::order(sc);
            Some(Question {
                provider_name: ws
                    .providers
                    .iter()
                    .find(|p| p.id == cursor.provider)?
                    .name
                    .clone(),
                progress: call::progress(sc, &cursor.provider, &order, &cursor.criterion),
                name: c.name.clone(),
                group: c.group.clone(),
                question: c.question.clone(),
                anchors: c.anchors.clone(),
                score: cell.score,
                note: cell.note,
                claim: sc.claim(&cursor.provider, &cursor.criterion).cloned(),
                provider: cursor.provider,
                criterion: cursor.criterion,
            })
        })
    });
    let prefs = crate::browser::state::Session::get().prefs.0;
    let advance = Signal::derive(move || prefs.with(|p| p.call_advance));
    let score = move |s: Option<Score>| {
        let Some(q) = question.get_untracked() else {
            return;
        };
        let (provider, criterion) = (q.provider.clone(), q.criterion.clone());
        doc.send(ScorecardEdit::Score {
            provider,
            criterion,
            score: s,
        });
        if s.is_some() && advance.get_untracked() {
            navigate(doc, &q, Nav::Step(1));
        }
    };
    crate::components::on_window_keydown(move |ev| {
        if ev.ctrl_key()
            || ev.meta_key()
            || ev.alt_key()
            || ev.default_prevented()
            || typing_in_field(&ev)
        {
            return;
        }
        let Some(action) = call::key_action(&ev.key()) else {
            return;
        };
        let Some(q) = question.get_untracked() else {
            return;
        };
        ev.prevent_default();
        match action {
            CallKey::Score(s) => score(Some(s)),
            CallKey::Clear => score(None),
            CallKey::Next => navigate(doc, &q, Nav::Step(1)),
            CallKey::Previous => navigate(doc, &q, Nav::Step(-1)),
        }
    });
    view! {
        <section class="sc-call" aria-labelledby="sc-call-title">
            <h2 id="sc-call-title" class="visually-hidden">
                "Call mode"
            </h2>
            {show_or(
                move || question.with(Option::is_some),
                move || {
                    view! {
                        <CallQuestion
                            question=question
                            on_score=Callback::new(score)
                            advance=advance
                        />
                    }
                        .into_any()
                },
                || {
                    view! {
                        <p class="empty">
                            "Call mode needs at least one provider (add one on the Scores view) \
                                and one criterion."
                        </p>
                    }
                        .into_any()
                },
            )}
        </section>
    }
}

#[component]
fn CallQuestion(
    question: Memo<Option<Question>>,
    on_score: Callback<Option<Score>>,
    advance: Signal<bool>,
) -> impl IntoView {
    let live = expect_context::<Live>();
    let doc = doc();
    let f = move |get: fn(&Question) -> String| {
        text(move || question.with(|q| q.as_ref().map(get).unwrap_or_default()))
    };
    let progress = move || {
        question
            .with(|q| q.as_ref().map(|q| q.progress))
            .unwrap_or(Progress {
                position: 0,
                total: 0,
                scored: 0,
            })
    };
    let provider_select = unique_id("sc-call-provider");
    let note_id = unique_id("sc-call-note");
    let advance_id = unique_id("sc-call-advance");
    let prefs = crate::browser::state::Session::get().prefs.0;
    let note_error = RwSignal::new(None::<&'static str>);
    let nav = move |how: Nav| {
        if let Some(q) = question.get_untracked() {
            navigate(doc, &q, how);
        }
    };
    // Its own memo, so a score (which changes the question's cell) does not say it again.
    let question_name = Memo::new(move |_| {
        question.with(|q| q.as_ref().map(|q| q.name.clone()).unwrap_or_default())
    });
    let current_provider = Signal::derive(move || {
        question.with(|q| q.as_ref().map(|q| q.provider.clone()).unwrap_or_default())
    });
    view! {
        <div class="sc-call-top">
            <div class="field">
                <label for=provider_select.clone()>"Provider on the call"</label>
                <select
                    id=provider_select
                    on:change=move |ev| {
                        let provider = event_target_value(&ev);
                        let criterion = question
                            .get_untracked()
                            .map(|q| q.criterion)
                            .unwrap_or_default();
                        go(doc, Cursor { provider, criterion });
                    }
                >
                    {list(
                        move || live.providers.get(),
                        move |id| {
                            let (name, summary) = (live.name(&id), live.summary(&id));
                            let label = move || {
                                let n = name.get();
                                if summary.with(|s| s.knocked_out) {
                                    format!("{n} (knocked out)")
                                } else {
                                    n
                                }
                            };
                            view! {
                                <option
                                    value=id.clone()
                                    selected=flag(move || current_provider.get() == id)
                                >
                                    {label}
                                </option>
                            }
                                .into_any()
                        },
                    )}
                </select>
            </div>
            <div class="sc-call-progress">
                <p aria-live="polite" data-testid="sc-call-position">
                    {text(move || {
                        format!(
                            "Question {} of {} · {} scored",
                            progress().position,
                            progress().total,
                            progress().scored,
                        )
                    })}
                </p>
                // Heard on moving on, once: which question it is now, not only its number.
                <p class="visually-hidden" aria-live="polite">
                    {move || question_name.get()}
                </p>
                <progress
                    max=text(move || progress().total.max(1).to_string())
                    value=text(move || progress().scored.to_string())
                    aria-label=f(|q| format!("Scored for {}", q.provider_name))
                ></progress>
            </div>
        </div>
        <article class="panel sc-call-card" id="sc-call-card" tabindex="-1" aria-label="Question">
            // Whom the buyer is scoring stays in sight on a phone, where the provider list
            // has scrolled off above the score buttons.
            <p class="sc-call-group">{f(|q| format!("{} · {}", q.provider_name, q.group))}</p>
            <h3 class="sc-call-criterion">{f(|q| q.name.clone())}</h3>
            <p class="sc-call-question">{f(|q| q.question.clone())}</p>
            <AnchorList anchors=Signal::derive(move || {
                question.with(|q| q.as_ref().map(|q| q.anchors.clone()).unwrap_or_default())
            }) />
            <ClaimNote
                claim=Signal::derive(move || {
                    question
                        .with(|q| {
                            let q = q.as_ref()?;
                            Some((q.provider_name.clone(), q.claim.clone()?))
                        })
                })
                short=true
            />
            <ScoreButtons
                current=Signal::derive(move || question.with(|q| q.as_ref().and_then(|q| q.score)))
                on_pick=on_score
                label=Signal::derive(move || {
                    format!(
                        "Score for {}",
                        question
                            .with(|q| {
                                q.as_ref().map(|q| q.provider_name.clone()).unwrap_or_default()
                            }),
                    )
                })
            />
            <p class="sc-call-current" aria-live="polite" data-testid="sc-call-score">
                {text(move || {
                    question
                        .with(|q| match q.as_ref().and_then(|q| q.score) {
                            Some(s) => {
                                format!(
                                    "Scored {} for {}",
                                    s.label(),
                                    q.as_ref().map(|q| q.provider_name.as_str()).unwrap_or(""),
                                )
                            }
                            None => "Not scored yet".to_owned(),
                        })
                })}
            </p>
            <div class="field">
                <label for=note_id.clone()>"Note"</label>
                <textarea
                    id=note_id
                    rows="3"
                    maxlength=MAX_TEXT_CHARS.to_string()
                    prop:value=f(|q| q.note.clone())
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        if let Some(q) = question.get_untracked() {
                            let field = format!("note:{}:{}", q.provider, q.criterion);
                            let note = ScorecardEdit::Note {
                                provider: q.provider,
                                criterion: q.criterion,
                                text,
                            };
                            note_error.set(doc.typed(&field, note).err().map(|e| e.message()));
                        }
                    }
                ></textarea>
                <p class="field-error" aria-live="polite">
                    {error_text(note_error)}
                </p>
            </div>
            // aria-disabled keeps the focus on Next at the last question (a disabled
            // button would drop it to the page); moving past either end does nothing.
            <div class="sc-call-nav">
                <button
                    type="button"
                    class="secondary"
                    aria-disabled=aria(move || progress().position <= 1)
                    on:click=move |_| nav(Nav::Step(-1))
                >
                    "Previous"
                </button>
                <button
                    type="button"
                    aria-disabled=aria(move || progress().position >= progress().total)
                    on:click=move |_| nav(Nav::Step(1))
                >
                    "Next"
                </button>
                <button
                    type="button"
                    class="secondary"
                    aria-disabled=aria(move || progress().scored >= progress().total)
                    on:click=move |_| nav(Nav::Unscored)
                >
                    "Next unscored"
                </button>
            </div>
            <div class="sc-call-options">
                <input
                    id=advance_id.clone()
                    type="checkbox"
                    prop:checked=advance
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        prefs.update(|p| p.call_advance = on);
                    }
                />
                <label for=advance_id>"Go to the next question after scoring"</label>
            </div>
            // A touch screen scores with the buttons above; the keys are for a keyboard.
            <p class="hint keys-only">
                "Keys: 0 to 5 score, N not applicable, Delete clears, arrow keys move. Keys type normally in the note."
            </p>
        </article>
        <details class="panel sc-call-flags">
            <summary>
                {f(|q| format!("Red flags heard from {} on this call", q.provider_name))}
            </summary>
            <FlagChecklist provider=current_provider />
        </details>
    }
}
