//! Link-length benchmark: prints the share-link length of sample documents next to the
//! length of plain deflate + base64url of their JSON, so progress is measurable.
//! Run with `make bench-links` (ignored by `cargo test`). `cargo test` does run the
//! budget check below, so a codec change that makes links longer fails.

#[path = "bench/link_samples.rs"]
mod samples;

use std::collections::BTreeMap;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use splitline::domain::documents::{PricingDoc, RaciDoc};
use splitline::domain::envelope::{self, Kind};
use splitline::domain::pricing::{models::ModelKind, Pick};
use splitline::domain::profile::Industry;
use splitline::domain::provider::{self, Provider};
use splitline::domain::raci::template;
use splitline::domain::scorecard::card_file::{card_file, CardFile};
use splitline::domain::scorecard::{Cell, Score, Scorecard};
use splitline::domain::share::body::{
    pricing_link, raci_link, scorecard_link, workspace_link, Sender,
};
use splitline::domain::workspace::Workspace;

/// What a deployed link looks like around the data.
const ORIGIN: &str = "https://splitline.example/#/s/";
const AT: i64 = 1_763_946_000_000;
const NAMES: [&str; 10] = [
    "Harbor Managed IT",
    "Keystone Tech Partners",
    "Bluewave Networks",
    "Summit IT Group",
    "Northstar Cloud",
    "Atlas Technology",
    "Pinnacle IT",
    "Clearpath Systems",
    "Ridgeline Consulting",
    "Cobalt Managed Services",
];
const FIVE: [&str; 5] = [
    "raci-written",
    "tools-shared-psa",
    "esc-tested",
    "sla-p1-defined",
    "exit-offboarding",
];

fn providers(n: usize) -> Vec<Provider> {
    let mut list = Vec::new();
    for (i, name) in NAMES.iter().take(n).enumerate() {
        provider::add(
            &mut list,
            format!(
                "{:010x}",
                0x009e_3779_b97f_u64.wrapping_mul(i as u64 + 1) & 0xff_ffff_ffff
            ),
            name,
        )
        .unwrap();
    }
    list
}

fn card(
    criteria: &[&str],
    note: impl Fn(usize, usize) -> Option<&'static str>,
    n: usize,
) -> CardFile {
    let mut sc = Scorecard {
        evaluator: "Dana Reyes".into(),
        card_id: "7f3a1c9e02".into(),
        ..Scorecard::default()
    };
    sc.criteria.retain(|c| criteria.contains(&c.id.as_str()));
    let list = providers(n);
    let mut cells = BTreeMap::new();
    for (p, prov) in list.iter().enumerate() {
        for (c, crit) in sc.criteria.iter().enumerate() {
            let score = Score::Points(((p * 7 + c * 3) % 6) as u8);
            let cell = Cell {
                score: Some(score),
                note: note(p, c).unwrap_or_default().to_owned(),
            };
            cells
                .entry(prov.id.clone())
                .or_insert_with(BTreeMap::new)
                .insert(crit.id.clone(), cell);
        }
    }
    sc.cells = cells;
    card_file(&sc, &list, "Northwind Legal: MSP review 2026", AT)
}

fn plain<T: serde::Serialize>(kind: Kind, doc: &T) -> usize {
    let json = envelope::encode(kind, doc);
    URL_SAFE_NO_PAD
        .encode(miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 10))
        .len()
}

/// One sample: what it is, its share-link data length, and plain deflate+base64url of its JSON.
struct Row {
    name: &'static str,
    data: usize,
    plain: usize,
}

fn measure() -> Vec<Row> {
    let sender = Sender {
        by: "Dana Reyes".into(),
        at_ms: AT,
    };
    let mut rows = Vec::new();

    let topical = card(&FIVE, |p, c| Some(samples::BY_CRITERION[c][p]), 10);
    rows.push(Row {
        name: "scorecard 10 × 5, 40-char notes on every score (by topic)",
        data: scorecard_link(&topical).len(),
        plain: plain(Kind::Scorecard, &topical),
    });
    let mixed = card(&FIVE, |p, c| Some(samples::MIXED[p * 5 + c]), 10);
    rows.push(Row {
        name: "scorecard 10 × 5, 40-char notes on every score (mixed, held out)",
        data: scorecard_link(&mixed).len(),
        plain: plain(Kind::Scorecard, &mixed),
    });
    let bare = card(&FIVE, |_, _| None, 10);
    rows.push(Row {
        name: "scorecard 10 × 5, scores only",
        data: scorecard_link(&bare).len(),
        plain: plain(Kind::Scorecard, &bare),
    });
    let all: Vec<String> = Scorecard::default()
        .criteria
        .into_iter()
        .map(|c| c.id)
        .collect();
    let all: Vec<&str> = all.iter().map(String::as_str).collect();
    let full = card(&all, |_, _| None, 5);
    rows.push(Row {
        name: "scorecard 5 × 34 default criteria, scores only",
        data: scorecard_link(&full).len(),
        plain: plain(Kind::Scorecard, &full),
    });

    let mut ws = Workspace::new(
        "a1b2c3d4e5".into(),
        "Northwind Legal: MSP review 2026".into(),
        AT,
    );
    ws.profile.industry = Industry::Legal;
    ws.raci = template::co_managed(Industry::Legal).into();
    ws.raci.functions[3].p1 = "MSP on-call (555-0100), then IT manager Dana Reyes, then COO".into();
    let raci = RaciDoc::of(&ws);
    rows.push(Row {
        name: "RACI, legal co-managed template with one P1 path",
        data: raci_link(&raci, &sender).len(),
        plain: plain(Kind::Raci, &raci),
    });

    for (i, model) in [
        ModelKind::PerUser,
        ModelKind::PerDevice,
        ModelKind::BlockHours,
    ]
    .into_iter()
    .enumerate()
    {
        ws.pricing
            .add_quote(
                &mut ws.providers,
                Pick::New(NAMES[i].into()),
                format!("c0ffee{i:04x}"),
            )
            .unwrap();
        let q = ws.pricing.quotes.last_mut().unwrap();
        q.model = model;
        q.rates.per_user = 9_500;
        q.rates.workstation = 4_000;
        q.rates.block_hours = 30;
        q.rates.block_rate = 14_000;
    }
    let pricing = PricingDoc::of(&ws);
    rows.push(Row {
        name: "pricing, three quotes of different models",
        data: pricing_link(&pricing, &sender).len(),
        plain: plain(Kind::Pricing, &pricing),
    });
    ws.scorecard.cells = topical.cells.clone();
    rows.push(Row {
        name: "whole workspace: legal RACI, scorecard, three quotes",
        data: workspace_link(&ws, &sender).len(),
        plain: plain(Kind::Workspace, &ws),
    });

    rows
}

#[test]
#[ignore = "a benchmark: run with `make bench-links`"]
fn print_link_lengths() {
    println!(
        "{:<68} {:>10} {:>10} {:>12}",
        "sample document", "link", "data", "plain JSON"
    );
    for row in measure() {
        println!(
            "{:<68} {:>10} {:>10} {:>12}",
            row.name,
            row.data + ORIGIN.len(),
            row.data,
            row.plain
        );
    }
    println!(
        "link = the whole URL with a {}-character origin; data = the part after #/s/;",
        ORIGIN.len()
    );
    println!("plain JSON = deflate + base64url of the document's JSON file, for comparison.");
}

/// Budgets for the whole link with a 30-character origin. Email and Teams cut links at about
/// 2,000 characters and Slack at about 4,000. Scorecards with scores only, RACIs and pricing
/// fit the 1,000-character goal; a 10 × 5 card with a distinct 40-character note on
/// every score does not (2,000 characters of free text need about 730 bytes after deflate),
/// so its budget guards today's length, with room for small format changes.
#[test]
fn sample_links_stay_within_their_budgets() {
    let budgets = [
        ("by topic", 1_500),
        ("mixed, held out", 1_400),
        ("10 × 5, scores only", 1_000),
        ("5 × 34 default criteria", 1_000),
        ("RACI", 1_000),
        ("pricing", 1_000),
        ("whole workspace", 4_000),
    ];
    let rows = measure();
    assert_eq!(rows.len(), budgets.len());
    for (row, (part, budget)) in rows.iter().zip(budgets) {
        assert!(row.name.contains(part), "{} is not {part}", row.name);
        let link = row.data + ORIGIN.len();
        assert!(link <= budget, "{}: {link} > {budget}", row.name);
        assert!(
            row.data * 2 < row.plain,
            "{}: no better than plain JSON",
            row.name
        );
    }
}
