//! A provider's response brought into the buyer's workspace. `check` matches it to the
//! request it answers and says what it would change (the preview); `Intake::apply`
//! makes those changes. Nothing is replaced without the buyer seeing the preview.

use std::collections::BTreeMap;

use super::request::Question;
use super::response::Response;
use crate::domain::library::Library;
use crate::domain::pricing::benchmarks::priced;
use crate::domain::pricing::exclusions::{CostItem, Cover};
use crate::domain::pricing::models::ModelKind;
use crate::domain::pricing::quote::Quote;
use crate::domain::pricing::totals::totals;
use crate::domain::raci::Counter;
use crate::domain::scorecard::claims::Claim;
use crate::domain::text::{and_list, months, possessive};
use crate::domain::workspace::Workspace;

/// Why a response cannot be brought into this workspace. Nothing is changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// No request with this id was sent from this workspace (or its provider has
    /// since been removed, which takes the record of the request with it).
    NotSent { provider: String },
    /// The response breaks a rule of the format.
    Broken(String),
}

impl Refusal {
    pub fn message(&self) -> String {
        match self {
            Refusal::NotSent { provider } => format!(
                "This is {} answer to a request that was not sent from this workspace, or to a provider since removed from it. Open the workspace you sent the request from and import it there: requests are kept only in the browser they were sent from, so on another device or browser, send yourself this link and open it there.",
                possessive(provider)
            ),
            Refusal::Broken(why) => format!("The response cannot be read: {why}."),
        }
    }
}

/// What importing a response will do, for the preview, and what `apply` then does.
#[derive(Clone, Debug, PartialEq)]
pub struct Intake {
    /// The provider's id in the workspace and its name there.
    pub provider: String,
    pub provider_name: String,
    pub contact: String,
    pub made_ms: i64,
    /// `Request::sum` of the version it answers.
    pub request_sum: u32,
    /// `Response::sum`: what it answers, whenever it was sent.
    pub body_sum: u32,
    /// The questions reworded since the provider answered, by name, when the response
    /// answers an earlier version of the request (`Some(vec![])`: only the counts or
    /// the RACI changed).
    pub earlier: Option<Vec<String>>,
    /// In a response to the request as it stands, answers the provider wrote for an
    /// earlier wording and left as they were when the request came again, by question.
    pub kept_answers: Vec<String>,
    /// The provider's quote, named for the workspace.
    pub quote: Quote,
    /// Rate card items the provider left as the blank quote had them, not saying how
    /// the quote covers them (they read "excluded, no rate").
    pub covers_open: Vec<CostItem>,
    /// Rate card items the provider excluded with a rate but gave none: brought in as
    /// excluded with no rate (an unknown cost), not as free.
    pub rates_missing: Vec<CostItem>,
    /// Rate card items the provider chose to exclude with no rate: the price leaves them out.
    pub no_rate: Vec<CostItem>,
    /// What the quote comes to for the workspace's counts ("$145.00 a month, …"), so a
    /// slip in a rate shows before it is brought in; `None` when it has no price.
    pub price: Option<String>,
    /// The workspace already has a quote from this provider, which this replaces.
    pub replaces_quote: bool,
    /// … and that quote has a price.
    pub replaces_priced: bool,
    /// This quote has no price and replaces one that has.
    pub unpriced_over_priced: bool,
    /// Answers the workspace has from this provider that this response does not hold.
    pub claims_dropped: usize,
    pub claims: BTreeMap<String, Claim>,
    /// The provider already has answers in the scorecard, which these replace.
    pub replaces_claims: bool,
    pub counters: Vec<Counter>,
    /// RACI functions the provider accepted as proposed.
    pub accepted: usize,
    /// Changes the provider proposed that the buyer's row already says (a change
    /// accepted from the redline before, or made the same way).
    pub adopted: usize,
    /// RACI functions, by name, the provider accepted as they were before the buyer
    /// changed them: not counted as accepted.
    pub accepted_earlier: Vec<String>,
    /// RACI functions the provider took no position on, or chose to change and left as
    /// they were (counted only when the response answers the request as it stands:
    /// functions added since were never asked about).
    pub unanswered: usize,
    /// Answers and positions on questions or functions no longer in the workspace.
    pub skipped: usize,
    /// When this very response (sent at the same time) was brought in before: bringing
    /// it in again undoes the buyer's work on it since (`AGAIN`).
    pub again: bool,
    /// A newer response of the same provider was brought in before (`OLDER`).
    pub older: bool,
}

/// Said in the preview when the response was brought in before. (An accepted RACI change
/// is the buyer's row by then, so it does not come back.)
pub const AGAIN: &str = "You have brought this response in before. Bringing it in again \
    puts their quote back as they sent it, undoing any change you made to it since, and \
    brings back the RACI changes you rejected, to decide again.";

/// Said in the preview when a newer response of the provider was brought in already.
pub const OLDER: &str = "You have already brought in a newer response from them. Bringing \
    this older one in replaces its quote, answers and RACI changes with these.";

/// Matches `response` to the request it answers and works out what it would change.
pub fn check(ws: &Workspace, response: &Response) -> Result<Intake, Refusal> {
    response.check().map_err(Refusal::Broken)?;
    let not_sent = || Refusal::NotSent {
        provider: response.provider.clone(),
    };
    let sent = ws
        .requests
        .iter()
        .find(|s| s.id == response.request)
        .ok_or_else(not_sent)?;
    let provider = ws
        .providers
        .iter()
        .find(|p| p.id == sent.provider)
        .ok_or_else(not_sent)?;
    let mut skipped = 0;
    let mut reworded = Vec::new();
    let mut claims = BTreeMap::new();
    for answer in &response.answers {
        let Some(criterion) = ws
            .scorecard
            .criteria
            .iter()
            .find(|c| c.id == answer.question)
        else {
            skipped += 1;
            continue;
        };
        let now = Question::from(criterion);
        let earlier_wording = now.sum() != answer.asked;
        // Counted as the provider's page counts it: a rating alone is no answer to doubt.
        if earlier_wording && !answer.text.trim().is_empty() {
            reworded.push(criterion.name.clone());
        }
        if answer.text.trim().is_empty() && answer.rating.is_none() {
            continue;
        }
        let claim = Claim {
            text: answer.text.trim().to_owned(),
            rating: answer.rating,
            evidence: answer.evidence.trim().to_owned(),
            at_ms: response.made_ms,
            earlier_wording,
        };
        claims.insert(answer.question.clone(), claim);
    }
    let mut counters = Vec::new();
    let (mut accepted, mut adopted, mut unchanged) = (0, 0, 0);
    let mut accepted_earlier = Vec::new();
    for reply in &response.raci {
        let Some(function) = ws.raci.function(reply.function) else {
            skipped += 1;
            continue;
        };
        let Some(change) = &reply.change else {
            // The row changed since: what they accepted is not what it says now.
            match reply.accepts_earlier_row(function) {
                true => accepted_earlier.push(function.name.clone()),
                false => accepted += 1,
            }
            continue;
        };
        // "Propose a change" with nothing changed (on the row as it is, or as it was
        // when they looked) is no position, not an acceptance; a change the buyer has
        // made since is settled, as theirs.
        if reply.adopted_in(function) {
            adopted += 1;
            continue;
        }
        if change.same_as(function) || reply.changes_nothing(function) {
            unchanged += 1;
            continue;
        }
        let row = function.with_roles(&change.roles, change.day_owner, change.night_owner);
        let parties_exist = row
            .roles
            .keys()
            .copied()
            .chain(row.day_owner)
            .chain(row.night_owner)
            .all(|p| ws.raci.party(p).is_some());
        if !parties_exist {
            skipped += 1;
        } else {
            counters.push(Counter {
                provider: provider.id.clone(),
                function: function.id,
                roles: row.roles,
                day_owner: row.day_owner,
                night_owner: row.night_owner,
                reason: change.reason.trim().to_owned(),
                asked: reply.asked,
                on_earlier_row: false,
            });
        }
    }
    let current = response.request_sum == sent.sum;
    let (earlier, kept_answers) = match current {
        true => (None, reworded),
        false => (Some(reworded), Vec::new()),
    };
    let unanswered = if current {
        ws.raci
            .functions
            .iter()
            .filter(|f| !response.raci.iter().any(|r| r.function == f.id))
            .count()
            + unchanged
    } else {
        0
    };
    let mut quote = Quote {
        provider: provider.id.clone(),
        ..response.quote.clone()
    };
    let rates_missing = response.rates_missing();
    for &item in &rates_missing {
        quote.card.get_mut(item).cover = Cover::NoRate;
    }
    let body_sum = response.sum();
    let same_answers = sent.answered_body == Some(body_sum);
    Ok(Intake {
        provider: provider.id.clone(),
        provider_name: provider.name.clone(),
        contact: response.contact.trim().to_owned(),
        made_ms: response.made_ms,
        request_sum: response.request_sum,
        body_sum,
        earlier,
        kept_answers,
        // As the provider chose them (the response's own card, before a missing rate is
        // read as no rate), where the response says which it chose (older ones don't).
        no_rate: CostItem::ALL
            .into_iter()
            .filter(|&i| response.quote.card.get(i).cover == Cover::NoRate)
            .filter(|i| {
                response
                    .covers
                    .as_ref()
                    .is_some_and(|given| given.contains(i))
            })
            .filter(|&i| !(quote.model == ModelKind::Hybrid && i == CostItem::ProjectWork))
            .collect(),
        covers_open: response.covers_open(),
        rates_missing,
        price: price_text(ws, &quote),
        quote,
        replaces_quote: ws.pricing.quote(&provider.id).is_some(),
        replaces_priced: ws.pricing.quote(&provider.id).is_some_and(priced),
        unpriced_over_priced: !priced(&response.quote)
            && ws.pricing.quote(&provider.id).is_some_and(priced),
        // Answers to criteria deleted since show nowhere: losing them loses nothing.
        claims_dropped: ws.scorecard.claims.get(&provider.id).map_or(0, |had| {
            had.keys()
                .filter(|k| !claims.contains_key(*k))
                .filter(|k| ws.scorecard.criteria.iter().any(|c| &c.id == *k))
                .count()
        }),
        replaces_claims: ws.scorecard.claims.contains_key(&provider.id),
        claims,
        counters,
        accepted,
        adopted,
        accepted_earlier,
        skipped,
        again: sent.answered_ms == Some(response.made_ms) || same_answers,
        older: !same_answers && sent.answered_ms.is_some_and(|at| at > response.made_ms),
        unanswered,
    })
}

/// "$145.00 a month, $120,000.00 all-in in year 1 and $360,000.00 over 36 months", for
/// the workspace's counts and expected use; `None` for a quote with no price.
fn price_text(ws: &Workspace, quote: &Quote) -> Option<String> {
    if !priced(quote) {
        return None;
    }
    let t = totals(quote, &ws.pricing.env, &ws.profile, &ws.pricing.usage);
    let cur = ws.pricing.env.currency;
    Some(format!(
        "{} a month, {} all-in in year 1 and {} over {} for your counts",
        cur.total(t.base_monthly),
        cur.total(t.all_in_year1),
        cur.total(t.total),
        months(quote.term())
    ))
}

/// The workspace a response belongs in: the open one if it sent the request, else the
/// one that did, else the open one (whose check then explains the refusal).
pub fn home<'a>(lib: &'a Library, request: &str) -> &'a str {
    let sent = |w: &&Workspace| w.sent_request(request);
    let active = lib.active();
    if sent(&active) {
        return &active.id;
    }
    lib.workspaces()
        .iter()
        .find(sent)
        .unwrap_or(active)
        .id
        .as_str()
}

/// The sentence for a response to an earlier version of the request, naming the
/// questions reworded since (`Intake::earlier`).
pub fn earlier_text(changed: &[String]) -> String {
    match changed {
        [] => "It answers an earlier version of your request: the counts or the RACI have changed since. The answers still apply to the questions as they stand.".to_owned(),
        [one] => format!("It answers an earlier version of your request: this question changed since they answered it: {one}."),
        many => format!(
            "It answers an earlier version of your request: these {} questions changed since they answered them: {}.",
            many.len(),
            and_list(many)
        ),
    }
}

/// The sentence for answers carried over to a request sent again with reworded
/// questions (`Intake::kept_answers`).
pub fn kept_text(kept: &[String]) -> Option<String> {
    let (which, them, stand) = match kept {
        [] => return None,
        [one] => (
            format!("this question before you changed it: {one}. That answer has"),
            "it",
            "the question as it stands",
        ),
        many => (
            format!(
                "these {} questions before you changed them: {}. Those answers have",
                many.len(),
                and_list(many)
            ),
            "them",
            "the questions as they stand",
        ),
    };
    Some(format!(
        "They answered {which} not changed since, so check {them} against \
         {stand}. The scorecard marks {them}."
    ))
}

impl Intake {
    /// What bringing the response in adds, one sentence a line, for the preview.
    pub fn lines(&self) -> Vec<String> {
        // Items that come in as "excluded with no rate", and why.
        let unknown = |items: &[CostItem], said: &str, how: &str| {
            let phrases: Vec<&str> = items.iter().map(|i| i.phrase()).collect();
            match phrases.len() {
                0 => String::new(),
                n => format!(
                    " {said} {}{how}, which {} as excluded with no rate.",
                    and_list(&phrases),
                    if n == 1 { "shows" } else { "show" }
                ),
            }
        };
        let silent = unknown(
            &self.covers_open,
            "They did not say whether it includes",
            "",
        );
        let rateless = unknown(
            &self.rates_missing,
            "They excluded",
            " without giving a rate",
        );
        // Said so the "all-in" figure is not read as the whole cost.
        let left_out = match self.no_rate.as_slice() {
            _ if self.price.is_none() => String::new(),
            [] => String::new(),
            items => format!(
                " These figures leave out {}, which they excluded with no rate.",
                crate::domain::decision::questions::unknown_phrase(items)
            ),
        };
        let replacing = match (self.replaces_quote, self.replaces_priced) {
            (false, _) => "",
            // Any change the buyer made to it goes too (Undo brings it back).
            (true, true) => {
                ", replacing the quote you have from them and any change you made to it"
            }
            (true, false) => ", replacing the quote with no price you started for them",
        };
        let price = self.price.as_ref().map_or_else(
            || ". It has no price in it yet".to_owned(),
            |p| format!(". It comes to {p}"),
        );
        // The provider typed the buyer's expected use, which decides the overage.
        let r = &self.quote.rates;
        let usage = match self.quote.model {
            ModelKind::BlockHours if r.expected_hours > r.block_hours => format!(
                " They put your use at {} hours a month against a block of {}: the hours above \
                 it are billed at the overage rate, so check that figure.",
                r.expected_hours, r.block_hours
            ),
            ModelKind::BlockHours => format!(
                " They put your use at {} hours a month, within the block of {}, so no overage \
                 is counted: check that figure.",
                r.expected_hours, r.block_hours
            ),
            _ => String::new(),
        };
        let mut lines = vec![format!(
            "A quote ({}) for the pricing comparison{replacing}{price}.{left_out}{usage}{silent}{rateless}",
            self.quote.model.label().to_ascii_lowercase(),
        )];
        // Counted as the provider's progress counts them: a rating alone is no answer.
        let written = self.claims.values().filter(|c| !c.text.is_empty()).count();
        let rated_only = match self.claims.len() - written {
            0 => String::new(),
            1 => " They also rated themselves on 1 question without writing an answer.".to_owned(),
            n => format!(" They also rated themselves on {n} questions without writing an answer."),
        };
        lines.push(match (written, self.claims.len()) {
            (_, 0) => "No answers to your questions.".to_owned(),
            (0, _) => format!("No written answers to your questions.{rated_only}"),
            (n, _) => format!(
                "Answers to {n} of your questions, shown beside your scorecard's criteria{}.{rated_only}",
                if self.replaces_claims {
                    ", replacing their earlier answers"
                } else {
                    ""
                }
            ),
        });
        let unanswered = match self.unanswered {
            0 => String::new(),
            1 => ", and 1 function they took no position on".to_owned(),
            n => format!(", and {n} functions they took no position on"),
        };
        let adopted = match self.adopted {
            0 => String::new(),
            1 => " 1 more change they proposed is in your RACI already.".to_owned(),
            n => format!(" {n} more changes they proposed are in your RACI already."),
        };
        lines.push(format!(
            "{} proposed RACI {} for you to accept or reject, {} accepted as you proposed{unanswered}.{adopted}",
            self.counters.len(),
            if self.counters.len() == 1 {
                "change"
            } else {
                "changes"
            },
            self.accepted
        ));
        let quoted: Vec<String> = self
            .accepted_earlier
            .iter()
            .map(|n| format!("“{n}”"))
            .collect();
        // Where the response answers an earlier version, the request sent since already
        // asks about the rows as they stand.
        let ask = match (&self.earlier, quoted.len()) {
            (Some(_), 1) => "The request you sent since asks about the row as it stands.",
            (Some(_), _) => "The request you sent since asks about the rows as they stand.",
            (None, 1) => "Send the request again to ask about the row as it stands.",
            (None, _) => "Send the request again to ask about the rows as they stand.",
        };
        match quoted.as_slice() {
            [] => {}
            [one] => lines.push(format!("They accepted {one} as it was before you changed it, so it is not counted as accepted. {ask}")),
            many => lines.push(format!("They accepted {} rows as they were before you changed them, so they are not counted as accepted: {}. {ask}", many.len(), and_list(many))),
        }
        match self.skipped {
            0 => {}
            1 => lines.push("1 answer or position is about a question or function no longer in your workspace, and is left out.".to_owned()),
            n => lines.push(format!("{n} answers or positions are about questions or functions no longer in your workspace, and are left out.")),
        }
        lines
    }

    /// A warning for the preview when the response holds less than the workspace has
    /// from this provider: an empty response (a colleague at the provider who started
    /// afresh) would otherwise replace a priced quote and the answers without a word.
    pub fn losses(&self) -> Option<String> {
        let mut lost = Vec::new();
        if self.unpriced_over_priced {
            lost.push("it has no price, where the quote you have from them has one".to_owned());
        }
        match self.claims_dropped {
            0 => {}
            1 => lost.push("1 answer you have from them is not in it".to_owned()),
            n => lost.push(format!("{n} answers you have from them are not in it")),
        }
        (!lost.is_empty()).then(|| {
            format!(
                "Check this is the response you expect: {}. Bringing it in replaces what you have; the message that follows can take it back.",
                lost.join(", and ")
            )
        })
    }

    /// Puts the quote in the pricing comparison, the answers beside the scorecard's
    /// criteria and the counter-proposals in the RACI's redline, each replacing what
    /// an earlier response of the same provider brought. Returns what it replaced.
    pub fn apply(self, ws: &mut Workspace) -> Replaced {
        let replaced = Replaced::of(ws, &self.provider);
        Replaced {
            provider: self.provider,
            quote: Some(self.quote),
            claims: self.claims,
            counters: self.counters,
            answered: Answered {
                // The same answers sent earlier as a file never move the answer back in
                // time: a response sent between the two would then look newer.
                at: Some(match replaced.answered.at {
                    Some(held) if self.again => held.max(self.made_ms),
                    _ => self.made_ms,
                }),
                sum: Some(self.request_sum),
                contact: Some(self.contact).filter(|c| !c.is_empty()),
                body: Some(self.body_sum),
            },
        }
        .put(ws);
        replaced
    }
}

/// What a response replaced in the workspace: the buyer may take the import back.
#[derive(Clone, Debug, PartialEq)]
pub struct Replaced {
    provider: String,
    quote: Option<Quote>,
    claims: BTreeMap<String, Claim>,
    counters: Vec<Counter>,
    answered: Answered,
}

/// What the workspace's record of a request says of its last response (`Sent`).
#[derive(Clone, Debug, Default, PartialEq)]
struct Answered {
    at: Option<i64>,
    sum: Option<u32>,
    contact: Option<String>,
    body: Option<u32>,
}

impl Replaced {
    fn of(ws: &Workspace, provider: &str) -> Replaced {
        Replaced {
            provider: provider.to_owned(),
            quote: ws.pricing.quote(provider).cloned(),
            claims: ws
                .scorecard
                .claims
                .get(provider)
                .cloned()
                .unwrap_or_default(),
            counters: ws
                .raci
                .redline
                .iter()
                .filter(|c| c.provider == provider)
                .cloned()
                .collect(),
            answered: ws
                .sent(provider)
                .map_or_else(Answered::default, |s| Answered {
                    at: s.answered_ms,
                    sum: s.answered_sum,
                    contact: s.contact.clone(),
                    body: s.answered_body,
                }),
        }
    }

    /// Puts back the provider's quote, answers and counter-proposals as they were before
    /// the import (edits made to them since go too; the rest of the workspace stays).
    /// `false`, changing nothing, when the provider has since been removed.
    pub fn restore(self, ws: &mut Workspace) -> bool {
        if !ws.providers.iter().any(|p| p.id == self.provider) {
            return false;
        }
        self.put(ws);
        true
    }

    /// Makes the workspace hold this as the provider's part: an import and its taking
    /// back are the same step with other values.
    fn put(self, ws: &mut Workspace) {
        let provider = self.provider.as_str();
        match (ws.pricing.quote_mut(provider), self.quote) {
            (Some(old), Some(new)) => *old = new,
            (None, Some(new)) => ws.pricing.quotes.push(new),
            // Keeps the others' places in the list.
            (_, None) => ws.pricing.quotes.retain(|q| q.provider != provider),
        }
        ws.scorecard.set_claims(provider, self.claims);
        ws.raci.set_counters(provider, self.counters);
        if let Some(sent) = ws.requests.iter_mut().find(|s| s.provider == provider) {
            let Answered {
                at,
                sum,
                contact,
                body,
            } = self.answered;
            (sent.answered_ms, sent.answered_sum) = (at, sum);
            (sent.contact, sent.answered_body) = (contact, body);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::proposal::request::tests::{disclose, request, workspace};
    use crate::domain::proposal::request::Request;
    use crate::domain::proposal::response::tests::response;

    /// The buyer's workspace after sending the request of the tests to Crest (p2).
    fn sent() -> Workspace {
        let mut ws = workspace();
        let (req, _) = Request::of(
            &ws,
            "p2",
            "0123456789abcdef".into(),
            1_800_000_000_000,
            &disclose(),
        )
        .unwrap();
        ws.note_sent("p2", &req);
        ws
    }

    #[test]
    fn a_response_brings_its_quote_answers_and_counters() {
        let mut ws = sent();
        let intake = check(&ws, &response()).unwrap();
        assert_eq!(intake.provider, "p2");
        assert_eq!(intake.earlier, None);
        assert!(
            intake.replaces_quote,
            "p2 had an empty quote in the test workspace"
        );
        assert_eq!(
            (intake.claims.len(), intake.counters.len(), intake.accepted),
            (2, 1, 1)
        );
        intake.apply(&mut ws);
        ws.check().unwrap();
        assert_eq!(ws.pricing.quote("p2").unwrap().rates.per_user, 14_500);
        let first = &ws.scorecard.criteria[0].id;
        let claim = ws.scorecard.claim("p2", first).unwrap();
        assert_eq!(claim.rating, Some(5));
        assert!(!claim.earlier_wording);
        assert_eq!(ws.raci.redline.len(), 1);
        assert_eq!(ws.raci.redline[0].reason, "We advise; your team decides.");
        assert_eq!(ws.sent("p2").unwrap().answered_ms, Some(1_800_000_500_000));
        // Whom to reply to stays with the record of the request.
        assert_eq!(
            ws.sent("p2").unwrap().contact.as_deref(),
            Some("Sam Ortiz, Crest")
        );
        // A self-rating is never a score.
        assert_eq!(ws.scorecard.cells.get("p2"), None);
    }

    #[test]
    fn a_rating_without_an_answer_is_not_counted_as_an_answer() {
        let ws = sent();
        let mut r = response();
        r.answers.iter_mut().for_each(|a| a.text.clear());
        r.answers[0].rating = Some(4);
        r.answers[1].rating = None;
        let lines = check(&ws, &r).unwrap().lines();
        assert_eq!(
            lines[1],
            "No written answers to your questions. They also rated themselves on 1 question \
             without writing an answer."
        );
    }

    #[test]
    fn an_acceptance_of_a_row_changed_since_is_not_counted_and_an_adopted_change_is_said_apart() {
        let mut ws = sent();
        let r = response();
        let (accepted, changed) = (ws.raci.functions[0].clone(), ws.raci.functions[2].id);
        let before = check(&ws, &r).unwrap();
        assert_eq!((before.accepted, before.accepted_earlier.len()), (1, 0));
        // The buyer changes the accepted row, and makes the other what the provider asked.
        let f = ws.raci.function_mut(accepted.id).unwrap();
        f.night_owner = f.day_owner;
        let theirs = r.reply(changed).unwrap().change.clone().unwrap();
        let row = ws.raci.function_mut(changed).unwrap();
        *row = row.with_roles(&theirs.roles, theirs.day_owner, theirs.night_owner);
        let after = check(&ws, &r).unwrap();
        assert_eq!(after.accepted_earlier, std::slice::from_ref(&accepted.name));
        assert_eq!(
            (after.accepted, after.adopted, after.counters.len()),
            (0, 1, 0)
        );
        // Said as the buyer's doing, not as the provider's acceptance.
        assert!(
            after.lines().iter().any(|l| l.starts_with(
                "0 proposed RACI changes for you to accept or reject, 0 accepted as you proposed,"
            ) && l
                .ends_with(" 1 more change they proposed is in your RACI already.")),
            "{:?}",
            after.lines()
        );
        let said = format!(
            "They accepted “{}” as it was before you changed it, so it is not counted as accepted. Send the request again to ask about the row as it stands.",
            accepted.name
        );
        assert!(after.lines().contains(&said), "{:?}", after.lines());
        // A response from before rows were summed counts as it always did.
        let mut old = r.clone();
        old.raci.iter_mut().for_each(|reply| reply.asked = None);
        assert_eq!(
            check(&ws, &old).unwrap().accepted_earlier,
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_change_taken_on_a_row_changed_since_is_marked_and_one_that_changed_nothing_is_none() {
        let mut ws = sent();
        let mut r = response();
        let (changed, untouched) = (ws.raci.functions[2].id, ws.raci.functions[4].clone());
        let noop = crate::domain::proposal::Change {
            roles: untouched.roles.clone(),
            day_owner: untouched.day_owner,
            night_owner: untouched.night_owner,
            reason: String::new(),
        };
        assert!(r.set_reply(&request(), untouched.id, Some(noop)));
        let before = check(&ws, &r).unwrap();
        let earlier =
            |ws: &Workspace, c: &Counter| c.on_earlier(ws.raci.function(c.function).unwrap());
        assert!(before.counters.iter().all(|c| !earlier(&ws, c)));
        // The buyer changes both rows before the response comes in.
        for id in [changed, untouched.id] {
            let f = ws.raci.function_mut(id).unwrap();
            f.night_owner = if f.night_owner.is_some() {
                None
            } else {
                f.day_owner
            };
        }
        let after = check(&ws, &r).unwrap();
        assert_eq!(
            after.counters.len(),
            1,
            "the change that changed nothing is no counter"
        );
        assert_eq!(after.counters[0].function, changed);
        assert!(earlier(&ws, &after.counters[0]));
        assert_eq!(after.unanswered, before.unanswered);
    }

    #[test]
    fn an_exclusion_with_no_rate_given_comes_in_as_unknown_not_free() {
        let ws = sent();
        let mut r = response();
        r.quote.card.on_site.cover = Cover::Rated;
        let intake = check(&ws, &r).unwrap();
        assert_eq!(intake.rates_missing, [CostItem::OnSite]);
        assert_eq!(intake.quote.card.on_site.cover, Cover::NoRate);
        let phrase = CostItem::OnSite.phrase();
        let said = format!(
            " They excluded {phrase} without giving a rate, which shows as excluded with no rate."
        );
        assert!(intake.lines()[0].ends_with(&said), "{}", intake.lines()[0]);
    }

    #[test]
    fn a_change_that_changes_nothing_is_no_position_not_an_acceptance() {
        let ws = sent();
        let mut r = response();
        let before = check(&ws, &r).unwrap();
        let f = &ws.raci.functions[1];
        assert!(r.reply(f.id).is_none());
        let same = crate::domain::proposal::Change {
            roles: f.roles.clone(),
            day_owner: f.day_owner,
            night_owner: f.night_owner,
            reason: String::new(),
        };
        r.set_reply(&request(), f.id, Some(same));
        let after = check(&ws, &r).unwrap();
        assert_eq!(after.accepted, before.accepted);
        assert_eq!(after.unanswered, before.unanswered);
        assert_eq!(after.counters.len(), 1);
    }

    #[test]
    fn the_preview_prices_the_quote_and_says_what_it_replaces() {
        let mut ws = sent();
        ws.pricing
            .quotes
            .iter_mut()
            .for_each(|q| q.rates.per_user = 9_000);
        let line = check(&ws, &response()).unwrap().lines().remove(0);
        assert!(
            line.starts_with("A quote (per user) for the pricing comparison, replacing the quote you have from them and any change you made to it. It comes to $"),
            "{line}"
        );
        let mut block = response();
        block.quote.model = ModelKind::BlockHours;
        (
            block.quote.rates.block_hours,
            block.quote.rates.expected_hours,
        ) = (20, 30);
        block.quote.rates.block_rate = 15_000;
        let line = check(&ws, &block).unwrap().lines().remove(0);
        assert!(
            line.contains(" They put your use at 30 hours a month against a block of 20:"),
            "{line}"
        );
        let mut unpriced = response();
        unpriced.quote.rates.per_user = 0;
        let line = check(&ws, &unpriced).unwrap().lines().remove(0);
        assert!(
            line.ends_with("any change you made to it. It has no price in it yet."),
            "{line}"
        );
    }

    #[test]
    fn the_preview_says_what_comes_in_and_where() {
        let ws = sent();
        let intake = check(&ws, &response()).unwrap();
        let lines = intake.lines();
        let quote_line = "A quote (per user) for the pricing comparison, replacing the quote \
            with no price you started for them. It comes to $20,300 a month, $247,600 all-in in \
            year 1 and $756,942 over 36 months for your counts.";
        assert_eq!(lines[0], quote_line);
        assert!(lines[2].starts_with("1 proposed RACI change"), "{lines:?}");
        // Rate card items the provider never answered for are named.
        let mut silent = response();
        silent.covers = Some(CostItem::ALL[..4].to_vec());
        assert_eq!(
            check(&ws, &silent).unwrap().lines()[0],
            format!(
                "{quote_line} These figures leave out project work, vCIO and advisory time, \
                 after-hours incident response and compliance documentation, which they \
                 excluded with no rate. They did not say whether it includes software \
                 licensing and on-site visits, which show as excluded with no rate."
            )
        );
        let answered = response().raci.len();
        assert!(answered < ws.raci.functions.len());
        let silent = ws.raci.functions.len() - answered;
        assert_eq!(intake.unanswered, silent);
        assert!(
            lines[2].ends_with(&format!(
                ", and {silent} functions they took no position on."
            )),
            "{lines:?}"
        );
        let mut lib = Library::new(workspace());
        let id = lib.insert(ws);
        lib.switch("w1");
        assert_eq!(home(&lib, "0123456789abcdef"), id);
        assert_eq!(home(&lib, "ffffffffffffffff"), "w1");
        assert!(earlier_text(&["A".into(), "B".into()]).contains("these 2 questions"));
    }

    #[test]
    fn importing_again_replaces_rather_than_adds() {
        let mut ws = sent();
        let first = check(&ws, &response()).unwrap();
        assert!(!first.again);
        first.apply(&mut ws);
        let again = check(&ws, &response()).unwrap();
        assert!(again.replaces_claims);
        // The same response a second time is named as such in the preview; a newer one
        // from the same provider is not.
        assert!(again.again);
        let mut newer = Response {
            made_ms: response().made_ms + 1,
            ..response()
        };
        newer.quote.rates.per_user += 100;
        assert!(!check(&ws, &newer).unwrap().again);
        check(&ws, &newer).unwrap().apply(&mut ws);
        let old = check(&ws, &response()).unwrap();
        assert!(old.older && !old.again);
        // The same answers as a file made a minute before the link: the same response,
        // not an older one.
        let file = Response {
            made_ms: newer.made_ms - 60_000,
            ..newer.clone()
        };
        let same = check(&ws, &file).unwrap();
        assert!(same.again && !same.older);
        // Brought in, it does not move the answer back to the file's earlier time.
        let mut with_file = ws.clone();
        same.apply(&mut with_file);
        assert_eq!(
            with_file.sent("p2").unwrap().answered_ms,
            Some(newer.made_ms)
        );
        again.apply(&mut ws);
        assert_eq!(ws.raci.redline.len(), 1);
        assert_eq!(ws.pricing.quotes.len(), 2);
    }

    #[test]
    fn a_response_emptier_than_what_the_workspace_has_is_named_in_the_preview() {
        let mut ws = sent();
        let first = check(&ws, &response()).unwrap();
        assert_eq!(
            first.losses(),
            None,
            "the test workspace's quote has no price"
        );
        first.apply(&mut ws);
        let empty = Response {
            quote: Quote {
                rates: Default::default(),
                ..response().quote
            },
            answers: Vec::new(),
            made_ms: response().made_ms + 1,
            ..response()
        };
        let warned = check(&ws, &empty).unwrap().losses().unwrap();
        assert!(
            warned.starts_with("Check this is the response you expect: it has no price, where the quote you have from them has one, and 2 answers you have from them are not in it."),
            "{warned}"
        );
        // The same response again loses nothing.
        assert_eq!(check(&ws, &response()).unwrap().losses(), None);
    }

    #[test]
    fn an_import_taken_back_leaves_the_workspace_as_it_was_but_for_later_edits() {
        let mut ws = sent();
        let before = ws.clone();
        let replaced = check(&ws, &response()).unwrap().apply(&mut ws);
        assert_ne!(ws, before);
        // An edit elsewhere after the import stays when it is taken back.
        ws.profile.employees = 321;
        assert!(replaced.clone().restore(&mut ws));
        ws.profile.employees = before.profile.employees;
        assert_eq!(ws, before);
        // A second response over the first takes back to the first.
        let first = check(&ws, &response()).unwrap().apply(&mut ws);
        let after_first = ws.clone();
        let newer = Response {
            made_ms: response().made_ms + 1,
            ..response()
        };
        check(&ws, &newer).unwrap().apply(&mut ws).restore(&mut ws);
        assert_eq!(ws, after_first);
        // A provider removed since cannot have its quote back.
        ws.remove_provider("p2");
        let removed = ws.clone();
        assert!(!first.restore(&mut ws));
        assert_eq!(ws, removed);
    }

    #[test]
    fn a_request_sent_again_with_changes_knows_its_answer_is_to_the_earlier_version() {
        let mut ws = sent();
        check(&ws, &response()).unwrap().apply(&mut ws);
        assert!(!ws.sent("p2").unwrap().answered_earlier());
        ws.scorecard.criteria[0].question.push_str(" In writing?");
        let (req, _) = Request::of(&ws, "p2", "0123456789abcdef".into(), 3, &disclose()).unwrap();
        ws.note_sent("p2", &req);
        let sent = ws.sent("p2").unwrap();
        assert!(sent.answered_earlier());
        assert_eq!(sent.answered_ms, Some(response().made_ms));
        // The same request sent again unchanged is still answered.
        let mut again = self::sent();
        check(&again, &response()).unwrap().apply(&mut again);
        let (same, _) =
            Request::of(&again, "p2", "0123456789abcdef".into(), 4, &disclose()).unwrap();
        again.note_sent("p2", &same);
        assert!(!again.sent("p2").unwrap().answered_earlier());
    }

    #[test]
    fn an_answer_to_an_earlier_version_names_the_reworded_questions() {
        let mut ws = sent();
        for c in &mut ws.scorecard.criteria[..3] {
            c.question.push_str(" In writing?");
        }
        let (req, _) = Request::of(&ws, "p2", "0123456789abcdef".into(), 2, &disclose()).unwrap();
        ws.note_sent("p2", &req);
        let intake = check(&ws, &response()).unwrap();
        let names: Vec<String> = ws.scorecard.criteria[..2]
            .iter()
            .map(|c| c.name.clone())
            .collect();
        // Only the two answered questions are listed: the third has no answer to doubt.
        assert_eq!(intake.earlier, Some(names.clone()));
        assert!(intake.kept_answers.is_empty());
        assert!(intake.claims.values().all(|c| c.earlier_wording));
        // The same answers carried over into a response to the new version: the request
        // is current, the answers are not.
        let carried = Response {
            request_sum: req.sum(),
            ..response()
        };
        let intake = check(&ws, &carried).unwrap();
        assert_eq!((intake.earlier, &intake.kept_answers), (None, &names));
        assert!(intake.claims.values().all(|c| c.earlier_wording));
        let text = kept_text(&intake.kept_answers).unwrap();
        assert!(text.starts_with("They answered these 2 questions before you changed them"));
        assert_eq!(kept_text(&[]), None);
    }

    #[test]
    fn a_response_to_another_workspace_or_a_removed_provider_is_refused() {
        let ws = workspace();
        let err = check(&ws, &response()).unwrap_err();
        assert!(
            err.message().contains("not sent from this workspace"),
            "{}",
            err.message()
        );
        let mut ws = sent();
        ws.remove_provider("p2");
        let err = check(&ws, &response()).unwrap_err();
        assert_eq!(
            err,
            Refusal::NotSent {
                provider: "Crest Managed Services".into()
            }
        );
    }

    #[test]
    fn positions_on_removed_functions_are_skipped_not_fatal() {
        let mut ws = sent();
        let gone = ws.raci.functions[2].id;
        ws.raci.remove_function(gone);
        let intake = check(&ws, &response()).unwrap();
        assert_eq!((intake.counters.len(), intake.skipped), (0, 1));
    }
}
