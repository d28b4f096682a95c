//! The recommendation in plain words: the best-scoring provider the buyer can choose
//! (not knocked out, scored and priced: the top of the efficient frontier), how robust
//! that choice is, and what must be settled before signing.

use super::frontier::{Frontier, Point};
use super::questions::unknown_phrase;
use super::reversal::rate_to_exceed;
use super::row::Row;
use super::value::{Missing, Placement};
use crate::domain::pricing::compare::{less_a_year, Comparison};
use crate::domain::pricing::exclusions::CostItem;
use crate::domain::pricing::money::{Cents, Currency};
use crate::domain::pricing::Pricing;
use crate::domain::profile::CompanyProfile;
use crate::domain::provider::Provider;
use crate::domain::scorecard::scoring::Standing;
use crate::domain::scorecard::sensitivity::{points, Sensitivity, Unscored, Verdict};
use crate::domain::scorecard::table::TIE_EPSILON;

/// What the brief recommends, and why.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Recommendation {
    pub provider: Option<Provider>,
    pub headline: String,
    /// How robust the choice is: the scorecard's verdict, the price gap, unknown costs.
    pub robustness: Vec<Line>,
    /// What must be settled before signing.
    pub settle: Vec<String>,
}

/// One line of how robust the choice is: its topic, shown as a run-in heading (the
/// scorecard's verdict has a colon of its own, so the topic cannot end in one), and
/// what it says.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub topic: &'static str,
    pub text: String,
}

impl Line {
    fn new(topic: &'static str, text: impl Into<String>) -> Self {
        Line {
            topic,
            text: text.into(),
        }
    }
}

impl std::fmt::Display for Line {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}. {}", self.topic, self.text)
    }
}

/// Everything the recommendation reads.
pub struct Inputs<'a> {
    pub rows: &'a [Row],
    pub placement: &'a Placement,
    pub frontier: &'a Frontier,
    /// The scorecard's verdict among the providers the brief can choose (a price, no red
    /// flag); among all it ranks when fewer than two can be chosen.
    pub sensitivity: &'a Sensitivity,
    /// Whether two or more providers can be chosen: only then can close scores decide.
    pub contest: bool,
    /// The scorecard's leader among every provider it ranks.
    pub leader: Option<&'a Provider>,
    /// What each provider's score can still become (`Standing::floor`, `ceiling`).
    pub standings: &'a [Standing],
    pub comparison: &'a Comparison,
    pub pricing: &'a Pricing,
    pub profile: &'a CompanyProfile,
    /// RACI findings that block a Statement of Work.
    pub blockers: usize,
}

pub fn recommend(i: &Inputs) -> Recommendation {
    let cur = i.comparison.currency;
    let name = |id: &str| {
        i.rows
            .iter()
            .find(|r| r.provider.id == id)
            .map_or(id.to_owned(), |r| r.provider.name.clone())
    };
    let Some(top) = i.frontier.providers.last() else {
        return nothing_to_choose(i, &name);
    };
    let point = |id: &str| i.placement.points.iter().find(|p| p.provider == id);
    let Some(top) = point(top) else {
        return nothing_to_choose(i, &name);
    };
    let tied: Vec<String> = i
        .frontier
        .providers
        .iter()
        .filter_map(|id| point(id))
        .filter(|p| (p.score - top.score).abs() <= TIE_EPSILON && p.cost == top.cost)
        .map(|p| name(&p.provider))
        .collect();
    let top_row = i.rows.iter().find(|r| r.provider.id == top.provider);
    let term = top_row.and_then(|r| r.price.as_ref()).map_or(0, |p| p.term);
    let mut out = Recommendation::default();
    if tied.len() > 1 {
        let price = if i.placement.per_year {
            format!("on cost a year ({})", cur.total(top.cost))
        } else {
            format!("on total contract value ({})", cur.total(top.cost))
        };
        out.headline = format!(
            "No single recommendation: {} tie on score ({} points) and {price}.",
            crate::domain::text::and_list(&tied),
            points(top.score),
        );
        out.settle.push("Break the tie: agree the scores that differ least, or ask each provider for its best price.".into());
        return out;
    }
    let top_name = name(&top.provider);
    let open = still_open(i, &top.provider);
    out.headline = if open > 0 {
        // A lead on a few scored criteria is not a choice yet.
        format!(
            "No recommendation yet: {top_name} leads the providers with a priced quote and no \
             red flag ({} points, {} over {}), but {} still to score, enough to change that.",
            points(top.score),
            cur.total(top.total),
            crate::domain::text::months(term),
            Unscored::phrase_for(open)
        )
    } else {
        out.provider = top_row.map(|r| r.provider.clone());
        // Its own unpriced items are not in the total: the headline must not read as all-in.
        let unpriced = top_row
            .and_then(|r| r.price.as_ref())
            .filter(|p| !p.unknown.is_empty())
            .map_or(String::new(), |p| {
                format!(
                    ", plus {}, which it gives no rate for",
                    unknown_phrase(&p.unknown)
                )
            });
        let (pts, total) = (points(top.score), cur.total(top.total));
        let months = crate::domain::text::months(term);
        match score_ties(i, top).as_slice() {
            [] => format!(
                "Choose {top_name}: the highest score of the providers with a priced quote and \
                 no red flag ({pts} points), for {total} over {months}{unpriced}."
            ),
            others => {
                let others: Vec<String> = others.iter().map(|p| name(&p.provider)).collect();
                // By the year when the terms differ: that is what "less" compared.
                let less = if i.placement.per_year {
                    "less a year"
                } else {
                    "less"
                };
                format!(
                    "Choose {top_name}: it ties {} for the highest score of the providers with a \
                     priced quote and no red flag ({pts} points) and costs {less}, {total} over \
                     {months}{unpriced}.",
                    crate::domain::text::and_list(&others)
                )
            }
        }
    };
    out.robustness.push(verdict_line(i, &top.provider, &name));
    out.robustness.extend(price_lines(i, top, &name));
    out.robustness.extend(reversal_lines(i, top, &name, cur));
    out.settle = settle(i, top, top_row, &top_name);
    out
}

/// How many criteria not scored yet could let another provider the brief could choose
/// (priced, no red flag) overtake `top`: `top` scoring 0 on each of its own, the other 5
/// on each of its own. 0 when none could.
fn still_open(i: &Inputs, top: &str) -> usize {
    let standing = |id: &str| i.standings.iter().find(|s| s.provider.id == id);
    let Some(lead) = standing(top) else {
        return 0;
    };
    // Priced providers with a score, and priced ones with none yet, which can score anything.
    let unscored = i
        .placement
        .missing
        .iter()
        .filter(|(_, lacks)| *lacks == Missing::Score)
        .map(|(id, _)| id.as_str());
    let placed = i.placement.points.iter().map(|p| p.provider.as_str());
    let mut open: Vec<&str> = Vec::new();
    for rival in placed
        .chain(unscored)
        .filter(|id| *id != top)
        .filter_map(standing)
        .filter(|s| s.knock_outs.is_empty() && s.ceiling >= lead.floor - TIE_EPSILON)
    {
        for c in lead.open.iter().chain(&rival.open) {
            if !open.contains(&c.as_str()) {
                open.push(c);
            }
        }
    }
    open.len()
}

/// The providers the buyer can choose that score the same as `top` but cost more: the
/// frontier keeps only the cheaper of a tie, so the brief must say the score did not decide.
fn score_ties<'a>(i: &'a Inputs, top: &Point) -> Vec<&'a Point> {
    i.placement
        .points
        .iter()
        .filter(|p| !p.knocked_out && p.provider != top.provider)
        .filter(|p| (p.score - top.score).abs() <= TIE_EPSILON && p.cost > top.cost)
        .collect()
}

fn nothing_to_choose(i: &Inputs, name: &dyn Fn(&str) -> String) -> Recommendation {
    let headline = if i.rows.is_empty() {
        "No recommendation yet: add the providers you are evaluating, score them and enter \
         their quotes."
    } else if !i.placement.points.is_empty() {
        "No recommendation: every provider with scores and a priced quote is knocked out by a \
         red flag."
    } else {
        "No recommendation yet: no provider has both scores and a priced quote."
    };
    let settle = i
        .placement
        .missing
        .iter()
        .map(|(id, lacks)| {
            let todo = match lacks {
                Missing::Score => "score it",
                Missing::Price => "enter its quote's price",
                Missing::Both => "score it and enter its quote",
            };
            format!("{}: {todo}.", name(id))
        })
        .collect();
    Recommendation {
        provider: None,
        headline: headline.into(),
        robustness: Vec::new(),
        settle,
    }
}

/// The scorecard's verdict, unless its leader is a provider the brief cannot weigh on
/// price (the ranking leaves knocked-out providers out, so that is one with no price).
fn verdict_line(i: &Inputs, top: &str, name: &dyn Fn(&str) -> String) -> Line {
    let s: &Sensitivity = i.sensitivity;
    let unpriced = |id: &str| !i.placement.points.iter().any(|p| p.provider == id);
    let knocked_out: Vec<String> = i
        .rows
        .iter()
        .filter(|r| r.knocked_out() && r.score.is_some())
        .map(|r| r.provider.name.clone())
        .collect();
    let text = match i.leader {
        // With one provider left, "only one is ranked, score another" would be wrong
        // when the others are scored but ruled out.
        Some(w) if w.id != top && unpriced(&w.id) => format!(
            "The scorecard's leader, {}, has no priced quote yet, so it cannot be weighed on \
             price. Of the providers with a price, {} scores highest.",
            w.name,
            name(top)
        ),
        _ if !i.contest && !knocked_out.is_empty() => {
            format!(
                "{} is the only provider with a priced quote left to choose: {} {}.",
                name(top),
                crate::domain::text::and_list(&knocked_out),
                if knocked_out.len() == 1 {
                    "is knocked out by a red flag"
                } else {
                    "are knocked out by red flags"
                }
            )
        }
        _ => s.line(),
    };
    Line::new("Scores", text)
}

fn price_lines(i: &Inputs, top: &Point, name: &dyn Fn(&str) -> String) -> Vec<Line> {
    let cur = i.comparison.currency;
    let open: Vec<&Point> = i
        .placement
        .points
        .iter()
        .filter(|p| !p.knocked_out)
        .collect();
    let mut out = Vec::new();
    let per_year = i.placement.per_year;
    let ties = score_ties(i, top);
    for tie in &ties {
        out.push(format!(
            "{} costs {} less{} than {}, which has the same score.",
            name(&top.provider),
            cur.total(tie.cost - top.cost),
            if per_year {
                " a year"
            } else {
                " over the contract"
            },
            name(&tie.provider)
        ));
    }
    if let Some(step) = i.frontier.steps.iter().find(|s| s.to == top.provider) {
        out.push(step.sentence(name, cur, per_year));
    } else if !ties.is_empty() {
        // Said above: the provider it ties is the one it is cheaper than.
    } else if open.len() == 1 {
        out.push(format!(
            "{} is the only provider you can choose that has both scores and a price.",
            name(&top.provider)
        ));
    } else if let Some(next) = open
        .iter()
        .filter(|p| p.provider != top.provider)
        .min_by_key(|p| p.cost)
    {
        out.push(if next.cost == top.cost {
            format!(
                "{} costs the same as {}, and scores higher.",
                name(&top.provider),
                name(&next.provider)
            )
        } else {
            format!(
                "{} is also the cheapest you can choose, {} less{} than {}.",
                name(&top.provider),
                cur.total(next.cost - top.cost),
                if per_year { " a year" } else { "" },
                name(&next.provider)
            )
        });
    }
    let mut out: Vec<Line> = out.into_iter().map(|t| Line::new("Price", t)).collect();
    let knocked_out = |id: &str| {
        i.rows
            .iter()
            .any(|r| r.provider.id == id && r.knocked_out())
    };
    let compared = if per_year {
        "the price figures here compare them by the year"
    } else {
        "their totals cover different spans"
    };
    if let Some(q) = i.comparison.lowest_yearly(knocked_out) {
        out.push(Line::new(
            "Terms",
            format!(
                "The quotes run for different terms, so {compared}. Of the providers you can \
                 choose, {} costs least by the year: {} a year on average over {}.",
                q.name,
                cur.total(q.yearly_average()),
                crate::domain::text::months(q.term)
            ),
        ));
    } else if per_year {
        // Only a knocked-out quote runs for another term; the chart still holds it.
        out.push(Line::new(
            "Terms",
            format!("A knocked-out quote runs for a different term, so {compared}."),
        ));
    }
    out
}

/// For the recommended provider against each other provider it can be swapped for: could
/// the unknown costs of the cheaper of the two (unpriced items the buyer expects to use)
/// make it the dearer?
fn reversal_lines(
    i: &Inputs,
    top: &Point,
    name: &dyn Fn(&str) -> String,
    cur: Currency,
) -> Vec<Line> {
    let unknown = |id: &str| -> Vec<CostItem> {
        i.rows
            .iter()
            .find(|r| r.provider.id == id)
            .and_then(|r| r.price.as_ref())
            .map(|p| p.unknown.clone())
            .unwrap_or_default()
    };
    let mut out = Vec::new();
    let mut any_unknown = !unknown(&top.provider).is_empty();
    let others = i
        .placement
        .points
        .iter()
        .filter(|p| !p.knocked_out && p.provider != top.provider);
    for other in others {
        any_unknown |= !unknown(&other.provider).is_empty();
        // The cheaper quote's total past which it costs more: the other's total, or by
        // the year the other's total over the cheaper one's term (cross-multiplied, so
        // two yearly averages that round to the same cent still have an order).
        let term = |id: &str| i.comparison.quote(id).map_or(1, |q| q.term.max(1));
        // Totals compare as they are when every quote runs for the same term.
        let over = |p: &Point| {
            (
                p.total,
                if i.placement.per_year {
                    term(&p.provider)
                } else {
                    1
                },
            )
        };
        let (cheap, dear) = if less_a_year(over(top), over(other)) {
            (top, other)
        } else {
            (other, top)
        };
        let items = unknown(&cheap.provider);
        let quote = i.pricing.quote(&cheap.provider);
        let past = if i.placement.per_year {
            (i128::from(dear.total) * i128::from(term(&cheap.provider))
                / i128::from(term(&dear.provider))) as Cents
        } else {
            dear.total
        };
        if items.is_empty() {
            continue;
        }
        // The dearer quote's own unpriced items count as nothing in the break-even.
        let dear_items = unknown(&dear.provider);
        let dear_too = if dear_items.is_empty() {
            String::new()
        } else {
            format!(
                " The quote from {} leaves {} unpriced too, so the true break-even is higher.",
                name(&dear.provider),
                unknown_phrase(&dear_items)
            )
        };
        let Some(rate) = quote
            .and_then(|q| rate_to_exceed(q, i.pricing, i.profile, past))
            .filter(|&rate| rate > 0)
        else {
            out.push(format!(
                "{} leaves {} unpriced, but at the use you expect no rate would make it cost \
                 more than {}.",
                name(&cheap.provider),
                unknown_phrase(&items),
                name(&dear.provider)
            ));
            continue;
        };
        let basis = if i.placement.per_year {
            "by the year"
        } else {
            "in total contract value"
        };
        let unit = items[0].unit();
        out.push(if items.iter().all(|i| i.unit() == unit) {
            format!(
                "If {} charges over {} {} for {}, it costs more than {} {basis}.{dear_too}",
                name(&cheap.provider),
                // Rates are whole cents: "over" the cent below the rate that tips it reads
                // as the round figure it usually is ("over $3,675", not "$3,675.01 or more").
                cur.format(rate - 1),
                unit.per(),
                unknown_phrase(&items),
                name(&dear.provider)
            )
        } else {
            // One rate across hours, incidents and seats means nothing: the gap does.
            format!(
                "If what {} charges for {} (it quotes no rate) comes to more than {} over {}, it \
                 costs more than {} {basis}.{dear_too}",
                name(&cheap.provider),
                unknown_phrase(&items),
                cur.format(past - cheap.total),
                if i.placement.per_year {
                    format!("its {}-month contract", term(&cheap.provider))
                } else {
                    "the contract".to_owned()
                },
                name(&dear.provider)
            )
        });
    }
    let own = unknown(&top.provider);
    if out.is_empty()
        && !own.is_empty()
        && !i
            .placement
            .points
            .iter()
            .any(|p| !p.knocked_out && p.provider != top.provider)
    {
        // Nothing to weigh it against: what is unknown is how much more it will cost.
        out.push(format!(
            "The quote from {} leaves {} unpriced, so it will cost more than shown.",
            name(&top.provider),
            unknown_phrase(&own)
        ));
    }
    if out.is_empty() {
        out.push(if any_unknown {
            "Only quotes that already cost more leave costs unknown, so those costs can only \
             widen the gap."
                .into()
        } else {
            "None of the quotes you can choose between leaves a cost you expect unknown, so \
             the price order stands."
                .into()
        });
    }
    out.into_iter()
        .map(|t| Line::new("Unknown costs", t))
        .collect()
}

fn settle(i: &Inputs, top: &Point, row: Option<&Row>, top_name: &str) -> Vec<String> {
    let mut out = Vec::new();
    // Questions below that the lines on the price already ask (`questions::quote_questions`
    // asks one for each of these too).
    let mut said = 0;
    if let Some(price) = row.and_then(|r| r.price.as_ref()) {
        said = price.unknown.len() + price.gaps.iter().filter(|g| !g.no_rate).count();
        let unknown: Vec<CostItem> = price.unknown.clone();
        if !unknown.is_empty() {
            out.push(format!(
                "Get a rate from {top_name} for {}.",
                unknown_phrase(&unknown)
            ));
        }
        for gap in price.gaps.iter().filter(|g| !g.no_rate) {
            out.push(format!(
                "Agree whether {} is in the base price: {top_name} bills it on top.",
                gap.item.phrase()
            ));
        }
    }
    for r in i.rows.iter().filter(|r| {
        r.provider.id != top.provider
            && !r.knocked_out()
            && r.score.is_some_and(|s| s > top.score + TIE_EPSILON)
            && !r.price.as_ref().is_some_and(|p| p.priced)
    }) {
        out.push(format!(
            "{} scores higher ({} points) but has no priced quote: price it, or rule it out.",
            r.provider.name,
            points(r.score.unwrap_or(0.0))
        ));
    }
    if still_open(i, &top.provider) > 0 {
        out.push(
            "Score the criteria still open for each provider: they can change the winner.".into(),
        );
    } else if i.contest && matches!(i.sensitivity.verdict, Verdict::TooClose(_)) {
        out.push("The scores are too close to call: agree the scores that decide it with the other evaluators.".into());
    }
    if i.blockers > 0 {
        out.push(if i.blockers == 1 {
            "1 RACI finding blocks the Statement of Work: settle it before you sign.".to_owned()
        } else {
            format!(
                "{} RACI findings block the Statement of Work: settle them before you sign.",
                i.blockers
            )
        });
    }
    let other = if said > 0 { "other " } else { "" };
    match row.map_or(0, |r| r.questions.saturating_sub(said)) {
        0 => {}
        1 => out.push(format!("Settle the {other}question for {top_name} below.")),
        n => out.push(format!(
            "Settle the {n} {other}questions for {top_name} below."
        )),
    }
    out
}
