//! Browser tests of the glue that only a browser has (storage, the address bar, the
//! clipboard), run by wasm-bindgen-test in headless Chromium:
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web`.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use splitline::browser::persistence::boot;
use splitline::browser::persistence::Booted;
use splitline::browser::state::{
    BrowserPrefs, Conflicts, Health, HealthInfo, Lib, Notices, SaveStatus, Session, Status, Tone,
};
use splitline::browser::storage;
use splitline::domain::envelope::{self, Kind};
use splitline::domain::library::Library;
use splitline::domain::persist::store::WriteError;
use splitline::domain::persist::{self, Meta};
use splitline::domain::workspace::Workspace;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn js(body: &str) {
    js_sys::Function::new_no_args(body)
        .call0(&wasm_bindgen::JsValue::NULL)
        .unwrap();
}

/// Runs `body` with a reactive owner and a clean localStorage.
fn fresh<T>(body: impl FnOnce() -> T) -> T {
    local().clear().unwrap();
    let owner = Owner::new();
    owner.with(body)
}

fn notices() -> Notices {
    Notices(RwSignal::new(Vec::new()))
}

/// The signals the app builds from a boot, without mounting the app.
fn session(booted: &Booted, notices: Notices) -> Session {
    Session {
        lib: Lib(RwSignal::new(booted.library.clone())),
        prefs: BrowserPrefs(RwSignal::new(booted.prefs.clone())),
        status: Status(RwSignal::new(booted.status.clone())),
        health: Health(RwSignal::new(HealthInfo::default())),
        conflicts: Conflicts(RwSignal::new(Vec::new())),
        notices,
    }
}

#[wasm_bindgen_test]
fn write_read_and_list_only_our_keys() {
    fresh(|| {
        let store = storage::open()
            .expect("storage works in the test browser")
            .storage;
        local().set_item("someone-else", "x").unwrap();
        storage::write(&store, "splitline.test", "hello").unwrap();
        assert_eq!(
            storage::read(&store, "splitline.test").as_deref(),
            Some("hello")
        );
        assert_eq!(
            storage::read_all(&store),
            vec![("splitline.test".to_owned(), "hello".to_owned())]
        );
        assert_eq!(
            storage::read(&store, persist::PROBE_KEY),
            None,
            "the probe is cleaned up"
        );
    });
}

#[wasm_bindgen_test]
fn a_saved_library_loads_back_after_a_reload() {
    fresh(|| {
        let booted = boot(notices());
        assert_eq!(booted.status, SaveStatus::Saved);
        let s = session(&booted, notices());
        let (lib, status) = (s.lib, s.status);
        let later = splitline::browser::clock::now_ms() + 1;
        lib.0.update(|l| {
            l.create("second".into(), later);
            l.rename("second", "Acme <review>", later).unwrap();
        });
        booted.saver.flush(s);
        assert_eq!(status.0.get_untracked(), SaveStatus::Saved);
        assert!(s.health.0.get_untracked().last_saved_ms.is_some());
        assert!(s.health.0.get_untracked().used_chars > 100);
        let text = local().get_item("splitline.ws.second").unwrap().unwrap();
        assert!(text.starts_with(r#"{"format":"splitline","kind":"workspace","version":1"#));

        // A second boot is what a reload does.
        let again = boot(notices());
        assert_eq!(again.library, lib.0.get_untracked());
        assert_eq!(again.library.active_id(), "second");
    });
}

#[wasm_bindgen_test]
fn deleted_workspaces_leave_storage_too() {
    fresh(|| {
        let booted = boot(notices());
        let s = session(&booted, notices());
        let lib = s.lib;
        lib.0.update(|l| {
            l.create("doomed".into(), 5);
        });
        booted.saver.flush(s);
        assert!(local().get_item("splitline.ws.doomed").unwrap().is_some());
        lib.0.update(|l| {
            l.delete("doomed", "unused".into(), 6);
        });
        booted.saver.flush(s);
        assert_eq!(local().get_item("splitline.ws.doomed").unwrap(), None);
    });
}

#[wasm_bindgen_test]
fn a_corrupt_blob_is_moved_to_a_backup_and_reported() {
    fresh(|| {
        let good = Workspace::new("good".into(), "Good".into(), 1);
        local()
            .set_item(
                "splitline.ws.good",
                &envelope::encode(Kind::Workspace, &good),
            )
            .unwrap();
        local()
            .set_item("splitline.ws.bad", "{\"format\":\"split")
            .unwrap();
        let notices = notices();
        let booted = boot(notices);
        assert_eq!(booted.library.workspaces().len(), 1);
        assert_eq!(booted.library.active_id(), "good");
        let list = notices.0.get_untracked();
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].tone, Tone::Error);
        assert!(list[0].text.contains("could not read a saved workspace"));
        let attachment = list[0].attachment.clone().expect("raw data offered");
        assert_eq!(attachment.contents, "{\"format\":\"split");
        let store = storage::open().unwrap().storage;
        let backups: Vec<_> = storage::read_all(&store)
            .into_iter()
            .filter(|(k, _)| k.starts_with("splitline.backup.ws.bad."))
            .collect();
        assert_eq!(backups.len(), 1);
        assert_eq!(backups[0].1, "{\"format\":\"split");
        assert_eq!(local().get_item("splitline.ws.bad").unwrap(), None);
        assert_eq!(booted.saver.backups(), vec![backups[0].0.clone()]);
    });
}

#[wasm_bindgen_test]
fn a_full_quota_is_reported_and_the_library_stays_in_memory() {
    fresh(|| {
        let booted = boot(notices());
        let s = session(&booted, notices());
        let (lib, status) = (s.lib, s.status);
        js("window.__setItem = Storage.prototype.setItem; \
            Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };");
        let store = local();
        assert_eq!(
            storage::write(&store, "splitline.x", "y"),
            Err(WriteError::Full)
        );
        lib.0.update(|l| {
            l.create("kept".into(), 5);
        });
        booted.saver.flush(s);
        js("Storage.prototype.setItem = window.__setItem;");
        assert!(matches!(status.0.get_untracked(), SaveStatus::Failed(m) if m.contains("full")));
        assert!(
            lib.0.get_untracked().get("kept").is_some(),
            "nothing is lost in memory"
        );
        // Once space is back, the next save catches up.
        booted.saver.flush(s);
        assert_eq!(status.0.get_untracked(), SaveStatus::Saved);
        assert!(local().get_item("splitline.ws.kept").unwrap().is_some());
    });
}

#[wasm_bindgen_test]
fn storage_that_is_full_at_start_up_is_still_read() {
    fresh(|| {
        let kept = Workspace::new("kept".into(), "Kept".into(), 1);
        local()
            .set_item(
                "splitline.ws.kept",
                &envelope::encode(Kind::Workspace, &kept),
            )
            .unwrap();
        js("window.__setItem = Storage.prototype.setItem; \
            Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };");
        let booted = boot(notices());
        js("Storage.prototype.setItem = window.__setItem;");
        assert_eq!(booted.library.active_id(), "kept");
        assert!(
            matches!(booted.status, SaveStatus::Failed(ref m) if m.contains("full") && m.contains("all here")),
            "{:?}",
            booted.status
        );
    });
}

#[wasm_bindgen_test]
fn storage_that_throws_on_access_means_memory_only() {
    fresh(|| {
        js("window.__ls = Object.getOwnPropertyDescriptor(window, 'localStorage') \
              || Object.getOwnPropertyDescriptor(Window.prototype, 'localStorage'); \
            Object.defineProperty(window, 'localStorage', { configurable: true, get() { throw new DOMException('denied', 'SecurityError'); } });");
        let opened = storage::open();
        let booted = boot(notices());
        js("Object.defineProperty(window, 'localStorage', window.__ls);");
        assert!(opened.is_err());
        assert!(
            matches!(booted.status, SaveStatus::MemoryOnly(ref m) if m.contains("Storage is unavailable"))
        );
        assert_eq!(
            booted.library.workspaces().len(),
            1,
            "a first workspace to work in"
        );
    });
}

#[wasm_bindgen_test]
fn the_open_workspace_is_remembered() {
    fresh(|| {
        let mut lib = Library::new(Workspace::new("a".into(), "A".into(), 1));
        lib.create("b".into(), 2);
        lib.switch("a");
        let booted = boot(notices());
        let s = session(&booted, notices());
        s.lib.0.set(lib);
        booted.saver.flush(s);
        let meta: Meta = envelope::decode(
            &local().get_item(persist::META_KEY).unwrap().unwrap(),
            Kind::Meta,
        )
        .unwrap();
        assert_eq!(meta.active.as_deref(), Some("a"));
        assert_eq!(boot(notices()).library.active_id(), "a");
    });
}

/// Waits for the browser to run what is queued (timers, spawned tasks) until `done`,
/// for up to a second.
async fn until(done: impl Fn() -> bool) {
    for _ in 0..100 {
        if done() {
            return;
        }
        let tick = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .unwrap()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(tick).await.unwrap();
    }
}

/// A booted session, saved once, whose workspace another tab (hidden, so this tab missed
/// the event) then saves with `theirs` applied; returns the key and that tab's text.
fn saved_then_changed_elsewhere(
    theirs: impl FnOnce(&mut Workspace),
) -> (Booted, Session, String, String) {
    local().clear().unwrap();
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let booted = boot(notices());
    let s = session(&booted, notices());
    booted.saver.flush(s);
    let id = s.lib.0.get_untracked().active_id().to_owned();
    let key = persist::workspace_key(&id);
    let mut other = s.lib.0.get_untracked().active().clone();
    theirs(&mut other);
    let theirs_text = envelope::encode(Kind::Workspace, &other);
    local().set_item(&key, &theirs_text).unwrap();
    (booted, s, id, theirs_text)
}

#[wasm_bindgen_test]
async fn a_write_by_another_tab_is_never_overwritten_by_an_older_tab() {
    let owner = Owner::new();
    owner.set();
    let (booted, s, id, theirs_text) =
        saved_then_changed_elsewhere(|w| w.name = "Renamed in the other tab".into());
    let key = persist::workspace_key(&id);
    // This tab renames it too, and saves: it must not write over the other tab's version,
    // and one name cannot hold both, so the buyer is asked.
    s.lib
        .0
        .update(|l| l.active_mut().name = "Renamed here".into());
    booted.saver.flush(s);
    assert_eq!(local().get_item(&key).unwrap().unwrap(), theirs_text);
    until(|| !s.conflicts.0.get_untracked().is_empty()).await;
    let conflicts = s.conflicts.0.get_untracked();
    assert_eq!(conflicts.len(), 1);
    assert_eq!(conflicts[0].id, id);
    assert!(conflicts[0].theirs_exists);
    // Keeping both: this tab's edit becomes a copy, the other tab's version stays.
    splitline::browser::tab_sync::resolve(
        booted.saver,
        s,
        &id,
        splitline::browser::tab_sync::Resolution::KeepBoth,
    );
    booted.saver.flush(s);
    let lib = s.lib.0.get_untracked();
    assert_eq!(lib.get(&id).unwrap().name, "Renamed in the other tab");
    let copy = lib.workspaces().iter().find(|w| w.id != id).unwrap();
    assert_eq!(copy.name, "Renamed here (from this tab)");
    assert!(s.conflicts.0.get_untracked().is_empty());
    assert_eq!(local().get_item(&key).unwrap().unwrap(), theirs_text);
    assert!(local()
        .get_item(&persist::workspace_key(&copy.id))
        .unwrap()
        .is_some());
}

#[wasm_bindgen_test]
async fn edits_of_different_things_in_two_tabs_are_merged_and_saved() {
    let owner = Owner::new();
    owner.set();
    let (booted, s, id, theirs_text) =
        saved_then_changed_elsewhere(|w| w.name = "Renamed in the other tab".into());
    let key = persist::workspace_key(&id);
    s.lib.0.update(|l| l.active_mut().profile.employees = 999);
    booted.saver.flush(s);
    // Not written over at once; merged (after the merge's code loads) and then saved.
    assert_eq!(local().get_item(&key).unwrap().unwrap(), theirs_text);
    until(|| local().get_item(&key).unwrap().unwrap() != theirs_text).await;
    let stored = persist::save::decode_workspace(&key, &local().get_item(&key).unwrap().unwrap())
        .expect("the merged text is a workspace");
    assert_eq!(stored.name, "Renamed in the other tab");
    assert_eq!(stored.profile.employees, 999);
    assert_eq!(s.lib.0.get_untracked().get(&id), Some(&stored));
    assert!(s.conflicts.0.get_untracked().is_empty());
    assert_eq!(s.status.0.get_untracked(), SaveStatus::Saved);
}

/// Puts `url` in the address bar without navigating, runs `body`, then restores the address.
fn at_address<T>(url: &str, body: impl FnOnce() -> T) -> T {
    let window = web_sys::window().unwrap();
    let history = window.history().unwrap();
    let here = window.location().href().unwrap();
    history
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url))
        .unwrap();
    let out = body();
    history
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&here))
        .unwrap();
    out
}

#[wasm_bindgen_test]
fn a_share_link_survives_the_address_bar_and_is_left_behind_without_a_history_entry() {
    use splitline::browser::share::{current_link_text, full_url, leave_link_for_href};
    use splitline::domain::share::body::{open_link, workspace_link, Sender, SharedDoc};

    let mut ws = Workspace::new("w1".into(), "Review <b>&</b> 100% ✓".into(), 1);
    ws.profile.company_name = "Fabrikam Zürich #2 ?x=1".into();
    let sender = Sender {
        by: "Dana".into(),
        at_ms: 5,
    };
    let text = workspace_link(&ws, &sender);
    let url = full_url(&text);
    let location = web_sys::window().unwrap().location();
    let page = format!(
        "{}{}#/s/",
        location.origin().unwrap(),
        location.pathname().unwrap()
    );
    assert_eq!(url, format!("{page}{text}"));
    at_address(&url, || {
        // The browser keeps the fragment as it was written: no percent-encoding to undo.
        assert_eq!(current_link_text().as_deref(), Some(text.as_str()));
        let (doc, who) = open_link(&current_link_text().unwrap()).unwrap();
        assert_eq!(doc, SharedDoc::Workspace(Box::new(ws.clone())));
        assert_eq!(who, sender);
        let history = web_sys::window().unwrap().history().unwrap();
        let entries = history.length().unwrap();
        leave_link_for_href("#/workspaces");
        assert_eq!(location.hash().unwrap(), "#/workspaces");
        assert_eq!(history.length().unwrap(), entries, "replaced, not pushed");
        assert_eq!(current_link_text(), None);
    });
}

#[wasm_bindgen_test]
async fn copying_reaches_the_clipboard_or_says_how_to_copy_by_hand() {
    let text = "https://splitline.example/#/s/1s7z.abc".to_owned();
    match splitline::browser::share::copy(text.clone()).await {
        Ok(()) => {
            let clipboard = web_sys::window().unwrap().navigator().clipboard();
            let back = wasm_bindgen_futures::JsFuture::from(clipboard.read_text())
                .await
                .unwrap();
            assert_eq!(back.as_string().unwrap(), text);
        }
        // Headless Chromium without focus or permission refuses: the user gets a way out.
        Err(message) => assert_eq!(
            message,
            "The browser did not allow copying. Select the link below and copy it yourself."
        ),
    }
}

#[wasm_bindgen_test]
fn a_fault_hands_its_message_to_the_page_fallback() {
    js("window.__crashed = null; window.splitlineCrashed = (m) => { window.__crashed = m; };");
    splitline::browser::crash::show("panicked at example");
    let got = js_sys::Reflect::get(&web_sys::window().unwrap(), &"__crashed".into()).unwrap();
    assert_eq!(got.as_string().as_deref(), Some("panicked at example"));
    // Without the page's fallback (a test page, an old loader) nothing breaks.
    js("delete window.splitlineCrashed;");
    splitline::browser::crash::show("again");
}

#[wasm_bindgen_test]
fn every_write_and_removal_goes_to_the_page_durable_copy() {
    fresh(|| {
        js("window.__copies = []; window.splitlineCopy = (k, t) => window.__copies.push(k + '=' + t);");
        let store = storage::open().unwrap().storage;
        storage::write(&store, "splitline.ws.a", "one").unwrap();
        storage::remove(&store, "splitline.ws.a");
        storage::signal(&store, "splitline.kept-over", "message").unwrap();
        let copies = js_sys::Reflect::get(&web_sys::window().unwrap(), &"__copies".into()).unwrap();
        // Without the page's copy (a test page, an old loader) storage works as before.
        js("delete window.splitlineCopy;");
        let copies: Vec<String> = js_sys::Array::from(&copies)
            .iter()
            .filter_map(|c| c.as_string())
            .collect();
        // Neither the start-up probe nor a message to other tabs is copied; a removal is
        // copied as null.
        assert_eq!(copies, ["splitline.ws.a=one", "splitline.ws.a=null"]);
        storage::write(&store, "splitline.ws.b", "two").unwrap();
        assert_eq!(
            storage::read(&store, "splitline.ws.b").as_deref(),
            Some("two")
        );
    });
}
