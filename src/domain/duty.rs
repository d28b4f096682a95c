//! What the RACI builder tells the pricing comparison: the functions the MSP owns.
//!
//! The two tools meet here so neither depends on the other's internals: the RACI
//! builder produces `MspDuty` values (`domain::raci`), the pricing cross-check consumes
//! them (`domain::pricing`).

use serde::{Deserialize, Serialize};

use crate::domain::raci::Marks;

/// A function the workspace's RACI gives to a party on the MSP side (R or A).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MspDuty {
    /// The template key of the function (for example `incident-response`); `None` for
    /// functions the buyer added, which are matched by name instead.
    pub key: Option<String>,
    /// The function's name as the buyer sees it.
    pub name: String,
    /// The MSP is the named after-hours owner of this function.
    pub after_hours: bool,
    /// The function's kinds in the RACI; the cross-check reads functions the buyer named
    /// by them.
    #[serde(default)]
    pub marks: Marks,
}
