//! Weighted totals, group subtotals and the ranking.
//!
//! A provider's total is the weighted mean of its scores on a 0 to 100 scale:
//! `Σ w·s/5·100 / Σ w` over the criteria it has a score on. N/A and unscored criteria
//! are left out of both sums, so the remaining weights renormalise; a criterion with
//! weight 0 counts for nothing.

use super::knockout;
use super::model::Scorecard;
use super::sensitivity::{self, Sensitivity};
use super::table::{Table, TIE_EPSILON};
use crate::domain::provider::Provider;

/// Each weight as a percentage of their sum (all zero when the sum is zero).
pub fn weight_shares(weights: &[f64]) -> Vec<f64> {
    let sum: f64 = weights.iter().sum();
    if sum <= 0.0 {
        return vec![0.0; weights.len()];
    }
    weights.iter().map(|w| w / sum * 100.0).collect()
}

/// Shares rounded to one decimal, each on its own: equal weights show equal shares
/// (forcing the column to add up to exactly 100.0 gave one of two weight-3 criteria 2.5%
/// and the other 2.4%). The column can add up to 99.9 or 100.1; the grid's total row
/// says 100%, which the shares are.
pub fn display_shares(weights: &[f64]) -> Vec<f64> {
    weight_shares(weights)
        .into_iter()
        .map(|s| (s * 10.0).round() / 10.0)
        .collect()
}

/// Why a provider is not in the ranking.
#[derive(Clone, Debug, PartialEq)]
pub enum Place {
    /// In the ranking: 1 is first; tied providers share a rank.
    Ranked(usize),
    /// Knocked out and hidden from the ranking.
    KnockedOut,
    /// Nothing with weight scored yet.
    NotScored,
}

/// One provider's line in the results.
#[derive(Clone, Debug, PartialEq)]
pub struct Standing {
    pub provider: Provider,
    /// Its colour in the charts (`provider::colour`).
    pub colour: usize,
    pub total: Option<f64>,
    /// Subtotal per group, in the order of `Results::groups`.
    pub groups: Vec<Option<f64>>,
    /// Criteria with a score, N/A included.
    pub scored: usize,
    /// The text of each ticked red flag.
    pub knock_outs: Vec<String>,
    /// Red flags other evaluators ticked that this card has not (`knockout::by_others`).
    pub flagged_by_others: Vec<(String, Vec<String>)>,
    pub place: Place,
    /// Lead over the next ranked provider, in points.
    pub margin: Option<f64>,
    /// What the total can still become: every weighted criterion not scored yet counted
    /// as 0, and as 5 (`sensitivity::with_unscored`).
    pub floor: f64,
    pub ceiling: f64,
    /// The ids of the weighted criteria not scored yet.
    pub open: Vec<String>,
}

impl Standing {
    pub fn rank(&self) -> Option<usize> {
        match self.place {
            Place::Ranked(r) => Some(r),
            _ => None,
        }
    }
}

/// Everything the results view shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Results {
    pub groups: Vec<String>,
    pub criteria: usize,
    /// Ranked providers in rank order, then the others in workspace order.
    pub standings: Vec<Standing>,
    pub sensitivity: Sensitivity,
}

impl Results {
    pub fn ranked(&self) -> impl Iterator<Item = &Standing> {
        self.standings.iter().filter(|s| s.rank().is_some())
    }

    pub fn standing(&self, provider: &str) -> Option<&Standing> {
        self.standings.iter().find(|s| s.provider.id == provider)
    }
}

/// Sorts totals high to low and gives tied totals the same rank ("1, 1, 3").
/// Ties are listed by name so the order never depends on the provider list's order.
/// Input: (index, name, total); output: (index, rank) in rank order.
pub fn rank(entries: &[(usize, &str, f64)]) -> Vec<(usize, usize)> {
    let mut sorted: Vec<&(usize, &str, f64)> = entries.iter().collect();
    crate::domain::order::sort_by(&mut sorted, |a, b| {
        b.2.total_cmp(&a.2)
            .then_with(|| crate::domain::text::lower(a.1).cmp(&crate::domain::text::lower(b.1)))
            .then_with(|| a.1.cmp(b.1))
    });
    let mut out = Vec::with_capacity(sorted.len());
    let mut current_rank = 0;
    let mut previous: Option<f64> = None;
    for (position, entry) in sorted.iter().enumerate() {
        let tied = previous.is_some_and(|p| (p - entry.2).abs() <= TIE_EPSILON);
        if !tied {
            current_rank = position + 1;
        }
        previous = Some(entry.2);
        out.push((entry.0, current_rank));
    }
    out
}

/// Totals, subtotals, ranking and the sensitivity verdict for the workspace.
pub fn results(sc: &Scorecard, providers: &[Provider]) -> Results {
    let table = Table::build(sc, providers);
    let mut standings: Vec<Standing> = providers
        .iter()
        .enumerate()
        .map(|(p, provider)| {
            let total = table.total(p);
            let knock_outs: Vec<String> = knockout::reasons(sc, &provider.id)
                .into_iter()
                .map(|r| r.text)
                .collect();
            let place = if total.is_none() {
                Place::NotScored
            } else if !knock_outs.is_empty() && !sc.show_knocked_out {
                Place::KnockedOut
            } else {
                Place::Ranked(0)
            };
            Standing {
                provider: provider.clone(),
                colour: crate::domain::provider::colour(providers, &provider.id),
                total,
                groups: (0..table.groups.len())
                    .map(|g| table.group_total(p, g))
                    .collect(),
                scored: table.scored(p),
                knock_outs,
                flagged_by_others: knockout::by_others(sc, &provider.id),
                place,
                margin: None,
                floor: sensitivity::with_unscored(&table, p, 0.0),
                ceiling: sensitivity::with_unscored(&table, p, 5.0),
                open: (0..table.criteria.len())
                    .filter(|&c| table.weights[c] > 0.0 && table.scores[p][c].is_none())
                    .map(|c| table.criteria[c].clone())
                    .collect(),
            }
        })
        .collect();
    let entries: Vec<(usize, &str, f64)> = standings
        .iter()
        .enumerate()
        .filter(|(_, s)| s.place == Place::Ranked(0))
        .map(|(i, s)| (i, s.provider.name.as_str(), s.total.unwrap_or(0.0)))
        .collect();
    let ranking = rank(&entries);
    for (i, r) in &ranking {
        standings[*i].place = Place::Ranked(*r);
    }
    for pair in ranking.windows(2) {
        let (a, b) = (pair[0].0, pair[1].0);
        let lead = standings[a].total.unwrap_or(0.0) - standings[b].total.unwrap_or(0.0);
        standings[a].margin = Some(lead.max(0.0));
    }
    let ranked_indices: Vec<usize> = ranking.iter().map(|(i, _)| *i).collect();
    let entrants: Vec<usize> = standings
        .iter()
        .enumerate()
        .filter(|(_, s)| {
            s.place == Place::NotScored && (s.knock_outs.is_empty() || sc.show_knocked_out)
        })
        .map(|(i, _)| i)
        .collect();
    let sensitivity = sensitivity::analyse(&table, &ranked_indices, &entrants, sc.close_margin);
    let mut ordered: Vec<Standing> = ranked_indices
        .iter()
        .map(|&i| standings[i].clone())
        .collect();
    ordered.extend(
        standings
            .into_iter()
            .enumerate()
            .filter(|(i, _)| !ranked_indices.contains(i))
            .map(|(_, s)| s),
    );
    Results {
        groups: table.groups,
        criteria: table.criteria.len(),
        standings: ordered,
        sensitivity,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::scorecard::fixtures::{arb_case, card, provider, pts};
    use crate::domain::scorecard::model::Score;
    use crate::domain::scorecard::table::{effective, Effective};
    use proptest::prelude::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn shares_are_normalised_and_equal_weights_show_equal_shares() {
        let shares = weight_shares(&[1.0, 1.0, 2.0]);
        assert!(close(shares[2], 50.0));
        assert_eq!(weight_shares(&[0.0, 0.0]), [0.0, 0.0]);
        assert_eq!(display_shares(&[1.0, 1.0, 1.0]), [33.3, 33.3, 33.3]);
        assert_eq!(display_shares(&[2.0, 1.0]), [66.7, 33.3]);
        assert_eq!(display_shares(&[0.0, 3.0]), [0.0, 100.0]);
        assert_eq!(display_shares(&[0.0]), [0.0]);
    }

    #[test]
    fn ties_share_a_rank_and_are_listed_by_name() {
        let entries = [
            (0, "Zeta", 70.0),
            (1, "alpha", 80.0),
            (2, "Beta", 70.0),
            (3, "Gamma", 60.0),
        ];
        assert_eq!(rank(&entries), [(1, 1), (2, 2), (0, 2), (3, 4)]);
        assert_eq!(rank(&[]), []);
    }

    #[test]
    fn ranking_gives_margins_and_leaves_out_knocked_out_and_unscored_providers() {
        let mut sc = card(&[("c1", "G", 1.0)]);
        sc.set_score("a", "c1", pts(5));
        sc.set_score("b", "c1", pts(3));
        sc.set_score("c", "c1", pts(4));
        sc.knockouts
            .entry("c".into())
            .or_default()
            .insert("ko-vague-sla".into(), String::new());
        let providers = [provider("a"), provider("b"), provider("c"), provider("d")];
        let r = results(&sc, &providers);
        let order: Vec<(&str, Place)> = r
            .standings
            .iter()
            .map(|s| (s.provider.id.as_str(), s.place.clone()))
            .collect();
        assert_eq!(
            order,
            [
                ("a", Place::Ranked(1)),
                ("b", Place::Ranked(2)),
                ("c", Place::KnockedOut),
                ("d", Place::NotScored)
            ]
        );
        assert!(close(r.standings[0].margin.unwrap(), 40.0));
        assert_eq!(r.standings[1].margin, None);
        assert_eq!(r.standings[2].knock_outs, ["Vague SLAs (\"best effort\")"]);

        sc.show_knocked_out = true;
        let r = results(&sc, &providers);
        assert_eq!(r.standing("c").unwrap().place, Place::Ranked(2));
        assert!(close(r.standing("a").unwrap().margin.unwrap(), 20.0));
    }

    #[test]
    fn agreed_scores_drive_the_ranking() {
        let mut sc = card(&[("c1", "G", 1.0)]);
        sc.set_score("a", "c1", pts(5));
        sc.set_agreed("a", "c1", pts(2));
        let t = Table::build(&sc, &[provider("a")]);
        assert!(close(t.total(0).unwrap(), 40.0));
        sc.set_agreed("a", "c1", Some(Score::NotApplicable));
        assert_eq!(effective(&sc, "a", "c1"), Some(Effective::NotApplicable));
    }

    proptest! {
        #[test]
        fn totals_stay_within_0_and_100((sc, providers) in arb_case()) {
            let r = results(&sc, &providers);
            for s in &r.standings {
                if let Some(t) = s.total {
                    prop_assert!((0.0..=100.0).contains(&t));
                }
                for g in s.groups.iter().flatten() {
                    prop_assert!((0.0..=100.0).contains(g));
                }
                if let Some(m) = s.margin {
                    prop_assert!((0.0..=100.0).contains(&m));
                }
            }
        }

        #[test]
        fn results_do_not_depend_on_provider_order((sc, providers) in arb_case(), seed in any::<u64>()) {
            let mut shuffled = providers.clone();
            // A deterministic shuffle from the seed.
            let mut state = seed | 1;
            for i in (1..shuffled.len()).rev() {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                shuffled.swap(i, (state % (i as u64 + 1)) as usize);
            }
            let a = results(&sc, &providers);
            let b = results(&sc, &shuffled);
            let ranked = |r: &Results| r.ranked().map(|s| (s.provider.id.clone(), s.rank(), s.total)).collect::<Vec<_>>();
            prop_assert_eq!(ranked(&a), ranked(&b));
            for s in &a.standings {
                let t = b.standing(&s.provider.id).unwrap();
                prop_assert_eq!(s.total, t.total);
                prop_assert_eq!(&s.place, &t.place);
            }
            prop_assert_eq!(&a.sensitivity, &b.sensitivity);
        }
    }
}
