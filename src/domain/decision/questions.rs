//! The questions to settle before signing, generated from what the three tools know.
//! Each names where it came from, so the buyer can go there and see why.

use crate::domain::anchor;
use crate::domain::pricing::benchmarks::{USUAL_MAX_TERM, USUAL_NOTICE_DAYS};
use crate::domain::pricing::compare::QuoteView;
use crate::domain::pricing::exclusions::{CostItem, Cover};
use crate::domain::pricing::quote::Quote;
use crate::domain::provider::Provider;
use crate::domain::raci::checks::{Finding, Report, Rule, Target};
use crate::domain::raci::same_fix;
use crate::domain::raci::{Raci, Side};
use crate::domain::route::Route;
use crate::domain::scorecard::knockout;
use crate::domain::scorecard::model::Criterion;
use crate::domain::scorecard::sensitivity::number;
use crate::domain::scorecard::tab::Tab;
use crate::domain::scorecard::table::{effective, Effective};
use crate::domain::scorecard::Scorecard;
use crate::domain::text::possessive;

/// A score at or under this is weak enough to question before signing.
pub const WEAK_SCORE: f64 = 2.0;
/// Up to this many unscored criteria get a question each; more share one.
const MAX_UNSCORED_ONE_EACH: usize = 5;
/// How many of the unscored criteria the one question names.
const NAMED_UNSCORED: usize = 3;

/// One question, and where it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Question {
    pub text: String,
    /// Where in the tools it came from, in a few words ("Rate card", "RACI: Backups").
    pub from: String,
    /// The page (and view) that holds it.
    pub href: String,
}

fn ask(href: impl Into<String>, from: impl Into<String>, text: String) -> Question {
    Question {
        text,
        from: from.into(),
        href: href.into(),
    }
}

/// A provider's questions: red flags first, then its quote, then its weak scores.
pub fn for_provider(
    provider: &Provider,
    sc: &Scorecard,
    quote: Option<(&Quote, &QuoteView)>,
) -> Vec<Question> {
    let mut out = red_flags(provider, sc);
    match quote {
        Some((q, view)) => quote_questions(provider, q, view, &mut out),
        None => out.push(ask(
            Route::Pricing.href(),
            "Pricing comparison",
            format!(
                "No quote yet: ask {} for a priced quote with every exclusion on a rate card line.",
                provider.name
            ),
        )),
    }
    out.extend(weak_scores(provider, sc));
    out
}

fn red_flags(provider: &Provider, sc: &Scorecard) -> Vec<Question> {
    let at = anchor::at(&Tab::KnockOuts.href(), &anchor::knockouts(&provider.id));
    let theirs = knockout::by_others(sc, &provider.id);
    let settle = (!theirs.is_empty()).then(|| {
        ask(
            at.clone(),
            "Red flags",
            format!(
                "Other evaluators ticked red flags for {} ({}): settle them with the panel. \
                 Only a flag ticked on your card knocks them out.",
                provider.name,
                knockout::by_others_phrase(&theirs)
            ),
        )
    });
    knockout::reasons(sc, &provider.id)
        .into_iter()
        .map(|ko| {
            let seen = if ko.note.trim().is_empty() {
                String::new()
            } else {
                format!(" (you noted: “{}”)", ko.note.trim())
            };
            ask(
                at.clone(),
                "Red flags",
                format!(
                    "You ticked the red flag “{}”{seen}: ask {} to answer it in writing. It \
                     knocks them out until you untick it.",
                    ko.text, provider.name
                ),
            )
        })
        .chain(settle)
        .collect()
}

fn quote_questions(provider: &Provider, q: &Quote, view: &QuoteView, out: &mut Vec<Question>) {
    let name = &provider.name;
    let href = anchor::at(Route::Pricing.href(), &anchor::quote(&provider.id));
    if view.rank.is_none() {
        out.push(ask(
            &*href,
            "Pricing comparison",
            format!(
                "The quote has no price yet: type in the rates from {} quote.",
                possessive(name)
            ),
        ));
    }
    for line in &view.totals.items {
        if line.cover != Cover::NoRate {
            continue;
        }
        let gap = view.findings.iter().find(|f| f.item == line.item);
        let text = match gap {
            _ if line.rate_missing => format!(
                "Type in {} rate for {} from the quote: until it is, it counts as an unknown \
                 cost.",
                possessive(name),
                line.item.phrase()
            ),
            Some(f) => format!("{} Ask for a rate card line for it.", f.text),
            None if line.needed => format!(
                "Ask for a rate card line for {}: it is excluded with no rate, so the all-in \
                 figure cannot include the use you expect.",
                line.item.phrase()
            ),
            None => format!(
                "Ask for a rate card line for {}: it is excluded with no rate (you expect no \
                 use of it today).",
                line.item.phrase()
            ),
        };
        out.push(ask(&*href, rate_card_from(gap.is_some()), text));
    }
    for f in view.findings.iter().filter(|f| !f.no_rate) {
        out.push(ask(
            &*href,
            rate_card_from(true),
            format!("{} Ask for it in the base price, or budget for it.", f.text),
        ));
    }
    if q.term() > USUAL_MAX_TERM {
        out.push(ask(
            &*href,
            "Contract terms",
            format!(
                "A {}-month term is longer than the usual 2 to 3 years: ask for an exit clause \
                 and an annual price review.",
                q.term()
            ),
        ));
    }
    if q.notice_days > USUAL_NOTICE_DAYS {
        out.push(ask(
            &*href,
            "Contract terms",
            format!(
                "{} days' notice is longer than the usual {USUAL_NOTICE_DAYS}: ask for \
                 {USUAL_NOTICE_DAYS} days, with data return and tooling handover in writing.",
                q.notice_days
            ),
        ));
    }
}

fn rate_card_from(against_raci: bool) -> &'static str {
    if against_raci {
        "Quote against your RACI"
    } else {
        "Rate card"
    }
}

/// Every weighted criterion scored 2 or lower or not scored yet, on the ranking's basis.
fn weak_scores(provider: &Provider, sc: &Scorecard) -> Vec<Question> {
    // Each question opens at the score cell it is about.
    let cell = |criterion: &str| {
        anchor::at(
            Route::Scorecard.href(),
            &anchor::score_cell(&provider.id, criterion),
        )
    };
    let weighted: Vec<_> = sc
        .ordered()
        .into_iter()
        .filter(|c| c.weight.get() > 0.0)
        .collect();
    let scores: Vec<Option<Effective>> = weighted
        .iter()
        .map(|c| effective(sc, &provider.id, &c.id))
        .collect();
    if !weighted.is_empty() && scores.iter().all(Option::is_none) {
        return vec![ask(
            cell(&weighted[0].id),
            "Scorecard",
            format!(
                "{} is not scored on any of the {} criteria yet: score them during the \
                 evaluation call.",
                provider.name,
                weighted.len()
            ),
        )];
    }
    let unscored: Vec<&Criterion> = weighted
        .iter()
        .zip(&scores)
        .filter(|(_, s)| s.is_none())
        .map(|(c, _)| *c)
        .collect();
    // Past a handful, one question names a few and counts the rest: a list of dozens of
    // "not scored yet" would bury the weak scores that matter.
    let one_each = unscored.len() <= MAX_UNSCORED_ONE_EACH;
    let mut out = Vec::new();
    for (c, score) in weighted.iter().zip(scores) {
        let question = c.question.trim();
        let text = match score {
            None if !one_each => continue,
            None if question.is_empty() => format!("“{}” is not scored yet.", c.name),
            None => format!("“{}” is not scored yet. Ask: {question}", c.name),
            Some(Effective::Points(p)) if p <= WEAK_SCORE => {
                let then = if question.is_empty() {
                    "Ask what would change that.".to_owned()
                } else {
                    format!("Ask again: {question}")
                };
                format!("“{}” scored {} of 5. {then}", c.name, number(p))
            }
            _ => continue,
        };
        out.push(ask(cell(&c.id), format!("Scorecard: {}", c.group), text));
    }
    if !one_each {
        // The first few in the scorecard's order, then a count: the brief asks this of each
        // provider, and thirty names twice over made it a page longer.
        let mut names: Vec<String> = (unscored.iter().take(NAMED_UNSCORED))
            .map(|c| format!("“{}”", c.name))
            .collect();
        if unscored.len() > NAMED_UNSCORED {
            names.push(format!("{} more", unscored.len() - NAMED_UNSCORED));
        }
        out.push(ask(
            cell(&unscored[0].id),
            "Scorecard",
            format!(
                "{} criteria are not scored yet: {}. Score them on the call; the score grid \
                 shows the question to ask for each.",
                unscored.len(),
                crate::domain::text::and_list(&names)
            ),
        ));
    }
    out
}

/// The RACI's findings that involve the MSP: one list, asked of every provider, with the
/// findings of one rule and fix asked once.
pub fn for_every_provider(raci: &Raci, report: &Report) -> Vec<Question> {
    let involved = report.findings.iter().filter(|f| involves_msp(raci, f));
    same_fix::lines(raci, involved)
        .into_iter()
        .map(|line| {
            let from = match line.function {
                Some(name) => format!("RACI: {name}"),
                None => "RACI".to_owned(),
            };
            let href = match line.first {
                Some(function) => anchor::at(Route::Raci.href(), &anchor::raci_row(function)),
                None => Route::Raci.href().to_owned(),
            };
            ask(href, from, format!("{} {}", line.what, line.fix))
        })
        .collect()
}

/// Whether settling a finding needs the MSP: it names an MSP party, its function gives
/// the MSP a role or a shift, its function has no one at all yet (a function the buyer
/// added: whoever takes it may be the MSP), or it is about what the MSP hands back on exit.
pub fn involves_msp(raci: &Raci, f: &Finding) -> bool {
    let msp = |id| raci.side_of(id) == Some(Side::Msp);
    // An outside party accountable for compliance (not the MSP) is asked of the MSP only
    // when the function gives it a role: the cell below names the party.
    if matches!(f.rule, Rule::MissingExit | Rule::MissingToolOwnership) {
        return true;
    }
    let named = match f.target {
        Target::Cell { party, .. } | Target::Party(party) => msp(party),
        _ => false,
    };
    // Tidying the buyer's own letters (an A/I of internal IT) is nothing to ask a provider.
    if f.rule == Rule::MixedLetters {
        return named;
    }
    named
        || f.function
            .and_then(|id| raci.function(id))
            .is_some_and(|func| {
                let nobody = func.roles.values().all(|l| l.is_empty())
                    && func.day_owner.is_none()
                    && func.night_owner.is_none();
                nobody
                    || func.roles.iter().any(|(p, l)| msp(*p) && !l.is_empty())
                    || func.day_owner.is_some_and(msp)
                    || func.night_owner.is_some_and(msp)
            })
}

/// The unpriced items of a quote the buyer expects to use, as a phrase.
pub fn unknown_phrase(items: &[CostItem]) -> String {
    let phrases: Vec<&str> = items.iter().map(|i| i.phrase()).collect();
    crate::domain::text::and_list(&phrases)
}
