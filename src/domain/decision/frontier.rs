//! Value for money: the providers no other provider beats on both score and price (the
//! efficient frontier), and what each extra point of score costs between neighbours on it.
//!
//! A knocked-out provider is drawn on the chart but never on the frontier: it cannot be
//! chosen, so it must not push a provider that can be chosen off the line.

use crate::domain::pricing::money::{Cents, Currency};
use crate::domain::scorecard::table::TIE_EPSILON;

/// One provider as the value chart places it.
#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    pub provider: String,
    /// Weighted score, 0 to 100.
    pub score: f64,
    /// What the chart and the frontier compare: the total contract value, or the average
    /// a year when the quotes run for different terms (`Placement::per_year`).
    pub cost: Cents,
    /// Total contract value.
    pub total: Cents,
    pub knocked_out: bool,
}

/// A move along the frontier to the next provider up: what it costs and what it buys.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    pub from: String,
    pub to: String,
    pub extra_cost: Cents,
    pub extra_points: f64,
}

impl Step {
    /// What one more point of score costs on this step, rounded to the cent.
    /// The extra points as the sentences show them: one decimal, or two when the gap is
    /// too small for one ("0.04", never "0.0 more points").
    pub fn points_text(&self) -> String {
        if self.extra_points < 0.05 {
            format!("{:.2}", self.extra_points)
        } else {
            crate::domain::scorecard::sensitivity::points(self.extra_points)
        }
    }

    /// The extra points as `points_text` shows them, so the cost per point it is set
    /// beside divides out ($26,500 for "0.8 more points" is $33,125 a point, not the
    /// $32,330 of the 0.82 behind it); the exact gap when it shows as none.
    fn shown_points(&self) -> f64 {
        // The domain's reader: `str::parse::<f64>` brings 14 KB of tables into the wasm.
        match crate::domain::input::parse_decimal(&self.points_text()) {
            Some(shown) if shown > 0.0 => shown,
            _ => self.extra_points,
        }
    }

    /// "Keystone costs $44,100 more over the contract than Harbor for 20.0 more points
    /// ($2,205 a point)", or by the year when `per_year`. `name` turns a provider id into
    /// its name.
    pub fn sentence(&self, name: impl Fn(&str) -> String, cur: Currency, per_year: bool) -> String {
        let (span, each) = if per_year {
            ("a year", "a year for each point")
        } else {
            ("over the contract", "a point")
        };
        format!(
            "{} costs {} more {span} than {} for {} more points ({} {each}).",
            name(&self.to),
            cur.total(self.extra_cost),
            name(&self.from),
            self.points_text(),
            cur.total(self.cost_per_point())
        )
    }

    pub fn cost_per_point(&self) -> Cents {
        (self.extra_cost as f64 / self.shown_points()).round() as Cents
    }
}

/// The frontier, cheapest first, and the steps between its neighbours.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Frontier {
    pub providers: Vec<String>,
    pub steps: Vec<Step>,
}

/// Whether `a` is at least as good and as cheap as `b`, and better or cheaper.
fn dominates(a: &Point, b: &Point) -> bool {
    let better = a.score > b.score + TIE_EPSILON;
    let as_good = a.score >= b.score - TIE_EPSILON;
    as_good && a.cost <= b.cost && (better || a.cost < b.cost)
}

/// The providers that can be chosen and that no other such provider dominates, cheapest
/// first (equal cost: lower score first), with the step from each to the next. Providers
/// that tie on both score and price are both on the frontier, with no step between them.
pub fn frontier(points: &[Point]) -> Frontier {
    let open: Vec<&Point> = points.iter().filter(|p| !p.knocked_out).collect();
    let mut on: Vec<&Point> = open
        .iter()
        .copied()
        .filter(|p| !open.iter().any(|q| dominates(q, p)))
        .collect();
    crate::domain::order::sort_by(&mut on, |a, b| {
        a.cost
            .cmp(&b.cost)
            .then(a.score.total_cmp(&b.score))
            .then_with(|| a.provider.cmp(&b.provider))
    });
    let steps = on
        .windows(2)
        .filter(|pair| pair[1].score > pair[0].score + TIE_EPSILON)
        .map(|pair| Step {
            from: pair[0].provider.clone(),
            to: pair[1].provider.clone(),
            extra_cost: pair[1].cost - pair[0].cost,
            extra_points: pair[1].score - pair[0].score,
        })
        .collect();
    Frontier {
        providers: on.iter().map(|p| p.provider.clone()).collect(),
        steps,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn point(provider: &str, score: f64, dollars: i64) -> Point {
        Point {
            provider: provider.into(),
            score,
            cost: dollars * 100,
            total: dollars * 100,
            knocked_out: false,
        }
    }

    #[test]
    fn a_provider_beaten_on_score_and_price_is_off_the_frontier() {
        // Keystone is both better and cheaper than Nimbus.
        let points = [
            point("harbor", 70.0, 100_000),
            point("keystone", 80.0, 150_000),
            point("nimbus", 75.0, 200_000),
        ];
        let f = frontier(&points);
        assert_eq!(f.providers, ["harbor", "keystone"]);
        assert_eq!(
            f.steps,
            [Step {
                from: "harbor".into(),
                to: "keystone".into(),
                extra_cost: 5_000_000,
                extra_points: 10.0,
            }]
        );
        // $50,000 for 10 points: $5,000 a point.
        assert_eq!(f.steps[0].cost_per_point(), 500_000);
    }

    #[test]
    fn a_knocked_out_provider_never_pushes_another_off() {
        let mut cheap_and_best = point("lockin", 95.0, 50_000);
        cheap_and_best.knocked_out = true;
        let points = [
            cheap_and_best,
            point("harbor", 70.0, 100_000),
            point("keystone", 80.0, 150_000),
        ];
        assert_eq!(frontier(&points).providers, ["harbor", "keystone"]);
    }

    #[test]
    fn same_price_keeps_the_better_score_and_full_ties_keep_both() {
        let f = frontier(&[point("a", 70.0, 100_000), point("b", 72.0, 100_000)]);
        assert_eq!(f.providers, ["b"]);
        let f = frontier(&[point("a", 70.0, 100_000), point("b", 70.0, 100_000)]);
        assert_eq!(f.providers, ["a", "b"]);
        assert!(f.steps.is_empty());
    }

    #[test]
    fn a_fractional_point_is_priced_to_the_cent() {
        // $41,000 for 6.2 points: $6,612.90 a point.
        let step = Step {
            from: "a".into(),
            to: "b".into(),
            extra_cost: 4_100_000,
            extra_points: 6.2,
        };
        assert_eq!(step.cost_per_point(), 661_290);
        // Priced by the points the sentence shows: $26,500 for "0.8" (0.82) is $33,125.
        let step = Step {
            extra_cost: 2_650_000,
            extra_points: 0.82,
            ..step
        };
        assert_eq!(step.points_text(), "0.8");
        assert_eq!(step.cost_per_point(), 3_312_500);
    }

    fn arb_points() -> impl Strategy<Value = Vec<Point>> {
        let one = (0u8..=20, 0i64..=20, any::<bool>()).prop_map(|(s, c, ko)| (s, c, ko));
        prop::collection::vec(one, 0..12).prop_map(|raw| {
            raw.into_iter()
                .enumerate()
                .map(|(i, (s, c, ko))| Point {
                    provider: format!("p{i}"),
                    score: f64::from(s) * 5.0,
                    cost: c * 1_000_000,
                    total: c * 1_000_000,
                    knocked_out: ko,
                })
                .collect()
        })
    }

    proptest! {
        #[test]
        fn the_frontier_is_exactly_the_undominated_providers(points in arb_points()) {
            let f = frontier(&points);
            let open: Vec<&Point> = points.iter().filter(|p| !p.knocked_out).collect();
            for p in &open {
                let on = f.providers.contains(&p.provider);
                let beaten = open.iter().any(|q| dominates(q, p));
                prop_assert_eq!(on, !beaten);
            }
            for s in &f.steps {
                prop_assert!(s.extra_cost > 0 && s.extra_points > 0.0);
            }
        }
    }
}
