//! A workspace opened from a share link: a summary of its profile and tools, and saving it.

use leptos::prelude::*;

use super::SaveAsNew;
use crate::domain::decision::Brief;
use crate::domain::route::Route;
use crate::domain::workspace::Workspace;

/// A shared workspace: its profile, providers, what each tool holds and what its
/// decision brief recommends.
#[component]
pub fn SharedWorkspace(workspace: Workspace) -> impl IntoView {
    let stored = StoredValue::new(workspace.clone());
    let profile = workspace.profile.clone();
    let providers = if workspace.providers.is_empty() {
        "None yet".to_owned()
    } else {
        workspace
            .providers
            .iter()
            .map(|p| p.name.clone())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let scored = workspace
        .scorecard
        .cells
        .values()
        .map(|row| row.len())
        .sum::<usize>();
    // The brief is computed, never stored: the link carries what it is computed from.
    let verdict = Brief::build(&workspace).recommendation.headline;
    view! {
        <section class="panel" aria-labelledby="shared-ws-title">
            <h2 id="shared-ws-title">{workspace.display_name().to_owned()}</h2>
            <dl class="facts">
                <dt>"Company"</dt>
                <dd>
                    {if profile.company_name.is_empty() {
                        "Not given".to_owned()
                    } else {
                        profile.company_name.clone()
                    }}
                </dd>
                <dt>"Employees"</dt>
                <dd>{profile.employees}</dd>
                <dt>"Internal IT staff"</dt>
                <dd>{profile.internal_it}</dd>
                <dt>"Industry"</dt>
                <dd>{profile.industry.label()}</dd>
                <dt>"Providers"</dt>
                <dd>{providers}</dd>
                <dt>"RACI"</dt>
                <dd>
                    {format!(
                        "{} functions, {} parties",
                        workspace.raci.functions.len(),
                        workspace.raci.parties.len(),
                    )}
                </dd>
                <dt>"Scorecard"</dt>
                <dd>
                    {format!(
                        "{} criteria, {scored} scores and notes",
                        workspace.scorecard.criteria.len(),
                    )}
                </dd>
                <dt>"Quotes"</dt>
                <dd>{workspace.pricing.quotes.len()}</dd>
                <dt>"Decision brief"</dt>
                <dd>
                    {verdict} " "
                    <span class="hint">"Save the workspace to read the whole brief."</span>
                </dd>
            </dl>
            <SaveAsNew
                make=Callback::new(move |()| Ok(stored.get_value()))
                then=Route::Workspaces
            />
        </section>
    }
}
