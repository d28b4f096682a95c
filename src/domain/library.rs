//! All of the buyer's workspaces and which one is open.

use super::workspace::{validate_name, NameError, Workspace};

/// The name of the workspace a new visitor starts with.
const FIRST_NAME: &str = "My first engagement";

/// The workspaces in the order they were created, and the open one.
///
/// Invariant: there is always at least one workspace and `active` names one of them,
/// so the tools never have to handle "no workspace".
#[derive(Clone, Debug, PartialEq)]
pub struct Library {
    workspaces: Vec<Workspace>,
    active: String,
    /// How many times a workspace was replaced by a copy from elsewhere (another tab):
    /// an undo history taken before then could bring back a state without the other
    /// tab's work, so the tools drop theirs when it moves. Every workspace counts, not
    /// only the open one: a tab can switch away, take the copy, and switch back.
    replaced: u64,
}

impl Library {
    /// What a new visitor starts with: one empty workspace with a friendly name.
    pub fn first(id: String, now_ms: i64) -> Library {
        Library::new(Workspace::new(id, FIRST_NAME.into(), now_ms))
    }

    /// Adds imported workspaces (`insert`), the last one open; their ids in order. When
    /// the library holds only the untouched workspace a new visitor starts with, it goes:
    /// a backup restored into a new browser keeps its names ("My first engagement"),
    /// instead of arriving as "My first engagement 2" beside an empty one.
    pub fn import(&mut self, workspaces: Vec<Workspace>) -> Vec<String> {
        if !self.has_work() && !workspaces.is_empty() {
            self.workspaces.clear();
        }
        workspaces.into_iter().map(|ws| self.insert(ws)).collect()
    }

    /// Whether it holds more than the untouched workspace a new visitor starts with.
    pub fn has_work(&self) -> bool {
        !matches!(self.workspaces.as_slice(), [only] if only.is_untouched(FIRST_NAME))
    }

    /// A library holding one workspace, open.
    pub fn new(first: Workspace) -> Library {
        Library {
            active: first.id.clone(),
            workspaces: vec![first],
            replaced: 0,
        }
    }

    /// Builds a library from loaded workspaces. `None` when there are none.
    /// The preferred active id falls back to the most recently updated workspace.
    pub fn from_loaded(mut workspaces: Vec<Workspace>, preferred: Option<&str>) -> Option<Library> {
        crate::domain::order::sort_by(&mut workspaces, |a, b| {
            a.created_ms.cmp(&b.created_ms).then(a.id.cmp(&b.id))
        });
        let active = preferred
            .filter(|id| workspaces.iter().any(|w| w.id == *id))
            .map(str::to_owned)
            .or_else(|| {
                workspaces
                    .iter()
                    .max_by_key(|w| w.updated_ms)
                    .map(|w| w.id.clone())
            })?;
        Some(Library {
            workspaces,
            active,
            replaced: 0,
        })
    }

    pub fn workspaces(&self) -> &[Workspace] {
        &self.workspaces
    }

    pub fn active_id(&self) -> &str {
        &self.active
    }

    /// Moves each time a workspace is replaced from elsewhere (see `replace`).
    pub fn replaced(&self) -> u64 {
        self.replaced
    }

    pub fn active(&self) -> &Workspace {
        self.get(&self.active)
            .expect("invariant: the active id names a workspace")
    }

    pub fn active_mut(&mut self) -> &mut Workspace {
        let active = self.active.clone();
        self.get_mut(&active)
            .expect("invariant: the active id names a workspace")
    }

    pub fn get(&self, id: &str) -> Option<&Workspace> {
        self.workspaces.iter().find(|w| w.id == id)
    }

    pub fn get_mut(&mut self, id: &str) -> Option<&mut Workspace> {
        self.workspaces.iter_mut().find(|w| w.id == id)
    }

    /// Whether a workspace already shows this name in the switcher (display name, any case).
    fn name_taken(&self, name: &str) -> bool {
        let shown = |w: &Workspace| crate::domain::provider::same_name(w.display_name(), name);
        self.workspaces.iter().any(shown)
    }

    /// A name like "Engagement 3" that no workspace shows yet, in any case.
    pub fn fresh_name(&self, base: &str) -> String {
        let taken = |name: &str| self.name_taken(name);
        if !taken(base) {
            return base.to_owned();
        }
        (2..)
            .map(|n| format!("{base} {n}"))
            .find(|name| !taken(name))
            .expect("an unbounded range always finds a free name")
    }

    /// Adds an empty workspace, opens it and returns its id.
    pub fn create(&mut self, id: String, now_ms: i64) -> String {
        let name = self.fresh_name("New engagement");
        self.insert(Workspace::new(id, name, now_ms))
    }

    /// Adds a workspace built elsewhere (an import), opens it and returns its id.
    /// A clashing id or name is replaced so that nothing existing is touched.
    pub fn insert(&mut self, mut workspace: Workspace) -> String {
        if self.get(&workspace.id).is_some() {
            let base = workspace.id.clone();
            workspace.id = (self.workspaces.len() + 1..)
                .map(|n| format!("{base}-{n}"))
                .find(|id| self.get(id).is_none())
                .expect("an unbounded range always finds a free id");
        }
        if self.name_taken(workspace.display_name()) {
            workspace.name = self.fresh_name(workspace.display_name());
        }
        let id = workspace.id.clone();
        self.workspaces.push(workspace);
        self.active = id.clone();
        id
    }

    pub fn rename(&mut self, id: &str, name: &str, now_ms: i64) -> Result<(), NameError> {
        validate_name(name)?;
        // As the header's switcher shows them: the display name, any case.
        let name_of_another = |w: &Workspace| {
            w.id != id && crate::domain::provider::same_name(w.display_name(), name)
        };
        if self.workspaces.iter().any(name_of_another) {
            return Err(NameError::Taken);
        }
        if let Some(ws) = self.get_mut(id) {
            ws.name = name.trim().to_owned();
            ws.updated_ms = now_ms;
        }
        Ok(())
    }

    /// Copies a workspace under a new id and opens the copy.
    pub fn duplicate(&mut self, id: &str, new_id: String, now_ms: i64) -> Option<String> {
        let source = self.get(id)?;
        let mut copy = source.clone();
        copy.name = self.fresh_name(&format!("{} (copy)", source.display_name()));
        copy.id = new_id;
        copy.created_ms = now_ms;
        copy.updated_ms = now_ms;
        Some(self.insert(copy))
    }

    /// Opens another workspace. Returns false for an unknown id.
    pub fn switch(&mut self, id: &str) -> bool {
        let known = self.get(id).is_some();
        if known {
            self.active = id.to_owned();
        }
        known
    }

    /// Deletes a workspace. The last one is replaced by an empty workspace with
    /// `replacement_id`, because the tools always need one open.
    pub fn delete(&mut self, id: &str, replacement_id: String, now_ms: i64) -> Option<Workspace> {
        let index = self.workspaces.iter().position(|w| w.id == id)?;
        let removed = self.workspaces.remove(index);
        if self.workspaces.is_empty() {
            let name = self.fresh_name("New engagement");
            self.workspaces
                .push(Workspace::new(replacement_id, name, now_ms));
        }
        if self.active == id {
            let next = index.min(self.workspaces.len() - 1);
            self.active = self.workspaces[next].id.clone();
        }
        Some(removed)
    }

    /// Puts back a workspace deleted from `index` (Undo), opened again when `reopen`. The
    /// empty workspace a delete of the last one made in its place (`stand_in`) goes if it
    /// is still untouched. False when its id is here again (another tab kept it).
    pub fn restore(
        &mut self,
        mut workspace: Workspace,
        index: usize,
        reopen: bool,
        stand_in: &str,
    ) -> bool {
        if self.get(&workspace.id).is_some() {
            return false;
        }
        // The stand-in goes first: it took the default name the workspace may have had.
        let id = workspace.id.clone();
        let untouched = |w: &Workspace| w.id == stand_in && w.updated_ms == w.created_ms;
        if let Some(at) = self.workspaces.iter().position(untouched) {
            self.workspaces.remove(at);
            if self.active == stand_in {
                self.active = id.clone();
            }
        }
        if self.name_taken(workspace.display_name()) {
            workspace.name = self.fresh_name(workspace.display_name());
        }
        self.workspaces
            .insert(index.min(self.workspaces.len()), workspace);
        if reopen {
            self.active = id;
        }
        true
    }

    /// Replaces a workspace with a newer copy (from another tab). Adds it if unknown.
    pub fn replace(&mut self, workspace: Workspace) {
        self.replaced += 1;
        match self.get_mut(&workspace.id) {
            Some(existing) => *existing = workspace,
            None => self.workspaces.push(workspace),
        }
    }

    /// Drops a workspace that another tab deleted, keeping the invariant.
    pub fn forget(&mut self, id: &str) {
        if self.workspaces.len() > 1 {
            if let Some(index) = self.workspaces.iter().position(|w| w.id == id) {
                self.workspaces.remove(index);
                if self.active == id {
                    self.active = self.workspaces[index.min(self.workspaces.len() - 1)]
                        .id
                        .clone();
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ws(id: &str, name: &str, t: i64) -> Workspace {
        Workspace::new(id.into(), name.into(), t)
    }

    fn library() -> Library {
        Library::new(ws("a", "Acme", 1))
    }

    #[test]
    fn only_the_untouched_first_workspace_is_no_work() {
        let mut lib = Library::first("f".into(), 1);
        assert!(!lib.has_work());
        lib.rename("f", "Contoso", 2).unwrap();
        assert!(lib.has_work());
        let mut two = Library::first("f".into(), 1);
        two.create("g".into(), 2);
        assert!(two.has_work());
    }

    #[test]
    fn an_import_into_a_new_browser_takes_the_place_of_the_untouched_start() {
        let backup = vec![ws("x", FIRST_NAME, 5), ws("y", "Renewal", 6)];
        let mut lib = Library::first("start".into(), 1);
        assert_eq!(lib.import(backup.clone()), ["x", "y"]);
        let names: Vec<&str> = lib.workspaces().iter().map(|w| w.name.as_str()).collect();
        assert_eq!(names, [FIRST_NAME, "Renewal"], "the backup keeps its names");
        assert_eq!(lib.active_id(), "y");
        // Anything put in the start keeps it: the import goes beside it, renamed.
        let mut lib = Library::first("start".into(), 1);
        lib.active_mut().profile.company_name = "Contoso".into();
        lib.import(backup.clone());
        let names: Vec<&str> = lib.workspaces().iter().map(|w| w.name.as_str()).collect();
        assert_eq!(names, [FIRST_NAME, "My first engagement 2", "Renewal"]);
        let mut lib = Library::first("start".into(), 1);
        lib.rename("start", "Mine", 2).unwrap();
        assert_eq!(lib.import(backup).len(), 2);
        assert_eq!(lib.workspaces().len(), 3);
        // After a reload the start's tool documents are stored text ("{}"): still untouched.
        let start = Workspace::new("start".into(), FIRST_NAME.into(), 1);
        let reloaded: Workspace =
            serde_json::from_str(&serde_json::to_string(&start).unwrap()).unwrap();
        let mut lib = Library::new(reloaded);
        lib.import(vec![ws("x", FIRST_NAME, 5)]);
        assert_eq!(lib.workspaces().len(), 1);
        assert_eq!(lib.active_id(), "x");
        // Nothing to import leaves the start as it is.
        let mut lib = Library::first("start".into(), 1);
        assert!(lib.import(Vec::new()).is_empty());
        assert_eq!(lib.active_id(), "start");
    }

    #[test]
    fn create_opens_a_uniquely_named_workspace() {
        let mut lib = library();
        let b = lib.create("b".into(), 2);
        let c = lib.create("c".into(), 3);
        assert_eq!(lib.active_id(), c);
        assert_eq!(lib.get(&b).unwrap().name, "New engagement");
        assert_eq!(lib.get(&c).unwrap().name, "New engagement 2");
    }

    #[test]
    fn rename_trims_and_refuses_blank_names() {
        let mut lib = library();
        assert_eq!(lib.rename("a", "  Acme renewal ", 5), Ok(()));
        assert_eq!(lib.active().name, "Acme renewal");
        assert_eq!(lib.active().updated_ms, 5);
        assert_eq!(lib.rename("a", "   ", 6), Err(NameError::Empty));
        assert_eq!(lib.active().name, "Acme renewal");
        lib.create("b".into(), 7);
        let other = lib.get("b").unwrap().name.clone();
        assert_eq!(
            lib.rename("a", &format!(" {} ", other.to_uppercase()), 8),
            Err(NameError::Taken)
        );
        // Its own name, in other case, is no clash.
        let own = lib.get("a").unwrap().name.to_lowercase();
        assert_eq!(lib.rename("a", &own, 9), Ok(()));
    }

    #[test]
    fn duplicate_copies_the_documents_under_a_new_id() {
        let mut lib = library();
        lib.active_mut().profile.employees = 240;
        let copy = lib.duplicate("a", "b".into(), 9).unwrap();
        assert_eq!(lib.active_id(), copy);
        let dup = lib.get("b").unwrap();
        assert_eq!(dup.name, "Acme (copy)");
        assert_eq!(dup.profile.employees, 240);
        assert_eq!(dup.created_ms, 9);
        assert_eq!(lib.duplicate("missing", "x".into(), 9), None);
    }

    #[test]
    fn switch_ignores_unknown_ids() {
        let mut lib = library();
        lib.create("b".into(), 2);
        assert!(lib.switch("a"));
        assert!(!lib.switch("zzz"));
        assert_eq!(lib.active_id(), "a");
    }

    #[test]
    fn delete_moves_to_a_neighbour_and_never_leaves_the_library_empty() {
        let mut lib = library();
        lib.create("b".into(), 2);
        lib.create("c".into(), 3);
        lib.switch("b");
        assert_eq!(lib.delete("b", "r".into(), 4).unwrap().id, "b");
        assert_eq!(lib.active_id(), "c");
        lib.delete("c", "r".into(), 4);
        assert_eq!(lib.active_id(), "a");
        lib.delete("a", "r".into(), 4);
        assert_eq!(lib.workspaces().len(), 1);
        assert_eq!(lib.active_id(), "r");
        assert_eq!(lib.delete("nope", "s".into(), 5), None);
    }

    #[test]
    fn undo_of_a_delete_puts_the_workspace_back_where_it_was() {
        let mut lib = library();
        lib.create("b".into(), 2);
        lib.create("c".into(), 3);
        lib.switch("b");
        let b = lib.delete("b", "r".into(), 4).unwrap();
        assert!(lib.restore(b.clone(), 1, true, "r"));
        let order: Vec<&str> = lib.workspaces().iter().map(|w| w.id.as_str()).collect();
        assert_eq!(order, ["a", "b", "c"]);
        assert_eq!(lib.active_id(), "b");
        assert!(!lib.restore(b, 1, true, "r"), "already back");
        // Not reopened when another one was open.
        lib.switch("a");
        let c = lib.delete("c", "r".into(), 5).unwrap();
        assert!(lib.restore(c, 2, false, "r"));
        assert_eq!(lib.active_id(), "a");
    }

    #[test]
    fn undo_of_deleting_the_last_workspace_drops_its_untouched_stand_in() {
        // Under the default name, which the stand-in takes too: the name comes back as it was.
        let mut lib = Library::new(ws("n", "New engagement", 1));
        let n = lib.delete("n", "r".into(), 4).unwrap();
        assert!(lib.restore(n, 0, true, "r"));
        let names: Vec<&str> = lib.workspaces().iter().map(|w| w.display_name()).collect();
        assert_eq!(names, ["New engagement"]);
        let mut lib = library();
        let a = lib.delete("a", "r".into(), 4).unwrap();
        assert!(lib.restore(a.clone(), 0, true, "r"));
        assert_eq!(lib.workspaces().len(), 1);
        assert_eq!(lib.active_id(), "a");
        // A stand-in the buyer already used stays, and keeps its name.
        let a = lib.delete("a", "s".into(), 5).unwrap();
        lib.rename("s", "Acme", 6).unwrap();
        assert!(lib.restore(a, 0, true, "s"));
        let names: Vec<&str> = lib.workspaces().iter().map(|w| w.display_name()).collect();
        assert_eq!(names, ["Acme 2", "Acme"]);
        assert_eq!(lib.active_id(), "a");
    }

    #[test]
    fn insert_never_overwrites_an_existing_workspace() {
        let mut lib = library();
        let id = lib.insert(ws("a", "Acme", 7));
        assert_ne!(id, "a");
        assert_eq!(lib.workspaces().len(), 2);
        assert_eq!(lib.get("a").unwrap().created_ms, 1);
        assert_eq!(lib.get(&id).unwrap().name, "Acme 2");
    }

    #[test]
    fn insert_and_create_compare_names_as_the_switcher_shows_them() {
        let mut lib = library();
        let id = lib.insert(ws("b", "  acme ", 7));
        assert_eq!(lib.get(&id).unwrap().name, "acme 2");
        let blank = lib.insert(ws("c", " ", 8));
        let second_blank = lib.insert(ws("d", "", 9));
        assert_eq!(
            lib.get(&blank).unwrap().display_name(),
            "Untitled workspace"
        );
        assert_eq!(lib.get(&second_blank).unwrap().name, "Untitled workspace 2");
        lib.insert(ws("e", "new ENGAGEMENT", 10));
        let created = lib.create("f".into(), 11);
        assert_eq!(lib.get(&created).unwrap().name, "New engagement 2");
    }

    #[test]
    fn insert_finds_a_free_id_when_the_suffixed_one_is_taken_too() {
        let mut lib = library();
        // After this insert, "a" would become "a-3": already taken.
        let next = format!("a-{}", lib.workspaces().len() + 2);
        lib.insert(ws(&next, "Other", 3));
        let id = lib.insert(ws("a", "Third", 4));
        assert!(lib.get(&id).is_some_and(|w| w.name == "Third"));
        assert_eq!(lib.workspaces().iter().filter(|w| w.id == id).count(), 1);
    }

    #[test]
    fn from_loaded_sorts_by_creation_and_picks_the_preferred_or_latest() {
        let mut late = ws("late", "Late", 5);
        late.updated_ms = 50;
        let early = ws("early", "Early", 1);
        let lib = Library::from_loaded(vec![late.clone(), early.clone()], Some("gone")).unwrap();
        assert_eq!(lib.workspaces()[0].id, "early");
        assert_eq!(lib.active_id(), "late");
        let lib = Library::from_loaded(vec![late, early], Some("early")).unwrap();
        assert_eq!(lib.active_id(), "early");
        assert!(Library::from_loaded(vec![], None).is_none());
    }

    #[test]
    fn replace_and_forget_apply_changes_from_another_tab() {
        let mut lib = library();
        lib.create("b".into(), 2);
        let mut newer = lib.get("a").unwrap().clone();
        newer.name = "Changed elsewhere".into();
        lib.replace(newer);
        assert_eq!(lib.get("a").unwrap().name, "Changed elsewhere");
        // A copy of any workspace makes the tools drop their undo: the one not open now
        // may be open again by the next undo.
        for id in ["a", "b"] {
            let before = lib.replaced();
            let copy = lib.get(id).unwrap().clone();
            lib.replace(copy);
            assert_eq!(lib.replaced(), before + 1, "{id}");
        }
        lib.forget("b");
        assert_eq!(lib.active_id(), "a");
        lib.forget("a");
        assert_eq!(lib.workspaces().len(), 1, "the last workspace stays");
    }
}
