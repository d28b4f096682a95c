//! Keeping two tabs of the same browser from overwriting each other's work.
//!
//! Every workspace key remembers the text this tab last wrote or read there (the
//! "synced" text). When storage holds something else, another tab has written it. If this
//! tab has no unsaved change to that workspace, it adopts the other tab's version; if it
//! has, neither version may silently win, and the buyer chooses.

/// What to do about a workspace key whose stored text may have changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    /// Nothing changed that matters.
    Ignore,
    /// Another tab changed it and this tab has no unsaved edits: take theirs.
    Adopt,
    /// Another tab deleted it and this tab has no unsaved edits: drop it here too.
    Forget,
    /// Both tabs changed it: ask the buyer.
    Conflict,
}

/// Decides from three texts: this tab's current one (`None` if it does not have the
/// workspace), the one it last synced with storage, and the one storage holds now.
pub fn decide(ours: Option<&str>, synced: Option<&str>, stored: Option<&str>) -> Decision {
    if stored == synced || stored == ours {
        return Decision::Ignore;
    }
    let unsaved_here = ours.is_some() && ours != synced;
    match (unsaved_here, stored) {
        (false, Some(_)) => Decision::Adopt,
        (false, None) => Decision::Forget,
        (true, _) => Decision::Conflict,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn our_own_write_echoing_back_is_ignored() {
        assert_eq!(decide(Some("a"), Some("a"), Some("a")), Decision::Ignore);
        assert_eq!(decide(Some("b"), Some("a"), Some("a")), Decision::Ignore);
    }

    #[test]
    fn identical_content_from_another_tab_is_ignored() {
        assert_eq!(decide(Some("b"), Some("a"), Some("b")), Decision::Ignore);
    }

    #[test]
    fn another_tabs_change_is_adopted_when_nothing_is_unsaved_here() {
        assert_eq!(decide(Some("a"), Some("a"), Some("b")), Decision::Adopt);
        // A workspace created in another tab.
        assert_eq!(decide(None, None, Some("new")), Decision::Adopt);
    }

    #[test]
    fn another_tabs_delete_is_followed_when_nothing_is_unsaved_here() {
        assert_eq!(decide(Some("a"), Some("a"), None), Decision::Forget);
        assert_eq!(
            decide(None, Some("a"), None),
            Decision::Ignore,
            "already gone here"
        );
    }

    #[test]
    fn edits_on_both_sides_are_a_conflict_never_a_silent_overwrite() {
        assert_eq!(
            decide(Some("mine"), Some("a"), Some("theirs")),
            Decision::Conflict
        );
        assert_eq!(decide(Some("mine"), Some("a"), None), Decision::Conflict);
        // A hidden tab that never saw the other tab's write still finds it before saving.
        assert_eq!(
            decide(Some("mine"), Some("old"), Some("newer")),
            Decision::Conflict
        );
    }
}
