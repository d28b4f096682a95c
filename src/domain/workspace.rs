//! An engagement workspace: the company profile plus one document per tool.

use serde::{Deserialize, Serialize};

use std::collections::HashSet;

use super::provider::{Provider, MAX_PROVIDERS, MAX_PROVIDER_NAME_CHARS};
use super::text::lower;
use super::{pricing::Pricing, raci::Raci, scorecard::Scorecard};

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

/// One engagement: the buyer's profile and the three tool documents.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Workspace {
    pub id: String,
    pub name: String,
    /// Milliseconds since the Unix epoch; the browser supplies the clock.
    pub created_ms: i64,
    pub updated_ms: i64,
    pub profile: CompanyProfile,
    /// The MSPs under evaluation, shared by the scorecard and the pricing comparison.
    pub providers: Vec<Provider>,
    pub raci: Raci,
    pub scorecard: Scorecard,
    pub pricing: Pricing,
}

impl Workspace {
    pub fn new(id: String, name: String, now_ms: i64) -> Workspace {
        Workspace {
            id,
            name,
            created_ms: now_ms,
            updated_ms: now_ms,
            profile: CompanyProfile::default(),
            providers: Vec::new(),
            raci: Raci::default(),
            scorecard: Scorecard::default(),
            pricing: Pricing::default(),
        }
    }

    /// Removes a provider from the workspace and from every tool that refers to it.
    pub fn remove_provider(&mut self, id: &str) {
        self.providers.retain(|p| p.id != id);
        self.scorecard.forget_provider(id);
        self.pricing.forget_provider(id);
    }

    /// Checks what a file or link could get wrong: the profile, unique provider ids and
    /// names, quotes that name a listed provider, and each tool's own invariants. The
    /// message names the problem.
    pub fn check(&self) -> Result<(), String> {
        if self.id.trim().is_empty() {
            return Err("the workspace has no id".into());
        }
        self.profile
            .validate()
            .map_err(|e| e.message().to_owned())?;
        if self.providers.len() > MAX_PROVIDERS {
            return Err(format!("it has more than {MAX_PROVIDERS} providers"));
        }
        let mut ids = HashSet::new();
        let mut names = HashSet::new();
        for p in &self.providers {
            if p.id.is_empty() || !ids.insert(p.id.as_str()) {
                return Err(format!(
                    "provider “{}” has a missing or repeated id",
                    p.name
                ));
            }
            let name = p.name.trim();
            if name.chars().count() > MAX_PROVIDER_NAME_CHARS {
                return Err("a provider name is too long".into());
            }
            if name.is_empty() || !names.insert(lower(name)) {
                return Err(format!("provider name “{name}” is blank or repeated"));
            }
        }
        if self
            .pricing
            .quotes
            .iter()
            .any(|q| !self.providers.iter().any(|p| p.id == q.provider))
        {
            return Err("a quote names a provider that is not listed".into());
        }
        self.raci.check_integrity()?;
        self.scorecard.check_integrity()?;
        self.pricing.check_integrity()
    }

    /// The name to show: a blank name would leave the buyer with an empty menu entry.
    pub fn display_name(&self) -> &str {
        let trimmed = self.name.trim();
        if trimmed.is_empty() {
            "Untitled workspace"
        } else {
            trimmed
        }
    }
}

/// Checks a workspace name typed by the buyer.
pub fn validate_name(name: &str) -> Result<(), NameError> {
    if name.trim().is_empty() {
        Err(NameError::Empty)
    } else if name.chars().count() > MAX_NAME_CHARS {
        Err(NameError::TooLong)
    } else {
        Ok(())
    }
}

/// Why a workspace name was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameError {
    Empty,
    TooLong,
}

impl NameError {
    pub fn message(self) -> &'static str {
        match self {
            NameError::Empty => "Give the workspace a name.",
            NameError::TooLong => "Keep the name under 120 characters.",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn removing_a_provider_removes_its_scores_and_its_quote() {
        use crate::domain::pricing::Pick;
        use crate::domain::scorecard::Score;
        let mut ws = Workspace::new("a".into(), "A".into(), 0);
        ws.pricing
            .add_quote(
                &mut ws.providers,
                Pick::New("Harbor IT".into()),
                "p1".into(),
            )
            .unwrap();
        let criterion = ws.scorecard.criteria[0].id.clone();
        ws.scorecard
            .set_score("p1", &criterion, Some(Score::Points(4)));
        ws.remove_provider("p1");
        assert!(ws.providers.is_empty());
        assert!(ws.pricing.quotes.is_empty());
        assert_eq!(ws.scorecard.score("p1", &criterion), None);
    }

    #[test]
    fn check_finds_repeated_providers_and_bad_profiles() {
        use crate::domain::provider::Provider;
        let mut ws = Workspace::new("a".into(), "A".into(), 0);
        assert_eq!(ws.check(), Ok(()));
        ws.providers = vec![
            Provider {
                id: "p".into(),
                name: "Acme".into(),
            },
            Provider {
                id: "p".into(),
                name: "Bravo".into(),
            },
        ];
        assert!(ws.check().unwrap_err().contains("repeated id"));
        ws.providers[1].id = "q".into();
        ws.providers[1].name = " acme ".into();
        assert!(ws.check().unwrap_err().contains("repeated"));
        ws.providers.clear();
        ws.profile.employees = 0;
        assert!(ws.check().is_err());
    }

    #[test]
    fn names_are_checked_and_blank_names_display_as_untitled() {
        assert_eq!(validate_name("  "), Err(NameError::Empty));
        assert_eq!(validate_name(&"n".repeat(121)), Err(NameError::TooLong));
        assert_eq!(validate_name("Acme 2026 review"), Ok(()));
        let ws = Workspace::new("a".into(), " ".into(), 0);
        assert_eq!(ws.display_name(), "Untitled workspace");
    }
}
