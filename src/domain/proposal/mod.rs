//! Provider proposals without a portal. The buyer sends each provider a request (a link
//! or a file), the provider answers in its own browser, and the response comes back
//! the same way into the three tools:
//! - `request`: what the buyer discloses, built from a workspace and nothing else;
//! - `response`: the provider's quote, answers and RACI positions;
//! - `intake`: how a response is checked against the workspace and brought in.

pub mod intake;
pub mod mask;
pub mod progress;
pub mod request;
pub mod response;
pub mod sent;

pub use request::{Question, Request};
pub use response::{Answer, Change, RaciReply, Response};

/// A provider's request id: random, made by the buyer's browser.
pub fn valid_id(id: &str) -> bool {
    (8..=32).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_hexdigit())
}
