//! What providers say about themselves, question by question, from their responses to
//! a request for proposal. Shown beside the criteria so the buyer scores against them;
//! a provider's self-rating is a claim, never a score, and nothing here enters a total.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::model::{Scorecard, MAX_TEXT_CHARS};

/// A provider's answer to one criterion's question.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Claim {
    pub text: String,
    /// The provider's own rating, 1 to 5.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rating: Option<u8>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub evidence: String,
    /// When the response was sent, milliseconds since the Unix epoch.
    pub at_ms: i64,
    /// The question was reworded after the provider answered it.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub earlier_wording: bool,
}

/// The evidence as a link only when it is a web address: a response is outside data,
/// and a `javascript:` address must never become a clickable link.
pub fn web_address(text: &str) -> Option<String> {
    let t = text.trim();
    let lower = t.get(..8).map(str::to_ascii_lowercase).unwrap_or_default();
    (lower.starts_with("https://") || lower.starts_with("http://")).then(|| t.to_owned())
}

/// Claims by provider id, then criterion id.
pub type Claims = BTreeMap<String, BTreeMap<String, Claim>>;

impl Scorecard {
    pub fn claim(&self, provider: &str, criterion: &str) -> Option<&Claim> {
        self.claims.get(provider)?.get(criterion)
    }

    /// Replaces a provider's claims with those of its latest response.
    pub fn set_claims(&mut self, provider: &str, claims: BTreeMap<String, Claim>) {
        if claims.is_empty() {
            self.claims.remove(provider);
        } else {
            self.claims.insert(provider.to_owned(), claims);
        }
    }

    /// The invariants of the claims, for `check_integrity`.
    pub(super) fn check_claims(&self) -> Result<(), String> {
        for (provider, by_criterion) in &self.claims {
            if by_criterion.len() > self.criteria.len().max(1) * 2 || provider.is_empty() {
                return Err("a provider's answers do not match the criteria".into());
            }
            for claim in by_criterion.values() {
                if claim.text.chars().count() > MAX_TEXT_CHARS
                    || claim.evidence.chars().count() > MAX_TEXT_CHARS
                    || claim.rating.is_some_and(|r| !(1..=5).contains(&r))
                {
                    return Err("a provider's answer is too long or rated outside 1 to 5".into());
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::web_address;

    #[test]
    fn only_web_addresses_become_links() {
        assert_eq!(
            web_address(" https://a.example/x "),
            Some("https://a.example/x".into())
        );
        assert_eq!(
            web_address("HTTP://a.example"),
            Some("HTTP://a.example".into())
        );
        assert_eq!(web_address("javascript:alert(1)"), None);
        assert_eq!(web_address("see our SOC 2 report"), None);
        assert_eq!(web_address("é"), None);
        assert_eq!(web_address(""), None);
    }
}
