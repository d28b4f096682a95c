//! A provider's response, opened from a link or a file: what it would bring into the
//! workspace the request was sent from, and bringing it in only when the buyer says so.

use leptos::prelude::*;

use crate::browser::clock::format_time;
use crate::browser::share::leave_link_for;
use crate::browser::state::{Lib, Notices};
use crate::domain::proposal::intake;
use crate::domain::proposal::Response;
use crate::domain::route::Route;
use crate::domain::text::possessive;

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
            let lines = intake
                .lines()
                .into_iter()
                .map(|l| view! { <li>{l}</li> })
                .collect_view();
            let earlier = intake.earlier.as_deref().map(intake::earlier_text);
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
                lib.update_active(|ws| intake.apply(ws));
                notices.confirm(
                    Route::Pricing,
                    format!(
                        "{} response is in: their quote, answers and RACI changes are \
                         in this workspace now.",
                        possessive(&name)
                    ),
                );
                leave_link_for(Route::Pricing);
            };
            view! {
                {again.then(|| view! { <p class="notice warning">{intake::AGAIN}</p> })}
                {older.then(|| view! { <p class="notice warning">{intake::OLDER}</p> })}
                {earlier.map(|t| view! { <p class="notice warning">{t}</p> })}
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
                {format!("{} response to your request", possessive(&response.provider))}
            </h2>
            <p>{from}</p>
            {body}
        </section>
    }
}
