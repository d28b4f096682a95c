//! The proposed RACI, function by function: the provider accepts each row or proposes
//! other roles and owners, with a reason.

use leptos::prelude::*;

use super::Draft;
use crate::components::unique_id;
use crate::domain::proposal::response::{Change, RaciReply, MAX_REASON_CHARS};
use crate::domain::raci::{checks, Function, Id, Letters, Raci};

/// The letter sets offered for a party in a proposed change, as the grid cycles them,
/// each with its meaning: a provider new to RACI reads the option, not a legend.
const CHOICES: [(&str, &str); 6] = [
    ("", "No role"),
    ("R", "R: does the work"),
    ("A", "A: answers for it"),
    ("A/R", "A/R: does it and answers for it"),
    ("C", "C: consulted"),
    ("I", "I: kept informed"),
];

/// "C/I: consulted, kept informed": letters the list lacks, in its options' words.
fn spelled(l: Letters) -> String {
    let label = l.label();
    let words: Vec<&str> = label
        .split('/')
        .filter_map(|one| CHOICES.iter().find(|(c, _)| *c == one))
        .filter_map(|(_, text)| text.split_once(": ").map(|(_, words)| words))
        .collect();
    format!("{label}: {}", words.join(", "))
}

#[component]
pub fn Positions() -> impl IntoView {
    let draft = Draft::get();
    let raci = draft.request.with_value(|r| r.raci.clone());
    let rows: Vec<Function> = raci.rows().into_iter().cloned().collect();
    let count = rows.len();
    // What "accept every row" changed: (the replies before, after, how many rows), so
    // a click by mistake can be taken back while nothing else has changed a row since.
    let bulk = RwSignal::new(None::<(Vec<RaciReply>, Vec<RaciReply>, usize)>);
    let raci = StoredValue::new(raci);
    let accept_rest = move |_| {
        let before = draft.response.with_untracked(|r| r.raci.clone());
        draft.edit(|req, r| r.accept_undecided(req));
        let after = draft.response.with_untracked(|r| r.raci.clone());
        let accepted = after.iter().filter(|a| !before.contains(a)).count();
        bulk.set((accepted > 0).then_some((before, after, accepted)));
    };
    let accept_button = NodeRef::<leptos::html::Button>::new();
    let undo_bulk = move |_| {
        if let Some((before, _, _)) = bulk.get_untracked() {
            draft.edit(|_, r| r.raci = before);
        }
        bulk.set(None);
        // The pressed button goes with its line: focus goes back to the one it undid.
        if let Some(button) = accept_button.get_untracked() {
            let _ = button.focus();
        }
    };
    let just_accepted = move || {
        bulk.with(|b| {
            let (_, after, n) = b.as_ref()?;
            draft.response.with(|r| r.raci == *after).then_some(*n)
        })
    };
    view! {
        <section class="panel" aria-labelledby="proposal-raci">
            <h2 id="proposal-raci">{format!("3. Roles: who does what in {count} IT functions")}</h2>
            <p class="hint">
                "This is how the buyer proposes to split the work between their team and yours. \
                    R does the work, A answers for it, C is consulted, I is kept informed. Accept \
                    each row, or propose a change and say why."
            </p>
            <button
                type="button"
                class="secondary"
                id=super::open::ACCEPT_ROWS
                node_ref=accept_button
                on:click=accept_rest
            >
                "Accept every row not yet decided"
            </button>
            {move || {
                just_accepted()
                    .map(|n| {
                        view! {
                            <p class="hint" role="status">
                                {match n {
                                    1 => "1 row accepted as the buyer proposed it. ".to_owned(),
                                    n => format!("{n} rows accepted as the buyer proposed them. "),
                                }}
                                <button type="button" class="secondary" on:click=undo_bulk>
                                    "Undo accepting them"
                                </button>
                            </p>
                        }
                    })
            }}
            {rows
                .into_iter()
                .map(|f| view! { <Row raci=raci function=f /> })
                .collect_view()}
        </section>
    }
}

#[component]
fn Row(raci: StoredValue<Raci>, function: Function) -> impl IntoView {
    let draft = Draft::get();
    let fid = function.id;
    let reply = Memo::new(move |_| draft.response.with(|r| r.reply(fid).cloned()));
    let proposed =
        raci.with_value(|r| r.describe(&function.roles, function.day_owner, function.night_owner));
    let seed = Change {
        roles: function.roles.clone(),
        day_owner: function.day_owner,
        night_owner: function.night_owner,
        reason: String::new(),
    };
    let group = unique_id("position");
    let heading_id = super::function_anchor(fid);
    let labelled_by = heading_id.clone();
    // A change set aside by choosing "Accept" (an arrow key moves between the two
    // radios), so choosing "Propose a change" again brings it back, reason and all.
    let set_aside = StoredValue::new(None::<Change>);
    let accept = move |_| {
        draft.edit(|req, r| {
            if let Some(c) = r.reply(fid).and_then(|p| p.change.clone()) {
                set_aside.set_value(Some(c));
            }
            r.set_reply(req, fid, None);
        })
    };
    let change = move |_| {
        let back = set_aside.try_update_value(Option::take).flatten();
        let seed = back.unwrap_or_else(|| seed.clone());
        draft.edit(move |req, r| {
            if r.reply(fid).and_then(|p| p.change.as_ref()).is_none() {
                r.set_reply(req, fid, Some(seed));
            }
        });
    };
    let accepted = move || reply.with(|r| r.as_ref().is_some_and(|r| r.change.is_none()));
    let changing = move || reply.with(|r| r.as_ref().is_some_and(|r| r.change.is_some()));
    view! {
        <fieldset class="proposal-row" aria-labelledby=labelled_by>
            <legend id=heading_id>{function.name.clone()}</legend>
            <p>{proposed}</p>
            <div class="choice-row">
                <label>
                    <input type="radio" name=group.clone() prop:checked=accepted on:change=accept />
                    " Accept as proposed"
                </label>
                <label>
                    <input type="radio" name=group.clone() prop:checked=changing on:change=change />
                    " Propose a change"
                </label>
            </div>
            <Show when=changing>
                <ChangeFields raci=raci function=fid />
            </Show>
        </fieldset>
    }
}

/// The roles, owners and reason of a proposed change.
#[component]
fn ChangeFields(raci: StoredValue<Raci>, function: Id) -> impl IntoView {
    let draft = Draft::get();
    let change = Memo::new(move |_| {
        draft.response.with(|r| {
            r.reply(function)
                .and_then(|p| p.change.clone())
                .unwrap_or_default()
        })
    });
    let edit = move |f: Box<dyn FnOnce(&mut Change)>| {
        draft.edit(move |req, r| {
            let mut c = r
                .reply(function)
                .and_then(|p| p.change.clone())
                .unwrap_or_default();
            f(&mut c);
            r.set_reply(req, function, Some(c));
        });
    };
    let parties = raci.with_value(|r| r.parties.clone());
    let party_fields = parties
        .iter()
        .map(|p| {
            let pid = p.id;
            let id = unique_id("role");
            let current =
                move || change.with(|c| c.roles.get(&pid).copied().unwrap_or_default().label());
            // The buyer's letters, when the list lacks them ("C/I"): shown as they are, so
            // the select never says "No role" for a role the row has.
            let asked = raci
                .with_value(|r| {
                    r.function(function)
                        .and_then(|f| f.roles.get(&pid).copied())
                })
                .filter(|l| CHOICES.iter().all(|(c, _)| *c != l.label()))
                .map(|l| {
                    let label = l.label();
                    let same = label.clone();
                    view! {
                        <option value=label selected=move || current() == same>
                            {spelled(l)}
                        </option>
                    }
                });
            view! {
                <div class="field">
                    <label for=id.clone()>{p.name.clone()}</label>
                    <select
                        id=id
                        on:change=move |ev| {
                            let typed = event_target_value(&ev);
                            let letters = Letters::parse(&typed).unwrap_or_default();
                            edit(Box::new(move |c| {
                                c.roles.insert(pid, letters);
                            }));
                        }
                    >
                        {CHOICES
                            .into_iter()
                            .map(|(l, text)| {
                                view! {
                                    <option value=l selected=move || current() == l>{text}</option>
                                }
                            })
                            .collect_view()}
                        {asked}
                    </select>
                </div>
            }
        })
        .collect_view();
    let owner = move |label: &'static str,
                      get: fn(&Change) -> Option<Id>,
                      set: fn(&mut Change, Option<Id>)| {
        let id = unique_id("owner");
        let options = parties
            .iter()
            .map(|p| {
                let pid = p.id;
                view! {
                    <option
                        value=pid.to_string()
                        selected=move || change.with(|c| get(c) == Some(pid))
                    >
                        {p.name.clone()}
                    </option>
                }
            })
            .collect_view();
        view! {
            <div class="field">
                <label for=id.clone()>{label}</label>
                <select
                    id=id
                    on:change=move |ev| {
                        let owner = event_target_value(&ev).parse::<Id>().ok();
                        edit(Box::new(move |c| set(c, owner)));
                    }
                >
                    <option value="" selected=move || change.with(|c| get(c).is_none())>
                        "Nobody named"
                    </option>
                    {options}
                </select>
            </div>
        }
    };
    let reason_id = unique_id("reason");
    // A "change" that changes nothing is no position: it counts as not decided yet.
    let unchanged = move || {
        let c = change.get();
        raci.with_value(|r| r.function(function).is_some_and(|f| c.same_as(f)))
    };
    view! {
        <Show when=unchanged>
            <p class="hint">
                "This is still the buyer's row: change a role or an owner below, or accept it."
            </p>
        </Show>
        <div class="form-grid">
            {party_fields}
            {owner("Owner in business hours", |c| c.day_owner, |c, o| c.day_owner = o)}
            {owner("Owner after hours", |c| c.night_owner, |c, o| c.night_owner = o)}
        </div>
        <Gaps raci=raci function=function change=change />
        <div class="field">
            <label for=reason_id.clone()>"Why this change"</label>
            <textarea
                id=reason_id
                rows="2"
                maxlength=MAX_REASON_CHARS.to_string()
                prop:value=move || change.with(|c| c.reason.clone())
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    edit(Box::new(move |c| c.reason = text));
                }
            ></textarea>
        </div>
    }
}

/// What the buyer's checks would flag in the row as the change leaves it, and the row
/// as proposed does not have: said here, so the provider can mend it before sending
/// rather than the buyer find it after accepting. It never stops the change.
#[component]
fn Gaps(raci: StoredValue<Raci>, function: Id, change: Memo<Change>) -> impl IntoView {
    let found = move || {
        change.with(|c| {
            raci.with_value(|r| {
                r.function(function)
                    .map(|f| {
                        let changed = f.with_roles(&c.roles, c.day_owner, c.night_owner);
                        checks::introduced_by(r, &changed)
                    })
                    .unwrap_or_default()
            })
        })
    };
    move || {
        let found = found();
        (!found.is_empty()).then(|| {
            view! {
                <div class="notice warning" role="status">
                    <p>"The buyer's checks would flag this change:"</p>
                    <ul>
                        {found
                            .into_iter()
                            .map(|f| view! { <li>{format!("{} {}", f.what, f.fix)}</li> })
                            .collect_view()}
                    </ul>
                </div>
            }
        })
    }
}
