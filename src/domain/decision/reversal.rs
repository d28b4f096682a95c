//! Whether costs a quote leaves unknown could change the price order: the smallest rate
//! for its unpriced items at which it would cost more than another quote.
//!
//! The quote is priced again with every unpriced item given the same rate (per each
//! item's own unit), through the same `totals` the comparison uses, so escalators,
//! growth and part years count exactly as they do there.

use crate::domain::pricing::exclusions::{CostItem, Cover, Terms};
use crate::domain::pricing::money::{Cents, MAX_AMOUNT};
use crate::domain::pricing::quote::Quote;
use crate::domain::pricing::totals::totals;
use crate::domain::pricing::Pricing;
use crate::domain::profile::CompanyProfile;

/// The items a quote excludes with no rate.
fn unpriced(q: &Quote) -> Vec<CostItem> {
    CostItem::ALL
        .into_iter()
        .filter(|&i| q.terms(i).cover == Cover::NoRate)
        .collect()
}

/// The smallest rate, in cents per unit, at which `q`'s total contract value would be
/// more than `other_total`; `None` when no rate the app accepts would get it there (or
/// the buyer expects no use of the unpriced items, so they add nothing at any rate).
pub fn rate_to_exceed(
    q: &Quote,
    pricing: &Pricing,
    profile: &CompanyProfile,
    other_total: Cents,
) -> Option<Cents> {
    let items = unpriced(q);
    if items.is_empty() {
        return None;
    }
    let total_at = |rate: Cents| {
        let mut priced = q.clone();
        for &item in &items {
            *priced.card.get_mut(item) = Terms {
                cover: Cover::Rated,
                rate,
            };
        }
        totals(&priced, &pricing.env, profile, &pricing.usage).total
    };
    if total_at(MAX_AMOUNT) <= other_total {
        return None;
    }
    // The total only grows with the rate, so the first rate past the other total is
    // found by halving.
    let (mut low, mut high) = (0, MAX_AMOUNT);
    if total_at(low) > other_total {
        return Some(0);
    }
    while high - low > 1 {
        let mid = low + (high - low) / 2;
        if total_at(mid) > other_total {
            high = mid;
        } else {
            low = mid;
        }
    }
    Some(high)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::pricing::Pick;

    #[test]
    fn finds_the_first_cent_that_reverses_the_order() {
        let mut providers = Vec::new();
        let mut p = Pricing::default();
        p.add_quote(&mut providers, Pick::New("Harbor".into()), "a".into())
            .unwrap();
        let q = p.quote_mut("a").unwrap();
        q.rates.per_user = 10_000;
        q.escalator_bps = 0;
        q.term_months = 12;
        for item in CostItem::ALL {
            *q.card.get_mut(item) = Terms {
                cover: Cover::Included,
                rate: 0,
            };
        }
        q.card.after_hours.cover = Cover::NoRate;
        p.usage.incidents = 4;
        let profile = CompanyProfile::default();
        let q = p.quote("a").unwrap().clone();
        let base = totals(&q, &p.env, &profile, &p.usage).total;
        // Four incidents a year over one year: the rate must add more than $1,000.
        let rate = rate_to_exceed(&q, &p, &profile, base + 100_000).unwrap();
        assert_eq!(rate, 25_001, "$250.01 an incident: 4 × $250.01 = $1,000.04");
        assert_eq!(rate_to_exceed(&q, &p, &profile, base - 1), Some(0));
        p.usage.incidents = 0;
        assert_eq!(
            rate_to_exceed(&q, &p, &profile, base + 100_000),
            None,
            "no use, no cost"
        );
    }
}
