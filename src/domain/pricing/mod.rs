//! The pricing comparison of a workspace. Filled in by the pricing issue.

use serde::{Deserialize, Serialize};

/// The quotes of the providers and the alternatives they are compared with.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Pricing {}
