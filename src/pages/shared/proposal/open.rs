//! Above "Send": the parts still open, each one press away (a count alone left the
//! provider scrolling 40 parts for the two still open), and the fields whose entry is
//! refused, whose earlier value the response would carry.

use leptos::prelude::*;

use super::{function_anchor, question_anchor, Draft};
use crate::components::page_jumps::jump_button;
use crate::components::typing::RefusedFields;
use crate::domain::proposal::progress::{Open, Progress};
use crate::tools::pricing::rate_card::{cover_anchor, rate_anchor};

/// Open questions or functions named one by one in a line; past this, the rest are
/// counted (34 questions, 36 functions), with a jump to the first of them.
const NAMED: usize = 8;

/// The id of "Accept every row not yet decided", the quick way past many open rows.
pub const ACCEPT_ROWS: &str = "proposal-accept-rows";

/// Jump buttons to `(label, id)`, comma-separated, and a comma after the last when
/// more follows. Each comma is kept with its button (`.jump`, no wrap); on a phone each
/// button takes its own line and the commas go (decision.css), as a comma before the
/// next button was left alone on a line under a long wrapped name.
fn jumps(targets: Vec<(String, String)>, more_follows: bool) -> impl IntoView {
    let last = targets.len().saturating_sub(1);
    targets
        .into_iter()
        .enumerate()
        .map(|(i, (label, id))| {
            let comma =
                (i < last || more_follows).then(|| view! { <span class="comma">","</span> });
            view! { <span class="jump">{jump_button(label, id)} {comma}</span> " " }
        })
        .collect_view()
}

#[component]
pub fn OpenParts() -> impl IntoView {
    let draft = Draft::get();
    let open = Memo::new(move |_| {
        draft
            .request
            .with_value(|req| draft.response.with(|r| r.open(req)))
    });
    let list = move || {
        let open = open.get();
        if open.is_empty() {
            return None;
        }
        let (done, of) = draft
            .request
            .with_value(|req| Progress::of(&open, req).done());
        let left = of - done;
        let pick = |f: fn(&Open) -> Option<(String, String)>| {
            open.iter().filter_map(f).collect::<Vec<_>>()
        };
        let covers = pick(|o| match o {
            Open::Cover(item) => Some((item.label().to_owned(), cover_anchor(*item))),
            _ => None,
        });
        let rates = pick(|o| match o {
            Open::Rate(item) => Some((item.label().to_owned(), rate_anchor(*item))),
            _ => None,
        });
        let unanswered = pick(|o| match o {
            Open::Question { id, name } => Some((name.clone(), question_anchor(id))),
            _ => None,
        });
        let reworded = pick(|o| match o {
            Open::Reworded { id, name } => Some((name.clone(), question_anchor(id))),
            _ => None,
        });
        let functions = pick(|o| match o {
            Open::Function { id, name } => Some((name.clone(), function_anchor(*id))),
            _ => None,
        });
        let many_functions = functions.len() > NAMED;
        let item = |what: &'static str, mut targets: Vec<(String, String)>| {
            (!targets.is_empty()).then(|| {
                let rest = targets.split_off(targets.len().min(NAMED));
                let more = rest.first().map(|(_, id)| {
                    view! { "and " {jump_button(format!("{} more", rest.len()), id.clone())} }
                });
                view! { <li>{what}{jumps(targets, more.is_some())}{more}</li> }
            })
        };
        Some(view! {
            <div class="open-parts">
                <p class="hint">
                    {format!(
                        "{left} of {of} {} still open. You can send now: the buyer sees what you \
                         left open, and you can send a newer response later from this browser.",
                        if left == 1 { "part is" } else { "parts are" }
                    )}
                </p>
                <ul>
                    {open
                        .contains(&Open::Price)
                        .then(|| {
                            view! {
                                <li>
                                    {jump_button(
                                        "Your quote has no price yet".into(),
                                        "proposal-quote".into(),
                                    )}
                                </li>
                            }
                        })}
                    {item("In your quote, say whether it includes: ", covers)}
                    {item("Excluded with a rate, but no rate given yet: ", rates)}
                    {item("Questions not answered: ", unanswered)}
                    {item("Answers to check, as the question changed: ", reworded)}
                    {item("Roles not decided: ", functions)}
                    {many_functions
                        .then(|| {
                            view! {
                                <li>
                                    "To take the open roles as the buyer proposed them, use "
                                    {jump_button(
                                        "“Accept every row”, in part 3".into(),
                                        ACCEPT_ROWS.into(),
                                    )} "."
                                </li>
                            }
                        })}
                </ul>
            </div>
        })
    };
    view! {
        <RefusedFields carries="your response carries" />
        {list}
    }
}
