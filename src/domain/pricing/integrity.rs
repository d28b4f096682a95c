//! The invariants a pricing comparison read from a file or a link must hold: every
//! figure within the limits its field enforces when typed, so no calculation meets a
//! negative price, a zero-month term or a number large enough to overflow.

use super::alternatives::{MAX_BENEFITS, MAX_HIRES, MAX_MONTHS_TO_HIRE, MAX_ROLE_CHARS};
use super::environment::{MAX_COUNT, MAX_GROWTH, MAX_USE, MIN_GROWTH};
use super::money::{Cents, MAX_AMOUNT};
use super::quote::{MAX_BLOCK_HOURS, MAX_ESCALATOR, MAX_NOTICE_DAYS, MAX_TERM, MIN_TERM};
use super::Pricing;

fn within(value: i64, min: i64, max: i64, what: &str) -> Result<(), String> {
    if (min..=max).contains(&value) {
        Ok(())
    } else {
        Err(format!("{what} is out of range ({value})"))
    }
}

fn money(value: Cents, what: &str) -> Result<(), String> {
    within(value, 0, MAX_AMOUNT, what)
}

impl Pricing {
    /// `Err` names the first figure out of range, or a provider quoted twice.
    pub fn check_integrity(&self) -> Result<(), String> {
        let env = &self.env;
        for (count, what) in [
            (env.users, "the user count"),
            (env.workstations, "the workstation count"),
            (env.servers, "the server count"),
            (env.network, "the network device count"),
            (self.usage.seats, "the licensed seats"),
        ] {
            within(i64::from(count.unwrap_or(0)), 0, MAX_COUNT, what)?;
        }
        within(env.growth_bps, MIN_GROWTH, MAX_GROWTH, "the growth rate")?;
        let u = &self.usage;
        for use_ in [
            u.project_hours,
            u.advisory_hours,
            u.incidents,
            u.compliance_hours,
            u.visits,
        ] {
            within(i64::from(use_), 0, MAX_USE, "an expected use")?;
        }
        for (i, q) in self.quotes.iter().enumerate() {
            if self.quotes[..i].iter().any(|o| o.provider == q.provider) {
                return Err("a provider has two quotes".into());
            }
            let r = &q.rates;
            for rate in [
                r.per_user,
                r.workstation,
                r.server,
                r.network,
                r.retainer,
                r.block_rate,
                r.overage_rate,
                r.project_rate,
                q.onboarding,
                q.platform,
            ] {
                money(rate, "a quoted price")?;
            }
            for hours in [r.block_hours, r.expected_hours] {
                within(i64::from(hours), 0, MAX_BLOCK_HOURS, "a number of hours")?;
            }
            within(q.escalator_bps, 0, MAX_ESCALATOR, "an escalator")?;
            within(q.term_months.into(), MIN_TERM, MAX_TERM, "a contract term")?;
            within(q.notice_days.into(), 0, MAX_NOTICE_DAYS, "a notice period")?;
            let c = &q.card;
            for terms in [
                &c.project,
                &c.advisory,
                &c.after_hours,
                &c.compliance,
                &c.licensing,
                &c.on_site,
            ] {
                money(terms.rate, "a rate card price")?;
            }
        }
        money(self.managed.rate, "the fully managed rate")?;
        within(self.managed.escalator_bps, 0, MAX_ESCALATOR, "an escalator")?;
        if self.in_house.hires.len() > MAX_HIRES {
            return Err("there are more hires than the app allows".into());
        }
        for h in &self.in_house.hires {
            money(h.salary, "a salary")?;
            money(h.tooling, "a tooling budget")?;
            within(h.benefits_bps, 0, MAX_BENEFITS, "a benefits load")?;
            within(
                h.months_to_hire.into(),
                0,
                MAX_MONTHS_TO_HIRE,
                "a time to hire",
            )?;
            if h.role.chars().count() > MAX_ROLE_CHARS {
                return Err("a role name is too long".into());
            }
        }
        within(self.in_house.raise_bps, 0, MAX_ESCALATOR, "a pay rise")?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::pricing::Pick;

    #[test]
    fn defaults_and_a_fresh_quote_hold_every_invariant() {
        let mut p = Pricing::default();
        assert_eq!(p.check_integrity(), Ok(()));
        p.add_quote(&mut Vec::new(), Pick::New("Harbor".into()), "h".into())
            .unwrap();
        assert_eq!(p.check_integrity(), Ok(()));
    }

    #[test]
    fn negative_prices_zero_terms_and_doubled_quotes_are_refused() {
        let mut p = Pricing::default();
        p.add_quote(&mut Vec::new(), Pick::New("Harbor".into()), "h".into())
            .unwrap();
        let mut negative = p.clone();
        negative.quotes[0].rates.per_user = -100;
        assert!(negative
            .check_integrity()
            .unwrap_err()
            .contains("quoted price"));
        let mut zero = p.clone();
        zero.quotes[0].term_months = 0;
        assert!(zero
            .check_integrity()
            .unwrap_err()
            .contains("contract term"));
        let mut twice = p.clone();
        twice.quotes.push(p.quotes[0].clone());
        assert!(twice.check_integrity().unwrap_err().contains("two quotes"));
        let mut huge = p;
        huge.quotes[0].rates.retainer = i64::MAX;
        assert!(huge.check_integrity().is_err());
    }
}
