//! The buyer's record of the requests sent from a workspace: enough to match a response
//! to its request and to notice that it answers an earlier version.

use serde::{Deserialize, Serialize};

use super::request::Request;
use super::valid_id;
use crate::domain::provider::MAX_PROVIDERS;
use crate::domain::workspace::Workspace;

/// One provider's request as last sent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sent {
    pub id: String,
    /// The provider's id in the workspace.
    pub provider: String,
    pub made_ms: i64,
    /// `Request::sum` of the version last sent.
    pub sum: u32,
    /// When the provider sent the response last brought in, if one was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answered_ms: Option<i64>,
    /// `Request::sum` of the version that response answered: after the request is sent
    /// again with changes, its answer is to an earlier version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answered_sum: Option<u32>,
    /// Whom that response names to reach at the provider: the buyer replies to them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    /// `Response::sum` of that response: the same answers sent again as a file or a
    /// later link are the same response, not a newer or an older one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answered_body: Option<u32>,
}

impl Sent {
    /// Whether the response last brought in answers an earlier version than the one
    /// last sent.
    pub fn answered_earlier(&self) -> bool {
        self.answered_sum.is_some_and(|sum| sum != self.sum)
    }
}

impl Workspace {
    /// The request sent to a provider, if any.
    pub fn sent(&self, provider: &str) -> Option<&Sent> {
        self.requests.iter().find(|r| r.provider == provider)
    }

    /// Whether the request with this id was sent from this workspace.
    pub fn sent_request(&self, id: &str) -> bool {
        self.requests.iter().any(|r| r.id == id)
    }

    /// The id a new request to `provider` gets: the one already sent to it, so an
    /// answer to the earlier version still matches, or `fresh`.
    pub fn request_id(&self, provider: &str, fresh: impl FnOnce() -> String) -> String {
        self.sent(provider).map_or_else(fresh, |s| s.id.clone())
    }

    /// Whether the request `provider` would get now differs from the one last sent:
    /// a question, a count, a RACI row or what is disclosed changed since (send it again).
    pub fn changed_since_sent(&self, provider: &str) -> bool {
        let Some(sent) = self.sent(provider) else {
            return false;
        };
        Request::of(
            self,
            provider,
            sent.id.clone(),
            sent.made_ms,
            &self.disclose,
        )
        .is_ok_and(|(now, _)| now.sum() != sent.sum)
    }

    /// When a request to `provider` made at `now_ms` counts as made: when the one last
    /// sent, if nothing it carries changed since. Sent again, it is then the same request,
    /// link for link, and its "Sent" date stays before the answer it already has.
    pub fn request_made_ms(&self, provider: &str, now_ms: i64) -> i64 {
        match self.sent(provider) {
            Some(s) if !self.changed_since_sent(provider) => s.made_ms,
            _ => now_ms,
        }
    }

    /// Remembers that `request` went to `provider` (replacing the earlier version).
    /// Whether the record changed: the same request sent again leaves nothing to save.
    pub fn note_sent(&mut self, provider: &str, request: &Request) -> bool {
        let sent = Sent {
            id: request.id.clone(),
            provider: provider.to_owned(),
            made_ms: request.made_ms,
            sum: request.sum(),
            answered_ms: None,
            answered_sum: None,
            contact: None,
            answered_body: None,
        };
        match self.requests.iter_mut().find(|r| r.provider == provider) {
            // An answer to the earlier version still counts until a newer one comes.
            Some(old) => {
                let new = Sent {
                    answered_ms: old.answered_ms,
                    answered_sum: old.answered_sum,
                    contact: old.contact.clone(),
                    answered_body: old.answered_body,
                    ..sent
                };
                let changed = *old != new;
                *old = new;
                changed
            }
            None => {
                self.requests.push(sent);
                true
            }
        }
    }
}

/// The invariants of the record, for `Workspace::check`.
pub fn check_requests(requests: &[Sent]) -> Result<(), String> {
    if requests.len() > MAX_PROVIDERS {
        return Err("it records more requests than providers".into());
    }
    for (i, r) in requests.iter().enumerate() {
        if !valid_id(&r.id) {
            return Err("a sent request has an id Splitline does not make".into());
        }
        if requests[..i]
            .iter()
            .any(|o| o.id == r.id || o.provider == r.provider)
        {
            return Err("two sent requests share an id or a provider".into());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::domain::proposal::request::tests::{disclose, workspace};
    use crate::domain::proposal::request::Request;

    #[test]
    fn a_request_changed_since_it_was_sent_is_noticed() {
        let mut ws = workspace();
        ws.disclose = disclose();
        assert!(!ws.changed_since_sent("p2"), "never sent");
        let (req, _) = Request::of(&ws, "p2", "0123456789abcdef".into(), 5, &ws.disclose).unwrap();
        ws.note_sent("p2", &req);
        assert!(!ws.changed_since_sent("p2"));
        ws.disclose.note = "Answers by Monday.".into();
        assert!(ws.changed_since_sent("p2"));
        ws.disclose = disclose();
        let f = ws.raci.functions[0].id;
        ws.raci.function_mut(f).unwrap().night_owner = None;
        ws.raci.function_mut(f).unwrap().day_owner = None;
        assert!(ws.changed_since_sent("p2"));
    }

    #[test]
    fn a_request_sent_again_unchanged_is_the_same_request() {
        let mut ws = workspace();
        ws.disclose = disclose();
        assert_eq!(ws.request_made_ms("p2", 7), 7, "never sent");
        let id = "0123456789abcdef";
        let (req, _) = Request::of(&ws, "p2", id.into(), 5, &ws.disclose).unwrap();
        assert!(ws.note_sent("p2", &req));
        let made = ws.request_made_ms("p2", 9);
        let (again, _) = Request::of(&ws, "p2", id.into(), made, &ws.disclose).unwrap();
        assert_eq!(again, req);
        assert!(!ws.note_sent("p2", &again), "nothing to save");
        assert_eq!(ws.sent("p2").unwrap().made_ms, 5);
        ws.disclose.note = "Answers by Monday.".into();
        assert_eq!(ws.request_made_ms("p2", 9), 9, "changed since");
    }
}
