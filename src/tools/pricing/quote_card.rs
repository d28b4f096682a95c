use leptos::prelude::*;

use super::add_quote::AddQuoteForm;
use super::fmt::{maybe_money, money};
use super::quote_fields::{ContractFields, ModelFields};
use super::rate_card::RateCardTable;
use super::{currency, edit, Cmp};
use crate::components::confirm::ConfirmDialog;
use crate::domain::pricing::compare::MISSING_PROVIDER;
use crate::state::Lib;

/// Every quote, and the form to add one.
#[component]
pub fn QuotesPanel() -> impl IntoView {
    let lib = Lib::get();
    let ids = Memo::new(move |_| {
        lib.0.with(|l| {
            l.active()
                .pricing
                .quotes
                .iter()
                .map(|q| q.provider.clone())
                .collect::<Vec<_>>()
        })
    });
    let doomed = RwSignal::new(None::<String>);
    let confirm_open = RwSignal::new(false);
    let doomed_name = move || {
        let id = doomed.get().unwrap_or_default();
        lib.0.with(|l| {
            l.active()
                .providers
                .iter()
                .find(|p| p.id == id)
                .map_or(MISSING_PROVIDER.to_owned(), |p| p.name.clone())
        })
    };
    let ask_delete = Callback::new(move |id: String| {
        doomed.set(Some(id));
        confirm_open.set(true);
    });
    let delete = Callback::new(move |()| {
        if let Some(id) = doomed.get_untracked() {
            edit(lib, |p| p.remove_quote(&id));
        }
    });
    view! {
        <section class="panel quotes" aria-labelledby="quotes-title">
            <h2 id="quotes-title">"Quotes"</h2>
            <Show when=move || ids.with(Vec::is_empty)>
                <p class="empty">"No quotes yet. Add one per provider: the figures below update as you type."</p>
            </Show>
            <For each=move || ids.get() key=|id| id.clone() let(id)>
                <QuoteCard provider=id on_delete=ask_delete />
            </For>
            <AddQuoteForm />
            <ConfirmDialog
                open=confirm_open
                title=Signal::derive(move || format!("Delete the quote from {}?", doomed_name()))
                message="The quote and its rate card are removed. The provider stays in the workspace for the scorecard."
                confirm_label="Delete quote"
                on_confirm=delete
            />
        </section>
    }
}

/// One quote: its terms to edit, and what they add up to.
#[component]
fn QuoteCard(provider: String, on_delete: Callback<String>) -> impl IntoView {
    let lib = Lib::get();
    let id = StoredValue::new(provider);
    let name = Memo::new(move |_| {
        lib.0.with(|l| {
            l.active()
                .providers
                .iter()
                .find(|p| p.id == id.get_value())
                .map_or(MISSING_PROVIDER.to_owned(), |p| p.name.clone())
        })
    });
    let heading_id = format!("quote-{}", id.get_value());
    let labelled_by = heading_id.clone();
    view! {
        <article class="quote-card" aria-labelledby=labelled_by>
            <div class="quote-head">
                <h3 id=heading_id tabindex="-1">{name}</h3>
                <button type="button" class="secondary danger no-print" on:click=move |_| on_delete.run(id.get_value())>
                    "Delete quote" <span class="visually-hidden">" from " {name}</span>
                </button>
            </div>
            <div class="quote-edit no-print">
                <ModelFields provider=id.get_value() />
                <ContractFields provider=id.get_value() />
                <RateCardTable provider=id.get_value() />
            </div>
            <QuoteOutcome provider=id.get_value() />
        </article>
    }
}

/// The quote's figures, its benchmark flags and the RACI cross-check.
#[component]
fn QuoteOutcome(provider: String) -> impl IntoView {
    let cmp = expect_context::<Cmp>().0;
    let cur = currency(Lib::get());
    let id = StoredValue::new(provider);
    let view_of = Memo::new(move |_| cmp.with(|c| c.quote(&id.get_value()).cloned()));
    let figure = move |f: fn(&crate::domain::pricing::compare::QuoteView) -> String| {
        move || view_of.with(|v| v.as_ref().map(f).unwrap_or_default())
    };
    let count = move || cmp.with(|c| c.quotes.len());
    view! {
        <div class="quote-outcome">
            <dl class="figures" aria-live="polite">
                <div><dt>"Base monthly"</dt><dd>{move || view_of.with(|v| v.as_ref().map(|v| money(cur.get(), v.totals.base_monthly)))}</dd></div>
                <div><dt>"All-in year 1"</dt><dd>{move || view_of.with(|v| v.as_ref().map(|v| money(cur.get(), v.totals.all_in_year1)))}</dd></div>
                <div>
                    <dt>{figure(|v| format!("Total over {} months", v.term))}</dt>
                    <dd>{move || view_of.with(|v| v.as_ref().map(|v| money(cur.get(), v.totals.total)))}</dd>
                </div>
                <div><dt>"Per user a month"</dt><dd>{move || view_of.with(|v| v.as_ref().map(|v| maybe_money(cur.get(), v.totals.per_user_month)))}</dd></div>
                <div><dt>"Per device a month"</dt><dd>{move || view_of.with(|v| v.as_ref().map(|v| maybe_money(cur.get(), v.totals.per_device_month)))}</dd></div>
                <div><dt>"Rank by total"</dt><dd>{move || view_of.with(|v| v.as_ref().map(|v| format!("{} of {}", v.rank, count())))}</dd></div>
            </dl>
            <FlagList provider=id.get_value() />
        </div>
    }
}

/// Benchmark flags and RACI findings, most serious first.
#[component]
fn FlagList(provider: String) -> impl IntoView {
    let cmp = expect_context::<Cmp>().0;
    let id = StoredValue::new(provider);
    let items = Memo::new(move |_| {
        cmp.with(|c| {
            c.quote(&id.get_value()).map_or_else(Vec::new, |q| {
                let mut out: Vec<(String, &'static str, &'static str, String)> = q
                    .findings
                    .iter()
                    .map(|f| {
                        let level = if f.no_rate { "warn" } else { "note" };
                        let label = if f.no_rate { "RACI gap" } else { "RACI cost" };
                        let text =
                            format!("{} RACI functions: {}.", f.text, f.functions.join(", "));
                        (text.clone(), level, label, text)
                    })
                    .collect();
                out.extend(q.flags.iter().map(|f| {
                    (
                        f.text.clone(),
                        f.level.key(),
                        f.level.label(),
                        f.text.clone(),
                    )
                }));
                out
            })
        })
    });
    view! {
        <ul class="flags" aria-label="Flags">
            <For each=move || items.get() key=|(k, ..)| k.clone() let((_, level, label, text))>
                <li class=format!("flag {level}")>
                    <span class="flag-label">{label}</span>
                    " "
                    <span>{text}</span>
                </li>
            </For>
        </ul>
    }
}
