//! Call mode: one provider, one question at a time, scored from the keyboard.

use super::model::{Cursor, Score, Scorecard};
use crate::domain::provider::Provider;

/// What a key press does in call mode (outside text fields).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CallKey {
    Score(Score),
    Clear,
    Next,
    Previous,
}

/// Keys 0 to 5 score, N marks N/A, Backspace/Delete clears, arrows move.
pub fn key_action(key: &str) -> Option<CallKey> {
    match key {
        "0" | "1" | "2" | "3" | "4" | "5" => Score::parse(key).map(CallKey::Score),
        "n" | "N" => Some(CallKey::Score(Score::NotApplicable)),
        "Backspace" | "Delete" => Some(CallKey::Clear),
        "ArrowRight" | "ArrowDown" | "PageDown" => Some(CallKey::Next),
        "ArrowLeft" | "ArrowUp" | "PageUp" => Some(CallKey::Previous),
        _ => None,
    }
}

/// The criterion ids in the order call mode asks them.
pub fn order(sc: &Scorecard) -> Vec<String> {
    sc.ordered().into_iter().map(|c| c.id.clone()).collect()
}

/// Where call mode is: the saved cursor if it still points at something, otherwise
/// the first provider and the first question.
pub fn resolve(sc: &Scorecard, providers: &[Provider]) -> Option<Cursor> {
    let provider = providers
        .iter()
        .find(|p| p.id == sc.cursor.provider)
        .or_else(|| providers.first())?;
    let ids = order(sc);
    let criterion = ids
        .iter()
        .find(|c| **c == sc.cursor.criterion)
        .or_else(|| ids.first())?;
    Some(Cursor {
        provider: provider.id.clone(),
        criterion: criterion.clone(),
    })
}

/// The question `delta` places away, or None past either end.
pub fn step(order: &[String], current: &str, delta: i32) -> Option<String> {
    let at = order.iter().position(|c| c == current)? as i64 + i64::from(delta);
    usize::try_from(at).ok().and_then(|i| order.get(i)).cloned()
}

/// The next question without a score for this provider, after the current one and
/// wrapping round; None when everything is scored.
pub fn next_unscored(
    sc: &Scorecard,
    provider: &str,
    order: &[String],
    current: &str,
) -> Option<String> {
    let start = order.iter().position(|c| c == current).map_or(0, |i| i + 1);
    (0..order.len())
        .map(|k| &order[(start + k) % order.len()])
        .find(|c| sc.score(provider, c).is_none())
        .cloned()
}

/// "Question 3 of 34", and how many of them are scored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    /// 1-based.
    pub position: usize,
    pub total: usize,
    pub scored: usize,
}

pub fn progress(sc: &Scorecard, provider: &str, order: &[String], current: &str) -> Progress {
    Progress {
        position: order.iter().position(|c| c == current).map_or(0, |i| i + 1),
        total: order.len(),
        scored: order
            .iter()
            .filter(|c| sc.score(provider, c).is_some())
            .count(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn keys_map_to_actions() {
        assert_eq!(key_action("4"), Some(CallKey::Score(Score::Points(4))));
        assert_eq!(key_action("0"), Some(CallKey::Score(Score::Points(0))));
        assert_eq!(key_action("N"), Some(CallKey::Score(Score::NotApplicable)));
        assert_eq!(key_action("n"), Some(CallKey::Score(Score::NotApplicable)));
        assert_eq!(key_action("6"), None);
        assert_eq!(key_action("Delete"), Some(CallKey::Clear));
        assert_eq!(key_action("ArrowRight"), Some(CallKey::Next));
        assert_eq!(key_action("ArrowLeft"), Some(CallKey::Previous));
        assert_eq!(key_action("x"), None);
    }

    #[test]
    fn stepping_stops_at_both_ends() {
        let order = ids(&["a", "b", "c"]);
        assert_eq!(step(&order, "a", 1).as_deref(), Some("b"));
        assert_eq!(step(&order, "c", 1), None);
        assert_eq!(step(&order, "a", -1), None);
        assert_eq!(step(&order, "c", -2).as_deref(), Some("a"));
        assert_eq!(step(&order, "zz", 1), None);
    }

    #[test]
    fn next_unscored_wraps_and_progress_counts() {
        let mut sc = Scorecard::default();
        let order = order(&sc);
        assert_eq!(order[0], "raci-written");
        sc.set_score("p", &order[1], Some(Score::Points(2)));
        sc.set_score("p", &order[2], Some(Score::NotApplicable));
        assert_eq!(
            next_unscored(&sc, "p", &order, &order[0]).as_deref(),
            Some(order[3].as_str())
        );
        let last = order.last().unwrap();
        assert_eq!(
            next_unscored(&sc, "p", &order, last).as_deref(),
            Some(order[0].as_str())
        );
        let p = progress(&sc, "p", &order, &order[2]);
        assert_eq!((p.position, p.total, p.scored), (3, order.len(), 2));
        for c in &order {
            sc.set_score("p", c, Some(Score::Points(1)));
        }
        assert_eq!(next_unscored(&sc, "p", &order, &order[0]), None);
    }

    #[test]
    fn the_cursor_falls_back_to_the_first_provider_and_question() {
        let mut sc = Scorecard::default();
        let providers = vec![
            Provider {
                id: "a".into(),
                name: "A".into(),
            },
            Provider {
                id: "b".into(),
                name: "B".into(),
            },
        ];
        assert_eq!(resolve(&sc, &[]), None);
        let c = resolve(&sc, &providers).unwrap();
        assert_eq!(
            (c.provider.as_str(), c.criterion.as_str()),
            ("a", "raci-written")
        );
        sc.cursor = Cursor {
            provider: "b".into(),
            criterion: "sec-edr".into(),
        };
        let c = resolve(&sc, &providers).unwrap();
        assert_eq!(
            (c.provider.as_str(), c.criterion.as_str()),
            ("b", "sec-edr")
        );
        sc.remove_criterion("sec-edr");
        assert_eq!(resolve(&sc, &providers).unwrap().criterion, "raci-written");
        sc.criteria.clear();
        assert_eq!(resolve(&sc, &providers), None);
    }
}
