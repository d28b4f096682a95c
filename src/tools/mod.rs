//! One folder per tool; each renders what its `domain` module computes.

pub mod pricing;
pub mod raci;
pub mod scorecard;
