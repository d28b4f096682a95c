//! Undo and redo as snapshots of the document. Typing into one field makes one step,
//! not one per key.

use std::collections::VecDeque;

/// Past and undone states of a document.
#[derive(Clone, Debug)]
pub struct History<T> {
    /// Each past state with when its step was taken, on the caller's clock.
    undo: VecDeque<(T, u64)>,
    redo: Vec<T>,
    /// The tag of the last recorded change; a change with the same tag joins it.
    run: Option<String>,
    /// The redo steps the open run cleared: back if the run is dropped, so typing that
    /// ends where it began (a refused entry) does not take Redo away.
    shelved: Vec<T>,
    limit: usize,
}

impl<T> History<T> {
    /// Keeps at most `limit` steps (at least one).
    pub fn new(limit: usize) -> History<T> {
        History {
            undo: VecDeque::new(),
            redo: Vec::new(),
            run: None,
            shelved: Vec::new(),
            limit: limit.max(1),
        }
    }

    /// Records the state before a change. Changes with the same `tag` in a row (typing in
    /// one field) join into one step; `None` always starts a new step. `before` is only
    /// called when a new step starts; `at` is when, on the caller's clock (a step is as
    /// new as its last change).
    pub fn record(&mut self, tag: Option<&str>, at: u64, before: impl FnOnce() -> T) {
        if self.would_join(tag) {
            if let Some(step) = self.undo.back_mut() {
                step.1 = at;
            }
            return;
        }
        let cleared = std::mem::take(&mut self.redo);
        self.shelved = if tag.is_some() { cleared } else { Vec::new() };
        self.run = tag.map(str::to_owned);
        self.undo.push_back((before(), at));
        while self.undo.len() > self.limit {
            self.undo.pop_front();
        }
    }

    /// Whether a change with this tag would join the last step instead of starting one.
    pub fn would_join(&self, tag: Option<&str>) -> bool {
        tag.is_some() && tag == self.run.as_deref() && !self.undo.is_empty()
    }

    /// Drops the open run's step when typing has brought the document back to where the
    /// run began (a refused entry puts the field's value back): undo would change nothing.
    pub fn drop_if_back(&mut self, current: &T)
    where
        T: PartialEq,
    {
        if self.run.is_some() && self.undo.back().is_some_and(|(s, _)| s == current) {
            self.undo.pop_back();
            self.run = None;
            self.redo = std::mem::take(&mut self.shelved);
        }
    }

    /// Ends a run of joined changes, so the next change is a step of its own.
    pub fn seal(&mut self) {
        self.run = None;
        self.shelved.clear();
    }

    /// Takes the current state and returns the one before it.
    pub fn undo(&mut self, current: T) -> Result<T, T> {
        match self.undo.pop_back() {
            Some((previous, _)) => {
                self.redo.push(current);
                self.seal();
                Ok(previous)
            }
            None => Err(current),
        }
    }

    /// Takes the current state and returns the one undone last; `at` is when.
    pub fn redo(&mut self, current: T, at: u64) -> Result<T, T> {
        match self.redo.pop() {
            Some(next) => {
                self.undo.push_back((current, at));
                self.seal();
                Ok(next)
            }
            None => Err(current),
        }
    }

    /// When the step undo would take back was taken (0 when there is none).
    pub fn newest_at(&self) -> u64 {
        self.undo.back().map_or(0, |(_, at)| *at)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
        self.seal();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Applies a change to `doc`, recording it like the editor does.
    fn change(h: &mut History<String>, doc: &mut String, tag: Option<&str>, to: &str) {
        let before = doc.clone();
        h.record(tag, 0, || before);
        *doc = to.to_owned();
    }

    #[test]
    fn undo_and_redo_walk_back_and_forth() {
        let mut h = History::new(10);
        let mut doc = "a".to_owned();
        change(&mut h, &mut doc, None, "b");
        change(&mut h, &mut doc, None, "c");
        doc = h.undo(doc).unwrap();
        assert_eq!(doc, "b");
        doc = h.undo(doc).unwrap();
        assert_eq!(doc, "a");
        doc = h.undo(doc).unwrap_err();
        assert_eq!(doc, "a", "nothing left to undo");
        doc = h.redo(doc, 0).unwrap();
        doc = h.redo(doc, 0).unwrap();
        assert_eq!(doc, "c");
        assert!(!h.can_redo() && h.can_undo());
    }

    #[test]
    fn each_step_keeps_when_it_was_taken() {
        let mut h = History::new(10);
        assert_eq!(h.newest_at(), 0, "no step yet");
        h.record(None, 5, || "a".to_owned());
        h.record(Some("name"), 9, || "b".to_owned());
        h.record(Some("name"), 11, || unreachable!("joins the run"));
        assert_eq!(h.newest_at(), 11, "a step is as new as its last change");
        let doc = h.undo("c".to_owned()).unwrap();
        assert_eq!(h.newest_at(), 5);
        h.redo(doc, 12).unwrap();
        assert_eq!(h.newest_at(), 12, "a step redone is taken again");
    }

    #[test]
    fn a_new_change_clears_redo() {
        let mut h = History::new(10);
        let mut doc = "a".to_owned();
        change(&mut h, &mut doc, None, "b");
        doc = h.undo(doc).unwrap();
        change(&mut h, &mut doc, None, "x");
        assert!(!h.can_redo());
        assert_eq!(h.undo(doc).unwrap(), "a");
    }

    #[test]
    fn typing_back_to_where_the_run_began_leaves_no_step() {
        let mut h = History::new(10);
        let mut doc = "0".to_owned();
        change(&mut h, &mut doc, None, "1");
        change(&mut h, &mut doc, Some("escalator"), "2");
        h.drop_if_back(&doc);
        assert!(
            h.would_join(Some("escalator")),
            "the run goes on while it differs"
        );
        change(&mut h, &mut doc, Some("escalator"), "1");
        h.drop_if_back(&doc);
        assert!(!h.would_join(Some("escalator")), "the run's step is gone");
        assert_eq!(
            h.undo(doc).unwrap(),
            "0",
            "undo takes back the step before the run"
        );
        assert!(!h.can_undo());
    }

    #[test]
    fn typing_that_ends_where_it_began_keeps_redo() {
        let mut h = History::new(10);
        let mut doc = "0".to_owned();
        change(&mut h, &mut doc, None, "1");
        doc = h.undo(doc).unwrap();
        change(&mut h, &mut doc, Some("escalator"), "2");
        assert!(!h.can_redo(), "a change clears redo while it stands");
        change(&mut h, &mut doc, Some("escalator"), "0");
        h.drop_if_back(&doc);
        assert_eq!(
            h.redo(doc, 0).unwrap(),
            "1",
            "redo is back with the run gone"
        );
    }

    #[test]
    fn redo_cleared_by_a_kept_run_stays_cleared() {
        let mut h = History::new(10);
        let mut doc = "0".to_owned();
        change(&mut h, &mut doc, None, "1");
        doc = h.undo(doc).unwrap();
        change(&mut h, &mut doc, Some("escalator"), "2");
        h.seal();
        change(&mut h, &mut doc, Some("escalator"), "0");
        h.drop_if_back(&doc);
        assert!(!h.can_redo(), "the sealed run was a step of the buyer's");
        assert_eq!(h.undo(doc).unwrap(), "2");
    }

    #[test]
    fn a_step_of_its_own_is_never_dropped() {
        let mut h = History::new(10);
        let mut doc = "a".to_owned();
        change(&mut h, &mut doc, None, "b");
        change(&mut h, &mut doc, None, "a");
        h.drop_if_back(&doc);
        assert_eq!(h.undo(doc).unwrap(), "b");
    }

    #[test]
    fn typing_in_one_field_is_one_step_until_sealed() {
        let mut h = History::new(10);
        let mut doc = String::new();
        assert!(!h.would_join(Some("p1:4")));
        for text in ["M", "MS", "MSP"] {
            change(&mut h, &mut doc, Some("p1:4"), text);
        }
        assert!(h.would_join(Some("p1:4")) && !h.would_join(None));
        change(&mut h, &mut doc, Some("notes:4"), "MSP!");
        h.seal();
        change(&mut h, &mut doc, Some("notes:4"), "MSP!!");
        doc = h.undo(doc).unwrap();
        assert_eq!(doc, "MSP!");
        doc = h.undo(doc).unwrap();
        assert_eq!(doc, "MSP");
        doc = h.undo(doc).unwrap();
        assert_eq!(doc, "", "the three keystrokes undo together");
    }

    #[test]
    fn the_oldest_steps_are_dropped_past_the_limit() {
        let mut h = History::new(2);
        let mut doc = "0".to_owned();
        for n in ["1", "2", "3"] {
            change(&mut h, &mut doc, None, n);
        }
        doc = h.undo(doc).unwrap();
        doc = h.undo(doc).unwrap();
        assert_eq!(doc, "1");
        assert!(!h.can_undo());
        h.clear();
        assert!(!h.can_redo());
    }
}
