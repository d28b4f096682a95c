//! The items base rates most often leave out, how a quote treats each, and what
//! the excluded ones add to a contract year.

use serde::{Deserialize, Serialize};

use super::environment::Usage;
use super::money::{div_round, to_cents, Cents};

/// A commonly excluded item. The causes of most budget surprises in co-managed quotes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CostItem {
    ProjectWork,
    Advisory,
    AfterHours,
    Compliance,
    Licensing,
    OnSite,
}

/// What one unit of an item is, for rates and expected use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Hour,
    Incident,
    /// A licence for one seat for one month.
    SeatMonth,
    Visit,
}

impl Unit {
    /// "per hour", for rate labels.
    pub fn per(self) -> &'static str {
        match self {
            Unit::Hour => "per hour",
            Unit::Incident => "per incident",
            Unit::SeatMonth => "per seat a month",
            Unit::Visit => "per visit",
        }
    }

    /// "an hour", shown after a rate's amount: "$ 95 an hour".
    pub fn each(self) -> &'static str {
        match self {
            Unit::Hour => "an hour",
            Unit::Incident => "an incident",
            Unit::SeatMonth => "a seat a month",
            Unit::Visit => "a visit",
        }
    }
}

impl CostItem {
    pub const ALL: [CostItem; 6] = [
        CostItem::ProjectWork,
        CostItem::Advisory,
        CostItem::AfterHours,
        CostItem::Compliance,
        CostItem::Licensing,
        CostItem::OnSite,
    ];

    /// The name in tables.
    pub fn label(self) -> &'static str {
        match self {
            CostItem::ProjectWork => "Project work",
            CostItem::Advisory => "vCIO / advisory",
            CostItem::AfterHours => "After-hours incident response",
            CostItem::Compliance => "Compliance documentation",
            CostItem::Licensing => "Software licensing",
            CostItem::OnSite => "On-site visits",
        }
    }

    /// The name inside a sentence.
    pub fn phrase(self) -> &'static str {
        match self {
            CostItem::ProjectWork => "project work",
            CostItem::Advisory => "vCIO and advisory time",
            CostItem::AfterHours => "after-hours incident response",
            CostItem::Compliance => "compliance documentation",
            CostItem::Licensing => "software licensing",
            CostItem::OnSite => "on-site visits",
        }
    }

    pub fn unit(self) -> Unit {
        match self {
            CostItem::ProjectWork | CostItem::Advisory | CostItem::Compliance => Unit::Hour,
            CostItem::AfterHours => Unit::Incident,
            CostItem::Licensing => Unit::SeatMonth,
            CostItem::OnSite => Unit::Visit,
        }
    }

    /// A stable token for form values.
    pub fn key(self) -> &'static str {
        match self {
            CostItem::ProjectWork => "project",
            CostItem::Advisory => "advisory",
            CostItem::AfterHours => "after_hours",
            CostItem::Compliance => "compliance",
            CostItem::Licensing => "licensing",
            CostItem::OnSite => "on_site",
        }
    }

    /// Yearly use for items counted per year (all but licensing, which counts seats).
    pub fn yearly_use(self, usage: &Usage) -> u32 {
        match self {
            CostItem::ProjectWork => usage.project_hours,
            CostItem::Advisory => usage.advisory_hours,
            CostItem::AfterHours => usage.incidents,
            CostItem::Compliance => usage.compliance_hours,
            CostItem::Licensing => 0,
            CostItem::OnSite => usage.visits,
        }
    }
}

/// How a quote treats an item.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cover {
    Included,
    /// Excluded, with a rate-card price per unit.
    Rated,
    /// Excluded and no price given: an unknown cost. The default until the buyer has
    /// read the quote, because an unstated exclusion is the usual surprise.
    #[default]
    NoRate,
}

impl Cover {
    pub const ALL: [Cover; 3] = [Cover::Included, Cover::Rated, Cover::NoRate];

    pub fn label(self) -> &'static str {
        match self {
            Cover::Included => "Included",
            Cover::Rated => "Excluded, rate given",
            Cover::NoRate => "Excluded, no rate",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Cover::Included => "included",
            Cover::Rated => "rated",
            Cover::NoRate => "no_rate",
        }
    }

    pub fn from_key(key: &str) -> Option<Cover> {
        Cover::ALL.into_iter().find(|c| c.key() == key)
    }
}

/// A quote's treatment of one item. The rate is kept when the status changes, so
/// switching back and forth never loses a typed figure.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Terms {
    pub cover: Cover,
    /// Per unit (see [`CostItem::unit`]), in year-1 prices.
    pub rate: Cents,
}

/// A quote's rate card for the six items.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RateCard {
    pub project: Terms,
    pub advisory: Terms,
    pub after_hours: Terms,
    pub compliance: Terms,
    pub licensing: Terms,
    pub on_site: Terms,
}

impl RateCard {
    pub fn get(&self, item: CostItem) -> Terms {
        match item {
            CostItem::ProjectWork => self.project,
            CostItem::Advisory => self.advisory,
            CostItem::AfterHours => self.after_hours,
            CostItem::Compliance => self.compliance,
            CostItem::Licensing => self.licensing,
            CostItem::OnSite => self.on_site,
        }
    }

    pub fn get_mut(&mut self, item: CostItem) -> &mut Terms {
        match item {
            CostItem::ProjectWork => &mut self.project,
            CostItem::Advisory => &mut self.advisory,
            CostItem::AfterHours => &mut self.after_hours,
            CostItem::Compliance => &mut self.compliance,
            CostItem::Licensing => &mut self.licensing,
            CostItem::OnSite => &mut self.on_site,
        }
    }
}

/// The cost of an excluded item over part of a contract year.
///
/// - Hours, incidents and visits: yearly use × rate × months / 12, rounded to the cent
///   once (a full year is exact).
/// - Licensing: seats × rate × months (a monthly price, exact).
pub fn item_cost(item: CostItem, rate: Cents, yearly_use: u32, seats: u32, months: u32) -> Cents {
    let rate = i128::from(rate);
    let months = i128::from(months);
    match item.unit() {
        Unit::SeatMonth => to_cents(rate * i128::from(seats) * months),
        _ => to_cents(div_round(rate * i128::from(yearly_use) * months, 12)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hourly_items_cost_use_times_rate_prorated_by_month() {
        // 80 project hours at $175: $14,000 a year.
        assert_eq!(
            item_cost(CostItem::ProjectWork, 17_500, 80, 0, 12),
            1_400_000
        );
        // Half a year: $7,000.
        assert_eq!(item_cost(CostItem::ProjectWork, 17_500, 80, 0, 6), 700_000);
        // 5 incidents at $333.33 over 1 month: 5 × 333.33 / 12 = 138.8875 → $138.89.
        assert_eq!(item_cost(CostItem::AfterHours, 33_333, 5, 0, 1), 13_889);
        assert_eq!(item_cost(CostItem::OnSite, 25_000, 0, 0, 12), 0);
    }

    #[test]
    fn licensing_costs_seats_times_rate_each_month() {
        // 75 seats at $22 a month for a year: $19,800.
        assert_eq!(
            item_cost(CostItem::Licensing, 2_200, 999, 75, 12),
            1_980_000
        );
        assert_eq!(item_cost(CostItem::Licensing, 2_200, 0, 75, 3), 495_000);
    }

    #[test]
    fn every_item_has_its_own_keys_and_rates_survive_a_status_change() {
        let mut card = RateCard::default();
        for item in CostItem::ALL {
            assert_eq!(card.get(item).cover, Cover::NoRate);
            card.get_mut(item).rate = 100;
            card.get_mut(item).cover = Cover::Rated;
        }
        card.get_mut(CostItem::Advisory).cover = Cover::Included;
        card.get_mut(CostItem::Advisory).cover = Cover::Rated;
        assert_eq!(card.get(CostItem::Advisory).rate, 100);
        for cover in Cover::ALL {
            assert_eq!(Cover::from_key(cover.key()), Some(cover));
        }
        let keys: std::collections::HashSet<&str> = CostItem::ALL.iter().map(|i| i.key()).collect();
        assert_eq!(keys.len(), 6);
    }

    #[test]
    fn yearly_use_reads_the_matching_estimate() {
        let u = Usage::default();
        assert_eq!(CostItem::ProjectWork.yearly_use(&u), 80);
        assert_eq!(CostItem::AfterHours.yearly_use(&u), 4);
        assert_eq!(CostItem::Licensing.yearly_use(&u), 0);
        assert_eq!(CostItem::OnSite.yearly_use(&u), 6);
    }
}
