//! Who carries the work: letter counts per party and a category × party heatmap.

use super::checks::{is_overloaded, load_pct};
use super::letters::{Letter, Letters};
use super::model::{Id, Raci, Side};

/// One party's load.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Load {
    pub party: Id,
    pub name: String,
    pub side: Side,
    pub r: usize,
    pub a: usize,
    pub c: usize,
    pub i: usize,
    /// The share of functions this party does the work on (R), in whole percent rounded
    /// up: the measure the overload limit is checked against (`load_pct`).
    pub share_pct: u32,
    /// Over the matrix's overload limit (the same rule as the check).
    pub overloaded: bool,
}

/// Letter counts per party, in column order.
pub fn workload(raci: &Raci) -> Vec<Load> {
    let count = |party: Id, letter: Letter| {
        raci.functions
            .iter()
            .filter(|f| f.letters(party).has(letter))
            .count()
    };
    let mut loads: Vec<Load> = raci
        .parties
        .iter()
        .map(|p| Load {
            party: p.id,
            name: p.name.clone(),
            side: p.side,
            r: count(p.id, Letter::Responsible),
            a: count(p.id, Letter::Accountable),
            c: count(p.id, Letter::Consulted),
            i: count(p.id, Letter::Informed),
            share_pct: 0,
            overloaded: false,
        })
        .collect();
    let functions = raci.functions.len();
    let parties = raci.parties.len();
    for l in &mut loads {
        l.overloaded = is_overloaded(l.r, functions, parties, raci.overload_pct);
        l.share_pct = load_pct(l.r, functions) as u32;
    }
    loads
}

/// One category's row of the heatmap.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct HeatRow {
    pub category: Id,
    pub name: String,
    pub functions: usize,
    /// Per party (column order): functions where it holds R or A, and a level 0 to 4.
    pub cells: Vec<(usize, u8)>,
}

/// How much of each category each party owns (R or A), as counts and levels 0 to 4.
pub fn heatmap(raci: &Raci) -> Vec<HeatRow> {
    let owns = |l: Letters| l.has(Letter::Responsible) || l.has(Letter::Accountable);
    raci.categories
        .iter()
        .map(|c| {
            let functions = raci.functions_in(c.id).count();
            let cells = raci
                .parties
                .iter()
                .map(|p| {
                    let n = raci
                        .functions_in(c.id)
                        .filter(|f| owns(f.letters(p.id)))
                        .count();
                    (n, level(n, functions))
                })
                .collect();
            HeatRow {
                category: c.id,
                name: c.name.clone(),
                functions,
                cells,
            }
        })
        .collect()
}

/// 0 for none; otherwise 1 to 4 by quarter of the category, rounded up.
fn level(n: usize, of: usize) -> u8 {
    if n == 0 || of == 0 {
        0
    } else {
        (n * 4).div_ceil(of).min(4) as u8
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::profile::Industry;
    use crate::domain::raci::template::co_managed;

    #[test]
    fn counts_each_letter_and_the_share_of_functions_worked_on() {
        let raci = co_managed(Industry::General);
        let loads = workload(&raci);
        assert_eq!(loads.len(), 3);
        let msp = &loads[1];
        assert_eq!(msp.name, "MSP");
        let expected_r = raci
            .functions
            .iter()
            .filter(|f| f.letters(msp.party).has(Letter::Responsible))
            .count();
        assert_eq!(msp.r, expected_r);
        assert!(
            msp.share_pct > loads[0].share_pct,
            "the MSP does most of the work"
        );
        let functions = raci.functions.len();
        assert_eq!(
            msp.share_pct as usize,
            (expected_r * 100).div_ceil(functions)
        );
    }

    #[test]
    fn the_share_shown_is_the_one_the_limit_is_checked_against() {
        // 25 of 37 is 67.6%: over a 67% limit, and shown as 68%, never as 67%.
        assert_eq!(load_pct(25, 37), 68);
        assert!(is_overloaded(25, 37, 2, 67));
        assert_eq!(load_pct(0, 0), 0);
        for total in 1..60 {
            for r in 0..=total {
                for limit in 1..=100u8 {
                    let over = r * 100 > usize::from(limit) * total;
                    assert_eq!(
                        load_pct(r, total) > usize::from(limit),
                        over,
                        "{r}/{total} {limit}"
                    );
                }
            }
        }
    }

    #[test]
    fn shares_are_zero_without_any_r() {
        let mut raci = Raci::default();
        raci.add_party("IT", Side::Internal).unwrap();
        assert_eq!(workload(&raci)[0].share_pct, 0);
    }

    #[test]
    fn heat_levels_are_quarters_rounded_up() {
        assert_eq!(level(0, 4), 0);
        assert_eq!(level(1, 4), 1);
        assert_eq!(level(1, 5), 1);
        assert_eq!(level(2, 5), 2);
        assert_eq!(level(5, 5), 4);
        assert_eq!(level(3, 0), 0);
        let raci = co_managed(Industry::General);
        let heat = heatmap(&raci);
        assert_eq!(heat.len(), raci.categories.len());
        let security = heat.iter().find(|h| h.name == "Security").unwrap();
        assert_eq!(security.cells.len(), 3);
        assert!(security.cells[1].0 >= security.cells[2].0);
    }
}
