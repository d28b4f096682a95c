//! A request for proposal: what the buyer discloses to one provider.
//!
//! Built from a workspace by `Request::of`, which copies only what a provider may see:
//! the company profile the buyer chose to disclose, the environment and expected yearly
//! use, each scorecard question with its anchors (never a weight, a score or a note),
//! and the proposed RACI without the buyer's private notes. Other providers' names are
//! masked wherever the buyer wrote them (`mask`).

use serde::{Deserialize, Serialize};

use super::mask::{self, hidden};
use super::valid_id;
use crate::domain::pricing::environment::{Counts, Environment, Usage};
use crate::domain::pricing::Pricing;
use crate::domain::profile::{CompanyProfile, Industry, MAX_NAME_CHARS};
use crate::domain::provider::MAX_PROVIDER_NAME_CHARS;
use crate::domain::raci::Raci;
use crate::domain::scorecard::model::{
    Anchors, Criterion, MAX_CRITERIA, MAX_NAME_CHARS as MAX_CRITERION_NAME, MAX_TEXT_CHARS,
};
use crate::domain::share::crc::crc32;
use crate::domain::workspace::Workspace;

pub const MAX_NOTE_CHARS: usize = 2000;
pub const MAX_CONTACT_CHARS: usize = 120;

/// One provider's request for proposal.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Request {
    /// Random, made by the buyer's browser; kept when the buyer re-sends an edited
    /// request to the same provider, so an answer to either version finds its way back.
    pub id: String,
    /// Milliseconds since the Unix epoch.
    pub made_ms: i64,
    /// The provider it is addressed to, as the buyer named it.
    pub provider: String,
    pub buyer: Buyer,
    pub env: Environment,
    pub usage: Usage,
    pub questions: Vec<Question>,
    pub raci: Raci,
}

/// Who is asking, as far as the buyer chose to say.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Buyer {
    /// Empty when the buyer chose not to name the company.
    pub company: String,
    /// Who the provider should send the response to.
    pub contact: String,
    pub industry: Industry,
    pub employees: u32,
    pub internal_it: u32,
    /// A message from the buyer: deadline, call dates, anything else.
    pub note: String,
}

/// One scorecard criterion as the provider sees it: the question and what a weak, a
/// fair and a strong answer looks like. Never its weight.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    /// The criterion id, so an answer lands beside its criterion.
    pub id: String,
    pub group: String,
    pub name: String,
    #[serde(default)]
    pub question: String,
    #[serde(default)]
    pub anchors: Anchors,
}

impl From<&Criterion> for Question {
    fn from(c: &Criterion) -> Question {
        Question {
            id: c.id.clone(),
            group: c.group.clone(),
            name: c.name.clone(),
            question: c.question.clone(),
            anchors: c.anchors.clone(),
        }
    }
}

impl Question {
    /// A checksum of the wording, so an answer to an earlier wording is noticed.
    pub fn sum(&self) -> u32 {
        let a = &self.anchors;
        let text = [&self.name, &self.question, &a.one, &a.three, &a.five].map(String::as_str);
        crc32(text.join("\n").as_bytes())
    }
}

/// What the buyer chose to tell the provider beyond the counts, kept in the workspace
/// so every request of the round says the same.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Disclose {
    /// Name the company (otherwise the provider sees its industry and size only).
    pub company: bool,
    pub contact: String,
    pub note: String,
}

impl Default for Disclose {
    fn default() -> Disclose {
        Disclose {
            company: true,
            contact: String::new(),
            note: String::new(),
        }
    }
}

impl Disclose {
    pub fn is_default(&self) -> bool {
        *self == Disclose::default()
    }

    /// The limits a file or link could break; the message names the problem.
    pub fn check(&self) -> Result<(), String> {
        if self.contact.chars().count() > MAX_CONTACT_CHARS {
            return Err("the contact line for requests is too long".into());
        }
        if self.note.chars().count() > MAX_NOTE_CHARS {
            return Err("the note to providers is too long".into());
        }
        Ok(())
    }
}

/// The names of the workspace's providers other than `provider_id`: what a request to
/// that provider must not name.
pub fn other_names(ws: &Workspace, provider_id: &str) -> Vec<String> {
    ws.providers
        .iter()
        .filter(|p| p.id != provider_id)
        .map(|p| p.name.clone())
        .collect()
}

/// Where `Request::of` replaced another provider's name, for the buyer to review.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Masked(pub String);

impl Request {
    /// The counts the buyer's comparison prices every quote for: the buyer's where given,
    /// otherwise estimated from the company's size, as the buyer's own page does.
    pub fn counts(&self) -> Counts {
        let profile = CompanyProfile {
            employees: self.buyer.employees.max(1),
            ..CompanyProfile::default()
        };
        self.env.counts(&profile)
    }

    /// The request for the provider `provider_id` of `ws`, with the given id and time.
    /// `Err` when the provider is not in the workspace or a field is too long.
    pub fn of(
        ws: &Workspace,
        provider_id: &str,
        id: String,
        made_ms: i64,
        disclose: &Disclose,
    ) -> Result<(Request, Vec<Masked>), String> {
        let provider = ws
            .providers
            .iter()
            .find(|p| p.id == provider_id)
            .ok_or("this provider is no longer in the workspace")?;
        let others = hidden(other_names(ws, provider_id));
        let mut masked = Vec::new();
        let mut hide = |text: &mut String, place: String| {
            if let Some(clean) = mask::mask(text, &others) {
                *text = clean;
                masked.push(Masked(place));
            }
        };
        let mut buyer = Buyer {
            company: if disclose.company {
                ws.profile.company_name.trim().to_owned()
            } else {
                String::new()
            },
            contact: disclose.contact.trim().to_owned(),
            industry: ws.profile.industry,
            employees: ws.profile.employees,
            internal_it: ws.profile.internal_it,
            note: disclose.note.trim().to_owned(),
        };
        hide(&mut buyer.note, "your note".into());
        let mut questions: Vec<Question> =
            ws.scorecard.criteria.iter().map(Question::from).collect();
        for q in &mut questions {
            let place = format!("the question \u{201c}{}\u{201d}", q.name);
            let a = &mut q.anchors;
            for text in [
                &mut q.group,
                &mut q.name,
                &mut q.question,
                &mut a.one,
                &mut a.three,
                &mut a.five,
            ] {
                hide(text, place.clone());
            }
        }
        let mut raci = (*ws.raci).clone();
        for party in &mut raci.parties {
            let place = format!("the RACI party \u{201c}{}\u{201d}", party.name);
            hide(&mut party.name, place);
        }
        for category in &mut raci.categories {
            let place = format!("the RACI group \u{201c}{}\u{201d}", category.name);
            hide(&mut category.name, place);
        }
        // Counter-proposals are between the buyer and each provider.
        raci.redline.clear();
        for f in &mut raci.functions {
            // The buyer's own notes stay home; everything else is the proposal.
            f.notes.clear();
            let place = format!("the RACI function \u{201c}{}\u{201d}", f.name);
            for text in [&mut f.name, &mut f.hint, &mut f.p1, &mut f.handoff] {
                hide(text, place.clone());
            }
        }
        masked.dedup();
        let request = Request {
            id,
            made_ms,
            provider: provider.name.clone(),
            buyer,
            env: ws.pricing.env.clone(),
            usage: ws.pricing.usage.clone(),
            questions,
            raci,
        };
        request.check()?;
        Ok((request, masked))
    }

    /// A checksum of what is asked (profile, counts, questions, RACI), not of when or
    /// to whom: the same request re-sent has the same sum, an edited one another.
    pub fn sum(&self) -> u32 {
        let asked = (
            &self.buyer,
            &self.env,
            &self.usage,
            &self.questions,
            &self.raci,
        );
        crc32(&serde_json::to_vec(&asked).expect("our models always serialise"))
    }

    /// The question with this criterion id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    /// What a file or link could get wrong; the message names the problem.
    pub fn check(&self) -> Result<(), String> {
        if !valid_id(&self.id) {
            return Err("the request id is not one Splitline makes".into());
        }
        let long = |text: &str, max: usize| text.chars().count() > max;
        if self.provider.trim().is_empty() || long(&self.provider, MAX_PROVIDER_NAME_CHARS) {
            return Err("the provider's name is missing or too long".into());
        }
        let b = &self.buyer;
        if long(&b.company, MAX_NAME_CHARS)
            || long(&b.contact, MAX_CONTACT_CHARS)
            || long(&b.note, MAX_NOTE_CHARS)
        {
            return Err("the buyer's details are too long".into());
        }
        if self.questions.len() > MAX_CRITERIA {
            return Err(format!("it asks more than {MAX_CRITERIA} questions"));
        }
        for (i, q) in self.questions.iter().enumerate() {
            if q.id.is_empty() || self.questions[..i].iter().any(|o| o.id == q.id) {
                return Err("two questions share an id".into());
            }
            let a = &q.anchors;
            if long(&q.name, MAX_CRITERION_NAME)
                || long(&q.group, MAX_CRITERION_NAME)
                || [&q.question, &a.one, &a.three, &a.five]
                    .iter()
                    .any(|t| long(t, MAX_TEXT_CHARS))
            {
                return Err(format!(
                    "the question \u{201c}{}\u{201d} is too long",
                    q.name
                ));
            }
        }
        let pricing = Pricing {
            env: self.env.clone(),
            usage: self.usage.clone(),
            ..Pricing::default()
        };
        pricing.check_integrity()?;
        self.raci.check_integrity()
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::domain::pricing::Pick;
    use crate::domain::profile::Industry;
    use crate::domain::raci::template;
    use crate::domain::scorecard::{Score, Weight};

    /// The buyer's workspace of the proposal tests: two providers, one quoted and
    /// scored, the legal RACI with an incumbent named in it.
    pub(crate) fn workspace() -> Workspace {
        let mut ws = Workspace::new("w1".into(), "Harbor vs Crest".into(), 5);
        ws.profile.company_name = "Acme Legal LLP".into();
        ws.profile.employees = 140;
        ws.profile.internal_it = 2;
        ws.profile.industry = Industry::Legal;
        ws.raci = template::co_managed(Industry::Legal).into();
        ws.raci.functions[0].notes = "Budget: Harbor quoted $41,000 for this".into();
        ws.raci.functions[1].handoff = "Harbor IT hands tickets to our desk".into();
        for (id, name) in [("p1", "Harbor IT"), ("p2", "Crest Managed Services")] {
            ws.pricing
                .add_quote(&mut ws.providers, Pick::New(name.into()), id.into())
                .unwrap();
        }
        ws.pricing.quote_mut("p1").unwrap().rates.per_user = 1_234_567;
        let first = ws.scorecard.criteria[0].id.clone();
        ws.scorecard.criteria[0].weight = Weight::new(737.0).unwrap();
        ws.scorecard
            .cells
            .entry("p1".into())
            .or_default()
            .entry(first)
            .or_default()
            .score = Some(Score::Points(4));
        ws.pricing.env.users = Some(140);
        ws.pricing.usage.project_hours = 60;
        ws
    }

    pub(crate) fn disclose() -> Disclose {
        Disclose {
            company: true,
            contact: "Dana Reyes, dana@acme.example".into(),
            note: "Answers by 12 January, please.".into(),
        }
    }

    pub(crate) fn request() -> Request {
        Request::of(
            &workspace(),
            "p2",
            "0123456789abcdef".into(),
            1_800_000_000_000,
            &disclose(),
        )
        .unwrap()
        .0
    }

    #[test]
    fn carries_the_questions_counts_and_raci() {
        let ws = workspace();
        let r = request();
        assert_eq!(r.provider, "Crest Managed Services");
        assert_eq!(r.buyer.company, "Acme Legal LLP");
        assert_eq!(r.buyer.employees, 140);
        assert_eq!(r.env.users, Some(140));
        assert_eq!(r.usage.project_hours, 60);
        assert_eq!(r.questions.len(), ws.scorecard.criteria.len());
        assert_eq!(r.questions[3].question, ws.scorecard.criteria[3].question);
        assert_eq!(r.raci.functions.len(), ws.raci.functions.len());
        assert_eq!(r.raci.functions[5].roles, ws.raci.functions[5].roles);
        r.check().unwrap();
    }

    #[test]
    fn counts_not_given_are_the_ones_the_buyers_comparison_estimates() {
        let ws = workspace();
        let r = request();
        // Users typed (140); the rest follow the 140 employees, as on the buyer's page.
        assert_eq!(r.counts(), ws.pricing.env.counts(&ws.profile));
        assert_eq!((r.counts().users, r.counts().servers), (140, 6));
    }

    #[test]
    fn the_company_name_is_left_out_unless_disclosed() {
        let quiet = Disclose {
            company: false,
            ..Disclose::default()
        };
        let (r, _) = Request::of(&workspace(), "p2", "0123456789abcdef".into(), 1, &quiet).unwrap();
        assert_eq!(r.buyer.company, "");
        assert_eq!(r.buyer.industry, Industry::Legal);
    }

    #[test]
    fn other_providers_names_are_masked_and_reported() {
        let (r, masked) = Request::of(
            &workspace(),
            "p2",
            "0123456789abcdef".into(),
            1,
            &disclose(),
        )
        .unwrap();
        assert_eq!(
            r.raci.functions[1].handoff,
            "another provider hands tickets to our desk"
        );
        assert_eq!(masked.len(), 1, "{masked:?}");
        assert!(masked[0].0.starts_with("the RACI function"));
    }

    #[test]
    fn the_sum_follows_what_is_asked_not_when() {
        let a = request();
        let mut b = a.clone();
        b.made_ms += 1000;
        assert_eq!(a.sum(), b.sum());
        b.questions[2].question.push_str(" In writing?");
        assert_ne!(a.sum(), b.sum());
    }

    #[test]
    fn an_unknown_provider_or_a_bad_id_is_refused() {
        let ws = workspace();
        assert!(Request::of(&ws, "p9", "0123456789abcdef".into(), 1, &disclose()).is_err());
        assert!(Request::of(&ws, "p1", "not hex!".into(), 1, &disclose()).is_err());
    }
}
