//! One evaluator's scorecard as a file: what it holds, how it is written and read,
//! and the checks every imported card passes (file or link).
//!
//! The file is a versioned envelope of kind `scorecard`:
//! `{"format":"splitline","kind":"scorecard","version":1,"data":{CardFile}}`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::model::{Cells, Criterion, RedFlag, Scorecard, MAX_NAME_CHARS};
use crate::domain::envelope::{self, EnvelopeError, Kind};
use crate::domain::limits::MAX_FILE_BYTES;
use crate::domain::provider::Provider;
use crate::domain::share::bytes::MAX_ID_BYTES;
use crate::domain::workspace::Workspace;

/// One evaluator's scorecard as written to a file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CardFile {
    /// Stable per evaluator and workspace: a newer file from the same card replaces the older.
    pub card_id: String,
    pub evaluator: String,
    #[serde(default)]
    pub complete: bool,
    #[serde(default)]
    pub exported_ms: i64,
    /// The workspace it came from, for the buyer's orientation only.
    #[serde(default)]
    pub workspace: String,
    pub providers: Vec<Provider>,
    pub criteria: Vec<Criterion>,
    #[serde(default)]
    pub cells: Cells,
    #[serde(default)]
    pub flags: Vec<RedFlag>,
    #[serde(default)]
    pub knockouts: BTreeMap<String, BTreeMap<String, String>>,
}

/// Builds the file content of this evaluator's card. `card_id` must already be set.
pub fn card_file(sc: &Scorecard, providers: &[Provider], workspace: &str, now_ms: i64) -> CardFile {
    CardFile {
        card_id: sc.card_id.clone(),
        evaluator: sc.evaluator.trim().to_owned(),
        complete: sc.complete,
        exported_ms: now_ms,
        workspace: workspace.to_owned(),
        providers: providers.to_vec(),
        criteria: sc.criteria.clone(),
        cells: sc.cells.clone(),
        flags: sc.flags.clone(),
        knockouts: sc.knockouts.clone(),
    }
}

pub fn encode(card: &CardFile) -> String {
    envelope::encode_pretty(Kind::Scorecard, card)
}

/// A file name for the card: `scorecard-dana-lee.json`.
pub fn file_name(evaluator: &str) -> String {
    let slug = super::file_slug(evaluator);
    if slug.is_empty() {
        "scorecard.json".into()
    } else {
        format!("scorecard-{slug}.json")
    }
}

/// Why a scorecard file was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CardError {
    TooLarge,
    Envelope(EnvelopeError),
    Invalid(String),
}

impl CardError {
    pub fn message(&self) -> String {
        match self {
            CardError::TooLarge => format!(
                "This file is over {} MB, too large to be a scorecard.",
                MAX_FILE_BYTES / (1024 * 1024)
            ),
            CardError::Envelope(e) => e.message(),
            CardError::Invalid(why) => format!("This scorecard file is not valid: {why}."),
        }
    }
}

/// Reads and checks a scorecard file. Never panics on any input.
pub fn decode(text: &str) -> Result<CardFile, CardError> {
    if text.len() as u64 > MAX_FILE_BYTES {
        return Err(CardError::TooLarge);
    }
    let card: CardFile = envelope::decode(text, Kind::Scorecard).map_err(CardError::Envelope)?;
    validate(&card).map_err(CardError::Invalid)?;
    Ok(card)
}

/// The checks every imported card passes, file or link. A card is checked as the
/// workspace a buyer would get from it, by the same rules as a workspace file, so
/// nothing is accepted from a card that would be refused later in a backup.
pub fn validate(card: &CardFile) -> Result<(), String> {
    if card.evaluator.chars().count() > MAX_NAME_CHARS {
        return Err("the evaluator's name is too long".into());
    }
    if card.workspace.chars().count() > crate::domain::profile::MAX_NAME_CHARS {
        return Err("the workspace name is too long".into());
    }
    let ids = std::iter::once(&card.card_id)
        .chain(card.providers.iter().map(|p| &p.id))
        .chain(card.criteria.iter().map(|c| &c.id))
        .chain(card.flags.iter().map(|f| &f.id));
    if ids.into_iter().any(|id| id.len() > MAX_ID_BYTES) {
        return Err(format!(
            "an id is longer than {MAX_ID_BYTES} characters, so the card could not be shared as a link"
        ));
    }
    let mut as_workspace = Workspace::new("card".into(), card.workspace.clone(), 0);
    as_workspace.providers = card.providers.clone();
    as_workspace.scorecard = card.scorecard().into();
    as_workspace.check()
}

impl CardFile {
    /// The card's own scores seen as a scorecard, for showing its results read-only.
    pub fn scorecard(&self) -> Scorecard {
        Scorecard {
            evaluator: self.evaluator.clone(),
            card_id: self.card_id.clone(),
            complete: self.complete,
            criteria: self.criteria.clone(),
            cells: self.cells.clone(),
            flags: self.flags.clone(),
            knockouts: self.knockouts.clone(),
            ..Scorecard::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::scorecard::fixtures::{arb_card, danas_card};
    use crate::domain::scorecard::model::{MAX_CUSTOM_FLAGS, MAX_TEXT_CHARS};
    use proptest::prelude::*;

    #[test]
    fn a_card_round_trips_through_its_file() {
        let card = danas_card();
        let text = encode(&card);
        assert!(text.contains("\"kind\": \"scorecard\""));
        assert_eq!(decode(&text), Ok(card));
    }

    #[test]
    fn damaged_foreign_and_invalid_files_are_refused_with_a_reason() {
        assert!(matches!(
            decode("{not json"),
            Err(CardError::Envelope(EnvelopeError::NotJson(_)))
        ));
        let ws = r#"{"format":"splitline","kind":"workspace","version":1,"data":{}}"#;
        assert!(matches!(
            decode(ws),
            Err(CardError::Envelope(EnvelopeError::WrongKind { .. }))
        ));
        let mut card = danas_card();
        card.providers.push(card.providers[0].clone());
        let err = decode(&encode(&card)).unwrap_err();
        assert!(err.message().contains("repeated id"), "{}", err.message());
        let text = encode(&danas_card()).replace("\"weight\": 5.0", "\"weight\": -5.0");
        assert!(matches!(
            decode(&text),
            Err(CardError::Envelope(EnvelopeError::BadData(_)))
        ));
        let text = encode(&danas_card()).replace("\"score\": 4", "\"score\": 9");
        assert!(matches!(
            decode(&text),
            Err(CardError::Envelope(EnvelopeError::BadData(_)))
        ));
        let huge = " ".repeat(MAX_FILE_BYTES as usize + 1);
        assert_eq!(decode(&huge), Err(CardError::TooLarge));
        let mut card = danas_card();
        card.criteria[0].name = "  ".into();
        assert!(matches!(decode(&encode(&card)), Err(CardError::Invalid(_))));
    }

    #[test]
    fn cards_are_refused_for_what_a_workspace_file_is_refused_for() {
        type Spoil = fn(&mut CardFile);
        let cases: [(&str, Spoil); 9] = [
            ("id is longer", |c| c.card_id = "a".repeat(MAX_ID_BYTES + 1)),
            ("id is longer", |c| {
                c.criteria[0].id = "x".repeat(MAX_ID_BYTES + 1)
            }),
            ("provider name", |c| {
                c.providers[1].name = "HARBOR IT".into()
            }),
            ("red flag", |c| c.flags.push(c.flags[0].clone())),
            ("red flag", |c| c.flags[0].id.clear()),
            ("red flag", |c| c.flags[0].text = " ".into()),
            ("red flag", |c| {
                c.flags[0].text = "x".repeat(MAX_TEXT_CHARS + 1)
            }),
            ("red flags", |c| {
                for i in 0..=MAX_CUSTOM_FLAGS {
                    c.flags.push(RedFlag {
                        id: format!("own-{i}"),
                        text: format!("Own flag {i}"),
                        custom: true,
                    });
                }
            }),
            ("knock-out note", |c| {
                let note = "x".repeat(MAX_TEXT_CHARS + 1);
                c.knockouts
                    .entry("p1".into())
                    .or_default()
                    .insert("ko-vague-sla".into(), note);
            }),
        ];
        for (why, spoil) in cases {
            let mut card = danas_card();
            spoil(&mut card);
            let err = decode(&encode(&card)).unwrap_err().message();
            assert!(err.contains(why), "{why}: {err}");
        }
    }

    #[test]
    fn file_names_are_slugs_of_the_evaluator() {
        assert_eq!(file_name("Dana Lee"), "scorecard-dana-lee.json");
        assert_eq!(file_name("  O'Brien / IT "), "scorecard-o-brien-it.json");
        assert_eq!(file_name(""), "scorecard.json");
    }

    proptest! {
        #[test]
        fn any_card_round_trips_through_its_file(card in arb_card()) {
            prop_assert_eq!(decode(&encode(&card)), Ok(card));
        }

        #[test]
        fn decoding_never_panics_on_any_text(text in ".{0,200}") {
            let _ = decode(&text);
        }

    }
}
