//! Several evaluators: the scorecard file one evaluator exports, how another
//! evaluator's workspace matches it (criteria by stable id; providers by id, then by
//! name), and the mean, spread and disagreements of the merged scores.
//!
//! The file is a versioned envelope of kind `scorecard`:
//! `{"format":"splitline","kind":"scorecard","version":1,"data":{CardFile}}`.
//! Importing never touches the importing evaluator's own scores.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::knockout;
use super::model::{
    Cell, Cells, Criterion, OtherCard, RedFlag, Score, Scorecard, Unmatched, MAX_CARDS,
    MAX_CRITERIA, MAX_NAME_CHARS,
};
use crate::domain::envelope::{self, EnvelopeError, Kind};
use crate::domain::limits::MAX_FILE_BYTES;
use crate::domain::provider::{self, Provider};
use crate::domain::share::bytes::MAX_ID_BYTES;
use crate::domain::workspace::Workspace;

/// Scores this far apart (max − min) are a disagreement worth talking about.
pub const DISAGREEMENT: u8 = 2;

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
    as_workspace.scorecard = card.scorecard();
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

/// How one criterion of the card matches this scorecard.
#[derive(Clone, Debug, PartialEq)]
pub struct CriterionMatch {
    pub id: String,
    pub name: String,
    pub group: String,
    /// Matched by id here.
    pub matched: bool,
    /// Our name, where it differs from the card's (a rename on one side).
    pub our_name: Option<String>,
}

/// How one provider of the card matches this workspace.
#[derive(Clone, Debug, PartialEq)]
pub struct ProviderMatch {
    pub id: String,
    pub name: String,
    /// Our provider id, if matched.
    pub ours: Option<String>,
    /// Matched by name rather than id (the evaluators added it separately).
    pub by_name: bool,
}

/// What importing a card would do, shown to the buyer before anything changes.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    pub evaluator: String,
    pub complete: bool,
    /// The card is this evaluator's own (same card id): refused.
    pub own_card: bool,
    /// The name on the imported card it would replace.
    pub replaces: Option<String>,
    pub criteria: Vec<CriterionMatch>,
    pub providers: Vec<ProviderMatch>,
    /// Our criteria the card does not have: that evaluator has no scores for them.
    pub missing_here: Vec<String>,
    /// Scores and notes in the card.
    pub cells: usize,
}

impl Plan {
    pub fn unmatched_criteria(&self) -> Vec<&CriterionMatch> {
        self.criteria.iter().filter(|c| !c.matched).collect()
    }

    pub fn unmatched_providers(&self) -> Vec<&ProviderMatch> {
        self.providers.iter().filter(|p| p.ours.is_none()).collect()
    }
}

fn evaluator_name(card: &CardFile) -> String {
    let name = card.evaluator.trim();
    if name.is_empty() {
        "Unnamed evaluator".into()
    } else {
        name.to_owned()
    }
}

/// Matches the card's providers: by id first, then by name (case-insensitive); each
/// of our providers is matched at most once.
fn match_providers(ours: &[Provider], card: &CardFile) -> Vec<ProviderMatch> {
    let mut taken: BTreeSet<&str> = BTreeSet::new();
    let mut out: Vec<ProviderMatch> = card
        .providers
        .iter()
        .map(|p| {
            let by_id = ours.iter().find(|o| o.id == p.id);
            if let Some(o) = by_id {
                taken.insert(o.id.as_str());
            }
            ProviderMatch {
                id: p.id.clone(),
                name: p.name.clone(),
                ours: by_id.map(|o| o.id.clone()),
                by_name: false,
            }
        })
        .collect();
    for m in out.iter_mut().filter(|m| m.ours.is_none()) {
        if let Some(o) = ours
            .iter()
            .find(|o| !taken.contains(o.id.as_str()) && provider::same_name(&o.name, &m.name))
        {
            taken.insert(o.id.as_str());
            m.ours = Some(o.id.clone());
            m.by_name = true;
        }
    }
    out
}

/// Works out what importing `card` would do, without changing anything.
pub fn plan(sc: &Scorecard, providers: &[Provider], card: &CardFile) -> Plan {
    let evaluator = evaluator_name(card);
    let criteria = card
        .criteria
        .iter()
        .map(|c| {
            let ours = sc.criterion(&c.id);
            CriterionMatch {
                id: c.id.clone(),
                name: c.name.clone(),
                group: c.group.clone(),
                matched: ours.is_some(),
                our_name: ours.filter(|o| o.name != c.name).map(|o| o.name.clone()),
            }
        })
        .collect();
    let missing_here = sc
        .criteria
        .iter()
        .filter(|c| !card.criteria.iter().any(|t| t.id == c.id))
        .map(|c| c.name.clone())
        .collect();
    let replaces = find_replaced(sc, card, &evaluator).map(|i| sc.others[i].evaluator.clone());
    Plan {
        evaluator,
        complete: card.complete,
        own_card: !card.card_id.is_empty() && card.card_id == sc.card_id,
        replaces,
        criteria,
        providers: match_providers(providers, card),
        missing_here,
        cells: card
            .cells
            .values()
            .flat_map(|r| r.values())
            .filter(|c| !c.is_empty())
            .count(),
    }
}

fn find_replaced(sc: &Scorecard, card: &CardFile, evaluator: &str) -> Option<usize> {
    sc.others
        .iter()
        .position(|o| !card.card_id.is_empty() && o.id == card.card_id)
        .or_else(|| {
            sc.others
                .iter()
                .position(|o| provider::same_name(&o.evaluator, evaluator))
        })
}

/// What the buyer chose in the import dialog.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Add the card's unknown criteria to this scorecard (with their ids).
    pub add_criteria: bool,
    /// Add the card's unknown providers to the workspace.
    pub add_providers: bool,
}

/// Why an import was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportError {
    OwnCard,
    TooManyCards,
}

impl ImportError {
    pub fn message(self) -> &'static str {
        match self {
            ImportError::OwnCard => {
                "This is your own scorecard. Import the file of another evaluator."
            }
            ImportError::TooManyCards => {
                "You can merge up to 20 other evaluators. Remove one first."
            }
        }
    }
}

/// What an import did.
#[derive(Clone, Debug, PartialEq)]
pub struct Applied {
    pub evaluator: String,
    /// Scores and notes now shown.
    pub cells: usize,
    pub added_criteria: usize,
    pub added_providers: usize,
    pub replaced: bool,
    /// What could not be matched (also kept on the card).
    pub unmatched: Unmatched,
}

/// Imports another evaluator's card. Only `sc.others` changes, plus (if chosen) new
/// criteria and providers; this evaluator's own scores are never touched.
pub fn apply(
    sc: &mut Scorecard,
    providers: &mut Vec<Provider>,
    card: &CardFile,
    options: Options,
    now_ms: i64,
    mut fresh_id: impl FnMut() -> String,
) -> Result<Applied, ImportError> {
    let evaluator = evaluator_name(card);
    if !card.card_id.is_empty() && card.card_id == sc.card_id {
        return Err(ImportError::OwnCard);
    }
    let replaced = find_replaced(sc, card, &evaluator);
    if replaced.is_none() && sc.others.len() >= MAX_CARDS {
        return Err(ImportError::TooManyCards);
    }
    let mut added_criteria = 0;
    if options.add_criteria {
        for c in &card.criteria {
            if sc.criterion(&c.id).is_none() && sc.criteria.len() < MAX_CRITERIA {
                let at = sc
                    .criteria
                    .iter()
                    .rposition(|x| x.group == c.group)
                    .map_or(sc.criteria.len(), |i| i + 1);
                sc.criteria.insert(at, c.clone());
                added_criteria += 1;
            }
        }
    }
    let mut matches = match_providers(providers, card);
    let mut added_providers = 0;
    if options.add_providers {
        for m in matches.iter_mut().filter(|m| m.ours.is_none()) {
            let id = if providers.iter().any(|p| p.id == m.id) {
                fresh_id()
            } else {
                m.id.clone()
            };
            if provider::add(providers, id.clone(), &m.name).is_ok() {
                m.ours = Some(id);
                added_providers += 1;
            }
        }
    }
    let provider_map: BTreeMap<&str, &str> = matches
        .iter()
        .filter_map(|m| m.ours.as_deref().map(|o| (m.id.as_str(), o)))
        .collect();
    let mut cells = Cells::new();
    let mut unmatched_cells = 0;
    for (pid, row) in &card.cells {
        for (cid, cell) in row {
            if cell.is_empty() {
                continue;
            }
            match (provider_map.get(pid.as_str()), sc.criterion(cid)) {
                (Some(ours), Some(_)) => {
                    cells
                        .entry((*ours).to_owned())
                        .or_default()
                        .insert(cid.clone(), cell.clone());
                }
                _ => unmatched_cells += 1,
            }
        }
    }
    let unmatched = Unmatched {
        criteria: card
            .criteria
            .iter()
            .filter(|c| sc.criterion(&c.id).is_none())
            .map(|c| c.name.clone())
            .collect(),
        providers: matches
            .iter()
            .filter(|m| m.ours.is_none())
            .map(|m| m.name.clone())
            .collect(),
        cells: unmatched_cells,
    };
    let red_flags = card_red_flags(card, &provider_map);
    let shown = cells.values().map(BTreeMap::len).sum();
    let other = OtherCard {
        id: if card.card_id.is_empty() {
            fresh_id()
        } else {
            card.card_id.clone()
        },
        evaluator: evaluator.clone(),
        complete: card.complete,
        imported_ms: now_ms,
        cells,
        unmatched: unmatched.clone(),
        red_flags,
    };
    match replaced {
        Some(i) => sc.others[i] = other,
        None => sc.others.push(other),
    }
    Ok(Applied {
        evaluator,
        cells: shown,
        added_criteria,
        added_providers,
        replaced: replaced.is_some(),
        unmatched,
    })
}

/// The card's ticked red flags as text, keyed by our provider ids.
fn card_red_flags(
    card: &CardFile,
    provider_map: &BTreeMap<&str, &str>,
) -> BTreeMap<String, Vec<String>> {
    let as_scorecard = Scorecard {
        flags: card.flags.clone(),
        knockouts: card.knockouts.clone(),
        ..Scorecard::default()
    };
    let mut out = BTreeMap::new();
    for (theirs, ours) in provider_map {
        let texts: Vec<String> = knockout::reasons(&as_scorecard, theirs)
            .into_iter()
            .map(|r| r.text)
            .collect();
        if !texts.is_empty() {
            out.insert((*ours).to_owned(), texts);
        }
    }
    out
}

/// Every evaluator's score on one cell, with the mean and spread of their points.
#[derive(Clone, Debug, PartialEq)]
pub struct CellStats {
    /// This evaluator's score first, then each imported card's, in card order.
    pub scores: Vec<Option<Score>>,
    pub mean: Option<f64>,
    /// Highest minus lowest points, once two evaluators gave points.
    pub spread: Option<u8>,
    pub disagree: bool,
}

/// The scores of every evaluator on one cell (N/A and missing are left out of the
/// mean and spread).
pub fn cell_stats(sc: &Scorecard, provider: &str, criterion: &str) -> CellStats {
    let scores: Vec<Option<Score>> = std::iter::once(sc.score(provider, criterion))
        .chain(
            sc.others
                .iter()
                .map(|card| other_cell(card, provider, criterion).and_then(|c| c.score)),
        )
        .collect();
    let points: Vec<u8> = scores
        .iter()
        .filter_map(|s| s.and_then(Score::points))
        .collect();
    let mean = (!points.is_empty())
        .then(|| points.iter().map(|&p| f64::from(p)).sum::<f64>() / points.len() as f64);
    let spread = (points.len() >= 2).then(|| {
        points.iter().max().copied().unwrap_or(0) - points.iter().min().copied().unwrap_or(0)
    });
    CellStats {
        scores,
        mean,
        spread,
        disagree: spread.is_some_and(|s| s >= DISAGREEMENT),
    }
}

/// An imported card's cell.
pub fn other_cell<'a>(card: &'a OtherCard, provider: &str, criterion: &str) -> Option<&'a Cell> {
    card.cells.get(provider)?.get(criterion)
}

/// How many cells the evaluators disagree on, per provider id.
pub fn disagreements(sc: &Scorecard, providers: &[Provider]) -> BTreeMap<String, usize> {
    providers
        .iter()
        .map(|p| {
            let n = sc
                .criteria
                .iter()
                .filter(|c| cell_stats(sc, &p.id, &c.id).disagree)
                .count();
            (p.id.clone(), n)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::scorecard::model::{Anchors, Weight, MAX_CUSTOM_FLAGS, MAX_TEXT_CHARS};
    use proptest::prelude::*;

    fn providers(names: &[(&str, &str)]) -> Vec<Provider> {
        names
            .iter()
            .map(|(id, name)| Provider {
                id: (*id).into(),
                name: (*name).into(),
            })
            .collect()
    }

    /// Dana's card: two providers (one with another id but the same name as ours),
    /// a renamed default criterion, a criterion we do not have, and a provider we lack.
    fn danas_card() -> CardFile {
        let mut sc = Scorecard {
            evaluator: "Dana".into(),
            card_id: "card-dana".into(),
            complete: true,
            ..Scorecard::default()
        };
        sc.set_text(
            "raci-written",
            super::super::model::CriterionText::Name,
            "RACI on paper",
        )
        .unwrap();
        sc.criteria.push(Criterion {
            id: "dana-extra".into(),
            group: "Team & culture".into(),
            name: "Local engineers".into(),
            question: String::new(),
            anchors: Anchors::default(),
            weight: Weight::new(2.0).unwrap(),
        });
        let theirs = providers(&[
            ("p1", "Harbor IT"),
            ("x9", "keystone partners"),
            ("x7", "Nimbus"),
        ]);
        sc.set_score("p1", "raci-written", Some(Score::Points(1)));
        sc.set_note("p1", "raci-written", "No RACI at all").unwrap();
        sc.set_score("x9", "raci-written", Some(Score::Points(4)));
        sc.set_score("x9", "dana-extra", Some(Score::Points(5)));
        sc.set_score("x7", "sec-edr", Some(Score::Points(3)));
        knockout::set_ticked(&mut sc, "p1", "ko-vague-sla", true);
        card_file(&sc, &theirs, "Dana's copy", 42)
    }

    fn mine() -> (Scorecard, Vec<Provider>) {
        let mut sc = Scorecard {
            evaluator: "Sam".into(),
            card_id: "card-sam".into(),
            ..Scorecard::default()
        };
        sc.remove_criterion("contract-qbr");
        sc.set_score("p1", "raci-written", Some(Score::Points(4)));
        sc.set_score("p2", "raci-written", Some(Score::Points(3)));
        (
            sc,
            providers(&[("p1", "Harbor IT"), ("p2", "Keystone Partners")]),
        )
    }

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
    fn the_plan_matches_criteria_by_id_and_providers_by_id_then_name() {
        let (sc, ours) = mine();
        let plan = plan(&sc, &ours, &danas_card());
        assert_eq!(plan.evaluator, "Dana");
        assert!(!plan.own_card);
        let renamed = plan
            .criteria
            .iter()
            .find(|c| c.id == "raci-written")
            .unwrap();
        assert!(renamed.matched);
        assert_eq!(
            renamed.our_name.as_deref(),
            Some("Written RACI with named owners")
        );
        let unmatched: Vec<&str> = plan
            .unmatched_criteria()
            .iter()
            .map(|c| c.name.as_str())
            .collect();
        // We removed "contract-qbr", so Dana's copy of it is unmatched too.
        assert_eq!(
            unmatched,
            ["Quarterly reviews that review", "Local engineers"]
        );
        let p: Vec<(&str, Option<&str>, bool)> = plan
            .providers
            .iter()
            .map(|m| (m.name.as_str(), m.ours.as_deref(), m.by_name))
            .collect();
        assert_eq!(
            p,
            [
                ("Harbor IT", Some("p1"), false),
                ("keystone partners", Some("p2"), true),
                ("Nimbus", None, false)
            ]
        );
        assert!(plan.missing_here.is_empty());
        assert_eq!(plan.cells, 4);
    }

    #[test]
    fn importing_maps_scores_reports_the_unmatched_and_never_touches_own_scores() {
        let (mut sc, mut ours) = mine();
        let own_before = sc.cells.clone();
        let applied = apply(
            &mut sc,
            &mut ours,
            &danas_card(),
            Options::default(),
            7,
            || "new".into(),
        )
        .unwrap();
        assert_eq!(sc.cells, own_before);
        assert_eq!(ours.len(), 2);
        assert_eq!(applied.cells, 2);
        assert_eq!(
            applied.unmatched.criteria,
            ["Quarterly reviews that review", "Local engineers"]
        );
        assert_eq!(applied.unmatched.providers, ["Nimbus"]);
        // Keystone's "dana-extra" score and Nimbus's EDR score have nowhere to go.
        assert_eq!(applied.unmatched.cells, 2);
        let card = &sc.others[0];
        assert_eq!(card.evaluator, "Dana");
        assert_eq!(card.imported_ms, 7);
        assert_eq!(
            other_cell(card, "p2", "raci-written").unwrap().score,
            Some(Score::Points(4))
        );
        assert_eq!(
            other_cell(card, "p1", "raci-written").unwrap().note,
            "No RACI at all"
        );
        assert_eq!(card.red_flags["p1"], ["Vague SLAs (\"best effort\")"]);
        assert_eq!(card.unmatched, applied.unmatched);
    }

    #[test]
    fn importing_can_add_the_unknown_criteria_and_providers() {
        let (mut sc, mut ours) = mine();
        let options = Options {
            add_criteria: true,
            add_providers: true,
        };
        let applied = apply(&mut sc, &mut ours, &danas_card(), options, 0, || {
            "fresh".into()
        })
        .unwrap();
        assert_eq!((applied.added_criteria, applied.added_providers), (2, 1));
        assert!(applied.unmatched.is_empty());
        assert_eq!(
            ours[2],
            Provider {
                id: "x7".into(),
                name: "Nimbus".into()
            }
        );
        assert!(sc.criterion("dana-extra").is_some());
        assert_eq!(
            other_cell(&sc.others[0], "x7", "sec-edr").unwrap().score,
            Some(Score::Points(3))
        );
        // Still nothing of Dana's in our own cells.
        assert!(!sc.cells.contains_key("x7"));
    }

    #[test]
    fn a_newer_file_from_the_same_evaluator_replaces_the_older_and_own_cards_are_refused() {
        let (mut sc, mut ours) = mine();
        apply(
            &mut sc,
            &mut ours,
            &danas_card(),
            Options::default(),
            1,
            String::new,
        )
        .unwrap();
        let mut newer = danas_card();
        newer
            .cells
            .get_mut("p1")
            .unwrap()
            .get_mut("raci-written")
            .unwrap()
            .score = Some(Score::Points(2));
        assert_eq!(plan(&sc, &ours, &newer).replaces.as_deref(), Some("Dana"));
        let applied = apply(
            &mut sc,
            &mut ours,
            &newer,
            Options::default(),
            2,
            String::new,
        )
        .unwrap();
        assert!(applied.replaced);
        assert_eq!(sc.others.len(), 1);
        assert_eq!(
            other_cell(&sc.others[0], "p1", "raci-written")
                .unwrap()
                .score,
            Some(Score::Points(2))
        );

        let own = card_file(&sc, &ours, "", 0);
        assert!(plan(&sc, &ours, &own).own_card);
        assert_eq!(
            apply(&mut sc, &mut ours, &own, Options::default(), 0, String::new),
            Err(ImportError::OwnCard)
        );
    }

    #[test]
    fn missing_scores_are_reported_and_left_out_of_the_stats() {
        let (mut sc, mut ours) = mine();
        let mut card = danas_card();
        card.criteria.retain(|c| c.id != "sec-edr");
        let plan = plan(&sc, &ours, &card);
        assert_eq!(plan.missing_here, ["EDR on every endpoint"]);
        apply(
            &mut sc,
            &mut ours,
            &card,
            Options::default(),
            0,
            String::new,
        )
        .unwrap();
        let stats = cell_stats(&sc, "p2", "sec-edr");
        assert_eq!(stats.scores, [None, None]);
        assert_eq!(
            (stats.mean, stats.spread, stats.disagree),
            (None, None, false)
        );
    }

    #[test]
    fn mean_spread_and_disagreement() {
        let (mut sc, mut ours) = mine();
        apply(
            &mut sc,
            &mut ours,
            &danas_card(),
            Options::default(),
            0,
            String::new,
        )
        .unwrap();
        // Harbor: mine 4, Dana's 1 → mean 2.5, spread 3: a disagreement.
        let s = cell_stats(&sc, "p1", "raci-written");
        assert_eq!(s.scores, [Some(Score::Points(4)), Some(Score::Points(1))]);
        assert_eq!(s.mean, Some(2.5));
        assert_eq!(s.spread, Some(3));
        assert!(s.disagree);
        // Keystone: mine 3, Dana's 4 → spread 1: agreement.
        let s = cell_stats(&sc, "p2", "raci-written");
        assert_eq!((s.mean, s.spread, s.disagree), (Some(3.5), Some(1), false));
        // N/A is left out: one score is no spread.
        sc.set_score("p2", "raci-written", Some(Score::NotApplicable));
        let s = cell_stats(&sc, "p2", "raci-written");
        assert_eq!((s.mean, s.spread), (Some(4.0), None));
        let d = disagreements(&sc, &ours);
        assert_eq!((d["p1"], d["p2"]), (1, 0));
    }

    #[test]
    fn file_names_are_slugs_of_the_evaluator() {
        assert_eq!(file_name("Dana Lee"), "scorecard-dana-lee.json");
        assert_eq!(file_name("  O'Brien / IT "), "scorecard-o-brien-it.json");
        assert_eq!(file_name(""), "scorecard.json");
    }

    fn arb_card() -> impl Strategy<Value = CardFile> {
        let cell = (prop::option::of(0u8..7), ".{0,20}").prop_map(|(s, note)| Cell {
            score: s.map(|v| {
                if v > 5 {
                    Score::NotApplicable
                } else {
                    Score::Points(v)
                }
            }),
            note,
        });
        (
            ".{0,30}",
            prop::collection::vec(("[a-z0-9]{1,8}", "[A-Za-z][A-Za-z <>&\"]{0,20}"), 0..5),
            prop::collection::vec((0.0f64..1000.0, ".{0,40}"), 0..6),
            prop::collection::vec(cell, 0..12),
        )
            .prop_map(|(evaluator, providers, criteria, cells)| {
                let mut seen = BTreeSet::new();
                let mut names = BTreeSet::new();
                let providers: Vec<Provider> = providers
                    .into_iter()
                    .filter(|(id, name)| {
                        seen.insert(id.clone())
                            && names.insert(crate::domain::text::lower(name.trim()))
                    })
                    .map(|(id, name)| Provider { id, name })
                    .collect();
                let criteria: Vec<Criterion> = criteria
                    .into_iter()
                    .enumerate()
                    .map(|(i, (w, q))| Criterion {
                        id: format!("c{i}"),
                        group: "G".into(),
                        name: format!("Criterion {i}"),
                        question: q,
                        anchors: Anchors::default(),
                        weight: Weight::new(w).unwrap(),
                    })
                    .collect();
                let mut all = Cells::new();
                if !providers.is_empty() && !criteria.is_empty() {
                    for (i, cell) in cells.into_iter().enumerate() {
                        let p = &providers[i % providers.len()].id;
                        let c = &criteria[i % criteria.len()].id;
                        all.entry(p.clone()).or_default().insert(c.clone(), cell);
                    }
                }
                CardFile {
                    card_id: "card".into(),
                    evaluator,
                    complete: false,
                    exported_ms: 0,
                    workspace: String::new(),
                    providers,
                    criteria,
                    cells: all,
                    flags: Vec::new(),
                    knockouts: BTreeMap::new(),
                }
            })
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

        #[test]
        fn importing_never_changes_own_scores(card in arb_card()) {
            let (mut sc, mut ours) = mine();
            let before = sc.cells.clone();
            let _ = apply(&mut sc, &mut ours, &card, Options { add_criteria: true, add_providers: true }, 0, || "fresh".into());
            prop_assert_eq!(sc.cells, before);
        }
    }
}
