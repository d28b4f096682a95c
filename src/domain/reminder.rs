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

/// What the reminder says. Only a backup made in this browser dates the risk: a
/// workspace's own dates travel with it when it is imported from a file, so one made
/// years ago would read as "not backed up for 2,000 days".
pub fn reminder_text(now_ms: i64, last_export_ms: Option<i64>) -> String {
    const ADVICE: &str = "Browsers can clear site data (Safari does after 7 days without a \
        visit): download a backup file to be safe.";
    match last_export_ms {
        Some(exported) => {
            let days = (now_ms.saturating_sub(exported) / DAY_MS).max(0);
            let days = match days {
                1 => "1 day".to_owned(),
                n => format!("{n} days"),
            };
            format!("Your latest changes are not in a backup: the last one from this browser was {days} ago. {ADVICE}")
        }
        None => format!("Your work has never been backed up from this browser. {ADVICE}"),
    }
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
    fn the_text_counts_days_only_from_a_backup_made_here() {
        let never = reminder_text(NOW, None);
        assert!(never.starts_with("Your work has never been backed up from this browser."));
        assert!(!never.contains("ago"));
        let text = reminder_text(NOW, Some(NOW - 3 * DAY_MS - 5));
        assert!(text.contains("was 3 days ago."), "{text}");
        assert!(reminder_text(NOW, Some(NOW - DAY_MS)).contains("was 1 day ago."));
        // A backup time ahead of the clock reads as today, never as negative days.
        assert!(reminder_text(NOW, Some(NOW + 5)).contains("was 0 days ago."));
    }

    #[test]
    fn times_from_the_far_past_or_future_do_not_overflow() {
        assert!(backup_due(i64::MAX, 0, i64::MIN, None, None));
        assert!(backup_due(i64::MAX, 0, 0, Some(i64::MIN), None));
        assert!(!backup_due(i64::MIN, 0, i64::MAX, None, None));
        assert!(!backup_due(i64::MIN, 10, 0, Some(5), None));
        assert!(reminder_text(i64::MAX, Some(i64::MIN))
            .contains(&format!("{} days", i64::MAX / DAY_MS)));
        assert!(reminder_text(i64::MIN, Some(i64::MAX)).contains("was 0 days ago."));
    }
}
