//! One line per provider of the summary table: its score and rank, its knock-outs, what
//! its quote costs and ranks, and what is still open.

use crate::domain::pricing::benchmarks::UserBand;
use crate::domain::pricing::compare::{Comparison, QuoteView};
use crate::domain::pricing::crosscheck::Finding as Gap;
use crate::domain::pricing::exclusions::CostItem;
use crate::domain::pricing::money::{Cents, Currency};
use crate::domain::provider::Provider;
use crate::domain::scorecard::scoring::{Place, Results};
use crate::domain::text::lower;

/// What the brief shows of a provider's quote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Price {
    /// The model's rates are filled in; until then the figures are not ranked.
    pub priced: bool,
    pub term: u32,
    pub total: Cents,
    /// 1 is the lowest total contract value of the providers that can be chosen; `None`
    /// when unpriced or knocked out.
    pub total_rank: Option<usize>,
    pub year1: Cents,
    /// 1 is the lowest all-in year 1, ranked the same way.
    pub year1_rank: Option<usize>,
    /// The total contract value per user a month.
    pub per_user_month: Option<Cents>,
    /// The quoted rate per user a month and where it sits in the bands, which are about
    /// quoted rates: an all-in figure held against them would read as overpriced.
    pub band: Option<(Cents, UserBand)>,
    /// Excluded with no rate and expected to be used: costs the totals leave out.
    pub unknown: Vec<CostItem>,
    /// Work the RACI gives the MSP that this quote leaves out.
    pub gaps: Vec<Gap>,
    /// Whether the RACI gives the MSP any work to check the quote against: with none,
    /// no gaps means nothing was checked, not that there are none.
    pub gaps_checked: bool,
}

/// One provider's line.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub provider: Provider,
    pub score: Option<f64>,
    pub place: Place,
    /// The texts of its ticked red flags.
    pub knock_outs: Vec<String>,
    /// `None`: no quote in the pricing comparison.
    pub price: Option<Price>,
    /// Its own questions to settle (the RACI's are asked of every provider besides).
    pub questions: usize,
    /// Weighted criteria not scored yet for it: its score covers the others only.
    pub unscored: usize,
}

impl Row {
    pub fn knocked_out(&self) -> bool {
        !self.knock_outs.is_empty()
    }
}

/// The rows, in workspace order. `questions` counts each provider's own questions.
/// Prices rank among the providers that can be chosen, as scores do: a knocked-out
/// provider shows its figures without a rank, so "1 of 2" is the cheapest one left.
pub fn rows(
    providers: &[Provider],
    results: &Results,
    comparison: &Comparison,
    questions: impl Fn(&str) -> usize,
    msp_duties: usize,
) -> Vec<Row> {
    let out = |id: &str| {
        results
            .standing(id)
            .is_some_and(|s| !s.knock_outs.is_empty())
    };
    let year1 = by(comparison.ranked_among(out), |q| q.totals.all_in_year1);
    providers
        .iter()
        .map(|p| {
            let standing = results.standing(&p.id);
            Row {
                provider: p.clone(),
                score: standing.and_then(|s| s.total),
                place: standing.map_or(Place::NotScored, |s| s.place.clone()),
                knock_outs: standing.map(|s| s.knock_outs.clone()).unwrap_or_default(),
                price: comparison.quote(&p.id).map(|q| {
                    let ranks = (
                        comparison.rank_among(&p.id, out).map(|(place, _)| place),
                        year1.iter().position(|q| q.provider == p.id).map(|i| i + 1),
                    );
                    price(q, comparison.currency, ranks, msp_duties > 0)
                }),
                questions: questions(&p.id),
                unscored: standing.map_or(0, |s| s.open.len()),
            }
        })
        .collect()
}

fn price(
    q: &QuoteView,
    cur: Currency,
    ranks: (Option<usize>, Option<usize>),
    gaps_checked: bool,
) -> Price {
    let t = &q.totals;
    let priced = q.rank.is_some();
    let per_user_month = t.per_user_month.filter(|_| priced);
    Price {
        priced,
        term: q.term,
        total: t.total,
        total_rank: ranks.0,
        year1: t.all_in_year1,
        year1_rank: ranks.1,
        per_user_month,
        // The bands are US-dollar figures: held against another currency they would mislead.
        band: q
            .per_user_rate
            .filter(|_| priced && cur == Currency::Usd)
            .map(|rate| (rate, UserBand::of(rate))),
        unknown: t.unknown(),
        gaps: q.findings.clone(),
        gaps_checked,
    }
}

/// `quotes` ordered by a figure, lowest first, equal figures by name: the comparison's
/// rule for its ranking by total contract value.
fn by(mut quotes: Vec<&QuoteView>, figure: impl Fn(&QuoteView) -> Cents) -> Vec<&QuoteView> {
    crate::domain::order::sort_by(&mut quotes, |a, b| {
        figure(a)
            .cmp(&figure(b))
            .then_with(|| lower(&a.name).cmp(&lower(&b.name)))
    });
    quotes
}

/// The words of each cell, shared by the page, the print layout and the Markdown.
impl Row {
    /// "82.4 (1 of 3)", "71.0, knocked out", "Not scored".
    pub fn score_text(&self, ranked: usize) -> String {
        let score = self
            .score
            .map(crate::domain::scorecard::sensitivity::points);
        // A score over part of the criteria says so, as the scorecard's results do.
        let part = match self.unscored {
            0 => String::new(),
            1 => ", 1 criterion not scored".to_owned(),
            n => format!(", {n} criteria not scored"),
        };
        match (&self.place, score) {
            (Place::Ranked(r), Some(s)) => format!("{s} ({r} of {ranked}{part})"),
            (Place::KnockedOut, Some(s)) => format!("{s}, knocked out{part}"),
            _ => "Not scored".to_owned(),
        }
    }

    pub fn knock_out_text(&self) -> String {
        if self.knock_outs.is_empty() {
            "None".to_owned()
        } else {
            self.knock_outs.join("; ")
        }
    }

    /// "$412,020 over 36 months (2 of 3)", "$229,500 over 36 months, knocked out", "No
    /// quote", "Not priced yet". `priced` counts the quotes ranked (see `total_rank`).
    pub fn total_text(&self, cur: Currency, priced: usize) -> String {
        match &self.price {
            None => "No quote".to_owned(),
            Some(p) if !p.priced => "Not priced yet".to_owned(),
            Some(p) => format!(
                "{} over {}{}",
                cur.total(p.total),
                crate::domain::text::months(p.term),
                self.rank_suffix(p.total_rank, priced)
            ),
        }
    }

    pub fn year1_text(&self, cur: Currency, priced: usize) -> String {
        match &self.price {
            Some(p) if p.priced => {
                format!(
                    "{}{}",
                    cur.total(p.year1),
                    self.rank_suffix(p.year1_rank, priced)
                )
            }
            _ => "–".to_owned(),
        }
    }

    /// "$98.40, within the common $65 to $120" where the all-in figure is the quoted
    /// rate; "$122.51 averaged over the contract; its $100 rate is within the common $65 to
    /// $120" where fees, exclusions or the escalator add to it. Other currencies and models without a rate get no band.
    pub fn per_user_text(&self, cur: Currency) -> String {
        let Some(price) = &self.price else {
            return "–".to_owned();
        };
        match (price.per_user_month, price.band) {
            (Some(all_in), Some((rate, band))) if all_in == rate => {
                format!("{}, {}", cur.format(all_in), band.label())
            }
            // The average over the whole contract (fees, escalator, growth), which a
            // reader would not find beside year 1's figure under "all-in".
            (Some(all_in), Some((rate, band))) => format!(
                "{} averaged over the contract; its {} rate is {}",
                cur.format(all_in),
                cur.format(rate),
                band.label()
            ),
            (Some(all_in), None) => cur.format(all_in),
            (None, _) => "–".to_owned(),
        }
    }

    pub fn unknown_text(&self) -> String {
        match &self.price {
            Some(p) if !p.unknown.is_empty() => {
                let labels: Vec<&str> = p.unknown.iter().map(|i| i.label()).collect();
                labels.join("; ")
            }
            Some(_) => "None".to_owned(),
            None => "–".to_owned(),
        }
    }

    /// "After-hours incident response (no rate); Project work (billed on top)".
    pub fn gaps_text(&self) -> String {
        match &self.price {
            Some(p) if !p.gaps.is_empty() => p
                .gaps
                .iter()
                .map(|g| {
                    let how = if g.no_rate {
                        "no rate"
                    } else {
                        "billed on top"
                    };
                    format!("{} ({how})", g.item.label())
                })
                .collect::<Vec<_>>()
                .join("; "),
            Some(p) if !p.gaps_checked => "Not checked: the RACI gives the MSP no work yet".into(),
            Some(_) => "None".to_owned(),
            None => "–".to_owned(),
        }
    }
}

impl Row {
    /// Says why a priced quote has no rank, as the score cell does.
    fn rank_suffix(&self, rank: Option<usize>, of: usize) -> String {
        match rank {
            Some(r) => format!(" ({r} of {of})"),
            None if self.knocked_out() => ", knocked out".to_owned(),
            None => String::new(),
        }
    }
}
