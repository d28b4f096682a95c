//! The RACI's edit language: every change the buyer can make, as data, applied by
//! `Raci::apply` through the checked changes in `edit` and `kinds`.

use super::edit::{EditError, Shift, TextField};
use super::letters::{Letter, Letters};
use super::model::{Function, Id, Mark, Raci, Side};
use super::template;
use crate::domain::edit::Changed;

/// A change to the matrix. Moves are by `delta` places within the item's list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RaciEdit {
    AddParty {
        name: String,
        side: Side,
    },
    RenameParty(Id, String),
    SetPartySide(Id, Side),
    MoveParty(Id, i32),
    RemoveParty(Id),
    AddCategory(String),
    RenameCategory(Id, String),
    MoveCategory(Id, i32),
    RemoveCategory(Id),
    /// A function under an existing category, or under a category of this name (made
    /// when there is none yet).
    AddFunction {
        category: Under,
        name: String,
    },
    /// A whole function (pasted or restored), under a fresh id.
    InsertFunction(Box<Function>),
    RenameFunction(Id, String),
    SetFunctionCategory(Id, Id),
    RemoveFunction(Id),
    /// The changes made on the matrix itself and from its checks.
    Matrix(MatrixEdit),
    SetOwner {
        function: Id,
        shift: Shift,
        party: Option<Id>,
    },
    SetText {
        function: Id,
        field: TextField,
        text: String,
    },
    SetMark {
        function: Id,
        mark: Mark,
        on: bool,
    },
    DeclineSuggestions(Vec<Id>),
    /// Makes a provider's counter-proposal the function's row (`redline`).
    AcceptCounter {
        provider: String,
        function: Id,
    },
    /// Drops a provider's counter-proposal, keeping the row.
    RejectCounter {
        provider: String,
        function: Id,
    },
    /// The share of the matrix's work above which a party counts as overloaded.
    OverloadPct(i64),
}

/// The part of the language the matrix and its checks use, applied on its own
/// (`Raci::apply_matrix`) so the matrix's code does not carry every other change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MatrixEdit {
    SetCell {
        function: Id,
        party: Id,
        letters: Letters,
    },
    ToggleLetter {
        function: Id,
        party: Id,
        letter: Letter,
    },
    CycleCell {
        function: Id,
        party: Id,
    },
    /// A function moved by `delta` places within its category.
    MoveFunction(Id, i32),
    /// A function of the template, by its key (the quick fixes for missing functions).
    AddFromTemplate(String),
}

/// Where a new function goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Under {
    Id(Id),
    Named(String),
}

fn renamed(before: &str, after: Option<&str>) -> Changed {
    Changed::when(after.is_some_and(|a| a != before))
}

impl Raci {
    /// The function added last (adds go at the end of the list); 0 when there is none.
    pub fn newest_function(&self) -> Id {
        self.functions.last().map_or(0, |f| f.id)
    }

    /// This matrix with the buyer's settings from `current`: a template or an import
    /// replaces the functions and parties, not the overload limit the buyer chose.
    pub fn keeping_settings_of(mut self, current: &Raci) -> Raci {
        self.overload_pct = current.overload_pct;
        self
    }

    /// Applies one change; a refused change leaves the matrix as it was.
    pub fn apply(&mut self, edit: RaciEdit) -> Result<Changed, EditError> {
        Ok(match edit {
            RaciEdit::AddParty { name, side } => {
                self.add_party(&name, side).map(|_| Changed::Yes)?
            }
            RaciEdit::RenameParty(id, name) => {
                let before = self.party(id).map(|p| p.name.clone()).unwrap_or_default();
                self.rename_party(id, &name)?;
                renamed(&before, self.party(id).map(|p| p.name.as_str()))
            }
            RaciEdit::SetPartySide(id, side) => Changed::when(self.set_party_side(id, side)),
            RaciEdit::MoveParty(id, delta) => Changed::when(self.move_party(id, delta)),
            RaciEdit::RemoveParty(id) => Changed::when(self.remove_party(id)),
            RaciEdit::AddCategory(name) => self.add_category(&name).map(|_| Changed::Yes)?,
            RaciEdit::RenameCategory(id, name) => {
                let before = self
                    .category(id)
                    .map(|c| c.name.clone())
                    .unwrap_or_default();
                self.rename_category(id, &name)?;
                renamed(&before, self.category(id).map(|c| c.name.as_str()))
            }
            RaciEdit::MoveCategory(id, delta) => Changed::when(self.move_category(id, delta)),
            RaciEdit::RemoveCategory(id) => Changed::when(self.remove_category(id)),
            RaciEdit::AddFunction { category, name } => {
                // Checked on a copy: a new category is only kept with its function.
                let mut next = self.clone();
                let category = match category {
                    Under::Id(id) => id,
                    Under::Named(n) => next.category_named(&n)?,
                };
                next.add_function(category, &name)?;
                *self = next;
                Changed::Yes
            }
            RaciEdit::InsertFunction(f) => self.insert_function(*f).map(|_| Changed::Yes)?,
            RaciEdit::RenameFunction(id, name) => {
                let before = self
                    .function(id)
                    .map(|f| f.name.clone())
                    .unwrap_or_default();
                let marks = self.function(id).map(|f| (f.marks, f.inferred));
                self.rename_function(id, &name)?;
                let after = self.function(id).map(|f| (f.marks, f.inferred));
                renamed(&before, self.function(id).map(|f| f.name.as_str()))
                    .or(Changed::when(marks != after))
            }
            RaciEdit::SetFunctionCategory(id, category) => {
                Changed::when(self.set_function_category(id, category)?)
            }
            RaciEdit::RemoveFunction(id) => Changed::when(self.remove_function(id)),
            RaciEdit::Matrix(edit) => self.apply_matrix(edit),
            RaciEdit::SetOwner {
                function,
                shift,
                party,
            } => Changed::when(self.set_owner(function, shift, party)),
            RaciEdit::SetText {
                function,
                field,
                text,
            } => Changed::when(self.set_text(function, field, &text)?),
            RaciEdit::SetMark { function, mark, on } => {
                Changed::when(self.set_mark(function, mark, on))
            }
            RaciEdit::DeclineSuggestions(ids) => Changed::when(self.decline_suggestions(&ids)),
            RaciEdit::AcceptCounter { provider, function } => {
                Changed::when(self.accept_counter(&provider, function))
            }
            RaciEdit::RejectCounter { provider, function } => {
                Changed::when(self.reject_counter(&provider, function))
            }
            RaciEdit::OverloadPct(pct) => {
                let pct = u8::try_from(pct).map_err(|_| EditError::OverloadOutOfRange)?;
                Changed::when(self.set_overload_pct(pct)?)
            }
        })
    }
}

impl Raci {
    /// Applies a change made on the matrix; none of these is ever refused.
    pub fn apply_matrix(&mut self, edit: MatrixEdit) -> Changed {
        Changed::when(match edit {
            MatrixEdit::SetCell {
                function,
                party,
                letters,
            } => self.set_cell(function, party, letters),
            MatrixEdit::ToggleLetter {
                function,
                party,
                letter,
            } => self.toggle_letter(function, party, letter),
            MatrixEdit::CycleCell { function, party } => self.cycle_cell(function, party),
            MatrixEdit::MoveFunction(id, delta) => self.move_function(id, delta),
            MatrixEdit::AddFromTemplate(key) => {
                // On a copy: the template's category is only kept with its function.
                let mut next = self.clone();
                let added = template::add_seed(&mut next, &key).is_some();
                if added {
                    *self = next;
                }
                added
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::raci::template;

    fn matrix() -> Raci {
        template::co_managed(Default::default())
    }

    #[test]
    fn each_change_reports_whether_it_changed_the_matrix() {
        let mut r = matrix();
        let f = r.functions[0].id;
        let p = r.parties[0].id;
        let set = |letters| {
            RaciEdit::Matrix(MatrixEdit::SetCell {
                function: f,
                party: p,
                letters,
            })
        };
        let a = Letters::default().toggle(Letter::Accountable);
        r.apply(set(Letters::default())).unwrap();
        assert_eq!(r.apply(set(a)), Ok(Changed::Yes));
        assert_eq!(r.apply(set(a)), Ok(Changed::No));
        let name = r.functions[0].name.clone();
        assert_eq!(
            r.apply(RaciEdit::RenameFunction(f, format!(" {name} "))),
            Ok(Changed::No)
        );
        assert_eq!(
            r.apply(RaciEdit::RenameFunction(f, "Payroll app".into())),
            Ok(Changed::Yes)
        );
        assert_eq!(r.apply(RaciEdit::RemoveFunction(f)), Ok(Changed::Yes));
        assert_eq!(r.apply(RaciEdit::RemoveFunction(f)), Ok(Changed::No));
    }

    #[test]
    fn refused_changes_leave_the_matrix_as_it_was() {
        let mut r = matrix();
        let before = r.clone();
        let taken = r.parties[1].name.clone();
        let p = r.parties[0].id;
        assert!(matches!(
            r.apply(RaciEdit::RenameParty(p, taken)),
            Err(EditError::DuplicateParty(_))
        ));
        assert_eq!(
            r.apply(RaciEdit::OverloadPct(0)),
            Err(EditError::OverloadOutOfRange)
        );
        assert_eq!(
            r.apply(RaciEdit::OverloadPct(300)),
            Err(EditError::OverloadOutOfRange)
        );
        // A function refused for its name does not leave its new category behind.
        let add = RaciEdit::AddFunction {
            category: Under::Named("Brand new".into()),
            name: " ".into(),
        };
        assert_eq!(r.apply(add), Err(EditError::EmptyName));
        assert_eq!(r, before);
    }

    #[test]
    fn a_template_function_is_added_once() {
        let mut r = matrix();
        let exit = r
            .functions
            .iter()
            .find(|f| f.marks.exit)
            .map(|f| f.id)
            .unwrap();
        r.apply(RaciEdit::RemoveFunction(exit)).unwrap();
        let key = "exit-offboarding".to_owned();
        assert_eq!(
            r.apply(RaciEdit::Matrix(MatrixEdit::AddFromTemplate(key.clone()))),
            Ok(Changed::Yes)
        );
        assert_eq!(
            r.function(r.newest_function()).map(|f| f.marks.exit),
            Some(true)
        );
        assert_eq!(
            r.apply(RaciEdit::Matrix(MatrixEdit::AddFromTemplate(key))),
            Ok(Changed::No)
        );
        assert_eq!(
            r.apply(RaciEdit::Matrix(MatrixEdit::AddFromTemplate(
                "no such key".into()
            ))),
            Ok(Changed::No)
        );
    }

    #[test]
    fn a_function_can_go_under_a_category_made_for_it() {
        let mut r = matrix();
        let add = RaciEdit::AddFunction {
            category: Under::Named("Facilities".into()),
            name: "Badge access".into(),
        };
        assert_eq!(r.apply(add), Ok(Changed::Yes));
        let f = r.functions.last().unwrap();
        assert_eq!(r.category(f.category).unwrap().name, "Facilities");
        assert_eq!(r.apply(RaciEdit::OverloadPct(40)), Ok(Changed::Yes));
        assert_eq!(r.overload_pct, 40);
    }
}
