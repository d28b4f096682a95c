//! A provider's counter-proposals to the RACI, kept beside the matrix until the buyer
//! accepts or rejects each one. They live in the `Raci` itself, so accepting and
//! rejecting are RACI edits that the RACI's undo history takes back like any other.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::model::{Function, Id, Raci, MAX_TEXT_CHARS};
use super::{Letter, Letters};
use crate::domain::order;
use crate::domain::share::crc::crc32;

/// At most this many counter-proposals wait at once (20 providers × a full matrix is
/// far more than any buyer reviews; this bounds a hostile file).
pub const MAX_COUNTERS: usize = 2000;

/// One provider's proposed roles and owners for one function, and its reason.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Counter {
    /// The provider's id in the workspace.
    pub provider: String,
    pub function: Id,
    pub roles: BTreeMap<Id, Letters>,
    #[serde(rename = "day", skip_serializing_if = "Option::is_none")]
    pub day_owner: Option<Id>,
    #[serde(rename = "night", skip_serializing_if = "Option::is_none")]
    pub night_owner: Option<Id>,
    pub reason: String,
    /// `Function::position_sum` of the row the provider proposed against, so a row
    /// changed since (by the buyer, or by accepting another provider's change on it)
    /// shows (`on_earlier`). `None` in responses made before providers' pages kept it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub asked: Option<u32>,
    /// Counters stored before `asked` was kept: whether the row had changed by the time
    /// the response came in.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub on_earlier_row: bool,
}

impl Counter {
    /// Whether this was proposed against the row as it was before it became `now`:
    /// accepting it may also undo that change.
    pub fn on_earlier(&self, now: &Function) -> bool {
        match self.asked {
            Some(sum) => sum != now.position_sum(),
            None => self.on_earlier_row,
        }
    }
}

impl Function {
    /// A checksum of the row's letters and owners: what a provider's position on it was
    /// taken against, so a row changed since is not counted as accepted.
    pub fn position_sum(&self) -> u32 {
        // Spelled out field by field: the sum is stored in responses, so it must not
        // follow any formatting that could change.
        let roles = self.roles.iter().filter(|(_, l)| !l.is_empty());
        let mut text: String = roles.map(|(p, l)| format!("{p}={};", l.label())).collect();
        let owner = |o: Option<Id>| o.map_or_else(|| "-".to_owned(), |id| id.to_string());
        text.push_str(&format!(
            "{}|{}",
            owner(self.day_owner),
            owner(self.night_owner)
        ));
        crc32(text.as_bytes())
    }

    /// This row with other letters and owners, as a provider proposes it (a party with
    /// no letters has no role): what accepting leaves, and what the checks look at first.
    pub fn with_roles(
        &self,
        roles: &BTreeMap<Id, Letters>,
        day_owner: Option<Id>,
        night_owner: Option<Id>,
    ) -> Function {
        Function {
            roles: order::map(
                roles
                    .iter()
                    .filter(|(_, l)| !l.is_empty())
                    .map(|(p, l)| (*p, *l)),
            ),
            day_owner,
            night_owner,
            ..self.clone()
        }
    }
}

impl Raci {
    /// A row in words, for a provider reading the proposal and a buyer comparing it with
    /// a counter: "Internal IT: A; MSP: R. Business hours: MSP. After hours: MSP."
    pub fn describe(
        &self,
        roles: &BTreeMap<Id, Letters>,
        day_owner: Option<Id>,
        night_owner: Option<Id>,
    ) -> String {
        let held: Vec<String> = self
            .parties
            .iter()
            .filter_map(|p| {
                let letters = roles.get(&p.id).copied().unwrap_or_default();
                (!letters.is_empty()).then(|| format!("{}: {}", p.name, letters.label()))
            })
            .collect();
        let roles = if held.is_empty() {
            "No roles".to_owned()
        } else {
            held.join("; ")
        };
        format!(
            "{roles}. Business hours: {}. After hours: {}.",
            self.owner_name(day_owner),
            self.owner_name(night_owner)
        )
    }

    /// What a counter changes on its function, one part a line, "MSP: I → R" and
    /// "After hours: nobody named → MSP": comparing two whole rows in words is slow work
    /// for a buyer with 36 of them. Empty when the function is gone or nothing differs.
    pub fn changes(&self, counter: &Counter) -> Vec<String> {
        let Some(f) = self.function(counter.function) else {
            return Vec::new();
        };
        let letters = |roles: &BTreeMap<Id, Letters>, id: Id| {
            let l = roles.get(&id).copied().unwrap_or_default();
            if l.is_empty() {
                "none".to_owned()
            } else {
                l.label()
            }
        };
        let mut out: Vec<String> = self
            .parties
            .iter()
            .filter(|p| {
                f.roles.get(&p.id).copied().unwrap_or_default()
                    != counter.roles.get(&p.id).copied().unwrap_or_default()
            })
            .map(|p| {
                let (from, to) = (letters(&f.roles, p.id), letters(&counter.roles, p.id));
                format!("{}: {from} → {to}", p.name)
            })
            .collect();
        for (label, from, to) in [
            ("Business hours", f.day_owner, counter.day_owner),
            ("After hours", f.night_owner, counter.night_owner),
        ] {
            if from != to {
                out.push(format!(
                    "{label}: {} → {}",
                    self.owner_name(from),
                    self.owner_name(to)
                ));
            }
        }
        // What the checks would say once it is accepted, said before: a change that
        // leaves nobody accountable reads like any other letter changed.
        let accountable = |roles: &BTreeMap<Id, Letters>| {
            roles
                .values()
                .filter(|l| l.has(Letter::Accountable))
                .count()
        };
        match (accountable(&f.roles), accountable(&counter.roles)) {
            (1, 0) => out.push("Nobody is accountable (A) after this change.".to_owned()),
            (1, n) if n > 1 => out.push(format!(
                "{n} parties are accountable (A) after this change, where a function needs one."
            )),
            _ => {}
        }
        out
    }

    /// An owner in words: the party's name, or "nobody named".
    fn owner_name(&self, owner: Option<Id>) -> &str {
        owner
            .and_then(|id| self.party(id))
            .map_or("nobody named", |p| p.name.as_str())
    }

    /// The counter-proposals on a function, in the order they arrived.
    pub fn counters(&self, function: Id) -> impl Iterator<Item = &Counter> + '_ {
        self.redline.iter().filter(move |c| c.function == function)
    }

    /// Replaces everything `provider` proposed with `counters` (a newer response
    /// supersedes the older one). Counters on unknown functions or parties are skipped.
    pub fn set_counters(&mut self, provider: &str, counters: Vec<Counter>) -> usize {
        self.redline.retain(|c| c.provider != provider);
        let before = self.redline.len();
        for c in counters {
            if self.redline.len() < MAX_COUNTERS && self.counter_fits(&c) {
                self.redline.push(Counter {
                    provider: provider.to_owned(),
                    ..c
                });
            }
        }
        self.redline.len() - before
    }

    fn counter_fits(&self, c: &Counter) -> bool {
        let parties = c
            .roles
            .keys()
            .copied()
            .chain(c.day_owner)
            .chain(c.night_owner);
        self.function(c.function).is_some()
            && parties.into_iter().all(|p| self.party(p).is_some())
            && c.reason.chars().count() <= MAX_TEXT_CHARS
    }

    /// Makes a provider's proposal the matrix's row: its letters and owners replace
    /// the function's. Returns whether there was such a proposal.
    pub fn accept_counter(&mut self, provider: &str, function: Id) -> bool {
        let Some(at) = self
            .redline
            .iter()
            .position(|c| c.provider == provider && c.function == function)
        else {
            return false;
        };
        let c = self.redline.remove(at);
        if let Some(f) = self.functions.iter_mut().find(|f| f.id == function) {
            *f = f.with_roles(&c.roles, c.day_owner, c.night_owner);
        }
        // Another provider's proposal for the same row was against the old row; it stays
        // for the buyer to weigh against the new one, marked as such (`on_earlier`).
        true
    }

    /// Drops a provider's proposal, keeping the row as it is.
    pub fn reject_counter(&mut self, provider: &str, function: Id) -> bool {
        let before = self.redline.len();
        self.redline
            .retain(|c| !(c.provider == provider && c.function == function));
        self.redline.len() != before
    }

    /// Drops what a provider proposed (the provider left the workspace).
    pub fn forget_counters(&mut self, provider: &str) {
        self.redline.retain(|c| c.provider != provider);
    }

    /// Drops counters on a function or party that no longer exists.
    pub(super) fn prune_counters(&mut self) {
        let keep: Vec<bool> = self.redline.iter().map(|c| self.counter_fits(c)).collect();
        let mut keep = keep.into_iter();
        self.redline.retain(|_| keep.next().unwrap_or(false));
    }

    /// The invariants of the redline, for `check_integrity`.
    pub(super) fn check_redline(&self) -> Result<(), String> {
        if self.redline.len() > MAX_COUNTERS {
            return Err("it holds more counter-proposals than the app allows".into());
        }
        for (i, c) in self.redline.iter().enumerate() {
            if !self.counter_fits(c) {
                return Err(
                    "a counter-proposal names a function or party that does not exist".into(),
                );
            }
            if self.redline[..i]
                .iter()
                .any(|o| o.provider == c.provider && o.function == c.function)
            {
                return Err("a provider has two counter-proposals on one function".into());
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::profile::Industry;
    use crate::domain::raci::{template, Letter};

    fn counter(raci: &Raci, function: Id) -> Counter {
        let msp = raci.parties.iter().find(|p| p.name == "MSP").unwrap().id;
        let mut roles = raci.function(function).unwrap().roles.clone();
        roles.insert(
            msp,
            Letters::of(&[Letter::Accountable, Letter::Responsible]),
        );
        Counter {
            provider: String::new(),
            function,
            roles,
            day_owner: Some(msp),
            night_owner: Some(msp),
            reason: "We run it end to end.".into(),
            asked: Some(raci.function(function).unwrap().position_sum()),
            on_earlier_row: false,
        }
    }

    #[test]
    fn accepting_makes_it_the_row_and_rejecting_keeps_the_row() {
        let mut raci = template::co_managed(Industry::General);
        let (f1, f2) = (raci.functions[0].id, raci.functions[1].id);
        let (c1, c2) = (counter(&raci, f1), counter(&raci, f2));
        assert_eq!(raci.set_counters("p1", vec![c1.clone(), c2]), 2);
        raci.check_integrity().unwrap();
        let row2 = raci.function(f2).unwrap().clone();
        assert!(raci.accept_counter("p1", f1));
        assert_eq!(raci.function(f1).unwrap().roles, c1.roles);
        assert_eq!(raci.function(f1).unwrap().day_owner, c1.day_owner);
        assert!(raci.reject_counter("p1", f2));
        assert_eq!(raci.function(f2).unwrap(), &row2);
        assert!(raci.redline.is_empty());
        assert!(!raci.accept_counter("p1", f1));
    }

    #[test]
    fn a_row_with_other_roles_keeps_the_rest_and_drops_empty_letters() {
        let raci = template::co_managed(Industry::General);
        let f = &raci.functions[0];
        let mut c = counter(&raci, f.id);
        let some = *f.roles.keys().next().unwrap();
        c.roles.insert(some, Letters::NONE);
        let changed = f.with_roles(&c.roles, c.day_owner, None);
        assert!(!changed.roles.contains_key(&some));
        assert_eq!(changed.roles.len(), c.roles.len() - 1);
        assert_eq!(
            (changed.day_owner, changed.night_owner),
            (c.day_owner, None)
        );
        assert_eq!(
            (&changed.name, changed.marks, changed.id),
            (&f.name, f.marks, f.id)
        );
    }

    #[test]
    fn a_rows_position_sum_follows_its_letters_and_owners_only() {
        let raci = template::co_managed(Industry::General);
        let f = &raci.functions[0];
        let sum = f.position_sum();
        // Stored in responses: the same row must always give the same sum.
        assert_eq!(sum, crc32(b"1=A/R;2=I;1|-"));
        let mut renamed = f.clone();
        renamed.name = "Another name".into();
        renamed.roles.insert(9_999, Letters::NONE);
        assert_eq!(renamed.position_sum(), sum);
        let other = f.with_roles(&f.roles, f.day_owner, f.day_owner.or(Some(1)));
        assert_ne!(other.position_sum(), sum);
        let mut roles = f.roles.clone();
        roles.insert(
            *roles.keys().next().unwrap(),
            Letters::of(&[Letter::Informed]),
        );
        assert_ne!(
            f.with_roles(&roles, f.day_owner, f.night_owner)
                .position_sum(),
            sum
        );
    }

    #[test]
    fn a_counter_lists_only_what_it_changes() {
        let raci = template::co_managed(Industry::General);
        let f = &raci.functions[0];
        let c = counter(&raci, f.id);
        let msp = raci.parties.iter().find(|p| p.name == "MSP").unwrap().id;
        let changes = raci.changes(&c);
        let had = f.roles.get(&msp).map_or("none".to_owned(), |l| l.label());
        assert!(
            changes.contains(&format!("MSP: {had} → A/R")),
            "{changes:?}"
        );
        // Parties the counter leaves as they are are not listed.
        assert!(
            changes.iter().all(|l| !l.starts_with("Internal IT")),
            "{changes:?}"
        );
        let same = Counter {
            roles: f.roles.clone(),
            day_owner: f.day_owner,
            night_owner: f.night_owner,
            ..c.clone()
        };
        assert!(raci.changes(&same).is_empty());
        // A change that leaves the function with no one, or two, accountable says so.
        let holder = |c: &Counter| {
            *c.roles
                .iter()
                .find(|(_, l)| l.has(Letter::Accountable))
                .unwrap()
                .0
        };
        let a = holder(&same);
        let mut none = same.clone();
        none.roles.insert(a, Letters::of(&[Letter::Responsible]));
        let said = raci.changes(&none);
        assert_eq!(
            said.last().map(String::as_str),
            Some("Nobody is accountable (A) after this change."),
            "{said:?}"
        );
        // The template's first row: Internal IT A/R, so the MSP's A/R makes two.
        assert_ne!(a, msp);
        assert!(
            changes[changes.len() - 1].starts_with("2 parties are accountable (A)"),
            "{changes:?}"
        );
        // The help desk in business hours has nobody named after hours.
        assert_eq!(f.night_owner, None);
        let nights = Counter {
            night_owner: Some(msp),
            ..same
        };
        assert_eq!(
            raci.changes(&nights),
            vec!["After hours: nobody named → MSP".to_owned()]
        );
    }

    #[test]
    fn a_second_providers_change_on_a_row_reads_as_earlier_once_the_first_is_accepted() {
        let mut raci = template::co_managed(Industry::General);
        let f = raci.functions[0].id;
        let mut theirs = counter(&raci, f);
        theirs.day_owner = None;
        raci.set_counters("p1", vec![counter(&raci, f)]);
        raci.set_counters("p2", vec![theirs]);
        let earlier = |raci: &Raci| {
            let row = raci.function(f).unwrap();
            raci.counters(f)
                .map(|c| c.on_earlier(row))
                .collect::<Vec<_>>()
        };
        assert_eq!(earlier(&raci), [false, false]);
        let before = raci.clone();
        assert!(raci.accept_counter("p1", f));
        assert_eq!(earlier(&raci), [true]);
        // Put back as it was, the row is what the provider saw again.
        raci.function_mut(f)
            .unwrap()
            .clone_from(before.function(f).unwrap());
        assert_eq!(earlier(&raci), [false]);
        // Stored before `asked` was kept: the mark made on arrival.
        let old = Counter {
            asked: None,
            on_earlier_row: true,
            ..counter(&raci, f)
        };
        assert!(old.on_earlier(raci.function(f).unwrap()));
    }

    #[test]
    fn a_row_reads_as_words() {
        let raci = template::co_managed(Industry::General);
        let f = &raci.functions[0];
        let text = raci.describe(&f.roles, f.day_owner, f.night_owner);
        assert!(text.contains("Business hours: "), "{text}");
        assert_eq!(
            raci.describe(&BTreeMap::new(), None, None),
            "No roles. Business hours: nobody named. After hours: nobody named."
        );
    }

    #[test]
    fn a_newer_response_replaces_the_providers_counters_only() {
        let mut raci = template::co_managed(Industry::General);
        let f1 = raci.functions[0].id;
        raci.set_counters("p1", vec![counter(&raci, f1)]);
        raci.set_counters("p2", vec![counter(&raci, f1)]);
        raci.set_counters("p1", Vec::new());
        assert_eq!(
            raci.counters(f1)
                .map(|c| c.provider.as_str())
                .collect::<Vec<_>>(),
            ["p2"]
        );
    }

    #[test]
    fn counters_on_missing_rows_are_skipped_and_pruned() {
        let mut raci = template::co_managed(Industry::General);
        let f1 = raci.functions[0].id;
        let mut bad = counter(&raci, f1);
        bad.function = 99_999;
        assert_eq!(raci.set_counters("p1", vec![bad, counter(&raci, f1)]), 1);
        raci.remove_function(f1);
        assert!(raci.redline.is_empty());
        raci.check_integrity().unwrap();
    }
}
