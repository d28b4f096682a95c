//! Golden fixtures: files and links written by the first formats must keep loading in
//! every later version. Never edit a fixture; add new ones for new versions.

use splitline::domain::documents::{PricingDoc, RaciDoc};
use splitline::domain::envelope::{self, Kind};
use splitline::domain::files::{self, Imported};
use splitline::domain::pricing::models::ModelKind;
use splitline::domain::profile::Industry;
use splitline::domain::scorecard::card_file::card_file;
use splitline::domain::scorecard::Score;
use splitline::domain::share::body::{open_link, Sender, SharedDoc};
use splitline::domain::workspace::Workspace;

fn full_workspace() -> Workspace {
    let text = include_str!("fixtures/workspace-full-v1.json");
    envelope::decode(text, Kind::Workspace).expect("the full v1 workspace must load")
}

fn open(text: &str) -> (SharedDoc, Sender) {
    open_link(text.trim()).expect("link format 1 must open")
}

#[test]
fn workspace_schema_v1_keeps_loading() {
    let text = include_str!("fixtures/workspace-v1.json");
    let ws: Workspace = envelope::decode(text, Kind::Workspace).expect("v1 must load");
    assert_eq!(ws.name, "Northwind Legal: MSP review 2026");
    assert_eq!(ws.created_ms, 1_763_942_400_000);
    assert_eq!(ws.profile.company_name, "Northwind Legal LLP");
    assert_eq!(ws.profile.employees, 140);
    assert_eq!(ws.profile.internal_it, 2);
    assert_eq!(ws.profile.industry, Industry::Legal);
    assert_eq!(ws.providers.len(), 2);
    assert_eq!(ws.providers[1].name, "Keystone <Tech> Partners");
}

#[test]
fn a_full_v1_workspace_keeps_every_tool() {
    let ws = full_workspace();
    assert_eq!(ws.check(), Ok(()));
    assert_eq!(ws.raci.functions.len(), 40, "legal template");
    assert_eq!(
        ws.raci.functions[2].p1,
        "MSP on-call, then Dana Reyes (IT manager), then the COO"
    );
    assert_eq!(ws.pricing.quotes.len(), 2);
    assert_eq!(ws.pricing.quotes[0].rates.per_user, 9_550);
    assert_eq!(ws.pricing.quotes[1].model, ModelKind::BlockHours);
    let first = ws.scorecard.criteria[0].id.clone();
    assert_eq!(
        ws.scorecard.score("0a11c9f2b4", &first),
        Some(Score::Points(5))
    );
    assert_eq!(ws.scorecard.evaluator, "Dana Reyes");
}

#[test]
fn file_format_1_of_every_kind_keeps_importing() {
    let ws = full_workspace();
    let read =
        |text: &str| files::read(text.len() as u64, text).expect("file format 1 must import");
    let Imported::Library {
        workspaces: list,
        left_out,
    } = read(include_str!("fixtures/library-v1.json"))
    else {
        panic!("a backup of all workspaces")
    };
    assert_eq!(left_out, Vec::<String>::new());
    assert_eq!(list.len(), 2);
    assert_eq!(list[0], ws);
    assert_eq!(list[1].name, "Second engagement");
    assert_eq!(
        read(include_str!("fixtures/raci-v1.json")),
        Imported::Raci(Box::new(RaciDoc::of(&ws)))
    );
    assert_eq!(
        read(include_str!("fixtures/pricing-v1.json")),
        Imported::Pricing(Box::new(PricingDoc::of(&ws)))
    );
}

#[test]
fn link_format_1_of_every_kind_keeps_opening() {
    let ws = full_workspace();
    let dana = Sender {
        by: "Dana Reyes".into(),
        at_ms: 1_763_946_000_000,
    };
    assert_eq!(
        open(include_str!("fixtures/link-v1-workspace.txt")),
        (SharedDoc::Workspace(Box::new(ws.clone())), dana.clone())
    );
    assert_eq!(
        open(include_str!("fixtures/link-v1-raci.txt")),
        (SharedDoc::Raci(Box::new(RaciDoc::of(&ws))), dana.clone())
    );
    assert_eq!(
        open(include_str!("fixtures/link-v1-pricing.txt")),
        (
            SharedDoc::Pricing(Box::new(PricingDoc::of(&ws))),
            dana.clone()
        )
    );
    let card = card_file(
        &ws.scorecard,
        &ws.providers,
        ws.display_name(),
        1_763_946_000_000,
    );
    assert_eq!(
        open(include_str!("fixtures/link-v1-scorecard.txt")),
        (SharedDoc::Scorecard(Box::new(card)), dana)
    );
}
