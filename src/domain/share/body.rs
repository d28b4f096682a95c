//! The documents a share link carries, and who shared them when.
//!
//! Link format 1 bodies:
//! - workspace, RACI, pricing: `{"by": name, "at": ms, "env": envelope}`, the versioned
//!   JSON envelope, so the migrations that upgrade stored data upgrade old links too; a
//!   workspace's default scorecard criteria travel as references (`minimal`);
//! - scorecard: one evaluator's card in the compact binary layout of `card`.

use serde::{de::DeserializeOwned, Deserialize, Serialize};
use serde_json::Value;

use super::link::{self, LinkError, LinkKind};
use super::{card, minimal};
use crate::domain::documents::{PricingDoc, RaciDoc};
use crate::domain::envelope::{self, Kind};
use crate::domain::proposal::{Request, Response};
use crate::domain::scorecard::card_file::CardFile;
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
    Scorecard(Box<CardFile>),
    Raci(Box<RaciDoc>),
    Pricing(Box<PricingDoc>),
    Request(Box<Request>),
    Response(Box<Response>),
}

impl SharedDoc {
    pub fn kind(&self) -> LinkKind {
        match self {
            SharedDoc::Workspace(_) => LinkKind::Workspace,
            SharedDoc::Scorecard(_) => LinkKind::Scorecard,
            SharedDoc::Raci(_) => LinkKind::Raci,
            SharedDoc::Pricing(_) => LinkKind::Pricing,
            SharedDoc::Request(_) => LinkKind::Request,
            SharedDoc::Response(_) => LinkKind::Response,
        }
    }

    /// The link text (after `#/s/`) that carries this document.
    pub fn link(&self, sender: &Sender) -> String {
        match self {
            SharedDoc::Workspace(ws) => workspace_link(ws, sender),
            SharedDoc::Scorecard(card) => scorecard_link(card),
            SharedDoc::Raci(doc) => raci_link(doc, sender),
            SharedDoc::Pricing(doc) => pricing_link(doc, sender),
            SharedDoc::Request(request) => request_link(request, sender),
            SharedDoc::Response(response) => response_link(response, sender),
        }
    }
}

/// The link text (after `#/s/`) for a whole workspace.
pub fn workspace_link(workspace: &Workspace, sender: &Sender) -> String {
    let mut env = envelope::to_value(Kind::Workspace, workspace);
    if let Some(data) = env.get_mut("data") {
        minimal::minimize(data);
    }
    link::pack(LinkKind::Workspace, &json_body(env, sender))
}

/// The link text for one evaluator's scorecard; the card names its evaluator and time.
pub fn scorecard_link(card: &CardFile) -> String {
    link::pack(LinkKind::Scorecard, &card::encode(card))
}

pub fn raci_link(doc: &RaciDoc, sender: &Sender) -> String {
    let env = envelope::to_value(Kind::Raci, doc);
    link::pack(LinkKind::Raci, &json_body(env, sender))
}

pub fn pricing_link(doc: &PricingDoc, sender: &Sender) -> String {
    let env = envelope::to_value(Kind::Pricing, doc);
    link::pack(LinkKind::Pricing, &json_body(env, sender))
}

/// The link text for a request for proposal; questions the defaults hold travel as
/// references, as a workspace's criteria do.
pub fn request_link(request: &Request, sender: &Sender) -> String {
    let mut env = envelope::to_value(Kind::Request, request);
    if let Some(data) = env.get_mut("data") {
        minimal::minimize_questions(data);
    }
    link::pack(LinkKind::Request, &json_body(env, sender))
}

pub fn response_link(response: &Response, sender: &Sender) -> String {
    let env = envelope::to_value(Kind::Response, response);
    link::pack(LinkKind::Response, &json_body(env, sender))
}

/// Opens link text into a document and its sender, checking the document's invariants.
pub fn open_link(text: &str) -> Result<(SharedDoc, Sender), LinkError> {
    let (kind, body) = link::unpack(text)?;
    match kind {
        LinkKind::Workspace => {
            let (mut env, sender) = from_json_body(&body)?;
            if let Some(data) = env.get_mut("data") {
                minimal::expand(data).map_err(LinkError::BadBody)?;
            }
            let ws: Workspace = decode(env, Kind::Workspace)?;
            ws.check().map_err(LinkError::BadBody)?;
            Ok((SharedDoc::Workspace(Box::new(ws)), sender))
        }
        LinkKind::Scorecard => {
            let card = card::decode(&body).map_err(LinkError::BadBody)?;
            let sender = Sender {
                by: card.evaluator.clone(),
                at_ms: card.exported_ms,
            };
            Ok((SharedDoc::Scorecard(Box::new(card)), sender))
        }
        LinkKind::Raci => {
            let (env, sender) = from_json_body(&body)?;
            let doc: RaciDoc = decode(env, Kind::Raci)?;
            doc.raci.check_integrity().map_err(LinkError::BadBody)?;
            Ok((SharedDoc::Raci(Box::new(doc)), sender))
        }
        LinkKind::Request => {
            let (mut env, sender) = from_json_body(&body)?;
            if let Some(data) = env.get_mut("data") {
                minimal::expand_questions(data).map_err(LinkError::BadBody)?;
            }
            let request: Request = decode(env, Kind::Request)?;
            request.check().map_err(LinkError::BadBody)?;
            Ok((SharedDoc::Request(Box::new(request)), sender))
        }
        LinkKind::Response => {
            let (env, sender) = from_json_body(&body)?;
            let response: Response = decode(env, Kind::Response)?;
            response.check().map_err(LinkError::BadBody)?;
            Ok((SharedDoc::Response(Box::new(response)), sender))
        }
        LinkKind::Pricing => {
            let (env, sender) = from_json_body(&body)?;
            let doc: PricingDoc = decode(env, Kind::Pricing)?;
            doc.check().map_err(LinkError::BadBody)?;
            Ok((SharedDoc::Pricing(Box::new(doc)), sender))
        }
    }
}

fn json_body(env: Value, sender: &Sender) -> Vec<u8> {
    let body = JsonBody {
        by: sender.by.clone(),
        at: sender.at_ms,
        env,
    };
    serde_json::to_vec(&body).expect("our models always serialise")
}

fn from_json_body(body: &[u8]) -> Result<(Value, Sender), LinkError> {
    let parsed: JsonBody =
        serde_json::from_slice(body).map_err(|e| LinkError::BadBody(e.to_string()))?;
    let sender = Sender {
        by: parsed.by,
        at_ms: parsed.at,
    };
    Ok((parsed.env, sender))
}

fn decode<T: DeserializeOwned>(env: Value, kind: Kind) -> Result<T, LinkError> {
    envelope::decode_value(env, kind).map_err(|e| LinkError::BadBody(e.message()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::pricing::Pick;
    use crate::domain::profile::Industry;
    use crate::domain::raci::template;

    fn sender() -> Sender {
        Sender {
            by: "Dana (IT manager)".into(),
            at_ms: 1_763_942_400_000,
        }
    }

    fn workspace() -> Workspace {
        let mut ws = Workspace::new("w1".into(), "Acme <img src=x onerror=alert(1)>".into(), 5);
        ws.profile.employees = 120;
        ws.raci = template::co_managed(Industry::Healthcare).into();
        ws.pricing
            .add_quote(
                &mut ws.providers,
                Pick::New("Harbor IT".into()),
                "p1".into(),
            )
            .unwrap();
        ws
    }

    #[test]
    fn a_workspace_link_round_trips_with_its_sender() {
        let ws = workspace();
        let (doc, got) = open_link(&workspace_link(&ws, &sender())).unwrap();
        assert_eq!(doc, SharedDoc::Workspace(Box::new(ws)));
        assert_eq!(got, sender());
    }

    #[test]
    fn raci_and_pricing_links_round_trip() {
        let ws = workspace();
        let raci = RaciDoc::of(&ws);
        let (doc, _) = open_link(&raci_link(&raci, &sender())).unwrap();
        assert_eq!(doc, SharedDoc::Raci(Box::new(raci)));
        let pricing = PricingDoc::of(&ws);
        let (doc, got) = open_link(&pricing_link(&pricing, &sender())).unwrap();
        assert_eq!(doc, SharedDoc::Pricing(Box::new(pricing)));
        assert_eq!(got, sender());
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
        let text = link::pack(LinkKind::Raci, b"not json");
        assert!(matches!(open_link(&text), Err(LinkError::BadBody(_))));
        let text = link::pack(LinkKind::Scorecard, b"\x00");
        assert!(matches!(open_link(&text), Err(LinkError::BadBody(_))));
    }

    #[test]
    fn documents_that_break_invariants_are_refused() {
        let mut ws = workspace();
        ws.raci.functions[1].id = ws.raci.functions[0].id;
        let text = workspace_link(&ws, &sender());
        assert!(
            matches!(open_link(&text), Err(LinkError::BadBody(m)) if m.contains("repeated id"))
        );
        let mut pricing = PricingDoc::of(&workspace());
        pricing.providers.clear();
        assert!(matches!(
            open_link(&pricing_link(&pricing, &sender())),
            Err(LinkError::BadBody(_))
        ));
    }
}
