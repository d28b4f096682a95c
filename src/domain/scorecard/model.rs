//! The scorecard document: criteria, weights, one evaluator's scores and notes, the
//! knock-out checklist, imported cards of other evaluators and the agreed scores.
//!
//! Scores, notes and knock-outs are keyed by provider id and criterion id, never by
//! position or name, so renames and reorders keep every score where it belongs.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::claims::Claims;

/// More criteria than this is a paste accident, not an evaluation.
pub const MAX_CRITERIA: usize = 200;
/// The largest weight we accept; weights are relative, so this is plenty.
pub const MAX_WEIGHT: f64 = 1000.0;
pub const MAX_NAME_CHARS: usize = 120;
pub const MAX_TEXT_CHARS: usize = 2000;
pub const MAX_CUSTOM_FLAGS: usize = 30;
/// The market's red flags plus the custom ones.
/// Imported cards beyond this are a sign of importing the same file in a loop.
pub const MAX_CARDS: usize = 20;
/// The closeness threshold the verdict starts with, in points out of 100.
pub const DEFAULT_CLOSE_MARGIN: f64 = 5.0;

/// One score: 0 to 5 points, or "not applicable" (the criterion is left out of that
/// provider's total and the other weights are renormalised). Stored as a number or
/// `"na"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Score {
    Points(u8),
    NotApplicable,
}

impl Serialize for Score {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Score::Points(n) => s.serialize_u8(*n),
            Score::NotApplicable => s.serialize_str("na"),
        }
    }
}

// Written by hand: an untagged enum would pull serde's buffering machinery into the
// wasm for one small value.
impl<'de> Deserialize<'de> for Score {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Score, D::Error> {
        struct Visit;
        impl serde::de::Visitor<'_> for Visit {
            type Value = Score;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a score from 0 to 5 or \"na\"")
            }
            fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<Score, E> {
                match u8::try_from(n) {
                    Ok(p) if p <= 5 => Ok(Score::Points(p)),
                    _ => Err(E::custom(format!("a score runs from 0 to 5, not {n}"))),
                }
            }
            fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<Score, E> {
                match u64::try_from(n) {
                    Ok(p) => self.visit_u64(p),
                    Err(_) => Err(E::custom(format!("a score runs from 0 to 5, not {n}"))),
                }
            }
            fn visit_str<E: serde::de::Error>(self, t: &str) -> Result<Score, E> {
                if t == "na" {
                    Ok(Score::NotApplicable)
                } else {
                    Err(E::custom(format!(
                        "a score is 0 to 5 or \"na\", not \"{t}\""
                    )))
                }
            }
        }
        d.deserialize_any(Visit)
    }
}

impl Score {
    /// Every score, in the order the buttons show them.
    pub const ALL: [Score; 7] = [
        Score::Points(0),
        Score::Points(1),
        Score::Points(2),
        Score::Points(3),
        Score::Points(4),
        Score::Points(5),
        Score::NotApplicable,
    ];

    /// Points, or None for N/A.
    pub fn points(self) -> Option<u8> {
        match self {
            Score::Points(n) => Some(n),
            Score::NotApplicable => None,
        }
    }

    /// The short form shown in cells and files: "0".."5" or "N/A".
    pub fn label(self) -> String {
        match self {
            Score::Points(n) => n.to_string(),
            Score::NotApplicable => "N/A".into(),
        }
    }

    /// A stable token for form values: "0".."5" or "na".
    pub fn key(self) -> String {
        match self {
            Score::Points(n) => n.to_string(),
            Score::NotApplicable => "na".into(),
        }
    }

    /// Reads what a person types or a form sends: 0 to 5, or N, NA, N/A (any case).
    pub fn parse(text: &str) -> Option<Score> {
        let t = text.trim().to_ascii_lowercase();
        match t.as_str() {
            "n" | "na" | "n/a" => Some(Score::NotApplicable),
            _ => match t.parse::<u8>() {
                Ok(n) if n <= 5 => Some(Score::Points(n)),
                _ => None,
            },
        }
    }
}

/// A relative criterion weight: finite, 0 to 1000. Refused at the door (typing and
/// file reading alike), so no calculation ever sees a NaN or a negative weight.
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd, Serialize, Deserialize)]
#[serde(try_from = "f64", into = "f64")]
pub struct Weight(f64);

impl Weight {
    pub const ONE: Weight = Weight(1.0);

    pub fn new(value: f64) -> Result<Weight, WeightError> {
        if !value.is_finite() {
            Err(WeightError::NotANumber)
        } else if value < 0.0 {
            Err(WeightError::Negative)
        } else if value > MAX_WEIGHT {
            Err(WeightError::TooLarge)
        } else {
            // Six decimals are plenty for a relative weight, and short decimals survive a
            // trip through a JSON file bit for bit. (+ 0.0: -0.0 would print as "-0".)
            Ok(Weight((value * 1e6).round() / 1e6 + 0.0))
        }
    }

    pub fn get(self) -> f64 {
        self.0
    }

    /// Reads a typed weight: "3", "2.5", "2,5", " 10 ".
    pub fn parse(text: &str) -> Result<Weight, WeightError> {
        if text.trim().is_empty() {
            return Err(WeightError::Empty);
        }
        let value = crate::domain::input::parse_decimal(text).ok_or(WeightError::NotANumber)?;
        Weight::new(value)
    }

    /// The weight as typed back to the buyer: "3", "2.5".
    pub fn text(self) -> String {
        crate::domain::input::decimal_text(self.0, 3)
    }
}

impl TryFrom<f64> for Weight {
    type Error = String;
    fn try_from(value: f64) -> Result<Weight, String> {
        Weight::new(value).map_err(|e| e.message().to_owned())
    }
}

impl From<Weight> for f64 {
    fn from(w: Weight) -> f64 {
        w.0
    }
}

/// Why a weight was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WeightError {
    Empty,
    NotANumber,
    Negative,
    TooLarge,
}

impl WeightError {
    pub fn message(self) -> &'static str {
        match self {
            WeightError::Empty => "Enter a weight.",
            WeightError::NotANumber => "Enter a number, like 3 or 2.5.",
            WeightError::Negative => "A weight cannot be negative. Use 0 to ignore a criterion.",
            WeightError::TooLarge => "Use a weight from 0 to 1000.",
        }
    }
}

/// What 1, 3 and 5 points mean for a criterion, so two evaluators score alike.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Anchors {
    #[serde(rename = "1")]
    pub one: String,
    #[serde(rename = "3")]
    pub three: String,
    #[serde(rename = "5")]
    pub five: String,
}

/// One thing the providers are scored on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Criterion {
    /// Stable across renames and across evaluators' copies: defaults carry a readable
    /// id (`raci-written`), added criteria a fresh one.
    pub id: String,
    pub group: String,
    pub name: String,
    /// What to ask on the call.
    #[serde(default)]
    pub question: String,
    #[serde(default)]
    pub anchors: Anchors,
    pub weight: Weight,
}

/// One evaluator's score and note for one provider on one criterion.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cell {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<Score>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl Cell {
    pub fn is_empty(&self) -> bool {
        self.score.is_none() && self.note.is_empty()
    }
}

/// Cells by provider id, then criterion id.
pub type Cells = BTreeMap<String, BTreeMap<String, Cell>>;

/// A red flag that disqualifies a provider when ticked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RedFlag {
    /// Stable: defaults carry a readable id (`ko-vague-sla`), custom flags a fresh one.
    pub id: String,
    pub text: String,
    /// Custom flags can be removed; the defaults come from the market's red flags.
    #[serde(default)]
    pub custom: bool,
}

/// Which providers and criteria of an imported card had nothing to match here.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unmatched {
    #[serde(default)]
    pub criteria: Vec<String>,
    #[serde(default)]
    pub providers: Vec<String>,
    /// How many scores or notes of the card are not shown because of them.
    #[serde(default)]
    pub cells: usize,
}

impl Unmatched {
    pub fn is_empty(&self) -> bool {
        self.criteria.is_empty() && self.providers.is_empty() && self.cells == 0
    }
}

/// Another evaluator's card, imported from a file and mapped onto this scorecard's ids.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OtherCard {
    /// The card's own id, so importing a newer file from the same person replaces it.
    pub id: String,
    pub evaluator: String,
    #[serde(default)]
    pub complete: bool,
    #[serde(default)]
    pub imported_ms: i64,
    /// When the evaluator shared the card (its file's `exported_ms`): an older file or
    /// link of the same card is noticed before it replaces this one. 0 where unknown.
    #[serde(default)]
    pub shared_ms: i64,
    #[serde(default)]
    pub cells: Cells,
    #[serde(default, skip_serializing_if = "Unmatched::is_empty")]
    pub unmatched: Unmatched,
    /// The red flags this evaluator ticked: provider id → flag texts.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub red_flags: BTreeMap<String, Vec<String>>,
}

/// What the ranking uses where the lead has not set an agreed score.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// This evaluator's own scores.
    #[default]
    Mine,
    /// The mean of every evaluator's scores (only once other cards are visible).
    Mean,
}

/// Where call mode was, so a reload resumes on the same question.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cursor {
    #[serde(default)]
    pub provider: String,
    #[serde(default)]
    pub criterion: String,
}

/// Weighted criteria and the scores of the providers under evaluation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Scorecard {
    /// Who this card belongs to.
    pub evaluator: String,
    /// Set the first time the card is exported; lets re-imports replace, not duplicate.
    pub card_id: String,
    /// The evaluator says their own scoring is done (ends blind mode for them).
    pub complete: bool,
    /// Hide other evaluators' scores until this card is complete.
    pub blind: bool,
    pub criteria: Vec<Criterion>,
    pub cells: Cells,
    pub flags: Vec<RedFlag>,
    /// Ticked red flags: provider id → flag id → what was seen.
    pub knockouts: BTreeMap<String, BTreeMap<String, String>>,
    /// Show knocked-out providers in the ranking anyway.
    pub show_knocked_out: bool,
    /// Margin, in points out of 100, under which the verdict is "too close to call".
    pub close_margin: f64,
    pub basis: Basis,
    pub others: Vec<OtherCard>,
    /// Scores the lead agreed after comparing evaluators: provider id → criterion id.
    pub agreed: BTreeMap<String, BTreeMap<String, Score>>,
    pub cursor: Cursor,
    /// Providers' answers from their responses to a request (`claims`).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub claims: Claims,
}

/// Why an edit of the scorecard was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditError {
    EmptyName,
    NameTooLong,
    TextTooLong,
    TooManyCriteria,
    TooManyFlags,
    DuplicateFlag,
    UnknownCriterion,
    BadMargin,
}

impl EditError {
    pub fn message(self) -> &'static str {
        match self {
            EditError::EmptyName => "Give it a name.",
            EditError::NameTooLong => "Keep the name under 120 characters.",
            EditError::TextTooLong => "Keep the text under 2,000 characters.",
            EditError::TooManyCriteria => "A scorecard holds up to 200 criteria.",
            EditError::TooManyFlags => "You can add up to 30 custom red flags.",
            EditError::DuplicateFlag => "This red flag is already on the list.",
            EditError::UnknownCriterion => "That criterion no longer exists.",
            EditError::BadMargin => "Use a threshold from 0 to 50 points.",
        }
    }
}

fn check_name(name: &str) -> Result<String, EditError> {
    let trimmed = name.trim();
    if trimmed.is_empty() {
        Err(EditError::EmptyName)
    } else if trimmed.chars().count() > MAX_NAME_CHARS {
        Err(EditError::NameTooLong)
    } else {
        Ok(trimmed.to_owned())
    }
}

fn check_text(text: &str) -> Result<(), EditError> {
    if text.chars().count() > MAX_TEXT_CHARS {
        Err(EditError::TextTooLong)
    } else {
        Ok(())
    }
}

/// Reads a typed closeness threshold ("2.5", "2,5"): the edit and the field's own check.
pub fn parse_margin(text: &str) -> Result<f64, EditError> {
    let points = crate::domain::input::parse_decimal(text).ok_or(EditError::BadMargin)?;
    check_margin(points).map(|()| points)
}

/// Checks a closeness threshold: 0 to 50 points.
pub fn check_margin(points: f64) -> Result<(), EditError> {
    if points.is_finite() && (0.0..=50.0).contains(&points) {
        Ok(())
    } else {
        Err(EditError::BadMargin)
    }
}

/// Which text of a criterion is being edited.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CriterionText {
    Name,
    Group,
    Question,
    Anchor1,
    Anchor3,
    Anchor5,
}

impl Scorecard {
    pub fn criterion(&self, id: &str) -> Option<&Criterion> {
        self.criteria.iter().find(|c| c.id == id)
    }

    fn criterion_mut(&mut self, id: &str) -> Result<&mut Criterion, EditError> {
        self.criteria
            .iter_mut()
            .find(|c| c.id == id)
            .ok_or(EditError::UnknownCriterion)
    }

    /// This evaluator's cell, if anything was entered.
    pub fn cell(&self, provider: &str, criterion: &str) -> Option<&Cell> {
        self.cells.get(provider)?.get(criterion)
    }

    pub fn score(&self, provider: &str, criterion: &str) -> Option<Score> {
        self.cell(provider, criterion).and_then(|c| c.score)
    }

    fn edit_cell(&mut self, provider: &str, criterion: &str, change: impl FnOnce(&mut Cell)) {
        let row = self.cells.entry(provider.to_owned()).or_default();
        let cell = row.entry(criterion.to_owned()).or_default();
        change(cell);
        if cell.is_empty() {
            row.remove(criterion);
        }
        if row.is_empty() {
            self.cells.remove(provider);
        }
    }

    /// Sets or clears (None) this evaluator's score; unknown criteria are ignored.
    pub fn set_score(&mut self, provider: &str, criterion: &str, score: Option<Score>) {
        if self.criterion(criterion).is_none() {
            return;
        }
        self.edit_cell(provider, criterion, |c| c.score = score);
    }

    /// Sets the note of a cell; text over the limit is refused, not cut.
    pub fn set_note(
        &mut self,
        provider: &str,
        criterion: &str,
        note: &str,
    ) -> Result<(), EditError> {
        check_text(note)?;
        if self.criterion(criterion).is_none() {
            return Err(EditError::UnknownCriterion);
        }
        self.edit_cell(provider, criterion, |c| c.note = note.to_owned());
        Ok(())
    }

    /// Adds a criterion at the end of its group (or of the list for a new group).
    pub fn add_criterion(
        &mut self,
        id: String,
        group: &str,
        name: &str,
        weight: Weight,
    ) -> Result<(), EditError> {
        if self.criteria.len() >= MAX_CRITERIA {
            return Err(EditError::TooManyCriteria);
        }
        let name = check_name(name)?;
        let group = check_name(group)?;
        let at = self
            .criteria
            .iter()
            .rposition(|c| c.group == group)
            .map_or(self.criteria.len(), |i| i + 1);
        self.criteria.insert(
            at,
            Criterion {
                id,
                group,
                name,
                question: String::new(),
                anchors: Anchors::default(),
                weight,
            },
        );
        Ok(())
    }

    pub fn set_text(
        &mut self,
        id: &str,
        which: CriterionText,
        text: &str,
    ) -> Result<(), EditError> {
        let value = match which {
            CriterionText::Name | CriterionText::Group => check_name(text)?,
            _ => {
                check_text(text)?;
                text.to_owned()
            }
        };
        let c = self.criterion_mut(id)?;
        match which {
            CriterionText::Name => c.name = value,
            CriterionText::Group => c.group = value,
            CriterionText::Question => c.question = value,
            CriterionText::Anchor1 => c.anchors.one = value,
            CriterionText::Anchor3 => c.anchors.three = value,
            CriterionText::Anchor5 => c.anchors.five = value,
        }
        Ok(())
    }

    pub fn set_weight(&mut self, id: &str, weight: Weight) -> Result<(), EditError> {
        self.criterion_mut(id)?.weight = weight;
        Ok(())
    }

    /// Removes a criterion with every score, note and agreed score given on it.
    pub fn remove_criterion(&mut self, id: &str) {
        self.criteria.retain(|c| c.id != id);
        for row in self.cells.values_mut() {
            row.remove(id);
        }
        self.cells.retain(|_, row| !row.is_empty());
        for row in self.agreed.values_mut() {
            row.remove(id);
        }
        self.agreed.retain(|_, row| !row.is_empty());
        for card in &mut self.others {
            for row in card.cells.values_mut() {
                row.remove(id);
            }
            card.cells.retain(|_, row| !row.is_empty());
        }
    }

    /// Moves a criterion one place up (-1) or down (+1) among the criteria of its group,
    /// which is the order the grid and call mode show. Returns whether it moved.
    pub fn move_criterion(&mut self, id: &str, step: i32) -> bool {
        let Some(at) = self.criteria.iter().position(|c| c.id == id) else {
            return false;
        };
        let group = self.criteria[at].group.clone();
        let same_group = |c: &Criterion| c.group == group;
        let other = if step < 0 {
            self.criteria[..at].iter().rposition(same_group)
        } else {
            self.criteria[at + 1..]
                .iter()
                .position(same_group)
                .map(|i| i + at + 1)
        };
        match other {
            Some(other) => {
                self.criteria.swap(at, other);
                true
            }
            None => false,
        }
    }

    /// Moves a whole group one place up (-1) or down (+1) in the display order, keeping
    /// the order of the criteria inside every group. Returns whether it moved.
    pub fn move_group(&mut self, group: &str, step: i32) -> bool {
        let mut groups = self.groups();
        let Some(at) = groups.iter().position(|g| g == group) else {
            return false;
        };
        let Some(to) = at.checked_add_signed(step.signum() as isize) else {
            return false;
        };
        if to >= groups.len() || to == at {
            return false;
        }
        groups.swap(at, to);
        let mut criteria = std::mem::take(&mut self.criteria);
        for g in &groups {
            let (mine, rest): (Vec<_>, Vec<_>) = criteria.into_iter().partition(|c| &c.group == g);
            self.criteria.extend(mine);
            criteria = rest;
        }
        true
    }

    /// The criteria in display order: groups in order of first appearance, and within a
    /// group the list order.
    pub fn ordered(&self) -> Vec<&Criterion> {
        let groups = self.groups();
        let mut out = Vec::with_capacity(self.criteria.len());
        for g in &groups {
            out.extend(self.criteria.iter().filter(|c| &c.group == g));
        }
        out
    }

    /// Group names in order of first appearance.
    pub fn groups(&self) -> Vec<String> {
        let mut groups: Vec<String> = Vec::new();
        for c in &self.criteria {
            if !groups.contains(&c.group) {
                groups.push(c.group.clone());
            }
        }
        groups
    }

    /// Drops everything the scorecard holds about a provider: scores, notes, agreed
    /// scores, knock-outs, other evaluators' scores and the call-mode position.
    pub fn forget_provider(&mut self, id: &str) {
        self.cells.remove(id);
        self.agreed.remove(id);
        self.knockouts.remove(id);
        self.claims.remove(id);
        for card in &mut self.others {
            card.cells.remove(id);
            card.red_flags.remove(id);
        }
        if self.cursor.provider == id {
            self.cursor = Cursor::default();
        }
    }

    pub fn set_evaluator(&mut self, name: &str) -> Result<(), EditError> {
        if name.trim().chars().count() > MAX_NAME_CHARS {
            return Err(EditError::NameTooLong);
        }
        self.evaluator = name.to_owned();
        Ok(())
    }

    /// Sets or clears the agreed score the ranking then uses for this cell.
    pub fn set_agreed(&mut self, provider: &str, criterion: &str, score: Option<Score>) {
        match score {
            Some(s) => {
                self.agreed
                    .entry(provider.to_owned())
                    .or_default()
                    .insert(criterion.to_owned(), s);
            }
            None => {
                if let Some(row) = self.agreed.get_mut(provider) {
                    row.remove(criterion);
                    if row.is_empty() {
                        self.agreed.remove(provider);
                    }
                }
            }
        }
    }

    pub fn agreed(&self, provider: &str, criterion: &str) -> Option<Score> {
        self.agreed.get(provider)?.get(criterion).copied()
    }

    /// Whether other evaluators' scores may be shown (and used) now.
    pub fn others_visible(&self) -> bool {
        !self.blind || self.complete
    }

    pub fn remove_card(&mut self, card_id: &str) {
        self.others.retain(|c| c.id != card_id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(v: f64) -> Weight {
        Weight::new(v).unwrap()
    }

    #[test]
    fn a_weight_goes_to_millionths_and_back_exactly() {
        use crate::domain::input::{micros, micros_text};
        for v in [0.0, 1.0, 2.5, 0.000001, 123.456789, 1000.0] {
            let back = Weight::parse(&micros_text(micros(w(v).get()))).unwrap();
            assert_eq!(back, w(v));
        }
    }

    #[test]
    fn scores_read_what_people_type_and_refuse_the_rest() {
        assert_eq!(Score::parse("3"), Some(Score::Points(3)));
        assert_eq!(Score::parse(" 0 "), Some(Score::Points(0)));
        assert_eq!(Score::parse("N"), Some(Score::NotApplicable));
        assert_eq!(Score::parse("n/a"), Some(Score::NotApplicable));
        assert_eq!(Score::parse("6"), None);
        assert_eq!(Score::parse("-1"), None);
        assert_eq!(Score::parse("x"), None);
        for s in Score::ALL {
            assert_eq!(Score::parse(&s.key()), Some(s));
            assert_eq!(Score::parse(&s.label()), Some(s));
        }
    }

    #[test]
    fn scores_serialise_as_numbers_or_na_and_refuse_out_of_range() {
        assert_eq!(serde_json::to_string(&Score::Points(4)).unwrap(), "4");
        assert_eq!(
            serde_json::to_string(&Score::NotApplicable).unwrap(),
            "\"na\""
        );
        assert_eq!(
            serde_json::from_str::<Score>("5").unwrap(),
            Score::Points(5)
        );
        assert_eq!(
            serde_json::from_str::<Score>("\"na\"").unwrap(),
            Score::NotApplicable
        );
        assert!(serde_json::from_str::<Score>("6").is_err());
        assert!(serde_json::from_str::<Score>("-1").is_err());
        assert!(serde_json::from_str::<Score>("\"five\"").is_err());
        assert!(serde_json::from_str::<Score>("2.5").is_err());
    }

    #[test]
    fn weights_refuse_nan_negative_and_huge_values() {
        assert_eq!(Weight::new(f64::NAN), Err(WeightError::NotANumber));
        assert_eq!(Weight::new(f64::INFINITY), Err(WeightError::NotANumber));
        assert_eq!(Weight::new(-0.5), Err(WeightError::Negative));
        assert_eq!(Weight::new(1000.5), Err(WeightError::TooLarge));
        assert_eq!(Weight::new(0.0).map(Weight::get), Ok(0.0));
        assert_eq!(Weight::new(-0.0).map(|w| w.text()), Ok("0".into()));
        assert_eq!(Weight::parse(" 2,5 "), Ok(w(2.5)));
        assert_eq!(Weight::parse(""), Err(WeightError::Empty));
        assert_eq!(Weight::parse("NaN"), Err(WeightError::NotANumber));
        assert_eq!(Weight::parse("abc"), Err(WeightError::NotANumber));
        assert_eq!(Weight::parse("-1"), Err(WeightError::Negative));
        assert_eq!(w(3.0).text(), "3");
        assert_eq!(w(1.0 / 3.0).get(), 0.333333);
        assert_eq!(w(2.25).text(), "2.25");
        assert!(serde_json::from_str::<Weight>("-1").is_err());
        assert_eq!(serde_json::from_str::<Weight>("2").unwrap(), w(2.0));
    }

    #[test]
    fn an_empty_document_loads_with_the_default_content() {
        let sc: Scorecard = serde_json::from_str("{}").unwrap();
        assert_eq!(sc, Scorecard::default());
        assert!(sc.criteria.len() >= 30);
        assert!(sc.flags.len() >= 7);
        assert_eq!(sc.close_margin, DEFAULT_CLOSE_MARGIN);
    }

    #[test]
    fn clearing_a_score_without_a_note_leaves_no_empty_entries() {
        let mut sc = Scorecard::default();
        sc.set_score("p1", "raci-written", Some(Score::Points(4)));
        assert_eq!(sc.score("p1", "raci-written"), Some(Score::Points(4)));
        sc.set_note("p1", "raci-written", "Showed a real RACI")
            .unwrap();
        sc.set_score("p1", "raci-written", None);
        assert_eq!(
            sc.cell("p1", "raci-written").unwrap().note,
            "Showed a real RACI"
        );
        sc.set_note("p1", "raci-written", "").unwrap();
        assert!(sc.cells.is_empty());
        sc.set_score("p1", "no-such-criterion", Some(Score::Points(1)));
        assert!(sc.cells.is_empty());
        assert_eq!(
            sc.set_note("p1", "raci-written", &"x".repeat(MAX_TEXT_CHARS + 1)),
            Err(EditError::TextTooLong)
        );
    }

    #[test]
    fn forget_provider_drops_everything_about_it_and_nothing_else() {
        let mut sc = Scorecard::default();
        for p in ["p1", "p2"] {
            sc.set_score(p, "raci-written", Some(Score::Points(3)));
            sc.set_agreed(p, "raci-written", Some(Score::Points(2)));
            sc.knockouts
                .entry(p.into())
                .or_default()
                .insert("ko-vague-sla".into(), String::new());
        }
        let mut cells = Cells::new();
        cells.entry("p1".into()).or_default().insert(
            "raci-written".into(),
            Cell {
                score: Some(Score::Points(5)),
                note: String::new(),
            },
        );
        sc.others.push(OtherCard {
            id: "card".into(),
            evaluator: "Dana".into(),
            complete: true,
            imported_ms: 0,
            shared_ms: 0,
            cells,
            unmatched: Unmatched::default(),
            red_flags: BTreeMap::from([("p1".to_owned(), vec!["Vague SLAs".to_owned()])]),
        });
        sc.cursor = Cursor {
            provider: "p1".into(),
            criterion: "raci-written".into(),
        };
        sc.forget_provider("p1");
        assert!(!sc.cells.contains_key("p1") && sc.cells.contains_key("p2"));
        assert!(!sc.agreed.contains_key("p1") && sc.agreed.contains_key("p2"));
        assert!(!sc.knockouts.contains_key("p1") && sc.knockouts.contains_key("p2"));
        assert!(sc.others[0].cells.is_empty());
        assert!(sc.others[0].red_flags.is_empty());
        assert_eq!(sc.cursor, Cursor::default());
    }

    #[test]
    fn criteria_are_added_to_their_group_edited_and_removed_with_their_scores() {
        let mut sc = Scorecard::default();
        let before = sc.criteria.len();
        sc.add_criterion(
            "c1".into(),
            "Shared tooling",
            "  Ticket SLA dashboard ",
            w(2.0),
        )
        .unwrap();
        let at = sc.criteria.iter().position(|c| c.id == "c1").unwrap();
        assert_eq!(sc.criteria[at].name, "Ticket SLA dashboard");
        assert_eq!(sc.criteria[at - 1].group, "Shared tooling");
        assert_ne!(
            sc.criteria.get(at + 1).map(|c| c.group.as_str()),
            Some("Shared tooling")
        );
        sc.add_criterion("c2".into(), "Brand new group", "Thing", w(1.0))
            .unwrap();
        assert_eq!(sc.criteria.last().unwrap().id, "c2");
        assert_eq!(
            sc.add_criterion("c3".into(), "G", " ", w(1.0)),
            Err(EditError::EmptyName)
        );
        sc.set_text("c1", CriterionText::Question, "Can we see it?")
            .unwrap();
        sc.set_text("c1", CriterionText::Anchor5, "Live dashboard")
            .unwrap();
        assert_eq!(sc.criterion("c1").unwrap().anchors.five, "Live dashboard");
        assert_eq!(
            sc.set_text("c1", CriterionText::Name, ""),
            Err(EditError::EmptyName)
        );
        assert_eq!(
            sc.set_text("nope", CriterionText::Name, "x"),
            Err(EditError::UnknownCriterion)
        );
        sc.set_score("p1", "c1", Some(Score::Points(2)));
        sc.set_agreed("p1", "c1", Some(Score::Points(3)));
        sc.remove_criterion("c1");
        assert!(sc.criterion("c1").is_none());
        assert!(sc.cells.is_empty() && sc.agreed.is_empty());
        assert_eq!(sc.criteria.len(), before + 1);
    }

    #[test]
    fn moving_stays_within_the_group() {
        let mut sc = Scorecard::default();
        let first_group = sc.criteria[0].group.clone();
        let first = sc.criteria[0].id.clone();
        let second = sc.criteria[1].id.clone();
        assert!(!sc.move_criterion(&first, -1));
        assert!(sc.move_criterion(&first, 1));
        assert_eq!(sc.criteria[0].id, second);
        assert_eq!(sc.criteria[1].id, first);
        let last_of_group = sc
            .criteria
            .iter()
            .rposition(|c| c.group == first_group)
            .unwrap();
        let id = sc.criteria[last_of_group].id.clone();
        assert!(
            !sc.move_criterion(&id, 1),
            "the next criterion is in another group"
        );
        assert!(!sc.move_criterion("nope", 1));
    }

    #[test]
    fn display_order_groups_criteria_by_first_appearance() {
        let mut sc = Scorecard {
            criteria: Vec::new(),
            ..Scorecard::default()
        };
        for (id, group) in [("a", "G1"), ("b", "G2"), ("c", "G1")] {
            sc.criteria.push(Criterion {
                id: id.into(),
                group: group.into(),
                name: id.into(),
                question: String::new(),
                anchors: Anchors::default(),
                weight: w(1.0),
            });
        }
        let ids: Vec<&str> = sc.ordered().iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["a", "c", "b"]);
        assert_eq!(sc.groups(), ["G1", "G2"]);
        // Moving "a" down skips over "b" (another group) to swap with "c".
        assert!(sc.move_criterion("a", 1));
        let ids: Vec<&str> = sc.ordered().iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["c", "a", "b"]);
    }

    #[test]
    fn restoring_defaults_adds_back_only_what_is_missing() {
        let mut sc = Scorecard::default();
        let n = sc.criteria.len();
        sc.remove_criterion("raci-written");
        sc.remove_criterion("exit-offboarding");
        assert_eq!(sc.restore_default_criteria(), 2);
        assert_eq!(sc.criteria.len(), n);
        assert_eq!(sc.restore_default_criteria(), 0);
    }

    #[test]
    fn margin_and_evaluator_are_checked() {
        let mut sc = Scorecard::default();
        assert_eq!(check_margin(-1.0), Err(EditError::BadMargin));
        assert_eq!(check_margin(f64::NAN), Err(EditError::BadMargin));
        assert_eq!(check_margin(51.0), Err(EditError::BadMargin));
        assert_eq!(check_margin(2.5), Ok(()));
        assert_eq!(
            sc.set_evaluator(&"x".repeat(121)),
            Err(EditError::NameTooLong)
        );
        assert_eq!(sc.set_evaluator("Dana"), Ok(()));
    }

    #[test]
    fn blind_mode_hides_others_until_the_card_is_complete() {
        let mut sc = Scorecard::default();
        assert!(sc.others_visible());
        sc.blind = true;
        assert!(!sc.others_visible());
        sc.complete = true;
        assert!(sc.others_visible());
    }

    #[test]
    fn moving_a_group_keeps_every_group_in_its_own_order() {
        let mut sc = Scorecard::default();
        let before = sc.groups();
        let inside = |sc: &Scorecard, g: &str| -> Vec<String> {
            sc.criteria
                .iter()
                .filter(|c| c.group == g)
                .map(|c| c.id.clone())
                .collect()
        };
        let second = inside(&sc, &before[1]);
        assert!(sc.move_group(&before[1], -1));
        let after = sc.groups();
        assert_eq!(after[0], before[1]);
        assert_eq!(after[1], before[0]);
        assert_eq!(after[2..], before[2..]);
        assert_eq!(inside(&sc, &before[1]), second);
        assert_eq!(
            sc.ordered().first().map(|c| c.id.clone()),
            second.first().cloned()
        );
        // The ends and unknown groups do not move, and nothing is lost.
        assert!(!sc.move_group(&after[0], -1));
        assert!(!sc.move_group(after.last().unwrap(), 1));
        assert!(!sc.move_group("No such group", 1));
        assert_eq!(sc.criteria.len(), Scorecard::default().criteria.len());
        assert!(sc.move_group(&before[1], 1));
        assert_eq!(sc.groups(), before);
    }
}
