//! App-wide state shared through newtype contexts.

use std::fmt;
use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::library::Library;
use crate::domain::persist::Prefs;
use crate::domain::route::Route;
use crate::domain::scorecard::card_file::CardFile;
use crate::domain::workspace::Workspace;

/// Every workspace and the open one. One coarse signal: the tools derive what they show.
#[derive(Clone, Copy)]
pub struct Lib(pub RwSignal<Library>);

impl Lib {
    pub fn get() -> Lib {
        expect_context::<Lib>()
    }

    /// Changes the open workspace and stamps it as updated.
    pub fn update_active(self, change: impl FnOnce(&mut Workspace)) {
        let now = crate::browser::clock::now_ms();
        self.0.update(|lib| {
            let ws = lib.active_mut();
            change(ws);
            ws.updated_ms = now;
        });
    }

    /// Like `update_active` for a change that may turn out to change nothing: `change`
    /// says whether it did, and only then is the workspace stamped and anyone woken.
    pub fn change_active(self, change: impl FnOnce(&mut Workspace) -> bool) -> bool {
        let now = crate::browser::clock::now_ms();
        self.0
            .try_maybe_update(|lib| {
                let ws = lib.active_mut();
                let changed = change(ws);
                if changed {
                    ws.updated_ms = now;
                }
                (changed, changed)
            })
            .unwrap_or(false)
    }
}

/// Settings of this browser (backup reminder), saved with the open workspace id.
#[derive(Clone, Copy)]
pub struct BrowserPrefs(pub RwSignal<Prefs>);

/// Whether the latest change has reached storage.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    Saved,
    Pending,
    /// A write failed; the work is still in memory and the next change retries.
    Failed(String),
    /// Changes were deliberately not written (a tab conflict, a newer version's data).
    Held(String),
    /// Storage cannot be used at all; the work lives in this tab only.
    MemoryOnly(String),
}

#[derive(Clone, Copy)]
pub struct Status(pub RwSignal<SaveStatus>);

/// What the storage health line shows.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct HealthInfo {
    pub last_saved_ms: Option<i64>,
    /// Characters our keys take in localStorage (browsers count two bytes each).
    pub used_chars: usize,
    /// Whether the browser promised not to evict our storage; `None` until it answers.
    pub persisted: Option<bool>,
}

#[derive(Clone, Copy)]
pub struct Health(pub RwSignal<HealthInfo>);

/// A workspace that this tab and another tab both changed.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    pub id: String,
    pub name: String,
    /// `false` when the other tab deleted it.
    pub theirs_exists: bool,
    /// What each tab changed ("Here you changed the scorecard; …"), once a merge was tried.
    pub changes: Option<String>,
}

#[derive(Clone, Copy)]
pub struct Conflicts(pub RwSignal<Vec<Conflict>>);

/// How loud a notice is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Error,
    Warning,
    Info,
}

/// A file the buyer can download from a notice.
#[derive(Clone, Debug, PartialEq)]
pub struct Attachment {
    /// The button's text.
    pub label: &'static str,
    pub filename: String,
    pub mime: &'static str,
    pub contents: String,
}

/// A confirmation's button that takes back what was just done, once.
#[derive(Clone)]
pub struct TakeBack {
    /// The button's text.
    pub label: &'static str,
    /// The workspace it changed: Undo in another one never takes it back.
    pub workspace: String,
    /// An `Arc`, not a `Callback`: the page that made it may be gone when it is pressed.
    /// False when there was nothing left to take back.
    pub run: Arc<dyn Fn() -> bool + Send + Sync>,
}

impl fmt::Debug for TakeBack {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label)
    }
}

/// A message about something that happened outside the buyer's last click.
#[derive(Clone, Debug)]
pub struct Notice {
    pub id: u32,
    pub tone: Tone,
    pub text: String,
    pub attachment: Option<Attachment>,
    pub take_back: Option<TakeBack>,
    /// For a confirmation of what the buyer just did: the page it belongs to. It goes
    /// when the buyer moves on to another page, so an old "It is open now." never fills
    /// a phone's first screen on the next page. Problems (`None`) stay until dismissed.
    pub page: Option<Route>,
    /// Kept at the foot of the screen: about a step whose page opens scrolled far below
    /// the notices (a response brought in lands on its quote).
    pub in_view: bool,
}

#[derive(Clone, Copy)]
pub struct Notices(pub RwSignal<Vec<Notice>>);

impl Notices {
    pub fn push(self, tone: Tone, text: String, attachment: Option<Attachment>) {
        self.add(tone, text, attachment, None, None, false);
    }

    /// Confirms what the buyer just did, on `page` (where the app is, or is about to go).
    /// It replaces the confirmations before it: five imports in a row left five "It is
    /// open now." notices, four of them about workspaces no longer open.
    pub fn confirm(self, page: Route, text: String) {
        self.confirm_with(page, text, None);
    }

    /// `confirm`, with a button that takes the step back, kept in view.
    pub fn confirm_with(self, page: Route, text: String, take_back: Option<TakeBack>) {
        let in_view = take_back.is_some();
        self.replace_confirmation(page, text, take_back, in_view);
    }

    /// `confirm`, kept in view (what taking a step back did, said where its button was).
    pub fn confirm_in_view(self, page: Route, text: String) {
        self.replace_confirmation(page, text, None, true);
    }

    fn replace_confirmation(
        self,
        page: Route,
        text: String,
        take_back: Option<TakeBack>,
        in_view: bool,
    ) {
        if self
            .0
            .with_untracked(|list| list.iter().any(|n| n.page.is_some()))
        {
            self.0.update(|list| list.retain(|n| n.page.is_none()));
        }
        self.add(Tone::Info, text, None, Some(page), take_back, in_view);
    }

    fn add(
        self,
        tone: Tone,
        text: String,
        attachment: Option<Attachment>,
        page: Option<Route>,
        take_back: Option<TakeBack>,
        in_view: bool,
    ) {
        // Never an id used before: the list is keyed by id, and a new notice under a
        // dropped one's id would keep the old one's text on screen.
        static LAST: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
        let id = LAST.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
        self.0.update(|list| {
            list.push(Notice {
                id,
                tone,
                text,
                attachment,
                take_back,
                page,
                in_view,
            });
        });
    }

    /// Drops the confirmations of other pages than `page`, which the app has just opened.
    pub fn left_for(self, page: Route) {
        let stale = |n: &Notice| n.page.is_some_and(|p| p != page);
        if self.0.with_untracked(|list| list.iter().any(stale)) {
            self.0.update(|list| list.retain(|n| !stale(n)));
        }
    }

    /// The confirmation on screen that can take back its step in `workspace` (any, when
    /// `None`), untracked. `confirm_with` keeps one confirmation at a time, so there is
    /// at most one.
    fn take_back_in(self, workspace: Option<&str>) -> Option<(u32, TakeBack)> {
        self.0.with_untracked(|list| {
            list.iter().find_map(|n| {
                let t = n.take_back.as_ref()?;
                workspace
                    .is_none_or(|w| t.workspace == w)
                    .then(|| (n.id, t.clone()))
            })
        })
    }

    /// Whether a confirmation on screen can take back its step in `workspace`.
    pub fn can_take_back(self, workspace: &str) -> bool {
        self.take_back_in(Some(workspace)).is_some()
    }

    /// Takes back the step of the confirmation on screen (in `workspace`, when given) and
    /// drops its notice; false when there is none, or nothing was left to take back.
    pub fn take_back(self, workspace: Option<&str>) -> bool {
        let Some((id, t)) = self.take_back_in(workspace) else {
            return false;
        };
        self.dismiss(id);
        (t.run)()
    }

    pub fn dismiss(self, id: u32) {
        self.0.update(|list| list.retain(|n| n.id != id));
    }
}

/// A scorecard opened from a link, waiting for the scorecard page's import preview.
#[derive(Clone, Copy)]
pub struct IncomingCard(pub RwSignal<Option<CardFile>>);

/// Every app-wide signal, for code that needs several of them (the saver, the sync).
#[derive(Clone, Copy)]
pub struct Session {
    pub lib: Lib,
    pub prefs: BrowserPrefs,
    pub status: Status,
    pub health: Health,
    pub conflicts: Conflicts,
    pub notices: Notices,
}

impl Session {
    pub fn get() -> Session {
        expect_context::<Session>()
    }

    /// Makes the session and each of its signals available to every component below.
    pub fn provide(self) {
        provide_context(self);
        provide_context(self.notices);
        provide_context(self.lib);
        provide_context(self.status);
        provide_context(self.health);
        provide_context(IncomingCard(RwSignal::new(None)));
    }
}
