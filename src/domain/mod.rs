//! The pure core of Splitline: every model, rule, calculation and codec.
//!
//! Nothing in this folder may name a browser or UI crate; `.ci/check-domain-purity`
//! enforces it. Everything here is tested natively with `cargo test`, and the view
//! layer only renders what it computes.

pub mod anchor;
pub mod csv_cell;
pub mod decision;
pub mod documents;
pub mod duty;
pub mod edit;
pub mod envelope;
pub mod files;
pub mod history;
pub mod indent;
pub mod input;
pub mod library;
pub mod limits;
pub mod merge;
pub mod order;
pub mod persist;
pub mod pricing;
pub mod profile;
pub mod proposal;
pub mod provider;
pub mod raci;
pub mod reminder;
pub mod route;
pub mod scorecard;
pub mod share;
pub mod sync;
pub mod text;
pub mod tool_doc;
pub mod when;
pub mod workspace;
