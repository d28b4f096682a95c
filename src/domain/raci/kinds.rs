//! A function's kinds (its marks): set by hand, or suggested by its name through the
//! vocabulary. A suggestion follows the name until the buyer decides; a mark the buyer
//! ticked or unticked is theirs and the name never changes it again.

use super::model::{Function, Id, Mark, Marks, Raci};
use super::vocabulary;

impl Function {
    /// Brings the suggested marks in line with the name: marks the name implies are added
    /// (as suggestions), suggestions the name no longer implies are removed, and marks
    /// the buyer decided, or that came with the template, stay. Returns the marks added.
    pub fn follow_name(&mut self) -> Marks {
        let want = vocabulary::infer(&self.name).marks;
        let mut added = Marks::default();
        for mark in Mark::ALL.into_iter().filter(|m| !self.by_hand.get(*m)) {
            let on = want.get(mark);
            if self.inferred.get(mark) && !on {
                self.marks.set(mark, false);
                self.inferred.set(mark, false);
            } else if on && !self.marks.get(mark) {
                self.marks.set(mark, true);
                self.inferred.set(mark, true);
                added.set(mark, true);
            }
        }
        added
    }

    /// Per mark (in `Mark::ALL` order), the words of the name behind it when it is a
    /// suggestion, for "because the name says …". The name is read once for all five.
    pub fn suggestions(&self) -> [Option<String>; 5] {
        let inferred = vocabulary::infer(&self.name);
        Mark::ALL.map(|m| {
            (self.inferred.get(m) && self.marks.get(m))
                .then(|| inferred.reason(m).map(str::to_owned))
                .flatten()
        })
    }

    /// What the name suggested, in a sentence: "Marked as 24/7 (“24/7”) and incident
    /// type (“security alert triage”) from its name."; `None` when it suggested nothing.
    pub fn suggestion_note(&self) -> Option<String> {
        let parts: Vec<String> = Mark::ALL
            .into_iter()
            .zip(self.suggestions())
            .filter_map(|(m, why)| Some(format!("{} (“{}”)", m.kind(), why?)))
            .collect();
        (!parts.is_empty()).then(|| {
            format!(
                "Marked as {} from its name.",
                crate::domain::text::and_list(&parts)
            )
        })
    }

    /// A function stored before the app suggested kinds: added by the buyer (no template
    /// key) with no mark, none ever decided.
    pub(crate) fn never_suggested(&self) -> bool {
        self.key.is_none()
            && self.marks.is_empty()
            && self.inferred.is_empty()
            && self.by_hand.is_empty()
    }
}

impl Raci {
    /// The buyer ticks or unticks a mark. Returns whether anything changed (confirming a
    /// suggestion by ticking it again counts: it stops following the name).
    pub fn set_mark(&mut self, function: Id, mark: Mark, on: bool) -> bool {
        let Some(f) = self.function_mut(function) else {
            return false;
        };
        let before = (f.marks, f.inferred, f.by_hand);
        f.marks.set(mark, on);
        f.inferred.set(mark, false);
        f.by_hand.set(mark, true);
        (f.marks, f.inferred, f.by_hand) != before
    }

    /// The one pass over functions stored before suggestions existed: each gets the marks
    /// its name implies. Template functions, and any function the buyer has marked, are
    /// left as they are. Returns the functions that got a mark.
    pub fn suggest_kinds(&mut self) -> Vec<Id> {
        let mut marked = Vec::new();
        for f in self.functions.iter_mut().filter(|f| f.never_suggested()) {
            if !f.follow_name().is_empty() {
                marked.push(f.id);
            }
        }
        marked
    }

    /// Takes back the suggestions on these functions, as the buyer's own choice, so they
    /// are not suggested again.
    pub fn decline_suggestions(&mut self, functions: &[Id]) -> bool {
        let mut changed = false;
        for f in self
            .functions
            .iter_mut()
            .filter(|f| functions.contains(&f.id))
        {
            for mark in f.inferred.iter() {
                f.marks.set(mark, false);
                f.by_hand.set(mark, true);
                changed = true;
            }
            f.inferred = Marks::default();
        }
        changed
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::profile::Industry;
    use crate::domain::raci::template::co_managed;

    fn matrix() -> (Raci, Id) {
        let mut r = Raci::default();
        let c = r.add_category("Security").unwrap();
        (r, c)
    }

    #[test]
    fn a_new_function_gets_the_kinds_its_name_says_as_suggestions() {
        let (mut r, c) = matrix();
        let f = r.add_function(c, "24/7 security alert triage").unwrap();
        let func = r.function(f).unwrap();
        assert!(func.marks.around_clock && func.marks.incident);
        assert_eq!(func.inferred, func.marks);
        assert_eq!(
            func.suggestions()[Mark::Incident as usize].as_deref(),
            Some("security alert triage")
        );
        assert_eq!(func.suggestions()[Mark::Compliance as usize], None);
        assert_eq!(
            func.suggestion_note().as_deref(),
            Some("Marked as 24/7 (“24/7”) and incident type (“security alert triage”) from its name.")
        );
        let plain = r.add_function(c, "Printer support").unwrap();
        assert_eq!(r.function(plain).unwrap().suggestion_note(), None);
    }

    #[test]
    fn suggestions_follow_a_rename_but_decided_marks_stay() {
        let (mut r, c) = matrix();
        let f = r.add_function(c, "HIPAA control ownership").unwrap();
        assert!(r.set_mark(f, Mark::Tools, true), "ticked by hand");
        r.rename_function(f, "Overnight monitoring").unwrap();
        let func = r.function(f).unwrap();
        assert!(
            !func.marks.compliance,
            "the suggestion went with the old name"
        );
        assert!(func.marks.around_clock, "the new name suggests 24/7");
        assert!(func.marks.tools, "the buyer's own mark stays");

        assert!(r.set_mark(f, Mark::AroundClock, false), "unticked by hand");
        r.rename_function(f, "Overnight monitoring and alerting")
            .unwrap();
        assert!(
            !r.function(f).unwrap().marks.around_clock,
            "never suggested again once the buyer cleared it"
        );
    }

    #[test]
    fn ticking_a_suggestion_keeps_it_whatever_the_name() {
        let (mut r, c) = matrix();
        let f = r.add_function(c, "PCI scope").unwrap();
        assert!(
            r.set_mark(f, Mark::Compliance, true),
            "confirming is a change"
        );
        assert!(
            !r.set_mark(f, Mark::Compliance, true),
            "confirming twice is not"
        );
        r.rename_function(f, "Card data scope").unwrap();
        assert!(r.function(f).unwrap().marks.compliance);
    }

    #[test]
    fn the_stored_pass_marks_only_unmarked_functions_the_buyer_added() {
        let mut r = co_managed(Industry::General);
        let c = r.categories[0].id;
        let plain = r.add_function(c, "SOC2 evidence").unwrap();
        let decided = r.add_function(c, "GDPR requests").unwrap();
        r.set_mark(decided, Mark::Compliance, false);
        // As stored by an older version: no marks, no suggestions.
        let f = r.function_mut(plain).unwrap();
        (f.marks, f.inferred) = (Marks::default(), Marks::default());
        let template = r.clone();

        let marked = r.suggest_kinds();
        assert_eq!(marked, [plain]);
        assert!(r.function(plain).unwrap().marks.compliance);
        assert!(!r.function(decided).unwrap().marks.compliance);
        for (a, b) in r.functions.iter().zip(&template.functions) {
            if a.id != plain {
                assert_eq!(a, b, "template and decided functions are untouched");
            }
        }
        assert!(
            r.suggest_kinds().is_empty(),
            "a second pass finds nothing new"
        );
    }

    #[test]
    fn declining_suggestions_clears_them_for_good() {
        let (mut r, c) = matrix();
        let f = r.add_function(c, "Ransomware response").unwrap();
        assert!(r.decline_suggestions(&[f]));
        let func = r.function(f).unwrap();
        assert!(func.marks.is_empty() && func.inferred.is_empty());
        r.rename_function(f, "Ransomware response at night")
            .unwrap();
        assert!(r.function(f).unwrap().marks.is_empty());
        assert!(r.suggest_kinds().is_empty());
    }
}
