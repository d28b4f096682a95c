//! An engagement workspace: the company profile plus one document per tool.

use serde::{Deserialize, Serialize};

use std::collections::HashSet;

use super::edit::Changed;
use super::pricing::edit::{EditError as PricingError, PricingEdit};
use super::pricing::Pricing;
use super::profile::{CompanyProfile, MAX_NAME_CHARS};
use super::proposal::sent::{check_requests, Sent};
use super::provider::{Provider, MAX_PROVIDERS, MAX_PROVIDER_NAME_CHARS};
use super::raci::{EditError as RaciError, Raci, RaciEdit};
use super::scorecard::edit::{ScorecardEdit, ScorecardError};
use super::scorecard::Scorecard;
use super::text::lower;

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
    /// The requests for proposal sent from this workspace, one per provider.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requests: Vec<Sent>,
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
            requests: Vec::new(),
        }
    }

    /// Removes a provider from the workspace and from every tool that refers to it.
    /// This workspace as a new one of the library: a fresh id, stamped as just changed
    /// (a file or link brought in never replaces the workspace it came from).
    pub fn arriving(mut self, fresh_id: String, now_ms: i64) -> Workspace {
        self.id = fresh_id;
        self.updated_ms = now_ms;
        self
    }

    pub fn remove_provider(&mut self, id: &str) {
        self.providers.retain(|p| p.id != id);
        self.scorecard.forget_provider(id);
        self.pricing.forget_provider(id);
        self.raci.forget_counters(id);
        self.requests.retain(|r| r.provider != id);
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
        let listed = |id: &str| self.providers.iter().any(|p| p.id == id);
        let named = self.requests.iter().map(|r| r.provider.as_str());
        let named = named
            .chain(self.raci.redline.iter().map(|c| c.provider.as_str()))
            .chain(self.scorecard.claims.keys().map(String::as_str));
        for id in named {
            if !listed(id) {
                return Err(
                    "a request, answer or RACI proposal names a provider that is not listed".into(),
                );
            }
        }
        check_requests(&self.requests)?;
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

/// A tool's document inside a workspace, changed only through its edit language.
pub trait Document: Clone + Default + PartialEq + Send + Sync + 'static {
    type Edit;
    type Error;
    fn of(ws: &Workspace) -> &Self;
    fn of_mut(ws: &mut Workspace) -> &mut Self;
    /// The document's own `apply`.
    fn apply_edit(&mut self, edit: Self::Edit) -> Result<Changed, Self::Error>;
    /// Called on the state undo or redo brings back, with the state it replaces: what is
    /// not the buyer's work (an id, a place) stays as it is now.
    fn keep_on_undo(&mut self, _current: &Self) {}
}

impl Document for Raci {
    type Edit = RaciEdit;
    type Error = RaciError;
    fn of(ws: &Workspace) -> &Self {
        &ws.raci
    }
    fn of_mut(ws: &mut Workspace) -> &mut Self {
        &mut ws.raci
    }
    fn apply_edit(&mut self, edit: RaciEdit) -> Result<Changed, RaciError> {
        self.apply(edit)
    }
}

impl Document for Scorecard {
    type Edit = ScorecardEdit;
    type Error = ScorecardError;
    fn of(ws: &Workspace) -> &Self {
        &ws.scorecard
    }
    fn of_mut(ws: &mut Workspace) -> &mut Self {
        &mut ws.scorecard
    }
    fn apply_edit(&mut self, edit: ScorecardEdit) -> Result<Changed, ScorecardError> {
        self.apply(edit)
    }
    fn keep_on_undo(&mut self, current: &Self) {
        Scorecard::keep_on_undo(self, current)
    }
}

impl Document for Pricing {
    type Edit = PricingEdit;
    type Error = PricingError;
    fn of(ws: &Workspace) -> &Self {
        &ws.pricing
    }
    fn of_mut(ws: &mut Workspace) -> &mut Self {
        &mut ws.pricing
    }
    fn apply_edit(&mut self, edit: PricingEdit) -> Result<Changed, PricingError> {
        self.apply(edit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
