//! Browser glue: everything that touches the browser's own APIs (localStorage, the URL and
//! history, downloads, file pickers, other tabs, the clock) and the app-wide signals over
//! them. The rules these follow live in `crate::domain`; this folder only schedules,
//! reads and writes, and shows outcomes.

pub mod backup;
pub mod clock;
pub mod crash;
pub mod download;
pub mod drafts;
pub mod file_import;
pub mod open_docs;
pub mod page_hooks;
pub mod persistence;
pub mod router;
pub mod share;
pub mod state;
pub mod storage;
pub mod tab_merge;
pub mod tab_sync;
