//! The whole comparison the page shows: every quote priced, flagged, cross-checked and
//! ranked, with the alternatives over the same terms.

use super::alternatives::AltTotals;
use super::benchmarks::{flags, Flag};
use super::crosscheck::{cross_check, Finding};
use super::environment::Counts;
use super::models::ModelKind;
use super::money::{Bps, Cents, Currency};
use super::totals::{totals, QuoteTotals};
use super::Pricing;
use crate::domain::duty::MspDuty;
use crate::domain::provider::Provider;
use crate::domain::workspace::CompanyProfile;

/// The name shown for a quote whose provider left the shared list.
pub const MISSING_PROVIDER: &str = "Removed provider";

/// One quote with everything derived from it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteView {
    pub provider: String,
    pub name: String,
    pub model: ModelKind,
    pub term: u32,
    pub notice_days: u32,
    pub escalator_bps: Bps,
    pub totals: QuoteTotals,
    pub flags: Vec<Flag>,
    pub findings: Vec<Finding>,
    /// 1 is the lowest total contract value.
    pub rank: usize,
    /// The fully managed estimate and the in-house plan over this quote's term.
    pub managed: AltTotals,
    pub in_house: AltTotals,
}

impl QuoteView {
    /// How much more the fully managed estimate costs over the same term (negative: less).
    pub fn managed_difference(&self) -> Cents {
        self.managed.total.saturating_sub(self.totals.total)
    }

    pub fn in_house_difference(&self) -> Cents {
        self.in_house.total.saturating_sub(self.totals.total)
    }
}

/// Everything the page, the file export and the print view show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comparison {
    pub currency: Currency,
    pub counts: Counts,
    /// In the order the quotes were added.
    pub quotes: Vec<QuoteView>,
    /// The term the alternatives are shown over on their own: the longest quote term,
    /// or three years before there is a quote.
    pub alt_term: u32,
    pub managed: AltTotals,
    pub in_house: AltTotals,
    pub in_house_notes: Vec<String>,
}

impl Comparison {
    /// The quotes from the lowest total contract value to the highest.
    pub fn ranked(&self) -> Vec<&QuoteView> {
        let mut out: Vec<&QuoteView> = self.quotes.iter().collect();
        out.sort_by_key(|q| q.rank);
        out
    }

    /// Whether the quotes run for different terms, so totals alone mislead.
    pub fn terms_differ(&self) -> bool {
        self.quotes.windows(2).any(|w| w[0].term != w[1].term)
    }

    /// The number of contract years of the longest quote.
    pub fn max_years(&self) -> usize {
        self.quotes
            .iter()
            .map(|q| q.totals.years.len())
            .max()
            .unwrap_or(0)
    }

    pub fn quote(&self, provider: &str) -> Option<&QuoteView> {
        self.quotes.iter().find(|q| q.provider == provider)
    }
}

/// Prices every quote of the workspace. `duties` come from the workspace's RACI.
pub fn compare(
    p: &Pricing,
    profile: &CompanyProfile,
    providers: &[Provider],
    duties: &[MspDuty],
) -> Comparison {
    let cur = p.env.currency;
    let counts = p.env.counts(profile);
    let fm_monthly = p.managed.monthly(counts.users);
    let alt = |term: u32| {
        let years = env_years(p, profile, term);
        (p.managed.totals(&years, term), p.in_house.totals(term))
    };
    let mut quotes: Vec<QuoteView> = p
        .quotes
        .iter()
        .map(|q| {
            let name = providers
                .iter()
                .find(|pr| pr.id == q.provider)
                .map_or(MISSING_PROVIDER, |pr| pr.name.as_str())
                .to_owned();
            let t = totals(q, &p.env, profile, &p.usage);
            let (managed, in_house) = alt(q.term());
            QuoteView {
                provider: q.provider.clone(),
                flags: flags(q, &t, cur, fm_monthly),
                findings: cross_check(q, &name, duties, cur),
                name,
                model: q.model,
                term: q.term(),
                notice_days: q.notice_days,
                escalator_bps: q.escalator_bps,
                totals: t,
                rank: 0,
                managed,
                in_house,
            }
        })
        .collect();
    let mut order: Vec<usize> = (0..quotes.len()).collect();
    order.sort_by(|&a, &b| {
        let (qa, qb) = (&quotes[a], &quotes[b]);
        qa.totals
            .total
            .cmp(&qb.totals.total)
            .then_with(|| qa.name.to_lowercase().cmp(&qb.name.to_lowercase()))
    });
    for (rank, i) in order.into_iter().enumerate() {
        quotes[i].rank = rank + 1;
    }
    let alt_term = quotes.iter().map(|q| q.term).max().unwrap_or(36);
    let (managed, in_house) = alt(alt_term);
    Comparison {
        currency: cur,
        counts,
        quotes,
        alt_term,
        managed,
        in_house,
        in_house_notes: p.in_house.notes(),
    }
}

fn env_years(p: &Pricing, profile: &CompanyProfile, term: u32) -> Vec<Counts> {
    p.env
        .counts_by_year(profile, term.max(1).div_ceil(12) as usize)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::pricing::exclusions::{CostItem, Cover};
    use crate::domain::pricing::{Pick, Pricing};
    use crate::domain::provider::Provider;

    fn setup() -> (Pricing, Vec<Provider>) {
        let mut providers = Vec::new();
        let mut p = Pricing::default();
        for (id, name, rate) in [
            ("a", "Alpha", 10_000),
            ("b", "Bravo", 8_000),
            ("c", "Charlie", 8_000),
        ] {
            p.add_quote(&mut providers, Pick::New(name.into()), id.into())
                .unwrap();
            let q = p.quote_mut(id).unwrap();
            q.rates.per_user = rate;
            q.escalator_bps = 0;
            for item in CostItem::ALL {
                q.card.get_mut(item).cover = Cover::Included;
            }
        }
        (p, providers)
    }

    #[test]
    fn ranks_by_total_contract_value_then_name() {
        let (p, providers) = setup();
        let c = compare(&p, &CompanyProfile::default(), &providers, &[]);
        let ranked: Vec<&str> = c.ranked().iter().map(|q| q.name.as_str()).collect();
        assert_eq!(ranked, vec!["Bravo", "Charlie", "Alpha"]);
        assert_eq!(c.quote("a").unwrap().rank, 3);
        assert!(!c.terms_differ());
        assert_eq!(c.max_years(), 3);
    }

    #[test]
    fn alternatives_are_priced_over_each_quotes_term() {
        let (mut p, providers) = setup();
        p.quote_mut("a").unwrap().term_months = 24;
        p.managed.escalator_bps = 0;
        let c = compare(&p, &CompanyProfile::default(), &providers, &[]);
        let a = c.quote("a").unwrap();
        // Fully managed $150 × 75 × 24 = $270,000; Alpha $100 × 75 × 24 = $180,000.
        assert_eq!(a.managed.total, 27_000_000);
        assert_eq!(a.totals.total, 18_000_000);
        assert_eq!(a.managed_difference(), 9_000_000);
        assert_eq!(c.alt_term, 36);
        assert!(c.terms_differ());
        assert_eq!(c.managed.total, 40_500_000);
    }

    #[test]
    fn a_quote_whose_provider_left_the_list_is_still_shown() {
        let (p, mut providers) = setup();
        providers.retain(|pr| pr.id != "b");
        let c = compare(&p, &CompanyProfile::default(), &providers, &[]);
        assert_eq!(c.quote("b").unwrap().name, MISSING_PROVIDER);
    }

    #[test]
    fn findings_use_the_providers_name() {
        let (mut p, providers) = setup();
        p.quote_mut("b").unwrap().card.after_hours.cover = Cover::NoRate;
        let duties = vec![MspDuty {
            key: Some("after-hours-support".into()),
            name: "After-hours help desk".into(),
            after_hours: true,
        }];
        let c = compare(&p, &CompanyProfile::default(), &providers, &duties);
        assert!(c.quote("a").unwrap().findings.is_empty());
        assert_eq!(
            c.quote("b").unwrap().findings[0].text,
            "The MSP owns after-hours incident response in your RACI, but Bravo excludes it and gives no rate."
        );
    }

    #[test]
    fn without_quotes_the_alternatives_show_three_years() {
        let c = compare(&Pricing::default(), &CompanyProfile::default(), &[], &[]);
        assert_eq!(c.alt_term, 36);
        assert_eq!(c.managed.years.len(), 3);
        assert_eq!(c.max_years(), 0);
    }
}
