//! A quote's exclusions and rate card: how it covers each commonly excluded item, the rate, and
//! what the item adds to year 1.

use leptos::prelude::*;

use super::fields::MoneyField;
use super::fmt::money;
use super::{currency, doc, typed_quote, Cmp};
use crate::browser::state::Lib;
use crate::components::unique_id;
use crate::domain::pricing::edit::{PricingEdit, QuoteEdit};
use crate::domain::pricing::exclusions::{CostItem, Cover};
use crate::domain::pricing::models::ModelKind;

/// On the provider's page: the items the provider has chosen a cover for, and the note
/// of a choice. Until it chooses, a row offers "Choose…" rather than showing the blank
/// quote's "Excluded, no rate" as if the provider had said it.
#[derive(Clone, Copy)]
pub struct CoverAnswers {
    pub given: Signal<Vec<CostItem>>,
    pub give: Callback<CostItem>,
}

/// The id of an item's choice where `CoverAnswers` is provided (one quote on the page).
pub fn cover_anchor(item: CostItem) -> String {
    format!("cover-{}", item.key())
}

/// The id of an item's rate field on the provider's page, for the same jumps.
pub fn rate_anchor(item: CostItem) -> String {
    format!("rate-{}", item.key())
}

/// The six commonly excluded items: included, excluded with a rate, or excluded with no
/// rate (an unknown cost), and what each adds to year 1.
#[component]
pub fn RateCardTable(provider: String) -> impl IntoView {
    let id = StoredValue::new(provider);
    let caption_id = unique_id("rate-card");
    let labelled_by = format!(
        "{caption_id} {}",
        crate::domain::anchor::quote(&id.get_value())
    );
    view! {
        <div class="table-scroll" role="region" aria-labelledby=labelled_by tabindex="0">
            <table class="rate-card">
                <caption id=caption_id>"Exclusions and rate card"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Item"</th>
                        <th scope="col">"In this quote"</th>
                        <th scope="col">"Rate"</th>
                        <th scope="col">"Adds to year 1"</th>
                    </tr>
                </thead>
                <tbody>
                    {CostItem::ALL
                        .into_iter()
                        .map(|item| view! { <ItemRow provider=id.get_value() item=item /> })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn ItemRow(provider: String, item: CostItem) -> impl IntoView {
    let lib = Lib::get();
    let doc = doc();
    let cmp = expect_context::<Cmp>().0;
    let cur = currency(lib);
    let id = StoredValue::new(provider);
    let terms = Memo::new(move |_| {
        lib.0.with(|l| {
            l.active()
                .pricing
                .quote(&id.get_value())
                .map(|q| (q.card.get(item), q.model == ModelKind::Hybrid))
                .unwrap_or_default()
        })
    });
    let hybrid_projects = move || item == CostItem::ProjectWork && terms.get().1;
    let year1 = move || {
        cmp.with(|c| {
            c.quote(&id.get_value())
                .and_then(|q| q.totals.items.iter().find(|l| l.item == item).cloned())
        })
    };
    let shown = move || match year1() {
        Some(line) if line.cover == Cover::Rated => money(cur.get(), line.year1),
        Some(line) if line.cover == Cover::NoRate && line.needed => "Unknown".to_owned(),
        Some(line) if line.cover == Cover::NoRate => "Not needed".to_owned(),
        _ => "Included".to_owned(),
    };
    let answers = use_context::<CoverAnswers>();
    let unanswered = move || answers.is_some_and(|a| a.given.with(|g| !g.contains(&item)));
    let select_id = match answers {
        Some(_) => cover_anchor(item),
        None => unique_id("cover"),
    };
    let rate_id = answers.map(|_| rate_anchor(item));
    let set_cover = move |ev| {
        if let Some(c) = Cover::from_key(&event_target_value(&ev)) {
            doc.send(PricingEdit::Quote(
                id.get_value(),
                QuoteEdit::Cover(item, c),
            ));
            if let Some(a) = answers {
                a.give.run(item);
            }
        }
    };
    let rate_label = format!("{} rate {}", item.label(), item.unit().per());
    view! {
        <tr>
            <th scope="row">{item.label()}</th>
            <td>
                <Show
                    when=move || !hybrid_projects()
                    fallback=|| view! { <span>"Billed at the hybrid project rate"</span> }
                >
                    <label class="visually-hidden" for=select_id.clone()>
                        {format!("{} in this quote", item.label())}
                    </label>
                    <select id=select_id.clone() on:change=set_cover>
                        <Show when=unanswered>
                            <option value="" selected disabled>
                                "Choose…"
                            </option>
                        </Show>
                        {Cover::ALL
                            .into_iter()
                            .map(|c| {
                                view! {
                                    <option
                                        value=c.key()
                                        selected=move || !unanswered() && terms.get().0.cover == c
                                    >
                                        {c.label()}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </Show>
            </td>
            <td>
                <Show when=move || !hybrid_projects() && terms.get().0.cover == Cover::Rated>
                    <MoneyField
                        label=rate_label.clone()
                        value=Signal::derive(move || terms.get().0.rate)
                        on_change=Callback::new(move |v| typed_quote(
                            doc,
                            &id.get_value(),
                            item.key(),
                            QuoteEdit::ItemRate(item, v),
                        ))
                        currency=cur
                        hide_label=true
                        suffix=item.unit().each()
                        id=rate_id.clone()
                        blank_when_zero=true
                    />
                </Show>
            </td>
            <td class:unknown=move || shown() == "Unknown" data-label="Adds to year 1">
                {shown}
            </td>
        </tr>
    }
}
