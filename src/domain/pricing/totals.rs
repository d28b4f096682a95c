//! A quote turned into money: base monthly, all-in year 1, the total contract value
//! year by year, and the effective rates.
//!
//! How a contract year is priced (year k has 12 months, the last one possibly fewer):
//! - rates: the quote's year-1 rates raised by the escalator once per year after the
//!   first, rounded to the cent each year (onboarding is never escalated);
//! - users and workstations: grown once per year after the first
//!   ([`Environment::counts_by_year`]);
//! - base service: the model's monthly charge × months;
//! - platform fee: monthly fee × months;
//! - block-hour overage: hours above the block × overage rate × months;
//! - excluded items with a rate: see [`item_cost`];
//! - onboarding: the one-time fee, in year 1.
//!
//! Excluded items without a rate are not guessed: they are listed as unknown costs.

use super::environment::{Environment, Usage};
use super::exclusions::{item_cost, CostItem, Cover};
use super::models::{overage_monthly, service_monthly};
use super::money::{div_round, to_cents, Cents};
use super::quote::Quote;
use crate::domain::profile::CompanyProfile;

/// What one contract year costs, by kind of charge.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct YearCost {
    pub year: u32,
    pub months: u32,
    pub users: u32,
    pub devices: u32,
    pub service: Cents,
    pub platform: Cents,
    pub overage: Cents,
    /// Excluded items priced from the rate card (and a hybrid's project hours).
    pub extras: Cents,
    pub onboarding: Cents,
}

impl YearCost {
    pub fn total(&self) -> Cents {
        self.service
            .saturating_add(self.platform)
            .saturating_add(self.overage)
            .saturating_add(self.extras)
            .saturating_add(self.onboarding)
    }
}

/// One item of the rate card in year 1.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemLine {
    pub item: CostItem,
    pub cover: Cover,
    /// The year-1 rate per unit (meaningful when excluded with a rate).
    pub rate: Cents,
    /// What it adds to year 1.
    pub year1: Cents,
    /// The buyer expects to use some of it.
    pub needed: bool,
    /// Excluded with a rate (or a hybrid's project hours) but no rate typed in yet: an
    /// unknown cost until it is (`Quote::terms`), named as a rate still to type.
    pub rate_missing: bool,
}

/// Everything the comparison shows for one quote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteTotals {
    /// The fixed monthly bill in year 1: the model's service charge plus the platform fee.
    pub base_monthly: Cents,
    pub years: Vec<YearCost>,
    /// The first contract year with everything priced in, onboarding included.
    pub all_in_year1: Cents,
    /// Total contract value: every year of the term.
    pub total: Cents,
    /// Total contract value per user-month and per device-month over the term.
    pub per_user_month: Option<Cents>,
    pub per_device_month: Option<Cents>,
    pub items: Vec<ItemLine>,
}

impl QuoteTotals {
    /// Excluded items with no rate that the buyer expects to use: costs the all-in
    /// figure cannot include.
    pub fn unknown(&self) -> Vec<CostItem> {
        self.items
            .iter()
            .filter(|l| l.cover == Cover::NoRate && l.needed)
            .map(|l| l.item)
            .collect()
    }
}

/// Prices a quote for the environment and the expected use.
pub fn totals(
    q: &Quote,
    env: &Environment,
    profile: &CompanyProfile,
    usage: &Usage,
) -> QuoteTotals {
    let counts = env.counts_by_year(profile, q.years());
    let term = q.term();
    let mut rates = q.rates.clone();
    let mut platform = q.platform;
    let mut card: Vec<(CostItem, Cents)> = CostItem::ALL
        .iter()
        .map(|&i| (i, q.terms(i).rate))
        .collect();
    let mut years = Vec::with_capacity(counts.len());
    let mut items = Vec::new();
    let mut user_months: i128 = 0;
    let mut device_months: i128 = 0;
    for (k, c) in counts.iter().enumerate() {
        if k > 0 {
            rates = rates.escalate(q.escalator_bps);
            platform = super::money::apply_bps(platform, q.escalator_bps);
            for (_, rate) in card.iter_mut() {
                *rate = super::money::apply_bps(*rate, q.escalator_bps);
            }
        }
        let months = (term - 12 * k as u32).min(12);
        let m = i128::from(months);
        let seats = usage.seats.unwrap_or(c.users);
        let mut extras: Cents = 0;
        for &(item, rate) in &card {
            let cover = q.terms(item).cover;
            let use_ = item.yearly_use(usage);
            let cost = if cover == Cover::Rated {
                item_cost(item, rate, use_, seats, months)
            } else {
                0
            };
            extras = extras.saturating_add(cost);
            if k == 0 {
                let needed = match item {
                    CostItem::Licensing => seats > 0,
                    _ => use_ > 0,
                };
                items.push(ItemLine {
                    item,
                    cover,
                    rate,
                    year1: cost,
                    needed,
                    rate_missing: cover == Cover::NoRate && q.rate_missing(item),
                });
            }
        }
        user_months += i128::from(c.users) * m;
        device_months += i128::from(c.devices()) * m;
        years.push(YearCost {
            year: k as u32 + 1,
            months,
            users: c.users,
            devices: c.devices(),
            service: to_cents(i128::from(service_monthly(q.model, &rates, *c)) * m),
            platform: to_cents(i128::from(platform) * m),
            overage: to_cents(i128::from(overage_monthly(q.model, &rates)) * m),
            extras,
            onboarding: if k == 0 { q.onboarding } else { 0 },
        });
    }
    let total = to_cents(years.iter().map(|y| i128::from(y.total())).sum());
    let per = |n: i128| (n > 0).then(|| to_cents(div_round(i128::from(total), n)));
    QuoteTotals {
        base_monthly: service_monthly(q.model, &q.rates, counts[0]).saturating_add(q.platform),
        all_in_year1: years[0].total(),
        total,
        per_user_month: per(user_months),
        per_device_month: per(device_months),
        years,
        items,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::pricing::exclusions::Terms;
    use crate::domain::pricing::models::{ModelKind, Rates};
    use proptest::prelude::*;

    fn profile75() -> CompanyProfile {
        CompanyProfile::default()
    }

    fn included_card(q: &mut Quote) {
        for item in CostItem::ALL {
            q.card.get_mut(item).cover = Cover::Included;
        }
    }

    fn per_user(rate: Cents, term: u32, escalator: i64) -> Quote {
        let mut q = Quote::new("a".into());
        q.rates.per_user = rate;
        q.term_months = term;
        q.escalator_bps = escalator;
        included_card(&mut q);
        q
    }

    fn price(q: &Quote, env: &Environment) -> QuoteTotals {
        totals(q, env, &profile75(), &Usage::default())
    }

    #[test]
    fn per_user_flat_three_years() {
        // 75 users × $100 = $7,500 a month; $90,000 a year; $270,000 over 36 months.
        let t = price(&per_user(10_000, 36, 0), &Environment::default());
        assert_eq!(t.base_monthly, 750_000);
        assert_eq!(t.all_in_year1, 9_000_000);
        assert_eq!(t.total, 27_000_000);
        assert_eq!(t.per_user_month, Some(10_000));
        // 83 devices (75 workstations, 3 servers, 5 network): 27,000,000 / (83 × 36) = 9,036.14… → $90.36.
        assert_eq!(t.per_device_month, Some(9_036));
    }

    #[test]
    fn escalator_compounds_on_the_rounded_rate_each_contract_year() {
        // $95.50 at 3%: year 2 $98.37 (98.365 rounded), year 3 $101.32 (101.3211).
        // Year totals for 75 users: 85,950.00; 88,533.00; 91,188.00 → 265,671.00.
        let t = price(&per_user(9_550, 36, 300), &Environment::default());
        let by_year: Vec<Cents> = t.years.iter().map(|y| y.total()).collect();
        assert_eq!(by_year, vec![8_595_000, 8_853_300, 9_118_800]);
        assert_eq!(t.total, 26_567_100);
        assert_eq!(t.base_monthly, 716_250);
    }

    #[test]
    fn growth_raises_users_each_year_and_a_partial_last_year_counts_its_months() {
        // $100 per user, 10% growth, 30 months: 75 users × 12, 83 × 12, 91 × 6.
        // 90,000 + 99,600 + 54,600 = 244,200.
        let env = Environment {
            growth_bps: 1_000,
            ..Environment::default()
        };
        let t = price(&per_user(10_000, 30, 0), &env);
        let months: Vec<u32> = t.years.iter().map(|y| y.months).collect();
        assert_eq!(months, vec![12, 12, 6]);
        assert_eq!(t.total, 24_420_000);
        // User-months: 900 + 996 + 546 = 2,442 → exactly $100.
        assert_eq!(t.per_user_month, Some(10_000));
    }

    #[test]
    fn per_device_with_onboarding_and_platform_fee() {
        // 75 workstations × $40 + 3 servers × $200 + 5 network × $25 = 3,000 + 600 + 125
        // = $3,725 a month; platform $300 a month; onboarding $5,000.
        let mut q = per_user(0, 24, 0);
        q.model = ModelKind::PerDevice;
        q.rates = Rates {
            workstation: 4_000,
            server: 20_000,
            network: 2_500,
            ..Rates::default()
        };
        q.platform = 30_000;
        q.onboarding = 500_000;
        let t = price(&q, &Environment::default());
        assert_eq!(t.base_monthly, 402_500);
        // Year 1: 4,025 × 12 + 5,000 = 53,300. Year 2: 48,300. Total 101,600.
        assert_eq!(t.all_in_year1, 5_330_000);
        assert_eq!(t.total, 10_160_000);
        assert_eq!(t.years[1].onboarding, 0);
    }

    #[test]
    fn block_hours_overage_is_in_the_all_in_not_the_base() {
        // 40 h at $150 = $6,000 a month; expected 50 h → 10 h at $225 = $2,250 a month.
        let mut q = per_user(0, 12, 0);
        q.model = ModelKind::BlockHours;
        q.rates = Rates {
            block_hours: 40,
            block_rate: 15_000,
            overage_rate: 22_500,
            expected_hours: 50,
            ..Rates::default()
        };
        let t = price(&q, &Environment::default());
        assert_eq!(t.base_monthly, 600_000);
        assert_eq!(t.years[0].overage, 2_700_000);
        assert_eq!(t.all_in_year1, 9_900_000);
    }

    #[test]
    fn block_hours_escalate_the_rates_not_the_hours() {
        // Year 2 at 5%: block rate $157.50, overage $236.25; 40 h + 10 h over.
        // 157.50 × 40 × 12 = 75,600; 236.25 × 10 × 12 = 28,350.
        let mut q = per_user(0, 24, 500);
        q.model = ModelKind::BlockHours;
        q.rates = Rates {
            block_hours: 40,
            block_rate: 15_000,
            overage_rate: 22_500,
            expected_hours: 50,
            ..Rates::default()
        };
        let t = price(&q, &Environment::default());
        assert_eq!(t.years[1].service, 7_560_000);
        assert_eq!(t.years[1].overage, 2_835_000);
    }

    #[test]
    fn hybrid_adds_project_hours_at_its_rate() {
        // $80 per user × 75 = $6,000 a month; 80 project hours a year at $175 = $14,000.
        let mut q = per_user(8_000, 12, 0);
        q.model = ModelKind::Hybrid;
        q.rates.project_rate = 17_500;
        let t = price(&q, &Environment::default());
        assert_eq!(t.base_monthly, 600_000);
        assert_eq!(t.years[0].extras, 1_400_000);
        assert_eq!(t.all_in_year1, 8_600_000);
    }

    #[test]
    fn exclusions_with_rates_are_priced_and_those_without_are_listed() {
        // Retainer $5,000. vCIO excluded at $200/h × 24 h = $4,800; after-hours at
        // $300/incident × 4 = $1,200; licensing $20/seat × 75 × 12 = $18,000;
        // on-site visits excluded with no rate (6 expected): unknown.
        let mut q = per_user(0, 12, 0);
        q.model = ModelKind::Retainer;
        q.rates.retainer = 500_000;
        q.card.advisory = Terms {
            cover: Cover::Rated,
            rate: 20_000,
        };
        q.card.after_hours = Terms {
            cover: Cover::Rated,
            rate: 30_000,
        };
        q.card.licensing = Terms {
            cover: Cover::Rated,
            rate: 2_000,
        };
        q.card.on_site.cover = Cover::NoRate;
        let t = price(&q, &Environment::default());
        assert_eq!(t.years[0].extras, 480_000 + 120_000 + 1_800_000);
        assert_eq!(t.all_in_year1, 6_000_000 + 2_400_000);
        assert_eq!(t.unknown(), vec![CostItem::OnSite]);
        let line = t
            .items
            .iter()
            .find(|l| l.item == CostItem::Advisory)
            .unwrap();
        assert_eq!(line.year1, 480_000);
    }

    #[test]
    fn excluded_items_escalate_and_prorate() {
        // Project work at $150/h, 80 h a year, 3% escalator, 18 months:
        // year 1 $12,000; year 2 rate $154.50 × 80 × 6/12 = $6,180.
        let mut q = per_user(0, 18, 300);
        q.card.project = Terms {
            cover: Cover::Rated,
            rate: 15_000,
        };
        let t = price(&q, &Environment::default());
        assert_eq!(t.years[0].extras, 1_200_000);
        assert_eq!(t.years[1].extras, 618_000);
    }

    #[test]
    fn a_fixed_seat_count_does_not_grow() {
        let mut q = per_user(0, 24, 0);
        q.card.licensing = Terms {
            cover: Cover::Rated,
            rate: 1_000,
        };
        let env = Environment {
            growth_bps: 1_000,
            ..Environment::default()
        };
        let usage = Usage {
            seats: Some(50),
            ..Usage::default()
        };
        let t = totals(&q, &env, &profile75(), &usage);
        assert_eq!(t.years[0].extras, 600_000);
        assert_eq!(t.years[1].extras, 600_000);
        let grown = totals(&q, &env, &profile75(), &Usage::default());
        assert_eq!(grown.years[1].extras, 83 * 1_000 * 12);
    }

    #[test]
    fn no_users_or_devices_means_no_effective_rate() {
        let env = Environment {
            users: Some(0),
            workstations: Some(0),
            servers: Some(0),
            network: Some(0),
            ..Environment::default()
        };
        let t = price(&per_user(10_000, 12, 0), &env);
        assert_eq!((t.per_user_month, t.per_device_month), (None, None));
    }

    fn any_quote() -> impl Strategy<Value = Quote> {
        (
            0usize..5,
            proptest::collection::vec(0i64..5_000_000, 8),
            0u32..500,
            0u32..500,
            1u32..=120,
            0i64..=2_000,
            proptest::collection::vec(0usize..3, 6),
        )
            .prop_map(|(m, money, bh, eh, term, esc, covers)| {
                let mut q = Quote::new("p".into());
                q.model = ModelKind::ALL[m];
                q.rates = Rates {
                    per_user: money[0],
                    workstation: money[1],
                    server: money[2],
                    network: money[3],
                    retainer: money[4],
                    block_hours: bh,
                    block_rate: money[5],
                    overage_rate: money[6],
                    expected_hours: eh,
                    project_rate: money[7],
                };
                q.platform = money[1] / 3;
                q.onboarding = money[2];
                q.term_months = term;
                q.escalator_bps = esc;
                for (i, item) in CostItem::ALL.iter().enumerate() {
                    *q.card.get_mut(*item) = Terms {
                        cover: Cover::ALL[covers[i]],
                        rate: money[i],
                    };
                }
                q
            })
    }

    fn any_env() -> impl Strategy<Value = Environment> {
        (0u32..5_000, 0u32..5_000, -5_000i64..=5_000).prop_map(|(u, w, g)| Environment {
            users: Some(u),
            workstations: Some(w),
            growth_bps: g,
            ..Environment::default()
        })
    }

    proptest! {
        #[test]
        fn all_in_is_at_least_the_base_cost(q in any_quote(), env in any_env()) {
            let t = price(&q, &env);
            let months = q.term().min(12);
            prop_assert!(t.all_in_year1 >= t.base_monthly * Cents::from(months));
            prop_assert!(t.total >= t.all_in_year1);
        }

        #[test]
        fn total_never_falls_with_a_longer_term(q in any_quote(), env in any_env(), extra in 1u32..24) {
            let mut longer = q.clone();
            longer.term_months = (q.term() + extra).min(120);
            prop_assert!(price(&longer, &env).total >= price(&q, &env).total);
        }

        #[test]
        fn total_never_falls_with_a_higher_escalator(q in any_quote(), env in any_env(), extra in 1i64..500) {
            let mut dearer = q.clone();
            dearer.escalator_bps = (q.escalator_bps + extra).min(2_000);
            prop_assert!(price(&dearer, &env).total >= price(&q, &env).total);
        }

        #[test]
        fn the_years_add_up_to_the_total(q in any_quote(), env in any_env()) {
            let t = price(&q, &env);
            prop_assert_eq!(t.years.iter().map(|y| y.total()).sum::<Cents>(), t.total);
            prop_assert_eq!(t.years.iter().map(|y| y.months).sum::<u32>(), q.term());
        }
    }
}
