//! Weighted totals, group subtotals and the ranking.
//!
//! A provider's total is the weighted mean of its scores on a 0 to 100 scale:
//! `Σ w·s/5·100 / Σ w` over the criteria it has a score on. N/A and unscored criteria
//! are left out of both sums, so the remaining weights renormalise; a criterion with
//! weight 0 counts for nothing.

use super::knockout;
use super::model::{Basis, Score, Scorecard};
use super::sensitivity::{self, Sensitivity};
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

/// Each weight as a percentage of their sum (all zero when the sum is zero).
pub fn weight_shares(weights: &[f64]) -> Vec<f64> {
    let sum: f64 = weights.iter().sum();
    if sum <= 0.0 {
        return vec![0.0; weights.len()];
    }
    weights.iter().map(|w| w / sum * 100.0).collect()
}

/// Shares rounded to one decimal that still add up to exactly 100.0 (largest
/// remainder), so the column the buyer reads sums to 100%.
pub fn display_shares(weights: &[f64]) -> Vec<f64> {
    let exact = weight_shares(weights);
    if exact.iter().all(|s| *s == 0.0) {
        return exact;
    }
    let tenths: Vec<f64> = exact.iter().map(|s| s * 10.0).collect();
    let mut floors: Vec<i64> = tenths.iter().map(|t| t.floor() as i64).collect();
    let missing = 1000 - floors.iter().sum::<i64>();
    let mut order: Vec<usize> = (0..tenths.len()).collect();
    crate::domain::order::sort_by(&mut order, |&a, &b| {
        let ra = tenths[a] - tenths[a].floor();
        let rb = tenths[b] - tenths[b].floor();
        rb.total_cmp(&ra).then(a.cmp(&b))
    });
    for &i in order.iter().take(missing.max(0) as usize) {
        floors[i] += 1;
    }
    floors.into_iter().map(|f| f as f64 / 10.0).collect()
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

    /// `sums(p, None)` without criterion `c`.
    pub fn sums_without(&self, p: usize, c: usize) -> (f64, f64) {
        let mut num = 0.0;
        let mut den = 0.0;
        for (i, score) in self.scores[p].iter().enumerate() {
            if let (true, Some(Effective::Points(s))) = (i != c, score) {
                num += self.weights[i] * s * 20.0;
                den += self.weights[i];
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
    pub total: Option<f64>,
    /// Subtotal per group, in the order of `Results::groups`.
    pub groups: Vec<Option<f64>>,
    /// Criteria with a score, N/A included.
    pub scored: usize,
    /// The text of each ticked red flag.
    pub knock_outs: Vec<String>,
    pub place: Place,
    /// Lead over the next ranked provider, in points.
    pub margin: Option<f64>,
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
                total,
                groups: (0..table.groups.len())
                    .map(|g| table.group_total(p, g))
                    .collect(),
                scored: table.scored(p),
                knock_outs,
                place,
                margin: None,
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
pub(super) mod tests {
    use super::*;
    use crate::domain::scorecard::model::{Anchors, Criterion, OtherCard, Weight};
    use proptest::prelude::*;

    pub fn provider(id: &str) -> Provider {
        Provider {
            id: id.into(),
            name: format!("MSP {id}"),
        }
    }

    /// A scorecard with the given (id, group, weight) criteria and no content.
    pub fn card(criteria: &[(&str, &str, f64)]) -> Scorecard {
        Scorecard {
            criteria: criteria
                .iter()
                .map(|&(id, group, w)| Criterion {
                    id: id.into(),
                    group: group.into(),
                    name: id.to_ascii_uppercase(),
                    question: String::new(),
                    anchors: Anchors::default(),
                    weight: Weight::new(w).unwrap(),
                })
                .collect(),
            ..Scorecard::default()
        }
    }

    pub fn pts(n: u8) -> Option<Score> {
        Some(Score::Points(n))
    }

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
        let r = results(&sc, &[provider("a")]);
        assert_eq!(r.groups, ["G1", "G2"]);
        let s = &r.standings[0];
        assert!(close(s.groups[0].unwrap(), 50.0));
        assert!(close(s.groups[1].unwrap(), 80.0));
        assert!(close(s.total.unwrap(), 56.0));
    }

    #[test]
    fn shares_are_normalised_and_display_shares_add_to_exactly_100() {
        let shares = weight_shares(&[1.0, 1.0, 2.0]);
        assert!(close(shares[2], 50.0));
        assert_eq!(weight_shares(&[0.0, 0.0]), [0.0, 0.0]);
        let shown = display_shares(&[1.0, 1.0, 1.0]);
        assert_eq!(shown, [33.4, 33.3, 33.3]);
        assert!(close(shown.iter().sum::<f64>(), 100.0));
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

    fn other(cells: &[(&str, &str, Score)]) -> OtherCard {
        let mut card = OtherCard {
            id: "o".into(),
            evaluator: "Dana".into(),
            complete: true,
            imported_ms: 0,
            cells: Default::default(),
            unmatched: Default::default(),
            red_flags: Default::default(),
        };
        for &(p, c, s) in cells {
            card.cells.entry(p.into()).or_default().insert(
                c.into(),
                crate::domain::scorecard::model::Cell {
                    score: Some(s),
                    note: String::new(),
                },
            );
        }
        card
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

    pub fn arb_case() -> impl Strategy<Value = (Scorecard, Vec<Provider>)> {
        let weights = prop::collection::vec(0.0f64..50.0, 1..8);
        weights
            .prop_flat_map(|ws| {
                let n = ws.len();
                let cells = prop::collection::vec(prop::collection::vec(0u8..8, n), 1..7);
                (Just(ws), cells, any::<bool>())
            })
            .prop_map(|(ws, cells, show)| {
                let ids: Vec<String> = (0..ws.len()).map(|i| format!("c{i}")).collect();
                let spec: Vec<(&str, &str, f64)> = ids
                    .iter()
                    .zip(&ws)
                    .enumerate()
                    .map(|(i, (id, w))| (id.as_str(), if i % 2 == 0 { "G1" } else { "G2" }, *w))
                    .collect();
                let mut sc = card(&spec);
                sc.show_knocked_out = show;
                let providers: Vec<Provider> = (0..cells.len())
                    .map(|p| provider(&format!("p{p}")))
                    .collect();
                for (p, row) in cells.iter().enumerate() {
                    for (c, v) in row.iter().enumerate() {
                        let score = match v {
                            0..=5 => Some(Score::Points(*v)),
                            6 => Some(Score::NotApplicable),
                            _ => None,
                        };
                        sc.set_score(&providers[p].id, &ids[c], score);
                    }
                    if p == 1 {
                        sc.knockouts
                            .entry(providers[p].id.clone())
                            .or_default()
                            .insert("ko-lock-in".into(), String::new());
                    }
                }
                (sc, providers)
            })
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
