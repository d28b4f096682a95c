//! Which workspace the settings name for a new tab (`Meta::active`): the one opened last
//! in any tab.

/// A tab names its own open workspace only once it opens another than the one it started
/// with. A reload reopens the tab's own workspace, which may not be the one another tab
/// opened since: naming it at the reload's first save would send new tabs there.
#[derive(Debug, Default)]
pub struct LastOpened {
    started: String,
    stored: Option<String>,
    moved: bool,
}

impl LastOpened {
    /// `started`: the workspace the tab opened at start-up; `stored`: the one the settings
    /// named then.
    pub fn new(started: &str, stored: Option<String>) -> LastOpened {
        LastOpened {
            started: started.to_owned(),
            stored,
            moved: false,
        }
    }

    /// The workspace to name, with `open` open in this tab now.
    pub fn name(&mut self, open: &str) -> String {
        self.moved |= open != self.started;
        match &self.stored {
            Some(stored) if !self.moved => stored.clone(),
            _ => open.to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::LastOpened;

    #[test]
    fn a_reload_into_the_tabs_own_workspace_keeps_the_settings_choice() {
        let mut last = LastOpened::new("mine", Some("theirs".into()));
        assert_eq!(last.name("mine"), "theirs");
        assert_eq!(last.name("mine"), "theirs");
    }

    #[test]
    fn opening_another_names_it_and_keeps_naming_what_is_open() {
        let mut last = LastOpened::new("mine", Some("theirs".into()));
        assert_eq!(last.name("other"), "other");
        // Back to the first: it is the one opened last now.
        assert_eq!(last.name("mine"), "mine");
    }

    #[test]
    fn with_nothing_named_the_open_workspace_is() {
        assert_eq!(LastOpened::new("mine", None).name("mine"), "mine");
        assert_eq!(LastOpened::default().name("mine"), "mine");
    }
}
