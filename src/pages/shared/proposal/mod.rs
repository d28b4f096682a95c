//! The page a provider sees when it opens a request for proposal: written for the MSP,
//! with no sign-up and nothing sent anywhere. The draft response autosaves in this
//! browser (`browser::drafts`); the provider sends it back as a link or a file.
//!
//! The quote is filled in with the pricing comparison's own fields, over a workspace
//! of one quote made from the request (its counts, use and RACI), so the provider sees
//! the all-in figures and rate-card findings exactly as the buyer will.

mod about;
mod open;
mod positions;
mod questions;
mod send;

use leptos::prelude::*;

use crate::browser::drafts;
use crate::browser::state::Lib;
use crate::components::typing::Refused;
use crate::domain::library::Library;
use crate::domain::pricing::quote::Quote;
use crate::domain::proposal::{Request, Response};
use crate::domain::provider::Provider;
use crate::domain::workspace::Workspace;
use crate::tools::pricing::outcome::QuoteOutcome;
use crate::tools::pricing::quote_fields::{ContractFields, ModelFields};
use crate::tools::pricing::rate_card::{CoverAnswers, RateCardTable};
use crate::tools::pricing::{comparison, PricingDoc};

/// The quote's provider id inside the page's one-quote workspace.
const SELF: &str = "you";

/// The request and the response being written, for the page's sections.
#[derive(Clone, Copy)]
pub struct Draft {
    pub request: StoredValue<Request>,
    pub response: RwSignal<Response>,
}

impl Draft {
    pub fn get() -> Draft {
        expect_context::<Draft>()
    }

    /// Changes the response; the draft saves itself.
    pub fn edit(self, change: impl FnOnce(&Request, &mut Response)) {
        self.request
            .with_value(|request| self.response.update(|r| change(request, r)));
    }
}

/// A workspace holding only this provider's quote, with the request's counts, use,
/// company size and RACI, for the pricing fields and their figures.
fn one_quote(request: &Request, quote: &Quote) -> Workspace {
    let mut ws = Workspace::new("proposal".into(), request.provider.clone(), 0);
    ws.profile.employees = request.buyer.employees.max(1);
    ws.profile.internal_it = request.buyer.internal_it.min(ws.profile.employees);
    ws.profile.industry = request.buyer.industry;
    ws.providers = vec![Provider {
        id: SELF.into(),
        name: request.provider.clone(),
    }];
    ws.pricing.env = request.env.clone();
    ws.pricing.usage = request.usage.clone();
    ws.pricing.quotes = vec![Quote {
        provider: SELF.into(),
        ..quote.clone()
    }];
    ws.raci = request.raci.clone().into();
    ws
}

/// The id of a question's heading, for "Go to" from the list of open parts.
fn question_anchor(id: &str) -> String {
    format!("question-{id}")
}

/// The id of a RACI function's name above its position.
fn function_anchor(id: crate::domain::raci::Id) -> String {
    format!("function-{id}")
}

fn unsaved(why: String) -> String {
    format!("{why} Your answers stay on this page; send them before you close it.")
}

/// The response the page starts from, what to say about it at the top, and whether the
/// page keeps its edits. A re-sent request keeps its id: the draft carries on, answering
/// the latest version, and the page says what that means for the answers already written.
/// An older link opened after a newer one starts blank and keeps nothing: the draft
/// answers the newer version.
fn start(request: &Request) -> (Response, Option<String>, bool) {
    let address = crate::browser::router::location_hash_raw();
    if let Some(at) = drafts::newer_seen(&request.id, request.made_ms, request.sum(), &address) {
        return (Response::blank(request), Some(about::older_text(at)), false);
    }
    let mut start = drafts::load(&request.id).unwrap_or_else(|| Response::blank(request));
    let resent = (start.request_sum != request.sum()).then(|| {
        let dropped = start.drop_removed(request);
        let rows = start.settle_changed_rows(request);
        let reworded: Vec<String> = (request.questions.iter())
            .filter(|q| start.reworded(q))
            .map(|q| q.name.clone())
            .collect();
        about::resent_text(&reworded, dropped, &rows)
    });
    start.request_sum = request.sum();
    start.provider = request.provider.clone();
    start.count_covers();
    (start, resent, true)
}

#[component]
pub fn ProviderPage(request: Request) -> impl IntoView {
    let (start, note, keep) = start(&request);
    let (note, keep) = (RwSignal::new(note), StoredValue::new(keep));
    // A newer version opened in another tab takes the draft from here on.
    let (made_ms, sum) = (request.made_ms, request.sum());
    drafts::watch_newer(&request.id, made_ms, sum, move |at| {
        keep.set_value(false);
        note.set(Some(about::older_text(at)));
    });
    let response = RwSignal::new(start);
    let lib = Lib(RwSignal::new(Library::new(one_quote(
        &request,
        &response.with_untracked(|r| r.quote.clone()),
    ))));
    let draft = Draft {
        request: StoredValue::new(request),
        response,
    };
    provide_context(draft);
    provide_context(Refused::default());
    provide_context(CoverAnswers {
        given: Signal::derive(move || response.with(|r| r.covers.clone().unwrap_or_default())),
        give: Callback::new(move |item| response.update(|r| r.give_cover(item))),
    });
    provide_context(lib);
    let doc = PricingDoc::new(lib);
    provide_context(doc);
    provide_context(comparison(lib));
    Effect::new(move |_| {
        let quote = lib.0.with(|l| l.active().pricing.quote(SELF).cloned());
        if let Some(quote) = quote {
            let quote = Quote {
                provider: String::new(),
                ..quote
            };
            response.update(|r| {
                if r.quote != quote {
                    r.quote = quote;
                }
            });
        }
    });
    let save_error = RwSignal::new(None::<String>);
    // The draft last taken from another tab, which is already saved: writing it back
    // could write over a newer save of that tab.
    let adopted = StoredValue::new(None::<Response>);
    Effect::new(move |_| {
        let taken = response.with(|r| adopted.with_value(|a| a.as_ref() == Some(r)));
        if keep.get_value() && !taken {
            save_error.set(response.with(drafts::save).err());
        }
    });
    // The same request open in another tab: its edits show here as they are saved.
    let id = draft.request.with_value(|r| r.id.clone());
    drafts::follow(id, move |mut other| {
        // A tab opened from an older link of the request answers that version.
        if !keep.get_value() || other.request_sum != sum {
            return;
        }
        // Counted before it is marked as taken: counted after, it would read as an edit
        // of this tab's and be written back.
        other.count_covers();
        adopted.set_value(Some(other.clone()));
        let quote = Quote {
            provider: SELF.into(),
            ..other.quote.clone()
        };
        response.set(other);
        lib.0.update(|l| {
            if let Some(q) = l.active_mut().pricing.quote_mut(SELF) {
                *q = quote;
            }
        });
    });
    view! {
        <div class="proposal">
            <about::About />
            <div role="status">
                {move || note.get().map(|t| view! { <p class="notice warning">{t}</p> })}
            </div>
            <about::ProgressLine />
            <p class="field-error" role="alert">
                {move || save_error.get().map(unsaved)}
            </p>
            <section class="panel" aria-labelledby="proposal-quote">
                <h2 id="proposal-quote">"1. Your quote"</h2>
                <p class="hint">
                    "Choose how you charge, then fill in the rates, fees and terms. For each item \
                        commonly left out of a contract, say whether your quote includes it and, \
                        if not, at what rate. The figures below use the buyer's own counts and \
                        expected use, as their comparison will."
                </p>
                // `pricing`: the editor's tables take the pricing page's table styles.
                <div class="quote-edit pricing">
                    <ModelFields provider=SELF.to_owned() />
                    <ContractFields provider=SELF.to_owned() />
                    <RateCardTable provider=SELF.to_owned() />
                </div>
                <h3>"What the buyer's comparison will show"</h3>
                <QuoteOutcome provider=SELF.to_owned() alone=true />
            </section>
            <questions::Questions />
            <positions::Positions />
            <send::Send />
        </div>
    }
}
