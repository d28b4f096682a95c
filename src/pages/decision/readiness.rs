//! RACI readiness: the RACI's score, what blocks a Statement of Work, and whether each
//! quote pays for the work the RACI gives the MSP.

use leptos::prelude::*;

use super::BriefMemo;
use crate::domain::decision::readiness::Coverage;
use crate::domain::route::Route;

#[component]
pub fn ReadinessPanel() -> impl IntoView {
    let brief = expect_context::<BriefMemo>().0;
    let ready = move || brief.with(|b| b.readiness.clone());
    let blockers = move || {
        ready()
            .blockers
            .into_iter()
            .map(|b| view! { <li>{b}</li> })
            .collect_view()
    };
    let coverage = move || {
        ready()
            .coverage
            .into_iter()
            .map(|(_, name, cover)| {
                let class = match cover {
                    Coverage::Unknown { .. } => "cover warn",
                    Coverage::Extras(_) => "cover note",
                    _ => "cover",
                };
                view! {
                    <li class=class>
                        <strong>{name}</strong>
                        ": "
                        {cover.sentence()}
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="panel readiness" aria-labelledby="ready-title">
            <h2 id="ready-title">"RACI readiness"</h2>
            <p>{move || ready().verdict()} " " <a href=Route::Raci.href()>"Open the RACI"</a></p>
            <Show when=move || !ready().blockers.is_empty()>
                <h3>"Findings that block the Statement of Work"</h3>
                <ul class="rec-lines">{blockers}</ul>
            </Show>
            <Show when=move || !ready().coverage.is_empty()>
                <h3>"Does each quote pay for the MSP's duties?"</h3>
                <ul class="rec-lines">{coverage}</ul>
            </Show>
        </section>
    }
}
