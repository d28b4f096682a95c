//! Opening a share link: the document read-only, and saving it only on request.

mod pricing;
mod proposal;
mod raci;
pub mod response;
mod scorecard;
mod workspace;

use leptos::prelude::*;

use crate::browser::clock::{format_time, fresh_id, now_ms};
use crate::browser::open_docs::open_all;
use crate::browser::share::{current_link_text, leave_link_for};
use crate::browser::state::{Lib, Notices, Tone};
use crate::domain::route::Route;
use crate::domain::share::body::{open_link, Sender, SharedDoc};
use crate::domain::share::link::{kind_named, LinkKind};
use crate::domain::workspace::Workspace;

/// Opens a share link read-only. Nothing is saved until the buyer chooses to.
#[component]
pub fn SharedPage() -> impl IntoView {
    open_all();
    let text = current_link_text().unwrap_or_default();
    match open_link(&text) {
        Err(error) => view! {
            <div class="shared link-failed">
                <h1 tabindex="-1">"This link could not be opened"</h1>
                <p class="notice error" role="alert">
                    {error.message()}
                </p>
                <p>
                    {if kind_named(text.trim()) == Some(LinkKind::Request) {
                        "If it still does not open, ask the buyer who sent it to send the \
                            request again."
                    } else {
                        "Nothing in your own workspaces was changed."
                    }}
                </p>
                <p>
                    <a href=Route::Home.href()>"Go to the start page"</a>
                </p>
            </div>
        }
        .into_any(),
        // A request is for the provider: its own page, not a shared copy. The buyer who
        // sent it (checking the link, or importing its file by mistake) is told so first.
        Ok((SharedDoc::Request(request), _)) => {
            let own = sent_from_here(&request.id).map(|workspace| {
                let provider = request.provider.clone();
                view! { <OwnRequest provider=provider workspace=workspace /> }
            });
            view! {
                {own}
                <proposal::ProviderPage request=*request />
            }
            .into_any()
        }
        // The provider checking the link they made: not the buyer's refusal.
        Ok((SharedDoc::Response(response), _)) if own_response(&response.request) => {
            let back = crate::browser::drafts::request_address(&response.request);
            view! { <OwnResponse provider=response.provider back=back /> }.into_any()
        }
        // A response is for the buyer who asked: what it brings, and bringing it in.
        Ok((SharedDoc::Response(response), _)) => view! {
            <div class="shared">
                <h1 tabindex="-1">"A provider's response"</h1>
                <p class="purpose">
                    "Nothing in your workspaces changes until you bring it in."
                </p>
                <response::ResponsePreview response=*response />
            </div>
        }
        .into_any(),
        Ok((doc, sender)) => view! { <SharedDocument doc=doc sender=sender /> }.into_any(),
    }
}

/// The workspace of this browser that sent request `id`, by name.
fn sent_from_here(id: &str) -> Option<String> {
    Lib::get().0.with_untracked(|l| {
        (l.workspaces().iter())
            .find(|w| w.sent_request(id))
            .map(|w| w.display_name().to_owned())
    })
}

/// The buyer opening a request they sent: the page below is the provider's.
#[component]
fn OwnRequest(provider: String, workspace: String) -> impl IntoView {
    view! {
        <div class="notice info own-request" role="status">
            <p>
                {format!(
                    "This is the request you sent to {provider} from “{workspace}”. Below is \
                     the page they see when they open it. What you type here stays in this \
                     browser and is not part of your workspace: their answers come back as \
                     the response they send you."
                )}
            </p>
            <p>
                <a href=Route::Workspaces.href()>"Back to your requests"</a>
            </p>
        </div>
    }
}

/// Whether this browser made the response to `request` (it holds the draft) and sent
/// no such request itself.
fn own_response(request: &str) -> bool {
    let sent_here = Lib::get()
        .0
        .with_untracked(|l| l.workspaces().iter().any(|w| w.sent_request(request)));
    !sent_here && crate::browser::drafts::load(request).is_some()
}

/// A provider opening their own response link, as anyone would before sending it.
/// `back`: the address of the request it answers, when this browser kept it.
#[component]
fn OwnResponse(provider: String, back: Option<String>) -> impl IntoView {
    let way_back = match back {
        Some(address) => view! {
            "Your draft is still in this browser. To change an answer, "
            <a href=address>"go back to your answers"</a>
            " and make a new response link at the end."
        }
        .into_any(),
        None => "Your draft is still in this browser. To change an answer, open the request \
                 link the buyer sent you again, and make a new response link at the end."
            .into_any(),
    };
    view! {
        <div class="shared">
            <h1 tabindex="-1">{format!("Your response, as {provider}")}</h1>
            <p class="notice info" role="status">
                "This link works: it carries your quote, your answers and your positions on \
                    the roles. Send it to the buyer by email or chat; when they open it, they \
                    see what it brings and add it to their comparison. Opening it here sent \
                    nothing."
            </p>
            <p>{way_back}</p>
        </div>
    }
}

#[component]
fn SharedDocument(doc: SharedDoc, sender: Sender) -> impl IntoView {
    let what = doc.kind().label();
    let body = match doc {
        SharedDoc::Workspace(ws) => {
            view! { <workspace::SharedWorkspace workspace=*ws /> }.into_any()
        }
        SharedDoc::Scorecard(card) => {
            view! { <scorecard::SharedScorecard card=*card /> }.into_any()
        }
        SharedDoc::Raci(doc) => view! { <raci::SharedRaci doc=*doc /> }.into_any(),
        SharedDoc::Pricing(doc) => view! { <pricing::SharedPricing doc=*doc /> }.into_any(),
        SharedDoc::Response(response) => {
            view! { <response::ResponsePreview response=*response /> }.into_any()
        }
        // Opened as the provider's own page above; shown the same way if it ever reaches here.
        SharedDoc::Request(request) => {
            view! { <proposal::ProviderPage request=*request /> }.into_any()
        }
    };
    view! {
        <div class="shared">
            <h1 tabindex="-1">{format!("Shared {what}")}</h1>
            <p class="purpose">{sender_line(&sender)}</p>
            <p class="notice info">
                "This is a read-only copy. Nothing in your own workspaces changes unless you \
                    choose to save it."
            </p>
            {body}
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

/// Adds a workspace built from a shared document, opens it, and leaves the link.
fn save_as_new(lib: Lib, notices: Notices, made: Result<Workspace, String>, then: Route) {
    let workspace = match made {
        Ok(workspace) => workspace.arriving(fresh_id(), now_ms()),
        Err(why) => {
            notices.push(
                Tone::Error,
                format!("This could not be saved: {why}. Nothing was changed."),
                None,
            );
            return;
        }
    };
    let name = lib.0.try_update(|l| {
        // `import`: in a new browser it takes the place of the empty starting workspace.
        let id = l.import(vec![workspace]).pop().unwrap_or_default();
        l.get(&id)
            .map(|w| w.display_name().to_owned())
            .unwrap_or_default()
    });
    notices.confirm(
        then,
        format!(
            "Saved as a new workspace, “{}”. It is open now.",
            name.unwrap_or_default()
        ),
    );
    leave_link_for(then);
}

/// The button that saves a shared document as a new workspace.
#[component]
fn SaveAsNew(
    /// Makes the workspace to add (its id is replaced by a fresh one), or says why not.
    make: Callback<(), Result<Workspace, String>>,
    /// The page to open afterwards.
    then: Route,
) -> impl IntoView {
    let lib = Lib::get();
    let notices = expect_context::<Notices>();
    view! {
        <button type="button" on:click=move |_| save_as_new(lib, notices, make.run(()), then)>
            "Save as a new workspace"
        </button>
    }
}
