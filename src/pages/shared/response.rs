//! A provider's response, opened from a link or a file: what it would bring into the
//! workspace the request was sent from, and bringing it in only when the buyer says so.

use leptos::prelude::*;

use std::sync::{Arc, Mutex};

use crate::browser::clock::{format_time, now_ms};
use crate::browser::share::leave_link_for_href;
use crate::browser::state::{Lib, Notices, TakeBack};
use crate::domain::anchor;
use crate::domain::proposal::intake::{self, Replaced};
use crate::domain::proposal::Response;
use crate::domain::provider::same_name;
use crate::domain::route::Route;
use crate::domain::text::{lower, possessive};

#[component]
pub fn ResponsePreview(
    response: Response,
    /// Puts the preview away (a file's preview); a link's preview offers the start page.
    #[prop(optional)]
    dismiss: Option<Callback<()>>,
) -> impl IntoView {
    let lib = Lib::get();
    let notices = expect_context::<Notices>();
    let target = lib
        .0
        .with_untracked(|l| intake::home(l, &response.request).to_owned());
    let checked = lib.0.with_untracked(|l| {
        let ws = l.get(&target).unwrap_or_else(|| l.active());
        (ws.display_name().to_owned(), intake::check(ws, &response))
    });
    let (workspace, outcome) = checked;
    // Named as the workspace names the provider the request went to: the name inside the
    // response is the provider's to type (or anyone's, in an edited file).
    let (provider, renamed) = match &outcome {
        Ok(intake) if !same_name(&intake.provider_name, &response.provider) => (
            intake.provider_name.clone(),
            Some(format!(
                "The response calls the provider “{}”. It answers your request to {}, and \
                 comes in as theirs.",
                response.provider, intake.provider_name
            )),
        ),
        Ok(intake) => (intake.provider_name.clone(), None),
        Err(_) => (response.provider.clone(), None),
    };
    let when =
        (response.made_ms > 0).then(|| format!(" Sent on {}.", format_time(response.made_ms)));
    let from = match response.contact.trim() {
        "" => format!("From {provider}.{}", when.unwrap_or_default()),
        // "Sam Lee, Harbor IT" already names the firm.
        who if lower(who).contains(&lower(&provider)) => {
            format!("From {who}.{}", when.unwrap_or_default())
        }
        // In brackets: a contact with its own "at" ("Alex at Acme, alex@…") read oddly
        // before "at Acme MSP".
        who => format!("From {provider} ({who}).{}", when.unwrap_or_default()),
    };
    let body = match outcome {
        Err(refusal) => view! {
            <p class="notice error" role="alert">{refusal.message()}</p>
            <p>"Nothing in your workspaces was changed."</p>
        }
        .into_any(),
        Ok(intake) => {
            let lines = intake
                .lines()
                .into_iter()
                .map(|l| view! { <li>{l}</li> })
                .collect_view();
            let earlier = intake
                .earlier
                .as_deref()
                .map(intake::earlier_text)
                .or_else(|| intake::kept_text(&intake.kept_answers));
            let losses = intake.losses();
            let (again, older) = (intake.again, intake.older);
            let name = intake.provider_name.clone();
            let pending = StoredValue::new(Some(intake));
            let bring = move |_| {
                let Some(intake) = pending.try_update_value(Option::take).flatten() else {
                    return;
                };
                lib.0.update(|l| {
                    l.switch(&target);
                });
                // The buyer lands on the quote that came in, not the top of the page.
                let landing = anchor::at(Route::Pricing.href(), &anchor::quote(&intake.provider));
                let mut replaced = None;
                lib.update_active(|ws| replaced = Some(intake.apply(ws)));
                notices.confirm_with(
                    Route::Pricing,
                    format!(
                        "{} response is in: their quote, answers and RACI changes are \
                         in this workspace now.",
                        possessive(&name)
                    ),
                    replaced.map(|r| take_back(lib, notices, target.clone(), &name, r)),
                );
                leave_link_for_href(&landing);
            };
            view! {
                {renamed.map(|t| view! { <p class="notice warning">{t}</p> })}
                {again.then(|| view! { <p class="notice warning">{intake::AGAIN}</p> })}
                {older.then(|| view! { <p class="notice warning">{intake::OLDER}</p> })}
                {earlier.map(|t| view! { <p class="notice warning">{t}</p> })}
                {losses.map(|t| view! { <p class="notice warning">{t}</p> })}
                <p>{format!("Bringing it into “{workspace}” adds:")}</p>
                <ul>{lines}</ul>
                <div class="button-row">
                    <button type="button" on:click=bring>
                        {format!("Bring it into “{workspace}”{}", if again { " again" } else { "" })}
                    </button>
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
                {format!("{} response to your request", possessive(&provider))}
            </h2>
            <p>{from}</p>
            {body}
        </section>
    }
}

/// Puts back what the response replaced in workspace `id`, at most once.
fn take_back(lib: Lib, notices: Notices, id: String, name: &str, r: Replaced) -> TakeBack {
    let name = name.to_owned();
    let workspace = id.clone();
    let once = Mutex::new(Some(r));
    let run = move || {
        let Some(replaced) = once.lock().ok().and_then(|mut r| r.take()) else {
            return false;
        };
        let Some(mut ws) = lib.0.with_untracked(|l| l.get(&id).cloned()) else {
            let gone = "That workspace is gone, so there is nothing to take back.";
            notices.confirm_in_view(Route::Pricing, gone.to_owned());
            return false;
        };
        if !replaced.restore(&mut ws) {
            let gone =
                format!("{name} is no longer in the workspace, so there is nothing to take back.");
            notices.confirm_in_view(Route::Pricing, gone);
            return false;
        }
        ws.updated_ms = now_ms();
        // As a copy from another tab is put in: the open page's undo steps hold the
        // response and would bring it back, so they go.
        lib.0.update(|l| l.replace(ws));
        let said = format!(
            "{} response is taken back: their quote, answers and RACI changes are as they were before it.",
            possessive(&name)
        );
        notices.confirm_in_view(Route::Pricing, said);
        true
    };
    TakeBack {
        label: "Take the response back",
        workspace,
        run: Arc::new(run),
    }
}
