//! The whole comparison the page shows: every quote priced, flagged, cross-checked and
//! ranked, with the alternatives over the same terms.

use super::alternatives::AltTotals;
use super::benchmarks::{flags, priced, Flag};
use super::crosscheck::{cross_check, Finding};
use super::environment::Counts;
use super::models::ModelKind;
use super::money::{Bps, Cents, Currency};
use super::totals::{totals, QuoteTotals};
use super::Pricing;
use crate::domain::duty::MspDuty;
use crate::domain::profile::CompanyProfile;
use crate::domain::provider;
use crate::domain::provider::Provider;

/// The name shown for a quote whose provider left the shared list.
pub const MISSING_PROVIDER: &str = "Removed provider";

/// One quote with everything derived from it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteView {
    pub provider: String,
    pub name: String,
    /// Its colour in the charts (`provider::colour`).
    pub colour: usize,
    pub model: ModelKind,
    pub term: u32,
    pub notice_days: u32,
    pub escalator_bps: Bps,
    /// The quoted rate per user a month, for the models that have one (per user, hybrid):
    /// the figure the market's per-user bands are about.
    pub per_user_rate: Option<Cents>,
    pub totals: QuoteTotals,
    pub flags: Vec<Flag>,
    pub findings: Vec<Finding>,
    /// 1 is the lowest total contract value; `None` while the quote has no price, so an
    /// empty quote never shows as the cheapest.
    pub rank: Option<usize>,
    /// The fully managed estimate and the in-house plan over this quote's term.
    pub managed: AltTotals,
    pub in_house: AltTotals,
}

impl QuoteView {
    /// The rank for a table column: "2", or "Not priced yet".
    pub fn rank_label(&self) -> String {
        self.rank
            .map_or_else(|| NOT_PRICED.to_owned(), |r| r.to_string())
    }

    /// The RACI findings the quote's card lists: none until the quote has a price, as
    /// until then its exclusions are a new quote's defaults (the same rule as
    /// `benchmarks::flags`). The decision brief reads `findings` whole.
    pub fn listed_findings(&self) -> &[Finding] {
        if self.rank.is_some() {
            &self.findings
        } else {
            &[]
        }
    }

    /// How much more the fully managed estimate costs over the same term (negative: less).
    pub fn managed_difference(&self) -> Cents {
        self.managed.total.saturating_sub(self.totals.total)
    }

    /// The total contract value spread evenly over the contract's years: the figure that
    /// compares quotes of different terms.
    pub fn yearly_average(&self) -> Cents {
        let months = i128::from(self.term.max(1));
        (i128::from(self.totals.total) * 12 / months) as Cents
    }

    pub fn in_house_difference(&self) -> Cents {
        self.in_house.total.saturating_sub(self.totals.total)
    }
}

const NOT_PRICED: &str = "Not priced yet";

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
    /// The quotes from the lowest total contract value to the highest, then the quotes
    /// with no price yet in the order they were added.
    pub fn ranked(&self) -> Vec<&QuoteView> {
        let mut out: Vec<&QuoteView> = self.quotes.iter().collect();
        crate::domain::order::sort_by_key(&mut out, |q| q.rank.unwrap_or(usize::MAX));
        out
    }

    /// The priced quotes in rank order, without those `left_out` names (the providers
    /// a scorecard knocks out): "1 of 2" is then the cheapest one left.
    pub fn ranked_among(&self, left_out: impl Fn(&str) -> bool) -> Vec<&QuoteView> {
        let mut out = self.ranked();
        out.retain(|q| q.rank.is_some() && !left_out(&q.provider));
        out
    }

    /// How many quotes have a price and so a rank.
    pub fn ranked_count(&self) -> usize {
        self.quotes.iter().filter(|q| q.rank.is_some()).count()
    }

    /// "2 of 3", or "Not priced yet".
    pub fn rank_text(&self, q: &QuoteView) -> String {
        match q.rank {
            Some(rank) => format!("{rank} of {}", self.ranked_count()),
            None => NOT_PRICED.to_owned(),
        }
    }

    /// A priced quote's place among the priced quotes not `left_out`, and how many
    /// those are: `(1, 2)` is the cheapest of the two the buyer can choose.
    pub fn rank_among(
        &self,
        provider: &str,
        left_out: impl Fn(&str) -> bool,
    ) -> Option<(usize, usize)> {
        let open = self.ranked_among(left_out);
        let place = open.iter().position(|q| q.provider == provider)?;
        Some((place + 1, open.len()))
    }

    /// `rank_text` beside quotes `left_out` (knocked out by the scorecard): the rank
    /// among the ones the buyer can choose comes first, as the summary and the brief
    /// give it. "1 of 2 you can choose (2 of 3 in all)", "3 of 3 (knocked out)".
    pub fn rank_text_among(&self, q: &QuoteView, left_out: impl Fn(&str) -> bool) -> String {
        let rank = self.rank_text(q);
        if left_out(&q.provider) {
            return format!("{rank} (knocked out)");
        }
        match self.rank_among(&q.provider, left_out) {
            Some((place, of)) if of < self.ranked_count() => {
                format!("{place} of {of} you can choose ({rank} in all)")
            }
            _ => rank,
        }
    }

    /// Whether the quotes run for different terms, so totals alone mislead.
    pub fn terms_differ(&self) -> bool {
        self.quotes.windows(2).any(|w| w[0].term != w[1].term)
    }

    /// When the priced quotes (not `left_out`) run for different terms, the one with the
    /// lowest yearly average: a shorter contract can win on total alone.
    pub fn lowest_yearly(&self, left_out: impl Fn(&str) -> bool) -> Option<&QuoteView> {
        let out = self.ranked_among(left_out);
        if out.windows(2).all(|w| w[0].term == w[1].term) {
            return None;
        }
        let cheaper = |a: &QuoteView, b: &QuoteView| {
            less_a_year((a.totals.total, a.term), (b.totals.total, b.term))
        };
        out.into_iter()
            .reduce(|best, q| if cheaper(q, best) { q } else { best })
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

/// Whether a total over a term of months averages less a year than another. Cross-multiplied,
/// so no rounding decides between two close quotes; a term of 0 counts as 1 month.
pub fn less_a_year((total, term): (Cents, u32), (other, other_term): (Cents, u32)) -> bool {
    i128::from(total) * i128::from(other_term.max(1)) < i128::from(other) * i128::from(term.max(1))
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
            let name = provider::name_of(providers, &q.provider)
                .unwrap_or(MISSING_PROVIDER)
                .to_owned();
            let t = totals(q, &p.env, profile, &p.usage);
            let (managed, in_house) = alt(q.term());
            QuoteView {
                provider: q.provider.clone(),
                colour: provider::colour(providers, &q.provider),
                flags: flags(q, &t, cur, fm_monthly),
                findings: cross_check(q, &name, duties, cur),
                name,
                model: q.model,
                term: q.term(),
                notice_days: q.notice_days,
                escalator_bps: q.escalator_bps,
                per_user_rate: matches!(q.model, ModelKind::PerUser | ModelKind::Hybrid)
                    .then_some(q.rates.per_user),
                totals: t,
                rank: priced(q).then_some(0),
                managed,
                in_house,
            }
        })
        .collect();
    let mut order: Vec<usize> = (0..quotes.len())
        .filter(|&i| quotes[i].rank.is_some())
        .collect();
    crate::domain::order::sort_by(&mut order, |&a, &b| {
        let (qa, qb) = (&quotes[a], &quotes[b]);
        qa.totals.total.cmp(&qb.totals.total).then_with(|| {
            crate::domain::text::lower(&qa.name).cmp(&crate::domain::text::lower(&qb.name))
        })
    });
    for (rank, i) in order.into_iter().enumerate() {
        quotes[i].rank = Some(rank + 1);
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
        assert_eq!(c.quote("a").unwrap().rank, Some(3));
        assert!(!c.terms_differ());
        assert_eq!(c.max_years(), 3);
    }

    #[test]
    fn a_quote_has_its_providers_colour_whatever_order_it_was_added_in() {
        let (p, mut providers) = setup();
        providers.rotate_left(1);
        let c = compare(&p, &CompanyProfile::default(), &providers, &[]);
        let colours: Vec<(&str, usize)> = c
            .quotes
            .iter()
            .map(|q| (q.name.as_str(), q.colour))
            .collect();
        assert_eq!(colours, [("Alpha", 2), ("Bravo", 0), ("Charlie", 1)]);
    }

    #[test]
    fn a_quote_with_no_price_is_never_ranked_as_the_cheapest() {
        let (mut p, providers) = setup();
        // Bravo's rate is not typed in yet: $0 would otherwise make it the cheapest.
        p.quote_mut("b").unwrap().rates.per_user = 0;
        let c = compare(&p, &CompanyProfile::default(), &providers, &[]);
        let ranked: Vec<&str> = c.ranked().iter().map(|q| q.name.as_str()).collect();
        assert_eq!(ranked, vec!["Charlie", "Alpha", "Bravo"]);
        assert_eq!(c.quote("b").unwrap().rank, None);
        assert_eq!(c.ranked_count(), 2);
        assert_eq!(c.rank_text(c.quote("c").unwrap()), "1 of 2");
        assert_eq!(c.rank_text(c.quote("b").unwrap()), "Not priced yet");
        assert_eq!(c.quote("c").unwrap().rank_label(), "1");
        assert_eq!(c.quote("b").unwrap().rank_label(), "Not priced yet");
    }

    #[test]
    fn beside_knocked_out_quotes_the_rank_among_those_left_comes_first() {
        let (mut p, providers) = setup();
        p.quote_mut("c").unwrap().rates.per_user = 0;
        let c = compare(&p, &CompanyProfile::default(), &providers, &[]);
        let out = |id: &str| id == "b";
        let text = |id| c.rank_text_among(c.quote(id).unwrap(), out);
        // Bravo is cheapest but knocked out; Charlie has no price.
        assert_eq!(c.rank_among("a", out), Some((1, 1)));
        assert_eq!(c.rank_among("b", out), None);
        assert_eq!(c.rank_among("c", out), None);
        assert_eq!(text("a"), "1 of 1 you can choose (2 of 2 in all)");
        assert_eq!(text("b"), "1 of 2 (knocked out)");
        assert_eq!(text("c"), "Not priced yet");
        // With nobody knocked out, the plain rank.
        assert_eq!(
            c.rank_text_among(c.quote("a").unwrap(), |_| false),
            "2 of 2"
        );
        assert_eq!(c.rank_among("a", |_| false), Some((2, 2)));
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
    fn over_different_terms_the_lowest_yearly_average_is_named() {
        let (mut p, providers) = setup();
        // Bravo $80 × 75 over 24 months: $144,000, $72,000 a year, the lowest total. Charlie
        // at $79 over 36 months: $213,300, $71,100 a year, cheaper by the year.
        p.quote_mut("b").unwrap().term_months = 24;
        p.quote_mut("c").unwrap().rates.per_user = 7_900;
        let c = compare(&p, &CompanyProfile::default(), &providers, &[]);
        assert_eq!(c.ranked()[0].name, "Bravo");
        assert_eq!(c.quote("b").unwrap().yearly_average(), 7_200_000);
        assert_eq!(c.quote("c").unwrap().yearly_average(), 7_110_000);
        assert_eq!(
            c.lowest_yearly(|_| false).map(|q| q.name.as_str()),
            Some("Charlie")
        );
        // Without Charlie, Bravo is lowest both ways.
        assert_eq!(
            c.lowest_yearly(|id| id == "c").map(|q| q.name.as_str()),
            Some("Bravo")
        );
        // Only the quotes compared count: the others all run 36 months.
        assert_eq!(c.lowest_yearly(|id| id == "b"), None);
        // Equal terms: the ranking already says it.
        p.quote_mut("b").unwrap().term_months = 36;
        let c = compare(&p, &CompanyProfile::default(), &providers, &[]);
        assert_eq!(c.lowest_yearly(|_| false), None);
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
            marks: Default::default(),
        }];
        let c = compare(&p, &CompanyProfile::default(), &providers, &duties);
        assert!(c.quote("a").unwrap().findings.is_empty());
        assert_eq!(
            c.quote("b").unwrap().findings[0].text,
            "The MSP owns after-hours incident response in your RACI, but Bravo excludes it and gives no rate."
        );
        assert_eq!(c.quote("b").unwrap().listed_findings().len(), 1);
        // Without a price, the card lists none of them.
        p.quote_mut("b").unwrap().rates.per_user = 0;
        let c = compare(&p, &CompanyProfile::default(), &providers, &duties);
        assert_eq!(c.quote("b").unwrap().findings.len(), 1);
        assert!(c.quote("b").unwrap().listed_findings().is_empty());
    }

    #[test]
    fn without_quotes_the_alternatives_show_three_years() {
        let c = compare(&Pricing::default(), &CompanyProfile::default(), &[], &[]);
        assert_eq!(c.alt_term, 36);
        assert_eq!(c.managed.years.len(), 3);
        assert_eq!(c.max_years(), 0);
    }
}

/// The hand-computed reference cases the end-to-end test enters through the page.
#[cfg(test)]
pub(super) mod reference {
    use super::*;
    use crate::domain::pricing::exclusions::{CostItem, Cover, Terms};
    use crate::domain::pricing::{Pick, Pricing};

    fn rated(rate: Cents) -> Terms {
        Terms {
            cover: Cover::Rated,
            rate,
        }
    }

    fn cover(c: Cover) -> Terms {
        Terms { cover: c, rate: 0 }
    }

    /// A 75-user company (the default profile), 5% growth a year, default usage
    /// (80 project hours, 24 advisory hours, 4 incidents, 20 compliance hours, a seat
    /// per user, 6 visits).
    pub fn three_quotes() -> (Pricing, Vec<Provider>) {
        let mut providers = Vec::new();
        let mut p = Pricing::default();
        p.env.growth_bps = 500;
        for (id, name) in [
            ("a", "Harbor IT"),
            ("b", "Keystone Partners"),
            ("c", "Northwind MSP"),
        ] {
            p.add_quote(&mut providers, Pick::New(name.into()), id.into())
                .unwrap();
        }
        let a = p.quote_mut("a").unwrap();
        a.rates.per_user = 9_500;
        a.onboarding = 300_000;
        a.escalator_bps = 300;
        a.term_months = 36;
        a.card.project = rated(17_500);
        a.card.advisory = cover(Cover::Included);
        a.card.after_hours = rated(30_000);
        a.card.compliance = cover(Cover::NoRate);
        a.card.licensing = cover(Cover::Included);
        a.card.on_site = cover(Cover::Included);

        let b = p.quote_mut("b").unwrap();
        b.model = ModelKind::PerDevice;
        b.rates.workstation = 4_000;
        b.rates.server = 25_000;
        b.rates.network = 3_000;
        b.platform = 40_000;
        b.escalator_bps = 0;
        b.term_months = 24;
        b.card.project = cover(Cover::NoRate);
        b.card.advisory = rated(20_000);
        b.card.after_hours = cover(Cover::NoRate);
        b.card.compliance = cover(Cover::Included);
        b.card.licensing = rated(2_200);
        b.card.on_site = rated(15_000);

        let c = p.quote_mut("c").unwrap();
        c.model = ModelKind::BlockHours;
        c.rates.block_hours = 30;
        c.rates.block_rate = 14_000;
        c.rates.overage_rate = 19_500;
        c.rates.expected_hours = 36;
        c.escalator_bps = 400;
        c.term_months = 30;
        c.onboarding = 250_000;
        c.platform = 25_000;
        c.card.project = cover(Cover::Included);
        c.card.advisory = cover(Cover::Included);
        c.card.after_hours = rated(25_000);
        c.card.compliance = rated(15_000);
        c.card.licensing = cover(Cover::Included);
        c.card.on_site = cover(Cover::NoRate);
        (p, providers)
    }

    #[test]
    fn three_quotes_for_a_75_user_company() {
        let (p, providers) = three_quotes();
        let c = compare(&p, &CompanyProfile::default(), &providers, &[]);
        let years = |id: &str| -> Vec<Cents> {
            c.quote(id)
                .unwrap()
                .totals
                .years
                .iter()
                .map(|y| y.total())
                .collect()
        };

        // Harbor IT, $95 per user, 3% escalator, 36 months.
        // Y1: 95 × 75 × 12 = 85,500 + project 80 h × 175 = 14,000 + after-hours 4 × 300
        //     = 1,200 + onboarding 3,000 = 103,700.
        // Y2: $97.85 × 79 users × 12 = 92,761.80 + 80 × 180.25 = 14,420 + 4 × 309 = 1,236
        //     = 108,417.80.
        // Y3: $100.79 (100.7855) × 83 × 12 = 100,386.84 + 80 × 185.66 = 14,852.80
        //     + 4 × 318.27 = 1,273.08 = 116,512.72.
        let a = c.quote("a").unwrap();
        assert_eq!(a.totals.base_monthly, 712_500);
        assert_eq!(a.totals.all_in_year1, 10_370_000);
        assert_eq!(years("a"), vec![10_370_000, 10_841_780, 11_651_272]);
        assert_eq!(a.totals.total, 32_863_052);
        assert_eq!(a.totals.unknown(), vec![CostItem::Compliance]);

        // Keystone Partners, per device, 24 months, no escalator.
        // Y1: (75 × 40 + 3 × 250 + 5 × 30) = 3,900 + platform 400 = 4,300 a month
        //     × 12 = 51,600 + vCIO 24 × 200 = 4,800 + licences 75 × 22 × 12 = 19,800
        //     + visits 6 × 150 = 900 = 77,100.
        // Y2: 79 workstations: 4,460 × 12 = 53,520 + 4,800 + 79 × 22 × 12 = 20,856 + 900
        //     = 80,076. Total 157,176.
        let b = c.quote("b").unwrap();
        assert_eq!(b.totals.base_monthly, 430_000);
        assert_eq!(years("b"), vec![7_710_000, 8_007_600]);
        assert_eq!(b.totals.total, 15_717_600);
        assert_eq!(
            b.totals.unknown(),
            vec![CostItem::ProjectWork, CostItem::AfterHours]
        );

        // Northwind MSP, block of 30 h at $140, overage $195, 36 h expected, 4%, 30 months.
        // Y1: 4,200 × 12 = 50,400 + platform 250 × 12 = 3,000 + overage 6 × 195 × 12
        //     = 14,040 + after-hours 4 × 250 = 1,000 + compliance 20 × 150 = 3,000
        //     + onboarding 2,500 = 73,940.
        // Y2: 145.60 × 30 × 12 = 52,416 + 260 × 12 = 3,120 + 202.80 × 6 × 12 = 14,601.60
        //     + 4 × 260 = 1,040 + 20 × 156 = 3,120 = 74,297.60.
        // Y3 (6 months): 151.42 × 30 × 6 = 27,255.60 + 270.40 × 6 = 1,622.40
        //     + 210.91 × 6 × 6 = 7,592.76 + 4 × 270.40 × 6/12 = 540.80
        //     + 20 × 162.24 × 6/12 = 1,622.40 = 38,633.96.
        let n = c.quote("c").unwrap();
        assert_eq!(n.totals.base_monthly, 445_000);
        assert_eq!(years("c"), vec![7_394_000, 7_429_760, 3_863_396]);
        assert_eq!(n.totals.total, 18_687_156);

        let ranked: Vec<&str> = c.ranked().iter().map(|q| q.name.as_str()).collect();
        assert_eq!(
            ranked,
            vec!["Keystone Partners", "Northwind MSP", "Harbor IT"]
        );
    }
}
