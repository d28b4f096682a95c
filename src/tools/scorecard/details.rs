//! The panel for the selected grid cell: question, anchors, score buttons, note, and other
//! evaluators' scores when they are visible.

use leptos::prelude::*;

use super::claim::ClaimNote;
use super::live::doc;
use super::live::Selected;
use super::scores::{AnchorList, ScoreButtons};
use super::sig::{error_text, show, show_or, text};
use crate::browser::state::Lib;
use crate::components::unique_id;
use crate::domain::scorecard::agreement::cell_stats;
use crate::domain::scorecard::claims::Claim;
use crate::domain::scorecard::edit::ScorecardEdit;
use crate::domain::scorecard::model::{Anchors, Score, MAX_TEXT_CHARS};

/// Everything about the selected grid cell: the question, the anchors, the score as
/// buttons, the note, and other evaluators' scores when they are visible.
#[component]
pub fn CellDetails(selected: Selected) -> impl IntoView {
    let lib = Lib::get();
    let doc = doc();
    // Only this panel reads the library per edit, and only for one cell.
    let info = Memo::new(move |_| {
        let (pid, cid) = selected.get()?;
        lib.0.with(|l| {
            let ws = l.active();
            let sc = &ws.scorecard;
            let provider = ws.providers.iter().find(|p| p.id == pid)?.name.clone();
            let c = sc.criterion(&cid)?;
            let cell = sc.cell(&pid, &cid).cloned().unwrap_or_default();
            let others = if sc.others_visible() && !sc.others.is_empty() {
                let stats = cell_stats(sc, &pid, &cid);
                let names = sc.others.iter().map(|o| o.evaluator.clone());
                Some(
                    names
                        .zip(stats.scores.iter().skip(1))
                        .map(|(n, s)| {
                            format!("{n}: {}", s.map(Score::label).unwrap_or_else(|| "–".into()))
                        })
                        .collect::<Vec<_>>()
                        .join(" · "),
                )
            } else {
                None
            };
            Some(Details {
                provider,
                criterion: c.name.clone(),
                question: c.question.clone(),
                anchors: c.anchors.clone(),
                score: cell.score,
                note: cell.note,
                agreed: sc.agreed(&pid, &cid),
                others,
                claim: sc.claim(&pid, &cid).cloned(),
            })
        })
    });
    let note_id = unique_id("sc-note");
    let note_error = RwSignal::new(None::<&'static str>);
    let pick = Callback::new(move |score: Option<Score>| {
        if let Some((provider, criterion)) = selected.get_untracked() {
            doc.send(ScorecardEdit::Score {
                provider,
                criterion,
                score,
            });
        }
    });
    let on_note = move |ev| {
        let text = event_target_value(&ev);
        if let Some((provider, criterion)) = selected.get_untracked() {
            let field = format!("note:{provider}:{criterion}");
            let note = ScorecardEdit::Note {
                provider,
                criterion,
                text,
            };
            note_error.set(doc.typed(&field, note).err().map(|e| e.message()));
        }
    };
    let field = move |f: fn(&Details) -> String| {
        text(move || info.with(|i| i.as_ref().map(f).unwrap_or_default()))
    };
    view! {
        <section class="panel sc-details" aria-labelledby="sc-details-title">
            {show_or(
                move || info.with(Option::is_some),
                move || {
                    view! {
                        <h3 id="sc-details-title">
                            {field(|d| d.provider.clone())} " · " {field(|d| d.criterion.clone())}
                        </h3>
                        <p class="sc-question">{field(|d| d.question.clone())}</p>
                        <AnchorList anchors=Signal::derive(move || {
                            info.with(|i| i.as_ref().map(|d| d.anchors.clone()).unwrap_or_default())
                        }) />
                        <ClaimNote claim=Signal::derive(move || {
                            info.with(|i| {
                                let d = i.as_ref()?;
                                Some((d.provider.clone(), d.claim.clone()?))
                            })
                        }) />
                        <ScoreButtons
                            current=Signal::derive(move || {
                                info.with(|i| i.as_ref().and_then(|d| d.score))
                            })
                            on_pick=pick
                            label=Signal::derive(move || {
                                let provider = info
                                    .with(|i| i.as_ref().map(|d| d.provider.clone()));
                                format!("Score for {}", provider.unwrap_or_default())
                            })
                        />
                        {show(
                            move || info.with(|i| i.as_ref().is_some_and(|d| d.agreed.is_some())),
                            move || {
                                view! {
                                    <p class="sc-agreed-line">
                                        "Agreed score: "
                                        {field(|d| d.agreed.map(Score::label).unwrap_or_default())}
                                    </p>
                                }
                                    .into_any()
                            },
                        )}
                        {show(
                            move || info.with(|i| i.as_ref().is_some_and(|d| d.others.is_some())),
                            move || {
                                view! {
                                    <p class="sc-others-line">
                                        "Other evaluators: "
                                        {field(|d| d.others.clone().unwrap_or_default())}
                                    </p>
                                }
                                    .into_any()
                            },
                        )}
                        <div class="field">
                            <label for=note_id.clone()>"Note"</label>
                            <textarea
                                id=note_id.clone()
                                rows="2"
                                maxlength=MAX_TEXT_CHARS.to_string()
                                prop:value=field(|d| d.note.clone())
                                on:input=on_note
                            ></textarea>
                            <p class="field-error" aria-live="polite">
                                {error_text(note_error)}
                            </p>
                        </div>
                    }
                        .into_any()
                },
                || {
                    view! {
                        <h3 id="sc-details-title">"Selected cell"</h3>
                        <p class="hint">
                            "Select a cell in the grid to see its question, its anchors and its \
                                note."
                        </p>
                    }
                        .into_any()
                },
            )}
        </section>
    }
}

#[derive(Clone, Debug, PartialEq)]
struct Details {
    provider: String,
    criterion: String,
    question: String,
    anchors: Anchors,
    score: Option<Score>,
    note: String,
    agreed: Option<Score>,
    others: Option<String>,
    claim: Option<Claim>,
}
