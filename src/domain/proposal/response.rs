//! A provider's response to a request: the quote, an answer per question and a position
//! on each RACI function. Starts blank from the request (`Response::blank`) and is
//! filled in the provider's browser.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::request::{Question, Request, MAX_CONTACT_CHARS};
use super::valid_id;
use crate::domain::pricing::exclusions::{CostItem, Cover};
use crate::domain::pricing::models::ModelKind;
use crate::domain::pricing::quote::Quote;
use crate::domain::pricing::Pricing;
use crate::domain::provider::MAX_PROVIDER_NAME_CHARS;
use crate::domain::raci::{Function, Id, Letters};
use crate::domain::scorecard::model::MAX_CRITERIA;

/// An answer's text; 300 characters is a full paragraph, this leaves room for detail.
pub const MAX_ANSWER_CHARS: usize = 2000;
pub const MAX_EVIDENCE_CHARS: usize = 500;
pub const MAX_REASON_CHARS: usize = 1000;

/// Said under an answer once it nears its limit: the field stops taking text there, and
/// a pasted answer was cut without a word (a prepared RFP answer is often longer).
pub fn answer_length_note(used: usize) -> Option<String> {
    let n = |n: usize| match n {
        1000.. => format!("{},{:03}", n / 1000, n % 1000),
        _ => n.to_string(),
    };
    let max = n(MAX_ANSWER_CHARS);
    match used {
        0..1500 => None,
        _ if used < MAX_ANSWER_CHARS => Some(format!("{} of {max} characters.", n(used))),
        _ => Some(format!(
            "{max} of {max} characters: the answer is full, and text typed or pasted past \
             this is not kept. For more, put it in a document and give its link below."
        )),
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Response {
    /// The id of the request it answers.
    pub request: String,
    /// `Request::sum` of the version answered, so an answer to an edited request shows.
    pub request_sum: u32,
    /// The provider's name as the request gave it.
    pub provider: String,
    /// Who answered, for the buyer's questions.
    #[serde(default)]
    pub contact: String,
    /// Milliseconds since the Unix epoch; 0 until the response is first sent.
    #[serde(default)]
    pub made_ms: i64,
    /// The quote; its `provider` is empty until the buyer's workspace names it.
    pub quote: Quote,
    #[serde(default)]
    pub answers: Vec<Answer>,
    #[serde(default)]
    pub raci: Vec<RaciReply>,
    /// The rate card's items the provider chose a cover for. A blank quote reads
    /// "excluded, no rate" for each, which the provider has not said until it chooses.
    /// `None` where nobody kept count (a response made before this was asked).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub covers: Option<Vec<CostItem>>,
}

/// The provider's answer to one question.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Answer {
    /// The criterion id of the question.
    pub question: String,
    /// `Question::sum` of the wording answered.
    pub asked: u32,
    pub text: String,
    /// The provider's own rating, 1 to 5. A claim beside the buyer's score, never a score.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rating: Option<u8>,
    /// A link to a document, a certificate or a sample that backs the answer.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub evidence: String,
}

impl Answer {
    /// Whether this written answer answers a wording other than the one with `sum`.
    pub fn for_earlier_wording(&self, sum: u32) -> bool {
        !self.text.trim().is_empty() && self.asked != sum
    }
}

/// The rows a request sent again changed under the provider's positions, by name
/// (`Response::settle_changed_rows`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ChangedRows {
    /// Accepted (or "changed" to what they were): to decide again.
    pub again: Vec<String>,
    /// Now what the provider proposed: accepted.
    pub adopted: Vec<String>,
    /// A change proposed on the row as it was: kept, to check against the row now.
    pub to_check: Vec<String>,
}

/// The provider's position on one RACI function: accepted as proposed, or a change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RaciReply {
    pub function: Id,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<Change>,
    /// `Function::position_sum` of the row the position was taken on: a row the buyer
    /// changed since is not what the provider accepted. `None` in responses made before
    /// this was kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub asked: Option<u32>,
}

impl RaciReply {
    /// Whether this position was taken on the row as it was before it became `now`.
    pub fn on_earlier_row(&self, now: &Function) -> bool {
        self.asked.is_some_and(|sum| sum != now.position_sum())
    }

    /// Whether this accepts the row as it was before it became `now`.
    pub fn accepts_earlier_row(&self, now: &Function) -> bool {
        self.change.is_none() && self.on_earlier_row(now)
    }

    /// Whether this proposes a change that the buyer has since made `now`.
    pub fn adopted_in(&self, now: &Function) -> bool {
        self.on_earlier_row(now) && self.change.as_ref().is_some_and(|c| c.same_as(now))
    }

    /// Whether this "change" proposes the row as it was when taken (`asked`): nothing,
    /// even though the row `now` differs since.
    pub fn changes_nothing(&self, now: &Function) -> bool {
        let proposed = self.change.as_ref().map(|c| {
            now.with_roles(&c.roles, c.day_owner, c.night_owner)
                .position_sum()
        });
        proposed.is_some() && proposed == self.asked
    }
}

/// The roles and owners the provider proposes instead, and why.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Change {
    pub roles: BTreeMap<Id, Letters>,
    #[serde(rename = "day", skip_serializing_if = "Option::is_none")]
    pub day_owner: Option<Id>,
    #[serde(rename = "night", skip_serializing_if = "Option::is_none")]
    pub night_owner: Option<Id>,
    pub reason: String,
}

impl Change {
    /// Whether this proposes the row as it already is: the same letters (a party with
    /// none counts as absent) and the same owners.
    pub fn same_as(&self, f: &Function) -> bool {
        let held = |roles: &BTreeMap<Id, Letters>| {
            roles
                .iter()
                .filter(|(_, l)| !l.is_empty())
                .map(|(p, l)| (*p, *l))
                .collect::<Vec<_>>()
        };
        held(&self.roles) == held(&f.roles)
            && self.day_owner == f.day_owner
            && self.night_owner == f.night_owner
    }
}

impl Response {
    /// A checksum of what the provider answered, not of when it was sent: a link and a
    /// file made from the same answers a minute apart have the same sum. Workspaces and
    /// providers' browsers keep it, so a field added to `Response` must not change the
    /// sum of a response without it (`skip_serializing_if` its empty value; a test pins
    /// the sum of the tests' response).
    pub fn sum(&self) -> u32 {
        let answered = Response {
            made_ms: 0,
            ..self.clone()
        };
        crate::domain::share::crc::crc32(
            &serde_json::to_vec(&answered).expect("our models always serialise"),
        )
    }

    /// An empty response to `request`: nothing answered, no function decided.
    pub fn blank(request: &Request) -> Response {
        Response {
            request: request.id.clone(),
            request_sum: request.sum(),
            provider: request.provider.clone(),
            contact: String::new(),
            made_ms: 0,
            quote: Quote::default(),
            answers: Vec::new(),
            raci: Vec::new(),
            covers: None,
        }
    }

    /// The answer to a question, if one was started.
    pub fn answer(&self, question: &str) -> Option<&Answer> {
        self.answers.iter().find(|a| a.question == question)
    }

    /// Whether the answer to `question` was written for an earlier wording of it (the
    /// buyer sent the request again with changes) and not changed or confirmed since.
    pub fn reworded(&self, question: &Question) -> bool {
        self.answer(&question.id)
            .is_some_and(|a| a.for_earlier_wording(question.sum()))
    }

    /// The answer to `question` of `request`, created (with its wording's sum) if new.
    /// An answer to an earlier wording keeps that wording's sum until its text is edited
    /// or it is confirmed (`confirm`): a new rating or evidence link is not a reread.
    pub fn answer_mut(&mut self, request: &Request, question: &str) -> Option<&mut Answer> {
        let asked = request.question(question)?.sum();
        let at = match self.answers.iter().position(|a| a.question == question) {
            Some(at) => at,
            None => {
                self.answers.push(Answer {
                    question: question.to_owned(),
                    asked,
                    ..Answer::default()
                });
                self.answers.len() - 1
            }
        };
        Some(&mut self.answers[at])
    }

    /// Records that the answer to `question` answers its wording in `request`.
    pub fn confirm(&mut self, request: &Request, question: &str) {
        if let Some(sum) = request.question(question).map(Question::sum) {
            if let Some(a) = self.answer_mut(request, question) {
                a.asked = sum;
            }
        }
    }

    /// Takes out the answers and positions on questions and functions that `request` no
    /// longer asks about (a draft carried over to a request sent again with changes), and
    /// counts the answers that held something and the positions: they show nowhere on the
    /// provider's page.
    pub fn drop_removed(&mut self, request: &Request) -> (usize, usize) {
        let filled = |a: &Answer| !a.text.trim().is_empty() || a.rating.is_some();
        let gone = self
            .answers
            .iter()
            .filter(|a| request.question(&a.question).is_none() && filled(a))
            .count();
        self.answers
            .retain(|a| request.question(&a.question).is_some());
        let asked = |f: Id| request.raci.functions.iter().any(|g| g.id == f);
        let positions = self.raci.iter().filter(|r| !asked(r.function)).count();
        self.raci.retain(|r| asked(r.function));
        (gone, positions)
    }

    /// Notes that the provider chose how its quote covers `item`.
    pub fn give_cover(&mut self, item: CostItem) {
        let covers = self.covers.get_or_insert_with(Vec::new);
        if !covers.contains(&item) {
            covers.push(item);
        }
    }

    /// Starts counting the rate card items answered, where a draft from before the count
    /// has none: an item it changed from the blank quote's was answered.
    pub fn count_covers(&mut self) {
        if self.covers.is_none() {
            let blank = Quote::default();
            let changed = CostItem::ALL
                .into_iter()
                .filter(|&i| self.quote.card.get(i) != blank.card.get(i));
            self.covers = Some(changed.collect());
        }
    }

    /// The rate card's items the provider has not said how its quote covers, when that
    /// is counted. A hybrid quote bills project work at its own rate: nothing to say.
    pub fn covers_open(&self) -> Vec<CostItem> {
        let Some(given) = &self.covers else {
            return Vec::new();
        };
        let hybrid = self.quote.model == ModelKind::Hybrid;
        // Only what still reads as the blank quote has it: "excluded, no rate".
        let blank = |i: CostItem| self.quote.card.get(i).cover == Cover::NoRate;
        CostItem::ALL
            .into_iter()
            .filter(|&i| blank(i) && !(given.contains(&i) || hybrid && i == CostItem::ProjectWork))
            .collect()
    }

    /// Rate card items excluded "with a rate" and no rate given: a blank or refused rate
    /// reads $0, which would show the buyer the item as free.
    pub fn rates_missing(&self) -> Vec<CostItem> {
        let hybrid = self.quote.model == ModelKind::Hybrid;
        CostItem::ALL
            .into_iter()
            .filter(|&i| {
                let terms = self.quote.card.get(i);
                terms.cover == Cover::Rated
                    && terms.rate == 0
                    && !(hybrid && i == CostItem::ProjectWork)
            })
            .collect()
    }

    /// The position on a function, if the provider took one.
    pub fn reply(&self, function: Id) -> Option<&RaciReply> {
        self.raci.iter().find(|r| r.function == function)
    }

    /// Sets the position on a function of `request`: `None` accepts it as it is.
    /// False, changing nothing, when the request has no such function.
    pub fn set_reply(&mut self, request: &Request, function: Id, change: Option<Change>) -> bool {
        let Some(row) = request.raci.functions.iter().find(|f| f.id == function) else {
            return false;
        };
        let reply = RaciReply {
            function: row.id,
            change,
            asked: Some(row.position_sum()),
        };
        match self.raci.iter_mut().find(|r| r.function == row.id) {
            Some(had) => *had = reply,
            None => self.raci.push(reply),
        }
        true
    }

    /// "Accept every row not yet decided": rows with no position, and rows "changed" to
    /// what the buyer proposed with no reason written (a reason keeps the row for the
    /// provider to finish), are accepted as proposed.
    pub fn accept_undecided(&mut self, request: &Request) {
        for f in request.raci.rows() {
            let open = self.reply(f.id).is_none_or(|p| {
                p.change
                    .as_ref()
                    .is_some_and(|c| c.same_as(f) && c.reason.trim().is_empty())
            });
            if open {
                self.set_reply(request, f.id, None);
            }
        }
    }

    /// Carries the positions over to `request` sent again with changes, for each row
    /// changed since the position was taken: an acceptance or a change that changed
    /// nothing is taken back (it was not this row the provider accepted), a change the
    /// buyer has since made counts as accepted, and any other change stays, now on this
    /// row, for the provider to check.
    pub fn settle_changed_rows(&mut self, request: &Request) -> ChangedRows {
        let mut rows = ChangedRows::default();
        for f in &request.raci.functions {
            let Some(reply) = self.reply(f.id).filter(|r| r.on_earlier_row(f)).cloned() else {
                continue;
            };
            let name = f.name.clone();
            if reply.adopted_in(f) {
                self.set_reply(request, f.id, None);
                rows.adopted.push(name);
            } else if reply.change.is_none() || reply.changes_nothing(f) {
                self.clear_reply(f.id);
                rows.again.push(name);
            } else {
                self.set_reply(request, f.id, reply.change);
                rows.to_check.push(name);
            }
        }
        rows
    }

    /// Takes the position back to "not decided".
    pub fn clear_reply(&mut self, function: Id) {
        self.raci.retain(|r| r.function != function);
    }

    /// What a file or link could get wrong, on its own (`intake` matches it to the
    /// request it answers). The message names the problem.
    pub fn check(&self) -> Result<(), String> {
        if !valid_id(&self.request) {
            return Err("it does not name a request Splitline made".into());
        }
        let long = |text: &str, max: usize| text.chars().count() > max;
        if self.provider.trim().is_empty() || long(&self.provider, MAX_PROVIDER_NAME_CHARS) {
            return Err("the provider's name is missing or too long".into());
        }
        if long(&self.contact, MAX_CONTACT_CHARS) {
            return Err("the contact is too long".into());
        }
        if self.answers.len() > MAX_CRITERIA {
            return Err(format!("it has more than {MAX_CRITERIA} answers"));
        }
        for (i, a) in self.answers.iter().enumerate() {
            if self.answers[..i].iter().any(|o| o.question == a.question) {
                return Err("a question is answered twice".into());
            }
            if long(&a.text, MAX_ANSWER_CHARS) || long(&a.evidence, MAX_EVIDENCE_CHARS) {
                return Err("an answer is too long".into());
            }
            if a.rating.is_some_and(|r| !(1..=5).contains(&r)) {
                return Err("a self-rating is not 1 to 5".into());
            }
        }
        for (i, r) in self.raci.iter().enumerate() {
            if self.raci[..i].iter().any(|o| o.function == r.function) {
                return Err("a RACI function has two positions".into());
            }
            if r.change
                .as_ref()
                .is_some_and(|c| long(&c.reason, MAX_REASON_CHARS))
            {
                return Err("a reason for a RACI change is too long".into());
            }
        }
        if let Some(covers) = &self.covers {
            let twice = (covers.iter().enumerate()).any(|(i, c)| covers[..i].contains(c));
            if twice {
                return Err("a rate card item is answered twice".into());
            }
        }
        let pricing = Pricing {
            quotes: vec![self.quote.clone()],
            ..Pricing::default()
        };
        pricing.check_integrity()
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::domain::proposal::request::tests::request;
    use crate::domain::raci::Letter;

    #[test]
    fn an_answer_says_how_full_it_is_only_near_its_limit() {
        assert_eq!(answer_length_note(1499), None);
        assert_eq!(
            answer_length_note(1712).as_deref(),
            Some("1,712 of 2,000 characters.")
        );
        let full = answer_length_note(MAX_ANSWER_CHARS).unwrap();
        assert!(
            full.starts_with("2,000 of 2,000 characters: the answer is full"),
            "{full}"
        );
    }

    #[test]
    fn the_sum_of_a_response_stays_what_workspaces_and_drafts_have_kept() {
        let r = response();
        assert_eq!(
            r.sum(),
            Response {
                made_ms: 7,
                ..r.clone()
            }
            .sum()
        );
        assert_eq!(
            r.sum(),
            17_638_117,
            "a change to Response changed every kept sum"
        );
    }

    /// Crest's response of the proposal tests: a quote, two answers, one change.
    pub(crate) fn response() -> Response {
        let req = request();
        let mut r = Response::blank(&req);
        r.contact = "Sam Ortiz, Crest".into();
        r.made_ms = 1_800_000_500_000;
        r.quote.rates.per_user = 14_500;
        r.quote.onboarding = 400_000;
        let (q1, q2) = (req.questions[0].id.clone(), req.questions[1].id.clone());
        let a = r.answer_mut(&req, &q1).unwrap();
        a.text = "Yes: our standard contract has a RACI schedule.".into();
        a.rating = Some(5);
        a.evidence = "https://crest.example/raci-sample.pdf".into();
        r.answer_mut(&req, &q2).unwrap().text = "Patch failures are ours.".into();
        let f = &req.raci.functions[2];
        let msp = req
            .raci
            .parties
            .iter()
            .find(|p| p.name == "MSP")
            .unwrap()
            .id;
        let mut roles = f.roles.clone();
        roles.insert(msp, Letters::of(&[Letter::Consulted]));
        r.set_reply(
            &req,
            f.id,
            Some(Change {
                roles,
                day_owner: f.day_owner,
                night_owner: f.night_owner,
                reason: "We advise; your team decides.".into(),
            }),
        );
        r.set_reply(&req, req.raci.functions[0].id, None);
        r
    }

    #[test]
    fn accepting_the_rest_takes_open_rows_and_rows_changed_to_nothing_without_a_reason() {
        let req = request();
        let mut r = response();
        let f = &req.raci.functions;
        let same = |reason: &str| Change {
            roles: f[1].roles.clone(),
            day_owner: f[1].day_owner,
            night_owner: f[1].night_owner,
            reason: reason.into(),
        };
        r.set_reply(&req, f[1].id, Some(same("")));
        r.accept_undecided(&req);
        assert!(r.reply(f[1].id).unwrap().change.is_none());
        // The real change stays; every row now has a position.
        assert!(r.reply(f[2].id).unwrap().change.is_some());
        assert!(f.iter().all(|f| r.reply(f.id).is_some()));
        // A row left as the buyer's but with a reason waits for the provider.
        r.set_reply(&req, f[1].id, Some(same("Ask me")));
        r.accept_undecided(&req);
        assert!(r.reply(f[1].id).unwrap().change.is_some());
    }

    #[test]
    fn a_blank_response_names_its_request() {
        let req = request();
        let r = Response::blank(&req);
        assert_eq!(r.request, req.id);
        assert_eq!(r.request_sum, req.sum());
        assert_eq!(r.provider, "Crest Managed Services");
        r.check().unwrap();
    }

    #[test]
    fn an_answer_records_the_wording_it_answers() {
        let req = request();
        let r = response();
        let a = r.answer(&req.questions[0].id).unwrap();
        assert_eq!(a.asked, req.questions[0].sum());
    }

    #[test]
    fn a_request_sent_again_without_a_question_drops_its_answer() {
        let mut req = request();
        let mut r = response();
        let (q, f) = (req.questions.remove(1), req.raci.functions.remove(2));
        r.answer_mut(&request(), &req.questions[2].id); // started, empty: not counted
        assert_eq!(r.drop_removed(&req), (1, 1), "the answer and the change");
        assert!(r.answer(&q.id).is_none() && r.reply(f.id).is_none());
        assert_eq!(r.answers.len(), 2);
        assert_eq!(r.drop_removed(&req), (0, 0));
    }

    #[test]
    fn the_rate_card_items_not_answered_are_counted_once_asked() {
        let mut r = response();
        assert_eq!(r.covers_open(), vec![], "not counted in older responses");
        r.covers = Some(Vec::new());
        assert_eq!(r.covers_open(), CostItem::ALL.to_vec());
        r.give_cover(CostItem::OnSite);
        r.give_cover(CostItem::OnSite);
        assert_eq!(r.covers, Some(vec![CostItem::OnSite]));
        r.quote.model = ModelKind::Hybrid;
        assert_eq!(r.covers_open(), CostItem::ALL[1..5].to_vec());
        r.check().unwrap();
        // An item changed from the blank quote's is answered, said or not.
        r.quote.card.licensing.cover = Cover::Included;
        assert_eq!(r.covers_open(), CostItem::ALL[1..4].to_vec());
        // Excluded "with a rate" and none given is open until a rate is typed.
        assert_eq!(r.rates_missing(), vec![]);
        let mut rated = r.clone();
        rated.quote.card.on_site.cover = Cover::Rated;
        assert_eq!(rated.rates_missing(), vec![CostItem::OnSite]);
        rated.quote.card.on_site.rate = 15_000;
        assert_eq!(rated.rates_missing(), vec![]);
        // A draft from before the count: what it changed was answered.
        r.covers = None;
        r.count_covers();
        assert_eq!(r.covers, Some(vec![CostItem::Licensing]));
        r.covers = Some(vec![CostItem::OnSite, CostItem::OnSite]);
        assert!(r.check().unwrap_err().contains("twice"));
    }

    #[test]
    fn a_request_sent_again_takes_back_acceptances_of_changed_rows() {
        let req = request();
        let r = response();
        let (accepted, changed) = (req.raci.functions[0].id, req.raci.functions[2].id);
        let mut again = req.clone();
        let theirs = r.reply(changed).unwrap().change.clone().unwrap();
        for f in &mut again.raci.functions {
            if f.id == accepted {
                f.night_owner = f.day_owner;
            } else if f.id == changed {
                *f = f.with_roles(&theirs.roles, theirs.day_owner, theirs.night_owner);
            }
        }
        let mut carried = r.clone();
        let rows = carried.settle_changed_rows(&again);
        assert_eq!(rows.again, [req.raci.functions[0].name.clone()]);
        assert_eq!(rows.adopted, [req.raci.functions[2].name.clone()]);
        assert!(rows.to_check.is_empty());
        assert!(carried.reply(accepted).is_none());
        let now = carried.reply(changed).unwrap();
        assert_eq!(now.change, None);
        assert!(!now.on_earlier_row(&again.raci.functions[2]));
        // Unchanged rows keep their positions.
        let mut same = r.clone();
        assert_eq!(same.settle_changed_rows(&req), ChangedRows::default());
        assert_eq!(same, r);
        // A change that is not the new row stays, on the new row, to check; a "change"
        // that proposed the old row as it was is taken back.
        let mut other = again.clone();
        let row = other
            .raci
            .functions
            .iter_mut()
            .find(|f| f.id == changed)
            .unwrap();
        row.day_owner = None;
        let mut kept = r.clone();
        let untouched = req.raci.functions[4].clone();
        assert!(kept.set_reply(
            &req,
            untouched.id,
            Some(Change {
                roles: untouched.roles.clone(),
                day_owner: untouched.day_owner,
                night_owner: untouched.night_owner,
                reason: String::new(),
            })
        ));
        let moved = other
            .raci
            .functions
            .iter_mut()
            .find(|f| f.id == untouched.id)
            .unwrap();
        moved.night_owner = moved
            .day_owner
            .or(Some(1))
            .filter(|o| Some(*o) != untouched.night_owner);
        let rows = kept.settle_changed_rows(&other);
        assert_eq!(rows.to_check, [req.raci.functions[2].name.clone()]);
        assert!(rows.again.contains(&untouched.name), "{rows:?}");
        let on_new = kept.reply(changed).unwrap();
        assert!(
            on_new.change.is_some()
                && !on_new.on_earlier_row(other.raci.function(changed).unwrap())
        );
        assert!(!kept.set_reply(&req, 9_999, None), "no such function");
    }

    #[test]
    fn positions_replace_and_clear() {
        let req = request();
        let mut r = response();
        let f = req.raci.functions[2].id;
        r.set_reply(&req, f, None);
        assert_eq!(r.reply(f).unwrap().change, None);
        r.clear_reply(f);
        assert!(r.reply(f).is_none());
    }

    #[test]
    fn a_change_to_the_same_row_is_no_change() {
        let req = request();
        let f = &req.raci.functions[2];
        let mut c = Change {
            roles: f.roles.clone(),
            day_owner: f.day_owner,
            night_owner: f.night_owner,
            reason: "Fine as it is".into(),
        };
        c.roles.insert(9_999, Letters::NONE);
        assert!(c.same_as(f));
        c.night_owner = None;
        assert_eq!(c.same_as(f), f.night_owner.is_none());
    }

    #[test]
    fn bad_ratings_and_repeats_are_refused() {
        let mut r = response();
        r.answers[0].rating = Some(6);
        assert!(r.check().unwrap_err().contains("self-rating"));
        let mut r = response();
        let again = r.answers[0].clone();
        r.answers.push(again);
        assert!(r.check().unwrap_err().contains("twice"));
    }
}
