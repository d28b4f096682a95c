//! Whether the RACI is ready to go into a Statement of Work, and whether each quote
//! pays for the work the RACI gives the MSP.

use super::questions::unknown_phrase;
use crate::domain::pricing::compare::Comparison;
use crate::domain::pricing::exclusions::CostItem;
use crate::domain::raci::checks::Report;
use crate::domain::raci::same_fix;
use crate::domain::raci::Raci;

/// How one quote covers the MSP's duties in the RACI.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Coverage {
    /// The RACI gives the MSP nothing yet, so there is nothing to check.
    NoDuties,
    /// The quote has no price yet.
    NotPriced,
    /// Every duty is in the base price.
    InBase,
    /// Some are billed on top at the rate card's prices; none is unknown.
    Extras(Vec<CostItem>),
    /// Some are excluded with no rate: an unknown cost (`extras` are billed on top).
    Unknown {
        unknown: Vec<CostItem>,
        extras: Vec<CostItem>,
    },
}

/// The RACI side of the brief.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Readiness {
    /// The share of functions with no findings, once there are functions.
    pub score_pct: Option<u32>,
    /// What is wrong, per finding that leaves the SOW unfit to sign, with the findings
    /// of one rule and fix told once (how to fix each is among the questions asked of
    /// every provider, or in the RACI builder).
    pub blockers: Vec<String>,
    /// How many findings `blockers` tells.
    pub blocking: usize,
    /// The functions the RACI gives the MSP (R or A).
    pub msp_duties: usize,
    /// Per quote, in the comparison's order: provider id, name, coverage.
    pub coverage: Vec<(String, String, Coverage)>,
}

impl Coverage {
    /// One sentence for the buyer.
    pub fn sentence(&self) -> String {
        let list = unknown_phrase;
        match self {
            Coverage::NoDuties => {
                "Nothing to check yet: your RACI gives the MSP no functions.".into()
            }
            Coverage::NotPriced => "Not priced yet.".into(),
            Coverage::InBase => "Every duty the RACI gives the MSP is in the base price.".into(),
            Coverage::Extras(extras) => format!(
                "Priced, partly as extras on top of the base price: {}.",
                list(extras)
            ),
            Coverage::Unknown { unknown, extras } if extras.is_empty() => {
                format!("Not all priced: no rate for {}.", list(unknown))
            }
            Coverage::Unknown { unknown, extras } => format!(
                "Not all priced: no rate for {}; billed as extras: {}.",
                list(unknown),
                list(extras)
            ),
        }
    }
}

/// `msp_duties`: how many functions the RACI gives the MSP (the comparison's duties).
pub fn readiness(
    raci: &Raci,
    msp_duties: usize,
    report: &Report,
    comparison: &Comparison,
) -> Readiness {
    let lines = same_fix::lines(raci, report.findings.iter().filter(|f| f.rule.blocks_sow()));
    let blocking = lines.iter().map(|line| line.count).sum();
    let blockers: Vec<String> = lines.into_iter().map(|line| line.what).collect();
    let coverage = comparison
        .quotes
        .iter()
        .map(|q| {
            let pick = |no_rate: bool| -> Vec<CostItem> {
                q.findings
                    .iter()
                    .filter(|f| f.no_rate == no_rate)
                    .map(|f| f.item)
                    .collect()
            };
            let (unknown, extras) = (pick(true), pick(false));
            let cover = if msp_duties == 0 {
                Coverage::NoDuties
            } else if q.rank.is_none() {
                Coverage::NotPriced
            } else if !unknown.is_empty() {
                Coverage::Unknown { unknown, extras }
            } else if !extras.is_empty() {
                Coverage::Extras(extras)
            } else {
                Coverage::InBase
            };
            (q.provider.clone(), q.name.clone(), cover)
        })
        .collect();
    Readiness {
        score_pct: report.score_pct(),
        blockers,
        blocking,
        msp_duties,
        coverage,
    }
}

impl Readiness {
    /// "RACI: 92% of functions pass; 2 findings block the Statement of Work."
    pub fn verdict(&self) -> String {
        let Some(pct) = self.score_pct else {
            return "The RACI has no functions yet: build it before the Statement of Work.".into();
        };
        let blocks = match self.blocking {
            0 => "nothing blocks the Statement of Work".to_owned(),
            1 => "1 finding blocks the Statement of Work".to_owned(),
            n => format!("{n} findings block the Statement of Work"),
        };
        format!(
            "RACI score {pct}%: {blocks}. It gives the MSP {} function{}.",
            self.msp_duties,
            if self.msp_duties == 1 { "" } else { "s" }
        )
    }
}
