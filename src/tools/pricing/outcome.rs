//! What a quote adds up to: its figures, a word on entries they leave out, its benchmark
//! flags and the RACI cross-check. Shown on the buyer's cards and the provider's page.

use leptos::prelude::*;

use super::fmt::{maybe_money, money, Figure};
use super::{currency, Cmp};
use crate::browser::state::Lib;
use crate::components::typing::{FieldPlace, Refused};
use crate::domain::pricing::compare::QuoteView;
use crate::domain::pricing::money::Currency;
use crate::domain::text::and_list;

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
        cmp.with(|c| {
            let q = c.quote(&id.get_value())?;
            Some(match knocked {
                Some(k) => c.rank_text_among(q, |p| k.has(p)),
                None => c.rank_text(q),
            })
        })
        .unwrap_or_default()
    });
    view! {
        <div class="quote-outcome">
            <HeldBack />
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

/// Says, above a quote's figures, which of its fields hold a refused entry: the figures
/// go on with the value from before, which the field no longer shows.
#[component]
fn HeldBack() -> impl IntoView {
    // Only the buyer's cards have a place (the provider's page lists its own refused fields).
    let (Some(refused), Some(place)) = (use_context::<Refused>(), use_context::<FieldPlace>())
    else {
        return ().into_any();
    };
    (move || {
        let labels: Vec<String> = refused
            .in_place(&place.0.get())
            .into_iter()
            .map(|l| format!("“{l}”"))
            .collect();
        let them = if labels.len() > 1 { "them" } else { "it" };
        (!labels.is_empty()).then(|| {
            view! {
                <p class="held-back no-print">
                    {format!(
                        "These figures use the earlier {} until you correct {them} in this \
                         quote's terms.",
                        and_list(&labels),
                    )}
                </p>
            }
        })
    })
    .into_any()
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
