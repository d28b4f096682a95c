//! Every change the buyer can make. Each keeps the matrix consistent (no letters for a
//! deleted party, no function without its category) and refuses bad names with a reason.

use super::letters::{Letter, Letters};
use super::model::*;

/// Why a change was refused. The message is shown next to the field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditError {
    EmptyName,
    NameTooLong,
    TextTooLong,
    DuplicateParty(String),
    DuplicateCategory(String),
    DuplicateFunction { name: String, category: String },
    TooManyParties,
    TooManyCategories,
    TooManyFunctions,
    UnknownCategory,
    OverloadOutOfRange,
    OutOfIds,
}

impl EditError {
    pub fn message(&self) -> String {
        match self {
            EditError::EmptyName => "Give it a name.".to_owned(),
            EditError::NameTooLong => format!("Keep names under {MAX_NAME_CHARS} characters."),
            EditError::TextTooLong => format!("Keep this under {MAX_TEXT_CHARS} characters."),
            EditError::DuplicateParty(n) => format!("There is already a party called “{n}”."),
            EditError::DuplicateCategory(n) => format!("There is already a category called “{n}”."),
            EditError::DuplicateFunction { name, category } => {
                format!("“{name}” is already listed under {category}.")
            }
            EditError::TooManyParties => format!("A matrix holds at most {MAX_PARTIES} parties."),
            EditError::TooManyCategories => {
                format!("A matrix holds at most {MAX_CATEGORIES} categories.")
            }
            EditError::TooManyFunctions => {
                format!("A matrix holds at most {MAX_FUNCTIONS} functions.")
            }
            EditError::UnknownCategory => "Choose a category first.".to_owned(),
            EditError::OverloadOutOfRange => "Enter a share between 1 and 100%.".to_owned(),
            EditError::OutOfIds => "This matrix has run out of ids. Export it as CSV and import the file to renumber it.".to_owned(),
        }
    }
}

/// Trims a name and checks its length.
pub fn clean_name(name: &str) -> Result<String, EditError> {
    let name = name.trim();
    if name.is_empty() {
        Err(EditError::EmptyName)
    } else if name.chars().count() > MAX_NAME_CHARS {
        Err(EditError::NameTooLong)
    } else {
        Ok(name.to_owned())
    }
}

fn same_name(a: &str, b: &str) -> bool {
    crate::domain::text::same_ignoring_case(a.trim(), b.trim())
}

/// The text fields of a function.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TextField {
    P1,
    Handoff,
    Notes,
}

/// Business hours or after hours.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Shift {
    Day,
    Night,
}

/// Moves the item with `id` one place up (`-1`) or down (`+1`) among the items for
/// which `peer` holds. Returns whether it moved.
fn shift_among<T>(
    items: &mut [T],
    id_of: impl Fn(&T) -> Id,
    id: Id,
    delta: i32,
    peer: impl Fn(&T) -> bool,
) -> bool {
    let Some(at) = items.iter().position(|t| id_of(t) == id) else {
        return false;
    };
    let other = if delta < 0 {
        items[..at].iter().rposition(&peer)
    } else {
        items[at + 1..].iter().position(&peer).map(|i| at + 1 + i)
    };
    match other {
        Some(o) => {
            items.swap(at, o);
            true
        }
        None => false,
    }
}

impl Raci {
    /// An id no item has had. The counter never wraps: past `MAX_NEXT_ID` adding is
    /// refused, so two items can never share an id.
    fn fresh_id(&mut self) -> Result<Id, EditError> {
        let taken = self
            .parties
            .iter()
            .map(|p| p.id)
            .chain(self.categories.iter().map(|c| c.id))
            .chain(self.functions.iter().map(|f| f.id))
            .max()
            .unwrap_or(0);
        let id = self.next_id.max(taken.saturating_add(1)).max(1);
        if id >= MAX_NEXT_ID {
            return Err(EditError::OutOfIds);
        }
        self.next_id = id + 1;
        Ok(id)
    }

    // Parties

    fn party_name_free(&self, name: &str, except: Option<Id>) -> Result<(), EditError> {
        match self
            .parties
            .iter()
            .find(|p| Some(p.id) != except && same_name(&p.name, name))
        {
            Some(p) => Err(EditError::DuplicateParty(p.name.clone())),
            None => Ok(()),
        }
    }

    pub fn add_party(&mut self, name: &str, side: Side) -> Result<Id, EditError> {
        let name = clean_name(name)?;
        self.party_name_free(&name, None)?;
        if self.parties.len() >= MAX_PARTIES {
            return Err(EditError::TooManyParties);
        }
        let id = self.fresh_id()?;
        self.parties.push(Party { id, name, side });
        Ok(id)
    }

    pub fn rename_party(&mut self, id: Id, name: &str) -> Result<(), EditError> {
        let name = clean_name(name)?;
        self.party_name_free(&name, Some(id))?;
        if let Some(p) = self.parties.iter_mut().find(|p| p.id == id) {
            p.name = name;
        }
        Ok(())
    }

    pub fn set_party_side(&mut self, id: Id, side: Side) -> bool {
        match self.parties.iter_mut().find(|p| p.id == id) {
            Some(p) if p.side != side => {
                p.side = side;
                true
            }
            _ => false,
        }
    }

    pub fn move_party(&mut self, id: Id, delta: i32) -> bool {
        shift_among(&mut self.parties, |p| p.id, id, delta, |_| true)
    }

    /// Deletes a party with its letters and any ownership it held.
    pub fn remove_party(&mut self, id: Id) -> bool {
        let before = self.parties.len();
        self.parties.retain(|p| p.id != id);
        for f in &mut self.functions {
            f.roles.remove(&id);
            if f.day_owner == Some(id) {
                f.day_owner = None;
            }
            if f.night_owner == Some(id) {
                f.night_owner = None;
            }
        }
        self.prune_counters();
        self.parties.len() != before
    }

    // Categories

    fn category_name_free(&self, name: &str, except: Option<Id>) -> Result<(), EditError> {
        match self
            .categories
            .iter()
            .find(|c| Some(c.id) != except && same_name(&c.name, name))
        {
            Some(c) => Err(EditError::DuplicateCategory(c.name.clone())),
            None => Ok(()),
        }
    }

    pub fn add_category(&mut self, name: &str) -> Result<Id, EditError> {
        let name = clean_name(name)?;
        self.category_name_free(&name, None)?;
        if self.categories.len() >= MAX_CATEGORIES {
            return Err(EditError::TooManyCategories);
        }
        let id = self.fresh_id()?;
        self.categories.push(Category { id, name });
        Ok(id)
    }

    /// The category with this name, created if missing.
    pub fn category_named(&mut self, name: &str) -> Result<Id, EditError> {
        let clean = clean_name(name)?;
        match self.categories.iter().find(|c| same_name(&c.name, &clean)) {
            Some(c) => Ok(c.id),
            None => self.add_category(&clean),
        }
    }

    pub fn rename_category(&mut self, id: Id, name: &str) -> Result<(), EditError> {
        let name = clean_name(name)?;
        self.category_name_free(&name, Some(id))?;
        if let Some(c) = self.categories.iter_mut().find(|c| c.id == id) {
            c.name = name;
        }
        Ok(())
    }

    pub fn move_category(&mut self, id: Id, delta: i32) -> bool {
        shift_among(&mut self.categories, |c| c.id, id, delta, |_| true)
    }

    /// Deletes a category and every function in it.
    pub fn remove_category(&mut self, id: Id) -> bool {
        let before = self.categories.len();
        self.categories.retain(|c| c.id != id);
        self.functions.retain(|f| f.category != id);
        self.prune_counters();
        self.categories.len() != before
    }

    // Functions

    fn function_name_free(
        &self,
        category: Id,
        name: &str,
        except: Option<Id>,
    ) -> Result<(), EditError> {
        let clash = self
            .functions_in(category)
            .find(|f| Some(f.id) != except && same_name(&f.name, name));
        match clash {
            Some(f) => Err(EditError::DuplicateFunction {
                name: f.name.clone(),
                category: self
                    .category(category)
                    .map(|c| c.name.clone())
                    .unwrap_or_default(),
            }),
            None => Ok(()),
        }
    }

    pub fn add_function(&mut self, category: Id, name: &str) -> Result<Id, EditError> {
        let name = clean_name(name)?;
        if self.category(category).is_none() {
            return Err(EditError::UnknownCategory);
        }
        self.function_name_free(category, &name, None)?;
        if self.functions.len() >= MAX_FUNCTIONS {
            return Err(EditError::TooManyFunctions);
        }
        let id = self.fresh_id()?;
        let mut function = Function {
            id,
            category,
            name,
            ..Function::default()
        };
        function.follow_name();
        self.functions.push(function);
        Ok(id)
    }

    /// Adds a finished function (from a template) under a fresh id; parties and category
    /// must already exist. Returns the new id.
    pub fn insert_function(&mut self, mut function: Function) -> Result<Id, EditError> {
        if self.category(function.category).is_none() {
            return Err(EditError::UnknownCategory);
        }
        function.name = clean_name(&function.name)?;
        self.function_name_free(function.category, &function.name, None)?;
        if self.functions.len() >= MAX_FUNCTIONS {
            return Err(EditError::TooManyFunctions);
        }
        function.id = self.fresh_id()?;
        let id = function.id;
        self.functions.push(function);
        Ok(id)
    }

    pub fn rename_function(&mut self, id: Id, name: &str) -> Result<(), EditError> {
        let name = clean_name(name)?;
        let Some(category) = self.function(id).map(|f| f.category) else {
            return Ok(());
        };
        self.function_name_free(category, &name, Some(id))?;
        if let Some(f) = self.function_mut(id) {
            f.name = name;
            f.follow_name();
        }
        Ok(())
    }

    /// Moves a function up or down within its category.
    pub fn move_function(&mut self, id: Id, delta: i32) -> bool {
        let Some(category) = self.function(id).map(|f| f.category) else {
            return false;
        };
        shift_among(
            &mut self.functions,
            |f| f.id,
            id,
            delta,
            |f| f.category == category,
        )
    }

    /// Moves a function to the end of another category.
    pub fn set_function_category(&mut self, id: Id, category: Id) -> Result<bool, EditError> {
        if self.category(category).is_none() {
            return Err(EditError::UnknownCategory);
        }
        let Some(at) = self.functions.iter().position(|f| f.id == id) else {
            return Ok(false);
        };
        if self.functions[at].category == category {
            return Ok(false);
        }
        let name = self.functions[at].name.clone();
        self.function_name_free(category, &name, Some(id))?;
        let mut f = self.functions.remove(at);
        f.category = category;
        self.functions.push(f);
        Ok(true)
    }

    pub fn remove_function(&mut self, id: Id) -> bool {
        let before = self.functions.len();
        self.functions.retain(|f| f.id != id);
        self.prune_counters();
        self.functions.len() != before
    }

    // Cells and details

    /// Sets a cell. Returns whether anything changed.
    pub fn set_cell(&mut self, function: Id, party: Id, letters: Letters) -> bool {
        if self.party(party).is_none() {
            return false;
        }
        let Some(f) = self.function_mut(function) else {
            return false;
        };
        if f.letters(party) == letters {
            return false;
        }
        if letters.is_empty() {
            f.roles.remove(&party);
        } else {
            f.roles.insert(party, letters);
        }
        true
    }

    pub fn toggle_letter(&mut self, function: Id, party: Id, letter: Letter) -> bool {
        let next = self.cell(function, party).toggle(letter);
        self.set_cell(function, party, next)
    }

    pub fn cycle_cell(&mut self, function: Id, party: Id) -> bool {
        let next = self.cell(function, party).cycle();
        self.set_cell(function, party, next)
    }

    pub fn set_owner(&mut self, function: Id, shift: Shift, party: Option<Id>) -> bool {
        if party.is_some_and(|p| self.party(p).is_none()) {
            return false;
        }
        let Some(f) = self.function_mut(function) else {
            return false;
        };
        let slot = match shift {
            Shift::Day => &mut f.day_owner,
            Shift::Night => &mut f.night_owner,
        };
        let changed = *slot != party;
        *slot = party;
        changed
    }

    pub fn set_text(
        &mut self,
        function: Id,
        field: TextField,
        text: &str,
    ) -> Result<bool, EditError> {
        if text.chars().count() > MAX_TEXT_CHARS {
            return Err(EditError::TextTooLong);
        }
        let Some(f) = self.function_mut(function) else {
            return Ok(false);
        };
        let slot = match field {
            TextField::P1 => &mut f.p1,
            TextField::Handoff => &mut f.handoff,
            TextField::Notes => &mut f.notes,
        };
        if slot == text {
            return Ok(false);
        }
        *slot = text.to_owned();
        Ok(true)
    }

    pub fn set_overload_pct(&mut self, pct: u8) -> Result<bool, EditError> {
        if !(1..=100).contains(&pct) {
            return Err(EditError::OverloadOutOfRange);
        }
        let changed = self.overload_pct != pct;
        self.overload_pct = pct;
        Ok(changed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Letter::*;

    fn small() -> (Raci, Id, Id, Id, Id) {
        let mut r = Raci::default();
        let it = r.add_party("Internal IT", Side::Internal).unwrap();
        let msp = r.add_party("MSP", Side::Msp).unwrap();
        let ops = r.add_category("Operations").unwrap();
        let f = r.add_function(ops, "Patching").unwrap();
        (r, it, msp, ops, f)
    }

    #[test]
    fn names_are_trimmed_checked_and_unique() {
        let (mut r, it, _, ops, f) = small();
        assert_eq!(r.add_party("  ", Side::Other), Err(EditError::EmptyName));
        assert_eq!(
            r.add_party(" msp ", Side::Msp),
            Err(EditError::DuplicateParty("MSP".into()))
        );
        assert_eq!(
            r.rename_party(it, "Internal IT"),
            Ok(()),
            "renaming to itself is fine"
        );
        assert_eq!(
            r.add_category(&"x".repeat(MAX_NAME_CHARS + 1)),
            Err(EditError::NameTooLong)
        );
        assert!(matches!(
            r.add_function(ops, "patching"),
            Err(EditError::DuplicateFunction { .. })
        ));
        let other = r.add_category("Security").unwrap();
        assert!(
            r.add_function(other, "Patching").is_ok(),
            "same name, other category"
        );
        r.rename_function(f, "  Patch management ").unwrap();
        assert_eq!(r.function(f).unwrap().name, "Patch management");
        assert_eq!(r.add_function(999, "x"), Err(EditError::UnknownCategory));
    }

    #[test]
    fn ids_are_never_reused() {
        let (mut r, _, msp, _, _) = small();
        r.remove_party(msp);
        let again = r.add_party("MSP SOC", Side::Msp).unwrap();
        assert_ne!(again, msp);
    }

    #[test]
    fn cells_toggle_cycle_and_clear() {
        let (mut r, it, msp, _, f) = small();
        assert!(r.toggle_letter(f, msp, Accountable));
        assert!(r.toggle_letter(f, msp, Responsible));
        assert_eq!(r.cell(f, msp).label(), "A/R");
        assert!(r.toggle_letter(f, msp, Accountable));
        assert_eq!(r.cell(f, msp).label(), "R");
        assert!(r.cycle_cell(f, it));
        assert_eq!(r.cell(f, it).label(), "R");
        assert!(r.set_cell(f, it, Letters::NONE));
        assert!(
            !r.function(f).unwrap().roles.contains_key(&it),
            "empty cells are not stored"
        );
        assert!(!r.set_cell(f, it, Letters::NONE), "no change reported");
        assert!(
            !r.set_cell(f, 999, Letters::of(&[Informed])),
            "unknown party"
        );
    }

    #[test]
    fn removing_a_party_removes_its_letters_and_ownership() {
        let (mut r, _, msp, _, f) = small();
        r.toggle_letter(f, msp, Responsible);
        r.set_owner(f, Shift::Night, Some(msp));
        assert!(r.remove_party(msp));
        let func = r.function(f).unwrap();
        assert!(func.roles.is_empty());
        assert_eq!(func.night_owner, None);
    }

    #[test]
    fn removing_a_category_removes_its_functions() {
        let (mut r, _, _, ops, f) = small();
        assert!(r.remove_category(ops));
        assert!(r.function(f).is_none());
    }

    #[test]
    fn functions_move_within_their_category_only() {
        let (mut r, _, _, ops, a) = small();
        let sec = r.add_category("Security").unwrap();
        let s = r.add_function(sec, "Alerts").unwrap();
        let b = r.add_function(ops, "Backups").unwrap();
        assert_eq!(r.row_ids(), vec![a, b, s]);
        assert!(r.move_function(b, -1));
        assert_eq!(r.row_ids(), vec![b, a, s]);
        assert!(!r.move_function(b, -1), "already first in its category");
        assert!(r.move_function(a, -1) && r.move_function(a, 1));
        assert!(!r.move_function(s, -1), "alone in its category");
        assert!(r.move_category(sec, -1));
        assert_eq!(r.row_ids(), vec![s, b, a]);
        assert_eq!(r.set_function_category(b, sec), Ok(true));
        assert_eq!(r.row_ids(), vec![s, b, a]);
        assert_eq!(r.function(b).unwrap().category, sec);
    }

    #[test]
    fn parties_reorder_and_change_side() {
        let (mut r, it, msp, _, _) = small();
        assert!(r.move_party(msp, -1));
        assert_eq!(r.party_ids(), vec![msp, it]);
        assert!(!r.move_party(msp, -1));
        assert!(r.set_party_side(msp, Side::Other));
        assert!(!r.set_party_side(msp, Side::Other));
    }

    #[test]
    fn owners_must_be_parties_and_text_has_a_limit() {
        let (mut r, it, _, _, f) = small();
        assert!(r.set_owner(f, Shift::Day, Some(it)));
        assert!(!r.set_owner(f, Shift::Day, Some(999)));
        assert_eq!(
            r.set_text(f, TextField::P1, "MSP on-call, then IT manager"),
            Ok(true)
        );
        assert_eq!(
            r.set_text(f, TextField::P1, "MSP on-call, then IT manager"),
            Ok(false)
        );
        assert_eq!(
            r.set_text(f, TextField::Notes, &"n".repeat(MAX_TEXT_CHARS + 1)),
            Err(EditError::TextTooLong)
        );
        assert!(r.set_mark(f, Mark::Incident, true));
        assert!(!r.set_mark(f, Mark::Incident, true));
        assert_eq!(r.set_overload_pct(0), Err(EditError::OverloadOutOfRange));
        assert_eq!(r.set_overload_pct(60), Ok(true));
    }

    #[test]
    fn limits_are_enforced() {
        let mut r = Raci::default();
        for i in 0..MAX_PARTIES {
            r.add_party(&format!("P{i}"), Side::Other).unwrap();
        }
        assert_eq!(
            r.add_party("One more", Side::Other),
            Err(EditError::TooManyParties)
        );
        let c = r.add_category("C").unwrap();
        for i in 0..MAX_FUNCTIONS {
            r.add_function(c, &format!("F{i}")).unwrap();
        }
        assert_eq!(
            r.add_function(c, "One more"),
            Err(EditError::TooManyFunctions)
        );
    }

    #[test]
    fn every_error_has_a_message() {
        let errors = [
            EditError::EmptyName,
            EditError::NameTooLong,
            EditError::TextTooLong,
            EditError::DuplicateParty("MSP".into()),
            EditError::DuplicateCategory("Ops".into()),
            EditError::DuplicateFunction {
                name: "x".into(),
                category: "y".into(),
            },
            EditError::TooManyParties,
            EditError::TooManyCategories,
            EditError::TooManyFunctions,
            EditError::UnknownCategory,
            EditError::OverloadOutOfRange,
            EditError::OutOfIds,
        ];
        for e in errors {
            assert!(e.message().ends_with('.'), "{e:?}");
        }
    }

    #[test]
    fn ids_run_out_with_an_error_instead_of_wrapping() {
        let (mut r, ..) = small();
        r.next_id = Id::MAX;
        assert_eq!(r.add_party("Vendor", Side::Other), Err(EditError::OutOfIds));
        assert_eq!(r.add_category("Audit"), Err(EditError::OutOfIds));
        assert_eq!(r.next_id, Id::MAX, "nothing handed out");
        r.next_id = MAX_NEXT_ID - 1;
        let last = r.add_party("Vendor", Side::Other).unwrap();
        assert_eq!(last, MAX_NEXT_ID - 1);
        assert_eq!(r.add_category("Audit"), Err(EditError::OutOfIds));
        assert_eq!(r.check_integrity(), Ok(()));
    }
}
