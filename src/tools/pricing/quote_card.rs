//! The quotes: one card per quote with its fields, figures, benchmark flags and RACI findings,
//! the add form and the delete confirmation.

use leptos::prelude::*;

use super::add_quote::AddQuoteForm;
use super::fmt::{maybe_money, money, Figure};
use super::quote_fields::{ContractFields, ModelFields};
use super::rate_card::RateCardTable;
use super::{currency, Cmp};
use crate::browser::state::Lib;
use crate::components::confirm::{ConfirmDialog, Pending};
use crate::components::typing::FieldPlace;
use crate::domain::pricing::compare::{QuoteView, MISSING_PROVIDER};
use crate::domain::pricing::edit::PricingEdit;
use crate::domain::pricing::money::Currency;
use crate::domain::provider;

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
    let pending = Pending::new();
    let doomed_name = pending.name(move |id| {
        lib.0.with(|l| {
            provider::name_of(&l.active().providers, id)
                .unwrap_or(MISSING_PROVIDER)
                .to_owned()
        })
    });
    let ask_delete = pending.ask();
    // The quotes whose terms are folded away: how the page looks, so not saved.
    let folded = RwSignal::new(Vec::<String>::new());
    let all_folded = move || ids.with(|ids| ids.iter().all(|id| folded.with(|f| f.contains(id))));
    let fold_all = move |_| {
        let next = if all_folded() { Vec::new() } else { ids.get() };
        folded.set(next);
    };
    let doc = super::doc();
    let delete = pending.then(move |id| doc.send(PricingEdit::RemoveQuote(id.to_owned())));
    view! {
        <section class="panel quotes" aria-labelledby="quotes-title">
            <div class="quotes-head">
                <h2 id="quotes-title">"Quotes"</h2>
                <Show when=move || ids.with(|ids| ids.len() > 1)>
                    <button type="button" class="secondary small no-print" on:click=fold_all>
                        {move || if all_folded() { "Show all terms" } else { "Hide all terms" }}
                    </button>
                </Show>
            </div>
            <Show when=move || ids.with(Vec::is_empty)>
                <p class="empty">
                    "No quotes yet. Add one per provider: the figures below update as you type."
                </p>
            </Show>
            <For each=move || ids.get() key=|id| id.clone() let(id)>
                <QuoteCard provider=id on_delete=ask_delete folded=folded />
            </For>
            <AddQuoteForm />
            <ConfirmDialog
                open=pending.open
                title=Signal::derive(move || {
                    format!("Delete the quote from {}?", doomed_name.get())
                })
                message="The quote and its rate card are removed. The provider stays in the \
                workspace for the scorecard."
                confirm_label="Delete quote"
                on_confirm=delete
            />
        </section>
    }
}

/// One quote: its terms to edit, and what they add up to.
#[component]
fn QuoteCard(
    provider: String,
    on_delete: Callback<String>,
    /// The quotes whose terms are folded away, this one among them or not.
    folded: RwSignal<Vec<String>>,
) -> impl IntoView {
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
    provide_context(FieldPlace(name.into()));
    let heading_id = crate::domain::anchor::quote(&id.get_value());
    let labelled_by = heading_id.clone();
    // A buyer done with a quote folds its terms away, leaving the figures and flags: three
    // open cards are most of the page's height.
    let open = Signal::derive(move || folded.with(|f| !f.contains(&id.get_value())));
    let toggle = move |_| {
        let me = id.get_value();
        folded.update(|f| {
            if f.contains(&me) {
                f.retain(|other| *other != me);
            } else {
                f.push(me);
            }
        });
    };
    let edit_id = format!("quote-edit-{}", id.get_value());
    view! {
        <article class="quote-card" aria-labelledby=labelled_by>
            <div class="quote-head">
                <h3 id=heading_id tabindex="-1">
                    {name}
                </h3>
                <div class="quote-actions no-print">
                    <button
                        type="button"
                        class="secondary"
                        aria-expanded=move || open.get().to_string()
                        aria-controls=edit_id.clone()
                        on:click=toggle
                    >
                        {move || if open.get() { "Hide terms" } else { "Show terms" }}
                        <span class="visually-hidden">" of " {name}</span>
                    </button>
                    <button
                        type="button"
                        class="secondary danger"
                        on:click=move |_| on_delete.run(id.get_value())
                    >
                        "Delete quote"
                        <span class="visually-hidden">" from " {name}</span>
                    </button>
                </div>
            </div>
            <div id=edit_id class="quote-edit no-print" hidden=move || !open.get()>
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
pub fn QuoteOutcome(
    provider: String,
    /// The only quote (a provider filling in its own): no rank to show.
    #[prop(optional)]
    alone: bool,
) -> impl IntoView {
    let cmp = expect_context::<Cmp>().0;
    let cur = currency(Lib::get());
    let id = StoredValue::new(provider);
    let view_of = Memo::new(move |_| cmp.with(|c| c.quote(&id.get_value()).cloned()));
    // Each figure is a plain text signal, so one `Figure` serves them all.
    let text = move |f: fn(&QuoteView, Currency) -> String| {
        Signal::derive(move || {
            view_of.with(|v| v.as_ref().map(|v| f(v, cur.get())).unwrap_or_default())
        })
    };
    // The provider's own page has no scorecard, so no knock-outs to mark.
    let knocked = use_context::<super::KnockedOut>();
    let rank = Signal::derive(move || {
        let rank = cmp
            .with(|c| c.quote(&id.get_value()).map(|q| c.rank_text(q)))
            .unwrap_or_default();
        let out = knocked.is_some_and(|k| id.with_value(|id| k.has(id)));
        if out {
            format!("{rank} (knocked out)")
        } else {
            rank
        }
    });
    view! {
        <div class="quote-outcome">
            <dl class="figures">
                <Figure label="Base monthly" value=text(|v, c| money(c, v.totals.base_monthly)) />
                <Figure label="All-in year 1" value=text(|v, c| money(c, v.totals.all_in_year1)) />
                <Figure
                    label=text(|v, _| format!("Total over {}", crate::domain::text::months(v.term)))
                    value=text(|v, c| money(c, v.totals.total))
                />
                <Figure
                    label="Per user a month"
                    value=text(|v, c| maybe_money(c, v.totals.per_user_month))
                />
                <Figure
                    label="Per device a month"
                    value=text(|v, c| maybe_money(c, v.totals.per_device_month))
                />
                {(!alone).then(|| view! { <Figure label="Rank by total" value=rank /> })}
            </dl>
            <FlagList provider=id.get_value() alone=alone />
        </div>
    }
}

/// Benchmark flags and RACI findings, most serious first; `alone`, in the provider's words.
#[component]
fn FlagList(provider: String, alone: bool) -> impl IntoView {
    let cmp = expect_context::<Cmp>().0;
    let id = StoredValue::new(provider);
    // On the provider's page, the items it has not chosen a cover for yet: the blank
    // quote's "excluded, no rate" is not something it said.
    let answers = use_context::<super::rate_card::CoverAnswers>();
    let items = Memo::new(move |_| {
        let given = answers.map(|a| a.given.get());
        let undecided = |item| given.as_ref().is_some_and(|g| !g.contains(&item));
        cmp.with(|c| {
            c.quote(&id.get_value()).map_or_else(Vec::new, |q| {
                let mut out: Vec<(&'static str, &'static str, String)> = q
                    .listed_findings()
                    .iter()
                    .map(|f| {
                        let functions = f.functions.join(", ");
                        if undecided(f.item) {
                            let text = format!(
                                "The buyer's RACI gives you {}: say in the rate card below \
                                 whether your quote includes it. RACI functions: {functions}.",
                                f.item.phrase()
                            );
                            return ("note", "RACI", text);
                        }
                        let (level, label) = if f.no_rate {
                            ("warn", "RACI gap")
                        } else {
                            ("note", "RACI cost")
                        };
                        let text = if alone { &f.for_provider } else { &f.text };
                        (level, label, format!("{text} RACI functions: {functions}."))
                    })
                    .collect();
                out.extend(q.flags.iter().map(|f| {
                    let text = if alone { &f.for_provider } else { &f.text };
                    (f.level.key(), f.level.label(), text.clone())
                }));
                out
            })
        })
    });
    view! {
        <ul class="flags" aria-label="Flags">
            {move || {
                items
                    .get()
                    .into_iter()
                    .map(|(level, label, text)| {
                        view! {
                            <li class=format!("flag {level}")>
                                <span class="flag-label">{label}</span>
                                " "
                                <span>{text}</span>
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ul>
    }
}
