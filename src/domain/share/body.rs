//! The documents a share link carries, and who shared them when.
//!
//! Format 1 carries documents as their versioned JSON envelope, so every migration that
//! upgrades stored data also upgrades old links.

use serde::{de::DeserializeOwned, Deserialize, Serialize};
use serde_json::Value;

use super::link::{self, LinkError, LinkKind};
use crate::domain::envelope::{self, Kind};
use crate::domain::workspace::Workspace;

/// Who shared a document and when, shown to whoever opens the link.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sender {
    /// The name the sharer gave, if any.
    #[serde(default)]
    pub by: String,
    /// Milliseconds since the Unix epoch.
    #[serde(default)]
    pub at_ms: i64,
}

#[derive(Serialize, Deserialize)]
struct JsonBody {
    #[serde(default)]
    by: String,
    #[serde(default)]
    at: i64,
    env: Value,
}

/// A document opened from a link.
#[derive(Clone, Debug, PartialEq)]
pub enum SharedDoc {
    Workspace(Box<Workspace>),
}

impl SharedDoc {
    pub fn kind(&self) -> LinkKind {
        match self {
            SharedDoc::Workspace(_) => LinkKind::Workspace,
        }
    }
}

/// The link text (after `#/s/`) for a whole workspace.
pub fn workspace_link(workspace: &Workspace, sender: &Sender) -> String {
    link::pack(
        LinkKind::Workspace,
        &json_body(Kind::Workspace, workspace, sender),
    )
}

/// Opens link text into a document and its sender.
pub fn open_link(text: &str) -> Result<(SharedDoc, Sender), LinkError> {
    let (kind, body) = link::unpack(text)?;
    match kind {
        LinkKind::Workspace => {
            let (ws, sender) = from_json_body::<Workspace>(&body, Kind::Workspace)?;
            ws.check().map_err(LinkError::BadBody)?;
            Ok((SharedDoc::Workspace(Box::new(ws)), sender))
        }
        other => Err(LinkError::BadBody(format!(
            "this version of Splitline cannot open a shared {} yet",
            other.label()
        ))),
    }
}

fn json_body<T: Serialize>(kind: Kind, doc: &T, sender: &Sender) -> Vec<u8> {
    let body = JsonBody {
        by: sender.by.clone(),
        at: sender.at_ms,
        env: envelope::to_value(kind, doc),
    };
    serde_json::to_vec(&body).expect("our models always serialise")
}

fn from_json_body<T: DeserializeOwned>(body: &[u8], kind: Kind) -> Result<(T, Sender), LinkError> {
    let parsed: JsonBody =
        serde_json::from_slice(body).map_err(|e| LinkError::BadBody(e.to_string()))?;
    let doc =
        envelope::decode_value(parsed.env, kind).map_err(|e| LinkError::BadBody(e.message()))?;
    Ok((
        doc,
        Sender {
            by: parsed.by,
            at_ms: parsed.at,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Workspace {
        let mut ws = Workspace::new("w1".into(), "Acme <img src=x onerror=alert(1)>".into(), 5);
        ws.profile.employees = 120;
        ws
    }

    #[test]
    fn a_workspace_link_round_trips_with_its_sender() {
        let sender = Sender {
            by: "Dana (IT manager)".into(),
            at_ms: 1_763_942_400_000,
        };
        let text = workspace_link(&sample(), &sender);
        let (doc, got) = open_link(&text).unwrap();
        assert_eq!(doc, SharedDoc::Workspace(Box::new(sample())));
        assert_eq!(doc.kind(), LinkKind::Workspace);
        assert_eq!(got, sender);
    }

    #[test]
    fn a_link_of_the_wrong_shape_is_a_clear_error() {
        let text = link::pack(
            LinkKind::Workspace,
            b"{\"env\":{\"format\":\"splitline\",\"kind\":\"meta\",\"version\":1,\"data\":{}}}",
        );
        assert!(
            matches!(open_link(&text), Err(LinkError::BadBody(m)) if m.contains("Expected a workspace"))
        );
        let text = link::pack(LinkKind::Workspace, b"not json");
        assert!(matches!(open_link(&text), Err(LinkError::BadBody(_))));
    }
}
