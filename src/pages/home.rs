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

/// For a returning visitor, a line that says their work is here: which workspace is
/// open and when it last changed. Empty for a new visitor, so the start page's static
/// first screen is theirs as it is. Plain text, since the shell carries it and every byte
/// of the shell is on a new visitor's way to the first tool: links and a list cost 3 KB.
#[component]
fn WelcomeBack() -> impl IntoView {
    let lib = Lib::get();
    let line = move || {
        lib.0.with(|l| {
            let ws = l.active();
            l.has_work().then(|| {
                format!(
                    "Welcome back: your workspace “{}” (last changed {}) is open in every tool below.",
                    ws.display_name(),
                    format_time(ws.updated_ms)
                )
            })
        })
    };
    view! { <p class="welcome-back">{line}</p> }
}
