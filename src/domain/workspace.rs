//! An engagement workspace: the company profile plus one document per tool.

use serde::{Deserialize, Serialize};

use std::cell::RefCell;
use std::collections::HashSet;

use super::edit::Changed;
use super::pricing::edit::{EditError as PricingError, PricingEdit};
use super::pricing::Pricing;
use super::profile::{CompanyProfile, MAX_NAME_CHARS};
use super::proposal::request::Disclose;
use super::proposal::sent::{check_requests, Sent};
use super::provider::{Provider, MAX_PROVIDERS, MAX_PROVIDER_NAME_CHARS};
use super::raci::{EditError as RaciError, Raci, RaciEdit};
use super::scorecard::edit::{ScorecardEdit, ScorecardError};
use super::scorecard::Scorecard;
use super::text::lower;
use super::tool_doc::{Stored, ToolDoc};

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
    /// The tools' documents, each read by its own tool's code (`tool_doc`).
    pub raci: ToolDoc<Raci>,
    pub scorecard: ToolDoc<Scorecard>,
    pub pricing: ToolDoc<Pricing>,
    /// The requests for proposal sent from this workspace, one per provider.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requests: Vec<Sent>,
    /// What those requests tell every provider about the buyer.
    #[serde(default, skip_serializing_if = "Disclose::is_default")]
    pub disclose: Disclose,
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
            raci: ToolDoc::default(),
            scorecard: ToolDoc::default(),
            pricing: ToolDoc::default(),
            requests: Vec::new(),
            disclose: Disclose::default(),
        }
    }

    /// Whether nothing was ever put in it: the empty workspace a new visitor starts with,
    /// as `new` made it (a name of its own counts as something).
    pub fn is_untouched(&self, first_name: &str) -> bool {
        self.name == first_name
            && self.updated_ms == self.created_ms
            && self.profile == CompanyProfile::default()
            && self.providers.is_empty()
            && self.requests.is_empty()
            && self.disclose == Disclose::default()
            && self.raci.is_untouched()
            && self.scorecard.is_untouched()
            && self.pricing.is_untouched()
    }

    /// This workspace as a new one of the library: a fresh id (a file or link brought in
    /// never replaces the workspace it came from), stamped as made and changed now, so it
    /// keeps its place at the end of the list after a reload and the backup reminder
    /// counts from its arrival (the file or link already holds it).
    pub fn arriving(mut self, fresh_id: String, now_ms: i64) -> Workspace {
        self.id = fresh_id;
        self.created_ms = now_ms;
        self.updated_ms = now_ms;
        self
    }

    /// Removes a provider from the workspace and from every tool that refers to it.
    pub fn remove_provider(&mut self, id: &str) {
        self.providers.retain(|p| p.id != id);
        self.scorecard.forget_provider(id);
        self.pricing.forget_provider(id);
        self.raci.forget_counters(id);
        self.requests.retain(|r| r.provider != id);
    }

    /// Checks what a file or link could get wrong: the profile, unique provider ids and
    /// names, and every tool's document (`Tool::check_in`). The message names the problem.
    pub fn check(&self) -> Result<(), String> {
        self.check_head()?;
        open_in::<Raci>(self)?;
        open_in::<Scorecard>(self)?;
        open_in::<Pricing>(self)
    }

    /// The checks that need no tool's document: the profile, unique provider ids and
    /// names, and the requests sent.
    pub fn check_head(&self) -> Result<(), String> {
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
        self.all_listed(self.requests.iter().map(|r| r.provider.as_str()))?;
        self.disclose.check()?;
        check_requests(&self.requests)
    }

    /// `Err` when one of these provider ids is not among the workspace's providers.
    fn all_listed<'a>(&self, ids: impl IntoIterator<Item = &'a str>) -> Result<(), String> {
        let listed = |id: &str| self.providers.iter().any(|p| p.id == id);
        match ids.into_iter().all(listed) {
            true => Ok(()),
            false => Err(NOT_LISTED.into()),
        }
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
    /// Another workspace has it: the header's switcher would show two the same.
    Taken,
}

impl NameError {
    pub fn message(self) -> &'static str {
        match self {
            NameError::Empty => "Give the workspace a name.",
            NameError::TooLong => "Keep the name under 120 characters.",
            NameError::Taken => {
                "Another workspace already has this name. Choose another, so the two can be told apart."
            }
        }
    }
}

/// A tool's document inside a workspace, changed only through its edit language.
pub trait Document: Tool {
    type Edit;
    type Error;
    fn of(ws: &Workspace) -> &Self;
    /// To change it through `ToolDoc::change`, which says whether anything changed.
    fn doc_mut(ws: &mut Workspace) -> &mut ToolDoc<Self>;
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
    fn doc_mut(ws: &mut Workspace) -> &mut ToolDoc<Raci> {
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
    fn doc_mut(ws: &mut Workspace) -> &mut ToolDoc<Scorecard> {
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
    fn doc_mut(ws: &mut Workspace) -> &mut ToolDoc<Pricing> {
        &mut ws.pricing
    }
    fn apply_edit(&mut self, edit: PricingEdit) -> Result<Changed, PricingError> {
        self.apply(edit)
    }
}

/// What a tool refers to that is not among the workspace's providers.
const NOT_LISTED: &str =
    "a quote, request, answer or RACI proposal names a provider that is not listed";

/// One of the three tools' documents, as the workspace holds it (`tool_doc`).
pub trait Tool: Stored {
    /// Its place in the registry of opened tools.
    const SLOT: usize;
    /// Its field in a stored workspace.
    const FIELD: &'static str;
    /// This tool's document of a workspace.
    fn doc(ws: &Workspace) -> &ToolDoc<Self>;
    /// Its own invariants and its references to the workspace's providers; the message
    /// names the problem.
    fn check_in(&self, ws: &Workspace) -> Result<(), String>;
}

type Opener = fn(&Workspace) -> Result<(), String>;

/// What a tool leaves behind when its code loads.
#[derive(Clone, Copy)]
struct Loaded {
    open: Opener,
    field: &'static str,
    /// Its new document as stored text, for what `{}` stands for (`new_docs`).
    new_doc: fn() -> String,
}

thread_local! {
    /// The tools whose code has loaded, by `Tool::SLOT`.
    static OPENED: RefCell<[Option<Loaded>; 3]> = const { RefCell::new([None; 3]) };
}

/// Reads `T`'s document of `ws` and checks it against the workspace.
pub fn open_in<T: Tool>(ws: &Workspace) -> Result<(), String> {
    T::doc(ws).open()?.check_in(ws)
}

/// Called by a tool when its code loads: from now on every workspace read from storage or
/// another tab has its `T` document read and checked on arrival (`check_opened`), so the
/// tool never meets a document it cannot read.
pub fn register<T: Tool>() {
    let loaded = Loaded {
        open: open_in::<T>,
        field: T::FIELD,
        new_doc: || serde_json::to_string(&T::default()).expect("our models always serialise"),
    };
    OPENED.with(|o| o.borrow_mut()[T::SLOT] = Some(loaded));
}

/// Reads and checks the documents of every tool that has loaded.
pub fn check_opened(ws: &Workspace) -> Result<(), String> {
    let loaded = OPENED.with(|o| *o.borrow());
    loaded.iter().flatten().try_for_each(|tool| (tool.open)(ws))
}

/// The field and the new document, as stored text, of every tool that has loaded. A
/// document never changed is stored as `{}` (`tool_doc`), which reads as this one.
pub fn new_docs() -> Vec<(&'static str, String)> {
    let loaded = OPENED.with(|o| *o.borrow());
    loaded
        .iter()
        .flatten()
        .map(|tool| (tool.field, (tool.new_doc)()))
        .collect()
}

impl Stored for Raci {
    const NAME: &'static str = "RACI matrix";
}

impl Stored for Scorecard {
    const NAME: &'static str = "scorecard";
}

impl Stored for Pricing {
    const NAME: &'static str = "pricing comparison";
}

impl Tool for Raci {
    const SLOT: usize = 0;
    const FIELD: &'static str = "raci";
    fn doc(ws: &Workspace) -> &ToolDoc<Raci> {
        &ws.raci
    }
    fn check_in(&self, ws: &Workspace) -> Result<(), String> {
        ws.all_listed(self.redline.iter().map(|c| c.provider.as_str()))?;
        self.check_integrity()
    }
}

impl Tool for Scorecard {
    const SLOT: usize = 1;
    const FIELD: &'static str = "scorecard";
    fn doc(ws: &Workspace) -> &ToolDoc<Scorecard> {
        &ws.scorecard
    }
    fn check_in(&self, ws: &Workspace) -> Result<(), String> {
        ws.all_listed(self.claims.keys().map(String::as_str))?;
        self.check_integrity()
    }
}

impl Tool for Pricing {
    const SLOT: usize = 2;
    const FIELD: &'static str = "pricing";
    fn doc(ws: &Workspace) -> &ToolDoc<Pricing> {
        &ws.pricing
    }
    fn check_in(&self, ws: &Workspace) -> Result<(), String> {
        ws.all_listed(self.quotes.iter().map(|q| q.provider.as_str()))?;
        self.check_integrity()
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
    fn an_arriving_workspace_is_new_here_and_keeps_its_content() {
        let mut ws = Workspace::new("a".into(), "Contoso".into(), 5);
        ws.profile.company_name = "Contoso Ltd".into();
        let arrived = ws.clone().arriving("b".into(), 900);
        assert_eq!(
            (arrived.id.as_str(), arrived.created_ms, arrived.updated_ms),
            ("b", 900, 900)
        );
        assert_eq!((arrived.name, arrived.profile), (ws.name, ws.profile));
    }

    #[test]
    fn what_requests_disclose_is_kept_and_checked() {
        let mut ws = Workspace::new("a".into(), "A".into(), 0);
        let plain = serde_json::to_string(&ws).unwrap();
        assert!(!plain.contains("disclose"), "{plain}");
        ws.disclose = Disclose {
            company: false,
            contact: "Dana Reyes, dana@contoso.example".into(),
            note: "Answers by 12 January.".into(),
        };
        let back: Workspace = serde_json::from_str(&serde_json::to_string(&ws).unwrap()).unwrap();
        assert_eq!(back.disclose, ws.disclose);
        assert_eq!(ws.check(), Ok(()));
        ws.disclose.contact = "x".repeat(121);
        assert_eq!(
            ws.check(),
            Err("the contact line for requests is too long".into())
        );
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
