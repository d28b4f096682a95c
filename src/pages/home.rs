//! The start page: what Splitline is for, and a link to each tool.

use leptos::prelude::*;

use crate::browser::clock::format_time;
use crate::browser::state::Lib;
use crate::domain::route::Route;

/// What the toolkit is for, and the way into each tool.
#[component]
pub fn Home() -> impl IntoView {
    let cards = Route::TOOLS
        .into_iter()
        .map(|r| {
            view! {
                <li class="tool-card">
                    <h2>
                        <a href=r.href()>{r.title()}</a>
                    </h2>
                    <p>{r.purpose()}</p>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="home">
            <h1 tabindex="-1">"Splitline"</h1>
            <WelcomeBack />
            <div class="lead">
                <p>
                    "Co-managed IT fails where ownership is vague, where quotes hide exclusions \
                        and where providers are picked on a sales call."
                </p>
                <p>
                    "Splitline helps you write down who owns every IT function, score providers on \
                        the questions that matter, and compare quotes as honest all-in costs."
                </p>
            </div>
            // The tools come before the small print, so a phone's first screen reaches one.
            <ul class="tool-cards">{cards}</ul>
            <p>
                "Everything stays in this browser: no account, no server, nothing sent \
                    anywhere unless you share it."
            </p>
            <p>
                "When the three hold your work, the "
                <a href=Route::Decision.href()>"decision brief"</a>
                " puts them on one page for the approval meeting, with a recommendation."
            </p>
            <p class="home-workspaces">
                "Working on more than one engagement? Keep each in its own "
                <a href=Route::Workspaces.href()>"workspace"</a> "."
            </p>
            // A provider sent a request file lands here, on a page written for buyers.
            <p>
                "A provider answering a request for proposal? Open the link the buyer sent \
                    you. If they sent a file, open "
                <a href=Route::Workspaces.href()>"Workspaces"</a>
                " and choose “Import a Splitline file”: your request opens, ready to answer."
            </p>
        </div>
    }
}

/// For a returning visitor: the open workspace, when it last changed, and the way back
/// into each tool that holds its work (and the brief, once two do). A new visitor sees
/// nothing here, so the start page's static first screen is theirs as it is.
#[component]
fn WelcomeBack() -> impl IntoView {
    let lib = Lib::get();
    let back = Memo::new(move |_| {
        lib.0.with(|l| {
            let ws = l.active();
            let touched = [
                (Route::Raci, ws.raci.is_untouched()),
                (Route::Scorecard, ws.scorecard.is_untouched()),
                (Route::Pricing, ws.pricing.is_untouched()),
            ];
            let mut tools: Vec<Route> = touched.iter().filter(|t| !t.1).map(|t| t.0).collect();
            // Two tools' work is enough for the brief to say something.
            if tools.len() > 1 {
                tools.push(Route::Decision);
            }
            let others = l.workspaces().len() - 1;
            l.has_work()
                .then(|| (ws.display_name().to_owned(), ws.updated_ms, tools, others))
        })
    });
    move || {
        back.get().map(|(name, at, tools, others)| {
            let when = format_time(at);
            let links = (!tools.is_empty()).then(|| {
                let items = tools
                    .into_iter()
                    .map(|r| view! { <li><a href=r.href()>{r.title()}</a></li> })
                    .collect_view();
                view! { <ul class="back-links">{items}</ul> }
            });
            let more = match others {
                0 => None,
                1 => Some("1 other workspace".to_owned()),
                n => Some(format!("{n} other workspaces")),
            };
            view! {
                <section class="panel welcome-back" aria-labelledby="welcome-back-title">
                    <h2 id="welcome-back-title">"Pick up where you left off"</h2>
                    <p>{format!("Your workspace “{name}” was last changed {}.", when)}</p>
                    {links}
                    {more.map(|m| {
                        view! {
                            <p>
                                "Also here: " <a href=Route::Workspaces.href()>{m}</a> "."
                            </p>
                        }
                    })}
                </section>
            }
        })
    }
}
