//! What of a response is done and what is still open: the provider's progress bar, and
//! the list above "Send" that names each open part (a count alone left the provider
//! scrolling through 40 parts to find the two still open).

use super::request::Request;
use super::response::Response;
use crate::domain::pricing::benchmarks::priced;
use crate::domain::pricing::exclusions::CostItem;
use crate::domain::raci::Id;

/// One part of a response not done yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Open {
    /// The quote has no price for its pricing model.
    Price,
    /// A rate card item the provider has not said how the quote covers.
    Cover(CostItem),
    /// A rate card item excluded with a rate, and no rate given.
    Rate(CostItem),
    /// A question with no written answer.
    Question { id: String, name: String },
    /// An answer written for an earlier wording of its question, not changed or
    /// confirmed since the buyer sent the request again.
    Reworded { id: String, name: String },
    /// A RACI function with no position (or "propose a change" with nothing changed).
    Function { id: Id, name: String },
}

/// How much of a response is filled in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    /// Priced, and every rate card item answered.
    pub quoted: bool,
    pub priced: bool,
    /// Rate card items not answered yet, or excluded with no rate given.
    pub covers_open: usize,
    pub answered: usize,
    /// Answers to an earlier wording, not counted as answered.
    pub reworded: usize,
    pub questions: usize,
    pub replied: usize,
    pub functions: usize,
}

impl Progress {
    /// The progress that the parts `open` of a response to `request` leave.
    pub fn of(open: &[Open], request: &Request) -> Progress {
        let count = |is: fn(&Open) -> bool| open.iter().filter(|o| is(o)).count();
        let reworded = count(|o| matches!(o, Open::Reworded { .. }));
        let (questions, functions) = (request.questions.len(), request.raci.functions.len());
        Progress {
            quoted: !open
                .iter()
                .any(|o| matches!(o, Open::Price | Open::Cover(_) | Open::Rate(_))),
            priced: !open.contains(&Open::Price),
            covers_open: count(|o| matches!(o, Open::Cover(_) | Open::Rate(_))),
            answered: questions - reworded - count(|o| matches!(o, Open::Question { .. })),
            reworded,
            questions,
            replied: functions - count(|o| matches!(o, Open::Function { .. })),
            functions,
        }
    }

    /// Parts done out of parts asked: the quote counts as one.
    pub fn done(self) -> (usize, usize) {
        (
            usize::from(self.quoted) + self.answered + self.replied,
            1 + self.questions + self.functions,
        )
    }
}

impl Response {
    /// The parts still open, in the page's order: the quote, the questions, the RACI.
    pub fn open(&self, request: &Request) -> Vec<Open> {
        let mut open = Vec::new();
        if !priced(&self.quote) {
            open.push(Open::Price);
        }
        open.extend(self.covers_open().into_iter().map(Open::Cover));
        open.extend(self.rates_missing().into_iter().map(Open::Rate));
        for q in &request.questions {
            let (id, name) = (q.id.clone(), q.name.clone());
            if self.reworded(q) {
                open.push(Open::Reworded { id, name });
            } else if self.answer(&q.id).is_none_or(|a| a.text.trim().is_empty()) {
                open.push(Open::Question { id, name });
            }
        }
        for f in &request.raci.functions {
            // "Propose a change" with nothing changed yet is not a position.
            let decided = self
                .reply(f.id)
                .is_some_and(|r| r.change.as_ref().is_none_or(|c| !c.same_as(f)));
            if !decided {
                open.push(Open::Function {
                    id: f.id,
                    name: f.name.clone(),
                });
            }
        }
        open
    }

    pub fn progress(&self, request: &Request) -> Progress {
        Progress::of(&self.open(request), request)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::proposal::request::tests::request;
    use crate::domain::proposal::response::tests::response;
    use crate::domain::proposal::Change;

    #[test]
    fn progress_counts_the_quote_answers_and_positions() {
        let req = request();
        let p = response().progress(&req);
        assert!(p.quoted);
        assert_eq!((p.answered, p.replied), (2, 2));
        assert_eq!(
            p.done(),
            (5, 1 + req.questions.len() + req.raci.functions.len())
        );
        assert_eq!(Response::blank(&req).progress(&req).done().0, 0);
        // "Propose a change" with nothing changed yet is not a position.
        let mut r = response();
        let f = &req.raci.functions[1];
        let same = Change {
            roles: f.roles.clone(),
            day_owner: f.day_owner,
            night_owner: f.night_owner,
            reason: "Let us talk about this one.".into(),
        };
        r.set_reply(&req, f.id, Some(same));
        assert_eq!(r.progress(&req).replied, 2);
    }

    #[test]
    fn open_parts_are_named_in_the_pages_order() {
        let req = request();
        let open = response().open(&req);
        // Two questions answered, two functions decided, the quote priced.
        assert_eq!(
            open.len(),
            req.questions.len() - 2 + req.raci.functions.len() - 2
        );
        assert!(!open.contains(&Open::Price));
        assert_eq!(
            open[0],
            Open::Question {
                id: req.questions[2].id.clone(),
                name: req.questions[2].name.clone()
            }
        );
        let blank = Response::blank(&req).open(&req);
        assert_eq!(blank[0], Open::Price);
        assert_eq!(
            blank.len(),
            1 + req.questions.len() + req.raci.functions.len()
        );
    }

    #[test]
    fn the_quote_is_done_once_priced_and_every_rate_card_item_is_answered() {
        let req = request();
        let mut r = response();
        r.covers = Some(Vec::new());
        let p = r.progress(&req);
        assert_eq!((p.quoted, p.priced, p.covers_open), (false, true, 6));
        assert_eq!(r.open(&req)[0], Open::Cover(CostItem::ProjectWork));
        for item in CostItem::ALL {
            r.give_cover(item);
        }
        assert!(r.progress(&req).quoted);
    }

    #[test]
    fn an_answer_to_an_earlier_wording_is_open_until_confirmed() {
        let mut req = request();
        let r = response();
        req.questions[0].question.push_str(" In writing?");
        let q = req.questions[0].clone();
        assert!(r.reworded(&q));
        let p = r.progress(&req);
        assert_eq!((p.answered, p.reworded), (1, 1));
        assert!(r.open(&req).contains(&Open::Reworded {
            id: q.id.clone(),
            name: q.name.clone()
        }));
        // A new rating is no reread; confirming it records the wording it now answers.
        let mut r = r;
        r.answer_mut(&req, &q.id).unwrap().rating = Some(3);
        assert!(r.reworded(&q));
        r.confirm(&req, &q.id);
        assert!(!r.reworded(&q));
        assert_eq!(r.progress(&req).answered, 2);
    }
}
