//! One tool's document with what it needs to be read on its own, for files and links.

use serde::{Deserialize, Serialize};

use super::pricing::Pricing;
use super::profile::{CompanyProfile, MAX_NAME_CHARS};
use super::provider::Provider;
use super::raci::Raci;
use super::scorecard::card_file::{self, CardFile};
use super::scorecard::merge::{self, Options};
use super::workspace::Workspace;

/// A RACI matrix and the name of the workspace it came from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RaciDoc {
    pub name: String,
    pub raci: Raci,
}

/// A pricing comparison with the company profile its environment defaults follow and
/// the providers its quotes name.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PricingDoc {
    pub name: String,
    pub profile: CompanyProfile,
    pub providers: Vec<Provider>,
    pub pricing: Pricing,
}

impl RaciDoc {
    pub fn of(ws: &Workspace) -> RaciDoc {
        RaciDoc {
            name: ws.display_name().to_owned(),
            raci: (*ws.raci).clone(),
        }
    }

    /// A new workspace holding this RACI (ids come from the caller).
    pub fn into_workspace(self, id: String, now_ms: i64) -> Workspace {
        let mut ws = Workspace::new(id, self.name, now_ms);
        ws.raci = self.raci.into();
        ws
    }
}

impl PricingDoc {
    /// The comparison of a workspace, with only the providers its quotes name.
    pub fn of(ws: &Workspace) -> PricingDoc {
        PricingDoc {
            name: ws.display_name().to_owned(),
            profile: ws.profile.clone(),
            providers: ws
                .providers
                .iter()
                .filter(|p| ws.pricing.quote(&p.id).is_some())
                .cloned()
                .collect(),
            pricing: (*ws.pricing).clone(),
        }
    }

    /// A new workspace holding this comparison (ids come from the caller).
    pub fn into_workspace(self, id: String, now_ms: i64) -> Workspace {
        let mut ws = Workspace::new(id, self.name, now_ms);
        ws.profile = self.profile;
        ws.providers = self.providers;
        ws.pricing = self.pricing.into();
        ws
    }

    /// Checked as the workspace it would become, by the rules of a workspace file.
    pub fn check(&self) -> Result<(), String> {
        self.clone().into_workspace("doc".into(), 0).check()
    }
}

/// A new workspace set up from a shared scorecard: its providers, criteria, weights and
/// red flags, with the sharer's scores as an imported evaluator's card, so the buyer
/// scores on their own and compares afterwards.
pub fn workspace_from_card(
    card: &CardFile,
    id: String,
    now_ms: i64,
    fresh_id: impl FnMut() -> String,
) -> Result<Workspace, String> {
    card_file::validate(card)?;
    let name = if card.workspace.trim().is_empty() {
        let from = format!("Scorecard from {}", card.evaluator.trim());
        from.chars().take(MAX_NAME_CHARS).collect()
    } else {
        card.workspace.clone()
    };
    let mut ws = Workspace::new(id, name, now_ms);
    ws.providers = card.providers.clone();
    ws.scorecard.criteria = card.criteria.clone();
    ws.scorecard.flags = card.flags.clone();
    // An empty scorecard with the card's criteria and providers matches all of it.
    merge::apply(
        &mut ws.scorecard,
        &mut ws.providers,
        card,
        Options::default(),
        now_ms,
        fresh_id,
    )
    .map_err(|e| e.message().to_owned())?;
    ws.check()?;
    Ok(ws)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::pricing::Pick;
    use crate::domain::profile::Industry;
    use crate::domain::raci::template;

    fn workspace() -> Workspace {
        let mut ws = Workspace::new("w".into(), "Acme review".into(), 1);
        ws.raci = template::co_managed(Industry::Legal).into();
        ws.pricing
            .add_quote(
                &mut ws.providers,
                Pick::New("Harbor IT".into()),
                "p1".into(),
            )
            .unwrap();
        crate::domain::provider::add(&mut ws.providers, "p2".into(), "Only scored").unwrap();
        ws
    }

    #[test]
    fn a_raci_document_becomes_a_workspace_with_that_raci() {
        let ws = workspace();
        let back = RaciDoc::of(&ws).into_workspace("n".into(), 5);
        assert_eq!(back.raci, ws.raci);
        assert_eq!(back.name, "Acme review");
        assert!(back.providers.is_empty());
    }

    #[test]
    fn a_pricing_document_keeps_only_the_quoted_providers() {
        let ws = workspace();
        let doc = PricingDoc::of(&ws);
        assert_eq!(doc.providers.len(), 1);
        assert_eq!(doc.check(), Ok(()));
        let back = doc.into_workspace("n".into(), 5);
        assert_eq!(back.pricing, ws.pricing);
        assert_eq!(back.profile, ws.profile);
    }

    #[test]
    fn a_shared_card_becomes_a_workspace_with_the_card_as_another_evaluator() {
        use crate::domain::scorecard::Score;
        let mut ws = workspace();
        ws.scorecard.evaluator = "Dana".into();
        ws.scorecard.card_id = "card1".into();
        let criterion = ws.scorecard.criteria[0].id.clone();
        ws.scorecard
            .set_score("p1", &criterion, Some(Score::Points(4)));
        let card = card_file::card_file(&ws.scorecard, &ws.providers, "Acme review", 9);
        let mut n = 0;
        let new = workspace_from_card(&card, "new".into(), 10, || {
            n += 1;
            format!("id{n}")
        })
        .unwrap();
        assert_eq!(new.name, "Acme review");
        assert_eq!(new.providers, ws.providers);
        assert!(new.scorecard.cells.is_empty(), "no scores of one's own yet");
        assert_eq!(new.scorecard.others.len(), 1);
        assert_eq!(new.scorecard.others[0].evaluator, "Dana");
        assert_eq!(
            card.scorecard().score("p1", &criterion),
            Some(Score::Points(4))
        );
        assert_eq!(new.check(), Ok(()));
    }

    #[test]
    fn a_pricing_document_is_refused_for_what_its_workspace_would_be() {
        let mut doc = PricingDoc::of(&workspace());
        doc.providers.push(crate::domain::provider::Provider {
            id: "p9".into(),
            name: "HARBOR it".into(),
        });
        assert!(doc.check().unwrap_err().contains("repeated"));
    }

    #[test]
    fn a_quote_without_its_provider_is_refused() {
        let mut doc = PricingDoc::of(&workspace());
        doc.providers.clear();
        assert!(doc.check().is_err());
    }

    /// Cards as a link or file could carry them: names that clash but for case, default
    /// flags given twice, blank or long flag texts.
    fn arb_card() -> impl proptest::strategy::Strategy<Value = CardFile> {
        use crate::domain::scorecard::criteria::default_flags;
        use crate::domain::scorecard::RedFlag;
        use proptest::prelude::*;
        let flag = prop_oneof![
            (0..default_flags().len()).prop_map(|i| default_flags()[i].clone()),
            ("[a-c]{0,2}", "[ xX]{0,3}").prop_map(|(id, text)| RedFlag {
                id,
                text,
                custom: true
            }),
        ];
        (
            prop::collection::vec(("[a-d]{1,2}", "[aAbB ]{0,3}"), 0..5),
            prop::collection::vec(flag, 0..6),
        )
            .prop_map(|(providers, flags)| {
                let mut card = card_file::card_file(&Default::default(), &[], "Acme", 1);
                card.providers = providers
                    .into_iter()
                    .map(|(id, name)| crate::domain::provider::Provider { id, name })
                    .collect();
                card.flags = flags;
                card
            })
    }

    proptest::proptest! {
        #[test]
        fn every_workspace_made_from_an_accepted_card_passes_check(card in arb_card()) {
            let made = workspace_from_card(&card, "w".into(), 1, || "fresh".into());
            proptest::prop_assert_eq!(made.is_ok(), card_file::validate(&card).is_ok());
            if let Ok(ws) = made {
                proptest::prop_assert_eq!(ws.check(), Ok(()));
            }
        }
    }
}
