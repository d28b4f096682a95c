//! The provider scorecard: weighted, knock-out-aware MSP evaluation that works live on
//! a call and merges several evaluators' cards.

pub mod agreement;
pub mod call;
pub mod card_file;
pub mod chart;
pub mod claims;
pub mod criteria;
pub mod csv;
pub mod edit;
#[cfg(test)]
pub(crate) mod fixtures;
mod integrity;
pub mod knockout;
pub mod merge;
pub mod model;
pub mod scoring;
pub mod sensitivity;
pub mod tab;
pub mod table;

pub use model::{Cell, Criterion, OtherCard, RedFlag, Score, Scorecard, Weight};

/// The words of a name, lowercase and joined by hyphens, for file names: "Dana Lee" →
/// "dana-lee". Letters of any script are kept, as spreadsheet and JSON files are saved
/// under the evaluator's or workspace's own name.
fn file_slug(name: &str) -> String {
    crate::domain::text::lower(name)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}
