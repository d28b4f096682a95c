//! The provider scorecard: weighted, knock-out-aware MSP evaluation that works live on
//! a call and merges several evaluators' cards.

pub mod call;
pub mod chart;
pub mod criteria;
pub mod csv;
mod integrity;
pub mod knockout;
pub mod merge;
pub mod model;
pub mod scoring;
pub mod sensitivity;
pub mod tab;

pub use model::{Cell, Criterion, OtherCard, RedFlag, Score, Scorecard, Weight};
