//! What the buyer could do instead: buy fully managed IT, or hire.

use serde::{Deserialize, Serialize};

use super::environment::Counts;
use super::money::{apply_bps, div_round, to_cents, Bps, Cents};

/// The most hires an in-house plan can list.
pub const MAX_HIRES: usize = 10;
pub const MAX_ROLE_CHARS: usize = 80;
/// The longest recruitment accepted, in months.
pub const MAX_MONTHS_TO_HIRE: i64 = 36;
/// Benefits load accepted: 0% to 100% of salary.
pub const MAX_BENEFITS: Bps = 10_000;
/// Hours one full-time person works in a year, and hours in a year.
pub const WORKING_HOURS: u32 = 1_800;
pub const HOURS_IN_YEAR: u32 = 8_760;

/// A fully managed estimate: the per-user band applied to the same users.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FullyManaged {
    /// Per user per month, year 1.
    pub rate: Cents,
    pub escalator_bps: Bps,
}

impl Default for FullyManaged {
    /// $150 per user a month: inside the $125 to $250 band, and $11,250 a month for 75
    /// users, in line with the $8,000 to $12,000 the market quotes a 75-person firm.
    fn default() -> Self {
        FullyManaged {
            rate: 15_000,
            escalator_bps: 300,
        }
    }
}

/// One person the buyer would hire instead.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Hire {
    pub id: String,
    pub role: String,
    /// Yearly salary in year 1.
    pub salary: Cents,
    /// Benefits, payroll taxes and overheads as a share of salary.
    pub benefits_bps: Bps,
    /// Tools, training and equipment per year.
    pub tooling: Cents,
    /// Months before the person starts.
    pub months_to_hire: u32,
}

impl Hire {
    /// A second IT generalist: $75,000 salary, 30% benefits, $2,500 of tools a year:
    /// $100,000 a year, in the $80,000 to $110,000 the market quotes; three months to hire.
    pub fn generalist(id: String) -> Hire {
        Hire {
            id,
            role: "IT generalist".into(),
            salary: 7_500_000,
            benefits_bps: 3_000,
            tooling: 250_000,
            months_to_hire: 3,
        }
    }
}

impl Default for Hire {
    fn default() -> Self {
        Hire::generalist(String::new())
    }
}

/// Building the capability in-house.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct InHouse {
    pub hires: Vec<Hire>,
    /// Yearly pay rise.
    pub raise_bps: Bps,
}

impl Default for InHouse {
    fn default() -> Self {
        InHouse {
            hires: vec![Hire::generalist("hire-1".into())],
            raise_bps: 300,
        }
    }
}

/// An alternative priced over a term.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AltTotals {
    pub years: Vec<Cents>,
    pub total: Cents,
}

impl AltTotals {
    fn from_years(years: Vec<Cents>) -> AltTotals {
        let total = to_cents(years.iter().map(|&y| i128::from(y)).sum());
        AltTotals { years, total }
    }

    pub fn year1(&self) -> Cents {
        self.years.first().copied().unwrap_or(0)
    }
}

/// Months in each contract year of a term.
pub fn year_months(term: u32) -> Vec<u32> {
    let term = term.max(1);
    (0..term.div_ceil(12))
        .map(|k| (term - 12 * k).min(12))
        .collect()
}

impl FullyManaged {
    /// Rate × users × months each year, the rate escalated and rounded yearly like a quote.
    pub fn totals(&self, counts: &[Counts], term: u32) -> AltTotals {
        let mut rate = self.rate;
        let years = year_months(term)
            .into_iter()
            .enumerate()
            .map(|(k, months)| {
                if k > 0 {
                    rate = apply_bps(rate, self.escalator_bps);
                }
                let users = counts.get(k).or(counts.last()).map_or(0, |c| c.users);
                to_cents(i128::from(rate) * i128::from(users) * i128::from(months))
            })
            .collect();
        AltTotals::from_years(years)
    }

    /// The year-1 monthly price for these users: the benchmark for the co-managed share.
    pub fn monthly(&self, users: u32) -> Cents {
        to_cents(i128::from(self.rate) * i128::from(users))
    }
}

impl Hire {
    /// The months of a contract year this person is in post.
    fn months_employed(&self, year_index: usize, months: u32) -> u32 {
        let start = 12 * year_index as u32;
        (start + months)
            .saturating_sub(self.months_to_hire.max(start))
            .min(months)
    }
}

impl InHouse {
    /// Each year: (salary × (1 + benefits) + tooling) × months in post / 12, rounded to
    /// the cent once. Salaries rise by the yearly raise, rounded to the cent each year;
    /// tooling does not rise. Nothing is paid before a hire starts.
    pub fn totals(&self, term: u32) -> AltTotals {
        let mut salaries: Vec<Cents> = self.hires.iter().map(|h| h.salary).collect();
        let years = year_months(term)
            .into_iter()
            .enumerate()
            .map(|(k, months)| {
                let mut year: i128 = 0;
                for (h, salary) in self.hires.iter().zip(salaries.iter_mut()) {
                    if k > 0 {
                        *salary = apply_bps(*salary, self.raise_bps);
                    }
                    let yearly = i128::from(*salary) * (10_000 + i128::from(h.benefits_bps))
                        + i128::from(h.tooling) * 10_000;
                    let employed = i128::from(h.months_employed(k, months));
                    year += div_round(yearly * employed, 120_000);
                }
                to_cents(year)
            })
            .collect();
        AltTotals::from_years(years)
    }

    /// What the plan does not cover, in plain words.
    pub fn notes(&self) -> Vec<String> {
        let n = self.hires.len() as u32;
        let mut out = Vec::new();
        if n == 0 {
            out.push("Add at least one hire to price this option.".to_owned());
            return out;
        }
        let hours = n * WORKING_HOURS;
        if n == 1 {
            out.push(format!("One person works about {} of the {} hours in a year. A single hire does not cover nights, weekends, public holidays, sick days or annual leave, and takes the team's knowledge along if they leave.", group_u(WORKING_HOURS), group_u(HOURS_IN_YEAR)));
        } else if hours < HOURS_IN_YEAR {
            out.push(format!("{n} people work about {} of the {} hours in a year: round-the-clock cover, with leave, takes about five.", group_u(hours), group_u(HOURS_IN_YEAR)));
        }
        let wait = self
            .hires
            .iter()
            .map(|h| h.months_to_hire)
            .max()
            .unwrap_or(0);
        if wait > 0 {
            let months = crate::domain::text::months(wait);
            out.push(format!("Recruiting takes time: the last hire is in post only after {months}, and nothing is covered by them before then. A co-managed service is typically live in about six weeks."));
        }
        out
    }
}

fn group_u(n: u32) -> String {
    crate::domain::input::group(i64::from(n))
}

/// Checks a role name typed by the buyer.
pub fn check_role(role: &str) -> Result<(), &'static str> {
    if role.trim().is_empty() {
        Err("Name the role, like IT generalist.")
    } else if role.chars().count() > MAX_ROLE_CHARS {
        Err("Keep the role under 80 characters.")
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn users(n: u32, years: usize) -> Vec<Counts> {
        vec![
            Counts {
                users: n,
                workstations: n,
                servers: 0,
                network: 0
            };
            years
        ]
    }

    #[test]
    fn fully_managed_is_rate_times_users_escalated_yearly() {
        // $150 × 75 = $11,250 a month; year 2 at 3%: $154.50 × 75 = $11,587.50.
        let fm = FullyManaged::default();
        let t = fm.totals(&users(75, 3), 36);
        assert_eq!(t.years, vec![13_500_000, 13_905_000, 14_322_600]);
        assert_eq!(t.total, 41_727_600);
        assert_eq!(fm.monthly(75), 1_125_000);
    }

    #[test]
    fn one_generalist_costs_a_hundred_thousand_a_year_after_three_months() {
        // $75,000 × 1.3 + $2,500 = $100,000 a year; in post for 9 months of year 1.
        // Year 2: salary $77,250 → $100,425 + $2,500 = $102,925.
        let ih = InHouse::default();
        let t = ih.totals(24);
        assert_eq!(t.years, vec![7_500_000, 10_292_500]);
        assert_eq!(t.total, 17_792_500);
    }

    #[test]
    fn a_long_recruitment_can_span_contract_years() {
        let mut ih = InHouse {
            raise_bps: 0,
            ..InHouse::default()
        };
        ih.hires[0].months_to_hire = 15;
        let t = ih.totals(30);
        // Nothing in year 1, 9 months in year 2, 6 months in the half year 3.
        assert_eq!(t.years, vec![0, 7_500_000, 5_000_000]);
    }

    #[test]
    fn several_hires_add_up_with_their_own_loads() {
        let mut ih = InHouse {
            raise_bps: 0,
            ..InHouse::default()
        };
        ih.hires[0].months_to_hire = 0;
        ih.hires.push(Hire {
            id: "h2".into(),
            role: "Senior security engineer".into(),
            salary: 18_000_000,
            benefits_bps: 2_500,
            tooling: 1_000_000,
            months_to_hire: 9,
        });
        // Generalist: $100,000. Security engineer: ($180,000 × 1.25 + $10,000) × 3/12 = $58,750.
        assert_eq!(ih.totals(12).years, vec![15_875_000]);
    }

    #[test]
    fn a_single_hire_gets_a_plain_note_of_what_it_does_not_cover() {
        let notes = InHouse::default().notes();
        assert!(notes[0].starts_with("One person works about 1,800 of the 8,760 hours in a year. A single hire does not cover nights, weekends"));
        assert!(notes[1].contains("after 3 months"));
        let mut two = InHouse::default();
        two.hires.push(Hire::generalist("h2".into()));
        two.hires.iter_mut().for_each(|h| h.months_to_hire = 0);
        assert_eq!(
            two.notes(),
            vec!["2 people work about 3,600 of the 8,760 hours in a year: round-the-clock cover, with leave, takes about five."]
        );
        let none = InHouse {
            hires: vec![],
            raise_bps: 0,
        };
        assert_eq!(none.totals(12).total, 0);
        assert_eq!(none.notes().len(), 1);
    }

    #[test]
    fn year_months_split_a_term() {
        assert_eq!(year_months(30), vec![12, 12, 6]);
        assert_eq!(year_months(12), vec![12]);
        assert_eq!(year_months(0), vec![1]);
    }

    #[test]
    fn roles_are_checked() {
        assert!(check_role(" ").is_err());
        assert!(check_role(&"r".repeat(81)).is_err());
        assert!(check_role("Sysadmin").is_ok());
    }
}
