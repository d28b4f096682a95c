//! Golden fixture: scorecard files written by format version 1 must keep merging.
//! Never edit a fixture; add a new one for each new version.

use splitline::domain::provider::Provider;
use splitline::domain::scorecard::merge::{self, Options};
use splitline::domain::scorecard::{agreement, card_file};
use splitline::domain::scorecard::{Score, Scorecard};

#[test]
fn scorecard_file_v1_keeps_loading_and_merging() {
    let card = card_file::decode(include_str!("fixtures/scorecard-v1.json")).expect("v1 must load");
    assert_eq!(card.evaluator, "Dana Lee");
    assert_eq!(card.providers[1].name, "Keystone <Tech> Partners");
    assert_eq!(card.criteria[1].weight.get(), 2.5);
    assert_eq!(
        card.cells["19a4c2f1e0077aa01"]["19a4c2f1e00bb0001"].score,
        Some(Score::NotApplicable)
    );

    // Another evaluator's workspace: same provider names under other ids.
    let mut sc = Scorecard {
        evaluator: "Sam".into(),
        ..Scorecard::default()
    };
    let mut providers = vec![
        Provider {
            id: "a".into(),
            name: "harbor managed it".into(),
        },
        Provider {
            id: "b".into(),
            name: "Keystone <Tech> Partners".into(),
        },
    ];
    sc.set_score("a", "raci-written", Some(Score::Points(5)));
    let mine = sc.cells.clone();
    let applied = merge::apply(
        &mut sc,
        &mut providers,
        &card,
        Options::default(),
        1,
        String::new,
    )
    .unwrap();
    assert_eq!(
        sc.cells, mine,
        "an import never touches the importer's own scores"
    );
    assert_eq!(applied.cells, 2);
    assert_eq!(applied.unmatched.criteria, ["Local on-site engineers"]);
    assert_eq!(applied.unmatched.cells, 2);
    let stats = agreement::cell_stats(&sc, "a", "raci-written");
    assert_eq!(stats.spread, Some(4));
    assert!(stats.disagree);
    assert_eq!(
        sc.others[0].red_flags["a"],
        ["Vague SLAs (\"best effort\")"]
    );
}
