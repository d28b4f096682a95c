//! Share links: a document carried in the URL fragment, which is never sent to a server.
//!
//! `link` is the container (version, kind, length, deflate, base64url, checksum) with
//! hard caps so hostile input is refused cheaply; `body` turns documents into the
//! bytes it carries.

pub mod body;
pub mod bytes;
pub mod card;
pub mod crc;
pub mod defaults;
pub mod dict;
pub mod link;
pub mod link_page;
pub mod minimal;
pub mod preset;
