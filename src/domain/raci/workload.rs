//! Who carries the work: letter counts per party and a category × party heatmap.

use super::checks::is_overloaded;
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
    /// This party's share of all R letters in the matrix, in whole percent.
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
    let total: usize = loads.iter().map(|l| l.r).sum();
    let functions = raci.functions.len();
    let parties = raci.parties.len();
    for l in &mut loads {
        l.overloaded = is_overloaded(l.r, functions, parties, raci.overload_pct);
        l.share_pct = (l.r * 100 + total / 2).checked_div(total).unwrap_or(0) as u32;
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
    fn counts_each_letter_and_shares_add_up() {
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
        let sum: u32 = loads.iter().map(|l| l.share_pct).sum();
        assert!((99..=101).contains(&sum), "{sum}");
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
