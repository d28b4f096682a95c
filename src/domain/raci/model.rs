//! The matrix: parties (columns), categories, functions (rows) and the letters in each cell.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::letters::{Letter, Letters};
use super::redline::Counter;
use crate::domain::order;

/// Parties, categories and functions share one id counter within a matrix.
pub type Id = u32;

/// The id counter stops here, half-way to where `Id` would wrap: a matrix that has
/// handed out two billion ids is not one a person built, so a file or link with a
/// higher counter is refused and the editor refuses to add more.
pub const MAX_NEXT_ID: Id = Id::MAX / 2;
/// Longest name of a party, category or function.
pub const MAX_NAME_CHARS: usize = 120;
/// Longest P1 path, hand-off note or note.
pub const MAX_TEXT_CHARS: usize = 2_000;
pub const MAX_PARTIES: usize = 24;
pub const MAX_CATEGORIES: usize = 60;
pub const MAX_FUNCTIONS: usize = 500;
/// Without a setting, a party doing the work on more than this share is overloaded.
pub const DEFAULT_OVERLOAD_PCT: u8 = 75;

/// Which team a party belongs to; the checks tell internal IT from the MSP by it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// The company's own IT team.
    #[default]
    Internal,
    /// The managed service provider (or one of its teams).
    Msp,
    /// The company outside IT: leadership, compliance officer, users.
    Business,
    /// Anyone else, such as a software vendor.
    Other,
}

impl Side {
    pub const ALL: [Side; 4] = [Side::Internal, Side::Msp, Side::Business, Side::Other];

    pub fn label(self) -> &'static str {
        match self {
            Side::Internal => "Internal IT",
            Side::Msp => "MSP",
            Side::Business => "Business",
            Side::Other => "Other",
        }
    }

    /// A stable token for form values and CSV headers.
    pub fn key(self) -> &'static str {
        match self {
            Side::Internal => "internal",
            Side::Msp => "msp",
            Side::Business => "business",
            Side::Other => "other",
        }
    }

    pub fn from_key(key: &str) -> Option<Side> {
        let key = key.trim().to_ascii_lowercase();
        Side::ALL.into_iter().find(|s| s.key() == key)
    }

    /// A best guess from a party's name, for CSV files that do not say.
    pub fn guess(name: &str) -> Side {
        let lower = crate::domain::text::lower(name);
        let has = |words: &[&str]| words.iter().any(|w| lower.contains(w));
        if has(&["msp", "provider", "soc", "noc", "vcio", "managed"]) {
            Side::Msp
        } else if has(&["internal", " it", "it ", "sysadmin", "helpdesk"]) || lower == "it" {
            Side::Internal
        } else if has(&[
            "business",
            "leadership",
            "executive",
            "sponsor",
            "compliance",
            "user",
            "ceo",
            "cfo",
            "board",
            "owner",
        ]) {
            Side::Business
        } else {
            Side::Other
        }
    }
}

/// A column of the matrix: a team or role that can hold letters.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Party {
    pub id: Id,
    pub name: String,
    pub side: Side,
}

/// A group of functions, such as "Security".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Category {
    pub id: Id,
    pub name: String,
}

/// What kind of function this is; each mark switches on the checks that apply to it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Marks {
    /// Needs cover around the clock, so it needs an after-hours owner.
    #[serde(rename = "24x7", skip_serializing_if = "is_false")]
    pub around_clock: bool,
    /// An incident-type function, so it needs a P1 escalation path.
    #[serde(skip_serializing_if = "is_false")]
    pub incident: bool,
    /// Compliance or regulatory: accountability must stay inside the company.
    #[serde(skip_serializing_if = "is_false")]
    pub compliance: bool,
    /// Covers off-boarding and exit from the MSP.
    #[serde(skip_serializing_if = "is_false")]
    pub exit: bool,
    /// Covers who owns the tools and licences.
    #[serde(skip_serializing_if = "is_false")]
    pub tools: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// One mark, for forms and files.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mark {
    AroundClock,
    Incident,
    Compliance,
    Exit,
    Tools,
}

impl Mark {
    pub const ALL: [Mark; 5] = [
        Mark::AroundClock,
        Mark::Incident,
        Mark::Compliance,
        Mark::Exit,
        Mark::Tools,
    ];

    /// The word used in CSV files and badges.
    pub fn token(self) -> &'static str {
        match self {
            Mark::AroundClock => "24/7",
            Mark::Incident => "incident",
            Mark::Compliance => "compliance",
            Mark::Exit => "exit",
            Mark::Tools => "tools",
        }
    }

    /// The label of the checkbox.
    pub fn label(self) -> &'static str {
        match self {
            Mark::AroundClock => "Needs 24/7 cover",
            Mark::Incident => "Incident type (needs a P1 path)",
            Mark::Compliance => "Compliance or regulatory",
            Mark::Exit => "Covers off-boarding and exit",
            Mark::Tools => "Covers tool and licence ownership",
        }
    }

    /// The kind in a sentence: "marked as incident type".
    pub fn kind(self) -> &'static str {
        match self {
            Mark::AroundClock => "24/7",
            Mark::Incident => "incident type",
            Mark::Compliance => "compliance",
            Mark::Exit => "exit",
            Mark::Tools => "tool ownership",
        }
    }

    pub fn from_token(token: &str) -> Option<Mark> {
        let t = token.trim().to_ascii_lowercase();
        match t.as_str() {
            "24x7" | "24/7" => Some(Mark::AroundClock),
            _ => Mark::ALL.into_iter().find(|m| m.token() == t),
        }
    }
}

impl Marks {
    pub fn get(&self, mark: Mark) -> bool {
        match mark {
            Mark::AroundClock => self.around_clock,
            Mark::Incident => self.incident,
            Mark::Compliance => self.compliance,
            Mark::Exit => self.exit,
            Mark::Tools => self.tools,
        }
    }

    pub fn set(&mut self, mark: Mark, on: bool) {
        match mark {
            Mark::AroundClock => self.around_clock = on,
            Mark::Incident => self.incident = on,
            Mark::Compliance => self.compliance = on,
            Mark::Exit => self.exit = on,
            Mark::Tools => self.tools = on,
        }
    }

    pub fn iter(self) -> impl Iterator<Item = Mark> {
        Mark::ALL.into_iter().filter(move |m| self.get(*m))
    }

    pub fn is_empty(&self) -> bool {
        self.iter().next().is_none()
    }
}

/// A row of the matrix: one IT function and who does what for it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Function {
    pub id: Id,
    /// A stable template key (kebab-case) that other tools match on; `None` for
    /// functions the buyer added.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    #[serde(rename = "cat")]
    pub category: Id,
    pub name: String,
    /// Why the template lists this function, in one sentence.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub hint: String,
    pub marks: Marks,
    /// Marks that are on because the name implies them, until the buyer decides: they
    /// follow the name when it changes. Always a subset of `marks`.
    #[serde(rename = "inferred", skip_serializing_if = "Marks::is_empty")]
    pub inferred: Marks,
    /// Marks the buyer ticked or unticked by hand; the name never changes these again.
    #[serde(rename = "by_hand", skip_serializing_if = "Marks::is_empty")]
    pub by_hand: Marks,
    /// Letters per party id. A party without an entry has no role.
    pub roles: BTreeMap<Id, Letters>,
    /// The owner in business hours.
    #[serde(rename = "day", skip_serializing_if = "Option::is_none")]
    pub day_owner: Option<Id>,
    /// The owner after hours, which may differ.
    #[serde(rename = "night", skip_serializing_if = "Option::is_none")]
    pub night_owner: Option<Id>,
    /// Who is called, in order, in a P1 incident.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub p1: String,
    /// How work passes between two responsible teams.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub handoff: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

impl Function {
    pub fn letters(&self, party: Id) -> Letters {
        self.roles.get(&party).copied().unwrap_or_default()
    }

    /// The parties holding a letter, in the order of `parties`.
    pub fn holders<'a>(
        &'a self,
        parties: &'a [Party],
        letter: Letter,
    ) -> impl Iterator<Item = &'a Party> + 'a {
        parties
            .iter()
            .filter(move |p| self.letters(p.id).has(letter))
    }
}

/// A responsibility matrix: IT functions × parties, with the rules' settings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Raci {
    pub parties: Vec<Party>,
    pub categories: Vec<Category>,
    /// Within a category, functions show in the order of this list.
    pub functions: Vec<Function>,
    /// A party doing the work (R) on more than this percentage of functions is overloaded.
    pub overload_pct: u8,
    pub next_id: Id,
    /// Providers' counter-proposals waiting for the buyer (`redline`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub redline: Vec<Counter>,
}

impl Default for Raci {
    fn default() -> Self {
        Raci {
            parties: Vec::new(),
            categories: Vec::new(),
            functions: Vec::new(),
            overload_pct: DEFAULT_OVERLOAD_PCT,
            next_id: 1,
            redline: Vec::new(),
        }
    }
}

impl Raci {
    /// Nothing chosen yet: the page offers the template or a blank start.
    pub fn is_unstarted(&self) -> bool {
        self.parties.is_empty() && self.categories.is_empty() && self.functions.is_empty()
    }

    pub fn party(&self, id: Id) -> Option<&Party> {
        self.parties.iter().find(|p| p.id == id)
    }

    pub fn category(&self, id: Id) -> Option<&Category> {
        self.categories.iter().find(|c| c.id == id)
    }

    pub fn function(&self, id: Id) -> Option<&Function> {
        self.functions.iter().find(|f| f.id == id)
    }

    pub(crate) fn function_mut(&mut self, id: Id) -> Option<&mut Function> {
        self.functions.iter_mut().find(|f| f.id == id)
    }

    pub fn side_of(&self, party: Id) -> Option<Side> {
        self.party(party).map(|p| p.side)
    }

    /// The letters in one cell.
    pub fn cell(&self, function: Id, party: Id) -> Letters {
        self.function(function)
            .map(|f| f.letters(party))
            .unwrap_or_default()
    }

    /// The functions of one category, in order.
    pub fn functions_in(&self, category: Id) -> impl Iterator<Item = &Function> {
        self.functions
            .iter()
            .filter(move |f| f.category == category)
    }

    /// Every function in the order the grid shows them: by category, then by position.
    pub fn rows(&self) -> Vec<&Function> {
        let mut rows = Vec::with_capacity(self.functions.len());
        for c in &self.categories {
            rows.extend(self.functions_in(c.id));
        }
        rows
    }

    /// Ids of `rows()`.
    pub fn row_ids(&self) -> Vec<Id> {
        self.rows().into_iter().map(|f| f.id).collect()
    }

    pub fn party_ids(&self) -> Vec<Id> {
        self.parties.iter().map(|p| p.id).collect()
    }

    /// A copy with ids renumbered 1, 2, 3… (parties, then categories, then functions in
    /// grid order) and functions stored in grid order. Two matrices that show the same
    /// thing have the same canonical form.
    pub fn canonical(&self) -> Raci {
        let mut next: Id = 1;
        let mut map = BTreeMap::new();
        let mut fresh = |old: Id, map: &mut BTreeMap<(u8, Id), Id>, kind: u8| {
            map.insert((kind, old), next);
            next += 1;
            next - 1
        };
        let parties: Vec<Party> = self
            .parties
            .iter()
            .map(|p| Party {
                id: fresh(p.id, &mut map, 0),
                ..p.clone()
            })
            .collect();
        let categories: Vec<Category> = self
            .categories
            .iter()
            .map(|c| Category {
                id: fresh(c.id, &mut map, 1),
                ..c.clone()
            })
            .collect();
        let party = |old: Id, map: &BTreeMap<(u8, Id), Id>| map.get(&(0, old)).copied();
        let functions: Vec<Function> = self
            .rows()
            .into_iter()
            .map(|f| {
                let id = fresh(f.id, &mut map, 2);
                Function {
                    id,
                    category: map[&(1, f.category)],
                    roles: order::map(
                        f.roles
                            .iter()
                            .filter(|(_, l)| !l.is_empty())
                            .filter_map(|(p, l)| Some((party(*p, &map)?, *l))),
                    ),
                    day_owner: f.day_owner.and_then(|p| party(p, &map)),
                    night_owner: f.night_owner.and_then(|p| party(p, &map)),
                    ..f.clone()
                }
            })
            .collect();
        Raci {
            parties,
            categories,
            functions,
            overload_pct: self.overload_pct,
            next_id: next,
            // Proposals wait beside the matrix; they are not what it shows.
            redline: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_old_empty_document_loads_with_the_default_settings() {
        let raci: Raci = serde_json::from_str("{}").unwrap();
        assert_eq!(raci, Raci::default());
        assert!(raci.is_unstarted());
        assert_eq!(raci.overload_pct, DEFAULT_OVERLOAD_PCT);
    }

    #[test]
    fn serde_round_trips_and_keeps_field_names_short() {
        let mut raci = Raci::default();
        let p = raci.add_party("MSP", Side::Msp).unwrap();
        let c = raci.add_category("Security").unwrap();
        let f = raci.add_function(c, "Firewall rules").unwrap();
        raci.set_cell(f, p, Letters::parse("A/R").unwrap());
        raci.set_mark(f, Mark::AroundClock, true);
        let json = serde_json::to_string(&raci).unwrap();
        assert!(json.contains(r#""roles":{"1":"AR"}"#), "{json}");
        assert!(json.contains(r#""marks":{"24x7":true}"#), "{json}");
        assert!(json.contains(r#""by_hand":{"24x7":true}"#), "{json}");
        assert!(
            !json.contains("inferred"),
            "no suggestion is left out: {json}"
        );
        assert!(!json.contains("notes"), "empty text is left out: {json}");
        assert_eq!(serde_json::from_str::<Raci>(&json).unwrap(), raci);
    }

    #[test]
    fn sides_are_guessed_from_common_party_names() {
        assert_eq!(Side::guess("MSP service desk"), Side::Msp);
        assert_eq!(Side::guess("MSP SOC"), Side::Msp);
        assert_eq!(Side::guess("Internal IT"), Side::Internal);
        assert_eq!(Side::guess("IT manager"), Side::Internal);
        assert_eq!(Side::guess("Business leadership"), Side::Business);
        assert_eq!(Side::guess("ERP vendor"), Side::Other);
        for side in Side::ALL {
            assert_eq!(Side::from_key(side.key()), Some(side));
        }
    }

    #[test]
    fn rows_follow_category_order_then_position() {
        let mut raci = Raci::default();
        let a = raci.add_category("A").unwrap();
        let b = raci.add_category("B").unwrap();
        let b1 = raci.add_function(b, "b1").unwrap();
        let a1 = raci.add_function(a, "a1").unwrap();
        let b2 = raci.add_function(b, "b2").unwrap();
        assert_eq!(raci.row_ids(), vec![a1, b1, b2]);
        let canon = raci.canonical();
        let names: Vec<&str> = canon.functions.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["a1", "b1", "b2"]);
        assert_eq!(canon.canonical(), canon);
    }

    #[test]
    fn marks_round_trip_through_their_tokens() {
        for mark in Mark::ALL {
            assert_eq!(Mark::from_token(mark.token()), Some(mark));
        }
        assert_eq!(Mark::from_token(" 24X7 "), Some(Mark::AroundClock));
        assert_eq!(Mark::from_token("urgent"), None);
    }
}
