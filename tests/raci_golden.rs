//! Golden fixture for the RACI matrix as stored in a workspace (schema v1). Never edit
//! the fixture; a format change needs a new envelope version and a new fixture.

use splitline::domain::envelope::{self, Kind};
use splitline::domain::raci::checks::check;
use splitline::domain::raci::{Letter, Side};
use splitline::domain::workspace::Workspace;

#[test]
fn raci_in_workspace_schema_v1_keeps_loading() {
    let text = include_str!("fixtures/raci-workspace-v1.json");
    let ws: Workspace = envelope::decode(text, Kind::Workspace).expect("v1 must load");
    let raci = &ws.raci;
    assert_eq!(raci.parties.len(), 3);
    assert_eq!(raci.parties[1].side, Side::Msp);
    assert_eq!(raci.overload_pct, 70);
    let alerts = &raci.functions[0];
    assert_eq!(alerts.key.as_deref(), Some("security-alerts"));
    assert!(alerts.marks.around_clock && alerts.marks.incident);
    assert!(
        alerts.letters(2).has(Letter::Accountable) && alerts.letters(2).has(Letter::Responsible)
    );
    assert_eq!((alerts.day_owner, alerts.night_owner), (Some(2), Some(2)));
    assert_eq!(raci.functions[1].notes, "Named in the policy.");
    // What the fixture holds passes the function checks; only the coverage ones remain.
    let report = check(raci);
    assert_eq!(report.passing, 2);
    let duties = raci.msp_duties();
    assert_eq!(duties.len(), 1);
    assert!(duties[0].after_hours);
    // Written again, it reads back the same.
    let again: Workspace =
        envelope::decode(&envelope::encode(Kind::Workspace, &ws), Kind::Workspace).unwrap();
    assert_eq!(again.raci, ws.raci);
}
