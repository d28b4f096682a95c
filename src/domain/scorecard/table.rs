//! The numbers every result is computed from: each cell's effective score, looked up
//! once, and the weighted sums over them. Scoring and the sensitivity analysis both
//! read this table; neither reads the other's results to compute its own.

use super::model::{Basis, Score, Scorecard};
use crate::domain::provider::Provider;

/// Two totals closer than this are a tie (floating-point noise, not a lead).
pub const TIE_EPSILON: f64 = 1e-9;

/// The score the ranking uses for one cell: points (possibly a mean, so fractional)
/// or N/A.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Effective {
    Points(f64),
    NotApplicable,
}

/// The score the ranking uses: the agreed score if the lead set one, otherwise this
/// evaluator's own or, with the mean basis and other cards visible, the mean of all.
pub fn effective(sc: &Scorecard, provider: &str, criterion: &str) -> Option<Effective> {
    if let Some(agreed) = sc.agreed(provider, criterion) {
        return Some(from_score(agreed));
    }
    let own = sc.score(provider, criterion);
    if sc.basis == Basis::Mine || !sc.others_visible() || sc.others.is_empty() {
        return own.map(from_score);
    }
    let all = std::iter::once(own).chain(sc.others.iter().map(|card| {
        card.cells
            .get(provider)
            .and_then(|row| row.get(criterion))
            .and_then(|c| c.score)
    }));
    let mut sum = 0.0;
    let mut n = 0u32;
    let mut any_na = false;
    for s in all.flatten() {
        match s {
            Score::Points(p) => {
                sum += f64::from(p);
                n += 1;
            }
            Score::NotApplicable => any_na = true,
        }
    }
    if n > 0 {
        Some(Effective::Points(sum / f64::from(n)))
    } else if any_na {
        Some(Effective::NotApplicable)
    } else {
        None
    }
}

fn from_score(s: Score) -> Effective {
    match s {
        Score::Points(p) => Effective::Points(f64::from(p)),
        Score::NotApplicable => Effective::NotApplicable,
    }
}

/// The numbers every result is computed from: effective scores looked up once.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// Providers in the workspace's order.
    pub providers: Vec<Provider>,
    /// Criterion ids in display order.
    pub criteria: Vec<String>,
    pub names: Vec<String>,
    pub weights: Vec<f64>,
    /// Index into `groups` for each criterion.
    pub group_of: Vec<usize>,
    pub groups: Vec<String>,
    /// `scores[p][c]`.
    pub scores: Vec<Vec<Option<Effective>>>,
}

impl Table {
    pub fn build(sc: &Scorecard, providers: &[Provider]) -> Table {
        let groups = sc.groups();
        let ordered = sc.ordered();
        let criteria: Vec<String> = ordered.iter().map(|c| c.id.clone()).collect();
        let scores = providers
            .iter()
            .map(|p| criteria.iter().map(|c| effective(sc, &p.id, c)).collect())
            .collect();
        Table {
            providers: providers.to_vec(),
            names: ordered.iter().map(|c| c.name.clone()).collect(),
            weights: ordered.iter().map(|c| c.weight.get()).collect(),
            group_of: ordered
                .iter()
                .map(|c| groups.iter().position(|g| *g == c.group).unwrap_or(0))
                .collect(),
            groups,
            criteria,
            scores,
        }
    }

    /// `(Σ w·s·20, Σ w)` over the criteria provider `p` has points on, optionally
    /// restricted to one group.
    pub fn sums(&self, p: usize, group: Option<usize>) -> (f64, f64) {
        let mut num = 0.0;
        let mut den = 0.0;
        for (c, score) in self.scores[p].iter().enumerate() {
            if group.is_some_and(|g| self.group_of[c] != g) {
                continue;
            }
            if let Some(Effective::Points(s)) = score {
                num += self.weights[c] * s * 20.0;
                den += self.weights[c];
            }
        }
        (num, den)
    }

    /// The weighted total, 0 to 100; None when nothing with weight is scored.
    pub fn total(&self, p: usize) -> Option<f64> {
        ratio(self.sums(p, None))
    }

    pub fn group_total(&self, p: usize, group: usize) -> Option<f64> {
        ratio(self.sums(p, Some(group)))
    }

    /// Cells with a score (N/A included) for provider `p`.
    pub fn scored(&self, p: usize) -> usize {
        self.scores[p].iter().filter(|s| s.is_some()).count()
    }
}

pub(super) fn ratio((num, den): (f64, f64)) -> Option<f64> {
    (den > 0.0).then(|| (num / den).clamp(0.0, 100.0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::scorecard::fixtures::{card, other, provider, pts};

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn total_is_the_weighted_mean_on_a_hundred_point_scale() {
        // c1 w3 = 5/5, c2 w1 = 1/5: (3·100 + 1·20) / 4 = 80.
        let mut sc = card(&[("c1", "G", 3.0), ("c2", "G", 1.0)]);
        sc.set_score("a", "c1", pts(5));
        sc.set_score("a", "c2", pts(1));
        let t = Table::build(&sc, &[provider("a")]);
        assert!(close(t.total(0).unwrap(), 80.0));
    }

    #[test]
    fn na_drops_the_criterion_and_renormalises() {
        // c1 w3 = N/A, c2 w1 = 2/5: only c2 counts, 40.
        let mut sc = card(&[("c1", "G", 3.0), ("c2", "G", 1.0)]);
        sc.set_score("a", "c1", Some(Score::NotApplicable));
        sc.set_score("a", "c2", pts(2));
        let t = Table::build(&sc, &[provider("a")]);
        assert!(close(t.total(0).unwrap(), 40.0));
        assert_eq!(t.scored(0), 2);
    }

    #[test]
    fn zero_weights_count_for_nothing_and_all_zero_means_no_total() {
        let mut sc = card(&[("c1", "G", 0.0), ("c2", "G", 2.0)]);
        sc.set_score("a", "c1", pts(0));
        sc.set_score("a", "c2", pts(4));
        let t = Table::build(&sc, &[provider("a")]);
        assert!(close(t.total(0).unwrap(), 80.0));
        let mut zero = card(&[("c1", "G", 0.0)]);
        zero.set_score("a", "c1", pts(5));
        assert_eq!(Table::build(&zero, &[provider("a")]).total(0), None);
    }

    #[test]
    fn unscored_criteria_are_left_out_and_nothing_scored_is_no_total() {
        let mut sc = card(&[("c1", "G", 1.0), ("c2", "G", 1.0)]);
        sc.set_score("a", "c2", pts(3));
        let t = Table::build(&sc, &[provider("a"), provider("b")]);
        assert!(close(t.total(0).unwrap(), 60.0));
        assert_eq!(t.total(1), None);
    }

    #[test]
    fn group_subtotals_use_only_their_group() {
        // G1: c1 w2 = 5, c2 w2 = 0 → 50; G2: c3 w1 = 4 → 80. Total (200+0+80)/5 = 56.
        let mut sc = card(&[("c1", "G1", 2.0), ("c2", "G1", 2.0), ("c3", "G2", 1.0)]);
        sc.set_score("a", "c1", pts(5));
        sc.set_score("a", "c2", pts(0));
        sc.set_score("a", "c3", pts(4));
        let t = Table::build(&sc, &[provider("a")]);
        assert_eq!(t.groups, ["G1", "G2"]);
        assert!(close(t.group_total(0, 0).unwrap(), 50.0));
        assert!(close(t.group_total(0, 1).unwrap(), 80.0));
        assert!(close(t.total(0).unwrap(), 56.0));
    }

    #[test]
    fn the_mean_basis_averages_visible_evaluators_and_blind_mode_hides_them() {
        let mut sc = card(&[("c1", "G", 1.0), ("c2", "G", 1.0)]);
        sc.set_score("a", "c1", pts(2));
        sc.others.push(other(&[
            ("a", "c1", Score::Points(5)),
            ("a", "c2", Score::NotApplicable),
        ]));
        assert_eq!(effective(&sc, "a", "c1"), Some(Effective::Points(2.0)));
        sc.basis = Basis::Mean;
        assert_eq!(effective(&sc, "a", "c1"), Some(Effective::Points(3.5)));
        assert_eq!(effective(&sc, "a", "c2"), Some(Effective::NotApplicable));
        assert_eq!(effective(&sc, "b", "c1"), None);
        sc.blind = true;
        assert_eq!(effective(&sc, "a", "c1"), Some(Effective::Points(2.0)));
    }
}
