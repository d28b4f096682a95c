//! When to remind the buyer to download a backup.
//!
//! Browser storage is not a safe place for weeks of work: Safari deletes script-written
//! storage of sites not visited for 7 days, and clearing site data wipes it anywhere.

const DAY_MS: i64 = 24 * 60 * 60 * 1000;
/// Remind once unexported work is this old: well inside Safari's 7-day window.
pub const REMIND_AFTER_MS: i64 = 3 * DAY_MS;
/// "Remind me later" waits this long.
pub const SNOOZE_MS: i64 = DAY_MS;

/// Whether to show the reminder now: some work not in a backup is `REMIND_AFTER_MS` old.
///
/// `workspaces` gives each workspace's (arrival, last change): arrival is when it was
/// made or brought into this browser (a file or link it came from already holds it).
/// `last_export_ms` is the last download of a backup file from this browser.
///
/// The times come from storage and the clock, either of which may be nonsense, so the
/// differences saturate instead of overflowing.
pub fn backup_due(
    now_ms: i64,
    workspaces: impl IntoIterator<Item = (i64, i64)>,
    last_export_ms: Option<i64>,
    snoozed_until_ms: Option<i64>,
) -> bool {
    if snoozed_until_ms.is_some_and(|until| now_ms < until) {
        return false;
    }
    unbacked_since(workspaces, last_export_ms)
        .is_some_and(|since| now_ms.saturating_sub(since) >= REMIND_AFTER_MS)
}

/// When the oldest work that no backup holds began. A workspace changed since the last
/// backup has been unsaved since that backup, or since it arrived if that is later; one
/// not changed since is in the backup, and one not changed since it arrived is in the
/// file or link it came from (or is empty).
fn unbacked_since(
    workspaces: impl IntoIterator<Item = (i64, i64)>,
    last_export_ms: Option<i64>,
) -> Option<i64> {
    workspaces
        .into_iter()
        .filter(|&(arrived, changed)| {
            changed > arrived && last_export_ms.is_none_or(|exported| changed > exported)
        })
        .map(|(arrived, _)| last_export_ms.map_or(arrived, |exported| arrived.max(exported)))
        .min()
}

/// What the reminder says. Only a backup made in this browser dates the risk: a
/// workspace's own dates travel with it when it is imported from a file, so one made
/// years ago would read as "not backed up for 2,000 days". Short, because on a phone
/// it sits above every tool's first screen.
pub fn reminder_text(now_ms: i64, last_export_ms: Option<i64>) -> String {
    const RISK: &str = "only in this browser, which can clear site data (Safari does after \
        7 days without a visit).";
    match last_export_ms {
        Some(exported) => {
            let days = (now_ms.saturating_sub(exported) / DAY_MS).max(0);
            let ago = match days {
                0 => "today".to_owned(),
                1 => "1 day ago".to_owned(),
                n => format!("{n} days ago"),
            };
            format!("Last backup {ago}: newer changes are {RISK}")
        }
        None => format!("No backup yet: your work is {RISK}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 100 * DAY_MS;

    #[test]
    fn new_work_is_not_nagged_about() {
        assert!(!backup_due(NOW, [(NOW - DAY_MS, NOW)], None, None));
    }

    #[test]
    fn work_never_exported_for_three_days_is_due() {
        assert!(backup_due(NOW, [(NOW - REMIND_AFTER_MS, NOW)], None, None));
    }

    #[test]
    fn an_export_after_the_last_change_is_enough() {
        assert!(!backup_due(
            NOW,
            [(NOW - 30 * DAY_MS, NOW - 9 * DAY_MS)],
            Some(NOW - 8 * DAY_MS),
            None
        ));
    }

    #[test]
    fn changes_after_an_old_export_are_due() {
        assert!(backup_due(
            NOW,
            [(NOW - 30 * DAY_MS, NOW)],
            Some(NOW - 4 * DAY_MS),
            None
        ));
        assert!(!backup_due(
            NOW,
            [(NOW - 30 * DAY_MS, NOW)],
            Some(NOW - DAY_MS),
            None
        ));
    }

    #[test]
    fn work_brought_in_from_a_file_counts_from_its_arrival() {
        // Imported days ago and never changed: the file it came from holds it.
        let untouched = (NOW - 4 * DAY_MS, NOW - 4 * DAY_MS);
        assert!(!backup_due(NOW, [untouched], None, None));
        assert!(!backup_due(NOW, [untouched], Some(NOW - 30 * DAY_MS), None));
        // Edited here for days after it arrived, with no backup since.
        assert!(backup_due(
            NOW,
            [(NOW - 4 * DAY_MS, NOW)],
            Some(NOW - 30 * DAY_MS),
            None
        ));
    }

    #[test]
    fn the_oldest_unsaved_work_decides() {
        let fresh = (NOW - DAY_MS, NOW);
        let old = (NOW - 10 * DAY_MS, NOW - 5 * DAY_MS);
        assert!(backup_due(NOW, [fresh, old], None, None));
        // A backup after the old one's last change leaves only the fresh one unsaved.
        assert!(!backup_due(NOW, [fresh, old], Some(NOW - 2 * DAY_MS), None));
        assert!(!backup_due(NOW, [], None, None));
    }

    #[test]
    fn snoozing_waits_until_the_snooze_ends() {
        assert!(!backup_due(NOW, [(0, NOW)], None, Some(NOW + 1)));
        assert!(backup_due(NOW, [(0, NOW)], None, Some(NOW)));
    }

    #[test]
    fn the_text_counts_days_only_from_a_backup_made_here() {
        let never = reminder_text(NOW, None);
        assert_eq!(
            never,
            "No backup yet: your work is only in this browser, which can clear site data \
                (Safari does after 7 days without a visit)."
        );
        let text = reminder_text(NOW, Some(NOW - 3 * DAY_MS - 5));
        assert!(
            text.starts_with("Last backup 3 days ago: newer changes are only in this browser"),
            "{text}"
        );
        assert!(reminder_text(NOW, Some(NOW - DAY_MS)).starts_with("Last backup 1 day ago:"));
        // A backup time ahead of the clock reads as today, never as negative days.
        assert!(reminder_text(NOW, Some(NOW + 5)).starts_with("Last backup today:"));
    }

    #[test]
    fn times_from_the_far_past_or_future_do_not_overflow() {
        assert!(backup_due(i64::MAX, [(i64::MIN, 0)], None, None));
        assert!(backup_due(i64::MAX, [(0, 1)], Some(i64::MIN), None));
        assert!(!backup_due(i64::MIN, [(i64::MAX, 0)], None, None));
        assert!(!backup_due(i64::MIN, [(0, 10)], Some(5), None));
        assert!(reminder_text(i64::MAX, Some(i64::MIN))
            .contains(&format!("{} days ago", i64::MAX / DAY_MS)));
        assert!(reminder_text(i64::MIN, Some(i64::MAX)).starts_with("Last backup today:"));
    }
}
