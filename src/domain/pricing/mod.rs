//! The pricing comparison of a workspace: quotes turned into all-in, multi-year
//! figures, held against the market bands and the alternatives.
//!
//! Money is exact: integer cents (`money`), percentages in basis points. The rounding
//! rules are documented in `money` and `totals` and repeated in the README.

pub mod alternatives;
pub mod benchmarks;
pub mod compare;
pub mod crosscheck;
pub mod csv;
pub mod edit;
pub mod environment;
pub mod exclusions;
mod integrity;
pub mod models;
pub mod money;
pub mod quote;
pub mod summary;
pub mod totals;

use serde::{Deserialize, Serialize};

use super::provider::{self, Provider, ProviderError, MAX_PROVIDERS};
use alternatives::{FullyManaged, InHouse};
use environment::{Environment, Usage};
use quote::Quote;

/// The quotes of the providers and the alternatives they are compared with.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Pricing {
    pub env: Environment,
    pub usage: Usage,
    /// At most one per provider, in the order they were added.
    pub quotes: Vec<Quote>,
    pub managed: FullyManaged,
    pub in_house: InHouse,
}

/// Who a new quote is from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pick {
    /// A provider already in the workspace's list.
    Existing(String),
    /// A provider to add to the list under this name.
    New(String),
}

/// Why a quote could not be added.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AddError {
    Provider(ProviderError),
    AlreadyQuoted,
    UnknownProvider,
}

impl AddError {
    pub fn message(self) -> &'static str {
        match self {
            AddError::Provider(ProviderError::DuplicateName) => {
                "A provider with this name is already in the list: pick it instead."
            }
            AddError::Provider(e) => e.message(),
            AddError::AlreadyQuoted => "This provider already has a quote: edit that one.",
            AddError::UnknownProvider => "Pick a provider from the list.",
        }
    }
}

impl Pricing {
    pub fn quote(&self, provider: &str) -> Option<&Quote> {
        self.quotes.iter().find(|q| q.provider == provider)
    }

    pub fn quote_mut(&mut self, provider: &str) -> Option<&mut Quote> {
        self.quotes.iter_mut().find(|q| q.provider == provider)
    }

    /// Providers in the shared list that have no quote yet.
    pub fn unquoted<'a>(&self, providers: &'a [Provider]) -> Vec<&'a Provider> {
        providers
            .iter()
            .filter(|p| self.quote(&p.id).is_none())
            .collect()
    }

    /// Adds a blank quote for an existing provider, or for a new one added to the
    /// shared list with `fresh_id`. Returns the provider id.
    pub fn add_quote(
        &mut self,
        providers: &mut Vec<Provider>,
        pick: Pick,
        fresh_id: String,
    ) -> Result<String, AddError> {
        let id = match pick {
            Pick::Existing(id) => {
                if !providers.iter().any(|p| p.id == id) {
                    return Err(AddError::UnknownProvider);
                }
                if self.quote(&id).is_some() {
                    return Err(AddError::AlreadyQuoted);
                }
                id
            }
            Pick::New(name) => {
                if self.quotes.len() >= MAX_PROVIDERS {
                    return Err(AddError::Provider(ProviderError::TooMany));
                }
                provider::add(providers, fresh_id.clone(), &name).map_err(AddError::Provider)?;
                fresh_id
            }
        };
        self.quotes.push(Quote::new(id.clone()));
        Ok(id)
    }

    /// Removes a provider's quote. The provider stays in the shared list.
    pub fn remove_quote(&mut self, provider: &str) {
        self.quotes.retain(|q| q.provider != provider);
    }

    /// Called when a provider leaves the shared list: its quote goes with it.
    pub fn forget_provider(&mut self, id: &str) {
        self.remove_quote(id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn providers() -> Vec<Provider> {
        let mut list = Vec::new();
        provider::add(&mut list, "p1".into(), "Harbor IT").unwrap();
        provider::add(&mut list, "p2".into(), "Keystone").unwrap();
        list
    }

    #[test]
    fn a_quote_can_use_an_existing_provider_once() {
        let mut list = providers();
        let mut p = Pricing::default();
        assert_eq!(
            p.add_quote(&mut list, Pick::Existing("p1".into()), "x".into()),
            Ok("p1".into())
        );
        assert_eq!(
            p.add_quote(&mut list, Pick::Existing("p1".into()), "x".into()),
            Err(AddError::AlreadyQuoted)
        );
        assert_eq!(
            p.add_quote(&mut list, Pick::Existing("nope".into()), "x".into()),
            Err(AddError::UnknownProvider)
        );
        let unquoted: Vec<&str> = p.unquoted(&list).iter().map(|p| p.id.as_str()).collect();
        assert_eq!(unquoted, vec!["p2"]);
        assert_eq!(list.len(), 2);
    }

    #[test]
    fn a_new_provider_joins_the_shared_list() {
        let mut list = providers();
        let mut p = Pricing::default();
        assert_eq!(
            p.add_quote(&mut list, Pick::New(" Northwind MSP ".into()), "p3".into()),
            Ok("p3".into())
        );
        assert_eq!(list[2].name, "Northwind MSP");
        assert_eq!(p.quotes[0].provider, "p3");
        let dup = p.add_quote(&mut list, Pick::New("harbor it".into()), "p4".into());
        assert_eq!(dup, Err(AddError::Provider(ProviderError::DuplicateName)));
        assert_eq!(
            dup.unwrap_err().message(),
            "A provider with this name is already in the list: pick it instead."
        );
        assert_eq!(
            p.add_quote(&mut list, Pick::New("  ".into()), "p5".into()),
            Err(AddError::Provider(ProviderError::EmptyName))
        );
        assert_eq!(list.len(), 3);
    }

    #[test]
    fn removing_a_quote_keeps_the_provider_and_forgetting_a_provider_drops_its_quote() {
        let mut list = providers();
        let mut p = Pricing::default();
        p.add_quote(&mut list, Pick::Existing("p1".into()), String::new())
            .unwrap();
        p.add_quote(&mut list, Pick::Existing("p2".into()), String::new())
            .unwrap();
        p.remove_quote("p1");
        assert_eq!(list.len(), 2);
        assert!(p.quote("p1").is_none());
        p.forget_provider("p2");
        assert!(p.quotes.is_empty());
        p.forget_provider("unknown");
    }

    #[test]
    fn an_old_empty_pricing_document_loads() {
        let p: Pricing = serde_json::from_str("{}").unwrap();
        assert_eq!(p, Pricing::default());
        let round: Pricing = serde_json::from_str(&serde_json::to_string(&p).unwrap()).unwrap();
        assert_eq!(round, p);
    }
}
