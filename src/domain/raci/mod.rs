//! The RACI matrix of a workspace. Filled in by the RACI builder issue.

use serde::{Deserialize, Serialize};

/// A responsibility matrix: IT functions × parties.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Raci {}
