//! The quotes: one card per quote with its fields and what they add up to (`outcome`),
//! the add form and the delete confirmation.

use leptos::prelude::*;

use super::add_quote::AddQuoteForm;
use super::outcome::QuoteOutcome;
use super::quote_fields::{ContractFields, ModelFields};
use super::rate_card::RateCardTable;
use crate::browser::state::Lib;
use crate::components::change_note::ChangeNote;
use crate::components::confirm::{ConfirmDialog, Pending};
use crate::components::focus_later;
use crate::components::typing::FieldPlace;
use crate::domain::pricing::compare::MISSING_PROVIDER;
use crate::domain::pricing::edit::PricingEdit;
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
    // The delete is a step like any other: the panel says so where the quote was, with
    // its own Undo, as the page's Undo may be a long way up.
    let deleted = ChangeNote::new(lib);
    let gone = StoredValue::new(String::new());
    let delete = pending.then(move |id| {
        let name = doomed_name.get_untracked();
        doc.send(PricingEdit::RemoveQuote(id.to_owned()));
        gone.set_value(id.to_owned());
        deleted.say(format!("Deleted the quote from {name}."));
    });
    // While the note shows, the delete is the newest step (a later one ends the note),
    // but Undo first puts back any refused entry typed since: those go too.
    let undo_delete = move |_| {
        let back = move || ids.with_untracked(|ids| gone.with_value(|g| ids.contains(g)));
        let mut tries = 0;
        while !back() && tries < 20 && doc.undo() {
            tries += 1;
        }
        if back() {
            focus_later(crate::domain::anchor::quote(&gone.get_value()));
        }
    };
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
            <div role="status" class="no-print">
                <Show when=move || !deleted.text().is_empty()>
                    <div class="notice info">
                        <p>{move || deleted.text()}</p>
                        <button type="button" class="secondary small" on:click=undo_delete>
                            "Undo"
                            <span class="visually-hidden">" the delete"</span>
                        </button>
                    </div>
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
                message="The quote and its rate card are removed, until you undo it. The \
                provider stays in the workspace for the scorecard."
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
