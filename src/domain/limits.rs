//! How much the app reads from a file before it refuses it. Sizes are checked before a
//! byte is parsed and counts before anything is compared, so a hostile or mistaken file
//! costs at most a bounded, linear amount of work. The limits of each document (parties,
//! providers, criteria, name lengths) live with its model; these are the file-level ones.

use super::raci::model::{MAX_CATEGORIES, MAX_FUNCTIONS, MAX_PARTIES};

/// Every Splitline JSON file: a backup of all workspaces, one workspace, one tool's
/// document or a scorecard card.
pub const MAX_FILE_BYTES: u64 = 5 * 1024 * 1024;
/// Workspaces in one backup file.
pub const MAX_WORKSPACES: usize = 200;
/// A RACI CSV file. The app's own export of the largest matrix with long notes fits.
pub const MAX_CSV_BYTES: u64 = MAX_FILE_BYTES;
/// Records in a RACI CSV file: enough for the long layout (one row per function and
/// party) of the largest matrix, with a row per category.
pub const MAX_CSV_ROWS: usize = 12_500;
/// Problems listed for a refused file; the rest are counted.
pub const MAX_REPORTED_PROBLEMS: usize = 30;

const _: () = assert!(MAX_CSV_ROWS > MAX_FUNCTIONS * MAX_PARTIES + MAX_CATEGORIES);

/// What the file inputs say about the limits, next to the picker.
pub fn csv_hint() -> String {
    format!(
        "CSV up to {} MB and {} rows.",
        MAX_CSV_BYTES / (1024 * 1024),
        crate::domain::input::group(MAX_CSV_ROWS as i64)
    )
}

/// The same for a Splitline JSON file.
pub fn file_hint() -> String {
    format!("Files up to {} MB.", MAX_FILE_BYTES / (1024 * 1024))
}

/// The same where a backup of every workspace may be imported.
pub fn backup_hint() -> String {
    format!(
        "Files up to {} MB; a backup of up to {MAX_WORKSPACES} workspaces.",
        MAX_FILE_BYTES / (1024 * 1024)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hints_name_the_limits_plainly() {
        assert_eq!(csv_hint(), "CSV up to 5 MB and 12,500 rows.");
        assert_eq!(file_hint(), "Files up to 5 MB.");
        assert_eq!(
            backup_hint(),
            "Files up to 5 MB; a backup of up to 200 workspaces."
        );
    }
}
