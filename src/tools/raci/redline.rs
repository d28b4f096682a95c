//! Providers' counter-proposals from their responses, function by function: the row as
//! it is and as the provider would have it, with its reason. Accepting or rejecting is a
//! RACI edit, so Undo takes it back like any other.

use leptos::prelude::*;

use super::ctx::{Editor, ROW_HEADER};
use crate::browser::state::Lib;
use crate::components::item_actions::{follow_removal, Place};
use crate::domain::raci::{checks, Counter, RaciEdit};
use crate::domain::text::{and_list, possessive};

/// One counter-proposal as shown: function, provider, both rows in words, the reason.
#[derive(Clone, PartialEq)]
struct Shown {
    provider: String,
    provider_name: String,
    function: u32,
    function_name: String,
    yours: String,
    theirs: String,
    /// Only what differs, one part a line.
    changes: Vec<String>,
    /// What the checks would find in the row once accepted that they do not find now.
    breaks: Vec<String>,
    /// Proposed against the row as it was before the buyer changed it.
    earlier: bool,
    reason: String,
    /// The other providers proposing a change to the same function.
    others: Vec<String>,
}

#[component]
pub fn Redline() -> impl IntoView {
    let editor = Editor::get();
    let lib = Lib::get();
    let shown = Memo::new(move |_| {
        let names = lib.0.with(|l| l.active().providers.clone());
        editor.with(|raci| {
            raci.redline
                .iter()
                .filter_map(|c: &Counter| {
                    let f = raci.function(c.function)?;
                    Some(Shown {
                        provider: c.provider.clone(),
                        provider_name: names
                            .iter()
                            .find(|p| p.id == c.provider)
                            .map(|p| p.name.clone())?,
                        function: f.id,
                        function_name: f.name.clone(),
                        yours: raci.describe(&f.roles, f.day_owner, f.night_owner),
                        theirs: raci.describe(&c.roles, c.day_owner, c.night_owner),
                        changes: raci.changes(c),
                        breaks: checks::introduced_by(
                            raci,
                            &f.with_roles(&c.roles, c.day_owner, c.night_owner),
                        )
                        .into_iter()
                        .map(|b| b.what)
                        .collect(),
                        earlier: c.on_earlier(f),
                        reason: c.reason.clone(),
                        others: Vec::new(),
                    })
                })
                .collect::<Vec<_>>()
        })
    });
    // Function by function, in the matrix's order: two providers' changes to one row
    // sit together and name each other.
    let shown = Memo::new(move |_| {
        let order = editor.with(|raci| raci.row_ids());
        let mut list = shown.get();
        let at = |f: u32| order.iter().position(|id| *id == f).unwrap_or(usize::MAX);
        crate::domain::order::sort_by(&mut list, |a, b| at(a.function).cmp(&at(b.function)));
        let names: Vec<(u32, String)> = list
            .iter()
            .map(|s| (s.function, s.provider_name.clone()))
            .collect();
        for s in &mut list {
            s.others = (names.iter())
                .filter(|(f, n)| *f == s.function && *n != s.provider_name)
                .map(|(_, n)| n.clone())
                .collect();
        }
        list
    });
    view! {
        <Show when=move || shown.with(|s| !s.is_empty())>
            <section class="panel redline no-print" aria-labelledby="redline-title">
                <h2 id="redline-title">
                    {move || format!("Changes proposed by providers ({})", shown.with(Vec::len))}
                </h2>
                <p class="hint">
                    "From the responses to your requests for proposal. Accepting one makes it the \
                        function's row; rejecting keeps yours. Until you reload the page, \
                        Undo takes either back."
                </p>
                <div class="counters">
                    <For
                        each=move || shown.get()
                        key=|s| (s.provider.clone(), s.function, s.theirs.clone(), s.yours.clone())
                        let(s)
                    >
                        <CounterItem shown=s />
                    </For>
                </div>
            </section>
        </Show>
    }
}

#[component]
fn CounterItem(shown: Shown) -> impl IntoView {
    let editor = Editor::get();
    let (provider, function) = (shown.provider.clone(), shown.function);
    let who = shown.provider_name.clone();
    let whose = possessive(&who);
    let accept = {
        let (provider, whose) = (provider.clone(), whose.clone());
        move |ev| {
            // Taken before the edit, while the change is still in the list.
            let place = Place::of(&ev, "article");
            let edit = RaciEdit::AcceptCounter {
                provider: provider.clone(),
                function,
            };
            if editor.apply(edit).is_ok() {
                editor.say(format!("Accepted {whose} change. Undo takes it back."));
                follow(place, editor, function);
            }
        }
    };
    let reject = {
        let whose = whose.clone();
        move |ev| {
            // Taken before the edit, while the change is still in the list.
            let place = Place::of(&ev, "article");
            let edit = RaciEdit::RejectCounter {
                provider: provider.clone(),
                function,
            };
            if editor.apply(edit).is_ok() {
                editor.say(format!("Rejected {whose} change. Undo takes it back."));
                follow(place, editor, function);
            }
        }
    };
    let reason = match shown.reason.as_str() {
        "" => "They gave no reason.".to_owned(),
        why => why.to_owned(),
    };
    let changes = match shown.changes.as_slice() {
        [] => vec!["Nothing: your row already matches theirs.".to_owned()],
        lines => lines.to_vec(),
    };
    let changes = changes
        .into_iter()
        .map(|c| view! { <li>{c}</li> })
        .collect_view();
    let breaks = (!shown.breaks.is_empty()).then(|| {
        let items = shown.breaks.iter().map(|b| view! { <li>{b.clone()}</li> });
        view! {
            <dt>"Accepting leaves"</dt>
            <dd class="breaks">
                <ul>{items.collect_view()}</ul>
            </dd>
        }
    });
    view! {
        <article class="counter" aria-label=format!("{}: {whose} change", shown.function_name)>
            <h3>{shown.function_name.clone()}</h3>
            {shown
                .earlier
                .then(|| {
                    view! {
                        <p class="hint">
                            "Proposed against the row as it was before it changed: accepting \
                                it replaces the whole row, so it can also undo that change."
                        </p>
                    }
                })}
            {(!shown.others.is_empty())
                .then(|| {
                    view! {
                        <p class="hint">
                            {format!(
                                "{} also {} a change to this function. Accepting one makes \
                                 it the row, and any other is then a change to that row.",
                                and_list(&shown.others),
                                if shown.others.len() == 1 { "proposes" } else { "propose" },
                            )}
                        </p>
                    }
                })}
            <dl>
                <dt>"What changes"</dt>
                <dd class="changes">
                    <ul>{changes}</ul>
                </dd>
                <dt>"Yours"</dt>
                <dd class="yours">{shown.yours.clone()}</dd>
                <dt>{whose.clone()}</dt>
                <dd class="theirs">{shown.theirs.clone()}</dd>
                <dt>"Why"</dt>
                <dd>{reason}</dd>
                {breaks}
            </dl>
            <div class="button-row">
                <button type="button" on:click=accept>
                    {format!("Accept {whose}")}
                </button>
                <button type="button" class="secondary" on:click=reject>"Reject"</button>
            </div>
        </article>
    }
}

/// Once a settled change has left the list, the focus goes on to the next change's Accept
/// button, so the keyboard works through the list; after the last, to the function's row
/// in the matrix, where the outcome shows. Never to the page, which would send the next
/// Tab back to the top.
fn follow(place: Option<Place>, editor: Editor, function: u32) {
    if let Some(place) = place {
        follow_removal(place, "button", move || {
            editor.focus_cell(function, ROW_HEADER)
        });
    }
}
