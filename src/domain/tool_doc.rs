//! A tool's document inside a workspace, kept as the JSON it was stored as until code that
//! works with it reads it.
//!
//! Why: start-up reads every stored workspace, and decoding the three tools' models there
//! put their decoders (about a fifth of the start-up wasm) on every visitor's first load.
//! The app's shell only moves workspaces between storage, other tabs and the save status,
//! which needs their text, not their models. Each tool's page opens its document when the
//! tool's code arrives (`workspace::register`, then `workspace::open_in` on every
//! workspace), so a tool's decoder and checks load with that tool; the shell itself never
//! reads a document.

use std::fmt;
use std::ops::{Deref, DerefMut};
use std::sync::OnceLock;

use serde::de::DeserializeOwned;
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::value::RawValue;

/// A document kept as stored text until read.
pub trait Stored:
    Serialize + DeserializeOwned + Default + Clone + PartialEq + Send + Sync + 'static
{
    /// What the buyer calls it, in the message when it cannot be read.
    const NAME: &'static str;
}

/// A tool's document: the stored JSON, and the model once something has read it.
pub struct ToolDoc<T> {
    /// `None` for a document never stored (a new workspace's), which is the default.
    stored: Option<Box<RawValue>>,
    open: OnceLock<T>,
    /// Changed (or made) in memory since it was stored: the model is what gets saved.
    /// Reading alone never changes what is saved.
    edited: bool,
}

impl<T: Stored> ToolDoc<T> {
    /// Whether the document is still a new workspace's: never changed, and never stored
    /// or stored empty (a new workspace's, read back after a reload).
    pub fn is_untouched(&self) -> bool {
        !self.edited && self.stored.as_ref().is_none_or(|raw| raw.get() == "{}")
    }

    /// Whether something has read the document (or it was made in memory).
    pub fn is_read(&self) -> bool {
        self.open.get().is_some()
    }

    /// Reads the document if nothing has yet; `Err` says why it cannot be read.
    pub fn open(&self) -> Result<&T, String> {
        if let Some(value) = self.open.get() {
            return Ok(value);
        }
        let value = match &self.stored {
            None => T::default(),
            Some(raw) => serde_json::from_str(raw.get())
                .map_err(|e| format!("the {} is not readable ({e})", T::NAME))?,
        };
        Ok(self.open.get_or_init(|| value))
    }

    /// Changes the document; `change` says whether it changed anything, and only then is
    /// the model what gets saved (a look that changes nothing keeps the stored text).
    pub fn change(&mut self, change: impl FnOnce(&mut T) -> bool) -> bool {
        let changed = change(self.model_mut());
        if changed {
            self.mark_edited();
        }
        changed
    }

    fn model_mut(&mut self) -> &mut T {
        ToolDoc::open(self).expect(READ);
        self.open.get_mut().expect("opened just above")
    }

    fn mark_edited(&mut self) {
        self.edited = true;
        self.stored = None;
    }
}

const READ: &str = "a tool's documents are read and checked when the tool loads";

/// Reading a document through the workspace: its tool has opened and checked it (see
/// `workspace::register`), so this only fails on a bug, never on stored data.
impl<T: Stored> Deref for ToolDoc<T> {
    type Target = T;
    fn deref(&self) -> &T {
        self.open().expect(READ)
    }
}

/// Taking the model to change it: from now on the model is what gets saved.
impl<T: Stored> DerefMut for ToolDoc<T> {
    fn deref_mut(&mut self) -> &mut T {
        // Read before the stored text is dropped.
        ToolDoc::open(self).expect(READ);
        self.mark_edited();
        self.model_mut()
    }
}

impl<T> From<T> for ToolDoc<T> {
    fn from(value: T) -> Self {
        ToolDoc {
            stored: None,
            open: OnceLock::from(value),
            edited: true,
        }
    }
}

impl<T> Default for ToolDoc<T> {
    fn default() -> Self {
        ToolDoc {
            stored: None,
            open: OnceLock::new(),
            edited: false,
        }
    }
}

impl<T: Clone> Clone for ToolDoc<T> {
    fn clone(&self) -> Self {
        ToolDoc {
            stored: self.stored.clone(),
            open: self.open.clone(),
            edited: self.edited,
        }
    }
}

/// Two documents are equal when their models are (either unreadable: when their texts are).
impl<T: Stored> PartialEq for ToolDoc<T> {
    fn eq(&self, other: &Self) -> bool {
        match (self.open(), other.open()) {
            (Ok(a), Ok(b)) => a == b,
            _ => text(self) == text(other),
        }
    }
}

fn text<T: Stored>(doc: &ToolDoc<T>) -> String {
    serde_json::to_string(doc).expect("our models always serialise")
}

impl<T: fmt::Debug> fmt::Debug for ToolDoc<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.open.get(), &self.stored) {
            (Some(value), _) => value.fmt(f),
            (None, Some(raw)) => write!(f, "unread {}", raw.get()),
            (None, None) => f.write_str("default"),
        }
    }
}

/// The model once edited; until then the stored JSON as it was, so saving a workspace the
/// buyer has only looked at writes back exactly what was read.
impl<T: Stored> Serialize for ToolDoc<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match (self.edited.then(|| self.open.get()).flatten(), &self.stored) {
            (Some(value), _) => value.serialize(serializer),
            (None, Some(raw)) => raw.serialize(serializer),
            // Every tool's fields default, so `{}` reads back as the default document
            // without putting the default's code and text (the market's criteria) here.
            (None, None) => serializer.serialize_map(Some(0))?.end(),
        }
    }
}

impl<'de, T> Deserialize<'de> for ToolDoc<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(ToolDoc {
            stored: Some(Box::<RawValue>::deserialize(deserializer)?),
            open: OnceLock::new(),
            edited: false,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::envelope::{self, Kind};
    use crate::domain::persist::save::decode_workspace;
    use crate::domain::pricing::Pricing;
    use crate::domain::raci::{template, Raci};
    use crate::domain::scorecard::Scorecard;
    use crate::domain::workspace::{open_in, register, Workspace};

    fn stored_text() -> String {
        let mut ws = Workspace::new("a".into(), "Acme".into(), 1);
        ws.raci = template::blank().into();
        ws.scorecard.evaluator = "Dana".into();
        envelope::encode(Kind::Workspace, &ws)
    }

    #[test]
    fn an_unread_workspace_is_written_back_exactly_as_it_was_read() {
        let text = stored_text();
        let ws = decode_workspace("splitline.ws.a", &text).unwrap();
        assert!(!ws.raci.is_read() && !ws.scorecard.is_read());
        // Nor does reading change what is saved.
        assert_eq!(ws.raci.functions.len(), 0);
        let fresh = Workspace::new("a".into(), "Acme".into(), 1);
        assert_eq!(
            fresh.scorecard.criteria.len(),
            Scorecard::default().criteria.len()
        );
        assert_eq!(envelope::encode(Kind::Workspace, &ws), text);
        assert!(envelope::encode(Kind::Workspace, &fresh).contains(r#""scorecard":{}"#));
    }

    #[test]
    fn reading_then_editing_writes_the_edit() {
        let mut ws = decode_workspace("splitline.ws.a", &stored_text()).unwrap();
        assert_eq!(ws.scorecard.evaluator, "Dana");
        ws.scorecard.evaluator = "Lee".into();
        let again: Workspace =
            envelope::decode(&envelope::encode(Kind::Workspace, &ws), Kind::Workspace).unwrap();
        assert_eq!(again.scorecard.evaluator, "Lee");
        assert_eq!(again, ws);
    }

    #[test]
    fn a_change_that_changes_nothing_keeps_the_stored_text() {
        // Stored by hand: only what differs from the default scorecard.
        let blank = envelope::encode(Kind::Workspace, &Workspace::new("a".into(), "A".into(), 1));
        let text = blank.replace(r#""scorecard":{}"#, r#""scorecard":{"card_id":"card-sam"}"#);
        let mut ws = decode_workspace("splitline.ws.a", &text).unwrap();
        assert!(!ws.scorecard.change(|sc| sc.stamp_card_id("fresh".into())));
        assert_eq!(ws.scorecard.card_id, "card-sam");
        assert_eq!(envelope::encode(Kind::Workspace, &ws), text);
        assert!(ws.scorecard.change(|sc| {
            sc.evaluator = "Sam".into();
            true
        }));
        let saved = envelope::encode(Kind::Workspace, &ws);
        assert!(saved.contains(r#""evaluator":"Sam""#) && saved.contains(r#""criteria":["#));
    }

    #[test]
    fn a_new_document_is_stored_as_empty_json_and_reads_back_as_the_default() {
        let ws = Workspace::new("a".into(), "Acme".into(), 1);
        let text = envelope::encode(Kind::Workspace, &ws);
        assert!(
            text.contains(r#""raci":{},"scorecard":{},"pricing":{}"#),
            "{text}"
        );
        let back = decode_workspace("splitline.ws.a", &text).unwrap();
        assert_eq!(*back.raci, Raci::default());
        assert_eq!(*back.scorecard, Scorecard::default());
        assert_eq!(*back.pricing, Pricing::default());
        // Unread, read and never-stored defaults are all the same document.
        assert_eq!(back, ws);
        assert_eq!(ToolDoc::from(Scorecard::default()), ToolDoc::default());
    }

    #[test]
    fn a_broken_document_waits_for_its_tool_and_is_refused_there() {
        let with_raci = |field: &str, value: serde_json::Value| {
            let mut v: serde_json::Value = serde_json::from_str(&stored_text()).unwrap();
            v["data"]["raci"][field] = value;
            v.to_string()
        };
        let text = with_raci("next_id", 4_000_000_000u32.into());
        // Start-up reads it: nothing it checks is wrong.
        let ws = decode_workspace("splitline.ws.a", &text).unwrap();
        assert!(open_in::<Scorecard>(&ws).is_ok());
        let refused = open_in::<Raci>(&ws).unwrap_err();
        assert!(refused.contains("id counter"), "{refused}");
        assert!(ws.check().is_err());
        // Unreadable JSON names the document.
        let garbled = with_raci("parties", 7.into());
        let ws = decode_workspace("splitline.ws.a", &garbled).unwrap();
        assert!(ws
            .raci
            .open()
            .unwrap_err()
            .starts_with("the RACI matrix is not readable"));
        // Once the RACI's code has loaded, the same text is refused on arrival.
        register::<Raci>();
        let err = decode_workspace("splitline.ws.a", &text).unwrap_err();
        assert!(err.message().contains("id counter"), "{}", err.message());
    }
}
