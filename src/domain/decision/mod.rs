//! The decision brief (issue 13): one page that joins the RACI, the scorecard and the
//! quotes into a recommendation. Everything it shows is computed here, from the open
//! workspace; the page only renders it, and nothing new is stored.

pub mod frontier;
pub mod markdown;
pub mod questions;
pub mod readiness;
pub mod recommend;
pub mod reversal;
pub mod row;
pub mod value;

#[cfg(test)]
pub(crate) mod example;

use frontier::{frontier, Frontier};
use questions::Question;
use readiness::Readiness;
use recommend::{recommend, Inputs, Recommendation};
use row::Row;
use value::{place, Placement};

use crate::domain::pricing::compare::{compare, Comparison};
use crate::domain::pricing::money::Currency;
use crate::domain::raci::checks::check;
use crate::domain::scorecard::model::Basis;
use crate::domain::scorecard::scoring::{results, Results};
use crate::domain::workspace::Workspace;

/// A provider's own questions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Asked {
    pub provider: String,
    pub name: String,
    pub questions: Vec<Question>,
}

/// The whole brief of a workspace.
#[derive(Clone, Debug, PartialEq)]
pub struct Brief {
    pub currency: Currency,
    /// Whose scores the ranking uses, in words: "your own" or "the mean of 3 evaluators'
    /// scores", followed by ", with 2 agreed scores" when the lead has agreed any.
    pub basis: String,
    /// What the prices are for: "Prices are for 75 users, … growing 3% a year, in USD."
    pub figures: String,
    pub rows: Vec<Row>,
    pub placement: Placement,
    pub frontier: Frontier,
    pub recommendation: Recommendation,
    /// Per provider, in workspace order.
    pub asked: Vec<Asked>,
    /// The RACI's findings that involve the MSP: settle them with whichever provider wins.
    pub asked_of_all: Vec<Question>,
    pub readiness: Readiness,
    /// The scorecard's sensitivity verdict, for the summary.
    pub results: Results,
    pub comparison: Comparison,
}

impl Brief {
    pub fn build(ws: &Workspace) -> Brief {
        // A knocked-out provider cannot be chosen, whatever the scorecard page shows.
        let mut sc = ws.scorecard.clone();
        sc.show_knocked_out = false;
        let results = results(&sc, &ws.providers);
        let duties = ws.raci.msp_duties();
        let comparison = compare(&ws.pricing, &ws.profile, &ws.providers, &duties);
        let report = check(&ws.raci);
        let asked: Vec<Asked> = ws
            .providers
            .iter()
            .map(|p| {
                let quote = ws.pricing.quote(&p.id).zip(comparison.quote(&p.id));
                Asked {
                    provider: p.id.clone(),
                    name: p.name.clone(),
                    questions: questions::for_provider(p, &sc, quote),
                }
            })
            .collect();
        let count = |id: &str| {
            asked
                .iter()
                .find(|a| a.provider == id)
                .map_or(0, |a| a.questions.len())
        };
        // The verdict the recommendation weighs is among the providers it can choose (a
        // price, not knocked out): criteria left to score for one with no quote cannot
        // change the choice, and must not say it is unsettled.
        let choosable: Vec<_> = ws
            .providers
            .iter()
            .filter(|p| comparison.quote(&p.id).is_some_and(|q| q.rank.is_some()))
            .filter(|p| {
                results
                    .standing(&p.id)
                    .is_none_or(|s| s.knock_outs.is_empty())
            })
            .cloned()
            .collect();
        let contest = choosable.len() >= 2;
        let among_choosable = (contest && choosable.len() < ws.providers.len())
            .then(|| crate::domain::scorecard::scoring::results(&sc, &choosable).sensitivity);
        let rows = row::rows(&ws.providers, &results, &comparison, count, duties.len());
        let placement = place(&ws.providers, &results, &comparison);
        let frontier = frontier(&placement.points);
        let readiness = readiness::readiness(&ws.raci, duties.len(), &report, &comparison);
        let recommendation = recommend(&Inputs {
            rows: &rows,
            placement: &placement,
            frontier: &frontier,
            sensitivity: among_choosable.as_ref().unwrap_or(&results.sensitivity),
            contest,
            leader: results.sensitivity.winner.as_ref(),
            standings: &results.standings,
            comparison: &comparison,
            pricing: &ws.pricing,
            profile: &ws.profile,
            blockers: readiness.blocking,
        });
        Brief {
            currency: comparison.currency,
            basis: basis(&sc),
            figures: figures(&comparison, ws.pricing.env.growth_bps),
            asked_of_all: questions::for_every_provider(&ws.raci, &report),
            rows,
            placement,
            frontier,
            recommendation,
            asked,
            readiness,
            results,
            comparison,
        }
    }
}

/// The environment every price is worked out for, as the pricing comparison states it:
/// an approver (or a colleague opening a shared comparison) reading "$118,300 all-in"
/// must know what it assumes.
pub fn figures(c: &Comparison, growth_bps: crate::domain::pricing::money::Bps) -> String {
    use crate::domain::pricing::money::percent_text;
    use crate::domain::text::counted as count;
    let n = c.counts;
    let growth = match growth_bps {
        0 => "with no growth".to_owned(),
        g if g < 0 => format!("shrinking {}% a year", percent_text(-g)),
        g => format!("growing {}% a year", percent_text(g)),
    };
    format!(
        "Prices are for {}, {}, {} and {}, {growth}, in {}.",
        count(n.users, "user", "users"),
        count(n.workstations, "workstation", "workstations"),
        count(n.servers, "server", "servers"),
        count(n.network, "network device", "network devices"),
        c.currency.code()
    )
}

fn basis(sc: &crate::domain::scorecard::Scorecard) -> String {
    let agreed: usize = sc.agreed.values().map(|row| row.len()).sum();
    let mean = sc.basis == Basis::Mean && sc.others_visible() && !sc.others.is_empty();
    let base = if mean {
        format!("the mean of {} evaluators' scores", sc.others.len() + 1)
    } else {
        "your own".to_owned()
    };
    match agreed {
        0 => base,
        1 => format!("{base}, with 1 agreed score"),
        n => format!("{base}, with {n} agreed scores"),
    }
}

impl Brief {
    /// How many providers the scorecard ranks (knocked-out ones never are here).
    pub fn ranked(&self) -> usize {
        self.results.ranked().count()
    }

    /// How many quotes the brief ranks on price: priced, of a provider not knocked out.
    pub fn priced(&self) -> usize {
        self.rows
            .iter()
            .filter(|r| r.price.as_ref().is_some_and(|p| p.total_rank.is_some()))
            .count()
    }

    /// The name of a provider of the workspace, by id.
    pub fn name<'a>(&'a self, id: &'a str) -> &'a str {
        self.rows
            .iter()
            .find(|r| r.provider.id == id)
            .map_or(id, |r| r.provider.name.as_str())
    }

    /// The value chart in words: who is on the frontier, what each step up costs, and who
    /// is not on the chart and why (also the chart's text alternative).
    pub fn value_lines(&self) -> Vec<String> {
        let cur = self.currency;
        let mut out = Vec::new();
        if !self.frontier.providers.is_empty() {
            let names: Vec<&str> = self
                .frontier
                .providers
                .iter()
                .map(|id| self.name(id))
                .collect();
            out.push(format!(
                "Best value (no provider you can choose is both better and cheaper): {}.",
                crate::domain::text::and_list(&names)
            ));
        }
        for s in &self.frontier.steps {
            out.push(s.sentence(|id| self.name(id).to_owned(), cur, self.placement.per_year));
        }
        for p in self.placement.points.iter().filter(|p| p.knocked_out) {
            out.push(format!(
                "{} is knocked out: {} points for {}{}, not on the best-value line.",
                self.name(&p.provider),
                crate::domain::scorecard::sensitivity::points(p.score),
                cur.total(p.cost),
                if self.placement.per_year {
                    " a year"
                } else {
                    ""
                }
            ));
        }
        for (id, lacks) in &self.placement.missing {
            let why = match lacks {
                value::Missing::Score => "not scored yet",
                value::Missing::Price => "no priced quote yet",
                value::Missing::Both => "not scored and no priced quote yet",
            };
            out.push(format!("{} is not on the chart: {why}.", self.name(id)));
        }
        if out.is_empty() {
            out.push(
                "Nothing to chart yet: a provider appears here once it has both scores and a \
                 priced quote."
                    .into(),
            );
        }
        out
    }
}
