//! How far several evaluators agree on each cell: every evaluator's score, the mean
//! and spread of their points, and the cells they disagree on.

use std::collections::BTreeMap;

use super::model::{Cell, OtherCard, Score, Scorecard};
use crate::domain::order;
use crate::domain::provider::Provider;

/// Scores this far apart (max − min) are a disagreement worth talking about.
pub const DISAGREEMENT: u8 = 2;

/// Every evaluator's score on one cell, with the mean and spread of their points.
#[derive(Clone, Debug, PartialEq)]
pub struct CellStats {
    /// This evaluator's score first, then each imported card's, in card order.
    pub scores: Vec<Option<Score>>,
    pub mean: Option<f64>,
    /// Highest minus lowest points, once two evaluators gave points.
    pub spread: Option<u8>,
    pub disagree: bool,
}

/// The scores of every evaluator on one cell (N/A and missing are left out of the
/// mean and spread).
pub fn cell_stats(sc: &Scorecard, provider: &str, criterion: &str) -> CellStats {
    let scores: Vec<Option<Score>> = std::iter::once(sc.score(provider, criterion))
        .chain(
            sc.others
                .iter()
                .map(|card| other_cell(card, provider, criterion).and_then(|c| c.score)),
        )
        .collect();
    let points: Vec<u8> = scores
        .iter()
        .filter_map(|s| s.and_then(Score::points))
        .collect();
    let mean = (!points.is_empty())
        .then(|| points.iter().map(|&p| f64::from(p)).sum::<f64>() / points.len() as f64);
    let spread = (points.len() >= 2).then(|| {
        points.iter().max().copied().unwrap_or(0) - points.iter().min().copied().unwrap_or(0)
    });
    CellStats {
        scores,
        mean,
        spread,
        disagree: spread.is_some_and(|s| s >= DISAGREEMENT),
    }
}

/// An imported card's cell.
pub fn other_cell<'a>(card: &'a OtherCard, provider: &str, criterion: &str) -> Option<&'a Cell> {
    card.cells.get(provider)?.get(criterion)
}

/// How many cells the evaluators disagree on, per provider id.
pub fn disagreements(sc: &Scorecard, providers: &[Provider]) -> BTreeMap<String, usize> {
    order::map(providers.iter().map(|p| {
        let n = sc
            .criteria
            .iter()
            .filter(|c| cell_stats(sc, &p.id, &c.id).disagree)
            .count();
        (p.id.clone(), n)
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::scorecard::fixtures::{danas_card, mine};
    use crate::domain::scorecard::merge::{apply, Options};

    #[test]
    fn mean_spread_and_disagreement() {
        let (mut sc, mut ours) = mine();
        apply(
            &mut sc,
            &mut ours,
            &danas_card(),
            Options::default(),
            0,
            String::new,
        )
        .unwrap();
        // Harbor: mine 4, Dana's 1 → mean 2.5, spread 3: a disagreement.
        let s = cell_stats(&sc, "p1", "raci-written");
        assert_eq!(s.scores, [Some(Score::Points(4)), Some(Score::Points(1))]);
        assert_eq!(s.mean, Some(2.5));
        assert_eq!(s.spread, Some(3));
        assert!(s.disagree);
        // Keystone: mine 3, Dana's 4 → spread 1: agreement.
        let s = cell_stats(&sc, "p2", "raci-written");
        assert_eq!((s.mean, s.spread, s.disagree), (Some(3.5), Some(1), false));
        // N/A is left out: one score is no spread.
        sc.set_score("p2", "raci-written", Some(Score::NotApplicable));
        let s = cell_stats(&sc, "p2", "raci-written");
        assert_eq!((s.mean, s.spread), (Some(4.0), None));
        let d = disagreements(&sc, &ours);
        assert_eq!((d["p1"], d["p2"]), (1, 0));
    }
}
