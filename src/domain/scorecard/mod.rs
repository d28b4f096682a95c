//! The provider scorecard of a workspace. Filled in by the scorecard issue.

use serde::{Deserialize, Serialize};

/// Weighted criteria and the scores of the providers under evaluation.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Scorecard {}
