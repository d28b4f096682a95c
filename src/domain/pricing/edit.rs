//! Every change the buyer can make to a pricing comparison, as data. The view sends a
//! `PricingEdit`; `Pricing::apply` checks the figure against its field's range, narrows
//! it to what is stored, and says whether anything changed.

use super::alternatives::{check_role, Hire, MAX_BENEFITS, MAX_HIRES, MAX_MONTHS_TO_HIRE};
use super::environment::{MAX_COUNT, MAX_GROWTH, MAX_USE, MIN_GROWTH};
use super::exclusions::{CostItem, Cover};
use super::models::ModelKind;
use super::money::{Bps, Cents, Currency, MAX_AMOUNT};
use super::quote::{Quote, MAX_BLOCK_HOURS, MAX_ESCALATOR, MAX_NOTICE_DAYS, MAX_TERM, MIN_TERM};
use super::Pricing;
use crate::domain::edit::{put, whole_u32, within, Changed};
use crate::domain::input::InputError;

/// A count of the environment; `None` in the document means "follow the profile".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Count {
    Users,
    Workstations,
    Servers,
    Network,
}

/// A yearly use estimate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Use {
    ProjectHours,
    AdvisoryHours,
    Incidents,
    ComplianceHours,
    Visits,
}

/// A price of a quote's pricing model.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rate {
    PerUser,
    Workstation,
    Server,
    Network,
    Retainer,
    BlockRate,
    OverageRate,
    ProjectRate,
}

/// Hours of a block-hours quote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hours {
    /// Hours in the monthly block.
    Block,
    /// Hours the buyer expects to use a month.
    Expected,
}

/// A change to one quote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QuoteEdit {
    Model(ModelKind),
    Rate(Rate, Cents),
    Hours(Hours, i64),
    Onboarding(Cents),
    Platform(Cents),
    Escalator(Bps),
    TermMonths(i64),
    NoticeDays(i64),
    Cover(CostItem, Cover),
    ItemRate(CostItem, Cents),
}

/// A change to one hire of the in-house alternative.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HireEdit {
    Role(String),
    Salary(Cents),
    Benefits(Bps),
    Tooling(Cents),
    MonthsToHire(i64),
}

/// A change to the pricing comparison.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PricingEdit {
    Count(Count, i64),
    /// Every count follows the company profile again.
    CountsFollowProfile,
    Currency(Currency),
    Growth(Bps),
    Use(Use, i64),
    /// Licensed seats; `None` is one per user.
    Seats(Option<i64>),
    ManagedRate(Cents),
    ManagedEscalator(Bps),
    PayRise(Bps),
    /// Adds an IT generalist under this id (the caller makes it unique).
    AddHire(String),
    RemoveHire(String),
    Hire(String, HireEdit),
    RemoveQuote(String),
    Quote(String, QuoteEdit),
}

/// Why an edit was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditError {
    Input(InputError),
    Role(&'static str),
    TooManyHires,
    /// The quote or hire was removed meanwhile (in another tab, or by undo).
    Gone,
}

impl EditError {
    pub fn message(&self) -> String {
        match self {
            EditError::Input(e) => e.message(),
            EditError::Role(m) => (*m).to_owned(),
            EditError::TooManyHires => {
                format!("The in-house plan lists at most {MAX_HIRES} hires.")
            }
            EditError::Gone => "This was removed meanwhile.".to_owned(),
        }
    }
}

impl From<InputError> for EditError {
    fn from(e: InputError) -> Self {
        EditError::Input(e)
    }
}

type Outcome = Result<Changed, EditError>;

fn money(v: Cents) -> Result<Cents, EditError> {
    Ok(within(v, 0, MAX_AMOUNT)?)
}

impl Pricing {
    /// Applies one change; a refused change leaves the document as it was.
    pub fn apply(&mut self, edit: PricingEdit) -> Outcome {
        let env = &mut self.env;
        Ok(match edit {
            PricingEdit::Count(which, v) => {
                let v = Some(whole_u32(v, 0, MAX_COUNT)?);
                match which {
                    Count::Users => put(&mut env.users, v),
                    Count::Workstations => put(&mut env.workstations, v),
                    Count::Servers => put(&mut env.servers, v),
                    Count::Network => put(&mut env.network, v),
                }
            }
            PricingEdit::CountsFollowProfile => {
                let before = env.clone();
                (env.users, env.workstations, env.servers, env.network) = (None, None, None, None);
                Changed::when(*env != before)
            }
            PricingEdit::Currency(c) => put(&mut env.currency, c),
            PricingEdit::Growth(v) => put(&mut env.growth_bps, within(v, MIN_GROWTH, MAX_GROWTH)?),
            PricingEdit::Use(which, v) => {
                let v = whole_u32(v, 0, MAX_USE)?;
                let u = &mut self.usage;
                match which {
                    Use::ProjectHours => put(&mut u.project_hours, v),
                    Use::AdvisoryHours => put(&mut u.advisory_hours, v),
                    Use::Incidents => put(&mut u.incidents, v),
                    Use::ComplianceHours => put(&mut u.compliance_hours, v),
                    Use::Visits => put(&mut u.visits, v),
                }
            }
            PricingEdit::Seats(v) => {
                let v = v.map(|v| whole_u32(v, 0, MAX_COUNT)).transpose()?;
                put(&mut self.usage.seats, v)
            }
            PricingEdit::ManagedRate(v) => put(&mut self.managed.rate, money(v)?),
            PricingEdit::ManagedEscalator(v) => put(
                &mut self.managed.escalator_bps,
                within(v, 0, MAX_ESCALATOR)?,
            ),
            PricingEdit::PayRise(v) => {
                put(&mut self.in_house.raise_bps, within(v, 0, MAX_ESCALATOR)?)
            }
            PricingEdit::AddHire(id) => {
                if self.in_house.hires.len() >= MAX_HIRES {
                    return Err(EditError::TooManyHires);
                }
                self.in_house.hires.push(Hire::generalist(id));
                Changed::Yes
            }
            PricingEdit::RemoveHire(id) => {
                let before = self.in_house.hires.len();
                self.in_house.hires.retain(|h| h.id != id);
                Changed::when(self.in_house.hires.len() != before)
            }
            PricingEdit::Hire(id, edit) => {
                let hire = self.in_house.hires.iter_mut().find(|h| h.id == id);
                apply_hire(hire.ok_or(EditError::Gone)?, edit)?
            }
            PricingEdit::RemoveQuote(id) => {
                let before = self.quotes.len();
                self.remove_quote(&id);
                Changed::when(self.quotes.len() != before)
            }
            PricingEdit::Quote(id, edit) => {
                apply_quote(self.quote_mut(&id).ok_or(EditError::Gone)?, edit)?
            }
        })
    }
}

fn apply_hire(h: &mut Hire, edit: HireEdit) -> Outcome {
    Ok(match edit {
        HireEdit::Role(text) => {
            check_role(&text).map_err(EditError::Role)?;
            put(&mut h.role, text.trim().to_owned())
        }
        HireEdit::Salary(v) => put(&mut h.salary, money(v)?),
        HireEdit::Benefits(v) => put(&mut h.benefits_bps, within(v, 0, MAX_BENEFITS)?),
        HireEdit::Tooling(v) => put(&mut h.tooling, money(v)?),
        HireEdit::MonthsToHire(v) => {
            put(&mut h.months_to_hire, whole_u32(v, 0, MAX_MONTHS_TO_HIRE)?)
        }
    })
}

fn apply_quote(q: &mut Quote, edit: QuoteEdit) -> Outcome {
    Ok(match edit {
        QuoteEdit::Model(m) => put(&mut q.model, m),
        QuoteEdit::Rate(which, v) => {
            let v = money(v)?;
            let r = &mut q.rates;
            put(
                match which {
                    Rate::PerUser => &mut r.per_user,
                    Rate::Workstation => &mut r.workstation,
                    Rate::Server => &mut r.server,
                    Rate::Network => &mut r.network,
                    Rate::Retainer => &mut r.retainer,
                    Rate::BlockRate => &mut r.block_rate,
                    Rate::OverageRate => &mut r.overage_rate,
                    Rate::ProjectRate => &mut r.project_rate,
                },
                v,
            )
        }
        QuoteEdit::Hours(which, v) => {
            let v = whole_u32(v, 0, MAX_BLOCK_HOURS)?;
            match which {
                Hours::Block => put(&mut q.rates.block_hours, v),
                Hours::Expected => put(&mut q.rates.expected_hours, v),
            }
        }
        QuoteEdit::Onboarding(v) => put(&mut q.onboarding, money(v)?),
        QuoteEdit::Platform(v) => put(&mut q.platform, money(v)?),
        QuoteEdit::Escalator(v) => put(&mut q.escalator_bps, within(v, 0, MAX_ESCALATOR)?),
        QuoteEdit::TermMonths(v) => put(&mut q.term_months, whole_u32(v, MIN_TERM, MAX_TERM)?),
        QuoteEdit::NoticeDays(v) => put(&mut q.notice_days, whole_u32(v, 0, MAX_NOTICE_DAYS)?),
        QuoteEdit::Cover(item, c) => put(&mut q.card.get_mut(item).cover, c),
        QuoteEdit::ItemRate(item, v) => put(&mut q.card.get_mut(item).rate, money(v)?),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_quote() -> Pricing {
        let mut p = Pricing::default();
        p.quotes.push(Quote::new("p1".into()));
        p
    }

    fn out(min: i64, max: i64) -> Result<Changed, EditError> {
        Err(EditError::Input(InputError::OutOfRange { min, max }))
    }

    #[test]
    fn counts_are_narrowed_and_can_follow_the_profile_again() {
        let mut p = Pricing::default();
        assert_eq!(
            p.apply(PricingEdit::Count(Count::Users, 120)),
            Ok(Changed::Yes)
        );
        assert_eq!(
            p.apply(PricingEdit::Count(Count::Users, 120)),
            Ok(Changed::No)
        );
        assert_eq!(p.env.users, Some(120));
        assert_eq!(
            p.apply(PricingEdit::Count(Count::Servers, -1)),
            out(0, MAX_COUNT)
        );
        assert_eq!(
            p.apply(PricingEdit::Count(Count::Servers, MAX_COUNT + 1)),
            out(0, MAX_COUNT)
        );
        assert_eq!(p.env.servers, None);
        assert_eq!(p.apply(PricingEdit::CountsFollowProfile), Ok(Changed::Yes));
        assert!(p.env.follows_profile());
        assert_eq!(p.apply(PricingEdit::CountsFollowProfile), Ok(Changed::No));
    }

    #[test]
    fn environment_and_usage_fields_keep_their_ranges() {
        let mut p = Pricing::default();
        assert_eq!(p.apply(PricingEdit::Growth(-2_500)), Ok(Changed::Yes));
        assert_eq!(
            p.apply(PricingEdit::Growth(MAX_GROWTH + 1)),
            out(MIN_GROWTH, MAX_GROWTH)
        );
        assert_eq!(p.env.growth_bps, -2_500);
        assert_eq!(
            p.apply(PricingEdit::Currency(Currency::Eur)),
            Ok(Changed::Yes)
        );
        assert_eq!(p.apply(PricingEdit::Use(Use::Visits, 12)), Ok(Changed::Yes));
        assert_eq!(p.usage.visits, 12);
        assert_eq!(
            p.apply(PricingEdit::Use(Use::Incidents, 1 << 40)),
            out(0, MAX_USE)
        );
        assert_eq!(p.apply(PricingEdit::Seats(Some(90))), Ok(Changed::Yes));
        assert_eq!(p.usage.seats, Some(90));
        assert_eq!(p.apply(PricingEdit::Seats(None)), Ok(Changed::Yes));
        assert_eq!(p.usage.seats, None);
    }

    #[test]
    fn quote_fields_are_checked_and_a_removed_quote_is_reported() {
        let mut p = with_quote();
        let q = |e| PricingEdit::Quote("p1".into(), e);
        assert_eq!(p.apply(q(QuoteEdit::TermMonths(24))), Ok(Changed::Yes));
        assert_eq!(
            p.apply(q(QuoteEdit::TermMonths(0))),
            out(MIN_TERM, MAX_TERM)
        );
        assert_eq!(p.quotes[0].term_months, 24);
        assert_eq!(
            p.apply(q(QuoteEdit::Rate(Rate::Server, 45_000))),
            Ok(Changed::Yes)
        );
        assert_eq!(p.quotes[0].rates.server, 45_000);
        assert_eq!(
            p.apply(q(QuoteEdit::Rate(Rate::Server, -1))),
            out(0, MAX_AMOUNT)
        );
        assert_eq!(
            p.apply(q(QuoteEdit::Hours(Hours::Block, 40))),
            Ok(Changed::Yes)
        );
        assert_eq!(p.quotes[0].rates.block_hours, 40);
        assert_eq!(
            p.apply(q(QuoteEdit::Escalator(MAX_ESCALATOR + 1))),
            out(0, MAX_ESCALATOR)
        );
        assert_eq!(
            p.apply(q(QuoteEdit::Cover(CostItem::AfterHours, Cover::Rated))),
            Ok(Changed::Yes)
        );
        assert_eq!(
            p.apply(q(QuoteEdit::ItemRate(CostItem::AfterHours, 25_000))),
            Ok(Changed::Yes)
        );
        assert_eq!(p.quotes[0].card.after_hours.rate, 25_000);
        assert_eq!(
            p.apply(q(QuoteEdit::NoticeDays(MAX_NOTICE_DAYS + 1))),
            out(0, MAX_NOTICE_DAYS)
        );
        let gone = PricingEdit::Quote("nope".into(), QuoteEdit::Onboarding(1));
        assert_eq!(p.apply(gone), Err(EditError::Gone));
        assert_eq!(
            p.apply(PricingEdit::RemoveQuote("p1".into())),
            Ok(Changed::Yes)
        );
        assert_eq!(
            p.apply(PricingEdit::RemoveQuote("p1".into())),
            Ok(Changed::No)
        );
    }

    #[test]
    fn hires_are_capped_and_their_roles_checked() {
        let mut p = Pricing::default();
        for i in p.in_house.hires.len()..MAX_HIRES {
            assert_eq!(
                p.apply(PricingEdit::AddHire(format!("h{i}"))),
                Ok(Changed::Yes)
            );
        }
        assert_eq!(
            p.apply(PricingEdit::AddHire("x".into())),
            Err(EditError::TooManyHires)
        );
        let h = |e| PricingEdit::Hire("h3".into(), e);
        assert_eq!(
            p.apply(h(HireEdit::Role("  Security analyst ".into()))),
            Ok(Changed::Yes)
        );
        assert_eq!(p.in_house.hires[3].role, "Security analyst");
        assert!(matches!(
            p.apply(h(HireEdit::Role(" ".into()))),
            Err(EditError::Role(_))
        ));
        assert_eq!(
            p.apply(h(HireEdit::MonthsToHire(MAX_MONTHS_TO_HIRE + 1))),
            out(0, MAX_MONTHS_TO_HIRE)
        );
        assert_eq!(p.apply(h(HireEdit::Benefits(2_500))), Ok(Changed::Yes));
        assert_eq!(
            p.apply(PricingEdit::RemoveHire("h3".into())),
            Ok(Changed::Yes)
        );
        assert_eq!(p.apply(h(HireEdit::Salary(1))), Err(EditError::Gone));
    }

    #[test]
    fn a_refused_edit_changes_nothing() {
        let mut p = with_quote();
        let before = p.clone();
        let _ = p.apply(PricingEdit::Quote("p1".into(), QuoteEdit::TermMonths(999)));
        let _ = p.apply(PricingEdit::Count(Count::Users, -5));
        let _ = p.apply(PricingEdit::Hire(
            "hire-1".into(),
            HireEdit::Role(String::new()),
        ));
        assert_eq!(p, before);
    }
}
