//! The scorecard defaults of link format 1, frozen in `defaults-v1.json`.
//!
//! Links refer to default criteria and red flags by their position in this file, and
//! decode them from it, so a format-1 link means the same forever even after later
//! versions reword their defaults. Never edit the file: a new set is a new link format.

use std::sync::OnceLock;

use serde_json::Value;

use crate::domain::scorecard::{Criterion, RedFlag};

const DEFAULTS_V1: &str = include_str!("defaults-v1.json");

/// The frozen file, parsed once: every scorecard link and workspace link reads it, and
/// parsing its 19 KB each time made decoding a small card cost some 200 µs.
struct Parsed {
    json: Value,
    criteria: Vec<Criterion>,
    flags: Vec<RedFlag>,
}

fn parsed() -> &'static Parsed {
    static PARSED: OnceLock<Parsed> = OnceLock::new();
    PARSED.get_or_init(|| {
        let json: Value =
            serde_json::from_str(DEFAULTS_V1).expect("a frozen file, checked by the tests");
        let criteria = serde_json::from_value(json["criteria"].clone())
            .expect("a frozen file, checked by the tests");
        let flags = serde_json::from_value(json["flags"].clone())
            .expect("a frozen file, checked by the tests");
        Parsed {
            json,
            criteria,
            flags,
        }
    })
}

/// The frozen file as JSON.
pub fn json() -> &'static Value {
    &parsed().json
}

/// The default criteria of format 1, in their frozen order.
pub fn criteria() -> Vec<Criterion> {
    parsed().criteria.clone()
}

/// The default red flags of format 1, in their frozen order.
pub fn flags() -> Vec<RedFlag> {
    parsed().flags.clone()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::scorecard::criteria::{default_criteria, default_flags};

    #[test]
    fn the_frozen_file_reads_and_matches_todays_defaults() {
        // If this fails, the defaults were reworded: links still decode exactly, but the
        // reworded defaults travel in full until a new link format freezes them.
        assert_eq!(criteria(), default_criteria());
        assert_eq!(flags(), default_flags());
    }
}
