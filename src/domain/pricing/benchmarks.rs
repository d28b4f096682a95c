//! The 2026 US mid-market bands each quote is held against, and the flags that say
//! where it sits and what to check. Bands are inclusive at both ends.

use super::exclusions::{Cover, Unit};
use super::models::ModelKind;
use super::money::{Cents, Currency};
use super::quote::Quote;
use super::totals::QuoteTotals;

/// A price band in US cents, inclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Band {
    pub low: Cents,
    pub high: Cents,
}

impl Band {
    const fn new(low: Cents, high: Cents) -> Band {
        Band { low, high }
    }

    /// "$45 to $175", or "US$45 to US$175" beside figures in another currency, so a
    /// quote in pounds or Canadian dollars is never read against bare dollar figures.
    pub fn text(self, beside: Currency) -> String {
        let us = if beside == Currency::Usd { "" } else { "US" };
        let (low, high) = (
            Currency::Usd.format(self.low),
            Currency::Usd.format(self.high),
        );
        format!("{us}{low} to {us}{high}")
    }

    fn place(self, value: Cents) -> Place {
        if value < self.low {
            Place::Below
        } else if value > self.high {
            Place::Above
        } else {
            Place::Within
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Place {
    Below,
    Within,
    Above,
}

/// Co-managed, per user per month.
pub const PER_USER: Band = Band::new(4_500, 17_500);
/// Where most co-managed per-user quotes land.
pub const PER_USER_COMMON: Band = Band::new(6_500, 12_000);
/// Fully managed, per user per month.
pub const FULLY_MANAGED: Band = Band::new(12_500, 25_000);
/// Per workstation per month (RMM, patching, monitoring).
pub const PER_DEVICE: Band = Band::new(2_500, 7_500);
/// A fixed monthly retainer for a defined scope.
pub const RETAINER: Band = Band::new(250_000, 1_500_000);
/// Qualified engineers by the hour.
pub const HOURLY: Band = Band::new(15_000, 25_000);
/// Hours bought in a block.
pub const BLOCK: Band = Band::new(12_500, 20_000);
/// Hours above a block.
pub const OVERAGE: Band = Band::new(15_000, 25_000);
/// Co-managed as a share of the equivalent fully managed price, in basis points.
pub const SHARE_LOW: i64 = 4_000;
pub const SHARE_HIGH: i64 = 6_000;
/// Contracts usually run two to three years.
pub const USUAL_MAX_TERM: u32 = 36;
/// The notice period most quotes ask for; a new quote starts with it.
pub const USUAL_NOTICE_DAYS: u32 = 90;

/// How much a flag matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// Where the market usually is.
    Ok,
    /// Unusual, worth a question.
    Note,
    /// Likely to mislead the comparison or the budget.
    Warn,
}

impl Level {
    pub fn key(self) -> &'static str {
        match self {
            Level::Ok => "ok",
            Level::Note => "note",
            Level::Warn => "warn",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Level::Ok => "In band",
            Level::Note => "Check",
            Level::Warn => "Warning",
        }
    }
}

/// Where an effective price per user a month sits against the co-managed bands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UserBand {
    BelowBand,
    BelowCommon,
    Common,
    AboveCommon,
    AboveBand,
}

impl UserBand {
    pub fn of(per_user_month: Cents) -> UserBand {
        match (
            PER_USER.place(per_user_month),
            PER_USER_COMMON.place(per_user_month),
        ) {
            (Place::Below, _) => UserBand::BelowBand,
            (Place::Above, _) => UserBand::AboveBand,
            (_, Place::Below) => UserBand::BelowCommon,
            (_, Place::Above) => UserBand::AboveCommon,
            (_, Place::Within) => UserBand::Common,
        }
    }

    /// A few words for a table cell, beside figures in US dollars (the only currency
    /// whose prices are placed in a band).
    pub fn label(self) -> String {
        let wide = PER_USER.text(Currency::Usd);
        let common = PER_USER_COMMON.text(Currency::Usd);
        match self {
            UserBand::BelowBand => format!("below the co-managed {wide}"),
            UserBand::BelowCommon => format!("below the common {common}"),
            UserBand::Common => format!("within the common {common}"),
            UserBand::AboveCommon => format!("above the common {common}"),
            UserBand::AboveBand => format!("above the co-managed {wide}"),
        }
    }
}

/// A benchmark finding about a quote, in a sentence that explains itself: `text` for the
/// buyer, `for_provider` for a provider filling in its own quote, which says what the
/// buyer will make of the finding where the buyer's text advises the buyer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Flag {
    pub level: Level,
    pub text: String,
    pub for_provider: String,
}

/// A finding that reads the same to both.
fn fact(level: Level, text: String) -> Flag {
    Flag {
        level,
        for_provider: text.clone(),
        text,
    }
}

/// The finding `what`, then the buyer's advice or, for the provider, what the buyer
/// will do.
fn advice(level: Level, what: String, buyer: &str, provider: &str) -> Flag {
    Flag {
        level,
        text: format!("{what}{buyer}"),
        for_provider: format!("{what}{provider}"),
    }
}

fn per_user_flag(cur: Currency, rate: Cents) -> Flag {
    let r = cur.format(rate);
    let wide = PER_USER.text(cur);
    let common = PER_USER_COMMON.text(cur);
    let excluded = (
        ": check what is excluded.",
        ": the buyer will check what your quote excludes.",
    );
    match (PER_USER.place(rate), PER_USER_COMMON.place(rate)) {
        (Place::Below, _) => advice(Level::Warn, format!("{r} per user a month is well below the usual co-managed band ({wide})"), excluded.0, excluded.1),
        (Place::Above, _) => advice(Level::Warn, format!("{r} per user a month is above the co-managed band ({wide}) and into fully managed prices ({})", FULLY_MANAGED.text(cur)), ": check the scope really is co-managed.", ": the buyer will check that the scope really is co-managed."),
        (_, Place::Below) => advice(Level::Note, format!("{r} per user a month is inside the co-managed band but below the common {common}"), excluded.0, excluded.1),
        (_, Place::Above) => advice(Level::Note, format!("{r} per user a month is above the common {common}, though inside the co-managed band"), ": ask what the extra buys (a security tier, after-hours cover).", ": the buyer will ask what the extra buys (a security tier, after-hours cover)."),
        (_, Place::Within) => fact(Level::Ok, format!("{r} per user a month is within the common band ({common}).")),
    }
}

/// What a price below or above its band calls for: the flag's level, the buyer's advice
/// and what the provider is told the buyer will do.
type Advice = (Level, &'static str, &'static str);

/// "`what` below, above or within the usual `band`", with the advice for either side.
fn band_flag(
    cur: Currency,
    what: String,
    band: Band,
    value: Cents,
    below: Advice,
    above: Advice,
) -> Flag {
    let b = band.text(cur);
    let (side, (level, buyer, provider)) = match band.place(value) {
        Place::Below => ("below", below),
        Place::Above => ("above", above),
        Place::Within => return fact(Level::Ok, format!("{what} within the usual {b}.")),
    };
    advice(
        level,
        format!("{what} {side} the usual {b}"),
        buyer,
        provider,
    )
}

fn device_flag(cur: Currency, rate: Cents) -> Flag {
    band_flag(
        cur,
        format!("{} per workstation a month is", cur.format(rate)),
        PER_DEVICE,
        rate,
        (
            Level::Warn,
            ": check that monitoring, patching and security are included.",
            ": the buyer will check that monitoring, patching and security are included.",
        ),
        (
            Level::Warn,
            ": ask what the extra buys.",
            ": the buyer will ask what the extra buys.",
        ),
    )
}

fn retainer_flag(cur: Currency, fee: Cents) -> Flag {
    band_flag(
        cur,
        format!("A {} monthly retainer is", cur.format(fee)),
        RETAINER,
        fee,
        (
            Level::Warn,
            ": check how narrow the defined scope is.",
            ": the buyer will check how narrow the defined scope is.",
        ),
        (
            Level::Warn,
            ": compare a per-user price for the same scope.",
            ": the buyer will compare it with a per-user price for the same scope.",
        ),
    )
}

fn hourly_flag(cur: Currency, what: &str, rate: Cents, band: Band) -> Flag {
    band_flag(
        cur,
        format!("{what} at {} an hour is", cur.format(rate)),
        band,
        rate,
        (
            Level::Note,
            ": check who does the work.",
            ": the buyer will ask who does the work.",
        ),
        (
            Level::Warn,
            ": negotiate the rate card.",
            ": the buyer will want to negotiate the rate card.",
        ),
    )
}

/// Where the base monthly price sits as a share of the fully managed estimate for the
/// same users. Compared exactly (no rounded percentage decides a boundary). A block of
/// hours counts the overage the buyer expects (`overage`): 20 hours bought and 25 used
/// cost the block and five hours more every month. `common_rate`: the rate per user is
/// within the common band, where the default estimate puts anything above $90 over 60%;
/// a high share is then a note, not a warning beside the band's green.
pub fn share_flag(
    base_monthly: Cents,
    overage: Cents,
    fully_managed_monthly: Cents,
    common_rate: bool,
) -> Option<Flag> {
    let what = if overage > 0 {
        "The base price with the expected overage"
    } else {
        "The base price"
    };
    let base_monthly = base_monthly.saturating_add(overage);
    if fully_managed_monthly <= 0 {
        return None;
    }
    let base = i128::from(base_monthly) * 10_000;
    let fm = i128::from(fully_managed_monthly);
    let pct = super::money::div_round(i128::from(base_monthly) * 100, fm);
    // The buyer set the estimate on the pricing page; the provider never saw it, so its
    // text says what it is.
    let of = |estimate: &str| format!("{what} is about {pct}% of {estimate}");
    let (ours, theirs) = (
        of("the fully managed estimate"),
        of("a typical fully managed price for the same users"),
    );
    let usual = "the usual 40% to 60%";
    let (level, place, buyer, provider) = if base < i128::from(SHARE_LOW) * fm {
        (
            Level::Note,
            format!(", below {usual}: a thinner slice than usual."),
            " Check which work stays with your team.",
            " The buyer will check which work stays with their own team.",
        )
    } else if base > i128::from(SHARE_HIGH) * fm && common_rate {
        (
            Level::Note,
            format!(", above {usual}, though the rate per user is within the common band:"),
            " ask what the scope adds, and compare with a fully managed quote.",
            " the buyer may compare it with a fully managed quote.",
        )
    } else if base > i128::from(SHARE_HIGH) * fm {
        (
            Level::Warn,
            format!(", above {usual}: at this price,"),
            " get a fully managed quote too.",
            " the buyer may also ask for a fully managed quote.",
        )
    } else {
        (Level::Ok, format!(", within {usual}."), "", "")
    };
    Some(Flag {
        level,
        text: format!("{ours}{place}{buyer}"),
        for_provider: format!("{theirs}{place}{provider}"),
    })
}

/// Whether the quote has its model's price filled in. A rate of zero is a quote not yet
/// typed in, not a quote far below the market, so it gets no band or share flags.
pub fn priced(q: &Quote) -> bool {
    let r = &q.rates;
    match q.model {
        ModelKind::PerUser | ModelKind::Hybrid => r.per_user > 0,
        ModelKind::PerDevice => r.workstation > 0 || r.server > 0 || r.network > 0,
        ModelKind::Retainer => r.retainer > 0,
        ModelKind::BlockHours => r.block_rate > 0,
    }
}

/// "A", "A and B", "A, B and C".
fn and_list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// One flag for every item excluded with no rate (one per kind of use), rather than one
/// near-identical flag per item.
fn no_rate_flags(t: &QuoteTotals, out: &mut Vec<Flag>) {
    // A rate still to type is not the provider's exclusion: it says so on its own.
    let missing: Vec<&str> = t
        .items
        .iter()
        .filter(|l| l.rate_missing)
        .map(|l| l.item.label())
        .collect();
    if !missing.is_empty() {
        out.push(advice(
            Level::Warn,
            format!(
                "No rate typed in yet for {}: until it is, it counts as an unknown cost.",
                and_list(&missing)
            ),
            " Type it in from the quote.",
            " Type it in above, so the buyer's all-in figure can include it.",
        ));
    }
    let labels = |needed: bool| -> Vec<&str> {
        t.items
            .iter()
            .filter(|l| l.cover == Cover::NoRate && !l.rate_missing && l.needed == needed)
            .map(|l| l.item.label())
            .collect()
    };
    let needed = labels(true);
    match needed.len() {
        0 => {}
        1 => out.push(advice(
            Level::Warn,
            format!(
                "{} is excluded with no rate: an unknown cost the all-in figure cannot include.",
                needed[0]
            ),
            " Ask for a rate card line.",
            " Give it a rate above, so the buyer's all-in figure can include it.",
        )),
        _ => out.push(advice(
            Level::Warn,
            format!(
                "{} are excluded with no rate: unknown costs the all-in figure cannot include.",
                and_list(&needed)
            ),
            " Ask for a rate card line for each.",
            " Give each a rate above, so the buyer's all-in figure can include them.",
        )),
    }
    let unneeded = labels(false);
    match unneeded.len() {
        0 => {}
        1 => out.push(advice(
            Level::Note,
            format!("{} is excluded with no rate.", unneeded[0]),
            " You expect no use of it, but ask for a rate anyway.",
            " The buyer expects no use of it but will still want a rate: give it one above.",
        )),
        _ => out.push(advice(
            Level::Note,
            format!("{} are excluded with no rate.", and_list(&unneeded)),
            " You expect no use of them, but ask for rates anyway.",
            " The buyer expects no use of them but will still want rates: give each one above.",
        )),
    }
}

/// Every benchmark flag for a quote. `fully_managed_monthly` is the fully managed
/// estimate for the same users in year 1.
pub fn flags(q: &Quote, t: &QuoteTotals, cur: Currency, fully_managed_monthly: Cents) -> Vec<Flag> {
    let r = &q.rates;
    // A quote with no price is one not yet typed in: its exclusions are still a new
    // quote's defaults, not what the provider said, so the one flag says what to do first
    // (a warning for each default exclusion buried it).
    if !priced(q) {
        return vec![advice(
            Level::Note,
            "No price entered yet: ".to_owned(),
            "type in the rates from the quote to compare it with the market.",
            "choose how you charge and fill in your rates above.",
        )];
    }
    let mut out = vec![match q.model {
        ModelKind::PerUser | ModelKind::Hybrid => per_user_flag(cur, r.per_user),
        ModelKind::PerDevice => device_flag(cur, r.workstation),
        ModelKind::Retainer => retainer_flag(cur, r.retainer),
        ModelKind::BlockHours => hourly_flag(cur, "Block hours", r.block_rate, BLOCK),
    }];
    if q.model == ModelKind::BlockHours {
        out.push(hourly_flag(cur, "Overage", r.overage_rate, OVERAGE));
    }
    for line in &t.items {
        if line.cover == Cover::Rated && line.item.unit() == Unit::Hour {
            out.push(hourly_flag(cur, line.item.label(), line.rate, HOURLY));
        }
    }
    no_rate_flags(t, &mut out);
    let overage = super::models::overage_monthly(q.model, r);
    let common_rate = matches!(q.model, ModelKind::PerUser | ModelKind::Hybrid)
        && UserBand::of(r.per_user) == UserBand::Common;
    out.extend(share_flag(
        t.base_monthly,
        overage,
        fully_managed_monthly,
        common_rate,
    ));
    if q.term() > USUAL_MAX_TERM {
        out.push(advice(
            Level::Note,
            format!(
                "A {}-month term is longer than the usual 2 to 3 years",
                q.term()
            ),
            ": ask for an exit clause and an annual price review.",
            ": the buyer will ask for an exit clause and an annual price review.",
        ));
    }
    crate::domain::order::sort_by_key(&mut out, |f| std::cmp::Reverse(f.level));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::pricing::environment::{Environment, Usage};
    use crate::domain::pricing::exclusions::{CostItem, Terms};
    use crate::domain::pricing::totals::totals;
    use crate::domain::profile::CompanyProfile;

    fn levels(rate: Cents) -> (Level, String) {
        let f = per_user_flag(Currency::Usd, rate);
        (f.level, f.text)
    }

    #[test]
    fn per_user_boundaries_of_the_co_managed_and_common_bands() {
        assert_eq!(levels(4_499).0, Level::Warn);
        assert_eq!(levels(4_500).0, Level::Note);
        assert_eq!(levels(6_499).0, Level::Note);
        assert_eq!(levels(6_500).0, Level::Ok);
        assert_eq!(levels(12_000).0, Level::Ok);
        assert_eq!(levels(12_001).0, Level::Note);
        assert_eq!(levels(17_500).0, Level::Note);
        assert_eq!(levels(17_501).0, Level::Warn);
        assert_eq!(
            levels(4_000).1,
            "$40 per user a month is well below the usual co-managed band ($45 to $175): check what is excluded."
        );
        assert!(levels(5_000).1.contains("below the common $65 to $120"));
        assert!(levels(15_000).1.contains("above the common $65 to $120"));
        assert!(levels(20_000)
            .1
            .contains("fully managed prices ($125 to $250)"));
    }

    #[test]
    fn bands_beside_another_dollar_say_they_are_us_dollars() {
        assert_eq!(
            per_user_flag(Currency::Cad, 10_000).text,
            "CA$100 per user a month is within the common band (US$65 to US$120)."
        );
        assert!(per_user_flag(Currency::Aud, 20_000)
            .text
            .contains("(US$45 to US$175) and into fully managed prices (US$125 to US$250)"));
    }

    #[test]
    fn per_device_and_retainer_boundaries() {
        assert_eq!(device_flag(Currency::Usd, 2_499).level, Level::Warn);
        assert_eq!(device_flag(Currency::Usd, 2_500).level, Level::Ok);
        assert_eq!(device_flag(Currency::Usd, 7_500).level, Level::Ok);
        assert_eq!(device_flag(Currency::Usd, 7_501).level, Level::Warn);
        assert_eq!(retainer_flag(Currency::Usd, 249_999).level, Level::Warn);
        assert_eq!(retainer_flag(Currency::Usd, 250_000).level, Level::Ok);
        assert_eq!(retainer_flag(Currency::Usd, 1_500_000).level, Level::Ok);
        assert_eq!(retainer_flag(Currency::Usd, 1_500_001).level, Level::Warn);
        assert_eq!(
            retainer_flag(Currency::Usd, 200_000).text,
            "A $2,000 monthly retainer is below the usual $2,500 to $15,000: check how narrow the defined scope is."
        );
    }

    #[test]
    fn hourly_block_and_overage_boundaries() {
        let h = |rate, band| hourly_flag(Currency::Usd, "Project work", rate, band).level;
        assert_eq!(h(14_999, HOURLY), Level::Note);
        assert_eq!(h(15_000, HOURLY), Level::Ok);
        assert_eq!(h(25_000, HOURLY), Level::Ok);
        assert_eq!(h(25_001, HOURLY), Level::Warn);
        assert_eq!(h(12_499, BLOCK), Level::Note);
        assert_eq!(h(12_500, BLOCK), Level::Ok);
        assert_eq!(h(20_001, BLOCK), Level::Warn);
        assert_eq!(h(15_000, OVERAGE), Level::Ok);
        assert_eq!(h(25_001, OVERAGE), Level::Warn);
    }

    #[test]
    fn share_of_fully_managed_boundaries_are_exact() {
        // Fully managed $10,000 a month: 40% is $4,000, 60% is $6,000.
        let level = |base| share_flag(base, 0, 1_000_000, false).unwrap().level;
        assert_eq!(level(399_999), Level::Note);
        assert_eq!(level(400_000), Level::Ok);
        assert_eq!(level(600_000), Level::Ok);
        assert_eq!(level(600_001), Level::Warn);
        assert_eq!(
            share_flag(712_500, 0, 1_125_000, false).unwrap().text,
            "The base price is about 63% of the fully managed estimate, above the usual 40% to 60%: at this price, get a fully managed quote too."
        );
        assert_eq!(share_flag(100, 0, 0, false), None);
        // Expected overage counts: a block at 35% with 10 points of overage is within.
        let block = share_flag(350_000, 100_000, 1_000_000, false).unwrap();
        assert_eq!(block.level, Level::Ok);
        assert!(block
            .text
            .starts_with("The base price with the expected overage is about 45%"));
    }

    #[test]
    fn a_high_share_beside_a_common_rate_is_a_note_not_a_warning() {
        let mut q = Quote::new("a".into());
        q.rates.per_user = 9_500;
        for item in CostItem::ALL {
            q.card.get_mut(item).cover = Cover::Included;
        }
        let base = totals(
            &q,
            &Environment::default(),
            &CompanyProfile::default(),
            &Usage::default(),
        )
        .base_monthly;
        // The base is 63% of this estimate, as $95 is of $150.
        let fully_managed = base * 150 / 95;
        let all = default_flags(&q, Currency::Usd, fully_managed);
        let share = all
            .iter()
            .find(|f| f.text.contains("% of the fully managed"))
            .unwrap();
        assert_eq!(share.level, Level::Note);
        assert!(share.text.contains(
            "above the usual 40% to 60%, though the rate per user is within the common band"
        ));
        assert!(all.iter().all(|f| f.level != Level::Warn), "{all:?}");
        // Outside the common band the same share is a warning.
        q.rates.per_user = 13_000;
        let all = default_flags(&q, Currency::Usd, fully_managed);
        assert!(all
            .iter()
            .any(|f| f.level == Level::Warn && f.text.contains("get a fully managed quote too")));
    }

    /// The flags of `q` in the default environment, with the default expected use.
    fn default_flags(q: &Quote, cur: Currency, fully_managed: Cents) -> Vec<Flag> {
        let t = totals(
            q,
            &Environment::default(),
            &CompanyProfile::default(),
            &Usage::default(),
        );
        flags(q, &t, cur, fully_managed)
    }

    fn flags_with_no_incidents(q: &Quote, cur: Currency, fully_managed: Cents) -> Vec<Flag> {
        let usage = Usage {
            incidents: 0,
            ..Usage::default()
        };
        let t = totals(
            q,
            &Environment::default(),
            &CompanyProfile::default(),
            &usage,
        );
        flags(q, &t, cur, fully_managed)
    }

    #[test]
    fn flags_for_a_quote_put_warnings_first_and_explain_unknown_costs() {
        let mut q = Quote::new("a".into());
        q.rates.per_user = 4_000;
        q.term_months = 60;
        for item in CostItem::ALL {
            q.card.get_mut(item).cover = Cover::Included;
        }
        q.card.after_hours.cover = Cover::NoRate;
        q.card.project = Terms {
            cover: Cover::Rated,
            rate: 30_000,
        };
        let f = flags_with_no_incidents(&q, Currency::Usd, 75 * 15_000);
        let texts: Vec<&str> = f.iter().map(|f| f.text.as_str()).collect();
        assert_eq!(f[0].level, Level::Warn);
        assert!(texts.contains(&"$40 per user a month is well below the usual co-managed band ($45 to $175): check what is excluded."));
        assert!(texts.contains(&"Project work at $300 an hour is above the usual $150 to $250: negotiate the rate card."));
        assert!(texts.contains(&"After-hours incident response is excluded with no rate. You expect no use of it, but ask for a rate anyway."));
        assert!(texts.contains(&"A 60-month term is longer than the usual 2 to 3 years: ask for an exit clause and an annual price review."));
        // $3,000 base against $11,250 fully managed: 26.67%.
        assert!(texts
            .iter()
            .any(|t| t.starts_with("The base price is about 27%")));
        assert!(f.windows(2).all(|w| w[0].level >= w[1].level));
    }

    /// Advice to the buyer, which the provider must never read as addressed to itself.
    const BUYER_VOICE: [&str; 9] = [
        ": check",
        ": ask",
        ": compare",
        "Ask for",
        "You expect",
        "your team",
        ": negotiate",
        "type in the rates",
        ", get a fully managed quote",
    ];

    #[test]
    fn the_provider_reads_each_flag_as_what_the_buyer_will_do() {
        let mut all: Vec<Flag> = Vec::new();
        for rate in [1_000, 4_500, 6_000, 9_000, 15_000, 40_000] {
            all.push(per_user_flag(Currency::Gbp, rate));
            all.push(device_flag(Currency::Gbp, rate));
            all.push(retainer_flag(Currency::Gbp, rate * 100));
            all.push(hourly_flag(Currency::Gbp, "Project work", rate * 3, HOURLY));
        }
        for base in [100_000, 500_000, 900_000] {
            all.extend(share_flag(base, 0, 1_000_000, false));
            all.extend(share_flag(base, 0, 1_000_000, true));
        }
        let mut q = Quote::new("a".into());
        all.extend(flags_with_no_incidents(&q, Currency::Gbp, 1_000_000));
        q.rates.per_user = 1_000;
        q.term_months = 60;
        q.card.project.cover = Cover::NoRate;
        q.card.after_hours.cover = Cover::NoRate;
        all.extend(flags_with_no_incidents(&q, Currency::Gbp, 1_000_000));
        for f in &all {
            for voice in BUYER_VOICE {
                assert!(
                    !f.for_provider.contains(voice),
                    "{voice:?} in {:?}",
                    f.for_provider
                );
            }
            // Only a finding with advice for the buyer reads differently to the provider,
            // and the share of the estimate, which the provider never saw.
            let share = f.text.contains("fully managed estimate");
            assert_eq!(
                f.level == Level::Ok && !share,
                f.text == f.for_provider,
                "{f:?}"
            );
        }
        let texts: Vec<&str> = all.iter().map(|f| f.for_provider.as_str()).collect();
        assert!(texts.contains(&"Project work at £450 an hour is above the usual US$150 to US$250: the buyer will want to negotiate the rate card."));
        assert!(texts.contains(&"After-hours incident response is excluded with no rate. The buyer expects no use of it but will still want a rate: give it one above."));
        assert!(texts.contains(
            &"No price entered yet: choose how you charge and fill in your rates above."
        ));
        assert!(texts.contains(&"The base price is about 10% of a typical fully managed price for the same users, below the usual 40% to 60%: a thinner slice than usual. The buyer will check which work stays with their own team."));
    }

    #[test]
    fn a_quote_with_no_price_yet_gets_one_note_only() {
        // A new quote excludes every item with no rate; a long term and a rated hourly
        // item are not flagged either until a price is in.
        let mut q = Quote::new("a".into());
        q.term_months = 60;
        q.card.project.cover = Cover::Rated;
        q.card.project.rate = 40_000;
        let f = default_flags(&q, Currency::Usd, 75 * 15_000);
        let texts: Vec<&str> = f.iter().map(|f| f.text.as_str()).collect();
        assert_eq!(
            texts,
            ["No price entered yet: type in the rates from the quote to compare it with the market."]
        );
        q.rates.per_user = 9_000;
        let f = default_flags(&q, Currency::Usd, 75 * 15_000);
        assert!(
            f.iter().any(|f| f.text.contains("excluded with no rate")),
            "{f:?}"
        );
        assert!(f.iter().any(|f| f.text.contains("60-month term")), "{f:?}");
        // A per-device quote with only a server rate is priced.
        let mut d = Quote::new("d".into());
        d.model = ModelKind::PerDevice;
        d.rates.server = 25_000;
        assert!(priced(&d));
        d.rates.server = 0;
        assert!(!priced(&d));
    }

    #[test]
    fn items_excluded_with_no_rate_share_one_flag() {
        let mut q = Quote::new("a".into());
        q.rates.per_user = 9_500;
        for item in CostItem::ALL {
            q.card.get_mut(item).cover = Cover::Included;
        }
        q.card.project.cover = Cover::NoRate;
        q.card.advisory.cover = Cover::NoRate;
        q.card.compliance.cover = Cover::NoRate;
        let f = default_flags(&q, Currency::Usd, 75 * 15_000);
        let unknown: Vec<&Flag> = f.iter().filter(|f| f.text.contains("no rate")).collect();
        assert_eq!(unknown.len(), 1);
        assert_eq!(unknown[0].level, Level::Warn);
        assert_eq!(
            unknown[0].text,
            "Project work, vCIO / advisory and Compliance documentation are excluded with no rate: unknown costs the all-in figure cannot include. Ask for a rate card line for each."
        );
        assert_eq!(and_list(&["A", "B"]), "A and B");
        assert_eq!(and_list(&["A"]), "A");
        assert_eq!(and_list(&[]), "");
    }

    #[test]
    fn model_specific_flags() {
        let mut q = Quote::new("a".into());
        for item in CostItem::ALL {
            q.card.get_mut(item).cover = Cover::Included;
        }
        q.model = ModelKind::BlockHours;
        q.rates.block_rate = 15_000;
        q.rates.overage_rate = 30_000;
        let f = default_flags(&q, Currency::Eur, 0);
        assert_eq!(f.len(), 2, "{f:?}");
        assert_eq!(
            f[0].text,
            "Overage at €300 an hour is above the usual US$150 to US$250: negotiate the rate card."
        );
        assert_eq!(
            f[1].text,
            "Block hours at €150 an hour is within the usual US$125 to US$200."
        );
        q.model = ModelKind::Hybrid;
        q.rates.per_user = 9_000;
        q.rates.project_rate = 14_000;
        let f = default_flags(&q, Currency::Usd, 0);
        assert!(f.iter().any(|f| f.text == "Project work at $140 an hour is below the usual $150 to $250: check who does the work."));
        assert!(f
            .iter()
            .any(|f| f.text == "$90 per user a month is within the common band ($65 to $120)."));
    }
}
