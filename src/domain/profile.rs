//! Who the buyer is: the company profile the tools take their defaults from, and the
//! industry that decides which regulated functions the templates add.

use serde::{Deserialize, Serialize};

use super::edit::{put, Changed};

/// The longest workspace or company name we accept; longer text is a paste accident.
pub const MAX_NAME_CHARS: usize = 120;
/// More employees than this is outside what co-managed IT is sold for.
pub const MAX_EMPLOYEES: u32 = 1_000_000;

/// The industry decides which regulated functions the templates add.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Industry {
    #[default]
    General,
    FinancialServices,
    Legal,
    Healthcare,
}

impl Industry {
    pub const ALL: [Industry; 4] = [
        Industry::General,
        Industry::FinancialServices,
        Industry::Legal,
        Industry::Healthcare,
    ];

    /// The name shown to the buyer.
    pub fn label(self) -> &'static str {
        match self {
            Industry::General => "General",
            Industry::FinancialServices => "Financial services",
            Industry::Legal => "Legal",
            Industry::Healthcare => "Healthcare",
        }
    }

    /// A stable token for form values and files.
    pub fn key(self) -> &'static str {
        match self {
            Industry::General => "general",
            Industry::FinancialServices => "financial_services",
            Industry::Legal => "legal",
            Industry::Healthcare => "healthcare",
        }
    }

    pub fn from_key(key: &str) -> Option<Industry> {
        Industry::ALL.into_iter().find(|i| i.key() == key)
    }
}

/// Who the buyer is. The tools take their defaults from it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompanyProfile {
    pub company_name: String,
    pub employees: u32,
    pub internal_it: u32,
    pub industry: Industry,
}

impl Default for CompanyProfile {
    /// The market's reference case: a 75-person firm with one internal generalist.
    fn default() -> Self {
        CompanyProfile {
            company_name: String::new(),
            employees: 75,
            internal_it: 1,
            industry: Industry::General,
        }
    }
}

/// Advice on whether co-managed IT suits the company at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fit {
    /// Under about 50 employees the overhead of two teams rarely pays.
    TooSmall,
    /// With nobody internal, "co-managed" is fully managed in all but name.
    NoInternalTeam,
    /// A deep team may already have 24/7 and security cover.
    DeepTeam,
}

impl Fit {
    pub fn message(self) -> &'static str {
        match self {
            Fit::TooSmall => "Under about 50 employees, co-managed IT rarely pays for the overhead of two teams. Compare a fully managed quote too.",
            Fit::NoInternalTeam => "With no internal IT staff this would be fully managed IT in all but name. The RACI still helps, but the split will be one-sided.",
            Fit::DeepTeam => "A team this size may already cover nights and security. Check which gap the MSP would fill before you buy a bundle.",
        }
    }
}

impl CompanyProfile {
    /// Whether co-managed IT fits this company, following the market's rules of thumb.
    pub fn fit(&self) -> Option<Fit> {
        if self.internal_it == 0 {
            Some(Fit::NoInternalTeam)
        } else if self.employees < 50 {
            Some(Fit::TooSmall)
        } else if self.internal_it >= 8 {
            Some(Fit::DeepTeam)
        } else {
            None
        }
    }

    /// Checks that the profile makes sense; the message is shown next to the field.
    pub fn validate(&self) -> Result<(), ProfileError> {
        if self.company_name.chars().count() > MAX_NAME_CHARS {
            return Err(ProfileError::NameTooLong);
        }
        if self.employees == 0 || self.employees > MAX_EMPLOYEES {
            return Err(ProfileError::EmployeesOutOfRange);
        }
        if self.internal_it > self.employees {
            return Err(ProfileError::MoreItThanEmployees);
        }
        Ok(())
    }
}

/// A change to the company profile. Counts come as typed whole numbers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProfileEdit {
    CompanyName(String),
    Employees(i64),
    InternalIt(i64),
    Industry(Industry),
}

impl CompanyProfile {
    /// Applies one change if the whole profile stays valid; otherwise says why and
    /// leaves it as it was.
    pub fn apply(&mut self, edit: ProfileEdit) -> Result<Changed, ProfileError> {
        let count = |v: i64| u32::try_from(v).map_err(|_| ProfileError::EmployeesOutOfRange);
        let mut next = self.clone();
        match edit {
            ProfileEdit::CompanyName(name) => next.company_name = name,
            ProfileEdit::Employees(v) => next.employees = count(v)?,
            ProfileEdit::InternalIt(v) => {
                next.internal_it = count(v).map_err(|_| ProfileError::MoreItThanEmployees)?
            }
            ProfileEdit::Industry(i) => next.industry = i,
        }
        next.validate()?;
        Ok(put(self, next))
    }
}

/// Why a company profile was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProfileError {
    NameTooLong,
    EmployeesOutOfRange,
    MoreItThanEmployees,
}

impl ProfileError {
    pub fn message(self) -> &'static str {
        match self {
            ProfileError::NameTooLong => "Keep the company name under 120 characters.",
            ProfileError::EmployeesOutOfRange => "Employees must be between 1 and 1,000,000.",
            ProfileError::MoreItThanEmployees => {
                "Internal IT staff cannot outnumber the employees."
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profile_edits_keep_the_whole_profile_valid() {
        let mut p = profile(75, 2);
        assert_eq!(p.apply(ProfileEdit::Employees(120)), Ok(Changed::Yes));
        assert_eq!(p.apply(ProfileEdit::Employees(120)), Ok(Changed::No));
        assert_eq!(
            p.apply(ProfileEdit::Employees(0)),
            Err(ProfileError::EmployeesOutOfRange)
        );
        assert_eq!(
            p.apply(ProfileEdit::Employees(-3)),
            Err(ProfileError::EmployeesOutOfRange)
        );
        assert_eq!(
            p.apply(ProfileEdit::Employees(1 << 40)),
            Err(ProfileError::EmployeesOutOfRange)
        );
        assert_eq!(
            p.apply(ProfileEdit::InternalIt(121)),
            Err(ProfileError::MoreItThanEmployees)
        );
        let long = "x".repeat(MAX_NAME_CHARS + 1);
        assert_eq!(
            p.apply(ProfileEdit::CompanyName(long)),
            Err(ProfileError::NameTooLong)
        );
        assert_eq!(
            p.apply(ProfileEdit::Industry(Industry::ALL[1])),
            Ok(Changed::Yes)
        );
        assert_eq!(
            (p.employees, p.internal_it, p.industry),
            (120, 2, Industry::ALL[1])
        );
    }

    fn profile(employees: u32, internal_it: u32) -> CompanyProfile {
        CompanyProfile {
            employees,
            internal_it,
            ..CompanyProfile::default()
        }
    }

    #[test]
    fn default_profile_is_the_reference_case_and_valid() {
        let p = CompanyProfile::default();
        assert_eq!((p.employees, p.internal_it), (75, 1));
        assert_eq!(p.validate(), Ok(()));
        assert_eq!(p.fit(), None);
    }

    #[test]
    fn fit_follows_the_rules_of_thumb() {
        assert_eq!(profile(40, 1).fit(), Some(Fit::TooSmall));
        assert_eq!(profile(200, 0).fit(), Some(Fit::NoInternalTeam));
        assert_eq!(profile(500, 8).fit(), Some(Fit::DeepTeam));
        assert_eq!(profile(50, 1).fit(), None);
        assert_eq!(profile(500, 7).fit(), None);
    }

    #[test]
    fn profile_validation_refuses_nonsense() {
        assert_eq!(
            profile(0, 0).validate(),
            Err(ProfileError::EmployeesOutOfRange)
        );
        assert_eq!(
            profile(MAX_EMPLOYEES + 1, 0).validate(),
            Err(ProfileError::EmployeesOutOfRange)
        );
        assert_eq!(
            profile(5, 6).validate(),
            Err(ProfileError::MoreItThanEmployees)
        );
        let long = CompanyProfile {
            company_name: "x".repeat(MAX_NAME_CHARS + 1),
            ..CompanyProfile::default()
        };
        assert_eq!(long.validate(), Err(ProfileError::NameTooLong));
    }

    #[test]
    fn industry_keys_round_trip() {
        for industry in Industry::ALL {
            assert_eq!(Industry::from_key(industry.key()), Some(industry));
        }
        assert_eq!(Industry::from_key("retail"), None);
    }
}
