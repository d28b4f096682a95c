//! The vocabulary against function names labelled by hand (`fixtures/function-kinds.txt`):
//! prints precision and recall per kind and requires recall of at least 95% and precision
//! of at least 90% on each. Then the RACI and the pricing cross-check must agree about
//! every labelled function.

use splitline::domain::duty::MspDuty;
use splitline::domain::pricing::crosscheck::item_for;
use splitline::domain::pricing::exclusions::CostItem;
use splitline::domain::raci::vocabulary::{self, Topic};
use splitline::domain::raci::{Letters, Mark, Marks, Raci, Shift, Side};

const MIN_RECALL: f64 = 0.95;
const MIN_PRECISION: f64 = 0.90;

/// (name, the kinds it should get)
fn labelled() -> Vec<(&'static str, Marks)> {
    include_str!("fixtures/function-kinds.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|line| {
            let (name, kinds) = line.split_once('|').expect("name | kinds");
            let mut marks = Marks::default();
            for token in kinds.split(',').map(str::trim).filter(|t| *t != "-") {
                let mark = Mark::from_token(token).unwrap_or_else(|| panic!("{token}"));
                marks.set(mark, true);
            }
            (name.trim(), marks)
        })
        .collect()
}

#[test]
fn the_vocabulary_finds_each_kind_with_high_recall_and_precision() {
    let set = labelled();
    assert!(set.len() >= 80, "at least 80 labelled names");
    let mut failed = Vec::new();
    println!("{} labelled names", set.len());
    println!(
        "{:<12} {:>5} {:>5} {:>5} {:>9} {:>7}",
        "kind", "tp", "fp", "fn", "precision", "recall"
    );
    for mark in Mark::ALL {
        let (mut tp, mut fp, mut missed) = (0, 0, Vec::new());
        let mut wrong = Vec::new();
        for (name, want) in &set {
            match (vocabulary::infer(name).marks.get(mark), want.get(mark)) {
                (true, true) => tp += 1,
                (true, false) => {
                    fp += 1;
                    wrong.push(*name);
                }
                (false, true) => missed.push(*name),
                (false, false) => {}
            }
        }
        let precision = tp as f64 / (tp + fp).max(1) as f64;
        let recall = tp as f64 / (tp + missed.len()).max(1) as f64;
        println!(
            "{:<12} {tp:>5} {fp:>5} {:>5} {:>8.1}% {:>6.1}%",
            mark.token(),
            missed.len(),
            precision * 100.0,
            recall * 100.0
        );
        for name in &missed {
            println!("    missed: {name}");
        }
        for name in &wrong {
            println!("    wrongly: {name}");
        }
        if precision < MIN_PRECISION || recall < MIN_RECALL {
            failed.push(mark.token());
        }
    }
    assert!(failed.is_empty(), "below the bar: {failed:?}");
}

/// What the cross-check makes of a function the buyer adds with this name, the MSP doing
/// the work, by day only or also after hours.
fn cross_checked(name: &str, msp_after_hours: bool) -> (Marks, Option<CostItem>) {
    let mut raci = Raci::default();
    let it = raci.add_party("Internal IT", Side::Internal).unwrap();
    let msp = raci.add_party("MSP", Side::Msp).unwrap();
    let c = raci.add_category("Everything").unwrap();
    let f = raci.add_function(c, name).unwrap();
    raci.set_cell(f, msp, Letters::parse("R").unwrap());
    raci.set_cell(f, it, Letters::parse("A").unwrap());
    let night = if msp_after_hours { msp } else { it };
    raci.set_owner(f, Shift::Night, Some(night));
    let duties: Vec<MspDuty> = raci.msp_duties();
    assert_eq!(duties.len(), 1, "{name}");
    (raci.function(f).unwrap().marks, item_for(&duties[0]))
}

#[test]
fn the_pricing_cross_check_and_the_raci_agree_on_every_labelled_function() {
    for (name, _) in labelled() {
        for after_hours in [false, true] {
            let (marks, item) = cross_checked(name, after_hours);
            let says = |t| vocabulary::topics(name).contains(&t);
            let billed_after_hours =
                (marks.around_clock && says(Topic::OutOfHours)) || (marks.incident && after_hours);
            let context = format!("“{name}”, MSP after hours: {after_hours}, marks {marks:?}");
            assert_eq!(
                item == Some(CostItem::AfterHours),
                billed_after_hours,
                "after-hours work: {context}"
            );
            if !billed_after_hours {
                assert_eq!(
                    item == Some(CostItem::Compliance),
                    marks.compliance,
                    "compliance work exactly when the RACI marks it compliance: {context}"
                );
            }
            if item == Some(CostItem::Licensing) {
                assert!(marks.tools, "licences are a tools duty: {context}");
            }
        }
    }
}

#[test]
fn unticking_a_kind_in_the_raci_changes_the_cross_check_too() {
    let mut raci = Raci::default();
    let msp = raci.add_party("MSP", Side::Msp).unwrap();
    let c = raci.add_category("Compliance").unwrap();
    let f = raci.add_function(c, "SOC2 evidence").unwrap();
    raci.set_cell(f, msp, Letters::parse("R").unwrap());
    assert_eq!(item_for(&raci.msp_duties()[0]), Some(CostItem::Compliance));
    raci.set_mark(f, Mark::Compliance, false);
    assert_eq!(item_for(&raci.msp_duties()[0]), None);
}
