//! When to remind the buyer to download a backup.
//!
//! Browser storage is not a safe place for weeks of work: Safari deletes script-written
//! storage of sites not visited for 7 days, and clearing site data wipes it anywhere.

const DAY_MS: i64 = 24 * 60 * 60 * 1000;
/// Remind once unexported work is this old: well inside Safari's 7-day window.
pub const REMIND_AFTER_MS: i64 = 3 * DAY_MS;
/// "Remind me later" waits this long.
pub const SNOOZE_MS: i64 = DAY_MS;

/// Whether to show the reminder now.
///
/// The times come from storage and the clock, either of which may be nonsense, so the
/// differences saturate instead of overflowing.
///
/// `last_change_ms` is the newest change to any workspace; `last_export_ms` the last
/// download of a backup file from this browser.
pub fn backup_due(
    now_ms: i64,
    last_change_ms: i64,
    first_change_ms: i64,
    last_export_ms: Option<i64>,
    snoozed_until_ms: Option<i64>,
) -> bool {
    if snoozed_until_ms.is_some_and(|until| now_ms < until) {
        return false;
    }
    match last_export_ms {
        // Nothing new since the last backup.
        Some(exported) if exported >= last_change_ms => false,
        Some(exported) => now_ms.saturating_sub(exported) >= REMIND_AFTER_MS,
        None => now_ms.saturating_sub(first_change_ms) >= REMIND_AFTER_MS,
    }
}

/// Whole days since `then_ms`, for the reminder's wording.
pub fn days_since(now_ms: i64, then_ms: i64) -> i64 {
    (now_ms.saturating_sub(then_ms) / DAY_MS).max(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 100 * DAY_MS;

    #[test]
    fn new_work_is_not_nagged_about() {
        assert!(!backup_due(NOW, NOW, NOW - DAY_MS, None, None));
    }

    #[test]
    fn work_never_exported_for_three_days_is_due() {
        assert!(backup_due(NOW, NOW, NOW - REMIND_AFTER_MS, None, None));
    }

    #[test]
    fn an_export_after_the_last_change_is_enough() {
        assert!(!backup_due(
            NOW,
            NOW - 9 * DAY_MS,
            NOW - 30 * DAY_MS,
            Some(NOW - 8 * DAY_MS),
            None
        ));
    }

    #[test]
    fn changes_after_an_old_export_are_due() {
        assert!(backup_due(
            NOW,
            NOW,
            NOW - 30 * DAY_MS,
            Some(NOW - 4 * DAY_MS),
            None
        ));
        assert!(!backup_due(
            NOW,
            NOW,
            NOW - 30 * DAY_MS,
            Some(NOW - DAY_MS),
            None
        ));
    }

    #[test]
    fn snoozing_waits_until_the_snooze_ends() {
        assert!(!backup_due(NOW, NOW, 0, None, Some(NOW + 1)));
        assert!(backup_due(NOW, NOW, 0, None, Some(NOW)));
    }

    #[test]
    fn days_are_whole_and_never_negative() {
        assert_eq!(days_since(NOW, NOW - 3 * DAY_MS - 5), 3);
        assert_eq!(days_since(NOW, NOW + 5), 0);
    }

    #[test]
    fn times_from_the_far_past_or_future_do_not_overflow() {
        assert!(backup_due(i64::MAX, 0, i64::MIN, None, None));
        assert!(backup_due(i64::MAX, 0, 0, Some(i64::MIN), None));
        assert!(!backup_due(i64::MIN, 0, i64::MAX, None, None));
        assert!(!backup_due(i64::MIN, 10, 0, Some(5), None));
        assert_eq!(days_since(i64::MAX, i64::MIN), i64::MAX / DAY_MS);
        assert_eq!(days_since(i64::MIN, i64::MAX), 0);
    }
}
