//! Knock-outs: each provider's red-flag checklist with a note per ticked flag, and the buyer's own
//! red flags.

use leptos::prelude::*;

use super::live::{doc, Live};
use super::sig::{self, error_text, invalid, show, show_or, text};
use crate::browser::clock::fresh_id;
use crate::browser::state::Lib;
use crate::components::unique_id;
use crate::domain::scorecard::edit::ScorecardEdit;
use crate::domain::scorecard::model::MAX_TEXT_CHARS;

/// The knock-out checklist of every provider, and the custom red flags.
#[component]
pub fn KnockOuts() -> impl IntoView {
    let live = expect_context::<Live>();
    view! {
        <section aria-labelledby="sc-ko-title">
            <h2 id="sc-ko-title">"Knock-outs"</h2>
            <p class="hint">
                "Tick a red flag when a provider shows it. Any ticked flag disqualifies the \
                    provider: it leaves the ranking unless you choose to show knocked-out \
                    providers on the Results view."
            </p>
            {show_or(
                move || live.providers.with(|p| !p.is_empty()),
                move || {
                    view! {
                        <div class="sc-ko-grid">
                            {sig::list(
                                move || live.providers.get(),
                                |id| view! { <ProviderFlags id=id /> }.into_any(),
                            )}
                        </div>
                    }
                        .into_any()
                },
                || {
                    view! { <p class="empty">"Add a provider above to check it for red flags."</p> }
                        .into_any()
                },
            )}
            <CustomFlags />
        </section>
    }
}

/// One provider's checklist with its disqualification status.
#[component]
fn ProviderFlags(id: String) -> impl IntoView {
    let live = expect_context::<Live>();
    let lib = Lib::get();
    let name = live.name(&id);
    let summary = live.summary(&id);
    let heading_id = crate::domain::anchor::knockouts(&id);
    let pid = id.clone();
    let others = move || {
        lib.0.with(|l| {
            let sc = &l.active().scorecard;
            if !sc.others_visible() {
                return Vec::new();
            }
            sc.others
                .iter()
                .filter_map(|o| {
                    o.red_flags
                        .get(&pid)
                        .map(|f| format!("{} ticked: {}", o.evaluator, f.join("; ")))
                })
                .collect::<Vec<_>>()
        })
    };
    let name2 = name;
    let labelled = heading_id.clone();
    view! {
        <section class="panel sc-ko-provider" aria-labelledby=labelled>
            <h3 id=heading_id tabindex="-1">{name}</h3>
            <p
                class=text(move || {
                    if summary.with(|s| s.knocked_out) {
                        "sc-ko-status out"
                    } else {
                        "sc-ko-status"
                    }
                        .to_owned()
                })
                aria-live="polite"
            >
                {text(move || {
                    if summary.with(|s| s.knocked_out) {
                        format!("{} is disqualified.", name2.get())
                    } else {
                        "No red flag ticked.".to_owned()
                    }
                })}
            </p>
            <FlagChecklist provider=Signal::derive(move || id.clone()) />
            {sig::list(others, |text| view! { <p class="hint">{text}</p> }.into_any())}
        </section>
    }
}

/// The red flags as checkboxes for one provider, with a note for each ticked flag.
#[component]
pub fn FlagChecklist(
    /// The provider id.
    #[prop(into)]
    provider: Signal<String>,
) -> impl IntoView {
    let lib = Lib::get();
    let doc = doc();
    let flags = move || {
        lib.0.with(|l| {
            l.active()
                .scorecard
                .flags
                .iter()
                .map(|f| f.id.clone())
                .collect::<Vec<_>>()
        })
    };
    view! {
        <ul class="sc-flag-list">
            {sig::list(
                flags,
                move |flag| {
                    let text = doc
                        .with_untracked(|sc| {
                            sc.flags.iter().find(|f| f.id == flag).map(|f| f.text.clone())
                        })
                        .unwrap_or_default();
                    view! { <FlagItem provider=provider flag=flag text=text /> }.into_any()
                },
            )}
        </ul>
    }
}

#[component]
fn FlagItem(provider: Signal<String>, flag: String, text: String) -> impl IntoView {
    let lib = Lib::get();
    let doc = doc();
    let flag = StoredValue::new(flag);
    let state = Memo::new(move |_| {
        let p = provider.get();
        lib.0.with(|l| {
            let sc = &l.active().scorecard;
            sc.knockouts
                .get(&p)
                .and_then(|t| t.get(&flag.get_value()))
                .cloned()
        })
    });
    let box_id = unique_id("sc-flag");
    let note_id = format!("{box_id}-note");
    let error = RwSignal::new(None::<&'static str>);
    view! {
        <li class="sc-flag">
            <div class="sc-check">
                <input
                    id=box_id.clone()
                    type="checkbox"
                    prop:checked=sig::flag(move || state.with(Option::is_some))
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        let (provider, flag) = (provider.get_untracked(), flag.get_value());
                        doc.send(ScorecardEdit::Flag {
                            provider,
                            flag,
                            ticked: on,
                        });
                    }
                />
                <label for=box_id>{text}</label>
            </div>
            {show(
                move || state.with(Option::is_some),
                move || {
                    view! {
                        <div class="field sc-flag-note">
                            <label for=note_id.clone()>"What did you see or hear?"</label>
                            <input
                                id=note_id.clone()
                                type="text"
                                maxlength=MAX_TEXT_CHARS.to_string()
                                prop:value=sig::text(move || state.get().unwrap_or_default())
                                on:input=move |ev| {
                                    let text = event_target_value(&ev);
                                    let (provider, flag) = (
                                        provider.get_untracked(),
                                        flag.get_value(),
                                    );
                                    let field = format!("flag:{provider}:{flag}");
                                    let note = ScorecardEdit::FlagNote {
                                        provider,
                                        flag,
                                        text,
                                    };
                                    error.set(doc.typed(&field, note).err().map(|e| e.message()));
                                }
                            />
                            <p class="field-error" aria-live="polite">
                                {error_text(error)}
                            </p>
                        </div>
                    }
                        .into_any()
                },
            )}
        </li>
    }
}

/// The custom red flags: added to every provider's checklist.
#[component]
fn CustomFlags() -> impl IntoView {
    let lib = Lib::get();
    let doc = doc();
    let custom = move || {
        lib.0.with(|l| {
            l.active()
                .scorecard
                .flags
                .iter()
                .filter(|f| f.custom)
                .map(|f| f.id.clone())
                .collect::<Vec<_>>()
        })
    };
    let draft = RwSignal::new(String::new());
    let error = RwSignal::new(None::<&'static str>);
    let field_id = unique_id("sc-new-flag");
    let error_id = format!("{field_id}-error");
    let add = move || {
        let add = ScorecardEdit::AddFlag {
            id: fresh_id(),
            text: draft.get_untracked(),
        };
        match doc.apply(add) {
            Ok(_) => {
                draft.set(String::new());
                error.set(None);
            }
            Err(e) => error.set(Some(e.message())),
        }
    };
    view! {
        <section class="panel" aria-labelledby="sc-custom-flags-title">
            <h3 id="sc-custom-flags-title">"Your own red flags"</h3>
            <ul class="sc-custom-flags">
                {sig::list(
                    custom,
                    move |id| {
                        let text = doc
                            .with_untracked(|sc| {
                                sc.flags.iter().find(|f| f.id == id).map(|f| f.text.clone())
                            })
                            .unwrap_or_default();
                        view! {
                            <li>
                                <span>{text.clone()}</span>
                                <button
                                    type="button"
                                    class="secondary danger small"
                                    on:click=move |_| {
                                        doc.send(ScorecardEdit::RemoveFlag(id.clone()));
                                    }
                                >
                                    "Delete"
                                    <span class="visually-hidden">" red flag " {text}</span>
                                </button>
                            </li>
                        }
                            .into_any()
                    },
                )}
            </ul>
            <form
                class="sc-add-form"
                on:submit=move |ev| {
                    ev.prevent_default();
                    add();
                }
            >
                <div class="field">
                    <label for=field_id.clone()>"New red flag"</label>
                    <input
                        id=field_id
                        type="text"
                        maxlength=MAX_TEXT_CHARS.to_string()
                        prop:value=draft
                        on:input=move |ev| draft.set(event_target_value(&ev))
                        aria-invalid=invalid(error)
                        aria-describedby=error_id.clone()
                    />
                </div>
                <button type="submit">"Add red flag"</button>
                <p class="field-error" id=error_id aria-live="polite">
                    {error_text(error)}
                </p>
            </form>
        </section>
    }
}
