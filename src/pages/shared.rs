use leptos::prelude::*;

use crate::clock::{format_time, fresh_id, now_ms};
use crate::domain::route::Route;
use crate::domain::share::body::{open_link, Sender, SharedDoc};
use crate::domain::workspace::Workspace;
use crate::share::{current_link_text, leave_link_for};
use crate::state::{Lib, Notices, Tone};

/// Opens a share link read-only. Nothing is saved until the buyer chooses to.
#[component]
pub fn SharedPage() -> impl IntoView {
    let text = current_link_text().unwrap_or_default();
    match open_link(&text) {
        Err(error) => view! {
            <div class="shared">
                <h1 tabindex="-1">"This link could not be opened"</h1>
                <p class="notice error" role="alert">{error.message()}</p>
                <p>"Nothing in your own workspaces was changed."</p>
                <p><a href=Route::Home.href()>"Go to the start page"</a></p>
            </div>
        }
        .into_any(),
        Ok((doc, sender)) => view! { <SharedDocument doc=doc sender=sender /> }.into_any(),
    }
}

#[component]
fn SharedDocument(doc: SharedDoc, sender: Sender) -> impl IntoView {
    let what = doc.kind().label();
    view! {
        <div class="shared">
            <h1 tabindex="-1">{format!("Shared {what}")}</h1>
            <p class="purpose">{sender_line(&sender)}</p>
            <p class="notice info">
                "This is a read-only copy. Nothing in your own workspaces changes unless you choose to save it."
            </p>
            {match doc {
                SharedDoc::Workspace(ws) => view! { <SharedWorkspace workspace=*ws /> }.into_any(),
            }}
        </div>
    }
}

fn sender_line(sender: &Sender) -> String {
    let when = (sender.at_ms > 0).then(|| format_time(sender.at_ms));
    match (sender.by.trim(), when) {
        ("", Some(when)) => format!("Shared on {when}. The sender did not give a name."),
        ("", None) => "The sender did not give a name or date.".to_owned(),
        (by, Some(when)) => format!("Shared by {by} on {when}."),
        (by, None) => format!("Shared by {by}."),
    }
}

/// A shared workspace: its profile and providers, and saving it as a new workspace.
#[component]
fn SharedWorkspace(workspace: Workspace) -> impl IntoView {
    let lib = Lib::get();
    let notices = expect_context::<Notices>();
    let stored = StoredValue::new(workspace.clone());
    let save = move |_| {
        let mut copy = stored.get_value();
        copy.id = fresh_id();
        copy.updated_ms = now_ms();
        let name = lib.0.try_update(|l| {
            let id = l.insert(copy);
            l.get(&id)
                .map(|w| w.display_name().to_owned())
                .unwrap_or_default()
        });
        notices.push(
            Tone::Info,
            format!(
                "Saved as a new workspace, “{}”. It is open now.",
                name.unwrap_or_default()
            ),
            None,
        );
        leave_link_for(Route::Workspaces);
    };
    let profile = workspace.profile.clone();
    view! {
        <section class="panel" aria-labelledby="shared-ws-title">
            <h2 id="shared-ws-title">{workspace.display_name().to_owned()}</h2>
            <dl class="facts">
                <dt>"Company"</dt>
                <dd>{if profile.company_name.is_empty() { "Not given".to_owned() } else { profile.company_name.clone() }}</dd>
                <dt>"Employees"</dt>
                <dd>{profile.employees}</dd>
                <dt>"Internal IT staff"</dt>
                <dd>{profile.internal_it}</dd>
                <dt>"Industry"</dt>
                <dd>{profile.industry.label()}</dd>
                <dt>"Providers"</dt>
                <dd>{if workspace.providers.is_empty() {
                    "None yet".to_owned()
                } else {
                    workspace.providers.iter().map(|p| p.name.clone()).collect::<Vec<_>>().join(", ")
                }}</dd>
            </dl>
            <button type="button" on:click=save>"Save as a new workspace"</button>
        </section>
    }
}
