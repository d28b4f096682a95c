//! One provider's quote: its pricing model, fees, contract terms and rate card.

use serde::{Deserialize, Serialize};

use super::exclusions::{CostItem, Cover, RateCard, Terms};
use super::models::{ModelKind, Rates};
use super::money::{Bps, Cents};

/// The annual price escalator a quote may carry: 0% to 20%.
pub const MAX_ESCALATOR: Bps = 2_000;
/// Contract terms: one month to ten years.
pub const MIN_TERM: i64 = 1;
pub const MAX_TERM: i64 = 120;
/// The longest notice period accepted, in days.
pub const MAX_NOTICE_DAYS: i64 = 730;
/// The most hours a month a block can hold.
pub const MAX_BLOCK_HOURS: i64 = 10_000;

/// A provider's quote. One per provider: the provider id is the quote's key.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Quote {
    /// The id of the provider in the workspace's shared list.
    pub provider: String,
    pub model: ModelKind,
    pub rates: Rates,
    /// One-time onboarding fee, billed in the first month.
    pub onboarding: Cents,
    /// Monthly platform or tool-access fee.
    pub platform: Cents,
    /// Annual price escalator, applied from the second contract year.
    pub escalator_bps: Bps,
    pub term_months: u32,
    pub notice_days: u32,
    pub card: RateCard,
}

impl Default for Quote {
    /// A blank quote with the market's usual contract shape: three years, a 3% annual
    /// adjustment, 90 days' notice.
    fn default() -> Self {
        Quote {
            provider: String::new(),
            model: ModelKind::PerUser,
            rates: Rates::default(),
            onboarding: 0,
            platform: 0,
            escalator_bps: 300,
            term_months: 36,
            notice_days: super::benchmarks::USUAL_NOTICE_DAYS,
            card: RateCard::default(),
        }
    }
}

impl Quote {
    pub fn new(provider: String) -> Quote {
        Quote {
            provider,
            ..Quote::default()
        }
    }

    /// The number of contract years, the last one possibly partial. At least one, so a
    /// corrupt term of zero from an old file still prices a month rather than nothing.
    pub fn years(&self) -> usize {
        (self.term().div_ceil(12)) as usize
    }

    /// The term, never below one month.
    pub fn term(&self) -> u32 {
        self.term_months.clamp(MIN_TERM as u32, MAX_TERM as u32)
    }

    /// How the quote actually treats an item. A hybrid quote bills project hours at its
    /// own project rate, whatever its rate card says. An item excluded "with a rate" that
    /// has no rate yet is an unknown cost, not a free one: $0 an hour would make the
    /// quote look cheaper the less the buyer has typed.
    pub fn terms(&self, item: CostItem) -> Terms {
        if self.rate_missing(item) {
            Terms {
                cover: Cover::NoRate,
                rate: 0,
            }
        } else {
            self.stated(item)
        }
    }

    /// Whether the item is billed at a rate the buyer has not typed in yet.
    pub fn rate_missing(&self, item: CostItem) -> bool {
        self.stated(item)
            == Terms {
                cover: Cover::Rated,
                rate: 0,
            }
    }

    /// The item's terms as typed: the rate card's line, or a hybrid quote's project rate.
    fn stated(&self, item: CostItem) -> Terms {
        if self.model == ModelKind::Hybrid && item == CostItem::ProjectWork {
            Terms {
                cover: Cover::Rated,
                rate: self.rates.project_rate,
            }
        } else {
            self.card.get(item)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_quote_has_the_usual_contract_shape() {
        let q = Quote::new("p1".into());
        assert_eq!(q.provider, "p1");
        assert_eq!(
            (q.term_months, q.escalator_bps, q.notice_days),
            (36, 300, 90)
        );
        assert_eq!(q.years(), 3);
    }

    #[test]
    fn years_count_a_partial_last_year_and_never_reach_zero() {
        let mut q = Quote {
            term_months: 30,
            ..Quote::default()
        };
        assert_eq!(q.years(), 3);
        q.term_months = 12;
        assert_eq!(q.years(), 1);
        q.term_months = 0;
        assert_eq!((q.term(), q.years()), (1, 1));
    }

    #[test]
    fn hybrid_bills_projects_at_its_own_rate() {
        let mut q = Quote::default();
        q.rates.project_rate = 17_500;
        q.card.project = Terms {
            cover: Cover::Included,
            rate: 0,
        };
        assert_eq!(q.terms(CostItem::ProjectWork).cover, Cover::Included);
        q.model = ModelKind::Hybrid;
        assert_eq!(
            q.terms(CostItem::ProjectWork),
            Terms {
                cover: Cover::Rated,
                rate: 17_500
            }
        );
        assert_eq!(q.terms(CostItem::Advisory).cover, Cover::NoRate);
    }

    #[test]
    fn an_item_excluded_with_a_rate_not_typed_yet_is_an_unknown_cost() {
        let mut q = Quote::default();
        q.card.after_hours.cover = Cover::Rated;
        assert_eq!(q.terms(CostItem::AfterHours).cover, Cover::NoRate);
        q.card.after_hours.rate = 25_000;
        assert_eq!(q.terms(CostItem::AfterHours).cover, Cover::Rated);
        // What the buyer chose stays in the card, so the form shows it as chosen.
        q.card.after_hours.rate = 0;
        assert_eq!(q.card.after_hours.cover, Cover::Rated);
        assert!(q.rate_missing(CostItem::AfterHours));
        assert!(
            !q.rate_missing(CostItem::Advisory),
            "excluded with no rate on purpose"
        );
        // A hybrid's project hours with no project rate are no more free.
        q.model = ModelKind::Hybrid;
        assert_eq!(q.terms(CostItem::ProjectWork).cover, Cover::NoRate);
        q.rates.project_rate = 15_000;
        assert_eq!(q.terms(CostItem::ProjectWork).cover, Cover::Rated);
    }

    #[test]
    fn an_old_empty_quote_loads_with_defaults() {
        let q: Quote = serde_json::from_str(r#"{"provider":"p9"}"#).unwrap();
        assert_eq!(q, Quote::new("p9".into()));
    }
}
