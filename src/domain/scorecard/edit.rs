//! The scorecard's edit language: every change an evaluator can make, as data, applied
//! by `Scorecard::apply`. Typed text (a weight, the closeness threshold) is parsed here.

use super::knockout;
use super::model::{
    parse_margin, Basis, Criterion, CriterionText, Cursor, EditError, Score, Scorecard, Weight,
};
use crate::domain::edit::{put, Changed};

/// A change to the scorecard. Cells are addressed by provider id and criterion id.
#[derive(Clone, Debug, PartialEq)]
pub enum ScorecardEdit {
    Score {
        provider: String,
        criterion: String,
        score: Option<Score>,
    },
    Note {
        provider: String,
        criterion: String,
        text: String,
    },
    /// The lead's agreed score for a cell, used by the ranking.
    Agreed {
        provider: String,
        criterion: String,
        score: Option<Score>,
    },
    Evaluator(String),
    Complete(bool),
    Blind(bool),
    RemoveCard(String),
    Flag {
        provider: String,
        flag: String,
        ticked: bool,
    },
    FlagNote {
        provider: String,
        flag: String,
        text: String,
    },
    /// A custom red flag under a fresh id.
    AddFlag {
        id: String,
        text: String,
    },
    RemoveFlag(String),
    /// A criterion under a fresh id, at the end of its group ("Other" when no group is
    /// given), with its weight as typed.
    AddCriterion {
        id: String,
        group: String,
        name: String,
        weight: String,
    },
    CriterionText {
        id: String,
        which: CriterionText,
        text: String,
    },
    /// A weight as typed ("2", "1.5").
    Weight {
        id: String,
        text: String,
    },
    RemoveCriterion(String),
    MoveCriterion(String, i32),
    MoveGroup(String, i32),
    RestoreDefaultCriteria,
    /// The closeness threshold as typed, in points.
    CloseMargin(String),
    ShowKnockedOut(bool),
    Basis(Basis),
}

/// Why typed text was refused, or the model's own refusal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScorecardError {
    Edit(EditError),
    Weight(&'static str),
}

impl ScorecardError {
    pub fn message(&self) -> &'static str {
        match self {
            ScorecardError::Edit(e) => e.message(),
            ScorecardError::Weight(m) => m,
        }
    }
}

impl From<EditError> for ScorecardError {
    fn from(e: EditError) -> Self {
        ScorecardError::Edit(e)
    }
}

type Outcome = Result<Changed, ScorecardError>;

impl Scorecard {
    /// Applies one change; a refused change leaves the scorecard as it was.
    pub fn apply(&mut self, edit: ScorecardEdit) -> Outcome {
        use ScorecardEdit as E;
        Ok(match edit {
            E::Score {
                provider,
                criterion,
                score,
            } => {
                let before = self.score(&provider, &criterion);
                self.set_score(&provider, &criterion, score);
                Changed::when(self.score(&provider, &criterion) != before)
            }
            E::Note {
                provider,
                criterion,
                text,
            } => {
                let note = |sc: &Scorecard| sc.cell(&provider, &criterion).map(|c| c.note.clone());
                let before = note(self);
                self.set_note(&provider, &criterion, &text)?;
                Changed::when(note(self) != before)
            }
            E::Agreed {
                provider,
                criterion,
                score,
            } => {
                let before = self.agreed(&provider, &criterion);
                self.set_agreed(&provider, &criterion, score);
                Changed::when(self.agreed(&provider, &criterion) != before)
            }
            E::Evaluator(name) => {
                let before = self.evaluator.clone();
                self.set_evaluator(&name)?;
                Changed::when(self.evaluator != before)
            }
            E::Complete(on) => put(&mut self.complete, on),
            E::Blind(on) => put(&mut self.blind, on),
            E::RemoveCard(id) => {
                let before = self.others.len();
                self.remove_card(&id);
                Changed::when(self.others.len() != before)
            }
            E::Flag {
                provider,
                flag,
                ticked,
            } => {
                let before = knockout::is_ticked(self, &provider, &flag);
                knockout::set_ticked(self, &provider, &flag, ticked);
                Changed::when(knockout::is_ticked(self, &provider, &flag) != before)
            }
            E::FlagNote {
                provider,
                flag,
                text,
            } => {
                let note = |sc: &Scorecard| {
                    sc.knockouts
                        .get(&provider)
                        .and_then(|t| t.get(&flag))
                        .cloned()
                };
                let before = note(self);
                knockout::set_note(self, &provider, &flag, &text)?;
                Changed::when(note(self) != before)
            }
            E::AddFlag { id, text } => {
                knockout::add_flag(self, id, &text)?;
                Changed::Yes
            }
            E::RemoveFlag(id) => {
                let before = self.flags.len();
                knockout::remove_flag(self, &id);
                Changed::when(self.flags.len() != before)
            }
            E::AddCriterion {
                id,
                group,
                name,
                weight,
            } => {
                let weight =
                    Weight::parse(&weight).map_err(|e| ScorecardError::Weight(e.message()))?;
                let group = if group.trim().is_empty() {
                    "Other"
                } else {
                    &group
                };
                self.add_criterion(id, group, &name, weight)?;
                Changed::Yes
            }
            E::CriterionText { id, which, text } => {
                let before = self.criterion(&id).cloned();
                self.set_text(&id, which, &text)?;
                Changed::when(self.criterion(&id).cloned() != before)
            }
            E::Weight { id, text } => {
                let weight =
                    Weight::parse(&text).map_err(|e| ScorecardError::Weight(e.message()))?;
                let before = self.criterion(&id).map(|c: &Criterion| c.weight);
                self.set_weight(&id, weight)?;
                Changed::when(before != Some(weight))
            }
            E::RemoveCriterion(id) => {
                let before = self.criteria.len();
                self.remove_criterion(&id);
                Changed::when(self.criteria.len() != before)
            }
            E::MoveCriterion(id, step) => Changed::when(self.move_criterion(&id, step)),
            E::MoveGroup(group, step) => Changed::when(self.move_group(&group, step)),
            E::RestoreDefaultCriteria => Changed::when(self.restore_default_criteria() > 0),
            E::CloseMargin(text) => {
                let points = parse_margin(&text)?;
                put(&mut self.close_margin, points)
            }
            E::ShowKnockedOut(on) => put(&mut self.show_knocked_out, on),
            E::Basis(basis) => put(&mut self.basis, basis),
        })
    }
}

impl Scorecard {
    /// Moves call mode to another question. A place, not an edit: undo never walks
    /// back through it.
    pub fn go_to(&mut self, cursor: Cursor) -> bool {
        put(&mut self.cursor, cursor).is_yes()
    }

    /// The sum of the weights, as the criteria editor shows it ("" when none is set).
    pub fn total_weight_text(&self) -> String {
        let sum: f64 = self.criteria.iter().map(|c| c.weight.get()).sum();
        Weight::new(sum.min(1.0e9))
            .map(Weight::text)
            .unwrap_or_default()
    }

    /// Gives the card the id it is shared under, the first time it leaves this device.
    pub fn stamp_card_id(&mut self, fresh: String) -> bool {
        let stamp = self.card_id.is_empty();
        if stamp {
            self.card_id = fresh;
        }
        stamp
    }

    /// Undo brings back scores and criteria, not where call mode stands or the id the
    /// card was shared under (a second id would make a re-import a second evaluator).
    pub fn keep_on_undo(&mut self, current: &Scorecard) {
        self.card_id.clone_from(&current.card_id);
        self.cursor.clone_from(&current.cursor);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(sc: &Scorecard) -> (String, String) {
        ("p1".into(), sc.criteria[0].id.clone())
    }

    #[test]
    fn scores_notes_and_agreed_scores_report_real_changes() {
        let mut sc = Scorecard::default();
        let (provider, criterion) = cell(&sc);
        let score = |s| ScorecardEdit::Score {
            provider: provider.clone(),
            criterion: criterion.clone(),
            score: s,
        };
        assert_eq!(sc.apply(score(Score::parse("4"))), Ok(Changed::Yes));
        assert_eq!(sc.apply(score(Score::parse("4"))), Ok(Changed::No));
        assert_eq!(sc.score(&provider, &criterion), Score::parse("4"));
        let note = |t: &str| ScorecardEdit::Note {
            provider: provider.clone(),
            criterion: criterion.clone(),
            text: t.into(),
        };
        assert_eq!(sc.apply(note("Asked twice")), Ok(Changed::Yes));
        assert_eq!(
            sc.apply(note(&"x".repeat(2_001))),
            Err(ScorecardError::Edit(EditError::TextTooLong))
        );
        let agreed = ScorecardEdit::Agreed {
            provider: provider.clone(),
            criterion,
            score: Score::parse("3"),
        };
        assert_eq!(sc.apply(agreed.clone()), Ok(Changed::Yes));
        assert_eq!(sc.apply(agreed), Ok(Changed::No));
        let unknown = ScorecardEdit::Score {
            provider,
            criterion: "nope".into(),
            score: Score::parse("1"),
        };
        assert_eq!(sc.apply(unknown), Ok(Changed::No));
    }

    #[test]
    fn typed_weights_and_margins_are_parsed_here() {
        let mut sc = Scorecard::default();
        let id = sc.criteria[0].id.clone();
        let weight = |t: &str| ScorecardEdit::Weight {
            id: id.clone(),
            text: t.into(),
        };
        assert_eq!(sc.apply(weight("2.5")), Ok(Changed::Yes));
        assert_eq!(sc.criteria[0].weight.get(), 2.5);
        assert!(matches!(
            sc.apply(weight("heavy")),
            Err(ScorecardError::Weight(_))
        ));
        assert_eq!(sc.criteria[0].weight.get(), 2.5);
        assert_eq!(
            sc.apply(ScorecardEdit::CloseMargin("7,5".into())),
            Ok(Changed::Yes)
        );
        assert_eq!(sc.close_margin, 7.5);
        assert_eq!(
            sc.apply(ScorecardEdit::CloseMargin("51".into())),
            Err(ScorecardError::Edit(EditError::BadMargin))
        );
        assert_eq!(
            sc.apply(ScorecardEdit::CloseMargin("".into())),
            Err(ScorecardError::Edit(EditError::BadMargin))
        );
        assert_eq!(sc.close_margin, 7.5);
    }

    #[test]
    fn flags_and_criteria_changes_are_checked() {
        let mut sc = Scorecard::default();
        let flag = sc.flags[0].id.clone();
        let tick = |on| ScorecardEdit::Flag {
            provider: "p1".into(),
            flag: flag.clone(),
            ticked: on,
        };
        assert_eq!(sc.apply(tick(true)), Ok(Changed::Yes));
        assert_eq!(sc.apply(tick(true)), Ok(Changed::No));
        let dup = ScorecardEdit::AddFlag {
            id: "f-x".into(),
            text: sc.flags[0].text.to_uppercase(),
        };
        assert_eq!(
            sc.apply(dup),
            Err(ScorecardError::Edit(EditError::DuplicateFlag))
        );
        let before = sc.criteria.len();
        let add = |name: &str, weight: &str| ScorecardEdit::AddCriterion {
            id: "c-x".into(),
            group: " ".into(),
            name: name.into(),
            weight: weight.into(),
        };
        let refused = sc.apply(add(" ", "1"));
        assert_eq!(refused, Err(ScorecardError::Edit(EditError::EmptyName)));
        let refused = sc.apply(add("Exit terms", "lots"));
        assert!(matches!(refused, Err(ScorecardError::Weight(_))));
        assert_eq!(sc.criteria.len(), before);
        assert_eq!(sc.apply(add("Exit terms", "2")), Ok(Changed::Yes));
        assert_eq!(sc.criterion("c-x").map(|c| c.group.as_str()), Some("Other"));
        assert!(!sc.total_weight_text().is_empty());
        assert!(sc.stamp_card_id("card-1".into()));
        assert!(!sc.stamp_card_id("card-2".into()));
        assert_eq!(sc.card_id, "card-1");
        let id = sc.criteria[0].id.clone();
        assert_eq!(
            sc.apply(ScorecardEdit::RemoveCriterion(id.clone())),
            Ok(Changed::Yes)
        );
        assert_eq!(
            sc.apply(ScorecardEdit::RemoveCriterion(id)),
            Ok(Changed::No)
        );
        assert_eq!(
            sc.apply(ScorecardEdit::RestoreDefaultCriteria),
            Ok(Changed::Yes)
        );
        assert_eq!(
            sc.apply(ScorecardEdit::RestoreDefaultCriteria),
            Ok(Changed::No)
        );
    }

    #[test]
    fn undo_keeps_the_shared_id_and_the_place_in_call_mode() {
        let mut old = Scorecard::default();
        let mut now = old.clone();
        now.card_id = "card-1".into();
        now.cursor.provider = "p2".into();
        old.keep_on_undo(&now);
        assert_eq!(
            (old.card_id.as_str(), old.cursor.provider.as_str()),
            ("card-1", "p2")
        );
    }
}
