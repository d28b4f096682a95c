//! A provider's response, opened from a link or a file: what it would bring into the
//! workspace the request was sent from, and bringing it in only when the buyer says so.

use leptos::prelude::*;

use crate::browser::clock::format_time;
use crate::browser::share::leave_link_for;
use crate::browser::state::{Lib, Notices, Tone};
use crate::domain::library::Library;
use crate::domain::proposal::intake::{self, Intake};
use crate::domain::proposal::Response;
use crate::domain::route::Route;
use crate::domain::text::and_list;

/// The workspace a response belongs in: the open one if it sent the request, else the
/// one that did, else the open one (which then explains the refusal).
fn home_of(lib: &Library, response: &Response) -> String {
    let sent = |id: &&str| {
        lib.get(id)
            .is_some_and(|w| w.requests.iter().any(|s| s.id == response.request))
    };
    let active = lib.active_id();
    if sent(&active) {
        return active.to_owned();
    }
    lib.workspaces()
        .iter()
        .map(|w| w.id.as_str())
        .find(|id| sent(id))
        .unwrap_or(active)
        .to_owned()
}

/// What the response brings, one sentence a line.
fn brings(intake: &Intake) -> Vec<String> {
    let mut lines = vec![format!(
        "A quote ({}) for the pricing comparison{}.",
        intake.quote.model.label().to_ascii_lowercase(),
        if intake.replaces_quote {
            ", replacing the quote you have from them"
        } else {
            ""
        }
    )];
    let answers = intake.claims.len();
    lines.push(match answers {
        0 => "No answers to your questions.".to_owned(),
        n => format!(
            "Answers to {n} of your questions, shown beside your scorecard's criteria{}.",
            if intake.replaces_claims {
                ", replacing their earlier answers"
            } else {
                ""
            }
        ),
    });
    lines.push(format!(
        "{} proposed RACI {} for you to accept or reject, and {} accepted as you proposed.",
        intake.counters.len(),
        if intake.counters.len() == 1 {
            "change"
        } else {
            "changes"
        },
        intake.accepted
    ));
    if intake.skipped > 0 {
        lines.push(format!(
            "{} answers or positions are about questions or functions no longer in your workspace, and are left out.",
            intake.skipped
        ));
    }
    lines
}

fn earlier_text(changed: &[String]) -> String {
    match changed {
        [] => "It answers an earlier version of your request: the counts or the RACI have changed since. The answers still apply to the questions as they stand.".to_owned(),
        [one] => format!("It answers an earlier version of your request: this question changed since they answered it: {one}."),
        many => format!(
            "It answers an earlier version of your request: these {} questions changed since they answered them: {}.",
            many.len(),
            and_list(many)
        ),
    }
}

#[component]
pub fn ResponsePreview(
    response: Response,
    /// Puts the preview away (a file's preview); a link's preview offers the start page.
    #[prop(optional)]
    dismiss: Option<Callback<()>>,
) -> impl IntoView {
    let lib = Lib::get();
    let notices = expect_context::<Notices>();
    let target = lib.0.with_untracked(|l| home_of(l, &response));
    let checked = lib.0.with_untracked(|l| {
        let ws = l.get(&target).unwrap_or_else(|| l.active());
        (ws.display_name().to_owned(), intake::check(ws, &response))
    });
    let (workspace, outcome) = checked;
    let when =
        (response.made_ms > 0).then(|| format!(" Sent on {}.", format_time(response.made_ms)));
    let from = match response.contact.trim() {
        "" => format!("From {}.{}", response.provider, when.unwrap_or_default()),
        who => format!(
            "From {who} at {}.{}",
            response.provider,
            when.unwrap_or_default()
        ),
    };
    let body = match outcome {
        Err(refusal) => view! {
            <p class="notice error" role="alert">{refusal.message()}</p>
            <p>"Nothing in your workspaces was changed."</p>
        }
        .into_any(),
        Ok(intake) => {
            let lines = brings(&intake)
                .into_iter()
                .map(|l| view! { <li>{l}</li> })
                .collect_view();
            let earlier = intake.earlier.as_deref().map(earlier_text);
            let name = intake.provider_name.clone();
            let pending = StoredValue::new(Some(intake));
            let bring = move |_| {
                let Some(intake) = pending.try_update_value(Option::take).flatten() else {
                    return;
                };
                lib.0.update(|l| {
                    l.switch(&target);
                });
                lib.update_active(|ws| intake.apply(ws));
                notices.push(
                    Tone::Info,
                    format!(
                        "{name}'s response is in: their quote, answers and RACI changes are \
                         in this workspace now."
                    ),
                    None,
                );
                leave_link_for(Route::Pricing);
            };
            view! {
                {earlier.map(|t| view! { <p class="notice warning">{t}</p> })}
                <p>{format!("Bringing it into “{workspace}” adds:")}</p>
                <ul>{lines}</ul>
                <div class="button-row">
                    <button type="button" on:click=bring>{format!("Bring it into “{workspace}”")}</button>
                    {match dismiss {
                        Some(d) => view! {
                            <button type="button" class="secondary" on:click=move |_| d.run(())>
                                "Not now"
                            </button>
                        }.into_any(),
                        None => view! { <a href=Route::Home.href()>"Not now"</a> }.into_any(),
                    }}
                </div>
            }
            .into_any()
        }
    };
    view! {
        <section class="panel" aria-labelledby="response-title">
            <h2 id="response-title">
                {format!("{}'s response to your request", response.provider)}
            </h2>
            <p>{from}</p>
            {body}
        </section>
    }
}
