//! The invariants a scorecard read from a file or a link must hold before the app uses
//! it. Scores and weights are already refused out of range when read (serde checks them);
//! this adds what a single value cannot show: unique ids and sizes within the limits.
//! Workspaces, files and shared cards all pass through here (see `Workspace::check`).

use std::collections::HashSet;

use super::criteria::MAX_FLAGS;
use super::model::{
    check_margin, Scorecard, MAX_CARDS, MAX_CRITERIA, MAX_CUSTOM_FLAGS, MAX_NAME_CHARS,
    MAX_TEXT_CHARS,
};
use crate::domain::text::lower;

impl Scorecard {
    /// `Err` names the first broken invariant in plain words.
    pub fn check_integrity(&self) -> Result<(), String> {
        if self.evaluator.chars().count() > MAX_NAME_CHARS {
            return Err("the evaluator's name is too long".into());
        }
        if self.criteria.len() > MAX_CRITERIA {
            return Err(format!("it has more than {MAX_CRITERIA} criteria"));
        }
        let mut ids = HashSet::new();
        for c in &self.criteria {
            if c.id.is_empty() || !ids.insert(c.id.as_str()) {
                return Err(format!(
                    "the criterion “{}” has a missing or repeated id",
                    c.name
                ));
            }
            let name = c.name.trim().chars().count();
            if name == 0 || name > MAX_NAME_CHARS || c.group.trim().is_empty() {
                return Err("a criterion has no name or group".into());
            }
            let texts = [
                &c.question,
                &c.anchors.one,
                &c.anchors.three,
                &c.anchors.five,
            ];
            if texts.iter().any(|t| t.chars().count() > MAX_TEXT_CHARS) {
                return Err(format!("a text of “{}” is too long", c.name));
            }
        }
        self.check_flags()?;
        let notes = self
            .cells
            .values()
            .flat_map(|row| row.values())
            .map(|c| &c.note);
        if notes.clone().any(|n| n.chars().count() > MAX_TEXT_CHARS) {
            return Err("a note is too long".into());
        }
        let knock_out_notes = self.knockouts.values().flat_map(|row| row.values());
        if knock_out_notes
            .clone()
            .any(|n| n.chars().count() > MAX_TEXT_CHARS)
        {
            return Err("a knock-out note is too long".into());
        }
        if self.others.len() > MAX_CARDS {
            return Err(format!("it holds more than {MAX_CARDS} evaluators' cards"));
        }
        let mut cards = HashSet::new();
        for card in &self.others {
            if card.id.is_empty() || !cards.insert(card.id.as_str()) {
                return Err("an evaluator's card has a missing or repeated id".into());
            }
            if card.evaluator.chars().count() > MAX_NAME_CHARS {
                return Err("an evaluator's name is too long".into());
            }
        }
        check_margin(self.close_margin).map_err(|e| e.message().to_owned())
    }

    /// The red flags as the checklist editor keeps them: within the count, each with an
    /// id and a text of its own (the editor refuses a text that differs only in case).
    fn check_flags(&self) -> Result<(), String> {
        let custom = self.flags.iter().filter(|f| f.custom).count();
        if self.flags.len() > MAX_FLAGS || custom > MAX_CUSTOM_FLAGS {
            return Err(format!(
                "it has more than {MAX_CUSTOM_FLAGS} custom red flags"
            ));
        }
        let mut ids = HashSet::new();
        let mut texts = HashSet::new();
        for f in &self.flags {
            if f.id.is_empty() || !ids.insert(f.id.as_str()) {
                return Err("a red flag has a missing or repeated id".into());
            }
            let text = f.text.trim();
            if text.chars().count() > MAX_TEXT_CHARS {
                return Err("a red flag's text is too long".into());
            }
            if text.is_empty() || !texts.insert(lower(text)) {
                return Err(format!("the red flag “{text}” is blank or repeated"));
            }
        }
        self.check_claims()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_scorecard_holds_every_invariant() {
        assert_eq!(Scorecard::default().check_integrity(), Ok(()));
    }

    #[test]
    fn repeated_ids_blank_names_and_bad_margins_are_named() {
        let mut dup = Scorecard::default();
        dup.criteria[1].id = dup.criteria[0].id.clone();
        assert!(dup.check_integrity().unwrap_err().contains("repeated id"));
        let mut blank = Scorecard::default();
        blank.criteria[0].name = "  ".into();
        assert!(blank.check_integrity().is_err());
        let mut flag = Scorecard::default();
        flag.flags.push(flag.flags[0].clone());
        assert!(flag.check_integrity().unwrap_err().contains("red flag"));
        let margin = Scorecard {
            close_margin: f64::NAN,
            ..Scorecard::default()
        };
        assert!(margin.check_integrity().is_err());
    }
}
