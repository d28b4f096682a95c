//! Where each provider sits on the value chart: its weighted score against its total
//! contract value. A provider with no score or no price yet is listed as such, never
//! silently left off the chart.

use super::frontier::Point;
use crate::domain::pricing::compare::Comparison;
use crate::domain::provider::Provider;
use crate::domain::scorecard::scoring::Results;

/// What keeps a provider off the chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Missing {
    Score,
    Price,
    Both,
}

/// The providers on the chart, and the others with what they lack, in workspace order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Placement {
    pub points: Vec<Point>,
    pub missing: Vec<(String, Missing)>,
    /// The charted quotes run for different terms, so their totals cover different
    /// spans: they are compared by the average a year instead.
    pub per_year: bool,
}

/// Places every provider of the workspace. The score is the one the ranking uses (my
/// scores, the mean or the agreed ones); the price is the quote's total contract value,
/// once it has one. A knocked-out provider is placed and marked.
pub fn place(providers: &[Provider], results: &Results, comparison: &Comparison) -> Placement {
    let mut out = Placement::default();
    let score = |p: &Provider| results.standing(&p.id).and_then(|s| s.total);
    let priced = |p: &Provider| comparison.quote(&p.id).filter(|q| q.rank.is_some());
    let terms: Vec<u32> = providers
        .iter()
        .filter(|p| score(p).is_some())
        .filter_map(|p| priced(p).map(|q| q.term))
        .collect();
    out.per_year = terms.windows(2).any(|w| w[0] != w[1]);
    for p in providers {
        let standing = results.standing(&p.id);
        let lacks = match (score(p), priced(p)) {
            (Some(score), Some(q)) => {
                out.points.push(Point {
                    provider: p.id.clone(),
                    score,
                    cost: if out.per_year {
                        q.yearly_average()
                    } else {
                        q.totals.total
                    },
                    total: q.totals.total,
                    knocked_out: standing.is_some_and(|s| !s.knock_outs.is_empty()),
                });
                continue;
            }
            (None, Some(_)) => Missing::Score,
            (Some(_), None) => Missing::Price,
            (None, None) => Missing::Both,
        };
        out.missing.push((p.id.clone(), lacks));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::pricing::{compare::compare, Pick, Pricing};
    use crate::domain::profile::CompanyProfile;
    use crate::domain::scorecard::fixtures::{card, pts};
    use crate::domain::scorecard::{knockout, scoring};

    #[test]
    fn each_provider_is_placed_or_listed_with_what_it_lacks() {
        let mut providers = Vec::new();
        let mut pricing = Pricing::default();
        for (id, name) in [("a", "Harbor IT"), ("b", "Keystone"), ("c", "Nimbus")] {
            pricing
                .add_quote(&mut providers, Pick::New(name.into()), id.into())
                .unwrap();
        }
        providers.push(Provider {
            id: "d".into(),
            name: "Northwind".into(),
        });
        pricing.quote_mut("a").unwrap().rates.per_user = 9_500;
        pricing.quote_mut("b").unwrap().rates.per_user = 12_000;
        // c has a quote with no price yet; d has no quote at all.
        let mut sc = card(&[("c1", "G", 1.0)]);
        sc.set_score("a", "c1", pts(4));
        sc.set_score("c", "c1", pts(5));
        knockout::set_ticked(&mut sc, "a", "ko-lock-in", true);

        let results = scoring::results(&sc, &providers);
        let comparison = compare(&pricing, &CompanyProfile::default(), &providers, &[]);
        let placed = place(&providers, &results, &comparison);

        let a_cost = comparison.quote("a").unwrap().totals.total;
        assert!(a_cost > 0);
        assert_eq!(
            placed.points,
            [Point {
                provider: "a".into(),
                score: 80.0,
                cost: a_cost,
                total: a_cost,
                knocked_out: true,
            }]
        );
        assert_eq!(
            placed.missing,
            [
                ("b".to_owned(), Missing::Score),
                ("c".to_owned(), Missing::Price),
                ("d".to_owned(), Missing::Both),
            ]
        );
    }

    #[test]
    fn quotes_over_different_terms_are_placed_by_the_year_and_unscored_ones_do_not_count() {
        let mut providers = Vec::new();
        let mut pricing = Pricing::default();
        for id in ["a", "b", "c"] {
            pricing
                .add_quote(&mut providers, Pick::New(id.into()), id.into())
                .unwrap();
            pricing.quote_mut(id).unwrap().rates.per_user = 10_000;
        }
        let mut sc = card(&[("c1", "G", 1.0)]);
        sc.set_score("a", "c1", pts(4));
        sc.set_score("b", "c1", pts(3));
        let placed = |pricing: &Pricing| {
            let comparison = compare(pricing, &CompanyProfile::default(), &providers, &[]);
            let results = scoring::results(&sc, &providers);
            (place(&providers, &results, &comparison), comparison)
        };
        // c is priced on another term but not scored, so it is not charted: totals.
        pricing.quote_mut("c").unwrap().term_months = 24;
        let (same, _) = placed(&pricing);
        assert!(!same.per_year);
        assert!(same.points.iter().all(|p| p.cost == p.total));
        // b on another term: every charted point by its average a year.
        pricing.quote_mut("b").unwrap().term_months = 24;
        let (mixed, comparison) = placed(&pricing);
        assert!(mixed.per_year);
        for p in &mixed.points {
            let q = comparison.quote(&p.provider).unwrap();
            assert_eq!((p.cost, p.total), (q.yearly_average(), q.totals.total));
        }
    }
}
