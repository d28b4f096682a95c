//! Keeping two tabs of the same browser from overwriting each other's work.
//!
//! Every workspace key remembers the text this tab last wrote or read there (the
//! "synced" text). When storage holds something else, another tab has written it. If this
//! tab has no unsaved change to that workspace, it adopts the other tab's version; if it
//! has, the two merge where they changed different things (`merge_workspace`); where they
//! did not, neither version may silently win, and the buyer chooses.

use super::merge::merge;
use super::persist::save::decode_workspace;
use super::text::and_list;
use super::workspace::{new_docs, Workspace};
use serde_json::Value;

/// What to do about a workspace key whose stored text may have changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    /// Nothing changed that matters.
    Ignore,
    /// Another tab changed it and this tab has no unsaved edits: take theirs.
    Adopt,
    /// Another tab deleted it and this tab has no unsaved edits: drop it here too.
    Forget,
    /// This tab deleted it, and another tab changed it before the delete was saved: the
    /// change is kept, as when the save finds it (`Saving::remove_deleted`), and the buyer
    /// who deleted it is told.
    Revived,
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
    let deleted_here = ours.is_none() && synced.is_some();
    match (unsaved_here, stored) {
        (false, Some(_)) if deleted_here => Decision::Revived,
        (false, Some(_)) => Decision::Adopt,
        (false, None) => Decision::Forget,
        (true, _) => Decision::Conflict,
    }
}

/// Said in the tab that deleted a workspace another tab changed meanwhile: the change is
/// kept, whichever the tab learns of first (the other tab's write or its own save).
pub fn kept_after_delete(name: &str) -> String {
    format!(
        "“{name}” was changed in another tab after you deleted it here, so it was kept. Delete it again if you no longer need it."
    )
}

/// Both tabs' changes to one workspace in one, when they touch different things: the
/// three texts are the one both tabs last agreed on (`synced`), this tab's and the stored
/// one. When they do not, the buyer chooses, told what each tab changed (`Clash`).
pub fn merge_workspace(
    key: &str,
    synced: &str,
    ours: &str,
    stored: &str,
) -> Result<Workspace, Clash> {
    let new_docs: Vec<(&str, Value)> = new_docs()
        .into_iter()
        .filter_map(|(field, text)| Some((field, serde_json::from_str(&text).ok()?)))
        .collect();
    let read = |text: &str| Some(as_read(serde_json::from_str(text).ok()?, &new_docs));
    let (Some(synced), Some(ours), Some(stored)) = (read(synced), read(ours), read(stored)) else {
        return Err(Clash::default());
    };
    let clash = || Clash::between(&synced, &ours, &stored);
    let merged = merge(&synced, &ours, &stored).ok_or_else(clash)?;
    // Checked as another tab's copy is: by the tools loaded here, which include every tool
    // whose document both tabs changed (a tab edits a document with its tool's code). What
    // one tool's document says of another's ids (a quote for a provider the other tab
    // deleted) is refused by `merge` itself, which never adds under a removed id.
    decode_workspace(key, &merged.to_string()).map_err(|_| clash())
}

/// The parts of a workspace the buyer knows by name, as stored (`data`'s fields).
const PARTS: [(&str, &str); 8] = [
    ("name", "the workspace's name"),
    ("profile", "the company profile"),
    ("providers", "the providers"),
    ("raci", "the RACI matrix"),
    ("scorecard", "the scorecard"),
    ("pricing", "the pricing comparison"),
    ("requests", "the requests for proposal"),
    ("disclose", "the requests for proposal"),
];

/// What each of two tabs changed in a workspace since they last agreed, by part: the
/// buyer choosing which version to keep needs to know what the other one loses.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Clash {
    pub here: Vec<&'static str>,
    pub there: Vec<&'static str>,
}

impl Clash {
    fn between(synced: &Value, ours: &Value, stored: &Value) -> Clash {
        let changed = |side: &Value| {
            let mut parts: Vec<&'static str> = Vec::new();
            for (field, label) in PARTS {
                let part = |v: &Value| v.get("data").and_then(|d| d.get(field)).cloned();
                if part(side) != part(synced) && !parts.contains(&label) {
                    parts.push(label);
                }
            }
            parts
        };
        Clash {
            here: changed(ours),
            there: changed(stored),
        }
    }

    /// "You and the other tab both changed the scorecard.", "Here you changed the RACI
    /// matrix; the other tab changed the scorecard.", as it stood when the choice was
    /// first asked. `None` when neither side's change can be named.
    pub fn text(&self) -> Option<String> {
        Some(match (&self.here[..], &self.there[..]) {
            ([], []) => return None,
            (here, there) if here == there => {
                format!("You and the other tab both changed {}.", and_list(here))
            }
            (here, []) => format!("Here you changed {}.", and_list(here)),
            ([], there) => format!("The other tab changed {}.", and_list(there)),
            (here, there) => format!(
                "Here you changed {}; the other tab changed {}.",
                and_list(here),
                and_list(there)
            ),
        })
    }
}

/// A tool's document never changed is stored as `{}` and reads as the tool's new document.
/// Compared as `{}`, both tabs' first edits of a new workspace's scorecard would look like
/// two additions of the whole scorecard, and the buyer would be asked; compared as what it
/// reads as, they merge like any other edits. Only tools loaded here are known, which are
/// the ones both tabs can have edited (a tab edits a document with its tool's code).
fn as_read(mut text: Value, new_docs: &[(&str, Value)]) -> Value {
    if let Some(data) = text.get_mut("data") {
        for (field, new) in new_docs {
            if let Some(doc) = data.get_mut(*field) {
                if doc.as_object().is_some_and(|fields| fields.is_empty()) {
                    *doc = new.clone();
                }
            }
        }
    }
    text
}

/// The key a tab writes (and at once removes) when the buyer keeps its version of a
/// workspace over another tab's: the tab whose saved copy was written over learns it from
/// the `storage` event, which arrives before the one for the workspace itself.
pub const KEPT_OVER_KEY: &str = "splitline.kept-over";

/// What `KEPT_OVER_KEY` carries: the workspace, and which saved text was written over.
pub fn kept_over(id: &str, written_over: &str) -> String {
    format!("{}\n{id}", fingerprint(written_over))
}

/// The workspace a `kept_over` value names, if `written` (the fingerprint of what this tab
/// itself last wrote for a workspace) says this tab wrote the text that was written over.
/// A tab that only read that text (it loaded or adopted it) lost nothing.
pub fn kept_over_mine(value: &str, written: impl FnOnce(&str) -> Option<String>) -> Option<&str> {
    let (print, id) = value.split_once('\n')?;
    (Some(print) == written(id).as_deref()).then_some(id)
}

/// A short stand-in for a text (64-bit FNV-1a and the length): two tabs compare saved
/// copies by it without writing a whole workspace twice.
pub fn fingerprint(text: &str) -> String {
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{hash:016x}-{}", text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_tab_whose_saved_copy_was_written_over_hears_of_it() {
        let value = kept_over("ws-1", "saved in tab A");
        let saved = |text: &'static str| move |id: &str| (id == "ws-1").then(|| fingerprint(text));
        assert_eq!(
            kept_over_mine(&value, saved("saved in tab A")),
            Some("ws-1")
        );
        assert_eq!(kept_over_mine(&value, saved("saved in tab C")), None);
        assert_eq!(kept_over_mine(&value, |_| None), None);
        assert_eq!(kept_over_mine("no line break", saved("x")), None);
    }

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
    fn a_change_from_another_tab_to_a_workspace_deleted_here_but_not_yet_saved_is_kept_and_said() {
        assert_eq!(decide(None, Some("a"), Some("b")), Decision::Revived);
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

#[cfg(test)]
mod merge_tests {
    use super::*;
    use crate::domain::decision::example;
    use crate::domain::envelope::{self, Kind};
    use crate::domain::persist::workspace_key;
    use serde_json::{json, Value};

    /// The worked example's storage key and saved text.
    fn saved(ws: &Workspace) -> (String, String) {
        (workspace_key(&ws.id), envelope::encode(Kind::Workspace, ws))
    }

    fn edited(text: &str, edits: &[(&str, Value)]) -> String {
        let mut v: Value = serde_json::from_str(text).unwrap();
        for (path, new) in edits {
            *v.pointer_mut(path).expect("path exists") = new.clone();
        }
        v.to_string()
    }

    #[test]
    fn a_score_here_and_a_rate_there_are_both_kept() {
        let (key, synced) = saved(&example::workspace());
        let ours = edited(
            &synced,
            &[
                ("/data/scorecard/cells/harbor/raci-written/score", json!(1)),
                ("/data/updated_ms", json!(1_793_491_300_000_i64)),
            ],
        );
        let stored = edited(
            &synced,
            &[
                ("/data/pricing/quotes/0/rates/per_user", json!(9900)),
                ("/data/updated_ms", json!(1_793_491_200_500_i64)),
            ],
        );
        let merged = merge_workspace(&key, &synced, &ours, &stored).expect("merges");
        let text: Value =
            serde_json::from_str(&envelope::encode(Kind::Workspace, &merged)).unwrap();
        assert_eq!(
            text.pointer("/data/scorecard/cells/harbor/raci-written/score"),
            Some(&json!(1))
        );
        assert_eq!(
            text.pointer("/data/pricing/quotes/0/rates/per_user"),
            Some(&json!(9900))
        );
        assert_eq!(merged.updated_ms, 1_793_491_300_000);
    }

    #[test]
    fn a_quote_for_a_provider_deleted_in_the_other_tab_is_left_to_the_buyer() {
        let mut ws = example::workspace();
        ws.providers.push(crate::domain::provider::Provider {
            id: "delta".into(),
            name: "Delta IT".into(),
        });
        let (key, synced) = saved(&ws);
        let mut gone = ws.clone();
        gone.remove_provider("delta");
        let ours = envelope::encode(Kind::Workspace, &gone);
        // The other tab quotes Delta IT for the first time.
        let mut v: Value = serde_json::from_str(&synced).unwrap();
        let mut quote = v["data"]["pricing"]["quotes"][0].clone();
        quote["provider"] = json!("delta");
        v["data"]["pricing"]["quotes"]
            .as_array_mut()
            .unwrap()
            .push(quote);
        let stored = v.to_string();
        let clash = merge_workspace(&key, &synced, &ours, &stored).unwrap_err();
        assert_eq!(
            clash.text().as_deref(),
            Some("Here you changed the providers; the other tab changed the pricing comparison.")
        );
        assert!(merge_workspace(&key, &synced, &stored, &ours).is_err());
    }

    #[test]
    fn one_score_typed_two_ways_is_left_to_the_buyer() {
        let (key, synced) = saved(&example::workspace());
        let path = "/data/scorecard/cells/harbor/raci-written/score";
        let ours = edited(&synced, &[(path, json!(1))]);
        let stored = edited(&synced, &[(path, json!(2))]);
        let clash = merge_workspace(&key, &synced, &ours, &stored).unwrap_err();
        assert_eq!(
            clash.text().as_deref(),
            Some("You and the other tab both changed the scorecard.")
        );
        assert_eq!(
            merge_workspace(&key, &synced, "not json", &stored)
                .unwrap_err()
                .text(),
            None
        );
    }

    #[test]
    fn two_tabs_first_edits_of_a_new_scorecard_are_both_kept() {
        use crate::domain::scorecard::Scorecard;
        use crate::domain::workspace::register;
        let (key, synced) = saved(&Workspace::new("w".into(), "Acme".into(), 1));
        assert!(synced.contains(r#""scorecard":{}"#));
        let with = |change: &dyn Fn(&mut Workspace)| {
            let mut ws = crate::domain::persist::save::decode_workspace(&key, &synced).unwrap();
            change(&mut ws);
            envelope::encode(Kind::Workspace, &ws)
        };
        let ours = with(&|ws| ws.scorecard.evaluator = "Dana".into());
        let stored = with(&|ws| ws.scorecard.criteria[0].name = "Named owners".into());
        // Without the scorecard's code nothing says what `{}` stands for.
        assert!(merge_workspace(&key, &synced, &ours, &stored).is_err());
        register::<Scorecard>();
        let merged = merge_workspace(&key, &synced, &ours, &stored).expect("merges");
        assert_eq!(merged.scorecard.evaluator, "Dana");
        assert_eq!(merged.scorecard.criteria[0].name, "Named owners");
        let mut expected = Scorecard {
            evaluator: "Dana".into(),
            ..Scorecard::default()
        };
        expected.criteria[0].name = "Named owners".into();
        assert_eq!(*merged.scorecard, expected);
        // The same place changed two ways is still the buyer's choice.
        let other = with(&|ws| ws.scorecard.evaluator = "Lee".into());
        assert!(merge_workspace(&key, &synced, &ours, &other).is_err());
    }

    #[test]
    fn a_merge_that_breaks_a_rule_is_left_to_the_buyer() {
        let (key, synced) = saved(&example::workspace());
        // Checked by the tools loaded here, as a copy from another tab is.
        crate::domain::workspace::register::<crate::domain::scorecard::Scorecard>();
        let ours = edited(
            &synced,
            &[("/data/scorecard/cells/harbor/raci-written/score", json!(9))],
        );
        assert!(merge_workspace(&key, &synced, &ours, &synced).is_err());
        let newer = edited(&synced, &[("/version", json!(99))]);
        assert!(merge_workspace(&key, &synced, &synced, &newer).is_err());
    }
}
