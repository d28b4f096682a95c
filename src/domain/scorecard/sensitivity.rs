//! How robust the winner is: the smallest single-criterion weight change that changes
//! the winner, the one-point score changes that would, and a plain verdict.
//!
//! Changing the weight `x` of one criterion makes every total a ratio of two linear
//! functions of `x`, so "challenger ties the winner" is a quadratic equation in `x`:
//! solved exactly, not by scanning.

use super::model::MAX_WEIGHT;
use super::table::{ratio, Effective, Table, TIE_EPSILON};
use crate::domain::provider::Provider;

/// The plain verdict.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Fewer than two ranked providers.
    NotEnough,
    ClearWinner,
    TooClose(Reason),
}

/// Why the verdict is "too close to call" (the first that applies).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    Tie,
    UnderThreshold,
    ScoreFlip,
    /// Criteria not scored yet could change the winner (`Sensitivity::unscored`).
    Unscored,
}

/// The weighted criteria not scored yet for the winner or a challenger, when scoring
/// them could change the winner: the winner 0 on each of its own, a challenger 5 on each
/// of its own.
#[derive(Clone, Debug, PartialEq)]
pub struct Unscored {
    pub criteria: usize,
    /// Their share of all weight, in percent.
    pub share: f64,
    /// The providers with some of them not scored yet, by name.
    pub providers: Vec<String>,
}

/// A one-point change on one criterion for one provider that changes the winner.
#[derive(Clone, Debug, PartialEq)]
pub struct ScoreFlip {
    pub provider: Provider,
    pub criterion: String,
    pub criterion_name: String,
    pub from: f64,
    pub to: f64,
    /// Who would be first (or tie for first) afterwards.
    pub new_leader: Provider,
}

/// The smallest change of one criterion's weight that changes the winner.
#[derive(Clone, Debug, PartialEq)]
pub struct WeightFlip {
    pub criterion: String,
    pub criterion_name: String,
    pub from: f64,
    pub to: f64,
    /// The criterion's share of all weight before and after, in percent.
    pub from_share: f64,
    pub to_share: f64,
    pub new_leader: Provider,
}

/// The sensitivity analysis of a ranking.
#[derive(Clone, Debug, PartialEq)]
pub struct Sensitivity {
    pub verdict: Verdict,
    pub winner: Option<Provider>,
    pub runner_up: Option<Provider>,
    pub margin: Option<f64>,
    pub threshold: f64,
    /// The one-point change that changes the winner by the widest margin, if any.
    pub score_flip: Option<ScoreFlip>,
    /// How many one-point changes (one provider, one criterion) change the winner.
    pub score_flips: usize,
    pub weight_flip: Option<WeightFlip>,
    pub unscored: Option<Unscored>,
    /// Everyone tied for first place, best-ranked first (two or more when it is a tie).
    pub tied: Vec<String>,
}

/// Analyses the ranking `ranked` (table provider indices, best first). `entrants` are
/// the providers left out only because nothing they scored carries weight yet.
pub fn analyse(table: &Table, ranked: &[usize], entrants: &[usize], threshold: f64) -> Sensitivity {
    let mut out = Sensitivity {
        verdict: Verdict::NotEnough,
        winner: ranked.first().map(|&i| table.providers[i].clone()),
        runner_up: ranked.get(1).map(|&i| table.providers[i].clone()),
        margin: None,
        threshold,
        score_flip: None,
        score_flips: 0,
        weight_flip: None,
        unscored: None,
        tied: Vec::new(),
    };
    if ranked.len() < 2 {
        return out;
    }
    let totals: Vec<f64> = ranked
        .iter()
        .map(|&p| table.total(p).unwrap_or(0.0))
        .collect();
    let margin = totals[0] - totals[1];
    out.margin = Some(margin.max(0.0));
    out.unscored = unscored(table, ranked, entrants);
    if margin <= TIE_EPSILON {
        out.tied = (ranked.iter().zip(&totals))
            .take_while(|(_, t)| totals[0] - **t <= TIE_EPSILON)
            .map(|(&p, _)| table.providers[p].name.clone())
            .collect();
        // Tied on 1 of 34 criteria is no verdict either.
        out.verdict = if out.unscored.is_some() {
            Verdict::TooClose(Reason::Unscored)
        } else {
            Verdict::TooClose(Reason::Tie)
        };
        return out;
    }
    let (flips, best) = score_flips(table, ranked, &totals);
    out.score_flips = flips;
    out.score_flip = best;
    out.weight_flip = weight_flip(table, ranked, entrants);
    // Criteria still to score that could change the winner come first: a provider with
    // 1 of 34 scored "too close to call" by 20 points read as a verdict on the scores.
    out.verdict = if out.unscored.is_some() {
        Verdict::TooClose(Reason::Unscored)
    } else if margin < threshold {
        Verdict::TooClose(Reason::UnderThreshold)
    } else if out.score_flip.is_some() {
        Verdict::TooClose(Reason::ScoreFlip)
    } else {
        Verdict::ClearWinner
    };
    out
}

/// A total with each weighted criterion `p` has not scored yet counted as `fill`.
pub fn with_unscored(table: &Table, p: usize, fill: f64) -> f64 {
    let (mut num, mut den) = table.sums(p, None);
    for (c, score) in table.scores[p].iter().enumerate() {
        if score.is_none() {
            num += table.weights[c] * fill * 20.0;
            den += table.weights[c];
        }
    }
    ratio((num, den)).unwrap_or(0.0)
}

impl Unscored {
    /// "1 criterion is", "32 criteria are".
    pub fn phrase(&self) -> String {
        Self::phrase_for(self.criteria)
    }

    pub fn phrase_for(criteria: usize) -> String {
        match criteria {
            1 => "1 criterion is".into(),
            n => format!("{} criteria are", crate::domain::input::group(n as i64)),
        }
    }
}

/// Whether scoring what is left could change the winner (see `Unscored`). Challengers
/// are the other ranked providers and the `entrants`, who may have scored nothing yet.
/// What is left is counted for the winner and the challengers who could overtake it.
fn unscored(table: &Table, ranked: &[usize], entrants: &[usize]) -> Option<Unscored> {
    let winner = ranked[0];
    let floor = with_unscored(table, winner, 0.0);
    let rivals: Vec<usize> = ranked[1..]
        .iter()
        .chain(entrants)
        .copied()
        .filter(|&q| with_unscored(table, q, 5.0) >= floor - TIE_EPSILON)
        .collect();
    let weight_sum: f64 = table.weights.iter().sum();
    if rivals.is_empty() || weight_sum <= 0.0 {
        return None;
    }
    let involved: Vec<usize> = std::iter::once(winner).chain(rivals).collect();
    let unscored_by = |p: usize| {
        (0..table.criteria.len()).any(|c| table.weights[c] > 0.0 && table.scores[p][c].is_none())
    };
    let left: Vec<usize> = (0..table.criteria.len())
        .filter(|&c| {
            table.weights[c] > 0.0 && involved.iter().any(|&p| table.scores[p][c].is_none())
        })
        .collect();
    // The winner first, then by name: the workspace's order of providers must not show.
    let mut providers: Vec<String> = involved[1..]
        .iter()
        .filter(|&&p| unscored_by(p))
        .map(|&p| table.providers[p].name.clone())
        .collect();
    crate::domain::order::sort_by_key(&mut providers, |n| {
        (crate::domain::text::lower(n), n.clone())
    });
    if unscored_by(winner) {
        providers.insert(0, table.providers[winner].name.clone());
    }
    (!left.is_empty()).then(|| Unscored {
        criteria: left.len(),
        share: left.iter().map(|&c| table.weights[c]).sum::<f64>() / weight_sum * 100.0,
        providers,
    })
}

/// Every ±1 change of one provider's score on one criterion that puts someone else
/// first (or level with the winner). Returns the count and the widest one.
fn score_flips(table: &Table, ranked: &[usize], totals: &[f64]) -> (usize, Option<ScoreFlip>) {
    let winner = ranked[0];
    let (t_win, t_second) = (totals[0], totals[1]);
    let mut count = 0;
    // (overshoot, criterion index, provider name, flip)
    let mut best: Option<(f64, usize, String, ScoreFlip)> = None;
    for &p in ranked {
        let (num, den) = table.sums(p, None);
        let is_winner = p == winner;
        // The winner can only lose first place by losing a point; others by gaining one.
        let step = if is_winner { -1.0 } else { 1.0 };
        let leader = if is_winner { ranked[1] } else { p };
        for (c, score) in table.scores[p].iter().enumerate() {
            let (Some(Effective::Points(s)), w) = (score, table.weights[c]) else {
                continue;
            };
            if w <= 0.0 {
                continue;
            }
            let to = (s + step).clamp(0.0, 5.0);
            if (to - s).abs() < f64::EPSILON {
                continue;
            }
            let Some(new_total) = ratio((num + w * 20.0 * (to - s), den)) else {
                continue;
            };
            let overshoot = if is_winner {
                t_second - new_total
            } else {
                new_total - t_win
            };
            if overshoot >= -TIE_EPSILON {
                count += 1;
                let name = crate::domain::text::lower(&table.providers[p].name);
                let better = match &best {
                    None => true,
                    Some((o, bc, bn, _)) => {
                        overshoot > o + TIE_EPSILON
                            || ((overshoot - o).abs() <= TIE_EPSILON && (c, &name) < (*bc, bn))
                    }
                };
                if better {
                    let flip = ScoreFlip {
                        provider: table.providers[p].clone(),
                        criterion: table.criteria[c].clone(),
                        criterion_name: table.names[c].clone(),
                        from: *s,
                        to,
                        new_leader: table.providers[leader].clone(),
                    };
                    best = Some((overshoot, c, name, flip));
                }
            }
        }
    }
    (count, best.map(|b| b.3))
}

/// The real roots of `a x² + b x + c`, computed the numerically stable way.
pub fn roots(a: f64, b: f64, c: f64) -> Vec<f64> {
    if a == 0.0 {
        if b == 0.0 {
            return Vec::new();
        }
        return vec![-c / b];
    }
    let disc = b * b - 4.0 * a * c;
    if disc < 0.0 {
        return Vec::new();
    }
    let sign = if b >= 0.0 { 1.0 } else { -1.0 };
    let q = -0.5 * (b + sign * disc.sqrt());
    let mut out = vec![q / a];
    if q != 0.0 {
        out.push(c / q);
    } else {
        out.push(0.0);
    }
    out
}

/// The criterion whose weight needs the smallest change (in share points) for a
/// challenger to tie or overtake the winner.
fn weight_flip(table: &Table, ranked: &[usize], entrants: &[usize]) -> Option<WeightFlip> {
    let winner = ranked[0];
    let weight_sum: f64 = table.weights.iter().sum();
    let share = |x: f64, w: f64| -> Option<f64> {
        let total = weight_sum - w + x;
        (total > 0.0).then(|| x / total * 100.0)
    };
    let without: Vec<Sums> = (0..table.providers.len())
        .map(|p| Sums::of(table, p))
        .collect();
    // (distance in share points, criterion index, challenger name, flip)
    let mut best: Option<(f64, usize, String, WeightFlip)> = None;
    for c in 0..table.criteria.len() {
        let w = table.weights[c];
        let Some(from_share) = share(w, w) else {
            continue;
        };
        // Total of provider p as (α + a x) / (β + b x).
        let line = |p: usize| {
            let (num, den) = without[p].sums(table, p, c);
            match table.scores[p][c] {
                Some(Effective::Points(s)) => (num, 20.0 * s, den, 1.0),
                _ => (num, 0.0, den, 0.0),
            }
        };
        let (aw0, aw, bw0, bw) = line(winner);
        for &q in ranked[1..].iter().chain(entrants) {
            let (aq0, aq, bq0, bq) = line(q);
            // A provider with no total yet (all its scored weight is zero) enters the
            // ranking as soon as this weight rises above zero.
            let entrant = !ranked.contains(&q);
            let mut candidates = roots(
                aq * bw - aw * bq,
                aq0 * bw + aq * bw0 - aw0 * bq - aw * bq0,
                aq0 * bw0 - aw0 * bq0,
            );
            if entrant {
                candidates.push(w);
            }
            for x in candidates {
                let at_current = (x - w).abs() <= 1e-9;
                if !(0.0..=MAX_WEIGHT).contains(&x) || (at_current && !entrant) {
                    continue;
                }
                // A root is a flip only if the challenger leads just beyond it; a root
                // where the two only touch (or an artefact of rounding) is not.
                let direction = if at_current { 1.0 } else { (x - w).signum() };
                let beyond = x + direction * 1e-7 * x.max(1.0);
                if !(0.0..=MAX_WEIGHT).contains(&beyond) {
                    continue;
                }
                let at = |(a0, a, b0, b): (f64, f64, f64, f64)| {
                    let den = b0 + b * beyond;
                    (den > 0.0).then(|| (a0 + a * beyond) / den)
                };
                match (at((aw0, aw, bw0, bw)), at((aq0, aq, bq0, bq))) {
                    (Some(tw), Some(tq)) if tq > tw => {}
                    _ => continue,
                }
                let x = if at_current { beyond } else { x };
                let Some(to_share) = share(x, w) else {
                    continue;
                };
                let distance = (to_share - from_share).abs();
                let name = crate::domain::text::lower(&table.providers[q].name);
                let better = match &best {
                    None => true,
                    Some((d, bc, bn, _)) => {
                        distance < d - 1e-9
                            || ((distance - d).abs() <= 1e-9 && (c, &name) < (*bc, bn))
                    }
                };
                if better {
                    let flip = WeightFlip {
                        criterion: table.criteria[c].clone(),
                        criterion_name: table.names[c].clone(),
                        from: w,
                        to: x,
                        from_share,
                        to_share,
                        new_leader: table.providers[q].clone(),
                    };
                    best = Some((distance, c, name, flip));
                }
            }
        }
    }
    best.map(|b| b.3)
}

/// A provider's weighted sums over all its scored criteria, from which the sums without
/// any one criterion are had by subtraction: adding them up afresh for every criterion
/// made the analysis quadratic in the criteria (1.3 ms a score edit at 20 × 100).
struct Sums {
    num: f64,
    den: f64,
    /// Criteria with points and weight: without the only one, the sums are exactly zero
    /// (as when added up afresh), not the rounding noise a subtraction leaves.
    counted: usize,
}

impl Sums {
    fn of(table: &Table, p: usize) -> Sums {
        let (num, den) = table.sums(p, None);
        let counted = (0..table.criteria.len())
            .filter(|&c| {
                table.weights[c] > 0.0
                    && table.scores[p][c].is_some_and(|s| s != Effective::NotApplicable)
            })
            .count();
        Sums { num, den, counted }
    }

    /// The sums of provider `p` without criterion `c`.
    fn sums(&self, table: &Table, p: usize, c: usize) -> (f64, f64) {
        let w = table.weights[c];
        match table.scores[p][c] {
            Some(Effective::Points(s)) if w > 0.0 => {
                if self.counted == 1 {
                    (0.0, 0.0)
                } else {
                    (self.num - w * s * 20.0, self.den - w)
                }
            }
            _ => (self.num, self.den),
        }
    }
}

/// A number of points with one decimal: 12.4, 80.0.
pub fn points(value: f64) -> String {
    format!("{:.1}", value + 0.0)
}

/// A share in whole percent, but never 0 or 100 for a share that is neither.
fn share_percent(share: f64) -> String {
    let rounded = share.round();
    let shown = if rounded <= 0.0 && share > 0.0 {
        1.0
    } else if rounded >= 100.0 && share < 100.0 {
        99.0
    } else {
        rounded
    };
    format!("{shown}")
}

/// A weight or score as the buyer typed it: 3, 2.5, 9.33.
pub fn number(value: f64) -> String {
    let rounded = (value * 100.0).round() / 100.0 + 0.0;
    format!("{rounded}")
}

impl Sensitivity {
    /// The one-sentence verdict.
    pub fn line(&self) -> String {
        let (Some(w), Some(r), Some(m)) = (&self.winner, &self.runner_up, self.margin) else {
            return match &self.winner {
                Some(w) => format!(
                    "Not enough to compare yet: only {} is ranked. Score another provider.",
                    w.name
                ),
                None => "Not enough to compare yet: score at least two providers.".into(),
            };
        };
        let lead = if self.tied.is_empty() {
            format!("{} leads {} by {} points", w.name, r.name, points(m))
        } else {
            format!("{} are tied", crate::domain::text::and_list(&self.tied))
        };
        match self.verdict {
            Verdict::NotEnough => "Not enough to compare yet.".into(),
            Verdict::TooClose(Reason::Tie) => format!(
                "Too close to call: {} are tied for first place.",
                crate::domain::text::and_list(&self.tied)
            ),
            Verdict::TooClose(Reason::Unscored) => match &self.unscored {
                Some(u) => format!(
                    "Not settled yet: {lead} on what is scored so far, but {} still to score \
                     for {} ({}% of the weight), enough to change that.",
                    u.phrase(),
                    crate::domain::text::and_list(&u.providers),
                    share_percent(u.share)
                ),
                None => format!("Not settled yet: {lead} on what is scored so far."),
            },
            Verdict::TooClose(Reason::UnderThreshold) => format!(
                "Too close to call: {lead}, under your {}-point threshold.",
                number(self.threshold)
            ),
            Verdict::TooClose(Reason::ScoreFlip) => {
                let flip = self.score_flip.as_ref().map(|f| f.sentence()).unwrap_or_default();
                format!("Too close to call: {lead}, but {flip}.")
            }
            Verdict::ClearWinner => format!(
                "Clear winner: {lead}, and no one-point change on a single criterion would change that."
            ),
        }
    }

    /// The weight-change finding, as a sentence.
    pub fn weight_line(&self) -> Option<String> {
        if self.margin.is_none() || self.verdict == Verdict::TooClose(Reason::Tie) {
            return None;
        }
        // With criteria still to score there is no winner yet, only a lead: "no weight
        // change would change the winner" read as a settled result beside "Not settled yet".
        let open = self.verdict == Verdict::TooClose(Reason::Unscored);
        let winner = if open {
            "who leads so far"
        } else {
            "the winner"
        };
        Some(match &self.weight_flip {
            Some(f) if f.from == 0.0 && f.to < 0.005 => format!(
                "Smallest weight change that changes {winner}: any weight above 0 for “{}” puts {} first.",
                f.criterion_name, f.new_leader.name
            ),
            Some(f) => format!(
                "Smallest weight change that changes {winner}: “{}” from {} ({}%) to {} ({}%) puts {} first.",
                f.criterion_name,
                number(f.from),
                points(f.from_share),
                number(f.to),
                points(f.to_share),
                f.new_leader.name
            ),
            None if open => "On what is scored so far, no change to a single criterion's weight (0 to 1,000) would change who leads.".into(),
            None => "No change to a single criterion's weight (0 to 1,000) would change the winner.".into(),
        })
    }
}

impl ScoreFlip {
    /// "one point more for Bravo on “X” (3 → 4) would put Bravo first"
    pub fn sentence(&self) -> String {
        let direction = if self.to > self.from { "more" } else { "less" };
        format!(
            "one point {direction} for {} on “{}” ({} → {}) would put {} first",
            self.provider.name,
            self.criterion_name,
            number(self.from),
            number(self.to),
            self.new_leader.name
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::scorecard::fixtures::{arb_case, card, provider, pts};
    use crate::domain::scorecard::model::{Score, Weight};
    use crate::domain::scorecard::scoring::results;
    use proptest::prelude::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-6
    }

    #[test]
    fn roots_of_linear_and_quadratic_equations() {
        assert_eq!(roots(0.0, 2.0, -4.0), [2.0]);
        assert!(roots(0.0, 0.0, 1.0).is_empty());
        assert!(roots(1.0, 0.0, 1.0).is_empty());
        let mut r = roots(1.0, -3.0, 2.0);
        r.sort_by(f64::total_cmp);
        assert!(close(r[0], 1.0) && close(r[1], 2.0));
        let mut r = roots(-2.0, 2.0, 4.0);
        r.sort_by(f64::total_cmp);
        assert!(close(r[0], -1.0) && close(r[1], 2.0));
    }

    /// Three criteria, two providers, worked by hand:
    /// weights c1 = 3, c2 = 1, c3 = 1 (sum 5).
    /// A: c1 5, c2 1, c3 3 → (300 + 20 + 60) / 5 = 76.
    /// B: c1 3, c2 5, c3 3 → (180 + 100 + 60) / 5 = 68.
    fn two_providers() -> (crate::domain::scorecard::model::Scorecard, Vec<Provider>) {
        let mut sc = card(&[("c1", "G", 3.0), ("c2", "G", 1.0), ("c3", "G", 1.0)]);
        for (c, a, b) in [("c1", 5, 3), ("c2", 1, 5), ("c3", 3, 3)] {
            sc.set_score("a", c, pts(a));
            sc.set_score("b", c, pts(b));
        }
        (sc, vec![provider("a"), provider("b")])
    }

    #[test]
    fn hand_computed_margin_and_one_point_flip() {
        let (sc, providers) = two_providers();
        let r = results(&sc, &providers);
        let s = &r.sensitivity;
        assert!(close(r.standings[0].total.unwrap(), 76.0));
        assert!(close(r.standings[1].total.unwrap(), 68.0));
        assert!(close(s.margin.unwrap(), 8.0));
        // One point more for B on c1 adds 3·20/5 = 12 → 80 > 76: a flip.
        // One point less for A on c1 takes 12 → 64 < 68: a flip.
        // One point more for B on c3 adds 4 → 72: no flip. A -1 on c2/c3: 72: no flip.
        assert_eq!(s.score_flips, 2);
        let flip = s.score_flip.as_ref().unwrap();
        // Both overshoot by 4; the tie goes to the provider name "MSP a" (A losing a point).
        assert_eq!(flip.provider.id, "a");
        assert_eq!((flip.from, flip.to), (5.0, 4.0));
        assert_eq!(flip.new_leader.id, "b");
        assert_eq!(s.verdict, Verdict::TooClose(Reason::ScoreFlip));
        assert_eq!(
            s.line(),
            "Too close to call: MSP a leads MSP b by 8.0 points, but one point less for MSP a on “C1” (5 → 4) would put MSP b first."
        );
    }

    #[test]
    fn hand_computed_smallest_weight_change() {
        let (sc, providers) = two_providers();
        let s = results(&sc, &providers).sensitivity;
        // c1 = x: A = (100x + 80)/(x + 2), B = (60x + 160)/(x + 2); equal at x = 2,
        //   share 60% → 50%: 10 points.
        // c2 = y: A = (360 + 20y)/(4 + y), B = (240 + 100y)/(4 + y); equal at y = 1.5,
        //   share 20% → 1.5/5.5 = 27.27%: 7.27 points.
        // c3 scores are equal: no weight of c3 changes the order.
        let f = s.weight_flip.unwrap();
        assert_eq!(f.criterion, "c2");
        assert!(close(f.from, 1.0) && close(f.to, 1.5));
        assert!(close(f.from_share, 20.0));
        assert!(close(f.to_share, 1.5 / 5.5 * 100.0));
        assert_eq!(f.new_leader.id, "b");
    }

    #[test]
    fn na_makes_the_weight_equation_quadratic() {
        // A: c1 5 (w1), c2 N/A. B: c1 2, c2 4 (w1).
        // A = 100 for any weight of c2. B = (40 + 80y)/(1 + y) < 100 for every y:
        // changing c2 never flips. Changing c1 (x): B = (40x + 80)/(x + 1) ≥ 100 needs
        // 40x + 80 ≥ 100x + 100, i.e. x ≤ -1/3: impossible. So no weight flip at all,
        // and the margin is 100 - 60 = 40.
        let mut sc = card(&[("c1", "G", 1.0), ("c2", "G", 1.0)]);
        sc.set_score("a", "c1", pts(5));
        sc.set_score(
            "a",
            "c2",
            Some(crate::domain::scorecard::model::Score::NotApplicable),
        );
        sc.set_score("b", "c1", pts(2));
        sc.set_score("b", "c2", pts(4));
        let s = results(&sc, &[provider("a"), provider("b")]).sensitivity;
        assert!(close(s.margin.unwrap(), 40.0));
        assert_eq!(s.weight_flip, None);
        assert_eq!(s.verdict, Verdict::ClearWinner);
        assert_eq!(
            s.weight_line().unwrap(),
            "No change to a single criterion's weight (0 to 1,000) would change the winner."
        );
    }

    #[test]
    fn a_weight_flip_through_zero_weight_is_found() {
        // A: c1 5, c2 0. B: c1 4, c2 2. Weights 1, 1.
        // A = 50, B = 60 → B wins by 10. Setting c2 to 0 gives A 100, B 80: flips.
        // c2 = y: A = 100/(1+y), B = (80 + 40y)/(1+y): equal at 100 = 80 + 40y → y = 0.5.
        let mut sc = card(&[("c1", "G", 1.0), ("c2", "G", 1.0)]);
        sc.set_score("a", "c1", pts(5));
        sc.set_score("a", "c2", pts(0));
        sc.set_score("b", "c1", pts(4));
        sc.set_score("b", "c2", pts(2));
        let s = results(&sc, &[provider("a"), provider("b")]).sensitivity;
        assert_eq!(s.winner.as_ref().unwrap().id, "b");
        let f = s.weight_flip.unwrap();
        // c1 = x: A = (100x)/(x+1), B = (80x+40)/(x+1): equal at x = 2, share 50 → 66.7 (16.7).
        // c2 at 0.5: share 50 → 33.3 (16.7). Equal distance: the first criterion wins the tie.
        assert_eq!(f.criterion, "c1");
        assert!(close(f.to, 2.0));
        assert_eq!(f.new_leader.id, "a");
    }

    #[test]
    fn a_clear_winner_survives_every_one_point_change() {
        // A all 5, B all 1 on two equal criteria: 100 vs 20.
        let mut sc = card(&[("c1", "G", 1.0), ("c2", "G", 1.0)]);
        for c in ["c1", "c2"] {
            sc.set_score("a", c, pts(5));
            sc.set_score("b", c, pts(1));
        }
        let s = results(&sc, &[provider("a"), provider("b")]).sensitivity;
        assert_eq!(s.verdict, Verdict::ClearWinner);
        assert_eq!(s.score_flips, 0);
        assert_eq!(s.weight_flip, None);
        assert!(s
            .line()
            .starts_with("Clear winner: MSP a leads MSP b by 80.0 points"));
    }

    #[test]
    fn a_lead_on_a_few_scored_criteria_is_not_settled() {
        // One of three criteria scored: A 5, B 2 (one point either way keeps A first).
        // Scoring the rest can reverse it.
        let mut sc = card(&[("c1", "G", 1.0), ("c2", "G", 1.0), ("c3", "G", 2.0)]);
        sc.set_score("a", "c1", pts(5));
        sc.set_score("b", "c1", pts(2));
        let s = results(&sc, &[provider("a"), provider("b")]).sensitivity;
        assert_eq!(s.verdict, Verdict::TooClose(Reason::Unscored));
        assert_eq!(
            s.unscored,
            Some(Unscored {
                criteria: 2,
                share: 75.0,
                providers: vec!["MSP a".into(), "MSP b".into()],
            })
        );
        assert_eq!(
            s.line(),
            "Not settled yet: MSP a leads MSP b by 60.0 points on what is scored so far, but 2 \
             criteria are still to score for MSP a and MSP b (75% of the weight), enough to \
             change that."
        );
        // No winner yet, so the weight line speaks of the lead.
        assert!(
            s.weight_line().unwrap().contains("who leads"),
            "{:?}",
            s.weight_line()
        );
    }

    #[test]
    fn a_provider_not_scored_at_all_can_still_win() {
        // A and B scored on both criteria, far apart; C on nothing yet.
        let mut sc = card(&[("c1", "G", 1.0), ("c2", "G", 1.0)]);
        for c in ["c1", "c2"] {
            sc.set_score("a", c, pts(5));
            sc.set_score("b", c, pts(1));
        }
        let providers = [provider("a"), provider("b"), provider("c")];
        let s = results(&sc, &providers).sensitivity;
        assert_eq!(s.verdict, Verdict::TooClose(Reason::Unscored));
        // Only C's scores are missing, and the verdict says whose.
        assert!(s.line().ends_with(
            "but 2 criteria are still to score for MSP c (100% of the weight), enough to \
             change that."
        ));
    }

    #[test]
    fn a_lead_no_unscored_criterion_can_reverse_is_clear() {
        // A 5 and B 1 on two criteria of weight 10; a third of weight 1 not scored. At
        // worst A has 100·20/21 = 95.2 and B (20·20 + 100)/21 = 23.8.
        let mut sc = card(&[("c1", "G", 10.0), ("c2", "G", 10.0), ("c3", "G", 1.0)]);
        for c in ["c1", "c2"] {
            sc.set_score("a", c, pts(5));
            sc.set_score("b", c, pts(1));
        }
        let s = results(&sc, &[provider("a"), provider("b")]).sensitivity;
        assert_eq!(s.unscored, None);
        assert_eq!(s.verdict, Verdict::ClearWinner);
    }

    #[test]
    fn a_single_criterion_left_reads_in_the_singular_with_a_share_never_rounded_to_zero() {
        let u = Unscored {
            criteria: 1,
            share: 0.2,
            providers: Vec::new(),
        };
        assert_eq!(u.phrase(), "1 criterion is");
        assert_eq!(share_percent(u.share), "1");
        assert_eq!(share_percent(99.7), "99");
        assert_eq!(share_percent(42.4), "42");
    }

    #[test]
    fn a_margin_under_the_threshold_is_too_close() {
        // 60 vs 56 over five equal criteria.
        let mut sc = card(&[
            ("c1", "G", 1.0),
            ("c2", "G", 1.0),
            ("c3", "G", 1.0),
            ("c4", "G", 1.0),
            ("c5", "G", 1.0),
        ]);
        for (c, a, b) in [
            ("c1", 3, 3),
            ("c2", 3, 3),
            ("c3", 3, 3),
            ("c4", 3, 3),
            ("c5", 3, 2),
        ] {
            sc.set_score("a", c, pts(a));
            sc.set_score("b", c, pts(b));
        }
        sc.close_margin = 5.0;
        let s = results(&sc, &[provider("a"), provider("b")]).sensitivity;
        assert!(close(s.margin.unwrap(), 4.0));
        assert_eq!(s.verdict, Verdict::TooClose(Reason::UnderThreshold));
        assert_eq!(
            s.line(),
            "Too close to call: MSP a leads MSP b by 4.0 points, under your 5-point threshold."
        );
        sc.close_margin = 2.5;
        let s = results(&sc, &[provider("a"), provider("b")]).sensitivity;
        // A one-point change on one of five equal criteria moves a total by 4: a flip.
        assert_eq!(s.verdict, Verdict::TooClose(Reason::ScoreFlip));
    }

    #[test]
    fn ties_and_missing_providers() {
        let mut sc = card(&[("c1", "G", 1.0)]);
        sc.set_score("a", "c1", pts(3));
        let s = results(&sc, &[provider("a"), provider("b")]).sensitivity;
        assert_eq!(s.verdict, Verdict::NotEnough);
        assert_eq!(
            s.line(),
            "Not enough to compare yet: only MSP a is ranked. Score another provider."
        );
        sc.set_score("b", "c1", pts(3));
        let s = results(&sc, &[provider("a"), provider("b")]).sensitivity;
        assert_eq!(s.verdict, Verdict::TooClose(Reason::Tie));
        assert_eq!(
            s.line(),
            "Too close to call: MSP a and MSP b are tied for first place."
        );
        assert_eq!(s.weight_line(), None);
        // Every provider tied at the top is named, not the first two.
        sc.set_score("c", "c1", pts(3));
        sc.set_score("d", "c1", pts(2));
        let four = [provider("a"), provider("b"), provider("c"), provider("d")];
        assert_eq!(
            results(&sc, &four).sensitivity.line(),
            "Too close to call: MSP a, MSP b and MSP c are tied for first place."
        );
        // A tie on part of the criteria is not settled either.
        let mut part = card(&[("c1", "G", 1.0), ("c2", "G", 1.0)]);
        part.set_score("a", "c1", pts(3));
        part.set_score("b", "c1", pts(3));
        let s = results(&part, &[provider("a"), provider("b")]).sensitivity;
        assert_eq!(s.verdict, Verdict::TooClose(Reason::Unscored));
        assert_eq!(
            s.line(),
            "Not settled yet: MSP a and MSP b are tied on what is scored so far, but 1 \
             criterion is still to score for MSP a and MSP b (50% of the weight), enough to \
             change that."
        );
        let none = results(&card(&[("c1", "G", 1.0)]), &[]).sensitivity;
        assert_eq!(
            none.line(),
            "Not enough to compare yet: score at least two providers."
        );
    }

    /// The sole leader of a results set, if there is one.
    fn sole_leader(
        sc: &crate::domain::scorecard::model::Scorecard,
        providers: &[Provider],
    ) -> Option<String> {
        let r = results(sc, providers);
        let ranked: Vec<_> = r.ranked().collect();
        match ranked.as_slice() {
            [first, second, ..] if first.rank() != second.rank() => Some(first.provider.id.clone()),
            [only] => Some(only.provider.id.clone()),
            _ => None,
        }
    }

    /// The worst case for `winner`: 0 on each criterion it has not scored, every other
    /// provider 5 on each of its own.
    fn worst_case(
        sc: &crate::domain::scorecard::model::Scorecard,
        providers: &[Provider],
        winner: &str,
    ) -> crate::domain::scorecard::model::Scorecard {
        let table = Table::build(sc, providers);
        let mut filled = sc.clone();
        for (p, row) in table.scores.iter().enumerate() {
            let fill = if providers[p].id == winner { 0 } else { 5 };
            for (c, score) in row.iter().enumerate() {
                if score.is_none() {
                    filled.set_score(&providers[p].id, &table.criteria[c], pts(fill));
                }
            }
        }
        filled
    }

    proptest! {
        #[test]
        fn a_settled_winner_survives_any_scores_for_what_is_left((sc, providers) in arb_case()) {
            let s = results(&sc, &providers).sensitivity;
            let winner = sole_leader(&sc, &providers);
            if let (None, Some(winner), Some(m)) = (s.unscored, winner, s.margin) {
                prop_assume!(m > 1e-6);
                let filled = worst_case(&sc, &providers, &winner);
                prop_assert_eq!(sole_leader(&filled, &providers), Some(winner));
            }
        }

        #[test]
        fn an_unsettled_lead_can_really_be_lost((sc, providers) in arb_case()) {
            let s = results(&sc, &providers).sensitivity;
            let winner = sole_leader(&sc, &providers);
            if let (Some(_), Some(winner)) = (s.unscored, winner) {
                // In the worst case the verdict warns of, someone ties or overtakes.
                let filled = worst_case(&sc, &providers, &winner);
                prop_assert_ne!(sole_leader(&filled, &providers), Some(winner));
            }
        }

        #[test]
        fn the_reported_weight_flip_really_changes_the_winner((sc, providers) in arb_case()) {
            let s = results(&sc, &providers).sensitivity;
            let winner = sole_leader(&sc, &providers);
            if let (Some(flip), Some(winner)) = (s.weight_flip, winner) {
                // Just past the tie point, the challenger leads or ties.
                let beyond = flip.to + (flip.to - flip.from).signum() * 1e-5;
                let mut changed = sc.clone();
                let id = flip.criterion.clone();
                changed.set_weight(&id, Weight::new(beyond.clamp(0.0, 1000.0)).unwrap()).unwrap();
                prop_assert_ne!(sole_leader(&changed, &providers), Some(winner));
            }
        }

        #[test]
        fn no_weight_flip_means_sampled_weights_keep_the_winner((sc, providers) in arb_case()) {
            let s = results(&sc, &providers).sensitivity;
            let winner = sole_leader(&sc, &providers);
            if s.weight_flip.is_none() && s.margin.is_some_and(|m| m > 1e-6) {
                for c in &sc.criteria {
                    for x in [0.001, 0.5, 1.0, 7.0, 49.0, 300.0, 1000.0] {
                        let mut changed = sc.clone();
                        changed.set_weight(&c.id, Weight::new(x).unwrap()).unwrap();
                        let leader = sole_leader(&changed, &providers);
                        prop_assert!(leader == winner || leader.is_none(), "{} at {x}", c.id);
                    }
                }
            }
        }

        #[test]
        fn sums_without_a_criterion_match_adding_up_the_rest((sc, providers) in arb_case()) {
            let table = Table::build(&sc, &providers);
            for p in 0..providers.len() {
                let all = Sums::of(&table, p);
                for c in 0..table.criteria.len() {
                    let (mut num, mut den) = (0.0, 0.0);
                    for (i, score) in table.scores[p].iter().enumerate() {
                        if let (true, Some(Effective::Points(s))) = (i != c, score) {
                            num += table.weights[i] * s * 20.0;
                            den += table.weights[i];
                        }
                    }
                    let (n, d) = all.sums(&table, p, c);
                    prop_assert!(close(n, num) && close(d, den), "{p} without {c}: {n}/{d}, added {num}/{den}");
                    // Nothing left is exactly nothing, as the analysis relies on.
                    if den == 0.0 {
                        prop_assert_eq!(d, 0.0);
                    }
                }
            }
        }

        #[test]
        fn the_reported_score_flip_really_changes_the_winner((sc, providers) in arb_case()) {
            let s = results(&sc, &providers).sensitivity;
            let winner = sole_leader(&sc, &providers);
            if let (Some(flip), Some(winner)) = (s.score_flip, winner) {
                let mut changed = sc.clone();
                changed.set_score(&flip.provider.id, &flip.criterion, Some(Score::Points(flip.to as u8)));
                prop_assert_ne!(sole_leader(&changed, &providers), Some(winner));
            }
        }
    }
}
