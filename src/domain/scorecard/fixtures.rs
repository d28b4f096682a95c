//! Scorecards and cases the scorecard's tests build on.

use std::collections::{BTreeMap, BTreeSet};

use proptest::prelude::*;

use super::card_file::{card_file, CardFile};
use super::knockout;
use super::model::{
    Anchors, Cell, Cells, Criterion, CriterionText, OtherCard, Score, Scorecard, Weight,
};
use crate::domain::provider::Provider;

pub fn provider(id: &str) -> Provider {
    Provider {
        id: id.into(),
        name: format!("MSP {id}"),
    }
}

/// A scorecard with the given (id, group, weight) criteria and no content.
pub fn card(criteria: &[(&str, &str, f64)]) -> Scorecard {
    Scorecard {
        criteria: criteria
            .iter()
            .map(|&(id, group, w)| Criterion {
                id: id.into(),
                group: group.into(),
                name: id.to_ascii_uppercase(),
                question: String::new(),
                anchors: Anchors::default(),
                weight: Weight::new(w).unwrap(),
            })
            .collect(),
        ..Scorecard::default()
    }
}

pub fn pts(n: u8) -> Option<Score> {
    Some(Score::Points(n))
}

/// Another evaluator's complete card with the given scores.
pub fn other(cells: &[(&str, &str, Score)]) -> OtherCard {
    let mut card = OtherCard {
        id: "o".into(),
        evaluator: "Dana".into(),
        complete: true,
        imported_ms: 0,
        shared_ms: 0,
        cells: Default::default(),
        unmatched: Default::default(),
        red_flags: Default::default(),
    };
    for &(p, c, s) in cells {
        card.cells.entry(p.into()).or_default().insert(
            c.into(),
            crate::domain::scorecard::model::Cell {
                score: Some(s),
                note: String::new(),
            },
        );
    }
    card
}

/// A random scorecard with its providers, for property tests.
pub fn arb_case() -> impl Strategy<Value = (Scorecard, Vec<Provider>)> {
    let weights = prop::collection::vec(0.0f64..50.0, 1..8);
    weights
        .prop_flat_map(|ws| {
            let n = ws.len();
            let cells = prop::collection::vec(prop::collection::vec(0u8..8, n), 1..7);
            (Just(ws), cells, any::<bool>())
        })
        .prop_map(|(ws, cells, show)| {
            let ids: Vec<String> = (0..ws.len()).map(|i| format!("c{i}")).collect();
            let spec: Vec<(&str, &str, f64)> = ids
                .iter()
                .zip(&ws)
                .enumerate()
                .map(|(i, (id, w))| (id.as_str(), if i % 2 == 0 { "G1" } else { "G2" }, *w))
                .collect();
            let mut sc = card(&spec);
            sc.show_knocked_out = show;
            let providers: Vec<Provider> = (0..cells.len())
                .map(|p| provider(&format!("p{p}")))
                .collect();
            for (p, row) in cells.iter().enumerate() {
                for (c, v) in row.iter().enumerate() {
                    let score = match v {
                        0..=5 => Some(Score::Points(*v)),
                        6 => Some(Score::NotApplicable),
                        _ => None,
                    };
                    sc.set_score(&providers[p].id, &ids[c], score);
                }
                if p == 1 {
                    sc.knockouts
                        .entry(providers[p].id.clone())
                        .or_default()
                        .insert("ko-lock-in".into(), String::new());
                }
            }
            (sc, providers)
        })
}

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
pub fn danas_card() -> CardFile {
    let mut sc = Scorecard {
        evaluator: "Dana".into(),
        card_id: "card-dana".into(),
        complete: true,
        ..Scorecard::default()
    };
    sc.set_text("raci-written", CriterionText::Name, "RACI on paper")
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

pub fn mine() -> (Scorecard, Vec<Provider>) {
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

/// A random card, for property tests of the codec and the import.
pub fn arb_card() -> impl Strategy<Value = CardFile> {
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
                    seen.insert(id.clone()) && names.insert(crate::domain::text::lower(name.trim()))
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
