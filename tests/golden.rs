//! Golden fixtures: files written by earlier schema versions must keep loading forever.
//! Never edit a fixture; add a new one for each new version.

use splitline::domain::envelope::{self, Kind};
use splitline::domain::workspace::{Industry, Workspace};

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
fn share_link_format_1_keeps_opening() {
    use splitline::domain::share::body::{open_link, SharedDoc};
    let text = include_str!("fixtures/link-v1-workspace.txt");
    let (doc, sender) = open_link(text.trim()).expect("link format 1 must open");
    assert_eq!(sender.by, "Dana Reyes");
    assert_eq!(sender.at_ms, 1_763_946_000_000);
    let SharedDoc::Workspace(ws) = doc;
    assert_eq!(ws.name, "Northwind Legal: MSP review 2026");
    assert_eq!(ws.profile.industry, Industry::Legal);
    assert_eq!(ws.providers[1].name, "Keystone <Tech> Partners");
}
