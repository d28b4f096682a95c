//! The invariants a RACI read from a file or a link must hold before the app uses it:
//! unique ids, references that point somewhere, and sizes within the limits. The editor
//! keeps these by construction; outside data is checked.

use std::collections::BTreeSet;

use super::model::{
    Id, Raci, MAX_CATEGORIES, MAX_FUNCTIONS, MAX_NAME_CHARS, MAX_NEXT_ID, MAX_PARTIES,
    MAX_TEXT_CHARS,
};

impl Raci {
    /// `Err` names the first broken invariant in plain words.
    pub fn check_integrity(&self) -> Result<(), String> {
        if self.parties.len() > MAX_PARTIES
            || self.categories.len() > MAX_CATEGORIES
            || self.functions.len() > MAX_FUNCTIONS
        {
            return Err("the RACI is larger than the app allows".into());
        }
        if self.next_id > MAX_NEXT_ID {
            return Err("the id counter is past its limit".into());
        }
        let mut ids = BTreeSet::new();
        let mut unique = |id: Id, what: &str| {
            if id == 0 || id >= self.next_id || !ids.insert(id) {
                Err(format!("{what} has a missing or repeated id ({id})"))
            } else {
                Ok(())
            }
        };
        for p in &self.parties {
            unique(p.id, "a party")?;
        }
        for c in &self.categories {
            unique(c.id, "a category")?;
        }
        for f in &self.functions {
            unique(f.id, "a function")?;
        }
        let names = self
            .parties
            .iter()
            .map(|p| &p.name)
            .chain(self.categories.iter().map(|c| &c.name))
            .chain(self.functions.iter().map(|f| &f.name));
        for name in names {
            if name.trim().is_empty() || name.chars().count() > MAX_NAME_CHARS {
                return Err("a name is blank or too long".into());
            }
        }
        for f in &self.functions {
            if self.category(f.category).is_none() {
                return Err(format!(
                    "“{}” belongs to a category that does not exist",
                    f.name
                ));
            }
            let owners = [f.day_owner, f.night_owner].into_iter().flatten();
            if f.roles
                .keys()
                .copied()
                .chain(owners)
                .any(|p| self.party(p).is_none())
            {
                return Err(format!("“{}” names a party that does not exist", f.name));
            }
            if [&f.hint, &f.p1, &f.handoff, &f.notes]
                .iter()
                .any(|t| t.chars().count() > MAX_TEXT_CHARS)
            {
                return Err(format!("a text of “{}” is too long", f.name));
            }
        }
        if self.overload_pct == 0 || self.overload_pct > 100 {
            return Err("the overload limit is not a percentage".into());
        }
        self.check_redline()
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::profile::Industry;
    use crate::domain::raci::template;

    #[test]
    fn templates_hold_every_invariant() {
        for industry in Industry::ALL {
            assert_eq!(template::co_managed(industry).check_integrity(), Ok(()));
        }
        assert_eq!(template::blank().check_integrity(), Ok(()));
        assert_eq!(
            crate::domain::raci::Raci::default().check_integrity(),
            Ok(())
        );
    }

    #[test]
    fn broken_references_and_repeated_ids_are_named() {
        let good = template::co_managed(Industry::General);
        let mut dup = good.clone();
        dup.functions[1].id = dup.functions[0].id;
        assert!(dup.check_integrity().unwrap_err().contains("repeated id"));
        let mut orphan = good.clone();
        orphan.functions[0].category = 999;
        assert!(orphan
            .check_integrity()
            .unwrap_err()
            .contains("category that does not exist"));
        let mut ghost = good.clone();
        ghost.functions[0].night_owner = Some(998);
        assert!(ghost
            .check_integrity()
            .unwrap_err()
            .contains("party that does not exist"));
        let mut blank = good;
        blank.parties[0].name = " ".into();
        assert!(blank.check_integrity().is_err());
    }

    #[test]
    fn a_counter_that_would_wrap_is_refused() {
        let mut raci = template::co_managed(Industry::General);
        raci.next_id = crate::domain::raci::Id::MAX;
        assert!(raci.check_integrity().unwrap_err().contains("id counter"));
    }
}
